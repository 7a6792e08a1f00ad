"""The tracking desk's ledger: /so-theo-doi (page, Excel export), GET /api/ledger (staff tokens) and the
calendar feeds /ical/{token}.ics.

Every staff role reads the ledger. Focal staff attached to a unit see the plans their unit follows (its
focal or owner unit, or plans with none); admins, leaders, clerks and unit-less focal staff see all."""

from __future__ import annotations

from typing import Any, NamedTuple

from fastapi import APIRouter, Header, HTTPException, Request
from fastapi.responses import Response

from dondoc import clock
from dondoc.errors import DondocError
from dondoc.models import Plan, StaffUser, Unit
from dondoc.reporting import timeliness as tl
from dondoc.reporting.ledger_query import LedgerFilter, Scope, ledger_all, ledger_page, today
from dondoc.reporting.ledger_xlsx import COLUMNS, cells, ledger_workbook
from dondoc.web.console.auth import staff_from_token
from dondoc.web.console.session import Staff, finish, page, require

ALL = ("admin", "focal", "leader", "clerk")
EXPORT_LIMIT = 50_000
# The dropdowns' plans and units change rarely (a plan activated, a unit added): kept per process this
# long instead of two queries and some hundred rows per page view.
CHOICES_TTL = 30.0
PAGE_COUNT_LIMIT = 10_000  # the page says "trên 10.000 nhiệm vụ" beyond (the API and the CLI count exactly)
ROLE_LABELS = {"lead": "Chủ trì", "support": "Phối hợp", "report": "Báo cáo", "compile": "Tổng hợp"}
STATUS_CHOICES = {"not_started": "Chưa triển khai", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
                  "impossible": "Không thực hiện được"}


def scope_of(user: StaffUser) -> Scope:
    if user.role == "focal" and user.unit_id is not None:
        return Scope(unit_id=user.unit_id, all_plans=False)
    return Scope()


def plan_completeness(s: Any, plan_id: int | None, visible: list[PlanChoice]) -> Any:
    """The ledger filtered to one plan the viewer may see: who has reported in its current period (the
    focal page's default period), who has not, most urgent first; None otherwise."""
    from dondoc.reporting.completeness import completeness
    from dondoc.web import queries

    if plan_id is None or plan_id not in {p.id for p in visible}:
        return None
    day = today()
    return completeness(s, plan_id=plan_id, period=queries.default_period(queries.plan_periods(s, plan_id), day),
                        today=day)


class PlanChoice(NamedTuple):
    id: int
    number: str | None
    title: str


class UnitChoice(NamedTuple):
    code: str
    name: str


def choices(s: Any, scope: Scope) -> dict[str, Any]:
    """The filter dropdowns' data: the active plans the viewer may see and every unit (plain tuples: the
    page caches them per process, see CHOICES_TTL)."""
    from sqlmodel import col, or_, select

    plans = select(Plan.id, Plan.number, Plan.title).where(Plan.state == "active").order_by(col(Plan.id))
    if not scope.all_plans:
        plans = plans.where(or_(col(Plan.focal_unit_id).is_(None), Plan.focal_unit_id == scope.unit_id,
                                Plan.owner_unit_id == scope.unit_id))
    return {"plans": [PlanChoice(*r) for r in s.exec(plans).all()],
            "units": [UnitChoice(*r) for r in s.exec(select(Unit.code, Unit.name).order_by(col(Unit.name))).all()]}


def make_router(web: Any) -> APIRouter:
    # Long on purpose: the list of this area's routes, each a small handler sharing the router's dependencies.
    router = APIRouter(include_in_schema=False)
    api = APIRouter(prefix="/api", tags=["staff"])

    def parse(request: Request) -> LedgerFilter:
        try:
            return LedgerFilter.from_params(request.query_params)
        except DondocError as exc:
            raise HTTPException(400, str(exc)) from None

    @router.get("/so-theo-doi")
    def ledger(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *ALL)
            scope = scope_of(staff.user)
            try:
                flt = LedgerFilter.from_params(request.query_params)
                error = ""
            except DondocError as exc:
                flt, error = LedgerFilter(), str(exc)
            result = ledger_page(s, flt, as_of=today(), scope=scope, count_limit=PAGE_COUNT_LIMIT)
            opts = web.cached(("ledger-choices", scope), CHOICES_TTL, lambda: choices(s, scope))
            done = plan_completeness(s, flt.plan, opts["plans"])
        return page(web, request, staff, "console/ledger.html", 400 if error else 200, title="Sổ theo dõi nhiệm vụ",
                    p=result, f=flt, error=error, columns=[h for h, _ in COLUMNS], cells=cells, completeness=done,
                    categories=tl.LABELS, roles=ROLE_LABELS, statuses=STATUS_CHOICES, **opts)

    @router.get("/so-theo-doi.xlsx")
    def export(request: Request) -> Response:
        with web.read() as s:
            staff = require(web, s, request, *ALL)
            flt = parse(request)
            as_of = today()
            rows = ledger_all(s, flt, as_of=as_of, scope=scope_of(staff.user), limit=EXPORT_LIMIT)
        data = ledger_workbook(rows, title="SỔ THEO DÕI THỰC HIỆN NHIỆM VỤ", as_of=as_of)
        resp = Response(data, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"content-disposition": f'attachment; filename="so-theo-doi-{as_of:%Y%m%d}.xlsx"'})
        return finish(web, request, staff, resp)

    @api.get("/ledger", summary="Sổ theo dõi: các nghĩa vụ của kế hoạch đang thực hiện, cùng bộ lọc như /so-theo-doi")
    def api_ledger(request: Request, authorization: str | None = Header(None)) -> dict[str, Any]:
        user = staff_from_token(web, authorization, *ALL)
        flt = parse(request)
        with web.read() as s:
            result = ledger_page(s, flt, as_of=today(), scope=scope_of(user))
        return {"as_of": result.as_of.isoformat(), "total": result.total, "page": flt.page,
                "per_page": flt.per_page, "rows": [r.as_dict() for r in result.rows]}

    @router.get("/ical/{token}.ics")
    def ical(token: str) -> Response:
        from dondoc.collect.ical import find_feed, render_feed

        now = clock.now()
        with web.write() as s:
            feed = find_feed(s, token)
            body = render_feed(s, feed=feed, settings=web.settings, now=now)
            feed.last_used_at = now
            s.add(feed)
        return Response(body, media_type="text/calendar; charset=utf-8",
                        headers={"cache-control": "private, max-age=300",
                                 "content-disposition": 'inline; filename="dondoc.ics"'})

    router.routes.extend(api.routes)
    return router


__all__ = ["Staff", "make_router", "scope_of", "staff_from_token"]
