"""Issue 17, the cross-page agreement test: a plan the suite had not used (Lào Cai 134/KH-UBND, shared/plans/more
45), a directory scaffolded from it, a simulated month; then the dashboard, the focal page, every officer's page,
the API and the compiled report must give every obligation the same due date, status and timeliness category.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pendulum
import pytest
import yaml
from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select
from typer.testing import CliRunner

from dondoc import clock
from dondoc.app.simulation import Behaviour, simulate
from dondoc.cli import app as cli
from dondoc.collect.links import link_for
from dondoc.db import make_engine
from dondoc.models import Obligation, Officer, Plan
from dondoc.reporting.compile import compile_report
from dondoc.web import create_app
from tests.conftest import PLANS

PLAN = PLANS / "more" / "45_laocai-134-kh-cong-nghiep-2026.txt"
runner = CliRunner()
ATTRS = re.compile(r'data-ob="(\d+)" data-due="([0-9-]*)" data-status="([a-z_]+)" data-cat="([a-z_]+)"')


def _cli(*args: str) -> str:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _page(client: TestClient, url: str) -> dict[int, tuple[str | None, str, str]]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    return {int(o): (d or None, s, c) for o, d, s, c in ATTRS.findall(r.text)}


def _with_officers(draft: Path) -> None:
    """What the clerk does with the scaffolded draft: one focal officer per unit."""
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    units = data.get("units") or []
    data["officers"] = [{"code": f"CB{i}", "unit": u["code"], "name": f"Cán bộ {i}", "role": "focal"}
                        for i, u in enumerate(units, start=1)]
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("undated", ["track", "default_date"])
def test_every_page_agrees_on_every_obligation(sqlite_settings, tmp_path, undated) -> None:
    settings = sqlite_settings
    draft = tmp_path / "draft.yaml"
    _cli("directory", "scaffold", str(PLAN), "-o", str(draft))
    _with_officers(draft)
    _cli("directory", "import", str(draft))
    _cli("plan", "import", str(PLAN), "--activate")
    _cli("plan", "policy", "1", "--undated", undated)
    engine = make_engine(settings.db_url)
    with Session(engine) as s:
        plan = s.get(Plan, 1)
        assert plan is not None and plan.number == "134/KH-UBND"
        cutoff = s.exec(select(func.max(Obligation.cutoff)).where(Obligation.plan_id == 1)).one()
    start = cutoff - dt.timedelta(days=30)
    for _ in simulate(engine=engine, settings=settings, start=start, end=cutoff,
                      behaviour=Behaviour(on_time=0.5, late_share=0.5, seed=17)):
        pass
    at = pendulum.datetime(cutoff.year, cutoff.month, cutoff.day, 16, tz=clock.TZ)
    clock.use(clock.FixedClock(at))
    try:
        report = compile_report(engine=engine, settings=settings, plan_id=1, period=None, now=at, send=False)
        with Session(engine, expire_on_commit=False) as s:
            plan = s.get(Plan, 1)
            obligations = s.exec(select(Obligation).where(Obligation.plan_id == 1)).all()
            unit_ids = {o.unit_id for o in obligations}
            officers = s.exec(select(Officer).where(col(Officer.unit_id).in_(unit_ids))).all()
            focal = next(o for o in s.exec(select(Officer)).all() if o.unit_id == (plan.focal_unit_id or plan.owner_unit_id))
            tokens = {o.id: link_for(s, officer_id=o.id, settings=settings, now=at).rsplit("/", 1)[-1] for o in officers}
            tokens[focal.id] = link_for(s, officer_id=focal.id, settings=settings, now=at).rsplit("/", 1)[-1]
            s.commit()
            period = report.period
            wanted = {o.id for o in obligations if o.period == period}
        with TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000") as client:
            ft = tokens[focal.id]
            dashboard = _page(client, f"/t/{ft}/dashboard/1?period={period}")
            focal_page = _page(client, f"/t/{ft}/focal/1?period={period}")
            officer_pages: dict[int, tuple[str | None, str, str]] = {}
            for token in tokens.values():
                officer_pages.update(_page(client, f"/t/{token}"))
            api = client.get("/api/plans/1/obligations?include_closed=true", headers={"Authorization": f"Bearer {ft}"})
            assert api.status_code == 200
            api_rows = {r["id"]: (r["due_date"], r["status"], r["category"]) for r in api.json()}
        rows = report.snapshot["obligations"]
        report_rows = {r["id"]: (r["deadline"], r["status"], r["category"]) for r in rows}
    finally:
        clock.use(clock.SystemClock())

    assert report.snapshot["period"]["as_of"] == cutoff.isoformat()
    assert set(dashboard) == set(focal_page) == wanted
    # The report of a period also covers the obligations of shorter periods inside it (the months of a yearly
    # report); the pages show one period label at a time. Nothing else may differ.
    inside = {o.id for o in obligations if o.id not in wanted and o.period_start >= dt.date.fromisoformat(
        report.snapshot["period"]["start"]) and o.period_end <= dt.date.fromisoformat(report.snapshot["period"]["end"])}
    assert wanted <= set(report_rows) <= wanted | inside
    assert set(report_rows) <= set(api_rows)
    for oid in set(report_rows) - wanted:
        assert report_rows[oid] == api_rows[oid], ("report, shorter period", oid)
    assert set(officer_pages) & wanted  # the officers see their own
    for oid in wanted:
        truth = api_rows[oid]
        assert dashboard[oid] == truth, ("dashboard", oid)
        assert focal_page[oid] == truth, ("focal", oid)
        assert report_rows[oid] == truth, ("report", oid)
        if oid in officer_pages:
            assert officer_pages[oid] == truth, ("officer", oid)
    categories = {c for _, _, c in api_rows.values()}
    statuses = {s for _, s, _ in api_rows.values()}
    assert "done" in statuses and "not_started" in statuses  # the month did something
    if undated == "track":
        assert "no_deadline" in categories
        undated_rows = [v for v in api_rows.values() if v[2] == "no_deadline"]
        assert all(d is None for d, _, _ in undated_rows)  # no silent deadline
    else:
        assert "no_deadline" not in categories or all(
            o.kind == "continuous" for o in obligations if api_rows.get(o.id, (0, 0, ""))[2] == "no_deadline")
