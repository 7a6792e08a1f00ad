"""Probes of pasted plan text: made-up plans of several genres (a province's plan with labelled lines, a department's
plan of prose duties, a ministry's plan, a commune's plan, a council's resolution with articles) read in three
layouts — as written (one paragraph a line), flattened to one line (benchmarks/flattened.py), and pasted as a
law-library page gives it (each paragraph wrapped at ~78 columns, every paragraph break lost: a paragraph's first
line runs on from the last line of the one before, as in the excerpts of ../shared/plans/more/excerpts) — and, where
the probe says so, cut mid-sentence as an excerpt of the first few thousand characters is.

Each probe gives the expected (ref, leads, mode, timing kind) of every entry, written BEFORE the parser was run on
it, by the gold conventions (notes of shared/seeds/gold, shared/plans/more/gold, tests/data/gold): purposes, aims and
vague requirements give no entry; a heading naming a body gives its duties to it; 'Đề nghị' asks (request); bodies
that are beneficiaries ('cần được hỗ trợ'), objects or places are no leads; a cut item counts only when its body and
its task are both visible; 'Thường xuyên' is continuous, 'hằng năm' recurring, a quarter, a month, a year or a
range of them once. Counter-examples (shapes the rules must leave alone) are probes too."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from tests.unit.plans.madeup import paste

PROVINCE = ("ỦY BAN NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 88/KH-UBND\nSông Xanh, ngày 15 tháng 3 năm 2025\nKẾ HOẠCH\n"
            "Triển khai công tác y tế và an sinh xã hội năm 2025\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\n"
            "Căn cứ Quyết định số 12/QĐ-TTg ngày 05/01/2025 của Thủ tướng Chính phủ;\n"
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện với các nội dung như sau:\n")
MINISTRY = ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 21/KH-BNNMT\nHà Nội, ngày 10 tháng 4 năm 2025\nKẾ HOẠCH\n"
            "Triển khai thi hành Luật Dữ liệu trong ngành nông nghiệp và môi trường\n"
            "Thực hiện Quyết định số 45/QĐ-TTg ngày 02/01/2025 của Thủ tướng Chính phủ ban hành Kế hoạch triển khai thi "
            "hành Luật Dữ liệu, Bộ Nông nghiệp và Môi trường ban hành Kế hoạch triển khai như sau:\n")
COMMUNE = ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "---------------\nSố: 34/KH-UBND\nHòa Bình, ngày 20 tháng 5 năm 2025\nKẾ HOẠCH\n"
           "Thực hiện chính sách xã hội trên địa bàn xã giai đoạn 2025 - 2030\n"
           "Thực hiện Kế hoạch số 120/KH-UBND ngày 10/4/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân xã ban hành Kế "
           "hoạch thực hiện như sau:\n")
COUNCIL = ("HỘI ĐỒNG NHÂN DÂN TỈNH SÔNG XANH\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
           "---------------\nSố: 15/NQ-HĐND\nSông Xanh, ngày 08 tháng 01 năm 2025\nNGHỊ QUYẾT\n"
           "Ban hành Kế hoạch giám sát năm 2025 của Hội đồng nhân dân tỉnh Sông Xanh\n"
           "HỘI ĐỒNG NHÂN DÂN TỈNH SÔNG XANH KHÓA X, KỲ HỌP THỨ 25\n"
           "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\n"
           "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;\n"
           "Xét Tờ trình số 02/TTr-HĐND ngày 02 tháng 01 năm 2025 của Thường trực Hội đồng nhân dân tỉnh; Báo cáo thẩm "
           "tra của các Ban Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tại kỳ họp.\n"
           "QUYẾT NGHỊ:\n")

Entry = tuple[str, list[str], str, str]

# probes the parser does not pass: (id, layout) -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {}

# (id, header, body, expected entries in order, layouts)
PROBES: list[tuple[str, str, str, list[Entry]]] = [
    # --- a heading's number run into the sentence before it; labelled lines; the three common kinds of time ---
    ("labelled-three-kinds", PROVINCE,
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả công tác phòng, chống dịch bệnh trên địa bàn tỉnh năm 2025.\n"
     "2. Yêu cầu\nCác sở, ngành, địa phương triển khai đồng bộ, hiệu quả, đúng tiến độ.\nII. NHIỆM VỤ\n"
     "1. Tổ chức tiêm chủng mở rộng cho trẻ em\na) Cơ quan chủ trì: Sở Y tế.\nb) Cơ quan phối hợp: Ủy ban nhân dân các "
     "xã, phường.\nc) Thời gian thực hiện: Quý II/2025.\n2. Tuyên truyền phòng, chống dịch bệnh\na) Cơ quan chủ trì: "
     "Sở Văn hóa, Thể thao và Du lịch.\nb) Thời gian thực hiện: Thường xuyên.\n3. Kiểm tra, giám sát công tác phòng, "
     "chống dịch\na) Cơ quan chủ trì: Sở Y tế.\nb) Thời gian thực hiện: Hằng năm.\n",
     [("II.1", ["Sở Y tế"], "assign", "once"), ("II.2", ["Sở Văn hóa, Thể thao và Du lịch"], "assign", "continuous"),
      ("II.3", ["Sở Y tế"], "assign", "recurring")]),
    # '... năm 2025. 2. Nhiệm vụ cụ thể a) Sở Y tế: ...': an item of aims, then bodies lettered with their duties
    ("lettered-bodies", PROVINCE,
     "I. MỤC ĐÍCH\nChủ động phòng, chống dịch sốt xuất huyết, không để dịch lớn xảy ra.\nII. NỘI DUNG\n1. Mục tiêu\n"
     "Giảm 10% số ca mắc sốt xuất huyết so với năm 2024.\n2. Nhiệm vụ cụ thể\na) Sở Y tế: chủ trì, phối hợp với các "
     "địa phương giám sát dịch bệnh thường xuyên.\nb) Ủy ban nhân dân các xã, phường: tổ chức chiến dịch diệt lăng "
     "quăng, bọ gậy hằng năm.\nc) Sở Tài chính: tham mưu bố trí kinh phí thực hiện Kế hoạch.\n",
     [("II.2.a", ["Sở Y tế"], "assign", "continuous"), ("II.2.b", ["Ủy ban nhân dân các xã, phường"], "assign", "recurring"),
      ("II.2.c", ["Sở Tài chính"], "assign", "unspecified")]),
    # --- an item's title run into its first bullet, which opens with a body's name ---
    ("title-dash-body", PROVINCE,
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng các khu công nghiệp đã thành lập\n- Ban Quản lý Khu kinh tế đầu "
     "tư hoàn thiện hạ tầng kỹ thuật các khu công nghiệp, hoàn thành trong năm 2025.\n- Ủy ban nhân dân cấp xã thực hiện "
     "công tác giải phóng mặt bằng các cụm công nghiệp.\n2. Thu hút đầu tư\n- Sở Tài chính chủ trì tổ chức hội nghị xúc "
     "tiến đầu tư hằng năm.\n",
     [("II.1", ["Ban Quản lý Khu kinh tế"], "assign", "once"), ("II.1", ["Ủy ban nhân dân cấp xã"], "assign", "unspecified"),
      ("II.2", ["Sở Tài chính"], "assign", "recurring")]),
    # counter-example: a department's double name ('Phòng Tài chính - Kế hoạch') is no title with a bullet
    ("double-name-heading", COMMUNE,
     "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Kinh tế - Hạ tầng\n- Tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
     "2. Phòng Văn hóa - Xã hội\n- Tuyên truyền Kế hoạch trên hệ thống truyền thanh của xã thường xuyên.\n",
     [("III.1", ["Phòng Kinh tế - Hạ tầng"], "assign", "unspecified"),
      ("III.2", ["Phòng Văn hóa - Xã hội"], "assign", "continuous")]),
    # --- a bullet of two sentences, the second naming a body: one bullet (the plan laid out in lines says so) ---
    ("requirement-bullet-body", PROVINCE,
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\n- Phát triển hạ tầng số đồng bộ, hiện đại, bảo đảm an toàn thông tin. Các doanh "
     "nghiệp viễn thông phối hợp phát triển hạ tầng theo nguyên tắc dùng chung.\n- Bảo đảm sự phối hợp chặt chẽ giữa các "
     "cơ quan, đơn vị.\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch phát triển hạ tầng số, hoàn "
     "thành trong Quý III/2025.\n",
     [("II.1", ["Sở Khoa học và Công nghệ"], "assign", "once")]),
    # counter-example: the body named in a task bullet's second sentence is its lead, in every layout
    ("task-bullet-body", PROVINCE,
     "II. NHIỆM VỤ\n1. Bồi dưỡng kỹ năng số\n- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã. Sở Nội vụ chủ "
     "trì thực hiện, hoàn thành trong năm 2025.\n2. Sở Y tế chủ trì triển khai hồ sơ sức khỏe điện tử thường xuyên.\n",
     [("II.1", ["Sở Nội vụ"], "assign", "once"), ("II.2", ["Sở Y tế"], "assign", "continuous")]),
    # --- 'Thường trực' alone names no body; 'Thường trực Hội đồng nhân dân tỉnh' does ---
    ("standing-alone", PROVINCE,
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\na) Bám sát nội dung Chương trình mục tiêu quốc gia phòng, chống ma túy.\nb) Phát "
     "huy vai trò của Công an tỉnh\n- Thường trực tham mưu thực hiện Chương trình; các sở, ngành, địa phương triển khai "
     "các dự án thành phần.\nII. NHIỆM VỤ\n1. Công an tỉnh chủ trì tổ chức sơ kết Chương trình, hoàn thành trong tháng "
     "12/2025.\n2. Đề nghị Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Chương trình.\n",
     [("II.1", ["Công an tỉnh"], "assign", "once"),
      ("II.2", ["Thường trực Hội đồng nhân dân tỉnh"], "request", "unspecified")]),
    # --- bodies that receive ('cần được hỗ trợ') are no leads; 'cần' + a verb of their own is a duty ---
    ("beneficiaries", PROVINCE,
     "II. NỘI DUNG\n1. Xác định đối tượng hỗ trợ\n- Nhóm 1: Các hộ nghèo, hộ cận nghèo bị thiệt hại do bão, cần được hỗ "
     "trợ lương thực ngay.\n- Nhóm 2: Các xã, phường vùng ven biển, khu vực thấp trũng, cần được hỗ trợ khắc phục hậu quả "
     "thiên tai.\n2. Tổ chức cứu trợ\n- Sở Nông nghiệp và Môi trường chủ trì tổng hợp nhu cầu hỗ trợ, báo cáo Ủy ban nhân "
     "dân tỉnh trước ngày 15/11/2025.\n- Ủy ban nhân dân các xã cần chủ động rà soát, lập danh sách các hộ bị thiệt hại.\n",
     [("II.2", ["Sở Nông nghiệp và Môi trường"], "assign", "once"), ("II.2", ["Ủy ban nhân dân các xã"], "assign", "unspecified")]),
    # --- sub-items numbered '1.1' (no last dot), the first run into its parent's title ---
    ("dotless-subitems", COMMUNE,
     "III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Nâng cao nhận thức về chính sách xã hội\n1.1 Tuyên truyền chính sách an sinh xã "
     "hội\n- Chủ trì: Công chức Văn hóa - Xã hội.\n- Thời gian thực hiện: Thường xuyên.\n1.2 Khen thưởng các tập thể, cá "
     "nhân tiêu biểu\n- Chủ trì: Công chức Văn phòng - Thống kê.\n- Thời gian thực hiện: Hằng năm.\n2. Chăm lo đời sống "
     "người có công\n2.1 Thăm hỏi, tặng quà người có công dịp Tết Nguyên đán\n- Chủ trì: Công chức Lao động - Thương binh "
     "và Xã hội.\n- Thời gian thực hiện: Hằng năm.\n",
     [("III.1.1", ["Công chức Văn hóa - Xã hội"], "assign", "continuous"),
      ("III.1.2", ["Công chức Văn phòng - Thống kê"], "assign", "recurring"),
      ("III.2.1", ["Công chức Lao động - Thương binh và Xã hội"], "assign", "recurring")]),
    # --- a council's resolution: its articles, no Roman section; pasted, its breaks are lost all the same ---
    ("resolution-articles", COUNCIL,
     "Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch giám sát năm 2025 của Hội đồng nhân dân tỉnh.\n"
     "Điều 2. Tổ chức thực hiện\n1. Thường trực Hội đồng nhân dân tỉnh chỉ đạo, điều hòa hoạt động giám sát theo Kế "
     "hoạch ban hành kèm theo Nghị quyết này.\n2. Các Ban của Hội đồng nhân dân tỉnh xây dựng kế hoạch giám sát chuyên "
     "đề, báo cáo kết quả trước ngày 30/11/2025.\n3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp giám sát.\n"
     "Điều 3. Nghị quyết này có hiệu lực từ ngày ký.\n",
     [("Điều 2.1", ["Thường trực Hội đồng nhân dân tỉnh"], "assign", "unspecified"),
      ("Điều 2.2", ["Các Ban của Hội đồng nhân dân tỉnh"], "assign", "once"),
      ("Điều 2.3", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], "request", "unspecified")]),
    # --- a name holding 'về' + a verb ('Cổng thông tin quốc gia về bảo vệ dữ liệu'): the content label names no lead ---
    ("portal-content-label", MINISTRY,
     "I. NHIỆM VỤ\n1. Xây dựng Cổng thông tin quốc gia về dữ liệu nông nghiệp\n- Nội dung: Cổng thông tin quốc gia về "
     "quản lý dữ liệu nông nghiệp cung cấp thông tin, dịch vụ công trực tuyến.\n- Cơ quan chủ trì: Cục Chuyển đổi số.\n"
     "- Thời hạn hoàn thành: Quý IV/2025.\n",
     [("I.1", ["Cục Chuyển đổi số"], "assign", "once")]),
    # --- 'thường xuyên' describing a duty's nature ('nhiệm vụ quan trọng, thường xuyên') yields to the task's time ---
    ("nature-of-duty", PROVINCE,
     "II. NHIỆM VỤ\n1. Sở Y tế chủ trì đưa chỉ tiêu phòng, chống dịch vào kế hoạch của ngành, xác định đây là nhiệm vụ "
     "quan trọng, thường xuyên, lâu dài; đánh giá kết quả thực hiện hằng năm.\n2. Sở Nội vụ xác định công tác cải cách "
     "hành chính là nhiệm vụ trọng tâm, thường xuyên của các cơ quan, đơn vị.\n3. Công an tỉnh chủ trì tuần tra, kiểm "
     "soát thường xuyên trên các tuyến đường trọng điểm.\n",
     [("II.1", ["Sở Y tế"], "assign", "recurring"), ("II.2", ["Sở Nội vụ"], "assign", "continuous"),
      ("II.3", ["Công an tỉnh"], "assign", "continuous")]),
    # --- ranges: months of one year, years, 'từ ... đến ...' ---
    ("ranges", MINISTRY,
     "I. NHIỆM VỤ\n1. Tổ chức Tháng hành động về dữ liệu\n- Cơ quan chủ trì: Cục Chuyển đổi số.\n- Thời gian thực hiện: "
     "Tháng 7 - 12/2025.\n2. Xây dựng cơ sở dữ liệu đất đai\n- Cơ quan chủ trì: Cục Quản lý đất đai.\n- Thời gian thực "
     "hiện: năm 2025 - 2026.\n3. Chuẩn hóa dữ liệu môi trường\n- Cơ quan chủ trì: Cục Kiểm soát ô nhiễm môi trường.\n"
     "- Thời gian thực hiện: Từ năm 2025 đến năm 2027.\n",
     [("I.1", ["Cục Chuyển đổi số"], "assign", "once"), ("I.2", ["Cục Quản lý đất đai"], "assign", "once"),
      ("I.3", ["Cục Kiểm soát ô nhiễm môi trường"], "assign", "once")]),
    # --- a body's duties as bullets: a role word opening the second one ---
    ("role-bullets", PROVINCE,
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n- Chủ trì, phối hợp với các cơ quan liên quan tổ chức phổ biến Luật, hoàn "
     "thành trong Quý IV/2025.\n- Phối hợp với Sở Nội vụ thẩm định các văn bản quy phạm pháp luật của tỉnh thường "
     "xuyên.\n2. Sở Nội vụ\nChủ trì tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12 hằng "
     "năm.\n",
     [("III.1", ["Sở Tư pháp"], "assign", "once"), ("III.1", ["Sở Tư pháp"], "assign", "continuous"),
      ("III.2", ["Sở Nội vụ"], "assign", "recurring")]),
    # --- a list of partners running into the next item and the next section with no stop ---
    ("list-into-heading", PROVINCE,
     "II. NHIỆM VỤ\n1. Rà soát văn bản quy phạm pháp luật\n- Cơ quan chủ trì: Sở Tư pháp\n- Cơ quan phối hợp: Sở Nội vụ, "
     "Sở Tài chính và Ủy ban nhân dân các xã, phường\n- Thời gian thực hiện: Quý III/2025\n2. Kiểm tra việc thi hành pháp "
     "luật\n- Cơ quan chủ trì: Sở Tư pháp\n- Cơ quan phối hợp: các sở, ngành có liên quan\nIII. KINH PHÍ\nKinh phí thực "
     "hiện Kế hoạch do ngân sách tỉnh bảo đảm.\n",
     [("II.1", ["Sở Tư pháp"], "assign", "once"), ("II.2", ["Sở Tư pháp"], "assign", "unspecified")]),
    # --- Yêu cầu: vague subjects give nothing; a named body with its task does ---
    ("requirement-named", PROVINCE,
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của cán bộ, công chức và Nhân dân về an toàn thực phẩm.\n"
     "2. Yêu cầu\n- Các sở, ngành, địa phương căn cứ chức năng, nhiệm vụ triển khai thực hiện nghiêm túc, hiệu quả.\n"
     "- Sở Y tế là cơ quan thường trực, chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\nII. NHIỆM VỤ\n"
     "1. Sở Công Thương chủ trì kiểm tra các chợ đầu mối trong Quý II/2025.\n",
     [("I.2", ["Sở Y tế"], "assign", "unspecified"), ("II.1", ["Sở Công Thương"], "assign", "once")]),
    # --- a ministry's plan: a department heading and its duties, one of them a request to the provinces ---
    ("ministry-departments", MINISTRY,
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai kịp thời, đồng bộ Luật Dữ liệu trong ngành.\n2. Yêu cầu\nXác định cụ "
     "thể nội dung công việc, thời hạn hoàn thành và trách nhiệm của các đơn vị thuộc Bộ.\nII. NHIỆM VỤ CỤ THỂ\n"
     "1. Cục Chuyển đổi số\na) Chủ trì xây dựng Kho dữ liệu dùng chung của Bộ, hoàn thành trong năm 2025.\nb) Chủ trì "
     "hướng dẫn các đơn vị kết nối, chia sẻ dữ liệu hằng năm.\n2. Vụ Pháp chế\nChủ trì rà soát văn bản quy phạm pháp luật "
     "liên quan đến dữ liệu, hoàn thành trong Quý III/2025.\n3. Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
     "trung ương chỉ đạo Sở Nông nghiệp và Môi trường cập nhật dữ liệu thường xuyên.\n",
     [("II.1.a", ["Cục Chuyển đổi số"], "assign", "once"), ("II.1.b", ["Cục Chuyển đổi số"], "assign", "recurring"),
      ("II.2", ["Vụ Pháp chế"], "assign", "once"),
      ("II.3", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "request", "continuous")]),
    # --- second batch ---
    # the heads of every kind of body ('Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức') in an item's prose: a
    # principle; the heads of named bodies taking the lead ('Thủ trưởng các sở, ban, ngành chủ trì') are a lead
    ("heads-of-all", PROVINCE,
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Tăng cường sự lãnh đạo, chỉ đạo trong phòng, chống ma túy\nXác định phòng, chống ma túy là "
     "nhiệm vụ của cả hệ thống chính trị. Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức có trách nhiệm trực tiếp "
     "lãnh đạo, chỉ đạo công tác phòng, chống ma túy tại cơ quan, địa phương mình.\n2. Nâng cao hiệu quả tuyên truyền\n"
     "Đổi mới nội dung, hình thức tuyên truyền phòng, chống ma túy. Thủ trưởng các sở, ban, ngành chủ trì triển khai "
     "tuyên truyền trong cơ quan, đơn vị mình hằng năm.\n",
     [("II.2", ["Thủ trưởng các sở, ban, ngành"], "assign", "recurring")]),
    # an item's title run into 'Đề nghị <Body> ...' / 'Yêu cầu <Body> ...'; the 'Yêu cầu' heading itself stays a heading
    ("request-after-title", PROVINCE,
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao ý thức phòng bệnh của Nhân dân.\n2. Yêu cầu\nCác sở, ngành triển khai "
     "đồng bộ, hiệu quả.\nIII. NHIỆM VỤ TRỌNG TÂM\n1. Công tác lãnh đạo, chỉ đạo\nĐề nghị Ủy ban Mặt trận Tổ quốc Việt Nam "
     "tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động Nhân dân tham gia phòng, chống dịch bệnh.\n"
     "2. Công tác chuyên môn\nYêu cầu Sở Y tế tổ chức giám sát dịch bệnh tại các cửa khẩu thường xuyên.\n",
     [("III.1", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"], "request", "unspecified"),
      ("III.2", ["Sở Y tế"], "assign", "continuous")]),
    # a number that names a level or a group ('cấp độ 1.', 'mức 2.') at a sentence's end is no item
    ("level-number", PROVINCE,
     "II. NHIỆM VỤ\n1. Cứu trợ khẩn cấp\nTiếp cận ngay các vùng bị chia cắt, ưu tiên các địa bàn rủi ro thiên tai cấp độ 1. "
     "Cấp ngay lương thực cho các hộ dân ở vùng ngập mức 2. Sơ tán người dân khỏi vùng nguy hiểm.\n- Cơ quan chủ trì: Sở "
     "Nông nghiệp và Môi trường.\n- Thời gian thực hiện: Thường xuyên.\n2. Khắc phục hậu quả\n- Cơ quan chủ trì: Ủy ban "
     "nhân dân các xã, phường.\n- Thời gian thực hiện: Quý IV/2025.\n",
     [("II.1", ["Sở Nông nghiệp và Môi trường"], "assign", "continuous"),
      ("II.2", ["Ủy ban nhân dân các xã, phường"], "assign", "once")]),
    # a state described ('còn duy trì', 'vẫn duy trì') names no lead; the body that takes the lead after it does
    ("state-described", PROVINCE,
     "II. ĐỊNH HƯỚNG PHÁT TRIỂN\n1. Du lịch nông nghiệp\n- Tiềm năng: Các xã ven đô còn duy trì không gian nông nghiệp "
     "đặc trưng.\n- Định hướng: phát triển các mô hình du lịch trải nghiệm mùa vụ.\n2. Du lịch cộng đồng\nCác thôn vùng cao "
     "vẫn duy trì nhiều lễ hội truyền thống. Ủy ban nhân dân các xã vùng cao chủ trì xây dựng sản phẩm du lịch cộng đồng, "
     "hoàn thành trong năm 2026.\n",
     [("II.2", ["Ủy ban nhân dân các xã vùng cao"], "assign", "once")]),
    # 'started then carried on' written in other words: continuous, as 'Quý IV năm 2024 và các năm tiếp theo' is
    ("carried-on", MINISTRY,
     "I. NHIỆM VỤ\n1. Phổ biến Luật Dữ liệu\n- Cơ quan chủ trì: Vụ Pháp chế.\n- Thời gian thực hiện: Quý III/2025 và tiếp tục "
     "thực hiện trong các năm tiếp theo.\n2. Cập nhật cơ sở dữ liệu ngành\n- Cơ quan chủ trì: Cục Chuyển đổi số.\n- Thời gian "
     "thực hiện: Từ năm 2025 trở đi.\n3. Đánh giá chất lượng dữ liệu\n- Cơ quan chủ trì: Cục Thống kê.\n- Thời gian thực hiện: "
     "Năm 2025; các năm tiếp theo.\n4. Ban hành quy chế khai thác dữ liệu\n- Cơ quan chủ trì: Văn phòng Bộ.\n- Thời gian "
     "thực hiện: Năm 2025.\n",
     [("I.1", ["Vụ Pháp chế"], "assign", "continuous"), ("I.2", ["Cục Chuyển đổi số"], "assign", "continuous"),
      ("I.3", ["Cục Thống kê"], "assign", "continuous"), ("I.4", ["Văn phòng Bộ"], "assign", "once")]),
    # a list closed by an ellipsis, then the next bullet with no stop between ('... vật nuôi… - Thường xuyên ...')
    ("ellipsis-bullet", PROVINCE,
     "II. NHIỆM VỤ\n1. Đề nghị các doanh nghiệp chế biến nông sản\n- Nghiên cứu, áp dụng quy trình sản xuất bảo đảm tiêu "
     "chuẩn xuất khẩu đối với cây trồng, vật nuôi…\n- Thường xuyên cung cấp thông tin thị trường cho các sở, ngành.\n",
     [("II.1", ["các doanh nghiệp chế biến nông sản"], "request", "unspecified"),
      ("II.1", ["các doanh nghiệp chế biến nông sản"], "request", "continuous")]),
    # a conditional closing sentence: the body a verb acts on ('tham mưu UBND tỉnh báo cáo') is no subject
    ("object-of-advice", PROVINCE,
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp chủ trì theo dõi việc thực hiện Kế hoạch.\n2. Trong quá trình thực hiện, nếu có "
     "khó khăn, vướng mắc cần kịp thời thông tin về Sở Tư pháp để tổng hợp tham mưu UBND tỉnh báo cáo Bộ Tư pháp.\n",
     [("III.1", ["Sở Tư pháp"], "assign", "unspecified")]),
    # --- a task table: as a pipe table when laid out, pasted as one run of words otherwise (cells joined by spaces) ---
    ("task-table", PROVINCE,
     "II. NHIỆM VỤ\n1. Tuyên truyền Luật Dược\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: Quý II/2025.\n2. Ban hành "
     "văn bản quy định chi tiết\n| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện |\n"
     "| --- | --- | --- | --- | --- |\n| 1 | Quy định giá dịch vụ khám bệnh, chữa bệnh tại các cơ sở y tế công lập, phối hợp với "
     "Bảo hiểm xã hội tỉnh | Sở Y tế | Sở Tài chính, Bảo hiểm xã hội tỉnh | Quý III/2025 |\n| 2 | Quy định danh mục thuốc "
     "thiết yếu tại trạm y tế xã | Sở Y tế | Ủy ban nhân dân các xã, phường | Thường xuyên |\n| 3 | Hướng dẫn thanh tra "
     "chuyên ngành dược | Thanh tra tỉnh | Sở Y tế | Năm 2025 |\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế là cơ quan thường trực, "
     "theo dõi, đôn đốc việc thực hiện Kế hoạch.\n",
     [("II.1", ["Sở Y tế"], "assign", "once"), ("II.2.1", ["Sở Y tế"], "assign", "once"),
      ("II.2.2", ["Sở Y tế"], "assign", "continuous"), ("II.2.3", ["Thanh tra tỉnh"], "assign", "once"),
      ("III.1", ["Sở Y tế"], "assign", "unspecified")]),
    # counter-example: 'TT' of a recipient list ('TT Tỉnh ủy', 'TT HĐND tỉnh') is no table's header
    ("tt-recipients", PROVINCE,
     "II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì tổ chức hội nghị phổ biến Luật trong Quý II/2025.\n2. Sở Nội vụ chủ trì báo cáo kết "
     "quả thực hiện gửi TT Tỉnh ủy, TT HĐND tỉnh, Chủ tịch UBND tỉnh trước ngày 15/12/2025.\n",
     [("II.1", ["Sở Tư pháp"], "assign", "once"), ("II.2", ["Sở Nội vụ"], "assign", "once")]),
    # a task's labels in brackets at its end, or on its title's line after a dash, all in one line (';' between them)
    ("labels-in-line", PROVINCE,
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể chế\n1.1. Xây dựng quy chế phối hợp giữa các sở, ngành (Đơn vị thực hiện: "
     "Sở Y tế; thời gian: Quý IV/2025).\n1.2. Tổ chức tập huấn cho cán bộ y tế (các xã: An Phú, Bình Minh).\n2. Phát triển "
     "nguồn nhân lực\na) Đào tạo, bồi dưỡng nhân viên y tế thôn, bản - Chủ trì: Sở Y tế; phối hợp: Sở Nội vụ; thời gian: "
     "hằng năm.\nb) Thu hút bác sĩ về công tác tại tuyến xã - Chủ trì: Sở Nội vụ; thời gian: năm 2025 - 2026.\n",
     [("II.1.1", ["Sở Y tế"], "assign", "once"), ("II.2.a", ["Sở Y tế"], "assign", "recurring"),
      ("II.2.b", ["Sở Nội vụ"], "assign", "once")]),
    # money words before a dated deadline: the deadline is the task's
    ("money-deadline", PROVINCE,
     "II. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí trong Quý I/2025 để thực hiện Kế hoạch.\n2. Sở Y tế chủ trì bố trí "
     "kinh phí chi thường xuyên trong dự toán ngân sách hằng năm của ngành.\n",
     [("II.1", ["Sở Tài chính"], "assign", "once"), ("II.2", ["Sở Y tế"], "assign", "unspecified")]),
]

# probes of the cut (an excerpt's last item): (id, header, body ending mid-sentence, expected entries)
CUTS: list[tuple[str, str, str, list[Entry]]] = [
    # a bullet cut before it says what to do: no entry yet
    ("cut-short-task", PROVINCE,
     "III. NHIỆM VỤ\n1. Các sở, ngành, Ủy ban nhân dân các xã, phường\n- Tổ chức quán triệt Kế hoạch đến cán bộ, công "
     "chức, viên chức.\n- Tăng cường công t",
     [("III.1", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], "assign", "unspecified")]),
    # counter-example: a cut bullet that shows its task counts
    ("cut-task-shown", PROVINCE,
     "III. NHIỆM VỤ\n1. Các sở, ngành, Ủy ban nhân dân các xã, phường\n- Tổ chức quán triệt Kế hoạch đến cán bộ, công "
     "chức, viên chức.\n- Tăng cường công tác tuyên truyền phòng, chống ma t",
     [("III.1", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], "assign", "unspecified"),
      ("III.1", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"], "assign", "unspecified")]),
    # a content label cut before the lead's label: the portal it describes is no lead
    ("cut-content-label", MINISTRY,
     "I. NHIỆM VỤ\n1. Tổ chức tập huấn về dữ liệu\n- Cơ quan chủ trì: Cục Chuyển đổi số.\n- Thời gian thực hiện: Quý "
     "III/2025.\n2. Xây dựng Cổng thông tin quốc gia về dữ liệu nông nghiệp\n- Nội dung: Cổng thông tin quốc gia về quản "
     "lý dữ liệu nông nghiệp cung cấ",
     [("I.1", ["Cục Chuyển đổi số"], "assign", "once")]),
]

LAYOUTS = ("lines", "flat", "paste")




def _unpiped(text: str) -> str:
    """A table as a web page's copy gives it: the separator row dropped, each row's cells joined with spaces."""
    lines = [ln for ln in text.splitlines() if not ln.startswith("| ---")]
    return "\n".join(" ".join(c.strip() for c in ln.strip("|").split("|")) if ln.startswith("|") else ln for ln in lines)


def _text(head: str, body: str, layout: str) -> str:
    text = head + body if layout == "lines" else _unpiped(head + body)
    if layout == "flat":
        return " ".join(text.split())
    return paste(text) if layout == "paste" else text


def _entries(text: str) -> list[Entry]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.txt", year=2025)["assignments"]
    return [(a["ref"], a["lead"], a["mode"], (a.get("timing") or {}).get("kind", "unspecified")) for a in got]


def _params(probes: list[tuple[str, str, str, list[Entry]]]) -> list[Any]:
    return [pytest.param(h, b, lay, e, id=f"{i}-{lay}",
                         marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
            for i, h, b, e in probes for lay in LAYOUTS]


@pytest.mark.parametrize(("head", "body", "layout", "expected"), _params(PROBES))
def test_pasted_probe(head: str, body: str, layout: str, expected: list[Entry]) -> None:
    # (in any order: a table's rows come after the paragraphs' entries)
    assert sorted(_entries(_text(head, body, layout)), key=repr) == sorted(expected, key=repr)


@pytest.mark.parametrize(("head", "body", "layout", "expected"), _params(CUTS))
def test_pasted_cut(head: str, body: str, layout: str, expected: list[Entry]) -> None:
    assert _entries(_text(head, body, layout)) == expected


def test_paste_layout() -> None:
    text = paste("I. MỤC ĐÍCH\n" + "Nâng cao " * 20 + "\n2. Yêu cầu")
    lines = text.split("\n")
    assert lines[0].startswith("I. MỤC ĐÍCH Nâng cao") and all(len(x) <= 78 + 20 for x in lines)
    assert lines[-1].endswith("Nâng cao 2. Yêu cầu")
