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
the file are marked inactive; aliases missing from the file are removed. Contact URLs are sealed at rest."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from dondoc.directory.check import _check_rows
from dondoc.directory.data import COLUMNS, RECORDS, REQUIRED, SHEET_TITLES, DirectoryData, Row, _Errors
from dondoc.errors import DirectoryError, InputError
from dondoc.textsafe import clean


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(clean(value).split())  # XML/Word/Excel-safe: names end up in reports


def _header(text: Any) -> str:
    """'name (tên đơn vị)' -> 'name'."""
    return _cell(text).split("(", 1)[0].strip().lower()


def _table(data: DirectoryData, errors: _Errors, sheet: str, header: list[Any],
           body: list[tuple[int, list[Any]]]) -> None:
    columns = [_header(h) for h in header]
    allowed = COLUMNS[sheet]
    for n, col in enumerate(columns):
        if col and col not in allowed:
            errors.add(None, col, f"cột lạ {header[n]!r} (các cột dùng được: {', '.join(allowed)})", sheet=sheet)
    missing = REQUIRED[sheet] - set(columns)
    if missing:
        errors.add(None, None, f"thiếu cột {', '.join(sorted(missing))} (các cột dùng được: {', '.join(allowed)})",
                   sheet=sheet)
    for line, cells in body:
        values = {c: _cell(v) for c, v in zip(columns, cells, strict=False) if c in allowed}
        if any(values.values()):
            data.rows[sheet].append(Row(sheet, line, values))


def _read_xlsx(path: Path, errors: _Errors) -> DirectoryData:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise DirectoryError(f"không đọc được tệp Excel ({type(exc).__name__}); cần tệp .xlsx có các trang "
                             "Units, Officers, Contacts, Aliases", path=str(path)) from exc
    data = DirectoryData(source=str(path))
    try:
        titles = {ws.title.strip().lower(): ws for ws in wb.worksheets}
        if "units" not in titles:
            raise DirectoryError("không có trang 'Units' (cần các trang Units, Officers, Contacts, Aliases)",
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
        raise DirectoryError("tệp không phải văn bản UTF-8; hãy lưu CSV dạng 'CSV UTF-8'", path=str(path)) from exc
    # Excel in a Vietnamese locale (decimal comma) saves CSV with ';' between cells.
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    data = DirectoryData(source=str(path))
    if not header or _header(header[0]) != "record":
        raise DirectoryError("cột đầu tiên phải là 'record' (unit, officer, contact hoặc alias)", path=str(path))
    columns = [_header(h) for h in header]
    union = {c for cols in COLUMNS.values() for c in cols}
    for n, col in enumerate(columns[1:], start=1):
        if col not in union:
            errors.add(None, col, f"cột lạ {header[n]!r} (các cột dùng được: record, {', '.join(sorted(union))})",
                       sheet="csv")
    for line, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        kind = _cell(cells[0]).lower()
        sheet = RECORDS.get(kind)
        if sheet is None:
            errors.items.append(f"hàng {line}, cột record: {cells[0]!r} không phải unit, officer, contact hoặc alias")
            continue
        values: dict[str, str] = {}
        for col, cell in zip(columns[1:], cells[1:], strict=False):
            v = _cell(cell)
            if not v or col not in union:
                continue
            if col not in COLUMNS[sheet]:
                errors.items.append(f"hàng {line}, cột {col}: không dùng cho dòng loại {kind} "
                                    f"(dòng {kind} có các cột {', '.join(COLUMNS[sheet])})")
                continue
            values[col] = v
        data.rows[sheet].append(Row(sheet, line, values))
    for sheet in COLUMNS:
        for row in data.rows[sheet]:
            for col in REQUIRED[sheet] - set(row.values):
                errors.add(row, col, "ô bắt buộc đang để trống")
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
        raise DirectoryError(f"tệp YAML không hợp lệ: {exc}".replace("\n", " "), path=str(path)) from exc
    if not isinstance(doc, dict) or "units" not in doc:
        raise DirectoryError("cần một bảng (mapping) gồm các danh sách units, officers, contacts, aliases", path=str(path))
    lines = _yaml_lines(text)
    data = DirectoryData(source=str(path))
    for key in doc:
        if key not in COLUMNS:
            errors.add(None, None, f"mục lạ {key!r} (các mục dùng được: {', '.join(COLUMNS)})", sheet=str(key))
    for sheet in COLUMNS:
        items = doc.get(sheet) or []
        if not isinstance(items, list):
            errors.add(None, None, "cần một danh sách, mỗi phần tử là một bảng (mapping)", sheet=sheet)
            continue
        for n, item in enumerate(items):
            line = lines.get(sheet, [])[n] if n < len(lines.get(sheet, [])) else n + 1
            if not isinstance(item, dict):
                errors.items.append(f"trang {SHEET_TITLES[sheet]}, dòng {line}: cần một bảng (mapping) gồm "
                                    f"{', '.join(COLUMNS[sheet])}")
                continue
            for col in item:
                if col not in COLUMNS[sheet]:
                    errors.items.append(f"trang {SHEET_TITLES[sheet]}, dòng {line}, cột {col}: cột lạ "
                                        f"(các cột dùng được: {', '.join(COLUMNS[sheet])})")
            row = Row(sheet, line, {c: _cell(item.get(c)) for c in COLUMNS[sheet] if _cell(item.get(c))}, "line")
            data.rows[sheet].append(row)
            for col in REQUIRED[sheet] - set(row.values):
                errors.add(row, col, "ô bắt buộc đang để trống")
    return data


def read_directory(path: str | Path) -> DirectoryData:
    """Read and check a directory file on its own (no database): raises DirectoryError naming each problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError("không có tệp này", path=str(path))
    errors = _Errors(str(path))
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from dondoc.intake.sandbox import check_archive

        check_archive(path)  # a zip bomb is refused before openpyxl inflates it
        data = _read_xlsx(path, errors)
    elif suffix == ".csv":
        data = _read_csv(path, errors)
    elif suffix in (".yaml", ".yml"):
        data = _read_yaml(path, errors)
    else:
        raise DirectoryError(f"định dạng danh bạ {suffix or '(không có đuôi)'!r} không được hỗ trợ: dùng .xlsx, .csv hoặc .yaml",
                             path=str(path))
    errors.raise_if_any()
    _check_rows(data, errors)
    errors.raise_if_any()
    return data
