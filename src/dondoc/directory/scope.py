"""Which unit a plan speaks from (its issuer, its place, the local government it names) and the resolver
narrowed to it: a mixin of directory.resolve.Resolver."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from dondoc.directory.names import _strings, name_key

if TYPE_CHECKING:
    from dondoc.directory.resolve import Resolver


class PlanScopeMixin:
    """The plan-scope half of the Resolver (uses its units, ancestors and resolve)."""

    units: dict[int, Any]

    def scope_for(self, plan: dict[str, Any], *, owner: int | None = None) -> int | None:
        """The unit a plan speaks from: `owner`, else its issuer, else the local government it names.

        The fallback reads the plan's header (issuer, place, title), then all its strings, for the names of
        units that have child units (local governments); the most specific one mentioned wins, then the
        most mentioned.
        """
        if owner is not None:
            return owner
        place = name_key(str(plan.get("place") or ""))
        issuer = plan.get("issuer")
        if issuer:
            res = self.resolve(issuer, scope=None)
            if len({t[0] for t in res.targets}) == 1:
                found = res.targets[0][0]
                # The date line's place sits where the issuer sits: it narrows an issuer read too high up.
                below = [uid for uid in self.units if place and place in self._place_forms(self.units[uid].name)
                         and found in self.ancestors(uid)[1:]]
                return below[0] if len(below) == 1 else found
        header = [str(plan.get(k) or "") for k in ("issuer", "place", "title", "source")]
        for texts in (header, list(_strings(plan))):
            text = " " + " ".join(name_key(s) for s in texts) + " "
            best: tuple[int, int, int] | None = None
            for uid in self.units:
                if not self.children.get(uid):
                    continue
                forms = self._place_forms(self.units[uid].name)
                count = sum(text.count(" " + f + " ") for f in forms[:-1]) + (place == forms[-1] and len(place) > 3)
                if count:
                    cand = (len(self.ancestors(uid)), count, uid)
                    if best is None or cand[:2] > best[:2]:
                        best = cand
            if best:
                return best[2]
        return None

    _LEVEL_WORDS = ("tinh ", "huyen ", "thi xa ", "thi tran ", "thanh pho ", "quan ", "xa ", "phuong ")

    def _place_forms(self, name: str) -> list[str]:
        """'UBND huyện Quan Hoá' -> ['uy ban nhan dan huyen quan hoa', 'huyen quan hoa', 'quan hoa'].

        The last form (the bare place name) is only compared with the plan's `place` field."""
        key = name_key(name)
        forms = [key]
        for prefix in self.GOVERNMENT_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix) + 3:
                forms.append(key[len(prefix):])
        last = forms[-1]
        for level in self._LEVEL_WORDS:
            if last.startswith(level):
                last = last[len(level):]
                break
        forms.append(last)
        return forms

    def for_plan(self, plan: dict[str, Any], *, owner: int | None = None) -> Resolver:
        """A view scoped to the plan's issuing unit (see `scope_for`), as of the plan's date."""
        view = self.scoped(self.scope_for(plan, owner=owner))
        issued = plan.get("issued_on")
        try:
            as_of = dt.date.fromisoformat(str(issued)[:10]) if issued else None
        except ValueError:
            as_of = None
        if as_of != view.as_of:
            view.as_of = as_of
            view._cache = {}
        return view
