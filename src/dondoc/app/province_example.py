"""The province example (examples/province/): a province's 2025 directory built by `directory bootstrap`, with
made-up officers and outbox:// contacts for the demo, and a post-2025 plan addressed to all its communes.
Built by scripts/build_province_example.py; run with `dondoc demo --province`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlmodel import Session, col, select

from dondoc.directory.bootstrap import bootstrap_province, province_code
from dondoc.models import Contact, Officer, Unit

PROVINCE = "Nghệ An"

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Xuân", "Hồng"]
_GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Lan", "Linh", "Long",
          "Mai", "Nam", "Nga", "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Vân", "Yến"]

_HEAD_TITLE = {"province": "Chủ tịch UBND tỉnh", "commune": "Chủ tịch UBND xã", "ward": "Chủ tịch UBND phường",
               "special_zone": "Chủ tịch UBND đặc khu"}
_FOCAL_TITLE = {"commune": "Công chức Văn phòng HĐND và UBND xã", "ward": "Công chức Văn phòng HĐND và UBND phường",
                "special_zone": "Công chức Văn phòng HĐND và UBND đặc khu", "province": "Chuyên viên Văn phòng UBND tỉnh"}


def person(n: int) -> str:
    """A made-up, deterministic Vietnamese name."""
    return f"{_FAMILY[n % len(_FAMILY)]} {_MIDDLE[(n // 3) % len(_MIDDLE)]} {_GIVEN[(n * 7) % len(_GIVEN)]}"


def build(session: Session, *, province: str = PROVINCE, now: dt.datetime) -> int:
    """Bootstrap `province` and give every unit a head and a focal officer with an outbox:// contact.
    Returns the number of officers added (0 on a second run)."""
    result = bootstrap_province(session, province=province, now=now)
    root = session.exec(select(Unit).where(Unit.code == f"T{result.province_code:02d}")).one()
    units = [root, *session.exec(select(Unit).where(Unit.parent_id == root.id).order_by(col(Unit.id))).all()]
    have = set(session.exec(select(Officer.code)).all())
    added = 0
    for n, u in enumerate(units):
        if u.external:
            continue
        for role, title in (("head", _HEAD_TITLE.get(u.kind, "Giám đốc")),
                            ("focal", _FOCAL_TITLE.get(u.kind, "Chuyên viên phụ trách tổng hợp"))):
            code = f"{u.code}-{'LD' if role == 'head' else 'DM'}"
            if code in have:
                continue
            off = Officer(code=code, unit_id=u.id, name=person(2 * n + (role == "focal")), role=role,  # type: ignore[arg-type]
                          position=f"{title}" if u.kind in _HEAD_TITLE or role == "focal" else None, created_at=now)
            session.add(off)
            session.flush()
            session.add(Contact(officer_id=off.id, channel="outbox", url="outbox://", priority=1))  # type: ignore[arg-type]
            added += 1
    session.flush()
    return added


def example_dir(examples: Path) -> Path:
    return examples / "province"


__all__ = ["PROVINCE", "build", "example_dir", "person", "province_code"]
