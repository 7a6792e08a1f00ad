"""Whether an item under a heading that names a body speaks of that body or of another: one of the several bodies the
heading names, the heading body's own unit, the members of a collective the heading adds, or a body above the plan's
issuer (plans.extract)."""

from __future__ import annotations

import re

from dondoc.plans.bodies import split_bodies
from dondoc.plans.gazetteer import is_generic
from dondoc.plans.rank import central, own_or_higher

_COMMITTEE = re.compile(r"^(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Chủ tịch|Hội đồng nhân dân|HĐND)\b")
# a unit whose name carries another parent organ ('Văn phòng Ủy ban nhân dân tỉnh', 'Trung tâm ... thuộc Sở Y tế')
_PARENT_IN = re.compile(r"\s(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Tỉnh ủy|Tỉnh uỷ|Sở|Bộ)\s")


def one_of(name: str, leads: list[str]) -> bool:
    """The item names one (or some) of the several bodies its heading names, each in full: 'Ban Quản lý Khu kinh tế chủ
    trì ...' under '7. Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp': that body's part alone."""
    def key(x: str) -> str:
        return " ".join(x.lower().split())

    own = [key(x) for x in split_bodies(name)]
    return len(leads) > 1 and bool(own) and len(own) < len(leads) and all(x in {key(y) for y in leads} for x in own)


def unit_of(unit: str, name: str, leads: list[str]) -> bool:
    """'Giao <unit> ...' under the heading `name` hands the duty to the heading body's own unit: the heading names one
    body, no committee and no collective ('Các cơ quan, đơn vị liên quan' owns no unit), and the unit's name carries no
    other parent organ ('Giao Văn phòng Ủy ban nhân dân tỉnh ...' under '1. Sở Tài chính': the office leads)."""
    if len(leads) != 1 or _COMMITTEE.match(name) or name.lower().startswith("các ") or is_generic(name):
        return False
    parent = _PARENT_IN.search(unit)
    return parent is None or name.lower() in unit.lower()


def spells_out(name: str, leads: list[str]) -> bool:
    """The item names the heading's bodies with the members of the collective the heading adds ('Đề nghị Ủy ban MTTQ
    tỉnh, Tỉnh đoàn, Hội Nông dân tỉnh ...' under 'Đề nghị Ủy ban MTTQ tỉnh và các tổ chức thành viên'): its own names."""
    def key(x: str) -> str:
        return " ".join(x.lower().split())

    own = [key(x) for x in split_bodies(name)]
    named = [key(x) for x in leads if not x.lower().startswith("các ")]
    more = [x for x in split_bodies(name) if key(x) not in named]
    return (len(named) < len(leads) and all(x in own for x in named) and bool(more)
            and all(x[:1].isupper() and not is_generic(x) for x in more))


def above(name: str, issuer: str | None) -> bool:
    """The body asked stands above the plan's issuer: a ministry above a local plan's issuer (not above a ministry:
    'Đề nghị Bộ Tài chính ...' in the Ministry of Health's plan is the plan's request of its peer), the issuer itself,
    or a level above it."""
    return (central(name) and not (issuer and central(issuer))) or own_or_higher(name, issuer)
