"""Validity of units in name resolution (mixed into dondoc.directory.resolve.Resolver): units dissolved or merged
(valid_to, UnitLink successors) as of a plan's date, and collectives the directory's kinds imply with no alias
('UBND các xã, phường' in a 2025 province)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from dondoc import clock
from dondoc.vietnamese import fold

if TYPE_CHECKING:
    from dondoc.directory.resolve import Resolution

# Kinds an unaliased collective name may expand to (the 2025 province structure; see bootstrap).
IMPLICIT_KINDS = ("commune", "ward", "special_zone", "department", "agency", "public_service")

Target = tuple[int, int | None]


class ValidityMixin:
    units: dict[int, Any]
    children: dict[int | None, list[int]]
    successors: dict[int, list[tuple[int, dt.date]]]
    as_of: dt.date | None

    def ancestors(self, unit_id: int) -> list[int]:  # provided by Resolver
        raise NotImplementedError

    # -- validity (2025 reorganisation, merges) ------------------------------------------------------
    def current(self, unit_id: int) -> bool:
        """Still existing on the plan's date (today when the plan has none)."""
        end = self.units[unit_id].valid_to
        return end is None or end >= (self.as_of or clock.today())

    def has_current_kind(self, kind: str) -> bool:
        found = self.__dict__.setdefault("_kinds_now", {})
        if (kind, self.as_of) not in found:
            found[(kind, self.as_of)] = any(u.kind == kind and self.current(u.id) for u in self.units.values())
        return found[(kind, self.as_of)]

    def nearest_of_kind(self, scope: int | None, kind: str) -> int | None:
        if scope is None:
            found = [u.id for u in self.units.values() if u.kind == kind and self.current(u.id)]
            return found[0] if len(found) == 1 else None
        return next((a for a in self.ancestors(scope) if self.units[a].kind == kind), None)

    def _follow_successors(self, res: Resolution) -> None:
        """A merged unit: its successors join the targets from the merge day on; once dissolved before the
        plan's date, only the successors remain. The import warns with the proposal."""
        from dondoc.directory.succession import successor_proposal

        out: list[Target] = []
        for unit_id, officer_id in res.targets:
            nexts = self._successor_chain(unit_id)
            if not nexts:
                out.append((unit_id, officer_id))
                continue
            if self.current(unit_id):
                out.append((unit_id, officer_id))
            for succ, on in nexts:
                res.since[succ] = on
                if (succ, None) not in out:
                    out.append((succ, None))
            res.proposal = successor_proposal(self, res.name, unit_id, [s for s, _ in nexts], nexts[0][1])
        res.targets = out

    def _successor_chain(self, unit_id: int) -> list[tuple[int, dt.date]]:
        """Successors of a dissolved unit, followed through later merges (A -> B -> C gives C, since B's day)."""
        out: list[tuple[int, dt.date]] = []
        todo, seen = list(self.successors.get(unit_id, [])), {unit_id}
        while todo:
            succ, on = todo.pop(0)
            if succ in seen:
                continue
            seen.add(succ)
            if self.units[succ].valid_to is not None and self.successors.get(succ):
                todo.extend((s, max(on, o)) for s, o in self.successors[succ])
            else:
                out.append((succ, on))
        return out if self.units[unit_id].valid_to is not None else []

    def _implicit_collective(self, name: str, scope: int | None) -> Resolution | None:
        """'UBND các xã, phường', 'các sở, ban, ngành' with no alias: the current units of the kinds the
        words name, under the nearest superior of the scope that has such units (the directory's kinds and
        hierarchy are the vocabulary). Only for the kinds a 2025 province is made of."""
        from dondoc.directory.scaffold import collective_kinds

        words = " " + " ".join(re.sub(r"[^\w\s]", " ", fold(name)).split()) + " "
        if scope is None or not (" cac " in words or " cap xa " in words):  # 'các ...', 'UBND cấp xã'
            return None
        kinds = set(collective_kinds(name)) & set(IMPLICIT_KINDS)
        if "commune" in kinds:
            kinds.add("special_zone")  # a special zone is a commune-level unit
        if not kinds:
            return None
        for anchor in self.ancestors(scope):
            units = [c for c in self.children.get(anchor, []) if self.units[c].kind in kinds and self.current(c)]
            if units:
                return _resolution()(name=name, targets=[(u, None) for u in units], method="collective", score=100.0,
                                  matched=f"{name} ({self.units[anchor].name})",
                                  note=f"expanded from the directory: kinds {', '.join(sorted(kinds))}")
        return None


def _resolution() -> Any:
    from dondoc.directory.resolve import Resolution

    return Resolution
