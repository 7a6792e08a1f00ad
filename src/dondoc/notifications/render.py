"""Message texts: Jinja2 templates (Vietnamese) filled from plain view objects.

Every message has a subject, a plain-text body (Zalo, webhooks, SMS gateways, the outbox) and an
HTML body (email). The services build the views from the database; nothing here touches it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from dondoc.vietnamese import long_date, number, short_date, weekday

ROLE_LABELS = {
    "lead": "chủ trì",
    "support": "phối hợp",
    "report": "gửi báo cáo",
    "compile": "tổng hợp báo cáo",
}


def due_text(d: dt.date) -> str:
    """'thứ Tư, ngày 05 tháng 11 năm 2025'."""
    return f"{weekday(d)}, {long_date(d)}"


def days_text(days: int, *, courteous: bool = False) -> str:
    if days > 0:
        return f"còn {days} ngày"
    if days == 0:
        return "đến hạn hôm nay"
    return f"đã quá {-days} ngày" if courteous else f"quá hạn {-days} ngày"


@dataclass
class ItemView:
    task: str
    unit: str
    role: str
    period: str
    due: dt.date
    days: int  # days left; negative when overdue
    status: str
    courteous: bool = False
    level: int = 0
    reminded: int = 0
    reminded_since: dt.date | None = None
    reminded_who: list[str] = field(default_factory=list)
    last_update: dt.date | None = None
    own_unit: bool = True  # the recipient's own unit (no need to name it)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def due_text(self) -> str:
        return due_text(self.due)

    @property
    def days_text(self) -> str:
        return days_text(self.days, courteous=self.courteous)

    @property
    def since_text(self) -> str:
        return short_date(self.reminded_since) if self.reminded_since else ""

    @property
    def last_update_text(self) -> str:
        return short_date(self.last_update) if self.last_update else ""


@dataclass
class PlanView:
    title: str
    number: str | None = None
    reminders: list[ItemView] = field(default_factory=list)
    overdue: list[ItemView] = field(default_factory=list)
    escalations: list[ItemView] = field(default_factory=list)
    stale: list[ItemView] = field(default_factory=list)

    @property
    def heading(self) -> str:
        title = self.title.strip()
        if self.number and self.number.strip("/ ").strip() and self.number not in title:
            return f"Kế hoạch số {self.number}: {title}"
        return title

    def items(self) -> list[ItemView]:
        return self.reminders + self.overdue + self.escalations + self.stale

    def escalations_by_unit(self) -> list[tuple[str, list[ItemView]]]:
        """The late units and what each owes, a unit once (a head may hear of dozens of items at a time)."""
        groups: dict[str, list[ItemView]] = {}
        for item in self.escalations:
            groups.setdefault(item.unit, []).append(item)
        return list(groups.items())


@dataclass
class DigestView:
    officer: str
    unit: str
    day: dt.date
    link: str
    position: str | None = None
    plans: list[PlanView] = field(default_factory=list)

    @property
    def day_text(self) -> str:
        return long_date(self.day)

    @property
    def courteous(self) -> bool:
        """Every item is a request (Đề nghị) to a body outside the issuer's authority."""
        items = [i for p in self.plans for i in p.items()]
        return bool(items) and all(i.courteous for i in items)

    @property
    def own_items(self) -> bool:
        """The officer's own work is in the message (not only other units' to chase)."""
        return bool(self.count("reminders") or self.count("overdue"))

    def count(self, section: str) -> int:
        return sum(len(getattr(p, section)) for p in self.plans)


@dataclass
class AttemptView:
    channel: str
    target: str
    status: str
    error: str | None


@dataclass
class UnreachableView:
    recipient: str
    officer: str
    unit: str
    day: dt.date
    position: str | None
    attempts: list[AttemptView]
    plans: list[PlanView]
    link: str = ""
    subject_lost: str = ""

    @property
    def day_text(self) -> str:
        return long_date(self.day)


@functools.cache
def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dondoc.notifications", "templates"),
        autoescape=lambda name: bool(name) and ".html" in name,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["short_date"] = short_date
    return env


def _render(name: str, **ctx: Any) -> str:
    return str(_env().get_template(name).render(**ctx))


def digest_subject(view: DigestView) -> str:
    when = short_date(view.day)
    if view.courteous:
        return f"Đề nghị phối hợp cập nhật tình hình thực hiện kế hoạch ({when})"
    parts = []
    for section, label in (("reminders", "nhiệm vụ sắp đến hạn"), ("overdue", "nhiệm vụ quá hạn"),
                           ("escalations", "nội dung chậm cần chỉ đạo"), ("stale", "nhiệm vụ lâu chưa cập nhật")):
        n = view.count(section)
        if n:
            parts.append(f"{n} {label}")
    return f"Đôn đốc thực hiện kế hoạch: {', '.join(parts) or 'thông báo'} ({when})"


def render_digest(view: DigestView) -> tuple[str, str, str]:
    return (digest_subject(view), _render("digest.txt.j2", d=view), _render("digest.html.j2", d=view))


def render_unreachable(view: UnreachableView) -> tuple[str, str, str]:
    subject = f"Không liên lạc được: đồng chí {view.officer} ({view.unit})"
    return (subject, _render("unreachable.txt.j2", u=view), _render("unreachable.html.j2", u=view))


def render_test(*, officer: str, unit: str, channel: str, at: dt.datetime) -> tuple[str, str, str]:
    subject = "Tin nhắn thử từ hệ thống dondoc"
    ctx = {"officer": officer, "unit": unit, "channel": channel, "at": at.strftime("%H:%M") + " " + long_date(at.date())}
    return (subject, _render("test.txt.j2", **ctx), _render("test.html.j2", **ctx))


@dataclass
class AssignedItem:
    ref: str
    task: str
    role: str
    due: dt.date
    unit: str = ""
    own_unit: bool = True
    period_label: str = ""

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def due_text(self) -> str:
        return due_text(self.due)


@dataclass
class AssignmentView:
    """The assignment notice (giao việc) an officer gets when a plan is activated or tasks are added."""

    officer: str
    unit: str
    plan_title: str
    plan_number: str | None
    items: list[AssignedItem]
    link: str
    added: bool = False  # tasks added to a plan already followed

    @property
    def intro(self) -> str:
        plan = f"{self.plan_title}" + (f" (số {self.plan_number})" if self.plan_number else "")
        if self.added:
            return f"Kế hoạch {plan} được bổ sung {len(self.items)} nội dung giao cho đơn vị:"
        return f"Kế hoạch {plan} đã được ban hành theo dõi. Đơn vị được giao {len(self.items)} nội dung sau:"


def render_assignment(view: AssignmentView) -> tuple[str, str, str]:
    verb = "Bổ sung nhiệm vụ" if view.added else "Giao nhiệm vụ"
    subject = f"{verb}: {view.plan_number or view.plan_title} ({len(view.items)} nội dung)"
    return (subject, _render("assignment.txt.j2", a=view), _render("assignment.html.j2", a=view))


# ---- files sent with a message (the consolidated report) ------------------------------------------

_FILE_KINDS = {".docx": "văn bản Word", ".doc": "văn bản Word", ".xlsx": "phụ lục Excel", ".xls": "phụ lục Excel",
               ".pdf": "bản PDF"}
_CHANNEL_NAMES = {"zalo": "Zalo", "zns": "Zalo (ZNS)", "telegram": "Telegram", "webhook": "kênh nhắn tin này"}


def _file_list(names: list[str]) -> str:
    out = []
    for name in names:
        ext = name[name.rfind("."):].lower() if "." in name else ""
        kind = _FILE_KINDS.get(ext)
        out.append(f"{name} ({kind})" if kind else name)
    return ", ".join(out)


def files_attached_note(names: list[str]) -> str:
    """Closes a message that carries its files."""
    return f"Tệp gửi kèm: {_file_list(names)}."


def files_linked_note(names: list[str], *, channel: str, link: str = "", too_big_mb: float | None = None) -> str:
    """Opens a message whose files could not go along: why, and where the recipient downloads them
    (the focal page, whose link follows and lists the plan's compiled reports with their files; a
    recipient without that page is told to ask for them).
    At the top, so a channel that cuts long texts (Zalo) keeps it."""
    files = _file_list(names)
    if too_big_mb is not None:
        size = number(round(too_big_mb, 2), 2)
        lines = [f"Tệp báo cáo lớn hơn {size} MB (giới hạn gửi kèm) nên không gửi kèm: {files}."]
    else:
        lines = [f"Tệp báo cáo không gửi kèm được qua {_CHANNEL_NAMES.get(channel, 'kênh này')}: {files}."]
    if "/focal/" in link:
        lines.append("Tải tệp báo cáo (Word, Excel) tại mục \"Báo cáo tổng hợp\" của trang theo dõi kế hoạch "
                     "theo đường dẫn dưới đây.")
    else:  # no link, or an upper-level recipient's own page (which does not list the plan's reports)
        lines.append("Tệp được lưu trên hệ thống dondoc; đề nghị nhận qua email đã đăng ký hoặc liên hệ bộ phận "
                     "quản trị dondoc để được gửi lại.")
    if link:
        lines.append(f"Trang theo dõi kế hoạch: {link}")
    return "\n".join(lines)


# ---- personal links in files at rest (the outbox channel) ---------------------------------------------

# A personal link's token as it appears in a sent text: /t/ then the token (collect.links.new_token():
# 43 characters of the URL-safe alphabet), maybe followed by a page (/t/TOKEN/focal/3). The stored
# placeholder (~lien-ket~) is not a token and is left alone.
_LIVE_TOKEN = re.compile(r"/t/([A-Za-z0-9_-]{16,})")
SHOWN_PREFIX = 6  # characters of a token kept in a file at rest: enough to find the line in `dondoc links`
REDACTED_MARK = "…"

LINKS_REDACTED_NOTE = (f"Liên kết cá nhân trong tệp này chỉ giữ {SHOWN_PREFIX} ký tự đầu (tệp lưu trên đĩa không "
                       "chứa liên kết dùng được). Liên kết đầy đủ: lệnh `dondoc links` (dòng có liên kết bắt đầu "
                       "bằng các ký tự đó), hoặc tin nhắn gửi qua Zalo, email của cán bộ.")


def redact_links(text: str) -> tuple[str, int]:
    """`text` with every personal link cut to its token's first characters (`/t/AbC12x…`): a file that
    holds a message (the outbox) is not a credential at rest. Returns (text, number of links cut)."""
    text, n = _LIVE_TOKEN.subn(lambda m: f"/t/{m.group(1)[:SHOWN_PREFIX]}{REDACTED_MARK}", text)
    return text, n
