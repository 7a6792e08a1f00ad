"""Directory import: a file read and checked, then applied to the database in one transaction (units, officers, contacts, aliases)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.check import parse_day
from dondoc.directory.contacts import channel_of
from dondoc.directory.data import TRUE_WORDS, DirectoryData, DirectoryError, _Errors
from dondoc.directory.files import read_directory
from dondoc.directory.names import name_key
from dondoc.models import Alias, AssignmentUnit, Contact, Delivery, Obligation, Officer, Plan, Unit, UnitLink
from dondoc.secrets import seal, unseal


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class DirectoryImportResult:
    source: str
    units: ImportCounts = field(default_factory=ImportCounts)
    officers: ImportCounts = field(default_factory=ImportCounts)
    contacts: ImportCounts = field(default_factory=ImportCounts)
    aliases: ImportCounts = field(default_factory=ImportCounts)
    warnings: list[str] = field(default_factory=list)
    plans: list[Any] = field(default_factory=list)  # importer.Reresolved: stored plans resolved again

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.removed
                   for c in (self.units, self.officers, self.contacts, self.aliases))

    def as_dict(self) -> dict[str, Any]:
        return {name: vars(getattr(self, name)) for name in ("units", "officers", "contacts", "aliases")} | {
            "changed": self.changed, "warnings": self.warnings, "plans": [p.as_dict() for p in self.plans]}


def _truthy(text: str) -> bool:
    return text.strip().lower() in TRUE_WORDS


def import_directory(*, engine: Engine, settings: Settings, path: str | Path, now: dt.datetime,
                     prune: bool = False) -> DirectoryImportResult:
    """Read `path` and apply it to the database in one transaction (nothing stored on any error).

    When the directory changed, every stored plan is resolved again in the same transaction, so names that
    an added unit or alias now covers get their obligations at once (and units the directory just retired stop
    receiving the plans' tasks).
    """
    from sqlalchemy.exc import IntegrityError

    from dondoc.intake.reresolve import reresolve_plans

    data = read_directory(path)
    try:
        with session_scope(engine) as session:
            result = apply_directory(session, data=data, settings=settings, now=now, prune=prune)
            if result.changed:
                result.plans = reresolve_plans(session, settings=settings, now=now)
            return result
    except IntegrityError as exc:
        # A last safety net: a row the file drops is still referenced by stored work. Nothing was stored.
        raise DirectoryError(
            "không nhập được danh bạ: tệp bỏ đi một đơn vị, cán bộ, liên hệ hoặc tên gọi mà kế hoạch, nghĩa vụ hoặc "
            "lịch sử gửi tin đã lưu còn dùng; giữ dòng đó trong tệp (chưa có gì được ghi). Chi tiết: "
            + str(getattr(exc, "orig", exc)).splitlines()[0], path=data.source) from None


def apply_directory(session: Session, *, data: DirectoryData, settings: Settings,
                    now: dt.datetime, prune: bool = False) -> DirectoryImportResult:
    """Apply checked directory data to the session (the caller commits, or rolls back on error).

    A partial file is safe: units the file leaves out are kept (with `prune`, those nothing refers to are
    removed); a sheet with no rows at all leaves that part of the directory as it is (officers stay active,
    contacts and aliases stay); contacts are replaced only for the officers the file lists, and a contact
    that messages were already sent through is never deleted."""
    result = DirectoryImportResult(source=data.source)
    units = {u.code: u for u in session.exec(select(Unit)).all()}
    officers = {o.code: o for o in session.exec(select(Officer)).all()}
    _check_references(data, units)
    _apply_units(session, data, units, result, now=now, prune=prune)
    _apply_officers(session, data, units, officers, result, now=now)
    _apply_contacts(session, data, officers, result, settings=settings)
    _apply_aliases(session, data, units, officers, result)
    return result


def _check_references(data: DirectoryData, units: dict[str, Unit]) -> None:
    """References and the unit tree, against the file plus what the database already holds (every problem
    with its sheet and row, raised at once)."""
    errors = _Errors(data.source)
    file_units = {r.get("code"): r for r in data.rows["units"]}
    parent_of: dict[str, str | None] = {}
    by_id = {u.id: u for u in units.values()}
    for code, u in units.items():
        parent = by_id.get(u.parent_id) if u.parent_id else None
        parent_of[code] = parent.code if parent else None
    for code, row in file_units.items():
        parent = row.get("parent") or None
        if parent and parent not in file_units and parent not in units:
            errors.add(row, "parent", f"không có đơn vị cấp trên mã {parent!r} (cần một mã ở trang Units)")
        if parent == code:
            errors.add(row, "parent", f"đơn vị {code!r} không thể là cấp trên của chính nó")
        parent_of[code] = parent
    reported: set[str] = set()
    for code in file_units:
        chain, cur = [code], parent_of.get(code)
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parent_of.get(cur)
        if cur is not None and cur == code and code not in reported:
            reported.update(chain)
            errors.add(file_units[code], "parent", "vòng lặp cấp trên: " + " -> ".join([*chain, code]) +
                       " (một đơn vị không thể là cấp trên của chính nó)")
    file_officers = {r.get("code"): r for r in data.rows["officers"]}
    for row in data.rows["officers"]:
        if row.get("unit") not in file_units and row.get("unit") not in units:
            errors.add(row, "unit", f"không có đơn vị mã {row.get('unit')!r} (cần một mã ở trang Units)")
    for row in data.rows["contacts"]:
        if row.get("officer") not in file_officers:
            errors.add(row, "officer", f"không có cán bộ mã {row.get('officer')!r} (cần một mã ở trang Officers)")
    for row in data.rows["units"]:
        for pred in _codes(row.get("predecessors")):
            if pred not in file_units and pred not in units:
                errors.add(row, "predecessors", f"không có đơn vị mã {pred!r} (cần một mã ở trang Units)")
    for row in data.rows["aliases"]:
        if row.get("unit") and row.get("unit") not in file_units and row.get("unit") not in units:
            errors.add(row, "unit", f"không có đơn vị mã {row.get('unit')!r} (cần một mã ở trang Units)")
        off = row.get("officer")
        if off:
            orow = file_officers.get(off)
            if orow is None:
                errors.add(row, "officer", f"không có cán bộ mã {off!r} (cần một mã ở trang Officers)")
            elif orow.get("unit") != row.get("unit"):
                errors.add(row, "officer", f"cán bộ {off!r} thuộc đơn vị {orow.get('unit')!r}, "
                           f"không phải {row.get('unit')!r}")
    errors.raise_if_any()


def _apply_units(session: Session, data: DirectoryData, units: dict[str, Unit], result: DirectoryImportResult,
                 *, now: dt.datetime, prune: bool) -> None:
    file_units = {r.get("code"): r for r in data.rows["units"]}
    by_id = {u.id: u for u in units.values()}
    # Units: create/update without parents, then link parents (order-free within the file).
    changed: set[str] = set()
    for code, row in file_units.items():
        unit = units.get(code)
        fields = {"name": row.get("name"), "kind": row.get("kind") or "unit", "external": _truthy(row.get("external"))}
        # Official columns are optional: a file without them (older directories) leaves them as they are.
        for column in ("official_code", "valid_from", "valid_to"):
            if column in row.values:
                fields[column] = parse_day(row.get(column)) if column.startswith("valid") else row.get(column) or None
        if unit is None:
            unit = Unit(code=code, created_at=now, **fields)
            session.add(unit)
            units[code] = unit
            result.units.created += 1
        elif _assign(unit, fields):
            session.add(unit)
            changed.add(code)
    session.flush()
    for code, row in file_units.items():
        unit = units[code]
        parent_id = units[row.get("parent")].id if row.get("parent") else None
        if unit.parent_id != parent_id:
            unit.parent_id = parent_id
            session.add(unit)
            changed.add(code)
    changed |= _link_predecessors(session, data, units, now)
    existing_codes = {u.code for u in by_id.values()}
    absent = sorted(existing_codes - set(file_units))
    if absent:
        named = {r.get("unit") for r in data.rows["officers"]} | {r.get("unit") for r in data.rows["aliases"]}
        _absent_units(session, result, [u for u in by_id.values() if u.code in absent], prune=prune,
                      keep={c for c in named if c})
    result.units.updated = len(changed & existing_codes)
    result.units.unchanged = len((set(file_units) & existing_codes) - changed)
    session.flush()



def _apply_officers(session: Session, data: DirectoryData, units: dict[str, Unit], officers: dict[str, Officer],
                    result: DirectoryImportResult, *, now: dt.datetime) -> None:
    file_officers = {r.get("code"): r for r in data.rows["officers"]}
    # Officers, by code; those absent from the file become inactive.
    for code, row in file_officers.items():
        off = officers.get(code)
        fields = {"unit_id": units[row.get("unit")].id, "name": row.get("name"), "role": row.get("role") or "staff",
                  "position": row.get("position") or None, "active": True}
        if off is None:
            off = Officer(code=code, created_at=now, **fields)
            session.add(off)
            officers[code] = off
            result.officers.created += 1
        elif _assign(off, fields):
            session.add(off)
            result.officers.updated += 1
        else:
            result.officers.unchanged += 1
    for code, off in officers.items():
        if file_officers and code not in file_officers and off.active:
            off.active = False
            session.add(off)
            result.officers.removed += 1
    session.flush()



def _apply_contacts(session: Session, data: DirectoryData, officers: dict[str, Officer],
                    result: DirectoryImportResult, *, settings: Settings) -> None:
    file_officers = {r.get("code"): r for r in data.rows["officers"]}
    # Contacts: the file's list per officer, matched by priority; URLs sealed at rest.
    existing: dict[tuple[int, int], Contact] = {(c.officer_id, c.priority): c for c in session.exec(select(Contact)).all()}
    wanted: set[tuple[int, int]] = set()
    next_prio: dict[str, int] = defaultdict(int)
    for row in data.rows["contacts"]:
        code = row.get("officer")
        prio = int(row.get("priority")) if row.get("priority") else next_prio[code] + 1
        next_prio[code] = max(next_prio[code], prio)
        officer_id = officers[code].id
        assert officer_id is not None
        url = row.get("url").strip()
        channel = row.get("channel") or channel_of(url)
        key = (officer_id, prio)
        wanted.add(key)
        contact = existing.get(key)
        if contact is None:
            session.add(Contact(officer_id=officer_id, channel=channel, url=seal(url, settings), priority=prio))
            result.contacts.created += 1
        elif unseal(contact.url, settings) != url or contact.channel != channel:
            contact.url = seal(url, settings)
            contact.channel = channel
            session.add(contact)
            result.contacts.updated += 1
        else:
            result.contacts.unchanged += 1
    listed = {officers[c].id for c in file_officers if c in officers}
    used = set(session.exec(select(Delivery.contact_id).where(col(Delivery.contact_id).is_not(None)).distinct()).all())
    for key, contact in existing.items():
        if key in wanted or not data.rows["contacts"] or key[0] not in listed:
            continue  # an officer the file does not list keeps their contacts
        if contact.id in used:
            result.warnings.append(f"liên hệ ưu tiên {key[1]} của cán bộ mã {_code_of(officers, key[0])} không có "
                                   "trong tệp nhưng đã được dùng để gửi tin: giữ lại")
            continue
        session.delete(contact)
        result.contacts.removed += 1
    session.flush()



def _apply_aliases(session: Session, data: DirectoryData, units: dict[str, Unit], officers: dict[str, Officer],
                   result: DirectoryImportResult) -> None:
    # Aliases, by normalised key; those absent from the file are removed.
    aliases = {a.key: a for a in session.exec(select(Alias)).all()}
    seen_keys: set[str] = set()
    for row in data.rows["aliases"]:
        key = name_key(row.get("alias"))
        seen_keys.add(key)
        fields = {
            "name": row.get("alias"),
            "unit_id": units[row.get("unit")].id if row.get("unit") else None,
            "officer_id": officers[row.get("officer")].id if row.get("officer") else None,
            "kinds": _list(row.get("kinds")), "within": _list(row.get("within")), "role": row.get("role") or None,
        }
        alias = aliases.get(key)
        if alias is None:
            session.add(Alias(key=key, **fields))
            result.aliases.created += 1
        elif _assign(alias, fields):
            session.add(alias)
            result.aliases.updated += 1
        else:
            result.aliases.unchanged += 1
    for key, alias in aliases.items():
        if data.rows["aliases"] and key not in seen_keys:
            session.delete(alias)
            result.aliases.removed += 1
    session.flush()


def _code_of(officers: dict[str, Officer], officer_id: int) -> str:
    return next((code for code, o in officers.items() if o.id == officer_id), str(officer_id))


def _absent_units(session: Session, result: DirectoryImportResult, absent: list[Unit], *, prune: bool,
                  keep: set[str]) -> None:
    """Say what happens to the units the file leaves out: kept (default), or removed with `prune` when
    nothing refers to them (no plan, task, obligation, officer, alias or sub-unit)."""
    ids = [u.id for u in absent]
    used: set[Any] = set()
    for column in (Obligation.unit_id, AssignmentUnit.unit_id, Officer.unit_id, Alias.unit_id, Unit.parent_id,
                   Plan.issuer_unit_id, Plan.focal_unit_id, Plan.owner_unit_id):
        used |= set(session.exec(select(column).where(col(column).in_(ids)).distinct()).all())
    names = ", ".join(sorted(u.code for u in absent)[:10]) + (" ..." if len(absent) > 10 else "")
    if not prune:
        result.warnings.append(f"{len(absent)} đơn vị có trong cơ sở dữ liệu nhưng không có trong tệp được giữ nguyên "
                               f"({names}); thêm --prune để bỏ những đơn vị không còn gì tham chiếu đến")
        return
    removable = [u for u in absent if u.id not in used and u.code not in keep]
    for u in removable:
        session.delete(u)
    result.units.removed += len(removable)
    kept = [u.code for u in absent if u.id in used or u.code in keep]
    if kept:
        result.warnings.append(f"{len(kept)} đơn vị không có trong tệp được giữ vì kế hoạch, nghĩa vụ, cán bộ hoặc tên "
                               f"gọi còn tham chiếu đến: {', '.join(kept[:10])}{' ...' if len(kept) > 10 else ''}")


def _codes(text: str) -> list[str]:
    return [t.strip() for t in (text or "").split(",") if t.strip()]


def _link_predecessors(session: Session, data: DirectoryData, units: dict[str, Unit], now: dt.datetime) -> set[str]:
    """UnitLink rows for the file's `predecessors` column (added, never removed: a merge is history)."""
    wanted = [(units[p], units[r.get("code")], r) for r in data.rows["units"] for p in _codes(r.get("predecessors"))]
    if not wanted:
        return set()
    have = {(link.predecessor_id, link.successor_id) for link in session.exec(select(UnitLink)).all()}
    changed: set[str] = set()
    for pred, succ, _row in wanted:
        if (pred.id, succ.id) in have:
            continue
        on = succ.valid_from or (pred.valid_to + dt.timedelta(days=1) if pred.valid_to else now.date())
        session.add(UnitLink(predecessor_id=pred.id, successor_id=succ.id, effective_on=on, created_at=now))  # type: ignore[arg-type]
        have.add((pred.id, succ.id))
        changed.add(succ.code)
    return changed


def _list(text: str) -> str | None:
    items = [t.strip() for t in text.split(",") if t.strip()]
    return ", ".join(items) if items else None


def _assign(obj: Any, fields: dict[str, Any]) -> bool:
    changed = False
    for k, v in fields.items():
        if getattr(obj, k) != v:
            setattr(obj, k, v)
            changed = True
    return changed
