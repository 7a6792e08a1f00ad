"""Whether a body named in a plan is its issuer or stands above it.

A plan gives work to the bodies under its issuer (its departments, its communes, the units it runs) and asks
the others ('Đề nghị ...'). A sentence whose subject is the issuer itself states what the issuer will do
('Hằng năm, Ủy ban nhân dân huyện tổ chức tổng kết ...', 'Ủy ban nhân dân xã ban hành kế hoạch như sau'), and
one whose subject is a body above it says what that body does ('Bộ Nông nghiệp và Môi trường hướng dẫn chi tiết
nội dung này' in a district's plan): neither is a duty the plan gives. The levels are the state's: the centre
(Quốc hội, Chính phủ, Thủ tướng, the ministries), then the province ('tỉnh', 'thành phố' under the centre), the
district ('huyện', 'quận', 'thị xã'; dissolved on 1 July 2025) and the commune ('xã', 'phường', 'thị trấn',
'đặc khu')."""

from __future__ import annotations

import re
import unicodedata

# the centre: the ministries ('Bộ Y tế', 'Bộ trưởng Bộ Y tế'; not a province's 'Bộ Chỉ huy Quân sự', 'Bộ đội Biên
# phòng tỉnh'), the Government, the Prime Minister, the National Assembly and the Party's central organs
_CENTRAL = re.compile(r"^(?:Bộ(?!\s+(?:Chỉ huy|đội|Tư lệnh))\s+[A-ZĐ]|Bộ trưởng|Chính phủ|Thủ tướng|Quốc hội|Văn phòng Chính phủ|"
                      r"Ủy ban Thường vụ Quốc hội|Ban Chấp hành Trung ương|Ban Bí thư|Bộ Chính trị)")
# a People's Committee (or Council, or its chairman) of one level: 'Ủy ban nhân dân tỉnh', 'UBND huyện X'
_LOCAL = re.compile(r"^(?:(?:Phó\s+)?Chủ tịch\s+)?(?:Ủy ban nhân dân|UBND|Hội đồng nhân dân|HĐND)\s+(tỉnh|thành phố|huyện|quận|"
                    r"thị xã|xã|phường|thị trấn|đặc khu)\b(.*)$", re.I)
# ranks within the centre (0 above 1 above 2)
_TOP = re.compile(r"^(?:Quốc hội|Ủy ban Thường vụ Quốc hội|Ban Chấp hành Trung ương|Ban Bí thư|Bộ Chính trị)")
_GOVERNMENT = re.compile(r"^(?:Chính phủ|Thủ tướng)")
# a national steering committee or council the Prime Minister sets up ('Ban Chỉ đạo liên ngành Trung ương về an toàn
# thực phẩm', 'Ban Chỉ đạo quốc gia ...', 'Hội đồng quốc gia ...'): of the centre, its members the ministries, none
# of them below it (a ministry's sentence in its plan is that ministry's duty)
_NATIONAL_BOARD = re.compile(r"^(?:Ban Chỉ đạo|Hội đồng|Ủy ban)\b.*\b(?:[Tt]rung ương|[Qq]uốc gia)\b")
# a province's department (its issuer's name as the header gives it: 'Sở Y tế', 'Sở Giáo dục và Đào tạo')
_DEPARTMENT = re.compile(r"^Sở\s+[A-ZĐ]")
_LEVELS = {"tỉnh": 1, "thành phố": 1, "huyện": 2, "quận": 2, "thị xã": 2, "xã": 3, "phường": 3, "thị trấn": 3, "đặc khu": 3}


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFC", " ".join(name.split())).replace("Uỷ", "Ủy").replace("uỷ", "ủy")
    return re.sub(r"^(?:Ủy ban nhân dân|UỶ BAN NHÂN DÂN)\b", "UBND", s, flags=re.I)


def _level(name: str) -> tuple[int, str] | None:
    """The level of a People's Committee named (1 province, 2 district, 3 commune) and the place after it."""
    m = _LOCAL.match(name)
    return (_LEVELS[m.group(1).lower()], m.group(2).strip(" ,.")) if m else None


def central(name: str) -> bool:
    """The body named is of the centre: a ministry, the Government, the Prime Minister, the National Assembly."""
    return bool(_CENTRAL.match(name.strip()))


def own_or_higher(name: str, issuer: str | None) -> bool:
    """The body named is the plan's issuer itself ('Ủy ban nhân dân huyện' in the plan of 'UBND huyện Sông Xanh')
    or one above it (a ministry in a local plan, the province in a district's or a commune's)."""
    if not issuer or not name or name.lower().startswith(("các ", "những ")):
        return False
    name, issuer = _norm(name), _norm(issuer)
    if name.lower() == issuer.lower():
        return True
    if _CENTRAL.match(name) and _NATIONAL_BOARD.match(issuer):
        return _central_rank(name) < 2
    if _CENTRAL.match(name):
        # (within the centre: the National Assembly and the Party's organs over the Government and the Prime
        # Minister, these over the ministries: 'Chính phủ ban hành Nghị định ...' in a ministry's plan is no duty)
        return not _CENTRAL.match(issuer) or _central_rank(name) < _central_rank(issuer)
    own, mine = _level(name), _level(issuer)
    if mine is None and own is not None and _DEPARTMENT.match(issuer):
        return own[0] <= 1  # a province's department issues: its province's committee or council is above it
    if own is None or mine is None or name.lower().startswith(("chủ tịch", "phó chủ tịch")):
        return False  # (a chairman is charged in person: gold 09 'Chủ tịch Ủy ban nhân dân thành phố')
    return own[0] < mine[0] or (own[0] == mine[0] and (not own[1] or own[1].lower() == mine[1].lower()))


def _central_rank(name: str) -> int:
    return 0 if _TOP.match(name) else 1 if _GOVERNMENT.match(name) else 2
