"""Directory export: the database written as .xlsx (with a sheet of help), .yaml or .csv."""

from __future__ import annotations

import csv
import io
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import session_scope
from dondoc.directory.data import COLUMNS, HINTS, RECORDS, SHEET_TITLES, DirectoryData, Row
from dondoc.errors import InputError
from dondoc.models import Alias, Contact, Officer, Unit, UnitLink
from dondoc.secrets import unseal


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
    preds: dict[int, list[str]] = defaultdict(list)
    for link in session.exec(select(UnitLink).order_by(UnitLink.id)).all():  # type: ignore[arg-type]
        if link.predecessor_id in by_id:
            preds[link.successor_id].append(by_id[link.predecessor_id].code)
    for n, u in enumerate(ordered, start=2):
        parent = by_id.get(u.parent_id) if u.parent_id else None
        data.rows["units"].append(Row("units", n, _drop_empty({
            "code": u.code, "name": u.name, "kind": u.kind, "parent": parent.code if parent else "",
            "external": "có" if u.external else "", "official_code": u.official_code or "",
            "valid_from": u.valid_from.isoformat() if u.valid_from else "",
            "valid_to": u.valid_to.isoformat() if u.valid_to else "",
            "predecessors": ", ".join(preds.get(u.id, []))})))  # type: ignore[arg-type]
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
    # The export holds contact URLs in clear (SMTP passwords, bot tokens): readable by its owner only.
    path.touch(mode=0o600, exist_ok=True)
    os.chmod(path, 0o600)
    if fmt == "yaml":
        path.write_text(to_yaml(data), encoding="utf-8")
    elif fmt == "csv":
        path.write_text(to_csv(data), encoding="utf-8-sig")
    else:
        _write_xlsx(data, path)
    os.chmod(path, 0o600)
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
    ("Units", "official_code", "Mã đơn vị hành chính theo danh mục quốc gia (mã xã, phường, tỉnh) hoặc mã cơ quan"),
    ("Units", "valid_from / valid_to", "Ngày bắt đầu / ngày cuối cùng đơn vị tồn tại (sáp nhập, giải thể)"),
    ("Units", "predecessors", "Mã các đơn vị tiền thân (đã sáp nhập vào đơn vị này), cách nhau bằng dấu phẩy"),
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
