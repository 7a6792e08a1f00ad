"""The document's header and footer: number, issuer, place and date, title, year, recipients, signer."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dondoc.plans.blocks import Block, Paragraph, Table
from dondoc.plans.text import clean, strip_markup

_NUMBER = re.compile(r"Số\s*:\s*([0-9A-Za-zĐđ./-]*\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9&.-]*(?:-[A-ZĐa-zđ0-9&.]+)*)")
_DATE_LINE = re.compile(
    r"([A-ZĐÀ-Ỹ][\wÀ-ỹ .'-]{1,40}?)\s*,\s*ngày\s*(\d{1,2})?\s*(?:/|tháng)\s*(\d{1,2})?\s*(?:/|năm)\s*((?:19|20)\d{2})",
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.I)
_ANY_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})", re.I)
_ISSUER_IN_TEXT = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+"
    r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*)*)"
)
_LEVELS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "THỊ XÃ", "QUẬN", "XÃ", "PHƯỜNG", "THỊ TRẤN")
_SIGN = re.compile(r"\b(?:TM\.|KT\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b")
_PURPOSE = [
    (re.compile(r"\(\s*b\s*/\s*c\s*\)|\(\s*bc\s*\)|để báo cáo|\bb/c\b", re.I), "report"),
    (re.compile(r"\(\s*p\s*/\s*h\s*\)|để phối hợp", re.I), "coordinate"),
    (re.compile(r"\(\s*t\s*/\s*h\s*\)|để thực hiện|để t/h", re.I), "implement"),
]


def _title_case_place(s: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in s.split())


def _lines_of(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            for row in b.rows:
                for cell in row:
                    out.extend(clean(strip_markup(x)) for x in cell.split("\n") if x.strip())
    return out


def parse_header(blocks: list[Block], body_start: int) -> dict[str, Any]:
    """Header facts from the blocks before the first section (index body_start)."""
    head = blocks[:body_start]
    lines = _lines_of(head)
    joined = " ".join(lines)
    out: dict[str, Any] = {"number": None, "issuer": None, "place": None, "issued_on": None, "title": "", "year": None}
    m = _NUMBER.search(joined)
    if m:
        num = re.sub(r"\s+", "", m.group(1))
        out["number"] = None if num.startswith("/") else num
    m = None
    for line in lines:
        m = re.match(r"^[\W]*" + _DATE_LINE.pattern, line)
        if m:
            break
    if m is None:
        m = re.search(r"(?:^|\s)(?=[A-ZĐ][a-zà-ỹđ])" + _DATE_LINE.pattern, joined)
    if m:
        place = m.group(1).strip(" *")
        place = re.sub(r"^(?:.*\b(?:Phúc|PHÚC|KH-UBND|UBND)\b\s*-*\s*)", "", place).strip(" -")
        out["place"] = place or None
        if m.group(2) and m.group(3):
            try:
                out["issued_on"] = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2))).isoformat()
            except ValueError:
                pass
        out["date_year"] = int(m.group(4))
    # issuer: the first header cell ("ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI") or the preamble sentence
    for b in head:
        if isinstance(b, Table) and b.rows and b.rows[0]:
            cell = [clean(strip_markup(x)) for x in b.rows[0][0].split("\n") if strip_markup(x).strip(" -")]
            text = " ".join(cell)
            mm = re.match(r"(?:ỦY|UỶ) BAN NHÂN DÂN\s+(.+)$", text)
            if mm:
                rest = mm.group(1).strip()
                for lvl in _LEVELS:
                    if rest.upper().startswith(lvl + " "):
                        out["issuer"] = f"UBND {lvl.lower()} {_title_case_place(rest[len(lvl) + 1 :])}"
                        break
                else:
                    out["issuer"] = "UBND " + _title_case_place(rest)
            elif text and len(text) < 120 and not text.startswith("CỘNG HÒA"):
                out["issuer"] = _title_case_place(text) if text.isupper() else text
            break
    if not out["issuer"]:
        out["issuer"] = _issuer_from_text(joined)
    # 'UBND huyện ban hành ...' with the locality in the date line: 'UBND huyện Bình Lục'
    if out["issuer"] and out["place"] and re.fullmatch(r"UBND (?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)", out["issuer"]):
        out["issuer"] = f"{out['issuer']} {out['place']}"
    # title: the paragraphs after 'KẾ HOẠCH' until the legal basis
    title: list[str] = []
    seen = False
    for b in head:
        if not isinstance(b, Paragraph):
            continue
        t = b.text
        if not seen:
            mm = re.match(r"^KẾ\s*HOẠCH\b[:\s]*(.*)$", t)
            if mm:
                seen = True
                t = mm.group(1)
                if not t:
                    continue
            else:
                continue
        if title and (re.match(r"^(?:Căn cứ|Căn |Thực hiện|Triển khai thực hiện|Để |Nhằm |Trên cơ sở|Sau |Do |Thời gian qua|Ngày )", t)
                      or (" ".join(title).isupper() and not t.isupper())):
            break
        cut = re.split(r"\s(?=Căn cứ\b|Căn [A-ZĐ]|Thực hiện (?:Nghị|Quyết|Kế|Chỉ|Công|Thông|Kết)|\(Kèm theo)", t, maxsplit=1)
        title.append(cut[0])
        if len(cut) > 1 or len(" ".join(title)) > 300:
            break
    out["title"] = clean(" ".join(title))
    # the plan's year: its own period or year in the title (not one inside a cited document's
    # quoted title, nor one older than the date line allows), else the date line's year
    own_title = _QUOTED.sub(" ", out["title"])
    tm = _PERIOD.search(own_title)
    ty = [m.group(1) for m in re.finditer(r"(?<!tháng )(?<!\d )(?:năm|NĂM|đến|ĐẾN)\s+((?:19|20)\d{2})\b", own_title)
          if not re.search(r"tháng\s*\d{1,2}\s*$", own_title[: m.start()])]
    date_year = out.get("date_year")

    def plausible(y: int) -> bool:  # a plan is issued in its first year or the year before
        return date_year is None or y >= date_year - 1

    if tm and plausible(int(tm.group(1))):
        out["year"] = int(tm.group(1))
    elif ty and plausible(int(ty[-1])) and not re.search(r"(?:đến|tới)\s+(?:hết\s+)?(?:năm\s+)?" + ty[-1], own_title, re.I):
        out["year"] = int(ty[-1])
    elif date_year:
        out["year"] = date_year
    # the issue date is after every date the preamble cites: a lower bound for yearly deadlines
    cited = []
    for mm in _ANY_DATE.finditer(joined):
        try:
            cited.append(dt.date(int(mm.group(3)), int(mm.group(2)), int(mm.group(1))))
        except ValueError:
            pass
    for mm in re.finditer(r"(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})", joined):
        try:
            cited.append(dt.date(int(mm.group(3)), int(mm.group(2)), int(mm.group(1))))
        except ValueError:
            pass
    out["not_before"] = max(cited).isoformat() if cited else None
    if out["year"] is None and cited:
        out["year"] = max(cited).year
        out["year_from_cited"] = True
    return out


_QUOTED = re.compile(r"[“\"«][^”\"»]{0,400}[”\"»]")
# "UBND xã Hoằng Hợp ban hành Kế hoạch ...": the issuer names itself in the preamble
_SELF_ISSUER = re.compile(
    r"(?<!của )(?<!của\s)((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Sở|Ban|Phòng)"
    r"(?:\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn))?"
    r"(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ&-]*)*)\s+(?:ban hành|xây dựng|triển khai)\s+(?:Kế hoạch|kế hoạch)"
)


def _issuer_from_text(joined: str) -> str | None:
    """The issuer of a header without a header table: the body that 'ban hành Kế hoạch' in the
    preamble, else the first 'UBND <level> <Name>' that is not a cited document's issuer."""
    m = _SELF_ISSUER.search(joined)
    if m:
        return re.sub(r"^(?:Ủy|Uỷ) ban nhân dân", "UBND", m.group(1)).strip()
    for m in _ISSUER_IN_TEXT.finditer(joined):
        if re.search(r"\bcủa\s*$", joined[max(0, m.start() - 8) : m.start()]):
            continue  # '... ngày 11/01/2024 của UBND huyện X': a cited document's issuer
        issuer = re.sub(r"\s+(?:ban hành|Ban hành|xây dựng|triển khai)\b.*$", "", m.group(1))
        return re.sub(r"^(?:Ủy|Uỷ) ban nhân dân", "UBND", issuer).strip()
    return None


def parse_footer(blocks: list[Block]) -> dict[str, Any]:
    """Recipients ('Nơi nhận') and the signer's name."""
    lines = _lines_of(blocks)
    recipients: list[dict[str, Any]] = []
    signer = None
    start = None
    for i, line in enumerate(lines):
        if re.match(r"^-?\s*Nơi nhận\s*:?", line, re.I):
            start = i
            break
    if start is not None:
        for line in lines[start:]:
            t = re.sub(r"^-?\s*Nơi nhận\s*:?\s*", "", line, flags=re.I)
            t = _SIGN.split(t)[0] if _SIGN.search(t) else t
            for part in re.findall(r"-\s*([^-].*?)(?=\s-\s|$)", " " + t) or ([t] if t.strip() else []):
                name = part.strip(" ;.,")
                if not name or len(name) > 200:
                    continue
                purpose = None
                if re.match(r"^Lưu\b", name, re.I):
                    purpose = "archive"
                for rx, p in _PURPOSE:
                    if rx.search(name):
                        purpose = p
                clean_name = re.sub(r"\((?:[^)]*)\)\s*$", "", name).strip(" ;.,")
                clean_name = re.sub(r"\s*(?:để báo cáo|để thực hiện|để phối hợp)$", "", clean_name)
                if clean_name and not _SIGN.search(clean_name) and not clean_name.isupper():
                    recipients.append({"name": clean_name, "purpose": purpose})
    # signer: the last line that looks like a person's name (2-5 capitalised words)
    for line in reversed(lines[-40:]):
        t = line.strip(" *")
        t = re.split(r"\s{2,}|(?<=[.;])\s", t)[-1] if len(t) > 40 else t
        words = t.split()
        if 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words) and not re.search(
            r"Lưu|Nơi|UBND|Sở|Phòng|Ban|Hội|Đảng|Thường|Các|Chủ|Phó", t
        ):
            signer = t
            break
        m = re.search(r"((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)$", t)
        if m and re.search(r"Lưu", t):
            signer = m.group(1)
            break
    return {"recipients": recipients, "signer": signer}
