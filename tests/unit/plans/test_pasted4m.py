"""The merge of pasted4 into integ: rules where the two sides' readings of pasted text met. Made-up rows and sentences."""

from __future__ import annotations

from dondoc.plans.flatcells import cells
from dondoc.plans.reflow_heads import _split_heading
from dondoc.plans.runon import split_duties


def test_a_full_process_service_governs_no_body() -> None:
    # 'toàn trình' (a service online end to end) is no 'trình' (submit to): the body after it leads
    row = " Cung cấp dịch vụ công trực tuyến toàn trình Sở Khoa học và Công nghệ Các sở, ngành Năm 2026 Báo cáo"
    got = cells(row, 2, True, True)
    assert got is not None and got[1] == ["Sở Khoa học và Công nghệ", "Các sở, ngành"]


def test_a_note_in_brackets_after_the_lead_is_no_clause() -> None:
    row = (" Giám sát an toàn thực phẩm tại cộng đồng Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam (đề nghị chủ trì) "
           "Hội Nông dân Việt Nam; Hội Liên hiệp Phụ nữ Việt Nam Hằng năm")
    got = cells(row, 2, True)
    assert got is not None and got[1][0].startswith("Ủy ban Trung ương Mặt trận")


def test_a_collective_after_a_head_word_opens_a_cell() -> None:
    row = " Báo cáo tình hình thực hiện Các đơn vị thuộc Bộ Các cơ quan liên quan Quý IV/2025"
    got = cells(row, 2, True)
    assert got is not None and got[1] == ["Các đơn vị thuộc Bộ", "Các cơ quan liên quan"]


def test_an_enterprise_kind_is_no_name_before_its_duty() -> None:
    par = "1. Công ty Cổ phần Cấp nước Sông Xanh chủ trì, phối hợp với Sở Tài chính tổ chức triển khai Đề án."
    assert _split_heading(par) == par


def test_a_body_named_in_brackets_did_no_task() -> None:
    par = ("Các phòng, đơn vị báo cáo kết quả trước ngày 05/12 hằng năm, gửi về Ủy ban nhân dân phường (qua Phòng Văn "
           "hóa - Xã hội). Phòng Văn hóa - Xã hội tổng hợp, tham mưu Ủy ban nhân dân phường báo cáo Sở Y tế.")
    assert len(split_duties([par], section_end=[False])) == 2
