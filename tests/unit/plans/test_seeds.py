"""Per-seed expectations and schema validity of every seed and every real plan in ../shared/plans."""

from __future__ import annotations

import jsonschema
import pytest

from tests.unit.plans.conftest import PLANS, SCHEMA, SEEDS, pairs, parsed


@pytest.mark.parametrize("path", SEEDS + PLANS, ids=lambda p: p.stem)
def test_schema_valid(path) -> None:
    plan = parsed(path.stem)
    jsonschema.validate(plan, SCHEMA)
    assert plan["assignments"], "every sample plan gives work to someone"


def test_seed_002_body_first_and_requests() -> None:
    plan = parsed("002_5e96f8da14096f37")
    got = pairs(plan)
    assert ("III.2.2", "Phòng Nội vụ") in got
    assert ("III.2.4", "Công an huyện") in got
    assert ("III.4.2", "Văn phòng HĐND và UBND huyện") in got
    leads_451 = [a for a in plan["assignments"] if a["ref"] == "III.4.5"]
    assert [a["item"] for a in leads_451] == [1, 2, 3, 4, 5]
    req = [a for a in plan["assignments"] if a["ref"] == "III.9.1"]
    assert req and req[0]["mode"] == "request" and req[0]["lead"] == ["Hội đồng nhân dân huyện"]
    (rep,) = plan["reports"]
    assert rep["timing"]["rrule"] == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=10" and rep["timing"]["due"] == "2024-12-10"
    assert rep["to"] == ["Phòng Lao động - Thương binh và Xã hội"] and rep["compiles"] is False
    assert plan["year"] == 2024 and plan["place"] == "Quan Hoá" and plan["number"] is None


def test_seed_004_labelled_lines_and_reporting_chain() -> None:
    plan = parsed("004_3b3dcdee6daa1c7d")
    a = next(x for x in plan["assignments"] if x["ref"] == "III.1.1")
    assert a["lead"] == ["Công chức Lao động – TB&XH", "VHXH"]
    assert a["timing"]["kind"] == "continuous"
    assert "ban cán sự các khu phố" in a["support"]
    assert ("III.4", "Trạm y tế") in pairs(plan)
    md = {(r["timing"]["due"], r["compiles"]) for r in plan["reports"]}
    assert md == {("2025-11-10", False), ("2025-11-15", True)}
    first = next(r for r in plan["reports"] if not r["compiles"])
    assert first["via"] and "Lao động-TB&XH" in first["via"]
    assert plan["signer"] == "Lê Thanh Bình"
    values = [t["value"] for t in plan["targets"]]
    assert 30 in values and 500 in values


def test_seed_003_headings_name_bodies() -> None:
    plan = parsed("003_be505b6e33d69a41")
    got = pairs(plan)
    assert ("IV.3", "Đài truyền thanh") in got
    assert ("IV.10", "Ủy ban Mặt trận Tổ quốc huyện") in got
    assert ("IV", "Ủy ban nhân dân các xã, thị trấn") in got
    assert not any(ref.startswith("III") for ref, _ in got)  # "Các cấp, các ngành" is nobody in particular
    assert 60000 in [t["value"] for t in plan["targets"]]


def test_seed_000_targets_and_unnamed_tasks() -> None:
    plan = parsed("000_ce28b731dea2f21e")
    assert pairs(plan) == {("II.9", "Các ngành, đoàn thể xã")}
    t = next(t for t in plan["targets"] if t["value"] == 3)
    assert (t["baseline"], t["comparator"], t["unit"]) == (29, "<=", "hộ")
    assert 78.2 in [t["value"] for t in plan["targets"]]
    assert {"name": "Phòng LĐ-TBXH", "purpose": "report"} in plan["recipients"]


def test_seed_001_markdown_headings() -> None:
    plan = parsed("001_c545f9200dcf3014")
    v1 = [a for a in plan["assignments"] if a["ref"] == "V.1"]
    assert len(v1) == 2 and v1[1]["timing"]["kind"] == "continuous"
    assert ("V.3", "Thôn trưởng các thôn") in pairs(plan)


def test_annex_table_flattened_form() -> None:
    plan = parsed("03_31786b0833a4130d")
    rows = {a["ref"]: a for a in plan["assignments"] if a["ref"].startswith("PL")}
    assert set(rows) == {f"PL.{i}" for i in range(1, 7)}
    assert rows["PL.1"]["timing"]["due"] == "2026-09-30"
    assert rows["PL.2"]["timing"]["due"] == "2026-06-30"
    assert rows["PL.3"]["timing"]["kind"] == "continuous"
    assert rows["PL.5"]["lead"] == ["Doanh nghiệp", "nhà cung cấp dịch vụ IoT", "nhà đầu tư"]
    assert plan["issuer"] == "UBND thành phố Hà Nội" and plan["issued_on"] == "2025-11-24"


def test_annex_groups_with_capital_letters() -> None:
    plan = parsed("01_f004d93b21e7fc5f")
    refs = {a["ref"] for a in plan["assignments"]}
    assert "PL.A.I.1.1" in refs
    assert plan["year"] == 2026  # "giai đoạn 2026 - 2030"


def test_markdown_pipe_table() -> None:
    from dondoc.plans import parse_text

    text = """KẾ HOẠCH
Thực hiện nhiệm vụ năm 2025

I. MỤC TIÊU

1. Chỉ tiêu: phấn đấu 95% hộ dân được tuyên truyền.

II. NHIỆM VỤ

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | Nhóm nhiệm vụ chung | | | |
| 1 | Rà soát văn bản | Sở Tư pháp | Các sở, ngành | Quý II/2025 |
| 2 | Tập huấn cán bộ | Sở Nội vụ, Sở Tài chính | | trước ngày 27 tháng 6 năm 2025 |
"""
    plan = parse_text(text, source="t.md")
    got = {(a["ref"], tuple(a["lead"]), a["timing"]["due"]) for a in plan["assignments"]}
    assert ("II.I.1", ("Sở Tư pháp",), "2025-06-30") in got
    assert ("II.I.2", ("Sở Nội vụ", "Sở Tài chính"), "2025-06-27") in got
