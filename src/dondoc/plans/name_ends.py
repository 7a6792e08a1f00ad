"""Where a body's name ends before its first task verb, when something else stops it first.

A line break used to end a heading's name ('2. Sở Tài chính' / 'Bảo đảm kinh phí ...'); in text pasted from a web
page the lines are joined and the name reader runs on to the first lower-case verb. Vietnamese administrative prose
marks the end of a name in other ways too:
- a word that opens a duty, written with a capital because it opened the next line: an adverb of manner or time
  ('Chủ động', 'Tích cực', 'Khẩn trương', 'Tiếp tục', 'Thường xuyên', 'Kịp thời', 'Định kỳ') or a connective that
  opens a clause ('Căn cứ', 'Trên cơ sở', 'Nhằm', 'Để', 'Khi', 'Nếu') — unless the pair is a word of a known name
  ('Giáo dục Thường xuyên');
- a manner adverbial after the subject ('... các đoàn thể tỉnh bằng nhiều hình thức, phương pháp thích hợp, tổ chức ...');
- after a comma, a connective that opens a clause ('Sở Tài chính, trên cơ sở đề xuất ..., tham mưu') or a noun that
  is no part of a name ('Công an tỉnh, địa chỉ: ...', ', số điện thoại', ', thời gian', ', kinh phí');
- a time adverbial after the subject: a deadline ('Sở Nội vụ trước ngày 15/12 hằng năm tổng hợp ...', 'chậm nhất
  ngày 10/12') or a period ('Sở Y tế hằng năm tổng hợp ...'): no name holds one;
- the end of a known name (gazetteer) followed by any task verb in capitals ('Bộ Tài chính Bảo đảm kinh phí'):
  capitalised verbs inside names ('Sở Xây dựng', 'Ban Quản lý') are why this one needs the gazetteer; so is 'đầu tư'
  after a known name ('Ban Quản lý Khu kinh tế đầu tư hoàn thiện ...'), a verb that names hold too.
"""

from __future__ import annotations

import functools
import re

from dondoc.plans.verbs import VERBS

_OPENERS = ("Chủ động", "Tích cực", "Khẩn trương", "Tiếp tục", "Thường xuyên", "Kịp thời", "Định kỳ", "Căn cứ",
            "Trên cơ sở", "Nhằm", "Để", "Khi", "Nếu",
            # a role or a state before the duty: 'Sở Công Thương' / 'Vẫn tiếp tục chủ trì ...', '... / Đồng thời là cơ quan ...'
            "Vẫn", "Đồng thời", "Là", "Đang", "Cũng", "Còn", "Đã", "Chưa", "Được", "Hiện", "Với vai trò")
_CAP_OPENER = re.compile(r"(?<=[\wÀ-ỹ)])\s+(" + "|".join(map(re.escape, _OPENERS)) + r")(?![\wÀ-ỹ])")
# a manner adverbial between the subject and its verb: 'Ủy ban MTTQ tỉnh và các đoàn thể bằng nhiều hình thức ..., tổ chức'
_MANNER = re.compile(r"\s+(?:bằng|thông qua|qua)\s+(?:nhiều|các|mọi|những)\s+(?:hình thức|phương thức|cách thức|biện pháp|kênh)\b")
# the role the body acts in: 'Công an tỉnh, với vai trò là lực lượng nòng cốt, chủ trì ...', 'Sở X với tư cách ...'
_AS_ROLE = re.compile(r"\s*,?\s+(?:với vai trò|với tư cách|trong vai trò)(?![\wÀ-ỹ])")
_COMMA_STOP = re.compile(r"\s*,\s*(?:trên cơ sở|căn cứ|theo|nhằm|để|khi|nếu|địa chỉ|số điện thoại|thời gian|kinh phí)"
                         r"(?![\wÀ-ỹ])")
_WHEN = re.compile(r"\s+(?:(?:trước|chậm nhất|hạn chót)\s+(?:là\s+)?(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d|(?:hằng|hàng|mỗi)\s+"
                   r"(?:năm|quý|quí|tháng)(?![\wÀ-ỹ]))")
_CAP_VERBS = sorted({v[:1].upper() + v[1:] for v in VERBS}, key=len, reverse=True)
_INVESTS = re.compile(r"(?<=[\wÀ-ỹ)])\s+(?=đầu tư(?![\wÀ-ỹ]))")
_CAP_TASK = re.compile(r"(?<=[\wÀ-ỹ)])\s+(" + "|".join(map(re.escape, _CAP_VERBS)) + r")(?![\wÀ-ỹ])")


def name_stop(s: str, limit: int) -> re.Match[str] | None:
    """The first place in s[:limit] where the name opening `s` ends (a match whose start is the end of the name)."""
    region = s[:limit]
    found: list[re.Match[str]] = []
    if "," in region:
        m = _COMMA_STOP.search(region, 2)
        if m is not None:
            found.append(m)
    if " vai trò " in region or " tư cách " in region:
        m = _AS_ROLE.search(region, 2)
        if m is not None:
            found.append(m)
    if " bằng " in region or " qua " in region:
        m = _MANNER.search(region, 2)
        if m is not None:
            found.append(m)
    if any(w in region for w in (" trước ", " chậm nhất ", " hạn chót ", " hằng ", " hàng ", " mỗi ")):
        m = _WHEN.search(region, 2)
        if m is not None:
            found.append(m)
    for m in _CAP_OPENER.finditer(region, 2):
        prev = region[: m.start()].split()
        if prev and (prev[-1] + " " + m.group(1)).lower() in _lower_pairs():
            continue  # 'Trung tâm Giáo dục nghề nghiệp - Giáo dục Thường xuyên'
        found.append(m)
        break
    if any(c.isupper() for c in region[2:]):
        from dondoc.plans.gazetteer import entries, name_key

        known = entries()
        for m in _CAP_TASK.finditer(region, 2):
            if name_key(region[: m.start()]) in known:
                found.append(m)
                break
        if "đầu tư" in region:
            # 'Ban Quản lý Khu kinh tế đầu tư hoàn thiện hạ tầng ...': after a whole known name, 'đầu tư' is the verb
            # (not one of VERBS, for the names that hold it: 'Sở Kế hoạch và Đầu tư', 'Ban Quản lý dự án đầu tư')
            for m in _INVESTS.finditer(region, 2):
                if name_key(region[: m.start()]) in known:
                    found.append(m)
                    break
    return min(found, key=lambda m: m.start()) if found else None


@functools.cache
def _lower_pairs() -> frozenset[str]:
    """'<word> <opener>' pairs inside the gazetteer's names, in lower case ('dục thường xuyên')."""
    from dondoc.plans.gazetteer import names

    opener = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(re.escape(o.lower()) for o in _OPENERS) + r")(?![\wÀ-ỹ])")
    out: set[str] = set()
    for name in names().values():
        low = name.lower()
        for m in opener.finditer(low):
            prev = low[: m.start()].split()
            if prev:
                out.add(prev[-1] + " " + m.group(1))
    return frozenset(out)


# A department whose field is a group of people ('Cục Nhà giáo', 'Vụ Công chức') names another group after 'và', each
# part capitalised as a name's parts are: 'Cục Nhà giáo và Cán bộ quản lý giáo dục' is one name. The group after it
# is described in lower case and ends the name; a field of its own in capitals, a place or a duty ('phụ trách',
# 'các xã') make it an officer named beside the department.
_PEOPLE = r"(?:Nhà giáo|Cán bộ|Công chức|Viên chức|Người lao động|Học sinh|Sinh viên|Thanh niên|Trẻ em|Người có công)"
_DEPT_OF_PEOPLE = re.compile(rf"^(?:Cục|Vụ|Tổng cục|Phòng|Ban|Trung tâm|Viện)\s+{_PEOPLE}(?:\s+[a-zà-ỹđ]+)*\s*$")
_PEOPLE_AFTER = re.compile(
    r"^(?:Cán bộ|Công chức|Viên chức|Nhà giáo)(?:\s+(?!phụ trách|các|cấp|xã|phường|thôn|bản|huyện|tỉnh)[a-zà-ỹđ]+)+"
    r"\s*(?:$|[,;(])"
)


def people_field_across(before: str, after: str) -> bool:
    """'Cục Nhà giáo' | 'và' | 'Cán bộ quản lý giáo dục': the separator is inside one department's name."""
    return bool(_DEPT_OF_PEOPLE.match(before.strip())) and bool(_PEOPLE_AFTER.match(after))
