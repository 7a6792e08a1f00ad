"""Abbreviated names of bodies: the short forms offices write ('LĐLĐ tỉnh', 'BCHQS tỉnh', 'CA tỉnh', 'NH CSXH',
data/abbreviations.txt), and a short name a plan defines once ('Trung tâm Kiểm soát bệnh tật tỉnh (sau đây viết tắt
là CDC)') and uses later as a body's name.

The head words that open a name (bodies.HEAD) take the short forms of the data; a plan's own short names are added
for the time one plan is parsed (a context variable set by parse_blocks), so that 'CDC chủ trì ...' opens with a body
in that plan only.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from dondoc.plans.gazetteer import abbreviations
from dondoc.plans.verbs import find_verb

# the words that place a body at a level of government, after a short form too short to stand alone ('CA tỉnh')
_LEVEL_WORD = r"(?:tỉnh|huyện|thành phố|thị xã|xã|phường|quận|thị trấn|đặc khu|cấp|các)(?![\wÀ-ỹ])"


def abbreviation_heads(factored: Callable[[list[str]], str]) -> tuple[list[str], str]:
    """The short names of data/abbreviations.txt as head words: those that stand alone ('LĐLĐ', 'Sở XD', with 'VN'
    glued on a spaceless one of the Front: 'UBMTTQVN', 'MTTQVN'), and an alternation ('|...') of those that name a
    body only before a level word ('CA tỉnh', 'CA các xã') or before initials ('NH CSXH', 'VP UBND'); alone they
    are a word or a column title ('CA dao', 'TT')."""
    alone: list[str] = []
    level: list[str] = []
    initials: list[str] = []
    for short, _full, flags in abbreviations():
        if "level" in flags:
            level.append(short)
        elif "initials" in flags:
            initials.append(short)
        else:
            alone += [short, short + "VN"] if " " not in short and short[:1] in "UM" else [short]
    rx = ""
    if level:
        rx += r"|(?:" + factored(level) + r")(?=\s+" + _LEVEL_WORD + ")"
    if initials:
        rx += r"|(?:" + factored(initials) + r")(?=\s+[A-ZĐ][A-ZĐ&,-]{1,10}(?![\wÀ-ỹ&,-]))"
    return alone, rx


_DEFINED: contextvars.ContextVar[re.Pattern[str] | None] = contextvars.ContextVar("defined_heads", default=None)


class HeadPattern:
    """A compiled pattern of head words, widened while a plan that defines short names is parsed."""

    def __init__(self, pattern: re.Pattern[str], template: str) -> None:
        self._base = pattern
        self._template = template  # the pattern's source with '{extra}' where the plan's short names go
        self.pattern = pattern.pattern

    def _rx(self) -> re.Pattern[str]:
        return _DEFINED.get() or self._base

    def match(self, s: str, pos: int = 0, endpos: int = 2**31) -> re.Match[str] | None:
        return (_DEFINED.get() or self._base).match(s, pos, endpos)

    def search(self, s: str, pos: int = 0, endpos: int = 2**31) -> re.Match[str] | None:
        return (_DEFINED.get() or self._base).search(s, pos, endpos)

    def fullmatch(self, s: str, pos: int = 0, endpos: int = 2**31) -> re.Match[str] | None:
        return (_DEFINED.get() or self._base).fullmatch(s, pos, endpos)

    def finditer(self, s: str, pos: int = 0, endpos: int = 2**31) -> Iterator[re.Match[str]]:
        return self._rx().finditer(s, pos, endpos)

    def widened(self, shorts: Iterable[str]) -> re.Pattern[str]:
        alt = "|".join(re.escape(s) for s in sorted(set(shorts), key=len, reverse=True))
        return re.compile(self._template.replace("{extra}", alt))


# '(sau đây viết tắt là CDC)', '(sau đây gọi tắt là BCĐ)', '(viết tắt: TTKSBT)': a short name defined in brackets; only
# initials are taken ('(sau đây gọi tắt là Kế hoạch)' names a document; 'gọi chung là' a class of bodies)
_DEFINITION = re.compile(
    r"\(\s*(?:sau đây\s+)?(?:được\s+)?(?:gọi tắt|viết tắt)\s*(?:là|:)?\s*[“\"']?"
    r"([A-ZĐ][A-ZĐ0-9&-]{1,11})[”\"']?\s*\)"
)
_WORD = re.compile(r"(?:^|(?<=\s))(?=[A-ZĐÀ-Ỹ])")


def defined_short_names(texts: Iterable[str], head: Any) -> list[str]:
    """The short names a plan defines for a body: initials in a '(sau đây viết tắt là X)' bracket right after a
    name opening with a head word ('Trung tâm Kiểm soát bệnh tật tỉnh (sau đây viết tắt là CDC)'); not after a
    programme or a system ('Chương trình mỗi xã một sản phẩm (viết tắt là OCOP)')."""
    out: list[str] = []
    for t in texts:
        if "tắt" not in t:
            continue
        for m in _DEFINITION.finditer(t):
            short, before = m.group(1), t[max(0, m.start() - 120) : m.start()].rstrip()
            if head.match(short) or short in out:
                continue
            # the name before the bracket: from a capitalised head word, within one clause, a dozen words at most, no
            # task verb inside ('Sở A chủ trì triển khai Chương trình X (viết tắt là OCOP)' names the programme)
            clause = re.split(r"[,;.:]\s|\s(?:giao|đề nghị|yêu cầu)\s", before)[-1]
            for w in _WORD.finditer(clause):
                seg = clause[w.start() :]
                if len(seg.split()) <= 12 and head.match(seg) and find_verb(seg, 2) is None:
                    out.append(short)
                    break
    return out


@contextlib.contextmanager
def plan_short_names(head: HeadPattern, shorts: list[str]) -> Iterator[None]:
    """Within this block, the plan's own short names open a body's name too."""
    if not shorts:
        yield
        return
    token = _DEFINED.set(head.widened(shorts))
    try:
        yield
    finally:
        _DEFINED.reset(token)
