"""Issue 17 item 4: the place line, the letter's number and archive lines, the closing mark, not-started work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest

from dondoc.models.work import task_text
from dondoc.reporting import admin
from dondoc.reporting import text as tx
from dondoc.reporting import timeliness as tl
from dondoc.vietnamese import fold

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
BLIND = {"24", "27", "29", "31", "47", "50"}  # the held-out set: never read


@pytest.mark.parametrize(("issuer", "place"), [
    ("UBND thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),  # named after a person: in full (NĐ 30)
    ("Ủy ban nhân dân Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("UBND Quận 1", "Quận 1"),  # by a number
    ("UBND Phường 2", "Phường 2"),
    ("UBND thành phố Huế", "Huế"),
    ("UBND tỉnh Thanh Hóa", "Thanh Hóa"),
    ("UBND xã Hoằng Hợp", "Hoằng Hợp"),
    ("UBND phường Bến Thành", "Bến Thành"),
    ("UBND đặc khu Phú Quốc", "Phú Quốc"),
    ("UBND tỉnh Lâm Đồng Số: /kh-ubnd", "Lâm Đồng"),  # a header run into the number line
])
def test_place_of_a_peoples_committee(issuer: str, place: str) -> None:
    assert admin.place_from_issuer(issuer) == place
    # The issuer's place wins over a fragment the date line gave ('Minh' of 'TP. Hồ Chí Minh').
    assert admin.document_place(issuer, "Minh") == place
    assert tx.date_line(admin.document_place(issuer, None), dt.date(2026, 12, 7)).startswith(f"{place}, ngày 07")


def test_place_of_another_body_is_the_plans_own() -> None:
    assert admin.document_place("Bộ Tài nguyên và Môi trường", "Hà Nội") == "Hà Nội"


def _plans() -> list[Path]:
    more = SHARED / "plans" / "more"
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted(
        p for p in more.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".docx"))
    return [p for p in files if p.name.split("_")[0] not in BLIND]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared plans not mounted")
def test_place_rule_on_every_seed_and_more_plan() -> None:
    """The place of a People's Committee's documents is its unit's whole proper name (never a trailing
    fragment of it), with the level word only for a number or a person's name."""
    from dondoc.plans import parse_path

    checked = 0
    for path in _plans():
        parsed = parse_path(path)
        _upper, issuer = admin.split_body(admin.clean_issuer(parsed["issuer"]))
        place = admin.document_place(issuer, parsed["place"])
        if not (issuer and admin.is_people_committee(issuer)):
            continue
        checked += 1
        rest = fold(admin.expand(issuer))[len("uy ban nhan dan"):].strip()
        level, _, name = rest.partition(" ")
        if level == "thanh" and name.startswith("pho "):
            level, name = "thanh pho", name[4:]
        assert place is not None, path.name
        if name[:1].isdigit() or name in ("ho chi minh",):
            assert fold(place) == f"{level} {name}", (path.name, place)
        else:
            assert fold(place) == name, (path.name, place)
    assert checked >= 15


@pytest.mark.parametrize(("raw", "upper", "body"), [
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG", "UBND tỉnh Lào Cai", "Sở Công Thương"),
    ("UBND tỉnh Lào Cai", None, "UBND tỉnh Lào Cai"),
])
def test_a_department_under_its_committee(raw: str, upper: str | None, body: str) -> None:
    assert admin.split_body(raw) == (upper, body)


def test_symbol_run_into_the_issuer_and_clean_issuer() -> None:
    assert admin.embedded_symbol("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH Số: /KH-MTTQ-BTT") == "MTTQ-BTT"
    assert admin.clean_issuer("Bộ Tài Nguyên Và Môi Trường -------") == "Bộ Tài Nguyên Và Môi Trường"


@pytest.mark.parametrize(("focal", "number", "archive"), [
    ("UBND thành phố Hồ Chí Minh", "Số:        /UBND-VP", "Lưu: VT, VP."),  # the committee's office drafts
    ("Ủy ban nhân dân tỉnh Lào Cai", "Số:        /UBND-VP", "Lưu: VT, VP."),
    ("Phòng Lao động - Thương binh và Xã hội", "Số:        /UBND-LĐTBXH", "Lưu: VT, LĐTBXH."),
    ("Sở Nội vụ", "Số:        /UBND-SNV", "Lưu: VT, SNV."),
    (None, "Số:        /UBND", "Lưu: VT."),
])
def test_letter_number_and_archive(focal: str | None, number: str, archive: str) -> None:
    sym = admin.drafting_symbol(focal)
    assert admin.letter_number("UBND", sym) == number
    assert admin.archive(sym) == archive


def test_closing_mark_is_not_part_of_a_task() -> None:
    a = SimpleNamespace(text="Nếu có khó khăn, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định./.")
    assert task_text(SimpleNamespace(role="lead"), a).endswith("quyết định.")
    a.text = "Báo cáo về Sở Xây dựng để tổng hợp./"
    assert task_text(SimpleNamespace(role="lead"), a) == "Báo cáo về Sở Xây dựng để tổng hợp."


@pytest.mark.parametrize(("status", "expected"), [
    ("not_started", tl.NOT_DUE),  # nothing reported, deadline ahead: not "in progress"
    ("in_progress", tl.IN_PROGRESS),
])
def test_not_started_is_not_in_progress(status: str, expected: str) -> None:
    due = dt.date(2026, 12, 16)
    assert tl.classify(kind="once", status=status, due_date=due, completed_on=None, as_of=dt.date(2026, 12, 7)) == expected
    assert tl.classify(kind="once", status=status, due_date=due, completed_on=None, as_of=dt.date(2026, 12, 17)) == tl.OVERDUE


def test_section_three_counts_not_started_apart() -> None:
    t = tl.tally([(tl.NOT_DUE, False)] * 39)
    s = {"timeliness": {**t.as_dict(), "units": [], "not_reported": []}}
    line = tx.timeliness_sentences(s)[0]
    assert "đang thực hiện trong hạn: 0" in line and "chưa triển khai, còn trong hạn: 39" in line
