"""Where an item stands in a plan, and whom it names: the sections that give no tasks (scope, purpose and
requirements), the generic names that are no lead, and an item's body being its heading's body."""

from __future__ import annotations

import re

from dondoc.plans.bodies import split_bodies
from dondoc.plans.gazetteer import is_generic
from dondoc.plans.tree import Node


def _same_as_heading(name: str, heading: str) -> bool:
    """The body an item names is (part of) the body its heading names."""
    def key(x: str) -> str:
        return re.sub(r"^(?:các|những)\s+", "", " ".join(x.lower().split()))

    n = key(name)
    return bool(n) and (n in key(heading) or key(split_bodies(name)[0] if split_bodies(name) else name) in key(heading))


_CAN_CU = re.compile(r"^(?:[-–+•·*]\s*)?Căn cứ\b")
_SCOPE = re.compile(r"^(?:Đối tượng|ĐỐI TƯỢNG)\b")
_DANGLING_COOP = re.compile(r"^(?:chủ trì\s*,?\s*)?phối hợp(?:\s+với)?\s*:?$", re.I)


def _in_scope_section(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if n.kind != "roman" and _SCOPE.match(n.title or ""):
            return True
        n = n.parent
    return False


def _in_purpose_section(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if _PURPOSE.match(n.title or ""):
            return True
        n = n.parent
    return False


# ('Thủ trưởng các sở, ban, ngành, địa phương' names the heads of the departments: not vague)
_VAGUE = re.compile(r"^(?:(?:Thủ trưởng|Người đứng đầu|Lãnh đạo)\b(?!\s+(?:các\s+)?(?:sở|bộ|ban|UBND|Ủy ban)\b)|Các cấp\b)"
                    r"|được giao|được phân công|chủ trì nhiệm vụ", re.I)


def _vague(name: str) -> bool:
    """A lead that names no one in particular: 'Các đơn vị chủ trì nhiệm vụ được giao',
    'Thủ trưởng các cơ quan', 'các cơ quan, đơn vị liên quan'."""
    return is_generic(name) or bool(_VAGUE.search(name))


# 'I. MỤC ĐÍCH, YÊU CẦU', '2. Yêu cầu': what the plan wants, said of everyone ('Thủ trưởng các
# cơ quan ... phải ...'), not tasks given to someone
_PURPOSE = re.compile(r"^(?:MỤC ĐÍCH|Mục đích|YÊU CẦU|Yêu cầu)(?:\s*(?:,|và|-|–)\s*(?:YÊU CẦU|yêu cầu|Yêu cầu))?\W*$")
