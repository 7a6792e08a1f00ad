"""Where a body's name stops and its task starts: the task verbs (and time adverbs) in lower case, and the
places where such a word is a noun or a word of a name instead."""

from __future__ import annotations

import functools
import re

from dondoc.plans.fastre import word_trie

# Where the name stops and the task starts: a verb (or time adverb) in lower case.
VERBS = [
    "chủ trì", "phối hợp", "tham mưu", "tổ chức", "triển khai", "thực hiện", "tăng cường", "tiếp tục",
    "đẩy mạnh", "xây dựng", "hướng dẫn", "chỉ đạo", "theo dõi", "đôn đốc", "kiểm tra", "giám sát",
    "rà soát", "hỗ trợ", "bảo đảm", "đảm bảo", "chủ động", "khẩn trương", "tập trung", "nghiên cứu",
    "quan tâm", "bám sát", "căn cứ", "có trách nhiệm", "chịu trách nhiệm", "là cơ quan", "là đơn vị",
    "là đầu mối", "làm đầu mối", "làm cơ quan đầu mối", "làm cơ quan thường trực", "gửi", "báo cáo", "tổng hợp", "cung cấp", "phát huy", "vận động", "tuyên truyền",
    "nâng cao", "huy động", "bố trí", "cử", "ban hành", "trình", "đề xuất", "kiến nghị", "lãnh đạo", "thường xuyên",
    "định kỳ", "kịp thời", "duy trì", "quản lý", "cập nhật", "phổ biến", "quán triệt", "tiến hành",
    "ưu tiên", "đề nghị", "tiên phong", "mở", "tích cực", "sớm", "nghiêm túc", "thống nhất", "chuẩn bị",
    "phân công", "phân bổ", "cân đối", "thẩm định", "giải quyết", "xử lý", "tạo điều kiện", "khuyến khích",
    "hoàn thành", "hoàn thiện", "theo chức năng", "theo lĩnh vực", "theo thẩm quyền", "theo dõi", "căn cứ chức năng", "trong phạm vi",
    "thúc đẩy", "làm tốt", "phát triển", "ứng dụng", "đổi mới", "nắm", "lồng ghép", "giữ vững",
    "tiếp nhận", "điều phối", "cấp", "thông tin", "tư vấn", "bảo vệ", "tuân thủ", "chấp hành",
    "áp dụng", "từng bước", "xem xét", "quyết định", "xác định", "họp", "phải", "cần",
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
    "lấy ý kiến",  # 'Vụ Pháp chế lấy ý kiến các bộ, ngành ...' (drafting a text: consulting is the drafter's task)
    "phản ánh",  # '..., nếu có khó khăn, vướng mắc, các sở, ngành phản ánh về Sở Y tế' (not the noun: find_verb)
    "yêu cầu",  # 'Ban Quản lý chợ yêu cầu các hộ kinh doanh ...' (not the noun: 'theo yêu cầu', 'đáp ứng yêu cầu': find_verb)
    "làm việc với",  # 'Trạm Y tế xã làm việc với các cơ sở ...'
    "nêu cao",  # 'Các sở, ngành nêu cao trách nhiệm người đứng đầu ...'
]
# (the verbs as a trie: the same matches as their alternation sorted longest first, without trying every verb at
# every word)
_VERB_RE = re.compile(r"(?<![\wÀ-ỹ])" + word_trie(VERBS) + r"(?![\wÀ-ỹ])")
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


# "tổ chức" is a noun in "các tổ chức chính trị - xã hội", "tổ chức, cá nhân".
_NOUN_AFTER = re.compile(
    r"^(?:chính trị|xã hội|thành viên|cá nhân|kinh tế|đoàn thể|quốc tế|tín dụng|cung cấp|tôn giáo|"
    r"hội(?!\s+(?:nghị|thảo|thi|diễn|chợ|trại|giảng|báo|khỏe|thao|họp|ý|đàm))|phi chính phủ|,|và|có liên quan|liên quan|thực hiện|đảng|cơ sở đảng)"
)
_NOUN_BEFORE = re.compile(r"(?:[Cc]ác|[Vv]à|,|[Nn]hững|[Mm]ọi|của|cho|với|Ban|Trung tâm)\s*$")


# a verb after these is a noun: 'Việc huấn luyện ...', 'trong công tác tổ chức sơ tán', 'sự phối hợp'
# ('Tổ công tác triển khai Đề án 06': a team's name)
NOMINAL = re.compile(r"(?<![\wÀ-ỹ])(?:[Vv]iệc|[Ss]ự|(?<![Tt]ổ )(?<![Đđ]oàn )[Cc]ông tác)\s+$")
# between two verbs of one phrase: 'việc rà soát, cập nhật', 'sự kiểm tra, giám sát', 'công tác tổ chức sơ tán'
_SERIAL = re.compile(r"\s*(?:,|và|hoặc)?\s*")


def task_verb(text: str) -> re.Match[str] | None:
    """The first task verb that is no noun: not one a nominaliser makes a noun of ('trong việc triển khai', 'sự phối
    hợp'), nor one joined to such a noun ('công tác tổ chức sơ tán', 'sự kiểm tra, giám sát')."""
    nominal = -1  # where the last verb made a noun ends
    pos = 0
    while (m := find_verb(text, pos)) is not None:
        if not (NOMINAL.search(text, max(0, m.start() - 12), m.start())
                or (nominal >= 0 and _SERIAL.fullmatch(text, nominal, m.start()) is not None)):
            return m
        nominal = pos = m.end()
    return None
# 'yêu cầu' is a noun after these: 'theo yêu cầu', 'đáp ứng yêu cầu', 'các yêu cầu', 'có yêu cầu'
_DEMAND_NOUN = re.compile(r"(?<![\wÀ-ỹ])(?:theo|đáp ứng|với|các|những|mọi|có|đủ|đạt|của|và|về|so với|là|cao|thực tế)\s+$", re.I)


_LEVEL_BEFORE = re.compile(r"(?<![\wÀ-ỹ])(?:thứ|sơ|trung|cao)\s+$")


# the coordinating councils every level of government has: their names hold words that are verbs elsewhere
_COUNCIL = re.compile(r"Hội đồng\s+[Pp]hối hợp\s+(?:công tác\s+)?(?:phổ biến,?\s+giáo dục pháp luật|liên ngành)", re.I)


def verb_in_name(before: str, word: str) -> bool:
    """`word`, a task verb, is a word of a known name that `before` opens ('Quỹ Đầu tư' + 'phát triển')."""
    prev = before[-30:].split()
    return bool(prev) and ((prev[-1] + " " + word) in _verbs_in_names() or " ".join([*prev[-2:], word]) in _verbs_in_names())


@functools.cache
def _verbs_in_names() -> frozenset[str]:
    """'<word> <verb>' pairs inside the gazetteer's names ('Giáo dục thường xuyên', 'Cảnh sát quản lý', 'Hậu cần'):
    there the verb is a word of the name."""
    from dondoc.plans.gazetteer import names

    out: set[str] = set()
    # a word that ends a known name may be followed by the verb ('Sở Nội vụ | tổng hợp' beside 'Trung tâm Dịch vụ tổng
    # hợp'): after it only the two words before the verb tell the name
    ends = {n.split()[-1] for n in names().values()}
    for name in names().values():  # as written: a capitalised word of a name ('Ban Xây dựng Đảng') is no verb anyway
        for m in _VERB_RE.finditer(name):
            prev = name[: m.start()].split()
            if prev and prev[-1] not in ends:
                out.add(prev[-1] + " " + m.group(0))
            if len(prev) > 1:
                out.add(" ".join(prev[-2:]) + " " + m.group(0))
    return frozenset(out)


# Words that are task verbs elsewhere but also name the field of a ministry's department or a national
# council ('Cục Công nghệ thông tin', 'Cục Trợ giúp pháp lý', 'Cục Quản lý, giám sát bảo hiểm', 'Vụ Các vấn đề chung
# về xây dựng pháp luật', 'Cục Đăng ký quốc gia giao dịch bảo đảm', 'Hội đồng Quốc gia về phát triển bền vững', an
# election's 'Tiểu ban Thông tin, tuyên truyền').
FIELD_WORDS = frozenset(["thông tin", "giúp", "bảo đảm", "giám sát", "xây dựng", "phát triển", "quản lý", "xử lý",
                         "theo dõi", "kiểm tra", "hỗ trợ", "tư vấn", "xúc tiến", "bảo vệ", "đánh giá", "thẩm định",
                         "điều phối", "phổ biến", "cung cấp", "ứng dụng", "đổi mới", "tuyên truyền"])
# the role a body takes straight after its name
_ROLE = re.compile(r"(?<![\wÀ-ỹ])(?:chủ trì|phối hợp(?= với| [a-zđà-ỹ]+ [a-zđà-ỹ]+)|có trách nhiệm|chịu trách nhiệm|"
                   r"là cơ quan|là đơn vị|là đầu mối|làm đầu mối|làm cơ quan|tham mưu)(?![\wÀ-ỹ])")
# what a verb's object holds and a department's field does not: a document or plan drafted ('xây dựng quy chế phối hợp
# với ...', 'kế hoạch phối hợp'), a plural object, a preposition, a conjunction before the role
_NOT_FIELD = re.compile(r"(?<![\wÀ-ỹ])(?:các|những|mọi|cho|với|của|tại|trong|đến|để|do|và|hoặc|đồng thời|kế hoạch|quy chế|"
                        r"cơ chế|chương trình|đề án|phương án|văn bản|dự thảo|báo cáo|hồ sơ|mô hình|tài liệu|quy định|"
                        r"nội dung|hướng dẫn|giải pháp|biện pháp|chính sách|việc)(?![\wÀ-ỹ])")


# the syllables before 'trình' and 'cử' that make one noun with them
_NOUN_FIRST = {"trình": frozenset(["chương", "công", "quy", "lộ", "tờ", "hành", "tiến", "giáo", "phương", "lịch"]),
               "cử": frozenset(["bầu", "ứng", "tuyển"])}


_AND_CAPITAL = re.compile(r"\svà\s+(?=[A-ZĐÀ-Ỹ])")
_GOVERNED = re.compile(r"(?<![\wÀ-ỹ])(?:về|trên|tới|đến|theo)(?![\wÀ-ỹ])")  # 'tuyên truyền về Kế hoạch': a verb's complement


def _field_of_name(text: str, m: re.Match[str]) -> bool:
    """The verb-like word names a department's field: the department's role follows within a few words, with no
    punctuation, no other verb and nothing an object would hold between ('Cục Công nghệ thông tin chủ trì ...')."""
    after = text[m.end() : m.end() + 90]
    role = _ROLE.search(after)
    if role is None:
        return False
    gap = after[: role.start()].rstrip()
    gap = gap[:-1] if gap.endswith(":") else gap  # 'Cục Trợ giúp pháp lý: chủ trì ...'
    if " và " in gap:  # ('Trung tâm Công nghệ thông tin và Truyền thông tỉnh chủ trì': 'và' before a capital joins names)
        gap = _AND_CAPITAL.sub(" ", gap)
    if len(gap.split()) > 5 or any(c in gap for c in ",;:.()") or _NOT_FIELD.search(gap):
        return False
    return all(v.group(0) in FIELD_WORDS for v in _VERB_RE.finditer(gap))


def field_ends_name(text: str, m: re.Match[str]) -> bool:
    """A heading ending in a department's field ('1. Cục An toàn thông tin', '2. Cục Quản lý, giám sát bảo hiểm'): the
    verb-like word has at most four words after it, none a verb, and nothing else on the line; the words before it are
    no known name."""
    from dondoc.plans.gazetteer import entries, name_key

    rest = text[m.end() :].strip(" .:;")
    if name_key(text[: m.start()].strip(" ,")) in entries():
        return False  # 'Sở Y tế kiểm tra an toàn thực phẩm': a known name, then its duty
    return (m.group(0) in FIELD_WORDS and len(rest.split()) <= 4 and not any(c in rest for c in ",;:.()")
            and not _NOT_FIELD.search(rest) and not _GOVERNED.search(rest) and _VERB_RE.search(rest) is None)


def find_verb(text: str, start: int = 0) -> re.Match[str] | None:
    """The first lower-case task verb at or after `start` that is not part of a name."""
    for m in _VERB_RE.finditer(text, start):
        word = m.group(0)
        before = text[: m.start()]
        after = text[m.end() :].lstrip()
        prev = before[-20:].split()
        if word == "yêu cầu" and (_DEMAND_NOUN.search(before, max(0, len(before) - 12))
                                  or after.startswith(("của", "đặt", "ra", "nhiệm vụ", "về"))):
            continue  # 'theo yêu cầu', 'yêu cầu của Bộ': the noun
        if verb_in_name(before, word):
            continue  # a word of a known name: 'Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên'
        if word == "tổ chức" and (_NOUN_AFTER.match(after) or _NOUN_BEFORE.search(before)):
            continue
        if word in ("thông tin", "quản lý", "phát triển", "bảo vệ", "cấp", "nắm", "mở", "cử") and _NOUN_BEFORE.search(before):
            continue
        if word == "thông tin" and before[-12:].lower().rstrip().endswith("công nghệ"):
            continue  # 'Trung tâm Công nghệ thông tin tỉnh xây dựng ...': information technology, a noun
        if word == "thông tin" and re.search(r"\b(?:[Cc]ổng|[Tt]rang)\s*$", before) and re.match(r"(?i)điện tử", after):
            continue  # 'Cổng / Trang thông tin điện tử tỉnh': the portal's name, not the verb
        if word == "cấp" and re.match(r"^(?:huyện|tỉnh|xã|thành phố|trung ương|ủy|uỷ|có thẩm quyền|trên|dưới|cơ sở)", after):
            continue
        if word == "cấp" and _LEVEL_BEFORE.search(before):
            continue  # 'doanh nghiệp thứ cấp', 'trình độ trung cấp', 'lý luận cao cấp': a level, not 'to grant'
        if word in ("hỗ trợ", "phản ánh") and _NOUN_BEFORE.search(before):
            continue
        if word == "giúp" and after.startswith("việc"):
            continue
        if word == "xúc tiến" and _NOUN_BEFORE.search(before):
            continue
        if word in ("trình", "cử") and prev and prev[-1].lower() in _NOUN_FIRST[word]:
            continue  # 'Chương trình', 'công trình', 'quy trình'; 'Ủy ban bầu cử': one noun, not 'to submit', 'to send'
        if word in FIELD_WORDS and _field_of_name(text, m):
            continue  # 'Cục Công nghệ thông tin chủ trì ...': a word of the department's name
        if "Hội đồng" in before and any(c.start() < m.start() < c.end() for c in _COUNCIL.finditer(text, 0, m.end() + 60)):
            continue  # 'Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh': a council's name
        return m
    return None
