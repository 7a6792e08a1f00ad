"""Administrative-format facts derived from a plan (Nghị định 30/2020/NĐ-CP): names, symbols, places.

Pure string functions shared by the snapshot builder and the renderers.
"""

from __future__ import annotations

import re

from dondoc.vietnamese import fold

_ABBREVIATIONS = [
    (re.compile(r"^\s*UBND\b", re.IGNORECASE), "Ủy ban nhân dân"),
    (re.compile(r"^\s*HĐND\b", re.IGNORECASE), "Hội đồng nhân dân"),
]
_LEVELS = ["thành phố", "thị xã", "thị trấn", "huyện", "tỉnh", "quận", "xã", "phường", "đặc khu"]


def expand(name: str) -> str:
    """'UBND xã Hoằng Hợp' -> 'Ủy ban nhân dân xã Hoằng Hợp'."""
    for pattern, full in _ABBREVIATIONS:
        if pattern.match(name):
            return pattern.sub(full, name, count=1).strip()
    return name.strip()


def upper(text: str) -> str:
    return text.upper()


def is_people_committee(name: str | None) -> bool:
    return bool(name) and fold(expand(name or "")).startswith("uy ban nhan dan")


def issuer_lines(issuer: str | None, upper_level: str | None) -> tuple[str | None, list[str]]:
    """(upper-level line or None, bold lines of the issuing body), both upper case.

    A People's Committee is written on two bold lines, 'ỦY BAN NHÂN DÂN' / 'PHƯỜNG 2', without a
    governing body above it (local government has none); other bodies get the upper level above."""
    if not issuer:
        return (upper(expand(upper_level)) if upper_level else None), ["ỦY BAN NHÂN DÂN"]
    full = expand(issuer)
    if is_people_committee(full):
        rest = full[len("Ủy ban nhân dân"):].strip()
        return None, ["ỦY BAN NHÂN DÂN"] + ([upper(rest)] if rest else [])
    return (upper(expand(upper_level)) if upper_level else None), [upper(full)]


def symbol_from_number(number: str | None, issuer: str | None) -> str:
    """'63/KH-UBND' -> 'UBND'; no number: 'UBND' for a People's Committee, else the issuer's initials."""
    if number:
        m = re.search(r"/\s*[A-ZĐ]+\s*-\s*([^\s/]+)\s*$", number)
        if m:
            return m.group(1)
    if not issuer or is_people_committee(issuer):
        return "UBND"
    return initials(issuer)


_SKIP_FIRST = {"phong", "cong chuc", "can bo"}
_SMALL = {"va", "cua", "the", "-", "–"}


def initials(name: str) -> str:
    """A short symbol for a body: 'Phòng Lao động - Thương binh và Xã hội' -> 'LĐTBXH',
    'Công chức Lao động – TB&XH' -> 'LĐTBXH', 'Công chức VHXH' -> 'VHXH'."""
    if fold(name).startswith("van phong"):
        return "VP"  # Văn phòng HĐND và UBND: the office's usual symbol
    words = [w for w in re.split(r"[\s,;]+", name.strip()) if w]
    if len(words) >= 2 and fold(" ".join(words[:2])) in _SKIP_FIRST:
        words = words[2:]
    elif words and fold(words[0]) in _SKIP_FIRST:
        words = words[1:]
    out = []
    for w in words:
        parts = [p for p in re.split(r"[-–]", w) if p]
        for p in parts:
            clean = p.replace("&", "")
            if not clean or fold(clean) in _SMALL:
                continue
            if len(clean) >= 2 and clean.isupper():
                out.append(clean)
            else:
                out.append(clean[0].upper())
    return "".join(out)


# NĐ 30/2020, Phụ lục I: the place of a document is the proper name of the administrative unit where
# the issuer sits ('Thanh Hóa', 'Hoằng Hợp'), but a unit named after a person, by a number or after a
# historical event is written in full with its level ('Thành phố Hồ Chí Minh', 'Phường 2', 'Quận 1').
# Names of people and events in use as unit names (folded); numbers are recognised by rule.
_NAMED_AFTER = {
    "ho chi minh", "tran hung dao", "le loi", "quang trung", "nguyen trai", "hai ba trung", "ly thuong kiet",
    "nguyen du", "phan boi chau", "vo thi sau", "nguyen thai binh", "pham ngu lao", "nguyen cu trinh",
    "dien bien phu", "cach mang thang tam", "hoang van thu", "tran phu", "le hong phong",
    "nguyen van cu", "hung vuong", "ngo quyen", "le thanh tong", "tran quoc toan", "nguyen hue",
    "ly tu trong", "le duan", "phan dinh phung", "hoang hoa tham",
}


def clean_issuer(issuer: str | None) -> str | None:
    """The issuer as a header may have run it into the next lines: 'UBND tỉnh Lâm Đồng Số: /kh-ubnd',
    'Bộ Tài Nguyên Và Môi Trường -------' -> without the number line and the rule under the name."""
    if not issuer:
        return None
    name = re.split(r"\s+Số\s*:", issuer, maxsplit=1, flags=re.IGNORECASE)[0]
    name = re.sub(r"[\s\-–_]{3,}$|\s+[-–_]+$", "", name).strip(" -–_")
    return name or None


_BODY_UNDER = re.compile(
    r"^((?:UBND|ỦY BAN NHÂN DÂN)\s+(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|ĐẶC KHU)\s+.+?)\s+"
    r"((?:SỞ|PHÒNG|VĂN PHÒNG|CHI CỤC|BAN|TRUNG TÂM)\s+.+)$")


def split_body(issuer: str | None) -> tuple[str | None, str | None]:
    """(upper level, issuing body) of an upper-case header read as one line: 'UBND TỈNH LÀO CAI SỞ CÔNG
    THƯƠNG' -> ('UBND tỉnh Lào Cai', 'Sở Công Thương'); (None, issuer) for anything else."""
    m = _BODY_UNDER.match(issuer or "")
    if not m or not (issuer or "").isupper():
        return None, issuer
    upper = re.sub(r"^ỦY BAN NHÂN DÂN", "UBND", m.group(1))
    head, level_and_name = upper.split(" ", 1)
    for level in sorted(_LEVELS, key=len, reverse=True):
        if level_and_name.lower().startswith(level + " "):
            upper = f"{head} {level} {level_and_name[len(level) + 1:].title()}"
            break
    return upper, m.group(2).title()


def embedded_symbol(issuer: str | None) -> str | None:
    """The issuer's symbol from a number line run into its name ('... Số: /KH-MTTQ-BTT' -> 'MTTQ-BTT')."""
    m = re.search(r"Số\s*:\s*\d*\s*/\s*[A-Za-zĐđ]+\s*-\s*([^\s/]+)", issuer or "", re.IGNORECASE)
    return m.group(1).upper() if m else None


def drafting_symbol(focal: str | None) -> str | None:
    """The symbol of the body that drafts the follow-up documents (after the issuer's, 'Số: /UBND-VP'),
    also the second word of 'Lưu: VT, VP.': a department's initials; for the People's Committee itself
    its office (Văn phòng, 'VP') drafts them."""
    if not focal:
        return None
    if is_people_committee(focal):
        return "VP"
    return initials(focal) or None


def place_from_issuer(issuer: str | None) -> str | None:
    """'UBND xã Hoằng Hợp' -> 'Hoằng Hợp'; 'UBND Phường 2' -> 'Phường 2' and 'UBND thành phố Hồ Chí Minh'
    -> 'Thành phố Hồ Chí Minh' (a unit named by a number or after a person keeps its level, NĐ 30)."""
    name = clean_issuer(issuer)
    if not name:
        return None
    name = expand(name)
    if not is_people_committee(name):
        return None
    rest = name[len("Ủy ban nhân dân"):].strip()
    for level in sorted(_LEVELS, key=len, reverse=True):
        if fold(rest).startswith(fold(level) + " "):
            tail = rest[len(level):].strip()
            if tail[:1].isdigit() or fold(tail) in _NAMED_AFTER:
                return f"{level.capitalize()} {tail}"
            return tail
    return rest or None


def document_symbol(number: str | None, issuer: str | None, raw_issuer: str | None) -> str:
    """The issuer's symbol: from the plan's number, else from a number line run into the issuer's name."""
    if number:
        return symbol_from_number(number, issuer)
    return embedded_symbol(raw_issuer) or symbol_from_number(None, issuer)


def document_place(issuer: str | None, parsed_place: str | None) -> str | None:
    """The place of dondoc's documents: a People's Committee's own unit name read from the issuer (the
    place the parser read from the date line can be a fragment, 'Minh' of 'TP. Hồ Chí Minh'), else
    the place the plan itself gives ('Hà Nội' for a ministry)."""
    return place_from_issuer(issuer) or parsed_place


def letter_number(symbol: str, drafting: str | None) -> str:
    """A công văn's number line with its number left blank for the clerk: 'Số:      /UBND-VP' (NĐ 30)."""
    return f"Số:        /{symbol}" + (f"-{drafting}" if drafting else "")


def archive(drafting: str | None) -> str:
    """'Lưu: VT, VP.': the archive and the drafting body's copy."""
    return f"Lưu: VT, {drafting}." if drafting else "Lưu: VT."


def lower_first(text: str) -> str:
    """Lower-case the first letter of a title unless it starts an acronym ('Triển khai' -> 'triển khai')."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def clean_recipient(name: str) -> str:
    """A 'Nơi nhận' name without its purpose marker and trailing punctuation."""
    name = re.sub(r"\((?:b/c|p/h|t/h|bc|để báo cáo|để thực hiện|để phối hợp)\)", "", name, flags=re.IGNORECASE)
    return name.strip().strip(";,.").strip().lstrip("-").strip()


def recipient_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(clean_recipient(name)))
