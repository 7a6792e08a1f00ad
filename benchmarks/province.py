"""Province scale in one run: 1 province, 25 departments, 100 communes, 40 plans, >= 200,000 obligations.

    .venv/bin/python benchmarks/province.py [--small] [--out benchmarks/results.md] [--skip web,notify]
    .venv/bin/python benchmarks/province.py --reorg [--plans 40] [--db sqlite,postgresql]   (2025 province)

Measures, each stage in its own process (peak memory = that process's maximum resident set, from wait4):
  import    plan import rate: generated Kế hoạch texts (header, tasks with labelled Chủ trì / Phối hợp /
            Thời gian lines naming the province's units) parsed and imported by the real
            dondoc.intake.importer.import_plan into a directory with those units (plans/s)
  sweep     the daily sweep in local mode: dondoc.followup.sweep.run_daily(deliver=False) on PostgreSQL
  prefect   the same sweep (same day, same starting database, copied from a PostgreSQL template) as the
            daily-province flow on a real local Prefect server on PostgreSQL, with 1 and then 2 process
            workers (each worker process and the server measured too)
  notify    delivery throughput to a local webhook receiver (benchmarks/notify.py, PostgreSQL)
  report    compile_report of the province-wide plan (every department and commune, 10 tasks x 4 quarters)
  web       p95 latency under 50 concurrent users (benchmarks/web.py, PostgreSQL)
Prints one table and writes it, with the machine and its load, to benchmarks/results.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

PG_SERVER = os.environ.get("DONDOC_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
BASE_DB = "dondoc_bench_province"
DAY = dt.date(2025, 6, 18)  # a Wednesday: the measured sweep; the days before it are caught up first
SECRET = "benchmark-secret-key-not-for-production"
DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Xây dựng", "Sở Công Thương", "Sở Nông nghiệp và Môi trường",
    "Sở Khoa học và Công nghệ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp", "Sở Ngoại vụ", "Thanh tra tỉnh", "Văn phòng UBND tỉnh", "Sở Dân tộc và Tôn giáo",
    "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Ban Quản lý các khu công nghiệp", "Đài Phát thanh và Truyền hình tỉnh",
    "Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh", "Ngân hàng Chính sách xã hội chi nhánh tỉnh",
    "Trường Cao đẳng tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "Ban Quản lý dự án đầu tư xây dựng tỉnh",
]
FIRST = ["An", "Bình", "Tân", "Phú", "Long", "Hòa", "Thạnh", "Phước", "Vĩnh", "Mỹ"]
SECOND = ["Lợi", "Hưng", "Thành", "Khánh", "Điền", "Đông", "Tây", "Bắc", "Nam", "Hiệp"]
COMMUNES = [f"UBND xã {a} {b}" for a in FIRST for b in SECOND]


def db_url(name: str) -> str:
    return f"{PG_SERVER}/{name}"


def admin_exec(*sql: str) -> None:
    from sqlalchemy import text

    from dondoc.db import make_engine

    admin = make_engine(db_url("postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for q in sql:
            conn.execute(text(q))
    admin.dispose()


def fresh_db(name: str, template: str | None = None) -> str:
    admin_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
               f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return db_url(name)


def settings_for(url: str, home: Path) -> Any:
    from dondoc.config import Settings

    return Settings(home=home, database_url=url, secret_key=SECRET)


# ------------------------------------------------------------------------------------------ stages
# Each stage runs in a child process (`--stage NAME`) and prints one JSON line last.


def stage_build(a: argparse.Namespace) -> dict[str, Any]:
    """The province database (bulk-built), caught up to the day before DAY; kept as a template."""
    import pendulum
    from _province import build_directory, build_plans

    from dondoc.app.daily import run_daily
    from dondoc.clock import TZ
    from dondoc.db import make_engine, upgrade

    url = fresh_db(BASE_DB)
    engine = make_engine(url)
    upgrade(engine)
    t0 = time.perf_counter()
    units = build_directory(engine)
    n = build_plans(engine, units, plans=a.plans, tasks=a.tasks)
    build_s = time.perf_counter() - t0
    settings = settings_for(url, Path(tempfile.mkdtemp(prefix="dondoc-bench-prov-")))
    for d in (13, 16, 17):  # the steady state: the days before DAY are already swept
        run_daily(engine=engine, settings=settings, now=pendulum.datetime(2025, 6, d, 8, tz=TZ), deliver=False,
                  compile_reports=False)
    engine.dispose()
    return {"obligations": n, "build_s": build_s}


def plan_text(i: int, rnd: Any, year: int = 2025) -> str:
    depts = rnd.sample(DEPARTMENTS, 6)
    lines = [
        "ỦY BAN NHÂN DÂN", "TỈNH BÌNH NAM", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
        f"Số: {100 + i}/KH-UBND", f"Bình Nam, ngày {1 + i % 28:02d} tháng 01 năm {year}", "", "KẾ HOẠCH",
        f"Thực hiện nhiệm vụ trọng tâm số {i + 1} trên địa bàn tỉnh năm {year}", "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Triển khai đồng bộ, hiệu quả các nhiệm vụ; phân công rõ cơ quan chủ trì, phối hợp và thời hạn.", "",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
    ]
    for t in range(a_tasks := 8):
        lead = depts[t % len(depts)]
        support = [d for d in depts if d != lead][:2] + rnd.sample(COMMUNES, 2)
        when = rnd.choice([f"trước ngày {rnd.randint(1, 28):02d}/{rnd.randint(3, 12):02d}/{year}",
                           "định kỳ hằng quý, báo cáo trước ngày 15 tháng cuối quý",
                           f"trước ngày 15/12/{year}", "thường xuyên"])
        lines += [
            (f"{t + 1}. Nhiệm vụ {t + 1}: tổ chức rà soát, hướng dẫn và kiểm tra việc thực hiện nội dung "
            f"{t + 1} của Kế hoạch trên địa bàn tỉnh."),
            f"- Chủ trì: {lead}.",
            f"- Phối hợp: {', '.join(support)}.",
            f"- Thời gian thực hiện: {when}.",
            "",
        ]
    del a_tasks
    lines += ["III. TỔ CHỨC THỰC HIỆN",
              ("1. Sở Nội vụ là cơ quan đầu mối, theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo "
              f"UBND tỉnh trước ngày 20/12/{year}."),
              "2. Các sở, ban, ngành và UBND các xã căn cứ Kế hoạch tổ chức thực hiện.", "",
              "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    return "\n".join(lines) + "\n"


def stage_import(a: argparse.Namespace) -> dict[str, Any]:
    """Generated plan texts parsed and imported for real into a directory naming those units."""
    import random

    from _province import build_directory
    from sqlalchemy import text

    from dondoc import clock
    from dondoc.db import make_engine, upgrade
    from dondoc.intake.importer import import_plan

    url = fresh_db(BASE_DB + "_import")
    engine = make_engine(url)
    upgrade(engine)
    build_directory(engine)
    with engine.begin() as conn:  # the real names the generated plans use
        conn.execute(text("UPDATE unit SET name = :n WHERE kind = 'province'"), {"n": "UBND tỉnh Bình Nam"})
        ids = [r[0] for r in conn.execute(text("SELECT id FROM unit WHERE kind = 'department' ORDER BY id"))]
        conn.execute(text("UPDATE unit SET name = :n WHERE id = :i"), [{"n": n, "i": i} for n, i in zip(DEPARTMENTS, ids, strict=False)])
        ids = [r[0] for r in conn.execute(text("SELECT id FROM unit WHERE kind = 'commune' ORDER BY id"))]
        conn.execute(text("UPDATE unit SET name = :n WHERE id = :i"), [{"n": n, "i": i} for n, i in zip(COMMUNES, ids, strict=False)])
    folder = Path(tempfile.mkdtemp(prefix="dondoc-bench-plans-"))
    rnd = random.Random(10)
    paths = []
    for i in range(a.import_plans):
        p = folder / f"ke-hoach-{i + 1:03d}.txt"
        p.write_text(plan_text(i, rnd), encoding="utf-8")
        paths.append(p)
    settings = settings_for(url, folder / "home")
    obligations = 0
    unresolved: list[str] = []
    t0 = time.perf_counter()
    for p in paths:
        r = import_plan(engine=engine, settings=settings, path=p, now=clock.now(), year=2025)
        obligations += r.obligations
        unresolved += r.unresolved
    seconds = time.perf_counter() - t0
    engine.dispose()
    admin_exec(f'DROP DATABASE IF EXISTS "{BASE_DB}_import" WITH (FORCE)')
    shutil.rmtree(folder, ignore_errors=True)
    return {"plans": len(paths), "seconds": seconds, "rate": len(paths) / seconds, "obligations": obligations,
            "unresolved": len(unresolved), "unresolved_names": sorted(set(unresolved))[:5]}


def stage_sweep(a: argparse.Namespace) -> dict[str, Any]:
    """run_daily(deliver=False) for DAY on a copy of the province database."""
    import pendulum

    from dondoc.app.daily import run_daily
    from dondoc.clock import TZ
    from dondoc.db import make_engine

    times, decided = [], 0
    for _ in range(a.repeat):  # each time on a fresh copy of the same starting database
        url = fresh_db(BASE_DB + "_local", template=BASE_DB)
        engine = make_engine(url)
        settings = settings_for(url, Path(tempfile.mkdtemp(prefix="dondoc-bench-sweep-")))
        now = pendulum.datetime(DAY.year, DAY.month, DAY.day, 8, tz=TZ)
        t0 = time.perf_counter()
        result = run_daily(engine=engine, settings=settings, now=now, deliver=False, compile_reports=False)
        times.append(time.perf_counter() - t0)
        decided = len(result.decisions)
        engine.dispose()
        admin_exec(f'DROP DATABASE IF EXISTS "{BASE_DB}_local" WITH (FORCE)')
    return {"seconds": min(times), "times": [round(t, 2) for t in times], "decided": decided}


def stage_report(a: argparse.Namespace) -> dict[str, Any]:
    """compile_report for plan 1 (every department and commune) on a copy of the province database."""
    import pendulum

    from dondoc.clock import TZ
    from dondoc.db import make_engine
    from dondoc.reporting.compile import compile_report

    url = fresh_db(BASE_DB + "_report", template=BASE_DB)
    engine = make_engine(url)
    settings = settings_for(url, Path(tempfile.mkdtemp(prefix="dondoc-bench-report-")))
    now = pendulum.datetime(2025, 12, 22, 9, tz=TZ)
    t0 = time.perf_counter()
    row = compile_report(engine=engine, settings=settings, plan_id=1, period="2025", now=now, send=False)
    seconds = time.perf_counter() - t0
    size = Path(row.docx_path).stat().st_size if row.docx_path else 0
    engine.dispose()
    admin_exec(f'DROP DATABASE IF EXISTS "{BASE_DB}_report" WITH (FORCE)')
    return {"seconds": seconds, "docx_kb": size // 1024}


STAGES = {"build": stage_build, "import": stage_import, "sweep": stage_sweep, "report": stage_report}


# ------------------------------------------------------------------------------------------ processes


def run_measured(cmd: list[str], *, env: dict[str, str] | None = None, timeout: float = 3600) -> tuple[str, float, int]:
    """Run `cmd`, return (stdout, its peak RSS in MB incl. the children it waited for, exit code)."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
            time.sleep(0.2)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return out.read().decode(errors="replace"), usage.ru_maxrss / 1024, proc.returncode


def stage(name: str, a: argparse.Namespace) -> tuple[dict[str, Any], float]:
    args = [sys.executable, str(Path(__file__)), "--stage", name, "--plans", str(a.plans), "--tasks", str(a.tasks),
            "--import-plans", str(a.import_plans), "--repeat", str(a.repeat)]
    out, mb, rc = run_measured(args)
    if rc != 0:
        raise SystemExit(f"stage {name} failed ({rc}):\n{out[-4000:]}")
    return json.loads(out.strip().splitlines()[-1]), mb


def vm_hwm_mb(pid: int) -> float:
    """Peak resident set of a live process (VmHWM), MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prefect_sweeps(a: argparse.Namespace) -> list[dict[str, Any]]:
    """daily-province for DAY (07:00, before the sending hour: deciding only) with 1 and with 2 workers."""
    import httpx

    from dondoc.flows.server import LocalPrefectServer

    pdb = "dondoc_bench_prefect"
    fresh_db(pdb)
    from sqlalchemy import text

    from dondoc.db import make_engine

    e = make_engine(db_url(pdb), isolation_level="AUTOCOMMIT")
    with e.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    e.dispose()
    tmp = Path(tempfile.mkdtemp(prefix="dondoc-bench-prefect-"))
    port = free_port()
    server = LocalPrefectServer(home=tmp / "prefect", port=port,
                                database_url=db_url(pdb).replace("+psycopg", "+asyncpg"))
    server.start(timeout=180)
    rows: list[dict[str, Any]] = []
    try:
        for n_workers in (1, 2):
            url = fresh_db(BASE_DB + "_prefect", template=BASE_DB)
            env = dict(os.environ) | {
                "DONDOC_HOME": str(tmp / f"home{n_workers}"), "DONDOC_DATABASE_URL": url, "DONDOC_SECRET_KEY": SECRET,
                "PREFECT_API_URL": server.api_url, "PREFECT_WORKER_QUERY_SECONDS": "1",
                "PREFECT_FLOWS_HEARTBEAT_FREQUENCY": "30", "PREFECT_LOGGING_LEVEL": "WARNING",
            }
            setup = subprocess.run([sys.executable, "-c", "from dondoc.cli import main; main()", "serve", "--pool", "bench", "--check"], env=env,
                                   capture_output=True, text=True, timeout=600, check=False)
            if setup.returncode:
                raise SystemExit(f"dondoc serve --pool failed:\n{setup.stderr[-3000:]}")
            workers = [subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", "bench",
                                         "--name", f"w{k}", "--limit", "2"],
                                        env=env | {"DONDOC_WORKER_NAME": f"w{k}"}, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
                       for k in range(n_workers)]
            api = httpx.Client(base_url=server.api_url, timeout=30)
            mem = [0.0] * n_workers
            try:
                # measure the sweep, not the workers' start: wait until every worker has polled the pool
                t_ready = time.monotonic()
                while time.monotonic() - t_ready < 300:
                    online = [w for w in api.post("/work_pools/bench/workers/filter", json={}).json()
                              if w.get("status") == "ONLINE" and w["name"] in {f"w{k}" for k in range(n_workers)}]
                    if len(online) == n_workers:
                        break
                    time.sleep(0.5)
                dep = api.get("/deployments/name/daily-province/daily-province").json()
                t0 = time.monotonic()
                run = api.post(f"/deployments/{dep['id']}/create_flow_run", json={"parameters": {
                    "at": f"{DAY.isoformat()}T07:00:00+07:00", "batches": n_workers, "senders": 1}}).json()
                state = "TIMEOUT"
                while time.monotonic() - t0 < 1800:
                    st = api.get(f"/flow_runs/{run['id']}").json()["state"]
                    if st and st["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED"):
                        state = st["type"]
                        break
                    time.sleep(0.5)
                wall = time.monotonic() - t0
                batch_runs = [r for r in api.post("/flow_runs/filter", json={"limit": 200}).json()
                              if (r.get("idempotency_key") or "").startswith(f"{run['id']}:batch:")]
                decide = [t for t in api.post("/task_runs/filter", json={
                    "flow_runs": {"id": {"any_": [r["id"] for r in batch_runs]}}, "limit": 200}).json()
                    if t["name"].startswith("decide-notices")]
                from dondoc.db import make_engine as mk

                eng = mk(url)
                with eng.connect() as conn:
                    decided = conn.execute(text("SELECT count(*) FROM notice WHERE day = :d"), {"d": DAY}).scalar()
                eng.dispose()
                mem = [vm_hwm_mb(w.pid) for w in workers]
            finally:
                api.close()
                for w in workers:
                    os.killpg(w.pid, signal.SIGTERM)
                worker_mem = []
                for w, m in zip(workers, mem, strict=False):
                    _, _, usage = os.wait4(w.pid, 0)
                    worker_mem.append(max(m, usage.ru_maxrss / 1024))
            rows.append({"workers": n_workers, "state": state, "wall_s": wall, "decided": decided,
                         "batch_run_s": [round(float(r.get("total_run_time") or 0), 1) for r in batch_runs],
                         "decide_s": [round(float(t.get("total_run_time") or 0), 2) for t in decide],
                         "worker_mb": worker_mem})
            admin_exec(f'DROP DATABASE IF EXISTS "{BASE_DB}_prefect" WITH (FORCE)')
        rows.append({"server_mb": vm_hwm_mb(server.proc.pid) if server.proc else 0.0})
    finally:
        server.stop()
        admin_exec(f'DROP DATABASE IF EXISTS "{pdb}" WITH (FORCE)')
    return rows


def notify(a: argparse.Namespace) -> tuple[str, float, float]:
    out, mb, rc = run_measured([sys.executable, str(HERE / "notify.py"), "--n", str(a.notify), "--db", "postgresql"])
    m = re.search(r"deliver\s+(\d+) sent in ([\d.]+) s = (\d+) messages/s", out)
    if rc or not m:
        return f"failed: {out[-300:]}", mb, 0.0
    return f"{m.group(1)} digests in {m.group(2)} s", mb, float(m.group(3))


def web(a: argparse.Namespace) -> tuple[str, str, float]:
    """(figure, detail, peak MB): p95 of the officer page and of the status submission, paced (about one
    request per second per user, as people use it) and saturated (back to back)."""
    out, mb, rc = run_measured([sys.executable, str(HERE / "web.py"), "--clients", "50", "--rounds", str(a.web_rounds),
                                "--db", "postgresql"])
    p95: dict[tuple[str, str], str] = {}
    for ln in out.splitlines():
        m = re.search(r"(officer page|submission)\s+n=\d+\s+p50=\s*[\d.]+ ms\s+p95=\s*([\d.]+) ms", ln)
        if m:
            p95[("paced" if "req/s per client" in ln else "saturated", m.group(1))] = m.group(2)
    if rc or not p95:
        return "failed", out[-500:].replace("\n", " "), mb
    figure = f"{p95.get(('paced', 'officer page'), '?')} / {p95.get(('paced', 'submission'), '?')} ms"
    detail = (f"paced (~1 req/s per user): page / submission p95; back to back: "
              f"{p95.get(('saturated', 'officer page'), '?')} / {p95.get(('saturated', 'submission'), '?')} ms; "
              + next((ln.split(None, 1)[1] for ln in out.splitlines() if " stored " in ln), ""))
    return figure, detail, mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="4 plans x 3 tasks (6,000 obligations), 5 plan imports, "
                    "1,000 digests, 3 web rounds: a quick try")
    ap.add_argument("--plans", type=int, default=40)
    ap.add_argument("--tasks", type=int, default=10)
    ap.add_argument("--import-plans", type=int, default=40)
    ap.add_argument("--notify", type=int, default=10000)
    ap.add_argument("--web-rounds", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3, help="Local sweeps (each on a fresh copy); the table shows the "
                    "fastest and lists all (the machine is shared: the minimum is the least disturbed)")
    ap.add_argument("--skip", default="", help="comma separated: import,prefect,notify,report,web")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    ap.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    ap.add_argument("--reorg", action="store_true", help="the 2025 province instead (benchmarks/_reorg.py): 130 "
                    "communes from bootstrap, --plans plans addressed to all communes (40 -> 208,000 obligations); "
                    "import of a plan to all communes, daily sweep, focal page p95, report compilation")
    ap.add_argument("--db", default="sqlite,postgresql", help="with --reorg: sqlite, postgresql or both")
    a = ap.parse_args()
    if a.reorg:
        import _reorg

        _reorg.run(plans=4 if a.small else a.plans, databases=a.db.split(","), pg_server=PG_SERVER)
        return
    if a.stage:
        print(json.dumps(STAGES[a.stage](a), default=str))
        return
    if a.small:
        a.plans, a.tasks, a.import_plans, a.notify, a.web_rounds = 4, 3, 5, 1000, 3
    skip = set(filter(None, a.skip.split(",")))
    load0 = os.getloadavg()
    t_start = time.monotonic()
    rows: list[tuple[str, str, str, str]] = []  # what, figure, detail, peak memory

    def add(what: str, figure: str, detail: str, mb: float | str) -> None:
        rows.append((what, figure, detail, mb if isinstance(mb, str) else f"{mb:.0f} MB"))
        print(f"{what:<34} {figure:<18} {detail}  [{rows[-1][3]}]", flush=True)

    built, mb = stage("build", a)
    add("province database (PostgreSQL)", f"{built['obligations']:,} obligations",
        f"1 province, 25 departments, 100 communes, {a.plans} plans; bulk-built in {built['build_s']:.0f} s", mb)
    if "import" not in skip:
        r, mb = stage("import", a)
        add("plan import (parse + import)", f"{r['rate']:.1f} plans/s",
            f"{r['plans']} generated plans in {r['seconds']:.1f} s, {r['obligations']:,} obligations, "
            f"{r['unresolved']} unresolved names {r['unresolved_names']}", mb)
    r, mb = stage("sweep", a)
    local_s = r["seconds"]
    add("daily sweep, local mode", f"{local_s:.2f} s",
        f"run_daily(deliver=False) on {DAY:%d/%m/%Y}, {r['decided']:,} notices decided; fastest of "
        f"{r['times']} s", mb)
    if "prefect" not in skip:
        res = prefect_sweeps(a)
        server_mb = res.pop()["server_mb"]
        for p in res:
            add(f"daily sweep, Prefect, {p['workers']} worker{'s' if p['workers'] > 1 else ''}",
                f"{p['wall_s']:.1f} s", f"{p['state']}; {p['decided']:,} notices; parent run from creation to "
                f"COMPLETED; batch runs RUNNING {p['batch_run_s']} s, their decide task {p['decide_s']} s",
                " + ".join(f"{m:.0f}" for m in p["worker_mb"]) + " MB per worker")
        if len(res) == 2 and res[1]["wall_s"]:
            add("speed-up 2 workers vs 1", f"{res[0]['wall_s'] / res[1]['wall_s']:.2f}x",
                "same day, same starting database; 2 cores shared with PostgreSQL and the Prefect server", "-")
        add("Prefect server (PostgreSQL)", "-", "peak memory of `prefect server start`", server_mb)
    if "notify" not in skip:
        detail, mb, rate = notify(a)
        add("notification throughput", f"{rate:.0f} messages/s", detail + " to a local webhook receiver", mb)
    r, mb = stage("report", a)
    add("report, province-wide plan", f"{r['seconds']:.2f} s",
        f"compile_report plan 1 ({len(DEPARTMENTS) + len(COMMUNES)} units x {a.tasks} tasks x 4 quarters), "
        f"docx {r['docx_kb']} KB", mb)
    if "web" not in skip:
        figure, detail, mb = web(a)
        add("web p95, 50 concurrent users", figure, detail, mb)
    admin_exec(f'DROP DATABASE IF EXISTS "{BASE_DB}" WITH (FORCE)')
    load1 = os.getloadavg()
    total = time.monotonic() - t_start
    table = ["| measure | figure | detail | peak memory |", "|---|---|---|---|"]
    table += [f"| {w} | {f} | {d} | {m} |" for w, f, d, m in rows]
    head = [
        "# Province benchmark (benchmarks/province.py)", "",
        (f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}{' (--small)' if a.small else ''} in {total / 60:.1f} min "
        f"on {platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, PostgreSQL at 127.0.0.1. "
        f"Load average before/after: {load0[0]:.1f} / {load1[0]:.1f} (other developers were running test suites on "
        "the same machine at the time, so every timing here is pessimistic and noisy)."), "",
        *table, "",
    ]
    print("\n".join(table))
    a.out.write_text("\n".join(head) + "\n", encoding="utf-8")
    print(f"written to {a.out}")


if __name__ == "__main__":
    main()
