"""Name -> unit resolution on the example directory (SQLite and PostgreSQL)."""

from __future__ import annotations

import unicodedata

import pytest

from dondoc.directory.names import plan_names
from dondoc.directory.resolve import bare_key, name_key

# The issuing unit of each seed plan in the example directory.


# -- normalisation (pure) -----------------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("Phòng Lao động - Thương binh và Xã hội", "Phòng LĐ-TB&XH"),
    ("Phòng Lao động - Thương binh và Xã hội", "Phòng LĐTBXH"),
    ("Phòng Lao động - Thương binh và Xã hội", "Phòng Lao động – TB&XH"),
    ("Phòng Lao động - Thương binh và Xã hội", "phòng lao động tbxh"),
    ("Ủy ban nhân dân các xã, thị trấn", "UBND các xã, thị trấn"),
    ("Uỷ ban nhân dân huyện", "Ủy ban nhân dân huyện"),
    ("Phòng Văn hoá - Thông tin", "Phòng Văn hóa - Thông tin"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "MTTQ huyện"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "UBMTTQVN phường"),
    ("Công chức Văn hóa - Xã hội", "Công chức VHXH"),
    ("Phòng Giáo dục và Đào tạo", "Phòng Giáo dục - Đào tạo"),
    ("Phòng Giáo dục và Đào tạo", "Phòng GD&ĐT"),
    ("Ban Chỉ huy Quân sự phường", "BCH quân sự phường"),
    ("các đơn vị có liên quan", "các đơn vị liên quan"),
])
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_key_ignores_unicode_normal_form() -> None:
    name = "Công chức Lao động – Thương binh và Xã hội"
    assert name_key(unicodedata.normalize("NFD", name)) == name_key(name)


@pytest.mark.parametrize("text, role, bare", [
    ("Trưởng các phòng, ban, ngành cấp huyện", "head", "phong ban nganh"),
    ("Chủ tịch UBND các xã, thị trấn", "head", "uy ban nhan dan cac xa thi tran"),
    ("Hiệu trưởng các Trường học trên địa bàn", "head", "truong hoc"),
    ("Thôn trưởng các thôn", "head", "thon"),
    ("Công chức VP-TK (Thường trực HĐTĐKT)", None, "van phong thong ke"),
    ("cán bộ Đài truyền thanh phường", None, "dai truyen thanh"),
    ("Thường trực UBMTTQVN phường", None, "mat tran to quoc"),
    ("UBND phường", None, "uy ban nhan dan phuong"),
    ("Hội đồng nhân dân huyện", None, "hoi dong nhan dan huyen"),
])
def test_bare_key_sets_titles_and_levels_aside(text: str, role: str | None, bare: str) -> None:
    assert bare_key(text) == (role, bare)


# -- the five seeds -----------------------------------------------------------------------------------


def test_plan_names_lists_each_name_once() -> None:
    plan = {"assignments": [{"lead": ["A", "B"], "support": ["A"]}],
            "reports": [{"from": ["C"], "to": ["D"], "via": "qua E"}]}
    assert plan_names(plan) == ["A", "B", "C", "D", "qua E"]


