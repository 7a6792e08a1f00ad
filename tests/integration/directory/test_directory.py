"""Directory import/export: formats, idempotency, updates in place, errors that store nothing."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import pendulum
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from dondoc.config import Settings
from dondoc.directory import apply as directory_apply
from dondoc.directory.apply import apply_directory, import_directory
from dondoc.directory.export import export_directory
from dondoc.directory.files import read_directory
from dondoc.errors import DirectoryError
from dondoc.models import Alias, Contact, Officer, Unit
from dondoc.secrets import unseal
from tests.unit.directory.test_directory import BASE, write_tables  # the shared sample directory

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE_YAML = ROOT / "examples" / "directory.yaml"
EXAMPLE_XLSX = ROOT / "examples" / "directory.xlsx"
NOW = pendulum.datetime(2025, 11, 5, 8, tz="Asia/Ho_Chi_Minh")





def snapshot(engine: Engine, settings: Settings) -> dict[str, list[tuple]]:
    with Session(engine) as s:
        return {
            "units": [(u.id, u.code, u.name, u.kind, u.parent_id, u.external)
                      for u in s.exec(select(Unit).order_by(Unit.id)).all()],
            "officers": [(o.id, o.code, o.unit_id, o.name, o.role, o.position, o.active)
                         for o in s.exec(select(Officer).order_by(Officer.id)).all()],
            "contacts": [(c.id, c.officer_id, c.channel, unseal(c.url, settings), c.priority)
                         for c in s.exec(select(Contact).order_by(Contact.id)).all()],
            "aliases": [(a.id, a.key, a.name, a.unit_id, a.officer_id, a.kinds, a.within, a.role)
                        for a in s.exec(select(Alias).order_by(Alias.id)).all()],
        }


# -- reading (no database) ------------------------------------------------------------------------------


# -- errors: each names file, sheet, row, column; nothing is stored ---------------------------------------

def _mutate(fn):
    tables = copy.deepcopy(BASE)
    fn(tables)
    return tables


ERROR_CASES = [
    ("unknown column", "xlsx", lambda t: t["units"][1].update(colour="blue"),
     ["trang Units", "cột colour", "cột lạ 'colour'"]),
    ("unknown column yaml", "yaml", lambda t: t["officers"][0].update(email="x@example.org"),
     ["trang Officers", "dòng 23", "cột email", "cột lạ"]),
    ("missing column", "xlsx", lambda t: [u.pop("name") for u in t["units"]] and t["units"][0].update(title="x"),
     ["trang Units", "cột lạ 'title'", "thiếu cột name"]),
    ("unit cycle", "yaml", lambda t: t["units"][0].update(parent="D"),
     ["trang Units", "cột parent", "vòng lặp cấp trên", "P -> D -> P"]),
    ("self parent", "csv", lambda t: t["units"][2].update(parent="D-LD"), ["hàng 4", "cấp trên của chính nó"]),
    ("unknown parent", "xlsx", lambda t: t["units"][3].update(parent="NOPE"),
     ["trang Units", "hàng 5", "cột parent", "không có đơn vị cấp trên mã 'NOPE'"]),
    ("duplicate alias to two units", "xlsx", lambda t: t["aliases"].append({"alias": "Phòng LĐTBXH huyện Mẫu",
                                                                            "unit": "C1"}),
     ["trang Aliases", "hàng 5", "cột alias", "chỉ nơi khác", "đơn vị D-LD ở đó", "đơn vị C1 ở đây"]),
    ("unknown unit of officer", "xlsx", lambda t: t["officers"][2].update(unit="C9"),
     ["trang Officers", "hàng 4", "cột unit", "không có đơn vị mã 'C9'"]),
    ("invalid url", "xlsx", lambda t: t["contacts"][2].update(url="htp://hai@example.org"),
     ["trang Contacts", "hàng 4", "cột url", "không được hỗ trợ"]),
    ("url shape", "csv", lambda t: t["contacts"][0].update(url="hai at example.org"),
     ["trang Contacts", "cột url", "không phải địa chỉ liên lạc"]),
    ("bad role", "xlsx", lambda t: t["officers"][0].update(role="boss"),
     ["trang Officers", "hàng 2", "cột role", "'boss' không phải một trong các vai trò head"]),
    ("duplicate unit code", "xlsx", lambda t: t["units"].append({"code": "C1", "name": "UBND xã Hai"}),
     ["trang Units", "hàng 7", "cột code", "đã dùng ở hàng 5"]),
    ("duplicate priority", "xlsx", lambda t: t["contacts"][1].update(priority=1),
     ["trang Contacts", "hàng 3", "cột priority", "đã có liên hệ ưu tiên 1"]),
    ("unknown contact officer", "xlsx", lambda t: t["contacts"][3].update(officer="X-9"),
     ["trang Contacts", "hàng 5", "cột officer", "không có cán bộ mã 'X-9'"]),
    ("alias officer of another unit", "xlsx", lambda t: t["aliases"][2].update(unit="D-LD"),
     ["trang Aliases", "hàng 4", "cột officer", "thuộc đơn vị 'C1'"]),
    ("alias with no target", "yaml", lambda t: t["aliases"].append({"alias": "Ai đó"}),
     ["trang Aliases", "cột unit", "cần mã đơn vị"]),
    ("external not yes/no", "xlsx", lambda t: t["units"][4].update(external="maybe"),
     ["trang Units", "hàng 6", "cột external", "có/không"]),
    ("empty required value", "xlsx", lambda t: t["officers"][1].update(name=None),
     ["trang Officers", "hàng 3", "cột name", "ô bắt buộc đang để trống"]),
    ("csv cell of another record", "csv", lambda t: t["units"][0].update(url="mailto://x@example.org"),
     ["hàng 2", "cột url", "không dùng cho dòng loại unit"]),
]


@pytest.mark.parametrize("label, fmt, mutate, expected", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_bad_directory_is_refused_naming_where(label: str, fmt: str, mutate, expected: list[str],
                                               tmp_path: Path, scratch_engine: Engine) -> None:
    path = write_tables(tmp_path / f"bad.{fmt}", _mutate(mutate))
    with pytest.raises(DirectoryError) as err:
        _full_check(path, scratch_engine)
    message = str(err.value)
    assert message.startswith(str(path))
    for part in expected:
        assert part in message, message


@pytest.fixture(scope="module")
def scratch_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    from dondoc.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('scratch') / 'd.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def _full_check(path: Path, engine: Engine) -> None:
    """Checks that need the whole file (references, cycles) run in apply_directory: on an empty database,
    rolled back."""
    data = read_directory(path)
    with Session(engine) as s:
        try:
            apply_directory(s, data=data, settings=Settings(home=path.parent, secret_key="k"),
                                              now=NOW)
        finally:
            s.rollback()


@pytest.mark.parametrize("label, fmt, mutate", [
    ("unit cycle", "xlsx", lambda t: t["units"][0].update(parent="C1")),
    ("duplicate alias", "yaml", lambda t: t["aliases"].append({"alias": "UBND các xã", "unit": "D"})),
    ("unknown officer unit", "csv", lambda t: t["officers"].append({"code": "Z", "unit": "ZZ", "name": "Z"})),
    ("bad url", "xlsx", lambda t: t["contacts"].append({"officer": "C1-1", "url": "nope://x"})),
])
def test_refused_import_leaves_the_database_unchanged(label: str, fmt: str, mutate, engine: Engine,
                                                      settings: Settings, tmp_path: Path) -> None:
    good = write_tables(tmp_path / "good.yaml", BASE)
    import_directory(engine=engine, settings=settings, path=good, now=NOW)
    before = snapshot(engine, settings)
    changed = _mutate(mutate)
    changed["units"][1]["name"] = "UBND huyện Đổi Tên"  # a valid change that must not be stored either
    bad = write_tables(tmp_path / f"bad.{fmt}", changed)
    with pytest.raises(DirectoryError):
        import_directory(engine=engine, settings=settings, path=bad, now=NOW)
    assert snapshot(engine, settings) == before


def test_failure_midway_stores_nothing(engine: Engine, settings: Settings, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Units and officers are already flushed when sealing a contact fails: the transaction rolls back."""
    calls = {"n": 0}
    real_seal = directory_apply.seal

    def failing_seal(value: str, s: Settings) -> str:
        calls["n"] += 1
        if calls["n"] == 3:
            raise DirectoryError("simulated failure while storing contacts")
        return real_seal(value, s)

    monkeypatch.setattr(directory_apply, "seal", failing_seal)
    with pytest.raises(DirectoryError, match="simulated"):
        import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "d.yaml", BASE), now=NOW)
    assert calls["n"] == 3
    assert snapshot(engine, settings) == {"units": [], "officers": [], "contacts": [], "aliases": []}


# -- importing ------------------------------------------------------------------------------------------

def test_example_import_is_idempotent(engine: Engine, settings: Settings) -> None:
    first = import_directory(engine=engine, settings=settings, path=EXAMPLE_XLSX, now=NOW)
    assert first.changed and first.units.created > 100 and first.contacts.created > 150
    before = snapshot(engine, settings)
    again = import_directory(engine=engine, settings=settings, path=EXAMPLE_XLSX, now=NOW)
    assert not again.changed
    assert again.units.unchanged == first.units.created
    assert again.aliases.unchanged == first.aliases.created
    assert snapshot(engine, settings) == before
    # The YAML twin is the same directory: importing it changes nothing either.
    assert not import_directory(engine=engine, settings=settings, path=EXAMPLE_YAML, now=NOW).changed


def test_changed_file_updates_in_place(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "v1.yaml", BASE), now=NOW)
    before = snapshot(engine, settings)
    v2 = copy.deepcopy(BASE)
    v2["units"][3]["name"] = "UBND xã Một (mới)"
    v2["units"][2]["parent"] = "P"
    v2["units"].append({"code": "C2", "name": "UBND xã Hai", "kind": "commune", "parent": "D"})
    v2["officers"][1]["role"] = "deputy"
    v2["officers"] = [o for o in v2["officers"] if o["code"] != "D-LD-1"]
    v2["contacts"] = [c for c in v2["contacts"] if c["officer"] != "D-LD-1"]
    v2["contacts"][0]["url"] = "mailto://hai@mail.example.org"
    v2["aliases"] = v2["aliases"][1:]
    result = import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "v2.xlsx", v2), now=NOW)
    assert (result.units.created, result.units.updated, result.units.unchanged) == (1, 2, 3)
    assert (result.officers.updated, result.officers.removed) == (1, 1)
    # the contacts of an officer the file leaves out stay with that (now inactive) officer (issue 17 item 11)
    assert (result.contacts.updated, result.contacts.removed, result.contacts.unchanged) == (1, 0, 1)
    assert result.aliases.removed == 1
    after = snapshot(engine, settings)
    ids = {u[1]: u[0] for u in before["units"]}
    assert {u[1]: u[0] for u in after["units"] if u[1] in ids} == ids  # same rows, updated in place
    units = {u[1]: u for u in after["units"]}
    assert units["C1"][2] == "UBND xã Một (mới)" and units["D-LD"][4] == ids["P"]
    officers = {o[1]: o for o in after["officers"]}
    assert officers["D-LD-1"][6] is False and officers["D-LD-2"][4] == "deputy"
    active = {o[0] for o in after["officers"] if o[6]}
    assert sorted(c[3] for c in after["contacts"] if c[1] in active) == ["json://hooks.example.org/c1",
                                                                         "mailto://hai@mail.example.org"]
    # Putting the officer back reactivates the same row.
    result = import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "v3.yaml", BASE), now=NOW)
    assert result.officers.updated == 2
    assert {o[1]: o[0] for o in snapshot(engine, settings)["officers"]} == {o[1]: o[0] for o in before["officers"]}
    # Units left out of the file are kept (plans may refer to them), and the import says so.
    v4 = copy.deepcopy(BASE)
    v4["units"] = [u for u in v4["units"] if u["code"] != "M"]
    kept = import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "v4.yaml", v4), now=NOW)
    assert any("C2, M" in w for w in kept.warnings), kept.warnings
    assert "M" in {u[1] for u in snapshot(engine, settings)["units"]}


def test_contact_urls_are_sealed_at_rest(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "d.yaml", BASE), now=NOW)
    with Session(engine) as s:
        stored = [c.url for c in s.exec(select(Contact)).all()]
    assert len(stored) == 4 and all(u.startswith("enc:") and "example.org" not in u for u in stored)
    out = export_directory(engine=engine, settings=settings, path=tmp_path / "out.yaml")
    assert "mailto://mot@example.org" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["xlsx", "yaml", "csv"])
def test_export_round_trips(fmt: str, engine: Engine, settings: Settings, tmp_path: Path) -> None:
    original = read_directory(EXAMPLE_YAML)
    import_directory(engine=engine, settings=settings, path=EXAMPLE_YAML, now=NOW)
    out = export_directory(engine=engine, settings=settings, path=tmp_path / f"export.{fmt}")
    assert read_directory(out).plain() == original.plain()
    again = import_directory(engine=engine, settings=settings, path=out, now=NOW)
    assert not again.changed


def test_collective_alias_is_stored_without_unit(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    import_directory(engine=engine, settings=settings, path=write_tables(tmp_path / "d.yaml", BASE), now=NOW)
    with Session(engine) as s:
        alias = s.exec(select(Alias).where(Alias.name == "UBND các xã")).one()
    assert alias.unit_id is None and alias.kinds == "commune" and alias.key == "uy ban nhan dan cac xa"
