"""Per-task blocks: a task written as a small section whose numbered items are its labels (content, lead and
coordinating bodies, time), folded back into the task as labelled lines (see labelled.py for how those are read)."""

from __future__ import annotations

import re

from dondoc.plans.labelled import (
    _CONTENT_LABEL,
    GROUP_LINE,
    LEAD_LABEL,
    SIDE_LABEL,
    SUPPORT_LABEL,
    TIME_LABEL,
    _names_no_one,
)

# A task written as a small section whose numbered items are its labels:
#   '1. Tuyên truyền ...' / 'a) Nội dung: ...' / 'b) Cơ quan chủ trì: Sở Tư pháp' / 'c) Thời gian: ...'
#   'I. Tuyên truyền' / '1. Nội dung ...' / '2. Cơ quan chủ trì, phối hợp:' ('a) Cơ quan chủ trì: ...',
#   'b) Cơ quan phối hợp: ...') / '3. Thời gian thực hiện: ...'; or '2. Chủ trì thực hiện' over '- Sở X.'
# Those items are folded back into the task as labelled lines, so the task keeps its own ref.

_BARE_LABEL = re.compile(
    r"^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+)?(?:chủ trì|thực hiện|phối hợp)(?:\s+(?:thực hiện|tham mưu|triển khai))?\s*$"
    r"|^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:thực hiện|hoàn thành|hoàn tất|triển khai))*\s*$"
    r"|^(?:Nội dung)(?:\s+(?:thực hiện|hoạt động|công việc|nhiệm vụ|cụ thể|chủ yếu|chính))?\s*$",  # 'Nội dung' over the task's text
    re.I,
)
_BARE_CONTENT = re.compile(r"^Nội dung(?:\s+(?:thực hiện|hoạt động|công việc|nhiệm vụ|cụ thể|chủ yếu|chính))?\s*$", re.I)
_GROUP_LABEL = re.compile(r"^(?:(?:Cơ quan|Đơn vị)\s+)?chủ trì\s*(?:,|và)\s*phối hợp(?:\s+thực hiện)?\s*:?\s*$", re.I)


def is_label_title(title: str) -> bool:
    t = title.strip()
    return bool(LEAD_LABEL.match(t) or SUPPORT_LABEL.match(t) or TIME_LABEL.match(t) or _CONTENT_LABEL.match(t)
                or _BARE_LABEL.match(t) or _GROUP_LABEL.match(t) or GROUP_LINE.match(t) or SIDE_LABEL.match(t))


def _lead_like(title: str) -> bool:
    t = title.strip()
    return bool(LEAD_LABEL.match(t) or _GROUP_LABEL.match(t) or GROUP_LINE.match(t) or (_BARE_LABEL.match(t) and not SUPPORT_LABEL.match(t + ":")
                and not TIME_LABEL.match(t + ":")))


def _valueless(title: str) -> bool:
    m = LEAD_LABEL.match(title.strip()) or GROUP_LINE.match(title.strip())
    return not m.group(1).strip() if m else True


def _as_lines(node, depth: int) -> list[str]:  # type: ignore[no-untyped-def]
    """A label item and what hangs below it, as labelled lines ('- Label: value', '+ value')."""
    title = node.title.strip()
    if _BARE_CONTENT.match(title):  # 'Nội dung' then the task's text: one labelled line
        return [("- " if depth == 0 else "+ ") + title + ": " + " ".join(p.text.lstrip("-–+•·* ") for p in node.content)]
    if _BARE_LABEL.match(title):
        title += ":"
    lines = [("- " if depth == 0 else "+ ") + title]
    for p in node.content:
        text = p.text.lstrip("-–+•·* ")
        lines.append("+ " + text if depth == 0 and not is_label_title(text) else "- " + text)
    for c in node.children:
        lines.extend(_as_lines(c, depth + 1) if not is_label_title(c.title) else _as_lines(c, 0))
    return lines


def fold_label_children(nodes: list, paragraph) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Nodes with the label items of per-task blocks folded into their task (see above)."""
    drop: set[int] = set()
    for node in nodes:
        kids = node.children
        labels = [c for c in kids if is_label_title(c.title)]
        if len(labels) < 2 or len(labels) < len(kids) or not any(_lead_like(c.title) for c in labels):
            continue
        if any(LEAD_LABEL.match(p.text.lstrip("-–+•·* ")) for p in node.content):
            continue  # already labelled lines of its own
        if any(_lead_like(c.title) and _valueless(c.title) and not _BARE_CONTENT.match(c.title.strip()) and not c.children
               and _names_no_one([p.text for p in c.content]) for c in labels):
            continue  # 'a) Chủ trì' / 'b) Phối hợp' over the body's own tasks: role sub-headings (extract)
        for c in labels:
            for line in _as_lines(c, 0):
                node.content.append(paragraph(line))
            stack = [c]
            while stack:
                n = stack.pop()
                drop.add(id(n))
                stack.extend(n.children)
        node.children = []
    return [n for n in nodes if id(n) not in drop]
