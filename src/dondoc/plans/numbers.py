"""Vietnamese numbers ('78,2' = 78.2, '60.000' = 60000, '03' = 3) and numeric targets."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.fastre import ci_branches, lead
from dondoc.plans.target_forms import NUM, NUM_REST, count_noun, counts_anything, new_work, not_an_aim, rankings

_NUM = NUM
# a unit may be glued to its number ('30m2', '500ha', '12km', '150MW')
# ('(?<![\w/.,\-–])(NUM)' with the look-behind after the number's first digit: the same matches)
_TOKEN = re.compile(rf"(\d(?<![\w/.,\-–]\d)(?:{NUM_REST}))(?!(?!m2|m²|ha\b|km\b|MWp?\b|kWp?\b)[\w/]|[.,]\d|\s*[-–]\s*[A-ZĐ])")
_RANGE = re.compile(rf"(?<![\w/.,])(?:từ\s+)?({_NUM})\s*(?:[-–]|đến)\s*({_NUM})\s*(%|phần trăm)", re.I)
_PERCENT = re.compile(ci_branches(["phần trăm"]))  # (with '%', what _RANGE needs: a cheap test first)
_COUNT_RANGE = re.compile(rf"(\d(?<![\w/.,]\d)(?:{NUM_REST}))\s*[-–]\s*({_NUM})(?=\s+[a-zà-ỹđ])")  # (the same: '(?<![\w/.,])(NUM)')
_BASELINE = re.compile(ci_branches(  # (re.I: fastre.ci_branches)
    [rf"từ\s+({_NUM})\s*(%|[^\d\s,;.]+(?:\s[^\d\s,;.]+)?)?\s+(?<!trở\s)(xuống|giảm|lên|tăng lên)\s+(?:còn\s+|dưới\s+|trên\s+)?({_NUM})"]
))
_SKIP_BEFORE = re.compile(
    r"(?:số|Số|Điều|điều|khoản|Khoản|mục|Mục|khóa|Khóa|khoá|lần thứ|năm|Năm|ngày|tháng|Tháng|quý|Quý|giai đoạn|"
    r"đoạn|kỳ|nhiệm kỳ|Chương trình|Dự án|dự án|Tiểu dự án|Nội dung|nội dung|Phụ lục|phụ lục|Quyết định|"
    r"Nghị định|Thông tư|Chỉ thị|Nghị quyết|Kế hoạch|Luật|Đề án|Tổng đài|tổng đài|hotline|Hotline|QL|tuyến|phiên|"
    r"lần|thế hệ|cấp độ|mức độ|độ|hạng|loại|nhóm|tiêu chí|Tiêu chí|bước|Bước|giờ|số điện thoại|ĐT|Zalo)\s*$"
)
_UNIT_STOP = {
    "và", "của", "cho", "trong", "tại", "theo", "với", "để", "là", "có", "được", "trở", "đến", "từ", "so",
    "trên", "dưới", "các", "những", "một", "khoảng", "gần", "hơn", "ít", "nhất", "đạt", "mỗi", "người/năm",
}
_UNIT_WORDS = {
    "người", "hộ", "lao", "trẻ", "khẩu", "bác", "dược", "điều", "tuổi", "năm", "giường", "xã", "trường",
    "dự", "trạm", "doanh", "cơ", "học", "m2", "m²", "ha", "km", "tỷ", "triệu", "nghìn", "đồng", "điểm",
    "lớp", "mô", "đơn", "thôn", "khu", "hồ", "thủ", "sản", "cán", "đối", "gia", "lượt", "cuộc", "buổi",
    "tin", "bài", "chương", "phóng", "hội", "đợt", "ca", "mẫu", "thẻ", "tài", "nhà", "căn", "công", "chiếc",
    "bé", "dân", "bản", "tổ", "câu", "đội", "làng", "phường", "tấn", "lít", "kg", "con", "cây", "lần",
    "tháng", "ngày", "giờ", "phút", "sáng", "ý", "hợp", "chợ", "vụ", "nạn", "đầu", "tập", "phụ",
    # measures: power, energy, volume, area, money
    "mw", "mwp", "kw", "kwp", "kwh", "mwh", "gw", "gwh", "m3", "m³", "km2", "km²", "usd",
}
_GE = re.compile(r"(?:trên|hơn|ít nhất|tối thiểu|không dưới|không thấp hơn|không ít hơn|từ)(?:\s+là)?\s*$|(?:≥|>=?)\s*$", re.I)
_LE = re.compile(r"(?:dưới|xuống còn|xuống|còn dưới|còn|tối đa|không quá|không vượt quá|giảm còn)\s*$|(?:≤|<=?)\s*$", re.I)
_CUE = re.compile(
    r"phấn đấu|phân đấu|phần đấu|phân đầu|khoảng|bình quân|mỗi năm|cho gần|giải quyết việc làm|chỉ tiêu|đạt|tỷ lệ|tỉ lệ|ít nhất|tối thiểu|trên|dưới|xuống còn|giảm|tăng|"
    r"bảo đảm|đảm bảo|duy trì|nâng|mục tiêu|hoàn thành|có\s+\d|\d\s*%",
    re.I,
)
# the literal cues, tested with `in` on the lower-cased clause (a long regex alternation scanned
# every position of every clause: the parser's hottest spot)
_CUE_WORDS = (
    "phấn đấu", "phân đấu", "phần đấu", "phân đầu", "khoảng", "bình quân", "mỗi năm", "cho gần",
    "giải quyết việc làm", "chỉ tiêu", "đạt", "tỷ lệ", "tỉ lệ", "ít nhất", "tối thiểu", "trên", "dưới",
    "xuống còn", "giảm", "tăng", "bảo đảm", "đảm bảo", "duy trì", "nâng", "mục tiêu", "hoàn thành",
)
_CUE_RX = re.compile(r"có\s+\d|\d\s*%", re.I)


def _has_cue(clause: str) -> bool:
    low = clause.lower()
    return any(w in low for w in _CUE_WORDS) or bool(_CUE_RX.search(clause)) or new_work(clause)


_DIGIT = re.compile(r"\d")
_CURRENT_STATE = re.compile(r"(?:Hiện nay|Hiện tại|Hiện có|Tính đến nay|Đến nay)\b", re.I)
_OF_WHICH = re.compile(r"trong đó\b", re.I)  # 'Hiện nay, ... là 87 trạm. Trong đó, có 28 trạm 5G': still today's state
_PRODUCT = re.compile(r"(?<![\wÀ-ỹ])[A-Z][a-z]{3,}\s*$")  # an ASCII capitalised word: a product name
_PER = re.compile(r"\btrên\s*$")
_PER_UNIT = re.compile(r"\s*(?:người dân|dân số|dân|trẻ|người)\b")
_COMMIT = re.compile(
    r"(?:phấn đấu|hình thành|xây dựng|thành lập|triển khai|phát triển)(?:\s+(?:có|được|thêm))?(?:\s+(?:ít nhất|tối thiểu))?\s*$",
    re.I,
)
# (each opening with the space, its look-behind after it: the engine jumps from space to space; the same splits as
# '(?<=[;])\s+|(?<=\.)\s+(?=[A-ZĐ])')
_CLAUSE = re.compile(r"\s(?:(?<=;\s)\s*|(?<=\.\s)\s*(?=[A-ZĐ]))")
_BY = re.compile(  # (re.I: fastre.ci_branches)
    ci_branches([*lead(("cuối năm", "đến năm", "đến hết năm", "vào năm", "trong năm", "năm"), r"\s+"),
                 r"trong giai đoạn\s+(?:19|20)\d{2}\s*[-–]\s*"]) + r"((?:19|20)\d{2})"
)


def parse_number(token: str) -> float:
    """'60.000' -> 60000, '78,2' -> 78.2, '1.234,5' -> 1234.5, '03' -> 3."""
    t = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", t):
        t = t.replace(".", "")
    return float(t.replace(",", "."))


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _unit_after(text: str, end: int) -> str | None:
    rest = text[end:]
    m = re.match(r"\s*(%|phần trăm)", rest)
    if m:
        return "%"
    words = re.findall(r"[^\s,;.()]+", rest[:40])
    out: list[str] = []
    for w in words[:3]:
        lw = w.lower()
        if lw in _UNIT_STOP or re.match(r"^\d", lw):
            break
        out.append(w)
        if len(out) == 1 and lw not in ("sáng", "lao", "trẻ", "bác", "dược", "giường", "điều", "học", "doanh", "gia", "cán", "đối", "hồ", "thủ", "sản", "mô", "đơn", "dự", "cơ", "m2", "phóng", "tài", "chương", "công", "bé", "nhà"):
            break
        if len(out) == 2:
            break
    if not out or out[0].lower().split("/")[0] not in _UNIT_WORDS:  # 'con/phụ nữ': a unit per something
        return None
    unit = " ".join(out).strip("“”\"'")
    m = re.match(r"\s*" + re.escape(" ".join(out)) + r"(\s*/\s*[\w.]+(?:\s[\wà-ỹ]+)?)", rest)
    if (m and "sàn" in unit) or re.match(r"\s*\S+\s*sàn/người", rest):
        unit = re.match(r"\s*(\S+\s*sàn/người)", rest).group(1) if re.match(r"\s*(\S+\s*sàn/người)", rest) else unit
    return unit


def find_targets(text: str, *, ref: str, by: str | None, in_targets_section: bool) -> list[dict[str, Any]]:
    """Numeric commitments in one paragraph: values with a unit or '%', with comparator and baseline."""
    # Long on purpose: the target phrases tried case by case over one sentence.
    out: list[dict[str, Any]] = []
    if not _DIGIT.search(text):
        return out  # every target form needs a digit
    clauses = _CLAUSE.split(text)
    today = False
    for clause in clauses:
        opening = clause.lstrip(" -+•")
        today = bool(_CURRENT_STATE.match(opening)) or (today and bool(_OF_WHICH.match(opening)))
        if today:
            continue  # 'Hiện nay, tổng số trạm ... khoảng 180 trạm': today's state, not a commitment
        if not _DIGIT.search(clause):
            continue
        cued = in_targets_section or _has_cue(clause)
        ranks = rankings(clause)
        if not cued and not ranks and not _COUNT_RANGE.search(clause):
            continue  # a range of counts ('Mở thêm 2-3 đường bay') commits even without a cue word
        clause_by = None
        m = _BY.search(clause)
        if m:
            clause_by = m.group(1)
            if re.search(r"cuối năm\s+" + clause_by, clause):
                clause_by = "cuối năm " + clause_by
        taken: list[tuple[int, int]] = []
        _count_ranges(clause, ref, clause_by or by, out, taken)
        for a, b, rank, what in ranks:  # 'thuộc nhóm 15 tỉnh dẫn đầu': a commitment in itself
            out.append(make_target(ref, clause, rank, what, "<=", None, clause_by or by))
            taken.append((a, b))
        if not cued:
            continue
        for m in _BASELINE.finditer(clause):
            value = parse_number(m.group(4))
            unit = _unit_after(clause, m.end()) or (m.group(2) or "").strip() or None
            toward = ">=" if "lên" in m.group(3).lower() else "<="  # 'từ 60% lên 75%' / 'từ 29 hộ xuống còn 03 hộ'
            out.append(make_target(ref, clause, value, unit, toward, parse_number(m.group(1)), clause_by or by))
            taken.append((m.start(), m.end()))
        for m in _RANGE.finditer(clause) if "%" in clause or _PERCENT.search(clause) else ():
            if any(a <= m.start() < b for a, b in taken):
                continue
            for g in (1, 2):
                out.append(make_target(ref, clause, parse_number(m.group(g)), "%", ">=" if g == 1 and "trở lên" in clause[m.end() : m.end() + 12] else None, None, clause_by or by))
            taken.append((m.start(), m.end()))
        for m in _TOKEN.finditer(clause):
            if any(a <= m.start() < b for a, b in taken):
                continue
            tok = m.group(1)
            before = clause[max(0, m.start() - 25) : m.start()]
            if _SKIP_BEFORE.search(before):
                continue
            after = clause[m.end() : m.end() + 3]
            if re.match(r"\s*[/:]\s*\d", after) or re.match(r"\s*[-–]\s*\d", after):
                continue
            if _PRODUCT.search(before):
                continue  # 'Chlorine 70%': a product's strength
            if not_an_aim(clause, m.start(), m.end()):
                continue
            if _PER.search(before) and _PER_UNIT.match(clause[m.end() :]) and _DIGIT.search(clause[: m.start() - 5]):
                continue  # '7,4 bác sĩ trên 10.000 dân': the denominator of a ratio
            value = parse_number(tok)
            if re.fullmatch(r"(?:19|20)\d{2}", tok) and not re.match(r"\s*(?:%|người|hộ|lao động)", clause[m.end() :]):
                continue
            unit = _unit_after(clause, m.end())
            if unit is None and _COMMIT.search(before):
                # 'ít nhất 02 vùng nuôi', 'tối thiểu 01 trung tâm': a committed count of anything
                w = re.match(r"\s+([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)", clause[m.end() :])
                unit = w.group(1) if w and w.group(1).split()[0] not in _UNIT_STOP else None
            if unit is None and counts_anything(clause, m.start(), m.end(), in_targets_section):
                unit = count_noun(clause, m.end(), _UNIT_STOP)
            if unit is None:
                continue
            if unit in ("năm", "tháng", "ngày", "giờ", "phút") and not re.search(r"sống|tuổi|thọ", clause[max(0, m.start() - 40) : m.start()]):
                continue
            if unit.startswith("tuổi") and not re.search(r"thọ|khoảng", before):
                continue  # "trẻ em dưới 5 tuổi" qualifies a group, it is not a target
            comp = None
            if _GE.search(before) or re.match(r"\s*\S*\s*(?:trở lên|trở\b)", clause[m.end() : m.end() + 30]):
                comp = ">="
            elif _LE.search(before):
                comp = "<="
            out.append(make_target(ref, clause, value, unit, comp, None, clause_by or by))
    return out


_RANGE_NOT_COUNT = {"năm", "tháng", "ngày", "giờ", "phút", "tuần", "tuổi", "sao"}


def _count_ranges(clause: str, ref: str, by: str | None, out: list[dict[str, Any]], taken: list[tuple[int, int]]) -> None:
    """'khoảng 10–12 xã', 'Mở thêm 2-3 đường bay', 'Tổ chức 5-7 hội nghị': a range of counts of
    things is an estimate the plan commits to, cue word or not; both bounds are targets. Not a span
    of time ('3-5 năm'), an age ('3-5 tuổi'), a hotel class ('4-5 sao') or a year range."""
    for m in _COUNT_RANGE.finditer(clause):
        if any(a <= m.start() < b for a, b in taken) or _SKIP_BEFORE.search(clause[max(0, m.start() - 25) : m.start()]):
            continue
        lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
        if re.fullmatch(r"(?:19|20)\d{2}", m.group(1)) or lo >= hi:
            continue
        unit = _unit_after(clause, m.end(2))
        if unit is None:
            w = re.match(r"\s+([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)", clause[m.end(2) :])
            unit = w.group(1) if w and w.group(1).split()[0] not in _UNIT_STOP else None
        if unit is None or unit.split()[0].split("/")[0] in _RANGE_NOT_COUNT:
            continue
        out.append(make_target(ref, clause, lo, unit, ">=", None, by))
        out.append(make_target(ref, clause, hi, unit, "<=", None, by))
        taken.append((m.start(), m.end()))


def make_target(ref: str, clause: str, value: float, unit: str | None, comp: str | None, baseline: float | None, by: str | None) -> dict[str, Any]:
    return {
        "ref": ref,
        "text": re.sub(r"^[-+•\s]+", "", clause).strip(" ;."),
        "value": _num(value),
        "unit": unit,
        "baseline": _num(baseline) if baseline is not None else None,
        "comparator": comp,
        "by": by,
    }
