"""The plan dashboard, for the plan's focal officers and issuer (figures: web/dashboard.py)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from dondoc.collect.access import can_enter_for, is_issuer
from dondoc.collect.submit import is_focal
from dondoc.models import Plan
from dondoc.reporting import timeliness as tl
from dondoc.web import queries
from dondoc.web.dashboard import GRID_CATEGORIES, GRID_LABELS, SHORT, dashboard_data, stacked
from dondoc.web.deps import CurrentViewer, Today, WebContext
from dondoc.web.errors import NotFoundPage

router = APIRouter(include_in_schema=False)


@router.get("/t/{token}/dashboard/{plan_id}", response_class=HTMLResponse)
def dashboard(plan_id: int, web: WebContext, link: CurrentViewer, today: Today,
              period: str | None = None) -> HTMLResponse:
    with link.read() as (s, v):
        plan = s.get(Plan, plan_id)
        if plan is None or not (is_focal(v.officer, plan) or is_issuer(v.officer, plan)):
            raise NotFoundPage()
        data = dashboard_data(s, plan=plan, today=today, period=period)
        return web.render("dashboard.html", title=f"Tổng quan: {plan.title[:60]}", v=v, officer=v.officer,
                          unit=v.unit, plan=plan, today=today, focal=is_focal(v.officer, plan),
                          labels=tl.LABELS, short=SHORT, categories=tl.CATEGORIES, grid_labels=GRID_LABELS,
                          grid_categories=GRID_CATEGORIES,
                          bar=stacked(data["summary"]), can_enter=can_enter_for(v.officer, plan),
                          reports=queries.compiled_reports(s, plan_id=plan_id), **data)
