"""Probes of precision, third round: what the two earlier rounds (test_genre_probes_precision.py, _precision2.py)
did not cover. Plans implementing a law or decree ('Kế hoạch triển khai thi hành Luật ...') whose sections quote
the law ('Luật quy định ...', 'theo quy định tại Điều 5, ...') and list the subjects it applies to; 'Đề án' /
'Chương trình' texts with a current-situation section written body by body, 'Giải pháp' prose with no actor and a
'Phân công' section holding the real assignments; headings 'a) Đối với các sở, ngành: ...'; bodies inside a task
led by someone else that are partners, objects or recipients ('làm việc với Bộ X', 'ký kết với Tập đoàn Y', 'gửi
Sở Z thẩm định', lists of examples in brackets); the Nơi nhận and signature blocks run into the last task when line
breaks are lost; the annex title lines. Each probe runs in both layouts: normal lines, and flattened to one line.
Made up from knowledge of the genre, with the expected (ref, lead) pairs written BEFORE the parser was run.

Gold conventions used: a heading naming a body gives that body's duties (golds 15, 16, 25, 48); 'Đối với <people>'
headings under aims are target groups (gold 26), so no lead; text that states what a law says is no task of the
plan (like quoted directives, round 1); partners, objects and recipients are no leads (golds 12, 24, 28, 47);
Nơi nhận and signature lines add nothing (round 1 'recipients')."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = ("ỦY BAN NHÂN DÂN TỈNH X\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 45/KH-UBND\nX, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\n")
TITLE = "Triển khai nhiệm vụ năm 2025\n"
LAW = "Triển khai thi hành Luật Thủ đô số 39/2024/QH15\n"
SCHEME = "Thực hiện Đề án phát triển kinh tế tập thể tỉnh X giai đoạn 2025 - 2030\n"

SIGN = ("Nơi nhận:\n- Bộ Nội vụ (b/c);\n- TT. Tỉnh ủy, TT. HĐND tỉnh;\n- Chủ tịch, các PCT UBND tỉnh;\n"
        "- Các sở, ban, ngành tỉnh;\n- UBND các xã, phường;\n- Lưu: VT, NC.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\nNguyễn Văn An\n")

# probes the parser does not pass yet: (id, layout) -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {
    # ('propose-to' flattened passes since xfail2: titles._PROPOSALS_TITLE)
}

# (id, title, body after the header, expected (ref, leads) pairs in order)
PROBES: list[tuple[str, str, str, list[tuple[str, list[str]]]]] = [
    # --- plans implementing a law or decree ---
    ("law-content-quote", LAW,
     "II. NỘI DUNG\n1. Quán triệt nội dung cơ bản của Luật\nLuật quy định các cơ quan nhà nước có trách nhiệm công khai "
     "thông tin; theo quy định tại Điều 5, cơ quan quản lý nhà nước về quy hoạch ở địa phương là Ủy ban nhân dân cấp "
     "tỉnh và Sở Xây dựng.\n",
     []),
    ("law-quote-then-task", LAW,
     "II. NỘI DUNG\n1. Phổ biến Luật\nLuật quy định Ủy ban nhân dân cấp xã có trách nhiệm tiếp nhận hồ sơ của người dân. "
     "Sở Tư pháp chủ trì tổ chức hội nghị phổ biến Luật cho cán bộ, công chức.\n",
     [("II.1", ["Sở Tư pháp"])]),
    ("law-subjects", LAW,
     "I. PHẠM VI ĐIỀU CHỈNH, ĐỐI TƯỢNG ÁP DỤNG CỦA LUẬT\nLuật áp dụng đối với cơ quan nhà nước, tổ chức chính trị - xã "
     "hội, đơn vị sự nghiệp công lập, Ủy ban nhân dân các cấp và cá nhân có liên quan.\n",
     []),
    ("law-duties-described", LAW,
     "II. NỘI DUNG CƠ BẢN CỦA LUẬT\nTheo Luật, Ủy ban nhân dân cấp tỉnh có nhiệm vụ ban hành văn bản quy định chi tiết; "
     "Sở Tư pháp có trách nhiệm thẩm định dự thảo văn bản quy phạm pháp luật.\n",
     []),
    ("law-article-says", LAW,
     "III. NHIỆM VỤ\n1. Rà soát văn bản\nTheo quy định tại khoản 2 Điều 10 của Luật, Sở Nội vụ chịu trách nhiệm hướng dẫn "
     "việc sắp xếp tổ chức bộ máy.\n",
     []),
    ("law-task-after-quote", LAW,
     "III. NHIỆM VỤ\n1. Rà soát văn bản\nSở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật có liên quan đến Luật, "
     "hoàn thành trong Quý II/2025.\n",
     [("III.1", ["Sở Tư pháp"])]),
    # --- Đề án / Chương trình ---
    ("situation-by-body", SCHEME,
     "I. THỰC TRẠNG\na) Sở Y tế: đang quản lý 12 bệnh viện tuyến tỉnh, tỷ lệ giường bệnh đạt 30 giường/vạn dân.\n"
     "b) Công an tỉnh: đã tiếp nhận 1.200 hồ sơ cấp căn cước trong năm 2024.\n",
     []),
    ("situation-body-headings", SCHEME,
     "I. ĐÁNH GIÁ THỰC TRẠNG\n1. Sở Nông nghiệp và Môi trường\nĐã hướng dẫn thành lập mới 25 hợp tác xã, nâng tổng số "
     "hợp tác xã lên 310.\n2. Liên minh Hợp tác xã tỉnh\nĐã tư vấn cho 40 hợp tác xã xây dựng phương án sản xuất.\n",
     []),
    ("solutions-no-actor", SCHEME,
     "III. GIẢI PHÁP\n1. Giải pháp về cơ chế, chính sách\nRà soát, hoàn thiện cơ chế, chính sách hỗ trợ hợp tác xã; nâng "
     "cao hiệu quả phối hợp giữa các sở, ngành và Ủy ban nhân dân các xã, phường.\n2. Giải pháp về vốn\nTạo điều kiện "
     "cho hợp tác xã tiếp cận vốn của Ngân hàng Chính sách xã hội và Quỹ hỗ trợ phát triển hợp tác xã.\n",
     []),
    ("scheme-assignments", SCHEME,
     "IV. TỔ CHỨC THỰC HIỆN\n1. Phân công nhiệm vụ\na) Sở Tài chính: chủ trì tham mưu bố trí kinh phí thực hiện Đề án.\n"
     "b) Sở Công Thương: chủ trì hướng dẫn hợp tác xã tham gia chương trình xúc tiến thương mại.\n",
     [("IV.1.a", ["Sở Tài chính"]), ("IV.1.b", ["Sở Công Thương"])]),
    ("scheme-whole", SCHEME,
     "I. THỰC TRẠNG\nSở Nông nghiệp và Môi trường đã hỗ trợ 40 hợp tác xã ứng dụng công nghệ cao.\nII. GIẢI PHÁP\n"
     "Đổi mới nội dung, phương thức hỗ trợ hợp tác xã; phát huy vai trò của Liên minh Hợp tác xã tỉnh.\n"
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường chủ trì theo dõi, đôn đốc thực hiện Đề án.\n"
     "2. Liên minh Hợp tác xã tỉnh tư vấn thành lập hợp tác xã mới.\n",
     [("III.1", ["Sở Nông nghiệp và Môi trường"]), ("III.2", ["Liên minh Hợp tác xã tỉnh"])]),
    # --- 'Đối với ...' headings ---
    ("doi-voi-bodies-inline", TITLE,
     "IV. TỔ CHỨC THỰC HIỆN\na) Đối với các sở, ngành: chủ động xây dựng kế hoạch triển khai thuộc lĩnh vực quản lý.\n"
     "b) Đối với Ủy ban nhân dân các xã, phường: tổ chức tuyên truyền nội dung Kế hoạch đến người dân.\n",
     [("IV.a", ["các sở, ngành"]), ("IV.b", ["Ủy ban nhân dân các xã, phường"])]),
    ("doi-voi-body-bullets", TITLE,
     "IV. TỔ CHỨC THỰC HIỆN\n2. Đối với UBND cấp xã:\n- Tổ chức tuyên truyền nội dung Kế hoạch đến người dân.\n"
     "- Bố trí cán bộ đầu mối theo dõi việc thực hiện.\n",
     [("IV.2", ["UBND cấp xã"]), ("IV.2", ["UBND cấp xã"])]),
    ("doi-voi-people-aims", TITLE,
     "II. MỤC TIÊU CỤ THỂ\na) Đối với trẻ em: 100% trẻ em dưới 1 tuổi được tiêm chủng đầy đủ.\nb) Đối với cơ sở "
     "giáo dục: 95% cơ sở giáo dục mầm non đạt tiêu chuẩn an toàn.\n",
     []),
    ("doi-voi-people-content", TITLE,
     "II. NỘI DUNG\n1. Đối với người dân: tuyên truyền về quyền và nghĩa vụ trong thực hiện thủ tục hành chính.\n"
     "2. Đối với doanh nghiệp: hướng dẫn thực hiện dịch vụ công trực tuyến.\n",
     []),
    # --- partners, objects, recipients inside a task ---
    ("meeting-partner", TITLE,
     "II. NHIỆM VỤ\n1. Xúc tiến đầu tư\nSở Tài chính chủ trì làm việc với Bộ Tài chính, Tập đoàn Điện lực Việt Nam để tháo "
     "gỡ vướng mắc của các dự án.\n",
     [("II.1", ["Sở Tài chính"])]),
    ("sign-partner", TITLE,
     "II. NHIỆM VỤ\n1. Hợp tác\nSở Khoa học và Công nghệ tham mưu ký kết thỏa thuận hợp tác với Tập đoàn Công nghiệp - "
     "Viễn thông Quân đội về chuyển đổi số.\n",
     [("II.1", ["Sở Khoa học và Công nghệ"])]),
    ("send-for-appraisal", TITLE,
     "II. NHIỆM VỤ\n1. Chuẩn bị đầu tư\nBan Quản lý dự án đầu tư xây dựng tỉnh lập hồ sơ gửi Sở Xây dựng thẩm định trước "
     "ngày 30/6/2025.\n",
     [("II.1", ["Ban Quản lý dự án đầu tư xây dựng tỉnh"])]),
    ("partner-no-actor", TITLE,
     "II. NHIỆM VỤ\n1. Xúc tiến đầu tư\nLàm việc với Bộ Công Thương, Tập đoàn Dầu khí Việt Nam về dự án điện khí; ký kết "
     "biên bản ghi nhớ với Tập đoàn Vingroup.\n",
     []),
    ("examples-bracket-list", TITLE,
     "II. NHIỆM VỤ\n1. Bảo hiểm y tế\nSở Y tế chủ trì, phối hợp với các đơn vị liên quan (Bảo hiểm xã hội tỉnh, Công an "
     "tỉnh, Sở Tài chính) triển khai giải pháp mở rộng bao phủ bảo hiểm y tế.\n",
     [("II.1", ["Sở Y tế"])]),
    ("team-members", TITLE,
     "II. NHIỆM VỤ\n1. Tổ công tác\nSở Nội vụ chủ trì thành lập Tổ công tác gồm đại diện Sở Tư pháp, Sở Tài chính, Văn "
     "phòng Ủy ban nhân dân tỉnh.\n",
     [("II.1", ["Sở Nội vụ"])]),
    ("propose-to", TITLE,
     "II. NHIỆM VỤ\n1. Kiến nghị\nSở Xây dựng tổng hợp khó khăn, vướng mắc, đề xuất Bộ Xây dựng xem xét, tháo gỡ.\n",
     [("II.1", ["Sở Xây dựng"])]),
    # --- Nơi nhận and signature after the last task ---
    ("signature-after-last", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh.\n" + SIGN,
     [("V", ["Sở Nội vụ"])]),
    ("signature-after-items", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí thực hiện.\n2. Sở Nội vụ theo dõi, đôn đốc thực hiện Kế "
     "hoạch./.\n" + SIGN,
     [("V.1", ["Sở Tài chính"]), ("V.2", ["Sở Nội vụ"])]),
    ("signature-before-recipients", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n"
     "Nơi nhận:\n- Như trên;\n- Sở Tài chính;\n- Sở Tư pháp (để thực hiện);\n- Lưu: VT.\n",
     [("V", ["Sở Nội vụ"])]),
    ("annex-title", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch./.\n" + SIGN +
     "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI CỦA SỞ Y TẾ VÀ CÁC ĐƠN VỊ\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2025 "
     "của Ủy ban nhân dân tỉnh X)\n",
     [("V", ["Sở Nội vụ"])]),
    ("annex-title-no-sign", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch.\nPHỤ LỤC I\nPHÂN CÔNG NHIỆM VỤ CHO CÁC SỞ, "
     "NGÀNH\n(Ban hành kèm theo Kế hoạch số 45/KH-UBND của Ủy ban nhân dân tỉnh)\n",
     [("V", ["Sở Nội vụ"])]),
    # --- second batch ---
    ("law-responsibility-article", LAW,
     "II. NỘI DUNG\n1. Nội dung cơ bản của Luật\nĐiều 12 của Luật quy định trách nhiệm của Bộ Tài chính, Bộ Xây dựng "
     "trong việc hướng dẫn thi hành; Chính phủ quy định chi tiết một số điều.\n",
     []),
    ("decree-implementing-tasks", "Triển khai thực hiện Nghị định số 180/2025/NĐ-CP của Chính phủ\n",
     "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì hướng dẫn các cơ quan, đơn vị thực hiện Nghị định, hoàn thành trong tháng "
     "6/2025.\n2. Ủy ban nhân dân các xã, phường rà soát, thống kê các đối tượng thuộc phạm vi điều chỉnh của Nghị "
     "định.\n",
     [("II.1", ["Sở Tài chính"]), ("II.2", ["Ủy ban nhân dân các xã, phường"])]),
    ("programme-situation-then-assign", "Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW\n",
     "I. TÌNH HÌNH\nThời gian qua, Sở Khoa học và Công nghệ đã chủ trì triển khai nhiều nhiệm vụ; Sở Nội vụ đã tham "
     "mưu sắp xếp tổ chức bộ máy.\nII. PHÂN CÔNG NHIỆM VỤ\n1. Sở Khoa học và Công nghệ\n- Chủ trì xây dựng cơ sở dữ "
     "liệu khoa học, công nghệ của tỉnh.\n",
     [("II.1", ["Sở Khoa học và Công nghệ"])]),
    ("meeting-with-ministry-no-lead", TITLE,
     "II. NHIỆM VỤ\n1. Làm việc với Bộ Nội vụ, Bộ Tài chính về sắp xếp đơn vị sự nghiệp công lập.\n",
     []),
    ("recipients-no-colon", TITLE,
     "V. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch./.\nNơi nhận\n- Sở Tư pháp (để thực "
     "hiện);\n- UBND các xã, phường (để thực hiện);\n- Lưu: VT.\n",
     [("V", ["Sở Nội vụ"])]),
    ("doi-voi-bodies-heading-unnumbered", TITLE,
     "IV. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm thực hiện\n- Đối với Sở Y tế: chủ trì hướng dẫn chuyên môn, kỹ thuật.\n"
     "- Đối với Công an tỉnh: bảo đảm an ninh, trật tự tại các điểm tiêm.\n",
     [("IV.1", ["Sở Y tế"]), ("IV.1", ["Công an tỉnh"])]),
]

LAYOUTS = ("lines", "flat")


def _text(title: str, body: str, layout: str) -> str:
    text = HEAD + title + body
    return " ".join(text.split()) if layout == "flat" else text


def _pairs(text: str) -> list[tuple[str, list[str]]]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.md", year=2025)["assignments"]
    return [(a["ref"], a["lead"]) for a in got]


@pytest.mark.parametrize(("title", "body", "layout", "expected"), [
    pytest.param(t, b, lay, e, id=f"{i}-{lay}",
                 marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
    for i, t, b, e in PROBES for lay in LAYOUTS])
def test_precision_probe(title: str, body: str, layout: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _pairs(_text(title, body, layout)) == expected
