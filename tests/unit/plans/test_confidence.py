"""Confidence from how an item was read (plans.doubt): the reader's base times one factor per doubt that applies,
rebuilt rows below the threshold, and the warning line an item below doubt.LOW_CONFIDENCE gets. Pure: no database."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.doubt import BASE, LOW_CONFIDENCE, READ_KEY, Facts, confidence, factors, facts, is_known, reasons
from dondoc.plans.evidence import grade

HEAD = "UBND TỈNH AN BÌNH\nSố: 5/KH-UBND\nAn Bình, ngày 10 tháng 1 năm 2026\nKẾ HOẠCH\nThử nghiệm\n"


def _item(text: str, lead: list[str], read: str = "heading", kind: str = "continuous") -> dict[str, Any]:
    return {READ_KEY: read, "ref": "I.1", "item": None, "text": text, "lead": lead, "support": [], "mode": "assign",
            "timing": {"text": None, "kind": kind, "due": None}}


def test_a_labelled_or_headed_body_is_sure_known_or_not() -> None:
    # the line ends where the name ends: a name the gazetteer does not know is no doubt there
    assert confidence(Facts(read="label", known=True)) == confidence(Facts(read="label")) == 0.95
    assert confidence(Facts(read="heading", known=True)) == confidence(Facts(read="heading", unknown=True)) == 0.95
    assert confidence(Facts(read="sentence", known=True)) == confidence(Facts(read="sentence")) == 0.85


def test_readers_rank_by_how_much_they_guess() -> None:
    by = {r: confidence(Facts(read=r)) for r in BASE}
    assert by["label"] == by["heading"] > by["owner"] == by["role"] == by["table"] > by["sentence"] > by["rebuilt"]
    assert by["cell"] == by["article"] == by["sentence"]


def test_a_short_name_is_a_doubt_only_where_its_end_was_guessed() -> None:
    assert confidence(Facts(read="heading", short_name=True)) == confidence(Facts(read="heading"))
    assert confidence(Facts(read="sentence", short_name=True)) < LOW_CONFIDENCE < confidence(Facts(read="sentence"))
    assert confidence(Facts(read="table", short_name=True)) < LOW_CONFIDENCE


def test_a_name_not_shaped_like_a_body_is_a_doubt_in_a_rebuilt_row_only() -> None:
    assert factors(Facts(read="rebuilt", unknown=True)) == ["garbled"]
    assert factors(Facts(read="sentence", unknown=True)) == factors(Facts(read="table", unknown=True)) == []


def test_each_lead_beyond_the_first_lowers_confidence_up_to_three() -> None:
    c = [confidence(Facts(read="table", leads=n)) for n in range(1, 7)]
    assert c[0] > c[1] > c[2] > c[3] == c[4] == c[5]
    assert factors(Facts(read="table", leads=3)) == ["extra_lead", "extra_lead"]


def test_neither_a_known_name_nor_a_collective_moves_confidence() -> None:
    # measured on the labelled sets and left out (plans.doubt): they said nothing once the reader was known
    for read in ("heading", "sentence", "table"):
        plain = confidence(Facts(read=read))  # type: ignore[arg-type]
        assert confidence(Facts(read=read, known=True)) == confidence(Facts(read=read, collective=True)) == plain  # type: ignore[arg-type]


def test_rebuilt_rows_stay_below_the_threshold_and_are_ordered_below_it() -> None:
    sure = confidence(Facts(read="rebuilt", known=True))
    garbled = confidence(Facts(read="rebuilt", unknown=True, short_name=True))
    assert garbled < sure < LOW_CONFIDENCE


def test_confidence_stays_within_bounds() -> None:
    worst = Facts(read="rebuilt", leads=9, unknown=True, short_name=True, collective=True, split_and=True,
                  reflowed=True, note=True, encouraged=True, conditional=True)
    assert confidence(worst) == 0.05
    assert confidence(Facts(read="label", known=True)) <= 1.0


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Sở Y tế", True),
        ("Sở Y tế tỉnh Lào Cai", True),  # a known name followed by its place
        ("UBND các xã, phường", True),
        ("Sở Văn hóa và Thể phường liên quan", False),  # a known head running into another column's words
        ("UBND địa lịch", False),
        ("Hiệp hội đào thông", False),
    ],
)
def test_known_names(name: str, known: bool) -> None:
    assert is_known(name) is known


def test_facts_of_an_item() -> None:
    f = facts(_item("Báo và Đài Phát thanh, Truyền hình tỉnh tăng cường tuyên truyền.",
                    ["Báo", "Đài Phát thanh, Truyền hình tỉnh"], read="sentence"))
    assert f.read == "sentence" and f.split_and and f.collective and not f.known and f.leads == 2
    assert not f.short_name  # 'Báo' (the province's paper) is a known name
    assert facts(_item("Sở Văn tổ chức hội thi.", ["Sở Văn"], read="sentence")).short_name
    assert facts(_item("(Lưu ý: Đơn vị căn cứ Biểu 03)", ["Đơn vị"])).note
    # a list marker in brackets opens a task, not a note
    assert not facts(_item("(6) Dòng họ an toàn giao thông (Công an tỉnh chủ trì).", ["Công an tỉnh"], read="label")).note
    assert not facts(_item("(b) Tổ chức tập huấn.", ["Sở Y tế"])).note
    assert facts(_item("Khuyến khích các doanh nghiệp xây dựng nhà trẻ.", ["các doanh nghiệp"], read="sentence")).encouraged
    assert facts(_item("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo UBND tỉnh.", ["Sở Y tế"])).conditional
    assert facts(_item("Tổ chức tập huấn.", ["Sở Y tế"])).known
    assert facts(_item("x", ["Sở Y tế"]), reflowed=True).reflowed


def test_an_item_without_its_reader_is_read_as_under_a_heading() -> None:
    item = _item("Tổ chức tập huấn.", ["Sở Y tế"])
    del item[READ_KEY]
    assert facts(item).read == "heading"


def test_reasons_are_said_in_vietnamese() -> None:
    assert reasons(Facts(read="sentence", encouraged=True)) == ["có thể chỉ là lời khuyến khích, không phải giao nhiệm vụ"]
    assert reasons(Facts(read="heading", known=True)) == []
    assert reasons(Facts(read="sentence")) == ["cơ quan chủ trì đọc từ chủ ngữ của câu"]  # only the reader brings it low
    assert reasons(Facts(read="heading", leads=3)) == ["đã tách thành nhiều cơ quan chủ trì (có thể tách sai)"]
    assert reasons(Facts(read="heading", unknown=True, short_name=True)) == [
        "tên cơ quan chủ trì chỉ có một, hai từ (có thể bị cắt)"]


def test_grade_drops_the_reader_and_warns_below_the_threshold_once() -> None:
    plan: dict[str, Any] = {"assignments": [
        _item("Khuyến khích các doanh nghiệp xây dựng nhà trẻ cho con công nhân.", ["các doanh nghiệp"], read="sentence"),
        _item("Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở.", ["Sở Y tế"], read="sentence"),
        _item("Phát triển tour du lịch cộng đồng ven biển.", ["UBND địa lịch"], read="rebuilt"),
    ], "reports": [], "targets": [], "warnings": []}
    grade(plan, [])
    low, sure, row = plan["assignments"]
    assert all(READ_KEY not in a for a in plan["assignments"])
    assert low["confidence"] < LOW_CONFIDENCE <= sure["confidence"]
    assert row["confidence"] < LOW_CONFIDENCE  # a rebuilt row: its table's warning names it, no line of its own
    assert len(plan["warnings"]) == 1
    assert plan["warnings"][0].startswith("mục I.1: độ tin cậy thấp (") and plan["warnings"][0].endswith("cần xem lại")
    assert f"({round(low['confidence'] * 100)}%)" in plan["warnings"][0]
    assert "khuyến khích" in plan["warnings"][0]


def test_an_item_already_warned_about_gets_no_second_line() -> None:
    plan: dict[str, Any] = {"assignments": [_item("(Lưu ý: Đơn vị căn cứ Biểu 03)", ["Đơn vị"])],
                            "reports": [], "targets": [], "warnings": []}
    grade(plan, [])
    assert plan["assignments"][0]["confidence"] < LOW_CONFIDENCE
    assert len(plan["warnings"]) == 1 and "tên chung" in plan["warnings"][0]  # the generic-name warning only


def test_parsed_plan_grades_by_reader_with_line_numbers() -> None:
    text = HEAD + (
        "I. NHIỆM VỤ\n1. Sở Y tế:\n- Tổ chức tập huấn cho cán bộ y tế cơ sở.\n"
        # (encouraging firms on its own gives no item at all since study29; encouraging an association is read, doubtfully)
        "2. Khuyến khích các hội nghề nghiệp tham gia xây dựng nhà trẻ cho con công nhân.\n"
    )
    plan = parse_text(text, source="x.txt")
    by = {a["ref"]: a for a in plan["assignments"]}
    assert all(READ_KEY not in a for a in plan["assignments"])
    assert by["I.1"]["confidence"] == 0.95
    assert by["I.2"]["confidence"] < LOW_CONFIDENCE
    line = next(w for w in plan["warnings"] if "(mục I.2)" in w)
    assert line.startswith("dòng 9 (mục I.2): độ tin cậy thấp") and line.endswith("— cần xem lại")
