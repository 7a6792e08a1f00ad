"""Body headings that carry no number: 'Sở Y tế:', 'Sở Nội vụ có trách nhiệm:', 'Đề nghị Ủy ban MTTQ tỉnh:' on a line
of their own inside a section or an item, their duties in the bullets below. A Word file's automatic numbering is lost
in a text copy, and some plans never number them: each such heading is read as an item of its own with the ref of the
section or item that holds it (bullets do not add to the path), so its bullets are its body's duties, one entry each,
and not the duties of the heading above ('1. Các sở, ngành' / 'Sở Y tế:' / '- ...' / 'Sở Tài chính:' / '- ...').

Also the words a body heading opens its bullets with ('Là cơ quan thường trực, có trách nhiệm:', 'Thực hiện các nhiệm
vụ cụ thể sau:'): a line that introduces the duties, no task of its own."""

from __future__ import annotations

import re

from dondoc.plans.bodies import is_body_name, leading_body
from dondoc.plans.labelblocks import is_label_title
from dondoc.plans.placing import role_heading
from dondoc.plans.tree import Node

__all__ = ["ASKING_INTRO", "DUTY_INTRO", "body_subheadings"]

# '(Là cơ quan thường trực,) có trách nhiệm:', 'có nhiệm vụ:', 'thực hiện các nhiệm vụ cụ thể sau:', 'Có trách nhiệm
# thực hiện các nội dung sau đây:' — the duties follow, none is given here
DUTY_INTRO = re.compile(
    r"^(?:là\s+(?:cơ quan|đơn vị)[^:;.]{0,80}?,\s*)?"
    r"(?:(?:(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ)(?:\s+(?:thực hiện|triển khai))?|thực hiện|triển khai)"
    r"(?:\s+(?:các|những|một số))?(?:\s+(?:nhiệm vụ|nội dung|công việc|hoạt động))?"
    r"(?:\s+(?:cụ thể|chủ yếu|trọng tâm|chính|được giao))*(?:\s+(?:sau(?:\s+đây)?|như sau))?\s*:$",
    re.I,
)
# 'Ủy ban nhân dân tỉnh yêu cầu:', 'UBND xã giao nhiệm vụ cụ thể như sau:', 'Chủ tịch UBND tỉnh đề nghị:': the issuer
# asks, the bodies asked and their duties follow — no duty of its own
ASKING_INTRO = re.compile(
    r"^[^:;.,]{3,80}?\s(?:yêu cầu|giao|đề nghị|chỉ đạo)(?:\s+(?:các|những|một số))?(?:\s+(?:nhiệm vụ|nội dung))?"
    r"(?:\s+(?:cụ thể|chủ yếu|trọng tâm))*(?:\s+(?:sau(?:\s+đây)?|như sau))?\s*:$"
)
_BULLETS = "-–+•·∙▪●○◦*"


def _is_body_heading(text: str) -> bool:
    """A line that names a body whose duties follow and gives it no task: its bare name ('Sở Y tế:', 'Đề nghị Hội Nông
    dân tỉnh'), its name and the words introducing its duties ('Sở Nội vụ có trách nhiệm:'), or its role ('Sở Y tế chủ
    trì, phối hợp với các sở, ngành:')."""
    t = text.strip()
    if not t or t[:1] in _BULLETS or len(t) > 160 or t.endswith((".", ";", ",")) or is_label_title(t):
        return False
    if is_body_name(t.rstrip(": ")):
        return True
    if not t.endswith(":"):
        return False
    lb = leading_body(t)
    if lb is not None and DUTY_INTRO.match(lb[1].strip()):
        return True
    return role_heading(t) is not None


def body_subheadings(nodes: list[Node]) -> list[Node]:
    """The nodes, with each unnumbered body heading in a node's text (followed by bullets) made an item of its own
    under that node, holding its bullets, with the node's ref."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        content = node.content
        if node.kind == "root" or len(content) < 2 or not any(p.text[:1] in _BULLETS for p in content):
            continue
        keep, subs, cur = [], [], None
        for i, p in enumerate(content):
            bullet = p.text[:1] in _BULLETS
            if (not bullet and i + 1 < len(content) and content[i + 1].text[:1] in _BULLETS
                    and _is_body_heading(p.text)):
                cur = Node(node.ref, "sub", p.text, parent=node, top_title=node.top_title, part_title=node.part_title)
                subs.append(cur)
                continue
            if cur is not None and bullet:
                cur.content.append(p)
                continue
            cur = None
            keep.append(p)
        if subs:
            node.content = keep
            node.children[:0] = subs
            out.extend(subs)
    return out
