"""Directory import/export: formats, idempotency, updates in place, errors that store nothing."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
import yaml

from dondoc.directory.contacts import url_problem
from dondoc.directory.export import write_directory
from dondoc.directory.files import COLUMNS, read_directory
from dondoc.errors import DirectoryError, InputError

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_YAML = ROOT / "examples" / "directory.yaml"
EXAMPLE_XLSX = ROOT / "examples" / "directory.xlsx"

BASE: dict[str, list[dict[str, Any]]] = {
    "units": [
        {"code": "P", "name": "UBND tỉnh Mẫu", "kind": "province"},
        {"code": "D", "name": "UBND huyện Mẫu", "kind": "district", "parent": "P"},
        {"code": "D-LD", "name": "Phòng Lao động - Thương binh và Xã hội", "kind": "department", "parent": "D"},
        {"code": "C1", "name": "UBND xã Một", "kind": "commune", "parent": "D"},
        {"code": "M", "name": "Ủy ban MTTQ Việt Nam huyện", "kind": "front", "parent": "D", "external": "có"},
    ],
    "officers": [
        {"code": "D-LD-1", "unit": "D-LD", "name": "Nguyễn Văn Một", "role": "head"},
        {"code": "D-LD-2", "unit": "D-LD", "name": "Trần Thị Hai", "role": "focal"},
        {"code": "C1-1", "unit": "C1", "name": "Lê Văn Ba", "role": "focal",
         "position": "Công chức Lao động - Thương binh và Xã hội"},
    ],
    "contacts": [
        {"officer": "D-LD-1", "channel": "email", "url": "mailto://mot@example.org", "priority": 1},
        {"officer": "D-LD-1", "channel": "zalo", "url": "zalooa://token/123456", "priority": 2},
        {"officer": "D-LD-2", "url": "mailto://hai@example.org"},
        {"officer": "C1-1", "url": "json://hooks.example.org/c1"},
    ],
    "aliases": [
        {"alias": "Phòng LĐ-TB&XH huyện Mẫu", "unit": "D-LD"},
        {"alias": "UBND các xã", "kinds": "commune"},
        {"alias": "Cán bộ chính sách xã Một", "unit": "C1", "officer": "C1-1"},
    ],
}
SHEET = {"units": "Units", "officers": "Officers", "contacts": "Contacts", "aliases": "Aliases"}


def write_tables(path: Path, tables: dict[str, list[dict[str, Any]]]) -> Path:
    """Write raw tables (whatever columns the rows carry) as .yaml, .csv or .xlsx."""
    fmt = path.suffix.lstrip(".")
    if fmt == "yaml":
        path.write_text(yaml.safe_dump(tables, allow_unicode=True, sort_keys=False), encoding="utf-8")
    elif fmt == "csv":
        cols: list[str] = []
        for rows in tables.values():
            for row in rows:
                cols.extend(c for c in row if c not in cols)
        record = {"units": "unit", "officers": "officer", "contacts": "contact", "aliases": "alias"}
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["record", *cols])
            for sheet, rows in tables.items():
                for row in rows:
                    w.writerow([record[sheet], *[row.get(c, "") for c in cols]])
    else:
        from openpyxl import Workbook

        wb = Workbook()
        wb.remove(wb.active)
        for sheet, rows in tables.items():
            ws = wb.create_sheet(SHEET[sheet])
            present = {c for row in rows for c in row}
            cols = [c for c in COLUMNS[sheet] if c in present]
            for row in rows:
                cols.extend(c for c in row if c not in cols)
            ws.append(cols)
            for row in rows:
                ws.append([row.get(c) for c in cols])
        wb.save(path)
    return path


# -- reading (no database) ------------------------------------------------------------------------------

def test_example_formats_read_the_same(tmp_path: Path) -> None:
    data = read_directory(EXAMPLE_YAML)
    assert read_directory(EXAMPLE_XLSX).plain() == data.plain()
    csv_path = write_directory(data, tmp_path / "d.csv")
    assert read_directory(csv_path).plain() == data.plain()
    assert len(data.rows["units"]) > 100 and len(data.rows["aliases"]) > 30


@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_small_directory_reads_in_every_format(tmp_path: Path, fmt: str) -> None:
    data = read_directory(write_tables(tmp_path / f"d.{fmt}", BASE))
    plain = data.plain()
    assert [u["code"] for u in plain["units"]] == ["P", "D", "D-LD", "C1", "M"]
    assert plain["contacts"][1] == {"officer": "D-LD-1", "channel": "zalo", "url": "zalooa://token/123456",
                                    "priority": "2"}
    assert plain["units"][4]["external"] == "có"


def test_csv_with_semicolons_as_excel_writes_it_in_vietnamese(tmp_path: Path) -> None:
    path = write_tables(tmp_path / "d.csv", BASE)
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    semi = tmp_path / "semi.csv"
    with semi.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    assert ";" in semi.read_text(encoding="utf-8-sig").splitlines()[0]
    assert read_directory(semi).plain() == read_directory(path).plain()


def test_headers_may_carry_a_vietnamese_hint(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = write_directory(read_directory(write_tables(tmp_path / "d.yaml", BASE)),
                                             tmp_path / "d.xlsx")
    header = [c.value for c in load_workbook(path)["Units"][1]]
    assert header[1] == "name (tên đơn vị)"
    assert read_directory(path).plain()["units"][0]["name"] == "UBND tỉnh Mẫu"


@pytest.mark.parametrize("url, problem", [
    ("mailto://someone@example.org", None),
    ("mailtos://user:pass@smtp.example.org?to=a@example.org", None),
    ("tgram://123456:ABCDEF/987654", None),
    ("json://127.0.0.1:8080/hook", None),
    ("zalooa://token/2001", None),
    ("zns://token/84900000001", None),
    ("outbox://ward2", None),
    ("outbox://", None),  # issue 17 item 6: the data folder's outbox/, as the scaffold's guide sheet says
    ("outbox:///srv/dondoc/outbox", None),
    ("mailto:someone@example.org", "không phải địa chỉ liên lạc"),
    ("htp://example.org", "kênh 'htp'"),
    ("someone@example.org", "không phải địa chỉ liên lạc"),
    ("mailto://", "không có gì sau mailto://"),
    ("json:///path-only", "không có gì sau json://"),
    ("mailto://nobody", "không có địa chỉ thư"),
    ("mailto://a b@example.org", "không phải địa chỉ liên lạc"),
])
def test_url_validation(url: str, problem: str | None) -> None:
    got = url_problem(url)
    assert (got is None) if problem is None else (got is not None and problem in got)


# -- errors: each names file, sheet, row, column; nothing is stored ---------------------------------------


@pytest.mark.parametrize("content, suffix, expected", [
    (b"PK\x03\x04 this is not really a zip", ".xlsx", "không đọc được tệp Excel"),
    ("KẾ HOẠCH\nTriển khai thực hiện ...\n".encode(), ".xlsx", "không đọc được tệp Excel"),
    (b"- just\n- a list\n", ".yaml", "cần một bảng \\(mapping\\) gồm các danh sách units"),
    (b"units: [\n", ".yaml", "tệp YAML không hợp lệ"),
    (b"code,name\nA,B\n", ".csv", "cột đầu tiên phải là 'record'"),
    (b"\xff\xfe\x00garbage", ".csv", "không phải văn bản UTF-8"),
    (b"anything", ".docx", "định dạng danh bạ '.docx' không được hỗ trợ"),
])
def test_corrupted_or_foreign_file(tmp_path: Path, content: bytes, suffix: str, expected: str) -> None:
    path = tmp_path / f"foreign{suffix}"
    path.write_bytes(content)
    with pytest.raises(DirectoryError, match=expected) as err:
        read_directory(path)
    assert str(path) in str(err.value)


def test_xlsx_without_units_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sheet1"
    wb.active.append(["Họ tên", "Email"])
    wb.save(tmp_path / "people.xlsx")
    with pytest.raises(DirectoryError, match="không có trang 'Units'"):
        read_directory(tmp_path / "people.xlsx")


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="không có tệp này"):
        read_directory(tmp_path / "nope.xlsx")


# -- importing ------------------------------------------------------------------------------------------


