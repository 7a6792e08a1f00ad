"""The Vietnamese working calendar.

A working day is Monday-Friday, minus the public holidays the `holidays` package knows for Vietnam
(Tết Dương lịch, the lunar Tết days and the day the government gives in exchange for one that falls
on a weekend, Giỗ Tổ Hùng Vương, 30/4, 1/5, 2/9 with its adjacent day, days off swapped by decision),
plus the make-up Saturdays (làm bù) those swaps create, plus the exceptions a person records:
extra days off and extra working days (models.records.CalendarDay, or a YAML/CSV file).

Dates are plain `datetime.date` (a `pendulum.Date` is one too); the zone that turns instants into
dates is Asia/Ho_Chi_Minh (see `local_date`).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from dondoc.clock import local_date
from dondoc.errors import InputError

log = logging.getLogger(__name__)

Direction = Literal["previous", "next"]
KINDS = ("off", "work")
# Holidays are looked up a year at a time; a search never walks further than this from its start.
_MAX_SCAN_DAYS = 366


def as_date(value: dt.date | str) -> dt.date:
    """A plain date from a date, a pendulum Date/DateTime or an ISO string (datetimes: their local date)."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise InputError(f"not a date (expected YYYY-MM-DD): {value!r}") from exc
    if isinstance(value, dt.datetime):
        return local_date(value)
    return dt.date(value.year, value.month, value.day)




@functools.cache
def _holidays_for(year: int) -> Mapping[dt.date, str]:
    """Public holidays of one year, names in Vietnamese (cached: the package computes lunar dates)."""
    import holidays

    table = holidays.country_holidays("VN", years=year, language="vi")
    return {dt.date(d.year, d.month, d.day): str(name) for d, name in table.items()}


@functools.cache
def _substituted_workdays() -> Mapping[dt.date, str]:
    """Make-up working days (làm bù) behind the package's swapped days off.

    The package records a swap as a day off 'substituted from' a Saturday that is worked instead;
    it lists the day off but not the worked Saturday, which we read from its table of swaps.
    """
    try:
        from holidays.countries.vietnam import VietnamStaticHolidays
    except ImportError:  # pragma: no cover - a package layout we do not know: no swaps then
        return {}
    found: dict[dt.date, str] = {}
    for year, entries in getattr(VietnamStaticHolidays, "special_public_holidays", {}).items():
        rows = entries if entries and isinstance(entries[0], tuple) else (entries,)
        for row in rows:
            if len(row) < 4:
                continue
            month, day, from_month, from_day = row[:4]
            from_year = row[4] if len(row) > 4 else year
            worked = dt.date(from_year, from_month, from_day)
            found[worked] = f"Làm bù cho ngày nghỉ {day:02d}/{month:02d}/{year}"
    return found


@dataclass(frozen=True)
class DayInfo:
    day: dt.date
    working: bool
    reason: str  # 'weekday', 'weekend', 'holiday', 'làm bù', 'off (user)', 'work (user)'
    name: str = ""


class WorkCalendar:
    """Working days in Vietnam. Cheap to build; holiday years are cached process-wide."""

    def __init__(
        self,
        *,
        extra_off: Iterable[dt.date] | Mapping[dt.date, str] = (),
        extra_work: Iterable[dt.date] | Mapping[dt.date, str] = (),
        public_holidays: bool = True,
    ) -> None:
        self._off = _named(extra_off)
        self._work = _named(extra_work)
        clash = set(self._off) & set(self._work)
        if clash:
            first = min(clash)
            raise InputError(f"{first.isoformat()} is both an extra day off and a make-up working day")
        self._public = public_holidays
        self._memo: dict[dt.date, bool] = {}

    # ---- construction -------------------------------------------------------------------------
    @classmethod
    def from_session(cls, session: Any) -> WorkCalendar:
        """Public holidays plus the CalendarDay rows of dondoc's database."""
        from sqlmodel import select

        from dondoc.models.records import CalendarDay

        off: dict[dt.date, str] = {}
        work: dict[dt.date, str] = {}
        for row in session.exec(select(CalendarDay)).all():
            (off if row.kind == "off" else work)[as_date(row.day)] = row.note
        return cls(extra_off=off, extra_work=work)

    @classmethod
    def from_file(cls, path: Path | str) -> WorkCalendar:
        off: dict[dt.date, str] = {}
        work: dict[dt.date, str] = {}
        for day, kind, note in read_days_file(path):
            (off if kind == "off" else work)[day] = note
        return cls(extra_off=off, extra_work=work)

    @property
    def extra_off(self) -> Mapping[dt.date, str]:
        return dict(self._off)

    @property
    def extra_work(self) -> Mapping[dt.date, str]:
        return dict(self._work)

    # ---- questions ----------------------------------------------------------------------------
    def holiday_name(self, d: dt.date) -> str | None:
        d = as_date(d)
        if not self._public:
            return None
        return _holidays_for(d.year).get(d)

    def info(self, d: dt.date) -> DayInfo:
        d = as_date(d)
        if d in self._work:
            return DayInfo(d, True, "work (user)", self._work[d])
        if d in self._off:
            return DayInfo(d, False, "off (user)", self._off[d])
        name = self.holiday_name(d)
        if name is not None:
            return DayInfo(d, False, "holiday", name)
        if self._public and d in _substituted_workdays():
            return DayInfo(d, True, "làm bù", _substituted_workdays()[d])
        if d.weekday() >= 5:
            return DayInfo(d, False, "weekend")
        return DayInfo(d, True, "weekday")

    def is_working_day(self, d: dt.date) -> bool:
        # Memoised: a sweep asks about the same few hundred days for every obligation.
        try:
            return self._memo[d]
        except KeyError:
            working = self._memo[d] = self.info(d).working
            return working

    def adjust(self, d: dt.date, direction: Direction = "previous") -> dt.date:
        """`d` itself when it is a working day, else the nearest working day before (or after) it."""
        d = as_date(d)
        if direction not in ("previous", "next"):
            raise InputError(f"shift direction must be 'previous' or 'next', not {direction!r}")
        step = dt.timedelta(days=-1 if direction == "previous" else 1)
        for _ in range(_MAX_SCAN_DAYS):
            if self.is_working_day(d):
                return d
            d += step
        raise InputError(f"no working day within a year of {d.isoformat()}: check the calendar's days off")

    def add_working_days(self, d: dt.date, n: int) -> dt.date:
        """Move `n` working days from `d` (backwards when negative). n=0 gives `d` unchanged.

        From a non-working day, the first step lands on the nearest working day in that direction:
        add_working_days(Saturday, 1) is the next Monday, (Saturday, -1) the Friday before.
        """
        d = as_date(d)
        step = dt.timedelta(days=1 if n > 0 else -1)
        remaining = abs(n)
        scanned = 0
        while remaining:
            d += step
            scanned += 1
            if self.is_working_day(d):
                remaining -= 1
                scanned = 0
            elif scanned > _MAX_SCAN_DAYS:
                raise InputError(f"no working day within a year of {d.isoformat()}")
        return d

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b] (negative when b < a): the `n` with add_working_days(a, n) == b for a working b."""
        a, b = as_date(a), as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for d in _days(a + dt.timedelta(days=1), b) if self.is_working_day(d))

    def working_days(self, start: dt.date, end: dt.date) -> Iterator[dt.date]:
        """Working days in [start, end], in order."""
        return (d for d in _days(as_date(start), as_date(end)) if self.is_working_day(d))

    def days_off(self, year: int) -> list[DayInfo]:
        """Non-weekend days off and worked weekend days of a year: what `dondoc calendar list` shows."""
        out = []
        for d in _days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
            info = self.info(d)
            if info.reason not in ("weekday", "weekend"):
                out.append(info)
        return out


def _days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    d = start
    while d <= end:
        yield d
        d += dt.timedelta(days=1)


def _named(days: Iterable[dt.date] | Mapping[dt.date, str]) -> dict[dt.date, str]:
    if isinstance(days, Mapping):
        return {as_date(d): str(n or "") for d, n in days.items()}
    return {as_date(d): "" for d in days}


# ---- user-edited days: files and database ---------------------------------------------------------

def read_days_file(path: Path | str) -> list[tuple[dt.date, str, str]]:
    """Read extra days off / make-up days from YAML or CSV.

    YAML: either `{off: [{date: 2025-12-31, note: ...} | 2025-12-31, ...], work: [...]}` or a list of
    `{date, kind, note}`. CSV: columns `date,kind,note` (header required; kind is off or work).
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("calendar file not found", path=str(p))
    suffix = p.suffix.lower()
    rows: list[tuple[dt.date, str, str]] = []
    if suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise InputError(f"not valid YAML: {exc}", path=str(p)) from exc
        items: list[tuple[Any, str | None]] = []
        if isinstance(data, dict):
            data = {_kind(k): v for k, v in data.items()}
            for kind in data:
                if kind not in KINDS:
                    raise InputError(f"unknown key {kind!r}: expected 'off' and/or 'work'", path=str(p))
                items.extend((entry, kind) for entry in data[kind] or [])
        elif isinstance(data, list):
            items.extend((entry, None) for entry in data)
        elif data is not None:
            raise InputError("expected a mapping {off: [...], work: [...]} or a list of {date, kind}", path=str(p))
        for entry, kind in items:
            rows.append(_yaml_entry(entry, kind, p))
    elif suffix == ".csv":
        with p.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "date" not in reader.fieldnames or "kind" not in reader.fieldnames:
                raise InputError("CSV needs a header with columns date,kind[,note]", path=str(p), line=1)
            for i, rec in enumerate(reader, start=2):
                rows.append(_checked(rec.get("date"), rec.get("kind"), rec.get("note"), p, i))
    else:
        raise InputError("calendar files are .yaml, .yml or .csv", path=str(p))
    return rows


def _yaml_entry(entry: Any, kind: str | None, p: Path) -> tuple[dt.date, str, str]:
    if isinstance(entry, dict):
        return _checked(entry.get("date"), entry.get("kind", kind), entry.get("note"), p, None)
    return _checked(entry, kind, None, p, None)


def _kind(value: Any) -> Any:
    # YAML 1.1 reads a bare `off` as False.
    return "off" if value is False else value


def _checked(day: Any, kind: Any, note: Any, p: Path, line: int | None) -> tuple[dt.date, str, str]:
    kind = _kind(kind)
    if kind not in KINDS:
        raise InputError(f"kind must be 'off' or 'work', got {kind!r}", path=str(p), line=line)
    try:
        d = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day).strip())
    except ValueError as exc:
        raise InputError(f"not a date (expected YYYY-MM-DD): {day!r}", path=str(p), line=line) from exc
    return as_date(d), str(kind), str(note or "")


def set_day(session: Any, *, day: dt.date, kind: str, note: str = "") -> Any:
    """Record (or change) a user exception. The caller commits."""
    from sqlmodel import select

    from dondoc.models.records import CalendarDay

    if kind not in KINDS:
        raise InputError(f"kind must be 'off' or 'work', got {kind!r}")
    day = as_date(day)
    row = session.exec(select(CalendarDay).where(CalendarDay.day == day)).first()
    if row is None:
        row = CalendarDay(day=day, kind=kind, note=note)
    else:
        row.kind, row.note = kind, note
    session.add(row)
    session.flush()
    return row


def remove_day(session: Any, *, day: dt.date) -> bool:
    from sqlmodel import select

    from dondoc.models.records import CalendarDay

    row = session.exec(select(CalendarDay).where(CalendarDay.day == as_date(day))).first()
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def import_days(session: Any, *, path: Path | str) -> int:
    """Load a YAML/CSV file of exceptions into the database (upsert by date). Returns the row count."""
    rows = read_days_file(path)
    WorkCalendar(
        extra_off={d: n for d, k, n in rows if k == "off"},
        extra_work={d: n for d, k, n in rows if k == "work"},
    )  # validates: no date both off and work
    for d, kind, note in rows:
        set_day(session, day=d, kind=kind, note=note)
    return len(rows)
