"""Vietnamese formatting shared by messages, web pages and reports."""

from __future__ import annotations

import datetime as dt
import unicodedata

WEEKDAYS = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]


def long_date(d: dt.date) -> str:
    """`ngày 05 tháng 11 năm 2025` (leading zeros, as in administrative documents)."""
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def short_date(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def number(value: float, decimals: int = 1) -> str:
    """`85,9` and `60.000`: Vietnamese decimal comma and thousands dot."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    s = f"{value:,.{decimals}f}"
    return s.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: float, decimals: int = 1) -> str:
    return f"{number(round(value, decimals), decimals)} %"


def fold(text: str) -> str:
    """Lower case without diacritics (đ -> d): a key for accent-insensitive matching."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")
