"""A gazetteer of Vietnamese public bodies, as data (data/gazetteer.txt) plus the communes,
wards and provinces of the `vietnam-provinces` package when it is installed.

Used to tell a real name ('Sở Nông nghiệp và Môi trường', 'Ủy ban nhân dân phường Yên Bái')
from a phrase that only looks like one ('các cơ quan', 'địa phương'), and so to grade how sure
the parser is of a lead. Loaded once, lazily.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

_LOCAL_LEVEL = re.compile(
    r"^(?:(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND|Công an|Ban Chỉ huy Quân sự|Đảng ủy|"
    r"Ủy ban MTTQ(?: Việt Nam)?|Ủy ban Mặt trận Tổ quốc(?: Việt Nam)?)\s+)?"
    r"(?:các\s+)?(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn)\s*(.*)$",
    re.I,
)
_GENERIC = re.compile(
    r"^(?:các\s+)?(?:cơ quan|đơn vị|tổ chức|địa phương|cá nhân|ngành|cấp|bộ phận|sở, ngành|sở, ban, ngành|"
    r"bộ, ngành|cơ quan, đơn vị|cơ quan, tổ chức|tổ chức, cá nhân)(?:\s*,\s*[\wÀ-ỹ ]+)?"
    r"(?:\s+(?:có liên quan|liên quan|khác|được giao[\wÀ-ỹ ,]*|trên địa bàn[\wÀ-ỹ ]*))?$",
    re.I,
)


def name_key(name: str) -> str:
    """The key names are looked up by: NFC, lower case, one spelling of 'ủy'/'hóa'/'-', spaces folded."""
    s = unicodedata.normalize("NFC", name).lower().replace("uỷ", "ủy").replace("hoá", "hóa").replace("–", "-")
    return " ".join(s.split())


@functools.cache
def names() -> dict[str, str]:
    """Lower-case key -> the name as the gazetteer writes it."""
    out: dict[str, str] = {}
    text = resources.files("dondoc.plans").joinpath("data/gazetteer.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith(("#", "head\t")):
            parts = line.split("\t")
            out[name_key(parts[1])] = parts[1]
    return out


@functools.cache
def _known_keys() -> tuple[str, ...]:
    return tuple(entries())


def continues_name(before: str, after: str) -> bool:
    """A known name runs across the break: '... Ủy ban Mặt trận' / 'Tổ quốc Việt Nam tỉnh ...'."""
    tail = before.split()[-2:]
    head = after.split()[:2]
    if len(tail) < 2 or not head:
        return False
    probe = name_key(" ".join(tail + head[:1]))
    return any(probe in k for k in _known_keys())


def heads() -> list[str]:
    """Words that open a body's name (lines of kind 'head')."""
    text = resources.files("dondoc.plans").joinpath("data/gazetteer.txt").read_text(encoding="utf-8")
    return [p[1] for p in (line.split("\t") for line in text.splitlines() if line.startswith("head\t")) if len(p) > 1]


def canonical(name: str) -> str:
    """A name written in capitals ('BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG') as the gazetteer writes it, or
    in sentence case with its head word capitalised; other names unchanged."""
    name = " ".join(name.split()).strip(" .:;,")
    letters = [c for c in name if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return name
    known = names().get(name_key(name))
    if known:
        return known
    low = name.lower()
    return low[:1].upper() + low[1:]


@functools.cache
def entries() -> dict[str, str]:
    """Known name (lower-case key) -> kind."""
    out: dict[str, str] = {}
    text = resources.files("dondoc.plans").joinpath("data/gazetteer.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        kind, name = parts[0], parts[1]
        if kind == "head":
            continue
        out[name_key(name)] = kind
        for alias in (parts[2].split("|") if len(parts) > 2 else []):
            if alias.strip():
                out[name_key(alias)] = kind
    for short, full, _flags in abbreviations():
        # a short name has the kind of the full name it stands for, when that is listed ('UBND', 'HĐND' are the
        # level words of local_level, not names)
        if name_key(full) in out and not _LOCAL_LEVEL.match(name_key(short) + " tỉnh"):
            out.setdefault(name_key(short), out[name_key(full)])
    return out


@functools.cache
def abbreviations() -> tuple[tuple[str, str, str], ...]:
    """The abbreviated names of data/abbreviations.txt: (short, full name, flags)."""
    text = resources.files("dondoc.plans").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return tuple((p[0].strip(), p[1].strip(), p[2].strip() if len(p) > 2 else "") for p in rows if len(p) > 1)


_SHORT = ((re.compile(r"hội đồng nhân dân"), "hđnd"), (re.compile(r"ủy ban nhân dân"), "ubnd"),
          (re.compile(r"đại biểu quốc hội"), "đbqh"))


def _short_key(name: str) -> str:
    k = name_key(name)
    for rx, short in _SHORT:
        k = rx.sub(short, k)
    return k


@functools.cache
def _joined_keys() -> dict[str, tuple[str, ...]]:
    """Known names holding a word that would part two names ('Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh'), with
    the usual abbreviations written short, by their first two words."""
    out: dict[str, list[str]] = {}
    for k in {_short_key(k) for k in entries() if " và " in k or ", " in k or "/" in k}:
        out.setdefault(" ".join(k.split()[:2]), []).append(k)
    return {w: tuple(ks) for w, ks in out.items()}


@functools.cache
def _joined_firsts() -> frozenset[str]:
    return frozenset(w.split()[0] for w in _joined_keys())


def known_across(text: str, at: int) -> bool:
    """A known name starts at `text`'s beginning and runs past position `at` (a separator inside it)."""
    first = text[:12].split(maxsplit=1)
    if not first or first[0].lower() not in _joined_firsts():
        return False  # (a cheap look at the first word before the keys)
    keys = _joined_keys().get(" ".join(name_key(text[:40]).split()[:2]))
    if not keys:
        return False
    head, before = _short_key(text[: at + 80]), len(_short_key(text[:at]))
    return any(len(k) > before and head.startswith(k) and (len(head) == len(k) or not head[len(k)].isalnum()) for k in keys)


@functools.cache
def places() -> frozenset[str]:
    """Names of provinces, communes and wards (without their level word), when the
    `vietnam-provinces` package is installed; empty otherwise."""
    try:
        from vietnam_provinces import Province, Ward  # type: ignore[import-untyped]
    except ImportError:
        return frozenset()
    names: set[str] = set()
    for unit in list(Province.iter_all()) + list(Ward.iter_all()):
        m = _LOCAL_LEVEL.match(str(unit.name))
        names.add(name_key(m.group(1) if m else str(unit.name)))
    return frozenset(names)


def local_level(key: str) -> re.Match[str] | None:
    """A commune/ward/province level name ('ubnd các xã, phường'): group 1 is what follows its level word."""
    return _LOCAL_LEVEL.match(key)


def is_generic(name: str) -> bool:
    """'các cơ quan, đơn vị có liên quan', 'địa phương': no one in particular."""
    return bool(_GENERIC.match(name.strip(" .;,")))


@functools.lru_cache(maxsize=8192)  # the same names are asked about again and again
def kind_of(name: str) -> str | None:
    """The kind of a known body: its full name, an alias, or a known head followed by a place
    ('Sở Y tế tỉnh Lào Cai'); a commune/ward/province named after its level word is 'local'."""
    k = name_key(name.strip(" .;,"))
    k = re.sub(r"^các\s+", "", k)
    known = entries()
    if k in known:
        return known[k]
    words = k.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in known:
            return known[head]
    m = _LOCAL_LEVEL.match(k)
    if m:
        place = re.split(r"[,;:]| và ", m.group(1))[0].strip()
        if not place or not places() or place in places() or k.startswith(("ủy ban nhân dân", "ubnd")):
            return "local"
    if _UNIT_HEAD.match(name.strip()):
        return "unit"  # a named subordinate unit: 'Cục Lâm nghiệp và Kiểm lâm', 'Trung tâm Y tế ...'
    return None


_UNIT_HEAD = re.compile(
    r"^(?:Cục|Chi cục|Tổng cục|Vụ|Viện|Trung tâm|Ban|Văn phòng|Hội|Phòng|Đài|Trường|Bệnh viện|Thường trực|"
    r"Ủy ban|Uỷ ban|Hội đồng|Tổ|Đội|Bộ phận|Công chức|Chủ tịch|Giám đốc|Thủ trưởng|Ngân hàng|Kho bạc|Thuế|"
    r"Điện lực|Công ty|Tổng công ty|Tập đoàn|Quỹ)\s+[A-ZĐÀ-Ỹa-zđ]"
)
