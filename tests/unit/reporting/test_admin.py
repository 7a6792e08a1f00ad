"""Administrative-format facts derived from plan data (issuer lines, symbols, places, recipients)."""

from __future__ import annotations

import pytest

from dondoc.reporting import admin


@pytest.mark.parametrize(("name", "symbol"), [
    ("Phòng Lao động - Thương binh và Xã hội", "LĐTBXH"),
    ("Công chức Lao động – TB&XH", "LĐTBXH"),
    ("Công chức VHXH", "VHXH"),
    ("Phòng Nội vụ", "NV"),
    ("Văn phòng HĐND và UBND huyện", "VP"),
])
def test_initials(name: str, symbol: str) -> None:
    assert admin.initials(name) == symbol


@pytest.mark.parametrize(("issuer", "place", "lines"), [
    ("UBND xã Hoằng Hợp", "Hoằng Hợp", ["ỦY BAN NHÂN DÂN", "XÃ HOẰNG HỢP"]),
    ("UBND Phường 2", "Phường 2", ["ỦY BAN NHÂN DÂN", "PHƯỜNG 2"]),
    ("Ủy ban nhân dân thị xã Quảng Trị", "Quảng Trị", ["ỦY BAN NHÂN DÂN", "THỊ XÃ QUẢNG TRỊ"]),
    ("Phòng Nội vụ", None, ["PHÒNG NỘI VỤ"]),
])
def test_issuer_place_and_lines(issuer: str, place: str | None, lines: list[str]) -> None:
    assert admin.place_from_issuer(issuer) == place
    upper, bold = admin.issuer_lines(issuer, "UBND huyện Bình Lục")
    assert bold == lines
    # A People's Committee has no governing body line; another body gets its upper level above.
    assert upper == (None if issuer != "Phòng Nội vụ" else "ỦY BAN NHÂN DÂN HUYỆN BÌNH LỤC")


@pytest.mark.parametrize(("number", "issuer", "symbol"), [
    ("63/KH-UBND", None, "UBND"), ("68/KH-UBND", "UBND huyện Quan Hoá", "UBND"), ("12/KH-LĐTBXH", None, "LĐTBXH"),
    (None, "UBND xã Hoằng Hợp", "UBND"), (None, "Phòng Nội vụ", "NV"),
])
def test_symbol(number: str | None, issuer: str | None, symbol: str) -> None:
    assert admin.symbol_from_number(number, issuer) == symbol


@pytest.mark.parametrize(("raw", "clean"), [
    ("- Phòng Lao động TB&XH thị xã (b/c);", "Phòng Lao động TB&XH thị xã"),
    ("Ban Thường vụ HU (để báo cáo);", "Ban Thường vụ HU"),
    ("UBND huyện (BC)", "UBND huyện"),
])
def test_clean_recipient(raw: str, clean: str) -> None:
    assert admin.clean_recipient(raw) == clean
