"""The staff console on a 300-item plan: review page render (p50/p95/max) and activation time, per database.

    PYTHONPATH=src python benchmarks/console.py [--db sqlite|postgresql|both] [--items 300] [--renders 40]

A plan of `items` tasks (30 sections of 10: dated, recurring, continuous and undated tasks, led by the
example directory's ward bodies, some by bodies the directory does not know, so the review screen has
its flags, candidates and alias pickers) is written as text, parsed and imported as a draft (the real
importer). Then, through the real app in-process (TestClient, a focal officer's session cookie):
  - GET /console/plans/{id} `renders` times (after one warm-up): routing, session, queries, template;
  - POST /console/plans/{id}/activate once: the obligations created, one assignment notice per officer
    queued, and delivered at once (to an outbox folder); with `activate_plan` timed on its own too.
Goals (issue 15): review p95 <= 300 ms, activation <= 2 s. Figures only: no assertion.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from _province import drop, fresh_engine  # noqa: E402

LEADS = ["Công an phường", "Trạm Y tế phường", "Đài Truyền thanh phường", "Ban Chỉ huy Quân sự phường",
         "Trường THCS Phường 2", "Trường Tiểu học Phường 2", "Trường Mầm non Phường 2", "Ban Giảm nghèo phường",
         "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường", "Hội Cựu chiến binh phường", "Hội Nông dân phường",
         "Công chức Văn hóa - Xã hội", "Công chức Tư pháp - Hộ tịch", "Công chức Địa chính - Xây dựng",
         "Công chức Lao động - Thương binh và Xã hội", "Ủy ban Mặt trận Tổ quốc Việt Nam phường"]
VERBS = ["rà soát, cập nhật danh sách", "tổ chức tuyên truyền về", "kiểm tra việc thực hiện", "tổng hợp, đánh giá",
         "xây dựng phương án", "hướng dẫn các hộ gia đình về", "phối hợp giải quyết kiến nghị về"]
TOPICS = ["hộ nghèo, hộ cận nghèo", "an toàn thực phẩm", "phòng chống dịch bệnh", "chuyển đổi số", "cải cách hành chính",
          "bảo hiểm y tế học sinh", "phòng cháy chữa cháy", "vệ sinh môi trường", "người có công", "trẻ em có hoàn cảnh khó khăn"]


def plan_text(items: int) -> str:
    lines = ["KẾ HOẠCH", f"Thực hiện các nhiệm vụ trọng tâm năm 2025 ({items} nhiệm vụ)", "",
             "I. MỤC ĐÍCH, YÊU CẦU", "Triển khai đồng bộ, hiệu quả các nhiệm vụ trọng tâm trên địa bàn phường.", "",
             "II. NHIỆM VỤ CỤ THỂ"]
    per = 10
    for sec in range(1, (items + per - 1) // per + 1):
        lines.append(f"{sec}. Lĩnh vực {TOPICS[sec % len(TOPICS)]} (nhóm {sec})")
        for k in range(1, per + 1):
            n = (sec - 1) * per + k
            if n > items:
                break
            lead = f"Ban Quản lý chợ số {n}" if n % 23 == 0 else LEADS[n % len(LEADS)]
            support = LEADS[(n * 7 + 3) % len(LEADS)]
            verb, topic = VERBS[n % len(VERBS)], TOPICS[(n * 3) % len(TOPICS)]
            when = (f"hoàn thành trước ngày {1 + n % 28:02d}/{6 + n % 7:02d}/2025." if n % 4 == 0 else
                    "thực hiện thường xuyên." if n % 4 == 1 else
                    "thực hiện định kỳ hằng quý." if n % 4 == 2 else "")
            lines.append(f"{sec}.{k}. {lead} chủ trì, phối hợp với {support} {verb} {topic} trên địa bàn phường "
                         f"(nhiệm vụ số {n}){', ' + when if when else '.'}")
    lines += ["", "III. TỔ CHỨC THỰC HIỆN",
              "Các cơ quan, đơn vị báo cáo kết quả thực hiện về UBND phường (qua Công chức Văn phòng - Thống kê) "
              "trước ngày 10/12/2025 để tổng hợp."]
    return "\n".join(lines) + "\n"


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def run(db: str, items: int, renders: int) -> dict[str, float]:
    import pendulum
    from fastapi.testclient import TestClient
    from sqlmodel import Session, col, func, select

    from dondoc import clock
    from dondoc.accounts.users import add_user
    from dondoc.db import session_scope
    from dondoc.directory.apply import import_directory
    from dondoc.intake.importer import import_plan
    from dondoc.models import Assignment, Message, Obligation
    from dondoc.secrets import master_key
    from dondoc.web import create_app
    from dondoc.web.console.session import COOKIE, sign
    from dondoc.web.security import csrf_token

    clock.use(clock.FixedClock(pendulum.datetime(2025, 3, 3, 9, 0, tz=clock.TZ)))
    engine, settings = fresh_engine(db, "console")
    settings = settings.model_copy(update={"outbox": settings.home / "outbox"})
    try:
        import_directory(engine=engine, settings=settings, path=ROOT / "examples" / "directory.xlsx", now=clock.now())
        path = settings.home / "ke-hoach-300.txt"
        path.write_text(plan_text(items), encoding="utf-8")
        t0 = time.perf_counter()
        result = import_plan(engine=engine, settings=settings, path=path, year=2025, now=clock.now())
        imported = time.perf_counter() - t0
        with session_scope(engine) as s:
            uid = add_user(s, name="focal1", role="focal", password="mat-khau-rat-dai-2025", now=clock.now()).id
            n_items = s.exec(select(func.count()).select_from(Assignment).where(
                Assignment.plan_id == result.plan_id)).one()
        key = master_key(settings)
        client = TestClient(create_app(settings, engine), base_url="http://127.0.0.1:8000")
        client.cookies.set(COOKIE, sign(key, {"u": uid, "n": "bench", "t": int(clock.now().timestamp())}))
        url = f"/console/plans/{result.plan_id}"
        first = client.get(url)
        assert first.status_code == 200, first.text[:500]
        times, cpu = [], []
        for _ in range(renders):
            t, c = time.perf_counter(), time.process_time()
            r = client.get(url)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)  # the app runs in this process (TestClient's thread)
            assert r.status_code == 200
        size = len(first.content)

        # A server that has run a while has its notifier built and the delivery modules imported (a fresh
        # process pays ~2 s of imports, apprise's plugins mostly, on its first delivery).
        import dondoc.delivery.outbox  # noqa: F401
        from dondoc.notifications import get_notifier

        get_notifier(settings)
        t, c = time.perf_counter(), time.process_time()
        r = client.post(f"{url}/activate", data={"csrf": csrf_token(key, "bench")}, follow_redirects=False)
        activation, activation_cpu = time.perf_counter() - t, time.process_time() - c
        assert r.status_code == 303, r.text[:500]
        with Session(engine) as s:
            obligations = s.exec(select(func.count()).select_from(Obligation).where(
                Obligation.plan_id == result.plan_id)).one()
            messages = s.exec(select(func.count()).select_from(Message).where(Message.kind == "assignment")).one()
            sent = s.exec(select(func.count()).select_from(Message).where(
                Message.kind == "assignment", col(Message.sent_at).is_not(None))).one()
        after = []
        for _ in range(max(5, renders // 4)):
            t = time.perf_counter()
            client.get(url)
            after.append((time.perf_counter() - t) * 1000)
        client.close()
        return {"items": n_items, "import_s": imported, "html_kb": size / 1024, "p50": pct(times, 50),
                "p95": pct(times, 95), "max": max(times), "mean": statistics.mean(times), "activate_s": activation,
                "cpu_p50": pct(cpu, 50), "cpu_p95": pct(cpu, 95), "activate_cpu_s": activation_cpu,
                "obligations": obligations, "messages": messages, "sent": sent, "active_p95": pct(after, 95)}
    finally:
        drop(engine)
        clock.use(clock.SystemClock())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--items", type=int, default=300)
    ap.add_argument("--renders", type=int, default=40)
    args = ap.parse_args()
    dbs = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    print(f"console benchmark: a {args.items}-item plan, review page rendered {args.renders} times, then activated")
    print("wall = elapsed time; cpu = the process's CPU time (what the work costs when the machine is shared)")
    for db in dbs:
        f = run(db, args.items, args.renders)
        print(f"{db:10s} items={f['items']} import={f['import_s']:.2f}s page={f['html_kb']:.0f} KB\n"
              f"  review (goal p95 <= 300 ms): wall p50={f['p50']:.0f} p95={f['p95']:.0f} max={f['max']:.0f} ms; "
              f"cpu p50={f['cpu_p50']:.0f} p95={f['cpu_p95']:.0f} ms; once active wall p95={f['active_p95']:.0f} ms\n"
              f"  activation (goal <= 2 s): wall {f['activate_s']:.2f} s, cpu {f['activate_cpu_s']:.2f} s: "
              f"{f['obligations']} obligations, {f['messages']} notices ({f['sent']} delivered)")


if __name__ == "__main__":
    main()
