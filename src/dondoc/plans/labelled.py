"""Labelled lines under a task: '- Cơ quan chủ trì: ...', '- Cơ quan phối hợp: ...',
'- Thời gian thực hiện: ...' (also '+' sub-bullets, any order, one task or several in a row).

How Vietnamese plans write them:
- the labels of one task may come in any order ('Thời gian' before 'Đơn vị chủ trì');
- a label may stand alone with its values one per bullet below it ('- Cơ quan chủ trì:' then
  '+ Sở Y tế.' '+ Sở Tài chính.');
- a timing label may be split by body ('- Thời gian thực hiện:' then '+ Các bộ ... gửi kết quả
  ... trước ngày 15/12' '+ Bộ Công an tổng hợp ... trước ngày 31/12'): each lead gets the date of
  the line that names it;
- a lead label's value may be sentences ('Bộ X rà soát ...; các bộ, ngành rà soát ...'): the
  names are the subjects of those clauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from dondoc.plans.bodies import is_body_start, leading_body, split_bodies
from dondoc.plans.bracketed import marked_lead
from dondoc.plans.labelclauses import own_sentences
from dondoc.plans.support import split_role
from dondoc.plans.verbs import find_verb

# ('Đơn vị báo cáo: ...', 'Cơ quan gửi báo cáo: ...': who reports, in a reporting regime's label lines)
LEAD_LABEL = re.compile(
    r"^(?:(?:(?:Cơ quan|Đơn vị|Bộ phận|Cá nhân)(?:\s*,\s*(?:cán bộ|đơn vị|cá nhân))?\s+)?"
    r"(?:(?:chủ trì|thực hiện)(?:\s+(?:tham mưu|thực hiện|và phối hợp thực hiện|và phối hợp|tham mưu thực hiện|triển khai))*"
    r"|chịu trách nhiệm(?:\s+chính)?|đầu mối)|(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:gửi\s+|lập\s+)?báo cáo)\s*:\s*(.*)$",
    re.I,
)
SUPPORT_LABEL = re.compile(
    r"^(?:(?:Cơ quan|Đơn vị|Bộ phận)(?:\s*,\s*(?:cán bộ|đơn vị))?\s+)?phối hợp(?:\s+(?:thực hiện|tham mưu))?\s*:\s*(.*)$",
    re.I,
)
TIME_LABEL = re.compile(
    r"^(?:Thời gian|Thời hạn|Tiến độ)(?:(?:\s+|\s*/\s*)(?:thực hiện|hoàn thành|hoàn tất|triển khai|báo cáo|ban hành|trình|tổ chức|và|dự kiến))*"
    r"\s*:\s*(.*)$",
    re.I,
)
# 'Chủ trì: Phòng A; Đơn vị phối hợp: Phòng B', '...; Phối hợp: Sở Nội vụ, Sở Tài chính'
_INLINE_SUPPORT = re.compile(r"(?:[;,.]?\s*[-–+]?\s*(?:Cơ quan|Đơn vị|Bộ phận)\s+|[;.]\s*[-–+]?\s*)phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$", re.I)
# a time label after the lead's (and the partners') on the same line: '...; thời gian: năm 2025 - 2026.'
_INLINE_TIME = re.compile(r"[;,.]\s*[-–+]?\s*(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*(.+)$", re.I)
# both roles under one label: 'Cơ quan chủ trì, phối hợp: ...', 'Đơn vị chủ trì và phối hợp: ...' (see expand_group)
GROUP_LINE = re.compile(r"^(?:(?:Cơ quan|Đơn vị)\s+)?chủ trì\s*(?:,|và|/)\s*phối hợp(?:\s+thực hiện)?\s*:\s*(.*)$", re.I)
# fields of a task that are no task: what it yields and what it costs ('Sản phẩm: ...', 'Kinh phí: ...')
SIDE_LABEL = re.compile(
    r"^(?:Sản phẩm|Kết quả|Kinh phí|Nguồn kinh phí|Dự toán kinh phí)(?:\s+(?:đầu ra|dự kiến|cần đạt|chủ yếu|thực hiện))?"
    r"(?:\s*[,/]\s*(?:sản phẩm|kết quả)(?:\s+(?:đầu ra|dự kiến))?)?\s*(?::.*)?$",
    re.I,
)
_CONTENT_LABEL = re.compile(
    r"^(?:Nội dung|Nhiệm vụ|Công việc)(?:\s+(?:thực hiện|hoạt động|công việc|nhiệm vụ|cụ thể|chủ yếu|chính))?\s*:\s*(.*)$", re.I
)
# another field after the value on the same line ('...: Sở Tài chính; Kinh phí: Ngân sách tỉnh')
_OTHER_FIELD = re.compile(r";\s*(?=[A-ZĐÀ-Ỹ][^;:,]{1,30}:)")


def _own_value(value: str) -> str:
    """A label's value up to another field written after it ('Sở Tài chính; Kinh phí: Ngân sách tỉnh'), not up to a
    list of bodies ('...; UBND các xã: An Phú, Bình Minh')."""
    m = next((x for x in _OTHER_FIELD.finditer(value) if not is_body_start(value[x.end() :])), None)
    return (value[: m.start()] if m else value).strip()
_BULLET = re.compile(r"^[-–+•·*\s]+")
_SUB = re.compile(r"^\s*[+•·∙◦]\s*|^\s*[-–]\s+")

Timing = Callable[[str], dict[str, Any]]


_CLAUSE_LEAD_IN = re.compile(r"^(?:Trên cơ sở|Căn cứ|Theo)\b[^,;]{0,200},\s*(?=[A-ZĐÀ-Ỹ]|các\s)")
_NAME_END = re.compile(r"\s(?:trong phạm vi|có trách nhiệm|chịu trách nhiệm|theo chức năng|căn cứ chức năng|được giao)\b")


def _trim(name: str) -> str:
    """A name that ran into its duty ('Các sở, ban, ngành trong phạm vi nhiệm vụ ... có trách nhiệm
    tổ chức ...'): cut where the duty starts."""
    m = _NAME_END.search(name)
    if m:
        name = name[: m.start()]
    v = find_verb(name, 2)
    if v is not None:
        name = name[: v.start()]
    return name.strip(" ,;.(")


def _names(value: str) -> list[str]:
    """Lead names of a label's value: a list of names, or clauses that open with them (after a
    lead-in such as 'Trên cơ sở tài liệu của Bộ ..., Công an tỉnh biên soạn ...')."""
    out: list[str] = []
    sentence = False  # the value is a sentence ('X chủ trì, chỉ đạo ...'), not a list of names
    value = re.sub(r"\([^()]*;[^()]*\)", "", value)  # '(Đài ...; Báo ...; ...)': means, not leads
    for k, clause in enumerate(re.split(r";\s*", value.strip(" .;"))):
        clause = _CLAUSE_LEAD_IN.sub("", clause)
        if not clause:
            continue
        lb = leading_body(clause)
        if k == 0:
            sentence = lb is not None and len(lb[1]) > 15
        elif (lb is None or len(lb[1]) <= 15) and not (is_body_start(clause) and (_NAME_END.search(clause) or not sentence)):
            continue  # '... thông qua: báo chí; phát tờ rơi; các buổi họp tổ dân phố': the ways, not who
        names = split_bodies(lb[0]) if lb and len(lb[1]) > 15 else split_bodies(clause)
        for n in names:
            n = _trim(n) if len(n) > 40 else n
            if n and n not in out:
                out.append(n)
    return out


_STATED = re.compile(r"(?:là|vẫn|đang|còn|chưa|đã|hiện|đồng thời|cũng|được|với vai trò|với tư cách)(?![\wÀ-ỹ])")


def _own_task(line: str, above: dict[str, Any]) -> list[str] | None:
    """A line after a task's labels that gives a body of its own a task ('Trạm Y tế xã bố trí lực lượng sơ cứu ...'): its
    leads; None for a label, a statement, a collective or the bodies the labels named (their part of the same task)."""
    from dondoc.plans.gazetteer import is_generic
    from dondoc.plans.statements import states_fact

    if SIDE_LABEL.match(line) or _CONTENT_LABEL.match(line) or states_fact(line):
        return None
    lb = leading_body(line)
    if lb is None or lb[2] or not lb[0][:1].isupper() or lb[0].startswith("Các ") or is_generic(lb[0]):
        return None
    v = find_verb(lb[1][:40])
    names = split_bodies(lb[0])
    known = {" ".join(x.lower().split()) for x in [*above["lead"], *above["support"]]}
    # (a role, a state told then the duty, a passive handover: leading_body took them for a duty — 'Sở Y tế đang triển
    # khai ..., tiếp tục ...', 'Công an tỉnh là lực lượng nòng cốt ..., chủ trì ...', 'Sở X được phân công ...')
    opens = (v is not None and v.start() == 0) or _STATED.match(lb[1]) is not None
    if not opens or any(" ".join(n.lower().split()) in known for n in names):
        return None
    return names


def _followers(plain: list[str], raw: list[str], i: int) -> list[str]:
    """The sub-bullets right after line i (its values when the label stands alone)."""
    out = []
    for j in range(i + 1, len(plain)):
        if not _SUB.match(raw[j]) or LEAD_LABEL.match(plain[j]) or SUPPORT_LABEL.match(plain[j]) or TIME_LABEL.match(plain[j]):
            break
        if raw[i].lstrip()[:1] == raw[j].lstrip()[:1]:
            break  # a sibling bullet, not a sub-bullet
        out.append(plain[j])
    return out


def _names_no_one(lines: list[str]) -> bool:
    """Lines under a bare role label that are tasks ('- Xây dựng kế hoạch ...'), not the names a label
    lists ('+ Sở Y tế.'): the label is then a role sub-heading over the body's own tasks."""
    def task(x: str) -> bool:
        x = x.lstrip("-–+•·* ").strip()
        if LEAD_LABEL.match(x) or SUPPORT_LABEL.match(x):
            return False  # 'Chủ trì: Vụ Pháp chế.' under 'b) Cơ quan chủ trì, phối hợp:': the field's own labels
        m = find_verb(x[:1].lower() + x[1:])  # 'Tổ chức giám sát ...' opens with a verb, 'Tổ chức Công đoàn' with a name
        return (m is not None and m.start() == 0 and x[m.end():].strip()[:1].islower()) or not is_body_start(x)

    return bool(lines) and all(task(x) for x in lines)


def role_line(plain: list[str], raw: list[str], i: int) -> bool:
    """Line i is a bare lead or support label ('Chủ trì:', '- Phối hợp thực hiện:') whose bullets below
    are tasks: a role sub-heading, not a label (plans.placing.support_of_role reads it)."""
    m = LEAD_LABEL.match(plain[i]) or SUPPORT_LABEL.match(plain[i])
    return m is not None and not m.group(1).strip() and _names_no_one(_followers(plain, raw, i))


_UBND = re.compile(r"[ủu][ỷy] ban nhân dân")


def _fold(name: str) -> str:
    """Lower case, 'Ủy ban nhân dân' as 'ubnd': one plan writes a body both ways ('UBND các tỉnh' as a lead,
    'Ủy ban nhân dân các tỉnh ... trước ngày 15/12' in its timing)."""
    low = " ".join(name.lower().split())
    return _UBND.sub("ubnd", low) if "ban nhân dân" in low else low


def _per_lead_timing(a: dict[str, Any], lines: list[str], timing: Timing) -> list[dict[str, Any]]:
    """'Thời gian thực hiện:' split by body: each lead takes the date of the line that opens with
    (else names) it. Leads with different dates become separate assignments: they are separate
    obligations."""
    low_lines = [_fold(x) for x in lines]
    default = timing(lines[-1])
    per: dict[str, dict[str, Any]] = {}
    for lead in a["lead"]:
        key = _fold(lead)
        hit = next((k for k, x in enumerate(low_lines) if x.startswith(key)), None)
        if hit is None:
            hit = next((k for k, x in enumerate(low_lines) if key in x), None)
        per[lead] = timing(lines[hit]) if hit is not None else default
    groups: dict[str, list[str]] = {}
    for lead, t in per.items():
        groups.setdefault(repr(sorted(t.items())), []).append(lead)
    out = []
    for leads in groups.values():
        b = dict(a, lead=leads, timing=per[leads[0]])
        out.append(b)
    return out


_ROLE_LETTER = re.compile(r"(?:^|[;,.]\s*)[a-zđ]\)\s*")
_ROLE_END = re.compile(r"^(.+?)\s+(chủ trì|phối hợp)(?:\s+thực hiện)?\s*[.;]?$", re.I)
_BOTH_ROLES = re.compile(r"^(.+?)\s+chủ trì\s*[,;]\s*(.+?)\s+phối hợp(?:\s+thực hiện)?\s*\.?$", re.I)


def expand_group(value: str) -> list[str]:
    """The value of a 'Cơ quan chủ trì, phối hợp:' label as labelled lines. Offices write it as
    'a) Cơ quan chủ trì: X; b) Cơ quan phối hợp: Y' (the two labels inline), 'X chủ trì; Y, Z phối hợp',
    'X chủ trì, phối hợp với Y' (a lead label's value), or a list ('A (chủ trì), B' marks its lead; else all lead)."""
    v = value.strip()
    if not v:
        return []
    parts = [p.strip(" ;.") for p in _ROLE_LETTER.split(v) if p.strip(" ;.")]
    if len(parts) >= 2 and all(LEAD_LABEL.match(p) or SUPPORT_LABEL.match(p) for p in parts):
        return parts
    if LEAD_LABEL.match(v) or SUPPORT_LABEL.match(v):
        return [v]
    m = _BOTH_ROLES.match(v)
    if m:
        return ["Cơ quan chủ trì: " + m.group(1), "Cơ quan phối hợp: " + m.group(2)]
    return ["Cơ quan chủ trì: " + v]  # (a bare list: all lead, as the seeds' gold 004 reads 'Cơ quan chủ trì và phối hợp: A, B')


def _expanded(raw: list[str]) -> list[str]:
    """Lines with each 'Cơ quan chủ trì, phối hợp:' label spelled out as lead and support lines (under the
    same bullet); a bare one over its own 'Chủ trì: ...' / 'Phối hợp: ...' lines dropped."""
    out: list[str] = []
    roles = False  # under a bare group label: '+ Vụ Pháp chế chủ trì;' / '+ Văn phòng Bộ phối hợp.'
    for k, line in enumerate(raw):
        body = _BULLET.sub("", line)
        mark = line[: len(line) - len(body)]
        r = _ROLE_END.match(body) if roles else None
        if r:
            out.append(mark + ("Cơ quan chủ trì: " if r.group(2).lower() == "chủ trì" else "Cơ quan phối hợp: ") + r.group(1))
            continue
        roles = False
        m = GROUP_LINE.match(body)
        if not m:
            out.append(line)
            continue
        lines = expand_group(m.group(1))
        if not lines:
            nxt = _BULLET.sub("", raw[k + 1]) if k + 1 < len(raw) else ""
            roles = bool(_ROLE_END.match(nxt))
            if roles or LEAD_LABEL.match(nxt) or SUPPORT_LABEL.match(nxt):
                continue
            lines = ["Cơ quan chủ trì:"]
        out.extend(mark + x for x in lines)
    return out


def lead_line(text: str) -> bool:
    """A line that names a task's lead by label ('Cơ quan chủ trì: X', 'Cơ quan chủ trì, phối hợp: X chủ trì ...')."""
    return bool(LEAD_LABEL.match(text) or GROUP_LINE.match(text))


def labelled_assignments(ref: str, title: str, raw: list[str], make: Callable[..., dict[str, Any]],
                         timing: Timing) -> list[dict[str, Any]]:
    """Assignments of a node whose content holds lead labels. `make(ref, text, lead, support=)`
    builds one; `timing(text)` reads a timing phrase."""
    # Long on purpose: one pass over labelled lines; each label kind is a case.
    raw = _expanded(raw)
    plain = [_BULLET.sub("", t) for t in raw]
    produced: list[dict[str, Any]] = []
    pending_time: dict[str, Any] | None = None
    pending_support: list[str] | None = None
    last_text = title
    desc: str | None = None  # '- Nội dung: ...' of an activity block: what is to be done
    pre: list[str] = []  # lines before the first lead label, no label of their own
    consumed: set[int] = set()
    siblings: list[dict[str, Any]] = []
    for i, t in enumerate(plain):
        if i in consumed:
            continue
        m = LEAD_LABEL.match(t)
        if m:
            value = m.group(1).strip()
            subs = [] if value else _followers(plain, raw, i)
            consumed.update(range(i + 1, i + 1 + len(subs)))
            lead_part, support = value, []
            when = _INLINE_TIME.search(value)  # 'Chủ trì: Sở Y tế; phối hợp: Sở Nội vụ; thời gian: hằng năm'
            if when:
                value, when_text = value[: when.start()], when.group(1)
                lead_part = value  # ('Sở Nội vụ. Thời gian: Quý II/2025': the names before the time)
            inline = _INLINE_SUPPORT.search(value)  # 'Chủ trì: Phòng A; Đơn vị phối hợp: Phòng B, Văn phòng Sở'
            if inline:
                value, support = value[: inline.start()], split_bodies(inline.group(1))
                lead_part = value
            mm = re.search(r"\s(?:chủ trì)\b[,;]?\s*(?:phối hợp(?:\s+với)?\s+(.*))?$", value)
            if mm:
                lead_part = value[: mm.start()]
                support = support or (split_bodies(mm.group(1)) if mm.group(1) else [])
            elif not support and (role := split_role(value))[1]:  # 'Sở A chủ trì; Sở B, Sở C phối hợp': one task, B, C partners
                lead_part, support = value[: role[0]], role[1]
            leads = _names(lead_part) if lead_part else [n for s in subs for n in _names(s)]
            marked = marked_lead(value) if value else None
            if marked:  # 'Đơn vị thực hiện: Phòng Văn hóa - Xã hội (chủ trì), Trưởng thôn'
                leads, support = marked[0], support or marked[1]
            text = (f"{title.rstrip(': ')}: {desc}" if title else desc) if desc else (last_text or t)
            siblings = []
            own = own_sentences(lead_part) if lead_part and not marked and not support else None
            if own:  # 'Cơ quan thực hiện: Sở A tiến hành ...; các sở ... rà soát ...': each body's own sentence (timed as one)
                siblings = [{**make(ref, text, _names(n)), "text": f"{title.rstrip(': ')}: {x}" if title else x} for n, x in own]
                produced += siblings[:-1]
                leads = siblings[-1]["lead"]
            a = make(ref, text, leads, support=support)
            if own:
                a["text"], siblings = siblings[-1]["text"], siblings[:-1]
            if pre and not desc and not produced:
                a["text"] = f"{title.rstrip(': ')}: {' '.join(pre)}"  # (its timing is the time field's or the title's: 'định kỳ' in the text is how)
            if when:
                a["timing"] = timing(when_text)
            elif pending_time is not None:
                a["timing"] = pending_time
            if pending_support is not None and not support:
                a["support"] = pending_support
            pending_time = pending_support = None
            produced.append(a)
            continue
        m = SUPPORT_LABEL.match(t)
        if m:
            value = _own_value(m.group(1))
            subs = [] if value else _followers(plain, raw, i)
            consumed.update(range(i + 1, i + 1 + len(subs)))
            names = split_bodies(value) if value else [n for s in subs for n in split_bodies(s.strip(" .;"))]
            if produced:
                produced[-1]["support"] = names
            else:
                pending_support = names
            continue
        m = TIME_LABEL.match(t)
        if m:
            value = m.group(1).strip()
            subs = [] if value else _followers(plain, raw, i)
            consumed.update(range(i + 1, i + 1 + len(subs)))
            if produced and (value or subs):
                if subs:
                    tail = produced[-1 - len(siblings):] if siblings and produced[-1 - len(siblings)] is siblings[0] else produced[-1:]
                    produced[-len(tail):] = [b for x in tail for b in _per_lead_timing(x, subs, timing)]
                else:
                    for x in [*siblings, produced[-1]]:  # (and the bodies' sentences split off the same label)
                        x["timing"] = timing(value)
            elif value:
                pending_time = timing(value)
            continue
        m = _CONTENT_LABEL.match(t)
        if m:
            value = m.group(1).strip()
            if not value:  # 'Nội dung:' over its items
                subs = _followers(plain, raw, i)
                consumed.update(range(i + 1, i + 1 + len(subs)))
                value = " ".join(subs)
            if not value:
                continue
            if produced and produced[-1]["text"] == title:
                produced[-1]["text"] = (title.rstrip(": ") + ": " if title else "") + value
            elif not produced:
                desc = value
            continue
        if not produced and not title:
            last_text = t
        elif not produced and desc is None and not SIDE_LABEL.match(t):
            pre.append(t)  # '1. Tập huấn' / 'Tổ chức tập huấn cho ...' / '- Cơ quan chủ trì: ...': the block's text, unlabelled
        elif produced and (their := _own_task(t, produced[-1])) is not None:
            produced.append(make(ref, t, their))  # '- Thời gian: Quý II/2026.' / 'Trạm Y tế xã bố trí ...': another body's task
    return produced


# --- per-task blocks ----------------------------------------------------------------------------
