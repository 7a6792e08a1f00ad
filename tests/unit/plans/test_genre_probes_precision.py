"""Probes of precision: made-up fragments of the parts of ordinary Vietnamese plans that NAME bodies without
giving them work — emulation plans (đối tượng, tiêu chí, hình thức, cơ cấu khen thưởng, the council's review),
conference, training, inspection and survey plans (thành phần, đối tượng, báo cáo viên, đoàn kiểm tra, đơn vị
được kiểm tra, địa điểm, a day's programme), budget lines, preambles and background, quoted higher directives,
examples in brackets, beneficiaries, and bodies named as places or owners ('tại trụ sở Sở X', 'trang thông tin
điện tử của Sở Y', 'theo hướng dẫn của Bộ Z'). Written from knowledge of the genre, not copied from any plan,
with the expected (ref, lead) pairs — usually none — written BEFORE the parser was run on them.

Expectations follow the gold conventions: the notes of shared/plans/more/gold and tests/data/gold/tune (an
emulation plan's sections on scope, criteria, awards and quotas name no body carrying a task; a conference's
'Thành phần' lists participants, not leads; the composition of a board tasks no one; funding sources give no
task, a body's budget duty does), and where they differ the seeds (seed 004 counts a 'Yêu cầu' sentence whose
subject is a body: a requirement section is not skipped whole, only its vague subjects are)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH X\nSố: 30/KH-UBND\nX, ngày 10 tháng 02 năm 2025\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n"

# probes the parser does not pass yet: id -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[str, str] = {
}

# (id, body after the header, expected (ref, leads) pairs in order)
PROBES: list[tuple[str, str, list[tuple[str, list[str]]]]] = [
    # --- emulation plans (Kế hoạch phát động phong trào thi đua) ---
    ("emulation-subjects",
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐộng viên cán bộ, công chức thi đua hoàn thành nhiệm vụ.\n"
     "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA\n1. Đối tượng thi đua\nCác sở, ban, ngành, đoàn thể tỉnh; Ủy ban nhân dân các xã, "
     "phường; các doanh nghiệp, hợp tác xã trên địa bàn tỉnh.\n",
     []),
    ("emulation-criteria",
     "II. NỘI DUNG THI ĐUA\n1. Tiêu chí thi đua\n- Các cơ quan, đơn vị hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ được giao "
     "trong năm 2025.\n- Ủy ban nhân dân các xã, phường có nhiều mô hình mới, cách làm hay trong xây dựng nông thôn mới.\n",
     []),
    ("emulation-content-roman",
     "II. NỘI DUNG VÀ TIÊU CHÍ THI ĐUA\n1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội\n"
     "Các sở, ngành, địa phương thi đua hoàn thành vượt mức các chỉ tiêu kinh tế - xã hội năm 2025.\n"
     "2. Thi đua cải cách hành chính\nCác cơ quan hành chính nhà nước thi đua nâng cao chỉ số hài lòng của người dân.\n",
     []),
    ("emulation-award-forms",
     "III. HÌNH THỨC KHEN THƯỞNG\n1. Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho 05 tập thể và 10 cá nhân có thành tích "
     "xuất sắc.\n2. Tặng Cờ thi đua của Ủy ban nhân dân tỉnh cho 02 tập thể dẫn đầu phong trào.\n",
     []),
    ("emulation-award-quota",
     "IV. CƠ CẤU, SỐ LƯỢNG KHEN THƯỞNG\nMỗi sở, ngành, địa phương được đề xuất 01 tập thể và 02 cá nhân; Sở Y tế, Sở Giáo dục "
     "và Đào tạo được đề xuất thêm 01 tập thể.\n",
     []),
    ("emulation-council-review",
     "V. TIÊU CHUẨN, QUY TRÌNH XÉT KHEN THƯỞNG\n1. Quy trình xét khen thưởng\nHội đồng Thi đua - Khen thưởng tỉnh xét, "
     "đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng các tập thể, cá nhân tiêu biểu.\n",
     []),
    ("emulation-award-subsection",
     "IV. KHEN THƯỞNG\n1. Hình thức khen thưởng\nChủ tịch UBND tỉnh tặng Bằng khen cho các tập thể, cá nhân tiêu biểu.\n"
     "2. Hồ sơ đề nghị khen thưởng\nCác cơ quan, đơn vị gửi hồ sơ về Sở Nội vụ trước ngày 15/01/2026.\n",
     [("IV.2", ["Các cơ quan, đơn vị"])]),
    ("emulation-organising",
     "VI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tham mưu Hội đồng Thi đua - Khen thưởng tỉnh hướng dẫn, theo dõi phong trào thi đua.\n"
     "2. Các cụm, khối thi đua tổ chức ký kết giao ước thi đua, hoàn thành trước ngày 31/3/2025.\n",
     [("VI.1", ["Sở Nội vụ"]), ("VI.2", ["Các cụm, khối thi đua"])]),
    # --- conferences, training, inspection, surveys ---
    ("conference-participants",
     "II. NỘI DUNG, THÀNH PHẦN, THỜI GIAN\n1. Nội dung: Quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị.\n"
     "2. Thành phần tham dự: lãnh đạo Sở Tư pháp, Sở Nội vụ; đại diện Ủy ban nhân dân các xã, phường.\n"
     "3. Thời gian, địa điểm: 01 buổi, ngày 20/3/2025, tại Hội trường Ủy ban nhân dân tỉnh.\n",
     []),
    ("conference-participants-heading",
     "II. THÀNH PHẦN\n- Lãnh đạo Ủy ban nhân dân tỉnh.\n- Lãnh đạo Sở Tư pháp, Sở Nội vụ, Sở Tài chính.\n"
     "- Đại diện lãnh đạo Ủy ban nhân dân các xã, phường.\n",
     []),
    ("training-trainees",
     "II. ĐỐI TƯỢNG, THỜI GIAN, ĐỊA ĐIỂM TẬP HUẤN\n1. Đối tượng tập huấn: công chức Tư pháp - Hộ tịch các xã, phường; "
     "cán bộ Phòng Văn hóa - Xã hội.\n2. Báo cáo viên: lãnh đạo Sở Tư pháp.\n"
     "3. Địa điểm: Hội trường Sở Tư pháp.\n",
     []),
    ("inspection-team",
     "III. THÀNH PHẦN ĐOÀN KIỂM TRA\nĐoàn kiểm tra gồm: Lãnh đạo Sở Y tế - Trưởng đoàn; đại diện Sở Công Thương, Công an tỉnh "
     "- thành viên.\n",
     []),
    ("inspection-team-item",
     "II. NỘI DUNG KIỂM TRA\n1. Đoàn kiểm tra\n- Trưởng đoàn: Phó Giám đốc Sở Nông nghiệp và Môi trường.\n"
     "- Thành viên: đại diện Sở Tài chính, Sở Xây dựng.\n2. Đơn vị được kiểm tra\nỦy ban nhân dân các xã A, B, C; "
     "Trung tâm Y tế khu vực D.\n",
     []),
    ("day-programme",
     "III. CHƯƠNG TRÌNH HỘI NGHỊ\n- 8h00 - 8h15: Đón tiếp đại biểu (Văn phòng Ủy ban nhân dân tỉnh).\n"
     "- 8h15 - 9h00: Lãnh đạo Sở Tư pháp quán triệt nội dung Luật.\n- 9h00 - 10h00: Đại diện Sở Nội vụ báo cáo chuyên đề.\n",
     []),
    ("survey-scope",
     "II. ĐỐI TƯỢNG, PHẠM VI KHẢO SÁT\n1. Đối tượng khảo sát: người dân, doanh nghiệp có giao dịch với Sở Tài chính, Sở Xây dựng.\n"
     "2. Phạm vi khảo sát: các sở, ban, ngành và Ủy ban nhân dân các xã, phường.\n",
     []),
    ("conference-organising",
     "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì chuẩn bị tài liệu, hoàn thành trước ngày 15/3/2025.\n"
     "2. Văn phòng Ủy ban nhân dân tỉnh chuẩn bị hội trường, trang thiết bị.\n",
     [("IV.1", ["Sở Tư pháp"]), ("IV.2", ["Văn phòng Ủy ban nhân dân tỉnh"])]),
    # --- budget ---
    ("budget-body-duty",
     "V. KINH PHÍ THỰC HIỆN\nKinh phí thực hiện Kế hoạch do Sở Tài chính tham mưu bố trí trong dự toán ngân sách tỉnh năm 2025.\n",
     [("V", ["Sở Tài chính"])]),
    ("budget-source-only",
     "V. KINH PHÍ\nNguồn kinh phí: ngân sách tỉnh và các nguồn hợp pháp khác theo quy định.\n",
     []),
    ("budget-estimate",
     "V. KINH PHÍ\nCác sở, ngành, địa phương lập dự toán kinh phí thực hiện gửi Sở Tài chính thẩm định.\n",
     [("V", ["Các sở, ngành, địa phương"])]),
    # --- preambles, background, quoted directives ---
    ("preamble",
     "Căn cứ Quyết định số 123/QĐ-BNV ngày 10/01/2025 của Bộ Nội vụ; thực hiện Công văn số 45/BTP-PBGDPL của Bộ Tư pháp, "
     "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nNâng cao hiệu quả công tác phổ biến pháp luật.\n",
     []),
    ("background-past",
     "I. KẾT QUẢ THỰC HIỆN NĂM 2024\nNăm 2024, Sở Y tế đã tổ chức tiêm chủng cho 95% trẻ em; Sở Giáo dục và Đào tạo đã triển "
     "khai chương trình sữa học đường.\n",
     []),
    ("background-report",
     "I. THỰC TRẠNG\nTheo báo cáo của Sở Nông nghiệp và Môi trường, toàn tỉnh có 120 hợp tác xã đang hoạt động.\n",
     []),
    ("background-then-task",
     "II. NHIỆM VỤ\n1. Cải cách hành chính\nNăm 2024, Sở Nội vụ đã tham mưu ban hành 15 văn bản. Năm 2025, Sở Nội vụ chủ trì "
     "rà soát các thủ tục hành chính.\n",
     [("II.1", ["Sở Nội vụ"])]),
    ("quoted-directive",
     "II. NHIỆM VỤ\n1. Nhiệm vụ chung\nTại Chỉ thị số 05/CT-TTg, Thủ tướng Chính phủ yêu cầu các bộ, ngành và địa phương tăng "
     "cường kỷ luật, kỷ cương hành chính.\n",
     []),
    ("implementing-preamble-in-section",
     "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\nThực hiện Quyết định số 15/QĐ-TTg của Thủ tướng Chính phủ; Hướng dẫn số 20/HD-BYT của "
     "Bộ Y tế về triển khai tiêm chủng.\n",
     []),
    # --- purpose and requirements ---
    ("requirement-vague",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nCác đơn vị được giao nhiệm vụ có trách nhiệm triển khai đúng tiến độ.\n",
     []),
    ("requirement-named",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nSở Tư pháp, Sở Nội vụ chủ động phối hợp triển khai các nội dung của Kế hoạch.\n",
     [("I.2", ["Sở Tư pháp", "Sở Nội vụ"])]),
    # --- Nơi nhận, examples, beneficiaries, places, owners ---
    ("recipients",
     "II. TỔ CHỨC THỰC HIỆN\nSở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch.\nNơi nhận:\n- Bộ Nội vụ;\n- TT Tỉnh ủy;\n"
     "- Các sở, ban, ngành;\n- UBND các xã, phường;\n- Lưu: VT.\n",
     [("II", ["Sở Nội vụ"])]),
    ("example-bracket",
     "II. NHIỆM VỤ\n1. Chuyển đổi số\nĐẩy mạnh chuyển đổi số trong các lĩnh vực trọng điểm (như: Sở Y tế, Sở Giáo dục và Đào "
     "tạo, Sở Tài chính).\n",
     []),
    ("example-bracket-after-lead",
     "II. NHIỆM VỤ\n1. Chuyển đổi số\nSở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành (như: Sở Y tế, Sở Tư pháp) "
     "xây dựng nền tảng số.\n",
     [("II.1", ["Sở Khoa học và Công nghệ"])]),
    ("beneficiaries",
     "II. NHIỆM VỤ\n1. Hỗ trợ phát triển kinh tế tập thể\nHỗ trợ các hợp tác xã, doanh nghiệp nhỏ và vừa tiếp cận nguồn vốn tín "
     "dụng ưu đãi.\n",
     []),
    ("place",
     "II. NHIỆM VỤ\n1. Hội nghị\nTổ chức hội nghị sơ kết tại trụ sở Sở Tư pháp trong Quý II/2025.\n",
     []),
    ("owner-website",
     "II. NHIỆM VỤ\n1. Tuyên truyền\nĐăng tải Kế hoạch trên trang thông tin điện tử của Sở Nội vụ và Cổng thông tin điện tử tỉnh.\n",
     []),
    ("owner-guidance",
     "II. NHIỆM VỤ\n1. Tiêm chủng\nTriển khai tiêm chủng theo hướng dẫn của Bộ Y tế và Sở Y tế.\n",
     []),
    # --- second batch: results and situation sections, boards, contacts ---
    ("results-section-present",
     "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n1. Công tác tuyên truyền\nSở Tư pháp phối hợp với các cơ quan tổ chức 25 hội nghị phổ biến "
     "pháp luật cho 3.000 lượt người.\n",
     []),
    ("situation-section",
     "I. THỰC TRẠNG, TÌNH HÌNH\nỦy ban nhân dân các xã, phường triển khai mô hình chính quyền hai cấp từ ngày 01/7/2025; Công an "
     "tỉnh tiếp nhận 1.200 hồ sơ.\n",
     []),
    ("limitations",
     "I. ĐÁNH GIÁ TÌNH HÌNH\n2. Tồn tại, hạn chế\nỦy ban nhân dân một số xã chậm triển khai; Sở Xây dựng chưa hoàn thành quy hoạch.\n",
     []),
    ("board-composition",
     "II. KIỆN TOÀN BAN CHỈ ĐẠO\nBan Chỉ đạo do Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban; Giám đốc Công an tỉnh làm Phó Trưởng "
     "ban thường trực; thành viên là lãnh đạo các sở, ngành liên quan.\n",
     []),
    ("contact",
     "IV. TỔ CHỨC THỰC HIỆN\nSở Nội vụ hướng dẫn thực hiện Kế hoạch.\nĐầu mối liên hệ: đồng chí Nguyễn Văn A, Phó Trưởng phòng, "
     "Sở Nội vụ, điện thoại 0912 345 678.\n",
     [("IV", ["Sở Nội vụ"])]),
]


def _pairs(body: str) -> list[tuple[str, list[str]]]:
    got: list[dict[str, Any]] = parse_text(HEAD + body, source="probe.md", year=2025)["assignments"]
    return [(a["ref"], a["lead"]) for a in got]


@pytest.mark.parametrize(("body", "expected"), [
    pytest.param(b, e, id=i, marks=[pytest.mark.xfail(reason=XFAIL[i], strict=True)] if i in XFAIL else [])
    for i, b, e in PROBES])
def test_precision_probe(body: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _pairs(body) == expected
