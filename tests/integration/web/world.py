"""A small directory, plan and obligations built directly with the models (no importer needed).

Today in these tests is 2025-11-05 (frozen_clock). The issuer is UBND huyện Hòa Bình; the focal point
is Phòng Lao động - Thương binh và Xã hội; three units report on the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pendulum
from sqlalchemy.engine import Engine
from sqlmodel import Session

from dondoc import clock
from dondoc.collect import links
from dondoc.config import Settings
from dondoc.models import Assignment, AssignmentUnit, Obligation, Officer, Plan, ReportObligation, Target, Unit

NOW = dt.datetime(2025, 11, 5, 1, 0, tzinfo=dt.UTC)  # 08:00 in Hà Nội


@dataclass
class World:
    ids: dict[str, int] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, name: str) -> int:
        return self.ids[name]


def build_world(engine: Engine, settings: Settings, *, extra_units: int = 0, token_now: dt.datetime = NOW) -> World:
    w = World()
    with Session(engine, expire_on_commit=False) as s:
        def unit(key: str, code: str, name: str, kind: str = "department") -> Unit:
            u = Unit(code=code, name=name, kind=kind, created_at=NOW)
            s.add(u)
            s.flush()
            w.ids[key] = u.id  # type: ignore[assignment]
            return u

        def officer(key: str, u: Unit, name: str, role: str = "staff", active: bool = True) -> Officer:
            o = Officer(code=key, unit_id=u.id, name=name, role=role, active=active, created_at=NOW)  # type: ignore[arg-type]
            s.add(o)
            s.flush()
            w.ids[key] = o.id  # type: ignore[assignment]
            return o

        ubnd = unit("ubnd", "UBND-HB", "UBND huyện Hòa Bình", "district")
        ldtbxh = unit("ldtbxh", "LDTBXH", "Phòng Lao động - Thương binh và Xã hội")
        xa1 = unit("xa1", "XA-AB", "UBND xã An Bình", "commune")
        xa2 = unit("xa2", "XA-BM", "UBND xã Bình Minh", "commune")
        nv = unit("noivu", "NOIVU", "Phòng Nội vụ")
        officer("chutich", ubnd, "Nguyễn Văn Chủ", "head")
        officer("focal", ldtbxh, "Trần Thị Đầu Mối", "focal")
        officer("ld_staff", ldtbxh, "Phạm Văn Nhân Viên", "staff")
        officer("a1", xa1, "Lê Văn An", "staff")
        officer("b1", xa1, "Hoàng Thị Bình", "staff")
        officer("h1", xa1, "Đỗ Văn Trưởng", "head")
        officer("a2", xa2, "Vũ Thị Minh", "staff")
        officer("a3", nv, "Ngô Văn Nội", "staff")
        officer("gone", xa2, "Cán bộ Đã Nghỉ", "staff", active=False)
        extra = []
        for i in range(extra_units):
            u = unit(f"x{i}", f"XT{i:03d}", f"UBND xã Thử {i:03d}", "commune")
            officer(f"o{i}", u, f"Cán bộ xã {i:03d}")
            extra.append(u)

        plan = Plan(source_name="004.md", source_hash="0" * 64, number="68/KH-UBND",
                    title="Kế hoạch thực hiện công tác giảm nghèo bền vững năm 2025", issuer="UBND huyện Hòa Bình",
                    year=2025, issuer_unit_id=ubnd.id, focal_unit_id=ldtbxh.id, owner_unit_id=ldtbxh.id,
                    created_at=NOW, updated_at=NOW)
        s.add(plan)
        s.flush()
        w.ids["plan"] = plan.id  # type: ignore[assignment]
        other = Plan(source_name="x.md", source_hash="1" * 64, title="Kế hoạch khác", year=2025,
                     issuer_unit_id=ubnd.id, focal_unit_id=nv.id, created_at=NOW, updated_at=NOW)
        s.add(other)
        t1 = Target(plan_id=plan.id, key="t-vieclam", ref="II.1", text="Giải quyết việc làm", value=85,  # type: ignore[arg-type]
                    unit="lao động")
        t2 = Target(plan_id=plan.id, key="t-ngheo", ref="II.2", text="Tỷ lệ hộ nghèo", value=3, unit="%",  # type: ignore[arg-type]
                    comparator="<=")
        # II.1 and II.2 sit in the objectives section: no unit leads them, only the focal point sees them.
        # III.1 is the communes' task (a_task below), so its target concerns xa1 and xa2.
        t3 = Target(plan_id=plan.id, key="t-raosoat", ref="III.1", text="Tỷ lệ hộ nghèo, cận nghèo được rà soát",  # type: ignore[arg-type]
                    value=100, unit="%")
        s.add(t1)
        s.add(t2)
        s.add(t3)
        a_task = Assignment(plan_id=plan.id, key="III.1", ref="III.1", text="Rà soát, cập nhật danh sách hộ nghèo, "  # type: ignore[arg-type]
                            "hộ cận nghèo trên địa bàn.", lead=["UBND các xã"], timing={"kind": "once"})
        a_specific = Assignment(plan_id=plan.id, key="III.2", ref="III.2", text="Tổ chức tập huấn cho cán bộ "  # type: ignore[arg-type]
                                "làm công tác giảm nghèo.", lead=["Công chức"], timing={"kind": "once"})
        rep = ReportObligation(plan_id=plan.id, key="IV.1", ref="IV.1", text="Báo cáo kết quả thực hiện Kế hoạch "  # type: ignore[arg-type]
                               "trước ngày 10/11 hằng năm.", timing={"kind": "recurring"})
        s.add(a_task)
        s.add(a_specific)
        s.add(rep)
        s.flush()
        w.ids["t1"] = t1.id  # type: ignore[assignment]
        w.ids["t2"] = t2.id  # type: ignore[assignment]
        w.ids["t3"] = t3.id  # type: ignore[assignment]
        for u, a, who in ((xa1, a_task, None), (xa2, a_task, None), (xa1, a_specific, "b1")):
            s.add(AssignmentUnit(assignment_id=a.id, unit_id=u.id, officer_id=w[who] if who else None,  # type: ignore[arg-type]
                                 role="lead", written_as=u.name))

        def obligation(key: str, u: Unit, *, due: dt.date, cutoff: dt.date | None = None, assignment: Assignment | None = None,
                       report: ReportObligation | None = None, role: str = "lead", officer_id: int | None = None,
                       period: str = "2025", plan_id: int | None = None) -> None:
            year = int(period[:4])
            o = Obligation(key=f"k:{key}", plan_id=plan_id or plan.id, assignment_id=assignment.id if assignment else None,  # type: ignore[arg-type]
                           report_id=report.id if report else None, unit_id=u.id, officer_id=officer_id, role=role,  # type: ignore[arg-type]
                           period=period, period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31),
                           cutoff=cutoff or due, due_date=due, created_at=NOW)
            s.add(o)
            s.flush()
            w.ids[key] = o.id  # type: ignore[assignment]

        nov10, nov3 = dt.date(2025, 11, 10), dt.date(2025, 11, 3)
        obligation("rep1", xa1, due=nov10, cutoff=dt.date(2025, 11, 7), report=rep, role="report")
        obligation("rep2", xa2, due=nov10, cutoff=dt.date(2025, 11, 7), report=rep, role="report")
        obligation("rep3", nv, due=nov10, cutoff=dt.date(2025, 11, 7), report=rep, role="report")
        obligation("task1", xa1, due=nov3, cutoff=nov3, assignment=a_task)  # already overdue, cut-off passed
        obligation("task2", xa2, due=nov3, cutoff=nov3, assignment=a_task)
        obligation("spec1", xa1, due=dt.date(2025, 12, 15), assignment=a_specific, officer_id=w["b1"])
        obligation("future", xa1, due=dt.date(2026, 11, 10), report=rep, role="report", period="2026")
        obligation("other", nv, due=nov10, plan_id=other.id)
        for i, u in enumerate(extra):
            obligation(f"xrep{i}", u, due=nov10, cutoff=dt.date(2025, 11, 7), report=rep, role="report")
        for key in ["chutich", "focal", "ld_staff", "a1", "b1", "h1", "a2", "a3"] + [f"o{i}" for i in range(extra_units)]:
            w.tokens[key] = links.issue_token(s, officer_id=w[key], settings=settings, now=token_now)
        s.commit()
    return w


def at(fixed: clock.FixedClock, y: int, m: int, d: int, h: int = 9) -> None:
    fixed.set(pendulum.datetime(y, m, d, h, 0, tz=clock.TZ))
