"""A web page's own material before a plan pasted from it (site notices, a metadata table — Số hiệu, Loại văn bản,
Nơi ban hành, Người ký —, loading messages): the plan starts at its issuer line above the national motto."""

from __future__ import annotations

import re

from dondoc.plans.blocks import UPPER as _UP
from dondoc.plans.fastre import ci_branches

_MOTTO = re.compile(ci_branches([r"C\s*Ộ\s*N\s*G\s+H\s*[OÒ]\s*[ÀA]?\s*X\s*Ã\s+H\s*Ộ\s*I\s+C\s*H\s*Ủ\s+N\s*G\s*H\s*Ĩ\s*A"]))  # (re.I)
_WRAPPER_CUES = re.compile(
    r"Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Tình trạng(?: hiệu lực)?|"
    r"Lĩnh vực|Đăng nhập|Đăng ký|Tải về|Đang tải|loading|Văn bản liên quan|Lược đồ|Thuộc tính|"
    r"Tiếng Anh|Bản PDF|Mục lục|Ghi chú|LuatVietnam|Thư viện pháp luật|thuvienphapluat|vbpl\.vn|Cookie",
    re.I,
)
# the document's own title in capitals: the plan, or the resolution / decision / directive that issues it
_TITLE = re.compile(r"(?<![\wÀ-ỹ])(?:KẾ\s+HOẠCH|NGHỊ\s+QUYẾT|QUYẾT\s+ĐỊNH|CHỈ\s+THỊ)(?![\wÀ-ỹ])")
# the issuer line(s) printed above the motto: all capitals, short
_ISSUER_HEAD = re.compile(r"^[\s*#|_>-]*(?:ỦY BAN|UỶ BAN|UBND|BỘ|BAN|HỘI ĐỒNG|SỞ|THỦ TƯỚNG|CHÍNH PHỦ|VĂN PHÒNG|TỈNH|THÀNH|HUYỆN|XÃ|PHƯỜNG|ĐẢNG|MẶT TRẬN|QUỐC HỘI|TỔNG CỤC|CỤC|TÒA|VIỆN|BỘ CHỈ HUY|CÔNG AN|[A-ZĐÀ-Ỹ ]{4,}$)")


def strip_wrapper(text: str) -> tuple[str, str | None]:
    """Drop a web page's material before the plan's header. Returns (text, warning or None)."""
    head = text[:30000]
    if "NGH" not in head.upper() and "KẾ HOẠCH" not in head:
        return text, None
    # the plan starts at the motto, or at its title in capitals where the page shows no motto
    m = _MOTTO.search(head) or _TITLE.search(head)
    if not m or m.start() < (200 if m.re is _MOTTO else 60):
        return text, None
    before = text[: m.start()]
    cues = {c.group(0).lower() for c in _WRAPPER_CUES.finditer(before)}
    if len(cues) < 2:
        return text, None
    # keep the issuer lines right above the motto (same line, or up to three lines above)
    lines = before.split("\n")
    keep = len(lines) - 1  # the motto's own line (it may start with the issuer)
    k = keep - 1
    while k >= 0 and keep - k <= 4:
        s = lines[k].strip()
        if not s:
            k -= 1
            continue
        if _ISSUER_HEAD.match(s) and len(s) < 90 and not _WRAPPER_CUES.search(s):
            keep = k
            k -= 1
            continue
        break
    cut = sum(len(x) + 1 for x in lines[:keep])
    if keep == len(lines) - 1 and len(lines[-1]) > 200:
        # the page's material and the plan's issuer on one line (its breaks lost): the issuer is the run
        # of words in capitals right before the motto ('... Tình trạng: Đã biết ỦY BAN NHÂN DÂN TỈNH X')
        caps = re.search(rf"(?:(?:[{_UP}][{_UP}\d.,-]*|[-_=]{{3,}})[\s*|_]+)+$", lines[-1])
        cut += caps.start() if caps else len(lines[-1])
    dropped = text[:cut].count("\n")
    note = (f"Đã bỏ phần bao quanh của trang web ({dropped} dòng trước quốc hiệu: "
            f"{', '.join(sorted(cues))[:120]}) — kiểm tra lại phần đầu văn bản")
    return text[cut:], note
