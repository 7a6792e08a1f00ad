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
    # Long on purpose: every sheet's rows checked in one pass, so all problems are reported at once.
    for sheet in COLUMNS:
        for row in data.rows[sheet]:
            for col in REQUIRED[sheet]:
                if not row.get(col):
                    errors.add(row, col, "ô bắt buộc đang để trống")
    seen: dict[str, Row] = {}
    for row in data.rows["units"]:
        code = row.get("code")
        if code in seen:
            errors.add(row, "code", f"mã đơn vị {code!r} đã dùng ở {seen[code].at}")
        seen[code] = row
        if row.get("external").lower() not in TRUE_WORDS | FALSE_WORDS:
            errors.add(row, "external", f"{row.get('external')!r} không phải có/không")
        for column in ("valid_from", "valid_to"):
            if row.get(column) and parse_day(row.get(column)) is None:
                errors.add(row, column, f"{row.get(column)!r} không phải ngày (cần dạng YYYY-MM-DD hoặc DD/MM/YYYY)")
        start, end = parse_day(row.get("valid_from")), parse_day(row.get("valid_to"))
        if start and end and end < start:
            errors.add(row, "valid_to", f"ngày kết thúc ({end}) trước ngày bắt đầu ({start})")
        if code in [p.strip() for p in row.get("predecessors").split(",")]:
            errors.add(row, "predecessors", f"đơn vị {code!r} không thể là tiền thân của chính nó")
    seen = {}
    for row in data.rows["officers"]:
        code = row.get("code")
        if code in seen:
            errors.add(row, "code", f"mã cán bộ {code!r} đã dùng ở {seen[code].at}")
        seen[code] = row
        if row.get("role") and row.get("role") not in ROLES:
            errors.add(row, "role", f"{row.get('role')!r} không phải một trong các vai trò {', '.join(ROLES)}")
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
                errors.add(row, "priority", f"{raw!r} không phải số nguyên từ 1 trở lên")
                continue
            p = int(raw)
        else:
            p = auto[row.get("officer")] + 1
        auto[row.get("officer")] = max(auto[row.get("officer")], p)
        key = (row.get("officer"), p)
        if key in prio:
            errors.add(row, "priority", f"cán bộ {key[0]!r} đã có liên hệ ưu tiên {p} "
                       f"({prio[key].at})")
        prio[key] = row
    keys: dict[str, Row] = {}
    for row in data.rows["aliases"]:
        if not name_key(row.get("alias")):
            errors.add(row, "alias", "tên gọi không có chữ cái nào")
            continue
        if row.get("unit") and row.get("kinds"):
            errors.add(row, "kinds", "một tên gọi chỉ một đơn vị (cột unit) hoặc một nhóm đơn vị (cột kinds), không cả hai")
        if not row.get("unit") and not row.get("kinds") and not row.get("within"):
            errors.add(row, "unit", "cần mã đơn vị (hoặc kinds/within cho tên gọi chỉ một nhóm đơn vị)")
        if row.get("officer") and not row.get("unit"):
            errors.add(row, "unit", "tên gọi chỉ một cán bộ phải ghi cả mã đơn vị của cán bộ đó")
        if row.get("role") and row.get("role") not in ROLES:
            errors.add(row, "role", f"{row.get('role')!r} không phải một trong các vai trò {', '.join(ROLES)}")
        key = name_key(row.get("alias"))
        if key in keys:
            other = keys[key]
            target = (row.get("unit"), row.get("officer"), row.get("kinds"), row.get("within"), row.get("role"))
            other_target = (other.get("unit"), other.get("officer"), other.get("kinds"), other.get("within"),
                            other.get("role"))
            if target != other_target:
                errors.add(row, "alias", f"{row.get('alias')!r} trùng tên với {other.get('alias')!r} ở "
                           f"{other.at} nhưng chỉ nơi khác ({_describe(other_target)} ở đó, "
                           f"{_describe(target)} ở đây)")
            else:
                errors.add(row, "alias", f"{row.get('alias')!r} lặp lại tên gọi {other.get('alias')!r} ở "
                           f"{other.at} (cùng một tên khi bỏ dấu, hoa thường); chỉ giữ một dòng")
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
        return f"đơn vị {unit}" + (f", cán bộ {officer}" if officer else "")
    return f"nhóm {kinds or '-'} thuộc {within or 'cơ quan ban hành'}" + (f", vai trò {role}" if role else "")
