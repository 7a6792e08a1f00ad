"""Bootstrap of a province's directory from the national list (vietnam-provinces): every one of the 34
provinces, unit counts equal to the package's data, idempotent, one transaction."""

from __future__ import annotations

from collections import Counter

import pendulum
import pytest
from sqlmodel import Session, SQLModel, create_engine, func, select
from sqlmodel.pool import StaticPool
from vietnam_provinces import Province, Ward

from dondoc.directory.bootstrap import bootstrap_province, find_province, standard_list
from dondoc.directory.resolve import Resolver
from dondoc.errors import NotFound
from dondoc.models import Alias, Unit

NOW = pendulum.datetime(2025, 9, 1, tz="Asia/Ho_Chi_Minh")
PROVINCES = sorted(Province.iter_all(), key=lambda p: int(p.code))
KINDS = {"xã": "commune", "phường": "ward", "đặc khu": "special_zone"}


@pytest.fixture(scope="module")
def memory_engine():
    engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
    SQLModel.metadata.create_all(engine)
    return engine


def _expected(province) -> Counter:
    return Counter(KINDS[w.division_type.value] for w in Ward.iter_by_province(province.code))


def test_the_package_holds_the_2025_structure():
    assert len(PROVINCES) == 34
    assert sum(1 for _ in Ward.iter_all()) == 3321


@pytest.mark.parametrize("province", PROVINCES, ids=lambda p: p.codename)
def test_bootstrap_every_province_matches_the_package(memory_engine, province):
    with Session(memory_engine) as session:
        result = bootstrap_province(session, province=province.name, now=NOW)
        session.commit()
        expected = _expected(province)
        root = session.exec(select(Unit).where(Unit.official_code == f"{int(province.code):02d}",
                                               Unit.kind == "province")).one()
        rows = session.exec(select(Unit.kind, func.count()).where(Unit.parent_id == root.id)
                            .group_by(Unit.kind)).all()
        got = dict(rows)
        for kind in KINDS.values():
            assert got.get(kind, 0) == expected.get(kind, 0), kind
            assert result.counts.get(kind, 0) == expected.get(kind, 0)
        departments = got.get("department", 0)
        assert departments >= 12
        codes = set(session.exec(select(Unit.official_code).where(Unit.parent_id == root.id,
                                                                  Unit.official_code.is_not(None))).all())
        assert codes == {f"{int(w.code):05d}" for w in Ward.iter_by_province(province.code)}
        # Idempotent: a second run creates nothing.
        again = bootstrap_province(session, province=province.name, now=NOW)
        assert again.created == 0 and again.updated == 0 and again.aliases_created == 0
        assert again.unchanged == result.created + result.updated + result.unchanged


def test_collectives_expand_to_every_commune(session, settings):
    bootstrap_province(session, province="Nghệ An", now=NOW)
    session.commit()
    root = session.exec(select(Unit).where(Unit.code == "T40")).one()
    resolver = Resolver.from_session(session, scope=root.id)
    communes = resolver.resolve("UBND các xã, phường")
    assert communes.method == "collective"
    assert len(communes.targets) == 130 == len(list(Ward.iter_by_province(40)))
    departments = resolver.resolve("các sở, ban, ngành")
    names = {resolver.units[u].name for u, _ in departments.targets}
    assert "Sở Tài chính" in names and "Văn phòng Ủy ban nhân dân" in names
    assert not any(resolver.units[u].kind in ("commune", "ward") for u, _ in departments.targets)
    public = resolver.resolve("các đơn vị sự nghiệp trực thuộc")
    assert {resolver.units[u].kind for u, _ in public.targets} == {"public_service"}
    one = resolver.resolve("UBND xã Anh Sơn")
    assert [resolver.units[u].official_code for u, _ in one.targets] == ["17329"]


def test_bootstrap_completes_a_hand_made_directory_by_official_code(session):
    session.add(Unit(code="ANHSON", name="UBND xã Anh Sơn", kind="commune", official_code="17329"))
    session.commit()
    bootstrap_province(session, province="nghe an", now=NOW)
    session.commit()
    rows = session.exec(select(Unit).where(Unit.official_code == "17329")).all()
    assert [u.code for u in rows] == ["ANHSON"]  # completed, not duplicated
    assert rows[0].parent_id is not None
    assert session.exec(select(func.count()).select_from(Alias)).one() == len(standard_list()["aliases"])


def test_unknown_province_names_the_34():
    with pytest.raises(NotFound) as err:
        find_province("Quảng Bình")  # merged into Quảng Trị in 2025
    assert "Quảng Trị" in str(err.value) and "Nghệ An" in str(err.value)
    assert int(find_province("TP Hồ Chí Minh").code) == 79
    assert int(find_province("Thành phố Huế").code) == 46


def test_a_member_excluded_from_one_task_stays_excluded(session, settings):
    from dondoc.intake.lifecycle import activate_plan
    from dondoc.intake.members import expansions, set_excluded
    from dondoc.intake.reresolve import reresolve_plans
    from dondoc.intake.store import store_plan
    from dondoc.models import Obligation

    bootstrap_province(session, province="Lai Châu", now=NOW)
    parsed = {"schema_version": 1, "source": "x", "title": "KH", "issuer": "UBND tỉnh Lai Châu",
              "issued_on": "2025-09-01", "year": 2025, "recipients": [], "targets": [], "warnings": [], "reports": [],
              "assignments": [{"ref": str(n), "item": 1, "text": f"Việc {n}", "lead": ["UBND các xã, phường"],
                               "support": [], "mode": "assign",
                               "timing": {"text": None, "kind": "once", "due": "2025-12-15"}} for n in (1, 2)]}
    plan_id = store_plan(session, parsed=parsed, source_name="x", source_hash="h", settings=settings,
                         now=NOW).plan_id
    activate_plan(session, plan_id=plan_id, settings=settings, now=NOW)
    [task1, _] = expansions(session, plan_id=plan_id)
    members = task1["names"][0]["members"]
    assert len(members) == 38 == _expected(next(p for p in PROVINCES if p.codename == "lai_chau")).total()
    left_out = members[0]["code"]
    set_excluded(session, plan_id=plan_id, ref="1", unit=left_out, excluded=True, settings=settings, now=NOW)

    def applicable() -> list[Obligation]:  # an active plan keeps an excluded member's row, closed 'không áp dụng'
        return [o for o in session.exec(select(Obligation).where(Obligation.plan_id == plan_id)).all()
                if o.status != "not_applicable"]

    assert len(applicable()) == 2 * 38 - 1
    reresolve_plans(session, settings=settings, now=NOW)  # a later directory change keeps the exclusion
    unit = session.exec(select(Unit).where(Unit.code == left_out)).one()
    rows = [o for o in applicable() if o.unit_id == unit.id]
    assert len(rows) == 1  # task 2 only
    [task1, _] = expansions(session, plan_id=plan_id)
    assert [x["code"] for x in task1["excluded"]] == [left_out]
    set_excluded(session, plan_id=plan_id, ref="1", unit=left_out, excluded=False, settings=settings, now=NOW)
    assert len(applicable()) == 2 * 38
