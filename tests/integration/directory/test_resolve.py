"""Name -> unit resolution on the example directory (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.db import make_engine, upgrade
from dondoc.directory.apply import apply_directory
from dondoc.directory.files import read_directory
from dondoc.directory.resolve import Resolver
from dondoc.models import Officer, Unit

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "directory.yaml"
GOLD = ROOT.parent / "shared" / "seeds" / "gold"
NOW = pendulum.datetime(2025, 11, 5, 8, tz="Asia/Ho_Chi_Minh")
# The issuing unit of each seed plan in the example directory.
SEED_SCOPE = {"000": "HHP", "001": "HPH", "002": "QH", "003": "BL", "004": "P2"}


@pytest.fixture(scope="module")
def example_data():
    return read_directory(EXAMPLE)


@pytest.fixture(scope="module")
def memory(tmp_path_factory: pytest.TempPathFactory, example_data) -> Iterator[Session]:
    """The example directory in a module-wide SQLite file (resolution itself needs no per-test database)."""
    home = tmp_path_factory.mktemp("resolve")
    engine = make_engine(f"sqlite:///{home / 'dir.db'}")
    upgrade(engine)
    with Session(engine, expire_on_commit=False) as session:
        apply_directory(session, data=example_data, settings=Settings(home=home, secret_key="test-secret-key-not-for-production"), now=NOW)
        session.commit()
        yield session
    engine.dispose()


@pytest.fixture(scope="module")
def resolver(memory: Session) -> Resolver:
    return Resolver.from_session(memory)


@pytest.fixture(scope="module")
def codes(memory: Session) -> dict[str, int]:
    return {u.code: u.id for u in memory.exec(select(Unit)).all()}  # type: ignore[misc]


def _describe(session: Session, targets) -> list[str]:
    units = {u.id: u.code for u in session.exec(select(Unit)).all()}
    officers = {o.id: o for o in session.exec(select(Officer)).all()}
    out = []
    for unit_id, officer_id in targets:
        if officer_id is None:
            out.append(units[unit_id])
        else:
            o = officers[officer_id]
            out.append(f"{units[unit_id]}/{o.position or o.role}")
    return out


# -- normalisation (pure) -----------------------------------------------------------------------------


# -- the five seeds -----------------------------------------------------------------------------------

def test_every_gold_name_resolves_on_both_databases(session: Session, settings, example_data) -> None:
    """The example directory stored in SQLite / PostgreSQL resolves every lead and support of the five seeds."""
    apply_directory(session, data=example_data, settings=settings, now=NOW)
    session.commit()
    resolver = Resolver.from_session(session)
    codes = {u.code: u.id for u in session.exec(select(Unit)).all()}
    unresolved: dict[str, list[str]] = {}
    total = 0
    for seed, scope in SEED_SCOPE.items():
        gold = json.loads(next(GOLD.glob(f"{seed}_*.gold.json")).read_text(encoding="utf-8"))
        scoped = resolver.scoped(codes[scope])
        names = [n for a in gold["assignments"] for n in a["lead"] + a["support"]]
        total += len(names)
        unresolved[seed] = [n for n in names if not scoped.resolve(n).targets]
    assert total > 150
    assert unresolved == {seed: [] for seed in SEED_SCOPE}


@pytest.mark.parametrize("seed", sorted(SEED_SCOPE))
def test_gold_names_do_not_all_resolve_without_the_issuer(seed: str, resolver: Resolver) -> None:
    """Names shared by several local governments need the plan's scope: the test above is not vacuous."""
    gold = json.loads(next(GOLD.glob(f"{seed}_*.gold.json")).read_text(encoding="utf-8"))
    names = [n for a in gold["assignments"] for n in a["lead"] + a["support"]]
    assert any(not resolver.resolve(n).targets for n in names)


@pytest.mark.parametrize("seed", ["002", "004"])
def test_gold_report_senders_and_receivers_resolve(seed: str, resolver: Resolver, codes: dict[str, int]) -> None:
    gold = json.loads(next(GOLD.glob(f"{seed}_*.gold.json")).read_text(encoding="utf-8"))
    scoped = resolver.scoped(codes[SEED_SCOPE[seed]])
    names = [r[k] for r in gold["reports"] for k in ("from", "to", "via") if r.get(k)]
    assert names and [n for n in names if not scoped.resolve(n).targets] == []


@pytest.mark.parametrize("scope, name, method, expected", [
    # plain units, nearest to the issuer
    ("QH", "Phòng Lao động - Thương binh và Xã hội", "exact", ["QH-LDTBXH"]),
    ("BL", "Phòng Lao động - Thương binh và Xã hội", "exact", ["BL-LDTBXH"]),
    ("BL", "Phòng Văn hoá - Thông tin", "normalised", ["BL-VHTT"]),
    ("BL", "Đài truyền thanh", "normalised", ["BL-DTT"]),
    ("P2", "cán bộ Đài truyền thanh phường", "normalised", ["P2-DTT"]),
    ("P2", "Phòng Lao động – TB&XH", "normalised", ["TXQT-LDTBXH"]),  # the superior's office
    ("P2", "BHXH thị xã Quảng Trị", "normalised", ["TXQT-BHXH"]),
    ("P2", "Thường trực UBMTTQVN phường", "normalised", ["P2-MTTQ"]),
    ("QH", "Mặt trận Tổ quốc Việt Nam huyện", "normalised", ["QH-MTTQ"]),
    # officers by position
    ("P2", "Công chức Lao động – TB&XH", "normalised", ["P2/Công chức Lao động - Thương binh và Xã hội"]),
    ("P2", "VHXH", "normalised", ["P2/Công chức Văn hóa - Xã hội"]),
    ("HPH", "Công chức văn hóa xã hội", "normalised", ["HPH/Công chức Văn hóa - Xã hội"]),
    ("P2", "Công chức VP-TK (phụ trách kiểm soát TTHC)", "normalised",
     ["P2/Công chức Văn phòng - Thống kê (phụ trách kiểm soát TTHC)"]),
    ("P2", "Công chức VP-TK", "normalised", ["P2/Công chức Văn phòng - Thống kê (Thường trực HĐTĐKT)",
                                             "P2/Công chức Văn phòng - Thống kê (phụ trách kiểm soát TTHC)"]),
    ("P2", "qua công chức Lao động-TB&XH", "normalised", ["P2/Công chức Lao động - Thương binh và Xã hội"]),
    # collectives
    ("QH", "UBND các xã, thị trấn", "collective", ["QH-HX", "QH-PN", "QH-NX", "QH-TS"]),
    ("BL", "Ủy ban nhân dân các xã, thị trấn", "collective", ["BL-BM", "BL-BD", "BL-AN", "BL-TD"]),
    ("QH", "Chủ tịch UBND các xã, thị trấn", "collective", ["QH-HX/head", "QH-PN/head", "QH-NX/head", "QH-TS/head"]),
    ("HPH", "Thôn trưởng các thôn", "collective", ["HPH-T1/head", "HPH-T2/head", "HPH-T3/head"]),
    ("P2", "các khu phố", "collective", ["P2-KP1", "P2-KP2", "P2-KP3", "P2-KP4"]),
    ("P2", "UBND phường", "collective", ["P2"]),
    ("P2", "UBND thị xã", "collective", ["TXQT"]),
    ("QH", "các Sở, ngành, cơ quan cấp tỉnh", "collective", ["TH-SLDTBXH", "TH-STC", "TH-SYT"]),
    ("QH", "các hội quần chúng", "collective", ["QH-HNCT", "QH-HCTD", "QH-HKH"]),
    ("P2", "cấp ủy", "collective", ["P2-DU"]),
    # several bodies in one string
    ("P2", "UBND thị xã, Phòng Lao động- TB&XH thị xã và Thường trực Đảng ủy phường", "collective",
     ["TXQT", "TXQT-LDTBXH", "P2-DU"]),
    # typos
    ("QH", "Phòng Tài chánh - Kế hoạch", "fuzzy", ["QH-TCKH"]),
    ("BL", "Phòng Nông nghiệp và Phát triển nông thông", "fuzzy", ["BL-NNPTNT"]),
])
def test_resolution(scope: str, name: str, method: str, expected: list[str], memory: Session,
                    resolver: Resolver, codes: dict[str, int]) -> None:
    res = resolver.resolve(name, scope=codes[scope])
    assert res.method == method
    assert _describe(memory, res.targets) == expected


def test_head_officers_of_a_collective(memory: Session, resolver: Resolver, codes: dict[str, int]) -> None:
    res = resolver.resolve("Trưởng các phòng, ban, ngành cấp huyện", scope=codes["QH"])
    assert res.method == "collective"
    heads = {o.id for o in memory.exec(select(Officer).where(Officer.role == "head")).all()}
    assert len(res.targets) >= 10 and all(officer in heads for _, officer in res.targets)


@pytest.mark.parametrize("name", ["Phòng Lao động - Thương binh và Xã hội", "Công chức VHXH", "Phòng Nội vụ"])
def test_same_name_in_several_places_needs_a_scope(name: str, resolver: Resolver) -> None:
    res = resolver.resolve(name)
    assert res.method == "unresolved" and res.targets == []
    assert res.note and res.note.startswith("ambiguous")
    assert len(res.candidates) == 3 and all(score == 100 for _, score in res.candidates)


def test_collective_without_scope_is_unresolved_and_says_why(resolver: Resolver) -> None:
    res = resolver.resolve("UBND các xã, thị trấn")
    assert res.targets == [] and "issuing unit" in (res.note or "")


@pytest.mark.parametrize("name", ["Sở Ngoại vụ", "Phòng Tư pháp", "Cục Thuế", ""])
def test_unknown_bodies_are_unresolved_with_candidates(name: str, resolver: Resolver, codes: dict[str, int]) -> None:
    res = resolver.resolve(name, scope=codes["QH"])
    assert res.method == "unresolved" and res.targets == []
    assert all(score < 86 for _, score in res.candidates)
    if name:
        assert 1 <= len(res.candidates) <= 3


@pytest.mark.parametrize("plan, expected", [
    ({"issuer": "UBND huyện Quan Hoá"}, "QH"),
    ({"issuer": "Ủy ban nhân dân huyện Bình Lục"}, "BL"),
    ({"title": "Triển khai thực hiện nhiệm vụ ... Xã Hoằng Phụ năm 2022."}, "HPH"),
    ({"issuer": "UBND phường", "title": "Triển khai Kế hoạch số 63-KH/ĐU của Đảng ủy Phường 2 về ..."}, "P2"),
    ({"title": "Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Thanh Hoá trên địa bàn huyện Quan Hoá"}, "QH"),
    ({"place": "Bình Lục", "title": "Triển khai Kết luận số 92-KL/TW"}, "BL"),
    ({"title": "Kế hoạch", "assignments": [{"text": "UBND xã Hoằng Hợp ban hành Kế hoạch"}]}, "HHP"),
    ({"title": "Kế hoạch không nói ở đâu"}, None),
])
def test_scope_of_a_plan(plan: dict, expected: str | None, resolver: Resolver, codes: dict[str, int]) -> None:
    got = resolver.scope_for(plan)
    assert got == (codes[expected] if expected else None)


def test_for_plan_resolves_relative_to_the_issuer(resolver: Resolver, codes: dict[str, int]) -> None:
    plan = {"issuer": "UBND huyện Bình Lục", "assignments": [{"lead": ["Phòng Y tế"], "support": []}]}
    view = resolver.for_plan(plan)
    assert view.scope == codes["BL"]
    assert view.resolve("Phòng Y tế").targets == [(codes["BL-YT"], None)]
    assert resolver.scope is None  # the base resolver is untouched


@pytest.mark.parametrize("scope, name", [("TXQT", "UBND Phường 3"), ("P2", "Khu phố 5"), ("P2", "Trường THCS Phường 3")])
def test_fuzzy_never_changes_a_number(scope: str, name: str, resolver: Resolver, codes: dict[str, int]) -> None:
    res = resolver.resolve(name, scope=codes[scope])
    assert res.targets == [] and res.candidates and res.candidates[0][1] >= 86  # close, but another body
