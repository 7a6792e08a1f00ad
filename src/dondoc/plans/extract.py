"""The numbering tree and what hangs on it: assignments, reports and targets."""

from __future__ import annotations

import re
from typing import Any

from dondoc.plans.blocks import Paragraph
from dondoc.plans.bodies import (
    HEAD,
    REQUEST,
    is_body_name,
    is_body_start,
    leading_body,
    split_bodies,
)
from dondoc.plans.doubt import READ_KEY, Read
from dondoc.plans.gazetteer import canonical, is_generic
from dondoc.plans.heading_leads import above, one_of, spells_out, unit_of
from dondoc.plans.labelled import TIME_LABEL, labelled_assignments, lead_line, role_line
from dondoc.plans.placing import (
    _CAN_CU,
    _DANGLING_COOP,
    _in_purpose_section,
    _in_scope_section,
    _same_as_heading,
    _vague,
    designated_collective,
    encourages_private,
    heading_timing,
    in_no_task_section,
    led_in_brackets,
    not_given_work,
    owned_heading,
    pass_down,
    role_head,
    role_heading,
    same_kind,
    section_owner,
    states_requirement,
    support_of_role,
)
from dondoc.plans.rank import central
from dondoc.plans.statements import states_fact
from dondoc.plans.subheads import ASKING_INTRO, DUTY_INTRO
from dondoc.plans.subjects import _handed_out, _sentence_body, for_body, sentences
from dondoc.plans.support import _support_from
from dondoc.plans.timing import parse_timing
from dondoc.plans.timing_text import timing_in_text
from dondoc.plans.tree import _ANNEX, _FOOTER, _ROMAN_L, Ctx, Node, build_tree  # noqa: F401 - re-exported
from dondoc.plans.verbs import find_verb

_MARKS = re.compile(r"^[-–+•·*\s]+")  # a bullet's marks (compiled once: stripped from every item)
_BULLET = re.compile(r"^([-–+•·∙▪●○◦*])\s*(.*)$")
OTHER_LABEL = re.compile(r"^(?:Sản phẩm|Kết quả|Kinh phí|Nguồn kinh phí|Hình thức)[^:]{0,30}:", re.I)

# '(Một số nhiệm vụ trọng tâm có Phụ lục kèm theo)', '(Chi tiết tại Phụ lục II)': a note pointing to the annex
_ANNEX_NOTE = re.compile(r"^\(\s*[^()]*\b(?:Phụ lục|phụ lục|PHỤ LỤC)\b[^()]*\)\W*$")
_BOILERPLATE = re.compile(r"^(?:Trên đây|Trong quá trình|Quá trình|Kế hoạch này|Nhận được|Kinh phí|Nguồn kinh phí)\b", re.I)
# a department hands a duty to its own unit: 'Giao Trung tâm Thông tin và Xúc tiến du lịch thực hiện ...', 'Giao Chi cục
# ...' under '1. Sở X' (a People's Committee's 'Giao Phòng Tài chính - Kế hoạch ...' names the lead: its offices are bodies
# of their own, gold 72 IV.2)
_OWN_UNIT = re.compile(r"^Giao\s+(?:cho\s+)?(?:Trung tâm|Văn phòng|Chi cục|Cục|Vụ|Phòng|Đội|Trạm|Viện|Ban quản lý|Bảo tàng|Thư viện)\s")
_CLOSING_REPORT = re.compile(r"Báo cáo (?:tình hình|kết quả) (?:thực hiện|triển khai) Kế hoạch\b")
_CLOSING_TIME = re.compile(r"\.\s+(?:Thời gian|Thời hạn)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*:\s*([^.;:]{2,60}?)\s*\.?\s*$")
_TARGET_SECTION = re.compile(r"mục tiêu|chỉ tiêu", re.I)
_TASK_SECTION = re.compile(r"nhiệm vụ|giải pháp|tổ chức thực hiện|trách nhiệm|phân công|nội dung|hoạt động", re.I)


def _timing(text: str, ctx: Ctx, explicit: str | None = None) -> dict[str, Any]:
    if explicit:
        return parse_timing(explicit, plan_year=ctx.plan_year, issued_on=ctx.issued_on)
    return timing_in_text(text, plan_year=ctx.plan_year, issued_on=ctx.issued_on)


def _assignment(ref: str, text: str, lead: list[str], ctx: Ctx, *, support: list[str] | None = None,
                request: bool = False, timing_text: str | None = None, item: int | None = None,
                read: Read = "heading") -> dict[str, Any]:  # read: how, for evidence.grade (plans.doubt)
    lead, support = led_in_brackets(text, lead, support if support is not None else _support_from(text))
    return {
        READ_KEY: read,
        "ref": ref,
        "item": item,
        "text": _MARKS.sub("", text).strip(),
        "lead": lead,
        "support": support,
        "mode": "request" if request else "assign",
        "timing": _timing(text, ctx, timing_text),
    }




def _items_of(content: list[Paragraph]) -> list[str]:
    """Bullets/paragraphs under a heading, '+' sub-bullets folded into the item above them — unless
    the sub-bullet gives a named body its own part ('+ Sở Y tế hướng dẫn ...'). Where the list opens
    with '+' and has '-' bullets too (the outer level written '+', the inner '-'), '-' bullets under a '+' item that ends with
    ':' are its sub-bullets."""
    items: list[str] = []
    marks = [p.text[:1] for p in content if p.text[:1] in "+-"]
    plus_outer = bool(marks) and marks[0] == "+" and "-" in marks  # both levels, the outer one '+'
    under_plus = False  # the last item is a '+' item that ended with ':' (the outer level written '+')
    for p in content:
        t = p.text
        if under_plus and t.startswith("-") and not _own_part(t.lstrip("- ")):
            items[-1] += " " + t
            continue
        under_plus = plus_outer and t.startswith("+") and t.rstrip().endswith(":")
        if t.startswith("+") and items and not plus_outer and _takes_sub_bullets(items[-1]) and not _own_part(t):
            # (a '+' after another '+' item is its sibling: '+' bullets with no '-' above them; so is a '+'
            # after a paragraph of its own that ends its sentence: '6.3. Phòng X: ... Nhân dân.' / '+ Thực hiện ...')
            items[-1] += " " + t
            continue
        if OTHER_LABEL.match(_MARKS.sub("", t)):
            continue
        items.append(t)
    return items


def _takes_sub_bullets(item: str) -> bool:
    return not item.startswith("+") and (item[:1] in "-–•*" or not item.rstrip().endswith((".", ";")))


def _own_part(sub: str) -> bool:
    lb = leading_body(sub.lstrip("+ "))
    return lb is not None and lb[0][:1].isupper() and not is_generic(lb[0]) and not lb[0].startswith("Các")


_ROLE_MARK = re.compile(r"\s*\((?:là\s+)?(?:cơ quan|đơn vị)?\s*(?:chủ trì|thường trực|đầu mối)\)(?=\s*:?$)", re.I)


def _heading_body(title: str, *, has_items: bool = False) -> tuple[str, bool] | None:
    """A heading that names a body whose duties follow: '1. Sở Y tế:', 'Đề nghị Ủy ban MTTQ ...'.
    With has_items (its duties are listed a), b) below it) an unpunctuated 'Đề nghị X ...' heading
    names X whatever words describe it ('Đề nghị các tổ chức cung cấp dịch vụ chi trả')."""
    t = title.strip()
    if t.endswith((")", "):")):
        t = _ROLE_MARK.sub("", t)  # '1. Bộ Công an (cơ quan chủ trì)': the body's role in brackets, its duties below
    if t.isupper() and HEAD.match(t[:1] + t[1:].lower()):  # '1. BỘ KẾ HOẠCH VÀ ĐẦU TƯ': a name in capitals, as the gazetteer writes it
        t = canonical(t) + (":" if t.endswith(":") else "")
    req = bool(REQUEST.match(t))
    if has_items and len(t) < 120 and not re.search(r"[.;]$", t):
        m = re.match(r"^(?:Giao(?: cho)?|Đề nghị|Khuyến khích)\s+(.+)$", t.rstrip(": "), re.I)
        if m and is_body_start(m.group(1)) and "," not in m.group(1) and not _heading_body(t):
            return m.group(1), req
    if t.endswith(":") and (fb := for_body(t)) and not fb[1]:
        return fb[0], req  # '2. Đối với UBND cấp xã:'
    if t.endswith(":") or is_body_name(t):
        name = t.rstrip(": ")
        asked = re.match(r"^(?:Giao(?: cho)?|Đề nghị|Khuyến khích)\s+", name, flags=re.I)
        name = name[asked.end() :] if asked else name
        if is_body_name(name) or (asked and is_body_name(t.rstrip(": "))):
            return name, req
        lb = leading_body(t)
        if lb and t.endswith(":"):
            return lb[0], lb[2] or req
    return owned_heading(t)


# ('Hoạt động 1. Tập huấn ... . Đơn vị chủ trì: Sở Y tế; thời gian: Quý II/2025', '1. Tổ chức tập huấn .... Chủ trì: Sở Nội
# vụ. Thời gian: Quý II/2025.': after the task's sentence too)
_TITLE_LABELS = re.compile(r"\s[-–]\s+(?=(?:(?:Cơ quan|Đơn vị)\s+)?(?:[Cc]hủ trì|thực hiện)\s*:)"
                           r"|(?<=[.;])\s+(?=(?:(?:Cơ quan|Đơn vị)\s+(?:chủ trì|thực hiện)|Chủ trì)\s*:)")
# the labels after the first on that line, each its own line ('... Cơ quan chủ trì: Sở X. Cơ quan phối hợp: Sở Y. Thời
# gian trình: ...')
_NEXT_LABEL = re.compile(r"(?<=[.;])\s+(?=(?:Cơ quan|Đơn vị|Thời gian|Thời hạn|Tiến độ|Phối hợp)[^:.;]{0,30}:)")


def _dated(a: dict[str, Any]) -> bool:
    return a["timing"]["kind"] == "once" and bool(a["timing"].get("due"))


def _bodies_below(node: Node) -> bool:
    """Most of the numbered items under the node open with a body of their own ('2.1. Sở Tài chính', '2.2. Sở Nội vụ'):
    the paragraph introducing them names the collective whose members they task, no duty of its own (when they name
    no one, the bodies it names do them)."""
    kids = [c for c in node.children if c.title]
    named = sum(1 for c in kids if _heading_body(c.title) or role_heading(c.title) or _sentence_body(c.title))
    return len(kids) >= 2 and 2 * named > len(kids)


def extract_assignments(nodes: list[Node], ctx: Ctx, *, unnumbered: bool = False) -> list[dict[str, Any]]:
    # Long on purpose: one pass over the blocks, each case a layout rule (unnumbered: no numbered sections)
    out: list[dict[str, Any]] = []
    section_time: dict[int, dict[str, Any]] = {}  # a section's own 'Thời gian thực hiện: ...' line, by node id
    for node in nodes:
        if node.kind == "root" and not node.ref and not unnumbered:
            continue
        produced: list[dict[str, Any]] = []
        if node.title and (lab := _TITLE_LABELS.search(node.title)):
            # 'a) Đào tạo ... - Chủ trì: Sở Y tế; thời gian: hằng năm': the task's labels on its title's own line
            line = node.content[0].line if node.content else 0
            node.content[0:0] = [Paragraph("- " + x.strip(), False, line) for x in _NEXT_LABEL.split(node.title[lab.end():])]
            node.title = node.title[: lab.start()]
        content = node.content
        plain = [_MARKS.sub("", p.text) for p in content]
        raw_lines = [p.text for p in content]
        lead_idx = [i for i, t in enumerate(plain) if lead_line(t) and not role_line(plain, raw_lines, i)]
        if _in_scope_section(node) or in_no_task_section(node):
            continue  # 'Đối tượng ...' lists who is covered, not who does what
        purpose = _in_purpose_section(node)  # (a requirement's later sentences say how, not who does what)
        has_items = any(c.kind == "letter" for c in node.children)
        head = _heading_body(node.title, has_items=has_items) if node.title else None
        parent_head = None
        if node.kind == "letter" and node.parent is not None:
            parent_head = _heading_body(node.parent.title, has_items=True) or role_head(node.parent.title)
        role_support = None  # the partners a role heading names ('Sở X chủ trì, phối hợp với Y' / '- ...')
        if head is None and node.title and (content or has_items) and (rh := role_heading(node.title)) is not None:
            head, role_support = (rh[0], rh[2]), rh[1]
        elif (head is None and parent_head is not None and content
              and (all(_BULLET.match(p.text) for p in content) or all(p.text.rstrip().endswith((".", ";")) for p in content))
              and not (_DANGLING_COOP.match(node.title.strip()) and len(content) >= 2)  # the rule below first
              and (partners := support_of_role(node.title)) is not None):
            # 'a) Chủ trì, phối hợp với các sở, ngành' / 'a) Chủ trì' under '1. Sở X', its bullets: each one a task of Sở X
            head, role_support = parent_head, partners
        if head is None and node.title and content:
            head = designated_collective(node.title, [p.text for p in content if _BULLET.match(p.text)])
        if head is None and node.title and content and not lead_idx and all(_BULLET.match(p.text) for p in content):
            # '6.3. Phòng X: Chủ trì ... .' / '- Thực hiện ...': the body's first duty on its heading's line, the
            # bullets below its other duties (laid out in lines, or the break after the colon lost)
            colon = node.title.find(": ")
            if colon > 0 and (hb := _heading_body(node.title[: colon + 1])) is not None:
                head = hb
                content = [Paragraph(node.title[colon + 2 :], False, content[0].line), *content]
        if lead_idx:
            # labelled lines: the task is the heading (or the text before the labels)
            produced = labelled_assignments(
                node.ref, node.title, [p.text for p in content],
                lambda ref, text, lead, support=None: _assignment(ref, text, lead, ctx, support=support, read="label"),
                lambda phrase: _timing("", ctx, phrase),
            )
        elif head is not None:
            name, req = head
            leads = split_bodies(name)
            items = _items_of(content)
            if role_support is not None and not any(_BULLET.match(t) for t in items):
                items = [x for t in items for x in sentences(t)]  # a Word file's list marks lost: one task a sentence
            last_child = node.parent is not None and node.parent.children and node.parent.children[-1] is node
            own_support, intro = role_support, False
            own_named = 0  # the items so far that named a body of their own
            for k, t in enumerate(items, 1):
                if intro and not _BULLET.match(t):
                    role_support, intro = own_support, False  # the intro line's bullets are over
                tl = TIME_LABEL.match(_MARKS.sub("", t))
                if tl and produced:  # 'Thời gian hoàn thành: ...' on its own line: the task above's
                    produced[-1]["timing"] = _timing("", ctx, tl.group(1))
                    continue
                if (t.rstrip().endswith(":") and not _BULLET.match(t) and k < len(items) and _BULLET.match(items[k])
                        and (partners := support_of_role(t)) is not None):
                    role_support, intro = partners, True  # 'Chủ trì, phối hợp với ...:' introducing the bullets: no task itself
                    continue
                if states_fact(t):
                    continue  # 'Năm 2025, Công an xã đã ...', 'Theo Quyết định số ..., X là ...': what was or is, no duty
                if not _BULLET.match(t) and k < len(items) and _BULLET.match(items[k]) and DUTY_INTRO.match(t.strip()):
                    continue  # 'Là cơ quan thường trực, có trách nhiệm:' over the bullets: their intro, no task itself
                sb = _sentence_body(t)
                if sb and _CAN_CU.match(t) and not leading_body(_MARKS.sub("", t)):
                    sb = None  # 'Căn cứ chức năng ..., các văn bản của Chính phủ, Bộ, ngành, phối hợp ...': the heading's body
                if sb and sb[2] and len(leads) == 1 and above(sb[0], ctx.issuer) and not central(name):
                    sb = None  # '- Đề nghị Bộ Y tế hỗ trợ ...' under '2. Sở Y tế:': the department's proposal to a body above
                asked = False  # the item asks the heading's own body again: 'Khuyến khích các doanh nghiệp ...'
                if sb and _OWN_UNIT.match(_MARKS.sub("", t)) and not sb[2] and unit_of(sb[0], name, leads):
                    sb = None  # '1. Sở X' / '- Giao Trung tâm Y (its unit) thực hiện ...': still the department's duty
                if (sb and (_same_as_heading(sb[0], name) or (encourages_private(t) and same_kind(sb[0], name)))
                        and not one_of(sb[0], leads) and not spells_out(sb[0], leads)):
                    asked, sb = sb[2], None  # 'Doanh nghiệp viễn thông, tổ chức bảo đảm ...' under 'Các doanh nghiệp viễn thông, tổ chức, ...'
                if sb and not re.match(r"^(?:Chủ trì|Phối hợp|Yêu cầu|Hướng dẫn|Đôn đốc|Chỉ đạo)\b", _MARKS.sub("", t)):
                    # ("Yêu cầu các đơn vị khai thác ..." under "2. Sở X": the heading body requires it of them)
                    # a closing paragraph after the last body's duties speaks for the whole section
                    # (not after items that each named their own body: it is one more of them)
                    closing = (last_child and not _BULLET.match(t) and k == len(items) and k > 1 and node.parent is not None
                               and own_named < k - 1)
                    own_named += 1
                    ref = node.parent.ref if closing and node.parent is not None else node.ref
                    produced.append(_assignment(ref, t, split_bodies(sb[0]), ctx, request=sb[2], read="sentence"))
                    continue
                if (_BOILERPLATE.match(t) and not _BULLET.match(t)) or _ANNEX_NOTE.match(t):
                    continue
                if (last_child and k > 1 and not _BULLET.match(t) and _CLOSING_REPORT.match(t)
                        and all(_BOILERPLATE.match(x) or _CLOSING_REPORT.match(x) or _sentence_body(x) for x in items[k:])):
                    continue  # the plan's closing words after the last body's duties ('Báo cáo tình hình thực hiện ...')
                support = (_support_from(t) or role_support) if role_support else None
                produced.append(_assignment(node.ref, t, leads, ctx, support=support, request=req or asked,
                                            item=k if len(items) > 1 else None,
                                            read="heading" if role_support is None else "role"))
        else:
            bullets = [p.text for p in content if _BULLET.match(p.text)]
            if node.title and parent_head is not None and _DANGLING_COOP.match(node.title.strip()) and len(bullets) >= 2:
                # 'b) Chủ trì, phối hợp' / '- Sở Tài chính ... tham mưu ...' / '- Sở Nội vụ ...': each
                # bullet is a task of the heading's body, done with the bodies the bullet opens with
                name, req = parent_head
                for k, t in enumerate(bullets, 1):
                    lb = leading_body(_MARKS.sub("", t))
                    support = split_bodies(lb[0]) if lb else []
                    produced.append(_assignment(node.ref, node.title + " " + t, split_bodies(name), ctx,
                                                support=support, request=req, item=k))
            elif node.title and parent_head is not None and not _sentence_body(node.title):
                name, req = parent_head
                text = " ".join([node.title] + [p.text for p in content])
                produced.append(_assignment(node.ref, text, split_bodies(name), ctx, request=req))
            else:
                cands = ([node.title] if node.title else []) + _items_of(content)
                last_child = node.parent is not None and bool(node.parent.children) and node.parent.children[-1] is node
                # an item that is a whole sentence, then a paragraph to 'các ...' after it: the plan's
                # closing words for the whole section ('Các cơ quan, đơn vị, địa phương ... triển khai')
                titled = len(node.title) > 60 and node.title.endswith((".", ";"))
                k = 0
                under: tuple[str, bool] | None = None  # an unnumbered heading naming a body, above its duties
                for ci, t in enumerate(cands):
                    tl = TIME_LABEL.match(_MARKS.sub("", t))
                    if tl and produced and tl.group(1).strip():
                        produced[-1]["timing"] = _timing("", ctx, tl.group(1))
                        continue
                    if ci == len(cands) - 1 and ci > 0 and t.rstrip().endswith(":") and not _BULLET.match(t) and _bodies_below(node):
                        continue  # '... yêu cầu các sở ... thực hiện các nhiệm vụ cụ thể như sau:' / '2.1. Sở Tài chính': the items say who
                    if t[:1] not in "-–+•" and ASKING_INTRO.match(t.strip()):
                        continue  # 'Ủy ban nhân dân tỉnh yêu cầu:' over the duties: the bodies asked follow
                    if (ci > 0 and ci + 1 < len(cands) and t.rstrip().endswith(":") and not _BULLET.match(t)
                            and len(t) < 150 and (hb := _heading_body(t)) is not None and is_body_name(hb[0])
                            and find_verb(hb[0]) is None):
                        under = hb  # 'Đối với Phòng Giáo dục và Đào tạo:' (no number): the paragraphs below are its duties
                        continue
                    first_of_t = len(produced)
                    if under is not None and not _sentence_body(t) and not _BOILERPLATE.match(t):
                        k += 1
                        produced.append(_assignment(node.ref, t, split_bodies(under[0]), ctx, request=under[1], item=k))
                        continue
                    for part, (name, _rest, req) in _handed_out(t, later=not purpose, issuer=ctx.issuer):
                        leads = split_bodies(name)
                        if not leads or encourages_private(part):
                            continue
                        ref = node.ref
                        if (last_child and titled and ci > 0 and not _BULLET.match(part) and name.lower().startswith("các ")
                                and node.parent is not None and not any(_sentence_body(x) for x in cands[ci + 1 :])):
                            ref = node.parent.ref
                        k += 1
                        produced.append(_assignment(ref, part, leads, ctx, request=req, item=k, read="sentence"))
                    if len(produced) - first_of_t > 1 and (closes := _CLOSING_TIME.search(t)) is not None:
                        # '... Bộ X chủ trì ...; Đài A, Đài B duy trì ... . Thời gian thực hiện: hằng năm.': the
                        # paragraph's closing time is every part's that states none
                        for a in produced[first_of_t:-1]:
                            if a["timing"]["kind"] == "unspecified":
                                a["timing"] = _timing("", ctx, closes.group(1))
                owner = section_owner(node) if k == 0 and node.kind == "num" else None
                if owner:
                    text = " ".join(cands)
                    produced.append(_assignment(node.ref, text, [owner], ctx, read="owner"))
                if k <= 1:
                    for a in produced:
                        a["item"] = None
        pass_down(node, produced, plain, section_time, lambda phrase: _timing("", ctx, phrase))
        # (a long bracket is a remark read as free text: '(năm 2024 đã đạt 45%, năm 2025 đạt 60%)' names no time)
        heading_timing(produced, node.title, lambda phrase: _timing("", ctx, phrase) if len(phrase) <= 30 else _timing(phrase, ctx))
        if purpose:
            # the Mục đích / Yêu cầu section states what everyone must do: only a named body's
            # part there is a task; what its subject must do ('X phải ...') is a requirement
            # (unless it sets a date: 'Sở Nội vụ phải hoàn thành việc rà soát ... trước ngày 30/6/2025' is a task)
            produced = [
                a for a in produced
                if not all(_vague(x) for x in a["lead"])
                and (_dated(a) or not states_requirement(a["text"], a["lead"]))
            ]
        out.extend(a for a in produced if not not_given_work(a))
    return out

