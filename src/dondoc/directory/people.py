"""Who answers for a unit: the one rule for the focal point and the head.

Pure: officers in, officers out (the queries that load them are in directory/focal.py).
A unit's focal point is its active officers with role `focal`, else its head (`head`); a plan's focal point
is that of its focal unit (else the unit that owns the plan). Everything that must reach "the unit" when no
officer is named — escalations, the compiled report, an unreachable officer's notice — uses this rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from dondoc.models import Officer
from dondoc.models.vocabulary import OfficerRole

FOCAL_FIRST = (OfficerRole.FOCAL, OfficerRole.HEAD)
RESPONSIBLE = (OfficerRole.FOCAL, OfficerRole.HEAD, OfficerRole.DEPUTY, OfficerRole.STAFF)


def first_by_role(officers: Iterable[Officer], roles: Sequence[str] = FOCAL_FIRST,
                  exclude: int | None = None) -> list[Officer]:
    """The officers of the first role in `roles` that has any (pure: officers of one unit, in id order)."""
    pool = [o for o in officers if o.id != exclude]
    for role in roles:
        found = [o for o in pool if o.role == role]
        if found:
            return found
    return []


class People:
    """Active officers by unit, loaded once (a sweep, a simulation day) and asked many times."""

    def __init__(self, officers: Iterable[Officer]) -> None:
        self.by_unit: dict[int, list[Officer]] = defaultdict(list)
        for o in sorted(officers, key=lambda o: o.id or 0):
            self.by_unit[o.unit_id].append(o)

    def role(self, unit_id: int | None, *roles: str) -> list[int]:
        if unit_id is None:
            return []
        return [o.id for o in first_by_role(self.by_unit.get(unit_id, []), roles) if o.id is not None]

    def responsible(self, ob: Any) -> list[int]:
        """Who answers for an obligation: its named officer, else the unit's focal officer(s), else the head."""
        if ob.officer_id:
            return [ob.officer_id]
        return self.role(ob.unit_id, *RESPONSIBLE)
