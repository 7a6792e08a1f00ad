"""Through the staff API: a seed plan imported as a draft, corrected to its hand-made gold, activated ->
exactly the gold's (ref, lead) pairs are the plan's active lead obligations; and nothing before that."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.intake.duplicates import reporting_duplicates
from dondoc.models import Assignment, Message, Notice, Obligation, ReportObligation, Unit
from tests.integration.console.conftest import SEED_004, SHARED, Staff, bearer

CASES = {
    # the seed the example directory covers (the parser gets it right: corrections are a no-op)
    "seed004": (SEED_004, SHARED / "seeds" / "gold" / "004_3b3dcdee6daa1c7d.gold.json"),
    # a plan the parser gets partly wrong (4 invented rows, 9 missed): real corrections
    "laichau": (SHARED / "plans" / "more" / "20_laichau-7360-kh-tcqc-2025.md",
                SHARED / "plans" / "more" / "gold" / "20_laichau-7360-kh-tcqc-2025.gold.json"),
}


def _sig(ref: str, lead: list[str]) -> tuple[str, tuple[str, ...]]:
    return ref, tuple(sorted(" ".join(x.split()) for x in lead))


def _timing(g: dict[str, Any]) -> dict[str, Any]:
    kind = g.get("timing_kind") or "unspecified"
    if kind == "once" and not g.get("timing_due"):
        kind = "unspecified"
    return {"kind": kind, "due": g.get("timing_due"), "text": g.get("timing") if isinstance(g.get("timing"), str) else None}


def correct_to_gold(client: TestClient, token: str, plan: dict[str, Any], gold: list[dict[str, Any]]) -> Counter[str]:
    """Delete what the gold lacks, fix leads of rows under a gold ref, add what is missing."""
    calls: Counter[str] = Counter()
    want = Counter(_sig(g["ref"], g["lead"]) for g in gold)
    have = Counter()
    extra: list[dict[str, Any]] = []
    for item in plan["items"]:
        sig = _sig(item["ref"], item["lead"])
        if have[sig] < want[sig]:
            have[sig] += 1
        else:
            extra.append(item)
    missing = [g for g in gold if (want - have)[_sig(g["ref"], g["lead"])] > 0]
    for g in missing:
        sig = _sig(g["ref"], g["lead"])
        if have[sig] >= want[sig]:
            continue
        same_ref = next((i for i in extra if i["ref"] == g["ref"]), None)
        if same_ref is not None:  # the row is there, its lead is wrong: fix it in place
            extra.remove(same_ref)
            r = client.patch(f"/api/plans/{plan['id']}/items/{same_ref['id']}", headers=bearer(token),
                             json={"lead": g["lead"], "support": g.get("support") or []})
            calls["patch"] += 1
        else:
            r = client.post(f"/api/plans/{plan['id']}/items", headers=bearer(token),
                            json={"ref": g["ref"], "text": g["text"], "lead": g["lead"],
                                  "support": g.get("support") or [], "mode": g.get("mode") or "assign",
                                  "timing": _timing(g)})
            calls["post"] += 1
        assert r.status_code in (200, 201), r.text
        have[sig] += 1
    for item in extra:
        r = client.delete(f"/api/plans/{plan['id']}/items/{item['id']}", headers=bearer(token))
        assert r.status_code == 200, r.text
        calls["delete"] += 1
    return calls


@pytest.mark.parametrize("case", sorted(CASES))
def test_api_import_correct_to_gold_activate(app_client: TestClient, engine: Engine, staff: Staff, case: str) -> None:
    source, gold_path = CASES[case]
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["assignments"]
    token = staff.tokens["focal"]
    r = app_client.post("/api/plans", headers=bearer(token),
                        files={"file": (source.name, source.read_bytes(), "text/plain")})
    assert r.status_code == 201, r.text
    plan = r.json()
    assert plan["state"] == "draft" and plan["items"]
    if plan["focal_unit_id"] is None:  # a plan from outside the directory: choose who follows it
        with Session(engine) as s:
            unit = s.exec(select(Unit).where(Unit.parent_id == None)).first()  # noqa: E711
        r = app_client.put(f"/api/plans/{plan['id']}/focal", headers=bearer(token),
                           json={"focal_unit_id": unit.id, "owner_unit_id": unit.id})  # type: ignore[union-attr]
        assert r.status_code == 200 and r.json()["focal_unit_id"] == unit.id, r.text  # type: ignore[union-attr]
    with Session(engine) as s:  # a draft schedules nothing
        assert s.exec(select(Obligation).where(Obligation.plan_id == plan["id"])).all() == []

    if case == "laichau":  # a row the parse got right, removed by mistake: the correction must add it back (POST)
        wanted = {_sig(g["ref"], g["lead"]) for g in gold}
        gone = next(i for i in plan["items"] if _sig(i["ref"], i["lead"]) in wanted)
        r = app_client.delete(f"/api/plans/{plan['id']}/items/{gone['id']}", headers=bearer(token))
        assert r.status_code == 200, r.text
        plan = app_client.get(f"/api/plans/{plan['id']}", headers=bearer(token)).json()
    calls = correct_to_gold(app_client, token, plan, gold)
    after = app_client.get(f"/api/plans/{plan['id']}", headers=bearer(token)).json()
    assert Counter(_sig(i["ref"], i["lead"]) for i in after["items"]) == Counter(_sig(g["ref"], g["lead"]) for g in gold)

    preview = app_client.get(f"/api/plans/{plan['id']}/preview", headers=bearer(token)).json()
    assert preview["state"] == "draft" and preview["obligations"] > 0 and preview["officers"]

    r = app_client.post(f"/api/plans/{plan['id']}/activate", headers=bearer(token))
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "active"
    with Session(engine) as s:
        rows = s.exec(select(Assignment).where(Assignment.plan_id == plan["id"],
                                               Assignment.removed_at == None)).all()  # noqa: E711
        by_id = {a.id: a for a in rows}
        lead_obs = s.exec(select(Obligation).where(Obligation.plan_id == plan["id"], Obligation.role == "lead",
                                                   Obligation.closed == False)).all()
        followed = {o.assignment_id for o in lead_obs}
        # a task that restates the plan's reporting section is followed once, as the report itself (issue 17):
        # its units are asked by their report obligation, not by a second, duplicate task obligation
        reported = reporting_duplicates(rows, s.exec(select(ReportObligation).where(
            ReportObligation.plan_id == plan["id"])).all())
        followed |= set(reported) & set(by_id)
        pairs = {(by_id[a].ref, name) for a in followed if a in by_id for name in by_id[a].lead}
        assert pairs == {(g["ref"], " ".join(n.split())) for g in gold for n in g["lead"]}
        assert followed == set(by_id)  # every gold row is followed, nothing else is
        # assignment notices: queued once per officer, tied to the obligations they announce
        notices = s.exec(select(Notice).where(Notice.kind == "assignment")).all()
        assert {n.obligation_id for n in notices} >= {o.id for o in lead_obs}
        assert s.exec(select(Message).where(Message.kind == "assignment")).all()
    if case == "laichau":  # the parse needed correcting (a lead fixed in place) and the removed row came back
        assert calls["patch"] > 0 and calls["post"] > 0


def test_api_roles_and_tokens(app_client: TestClient, staff: Staff, world_plan: int) -> None:
    r = app_client.get(f"/api/plans/{world_plan}")
    assert r.status_code == 401
    assert app_client.get(f"/api/plans/{world_plan}", headers=bearer("ddp_made-up")).status_code == 401
    for role in ("admin", "focal", "leader", "clerk"):
        assert app_client.get(f"/api/plans/{world_plan}", headers=bearer(staff.tokens[role])).status_code == 200
    assert app_client.post(f"/api/plans/{world_plan}/activate", headers=bearer(staff.tokens["clerk"])).status_code == 403
    assert app_client.post(f"/api/plans/{world_plan}/activate", headers=bearer(staff.tokens["leader"])).status_code == 403
    assert "/api/plans/{plan_id}/activate" in app_client.get("/openapi.json").json()["paths"]
