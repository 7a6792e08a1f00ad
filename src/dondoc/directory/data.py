"""The directory as data: its sheets, columns, rows and the errors found while reading one (shared by readers, checks and writers)."""

from __future__ import annotations

from dataclasses import dataclass, field

from dondoc.errors import DirectoryError

COLUMNS: dict[str, list[str]] = {
    "units": ["code", "name", "kind", "parent", "external", "official_code", "valid_from", "valid_to", "predecessors"],
    "officers": ["code", "unit", "name", "role", "position"],
    "contacts": ["officer", "channel", "url", "priority"],
    "aliases": ["alias", "unit", "officer", "kinds", "within", "role"],
}


REQUIRED: dict[str, set[str]] = {
    "units": {"code", "name"}, "officers": {"code", "unit", "name"}, "contacts": {"officer", "url"},
    "aliases": {"alias"},
}


LINE_WORDS = {"row": "hàng", "line": "dòng"}
SHOWN_MORE = 5  # further problems listed after the first one


def more_text(rest: list[str]) -> str:
    """' (và N lỗi khác: a; b; …)' listing exactly what it counts: all of them when few, else the first
    SHOWN_MORE and how many are left unlisted."""
    if not rest:
        return ""
    shown = rest[:SHOWN_MORE]
    tail = f"; … và {len(rest) - len(shown)} lỗi nữa (xem danh sách đầy đủ trong lỗi trả về)" if len(rest) > len(shown) else ""
    return f" (và {len(rest)} lỗi khác: " + "; ".join(shown) + tail + ")"


SHEET_TITLES = {"units": "Units", "officers": "Officers", "contacts": "Contacts", "aliases": "Aliases"}


RECORDS = {"unit": "units", "officer": "officers", "contact": "contacts", "alias": "aliases"}


HINTS: dict[str, dict[str, str]] = {
    "units": {"code": "mã", "name": "tên đơn vị", "kind": "loại", "parent": "mã đơn vị cấp trên",
              "external": "ngoài quyền chỉ đạo: có/không", "official_code": "mã hành chính",
              "valid_from": "hiệu lực từ ngày", "valid_to": "hết hiệu lực sau ngày",
              "predecessors": "mã các đơn vị tiền thân"},
    "officers": {"code": "mã", "unit": "mã đơn vị", "name": "họ tên", "role": "vai trò", "position": "chức danh"},
    "contacts": {"officer": "mã cán bộ", "channel": "kênh", "url": "địa chỉ apprise", "priority": "thứ tự"},
    "aliases": {"alias": "tên gọi trong kế hoạch", "unit": "mã đơn vị", "officer": "mã cán bộ",
                "kinds": "nhóm: các loại đơn vị", "within": "trong: loại đơn vị cấp trên",
                "role": "vai trò người nhận"},
}


ROLES = ("head", "deputy", "focal", "staff")


TRUE_WORDS = {"yes", "true", "1", "x", "có", "co", "c"}


FALSE_WORDS = {"", "no", "false", "0", "không", "khong", "k"}


@dataclass
class Row:
    sheet: str
    line: int
    values: dict[str, str]
    line_word: str = "row"  # "line" for YAML, where the number is the file's line

    def get(self, column: str) -> str:
        return self.values.get(column, "")

    @property
    def at(self) -> str:
        """'hàng 5' (a sheet's row) or 'dòng 23' (a YAML file's line), for messages."""
        return f"{LINE_WORDS.get(self.line_word, self.line_word)} {self.line}"


@dataclass
class DirectoryData:
    source: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {s: [] for s in COLUMNS})

    def plain(self) -> dict[str, list[dict[str, str]]]:
        """The tables as lists of {column: value} with empty values dropped (for comparisons, YAML)."""
        return {s: [{k: v for k, v in r.values.items() if v != ""} for r in rows] for s, rows in self.rows.items()}


class _Errors:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, row: Row | None, column: str | None, message: str, *, sheet: str | None = None) -> None:
        where = []
        if row is not None or sheet:
            where.append(f"trang {SHEET_TITLES.get(sheet or row.sheet, sheet or row.sheet)}")  # type: ignore[union-attr]
        if row is not None:
            where.append(f"{LINE_WORDS.get(row.line_word, row.line_word)} {row.line}")
        if column:
            where.append(f"cột {column}")
        self.items.append((", ".join(where) + ": " if where else "") + message)

    def raise_if_any(self) -> None:
        if self.items:
            more = more_text(self.items[1:])
            err = DirectoryError(self.items[0] + more, path=self.source)
            err.errors = list(self.items)  # type: ignore[attr-defined]
            raise err
