"""The directory file: units, officers, contacts and aliases, kept by a focal officer in Excel.

Formats (the same four tables in each; headers are stable English words, a Vietnamese hint in
parentheses is allowed after them, e.g. ``name (tên đơn vị)``):

- **.xlsx**: sheets ``Units``, ``Officers``, ``Contacts``, ``Aliases`` (other sheets, such as the
  ``Hướng dẫn`` help sheet, are ignored); first row = headers.
- **.yaml**: a mapping ``{units: [...], officers: [...], contacts: [...], aliases: [...]}``, each a list of
  mappings with the same keys as the sheet columns.
- **.csv**: one table (UTF-8, BOM allowed; ``,`` or ``;`` between cells, as Excel writes it in a
  Vietnamese locale) whose first column ``record`` says which table the row belongs
  to (``unit``, ``officer``, ``contact``, ``alias``); the other columns are the union of the four tables'
  columns, and a row may only fill the columns of its own record.

Columns:
  Units     code*, name*, kind, parent (code), external (có/không: requested, not ordered: MTTQ, hội ...)
  Officers  code*, unit* (code), name*, role (head|deputy|focal|staff), position (chức danh)
  Contacts  officer* (code), channel, url* (apprise URL), priority (1 = tried first)
  Aliases   alias*, then either unit (code) [+ officer (code)] for a fixed target, or kinds (+ within, role)
            for a collective (see dondoc.directory.resolve)

Import is one transaction (any error stores nothing) and idempotent: units, officers and aliases are
matched by code / key and updated in place; contacts are the file's list per officer; officers missing from
the file are marked inactive; aliases missing from the file are removed. Contact URLs are sealed at rest.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.errors import DirectoryError, InputError
from dondoc.models import Alias, Contact, Officer, Unit
from dondoc.secrets import seal, unseal
from dondoc.directory.resolve import name_key

COLUMNS: dict[str, list[str]] = {
    "units": ["code", "name", "kind", "parent", "external"],
    "officers": ["code", "unit", "name", "role", "position"],
    "contacts": ["officer", "channel", "url", "priority"],
    "aliases": ["alias", "unit", "officer", "kinds", "within", "role"],
}
REQUIRED: dict[str, set[str]] = {
    "units": {"code", "name"}, "officers": {"code", "unit", "name"}, "contacts": {"officer", "url"},
    "aliases": {"alias"},
}
SHEET_TITLES = {"units": "Units", "officers": "Officers", "contacts": "Contacts", "aliases": "Aliases"}
RECORDS = {"unit": "units", "officer": "officers", "contact": "contacts", "alias": "aliases"}
HINTS: dict[str, dict[str, str]] = {
    "units": {"code": "mã", "name": "tên đơn vị", "kind": "loại", "parent": "mã đơn vị cấp trên",
              "external": "ngoài quyền chỉ đạo: có/không"},
    "officers": {"code": "mã", "unit": "mã đơn vị", "name": "họ tên", "role": "vai trò", "position": "chức danh"},
    "contacts": {"officer": "mã cán bộ", "channel": "kênh", "url": "địa chỉ apprise", "priority": "thứ tự"},
    "aliases": {"alias": "tên gọi trong kế hoạch", "unit": "mã đơn vị", "officer": "mã cán bộ",
                "kinds": "nhóm: các loại đơn vị", "within": "trong: loại đơn vị cấp trên",
                "role": "vai trò người nhận"},
}
ROLES = ("head", "deputy", "focal", "staff")
TRUE_WORDS = {"yes", "true", "1", "x", "có", "co", "c"}
FALSE_WORDS = {"", "no", "false", "0", "không", "khong", "k"}

# apprise URL schemes (apprise 1.x plugins, enumerated once) plus dondoc's own channels.
DONDOC_SCHEMES = {"zalooa", "zns", "outbox"}
APPRISE_SCHEMES = set("""
46elks apprise apprises aprs atalk azure bark barks blink1 bluesky brevo bsky bulksms bulkvs burstsms chanify
chime clickatell clicksend d7sms dapnet dbus dingtalk discord dot eight00com elks emby embys enigma2 enigma2s
evolution evolutions exotel fcm feishu flock form forms freemobile gchat gio glib gnome gotify gotifys groupme
growl guilded hassio hassios httpsms humhub humhubs ifttt irc ircs jellyfin jellyfins jira join json jsons
kavenegar kde kodi kodis kook kumulos lametric lametrics lark line macosx mailersend mailgun mailto mailtos
mastodon mastodons matrix matrixs misskey misskeys mmost mmosts mqtt mqtts msg91 msgbird ncloud nclouds nctalk
nctalks nexmo notica noticas notifiarr notifico notificos notifyre ntfy ntfys o365 octopush onesignal opsgenie
pagerduty pagertree parsep parseps pbul pinglet pinglets pjet pjets plivo postmark pover prowl psafer psafers
push pushdeer pushdeers pushed pushme pushplus pushy qq qt reddit resend revolt ringc rocket rockets rsyslog
ryver schan sendgrid sendpulse serwersms ses session sessions seven sfr signal signals signl4 sinch slack smpp
smpps smsc smseagle smseagles smsmanager smsmgr smtp2go sns sogs sparkpost spike splunk spugpush spush
stackfield strmlabs synology synologys syslog tgram threema toot toots trigv trigvs tweet twilio twist twitter
vapid viber victorops voipms vonage webex wechat wecom wecombot whatsapp windows workflow workflows wxpusher
wxteams x xbmc xbmcs xml xmls xmpp xmpps zoom zulip
""".split())
KNOWN_SCHEMES = APPRISE_SCHEMES | DONDOC_SCHEMES
CHANNEL_OF_SCHEME = {"mailto": "email", "mailtos": "email", "tgram": "telegram", "zalooa": "zalo", "zns": "zalo",
                     "json": "webhook", "jsons": "webhook", "form": "webhook", "forms": "webhook",
                     "xml": "webhook", "xmls": "webhook", "outbox": "outbox"}
_URL = re.compile(r"^([a-z][a-z0-9+.-]*)://([^\s]+)$")


@dataclass
class Row:
    sheet: str
    line: int
    values: dict[str, str]
    line_word: str = "row"  # "line" for YAML, where the number is the file's line

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass
class DirectoryData:
    source: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {s: [] for s in COLUMNS})

    def plain(self) -> dict[str, list[dict[str, str]]]:
        """The tables as lists of {column: value} with empty values dropped (for comparisons, YAML)."""
        return {s: [{k: v for k, v in r.values.items() if v != ""} for r in rows] for s, rows in self.rows.items()}


@dataclass
class ImportCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


@dataclass
class DirectoryImportResult:
    source: str
    units: ImportCounts = field(default_factory=ImportCounts)
    officers: ImportCounts = field(default_factory=ImportCounts)
    contacts: ImportCounts = field(default_factory=ImportCounts)
    aliases: ImportCounts = field(default_factory=ImportCounts)
    warnings: list[str] = field(default_factory=list)
    plans: list[Any] = field(default_factory=list)  # importer.Reresolved: stored plans resolved again

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.removed
                   for c in (self.units, self.officers, self.contacts, self.aliases))

    def as_dict(self) -> dict[str, Any]:
        return {name: vars(getattr(self, name)) for name in ("units", "officers", "contacts", "aliases")} | {
            "changed": self.changed, "warnings": self.warnings, "plans": [p.as_dict() for p in self.plans]}


class _Errors:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, row: Row | None, column: str | None, message: str, *, sheet: str | None = None) -> None:
        where = []
        if row is not None or sheet:
            where.append(f"sheet {SHEET_TITLES.get(sheet or row.sheet, sheet or row.sheet)}")  # type: ignore[union-attr]
        if row is not None:
            where.append(f"{row.line_word} {row.line}")
        if column:
            where.append(f"column {column}")
        self.items.append((", ".join(where) + ": " if where else "") + message)

    def raise_if_any(self) -> None:
        if self.items:
            more = f" (and {len(self.items) - 1} more: " + "; ".join(self.items[1:6]) + ")" if len(self.items) > 1 else ""
            err = DirectoryError(self.items[0] + more, path=self.source)
            err.errors = list(self.items)  # type: ignore[attr-defined]
            raise err


# -- reading ----------------------------------------------------------------------------------------

def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _header(text: Any) -> str:
    """'name (tên đơn vị)' -> 'name'."""
    return _cell(text).split("(", 1)[0].strip().lower()


def _table(data: DirectoryData, errors: _Errors, sheet: str, header: list[Any],
           body: list[tuple[int, list[Any]]]) -> None:
    columns = [_header(h) for h in header]
    allowed = COLUMNS[sheet]
    for n, col in enumerate(columns):
        if col and col not in allowed:
            errors.add(None, col, f"unknown column {header[n]!r} (expected: {', '.join(allowed)})", sheet=sheet)
    missing = REQUIRED[sheet] - set(columns)
    if missing:
        errors.add(None, None, f"missing column(s) {', '.join(sorted(missing))} (expected: {', '.join(allowed)})",
                   sheet=sheet)
    for line, cells in body:
        values = {c: _cell(v) for c, v in zip(columns, cells) if c in allowed}
        if any(values.values()):
            data.rows[sheet].append(Row(sheet, line, values))


def _read_xlsx(path: Path, errors: _Errors) -> DirectoryData:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DirectoryError(f"not a readable Excel workbook ({type(exc).__name__}); expected an .xlsx file with "
                             "sheets Units, Officers, Contacts, Aliases", path=str(path)) from exc
    data = DirectoryData(source=str(path))
    try:
        titles = {ws.title.strip().lower(): ws for ws in wb.worksheets}
        if "units" not in titles:
            raise DirectoryError("no sheet 'Units' (expected sheets Units, Officers, Contacts, Aliases)",
                                 path=str(path))
        for sheet in COLUMNS:
            ws = titles.get(sheet)
            if ws is None:
                continue
            rows = ws.iter_rows(values_only=True)
            header = list(next(rows, None) or [])
            body = [(n, list(r)) for n, r in enumerate(rows, start=2)]
            _table(data, errors, sheet, header, body)
    finally:
        wb.close()
    return data


def _read_csv(path: Path, errors: _Errors) -> DirectoryData:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DirectoryError("not UTF-8 text; save the CSV as 'CSV UTF-8'", path=str(path)) from exc
    # Excel in a Vietnamese locale (decimal comma) saves CSV with ';' between cells.
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    data = DirectoryData(source=str(path))
    if not header or _header(header[0]) != "record":
        raise DirectoryError("the first column must be 'record' (unit, officer, contact or alias)", path=str(path))
    columns = [_header(h) for h in header]
    union = {c for cols in COLUMNS.values() for c in cols}
    for n, col in enumerate(columns[1:], start=1):
        if col not in union:
            errors.add(None, col, f"unknown column {header[n]!r} (expected: record, {', '.join(sorted(union))})",
                       sheet="csv")
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        kind = _cell(cells[0]).lower()
        sheet = RECORDS.get(kind)
        if sheet is None:
            errors.items.append(f"row {line}, column record: {cells[0]!r} is not one of unit, officer, contact, alias")
            continue
        values: dict[str, str] = {}
        for col, cell in zip(columns[1:], cells[1:]):
            v = _cell(cell)
            if not v or col not in union:
                continue
            if col not in COLUMNS[sheet]:
                errors.items.append(f"row {line}, column {col}: does not apply to a {kind} record "
                                    f"(a {kind} has {', '.join(COLUMNS[sheet])})")
                continue
            values[col] = v
        data.rows[sheet].append(Row(sheet, line, values))
    for sheet in COLUMNS:
        for row in data.rows[sheet]:
            for col in REQUIRED[sheet] - set(row.values):
                errors.add(row, col, "required value is empty")
    return data


def _yaml_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of the items of each top-level list (for error messages)."""
    import yaml

    out: dict[str, list[int]] = {}
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return out
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if isinstance(value, yaml.SequenceNode):
                out[str(key.value)] = [item.start_mark.line + 1 for item in value.value]
    return out


def _read_yaml(path: Path, errors: _Errors) -> DirectoryData:
    import yaml

    text = path.read_text(encoding="utf-8")
    try:
        doc = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DirectoryError(f"not valid YAML: {exc}".replace("\n", " "), path=str(path)) from exc
    if not isinstance(doc, dict) or "units" not in doc:
        raise DirectoryError("expected a mapping with the lists units, officers, contacts, aliases", path=str(path))
    lines = _yaml_lines(text)
    data = DirectoryData(source=str(path))
    for key in doc:
        if key not in COLUMNS:
            errors.add(None, None, f"unknown section {key!r} (expected: {', '.join(COLUMNS)})", sheet=str(key))
    for sheet in COLUMNS:
        items = doc.get(sheet) or []
        if not isinstance(items, list):
            errors.add(None, None, "expected a list of mappings", sheet=sheet)
            continue
        for n, item in enumerate(items):
            line = lines.get(sheet, [])[n] if n < len(lines.get(sheet, [])) else n + 1
            if not isinstance(item, dict):
                errors.items.append(f"sheet {SHEET_TITLES[sheet]}, line {line}: expected a mapping of "
                                    f"{', '.join(COLUMNS[sheet])}")
                continue
            for col in item:
                if col not in COLUMNS[sheet]:
                    errors.items.append(f"sheet {SHEET_TITLES[sheet]}, line {line}, column {col}: unknown column "
                                        f"(expected: {', '.join(COLUMNS[sheet])})")
            row = Row(sheet, line, {c: _cell(item.get(c)) for c in COLUMNS[sheet] if _cell(item.get(c))}, "line")
            data.rows[sheet].append(row)
            for col in REQUIRED[sheet] - set(row.values):
                errors.add(row, col, "required value is empty")
    return data


def read_directory(path: str | Path) -> DirectoryData:
    """Read and check a directory file on its own (no database): raises DirectoryError naming each problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", path=str(path))
    errors = _Errors(str(path))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        data = _read_xlsx(path, errors)
    elif suffix == ".csv":
        data = _read_csv(path, errors)
    elif suffix in (".yaml", ".yml"):
        data = _read_yaml(path, errors)
    else:
        raise DirectoryError(f"unsupported directory format {suffix or '(none)'!r}: use .xlsx, .csv or .yaml",
                             path=str(path))
    errors.raise_if_any()
    _check_rows(data, errors)
    errors.raise_if_any()
    return data


def _check_rows(data: DirectoryData, errors: _Errors) -> None:
    """Checks that need no database: duplicates, values, URLs, required cells."""
    for sheet in COLUMNS:
        for row in data.rows[sheet]:
            for col in REQUIRED[sheet]:
                if not row.get(col):
                    errors.add(row, col, "required value is empty")
    seen: dict[str, Row] = {}
    for row in data.rows["units"]:
        code = row.get("code")
        if code in seen:
            errors.add(row, "code", f"unit code {code!r} already used on {seen[code].line_word} {seen[code].line}")
        seen[code] = row
        if row.get("external").lower() not in TRUE_WORDS | FALSE_WORDS:
            errors.add(row, "external", f"{row.get('external')!r} is not có/không (yes/no)")
    seen = {}
    for row in data.rows["officers"]:
        code = row.get("code")
        if code in seen:
            errors.add(row, "code", f"officer code {code!r} already used on {seen[code].line_word} {seen[code].line}")
        seen[code] = row
        if row.get("role") and row.get("role") not in ROLES:
            errors.add(row, "role", f"{row.get('role')!r} is not one of {', '.join(ROLES)}")
    prio: dict[tuple[str, int], Row] = {}
    auto: dict[str, int] = defaultdict(int)
    for row in data.rows["contacts"]:
        url = row.get("url")
        problem = url_problem(url)
        if problem:
            errors.add(row, "url", problem)
        raw = row.get("priority")
        if raw:
            if not raw.isdigit() or int(raw) < 1:
                errors.add(row, "priority", f"{raw!r} is not a whole number from 1")
                continue
            p = int(raw)
        else:
            p = auto[row.get("officer")] + 1
        auto[row.get("officer")] = max(auto[row.get("officer")], p)
        key = (row.get("officer"), p)
        if key in prio:
            errors.add(row, "priority", f"officer {key[0]!r} already has a contact of priority {p} "
                       f"({prio[key].line_word} {prio[key].line})")
        prio[key] = row
    keys: dict[str, Row] = {}
    for row in data.rows["aliases"]:
        if not name_key(row.get("alias")):
            errors.add(row, "alias", "the alias has no letters")
            continue
        if row.get("unit") and row.get("kinds"):
            errors.add(row, "kinds", "an alias names either a unit (fixed) or kinds (a collective), not both")
        if not row.get("unit") and not row.get("kinds") and not row.get("within"):
            errors.add(row, "unit", "expected a unit code (or kinds/within for a collective)")
        if row.get("officer") and not row.get("unit"):
            errors.add(row, "unit", "an alias naming an officer must also name the officer's unit")
        if row.get("role") and row.get("role") not in ROLES:
            errors.add(row, "role", f"{row.get('role')!r} is not one of {', '.join(ROLES)}")
        key = name_key(row.get("alias"))
        if key in keys:
            other = keys[key]
            target = (row.get("unit"), row.get("officer"), row.get("kinds"), row.get("within"), row.get("role"))
            other_target = (other.get("unit"), other.get("officer"), other.get("kinds"), other.get("within"),
                            other.get("role"))
            if target != other_target:
                errors.add(row, "alias", f"{row.get('alias')!r} is the same name as {other.get('alias')!r} on "
                           f"{other.line_word} {other.line} but points elsewhere ({_describe(other_target)} there, "
                           f"{_describe(target)} here)")
            else:
                errors.add(row, "alias", f"{row.get('alias')!r} repeats the alias {other.get('alias')!r} of "
                           f"{other.line_word} {other.line} (same name once normalised); keep one row")
        keys[key] = row


def _describe(target: tuple[str, ...]) -> str:
    unit, officer, kinds, within, role = target
    if unit:
        return f"unit {unit}" + (f", officer {officer}" if officer else "")
    return f"kinds {kinds or '-'} within {within or 'issuer'}" + (f", role {role}" if role else "")


def url_problem(url: str) -> str | None:
    """Why `url` is not a usable apprise URL, or None."""
    m = _URL.match(url.strip())
    if not m:
        return f"{url!r} is not a URL of the form scheme://... (e.g. mailto://user@example.org)"
    scheme, rest = m.group(1), m.group(2)
    if scheme not in KNOWN_SCHEMES:
        return (f"unknown channel scheme {scheme!r} in {url!r} (expected an apprise scheme such as mailto, mailtos, "
                "tgram, json, form, or zalooa, zns, outbox)")
    host = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if not host:
        return f"{url!r} has nothing after {scheme}:// (expected a host, an address or a token)"
    if scheme in ("mailto", "mailtos") and "@" not in rest and "." not in host:
        return f"{url!r} names no mail address or server (expected e.g. mailto://user@example.org)"
    return None


def channel_of(url: str) -> str:
    m = _URL.match(url.strip())
    scheme = m.group(1) if m else ""
    return CHANNEL_OF_SCHEME.get(scheme, scheme or "other")


def _truthy(text: str) -> bool:
    return text.strip().lower() in TRUE_WORDS


# -- importing --------------------------------------------------------------------------------------

def import_directory(*, engine: Engine, settings: Settings, path: str | Path, now: dt.datetime) -> DirectoryImportResult:
    """Read `path` and apply it to the database in one transaction (nothing stored on any error).

    When the directory changed, every stored plan is resolved again in the same transaction, so names that
    an added unit or alias now covers get their obligations at once (and units the directory just retired stop
    receiving the plans' tasks).
    """
    from dondoc.intake.importer import reresolve_plans

    data = read_directory(path)
    with session_scope(engine) as session:
        result = apply_directory(session, data=data, settings=settings, now=now)
        if result.changed:
            result.plans = reresolve_plans(session, settings=settings, now=now)
        return result


def apply_directory(session: Session, *, data: DirectoryData, settings: Settings,
                    now: dt.datetime) -> DirectoryImportResult:
    """Apply checked directory data to the session (the caller commits, or rolls back on error)."""
    errors = _Errors(data.source)
    result = DirectoryImportResult(source=data.source)
    units = {u.code: u for u in session.exec(select(Unit)).all()}
    officers = {o.code: o for o in session.exec(select(Officer)).all()}

    # References and the unit tree, against the file plus what the database already holds.
    file_units = {r.get("code"): r for r in data.rows["units"]}
    parent_of: dict[str, str | None] = {}
    by_id = {u.id: u for u in units.values()}
    for code, u in units.items():
        parent = by_id.get(u.parent_id) if u.parent_id else None
        parent_of[code] = parent.code if parent else None
    for code, row in file_units.items():
        parent = row.get("parent") or None
        if parent and parent not in file_units and parent not in units:
            errors.add(row, "parent", f"unknown parent unit {parent!r} (expected a code of sheet Units)")
        if parent == code:
            errors.add(row, "parent", f"unit {code!r} cannot be its own parent")
        parent_of[code] = parent
    reported: set[str] = set()
    for code in file_units:
        chain, cur = [code], parent_of.get(code)
        while cur is not None and cur not in chain:
            chain.append(cur)
            cur = parent_of.get(cur)
        if cur is not None and cur == code and code not in reported:
            reported.update(chain)
            errors.add(file_units[code], "parent", "unit cycle: " + " -> ".join(chain + [code]) +
                       " (a unit cannot be its own superior)")
    file_officers = {r.get("code"): r for r in data.rows["officers"]}
    for row in data.rows["officers"]:
        if row.get("unit") not in file_units and row.get("unit") not in units:
            errors.add(row, "unit", f"unknown unit {row.get('unit')!r} (expected a code of sheet Units)")
    for row in data.rows["contacts"]:
        if row.get("officer") not in file_officers:
            errors.add(row, "officer", f"unknown officer {row.get('officer')!r} (expected a code of sheet Officers)")
    for row in data.rows["aliases"]:
        if row.get("unit") and row.get("unit") not in file_units and row.get("unit") not in units:
            errors.add(row, "unit", f"unknown unit {row.get('unit')!r} (expected a code of sheet Units)")
        off = row.get("officer")
        if off:
            orow = file_officers.get(off)
            if orow is None:
                errors.add(row, "officer", f"unknown officer {off!r} (expected a code of sheet Officers)")
            elif orow.get("unit") != row.get("unit"):
                errors.add(row, "officer", f"officer {off!r} belongs to unit {orow.get('unit')!r}, "
                           f"not {row.get('unit')!r}")
    errors.raise_if_any()

    # Units: create/update without parents, then link parents (order-free within the file).
    changed: set[str] = set()
    for code, row in file_units.items():
        unit = units.get(code)
        fields = {"name": row.get("name"), "kind": row.get("kind") or "unit", "external": _truthy(row.get("external"))}
        if unit is None:
            unit = Unit(code=code, created_at=now, **fields)
            session.add(unit)
            units[code] = unit
            result.units.created += 1
        elif _assign(unit, fields):
            session.add(unit)
            changed.add(code)
    session.flush()
    for code, row in file_units.items():
        unit = units[code]
        parent_id = units[row.get("parent")].id if row.get("parent") else None
        if unit.parent_id != parent_id:
            unit.parent_id = parent_id
            session.add(unit)
            changed.add(code)
    existing_codes = {u.code for u in by_id.values()}
    absent = sorted(existing_codes - set(file_units))
    if absent:
        result.warnings.append(f"{len(absent)} unit(s) of the database are not in the file and were kept (plans may "
                               f"refer to them): {', '.join(absent[:10])}{' ...' if len(absent) > 10 else ''}")
    result.units.updated = len(changed & existing_codes)
    result.units.unchanged = len((set(file_units) & existing_codes) - changed)
    session.flush()

    # Officers, by code; those absent from the file become inactive.
    for code, row in file_officers.items():
        off = officers.get(code)
        fields = {"unit_id": units[row.get("unit")].id, "name": row.get("name"), "role": row.get("role") or "staff",
                  "position": row.get("position") or None, "active": True}
        if off is None:
            off = Officer(code=code, created_at=now, **fields)
            session.add(off)
            officers[code] = off
            result.officers.created += 1
        elif _assign(off, fields):
            session.add(off)
            result.officers.updated += 1
        else:
            result.officers.unchanged += 1
    for code, off in officers.items():
        if code not in file_officers and off.active:
            off.active = False
            session.add(off)
            result.officers.removed += 1
    session.flush()

    # Contacts: the file's list per officer, matched by priority; URLs sealed at rest.
    existing: dict[tuple[int, int], Contact] = {(c.officer_id, c.priority): c for c in session.exec(select(Contact)).all()}
    wanted: set[tuple[int, int]] = set()
    next_prio: dict[str, int] = defaultdict(int)
    for row in data.rows["contacts"]:
        code = row.get("officer")
        prio = int(row.get("priority")) if row.get("priority") else next_prio[code] + 1
        next_prio[code] = max(next_prio[code], prio)
        officer_id = officers[code].id
        assert officer_id is not None
        url = row.get("url").strip()
        channel = row.get("channel") or channel_of(url)
        key = (officer_id, prio)
        wanted.add(key)
        contact = existing.get(key)
        if contact is None:
            session.add(Contact(officer_id=officer_id, channel=channel, url=seal(url, settings), priority=prio))
            result.contacts.created += 1
        elif unseal(contact.url, settings) != url or contact.channel != channel:
            contact.url = seal(url, settings)
            contact.channel = channel
            session.add(contact)
            result.contacts.updated += 1
        else:
            result.contacts.unchanged += 1
    for key, contact in existing.items():
        if key not in wanted:
            session.delete(contact)
            result.contacts.removed += 1
    session.flush()

    # Aliases, by normalised key; those absent from the file are removed.
    aliases = {a.key: a for a in session.exec(select(Alias)).all()}
    seen_keys: set[str] = set()
    for row in data.rows["aliases"]:
        key = name_key(row.get("alias"))
        seen_keys.add(key)
        fields = {
            "name": row.get("alias"),
            "unit_id": units[row.get("unit")].id if row.get("unit") else None,
            "officer_id": officers[row.get("officer")].id if row.get("officer") else None,
            "kinds": _list(row.get("kinds")), "within": _list(row.get("within")), "role": row.get("role") or None,
        }
        alias = aliases.get(key)
        if alias is None:
            session.add(Alias(key=key, **fields))
            result.aliases.created += 1
        elif _assign(alias, fields):
            session.add(alias)
            result.aliases.updated += 1
        else:
            result.aliases.unchanged += 1
    for key, alias in aliases.items():
        if key not in seen_keys:
            session.delete(alias)
            result.aliases.removed += 1
    session.flush()
    return result


def _list(text: str) -> str | None:
    items = [t.strip() for t in text.split(",") if t.strip()]
    return ", ".join(items) if items else None


def _assign(obj: Any, fields: dict[str, Any]) -> bool:
    changed = False
    for k, v in fields.items():
        if getattr(obj, k) != v:
            setattr(obj, k, v)
            changed = True
    return changed


# -- exporting --------------------------------------------------------------------------------------

def dump_directory(session: Session, *, settings: Settings) -> DirectoryData:
    """The database's directory as file rows (parents before children; contact URLs unsealed)."""
    data = DirectoryData(source="database")
    units = session.exec(select(Unit).order_by(Unit.id)).all()  # type: ignore[arg-type]
    by_id = {u.id: u for u in units}
    children: dict[int | None, list[Unit]] = defaultdict(list)
    for u in units:
        children[u.parent_id if u.parent_id in by_id else None].append(u)
    ordered: list[Unit] = []
    stack = list(reversed(children[None]))
    while stack:
        u = stack.pop()
        ordered.append(u)
        stack.extend(reversed(children.get(u.id, [])))
    for n, u in enumerate(ordered, start=2):
        parent = by_id.get(u.parent_id) if u.parent_id else None
        data.rows["units"].append(Row("units", n, _drop_empty({
            "code": u.code, "name": u.name, "kind": u.kind, "parent": parent.code if parent else "",
            "external": "có" if u.external else ""})))
    order = {u.id: i for i, u in enumerate(ordered)}
    officers = [o for o in session.exec(select(Officer)).all() if o.active]
    officers.sort(key=lambda o: (order.get(o.unit_id, 0), o.id))
    off_by_id = {o.id: o for o in officers}
    for n, o in enumerate(officers, start=2):
        data.rows["officers"].append(Row("officers", n, _drop_empty({
            "code": o.code, "unit": by_id[o.unit_id].code, "name": o.name, "role": o.role,
            "position": o.position or ""})))
    off_order = {o.id: i for i, o in enumerate(officers)}
    contacts = [c for c in session.exec(select(Contact)).all() if c.officer_id in off_by_id]
    contacts.sort(key=lambda c: (off_order[c.officer_id], c.priority))
    for n, c in enumerate(contacts, start=2):
        data.rows["contacts"].append(Row("contacts", n, _drop_empty({
            "officer": off_by_id[c.officer_id].code, "channel": c.channel, "url": unseal(c.url, settings),
            "priority": str(c.priority)})))
    aliases = session.exec(select(Alias).order_by(Alias.id)).all()  # type: ignore[arg-type]
    for n, a in enumerate(aliases, start=2):
        officer = session.get(Officer, a.officer_id) if a.officer_id else None
        data.rows["aliases"].append(Row("aliases", n, _drop_empty({
            "alias": a.name, "unit": by_id[a.unit_id].code if a.unit_id in by_id else "",
            "officer": officer.code if officer else "", "kinds": a.kinds or "", "within": a.within or "",
            "role": a.role or ""})))
    return data


def _drop_empty(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if v != ""}


def write_directory(data: DirectoryData, path: str | Path, *, fmt: str | None = None) -> Path:
    """Write directory rows as .xlsx, .yaml or .csv (format from `fmt`, else from the suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "xlsx").lower()
    if fmt == "yml":
        fmt = "yaml"
    if fmt not in ("xlsx", "yaml", "csv"):
        raise InputError(f"unsupported format {fmt!r}: use xlsx, yaml or csv")
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "yaml":
        path.write_text(to_yaml(data), encoding="utf-8")
    elif fmt == "csv":
        path.write_text(to_csv(data), encoding="utf-8-sig")
    else:
        _write_xlsx(data, path)
    return path


def to_yaml(data: DirectoryData) -> str:
    import yaml

    doc = {sheet: [{c: r.values[c] for c in COLUMNS[sheet] if r.values.get(c, "") != ""} for r in rows]
           for sheet, rows in data.rows.items()}
    header = ("# dondoc directory: units, officers, contacts (apprise URLs), aliases.\n"
              "# Import with `dondoc directory import FILE`; see dondoc.directory.files for the columns.\n")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return header + yaml.dump(doc, Dumper=dumper, allow_unicode=True, sort_keys=False, width=120)


def to_csv(data: DirectoryData) -> str:
    columns: list[str] = []
    for cols in COLUMNS.values():
        columns.extend(c for c in cols if c not in columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["record", *columns])
    records = {v: k for k, v in RECORDS.items()}
    for sheet, rows in data.rows.items():
        for r in rows:
            writer.writerow([records[sheet], *[r.values.get(c, "") for c in columns]])
    return out.getvalue()


HELP_ROWS = [
    ("Trang tính", "Cột", "Ý nghĩa"),
    ("Units", "code", "Mã đơn vị (không đổi; dùng để cập nhật khi nhập lại)"),
    ("Units", "name", "Tên đơn vị, viết như trong văn bản"),
    ("Units", "kind", "Loại: province, district, ward, commune, town, department, agency, school, front, "
                      "mass_org, association, council, party, committee, village, neighbourhood ..."),
    ("Units", "parent", "Mã đơn vị cấp trên (trống nếu là gốc)"),
    ("Units", "external", "có = cơ quan được đề nghị (MTTQ, hội, đoàn thể): nhắc nhẹ, không báo cáo vượt cấp"),
    ("Officers", "code / unit / name", "Mã cán bộ, mã đơn vị, họ tên"),
    ("Officers", "role", "head (thủ trưởng), deputy (phó), focal (đầu mối), staff"),
    ("Officers", "position", "Chức danh, ví dụ 'Công chức Lao động - Thương binh và Xã hội'"),
    ("Contacts", "url", "Địa chỉ apprise: mailto://ten@example.org, zalooa://..., json://..., outbox://..."),
    ("Contacts", "priority", "1 = thử trước"),
    ("Aliases", "alias", "Tên gọi khác xuất hiện trong kế hoạch"),
    ("Aliases", "unit / officer", "Đơn vị (và cán bộ) mà tên gọi chỉ tới"),
    ("Aliases", "kinds / within / role", "Tên tập thể ('UBND các xã, thị trấn'): các loại đơn vị con của cơ "
                                         "quan ban hành (hoặc của cấp trên loại 'within'); role: người nhận"),
]


def _write_xlsx(data: DirectoryData, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for sheet, title in SHEET_TITLES.items():
        ws = wb.create_sheet(title)
        ws.append([f"{c} ({HINTS[sheet][c]})" for c in COLUMNS[sheet]])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in data.rows[sheet]:
            ws.append([_xlsx_value(sheet, c, r.values.get(c, "")) for c in COLUMNS[sheet]])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":  # openpyxl takes '=...' for a formula: keep it the text it is
                    cell.data_type = "s"
        ws.freeze_panes = "A2"
        for n, col in enumerate(COLUMNS[sheet]):
            width = max([len(str(ws.cell(row=1, column=n + 1).value))] +
                        [len(r.values.get(col, "")) for r in data.rows[sheet]])
            ws.column_dimensions[chr(ord("A") + n)].width = min(max(width + 2, 8), 60)
    help_ws = wb.create_sheet("Hướng dẫn")
    for row in HELP_ROWS:
        help_ws.append(list(row))
    for cell in help_ws[1]:
        cell.font = Font(bold=True)
    help_ws.column_dimensions["A"].width = 12
    help_ws.column_dimensions["B"].width = 22
    help_ws.column_dimensions["C"].width = 100
    wb.save(path)


def _xlsx_value(sheet: str, column: str, value: str) -> Any:
    if sheet == "contacts" and column == "priority" and value.isdigit():
        return int(value)
    return value or None


def export_directory(*, engine: Engine, settings: Settings, path: str | Path, fmt: str | None = None) -> Path:
    with session_scope(engine) as session:
        data = dump_directory(session, settings=settings)
    return write_directory(data, path, fmt=fmt)
