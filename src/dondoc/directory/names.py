"""Name keys (pure): how a body's name as a plan writes it is normalised for matching — abbreviations, titles, level words, place names."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from dondoc.vietnamese import fold

# Administrative abbreviations (generic vocabulary, not body names), applied to folded text.
_ABBREVIATIONS: list[tuple[str, str]] = [
    (r"\bld\s*-?\s*tb\s*&?\s*(?:va\s+)?xh\b", " lao dong thuong binh xa hoi "),
    (r"\btb\s*&\s*xh\b|\btbxh\b", " thuong binh xa hoi "),
    (r"\bubmttq(?:vn)?\b", " mat tran to quoc "),
    (r"\bmttq(?:vn)?\b", " mat tran to quoc "),
    (r"\bubnd\b", " uy ban nhan dan "),
    (r"\bhdnd\b", " hoi dong nhan dan "),
    (r"\bvh\s*-?\s*xh\b", " van hoa xa hoi "),
    (r"\bvh\s*-?\s*tt\b", " van hoa thong tin "),
    (r"\bvp\s*-?\s*tk\b", " van phong thong ke "),
    (r"\bdc\s*-?\s*xd\b", " dia chinh xay dung "),
    (r"\btc\s*-?\s*kh\b", " tai chinh ke hoach "),
    (r"\bkt\s*-?\s*ht\b", " kinh te ha tang "),
    (r"\bgd\s*&?\s*dt\b", " giao duc dao tao "),
    (r"\btn\s*&?\s*mt\b", " tai nguyen moi truong "),
    (r"\bnn\s*&?\s*ptnt\b", " nong nghiep phat trien nong thon "),
    (r"\bbhxh\b", " bao hiem xa hoi "),
    (r"\bbhyt\b", " bao hiem y te "),
    (r"\bnhcsxh\b", " ngan hang chinh sach xa hoi "),
    (r"\bttyt\b", " trung tam y te "),
    (r"\bbch\b", " ban chi huy "),
    (r"\bqs\b", " quan su "),
    (r"\btthc\b", " thu tuc hanh chinh "),
    (r"\bhdtdkt\b", " hoi dong thi dua khen thuong "),
    (r"\bdu\b", " dang uy "),
    (r"\bttr\b", " thuong truc "),
]


_ABBREV_RX = [(re.compile(p), r, re.match(r"\\b([a-z]+)", p).group(1)) for p, r in _ABBREVIATIONS]  # type: ignore[union-attr]


# Same body, several customary wordings.
_CANONICAL = [
    (re.compile(r"\buy ban mat tran\b"), "mat tran"),
    (re.compile(r"\bmat tran to quoc viet nam\b"), "mat tran to quoc"),
    (re.compile(r"\bco lien quan\b"), "lien quan"),
    (re.compile(r"\bva\b"), " "),  # 'Giáo dục và Đào tạo' = 'Giáo dục - Đào tạo'
]


_PUNCT = re.compile(r"[^\w&]+")


_NUMBER = re.compile(r"\d+")


_PARENS = re.compile(r"\([^)]*\)")


# Leading words that are not part of a body's name. Particles go first, then at most one title (some say
# which officer is meant), then 'các'. Titles are matched with their diacritics: 'Trưởng' (head) and
# 'Trường' (school) fold to the same letters.
_PARTICLES = ("đề nghị", "giao", "qua")


_TITLES: list[tuple[str, str | None]] = sorted([
    ("hiệu trưởng", "head"), ("thủ trưởng", "head"), ("thôn trưởng", "head"), ("chủ tịch", "head"),
    ("giám đốc", "head"), ("trưởng", "head"), ("phó chủ tịch", "deputy"), ("công chức", None), ("cán bộ", None),
    ("thường trực", None), ("thành viên", None), ("lãnh đạo", None),
], key=lambda t: -len(t[0]))


# Trailing words naming the level or the place, not the body ('Phòng Nội vụ huyện', '... trên địa bàn').
_LEVEL_SUFFIXES = sorted([
    "cap huyen", "cap xa", "cap phuong", "cap tinh", "cap", "huyen", "xa", "phuong", "thi tran", "thi xa",
    "tinh", "thanh pho", "cua phuong", "cua xa", "cua huyen", "tren dia ban", "dong tren dia ban",
    "tren dia ban phuong", "tren dia ban xa", "tren dia ban huyen",
], key=len, reverse=True)


# A remainder ending with these is the body itself ('UBND phường', 'các xã, thị trấn'): keep the level word.
_KEEP_AFTER = ("cac", "uy ban nhan dan", "hoi dong nhan dan", "dang uy")


_PLACE_LEVELS = ("xa", "phuong", "thi tran", "huyen", "thi xa", "tinh")  # 'các xã, thị trấn' is a list: keep it


def exact_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The normalised key of a name (also the `Alias.key` stored in the database)."""
    s = fold(unicodedata.normalize("NFC", text))
    for rx, rep, literal in _ABBREV_RX:
        if literal in s:  # cheap test first: most names hold few abbreviations
            s = rx.sub(rep, s)
    s = _PUNCT.sub(" ", s).replace("&", " ")
    s = " " + " ".join(s.split()) + " "
    for rx, rep in _CANONICAL:
        s = rx.sub(rep, s)
    return " ".join(s.split())


def _lead_words(text: str) -> list[str]:
    return _PUNCT.sub(" ", unicodedata.normalize("NFC", text).lower()).split()


def split_title(text: str, key: str) -> tuple[str | None, str]:
    """('head', 'phong noi vu') for text 'Trưởng phòng Nội vụ' with key 'truong phong noi vu'.

    The leading words are read from `text` (with diacritics) and the same number of words dropped from `key`;
    text typed without diacritics is matched on its folded form.
    """
    words = _lead_words(text)
    plain = all(w == fold(w) for w in words)
    if plain:
        words = key.split()

    def starts(phrase: str) -> int:
        p = (fold(phrase) if plain else phrase).split()
        return len(p) if words[:len(p)] == p else 0

    role: str | None = None
    dropped = 0
    changed = True
    while changed:
        changed = False
        for particle in _PARTICLES:
            n = starts(particle)
            if n:
                words, dropped, changed = words[n:], dropped + n, True
    for title, title_role in _TITLES:
        n = starts(title)
        if n:
            words, dropped, role = words[n:], dropped + n, title_role
            break
    n = starts("các")
    words, dropped = words[n:], dropped + n
    return role, " ".join(key.split()[dropped:])


def strip_level(key: str) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in _LEVEL_SUFFIXES:
            if key.endswith(" " + suffix):
                rest = key[: -len(suffix) - 1].rstrip()
                if not rest or rest.endswith(_KEEP_AFTER) or any(rest.endswith(" " + w) for w in _PLACE_LEVELS):
                    continue
                key = rest
                changed = True
                break
    return key


def bare_key(text: str) -> tuple[str | None, str]:
    """(role hint, key) with parenthetical notes, leading titles and trailing level words set aside."""
    text = _PARENS.sub(" ", text)
    role, key = split_title(text, name_key(text))
    return role, strip_level(key)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def plan_names(plan: dict[str, Any]) -> list[str]:
    """Every body name a plan uses (leads, supports, report senders/receivers/via), in order, once each."""
    names: list[str] = []
    for a in plan.get("assignments") or []:
        names.extend(a.get("lead") or [])
        names.extend(a.get("support") or [])
    for r in plan.get("reports") or []:
        for fld in ("from", "to"):
            v = r.get(fld) or []
            names.extend([v] if isinstance(v, str) else v)
        if r.get("via"):
            names.append(r["via"])
    seen: set[str] = set()
    out = []
    for n in names:
        if n and n not in seen:
            seen.add(n)
            out.append(n)
    return out
