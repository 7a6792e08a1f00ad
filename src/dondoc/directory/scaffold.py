"""A directory draft from plans: the bodies a plan names that the directory does not know yet.

A focal officer who receives a plan from a new issuer would otherwise type every unit by hand. The draft
keeps the whole current directory and adds, for each name that does not resolve:

- a single body ('Sở Y tế', 'Trung tâm Kiểm soát bệnh tật tỉnh') -> a unit under the plan's issuer, its kind
  guessed from the name's head word, `external` for bodies a People's Committee requests rather than orders
  (the Front, mass organisations);
- a collective ('các sở, ban, ngành', 'UBND các xã, phường') -> an alias that expands to the issuer's child
  units of the kinds its words name;
- the issuer itself when it is not in the directory.

Similar names become one unit: 'Sở Y tế' and 'Sở Y tế tỉnh' share a key (resolve.bare_key), and the second
is written as an alias of the first. Nothing is stored: the user reviews the file, adds officers and contacts
and imports it (`dondoc directory import`), which also resolves the stored plans again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from dondoc.config import Settings
from dondoc.directory.data import DirectoryData, Row
from dondoc.directory.export import dump_directory
from dondoc.directory.names import bare_key, plan_names
from dondoc.directory.resolve import Resolver
from dondoc.vietnamese import fold

# Head words of single bodies -> kind (folded, longest first so 'uy ban mat tran' wins over 'uy ban').
_KIND_BY_HEAD: tuple[tuple[str, str], ...] = tuple(sorted((
    ("uy ban nhan dan tinh", "province"), ("ubnd tinh", "province"),
    ("uy ban nhan dan thanh pho", "district"), ("ubnd thanh pho", "district"),
    ("uy ban nhan dan huyen", "district"), ("ubnd huyen", "district"),
    ("uy ban nhan dan thi xa", "town"), ("ubnd thi xa", "town"),
    ("uy ban nhan dan xa", "commune"), ("ubnd xa", "commune"),
    ("uy ban nhan dan phuong", "ward"), ("ubnd phuong", "ward"),
    ("uy ban nhan dan thi tran", "township"), ("ubnd thi tran", "township"),
    ("so", "department"), ("phong", "department"), ("van phong", "office"), ("thanh tra", "office"),
    ("ban", "committee"), ("ban chi dao", "committee"), ("hoi dong", "committee"),
    ("trung tam", "agency"), ("benh vien", "agency"), ("dai", "agency"), ("bao", "agency"),
    ("cong an", "agency"), ("bo chi huy", "agency"), ("chi cuc", "agency"), ("cuc", "agency"),
    ("kho bac", "agency"), ("ngan hang", "agency"), ("bao hiem xa hoi", "agency"), ("cong ty", "agency"),
    ("cong thong tin", "agency"), ("doi", "agency"), ("tram", "agency"), ("vien", "agency"),
    ("truong", "school"),
    ("mat tran", "front"), ("uy ban mat tran", "front"),
    ("hoi", "mass_org"), ("doan thanh nien", "mass_org"), ("tinh doan", "mass_org"), ("huyen doan", "mass_org"),
    ("lien doan", "mass_org"), ("lien minh", "mass_org"),
    ("dang uy", "party"), ("cap uy", "party"), ("chi bo", "party"),
    ("cong chuc", "office"), ("thon", "village"), ("khu pho", "neighbourhood"), ("to dan pho", "neighbourhood"),
), key=lambda kv: -len(kv[0])))

_EXTERNAL_KINDS = {"front", "mass_org", "party"}  # requested (Đề nghị), not ordered

# Words of a collective -> the kinds it covers.
_KINDS_BY_WORD: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("so", ("department",)), ("nganh", ("department", "agency")), ("ban", ("department", "committee")),
    ("phong", ("department", "office")), ("co quan", ("department", "office", "agency")),
    ("don vi", ("department", "office", "agency", "school")),
    ("doan the", ("front", "mass_org")), ("to chuc chinh tri", ("front", "mass_org")), ("hoi", ("mass_org",)),
    ("xa", ("commune",)), ("phuong", ("ward",)), ("thi tran", ("township",)), ("huyen", ("district",)),
    ("dia phuong", ("district", "town", "commune", "ward", "township")),
    ("truong", ("school",)), ("thon", ("village",)), ("khu pho", ("neighbourhood",)),
    ("trung tam", ("agency",)), ("doanh nghiep", ("agency",)),
    ("dac khu", ("special_zone",)), ("cap xa", ("commune", "ward", "special_zone")),
    ("don vi su nghiep", ("public_service",)),
)
_LEVEL_WORDS = {"tinh", "huyen", "xa", "phuong", "thi", "tran", "thanh", "pho", "quan"}


@dataclass
class Scaffold:
    """The draft: `data` holds the current directory plus the proposed rows listed in `added`; `vague` the
    names too general to be a unit ('địa phương', 'lực lượng'), left for the user to map by hand."""

    data: DirectoryData
    added: list[dict[str, str]] = field(default_factory=list)  # {"sheet", "code"/"alias", "name", "from"}
    vague: list[dict[str, str]] = field(default_factory=list)  # {"name", "from"}
    resolved: int = 0  # names that already resolve
    plans: int = 0


def guess_kind(name: str) -> str:
    words = " ".join(re.sub(r"[^\w\s]", " ", fold(name)).split())
    for head, kind in _KIND_BY_HEAD:
        if words == head or words.startswith(head + " "):
            return kind
    return "unit"


_LIST_OF_KINDS = re.compile(r"\b(so|ban|nganh|phong|xa|phuong|huyen|thi tran|co quan|don vi)\s*,\s*"
                            r"(so|ban|nganh|phong|xa|phuong|huyen|thi tran|doan the|dia phuong|co quan|don vi)\b")


def is_collective(name: str) -> bool:
    """'các sở, ban, ngành', 'UBND các xã, phường', 'Sở, ban, ngành': names of a group, not of one body
    ('Sở Văn hóa, Thể thao và Du lịch' is one body despite its comma)."""
    folded = " ".join(fold(name).split())
    words = " " + re.sub(r"[^\w\s]", " ", folded) + " "
    return " cac " in words or " nhung " in words or _LIST_OF_KINDS.search(folded) is not None


def collective_kinds(name: str) -> tuple[str, ...]:
    words = " " + " ".join(re.sub(r"[^\w\s]", " ", fold(name)).split()) + " "
    words = words.replace(" xa hoi ", " ")  # 'tổ chức chính trị - xã hội' names no commune
    found: list[tuple[int, tuple[str, ...]]] = []
    for word, ks in sorted(_KINDS_BY_WORD, key=lambda wk: -len(wk[0])):  # 'địa phương' before 'phường'
        at = words.find(f" {word} ")
        if at >= 0:
            found.append((at, ks))
            words = words.replace(f" {word} ", " " + "_" * (len(word) - 1) + " ")
    kinds: list[str] = []
    for _, ks in sorted(found, key=lambda f: f[0]):  # in the order the name gives them
        kinds.extend(k for k in ks if k not in kinds)
    return tuple(kinds)


def _shortens(name: str, issuer: str) -> bool:
    """'UBND tỉnh' for 'UBND tỉnh Đắk Lắk': the name is the issuer's name cut before its place."""
    short, full = bare_key(name)[1].split(), bare_key(issuer)[1].split()
    return bool(short) and len(short) < len(full) and full[:len(short)] == short


def code_for(name: str, *, prefix: str | None, taken: set[str]) -> str:
    """Initials of the name's significant words ('Sở Y tế' -> SYT), under the issuer's code, made unique."""
    words = list(re.sub(r"[^\w\s]", " ", fold(name)).upper().split())
    if words[:4] == ["UY", "BAN", "NHAN", "DAN"]:
        words = words[4:]
    elif words[:1] == ["UBND"]:
        words = words[1:]
    if len(words) > 1 and words[0].lower() in _LEVEL_WORDS:
        words = words[1:]  # 'tỉnh Đắk Lắk' -> ĐL
    stem = "".join(w[0] for w in words if w.isalnum())[:8] or "DV"
    base = f"{prefix}-{stem}" if prefix else stem
    code, n = base, 2
    while code in taken:
        code, n = f"{base}{n}", n + 1
    taken.add(code)
    return code


def scaffold(session: Session, *, settings: Settings, plans: list[tuple[str, dict[str, Any]]]) -> Scaffold:
    """The current directory plus rows for every name of `plans` ((source, parsed plan) pairs) that the
    directory does not resolve."""
    # Long on purpose: one pass over the plan's names, deciding each one.
    data = dump_directory(session, settings=settings)
    rows = data.rows
    out = Scaffold(data=data, plans=len(plans))
    taken = {r.get("code") for r in rows["units"]}
    aliases = {bare_key(r.get("alias"))[1] for r in rows["aliases"]}
    base = Resolver.from_session(session)

    def add(sheet: str, values: dict[str, str], source: str) -> None:
        rows[sheet].append(Row(sheet, len(rows[sheet]) + 2, {k: v for k, v in values.items() if v}))
        out.added.append({"sheet": sheet, **values, "from": source})

    written: set[str] = set()  # names already written as a unit or alias
    issuers: dict[str, str] = {}  # bare key of an issuer added by this draft -> its code
    new_units: dict[tuple[str | None, str], str] = {}  # (issuer code, bare key) -> code of a unit added
    for source, plan in plans:
        resolver = base.for_plan(plan)
        issuer_code: str | None = None
        new_issuer = False
        issuer_name = plan.get("issuer")
        if resolver.scope is not None:
            issuer_code = base.units[resolver.scope].code
            issuer_name = base.units[resolver.scope].name
        elif plan.get("issuer"):
            issuer_key = bare_key(plan["issuer"])[1]
            new_issuer = True
            if issuer_key not in issuers:
                issuers[issuer_key] = code_for(plan["issuer"], prefix=None, taken=taken)
                add("units", {"code": issuers[issuer_key], "name": plan["issuer"],
                              "kind": guess_kind(plan["issuer"])}, source)
            issuer_code = issuers[issuer_key]
        for name in plan_names(plan):
            key = bare_key(name)[1]
            # Under a new issuer the directory knows none of its units: a name resolving elsewhere (another
            # province's 'Sở Y tế') is not this plan's body. Shared collective aliases still apply.
            if key in aliases or (not new_issuer and resolver.resolve(name).targets):
                out.resolved += 1
                continue
            if not key:
                continue
            if is_collective(name):
                kinds = collective_kinds(name)
                if kinds:
                    aliases.add(key)
                    add("aliases", {"alias": name, "kinds": ", ".join(kinds)}, source)
                elif name not in written:
                    written.add(name)
                    out.vague.append({"name": name, "from": source})
                continue
            if (issuer_code, key) in new_units:  # 'Sở Y tế tỉnh' after 'Sở Y tế'
                if name not in written:
                    written.add(name)
                    add("aliases", {"alias": name, "unit": new_units[(issuer_code, key)]}, source)
                continue
            if issuer_name and _shortens(name, issuer_name):  # 'UBND tỉnh' in a plan of UBND tỉnh Đắk Lắk
                written.add(name)
                aliases.add(key)
                add("aliases", {"alias": name, "unit": issuer_code or ""}, source)
                continue
            kind = guess_kind(name)
            if kind == "unit" and not name[:1].isupper():
                if name not in written:
                    written.add(name)
                    out.vague.append({"name": name, "from": source})
                continue
            code = code_for(name, prefix=issuer_code, taken=taken)
            new_units[(issuer_code, key)] = code
            written.add(name)
            add("units", {"code": code, "name": name, "kind": kind, "parent": issuer_code or "",
                          "external": "có" if kind in _EXTERNAL_KINDS else ""}, source)
    return out
