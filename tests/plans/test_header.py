"""Header facts from text-only headers (PDF-extracted seeds 000/004, markdown 001-003): the plan's
own year over cited documents' dates, the issuer that 'ban hành' the plan over cited issuers."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text
from tests.plans.conftest import parsed

# seed prefix -> expected header fields (years are the gold annotations' plan_year)
HEADERS = [
    ("000", {"year": 2024, "issuer": "UBND xã Hoằng Hợp", "signer": "Lê Văn Phượng"}),
    ("001", {"year": 2022, "signer": "Lê Danh Diệu"}),
    ("002", {"year": 2024, "issuer": "UBND huyện Quan Hoá", "place": "Quan Hoá", "number": None, "signer": "Phạm Thị Lượng"}),
    ("003", {"year": 2021, "issuer": "UBND huyện Bình Lục", "place": "Bình Lục", "signer": "Nguyễn Xuân Đức"}),
    ("004", {"year": 2025, "issuer": "UBND phường", "signer": "Lê Thanh Bình"}),
]


@pytest.mark.parametrize(("prefix", "expected"), HEADERS, ids=[p for p, _ in HEADERS])
def test_seed_header(prefix: str, expected: dict) -> None:
    from tests.plans.conftest import SEEDS

    plan = parsed(next(p.stem for p in SEEDS if p.stem.startswith(prefix)))
    assert {k: plan[k] for k in expected} == expected


def test_seed_002_title_is_not_swallowed_by_the_date_line() -> None:
    from tests.plans.conftest import SEEDS

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
