"""`dondoc directory scaffold`: a directory draft with a unit or alias for each body a plan names that the
directory does not know; importing the draft makes the plan's names resolve."""

from __future__ import annotations

import pytest

from dondoc.directory.scaffold import code_for, collective_kinds, guess_kind, is_collective

# A plan as the parser gives it (the scaffold works on names, not on the text).


@pytest.mark.parametrize(("name", "kind"), [
    ("Sở Y tế", "department"), ("Trung tâm Kiểm soát bệnh tật tỉnh", "agency"), ("Công an tỉnh", "agency"),
    ("UBND tỉnh Đắk Lắk", "province"), ("Ủy ban nhân dân xã Hoằng Hợp", "commune"), ("Hội Phụ nữ", "mass_org"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "front"), ("Trường THCS Hoằng Phụ", "school"),
    ("Phòng Nội vụ", "department"), ("Văn phòng HĐND và UBND", "office"), ("lực lượng", "unit"),
])
def test_guess_kind(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


@pytest.mark.parametrize(("name", "collective"), [
    ("các sở, ban, ngành", True), ("UBND các xã, phường", True), ("UBND xã, phường", True), ("Sở, ban, ngành", True),
    ("Sở Văn hóa, Thể thao và Du lịch", False), ("Sở Y tế", False), ("Doanh nghiệp, cộng đồng", False),
])
def test_is_collective(name: str, collective: bool) -> None:
    assert is_collective(name) is collective


def test_collective_kinds() -> None:
    assert collective_kinds("các tổ chức chính trị - xã hội") == ("front", "mass_org")  # 'xã hội' is no commune
    assert collective_kinds("UBND các xã, phường") == ("commune", "ward")
    assert collective_kinds("các lực lượng") == ()


def test_codes_are_initials_under_the_issuer_and_unique() -> None:
    taken: set[str] = set()
    assert code_for("UBND tỉnh Đắk Lắk", prefix=None, taken=taken) == "ĐL".replace("Đ", "D")
    assert code_for("Sở Y tế", prefix="DL", taken=taken) == "DL-SYT"
    assert code_for("Sở Ý tế", prefix="DL", taken=taken) == "DL-SYT2"


