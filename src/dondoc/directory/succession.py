"""Names of units or levels that no longer exist, and what stands for them now.

Since 01/7/2025 there is no district level: a plan issued before ('UBND các huyện', 'Phòng Lao động -
TB&XH huyện', 'UBND huyện Quan Hóa') names bodies a 2025 directory does not have, and communes keep merging
(a unit with `valid_to` and a successor in UnitLink). Such a name is never dropped silently: the import
gets a warning in Vietnamese and a *proposal* — the successor of a merged unit, the new communes that took
over a named district's area (from the `vietnam-address-converter` package's old -> new mapping), or
'UBND các xã, phường' of the province for a district level as a whole — stored on the plan
(Plan.proposals) for the review screen, with the alias row that would make it so.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from dondoc.directory.names import name_key
from dondoc.vietnamese import fold

# District-level words, matched with their diacritics ('quận' is a district, 'quân sự' and 'quản lý' are not).
_DISTRICT_WORDS = re.compile(r"(?<!\w)(huyện|quận|thị xã|cấp huyện)(?!\w)", re.IGNORECASE)

# The one collective that takes a dissolved district level's tasks in a 2025 province.
LOCAL_COLLECTIVE = "UBND các xã, phường"


@dataclass
class Proposal:
    name: str
    reason: str  # Vietnamese, for the clerk
    proposal: str  # the name proposed instead
    units: list[int] = field(default_factory=list)  # unit ids it would resolve to
    alias: dict[str, str] = field(default_factory=dict)  # the directory row that would make it so

    def as_dict(self, codes: dict[int, str]) -> dict[str, Any]:
        return {"name": self.name, "reason": self.reason, "proposal": self.proposal,
                "units": [codes[u] for u in self.units if u in codes], "alias": self.alias}

    def warning(self) -> str:
        alias = ", ".join(f"{k}: {v}" for k, v in self.alias.items())
        return (f"'{self.name}': {self.reason}; đề xuất thay bằng: {self.proposal}"
                + (f" (thêm tên gọi vào danh bạ — {alias})" if alias else ""))


# Township ('thị trấn') was a district-level town's commune-level unit: gone with the districts.
_TOWNSHIP = re.compile(r"(?<!\w)thị trấn(?!\w)", re.IGNORECASE)
_DEPARTMENT = re.compile(r"^\s*(?:(?:trưởng|lãnh đạo)\s+)?(?:các\s+)?phòng(?!\w)", re.IGNORECASE)


def names_district_level(name: str, *, issuer: str | None = None) -> bool:
    """A body of the district level: 'huyện', 'quận', 'thị xã', 'cấp huyện', 'thị trấn' in its name, or — in a
    plan a district issued — a 'Phòng ...' (the district's specialised departments)."""
    text = unicodedata.normalize("NFC", name)
    if _DISTRICT_WORDS.search(text) or _TOWNSHIP.search(text):
        return True
    return bool(issuer and _DISTRICT_WORDS.search(unicodedata.normalize("NFC", issuer)) and _DEPARTMENT.search(text))


def _named_district(name: str) -> str | None:
    """'UBND huyện Quan Hóa' -> 'quan hoa'; None for 'UBND các huyện', 'Phòng Nội vụ huyện'."""
    text = unicodedata.normalize("NFC", name)
    m = re.search(r"(?<!\w)(?:huyện|quận|thị xã)\s+(?!và\b|,)([^\W\d_][\w ]*\w|\d+)", text, re.IGNORECASE)
    if not m or re.search(r"(?<!\w)các\s+(?:huyện|quận|thị xã)", text, re.IGNORECASE):
        return None
    place = fold(m.group(1)).strip()
    return place if place and place not in ("tren dia ban", "cap", "nay") else None


@cache
def _district_successors() -> dict[tuple[str, str], tuple[str, ...]]:
    """(new province key, old district key) -> names of the new communes/wards that took over its area."""
    try:
        from vietnam_address_converter.data import DEFAULT_DATA
    except ImportError:  # optional: without it a named district gets the province-wide proposal
        return {}
    out: dict[tuple[str, str], list[str]] = {}
    for row in DEFAULT_DATA["mapping"]["rows"]:
        # The package's own keys drop 'Quan' from 'Huyện Quan Hóa' (read as 'Quận'): fold the names here.
        district = " ".join(fold(row["old"]["district_name"]).split())
        for level in ("huyen ", "quan ", "thi xa ", "thanh pho "):
            if district.startswith(level):
                district = district[len(level):]
                break
        names = out.setdefault((_province_key(row["new"]["province_name"]), district), [])
        if row["new"]["ward_name"] not in names:
            names.append(row["new"]["ward_name"])
    return {k: tuple(v) for k, v in out.items()}


def _province_key(unit_name: str) -> str:
    key = fold(unit_name)
    for prefix in ("uy ban nhan dan ", "ubnd "):
        key = key.removeprefix(prefix)
    for level in ("tinh ", "thanh pho "):
        key = key.removeprefix(level)
    return " ".join(key.split())


def propose(resolver: Any, name: str, scope: int | None, *, issuer: str | None = None) -> Proposal | None:
    """A proposal for a name of the dissolved district level, when the directory has no current district."""
    if not names_district_level(name, issuer=issuer) or resolver.has_current_kind("district"):
        return None
    province = resolver.nearest_of_kind(scope, "province")
    local = resolver.resolve(LOCAL_COLLECTIVE, scope=province) if province is not None else None
    local_units = [u for u, _ in local.targets] if local is not None else []
    district = _named_district(name) or (_named_district(issuer) if issuer else None)
    if district and province is not None:
        new_names = _district_successors().get((_province_key(resolver.units[province].name), district), ())
        wanted = {name_key(f"Ủy ban nhân dân {n}") for n in new_names}
        units = [u for u in local_units if name_key(resolver.units[u].name) in wanted]
        if units:
            listed = ", ".join(resolver.units[u].name.removeprefix("Ủy ban nhân dân ") for u in units)
            return Proposal(name=name, units=units,
                            reason="cấp huyện đã kết thúc hoạt động từ 01/7/2025; địa bàn huyện "
                                   f"{district.title()} nay thuộc {len(units)} xã, phường",
                            proposal=f"UBND các xã, phường {listed}")
    if re.match(r"\s*(?:ubnd|ủy ban|uỷ ban)", unicodedata.normalize("NFC", name), re.IGNORECASE) or " cac " in \
            f" {fold(name)} ":
        reason = "cấp huyện không còn từ 01/7/2025 (chính quyền địa phương hai cấp)"
    else:
        reason = ("cơ quan chuyên môn cấp huyện không còn từ 01/7/2025; nhiệm vụ chuyển về UBND cấp xã "
                  "(Phòng Văn hóa - Xã hội, Phòng Kinh tế) hoặc sở, ngành cấp tỉnh")
    return Proposal(name=name, reason=reason, units=local_units,
                    proposal=f"{LOCAL_COLLECTIVE} ({len(local_units)} đơn vị)" if local_units else LOCAL_COLLECTIVE,
                    alias={"alias": name, "kinds": "commune, ward, special_zone", "within": "province"})


def successor_proposal(resolver: Any, name: str, unit_id: int, successors: list[int], on: Any) -> Proposal:
    """The warning for a name of a merged unit that now resolves to its successor(s)."""
    old = resolver.units[unit_id].name
    new = ", ".join(resolver.units[s].name for s in successors)
    day = on.strftime("%d/%m/%Y") if on else ""
    return Proposal(name=name, units=list(successors), proposal=new,
                    reason=f"{old} đã sáp nhập vào {new}" + (f" từ ngày {day}" if day else "")
                           + "; nhiệm vụ từ ngày đó giao cho đơn vị mới")
