"""Rules for shapes of administrative writing the strict xfail probes recorded (helper xfail2): each rule tested on
made-up text beyond its probe, with counter-examples that must not change."""

from __future__ import annotations

import pytest

from dondoc.plans.bodies import split_bodies

# --- a department named after groups of people: 'và <officers>' continues its name ---
# A department whose field is a group of people ('Cục Nhà giáo ...', 'Vụ Công chức ...') coordinates another group
# in its name, each capitalised as the parts of a name are; an officer named after a body in a list (a field of
# their own in capitals, a place, 'phụ trách ...') or after a body whose field is no group of people is a second name.
ONE_NAME = [
    "Cục Nhà giáo và Cán bộ quản lý giáo dục",
    "Phòng Nhà giáo và Cán bộ quản lý",
    "Vụ Công chức và Viên chức sự nghiệp",
]
TWO_NAMES = [
    ("Phòng Nội vụ và Cán bộ quản lý giáo dục", ["Phòng Nội vụ", "Cán bộ quản lý giáo dục"]),
    ("Công an phường và Công chức Văn hóa - Xã hội", ["Công an phường", "Công chức Văn hóa - Xã hội"]),
    ("Phòng Nhà giáo và Cán bộ phụ trách công tác thi đua", ["Phòng Nhà giáo", "Cán bộ phụ trách công tác thi đua"]),
    ("Trung tâm Học sinh và Cán bộ y tế các xã", ["Trung tâm Học sinh", "Cán bộ y tế các xã"]),
]


@pytest.mark.parametrize("name", ONE_NAME)
def test_a_department_named_after_groups_of_people_is_one_name(name: str) -> None:
    assert split_bodies(name) == [name]
    assert split_bodies(name + ", Sở Nội vụ") == [name, "Sở Nội vụ"]


@pytest.mark.parametrize(("text", "names"), TWO_NAMES)
def test_an_officer_after_another_body_is_a_second_name(text: str, names: list[str]) -> None:
    assert split_bodies(text) == names
