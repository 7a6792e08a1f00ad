"""A lead phrase that factors out the head word of several bodies: 'Các bộ: Y tế, Công Thương', 'các Sở Y tế,
Giáo dục và Đào tạo', 'Các Vụ: Pháp chế, Kế hoạch - Tài chính', 'Bộ Công an, Quốc phòng'. It names several bodies,
so it gives one name per body, each spelled whole with its head word ('Bộ Y tế', 'Bộ Công Thương').

- the head word is written once, in the plural ('Các Sở', 'các bộ'), with or without a colon before the names, or
  in the singular before names that are each a known body with that head ('Bộ Công an, Quốc phòng');
- the names are parted by commas only: 'và' and '-' belong to a name ('Giáo dục và Đào tạo', 'Kế hoạch - Tài
  chính'); a known name holding a comma stays whole ('Văn hóa, Thể thao và Du lịch');
- a collective after the names ('và các đơn vị liên quan', ', các cơ quan có liên quan') is kept as written, and
  so is a body named with a head word of its own ('..., Ủy ban nhân dân các xã');
- kinds of bodies with no names ('Các sở, ban, ngành', 'các Sở, ngành liên quan') and a single name ('các Ban Xây
  dựng Đảng', 'các Sở Văn hóa, Thể thao và Du lịch': that department of every province) are not expanded.
"""

from __future__ import annotations

import re

# head words of organs, as they are written after 'các' (the name is spelled with the head capitalised)
_ORGANS = ("Tổng cục", "Chi cục", "Trung tâm", "Bộ", "Sở", "Vụ", "Cục", "Phòng", "Hội", "Ban", "Viện", "Trường")
# level words of places: 'Ủy ban nhân dân các xã: A, B' names each commune's committee (off by default: the labelled
# plans keep place lists whole, gold 19, 49, 51)
_PLACES = ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "tỉnh", "thành phố")


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_PLURAL = re.compile(rf"^(?P<pre>)[Cc]ác\s+(?P<head>(?i:{_alt(_ORGANS)}))(?::\s*|\s+(?=[A-ZĐÀ-Ỹ]))")
_PLACE_ORGANS = (
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "UBND",
    "Hội đồng nhân dân",
    "HĐND",
    "Công an",
    "Đảng ủy",
    "Đảng uỷ",
)
_PLURAL_PLACE = re.compile(rf"^(?P<pre>(?:{_alt(_PLACE_ORGANS)})\s+)các\s+(?P<head>{_alt(_PLACES)})\s*:\s*")
_SINGULAR = re.compile(rf"^(?P<head>{_alt(_ORGANS)})\s+(?=[A-ZĐÀ-Ỹ])")
_ITEM = re.compile(r"^[A-ZĐÀ-Ỹ][^:;]{0,60}$")
_AND = re.compile(r"\s(?:và|cùng)\s+")


def _tail(part: str) -> re.Match[str] | None:
    """Where a collective joins the last name: '... Nội vụ và các đơn vị liên quan' (a lower-case word after 'và')."""
    return next((m for m in _AND.finditer(part) if part[m.end() : m.end() + 1].islower()), None)


def _commas(text: str) -> list[str]:
    """Parts of the text between commas outside brackets."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == "," and not depth and not (text[i - 1 : i].isupper() and text[i + 1 : i + 2].isupper()):
            out.append(text[start:i].strip())  # (not the comma of initials: 'VH,TT&DL' is one name)
            start = i + 1
    out.append(text[start:].strip())
    return out


def _known(name: str) -> bool:
    from dondoc.plans.gazetteer import entries, name_key

    return name_key(name) in entries()


def _known_prefix(name: str) -> bool:
    """Some known name opens with these words ('Bộ Văn hóa' of 'Bộ Văn hóa, Thể thao và Du lịch')."""
    from dondoc.plans.gazetteer import entries, name_key

    k = name_key(name)
    return any(e.startswith(k) for e in entries())


def _items(rest: str, head: str) -> tuple[list[str], str] | None:
    """The bare names after a factored head, and what follows them (a collective, bodies with heads of their own)."""
    from dondoc.plans.bodies import HEAD

    rest, semi, after = rest.partition(";")  # ('Các Sở: Y tế, Tài chính; UBND các huyện': ';' ends the list)
    parts = _commas(rest)
    names: list[str] = []
    tail = ""
    i = 0
    while i < len(parts):
        p = parts[i]
        if not p or not p[0].isupper() or (HEAD.match(p) and not _known_prefix(f"{head} {p}")):
            tail = ", ".join(parts[i:])  # a collective ('các cơ quan liên quan') or a body of its own ('UBND tỉnh')
            break
        m = _tail(p)
        if m is not None:
            names.append(p[: m.start()])
            tail = ", ".join([p[m.end() :], *parts[i + 1 :]])
            break
        # a known name holding a comma ('Văn hóa, Thể thao và Du lịch') takes the next part in
        while i + 1 < len(parts) and parts[i + 1][:1].isupper() and _known_prefix(f"{head} {p}, {parts[i + 1]}"):
            i += 1
            p = f"{p}, {parts[i]}"
        names.extend(_parted(head, p))
        i += 1
    if len(names) < 2 or not all(_ITEM.match(n) for n in names):
        return None
    return names, "; ".join(t for t in (tail, after.strip()) if t) if semi else tail


def _parted(head: str, name: str) -> list[str]:
    """'Xây dựng và Công Thương' -> two names when each is a known body with the head and the whole is not one
    ('Giáo dục và Đào tạo' stays whole)."""
    if " và " not in name or _known_prefix(f"{head} {name}"):
        return [name]
    a, _, b = name.rpartition(" và ")
    return [a, b] if _known(f"{head} {a}") and _known(f"{head} {b}") else [name]


def _spelled(pre: str, head: str, name: str) -> str:
    word = head if pre else head[:1].upper() + head[1:]
    return f"{pre}{word} {name}"


def expand_factored(phrase: str, *, places: bool = False) -> list[str] | None:
    """'Các bộ: Y tế, Công Thương' -> ['Bộ Y tế', 'Bộ Công Thương']; None when the phrase factors nothing out.

    With `places`, 'Ủy ban nhân dân các xã: A, B' -> ['Ủy ban nhân dân xã A', 'Ủy ban nhân dân xã B'] too."""
    text = " ".join(phrase.split()).strip(" .;:,")
    if "," not in text:
        return None
    m = _PLURAL.match(text) or (_PLURAL_PLACE.match(text) if places else None)
    if m is not None:
        pre, head = m.group("pre"), m.group("head")
        got = _items(text[m.end() :], head)
        if got is None:
            return None
        names = [_spelled(pre, head, n) for n in got[0]]
    else:
        s = _SINGULAR.match(text)
        if s is None:
            return None
        head = s.group("head")
        got = _items(text[s.end() :], head)
        if got is None:
            return None
        names = [f"{head} {n}" for n in got[0]]
        if not all(_known(n) for n in names):
            return None  # ('Sở Văn hóa, Thể thao': parts of one name, unless each is a known body)
    if got[1]:
        from dondoc.plans.bodies import split_bodies

        names += split_bodies(got[1])
    return names
