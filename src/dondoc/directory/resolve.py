"""Name resolution: a body as a plan writes it ('Phòng LĐ-TB&XH', 'Công chức VHXH', 'UBND các xã, thị trấn')
-> the units (and officers) of the directory.

Order of attempts, first hit wins:
1. exact: the text equals an alias, a unit name or an officer's position (NFC, case and spacing ignored);
2. normalised: diacritics folded (hoá/hóa, uỷ/ủy), administrative abbreviations expanded (UBND, MTTQ,
   LĐ-TB&XH, TB&XH, VHXH, ...), leading titles ('Công chức', 'Cán bộ', 'Trưởng', 'Chủ tịch' ...) and trailing
   level words ('huyện', 'cấp huyện', 'phường', 'trên địa bàn' ...) set aside;
3. fuzzy (rapidfuzz) above FUZZY_THRESHOLD.

Every name is data: unit names, officer positions and the directory's aliases are the only vocabulary of
bodies. The same name may belong to units of several local governments ('Phòng Nội vụ' of two districts,
'Công chức Văn hóa - Xã hội' of two communes): a *scope* (the unit that issued the plan) picks the nearest
one — inside the scope's subtree first, then its superior's subtree, and so on up.

Collectives ('UBND các xã, thị trấn', 'các phòng, ban, ngành', 'các khu phố') are aliases with no unit but
with `kinds`: they expand to the child units of those kinds of an anchor unit, the anchor being the scope
itself or, when the alias says `within: <kind>`, the scope's nearest superior of that kind ('các Sở, ngành
cấp tỉnh' -> within province). With no kinds the anchor itself is the target ('UBND phường' -> the ward).
A `role` makes each target the officer holding that role ('Chủ tịch UBND các xã' -> heads). A leading
title (Trưởng, Chủ tịch, Hiệu trưởng ...) does the same for any name."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from dondoc.directory.names import _NUMBER, bare_key, exact_key, name_key
from dondoc.directory.scope import PlanScopeMixin
from dondoc.directory.validity import ValidityMixin
from dondoc.models import Alias, Officer, Unit, UnitLink

FUZZY_THRESHOLD = 86.0


FAR = 10_000  # scope distance of a unit outside every ancestor's subtree


Target = tuple[int, int | None]


@dataclass(frozen=True)
class _Entry:
    """One name of the directory: a fixed target, or a collective to expand."""

    label: str
    unit_id: int | None = None
    officer_id: int | None = None
    kinds: tuple[str, ...] = ()
    within: str | None = None
    role: str | None = None
    collective: bool = False


@dataclass
class Resolution:
    name: str
    targets: list[Target] = field(default_factory=list)
    method: str = "unresolved"  # exact | normalised | fuzzy | collective | unresolved
    score: float = 0.0
    candidates: list[tuple[str, float]] = field(default_factory=list)
    matched: str | None = None
    note: str | None = None
    since: dict[int, dt.date] = field(default_factory=dict)  # successor unit -> first day it stands in
    proposal: Any = None  # succession.Proposal: a merged unit's successor (a warning for the import)

    @property
    def resolved(self) -> bool:
        return bool(self.targets)


@dataclass
class _UnitInfo:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    external: bool
    official_code: str | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class Resolver(ValidityMixin, PlanScopeMixin):
    """Precomputed name index of the directory. Build once per transaction; resolve many names."""

    def __init__(self, units: Iterable[_UnitInfo], officers: Iterable[Officer], aliases: Iterable[Alias],
                 *, scope: int | None = None) -> None:
        self.units: dict[int, _UnitInfo] = {u.id: u for u in units}
        self.children: dict[int | None, list[int]] = defaultdict(list)
        for u in self.units.values():
            self.children[u.parent_id].append(u.id)
        self.officers: dict[int, Officer] = {}
        self.by_role: dict[tuple[int, str], list[int]] = defaultdict(list)
        self._exact: dict[str, list[_Entry]] = defaultdict(list)
        self._full: dict[str, list[_Entry]] = defaultdict(list)
        self._bare: dict[str, list[tuple[str | None, _Entry]]] = defaultdict(list)
        self.scope = scope
        self.as_of: dt.date | None = None  # the plan's date: units dissolved before it are not expanded
        self.successors: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
        self._cache: dict[tuple[str, int | None, bool], Resolution] = {}
        self._ancestors: dict[int, list[int]] = {}
        for u in self.units.values():
            self._add(u.name, _Entry(label=self._unit_label(u.id), unit_id=u.id))
        for o in sorted(officers, key=lambda o: o.id or 0):
            if not o.active:
                continue
            assert o.id is not None
            self.officers[o.id] = o
            self.by_role[(o.unit_id, o.role)].append(o.id)
            if o.position:
                self._add(o.position, _Entry(label=f"{o.position} ({self.units[o.unit_id].name})",
                                             unit_id=o.unit_id, officer_id=o.id))
        for a in aliases:
            if a.unit_id is None:
                entry = _Entry(label=a.name, kinds=tuple(k.strip() for k in (a.kinds or "").split(",") if k.strip()),
                               within=a.within or None, role=a.role or None, collective=True)
            else:
                label = self._unit_label(a.unit_id)
                if a.officer_id is not None and a.officer_id in self.officers:
                    o = self.officers[a.officer_id]
                    label = f"{o.position or o.name} ({self.units[o.unit_id].name})"
                entry = _Entry(label=label, unit_id=a.unit_id, officer_id=a.officer_id, role=a.role or None)
            self._add(a.name, entry)
        self._fuzzy_keys = list(self._bare)
        self._fuzzy_sorted: list[str] | None = None

    # -- construction -------------------------------------------------------------------------------
    @classmethod
    def from_session(cls, session: Session, *, scope: int | None = None) -> Resolver:
        units = [_UnitInfo(id=u.id, code=u.code, name=u.name, kind=u.kind, parent_id=u.parent_id,  # type: ignore[arg-type]
                           external=u.external, official_code=u.official_code, valid_from=u.valid_from,
                           valid_to=u.valid_to) for u in session.exec(select(Unit)).all()]
        officers = session.exec(select(Officer)).all()
        aliases = session.exec(select(Alias)).all()
        resolver = cls(units, officers, aliases, scope=scope)
        for link in session.exec(select(UnitLink).order_by(UnitLink.id)).all():  # type: ignore[arg-type]
            resolver.successors[link.predecessor_id].append((link.successor_id, link.effective_on))
        return resolver

    def scoped(self, scope: int | None) -> Resolver:
        """A view of the same index resolving relative to `scope` (a unit id)."""
        view = object.__new__(Resolver)
        view.__dict__.update(self.__dict__)
        view.scope = scope
        return view

    def _add(self, name: str, entry: _Entry) -> None:
        self._exact[exact_key(name)].append(entry)
        self._full[name_key(name)].append(entry)
        role, bare = bare_key(name)
        if bare:
            self._bare[bare].append((role, entry))

    def _unit_label(self, unit_id: int) -> str:
        u = self.units[unit_id]
        parent = self.units.get(u.parent_id) if u.parent_id else None
        return f"{u.name} ({parent.name})" if parent else u.name

    # -- tree ---------------------------------------------------------------------------------------
    def ancestors(self, unit_id: int) -> list[int]:
        """The unit itself, then its parent, up to the root."""
        if unit_id not in self._ancestors:
            chain, seen, cur = [], set(), unit_id
            while cur is not None and cur in self.units and cur not in seen:
                seen.add(cur)
                chain.append(cur)
                cur = self.units[cur].parent_id
            self._ancestors[unit_id] = chain
        return self._ancestors[unit_id]

    def distance(self, unit_id: int, scope: int | None) -> int:
        """0 inside the scope's subtree, 1 inside its parent's, ...; FAR when unrelated or no scope."""
        if scope is None:
            return FAR
        mine = self.ancestors(unit_id)
        for n, anc in enumerate(self.ancestors(scope)):
            if anc in mine:
                return n
        return FAR

    def _anchor(self, scope: int | None, within: str | None) -> int | None:
        if scope is None:
            return None
        if not within:
            return scope
        kinds = {k.strip() for k in within.split(",")}
        return next((a for a in self.ancestors(scope) if self.units[a].kind in kinds), None)

    def _with_role(self, unit_id: int, role: str | None) -> Target:
        if role:
            ids = self.by_role.get((unit_id, role))
            if ids:
                return (unit_id, ids[0])
        return (unit_id, None)

    # -- resolution ---------------------------------------------------------------------------------
    def resolve(self, name: str, *, scope: int | None = None) -> Resolution:
        scope = self.scope if scope is None else scope
        return self._cached(name, scope, compound=True)

    def _cached(self, name: str, scope: int | None, *, compound: bool) -> Resolution:
        cache_key = (name, scope, compound)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._resolve(name, scope, compound=compound)
        return self._cache[cache_key]

    def resolve_many(self, names: Iterable[str], *, scope: int | None = None) -> dict[str, Resolution]:
        return {n: self.resolve(n, scope=scope) for n in names}

    def _resolve(self, name: str, scope: int | None, *, compound: bool) -> Resolution:
        res = Resolution(name=name)
        if not name or not name.strip():
            res.note = "empty name"
            return res
        role, bare = bare_key(name)
        attempts: list[tuple[str, list[tuple[str | None, _Entry]]]] = [
            ("exact", [(None, e) for e in self._exact.get(exact_key(name), [])]),
            ("normalised", [(None, e) for e in self._full.get(name_key(name), [])]),
            ("normalised", self._bare.get(bare, [])),
        ]
        for method, entries in attempts:
            if entries:
                self._pick(res, entries, role, scope, method, 100.0)
                if res.targets or res.note:
                    if res.targets:
                        res.candidates = [(res.matched or name, 100.0)]
                    else:
                        res.candidates = self._fuzzy(bare, scope)
                    return res
        implicit = self._implicit_collective(name, scope)
        if implicit is not None:
            return implicit
        several = self._compound(name, scope) if compound else None
        if several is not None:
            return several
        ranked = self._fuzzy_keys_ranked(bare)
        res.candidates = self._fuzzy(bare, scope, ranked)
        numbers = _NUMBER.findall(bare)
        for label_key, score in ranked:
            if score < FUZZY_THRESHOLD:
                break
            if _NUMBER.findall(label_key) != numbers:  # 'Phường 3' is not a typo of 'Phường 2'
                continue
            self._pick(res, self._bare[label_key], role, scope, "fuzzy", score)
            if res.targets:
                return res
        return res

    _SEPARATORS = re.compile(r"\s*(?:[,;]|\s+và\s+|\s+va\s+)\s*", re.IGNORECASE)

    def _compound(self, name: str, scope: int | None) -> Resolution | None:
        """'A, B và C' naming several bodies in one string: the fewest pieces that each resolve (no fuzzy)."""
        parts = [p for p in self._SEPARATORS.split(unicodedata.normalize("NFC", name)) if p.strip()]
        if len(parts) < 2 or len(parts) > 16:
            return None
        n = len(parts)
        best: list[list[Resolution] | None] = [None] * (n + 1)
        best[n] = []
        for i in range(n - 1, -1, -1):
            for j in range(n, i, -1):
                if i == 0 and j == n:
                    continue
                tail = best[j]
                if tail is None:
                    continue
                piece = self._cached(", ".join(parts[i:j]), scope, compound=False)
                if piece.targets and piece.method != "fuzzy" and piece.note is None:
                    cand = [piece, *tail]
                    if best[i] is None or len(cand) < len(best[i]):  # type: ignore[arg-type]
                        best[i] = cand
        pieces = best[0]
        if not pieces:
            return None
        targets: list[Target] = []
        for piece in pieces:
            for t in piece.targets:
                if t not in targets and (t[1] is not None or all(u != t[0] for u, _ in targets)):
                    targets.append(t)
        methods = {p.method for p in pieces}
        method = "collective" if "collective" in methods else "normalised" if "normalised" in methods else "exact"
        return Resolution(name=name, targets=targets, method=method, score=100.0,
                          candidates=[(p.matched or p.name, 100.0) for p in pieces][:3],
                          matched=" + ".join(p.matched or p.name for p in pieces),
                          note="several bodies: " + " | ".join(p.name for p in pieces))

    def _pick(self, res: Resolution, entries: list[tuple[str | None, _Entry]], role: str | None,
              scope: int | None, method: str, score: float) -> None:
        """Choose among the entries of one key: collectives expand; fixed targets go by scope distance."""
        fixed = [(r, e) for r, e in entries if not e.collective]
        collective = [(r, e) for r, e in entries if e.collective]
        if fixed:
            best = min(self.distance(e.unit_id, scope) for _, e in fixed)  # type: ignore[arg-type]
            chosen = [(r, e) for r, e in fixed if self.distance(e.unit_id, scope) == best]  # type: ignore[arg-type]
            units = {e.unit_id for _, e in chosen}
            # One unit; or several officers inside the issuer's own subtree ('Công chức VP-TK' -> both of them).
            if len(units) == 1 or (best == 0 and all(e.officer_id for _, e in chosen)):
                targets: list[Target] = []
                for r, e in chosen:
                    assert e.unit_id is not None
                    t = (e.unit_id, e.officer_id) if e.officer_id else self._with_role(e.unit_id, role or r or e.role)
                    if t not in targets:
                        targets.append(t)
                res.targets, res.method, res.score = targets, method, score
                res.matched = chosen[0][1].label
                if self.successors:
                    self._follow_successors(res)
                return
            if not collective:
                res.note = "ambiguous: " + "; ".join(sorted({e.label for _, e in chosen}))
                return
        for r, e in collective:
            anchor = self._anchor(scope, e.within)
            if anchor is None:
                res.note = (f"collective '{e.label}' needs the plan's issuing unit" if scope is None
                            else f"collective '{e.label}': no superior of kind {e.within!r}")
                continue
            if e.kinds:
                units = [c for c in self.children.get(anchor, []) if self.units[c].kind in e.kinds and self.current(c)]
            else:
                units = [anchor]
            if not units:
                res.note = f"collective '{e.label}': no unit of kind {', '.join(e.kinds)} under {self.units[anchor].name}"
                continue
            res.targets = [self._with_role(u, e.role or role or r) for u in units]
            res.method, res.score, res.matched = "collective", score, e.label
            res.note = None
            return

    def _fuzzy_keys_ranked(self, bare: str, limit: int = 12) -> list[tuple[str, float]]:
        """Keys nearest to `bare` by token-sort ratio (tokens of the keys sorted once, at build time)."""
        if not bare or not self._fuzzy_keys:
            return []
        from rapidfuzz import fuzz, process

        if self._fuzzy_sorted is None:
            self._fuzzy_sorted = [" ".join(sorted(k.split())) for k in self._fuzzy_keys]
        query = " ".join(sorted(bare.split()))
        found = process.extract(query, self._fuzzy_sorted, scorer=fuzz.ratio, processor=None, limit=limit)
        return [(self._fuzzy_keys[i], float(score)) for _, score, i in found]

    def _fuzzy(self, bare: str, scope: int | None, ranked: list[tuple[str, float]] | None = None
               ) -> list[tuple[str, float]]:
        """Top 3 candidate names (nearest to the scope first among equal scores)."""
        out: list[tuple[str, float]] = []
        seen: set[str] = set()
        if ranked is None:
            ranked = self._fuzzy_keys_ranked(bare)
        scored: list[tuple[float, int, str]] = []
        for key, score in ranked:
            for _, e in self._bare[key]:
                d = 0 if e.collective or e.unit_id is None else self.distance(e.unit_id, scope)
                scored.append((score, d, e.label))
        for score, _, label in sorted(scored, key=lambda t: (-t[0], t[1])):
            if label not in seen:
                seen.add(label)
                out.append((label, round(score, 1)))
            if len(out) == 3:
                break
        return out

    # -- plans --------------------------------------------------------------------------------------
    GOVERNMENT_PREFIXES = ("uy ban nhan dan ",)
