"""Names wrapped over the lines of a task table whose grid was lost (see `gridrow.read_loose`), and which
of them is the lead's.

A cell's name wraps over several lines and the converter puts each line's piece where the line's other cells
leave it: 'Sở Nông nghiệp và' / 'Môi trường; Sở Tài' / 'chính', 'UBND các xã,' / 'phường liên' / 'quan'. A
piece going on with a name above is told by what the gazetteer knows (a known name or its first words: 'Sở
Xây' + 'dựng', 'Sở Nông' + 'nghiệp và') and by how the communes are named as one collective ('UBND các xã,'
+ 'phường'); a piece ending with ';' or ',' before a line's first name makes that name one more of its list.

Cells are centred vertically in their row, the row's number too. A lead's cell is short (one body, one or two
lines): when it has a line on the number's line, that line holds the first name after the task's words (unless
the words before it end a name from above: a list going on there); when its middle sits there, the number's
line holds the words going on with it; when its lines straddle the number's line, the nearest line holding two
names gives it (names on one line keep their columns' order), else the nearest name.
"""

from __future__ import annotations

import functools
import re

from dondoc.plans.bodies import HEADS
from dondoc.plans.gazetteer import entries, name_key

Line = tuple[str, list[str]]  # a line's words before its first name, and its names


# the communes or wards of a province as one collective, its name wrapped over lines ('UBND các xã,' / 'phường liên' / 'quan')
_COMMUNES = re.compile(
    r"^(?:ubnd|ủy ban nhân dân)\s+(?:các\s+)?(?:xã|phường|thị trấn|đặc khu|quận|huyện|thị xã|địa phương)"
    r"(?:\s*,?\s*(?:xã|phường|thị trấn|đặc khu|quận|huyện|thị xã))*(?:\s+(?:có\s+)?liên(?:\s+quan)?)?$"
)


_LEVEL = re.compile(r"(?:xã|phường|thị trấn|đặc khu|quận|huyện|thị xã)\b")


@functools.cache
def _prefixes() -> frozenset[str]:
    """Every known name's and head word's first words ('sở khoa học', 'doanh' of 'doanh nghiệp')."""
    keys = [*entries(), *(name_key(h) for h in HEADS)]
    return frozenset(" ".join(k.split()[:n]) for k in keys for n in range(1, len(k.split()) + 1))


def completes(piece: str, words: str) -> bool:
    """`words` at the start of a line go on with a name whose first words (`piece`) end a line above:
    together they are a known name or its first words ('Sở Xây' + 'dựng', 'Sở Nông' + 'nghiệp và'), or
    the communes as one collective ('UBND các xã,' + 'phường liên')."""
    words = words.rstrip(",; ")
    head = name_key(piece)
    if not words or not (head in _prefixes() or head.startswith(("ubnd", "ủy ban nhân dân"))):
        return False  # (a piece no known name starts with goes on with nothing known)
    key = f"{head} {name_key(words)}"
    return (key in _prefixes() and head not in entries()) or (len(key) > len(head) + 2 and bool(_COMMUNES.match(key)))


def _continued(lines: list[Line], k: int, words: list[str]) -> tuple[int, int] | None:
    """The name on a line above `k` (nearest first) that the last of `words` go on with."""
    for j in range(k - 1, -1, -1):
        for i, name in enumerate(lines[j][1]):
            if any(_goes_with(name, " ".join(words[-n:])) for n in range(1, len(words) + 1)):
                return j, i
    return None


def wrapped(lines: list[Line]) -> tuple[
        dict[tuple[int, int], str], dict[int, list[str]], dict[tuple[int, int], tuple[int, int]], dict[int, list[tuple[int, int]]]]:
    """Names with the words that go on with them on the lines below ('Sở Xây dựng; Sở Du' + 'lịch',
    'UBND các xã,' + 'phường liên' + 'quan'), each piece of a line's words between column gaps tried in turn;
    a piece ending a name with ';' or ',' before a line's first name makes that name one more of its list
    ('Sở Giáo dục và' / 'Đào tạo; Sở Y' / 'tế'). Returns the names so completed, the pieces used per line,
    the names that joined a list above (and its cell), and the cells each line's pieces went on with."""
    out: dict[tuple[int, int], str] = {}
    used: dict[int, list[str]] = {}
    continued: dict[int, list[tuple[int, int]]] = {}
    joined: dict[tuple[int, int], tuple[int, int]] = {}  # a name that joined a list above -> the list's cell
    for k, (before, names) in enumerate(lines):
        pieces = [p for p in re.split(r"\s{2,}", before.strip()) if p]
        for pi, piece in enumerate(pieces):
            words = piece.rstrip(",;").split()
            # the piece's words: its first ones going on with one name, the rest with the next ('tế  tỉnh' of
            # 'Sở Y' and 'Công an'), or its last ones after the task's words run into it ('... Ngự Hà phường liên')
            while words:
                # (only names that can go on are tried: the first words of a known name, the communes' collective)
                open_names = [(cell, text) for j in range(k - 1, -1, -1) for i, name in enumerate(lines[j][1])
                              for cell in [joined.get((j, i), (j, i))] for text in [out.get(cell, name)] if _can_go_on(text)]
                spans = [(0, n) for n in range(min(4, len(words)), 0, -1)] + [(len(words) - n, len(words)) for n in range(min(4, len(words) - 1), 0, -1)]
                hit = None
                for a, b in spans:
                    more = " ".join(words[a:b])
                    above = next((cell for cell, text in open_names if _goes_with(text, more)), None)
                    if above is not None:
                        hit = (a, b, more, above)
                        break
                if hit is None:
                    break
                a, b, more, above = hit
                name = out.get(above, lines[above[0]][1][above[1]])
                # (the comma between two levels of a collective was cut with the name's end: 'UBND các xã' + 'phường')
                out[above] = f"{name}, {more}" if re.search(r"\b(?:xã|phường|thị trấn|quận|huyện)$", name) and _LEVEL.match(more) else f"{name} {more}"
                used.setdefault(k, []).append(more)
                continued.setdefault(k, []).append(above)
                if names and pi == len(pieces) - 1 and b == len(words) and piece.rstrip().endswith((";", ",")):
                    out[above] += "; " + names[0]
                    joined[(k, 0)] = above
                words = words[:a] + words[b:]
    return out, used, joined, continued


@functools.lru_cache(maxsize=4096)
def _can_go_on(name: str) -> bool:
    """A name (its last in a list, or the whole) is the first words of a known name, not a whole one, or the
    communes' collective."""
    keys = {name_key(_last_piece(name)), name_key(name)}
    return any((k in _prefixes() and k not in entries()) or k.startswith(("ubnd", "ủy ban nhân dân")) for k in keys)


def _goes_with(name: str, words: str) -> bool:
    """`words` go on with the name (a whole one with commas inside: 'Sở Văn hóa, Thể' + 'thao và Du lịch'), or
    with the last name of its list ('Sở Xây dựng; Sở Du' + 'lịch')."""
    last = _last_piece(name)
    return completes(last, words) or (last != name and completes(name, words))


def _last_piece(name: str) -> str:
    """A list's last name ('Sở Xây dựng; Sở Du' -> 'Sở Du')."""
    return re.split(r"[;]|,(?=\s*[A-ZĐÀ-Ỹ])", name)[-1].strip()


def _fresh(lines: list[Line], k: int) -> bool:
    """The first name on line `k` opens a cell: the words before it do not end a name begun on a line
    above to go on with a list ('Sở Văn hóa và Thể' ... 'thao; UBND các xã,', 'Sở Tài' ... 'chính; UBND')."""
    m = re.search(r"(\S+(?:\s+\S+){0,2})\s*[,;]$", lines[k][0].rstrip())
    return not m or _continued(lines, k, m.group(1).split()) is None


def lead_of(lines: list[Line], at: int) -> tuple[str, tuple[int, int]]:
    """The lead's name and where it stands (line, name): the first name on the number's line; else the name
    its words go on with; else the first of two names on the nearest line; else the nearest name."""
    names = lines[at][1]
    if names and _fresh(lines, at):
        return names[0], (at, 0)
    if not names:
        # the number's line holds the middle of a name begun above ('UBND các xã,' ... 'phường liên'): the
        # lead's cell, three lines or more, centred on it
        tail = re.split(r"\s{2,}", lines[at][0].strip())[-1].split()[-3:]
        above = _continued(lines, at, tail)
        if above is not None and above[1] == 0:
            return lines[above[0]][1][0] + " " + " ".join(tail), above
        if above is not None:  # the partners' cell goes on there: the name before it on its line is the lead's
            return lines[above[0]][1][0], (above[0], 0)
        pieces = re.split(r"\s{2,}", lines[at][0].strip())
        justified = len(pieces) >= 4 and sum(len(p.split()) <= 2 for p in pieces) * 2 >= len(pieces)  # gaps everywhere
        if len(pieces) >= 2 and not justified and len(pieces[-1].split()) <= 4 and (
                pieces[-1][:1].islower() or re.fullmatch(r"[A-ZĐ&]{3,}[,;]?", pieces[-1].split()[0])):
            # words after a column gap that open no name ('tồn di tích Cố', 'TM&HTDN'): a name going on from
            # above, not one the gazetteer knows whole (a whole known name ends in its own cell)
            known = entries()
            for k in range(at - 1, -1, -1):
                if lines[k][1] and name_key(lines[k][1][0]) not in known:
                    return lines[k][1][0], (k, 0)
    order = sorted(range(len(lines)), key=lambda k: (abs(k - at), k > at))
    for least in (2, 1):
        for k in order:
            names = lines[k][1]
            if len(names) >= least and _fresh(lines, k):
                return names[0], (k, 0)
    return "", (-1, -1)


def straddling_lead(row: list[str], lines: list[Line], continued: dict[int, list[tuple[int, int]]], at: int) -> tuple[int, int] | None:
    """A lead's cell of two lines or more centred on the number's line while the partners' one line sits on it: the
    first name of a line above goes on on a line below the number's, and the number's pipe fragment leaves an empty
    cell right before its own first name (the lead's slot, the straddling cell's middle: '| 2026 | | Sở Tư pháp |').
    Where the straddling name stands (line, 0), or None."""
    names = lines[at][1]
    if not names:
        return None
    slot = next((i for i, c in enumerate(row) if names[0] in c), None)
    if slot is None or slot < 3 or row[slot - 1].strip() or not row[slot - 2].strip():
        return None  # (the empty cell past the task's: '| 1.3 | | Sở Tài chính |' is a task's cell left empty there)
    return next((cell for k in range(at + 1, len(lines)) for cell in continued.get(k, []) if cell[0] < at and cell[1] == 0),
                None)
