"""Where an item stands in a plan, and whom it names: the sections that give no tasks (scope, purpose and
requirements), the generic names that are no lead, and an item's body being its heading's body."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from dondoc.plans.bodies import HEAD, is_body_start, leading_body, split_bodies
from dondoc.plans.gazetteer import canonical, entries, is_generic, name_key
from dondoc.plans.labelled import TIME_LABEL
from dondoc.plans.subjects import _sentence_body
from dondoc.plans.tree import Node
from dondoc.plans.verbs import find_verb


def _same_as_heading(name: str, heading: str) -> bool:
    """The body an item names is (part of) the body its heading names."""
    def key(x: str) -> str:
        return re.sub(r"^(?:các|những)\s+", "", " ".join(x.lower().split()))

    n = key(name)
    return bool(n) and (n in key(heading) or key(split_bodies(name)[0] if split_bodies(name) else name) in key(heading))


# 'Khuyến khích tổ chức, cá nhân đầu tư ...', 'Khuyến khích các doanh nghiệp ...': the issuer encourages firms and
# people; said on its own in a list of measures, it gives no one a task (golds 26, 47). Under a heading that names
# them ('6. Các doanh nghiệp ...' / '- Khuyến khích các doanh nghiệp ...') it is a request to that heading's body.
_ENCOURAGED = re.compile(
    r"^(?:[-–+•·*]\s*)?Khuyến khích\s+(?:các\s+|mọi\s+|những\s+)?(?:tổ chức,\s*(?:cá nhân|doanh nghiệp)|cá nhân|doanh nghiệp|"
    r"nhà đầu tư|hợp tác xã|người|hộ\b|cộng đồng|thành phần kinh tế|khu vực tư nhân|cơ sở sản xuất)", re.I)


def encourages_private(text: str) -> bool:
    """The sentence encourages firms or people (no task of a body)."""
    return bool(_ENCOURAGED.match(text))


def same_kind(name: str, heading: str) -> bool:
    """'các doanh nghiệp đầu tư' under 'Các doanh nghiệp thứ cấp ...': a collective of the heading's kind (its
    first two words after 'các')."""
    def kind(x: str) -> list[str]:
        return re.sub(r"^(?:các|những)\s+", "", " ".join(x.lower().split())).split()[:2]

    k = kind(name)
    return len(k) == 2 and k == kind(heading)


_CAN_CU = re.compile(r"^(?:[-–+•·*]\s*)?Căn cứ\b")
_SCOPE = re.compile(r"^(?:Đối tượng|ĐỐI TƯỢNG)\b")
_DANGLING_COOP = re.compile(r"^(?:chủ trì\s*,?\s*)?phối hợp(?:\s+với)?\s*:?$", re.I)


def _in_scope_section(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if n.kind != "roman" and _SCOPE.match(n.title or ""):
            return True
        n = n.parent
    return False


# sections that name bodies without giving them work: an emulation plan's scope, criteria, awards and quotas
# ('Đối tượng thi đua', 'Nội dung và tiêu chí thi đua', 'Hình thức khen thưởng', 'Cơ cấu, số lượng khen
# thưởng', 'Tiêu chuẩn, quy trình xét khen thưởng'); who attends or is inspected ('Thành phần tham dự',
# 'Đoàn kiểm tra', 'Đơn vị được kiểm tra'); what was done or stands today ('Kết quả thực hiện năm 2024',
# 'Thực trạng', 'Tồn tại, hạn chế', 'Đánh giá tình hình') — unless the title also names the work to do
_AWARD_PART = re.compile(r"^(?:đối tượng|nội dung|tiêu chí|tiêu chuẩn|phạm vi|hình thức|cơ cấu|số lượng|quy trình|danh hiệu)\b"
                         r".*\b(?:thi đua|khen thưởng)\b")
_ROSTER = re.compile(r"^(?:thành phần|đoàn kiểm tra|đoàn công tác|đoàn giám sát|đơn vị được kiểm tra|đơn vị được giám sát)\b")
_ACCOUNT = re.compile(r"^(?:(?:đánh giá|sơ kết|tổng kết)\s+)?(?:kết quả|thực trạng|tình hình|hiện trạng|bối cảnh|tồn tại|hạn chế|"
                      r"khó khăn|nguyên nhân)\b")
# (a title that also names the work, or the procedure of awards — 'Tiêu chuẩn, hình thức, hồ sơ khen thưởng',
# 'Nội dung thi đua, phương án triển khai' — holds the units' duties: who sends the dossiers, who carries it out)
_TASK_WORDS = re.compile(r"nhiệm vụ|giải pháp|tổ chức|trách nhiệm|phân công|mục tiêu|kế hoạch năm|phương hướng|"
                         r"hồ sơ|thủ tục|quy trình|phương án|triển khai|cách thức|thời gian")


# the issuer's proposals to the level above ('V. KIẾN NGHỊ, ĐỀ XUẤT': 'Bộ Y tế kiến nghị Thủ tướng Chính phủ giao Bộ Tài
# chính ...'): asked of no one the plan tasks (a section's title, alone: '3. Đề xuất sửa đổi Luật' and '1. Kiến nghị' under
# the tasks are a task's title)
_PROPOSALS = re.compile(r"^(?:kiến nghị|đề xuất)(?:\s*(?:,|và)\s*(?:kiến nghị|đề xuất))?\s*:?$")
# (not a title that also names the work ahead: '... và nhiệm vụ năm 2026', '..., dự kiến nhiệm vụ năm 2026', '... và phân
# công nhiệm vụ'; 'tình hình' accounts for a past period only when it names one — 'Tình hình thực hiện nhiệm vụ năm
# 2025' —: '5. Tình hình triển khai' in the tasks is what is to be followed and reported)
_DONE = re.compile(r"^(?:đánh giá\s+)?(?:kết quả|tình hình(?=.*(?:19|20)\d\d|.*(?:thời gian qua|nhiệm kỳ|giai đoạn)))"
                   r" (?:thực hiện|triển khai)\b"
                   r"(?!.*(?:\bvà|,)\s*(?:[\wÀ-ỹ]+\s+){0,2}?(?:nhiệm vụ|phương hướng|kế hoạch|giải pháp|phân công))")
# a task written on the heading's line after its label: '3. Kết quả thực hiện: Sở Tài chính báo cáo Sở Nội vụ ...'
_LABEL_THEN_TASK = re.compile(r":\s+(?=\S)")


# the aims: 'Mục tiêu', 'Mục tiêu chung', 'Mục tiêu cụ thể đến năm 2030', 'Chỉ tiêu', 'Mục tiêu, chỉ tiêu' — the bodies
# an aim names are what it is about ('Phấn đấu 100% các sở, ngành ... được ...', 'Các xã, phường đạt chuẩn ...'),
# targets, not assignments (golds 24, 26, 28, 49) — unless the title also names the work ('Mục tiêu, nhiệm vụ')
_AIM = re.compile(r"^(?:mục tiêu|chỉ tiêu)\b")
_AIM_AND_WORK = re.compile(r"nhiệm vụ|giải pháp|tổ chức|trách nhiệm|phân công|triển khai|hoạt động|nội dung")


@functools.lru_cache(maxsize=4096)  # (asked for every item of every section above it)
def _no_task_title(title: str) -> bool:
    t = " ".join(title.lower().split())
    t = re.sub(r"^[\W\d]+", "", t)
    if t and len(t) <= 120 and not re.search(r"\.\s", t) and _AIM.match(t) and not _AIM_AND_WORK.search(t):
        return True
    if t and len(t) <= 120 and _DONE.match(t):
        return not _task_after_label(title)  # 'Kết quả thực hiện nhiệm vụ năm 2024' (the tasks done), not '... và nhiệm vụ năm 2025'
    if not t or len(t) > 120 or re.search(r"\.\s", t) or _TASK_WORDS.search(t):
        return False  # (a long title or one holding a sentence is a task written on the heading's line)
    return bool(_AWARD_PART.match(t) or _ROSTER.match(t) or _ACCOUNT.match(t)) and not _task_after_label(title)


def _task_after_label(title: str) -> bool:
    """The title is a label and a body's task after its colon ('Kết quả thực hiện: Sở Tài chính báo cáo ...')."""
    from dondoc.plans.statements import states_fact

    m = _LABEL_THEN_TASK.search(title)
    if m is None:
        return False
    rest = title[m.end() :]
    lb = leading_body(rest)
    return lb is not None and not states_fact(rest)


def accounts_for_past(title: str) -> bool:
    """An annex's title that accounts for what was done ('PHỤ LỤC I' / 'KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024'): its rows
    name the bodies that had the tasks, no task of this plan."""
    t = re.sub(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s*)?(?:[IVX]{1,4}|\d{1,2})\b)?\s*[.:–-]?\s*", "", title.strip(), flags=re.I)
    low = " ".join(t.lower().split())
    return bool(low) and bool(_DONE.match(low) or (_ACCOUNT.match(low) and not _TASK_WORDS.search(low)))


def in_no_task_section(node: Node) -> bool:
    """The item stands in a section that names bodies without giving them work (see _no_task_title), or in a
    part that accounts for what was done ('PHẦN I. KẾT QUẢ THỰC HIỆN NĂM 2024', 'A. ĐÁNH GIÁ TÌNH HÌNH ...')."""
    if node.part_title and _no_task_title(node.part_title):
        return True
    n: Node | None = node
    while n is not None:
        if n.title and (_no_task_title(n.title) or (n.kind in ("roman", "cap") and _PROPOSALS.match(n.title.lower().strip()))):
            return True
        n = n.parent
    return False


# names that place a person in a team rather than give a body work: a team's roster ('Trưởng đoàn: ...',
# 'Thành viên: ...'), a board's composition ('Ban Chỉ đạo do Chủ tịch UBND tỉnh làm Trưởng ban; ...; thành
# viên là ...'), the emulation council's review ('Hội đồng Thi đua - Khen thưởng tỉnh xét, đề nghị ...')
_ROSTER_NAME = re.compile(
    r"^(?:Trưởng đoàn|Phó [Tt]rưởng đoàn|Thành viên|Thư ký|Báo cáo viên|Giảng viên|Đại biểu|Khách mời)$"
    r"|\slàm\s+(?:Trưởng|Phó|[Tt]hành viên|Tổ trưởng|Tổ phó|Thư ký|Ủy viên|Uỷ viên|Chủ tịch)\b|\s(?:là|gồm)$"
    r"|^Hội đồng [Tt]hi đua\b.*\s(?:xét|bình xét|họp xét)$")
# a day's programme: '- 8h00 - 8h15: Đón tiếp đại biểu (Văn phòng UBND tỉnh)', '14 giờ 00: ...'
_CLOCK = re.compile(r"^[-–+•·*\s]*(?:Từ\s+)?\d{1,2}\s*(?:h|giờ|g)\s*\d{0,2}(?:\s*phút)?\s*(?:[-–]|đến|:)")


def not_given_work(a: dict[str, Any]) -> bool:
    """An assignment read from a roster, a board's composition, a council's review or a programme line."""
    return any(_ROSTER_NAME.search(x) for x in a["lead"]) or bool(a["text"][:12].strip(" -–+•·*")[:1].isdigit()
                                                                     and _CLOCK.match(a["text"]))


def _in_purpose_section(node: Node) -> bool:
    n: Node | None = node
    while n is not None:
        if _PURPOSE.match(n.title or ""):
            return True
        n = n.parent
    return False


# ('Thủ trưởng các sở, ban, ngành, địa phương' names the heads of the departments: not vague)
_VAGUE = re.compile(r"^(?:(?:Thủ trưởng|Người đứng đầu|Lãnh đạo)\b(?!\s+(?:các\s+)?(?:sở|bộ|ban|UBND|Ủy ban)\b)|Các cấp\b)"
                    r"|được giao|được phân công|chủ trì nhiệm vụ", re.I)


def _vague(name: str) -> bool:
    """A lead that names no one in particular: 'Các đơn vị chủ trì nhiệm vụ được giao',
    'Thủ trưởng các cơ quan', 'các cơ quan, đơn vị liên quan'."""
    return is_generic(name) or bool(_VAGUE.search(name))


# 'I. MỤC ĐÍCH, YÊU CẦU', '2. Yêu cầu': what the plan wants, said of everyone ('Thủ trưởng các
# cơ quan ... phải ...'), not tasks given to someone
_PURPOSE = re.compile(r"^(?:MỤC ĐÍCH|Mục đích|YÊU CẦU|Yêu cầu)(?:\s*(?:,|và|-|–)\s*(?:YÊU CẦU|yêu cầu|Yêu cầu))?\W*$")
# '- Thủ trưởng các sở, ngành ... phải chịu trách nhiệm ...', 'Cán bộ, công chức ... phải gương mẫu chấp hành ...',
# 'Sở A, Sở B cũng phải ...': in that section, what everyone named must do or answer for, a requirement held to them,
# not a task given to them. Its subject before 'phải' holds no verb (_MUST), or is only the bodies named (_MUST_AFTER:
# the modal straight after their names).
_MUST = re.compile(r"^[-–+•\s]*([^.;:]{2,200}?)\s+(?:đều\s+|cần\s+)?phải\s")
_MUST_AFTER = re.compile(r"\s(?:(?:đều|cũng|luôn)\s+)?phải\s")


def states_requirement(text: str, leads: list[str]) -> bool:
    """Whether a sentence of the Mục đích / Yêu cầu section says what its subject must do or be ('X phải ...'),
    rather than give its bodies (`leads`) a task."""
    m = _MUST.match(text)
    return (m is not None and find_verb(m.group(1)) is None) or _only_leads_before_must(text, leads)


def _only_leads_before_must(text: str, leads: list[str]) -> bool:
    m = _MUST_AFTER.search(text, 0, 400)
    if m is None or not leads:
        return False
    rest = text[: m.start()]
    for x in leads:
        if x not in rest:
            return False
        rest = rest.replace(x, " ")
    return len(re.findall(r"[\wÀ-ỹ]+", rest.replace(" và ", " "))) <= 1


_BRACKET_TIME = re.compile(r"\(([^()]{3,60})\)\W*$")


def heading_timing(produced: list[dict[str, Any]], title: str, timing: Callable[[str], dict[str, Any]]) -> None:
    """'1. Tổng hợp số liệu (Quý III/2025)': the heading's bracketed time holds for its tasks that state none."""
    m = _BRACKET_TIME.search(title or "")
    if m is None or not any(a["timing"]["kind"] == "unspecified" for a in produced):
        return
    t = timing(m.group(1))
    if t["kind"] == "unspecified":
        return
    for a in produced:
        if a["timing"]["kind"] == "unspecified":
            a["timing"] = dict(t)


def pass_down(node: Node, produced: list[dict[str, Any]], lines: list[str], section_time: dict[int, dict[str, Any]],
              timing: Callable[[str], dict[str, Any]]) -> None:
    """'1. Tuyên truyền ...' / 'Thời gian thực hiện: Quý III/2026.' / 'a) Sở X chủ trì ...': a time line of a section that
    gives no task itself holds for the tasks of its sub-sections that state none."""
    if not produced and node.children:
        value = next((tl.group(1).strip() for x in lines if (tl := TIME_LABEL.match(x)) and tl.group(1).strip()), None)
        if value and (t := timing(value))["kind"] != "unspecified":
            section_time[id(node)] = t
    up = node.parent
    while up is not None and id(up) not in section_time:
        up = up.parent
    if up is not None:
        for a in produced:
            if a["timing"]["kind"] == "unspecified":
                a["timing"] = dict(section_time[id(up)])


# 'Sở Tài chính phối hợp với Sở Khoa học và Công nghệ (chủ trì) xây dựng ...': the bracket names the lead
_LED_IN_BRACKETS = re.compile(r"phối hợp(?:\s+với)?\s+([^()]{3,120}?)\s*\((?:là\s+)?(?:cơ quan\s+|đơn vị\s+)?chủ trì\)", re.I)


def led_in_brackets(text: str, lead: list[str], support: list[str]) -> tuple[list[str], list[str]]:
    """The lead and the support of a task whose partner is marked '(chủ trì)'; unchanged otherwise."""
    m = _LED_IN_BRACKETS.search(text) if "chủ trì)" in text else None
    if m is None:
        return lead, support
    names = split_bodies(m.group(1))
    if not names or not all(is_body_start(n) for n in names):
        return lead, support
    marked = names[-1]  # 'phối hợp với A, B (chủ trì)': the bracket follows the name it marks
    return [marked], [*lead, *(s for s in support if s != marked and s not in lead)]


# '1. Trách nhiệm của Sở Nội vụ' / '- Hướng dẫn ...': a heading owning the duties listed under it
_OWNED_HEADING = re.compile(r"^(?:Trách nhiệm|Nhiệm vụ)(?:\s+(?:cụ thể|chủ yếu|chính))?\s+của\s+(.{4,120}?)[\s:.]*$", re.I)


def owned_heading(title: str) -> tuple[str, bool] | None:
    """The body a 'Trách nhiệm của X' / 'Nhiệm vụ của X' heading names, as (name, request=False)."""
    m = _OWNED_HEADING.match(title)
    if m is None:
        return None
    name = canonical(m.group(1))
    return (name, False) if is_body_start(name) and not re.search(r"\d|[;.]", name) else None


# 'Chủ trì, phối hợp với các sở, ngành, UBND các xã', 'Phối hợp với Sở Y tế', 'Chủ trì': a body's role and its
# partners, with no task of its own (the tasks are the items below it)
_ROLE = re.compile(r"^(?:chủ trì(?:\s*,\s*|\s+và\s+|\s+)?)?(?:phối hợp(?:\s+chặt chẽ)?(?:\s+với)?(?:\s+(?P<with>\S.*))?)?$", re.I)
# 'Sở Tài chính chủ trì, phối hợp các sở, ban, ngành', 'Chủ tịch Ủy ban nhân dân cấp xã chỉ đạo': a body and its role
_ROLE_WORD = re.compile(r"^(?:chỉ đạo|thực hiện|có trách nhiệm|chịu trách nhiệm)$", re.I)


# what follows the partners: the field of the joint work ('phối hợp với Sở Y tế trong công tác phòng, chống
# dịch', '... về kinh phí'), or the bare 'thực hiện' closing a role title ('Sở X chủ trì, phối hợp với Y thực hiện')
_ROLE_TASKS = re.compile(r"^(?:các\s+)?nhiệm vụ\s+(?=chủ trì|phối hợp)", re.I)
_BARE_ROLE = re.compile(r"^(?:chủ trì|phối hợp)\s+(?:thực hiện|triển khai)$", re.I)
_QUALIFIER = re.compile(r"\s(?:trong|về|để|nhằm|theo|tại|đối với)\s")
_ROLE_END = re.compile(r"\s+(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện\s*$")


def support_of_role(text: str) -> list[str] | None:
    """The support a role phrase gives the tasks below it: its partners after 'Chủ trì, phối hợp với', none
    after a bare 'Phối hợp với X' (X leads that joint work; the gold keeps the heading's body as lead and
    names no support); None when the text is no role phrase."""
    partners = role_partners(text)
    if partners is None:
        return None
    return partners if re.match(r"^[-–+•·*\s]*chủ trì", text, re.I) else []


def role_partners(text: str) -> list[str] | None:
    """The partners a role phrase names ([] for 'Chủ trì' alone); None when the text is not a role
    phrase but a task ('Chủ trì, phối hợp với các sở xây dựng kế hoạch ...')."""
    t = re.sub(r"^[-–+•·*\s]+", "", text).strip().rstrip(":").strip()
    t = _ROLE_TASKS.sub("", t)  # 'Nhiệm vụ chủ trì', 'Các nhiệm vụ phối hợp': the role's tasks follow
    if _BARE_ROLE.match(t):
        return []  # 'Chủ trì thực hiện', 'Phối hợp thực hiện'
    m = _ROLE.match(t)
    if not t or m is None or not re.match(r"^(?:chủ trì|phối hợp)", t, re.I):
        return None
    rest = _ROLE_END.sub("", _QUALIFIER.split(m.group("with") or "", maxsplit=1)[0]).strip(" ,")
    if not rest:
        return []
    names = split_bodies(rest)
    if find_verb(rest) is not None or re.search(r"[.;(]", rest) or not names or not all(is_body_start(n) for n in names):
        return None
    return names


def _bare_head(name: str) -> bool:
    """A head word alone ('Ban', 'Trung tâm', 'Đơn vị', 'Cơ quan'): no body's name."""
    m = HEAD.match(name)
    return m is not None and not name[m.end() :].strip(" ,.:")


def _whole_name(text: str) -> bool:
    """The heading is itself a known name ('Ban Chỉ đạo tỉnh'), its 'role word' a part of it."""
    return name_key(text) in entries()


def role_heading(title: str) -> tuple[str, list[str], bool] | None:
    """A heading naming a body and its role but no task, its duties listed below it: (name, support,
    request) for '8.1. Sở Tài chính chủ trì, phối hợp các sở, ban, ngành' or '3.9. Chủ tịch Ủy ban nhân
    dân cấp xã chỉ đạo' (support as support_of_role gives it)."""
    t = title.strip()
    if len(t) > 200 or re.search(r"[.;]$", t):
        return None
    lb = leading_body(t)
    if lb is None:
        return None
    name, rest, req = lb
    rest = rest.strip().rstrip(":").strip()
    if _bare_head(name) or _whole_name(t.rstrip(": ")):
        return None  # 'Ban chỉ đạo', 'Đơn vị chịu trách nhiệm', 'Hội đồng thực hiện': a head noun, or a name itself
    if _ROLE_WORD.match(rest):
        return name, [], req
    partners = support_of_role(rest)  # 'Sở X phối hợp với Y': X's part in Y's work, Y no support of X's
    return (name, partners, req) if partners is not None else None


def role_head(title: str) -> tuple[str, bool] | None:
    """role_heading as (name, request), the form _heading_body gives."""
    rh = role_heading(title)
    return (rh[0], rh[2]) if rh is not None else None


# '5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp' over '- Phối hợp ...', '- Tạo điều kiện ...': a
# collective has no proper name, it is designated by what it does, verbs and all ('các doanh nghiệp hoạt động trong
# lĩnh vực xây dựng', 'các nhà đầu tư xây dựng và kinh doanh hạ tầng'); over duties that name no one, the whole
# unpunctuated heading is its name. A heading giving the collective a part ('Các sở chủ trì ...', 'Các xã triển
# khai thực hiện') designates no one.
_DESIGNATED = re.compile(r"^(?:Các|Những)\s+[a-zà-ỹđ]")
_PART_WORDS = re.compile(r"(?<![\wÀ-ỹ])(?:chủ trì|phối hợp|tham mưu|trách nhiệm|chỉ đạo|triển khai|thực hiện)(?![\wÀ-ỹ])", re.I)


def designated_collective(title: str, bullets: list[str]) -> tuple[str, bool] | None:
    """The collective a heading designates by what it does, as (name, request=False), when two or more bullets
    under it give duties and most name no body of their own; None otherwise."""
    t = title.strip()
    if len(t) > 160 or t.endswith((".", ";", ":", ",")) or not _DESIGNATED.match(t) or _PART_WORDS.search(t):
        return None
    if len(bullets) < 2 or leading_body(t) is None or role_heading(t) is not None:
        return None
    if 2 * sum(1 for b in bullets if _sentence_body(b)) >= len(bullets):
        return None
    return t, False


_OWNED = re.compile(r"^(?:NHIỆM VỤ|Nhiệm vụ|TRÁCH NHIỆM|Trách nhiệm)\b[^:;]{0,60}?\s(?:CỦA|của)\s+(.{4,90}?)\W*$")


def section_owner(node: Node) -> str | None:
    """'II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG': the items of the section are that
    body's duties when they name no one themselves (a collective owner is not taken)."""
    parent = node.parent
    if parent is None or not parent.title:
        return None
    m = _OWNED.match(parent.title)
    if not m:
        return None
    name = canonical(m.group(1))
    if not is_body_start(name) or is_generic(name) or re.search(r"\bcác\b", name.lower()):
        return None
    return name
