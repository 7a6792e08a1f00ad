"""The issuer at the top left of a header (NĐ 30/2020/NĐ-CP; the Party's Hướng dẫn 36-HD/VPTW).

The left column names the issuer in capitals, under its parent body's name when it has one
('UBND TỈNH X / SỞ Y TẾ': the issuer is the Sở); the right column holds the national motto, or
'ĐẢNG CỘNG SẢN VIỆT NAM' / 'ĐOÀN TNCS HỒ CHÍ MINH' / 'HỘI ... VIỆT NAM' for the Party and the mass
organisations. A text rendition may run the two columns into one line, or give them as table cells.
A body's own organ ('BAN THƯỜNG TRỰC', 'BAN THƯỜNG VỤ') is named with its body, a Party committee with
its Đảng bộ's place ('ĐẢNG BỘ TỈNH X / TỈNH ỦY' -> 'Tỉnh ủy X'). A joint plan (KẾ HOẠCH LIÊN TỊCH) has
several issuers, side by side, joined by a dash or one above the other."""

from __future__ import annotations

import re

from dondoc.plans.blocks import Block, Paragraph, Table
from dondoc.plans.text import clean, strip_markup

_U = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# the right column, removed wherever it runs into the left one: the national motto, the Party's and the
# Youth Union's names, a mass organisation's national name ('HỘI NÔNG DÂN VIỆT NAM')
_RIGHT = re.compile(
    r"CỘNG\s*H[OÒ][ÀA]?\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|ĐOÀN\s+TNCS\s+HỒ\s+CHÍ\s+MINH"
    r"|HỘI\s+(?:(?!TỈNH|HUYỆN|XÃ|THÀNH|QUẬN|PHƯỜNG|HỘI)[A-ZĐÀ-Ỹ]+\s+){1,5}VIỆT\s+NAM(?![\wÀ-ỹ])"
)
# the kind of document: the header ends there
_KIND = re.compile(r"^(?:KẾ\s*HOẠCH|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHƯƠNG\s+TRÌNH|PHƯƠNG\s+ÁN|CHỈ\s+THỊ|HƯỚNG\s+DẪN)\b")
_NUMBER_AT = re.compile(r"(?:^|\s)Số\s*[:\d/]")
_DATE_AT = re.compile(r"[,\s]ngày\s")
_SEPARATORS = re.compile(r"(?:^|\s)[-–—_=*]+(?=\s|$)")
_LEVEL = r"(?:TỈNH|THÀNH\s+PHỐ|HUYỆN|THỊ\s+XÃ|QUẬN|XÃ(?!\s+HỘI)|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)"
# a line that starts a body's name (any other line continues the name above it: 'ỦY BAN NHÂN DÂN / TỈNH X')
_TYPE = re.compile(
    r"^(?:(?:ỦY|UỶ)\s+BAN|UBND|UBMTTQ|HỘI\s+ĐỒNG|HĐND|SỞ|BỘ|BAN|BCH|HỘI|CÔNG\s+AN|TRƯỜNG|ĐẢNG|CHI\s+BỘ|"
    r"(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ|ĐOÀN)|ĐOÀN|PHÒNG|CỤC|CHI\s+CỤC|VỤ|TỔNG\s+CỤC|TRUNG\s+TÂM|VĂN\s+PHÒNG|"
    r"QUÂN\s+KHU|LIÊN\s+ĐOÀN|THANH\s+TRA|KHO\s+BẠC|BỆNH\s+VIỆN|VIỆN|HỌC\s+VIỆN|ĐẠI\s+HỌC|TÒA|BẢO\s+HIỂM|NGÂN\s+HÀNG|"
    r"THỦ\s+TƯỚNG)(?![\wÀ-ỹ])"
)
# where a body's name starts inside a line that runs several together ('UBND TỈNH X SỞ Y TẾ'): the words
# that begin a name and hardly occur inside one ('BAN' not after 'ỦY', 'PHÒNG' not in 'PHÒNG CHỐNG')
_STARTS = re.compile(
    r"\s(?=(?:(?<!ỦY\s)(?<!UỶ\s)BAN\s+(?:THƯỜNG|CHẤP|CHỈ|CÁN|QUẢN\s+LÝ|TỔ\s+CHỨC|TUYÊN\s+GIÁO|DÂN\s+VẬN|NỘI\s+CHÍNH|KINH\s+TẾ)"
    r"|(?<!CƠ\s)SỞ\s|(?<!CHI\s)(?<!ĐẢNG\s)(?<!HUY\s)(?<!CÁN\s)BỘ\s+(?!ĐỘI)|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ|ĐẢNG)\s+(?:ỦY|UỶ)\b"
    r"|(?:TỈNH|THÀNH|HUYỆN)\s+ĐOÀN\b|(?<!BỘ\s)CÔNG\s+AN\s+(?:TỈNH|THÀNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|THỊ)"
    r"|TRƯỜNG\s+(?:THPT|THCS|TH|MN|PTDTNT|MẦM|TIỂU|TRUNG|ĐẠI|CAO|PHỔ)|(?<!BIÊN\s)(?<!QUỐC\s)(?<!VĂN\s)PHÒNG\s+(?!CHỐNG|,)"
    r"|VĂN\s+PHÒNG|(?<!CHI\s)(?<!TỔNG\s)CỤC\s|CHI\s+CỤC|TỔNG\s+CỤC|TRUNG\s+TÂM|HỘI\s+(?:NÔNG|LIÊN|CỰU|CHỮ|NGƯỜI|LUẬT|ĐỒNG)"
    r"|(?:ỦY|UỶ)\s+BAN\s+(?:NHÂN|MTTQ|MẶT|KIỂM)|UBND\s|ĐẢNG\s+BỘ|QUÂN\s+KHU|BCH\s))"
)
# a body's own organ, named with the body above it
_ORGAN = re.compile(r"^(?:BAN\s+THƯỜNG\s+(?:TRỰC|VỤ)|BAN\s+CHẤP\s+HÀNH|BCH|THƯỜNG\s+TRỰC|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ\s+ĐẢNG|"
                    r"(?:ỦY|UỶ)\s+BAN\s+KIỂM\s+TRA|VĂN\s+PHÒNG)$")
# a Party committee named by its Đảng bộ's place
_COMMITTEE = re.compile(r"^(?:(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ)|ĐẢNG\s+(?:ỦY|UỶ))$")
_PARTY_BRANCH = re.compile(rf"^ĐẢNG\s+BỘ\s+({_LEVEL})\s+(.+)$")
_PEOPLE = re.compile(rf"^(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|(HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|HĐND))\s+({_LEVEL})\s+(.+)$")
_PLACE_END = re.compile(rf"\s({_LEVEL})\s+([{_U}0-9][{_U}0-9 ]*)$")
# the words of a name as the state writes them (NĐ 30/2020, Phụ lục II: the kind of body and its fields capitalised)
_PHRASES = {
    "ỦY BAN MTTQ VIỆT NAM": "Ủy ban MTTQ Việt Nam", "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "ỦY BAN THƯỜNG VỤ QUỐC HỘI": "Ủy ban Thường vụ Quốc hội", "THỦ TƯỚNG CHÍNH PHỦ": "Thủ tướng Chính phủ",
    "CHÍNH PHỦ": "Chính phủ", "BỘ CHỈ HUY QUÂN SỰ": "Bộ Chỉ huy Quân sự", "BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG": "Bộ Chỉ huy Bộ đội Biên phòng",
    "HỘI LIÊN HIỆP PHỤ NỮ": "Hội Liên hiệp Phụ nữ", "HỘI CỰU CHIẾN BINH": "Hội Cựu chiến binh", "HỘI NÔNG DÂN": "Hội Nông dân",
    "LIÊN ĐOÀN LAO ĐỘNG": "Liên đoàn Lao động", "ĐOÀN TNCS HỒ CHÍ MINH": "Đoàn TNCS Hồ Chí Minh",
    "BAN THƯỜNG TRỰC": "Ban Thường trực", "BAN THƯỜNG VỤ": "Ban Thường vụ", "BAN CHẤP HÀNH": "Ban Chấp hành",
    "ỦY BAN KIỂM TRA": "Ủy ban Kiểm tra", "BAN CÁN SỰ ĐẢNG": "Ban cán sự đảng", "ĐẢNG ĐOÀN": "Đảng đoàn",
    "BAN CHỈ ĐẠO": "Ban Chỉ đạo", "BAN CHỈ HUY": "Ban Chỉ huy", "BAN QUẢN LÝ": "Ban Quản lý",
    "BẢO HIỂM XÃ HỘI": "Bảo hiểm xã hội", "CÔNG AN": "Công an", "TRUNG TÂM": "Trung tâm", "VĂN PHÒNG": "Văn phòng",
    "CHI CỤC": "Chi cục", "TỔNG CỤC": "Tổng cục", "ĐẢNG ỦY": "Đảng ủy", "ĐẢNG BỘ": "Đảng bộ", "CHI BỘ": "Chi bộ",
    "TỈNH ỦY": "Tỉnh ủy", "THÀNH ỦY": "Thành ủy", "HUYỆN ỦY": "Huyện ủy", "QUẬN ỦY": "Quận ủy", "THỊ ỦY": "Thị ủy",
    "TỈNH ĐOÀN": "Tỉnh đoàn", "THÀNH ĐOÀN": "Thành đoàn", "HUYỆN ĐOÀN": "Huyện đoàn", "ĐOÀN": "Đoàn",
    "HỘI ĐỒNG": "Hội đồng", "ỦY BAN": "Ủy ban", "BCH": "BCH",
}
_DESCRIBED = ("Ban Chỉ đạo", "Ban Chỉ huy", "Ban Quản lý")  # what follows describes the task: lower case
_PROPER = {"VIỆT NAM": "Việt Nam", "HỒ CHÍ MINH": "Hồ Chí Minh", "QUỐC HỘI": "Quốc hội", "CHÍNH PHỦ": "Chính phủ"}
_VOWELS = set("AĂÂEÊIOÔƠUƯYÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ")


def _abbreviation(word: str) -> bool:
    """'MTTQ', 'THPT', 'GD&ĐT', '389': no vowel, or a sign or digit a syllable never has."""
    return not (set(word) & _VOWELS) or bool(re.search(r"[&\d]", word))


def _title(words: str) -> str:
    return " ".join(w if _abbreviation(w) else w.capitalize() for w in words.split())


def _columns(head: list[Block]) -> list[list[str]]:
    """The lines of the top-left column(s): a header table's cells (one column each), else the
    paragraphs before the number line, the document kind or the date line."""
    cols: list[list[str]] = []
    lines: list[str] = []
    for b in head:
        if isinstance(b, Table):
            if _units(lines) or not b.rows:
                break  # the header was in the paragraphs; a table after it is the body's
            for cell in b.rows[0]:
                parts = [clean(strip_markup(x)) for x in re.split(r"\n|<br\s*/?>", cell)]
                cols.append([p for p in parts if p])
            return cols
        t = b.text
        if t.startswith("<!--"):
            continue
        if _KIND.match(t):
            break
        lines.append(t)
        if _NUMBER_AT.search(t) or _DATE_AT.search(t) or len(lines) > 12:
            break
    return [lines] if lines else []


def _units(lines: list[str]) -> list[str]:
    """The names in one column, parent first: continuation lines joined, the right column cut off,
    stops at the number line."""
    units: list[str] = []
    for raw in lines:
        line = raw
        stop = _NUMBER_AT.search(line) or _DATE_AT.search(line)
        if stop:
            line = line[: stop.start()]
        if "VIỆT NAM" in line or "Độc lập" in line or "HỒ CHÍ MINH" in line:
            line = _RIGHT.sub(" ", line)
        line = clean(_SEPARATORS.sub(" ", line))
        if line and not line.isupper():
            # a web page's label before the header ('Cơ quan phát hành: Chính phủ THỦ TƯỚNG CHÍNH PHỦ')
            m = re.search(rf"(?:^|\s)((?:[{_U}0-9&]+\s+)+[{_U}0-9&]+)$", line)
            line = m.group(1) if m and m.group(1).isupper() else ""
        if line and not _KIND.match(line):
            pieces = _STARTS.split(line) if " " in line else [line]
            if units and not _TYPE.match(pieces[0]):
                units[-1] += " " + pieces.pop(0)
            units.extend(pieces)
        if stop:
            break
    return units


def cased(name: str, text: str) -> str:
    """A capitalised name as the text writes it ('SỞ CÔNG THƯƠNG' -> 'Sở Công Thương'), else as the
    state's naming rules write it; the people's councils and committees as 'UBND tỉnh X'."""
    m = _PEOPLE.match(name)
    if m:
        return f"{'HĐND' if m.group(1) else 'UBND'} {m.group(2).lower()} {_title(m.group(3))}"
    m = re.match(r"^((?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|UỶ|ĐOÀN))\s+(\S.*)$", name)
    if m and not _PLACE_END.search(name):  # 'HUYỆN ỦY CHÂU THÀNH': the committee and its place
        return f"{_PHRASES.get(m.group(1).replace('UỶ', 'ỦY'), m.group(1).capitalize())} {_title(m.group(2))}"
    place = _PLACE_END.search(name)
    stem = name[: place.start()] if place else name
    tail = f" {place.group(1).lower()} {_title(place.group(2))}" if place else ""
    for words, suffix in ((name, ""), (stem, tail)):
        pattern = r"\s+".join(re.escape(w).replace("ỦY", "(?:ỦY|UỶ)") for w in words.split())
        last = words.split()[-1] if words.split() else ""
        if last.capitalize() in text or last.lower() in text:  # a substring test before the scan
            for m in re.finditer(rf"(?<![\wÀ-ỹ]){pattern}(?![\wÀ-ỹ])", text, re.I):
                if not m.group(0).isupper() and m.group(0)[:1].isupper():
                    return clean(m.group(0)) + suffix
        if not place:
            break
    return _fallback(stem) + tail


def _fallback(stem: str) -> str:
    """The kind of body, then each field capitalised ('SỞ GIÁO DỤC VÀ ĐÀO TẠO' -> 'Sở Giáo dục và Đào tạo')."""
    words = stem.split()
    head, rest = "", words
    for k in range(len(words), 0, -1):
        key = " ".join(words[:k]).replace("UỶ", "ỦY")
        if key in _PHRASES:
            head, rest = _PHRASES[key], words[k:]
            break
    if not head and words:
        head, rest = words[0].capitalize(), words[1:]
    out, start = [head], not head.startswith(_DESCRIBED)
    joined = " ".join(rest)
    for proper, written in _PROPER.items():
        joined = joined.replace(proper, written.replace(" ", "\u00a0"))
    school = head == "Trường" and bool(rest) and _abbreviation(rest[0])
    for w in joined.split():
        if _abbreviation(w) or not w.isupper():
            out.append(w.replace("\u00a0", " "))
        elif w in ("VÀ", "-", "–", ","):
            out.append(w.lower())
            start = not head.startswith(_DESCRIBED)
            continue
        else:
            out.append(w.capitalize() if start or school else w.lower())
        start = w.endswith(",") and not head.startswith(_DESCRIBED)
    return " ".join(out)


def _name(units: list[str], text: str) -> str:
    """The issuer of one column: its last unit, an organ named with its body, a Party committee
    with its Đảng bộ's place."""
    last = units[-1]
    if len(units) > 1 and _ORGAN.match(last):
        return f"{cased(last, text)} {cased(units[-2], text)}"
    branch = _PARTY_BRANCH.match(units[-2]) if len(units) > 1 else None
    if branch and _COMMITTEE.match(last):
        return cased(f"{last} {branch.group(1)} {branch.group(2)}", text) if last.startswith("ĐẢNG") else \
            f"{cased(last, text)} {_title(branch.group(2))}"
    return cased(last, text)


_PARENT_KIND = re.compile(r"^(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|ĐẢNG\s+BỘ|BỘ(?!\s+CHỈ\s+HUY)|QUÂN\s+KHU|TỔNG\s+CỤC)\b")


def top_issuers(head: list[Block], text: str, joint: bool) -> list[str]:
    """The issuer(s) at the top left, cased; several only for a joint plan."""
    cols = [u for u in (_units(c) for c in _columns(head)) if u]
    if not cols:
        return []
    if not joint:
        return [_name(cols[0], text)]
    names: list[str] = []
    for units in cols:
        # 'A - B' on one line: two issuers
        split = [p for u in units for p in re.split(r"\s[-–]\s(?=" + _TYPE.pattern[1:] + ")", u)]
        peers = split if len(split) > len(units) else units
        while len(peers) > 1 and _PARENT_KIND.match(peers[0]) and not _ORGAN.match(peers[1]):
            peers = peers[1:]
        names.extend(_name([p], text) if len(peers) > 1 else _name(units, text) for p in peers)
    return list(dict.fromkeys(names))


def authority(head: list[Block], text: str) -> str | None:
    """A decision's or resolution's enacting authority: the capitals just before the first 'Căn cứ'
    ('THỦ TƯỚNG CHÍNH PHỦ / Căn cứ Luật ...'), on their own line or run into the next."""
    before = []
    for b in head:
        if isinstance(b, Paragraph):
            at = b.text.find("Căn cứ")
            before.append(b.text if at < 0 else b.text[:at])
            if at >= 0:
                break
    else:
        return None
    last = next((x for x in reversed(before) if x.strip()), "")
    m = re.search(rf"(?:^|\s)((?:[{_U}]+\s+){{1,11}}[{_U}]+)\s*$", clean(strip_markup(last)))
    if m:
        words = m.group(1).split()
        # the run may close a title in capitals: the authority starts at its first body word
        at = next((k for k in range(len(words)) if _TYPE.match(" ".join(words[k:]))), None)
        if at is not None and len(words) - at >= 2 and not _KIND.match(" ".join(words[at:])):
            return cased(" ".join(words[at:]), text)
    return None
