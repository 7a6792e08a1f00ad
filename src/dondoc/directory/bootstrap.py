"""`dondoc directory bootstrap --province "Nghệ An"`: a province's directory after the 2025 reorganisation.

Creates (or brings up to date) in one transaction:
- the province's People's Committee (kind ``province``, official code = the province code);
- its departments and agencies from the editable standard list ``data/province_2025.yaml``;
- every commune, ward and special zone of the province (kinds ``commune``, ``ward``, ``special_zone``) with
  its official code, from the ``vietnam-provinces`` package (the national list after 01/7/2025);
- the collective names of that list ('UBND các xã, phường', 'các sở, ban, ngành' ...) that the directory
  does not have yet.

Idempotent: units are matched by code (``T40``, ``T40-STC``, ``X17329``), else by official code and kind,
so a directory typed by hand that already carries the official codes is completed, not duplicated.
Officers, contacts and hand-made aliases are never touched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.names import name_key
from dondoc.errors import DirectoryError, NotFound
from dondoc.models import Alias, AuditEvent, Unit
from dondoc.vietnamese import fold

STANDARD_LIST = Path(__file__).parent / "data" / "province_2025.yaml"

# vietnam-provinces division types -> our unit kinds and the word used in the People's Committee's name.
_WARD_KINDS = {"xã": ("commune", "xã"), "phường": ("ward", "phường"), "đặc khu": ("special_zone", "đặc khu")}

LOCAL_KINDS = ("commune", "ward", "special_zone")


@dataclass
class BootstrapResult:
    province: str
    province_code: int
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    aliases_created: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # kind -> units of the province in the database
    plans: list[Any] = field(default_factory=list)
    new_units: list[dict[str, str]] = field(default_factory=list)  # code, name, kind of the units created

    def as_dict(self) -> dict[str, Any]:
        return {"province": self.province, "province_code": self.province_code, "created": self.created,
                "updated": self.updated, "unchanged": self.unchanged, "aliases_created": self.aliases_created,
                "counts": self.counts}


@dataclass(frozen=True)
class Division:
    """One commune/ward/special zone of the national list."""

    official_code: str
    name: str  # 'Xã Anh Sơn'
    kind: str  # commune | ward | special_zone
    word: str  # xã | phường | đặc khu


def _package_provinces() -> list[Any]:
    try:
        from vietnam_provinces import Province
    except ImportError as exc:  # pragma: no cover - a dependency of the project
        raise DirectoryError("the package vietnam-provinces is missing: pip install vietnam-provinces") from exc
    return list(Province.iter_all())


def find_province(name: str) -> Any:
    """'Nghệ An', 'nghe an', 'nghe_an', '40', 'TP Hồ Chí Minh', 'Thành phố Huế' -> the package's Province."""
    wanted = _place_key(name)
    provinces = _package_provinces()
    for p in provinces:
        if wanted in (_place_key(p.name), p.codename.replace("_", " "), str(int(p.code))):
            return p
    names = ", ".join(sorted(_short_name(p) for p in provinces))
    raise NotFound(f"không có tỉnh, thành phố {name!r} trong danh mục sau sắp xếp 2025 (34 đơn vị: {names})")


def _place_key(text: str) -> str:
    key = " ".join(fold(text).replace("_", " ").replace(".", " ").split())
    for prefix in ("thanh pho ", "tp ", "tinh "):
        key = key.removeprefix(prefix)
    return key


def _short_name(province: Any) -> str:
    return province.name.removeprefix("Thành phố ")


def is_city(province: Any) -> bool:
    return province.division_type.value == "thành phố trung ương"


def divisions(province: Any) -> list[Division]:
    """The province's communes, wards and special zones, in the national list's order."""
    from vietnam_provinces import Ward

    out = []
    for w in Ward.iter_by_province(province.code):
        kind, word = _WARD_KINDS[w.division_type.value]
        out.append(Division(official_code=f"{int(w.code):05d}", name=w.name, kind=kind, word=word))
    return out


@cache
def standard_list(path: Path = STANDARD_LIST) -> dict[str, list[dict[str, Any]]]:
    import yaml

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DirectoryError(f"cannot read the standard list of departments: {exc}", path=str(path)) from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("units"), list):
        raise DirectoryError("expected a mapping with a list 'units' (code, name, kind)", path=str(path))
    for n, row in enumerate(doc["units"], start=1):
        if not isinstance(row, dict) or not row.get("code") or not row.get("name"):
            raise DirectoryError(f"unit {n}: expected code and name", path=str(path))
    return {"units": doc["units"], "aliases": list(doc.get("aliases") or [])}


def province_code(province: Any) -> str:
    return f"T{int(province.code):02d}"


def committee_name(word: str, place: str) -> str:
    return f"Ủy ban nhân dân {word} {place}"


def wanted_units(province: Any, *, standard: Path = STANDARD_LIST) -> list[dict[str, Any]]:
    """The units the province should have: People's Committee, departments, then communes (parent = code)."""
    root = province_code(province)
    level = "city" if is_city(province) else "province"
    word = "thành phố" if is_city(province) else "tỉnh"
    rows: list[dict[str, Any]] = [{"code": root, "name": committee_name(word, _short_name(province)),
                                   "kind": "province", "parent": None, "official_code": f"{int(province.code):02d}",
                                   "external": False}]
    for row in standard_list(standard)["units"]:
        only = row.get("only")
        if only and level not in only:
            continue
        name = str(row["name"])
        if row.get("kind") in ("front", "agency") and row.get("external"):
            name = f"{name} {word} {_short_name(province)}"
        rows.append({"code": f"{root}-{row['code']}", "name": name, "kind": row.get("kind") or "department",
                     "parent": root, "official_code": None, "external": bool(row.get("external"))})
    for d in divisions(province):
        place = d.name[len(d.word):].strip() if fold(d.name).startswith(fold(d.word)) else d.name
        rows.append({"code": f"X{d.official_code}", "name": committee_name(d.word, place), "kind": d.kind,
                     "parent": root, "official_code": d.official_code, "external": False})
    return rows


def bootstrap_province(session: Session, *, province: str, now: dt.datetime,
                       standard: Path = STANDARD_LIST) -> BootstrapResult:
    """Create or complete the province's units and collective names in the caller's transaction."""
    prov = find_province(province)
    result = BootstrapResult(province=prov.name, province_code=int(prov.code))
    rows = wanted_units(prov, standard=standard)
    existing = session.exec(select(Unit)).all()
    by_code = {u.code: u for u in existing}
    by_official = {(u.official_code, u.kind): u for u in existing if u.official_code}
    units: dict[str, Unit] = {}
    for row in rows:
        unit = by_code.get(row["code"]) or (by_official.get((row["official_code"], row["kind"]))
                                            if row["official_code"] else None)
        fields = {k: row[k] for k in ("name", "kind", "official_code", "external")}
        if unit is None:
            unit = Unit(code=row["code"], created_at=now, **fields)
            session.add(unit)
            result.created += 1
            result.new_units.append({"code": row["code"], "name": row["name"], "kind": row["kind"]})
        elif any(getattr(unit, k) != v for k, v in fields.items() if v is not None):
            for k, v in fields.items():
                if v is not None:
                    setattr(unit, k, v)
            session.add(unit)
            result.updated += 1
        else:
            result.unchanged += 1
        units[row["code"]] = unit
    session.flush()
    for row in rows:
        unit = units[row["code"]]
        parent_id = units[row["parent"]].id if row["parent"] else None
        if row["parent"] and unit.parent_id != parent_id:
            unit.parent_id = parent_id
            session.add(unit)
    result.aliases_created = _add_aliases(session, standard_list(standard)["aliases"])
    session.flush()
    root = units[province_code(prov)]
    for unit in units.values():
        if unit.parent_id == root.id or unit is root:
            result.counts[unit.kind] = result.counts.get(unit.kind, 0) + 1
    return result


def _add_aliases(session: Session, rows: list[dict[str, Any]]) -> int:
    have = set(session.exec(select(Alias.key)).all())
    added = 0
    for row in rows:
        key = name_key(str(row["alias"]))
        if key in have:
            continue
        have.add(key)
        session.add(Alias(key=key, name=str(row["alias"]), kinds=row.get("kinds"), within=row.get("within"),
                          role=row.get("role")))
        added += 1
    return added


def province_choices() -> list[dict[str, str]]:
    """The 34 provinces and centrally-run cities of the package, for a select: value (the name) and label."""
    return [{"value": p.name, "label": f"{p.name} (mã {int(p.code):02d})"}
            for p in sorted(_package_provinces(), key=lambda p: fold(_short_name(p)))]


def _bootstrap_and_reresolve(session: Session, *, settings: Settings, province: str, now: dt.datetime,
                             reresolve: bool) -> BootstrapResult:
    from dondoc.intake.reresolve import reresolve_plans

    result = bootstrap_province(session, province=province, now=now)
    if reresolve and (result.created or result.updated or result.aliases_created):
        result.plans = reresolve_plans(session, settings=settings, now=now)
    return result


def apply_bootstrap(session: Session, *, settings: Settings, province: str, now: dt.datetime,
                    reresolve: bool = True, actor: str = "cli", via: str = "cli") -> BootstrapResult:
    """Bootstrap, resolve the stored plans again when the directory changed, audit: in the caller's transaction."""
    result = _bootstrap_and_reresolve(session, settings=settings, province=province, now=now, reresolve=reresolve)
    root = session.exec(select(Unit).where(Unit.code == f"T{result.province_code:02d}")).first()
    session.add(AuditEvent(at=now, actor=actor, via=via, action="directory.bootstrap", entity="unit",
                           entity_id=root.id if root else None,
                           after=result.as_dict() | {"plans": len(result.plans)}))
    session.flush()
    return result


def run_bootstrap(*, engine: Engine, settings: Settings, province: str, now: dt.datetime,
                  reresolve: bool = True, actor: str = "cli", via: str = "cli") -> BootstrapResult:
    """One transaction: `apply_bootstrap`."""
    with session_scope(engine) as session:
        return apply_bootstrap(session, settings=settings, province=province, now=now, reresolve=reresolve,
                               actor=actor, via=via)


def preview_bootstrap(*, engine: Engine, settings: Settings, province: str, now: dt.datetime) -> BootstrapResult:
    """The bootstrap of `province`, computed by the same code in a transaction that is rolled back."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            return _bootstrap_and_reresolve(session, settings=settings, province=province, now=now, reresolve=True)
        finally:
            session.rollback()
