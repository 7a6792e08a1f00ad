"""Header facts from text-only headers (PDF-extracted seeds 000/004, markdown 001-003): the plan's
own year over cited documents' dates, the issuer that 'ban hành' the plan over cited issuers."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from tests.unit.plans.conftest import parsed

# seed prefix -> expected header fields (years are the gold annotations' plan_year)
HEADERS = [
    # the preamble names the issuer; the place is the commune's name (NĐ 30/2020's địa danh)
    ("000", {"year": 2024, "issuer": "UBND xã Hoằng Hợp", "place": "Hoằng Hợp", "number": None, "issued_on": None,
             "signer": "Lê Văn Phượng"}),
    # no preamble issuer: the title's '... Xã Hoằng Phụ năm 2022' under a 'KT. CHỦ TỊCH' signature
    ("001", {"year": 2022, "issuer": "UBND xã Hoằng Phụ", "place": "Hoằng Phụ", "number": None, "signer": "Lê Danh Diệu"}),
    ("002", {"year": 2024, "issuer": "UBND huyện Quan Hoá", "place": "Quan Hoá", "number": None, "signer": "Phạm Thị Lượng"}),
    ("003", {"year": 2021, "issuer": "UBND huyện Bình Lục", "place": "Bình Lục", "signer": "Nguyễn Xuân Đức"}),
    # 'UBND phường ban hành ...' and 'Đảng ủy Phường 2' elsewhere: a ward named by a number is written in full
    ("004", {"year": 2025, "issuer": "UBND Phường 2", "place": "Phường 2", "number": None, "signer": "Lê Thanh Bình"}),
]

# the real plans (header tables, '*Cần Thơ, ngày 21 / tháng 11 năm 2025*' wrapped over two lines)
PLAN_HEADERS = [
    ("01", "179/KH-UBND", "UBND tỉnh Đồng Nai", "Đồng Nai", "2025-11-18", "Võ Tấn Đức"),
    ("02", "552/KH-UBND", "UBND tỉnh Đồng Tháp", "Đồng Tháp", "2025-11-19", "Huỳnh Minh Tuấn"),
    ("03", "310/KH-UBND", "UBND thành phố Hà Nội", "Hà Nội", "2025-11-24", "Trương Việt Dũng"),
    ("04", "182/KH-UBND", "UBND tỉnh Đồng Nai", "Đồng Nai", "2025-11-20", "Lê Trường Sơn"),
    ("05", "153/KH-UBND", "UBND thành phố Cần Thơ", "Cần Thơ", "2025-11-17", "Trương Cảnh Tuyên"),
    ("06", "0130/KH-UBND", "UBND tỉnh Đắk Lắk", "Đắk Lắk", "2025-11-21", "Hồ Thị Nguyên Thảo"),
    ("07", "165/KH-UBND", "UBND thành phố Cần Thơ", "Cần Thơ", "2025-11-21", "Nguyễn Thị Ngọc Điệp"),
    ("08", "0129/KH-UBND", "UBND tỉnh Đắk Lắk", "Đắk Lắk", "2025-11-21", "Hồ Thị Nguyên Thảo"),
    ("09", "157/KH-UBND", "UBND thành phố Cần Thơ", "Cần Thơ", "2025-11-18", "Nguyễn Thị Ngọc Điệp"),
    ("10", "159/KH-UBND", "UBND thành phố Cần Thơ", "Cần Thơ", "2025-11-19", "Trần Chí Hùng"),
]


@pytest.mark.parametrize(("prefix", "number", "issuer", "place", "issued_on", "signer"), PLAN_HEADERS, ids=[p[0] for p in PLAN_HEADERS])
def test_plan_header(prefix: str, number: str, issuer: str, place: str, issued_on: str, signer: str) -> None:
    from tests.unit.plans.conftest import PLANS

    plan = parsed(next(p.stem for p in PLANS if p.stem.startswith(prefix + "_")))
    assert (plan["number"], plan["issuer"], plan["place"], plan["issued_on"], plan["signer"]) == (number, issuer, place, issued_on, signer)
    names = [r["name"] for r in plan["recipients"]]
    assert names and signer not in names and not any(signer in n for n in names)  # the name under the list signs, it receives nothing
    assert not any(n in ("KT", "TM", "DÂN") or (n.isupper() and "ỦY BAN" in n) for n in names)


def test_recipients_keep_abbreviations_and_drop_clerk_codes() -> None:
    from tests.unit.plans.conftest import PLANS

    names9 = [r["name"] for r in parsed(next(p.stem for p in PLANS if p.stem.startswith("09_")))["recipients"]]
    assert names9[0] == "CT, PCT UBND TP"  # all capitals, still a recipient
    names10 = [r["name"] for r in parsed(next(p.stem for p in PLANS if p.stem.startswith("10_")))["recipients"]]
    assert "08 KH" not in names10 and names10[-1] == "Lưu: VT, CT"


FOOT = "\nNơi nhận:\n- UBND huyện (b/c);\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn An\n"


@pytest.mark.parametrize(
    ("head", "foot", "issuer", "place"),
    [
        # a bare level, completed from the one unit of that level the text names
        ("KẾ HOẠCH\nTriển khai Kế hoạch của Đảng ủy Phường 5 năm 2024\nUBND phường ban hành kế hoạch như sau:", FOOT,
         "UBND Phường 5", "Phường 5"),
        ("KẾ HOẠCH\nCông tác dân số năm 2024\nThực hiện chỉ đạo của Huyện ủy, UBND xã ban hành kế hoạch như sau:\n"
         "Đảng ủy xã Định Hòa đã chỉ đạo ...", FOOT, "UBND xã Định Hòa", "Định Hòa"),
        # no issuer in the preamble: the title's locality, signed by the committee's chairman
        ("KẾ HOẠCH\nCông tác giảm nghèo xã Yên Lạc năm 2024", FOOT, "UBND xã Yên Lạc", "Yên Lạc"),
        # ... but not when the signature is not a people's committee's
        ("KẾ HOẠCH\nCông tác giảm nghèo xã Yên Lạc năm 2024", FOOT.replace("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TRƯỞNG PHÒNG"), None, None),
        # nothing names the unit: nothing is guessed
        ("KẾ HOẠCH\nCông tác giảm nghèo năm 2024\nUBND xã ban hành kế hoạch như sau:", FOOT, "UBND xã", None),
    ],
)
def test_issuer_and_place_completed_from_the_text(head: str, foot: str, issuer: str | None, place: str | None) -> None:
    plan = parse_text(head + "\n" + BODY.format(dm="10/12") + foot, source="t.txt")
    assert (plan["issuer"], plan["place"]) == (issuer, place)
    assert plan["signer"] == ("Trần Văn An" if "CHỦ TỊCH" in foot else plan["signer"])
    assert "Trần Văn An" not in [r["name"] for r in plan["recipients"]]


@pytest.mark.parametrize(("prefix", "expected"), HEADERS, ids=[p for p, _ in HEADERS])
def test_seed_header(prefix: str, expected: dict) -> None:
    from tests.unit.plans.conftest import SEEDS

    plan = parsed(next(p.stem for p in SEEDS if p.stem.startswith(prefix)))
    assert {k: plan[k] for k in expected} == expected


def test_seed_002_title_is_not_swallowed_by_the_date_line() -> None:
    from tests.unit.plans.conftest import SEEDS

    plan = parsed(next(p.stem for p in SEEDS if p.stem.startswith("002")))
    assert plan["title"].startswith("Thực hiện Nghị quyết số 42-NQ/TW") and plan["title"].endswith("huyện Quan Hoá")


BODY = "\nI. NHIỆM VỤ\n1. Phòng Nội vụ chủ trì rà soát hồ sơ; báo cáo UBND huyện trước ngày {dm} hằng năm.\n"


@pytest.mark.parametrize(
    ("head", "dm", "year"),
    [
        # the period of a cited document inside quotes is not the plan's
        ("Bình Lục, ngày   tháng   năm 2021\nKẾ HOẠCH\nThực hiện Kết luận số 92 “về chính sách xã hội giai đoạn 2012 - 2020”", "10/12", 2021),
        # the plan's own period counts when plausible for the date line
        ("Đồng Nai, ngày 18 tháng 11 năm 2025\nKẾ HOẠCH\nPhát triển kinh tế số giai đoạn 2026 - 2030", "10/12", 2026),
        # a year older than the date line allows is a cited one
        ("Hà Nội, ngày 02 tháng 3 năm 2024\nKẾ HOẠCH\nTổng kết Chỉ thị năm 2015", "10/12", 2024),
        # only cited dates: the year of the first yearly deadline after the latest of them
        ("KẾ HOẠCH\nTriển khai Kế hoạch số 63-KH/ĐU ngày 29/11/2024 của Đảng ủy", "10/11", 2025),
        ("KẾ HOẠCH\nTriển khai Kế hoạch số 63-KH/ĐU ngày 29/11/2024 của Đảng ủy", "15/12", 2024),
    ],
)
def test_plan_year(head: str, dm: str, year: int) -> None:
    assert parse_text(head + "\n" + BODY.format(dm=dm), source="t.txt")["year"] == year


@pytest.mark.parametrize(
    ("preamble", "issuer"),
    [
        ("Căn cứ Quyết định số 139/QĐ-UBND ngày 11/01/2024 của UBND huyện Hoằng Hoá; UBND xã Hoằng Hợp ban hành Kế hoạch như sau:",
         "UBND xã Hoằng Hợp"),
        ("Thực hiện Kế hoạch số 68/KH-UBND ngày 08/3/2024 của Ủy ban nhân dân tỉnh Thanh Hoá, Ủy ban nhân dân huyện Quan Hoá ban hành Kế hoạch:",
         "UBND huyện Quan Hoá"),
        ("Căn cứ Kế hoạch số 68/KH-UBND ngày 08/3/2024 của UBND tỉnh Thanh Hoá.", None),
    ],
)
def test_issuer_from_text_only_header(preamble: str, issuer: str | None) -> None:
    plan = parse_text("KẾ HOẠCH\nTriển khai nhiệm vụ năm 2024\n" + preamble + "\n" + BODY.format(dm="10/12"), source="t.txt")
    assert plan["issuer"] == issuer


def test_signer_printed_into_the_recipients_column() -> None:
    # a PDF that prints the signature's column into the recipients' list: the name below the title, before the
    # wrapped end of a recipient
    from dondoc.plans.blocks import Paragraph
    from dondoc.plans.header import parse_footer

    lines = ["Nơi nhận:", "- Sở Tài chính;", "- Báo và PTTH tỉnh; các cơ quan báo", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
             "Hồ Thị Nguyên Thảo chí;", "- Cổng TTĐT tỉnh;", "- Lưu: VT, TH."]
    out = parse_footer([Paragraph(x, False, i) for i, x in enumerate(lines)])
    assert out["signer"] == "Hồ Thị Nguyên Thảo"
    names = [r["name"] for r in out["recipients"]]
    assert "Báo và PTTH tỉnh; các cơ quan báo chí" in names and not any("Thảo" in n for n in names)
