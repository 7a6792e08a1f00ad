"""Store benchmarks on SQLite and PostgreSQL.

Directory part: a province-scale directory file (1 province, 25 departments, 100 communes, 5 officers each,
a contact per officer plus Zalo for focal officers, aliases and collectives) imported from .xlsx: first
import, re-import of the same file (no change), import of a changed file, export; time and peak Python
memory (tracemalloc, measured in a separate run so it does not slow the timed one); then name resolution
throughput on that directory.

Plans part: 50 real plans (the five seed plans, ten variants of each with their own title) parsed,
resolved against the example directory and imported with their obligations; then all 50 re-imported
(a no-op). Time per plan and peak Python memory.

usage: .venv/bin/python benchmarks/store.py [--backends sqlite,postgresql] [--names 20000] [--plans 50]
"""

from __future__ import annotations

import argparse
import copy
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _province import drop, fresh_engine

from dondoc import clock
from dondoc.db import session_scope
from dondoc.directory.apply import import_directory
from dondoc.directory.data import DirectoryData, Row
from dondoc.directory.export import export_directory, write_directory
from dondoc.directory.files import read_directory
from dondoc.directory.resolve import Resolver

DEPARTMENTS = ["Nội vụ", "Tài chính", "Kế hoạch và Đầu tư", "Lao động - Thương binh và Xã hội", "Y tế",
               "Giáo dục và Đào tạo", "Văn hóa, Thể thao và Du lịch", "Tư pháp", "Xây dựng", "Giao thông vận tải",
               "Công Thương", "Nông nghiệp và Phát triển nông thôn", "Tài nguyên và Môi trường", "Khoa học và Công nghệ",
               "Thông tin và Truyền thông", "Ngoại vụ", "Dân tộc", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
               "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Bảo hiểm xã hội tỉnh", "Cục Thuế", "Kho bạc Nhà nước",
               "Đài Phát thanh và Truyền hình"]
POSITIONS = [None, None, "Công chức Lao động - Thương binh và Xã hội", "Công chức Văn hóa - Xã hội",
             "Công chức Văn phòng - Thống kê"]
ROLES = ["head", "deputy", "focal", "staff", "staff"]


def province_tables(*, departments: int = 25, communes: int = 100, per_unit: int = 5) -> dict[str, list[dict]]:
    units = [{"code": "T", "name": "UBND tỉnh Mẫu", "kind": "province"}]
    for i in range(departments):
        name = DEPARTMENTS[i % len(DEPARTMENTS)]
        units.append({"code": f"S{i:02d}", "name": name if " " in name and name[0].isupper() and i >= 17
                      else f"Sở {name}", "kind": "department", "parent": "T"})
    for i in range(communes):
        units.append({"code": f"X{i:03d}", "name": f"UBND xã Mẫu {i:03d}", "kind": "commune", "parent": "T"})
    officers, contacts = [], []
    for u in units:
        for r in range(per_unit):
            code = f"{u['code']}-{r + 1}"
            o = {"code": code, "unit": u["code"], "name": f"Cán bộ {code}", "role": ROLES[r]}
            if u["kind"] == "commune" and POSITIONS[r]:
                o["position"] = POSITIONS[r]
            officers.append(o)
            contacts.append({"officer": code, "channel": "email", "url": f"mailto://{code.lower()}@example.org",
                             "priority": "1"})
            if ROLES[r] == "focal":
                contacts.append({"officer": code, "channel": "zalo", "url": f"zalooa://token/{abs(hash(code))}",
                                 "priority": "2"})
    aliases = [{"alias": f"Sở {i:02d} tỉnh Mẫu", "unit": f"S{i:02d}"} for i in range(departments)]
    aliases += [{"alias": "UBND các xã", "kinds": "commune"},
                {"alias": "các sở, ban, ngành", "kinds": "department"},
                {"alias": "UBND tỉnh", "within": "province"}]
    return {"units": units, "officers": officers, "contacts": contacts, "aliases": aliases}


def changed(tables: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """10 communes renamed, 50 officers changed, 20 contact URLs moved to another mail server."""
    t = copy.deepcopy(tables)
    for u in t["units"][30:40]:
        u["name"] += " (mới)"
    for o in t["officers"][100:150]:
        o["name"] += " Mới"
    for c in t["contacts"][200:220]:
        c["url"] = c["url"].replace("@example.org", "@mail.example.org")
    return t


def data_of(tables: dict[str, list[dict]]) -> DirectoryData:
    data = DirectoryData(source="bench")
    for sheet, rows in tables.items():
        data.rows[sheet] = [Row(sheet, n, {k: str(v) for k, v in r.items()}) for n, r in enumerate(rows, start=2)]
    return data


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def traced_peak(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def directory_part(backend: str, files: dict[str, Path], names: int) -> None:
    now = clock.now()
    engine, settings = fresh_engine(backend, "store_dir")
    try:
        t_first, first = timed(lambda: import_directory(engine=engine, settings=settings, path=files["v1"], now=now))
        t_same, same = timed(lambda: import_directory(engine=engine, settings=settings, path=files["v1"], now=now))
        t_changed, ch = timed(lambda: import_directory(engine=engine, settings=settings, path=files["v2"], now=now))
        out = Path(tempfile.mkdtemp()) / "export.xlsx"
        t_export, _ = timed(lambda: export_directory(engine=engine, settings=settings, path=out))
        with session_scope(engine) as session:
            t_index, resolver = timed(lambda: Resolver.from_session(session))
    finally:
        drop(engine)
    engine, settings = fresh_engine(backend, "store_dir_mem")
    try:
        peak = traced_peak(lambda: import_directory(engine=engine, settings=settings, path=files["v1"], now=now))
    finally:
        drop(engine)
    assert first.units.created == 126 and first.officers.created == 630, first.as_dict()
    assert not same.changed, same.as_dict()
    print(f"  first import (.xlsx)      {t_first:7.2f} s   {first.units.created} units, "
          f"{first.officers.created} officers, {first.contacts.created} contacts, {first.aliases.created} aliases; "
          f"peak Python memory {peak:.1f} MiB")
    print(f"  re-import, same file      {t_same:7.2f} s   changed: {same.changed}")
    print(f"  import of a changed file  {t_changed:7.2f} s   units updated {ch.units.updated}, officers updated "
          f"{ch.officers.updated}, contacts updated {ch.contacts.updated}")
    print(f"  export .xlsx              {t_export:7.2f} s")

    # Resolution: a mix of exact, normalised (abbreviations, no diacritics), fuzzy, collective, unknown.
    rng = random.Random(7)
    pool = ([f"UBND xã Mẫu {i:03d}" for i in range(100)] + [f"ubnd xa mau {i:03d}" for i in range(100)]
            + ["Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", "Sở Nội vu", "Sở Tài chánh",
               "UBND các xã", "Chủ tịch UBND các xã", "các sở, ban, ngành", "Công chức VHXH", "Sở Du hành vũ trụ"])
    batch = [rng.choice(pool) + ("" if k % 3 else f" {k % 97}") for k in range(names)]
    scope = next(uid for uid, u in resolver.units.items() if u.code == "X007")
    t_resolve, results = timed(lambda: [resolver.resolve(n, scope=scope) for n in batch])
    distinct = len(set(batch))
    resolved = sum(1 for r in results if r.targets)
    print(f"  resolver index            {t_index * 1000:7.1f} ms")
    print(f"  resolve {names} names ({distinct} distinct): {t_resolve:.2f} s "
          f"({names / t_resolve:,.0f} names/s, {distinct / t_resolve:,.0f} distinct/s); resolved {resolved}")


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def plan_variants(n: int, folder: Path) -> list[Path]:
    """n plan files: the seed plans, each variant's title marked 'đợt k' so that each is a plan of its own."""
    seeds = sorted((EXAMPLES / "plans").glob("*.txt"))
    out = []
    for k in range(n):
        seed = seeds[k % len(seeds)]
        lines = seed.read_text(encoding="utf-8").splitlines()
        head = next(i for i, line in enumerate(lines)
                    if line.strip(" #*_\t").upper().startswith(("KẾ HOẠCH", "KẾ  HOẠCH")))
        title = next(i for i in range(head + 1, len(lines)) if lines[i].strip())
        lines[title] = lines[title].rstrip() + f" (đợt {k // len(seeds) + 1})"
        path = folder / f"{seed.stem}-{k:02d}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out.append(path)
    return out


def plans_part(backend: str, paths: list[Path]) -> None:
    from sqlmodel import Session, func, select

    from dondoc.intake.importer import import_plan
    from dondoc.models import Obligation, Plan

    now = clock.now()
    engine, settings = fresh_engine(backend, "store_plans")
    try:
        import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=now)
        t_all, results = timed(lambda: [import_plan(engine=engine, settings=settings, path=p, now=now) for p in paths])
        t_again, again = timed(lambda: [import_plan(engine=engine, settings=settings, path=p, now=now) for p in paths])
        # a directory change makes every stored plan resolve again, in the directory import's transaction
        edited = read_directory(EXAMPLES / "directory.xlsx").plain()
        edited["aliases"].append({"alias": "Tổ công tác đặc biệt", "unit": edited["units"][0]["code"]})
        edited_file = write_directory(data_of(edited), paths[0].parent / "directory-edited.xlsx")
        t_reresolve, changed_dir = timed(lambda: import_directory(engine=engine, settings=settings,
                                                                  path=edited_file, now=now))
        with Session(engine) as s:
            plans = s.exec(select(func.count()).select_from(Plan)).one()
            obligations = s.exec(select(func.count()).select_from(Obligation)).one()
    finally:
        drop(engine)
    engine, settings = fresh_engine(backend, "store_plans_mem")
    try:
        import_directory(engine=engine, settings=settings, path=EXAMPLES / "directory.xlsx", now=now)
        peak = traced_peak(lambda: [import_plan(engine=engine, settings=settings, path=p, now=now) for p in paths])
    finally:
        drop(engine)
    assert plans == len(paths), f"{plans} plans stored for {len(paths)} files"
    assert all(r.status == "unchanged" for r in again)
    unresolved = sum(len(r.unresolved) for r in results)
    print(f"  import {len(paths)} plans        {t_all:7.2f} s   {t_all / len(paths) * 1000:.0f} ms/plan; "
          f"{obligations} obligations, {unresolved} unresolved names; peak Python memory {peak:.1f} MiB")
    print(f"  re-import {len(paths)} (no-op)    {t_again:7.2f} s")
    print(f"  directory edit, {len(changed_dir.plans)} plans resolved again {t_reresolve:7.2f} s   "
          f"{t_reresolve / max(1, len(changed_dir.plans)) * 1000:.0f} ms/plan")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backends", default="sqlite,postgresql")
    ap.add_argument("--names", type=int, default=20000)
    ap.add_argument("--plans", type=int, default=50)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dondoc-store-"))
    tables = province_tables()
    files = {"v1": write_directory(data_of(tables), tmp / "province.xlsx"),
             "v2": write_directory(data_of(changed(tables)), tmp / "province-v2.xlsx")}
    t_read, data = timed(lambda: read_directory(files["v1"]))
    print(f"directory file: {files['v1'].stat().st_size / 1024:.0f} KiB .xlsx; read + check {t_read:.2f} s "
          f"({len(data.rows['units'])} units, {len(data.rows['officers'])} officers, "
          f"{len(data.rows['contacts'])} contacts, {len(data.rows['aliases'])} aliases)")
    for backend in args.backends.split(","):
        print(f"[{backend}] directory")
        directory_part(backend, files, args.names)
        if args.plans:
            print(f"[{backend}] plans")
            plans_part(backend, plan_variants(args.plans, tmp))
    print(f"max RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
