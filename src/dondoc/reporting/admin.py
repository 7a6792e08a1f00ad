"""Administrative-format facts derived from a plan (Nghị định 30/2020/NĐ-CP): names, symbols, places.

Pure string functions shared by the snapshot builder and the renderers.
"""

from __future__ import annotations

import re

from dondoc.vietnamese import fold

_ABBREVIATIONS = [
    (re.compile(r"^\s*UBND\b", re.IGNORECASE), "Ủy ban nhân dân"),
    (re.compile(r"^\s*HĐND\b", re.IGNORECASE), "Hội đồng nhân dân"),
]
_LEVELS = ["thành phố", "thị xã", "thị trấn", "huyện", "tỉnh", "quận", "xã", "phường", "đặc khu"]


def expand(name: str) -> str:
    """'UBND xã Hoằng Hợp' -> 'Ủy ban nhân dân xã Hoằng Hợp'."""
    for pattern, full in _ABBREVIATIONS:
        if pattern.match(name):
            return pattern.sub(full, name, count=1).strip()
    return name.strip()


def upper(text: str) -> str:
    return text.upper()


def is_people_committee(name: str | None) -> bool:
    return bool(name) and fold(expand(name or "")).startswith("uy ban nhan dan")


def issuer_lines(issuer: str | None, upper_level: str | None) -> tuple[str | None, list[str]]:
    """(upper-level line or None, bold lines of the issuing body), both upper case.

    A People's Committee is written on two bold lines, 'ỦY BAN NHÂN DÂN' / 'PHƯỜNG 2', without a
    governing body above it (local government has none); other bodies get the upper level above."""
    if not issuer:
        return (upper(expand(upper_level)) if upper_level else None), ["ỦY BAN NHÂN DÂN"]
    full = expand(issuer)
    if is_people_committee(full):
        rest = full[len("Ủy ban nhân dân"):].strip()
        return None, ["ỦY BAN NHÂN DÂN"] + ([upper(rest)] if rest else [])
    return (upper(expand(upper_level)) if upper_level else None), [upper(full)]


def symbol_from_number(number: str | None, issuer: str | None) -> str:
    """'63/KH-UBND' -> 'UBND'; no number: 'UBND' for a People's Committee, else the issuer's initials."""
    if number:
        m = re.search(r"/\s*[A-ZĐ]+\s*-\s*([^\s/]+)\s*$", number)
        if m:
            return m.group(1)
    if not issuer or is_people_committee(issuer):
        return "UBND"
    return initials(issuer)


_SKIP_FIRST = {"phong", "cong chuc", "can bo"}
_SMALL = {"va", "cua", "the", "-", "–"}


def initials(name: str) -> str:
    """A short symbol for a body: 'Phòng Lao động - Thương binh và Xã hội' -> 'LĐTBXH',
    'Công chức Lao động – TB&XH' -> 'LĐTBXH', 'Công chức VHXH' -> 'VHXH'."""
    if fold(name).startswith("van phong"):
        return "VP"  # Văn phòng HĐND và UBND: the office's usual symbol
    words = [w for w in re.split(r"[\s,;]+", name.strip()) if w]
    if len(words) >= 2 and fold(" ".join(words[:2])) in _SKIP_FIRST:
        words = words[2:]
    elif words and fold(words[0]) in _SKIP_FIRST:
        words = words[1:]
    out = []
    for w in words:
        parts = [p for p in re.split(r"[-–]", w) if p]
        for p in parts:
            clean = p.replace("&", "")
            if not clean or fold(clean) in _SMALL:
                continue
            if len(clean) >= 2 and clean.isupper():
                out.append(clean)
            else:
                out.append(clean[0].upper())
    return "".join(out)


def place_from_issuer(issuer: str | None) -> str | None:
    """'UBND xã Hoằng Hợp' -> 'Hoằng Hợp'; 'UBND Phường 2' -> 'Phường 2' (a numbered ward keeps its word)."""
    if not issuer:
        return None
    name = expand(issuer)
    if not is_people_committee(name):
        return None
    rest = name[len("Ủy ban nhân dân"):].strip()
    for level in _LEVELS:
        if fold(rest).startswith(fold(level) + " "):
            tail = rest[len(level):].strip()
            if tail[:1].isdigit():
                return f"{level.capitalize()} {tail}"
            return tail
    return rest or None


def lower_first(text: str) -> str:
    """Lower-case the first letter of a title unless it starts an acronym ('Triển khai' -> 'triển khai')."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def clean_recipient(name: str) -> str:
    """A 'Nơi nhận' name without its purpose marker and trailing punctuation."""
    name = re.sub(r"\((?:b/c|p/h|t/h|bc|để báo cáo|để thực hiện|để phối hợp)\)", "", name, flags=re.IGNORECASE)
    return name.strip().strip(";,.").strip().lstrip("-").strip()


def recipient_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(clean_recipient(name)))
