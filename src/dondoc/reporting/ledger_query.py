"""The tracking ledger (sổ theo dõi nhiệm vụ): every obligation of every active plan, filtered in SQL.

A page is three steps, sized for a province (200,000 obligations, benchmarks/ledger.py):
1. the filters are conditions on the obligation row alone (plan, unit and search through IN subqueries), so
   the COUNT needs no join and both it and the sort run on two covering indexes (models/work.py
   ix_obligation_ledger, led by the plan; ix_obligation_ledger_due, led by the effective deadline);
   the page counts up to a limit ("trên 10.000");
2. the ids of the page in the ledger's order (ORDER BY, LIMIT, OFFSET on those indexes);
3. the wide rows (plan, task, unit, officer joined) of those ids only, as plain column rows; the support
   units, the last result and who entered the last update come in one batched query each.
Each row's deadline, status and timeliness category are the one reading of reporting/ledger.py (`entry`);
the category is also written in SQL twice — `category_sql` (a CASE, for sorting and grouping) and
`category_where` (plain comparisons, for filtering on the indexes) — and tests check all three agree.

Search: `Assignment.search` / `ReportObligation.search` hold ref + text folded (lower case, no diacritics,
models/plan.py), and the query is folded the same way: a LIKE '%...%' that behaves the same on SQLite and
PostgreSQL ("ke hoach" finds "Kế hoạch"). It scans; fine for a province (200k rows, see benchmarks/ledger.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from dondoc.clock import local_date
from dondoc.errors import InputError
from dondoc.models import Assignment, AssignmentUnit, Obligation, Officer, Plan, ReportObligation, StatusUpdate, Unit
from dondoc.models.work import task_text
from dondoc.reporting import timeliness as tl
from dondoc.reporting.ledger import Entry, entry
from dondoc.reporting.ledger_sql import category_sql, category_where, effective_due_sql, start_of
from dondoc.vietnamese import fold

SUBSTITUTE_VIA = "substitute"  # StatusUpdate.via of what a substitute entered (collect/submit.py)
SORTS = ("due", "plan", "unit", "status", "updated", "ref", "category")
PER_PAGE = 50
MAX_PER_PAGE = 500
BATCH = 900  # ids per IN (...) (SQLite's parameter limit is far above; PostgreSQL has none worth noting)


@dataclass(frozen=True)
class LedgerFilter:
    """What the ledger shows: every field is optional and they combine (AND). Lives in the URL."""

    plan: int | None = None
    unit: str | None = None  # unit code
    role: str | None = None  # lead, support, report, compile
    status: str | None = None  # not_started, in_progress, done, impossible
    category: str | None = None  # a reporting.timeliness category
    overdue: bool = False  # open and past its effective (extended) deadline
    due_within: int | None = None  # open, effective deadline within N days from today
    updated_since: dt.date | None = None
    not_updated_since: dt.date | None = None
    mode: str | None = None  # assign (order) or request
    q: str | None = None  # search in ref and task text
    sort: str = "due"
    desc: bool = False
    page: int = 1
    per_page: int = PER_PAGE

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> LedgerFilter:
        """From query parameters (the URL, the API, the CLI). Empty values are absent; a wrong value is an
        InputError saying which parameter and what it expects."""
        def get(name: str) -> str | None:
            value = params.get(name)
            value = str(value).strip() if value is not None else ""
            return value or None

        def integer(name: str, low: int = 0) -> int | None:
            value = get(name)
            if value is None:
                return None
            if not value.isdigit() or int(value) < low:
                raise InputError(f"tham số {name}: cần một số nguyên ≥ {low}, nhận được '{value}'")
            return int(value)

        def day(name: str) -> dt.date | None:
            value = get(name)
            if value is None:
                return None
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(f"tham số {name}: cần ngày dạng YYYY-MM-DD, nhận được '{value}'") from None

        def choice(name: str, allowed: tuple[str, ...]) -> str | None:
            value = get(name)
            if value is not None and value not in allowed:
                raise InputError(f"tham số {name}: một trong {', '.join(allowed)}; nhận được '{value}'")
            return value

        sort = choice("sort", SORTS) or "due"
        per_page = min(integer("per_page", 1) or PER_PAGE, MAX_PER_PAGE)
        return cls(plan=integer("plan"), unit=get("unit"),
                   role=choice("role", ("lead", "support", "report", "compile")),
                   status=choice("status", ("not_started", "in_progress", "done", "impossible", "not_applicable")),
                   category=choice("category", tl.CATEGORIES), overdue=(get("overdue") or "") in ("1", "true", "on"),
                   due_within=integer("due_within"), updated_since=day("updated_since"),
                   not_updated_since=day("not_updated_since"), mode=choice("mode", ("assign", "request")),
                   q=get("q"), sort=sort, desc=(get("desc") or "") in ("1", "true", "on"),
                   page=integer("page", 1) or 1, per_page=per_page)

    def params(self, **changes: Any) -> dict[str, str]:
        """The non-default fields as query parameters (for links: pages, sort headers, export)."""
        f = replace(self, **changes)
        out: dict[str, str] = {}
        for fd in fields(f):
            value = getattr(f, fd.name)
            if value in (None, False, "") or value == fd.default:
                continue
            out[fd.name] = "1" if value is True else (value.isoformat() if isinstance(value, dt.date) else str(value))
        return out

    def query_string(self, **changes: Any) -> str:
        return urlencode(self.params(**changes))


@dataclass
class LedgerRow:
    obligation: int
    plan_id: int
    plan_number: str | None
    plan_title: str
    plan_issued_on: dt.date | None
    plan_issuer: str | None
    ref: str
    task: str
    role: str
    mode: str
    unit_code: str
    unit_name: str
    support: list[str]
    officer: str | None
    entry: Entry
    original_due: dt.date | None
    extended_due: dt.date | None
    last_update: dt.datetime | None
    result: str
    reminders: int
    escalations: int
    period: str
    last_note: str = ""  # "A thay B" when the last update was entered by a substitute

    def as_dict(self) -> dict[str, Any]:
        e = self.entry
        return {"obligation": self.obligation, "plan": self.plan_id, "plan_number": self.plan_number,
                "plan_title": self.plan_title, "plan_issued_on": _iso(self.plan_issued_on),
                "plan_issuer": self.plan_issuer, "ref": self.ref, "task": self.task, "role": self.role,
                "mode": self.mode, "unit": self.unit_code, "unit_name": self.unit_name, "support": self.support,
                "officer": self.officer, "due": _iso(e.effective_due), "original_due": _iso(self.original_due),
                "extended_due": _iso(self.extended_due), "update_by": _iso(e.update_by), "undated": e.undated,
                "status": e.status, "progress": e.progress, "category": e.category,
                "last_update": self.last_update.isoformat() if self.last_update else None, "result": self.result,
                "reminders": self.reminders, "escalations": self.escalations, "period": self.period,
                "last_note": self.last_note}


@dataclass
class LedgerPage:
    rows: list[LedgerRow]
    total: int
    filter: LedgerFilter
    as_of: dt.date
    more: bool = False  # the count stopped at `total`: there are more rows than that

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.filter.per_page), self.filter.page)


@dataclass(frozen=True)
class Scope:
    """Which plans a viewer may see: all, or those a unit follows (focal or owner unit, or no unit set)."""

    unit_id: int | None = None
    all_plans: bool = True


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def visible_plans(scope: Scope) -> Any:
    """The ids of the active plans a viewer may see, as a subquery."""
    q = select(Plan.id).where(Plan.state == "active")
    if not scope.all_plans:
        q = q.where(or_(col(Plan.focal_unit_id).is_(None), col(Plan.focal_unit_id) == scope.unit_id,
                        col(Plan.owner_unit_id) == scope.unit_id))
    return q


def _conditions(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope) -> list[Any]:
    """The filters as conditions on the obligation alone (related tables through IN subqueries), so the
    count needs no join and the page's ids come from the obligation's indexes."""
    dialect = session.get_bind().dialect.name
    dated = col(Obligation.kind).not_in(tl.NO_DEADLINE_KINDS)
    where: list[Any] = [col(Obligation.plan_id).in_(visible_plans(scope))]
    if flt.plan is not None:
        where.append(Obligation.plan_id == flt.plan)
    if flt.unit:
        where.append(col(Obligation.unit_id).in_(select(Unit.id).where(Unit.code == flt.unit)))
    if flt.role:
        where.append(Obligation.role == flt.role)
    if flt.status:
        where.append(Obligation.status == flt.status)
    if flt.mode:
        where.append(Obligation.mode == flt.mode)
    if flt.category:
        where.append(category_where(flt.category, as_of, dialect))
    if flt.overdue:
        where.extend([Obligation.closed == False, dated, effective_due_sql() < as_of])
    if flt.due_within is not None:
        where.extend([Obligation.closed == False, dated, effective_due_sql() >= as_of,
                      effective_due_sql() <= as_of + dt.timedelta(days=flt.due_within)])
    if flt.updated_since:
        where.append(col(Obligation.last_update_at) >= start_of(flt.updated_since))
    if flt.not_updated_since:
        where.append(or_(col(Obligation.last_update_at).is_(None),
                         col(Obligation.last_update_at) < start_of(flt.not_updated_since)))
    if flt.q:
        needle = fold(" ".join(flt.q.split())).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{needle}%"
        where.append(or_(
            col(Obligation.assignment_id).in_(select(Assignment.id).where(
                col(Assignment.search).like(pattern, escape="\\"))),
            col(Obligation.report_id).in_(select(ReportObligation.id).where(
                col(ReportObligation.search).like(pattern, escape="\\")))))
    return where


def _sort(flt: LedgerFilter, *, as_of: dt.date, dialect: str) -> list[Any]:
    """ORDER BY terms, ties broken by id (unit code and task ref through correlated subqueries)."""
    if flt.sort == "unit":
        key: Any = col(Unit.code)  # joined by _ids: walks the units by code, each unit's rows by id
    elif flt.sort == "ref":
        key = func.coalesce(
            select(Assignment.ref).where(col(Assignment.id) == col(Obligation.assignment_id)).scalar_subquery(),
            select(ReportObligation.ref).where(col(ReportObligation.id) == col(Obligation.report_id)).scalar_subquery(),
            "")
    else:
        key = {"due": effective_due_sql(), "plan": col(Obligation.plan_id), "status": col(Obligation.status),
               "updated": col(Obligation.last_update_at), "category": category_sql(as_of, dialect)}[flt.sort]
    first = key.desc() if flt.desc else key.asc()
    return [first, col(Obligation.id).desc() if flt.desc else col(Obligation.id).asc()]


def count(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope = Scope(),
          limit: int | None = None) -> int:
    """How many rows the filters match; with `limit`, counting stops at limit + 1 (a page only needs to
    say "more than 10,000": counting 130,000 overdue rows exactly is most of a broad page's time)."""
    where = _conditions(session, flt, as_of=as_of, scope=scope)
    if limit is None:
        return int(session.exec(select(func.count()).select_from(Obligation).where(*where)).one())
    capped = select(Obligation.id).where(*where).limit(limit + 1).subquery()
    return int(session.exec(select(func.count()).select_from(capped)).one())


def ids_statement(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope) -> Any:
    """The ids of the matching obligations in the ledger's order: filters and sort on the obligation
    table alone (its covering indexes ix_obligation_ledger*), the wide row is read for a page's ids only."""
    where = _conditions(session, flt, as_of=as_of, scope=scope)
    order = _sort(flt, as_of=as_of, dialect=session.get_bind().dialect.name)
    stmt = select(Obligation.id)
    if flt.sort == "unit":
        stmt = stmt.join(Unit, col(Unit.id) == col(Obligation.unit_id))
    return stmt.where(*where).order_by(*order)


def _ids(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope, limit: int | None,
         offset: int) -> list[int]:
    stmt = ids_statement(session, flt, as_of=as_of, scope=scope)
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return [int(i) for i in session.exec(stmt).all()]


_EXTRA = (("plan_number", Plan.number), ("plan_title", Plan.title), ("plan_issued_on", Plan.issued_on),
          ("plan_issuer", Plan.issuer), ("a_ref", Assignment.ref), ("a_text", Assignment.text),
          ("r_ref", ReportObligation.ref), ("r_text", ReportObligation.text), ("unit_code", Unit.code),
          ("unit_name", Unit.name), ("officer_name", Officer.name))


def _select_rows(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope,
                 limit: int | None, offset: int) -> list[Any]:
    """The wide rows of the page's ids, in the ids' order. Plain column rows, not ORM objects: the
    export reads 10,000 of them and the ledger only reads."""
    ids = _ids(session, flt, as_of=as_of, scope=scope, limit=limit, offset=offset)
    columns = [c.label(f"o_{c.key}") for c in Obligation.__table__.columns]  # type: ignore[attr-defined]
    names = [c.key for c in Obligation.__table__.columns]  # type: ignore[attr-defined]
    found: dict[int, Any] = {}
    for chunk in _chunks(ids):
        stmt = (select(*columns, *(col(c).label(name) for name, c in _EXTRA))
                .select_from(Obligation)
                .join(Plan, col(Plan.id) == col(Obligation.plan_id))
                .join(Unit, col(Unit.id) == col(Obligation.unit_id))
                .outerjoin(Assignment, col(Assignment.id) == col(Obligation.assignment_id))
                .outerjoin(ReportObligation, col(ReportObligation.id) == col(Obligation.report_id))
                .outerjoin(Officer, col(Officer.id) == col(Obligation.officer_id))
                .where(col(Obligation.id).in_(chunk)))
        for row in session.exec(stmt).all():
            o = SimpleNamespace(**dict(zip(names, row[:len(names)], strict=True)))
            found[o.id] = (o, row._mapping)
    return [found[i] for i in ids if i in found]


def _extras(session: Session, obs: list[Any]) -> tuple[dict[int, list[str]], dict[int, str], dict[int, str]]:
    """Support units per assignment, the last non-empty result per obligation and who entered the last
    update when a substitute did ("A thay B"), batched."""
    assignment_ids = sorted({o.assignment_id for o in obs if o.assignment_id})
    support: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(assignment_ids):
        for aid, name in session.exec(select(AssignmentUnit.assignment_id, Unit.name)
                                      .join(Unit, col(Unit.id) == col(AssignmentUnit.unit_id))
                                      .where(col(AssignmentUnit.assignment_id).in_(chunk), AssignmentUnit.role == "support")
                                      .order_by(col(AssignmentUnit.id))).all():
            if name not in support[aid]:
                support[aid].append(name)
    results: dict[int, str] = {}
    notes: dict[int, str] = {}
    ids = [o.id for o in obs if o.last_update_at is not None and o.id is not None]
    for chunk in _chunks(ids):  # one query: the last update with a result and the last update
        with_result = (select(func.max(StatusUpdate.id)).where(col(StatusUpdate.obligation_id).in_(chunk),
                                                               StatusUpdate.result != "")
                       .group_by(col(StatusUpdate.obligation_id)))
        latest = (select(func.max(StatusUpdate.id)).where(col(StatusUpdate.obligation_id).in_(chunk))
                  .group_by(col(StatusUpdate.obligation_id)))
        found = session.exec(select(StatusUpdate.obligation_id, StatusUpdate.result, StatusUpdate.source,
                                    StatusUpdate.via)
                             .where(or_(col(StatusUpdate.id).in_(with_result), col(StatusUpdate.id).in_(latest)))
                             .order_by(col(StatusUpdate.id))).all()
        results.update({oid: result for oid, result, _s, _v in found if result})  # ascending: last wins
        last = {oid: (via, source) for oid, _r, source, via in found}
        notes.update({oid: source or "" for oid, (via, source) in last.items() if via == SUBSTITUTE_VIA})
    return support, results, notes


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), BATCH):
        yield items[i:i + BATCH]


def _rows(session: Session, raw: list[Any], *, as_of: dt.date) -> list[LedgerRow]:
    obs = [r[0] for r in raw]
    support, results, notes = _extras(session, obs)
    out = []
    for o, m in raw:
        e = entry(o, as_of=as_of)
        text = task_text(o, _Text(m["a_text"]), _Text(m["r_text"]))
        out.append(LedgerRow(
            obligation=o.id, plan_id=o.plan_id, plan_number=m["plan_number"], plan_title=m["plan_title"],
            plan_issued_on=m["plan_issued_on"], plan_issuer=m["plan_issuer"], ref=m["a_ref"] or m["r_ref"] or "",
            task=" ".join(text.split()), role=o.role, mode=o.mode, unit_code=m["unit_code"],
            unit_name=m["unit_name"], support=support.get(o.assignment_id or 0, []), officer=m["officer_name"],
            entry=e, original_due=e.due, extended_due=None if e.undated else o.extended_due,
            last_update=o.last_update_at, result=results.get(o.id, ""), reminders=o.reminders_sent,
            escalations=o.escalation_level, period=o.period, last_note=notes.get(o.id, "")))
    return out


@dataclass
class _Text:
    text: str | None


def ledger_page(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope = Scope(),
                count_limit: int | None = None) -> LedgerPage:
    """One page of the ledger and the number of rows the filters match (at most `count_limit`, then
    `more` is set)."""
    total = count(session, flt, as_of=as_of, scope=scope, limit=count_limit)
    more = count_limit is not None and total > count_limit
    raw = _select_rows(session, flt, as_of=as_of, scope=scope, limit=flt.per_page,
                       offset=(flt.page - 1) * flt.per_page)
    return LedgerPage(rows=_rows(session, raw, as_of=as_of), total=min(total, count_limit) if more and count_limit else total,
                      filter=flt, as_of=as_of, more=more)


def ledger_all(session: Session, flt: LedgerFilter, *, as_of: dt.date, scope: Scope = Scope(),
               limit: int | None = None) -> list[LedgerRow]:
    """Every row the filters match, in the ledger's order (the export, the CLI); paging ignored."""
    raw = _select_rows(session, flt, as_of=as_of, scope=scope, limit=limit, offset=0)
    return _rows(session, raw, as_of=as_of)


def today() -> dt.date:
    from dondoc import clock

    return local_date(clock.now())


__all__ = ["LedgerFilter", "LedgerPage", "LedgerRow", "Scope", "category_sql", "category_where", "count",
           "ledger_all", "ledger_page", "today", "visible_plans"]
