"""The issuer at the top left of a header (NĐ 30/2020/NĐ-CP; the Party's Hướng dẫn 36-HD/VPTW) for plans
not issued by an Ủy ban nhân dân: the issuer's line under its parent body's line (the parent first:
'UBND TỈNH X / SỞ Y TẾ' -> 'Sở Y tế'), a Party committee named by its Đảng bộ ('ĐẢNG BỘ TỈNH X / TỈNH ỦY'
-> 'Tỉnh ủy X'), a body's own organ named with the body ('... / BAN THƯỜNG TRỰC' -> 'Ban Thường trực Ủy ban
MTTQ Việt Nam xã X', as gold 44 writes it), the right column ('CỘNG HÒA ...', 'ĐẢNG CỘNG SẢN VIỆT NAM',
'ĐOÀN TNCS HỒ CHÍ MINH') run into the same line, headers in a table, and a joint plan (KẾ HOẠCH LIÊN TỊCH:
the first issuer, both named in a warning — the schema has one issuer). Names are written as the gold's
notes write them: the body's own casing ('Sở Công Thương', 'Bộ Tài nguyên và Môi trường'), abbreviations
kept ('MTTQ', 'THPT'), the level word in lower case and the place capitalised ('tỉnh An Giang'), the
people's committees as 'UBND tỉnh X'. Made-up headers, written with their expected issuers before the
parser was run on them (29 of these 33 tests failed then; the number lines all passed)."""

from __future__ import annotations

import pytest

from dondoc.plans import parse_text

DATE = "An Giang, ngày 15 tháng 8 năm 2025"
BODY = "\nKẾ HOẠCH\nThực hiện công tác năm 2025\nI. NHIỆM VỤ\n1. Các đơn vị trực thuộc triển khai thực hiện.\n"
RIGHT = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"

# (id, header lines before 'KẾ HOẠCH', expected issuer, expected number)
HEADS = [
    # --- the Party: 'ĐẢNG CỘNG SẢN VIỆT NAM' at the top right, the committee named by its Đảng bộ
    ("tinh_uy", f"ĐẢNG BỘ TỈNH AN GIANG\nTỈNH ỦY\n*\nSố 45-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\n{DATE}",
     "Tỉnh ủy An Giang", "45-KH/TU"),
    ("dang_uy_xa", f"ĐẢNG BỘ TỈNH AN GIANG\nĐẢNG ỦY XÃ AN PHÚ\n*\nSố 12-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n{DATE}",
     "Đảng ủy xã An Phú", "12-KH/ĐU"),
    ("ban_thuong_vu", f"HUYỆN ỦY CHÂU THÀNH\nBAN THƯỜNG VỤ\n*\nSố 08-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n{DATE}",
     "Ban Thường vụ Huyện ủy Châu Thành", "08-KH/HU"),
    # left and right columns run together on one line (a PDF's text)
    ("tinh_uy_runon", f"ĐẢNG BỘ TỈNH AN GIANG ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY\n*\nSố 45-KH/TU {DATE}",
     "Tỉnh ủy An Giang", "45-KH/TU"),
    # --- the Front and the mass organisations
    ("mttq_btt", f"ỦY BAN MTTQ VIỆT NAM\nXÃ AN PHÚ\nBAN THƯỜNG TRỰC\nSố: 08/KH-MTTQ-BTT\n{RIGHT}{DATE}",
     "Ban Thường trực Ủy ban MTTQ Việt Nam xã An Phú", "08/KH-MTTQ-BTT"),
    ("mttq", f"ỦY BAN MTTQ VIỆT NAM\nTỈNH AN GIANG\nSố: 30/KH-MTTQ-BTT\n{RIGHT}{DATE}",
     "Ủy ban MTTQ Việt Nam tỉnh An Giang", "30/KH-MTTQ-BTT"),
    ("hoi_nong_dan", f"HỘI NÔNG DÂN TỈNH AN GIANG\n***\nSố 15-KH/HNDT\nHỘI NÔNG DÂN VIỆT NAM\n{DATE}",
     "Hội Nông dân tỉnh An Giang", "15-KH/HNDT"),
    ("hoi_phu_nu_btv", f"HỘI LIÊN HIỆP PHỤ NỮ TỈNH AN GIANG\nBAN THƯỜNG VỤ\nSố: 30/KH-HPN\n{RIGHT}{DATE}",
     "Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh An Giang", "30/KH-HPN"),
    ("tinh_doan", f"TỈNH ĐOÀN AN GIANG\n***\nSố: 20-KH/TĐTN-PT\nĐOÀN TNCS HỒ CHÍ MINH\n{DATE}",
     "Tỉnh đoàn An Giang", "20-KH/TĐTN-PT"),
    ("bch_doan_runon", f"BCH ĐOÀN TỈNH AN GIANG ĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 21-KH/TĐTN-VP {DATE}",
     "BCH Đoàn tỉnh An Giang", "21-KH/TĐTN-VP"),
    # --- departments and ministries: the parent line first, the issuer under it
    ("so_y_te", f"UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\nSố: 12/KH-SYT\n{RIGHT}{DATE}", "Sở Y tế", "12/KH-SYT"),
    ("so_gddt", f"ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1200/KH-SGDĐT\n{RIGHT}{DATE}",
     "Sở Giáo dục và Đào tạo", "1200/KH-SGDĐT"),
    ("so_runon", f"UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ Độc lập - Tự do - Hạnh phúc\n"
     f"Số: 12/KH-SYT {DATE}", "Sở Y tế", "12/KH-SYT"),
    ("so_table", "| UBND TỈNH LÂM ĐỒNG<br>**SỞ Y TẾ**<br>Số: 12/KH-SYT | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>"
     f"Độc lập - Tự do - Hạnh phúc<br>{DATE} |\n|---|---|\n", "Sở Y tế", "12/KH-SYT"),
    ("bo", f"BỘ TÀI CHÍNH\n-------\nSố: 120/KH-BTC\n{RIGHT}Hà Nội, ngày 15 tháng 8 năm 2025", "Bộ Tài chính", "120/KH-BTC"),
    # --- steering committees and sector bodies
    ("ban_chi_dao", f"BAN CHỈ ĐẠO 389\nTỈNH AN GIANG\nSố: 05/KH-BCĐ389\n{RIGHT}{DATE}", "Ban Chỉ đạo 389 tỉnh An Giang", "05/KH-BCĐ389"),
    ("ban_chi_dao_under", f"UBND TỈNH AN GIANG\nBAN CHỈ ĐẠO PHÒNG CHỐNG\nTHIÊN TAI\nSố: 06/KH-BCĐ\n{RIGHT}{DATE}",
     "Ban Chỉ đạo phòng chống thiên tai", "06/KH-BCĐ"),
    ("cong_an", f"CÔNG AN TỈNH AN GIANG\nSố: 450/KH-CAT-PC06\n{RIGHT}{DATE}", "Công an tỉnh An Giang", "450/KH-CAT-PC06"),
    ("cong_an_under", f"BỘ CÔNG AN\nCÔNG AN TỈNH AN GIANG\nSố: 451/KH-CAT\n{RIGHT}{DATE}", "Công an tỉnh An Giang", "451/KH-CAT"),
    ("quan_su", f"QUÂN KHU 9\nBỘ CHỈ HUY QUÂN SỰ TỈNH AN GIANG\nSố: 75/KH-BCH\n{RIGHT}{DATE}",
     "Bộ Chỉ huy Quân sự tỉnh An Giang", "75/KH-BCH"),
    ("truong", f"SỞ GD&ĐT AN GIANG\nTRƯỜNG THPT AN PHÚ\nSố: 25/KH-THPTAP\n{RIGHT}{DATE}", "Trường THPT An Phú", "25/KH-THPTAP"),
    # --- the people's committees keep their form
    ("ubnd_xa", f"ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 20/KH-UBND\n{RIGHT}{DATE}", "UBND xã An Phú", "20/KH-UBND"),
    ("ubnd_runon", f"ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     f"Số: 21/KH-UBND {DATE}", "UBND tỉnh An Giang", "21/KH-UBND"),
    # --- a decision's enacting authority, alone on its line above 'Căn cứ' (no header at the top)
    ("authority", "QUYẾT ĐỊNH\nBan hành Kế hoạch thực hiện Chỉ thị số 05/CT-TTg\nTHỦ TƯỚNG CHÍNH PHỦ\n"
     "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
     "Thủ tướng Chính phủ", None),
]

# the body's own casing wins over the fallback's: a field of two words ('Công Thương')
CASED = [
    ("so_cong_thuong", f"UBND TỈNH AN GIANG\nSỞ CÔNG THƯƠNG\nSố: 15/KH-SCT\n{RIGHT}{DATE}",
     "1. Sở Công Thương chủ trì theo dõi việc thực hiện.", "Sở Công Thương"),
    ("bo_chi_huy_bien_phong", f"BỘ CHỈ HUY BỘ ĐỘI BIÊN PHÒNG\nTỈNH AN GIANG\nSố: 15/KH-BĐBP\n{RIGHT}{DATE}",
     "1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra.", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh An Giang"),
]


@pytest.mark.parametrize(("head", "issuer", "number"), [h[1:] for h in HEADS], ids=[h[0] for h in HEADS])
def test_issuer(head: str, issuer: str, number: str | None) -> None:
    plan = parse_text(head + BODY, source="t.md")
    assert (plan["issuer"], plan["number"]) == (issuer, number)
    assert not any("liên tịch" in w for w in plan["warnings"])


@pytest.mark.parametrize(("head", "body", "issuer"), [c[1:] for c in CASED], ids=[c[0] for c in CASED])
def test_issuer_cased_as_the_text_writes_it(head: str, body: str, issuer: str) -> None:
    plan = parse_text(head + BODY.replace("1. Các đơn vị trực thuộc triển khai thực hiện.", body), source="t.md")
    assert plan["issuer"] == issuer


JOINT = [
    # side by side, each in its own cell
    ("cells", "| SỞ Y TẾ<br>Số: 12/KHLT-SYT-SGDĐT | SỞ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>"
     f"{DATE} |\n|---|---|---|\n", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    # on one line, joined by a dash
    ("dash", f"HỘI NÔNG DÂN TỈNH AN GIANG - SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 03/KHLT-HND-SNNMT\n{RIGHT}{DATE}",
     ["Hội Nông dân tỉnh An Giang", "Sở Nông nghiệp và Môi trường"]),
    # one above the other, under their common parent
    ("stacked", f"UBND TỈNH AN GIANG\nSỞ Y TẾ\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/KHLT-SYT-SGDĐT\n{RIGHT}{DATE}",
     ["Sở Y tế", "Sở Giáo dục và Đào tạo"]),
]


@pytest.mark.parametrize(("head", "issuers"), [j[1:] for j in JOINT], ids=[j[0] for j in JOINT])
def test_joint_plan_keeps_the_first_issuer_and_names_both(head: str, issuers: list[str]) -> None:
    plan = parse_text(head + BODY.replace("KẾ HOẠCH\n", "KẾ HOẠCH LIÊN TỊCH\n"), source="t.md")
    assert plan["issuer"] == issuers[0]
    assert plan["title"] == "Thực hiện công tác năm 2025"
    joint = [w for w in plan["warnings"] if "liên tịch" in w]
    assert len(joint) == 1 and all(f"'{i}'" in joint[0] for i in issuers)


@pytest.mark.parametrize(("foot", "signer"), [
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn An", "Nguyễn Văn An"),
    ("GIÁM ĐỐC\n(Đã ký)\nTrần Thị Bình", "Trần Thị Bình"),
    ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lê Văn Cường", "Lê Văn Cường"),
    ("TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nLâm Thị Dung", "Lâm Thị Dung"),
])
def test_signer_of_other_bodies(foot: str, signer: str) -> None:
    head = f"UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\nSố: 12/KH-SYT\n{RIGHT}{DATE}"
    plan = parse_text(head + BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n" + foot + "\n", source="t.md")
    assert plan["signer"] == signer
