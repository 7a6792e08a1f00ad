"""Where a body's name stops and its task starts: the task verbs (and time adverbs) in lower case, and the
places where such a word is a noun or a word of a name instead."""

from __future__ import annotations

import functools
import re

# Where the name stops and the task starts: a verb (or time adverb) in lower case.
VERBS = [
    "chủ trì", "phối hợp", "tham mưu", "tổ chức", "triển khai", "thực hiện", "tăng cường", "tiếp tục",
    "đẩy mạnh", "xây dựng", "hướng dẫn", "chỉ đạo", "theo dõi", "đôn đốc", "kiểm tra", "giám sát",
    "rà soát", "hỗ trợ", "bảo đảm", "đảm bảo", "chủ động", "khẩn trương", "tập trung", "nghiên cứu",
    "quan tâm", "bám sát", "căn cứ", "có trách nhiệm", "chịu trách nhiệm", "là cơ quan", "là đơn vị",
    "là đầu mối", "gửi", "báo cáo", "tổng hợp", "cung cấp", "phát huy", "vận động", "tuyên truyền",
    "nâng cao", "huy động", "bố trí", "cử", "ban hành", "trình", "đề xuất", "lãnh đạo", "thường xuyên",
    "định kỳ", "kịp thời", "duy trì", "quản lý", "cập nhật", "phổ biến", "quán triệt", "tiến hành",
    "ưu tiên", "đề nghị", "tiên phong", "mở", "tích cực", "sớm", "nghiêm túc", "thống nhất", "chuẩn bị",
    "phân công", "phân bổ", "cân đối", "thẩm định", "giải quyết", "xử lý", "tạo điều kiện", "khuyến khích",
    "hoàn thành", "hoàn thiện", "theo chức năng", "theo dõi", "căn cứ chức năng", "trong phạm vi",
    "thúc đẩy", "làm tốt", "phát triển", "ứng dụng", "đổi mới", "nắm", "lồng ghép", "giữ vững",
    "tiếp nhận", "điều phối", "cấp", "thông tin", "tư vấn", "bảo vệ", "tuân thủ", "chấp hành",
    "áp dụng", "từng bước", "xem xét", "quyết định", "họp", "phải", "cần",
    # Task verbs of field work, so that 'Giao X <verb> ...' finds where X ends. Words that also serve as
    # nouns or sit in lower case inside body names ('khả năng tiếp cận', 'hệ thống truyền thông', 'Tìm kiếm
    # cứu nạn', 'giáo dục và đào tạo', 'công tác đánh giá') are left out.
    "xét nghiệm", "khảo sát", "điều tra", "thu thập", "biên soạn", "soạn thảo", "tập huấn", "khắc phục",
    "sửa chữa", "mua sắm", "cấp phát", "khử khuẩn", "tiêu độc", "thẩm tra", "phê duyệt", "công bố",
    "niêm yết", "đăng tải", "lựa chọn", "điều chỉnh", "sắp xếp", "bảo quản", "kiểm kê",
    "quyết toán", "giải ngân", "lắp đặt", "di dời", "sơ tán", "tuần tra", "điều động", "phát động",
    "kiện toàn", "ký kết", "phối kết hợp", "lập danh sách", "lập kế hoạch", "lập hồ sơ", "lập dự toán",
    "lập phương án", "lập quy hoạch", "lập đề án", "lập dự án", "lập báo cáo", "lập biên bản", "lập thủ tục",
    "rà soát, lập", "thành lập", "vận hành", "đề ra", "phấn đấu",
    "chia sẻ", "phủ sóng", "nâng cấp", "mở rộng", "sơ kết", "tổng kết", "đánh giá",
    "giúp",  # 'Tổ giúp việc giúp Trưởng ban ...' (not the 'giúp việc' of its name)
    "xúc tiến",  # (not in 'Trung tâm xúc tiến ...')
    "thu hút", "mời gọi", "san lấp", "san tạo",  # 'Chủ đầu tư dự án ... san tạo mặt bằng, thu hút, mời gọi nhà đầu tư
    "trực tiếp",  # 'Đồng chí Phó Bí thư Thường trực Đảng ủy xã trực tiếp chỉ đạo ...'
]
def _factored(words: list[str], depth: int = 0) -> str:
    """An alternation of literal words, longest first, factored on their first two characters so that the
    engine tries only the words that can match (HEAD is matched at every candidate
    name, the verbs at every word of a name: both are hot)."""
    words = sorted(words, key=len, reverse=True)
    if depth == 2:
        return "|".join(re.escape(w[depth:]) for w in words)
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[depth : depth + 1], []).append(w)
    return "|".join(re.escape(c) + "(?:" + _factored(ws, depth + 1) + ")" if c else "" for c, ws in groups.items())


_VERB_RE = re.compile(r"(?<![\wÀ-ỹ])(?:" + _factored(VERBS) + r")(?![\wÀ-ỹ])")
# "tổ chức" is a noun in "các tổ chức chính trị - xã hội", "tổ chức, cá nhân".
_NOUN_AFTER = re.compile(
    r"^(?:chính trị|xã hội|thành viên|cá nhân|kinh tế|đoàn thể|quốc tế|tín dụng|cung cấp|tôn giáo|"
    r"hội|phi chính phủ|,|và|có liên quan|liên quan|thực hiện|đảng|cơ sở đảng)"
)
_NOUN_BEFORE = re.compile(r"(?:[Cc]ác|[Vv]à|,|[Nn]hững|[Mm]ọi|của|cho|với|Ban|Trung tâm)\s*$")


_LEVEL_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:thứ|sơ|trung|cao)\s+$")


# the coordinating councils every level of government has: their names hold words that are verbs elsewhere
_COUNCIL = re.compile(r"Hội đồng\s+[Pp]hối hợp\s+(?:công tác\s+)?(?:phổ biến,?\s+giáo dục pháp luật|liên ngành)", re.I)


@functools.cache
def _verbs_in_names() -> frozenset[str]:
    """'<word> <verb>' pairs inside the gazetteer's names ('Giáo dục thường xuyên', 'Cảnh sát quản lý', 'Hậu cần'):
    there the verb is a word of the name."""
    from dondoc.plans.gazetteer import names

    out: set[str] = set()
    for name in names().values():  # as written: a capitalised word of a name ('Ban Xây dựng Đảng') is no verb anyway
        for m in _VERB_RE.finditer(name):
            prev = name[: m.start()].split()
            if prev:
                out.add(prev[-1] + " " + m.group(0))
    return frozenset(out)


def find_verb(text: str, start: int = 0) -> re.Match[str] | None:
    """The first lower-case task verb at or after `start` that is not part of a name."""
    for m in _VERB_RE.finditer(text, start):
        word = m.group(0)
        before = text[: m.start()]
        after = text[m.end() :].lstrip()
        prev = before[-20:].split()
        if prev and (prev[-1] + " " + word) in _verbs_in_names():
            continue  # a word of a known name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên'
        if word == "tổ chức" and (_NOUN_AFTER.match(after) or _NOUN_BEFORE.search(before)):
            continue
        if word in ("thông tin", "quản lý", "phát triển", "bảo vệ", "cấp", "nắm", "mở", "cử") and _NOUN_BEFORE.search(before):
            continue
        if word == "thông tin" and re.search(r"\b(?:[Cc]ổng|[Tt]rang)\s*$", before) and re.match(r"(?i)điện tử", after):
            continue  # 'Cổng / Trang thông tin điện tử tỉnh': the portal's name, not the verb
        if word == "cấp" and re.match(r"^(?:huyện|tỉnh|xã|thành phố|trung ương|ủy|uỷ|có thẩm quyền|trên|dưới|cơ sở)", after):
            continue
        if word == "cấp" and _LEVEL_BEFORE.search(before):
            continue  # 'doanh nghiệp thứ cấp', 'trình độ trung cấp', 'lý luận cao cấp': a level, not 'to grant'
        if word == "hỗ trợ" and _NOUN_BEFORE.search(before):
            continue
        if word == "giúp" and after.startswith("việc"):
            continue
        if word == "xúc tiến" and _NOUN_BEFORE.search(before):
            continue
        if "Hội đồng" in before and any(c.start() < m.start() < c.end() for c in _COUNCIL.finditer(text, 0, m.end() + 60)):
            continue  # 'Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh': a council's name
        return m
    return None
