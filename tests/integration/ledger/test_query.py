"""The ledger query: SQL filters agree with the one reading (reporting/ledger.entry), combine, page, search."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from dondoc.errors import InputError
from dondoc.models import Obligation, Plan
from dondoc.reporting import timeliness as tl
from dondoc.reporting.ledger import entry
from dondoc.reporting.ledger_query import LedgerFilter, Scope, count, ledger_all, ledger_page
from dondoc.reporting.sample import seed_sample

AS_OF = dt.date(2025, 11, 20)


@pytest.fixture
def seeded(session: Session) -> dict:
    ids = seed_sample(session)
    session.commit()
    return ids


def _all(session: Session) -> list[Obligation]:
    return list(session.exec(select(Obligation).join(Plan).where(Plan.state == "active")).all())


def test_category_filter_matches_the_one_reading(session: Session, seeded: dict) -> None:
    obs = _all(session)
    assert obs
    seen = 0
    for category in tl.CATEGORIES:
        expected = {o.id for o in obs if entry(o, as_of=AS_OF).category == category}
        got = {r.obligation for r in ledger_all(session, LedgerFilter(category=category), as_of=AS_OF)}
        assert got == expected, category
        seen += len(got)
    assert seen == len(obs)
    assert {r.entry.category for r in ledger_all(session, LedgerFilter(), as_of=AS_OF)} >= {tl.OVERDUE}


def test_filters_combine_and_page(session: Session, seeded: dict) -> None:
    obs = _all(session)
    unit_of = {o.id: o.unit_id for o in obs}
    rows = ledger_all(session, LedgerFilter(overdue=True), as_of=AS_OF)
    assert rows and all(not r.entry.closed and r.entry.effective_due < AS_OF for r in rows)
    code = rows[0].unit_code
    both = ledger_all(session, LedgerFilter(overdue=True, unit=code), as_of=AS_OF)
    assert both and {r.obligation for r in both} == {r.obligation for r in rows if r.unit_code == code}
    assert len({unit_of[r.obligation] for r in both}) == 1
    total = count(session, LedgerFilter(), as_of=AS_OF)
    assert total == len(obs)
    page1 = ledger_page(session, LedgerFilter(per_page=3), as_of=AS_OF)
    page2 = ledger_page(session, LedgerFilter(per_page=3, page=2), as_of=AS_OF)
    assert page1.total == total and len(page1.rows) == 3
    assert not {r.obligation for r in page1.rows} & {r.obligation for r in page2.rows}
    dues = [r.entry.effective_due or dt.date.max for r in ledger_all(session, LedgerFilter(), as_of=AS_OF)]
    assert [d for d in dues if d != dt.date.max] == sorted(d for d in dues if d != dt.date.max)


def test_search_ignores_accents_and_case(session: Session, seeded: dict) -> None:
    rows = ledger_all(session, LedgerFilter(), as_of=AS_OF)
    word = next(r.task for r in rows if r.task).split()[0]
    from dondoc.vietnamese import fold

    plain = fold(word).upper()
    hits = ledger_all(session, LedgerFilter(q=plain), as_of=AS_OF)
    assert hits and all(fold(word) in fold(r.ref + " " + r.task) for r in hits)
    assert count(session, LedgerFilter(q="khong-co-chu-nay-zzz"), as_of=AS_OF) == 0
    assert count(session, LedgerFilter(q="100%"), as_of=AS_OF) == 0  # % is literal, not a wildcard


def test_drafts_and_other_units_plans_are_hidden(session: Session, seeded: dict) -> None:
    plan = session.exec(select(Plan)).first()
    assert plan is not None
    total = count(session, LedgerFilter(), as_of=AS_OF)
    assert count(session, LedgerFilter(), as_of=AS_OF, scope=Scope(unit_id=plan.focal_unit_id, all_plans=False)) == total
    assert count(session, LedgerFilter(), as_of=AS_OF, scope=Scope(unit_id=-1, all_plans=False)) == 0
    plan.state = "draft"
    session.add(plan)
    session.commit()
    assert count(session, LedgerFilter(), as_of=AS_OF) == 0


def test_params_round_trip_and_errors() -> None:
    f = LedgerFilter.from_params({"plan": "3", "unit": "yte", "overdue": "1", "due_within": "7", "q": "y tế",
                                  "updated_since": "2025-01-02", "sort": "unit", "desc": "1", "page": "2"})
    assert LedgerFilter.from_params(f.params()) == f
    with pytest.raises(InputError, match="due_within"):
        LedgerFilter.from_params({"due_within": "abc"})
    with pytest.raises(InputError, match="category"):
        LedgerFilter.from_params({"category": "late"})


@pytest.mark.parametrize("sort", ["due", "plan", "unit", "status", "updated", "ref", "category"])
@pytest.mark.parametrize("desc", [False, True])
def test_pages_follow_the_sort_and_add_up_to_the_whole(session: Session, seeded: dict, sort: str, desc: bool) -> None:
    flt = LedgerFilter(sort=sort, desc=desc, per_page=4)
    whole = ledger_all(session, flt, as_of=AS_OF)
    paged = []
    for n in range(1, ledger_page(session, flt, as_of=AS_OF).pages + 1):
        paged.extend(ledger_page(session, LedgerFilter(sort=sort, desc=desc, per_page=4, page=n), as_of=AS_OF).rows)
    assert [r.obligation for r in paged] == [r.obligation for r in whole]
    assert len(whole) == count(session, flt, as_of=AS_OF) == len(_all(session))
    key = {"unit": lambda r: r.unit_code, "plan": lambda r: r.plan_id, "status": lambda r: r.entry.status,
           "ref": lambda r: r.ref, "category": lambda r: r.entry.category}.get(sort)
    if key is not None:
        keys = [key(r) for r in whole]
        assert keys == sorted(keys, reverse=desc)


@pytest.mark.parametrize("as_of", [dt.date(2025, 6, 30), AS_OF, dt.date(2026, 2, 1)])
def test_leader_view_figures_follow_the_one_reading(session: Session, seeded: dict, as_of: dt.date) -> None:
    from dondoc.reporting.ledger import completed_on
    from dondoc.reporting.overview import overview

    obs = _all(session)
    ov = overview(session, as_of=as_of)
    per_unit: dict[int, dict[str, int]] = {}
    for o in obs:
        if o.status != "not_applicable":
            cats = per_unit.setdefault(o.unit_id, dict.fromkeys(tl.CATEGORIES, 0))
            cats[entry(o, as_of=as_of).category] += 1
    assert {u.unit_id: u.counts for u in ov.units} == per_unit
    for week in ov.weeks:
        cats = [tl.classify(kind=o.kind, status=o.status, due_date=o.due_date, completed_on=completed_on(o),
                            as_of=week.end) for o in obs]
        assert (week.overdue, week.done) == (cats.count(tl.OVERDUE), cats.count(tl.ON_TIME) + cats.count(tl.DONE_LATE))
    assert any(w.overdue for w in ov.weeks) and ov.weeks[-1].end == as_of


def test_a_page_counts_up_to_a_limit(session: Session, seeded: dict) -> None:
    total = count(session, LedgerFilter(), as_of=AS_OF)
    assert total > 4
    assert count(session, LedgerFilter(), as_of=AS_OF, limit=3) == 4  # stops at limit + 1
    assert count(session, LedgerFilter(), as_of=AS_OF, limit=total) == total
    page = ledger_page(session, LedgerFilter(per_page=2), as_of=AS_OF, count_limit=3)
    assert page.more and page.total == 3 and len(page.rows) == 2
    exact = ledger_page(session, LedgerFilter(per_page=2), as_of=AS_OF, count_limit=total)
    assert not exact.more and exact.total == total and exact.pages == -(-total // 2)


def test_result_is_the_last_non_empty_and_the_note_follows_the_last_update(session: Session, seeded: dict) -> None:
    """The result column shows the last update that carried a result (a later empty one does not erase it);
    "A thay B" shows only when the very last update came from a substitute."""
    import pendulum

    from dondoc.clock import TZ
    from dondoc.models import StatusUpdate

    obs = sorted(_all(session), key=lambda o: o.id or 0)[:3]
    at = pendulum.datetime(2025, 11, 10, 9, tz=TZ)
    plan = [[("kết quả 1", "web", None), ("kết quả 2", "web", None), ("", "web", None)],
            [("đã xong phần đầu", "web", None), ("", "substitute", "A thay B")],
            [("", "substitute", "C thay D"), ("kết quả cuối", "web", None)]]
    for o, updates in zip(obs, plan, strict=True):
        for i, (result, via, source) in enumerate(updates):
            session.add(StatusUpdate(obligation_id=o.id, status="in_progress", progress=10, result=result, via=via,  # type: ignore[arg-type]
                                     source=source, submitted_at=at.add(hours=i)))
        o.last_update_at = at.add(hours=len(updates))
        session.add(o)
    session.commit()
    rows = {r.obligation: r for r in ledger_all(session, LedgerFilter(), as_of=AS_OF)}
    got = [(rows[o.id].result, rows[o.id].last_note) for o in obs]  # type: ignore[index]
    assert got == [("kết quả 2", ""), ("đã xong phần đầu", "A thay B"), ("kết quả cuối", "")]
