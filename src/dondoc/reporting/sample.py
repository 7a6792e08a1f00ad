"""Sample data for the report: a small district plan with known figures (tests, docs rendering) and a
bulk generator (benchmarks). Rows are written straight into the models, independent of the importer.

The small plan: target 'II.2#1' (85 lao động) gets 40 + 33 = 73 from two communes -> 85,9 %;
'II.2#2' (BHYT > 95 %) gets 96,2 % -> vượt; 'II.2#3' (hộ nghèo < 12 %) gets 12,5 % -> chưa đạt;
'II.2#4' gets nothing. UBND thị trấn Hồi Xuân reports nothing at all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pendulum
from sqlalchemy import insert
from sqlmodel import Session

from dondoc.clock import TZ
from dondoc.models import (
    Assignment,
    AssignmentUnit,
    Obligation,
    Officer,
    Plan,
    ReportObligation,
    StatusUpdate,
    Target,
    Unit,
)

PERIOD = "2025"
CUTOFF = dt.date(2025, 11, 12)
COMPILE_DUE = dt.date(2025, 11, 14)
UNIT_REPORT_DUE = dt.date(2025, 11, 10)


def at(day: str, hour: int = 9, minute: int = 0) -> pendulum.DateTime:
    y, m, d = (int(x) for x in day.split("-"))
    return pendulum.datetime(y, m, d, hour, minute, tz=TZ)


def _unit(session: Session, code: str, name: str, *, kind: str = "department", parent: Unit | None = None,
          external: bool = False) -> Unit:
    u = Unit(code=code, name=name, kind=kind, parent_id=parent.id if parent else None, external=external)
    session.add(u)
    session.flush()
    return u


def _ob(session: Session, plan: Plan, *, unit: Unit, role: str, due: dt.date, kind: str = "once",
        assignment: Assignment | None = None, report: ReportObligation | None = None, mode: str = "assign",
        period: str = PERIOD, start: dt.date = dt.date(2025, 1, 1), end: dt.date = dt.date(2025, 12, 31),
        cutoff: dt.date = UNIT_REPORT_DUE) -> Obligation:
    src = f"A{assignment.id}" if assignment else f"R{report.id}" if report else "X"
    o = Obligation(key=f"{plan.id}|{src}|u{unit.id}|o0|{role}|{period}", plan_id=plan.id,  # type: ignore[arg-type]
                   assignment_id=assignment.id if assignment else None, report_id=report.id if report else None,
                   unit_id=unit.id, role=role, mode=mode, kind=kind, period=period,  # type: ignore[arg-type]
                   period_start=start, period_end=end, cutoff=cutoff, due_date=due)
    session.add(o)
    session.flush()
    return o


def _update(session: Session, o: Obligation, when: pendulum.DateTime, status: str, *, result: str = "",
            progress: int | None = None, figures: dict[str, float] | None = None, difficulties: str = "",
            proposals: str = "") -> StatusUpdate:
    late = when.in_timezone(TZ).date() > o.cutoff
    su = StatusUpdate(obligation_id=o.id, status=status,  # type: ignore[arg-type]
                      progress=100 if status == "done" else (progress or 0), result=result,
                      figures=figures or {}, difficulties=difficulties, proposals=proposals, late=late,
                      via="simulation", submitted_at=when)
    session.add(su)
    o.status = status
    o.progress = su.progress
    o.closed = status in ("done", "impossible")
    o.last_update_at = when
    if status == "done" and o.completed_at is None:
        o.completed_at = when
    elif status != "done":
        o.completed_at = None
    session.add(o)
    session.flush()
    return su


def seed_sample(session: Session) -> dict[str, Any]:
    """The small district plan of the docstring; returns the ids tests refer to."""
    # Long on purpose: a fixture, the sample data set written out row by row.
    province = _unit(session, "thanhhoa", "UBND tỉnh Thanh Hoá", kind="province")
    district = _unit(session, "quanhoa", "UBND huyện Quan Hoá", kind="district", parent=province)
    ld = _unit(session, "ldtbxh", "Phòng Lao động - Thương binh và Xã hội", parent=district)
    yte = _unit(session, "yte", "Phòng Y tế", parent=district)
    gd = _unit(session, "gddt", "Phòng Giáo dục và Đào tạo", parent=district)
    phu = _unit(session, "phunghiem", "UBND xã Phú Nghiêm", kind="commune", parent=district)
    nam = _unit(session, "namxuan", "UBND xã Nam Xuân", kind="commune", parent=district)
    hoi = _unit(session, "hoixuan", "UBND thị trấn Hồi Xuân", kind="commune", parent=district)
    mttq = _unit(session, "mttq", "Ủy ban MTTQ Việt Nam huyện", kind="organisation", parent=district, external=True)
    focal = Officer(code="ld-focal", unit_id=ld.id, name="Hà Văn Thắng", role="focal",  # type: ignore[arg-type]
                    position="Chuyên viên Phòng LĐ-TB&XH")
    head = Officer(code="ld-head", unit_id=ld.id, name="Lò Thị Hoa", role="head")  # type: ignore[arg-type]
    session.add_all([focal, head])

    plan = Plan(
        source_name="ke-hoach-68.docx", source_hash="0" * 64, number="68/KH-UBND",
        title="Thực hiện Nghị quyết số 42-NQ/TW của Ban Chấp hành Trung ương Đảng về tiếp tục đổi mới, nâng cao "
              "chất lượng chính sách xã hội trên địa bàn huyện Quan Hoá",
        issuer="UBND huyện Quan Hoá", place="Quan Hoá", issued_on=dt.date(2025, 3, 8), year=2025,
        signer="Phạm Thị Lượng", issuer_unit_id=district.id, focal_unit_id=ld.id, owner_unit_id=ld.id,
        parsed={"signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]},
        recipients=[
            {"name": "UBND tỉnh Thanh Hoá (b/c)", "purpose": "report"},
            {"name": "Sở Lao động - Thương binh và Xã hội tỉnh (b/c)", "purpose": "report"},
            {"name": "Các phòng, ban, đơn vị liên quan", "purpose": "implement"},
            {"name": "Lưu: VT, LĐTBXH.", "purpose": "archive"},
        ],
        created_at=at("2025-03-10"), updated_at=at("2025-03-10"),
    )
    session.add(plan)
    session.flush()

    def assignment(ref: str, section: str, text: str, lead: list[Unit], support: list[Unit], timing: dict[str, Any],
                   mode: str = "assign") -> Assignment:
        a = Assignment(plan_id=plan.id, key=f"{ref}||{len(lead)}", ref=ref, section=section, text=text,  # type: ignore[arg-type]
                       mode=mode, lead=[u.name for u in lead], support=[u.name for u in support], timing=timing)
        session.add(a)
        session.flush()
        for u in lead:
            session.add(AssignmentUnit(assignment_id=a.id, unit_id=u.id, role="lead", written_as=u.name))  # type: ignore[arg-type]
        for u in support:
            session.add(AssignmentUnit(assignment_id=a.id, unit_id=u.id, role="support", written_as=u.name))  # type: ignore[arg-type]
        return a

    a1 = assignment("III.1", "Về chính sách ưu đãi người có công", "Rà soát, thực hiện đầy đủ, kịp thời các chế độ, "
                    "chính sách ưu đãi đối với người có công với cách mạng và thân nhân", [ld], [phu, nam, hoi],
                    {"text": "Quý III/2025", "kind": "once", "due": "2025-09-30"})
    a2 = assignment("III.2", "Về việc làm, giáo dục nghề nghiệp", "Giải quyết việc làm mới cho người lao động; "
                    "đẩy mạnh đưa người lao động đi làm việc ở nước ngoài theo hợp đồng", [phu, nam, hoi], [ld],
                    {"text": "Thường xuyên", "kind": "continuous"})
    a3 = assignment("III.3", "Về giảm nghèo bền vững", "Tổ chức điều tra, rà soát hộ nghèo, hộ cận nghèo năm 2025",
                    [ld], [], {"text": "Tháng 10/2025", "kind": "once", "due": "2025-10-31"})
    a4 = assignment("III.4", "Về bảo hiểm y tế và chăm sóc sức khỏe", "Vận động người dân tham gia bảo hiểm y tế, "
                    "nâng tỷ lệ bao phủ bảo hiểm y tế", [yte], [gd], {"text": "trước ngày 30/6/2025", "kind": "once",
                                                                      "due": "2025-06-30"})
    a5 = assignment("IV.3", "Tổ chức thực hiện", "Đề nghị Ủy ban MTTQ Việt Nam huyện tuyên truyền, vận động "
                    "Nhân dân tham gia thực hiện chính sách xã hội", [mttq], [],
                    {"text": "Thường xuyên", "kind": "continuous"}, mode="request")
    a6 = assignment("III.5", "Về giáo dục", "Duy trì, nâng cao chất lượng phổ cập giáo dục mầm non cho trẻ em "
                    "từ 3 đến 5 tuổi", [gd], [], {"text": "năm 2025", "kind": "once", "due": "2025-12-31"})
    r_units = ReportObligation(plan_id=plan.id, key="IV.1|send|1", ref="IV.1",  # type: ignore[arg-type]
                               text="Các cơ quan, đơn vị gửi báo cáo kết quả thực hiện về UBND huyện (qua Phòng "
                                    "Lao động - Thương binh và Xã hội) trước ngày 10/11 hằng năm",
                               senders=["các cơ quan, đơn vị"], receivers=["UBND huyện"], via="Phòng LĐ-TB&XH",
                               timing={"text": "trước ngày 10/11 hằng năm", "kind": "recurring"})
    r_comp = ReportObligation(plan_id=plan.id, key="IV.2|compile|1", ref="IV.2",  # type: ignore[arg-type]
                              text="Phòng Lao động - Thương binh và Xã hội tổng hợp, báo cáo UBND tỉnh, Sở Lao động - "
                                   "Thương binh và Xã hội trước ngày 15/11 hằng năm",
                              senders=["Phòng Lao động - Thương binh và Xã hội"],
                              receivers=["UBND tỉnh Thanh Hoá", "Sở Lao động - Thương binh và Xã hội tỉnh"],
                              compiles=True, level=1, timing={"text": "trước ngày 15/11 hằng năm", "kind": "recurring"})
    session.add_all([r_units, r_comp])
    session.flush()
    for i, (text, value, unit, cmp_) in enumerate([
        ("Giải quyết việc làm mới cho 85 lao động", 85, "lao động", ">="),
        ("Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%", 95, "%", ">="),
        ("Tỷ lệ hộ nghèo giảm xuống dưới 12%", 12, "%", "<="),
        ("100% xã, thị trấn có điểm hỗ trợ việc làm", 100, "%", None),
    ], 1):
        session.add(Target(plan_id=plan.id, key=f"II.2#{i}", ref="II.2", text=text, value=value,  # type: ignore[arg-type]
                           unit=unit, comparator=cmp_, by="2025"))

    y = dt.date
    # Task obligations (lead / support) and the units' reports; the focal point's compile obligation.
    o1 = _ob(session, plan, unit=ld, role="lead", due=y(2025, 9, 30), assignment=a1)
    o1s = [_ob(session, plan, unit=u, role="support", due=y(2025, 9, 25), assignment=a1) for u in (phu, nam, hoi)]
    o2 = {u.code: _ob(session, plan, unit=u, role="lead", due=UNIT_REPORT_DUE, kind="continuous", assignment=a2)
          for u in (phu, nam, hoi)}
    o2s = _ob(session, plan, unit=ld, role="support", due=y(2025, 11, 5), kind="continuous", assignment=a2)
    o3 = _ob(session, plan, unit=ld, role="lead", due=y(2025, 10, 31), assignment=a3)
    o4 = _ob(session, plan, unit=yte, role="lead", due=y(2025, 6, 30), assignment=a4)
    o4s = _ob(session, plan, unit=gd, role="support", due=y(2025, 6, 25), assignment=a4)
    o5 = _ob(session, plan, unit=mttq, role="lead", due=UNIT_REPORT_DUE, kind="continuous", assignment=a5,
             mode="request")
    reports = {u.code: _ob(session, plan, unit=u, role="report", due=UNIT_REPORT_DUE, kind="recurring",
                           report=r_units) for u in (ld, yte, phu, nam, hoi)}
    _ob(session, plan, unit=ld, role="compile", due=COMPILE_DUE, kind="recurring", report=r_comp, cutoff=CUTOFF)
    o6 = _ob(session, plan, unit=gd, role="lead", due=y(2025, 12, 31), assignment=a6)
    # Next year's obligations (part V).
    for u in (phu, nam, hoi):
        _ob(session, plan, unit=u, role="lead", due=y(2026, 11, 10), kind="continuous", assignment=a2, period="2026",
            start=y(2026, 1, 1), end=y(2026, 12, 31), cutoff=y(2026, 11, 12))
    _ob(session, plan, unit=ld, role="lead", due=y(2026, 9, 30), assignment=a1, period="2026",
        start=y(2026, 1, 1), end=y(2026, 12, 31), cutoff=y(2026, 11, 12))

    # Submissions.
    _update(session, o1, at("2025-07-15"), "in_progress", progress=50,
            result="Đã rà soát 412 hồ sơ người có công, điều chỉnh trợ cấp cho 37 trường hợp")
    _update(session, o1, at("2025-09-26"), "done",
            result="Hoàn thành rà soát 1.126 hồ sơ người có công; chi trả đầy đủ, kịp thời trợ cấp hằng tháng")
    _update(session, o1s[0], at("2025-09-20"), "done", result="Phối hợp rà soát hồ sơ người có công trên địa bàn xã")
    _update(session, o1s[1], at("2025-09-20"), "done", result="Phối hợp rà soát hồ sơ người có công trên địa bàn xã")
    _update(session, o2["phunghiem"], at("2025-11-06"), "in_progress", progress=80,
            result="Giải quyết việc làm mới cho 40 lao động, trong đó 9 lao động đi làm việc ở nước ngoài",
            figures={"II.2#1": 40}, difficulties="Lao động chủ yếu là lao động phổ thông, chưa qua đào tạo nghề",
            proposals="Đề nghị tỉnh hỗ trợ kinh phí đào tạo nghề cho lao động nông thôn")
    _update(session, o2["namxuan"], at("2025-11-11", 16), "in_progress", progress=70,
            result="Giải quyết việc làm mới cho 33 lao động", figures={"II.2#1": 33},
            difficulties="Lao động chủ yếu là lao động phổ thông, chưa qua đào tạo nghề.",
            proposals="Đề nghị tỉnh hỗ trợ kinh phí đào tạo nghề cho lao động nông thôn.")
    _update(session, o2s, at("2025-11-04"), "in_progress", progress=60,
            result="Phối hợp tổ chức 02 phiên giao dịch việc làm tại huyện")
    _update(session, o3, at("2025-11-03"), "done",
            result="Hoàn thành điều tra, rà soát hộ nghèo; tỷ lệ hộ nghèo cuối năm 12,5 %",
            figures={"II.2#3": 12.5}, difficulties="Kinh phí rà soát được bố trí chậm")
    _update(session, o4, at("2025-05-20"), "in_progress", progress=40, result="Đang vận động người dân tham gia BHYT")
    _update(session, o4s, at("2025-06-20"), "in_progress", progress=50,
            result="Tuyên truyền về bảo hiểm y tế học sinh tại các trường học")
    _update(session, o5, at("2025-10-20"), "in_progress", progress=60,
            result="Tuyên truyền chính sách xã hội tại 24 khu dân cư")
    _update(session, reports["ldtbxh"], at("2025-11-07"), "done", result="Báo cáo kết quả năm 2025 của Phòng")
    _update(session, reports["yte"], at("2025-11-12", 10), "done",
            result="Tỷ lệ bao phủ bảo hiểm y tế đạt 96,2 % dân số", figures={"II.2#2": 96.2})
    _update(session, reports["phunghiem"], at("2025-11-06"), "done", result="Đã gửi báo cáo năm 2025")
    _update(session, o6, at("2025-11-01"), "in_progress", progress=75,
            result="Duy trì phổ cập giáo dục mầm non cho trẻ 5 tuổi tại 18/18 xã, thị trấn")
    # After the data cut-off: must not appear in the report.
    _update(session, o4, at("2025-11-13"), "done", result="Hoàn thành (gửi sau ngày chốt số liệu)")
    session.commit()
    return {
        "plan_id": plan.id, "period": PERIOD, "units": {u.code: u.id for u in (ld, yte, gd, phu, nam, hoi, mttq)},
        "focal_officer": focal.id, "head_officer": head.id,
    }


def seed_bulk(session: Session, *, units: int = 125, tasks: int = 60, seed: int = 7) -> dict[str, Any]:
    """A plan with `tasks` continuous/once tasks each led by all `units` communes, one submission per
    obligation (units x tasks submissions), with figures for one additive target. Bulk inserts."""
    import random

    rng = random.Random(seed)
    district = _unit(session, "bulk-district", "UBND huyện Mẫu", kind="district")
    focal_unit = _unit(session, "bulk-ld", "Phòng Lao động - Thương binh và Xã hội", parent=district)
    session.add(Officer(code="bulk-focal", unit_id=focal_unit.id, name="Cán bộ đầu mối", role="focal"))  # type: ignore[arg-type]
    unit_rows = [_unit(session, f"bulk-u{i:03d}", f"UBND xã Số {i:03d}", kind="commune", parent=district)
                 for i in range(1, units + 1)]
    plan = Plan(source_name="bulk.docx", source_hash="1" * 64, number="99/KH-UBND",
                title="Kế hoạch mẫu để đo hiệu năng", issuer="UBND huyện Mẫu", place="Mẫu",
                issued_on=dt.date(2025, 1, 15), year=2025, signer="Nguyễn Văn A", issuer_unit_id=district.id,
                focal_unit_id=focal_unit.id)
    session.add(plan)
    session.flush()
    session.add(Target(plan_id=plan.id, key="II.1#1", ref="II.1", text="Giải quyết việc làm mới", value=5000,  # type: ignore[arg-type]
                       unit="lao động", comparator=">="))
    a_rows = []
    for t in range(1, tasks + 1):
        kind = "continuous" if t % 3 == 0 else "once"
        a = Assignment(plan_id=plan.id, key=f"III.{t}", ref=f"III.{(t - 1) // 5 + 1}.{(t - 1) % 5 + 1}",  # type: ignore[arg-type]
                       section=f"Nhóm nhiệm vụ số {(t - 1) // 5 + 1}", text=f"Nhiệm vụ số {t} của kế hoạch mẫu",
                       lead=["UBND các xã"], timing={"text": "Thường xuyên" if kind == "continuous" else "Quý III/2025",
                                                     "kind": kind})
        session.add(a)
        a_rows.append((a, kind))
    session.flush()
    ob_rows = []
    for a, kind in a_rows:
        for u in unit_rows:
            ob_rows.append(dict(key=f"{plan.id}|A{a.id}|u{u.id}|o0|lead|2025", plan_id=plan.id, assignment_id=a.id,  # noqa: C408
                                unit_id=u.id, role="lead", mode="assign", kind=kind, period="2025",
                                period_start=dt.date(2025, 1, 1), period_end=dt.date(2025, 12, 31),
                                cutoff=CUTOFF, due_date=dt.date(2025, 9, 30) if kind == "once" else UNIT_REPORT_DUE,
                                status="not_started", closed=False, progress=0, reminders_sent=0,
                                escalation_level=0, stale=False, needs_review=False, created_at=at("2025-01-20")))
    session.execute(insert(Obligation), ob_rows)
    ids = session.execute(Obligation.__table__.select().with_only_columns(  # type: ignore[attr-defined]
        Obligation.__table__.c.id).where(Obligation.__table__.c.plan_id == plan.id)).scalars().all()  # type: ignore[attr-defined]
    su_rows = []
    for n, oid in enumerate(ids):
        status = rng.choice(["done", "done", "in_progress", "not_started"])
        when = at("2025-09-01") .add(days=rng.randint(0, 70), hours=rng.randint(0, 8))
        progress = 100 if status == "done" else 50 * (status != "not_started")
        su_rows.append(dict(obligation_id=oid, status=status, progress=progress,  # noqa: C408
                            result=f"Kết quả thực hiện số {n}: đã triển khai theo kế hoạch",
                            figures={"II.1#1": rng.randint(0, 60)} if n % 4 == 0 else {},
                            difficulties="Thiếu kinh phí thực hiện" if n % 10 == 0 else "",
                            proposals=f"Đề xuất số {n % 25}" if n % 5 == 0 else "", late=when.date() > CUTOFF,
                            via="simulation", submitted_at=when))
    session.execute(insert(StatusUpdate), su_rows)
    session.commit()
    return {"plan_id": plan.id, "period": "2025", "obligations": len(ids), "submissions": len(su_rows)}
