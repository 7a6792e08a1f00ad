"""Checks of a directory read from a file: required columns, references between sheets, duplicates, contact URLs; every problem with its sheet and row."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict

from dondoc.directory.contacts import url_problem
from dondoc.directory.data import (
    COLUMNS,
    FALSE_WORDS,
    REQUIRED,
    ROLES,
    TRUE_WORDS,
    DirectoryData,
    Row,
    _Errors,
)
from dondoc.directory.names import name_key


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
        for col in ("valid_from", "valid_to"):
            if row.get(col) and parse_day(row.get(col)) is None:
                errors.add(row, col, f"{row.get(col)!r} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
        start, end = parse_day(row.get("valid_from")), parse_day(row.get("valid_to"))
        if start and end and end < start:
            errors.add(row, "valid_to", f"ends ({end}) before it starts ({start})")
        if code in [p.strip() for p in row.get("predecessors").split(",")]:
            errors.add(row, "predecessors", f"unit {code!r} cannot be its own predecessor")
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


def parse_day(text: str) -> dt.date | None:
    """'2025-07-01', '01/07/2025' or '1/7/2025' -> a date; None when empty or not a date."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if m:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def _describe(target: tuple[str, ...]) -> str:
    unit, officer, kinds, within, role = target
    if unit:
        return f"unit {unit}" + (f", officer {officer}" if officer else "")
    return f"kinds {kinds or '-'} within {within or 'issuer'}" + (f", role {role}" if role else "")
