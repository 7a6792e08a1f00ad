"""The bodies a task is done together with: the first 'phối hợp (với) X, Y' in its text that names bodies, or
the partners of a split role ('Sở A chủ trì; Sở B phối hợp ...')."""

from __future__ import annotations

import re

from dondoc.plans.bodies import is_body_start, split_bodies
from dondoc.plans.fastre import ci_branches
from dondoc.plans.verbs import find_verb, verb_in_name

_SUPPORT_IN_TEXT = re.compile(ci_branches([r"phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+(.+)"]))  # (re.I: fastre.ci_branches)
_SUPPORT_STOP = re.compile(
    r"\s(?:để|nhằm|trong việc|trong|theo|tại|về việc|thực hiện|triển khai|tổ chức|tham mưu|rà soát|xây dựng|"
    r"hướng dẫn|tiến hành|đẩy mạnh|tăng cường|tiếp tục|làm tốt|vận động|kiểm tra|giám sát)\s|[;.:(]"
)


def _noun_use(text: str, stop: re.Match[str]) -> bool:
    """'tổ chức' as a noun ('các tổ chức, cá nhân'), a verb inside a known name ('... dự án đầu tư xây dựng') end no name."""
    return verb_in_name(text[: stop.start() + 1], stop.group(0).strip()) or (stop.group(0).strip() == "tổ chức" and bool(
        _NOUN_BEFORE_TC.search(text[: stop.start() + 1]) or _NOUN_AFTER_TC.match(text[stop.end() - 1 :])))


_NOUN_BEFORE_TC = re.compile(r"(?:các|những|và|,)\s*$")
_NOUN_AFTER_TC = re.compile(r"\s*(?:chính trị|xã hội|thành viên|đoàn thể|cá nhân|,|có liên quan|liên quan)")


# a split role: 'Sở A chủ trì; Sở B, UBND các huyện phối hợp ...', '(Sở A chủ trì, Sở B phối hợp)': the names
# between the lead's part and 'phối hợp' are its partners
_SPLIT_ROLE = re.compile(r"chủ trì\s*[,;]\s*([^;:()]{3,200}?)\s+(?:cùng\s+)?phối hợp(?![\wÀ-ỹ]|\s+với)")


def _split_role(text: str) -> list[str]:
    return split_role(text)[1]


def split_role(text: str) -> tuple[int, list[str]]:
    """Where the lead's 'chủ trì' of a split role stands, and the partners named after it ('Sở A chủ trì; Sở B, Sở C
    phối hợp' -> B, C); (-1, []) when the text splits no role."""
    m = _SPLIT_ROLE.search(text) if "chủ trì" in text else None
    if m is None:
        return -1, []
    names = split_bodies(m.group(1))
    return (m.start(), names) if names and all(is_body_start(n[:1].upper() + n[1:]) for n in names) else (-1, [])


def _support_from(text: str) -> list[str]:
    """The bodies a task is done together with: the first 'phối hợp (với) X, Y' naming bodies
    ('Quy chế phối hợp số 49/...' or 'phối hợp hành động' name none, a later one may), or the partners
    of a split role ('Sở A chủ trì; Sở B phối hợp')."""
    return _split_role(text) or _support_after(text)


def _support_after(text: str) -> list[str]:
    pos = 0
    while True:
        m = _SUPPORT_IN_TEXT.search(text, pos)
        if not m:
            return []
        pos = m.start() + len("phối hợp")
        rest = m.group(1)
        stop = next((x for x in _SUPPORT_STOP.finditer(" " + rest) if not _noun_use(" " + rest, x)), None)
        v = find_verb(rest, 1)
        end = len(rest)
        if stop:
            end = min(end, max(0, stop.start() - 1))
        if v:
            end = min(end, v.start())
        chunk = rest[:end].strip(" ,")
        if not chunk or len(chunk) > 300 or chunk[:1].isdigit():
            continue
        with_ = bool(re.search(r"\bvới\s*$", m.group(0)[: m.start(1) - m.start()]))
        if not with_ and not (is_body_start(chunk[:1].upper() + chunk[1:]) or chunk.startswith("lực lượng")):
            continue  # 'phối hợp hành động', 'phối hợp giải quyết ...': a verb follows, not a body
        return split_bodies(chunk)
