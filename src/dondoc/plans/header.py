"""The document's header and footer: number, issuer, place and date, title, year, recipients, signer."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from dondoc.plans.blocks import Block, Paragraph
from dondoc.plans.issuer import authority, top_issuers
from dondoc.plans.text import clean, strip_markup

# 'Số: 68/KH-UBND'; the Party's and the Youth Union's 'Số 45-KH/TU', 'Số 20-KH/TĐTN-PT' (no colon, the kind before the '/')
_NUMBER = re.compile(r"Số(?:\s*:\s*|\s+(?=\d{1,5}-[A-ZĐ]))([0-9A-Za-zĐđ./-]*\s*/\s*[A-ZĐ][A-ZĐa-zđ0-9&.-]*(?:-[A-ZĐa-zđ0-9&.]+)*)")
_DATE_LINE = re.compile(
    r"([A-ZĐÀ-Ỹ][\wÀ-ỹ .'-]{1,40}?)\s*,\s*ngày\s*(\d{1,2})?\s*(?:/|tháng)\s*(\d{1,2})?\s*(?:/|năm)\s*((?:19|20)\d{2})",
)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_ATTACHED_TO = re.compile(
    r"\((?:ban hành\s+)?kèm theo\s+(?:Quyết định|Nghị quyết|Chỉ thị)\s+(?:số\s*)?[\w/.-]*\d[\w/.-]*\s*,?\s*ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})"
    r"\s*(?:/|năm)\s*((?:19|20)\d{2})", re.I)
_DECISION_HEAD = re.compile(r"^(?:ỦY|UỶ|BỘ|THỦ|CHỦ|HỘI|BAN)$")


def _caps_title(joined: str) -> str:
    """A pasted header run into one line: the capitals after the last 'KẾ HOẠCH' ('... Nguyễn Văn A KẾ HOẠCH XUẤT
    KHẨU ... GIAI ĐOẠN 2026 - 2030 Triển khai ...'), up to the first word in small letters or an issuer's name."""
    best = ""
    for m in re.finditer(r"(?<![\wÀ-ỹ])KẾ\s*HOẠCH\s+", joined):
        words: list[str] = []
        for w in joined[m.end() :].split()[:40]:
            if not (w.isupper() or re.fullmatch(r"[\d\-–,.()]+", w)) or (words and _DECISION_HEAD.match(w)):
                break
            words.append(w)
        if len(words) >= 2:
            best = " ".join(words)
    return clean(best)
_PERIOD = re.compile(r"(?:giai đoạn|thời kỳ)\s*((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.I)
_ANY_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d{2})", re.I)
_ISSUER_IN_TEXT = re.compile(
    r"((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+"
    r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*)*)"
)
_SIGN = re.compile(r"\b(?:TM|KT|TL|TUQ)\.(?=\s|$)|\b(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\b")
_PURPOSE = [
    (re.compile(r"\(\s*b\s*/\s*c\s*\)|\(\s*bc\s*\)|để báo cáo|\bb/c\b", re.I), "report"),
    (re.compile(r"\(\s*p\s*/\s*h\s*\)|để phối hợp", re.I), "coordinate"),
    (re.compile(r"\(\s*t\s*/\s*h\s*\)|để thực hiện|để t/h", re.I), "implement"),
]


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
    # Long on purpose: the header's fields in document order, one reading of the header kept together.
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
        place = re.sub(r"^(?:.*\b(?:Phúc|PHÚC|phúc|KH-UBND|UBND)\b\s*-*\s*)", "", place).strip(" -")
        out["place"] = place or None
        if m.group(2) and m.group(3):
            try:
                out["issued_on"] = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2))).isoformat()
            except ValueError:
                pass
        out["date_year"] = int(m.group(4))
    elif km := _ATTACHED_TO.search(joined) or _ATTACHED_TO.search(" ".join(b.text for b in blocks[:400] if isinstance(b, Paragraph))):
        # no date line: '(Ban hành kèm theo Quyết định số 1422/QĐ-TTg ngày 19 tháng 11 năm 2024 ...)' dates the plan
        try:
            out["issued_on"] = dt.date(int(km.group(3)), int(km.group(2)), int(km.group(1))).isoformat()
            out["date_year"] = int(km.group(3))
        except ValueError:
            pass
    # issuer: the top-left column ('UBND TỈNH X / SỞ Y TẾ'), a decision's enacting authority, else the preamble
    text = " ".join(b.text for b in blocks if isinstance(b, Paragraph))
    joint = bool(re.search(r"KẾ\s*HOẠCH\s+LIÊN\s+TỊCH", joined) or re.search(r"/[A-ZĐ]*LT\b|/KHLT", out["number"] or ""))
    issuers = top_issuers(head, text, joint) or [x for x in [authority(head, text)] if x]
    out["issuer"] = issuers[0] if issuers else None
    if len(issuers) > 1:
        out["notes"] = ["Kế hoạch liên tịch của " + ", ".join(f"'{i}'" for i in issuers)
                        + ": trường issuer chỉ ghi cơ quan thứ nhất"]
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
            # the kind of the document: 'KẾ HOẠCH' ('KẾ HOẠCH LIÊN TỊCH' of two issuers), 'CHƯƠNG TRÌNH HÀNH ĐỘNG', 'PHƯƠNG ÁN'
            mm = re.match(r"^(?:KẾ\s*HOẠCH(?:\s+LIÊN\s+TỊCH)?|CHƯƠNG\s+TRÌNH(?:\s+HÀNH\s+ĐỘNG)?|PHƯƠNG\s+ÁN)(?![\wÀ-ỹ])[:\s]*(.*)$", t)
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
    out["title"] = clean(" ".join(title)) or _caps_title(joined)
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


_LEVEL_WORDS = r"(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)"
_BARE_ISSUER = re.compile(rf"UBND ({_LEVEL_WORDS})")
_NAME = r"[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*){0,3}"
_UBND_SIGN = re.compile(r"\b(?:CHỦ TỊCH|(?:ỦY|UỶ) BAN NHÂN DÂN)\b")


def _proper(name: str) -> str:
    """The capitalised words a name is made of ('Định Hòa đã chỉ đạo' -> 'Định Hòa'); the
    character class above lets lower-case accented letters through."""
    words = []
    for w in name.split():
        if not (w[:1].isupper() or w[:1].isdigit()):
            break
        words.append(w)
    return " ".join(words)


def _unit_name(level: str, name: str) -> tuple[str, str]:
    """('phường', '2') -> ('UBND Phường 2', 'Phường 2'); ('xã', 'Hoằng Phụ') -> ('UBND xã Hoằng Phụ', 'Hoằng Phụ').
    A unit named by a number is written in full, capitalised, as the place of its documents."""
    if name[:1].isdigit():
        full = f"{level.capitalize()} {name}"
        return f"UBND {full}", full
    return f"UBND {level} {name}", name


def complete_header(header: dict[str, Any], blocks: list[Block], footer_lines: list[str]) -> dict[str, Any]:
    """Fill the issuer and place a text-only header leaves out, from what the text does say:
    'UBND phường ban hành ...' + 'Đảng ủy Phường 2' -> UBND Phường 2; a title '... Xã Hoằng Phụ năm
    2022' signed 'KT. CHỦ TỊCH' -> UBND xã Hoằng Phụ; the place is the issuing unit's name (NĐ
    30/2020: the địa danh of a commune-level document is the commune's name). Nothing is guessed
    when the text does not name the unit."""
    out = dict(header)
    issuer = out.get("issuer")
    bare = _BARE_ISSUER.fullmatch(issuer or "")
    if bare:
        level = bare.group(1)
        counts: dict[str, int] = {}
        for b in blocks:
            if isinstance(b, Paragraph):
                for m in re.finditer(rf"(?<![\wÀ-ỹ])(?:{level}|{level.capitalize()})\s+({_NAME})", b.text):
                    name = _proper(m.group(1))
                    if name and not re.match(r"^(?:Kế|Quyết|Nghị|Chỉ|Thông|Công)\b", name):
                        counts[name] = counts.get(name, 0) + 1
        if counts:
            best = max(counts, key=lambda k: counts[k])
            out["issuer"], place = _unit_name(level, best)
            out["place"] = out.get("place") or place
    elif issuer is None and any(_UBND_SIGN.search(x) for x in footer_lines):
        m = re.search(rf"(?<![\wÀ-ỹ])({_LEVEL_WORDS}|{_LEVEL_WORDS.replace('(?:', '(?:').title()})\s+({_NAME})", _QUOTED.sub(" ", out.get("title") or ""))
        if m:
            name = _proper(m.group(2))
            if name:
                out["issuer"], place = _unit_name(m.group(1).lower(), name)
                out["place"] = out.get("place") or place
    if out.get("issuer") and not out.get("place"):
        m = re.fullmatch(rf"UBND ({_LEVEL_WORDS}|Phường|Xã|Quận) ({_NAME})", out["issuer"])
        if m:
            out["place"] = _unit_name(m.group(1).lower(), _proper(m.group(2)) or m.group(2))[1]
    return out


def parse_footer(blocks: list[Block]) -> dict[str, Any]:
    """Recipients ('Nơi nhận') and the signer's name."""
    # Long on purpose: the footer's parts (recipients, signature) in document order.
    lines = _lines_of(blocks)
    recipients: list[dict[str, Any]] = []
    signer = None
    start = None
    for i, line in enumerate(lines):
        if re.match(r"^[-–+•]?\s*Nơi nhận\s*:?", line, re.I):
            start = i
            break
    if start is not None:
        for line in lines[start:]:
            t = re.sub(r"^[-–+•]?\s*Nơi nhận\s*:?\s*", "", line, flags=re.I)
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
                if re.fullmatch(r"\d+\s*[A-ZĐ]{1,4}", clean_name):
                    continue  # '08 KH': the clerk's copy count, not a recipient
                if clean_name and not _SIGN.search(clean_name) and not (
                    clean_name.isupper() and re.search(r"(?:ỦY|UỶ) BAN|NHÂN DÂN|^DÂN$", clean_name)
                ):  # 'CT, PCT UBND TP' is a recipient; 'TM. ỦY BAN NHÂN / DÂN' is the signature block
                    recipients.append({"name": clean_name, "purpose": purpose})
    # signer: the last line that looks like a person's name (2-5 capitalised words)
    for line in reversed(lines[-40:]):
        t = line.strip(" *")
        if "ký" in t:  # a published copy's '(Đã ký)' between the title and the name
            t = clean(re.sub(r"\(?\s*\b(?:Đã|đã|ĐÃ)\s+(?:ký|KÝ)\s*\)?", " ", t))
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
        # the signature title and the name run together (one bold block of a PDF):
        # 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Danh Diệu'
        name_at = next((k for k in range(max(0, len(words) - 5), len(words) - 1)
                        if all(w[:1].isupper() and w[1:].islower() for w in words[k:])), None)
        if (name_at and all(w.isupper() for w in words[:name_at])
                and re.search(r"CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ", " ".join(words[:name_at]))):
            signer = " ".join(words[name_at:])
            break
    if signer is None:
        signer = _name_below_title(lines)
    if signer:
        # the signer's name sits below the list in the same cell or column: not a recipient
        kept: list[dict[str, Any]] = []
        for r in recipients:
            if r["name"] == signer:
                continue
            if r["name"].startswith(signer + " ") and kept:  # 'Hồ Thị Nguyên Thảo chí': the recipient above wrapped
                kept[-1] = {**kept[-1], "name": kept[-1]["name"] + " " + r["name"][len(signer) :].strip()}
                continue
            if r["name"].endswith(" " + signer):
                r = {**r, "name": r["name"][: -len(signer)].strip(" .;,")}
            kept.append(r)
        recipients = kept
    return {"recipients": recipients, "signer": signer}


_SIGN_TITLE = re.compile(r"^(?:(?:KT|TM|TL|TUQ)\.\s*)?[A-ZĐÀ-Ỹ .]*(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|BÍ THƯ|THỦ TRƯỞNG)[A-ZĐÀ-Ỹ ]*$")
_NAME_FIRST = re.compile(r"^((?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?=\s+[a-zà-ỹđ(\-–]|\s*$)")


def _name_below_title(lines: list[str]) -> str | None:
    """The name on the line right below the signature's title, when a PDF printed the signature's column into the
    recipients' ('- Báo và PTTH tỉnh; các cơ quan báo' / 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH' / 'Hồ Thị Nguyên Thảo chí;'):
    the capitalised words opening that line, before the wrapped end of a recipient."""
    tail = lines[-40:]
    for above, line in itertools.pairwise(tail):
        m = _NAME_FIRST.match(line.strip(" *")) if _SIGN_TITLE.match(above.strip(" *")) else None
        if m:
            return m.group(1)
    return None
