"""Probes of precision, fourth round: the NATIONAL genres — a Prime Minister's or a minister's Quyết định issuing
a plan (its 'Căn cứ' and 'Theo đề nghị' lines, 'Điều 1' issuing, 'Điều 2' in force or giving the focal body,
'Điều 3' the enforcement clause 'Chánh Văn phòng Bộ, Vụ trưởng ... chịu trách nhiệm thi hành', the Nơi nhận and
the signature, the attached plan's caption), a ministry's own plan tasking its Vụ / Cục / Tổng cục / Văn phòng Bộ /
Thanh tra Bộ and addressing the provinces, a national steering committee's plan, a resolution of the National
Assembly's Standing Committee; and inside them the parts that name bodies without giving them work: the opening
paragraph, 'Mục đích, yêu cầu', results and situation sections ('Năm 2024, Bộ đã ...'), targets ('Phấn đấu ...'),
funding sources, annex tables with group rows and 'Sản phẩm' cells naming bodies, partners, recipients and
bodies a task is submitted to. Each probe runs in both layouts: normal lines, and flattened to one line (every line
break replaced by a space). Made up from knowledge of the genre, not copied from any plan, with the expected
(ref, lead, mode) triples written BEFORE the parser was run.

Gold conventions used: the enforcement clause and the issuing article give no entry, an article that hands out a
duty ('Điều 2. Giao Vụ X chủ trì ...') is an entry ref'd 'Điều N' (golds 23, 46, tune 24); purposes and vague
requirements give none (golds 11, 23); a focal body ('Giao Vụ X làm đầu mối ...', 'X là đơn vị đầu mối') is a lead;
a collective ('Các bộ, ngành, địa phương căn cứ ...', 'Các cơ quan được giao chủ trì ...') is one lead (golds 14,
23, 46); 'Đề nghị' -> request (golds 14, 21, 23); a heading naming a body gives its duties (golds 11, 14, tune 47);
annex rows 'PL.<group>.<STT>', lead = the 'Cơ quan chủ trì' cell; partners, objects, places and the bodies work is
submitted or reported to are no leads (golds 12, 24, 28, 47); funding sources give none; results, targets,
Nơi nhận and signature add nothing (rounds 1-3)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"

# a ministry's own plan
BO = ("BỘ Y TẾ\n-------\n" + _NATION + "Số: 310/KH-BYT\nHà Nội, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\n"
      "Triển khai công tác y tế dự phòng năm 2025\n")
# a national steering committee's plan
BCD = ("BAN CHỈ ĐẠO QUỐC GIA\nVỀ PHÒNG, CHỐNG DỊCH BỆNH\n-------\n" + _NATION + "Số: 08/KH-BCĐ\n"
       "Hà Nội, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nHoạt động của Ban Chỉ đạo năm 2025\n")


def _ttg(articles: str) -> str:
    """A Prime Minister's decision issuing a plan, up to the plan's caption."""
    return ("THỦ TƯỚNG CHÍNH PHỦ\n-------\n" + _NATION + "Số: 512/QĐ-TTg\nHà Nội, ngày 14 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
            "Ban hành Kế hoạch triển khai thi hành Luật Dữ liệu\nTHỦ TƯỚNG CHÍNH PHỦ\n"
            "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Luật Dữ liệu ngày 30 tháng 11 năm 2024;\n"
            "Theo đề nghị của Bộ trưởng Bộ Công an.\nQUYẾT ĐỊNH:\n" + articles +
            "Nơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Thủ tướng, các Phó Thủ tướng Chính phủ;\n"
            "- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;\n"
            "- Văn phòng Quốc hội;\n- Tòa án nhân dân tối cao;\n- Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam;\n"
            "- VPCP: BTCN, các PCN, Trợ lý TTg, các Vụ, Cục, Công báo;\n- Lưu: VT, KSTT (2b).\nTHỦ TƯỚNG\nPhạm Văn Hùng\n"
            "KẾ HOẠCH\nTriển khai thi hành Luật Dữ liệu\n(Kèm theo Quyết định số 512/QĐ-TTg ngày 14 tháng 4 năm 2025 của Thủ "
            "tướng Chính phủ)\n")


def _btc(articles: str) -> str:
    """A minister's decision issuing the ministry's plan, up to the plan's caption."""
    return ("BỘ TÀI CHÍNH\n-------\n" + _NATION + "Số: 1250/QĐ-BTC\nHà Nội, ngày 20 tháng 5 năm 2025\nQUYẾT ĐỊNH\n"
            "Về việc ban hành Kế hoạch cải cách hành chính năm 2025 của Bộ Tài chính\nBỘ TRƯỞNG BỘ TÀI CHÍNH\n"
            "Căn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền "
            "hạn và cơ cấu tổ chức của Bộ Tài chính;\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ "
            "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;\n"
            "Theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ.\nQUYẾT ĐỊNH:\n" + articles +
            "Nơi nhận:\n- Như Điều 3;\n- Bộ trưởng (để b/c);\n- Các Thứ trưởng;\n- Bộ Nội vụ;\n"
            "- Cổng thông tin điện tử Bộ Tài chính;\n- Lưu: VT, TCCB.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Văn Bình\n"
            "KẾ HOẠCH\nCải cách hành chính năm 2025 của Bộ Tài chính\n(Ban hành kèm theo Quyết định số 1250/QĐ-BTC ngày "
            "20/5/2025 của Bộ trưởng Bộ Tài chính)\n")


TTG_ARTICLES = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Dữ liệu.\n"
                "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.\n"
                "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban "
                "nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan, tổ chức có liên quan chịu trách nhiệm "
                "thi hành Quyết định này./.\n")
BTC_ARTICLES = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025 của Bộ Tài chính.\n"
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                "Điều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ, Vụ trưởng Vụ Pháp chế, Cục trưởng Cục Kế hoạch - "
                "Tài chính, Chánh Thanh tra Bộ và Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành Quyết định này./.\n")

ONE_TASK = "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
ONE_PAIR = [("III.1", ["Bộ Công an"], "assign")]
BO_TASK = "IV. TỔ CHỨC THỰC HIỆN\n1. Cục Y tế dự phòng chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
BO_PAIR = [("IV.1", ["Cục Y tế dự phòng"], "assign")]
BO_SIGN = ("Nơi nhận:\n- Thủ tướng Chính phủ (để b/c);\n- Phó Thủ tướng Lê Văn Thành (để b/c);\n- Bộ trưởng (để b/c);\n"
           "- Các Thứ trưởng;\n- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n- UBND các tỉnh, thành phố trực thuộc "
           "Trung ương;\n- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương (để thực hiện);\n- Các Vụ, Cục, Thanh tra Bộ, "
           "Văn phòng Bộ (để thực hiện);\n- Lưu: VT, DP.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn Cường\n")

# probes the parser does not pass yet: (id, layout) -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {
    (i, lay): r for lay in ("lines", "flat") for i, r in {
        # ('department-name-with-officer-word' passes since xfail2: name_ends.people_field_across)
    }.items()}

# (id, text, expected (ref, leads, mode) triples in order)
PROBES: list[tuple[str, str, list[tuple[str, list[str], str]]]] = [
    # --- a decision issuing a plan: its own articles, recipients and signature ---
    ("ttg-enforcement-clause", _ttg(TTG_ARTICLES) +
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTriển khai thi hành Luật kịp thời, đồng bộ, thống nhất.\n" + ONE_TASK,
     ONE_PAIR),
    ("ministry-enforcement-clause", _btc(BTC_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Vụ Tổ chức cán bộ là đơn vị đầu mối, theo dõi, đôn đốc các đơn vị triển khai Kế hoạch.\n",
     [("III.1", ["Vụ Tổ chức cán bộ"], "assign")]),
    ("article-giao-focal", _btc(
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025 của Bộ Tài chính.\n"
        "Điều 2. Giao Vụ Tổ chức cán bộ chủ trì, phối hợp với các đơn vị liên quan theo dõi, đôn đốc việc triển khai Kế "
        "hoạch này.\nĐiều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Bộ, Vụ trưởng Vụ Tổ chức cán bộ và "
        "Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm thi hành Quyết định này./.\n") +
     "III. TỔ CHỨC THỰC HIỆN\n1. Các đơn vị thuộc Bộ xây dựng kế hoạch chi tiết, hoàn thành trong tháng 6/2025.\n",
     [("Điều 2", ["Vụ Tổ chức cán bộ"], "assign"), ("III.1", ["Các đơn vị thuộc Bộ"], "assign")]),
    ("enforcement-provincial-departments", _ttg(
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai thi hành Luật Dữ liệu.\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Điều 3. Bộ trưởng Bộ Công an, Giám đốc Công an các tỉnh, thành phố trực thuộc trung ương và Thủ trưởng các cơ "
        "quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n") + ONE_TASK,
     ONE_PAIR),
    ("decision-then-purpose-only", _btc(BTC_ARTICLES) +
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng phục vụ người dân, doanh nghiệp của các đơn vị thuộc Bộ.\n"
     "2. Yêu cầu\nCác đơn vị được giao chủ trì nhiệm vụ có trách nhiệm hoàn thành đúng tiến độ, chất lượng.\n"
     "II. NHIỆM VỤ\n1. Cục Tin học và Thống kê tài chính chủ trì cung cấp dịch vụ công trực tuyến toàn trình.\n",
     [("II.1", ["Cục Tin học và Thống kê tài chính"], "assign")]),
    ("ubtvqh-articles", "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n-------\n" + _NATION + "Nghị quyết số: 1450/NQ-UBTVQH15\n"
     "Hà Nội, ngày 15 tháng 3 năm 2025\nNGHỊ QUYẾT\nBan hành Kế hoạch triển khai thi hành Luật Tổ chức Quốc hội\n"
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nCăn cứ Luật Tổ chức Quốc hội "
     "số 57/2014/QH13;\nQUYẾT NGHỊ:\nĐiều 1. Ban hành kèm theo Nghị quyết này Kế hoạch triển khai thi hành Luật.\n"
     "Điều 2. Nghị quyết này có hiệu lực kể từ ngày ký.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Văn Mạnh\n"
     "KẾ HOẠCH\nTriển khai thi hành Luật Tổ chức Quốc hội\n(Ban hành kèm theo Nghị quyết số 1450/NQ-UBTVQH15)\n"
     "I. NHIỆM VỤ\n1. Ủy ban Pháp luật và Tư pháp chủ trì, phối hợp với Văn phòng Quốc hội rà soát các văn bản có liên "
     "quan, hoàn thành trong Quý II/2025.\n",
     [("I.1", ["Ủy ban Pháp luật và Tư pháp"], "assign")]),
    ("ubtvqh-article-request", "ỦY BAN THƯỜNG VỤ QUỐC HỘI\n-------\n" + _NATION + "Nghị quyết số: 1450/NQ-UBTVQH15\n"
     "Hà Nội, ngày 15 tháng 3 năm 2025\nNGHỊ QUYẾT\nBan hành Kế hoạch giám sát chuyên đề năm 2025\n"
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân;\nQUYẾT NGHỊ:\n"
     "Điều 1. Ban hành kèm theo Nghị quyết này Kế hoạch giám sát chuyên đề năm 2025.\n"
     "Điều 2. Đề nghị Chính phủ, Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao chỉ đạo các cơ quan liên quan "
     "chuẩn bị báo cáo phục vụ giám sát.\nĐiều 3. Nghị quyết này có hiệu lực kể từ ngày ký.\n"
     "TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Văn Mạnh\n",
     [("Điều 2", ["Chính phủ", "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao"], "request")]),
    # --- opening paragraph, legal basis ---
    ("plan-intro-issuer", BO +
     "Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2025 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch "
     "phát triển kinh tế - xã hội năm 2025; Chỉ thị số 05/CT-TTg ngày 12/02/2025 của Thủ tướng Chính phủ, Bộ Y tế ban "
     "hành Kế hoạch triển khai với các nội dung sau:\nI. MỤC ĐÍCH\nChủ động phòng, chống dịch bệnh.\n" + BO_TASK,
     BO_PAIR),
    ("intro-quotes-assignment", BO +
     "Tại Nghị quyết số 01/NQ-CP, Chính phủ giao Bộ Y tế chủ trì xây dựng Đề án nâng cao năng lực y tế cơ sở, trình "
     "Thủ tướng Chính phủ trong năm 2025. Để thực hiện nhiệm vụ được giao, Bộ Y tế ban hành Kế hoạch như sau:\n"
     "I. MỤC ĐÍCH\nHoàn thành Đề án đúng tiến độ.\n" + BO_TASK,
     BO_PAIR),
    ("basis-section", BO +
     "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n- Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n- Nghị quyết số 03/NQ-CP "
     "ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động, trong đó giao Bộ Y tế chủ trì xây dựng cơ sở dữ liệu "
     "y tế quốc gia.\n" + BO_TASK,
     BO_PAIR),
    ("plan-replaces", BO + BO_TASK + "2. Kế hoạch này thay thế Kế hoạch số 120/KH-BYT ngày 05/3/2024 của Bộ Y tế.\n",
     BO_PAIR),
    # --- Mục đích, yêu cầu ---
    ("purpose-responsibilities", _ttg(TTG_ARTICLES) +
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Xác định cụ thể nội dung công việc, thời hạn, tiến độ hoàn thành và trách "
     "nhiệm của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung "
     "ương trong việc triển khai thi hành Luật.\n- Nâng cao nhận thức và trách nhiệm của các cấp, các ngành.\n" + ONE_TASK,
     ONE_PAIR),
    ("requirement-lead-role", _ttg(TTG_ARTICLES) +
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\n- Phát huy vai trò chủ trì của Bộ Công an trong việc phối hợp với các bộ, ngành, "
     "địa phương triển khai thi hành Luật.\n- Bảo đảm sự chỉ đạo thống nhất của Chính phủ, Thủ tướng Chính phủ; sự phối "
     "hợp chặt chẽ giữa Bộ Công an với Bộ Tư pháp và các cơ quan có liên quan.\n" + ONE_TASK,
     ONE_PAIR),
    ("requirement-units-assigned", BO +
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\n- Các Vụ, Cục, đơn vị thuộc Bộ được giao chủ trì nhiệm vụ phải hoàn thành đúng "
     "tiến độ, chất lượng.\n- Người đứng đầu các đơn vị được giao nhiệm vụ chịu trách nhiệm trước Bộ trưởng về kết quả "
     "thực hiện.\n" + BO_TASK,
     BO_PAIR),
    ("purpose-awareness-units", BO +
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức, trách nhiệm của công chức, viên chức các Vụ, Cục, Văn phòng "
     "Bộ, Thanh tra Bộ và các đơn vị sự nghiệp trực thuộc Bộ về phòng, chống dịch bệnh.\n" + BO_TASK,
     BO_PAIR),
    # --- results, situation, limitations ---
    ("results-ministry-year", BO +
     "I. KẾT QUẢ THỰC HIỆN NĂM 2024\nNăm 2024, Bộ đã ban hành 15 Thông tư; Vụ Pháp chế đã chủ trì rà soát 320 văn bản quy "
     "phạm pháp luật; Thanh tra Bộ đã tiến hành 12 cuộc thanh tra chuyên ngành.\nII. NHIỆM VỤ NĂM 2025\n"
     "1. Vụ Pháp chế chủ trì rà soát, hệ thống hóa văn bản quy phạm pháp luật, hoàn thành trong Quý IV/2025.\n",
     [("II.1", ["Vụ Pháp chế"], "assign")]),
    ("results-by-unit", BO +
     "I. ĐÁNH GIÁ KẾT QUẢ NĂM 2024\n1. Cục Quản lý Dược: cấp mới 1.250 giấy đăng ký lưu hành thuốc.\n2. Cục An toàn "
     "thực phẩm: phối hợp với các địa phương kiểm tra 3.400 cơ sở sản xuất, kinh doanh thực phẩm.\n" + BO_TASK,
     BO_PAIR),
    ("limitations-national", _ttg(TTG_ARTICLES) +
     "I. TÌNH HÌNH THỰC HIỆN\n2. Tồn tại, hạn chế\n- Một số bộ, ngành, địa phương chưa ban hành kế hoạch triển khai; Ủy "
     "ban nhân dân một số tỉnh báo cáo còn chậm.\n3. Nguyên nhân\nCông tác phối hợp giữa các bộ, ngành có lúc chưa chặt "
     "chẽ; Bộ Công an chưa kịp thời tổng hợp khó khăn, vướng mắc.\n" + ONE_TASK,
     ONE_PAIR),
    ("situation-then-assign", BO +
     "I. TÌNH HÌNH DỊCH BỆNH\nTừ đầu năm 2025, Cục Y tế dự phòng đã ghi nhận 12.000 ca mắc sốt xuất huyết; Viện Vệ sinh "
     "dịch tễ Trung ương đã giám sát tại 20 tỉnh.\nII. NHIỆM VỤ\n1. Viện Vệ sinh dịch tễ Trung ương chủ trì giám sát "
     "dịch tễ tại các tỉnh khu vực phía Bắc.\n",
     [("II.1", ["Viện Vệ sinh dịch tễ Trung ương"], "assign")]),
    # --- targets ---
    ("targets-ministries", _ttg(TTG_ARTICLES) +
     "II. MỤC TIÊU\n2. Mục tiêu cụ thể\n- Phấn đấu đến hết năm 2025, 100% bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc trung ương kết nối, chia sẻ dữ liệu với Trung tâm dữ liệu quốc gia.\n- 100% các đơn vị thuộc "
     "Bộ Công an cập nhật dữ liệu dân cư.\n" + ONE_TASK,
     ONE_PAIR),
    ("target-in-tasks-no-actor", BO +
     "II. NHIỆM VỤ\n1. Phấn đấu hoàn thành 100% nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao cho Bộ Y tế đúng thời hạn.\n"
     "2. Cục Y tế dự phòng chủ trì hướng dẫn các địa phương tiêm chủng mở rộng.\n",
     [("II.2", ["Cục Y tế dự phòng"], "assign")]),
    ("targets-for-hospitals", BO +
     "II. CHỈ TIÊU\n1. Đối với các bệnh viện trực thuộc Bộ: 100% triển khai bệnh án điện tử trước ngày 30/9/2025.\n"
     "2. Đối với Sở Y tế các tỉnh, thành phố: 95% trạm y tế xã triển khai hồ sơ sức khỏe điện tử.\n" + BO_TASK,
     BO_PAIR),
    # --- focal bodies, 'Giao' ---
    ("giao-vu-focal", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Giao Vụ Pháp chế làm đầu mối, theo dõi, đôn đốc, tổng hợp tình hình thực hiện Kế hoạch, "
     "báo cáo Bộ trưởng.\n",
     [("IV.1", ["Vụ Pháp chế"], "assign")]),
    ("focal-is-office", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Bộ là đơn vị đầu mối, có trách nhiệm giúp Bộ trưởng theo dõi, đôn đốc các đơn "
     "vị thực hiện Kế hoạch.\n",
     [("IV.1", ["Văn phòng Bộ"], "assign")]),
    ("giao-unit-submit-minister", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Giao Cục Công nghệ thông tin chủ trì, phối hợp với Văn phòng Bộ, Vụ Kế hoạch - Tài chính "
     "xây dựng phần mềm theo dõi, trình Bộ trưởng phê duyệt trong Quý III/2025.\n",
     [("IV.1", ["Cục Công nghệ thông tin"], "assign")]),
    ("bcd-standing-body", BCD +
     "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Y tế là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm theo dõi, đôn đốc các bộ, "
     "ngành, địa phương thực hiện Kế hoạch.\n",
     [("III.1", ["Bộ Y tế"], "assign")]),
    # --- collectives ---
    ("collective-based-on-plan", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Các bộ, ngành, địa phương căn cứ Kế hoạch này chủ động xây dựng kế hoạch triển khai tại bộ, ngành, địa phương "
     "mình, hoàn thành trong tháng 5/2025.\n",
     [*ONE_PAIR, ("III.2", ["Các bộ, ngành, địa phương"], "assign")]),
    ("collective-unit-heads", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ căn cứ chức năng, nhiệm vụ được giao tổ chức "
     "triển khai Kế hoạch này.\n",
     [("IV.1", ["Thủ trưởng các Vụ, Cục, đơn vị thuộc Bộ"], "assign")]),
    ("provinces-direct-departments", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chỉ đạo Công an tỉnh, Sở Tài "
     "chính và các cơ quan liên quan bố trí nguồn lực thực hiện Kế hoạch.\n",
     [("III.1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "assign")]),
    ("collective-assigned-bodies", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Các cơ quan được giao chủ trì thực hiện nhiệm vụ tại Kế hoạch này có trách nhiệm tổ chức thực hiện đúng tiến độ, "
     "báo cáo kết quả về Bộ Công an trước ngày 15/12 hằng năm.\n",
     [*ONE_PAIR, ("III.2", ["Các cơ quan được giao chủ trì thực hiện nhiệm vụ tại Kế hoạch này"], "assign")]),
    ("action-programme-officers", "CHÍNH PHỦ\n-------\n" + _NATION + "Số: 45/NQ-CP\nHà Nội, ngày 05 tháng 3 năm 2025\n"
     "NGHỊ QUYẾT\nBan hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW\n"
     "CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. MỤC TIÊU\nTạo chuyển biến mạnh mẽ trong phát triển khoa học, công nghệ.\n"
     "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n1. Hoàn thiện thể chế\nRà soát, sửa đổi các quy định về quản lý khoa học, công "
     "nghệ.\nIII. TỔ CHỨC THỰC HIỆN\n1. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy "
     "ban nhân dân các tỉnh, thành phố trực thuộc trung ương căn cứ Chương trình hành động này xây dựng kế hoạch thực "
     "hiện, hoàn thành trong tháng 4/2025.\n",
     [("III.1", ["Các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                 "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "assign")]),
    # --- requests ---
    ("request-party-commission", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Đề nghị Ban Tuyên giáo và Dân vận Trung ương chỉ đạo, định hướng công tác tuyên truyền về Luật.\n",
     [*ONE_PAIR, ("III.2", ["Ban Tuyên giáo và Dân vận Trung ương"], "request")]),
    ("request-front-unions", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Tổng Liên đoàn Lao động Việt Nam, Hội Nông dân Việt Nam "
     "phối hợp tuyên truyền, vận động hội viên thực hiện.\n",
     [*ONE_PAIR, ("III.2", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam",
                            "Hội Nông dân Việt Nam"], "request")]),
    ("ministry-asks-provinces", BO + BO_TASK +
     "2. Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở Y tế xây dựng kế hoạch phòng, "
     "chống dịch bệnh tại địa phương.\n",
     [*BO_PAIR, ("IV.2", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "request")]),
    ("request-heading-bullets", BO + BO_TASK +
     "2. Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:\n- Chỉ đạo các cơ quan chuyên môn triển khai "
     "Kế hoạch tại địa phương.\n- Bố trí kinh phí cho công tác phòng, chống dịch bệnh.\n",
     [*BO_PAIR, ("IV.2", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "request"),
      ("IV.2", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "request")]),
    # --- duties split by body heading ---
    ("unit-headings-bullets", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Vụ Pháp chế\n- Chủ trì, phối hợp với các đơn vị thuộc Bộ rà soát văn bản quy phạm pháp "
     "luật.\n- Phối hợp với Văn phòng Bộ tổ chức hội nghị phổ biến pháp luật.\n2. Thanh tra Bộ\n- Chủ trì thanh tra việc "
     "chấp hành pháp luật về y tế dự phòng.\n",
     [("IV.1", ["Vụ Pháp chế"], "assign"), ("IV.1", ["Vụ Pháp chế"], "assign"), ("IV.2", ["Thanh tra Bộ"], "assign")]),
    ("responsibility-of-headings", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của Bộ Công an\na) Chủ trì tổ chức triển khai Kế hoạch.\nb) Tổng hợp, báo "
     "cáo Thủ tướng Chính phủ kết quả thực hiện.\n2. Trách nhiệm của các bộ, cơ quan ngang bộ\na) Rà soát văn bản thuộc "
     "phạm vi quản lý.\n",
     [("III.1.a", ["Bộ Công an"], "assign"), ("III.1.b", ["Bộ Công an"], "assign"),
      ("III.2.a", ["các bộ, cơ quan ngang bộ"], "assign")]),
    ("heading-unit-partner-first", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n3. Văn phòng Bộ\nPhối hợp với Vụ Kế hoạch - Tài chính bố trí kinh phí; chủ trì tổ chức hội "
     "nghị sơ kết 6 tháng.\n",
     [("IV.3", ["Văn phòng Bộ"], "assign")]),
    ("general-departments-2024", "BỘ TÀI CHÍNH\n-------\n" + _NATION + "Số: 85/KH-BTC\nHà Nội, ngày 10 tháng 4 năm 2024\n"
     "KẾ HOẠCH\nTriển khai Luật Quản lý thuế\nIII. TỔ CHỨC THỰC HIỆN\n1. Tổng cục Thuế\nChủ trì hướng dẫn người nộp thuế "
     "thực hiện hóa đơn điện tử.\n2. Tổng cục Hải quan\nChủ trì triển khai thủ tục hải quan điện tử.\n",
     [("III.1", ["Tổng cục Thuế"], "assign"), ("III.2", ["Tổng cục Hải quan"], "assign")]),
    ("units-dash-under-collective", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n2. Các đơn vị thuộc Bộ\n- Vụ Hợp tác quốc tế: chủ trì vận động nguồn viện trợ cho công tác "
     "phòng, chống dịch.\n- Cục Công nghệ thông tin: chủ trì xây dựng hệ thống giám sát bệnh truyền nhiễm.\n",
     [("IV.2", ["Vụ Hợp tác quốc tế"], "assign"), ("IV.2", ["Cục Công nghệ thông tin"], "assign")]),
    ("issuer-heading-tasks", "BỘ TÀI CHÍNH\n-------\n" + _NATION + "Số: 85/KH-BTC\nHà Nội, ngày 10 tháng 4 năm 2025\n"
     "KẾ HOẠCH\nThực hiện Chỉ thị số 05/CT-TTg\nII. NHIỆM VỤ CỦA BỘ TÀI CHÍNH\n1. Rà soát các thủ tục hành chính thuộc "
     "phạm vi quản lý.\n2. Phối hợp với Bộ Tư pháp hoàn thiện cơ sở dữ liệu quốc gia về pháp luật.\n",
     [("II.1", ["Bộ Tài chính"], "assign"), ("II.2", ["Bộ Tài chính"], "assign")]),
    ("ministry-addresses-provincial-departments", BO + BO_TASK +
     "3. Sở Y tế các tỉnh, thành phố trực thuộc Trung ương\n- Tham mưu Ủy ban nhân dân cấp tỉnh ban hành kế hoạch phòng, "
     "chống dịch bệnh.\n",
     [*BO_PAIR, ("IV.3", ["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"], "assign")]),
    # --- labelled lines and annex tables ---
    ("labelled-product-bodies", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Xây dựng Nghị định quy định chi tiết Luật\n- Cơ quan chủ trì: Bộ Công an.\n- Cơ quan phối hợp: "
     "Bộ Tư pháp, Văn phòng Chính phủ, các bộ, cơ quan ngang bộ.\n- Thời gian hoàn thành: Quý III/2025.\n- Sản phẩm: "
     "Nghị định của Chính phủ; Báo cáo của Bộ Công an gửi Thủ tướng Chính phủ.\n",
     [("II.1", ["Bộ Công an"], "assign")]),
    ("labelled-executing-collective", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Rà soát văn bản quy phạm pháp luật\n- Cơ quan thực hiện: Các bộ, cơ quan ngang bộ, cơ quan thuộc "
     "Chính phủ; Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\n- Thời gian thực hiện: Năm 2025.\n",
     [("II.1", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "assign")]),
    ("labelled-partner-requested", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Tuyên truyền, phổ biến Luật\n- Cơ quan chủ trì: Bộ Tư pháp.\n- Cơ quan phối hợp: Ủy ban Trung "
     "ương Mặt trận Tổ quốc Việt Nam, Đài Truyền hình Việt Nam.\n- Thời gian: Thường xuyên.\n",
     [("II.1", ["Bộ Tư pháp"], "assign")]),
    ("annex-national-table", _ttg(TTG_ARTICLES) + ONE_TASK +
     "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH LUẬT DỮ LIỆU\n(Kèm theo Quyết định số 512/QĐ-TTg ngày 14 tháng 4 "
     "năm 2025 của Thủ tướng Chính phủ)\n"
     "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm |\n"
     "|---|---|---|---|---|---|\n| I | XÂY DỰNG VĂN BẢN QUY ĐỊNH CHI TIẾT | | | | |\n"
     "| 1 | Xây dựng Nghị định quy định chi tiết Luật | Bộ Công an | Bộ Tư pháp, Văn phòng Chính phủ | Tháng 10/2025 | "
     "Nghị định của Chính phủ |\n"
     "| 2 | Xây dựng Thông tư hướng dẫn chế độ tài chính | Bộ Tài chính | Các bộ, cơ quan ngang bộ | Quý IV/2025 | "
     "Thông tư của Bộ trưởng Bộ Tài chính |\n| II | TUYÊN TRUYỀN, PHỔ BIẾN | | | | |\n"
     "| 1 | Tuyên truyền trên các phương tiện thông tin đại chúng | Bộ Văn hóa, Thể thao và Du lịch | Đài Truyền hình "
     "Việt Nam, Thông tấn xã Việt Nam | Thường xuyên | Chương trình, tin bài |\n",
     [*ONE_PAIR, ("PL.I.1", ["Bộ Công an"], "assign"), ("PL.I.2", ["Bộ Tài chính"], "assign"),
      ("PL.II.1", ["Bộ Văn hóa, Thể thao và Du lịch"], "assign")]),
    ("annex-group-row-collective", _ttg(TTG_ARTICLES) + ONE_TASK +
     "PHỤ LỤC\nPHÂN CÔNG NHIỆM VỤ\n| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |\n|---|---|---|---|---|\n"
     "| A | NHIỆM VỤ CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG | | | |\n"
     "| 1 | Rà soát cơ sở dữ liệu chuyên ngành | Các bộ, cơ quan ngang bộ; Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
     "trung ương | Bộ Công an | Quý III/2025 |\n| 2 | Tổ chức tập huấn cho cán bộ làm công tác dữ liệu | | | Năm 2025 |\n",
     [*ONE_PAIR, ("PL.A.1", ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
                  "assign")]),
    ("annex-note-column", BO + BO_TASK +
     "PHỤ LỤC\n| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian | Ghi chú |\n|---|---|---|---|---|---|\n"
     "| 1 | Giám sát bệnh truyền nhiễm | Cục Y tế dự phòng | Các Viện Vệ sinh dịch tễ | Hằng tháng | Báo cáo Bộ trưởng "
     "và Văn phòng Chính phủ |\n",
     [*BO_PAIR, ("PL.1", ["Cục Y tế dự phòng"], "assign")]),
    ("annex-title-only", BO + BO_TASK + BO_SIGN +
     "PHỤ LỤC\nDANH MỤC CÁC VĂN BẢN GIAO CÁC VỤ, CỤC THUỘC BỘ CHỦ TRÌ SOẠN THẢO\n(Kèm theo Kế hoạch số 310/KH-BYT ngày "
     "12/3/2025 của Bộ Y tế)\n",
     BO_PAIR),
    # --- funding ---
    ("funding-sources-national", _ttg(TTG_ARTICLES) + ONE_TASK +
     "IV. KINH PHÍ THỰC HIỆN\nKinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước trong dự toán chi "
     "thường xuyên hằng năm của các bộ, cơ quan trung ương và địa phương theo phân cấp ngân sách hiện hành và các "
     "nguồn hợp pháp khác.\n",
     ONE_PAIR),
    ("funding-units-estimate", BO + BO_TASK +
     "V. KINH PHÍ\nCác đơn vị thuộc Bộ căn cứ nhiệm vụ được giao lập dự toán kinh phí, gửi Vụ Kế hoạch - Tài chính tổng "
     "hợp, trình Bộ trưởng phê duyệt.\n",
     [*BO_PAIR, ("V", ["Các đơn vị thuộc Bộ"], "assign")]),
    ("funding-of-ministry", BO + BO_TASK +
     "V. KINH PHÍ\nKinh phí thực hiện các nhiệm vụ của Bộ Y tế được bảo đảm từ nguồn ngân sách nhà nước giao cho Bộ Y tế "
     "và nguồn tài trợ của Tổ chức Y tế Thế giới (WHO).\n",
     BO_PAIR),
    ("funding-ministry-guides", _ttg(TTG_ARTICLES) + ONE_TASK +
     "IV. KINH PHÍ THỰC HIỆN\nBộ Tài chính hướng dẫn các bộ, cơ quan, địa phương lập dự toán, quản lý, sử dụng kinh phí "
     "thực hiện Kế hoạch.\n",
     [*ONE_PAIR, ("IV", ["Bộ Tài chính"], "assign")]),
    # --- recipients, signatures ---
    ("ministry-recipients-after-plan", BO + BO_TASK + BO_SIGN, BO_PAIR),
    ("bcd-signature", BCD +
     "III. TỔ CHỨC THỰC HIỆN\n1. Các thành viên Ban Chỉ đạo chỉ đạo triển khai Kế hoạch trong lĩnh vực được phân công.\n"
     "Nơi nhận:\n- Thủ tướng Chính phủ (để b/c);\n- Các thành viên Ban Chỉ đạo;\n- Tổ giúp việc Ban Chỉ đạo;\n- Lưu: VT, "
     "BCĐ.\nTM. BAN CHỈ ĐẠO\nKT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nBỘ TRƯỞNG BỘ Y TẾ\nĐào Hồng Lan\n",
     [("III.1", ["Các thành viên Ban Chỉ đạo"], "assign")]),
    # --- a steering committee's composition and working regime ---
    ("bcd-composition", BCD +
     "I. THÀNH PHẦN BAN CHỈ ĐẠO\n1. Trưởng Ban: Phó Thủ tướng Chính phủ.\n2. Phó Trưởng ban thường trực: Bộ trưởng Bộ Y "
     "tế.\n3. Các Ủy viên: Thứ trưởng các Bộ: Công an, Tài chính, Nội vụ; Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc "
     "Việt Nam.\nII. NHIỆM VỤ\n1. Tổ giúp việc Ban Chỉ đạo chuẩn bị nội dung các phiên họp.\n",
     [("II.1", ["Tổ giúp việc Ban Chỉ đạo"], "assign")]),
    ("bcd-founded-by", BCD +
     "I. CƠ SỞ\nBan Chỉ đạo được thành lập theo Quyết định số 1020/QĐ-TTg ngày 20/8/2024 của Thủ tướng Chính phủ, do "
     "Phó Thủ tướng Chính phủ làm Trưởng ban, Bộ Y tế là cơ quan thường trực.\nII. NHIỆM VỤ\n1. Tổ giúp việc Ban Chỉ đạo "
     "chuẩn bị nội dung các phiên họp.\n",
     [("II.1", ["Tổ giúp việc Ban Chỉ đạo"], "assign")]),
    ("bcd-members-regime", BCD +
     "I. CHẾ ĐỘ LÀM VIỆC\nCác thành viên Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm; Ban Chỉ đạo sử dụng con dấu của Bộ "
     "Y tế.\nII. NHIỆM VỤ\n1. Tổ giúp việc Ban Chỉ đạo chuẩn bị nội dung các phiên họp.\n",
     [("II.1", ["Tổ giúp việc Ban Chỉ đạo"], "assign")]),
    # --- partners, objects, bodies submitted or reported to ---
    ("consult-ministries", BO +
     "II. NHIỆM VỤ\n1. Vụ Pháp chế lấy ý kiến các bộ, ngành, địa phương và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam "
     "đối với dự thảo Thông tư.\n",
     [("II.1", ["Vụ Pháp chế"], "assign")]),
    ("international-partners", BO +
     "II. NHIỆM VỤ\n1. Vụ Hợp tác quốc tế chủ trì, phối hợp với Ngân hàng Thế giới, Cơ quan Hợp tác quốc tế Nhật Bản "
     "(JICA) và Chương trình Phát triển Liên hợp quốc (UNDP) huy động nguồn lực.\n",
     [("II.1", ["Vụ Hợp tác quốc tế"], "assign")]),
    ("no-actor-submit-government", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Xây dựng văn bản\nXây dựng, trình Chính phủ ban hành Nghị định quy định chi tiết Luật trong Quý "
     "III/2025; lấy ý kiến Bộ Tư pháp, Văn phòng Chính phủ.\n" + ONE_TASK,
     ONE_PAIR),
    ("no-actor-guide-provinces", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Hướng dẫn thi hành\nHướng dẫn Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức "
     "thu thập dữ liệu; kiểm tra các bộ, ngành trong việc cập nhật dữ liệu.\n" + ONE_TASK,
     ONE_PAIR),
    ("after-appraisal", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Trên cơ sở ý kiến thẩm định của Bộ Tư pháp, Bộ Công an hoàn thiện dự thảo Nghị định, "
     "trình Chính phủ trong tháng 11/2025.\n",
     [("III.1", ["Bộ Công an"], "assign")]),
    ("upon-proposals", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Căn cứ đề xuất của các bộ, ngành, Bộ Tài chính tổng hợp, cân đối kinh phí thực hiện.\n",
     [("III.1", ["Bộ Tài chính"], "assign")]),
    ("conference-chaired", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Tổ chức Hội nghị toàn quốc triển khai Luật do Phó Thủ tướng Chính phủ chủ trì; Bộ Công "
     "an chuẩn bị nội dung, tài liệu hội nghị trong tháng 5/2025.\n",
     [("III.1", ["Bộ Công an"], "assign")]),
    ("report-via-department", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Định kỳ hằng năm, trước ngày 15/12, các bộ, cơ quan, địa phương báo cáo kết quả thực hiện về Bộ Công an (qua "
     "Cục Cảnh sát quản lý hành chính về trật tự xã hội) để tổng hợp, báo cáo Thủ tướng Chính phủ.\n",
     [*ONE_PAIR, ("III.2", ["các bộ, cơ quan, địa phương"], "assign")]),
    ("closing-no-subject", BO + BO_TASK +
     "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời báo cáo Bộ trưởng (qua Cục Y tế dự phòng) để xem "
     "xét, chỉ đạo./.\n",
     BO_PAIR),
    ("guide-provincial-departments", BO +
     "II. NHIỆM VỤ\n1. Cục Y tế dự phòng hướng dẫn Sở Y tế các tỉnh, thành phố trực thuộc Trung ương, Trung tâm Kiểm soát "
     "bệnh tật các tỉnh triển khai giám sát dịch bệnh.\n",
     [("II.1", ["Cục Y tế dự phòng"], "assign")]),
    ("minister-presides", BO +
     "II. NHIỆM VỤ\n1. Hội nghị sơ kết\nTổ chức Hội nghị sơ kết 6 tháng do Bộ trưởng chủ trì, với sự tham dự của lãnh đạo "
     "Sở Y tế các tỉnh; Văn phòng Bộ chuẩn bị hội trường, trang thiết bị.\n",
     [("II.1", ["Văn phòng Bộ"], "assign")]),
    # --- second batch (written after the first run): unit names holding verbs, articles after the body, past tense ---
    ("unit-names-with-verbs", "BỘ TƯ PHÁP\n-------\n" + _NATION + "Số: 40/KH-BTP\nHà Nội, ngày 12 tháng 3 năm 2025\n"
     "KẾ HOẠCH\nCông tác trợ giúp pháp lý năm 2025\nIII. TỔ CHỨC THỰC HIỆN\n1. Cục Trợ giúp pháp lý chủ trì, phối hợp với "
     "các đơn vị thuộc Bộ tổ chức thực hiện Kế hoạch.\n2. Cục Công nghệ thông tin chủ trì xây dựng phần mềm quản lý vụ "
     "việc trợ giúp pháp lý.\n3. Vụ Các vấn đề chung về xây dựng pháp luật phối hợp rà soát văn bản có liên quan.\n",
     [("III.1", ["Cục Trợ giúp pháp lý"], "assign"), ("III.2", ["Cục Công nghệ thông tin"], "assign"),
      ("III.3", ["Vụ Các vấn đề chung về xây dựng pháp luật"], "assign")]),
    ("unit-names-with-verbs-headings", "BỘ CÔNG AN\n-------\n" + _NATION + "Số: 12/KH-BCA\nHà Nội, ngày 12 tháng 3 năm 2025\n"
     "KẾ HOẠCH\nBảo đảm an toàn thông tin năm 2025\nIII. TỔ CHỨC THỰC HIỆN\n1. Cục An toàn thông tin\n- Chủ trì giám sát "
     "an toàn hệ thống thông tin.\n2. Cục Quản lý, giám sát bảo hiểm\n- Phối hợp bảo đảm an toàn dữ liệu bảo hiểm.\n",
     [("III.1", ["Cục An toàn thông tin"], "assign"), ("III.2", ["Cục Quản lý, giám sát bảo hiểm"], "assign")]),
    ("unions-list", BO + BO_TASK +
     "2. Đề nghị Tổng Liên đoàn Lao động Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam tuyên truyền cho đoàn viên, hội viên.\n",
     [*BO_PAIR, ("IV.2", ["Tổng Liên đoàn Lao động Việt Nam", "Hội Liên hiệp Phụ nữ Việt Nam"], "request")]),
    ("past-minister-assigned", BO +
     "I. KẾT QUẢ NĂM 2024\nNăm 2024, Bộ trưởng đã giao Cục Y tế dự phòng chủ trì triển khai chiến dịch tiêm chủng; Thủ "
     "tướng Chính phủ đã giao Bộ Y tế xây dựng Đề án tại Quyết định số 20/QĐ-TTg.\n" + BO_TASK,
     BO_PAIR),
    ("past-units-implemented", BO +
     "I. KẾT QUẢ\nThực hiện Kế hoạch số 120/KH-BYT năm 2024, các đơn vị thuộc Bộ đã triển khai đồng bộ các nhiệm vụ; Văn "
     "phòng Bộ đã tổng hợp, báo cáo đúng hạn.\n" + BO_TASK,
     BO_PAIR),
    ("aim-body-strives", BO +
     "II. MỤC TIÊU\nNăm 2025, Bộ Y tế phấn đấu 100% bệnh viện trực thuộc triển khai bệnh án điện tử; các Viện Vệ sinh "
     "dịch tễ đạt chuẩn phòng xét nghiệm an toàn sinh học cấp III.\n" + BO_TASK,
     BO_PAIR),
    ("ministry-asks-provinces-inline", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo Sở Y tế "
     "triển khai Kế hoạch tại địa phương.\n",
     [("IV.1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"], "request")]),
    ("minister-requires-unit-heads", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Bộ trưởng yêu cầu Thủ trưởng các đơn vị thuộc Bộ nghiêm túc triển khai Kế hoạch này.\n",
     [("IV.1", ["Thủ trưởng các đơn vị thuộc Bộ"], "assign")]),
    ("deputy-ministers", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Các đồng chí Thứ trưởng theo lĩnh vực được phân công trực tiếp chỉ đạo các đơn vị triển "
     "khai Kế hoạch.\n",
     [("IV.1", ["Các đồng chí Thứ trưởng"], "assign")]),
    ("labelled-one-line", _ttg(TTG_ARTICLES) +
     "II. NỘI DUNG\n1. Sắp xếp tổ chức bộ máy\n- Cơ quan chủ trì: Bộ Nội vụ; cơ quan phối hợp: Bộ Tài chính, Bộ Tư pháp; "
     "thời gian hoàn thành: Quý II/2025.\n",
     [("II.1", ["Bộ Nội vụ"], "assign")]),
    ("resolution-articles-duties", "CHÍNH PHỦ\n-------\n" + _NATION + "Số: 60/NQ-CP\nHà Nội, ngày 05 tháng 4 năm 2025\n"
     "NGHỊ QUYẾT\nVề giải pháp thúc đẩy giải ngân vốn đầu tư công\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 "
     "tháng 02 năm 2025;\nQUYẾT NGHỊ:\nĐiều 1. Về tình hình giải ngân\nChính phủ đánh giá cao nỗ lực của các bộ, ngành, "
     "địa phương; tuy nhiên tỷ lệ giải ngân còn thấp.\nĐiều 2. Tổ chức thực hiện\n1. Bộ Tài chính chủ trì tổng hợp tình "
     "hình giải ngân, báo cáo Thủ tướng Chính phủ hằng tháng.\n2. Các bộ, cơ quan trung ương và địa phương rà soát, điều "
     "chuyển vốn của các dự án chậm giải ngân.\nĐiều 3. Nghị quyết này có hiệu lực thi hành kể từ ngày ký.\nĐiều 4. Các "
     "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, "
     "thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị quyết này./.\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nPhạm Văn Hùng\n",
     [("Điều 2.1", ["Bộ Tài chính"], "assign"), ("Điều 2.2", ["Các bộ, cơ quan trung ương và địa phương"], "assign")]),
    ("approval-decision-enforcement-after", "THỦ TƯỚNG CHÍNH PHỦ\n-------\n" + _NATION + "Số: 800/QĐ-TTg\nHà Nội, ngày 05 "
     "tháng 6 năm 2025\nQUYẾT ĐỊNH\nPhê duyệt Đề án phát triển nguồn nhân lực ngành bán dẫn\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ "
     "Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Phê duyệt Đề án với những nội dung chủ yếu "
     "sau:\nI. MỤC TIÊU\nĐến năm 2030, đào tạo 50.000 kỹ sư bán dẫn.\nII. TỔ CHỨC THỰC HIỆN\n1. Bộ Giáo dục và Đào tạo "
     "chủ trì tổ chức thực hiện Đề án.\nĐiều 2. Quyết định này có hiệu lực thi hành từ ngày ký ban hành.\nĐiều 3. Các Bộ "
     "trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành "
     "phố trực thuộc trung ương chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT, KGVX.\n"
     "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nNguyễn Văn Long\n",
     [("II.1", ["Bộ Giáo dục và Đào tạo"], "assign")]),
    ("approval-decision-giao-after", "BỘ TƯ PHÁP\n-------\n" + _NATION + "Số: 900/QĐ-BTP\nHà Nội, ngày 05 tháng 6 năm "
     "2025\nQUYẾT ĐỊNH\nPhê duyệt Đề án tăng cường công tác phổ biến pháp luật\nBỘ TRƯỞNG BỘ TƯ PHÁP\nQUYẾT ĐỊNH:\n"
     "Điều 1. Phê duyệt Đề án với những nội dung sau:\nI. MỤC TIÊU\nNâng cao ý thức chấp hành pháp luật.\nII. TỔ CHỨC "
     "THỰC HIỆN\n1. Vụ Phổ biến, giáo dục pháp luật chủ trì tổ chức thực hiện Đề án.\nĐiều 2. Quyết định này có hiệu lực "
     "kể từ ngày ký.\nĐiều 3. Chánh Văn phòng Bộ, Vụ trưởng Vụ Phổ biến, giáo dục pháp luật và Thủ trưởng các đơn vị có "
     "liên quan chịu trách nhiệm thi hành Quyết định này./.\n",
     [("II.1", ["Vụ Phổ biến, giáo dục pháp luật"], "assign")]),
    ("bcd-office-of", BCD +
     "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Ban Chỉ đạo (Cục Y tế dự phòng, Bộ Y tế) theo dõi, đôn đốc các thành viên "
     "thực hiện Kế hoạch.\n",
     [("III.1", ["Văn phòng Ban Chỉ đạo (Cục Y tế dự phòng, Bộ Y tế)"], "assign")]),
    ("body-role-bracket-heading", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Công an (cơ quan chủ trì)\n- Hướng dẫn, kiểm tra việc thi hành Luật.\n"
     "- Tổng hợp kết quả, báo cáo Thủ tướng Chính phủ.\n",
     [("III.1", ["Bộ Công an"], "assign"), ("III.1", ["Bộ Công an"], "assign")]),
    ("trailing-bracket-lead", BO +
     "II. NHIỆM VỤ TRỌNG TÂM\n1. Kiện toàn mạng lưới giám sát dịch bệnh tại cửa khẩu (Cục Y tế dự phòng chủ trì).\n"
     "2. Hoàn thiện hướng dẫn chẩn đoán, điều trị (Cục Quản lý Khám, chữa bệnh chủ trì, phối hợp với các bệnh viện).\n",
     [("II.1", ["Cục Y tế dự phòng"], "assign"), ("II.2", ["Cục Quản lý Khám, chữa bệnh"], "assign")]),
    ("via-office-reports", _ttg(TTG_ARTICLES) + ONE_TASK +
     "2. Các bộ, cơ quan ngang bộ báo cáo Thủ tướng Chính phủ (qua Văn phòng Chính phủ và Bộ Công an) kết quả thực hiện "
     "trước ngày 20/12/2025.\n",
     [*ONE_PAIR, ("III.2", ["Các bộ, cơ quan ngang bộ"], "assign")]),
    ("bcd-thematic-groups", BCD +
     "I. MỤC ĐÍCH\nNâng cao hiệu quả hoạt động của Ban Chỉ đạo, các Tiểu ban và Tổ giúp việc.\nII. NỘI DUNG HOẠT ĐỘNG\n"
     "1. Tổ chức 02 phiên họp của Ban Chỉ đạo vào tháng 6 và tháng 12/2025.\n2. Tổ giúp việc Ban Chỉ đạo tổng hợp báo "
     "cáo của các thành viên.\n",
     [("II.2", ["Tổ giúp việc Ban Chỉ đạo"], "assign")]),
    ("group-of-ministries-elided", _ttg(TTG_ARTICLES) +
     "III. TỔ CHỨC THỰC HIỆN\n1. Các Bộ: Tài chính, Tư pháp, Nội vụ theo chức năng, nhiệm vụ được giao phối hợp với Bộ "
     "Công an hướng dẫn thi hành Luật.\n",
     [("III.1", ["Bộ Tài chính", "Bộ Tư pháp", "Bộ Nội vụ"], "assign")]),
    # --- third batch (written after the second batch's fixes): columns naming other bodies, proposals, Chỉ thị,
    # inspection plans, a steering committee's founding decision ---
    ("table-issuing-level-column", _ttg(TTG_ARTICLES) + "II. NỘI DUNG\n1. Xây dựng văn bản quy định chi tiết\n"
     "| STT | Tên văn bản | Cơ quan chủ trì soạn thảo | Cơ quan phối hợp | Cấp ban hành | Thời gian trình |\n"
     "|---|---|---|---|---|---|\n| 1 | Nghị định quy định chi tiết một số điều của Luật | Bộ Công an | Bộ Tư pháp | Chính phủ "
     "| Tháng 9/2025 |\n| 2 | Thông tư hướng dẫn về mẫu biểu | Bộ Công an | | Bộ trưởng Bộ Công an | Tháng 11/2025 |\n",
     [("II.1.1", ["Bộ Công an"], "assign"), ("II.1.2", ["Bộ Công an"], "assign")]),
    ("table-leader-in-charge-column", BO + "II. NHIỆM VỤ CỤ THỂ\n"
     "| TT | Nhiệm vụ | Lãnh đạo Bộ phụ trách | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |\n|---|---|---|---|---|---|\n"
     "| 1 | Sửa đổi Thông tư về tiêm chủng | Thứ trưởng Trần Văn Thuấn | Cục Y tế dự phòng | Vụ Pháp chế | Quý III/2025 |\n"
     "| 2 | Tổng kết công tác y tế dự phòng | Thứ trưởng Trần Văn Thuấn | Văn phòng Bộ | Các Cục, Vụ | Tháng 12/2025 |\n",
     [("II.1", ["Cục Y tế dự phòng"], "assign"), ("II.2", ["Văn phòng Bộ"], "assign")]),
    ("ministry-asks-ministry", BO + BO_TASK +
     "2. Đề nghị Bộ Tài chính bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách năm 2025 của Bộ Y tế.\n",
     [*BO_PAIR, ("IV.2", ["Bộ Tài chính"], "request")]),
    ("proposal-to-pm", BO + BO_TASK +
     "V. KIẾN NGHỊ, ĐỀ XUẤT\nBộ Y tế kiến nghị Thủ tướng Chính phủ xem xét, giao Bộ Tài chính bổ sung kinh phí cho công "
     "tác phòng, chống dịch bệnh năm 2025.\n",
     BO_PAIR),
    ("directive-closing", "THỦ TƯỚNG CHÍNH PHỦ\n-------\n" + _NATION + "Số: 12/CT-TTg\nHà Nội, ngày 20 tháng 3 năm 2025\n"
     "CHỈ THỊ\nVề tăng cường công tác phòng cháy, chữa cháy\nThời gian qua, tình hình cháy nổ còn diễn biến phức tạp; một "
     "số bộ, ngành, địa phương chưa quan tâm đúng mức. Để khắc phục, Thủ tướng Chính phủ chỉ thị:\n1. Bộ Công an chủ "
     "trì kiểm tra an toàn phòng cháy, chữa cháy tại các khu dân cư.\n2. Bộ Công an có trách nhiệm theo dõi, đôn đốc "
     "việc thực hiện Chỉ thị này, định kỳ báo cáo Thủ tướng Chính phủ.\n3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, "
     "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Chỉ thị này./.\n",
     [("1", ["Bộ Công an"], "assign"), ("2", ["Bộ Công an"], "assign")]),
    ("inspection-plan-national", BO +
     "II. NỘI DUNG, ĐỐI TƯỢNG KIỂM TRA\n1. Đối tượng kiểm tra: Sở Y tế các tỉnh Lào Cai, Yên Bái, Hà Giang; Trung tâm "
     "Kiểm soát bệnh tật các tỉnh.\n2. Thời gian, địa điểm: tháng 6/2025, tại trụ sở Sở Y tế các tỉnh.\n3. Thành phần "
     "Đoàn kiểm tra: Lãnh đạo Cục Y tế dự phòng - Trưởng đoàn; đại diện Vụ Pháp chế, Thanh tra Bộ.\n" + BO_TASK,
     BO_PAIR),
    ("bcd-founding-decision", "THỦ TƯỚNG CHÍNH PHỦ\n-------\n" + _NATION + "Số: 300/QĐ-TTg\nHà Nội, ngày 20 tháng 3 năm "
     "2025\nQUYẾT ĐỊNH\nThành lập Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh\nTHỦ TƯỚNG CHÍNH PHỦ\nQUYẾT ĐỊNH:\n"
     "Điều 1. Thành lập Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh gồm:\n1. Trưởng ban: Phó Thủ tướng Chính phủ.\n"
     "2. Phó Trưởng ban thường trực: Bộ trưởng Bộ Y tế.\n3. Các ủy viên: Thứ trưởng các Bộ: Công an, Tài chính, Ngoại giao.\n"
     "Điều 2. Bộ Y tế là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm bảo đảm điều kiện hoạt động của Ban Chỉ đạo.\n"
     "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các thành viên Ban Chỉ đạo và Thủ trưởng các cơ quan có liên quan "
     "chịu trách nhiệm thi hành Quyết định này./.\n",
     [("Điều 2", ["Bộ Y tế"], "assign")]),
    ("rewards-section", BO + BO_TASK +
     "V. KHEN THƯỞNG, KỶ LUẬT\n1. Tập thể, cá nhân có thành tích xuất sắc được Bộ trưởng tặng Bằng khen theo quy định.\n"
     "2. Vụ Tổ chức cán bộ tổng hợp, đề xuất khen thưởng các tập thể, cá nhân có thành tích xuất sắc.\n",
     [*BO_PAIR, ("V.2", ["Vụ Tổ chức cán bộ"], "assign")]),
    ("assigned-by-decision-quoted", BO +
     "II. NHIỆM VỤ\n1. Theo Quyết định số 20/QĐ-TTg, Bộ Y tế được giao chủ trì xây dựng Đề án nâng cao năng lực y tế cơ sở.\n"
     "2. Cục Y tế dự phòng chủ trì hướng dẫn các địa phương tiêm chủng mở rộng.\n",
     [("II.2", ["Cục Y tế dự phòng"], "assign")]),
    ("report-and-compile-national", _ttg(TTG_ARTICLES) + ONE_TASK +
     "IV. CHẾ ĐỘ BÁO CÁO\n1. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương báo cáo kết "
     "quả thực hiện gửi Bộ Công an trước ngày 15/12 hằng năm.\n2. Bộ Công an tổng hợp, báo cáo Thủ tướng Chính phủ trước "
     "ngày 31/12 hằng năm.\n",
     [*ONE_PAIR, ("IV.1", ["Các bộ, cơ quan ngang bộ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], "assign"),
      ("IV.2", ["Bộ Công an"], "assign")]),
    ("coordinating-units-list", BO + BO_TASK +
     "2. Vụ Pháp chế, Văn phòng Bộ, Thanh tra Bộ theo chức năng, nhiệm vụ phối hợp với Cục Y tế dự phòng triển khai Kế hoạch.\n",
     [*BO_PAIR, ("IV.2", ["Vụ Pháp chế", "Văn phòng Bộ", "Thanh tra Bộ"], "assign")]),
    ("press-agencies-ministry", BO + BO_TASK +
     "2. Báo Sức khỏe và Đời sống, Tạp chí Y học thực hành, Cổng Thông tin điện tử Bộ Y tế tuyên truyền về Kế hoạch.\n",
     [*BO_PAIR, ("IV.2", ["Báo Sức khỏe và Đời sống", "Tạp chí Y học thực hành", "Cổng Thông tin điện tử Bộ Y tế"], "assign")]),
    ("members-by-area", BCD +
     "II. NHIỆM VỤ\n1. Các thành viên Ban Chỉ đạo theo dõi, chỉ đạo công tác phòng, chống dịch tại các địa phương được "
     "phân công; Bộ trưởng Bộ Y tế chủ trì các phiên họp định kỳ của Ban Chỉ đạo khi Trưởng ban vắng mặt.\n",
     [("II.1", ["Các thành viên Ban Chỉ đạo"], "assign")]),
    # --- fourth batch: a year's plan opening with last year's results in a part of its own, programmes of work
    # with a leader's column, the Party and unions inside a ministry ---
    ("results-part-then-plan-part", BO +
     "PHẦN I\nKẾT QUẢ THỰC HIỆN NĂM 2024\nI. CÔNG TÁC XÂY DỰNG THỂ CHẾ\n1. Vụ Pháp chế chủ trì rà soát 320 văn bản quy phạm "
     "pháp luật, hoàn thành 100% kế hoạch.\n2. Cục Y tế dự phòng tổ chức 12 lớp tập huấn cho 1.500 cán bộ.\n"
     "PHẦN II\nKẾ HOẠCH NĂM 2025\nI. NHIỆM VỤ TRỌNG TÂM\n1. Vụ Pháp chế chủ trì xây dựng Thông tư hướng dẫn Luật Phòng "
     "bệnh, hoàn thành trong Quý III/2025.\n",
     [("I.1", ["Vụ Pháp chế"], "assign")]),
    ("results-letter-part", BO +
     "A. KẾT QUẢ THỰC HIỆN NĂM 2024\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n1. Văn phòng Bộ tham mưu tổ chức 4 hội nghị giao ban "
     "trực tuyến với các địa phương.\nB. NHIỆM VỤ NĂM 2025\nI. NHIỆM VỤ CHUNG\n1. Văn phòng Bộ tham mưu tổ chức hội nghị "
     "tổng kết trong tháng 1/2025.\n",
     [("B.I.1", ["Văn phòng Bộ"], "assign")]),
    ("programme-leader-column", BO + "II. CHƯƠNG TRÌNH CÔNG TÁC\n"
     "| TT | Nội dung | Đơn vị chủ trì | Lãnh đạo Bộ chủ trì | Thời gian |\n|---|---|---|---|---|\n"
     "| 1 | Hội nghị triển khai công tác y tế dự phòng năm 2025 | Cục Y tế dự phòng | Bộ trưởng | Tháng 02/2025 |\n"
     "| 2 | Sơ kết 6 tháng | Văn phòng Bộ | Thứ trưởng Trần Văn Thuấn | Tháng 7/2025 |\n",
     [("II.1", ["Cục Y tế dự phòng"], "assign"), ("II.2", ["Văn phòng Bộ"], "assign")]),
    ("party-committee-and-unions", BO + BO_TASK +
     "2. Đề nghị Đảng ủy Bộ Y tế lãnh đạo, chỉ đạo các tổ chức đảng trực thuộc quán triệt thực hiện Kế hoạch.\n"
     "3. Đề nghị Công đoàn Y tế Việt Nam, Đoàn Thanh niên Bộ Y tế phối hợp tuyên truyền trong đoàn viên.\n",
     [*BO_PAIR, ("IV.2", ["Đảng ủy Bộ Y tế"], "request"),
      ("IV.3", ["Công đoàn Y tế Việt Nam", "Đoàn Thanh niên Bộ Y tế"], "request")]),
    ("officers-of-units", BO +
     "IV. TỔ CHỨC THỰC HIỆN\n1. Cục trưởng Cục Y tế dự phòng, Vụ trưởng Vụ Pháp chế chỉ đạo đơn vị mình triển khai các "
     "nhiệm vụ được giao.\n",
     [("IV.1", ["Cục trưởng Cục Y tế dự phòng", "Vụ trưởng Vụ Pháp chế"], "assign")]),
    ("recipients-national-flat-style", BO + BO_TASK +
     "Nơi nhận: - Như trên; - Các Bộ, cơ quan ngang Bộ (để phối hợp); - UBND các tỉnh, thành phố trực thuộc TW (để thực "
     "hiện); - Các Vụ, Cục, Thanh tra Bộ, Văn phòng Bộ (để thực hiện); - Lưu: VT, DP.\nBỘ TRƯỞNG\nĐào Hồng Lan\n",
     BO_PAIR),
    ("bracket-giao", BO +
     "II. NHIỆM VỤ TRỌNG TÂM\n1. Rà soát, sửa đổi Thông tư về tiêm chủng (giao Cục Y tế dự phòng chủ trì).\n"
     "2. Tổng kết 10 năm thi hành Luật (giao Vụ Pháp chế chủ trì, phối hợp với các đơn vị liên quan).\n",
     [("II.1", ["Cục Y tế dự phòng"], "assign"), ("II.2", ["Vụ Pháp chế"], "assign")]),
    # --- fifth batch: annexes that account for last year or give a report's template ---
    ("annex-results-then-tasks", BO + BO_TASK + BO_SIGN +
     "PHỤ LỤC I\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\n| TT | Nhiệm vụ | Đơn vị chủ trì | Kết quả |\n|---|---|---|---|\n"
     "| 1 | Sửa đổi Thông tư về tiêm chủng | Cục Y tế dự phòng | Đã hoàn thành |\n"
     "| 2 | Tổng kết công tác phòng, chống dịch | Văn phòng Bộ | Đang thực hiện |\n"
     "PHỤ LỤC II\nDANH MỤC NHIỆM VỤ NĂM 2025\n| TT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn |\n|---|---|---|---|\n"
     "| 1 | Xây dựng Thông tư hướng dẫn Luật Phòng bệnh | Vụ Pháp chế | Quý III/2025 |\n",
     [*BO_PAIR, ("PLII.1", ["Vụ Pháp chế"], "assign")]),
    ("annex-report-template", BO + BO_TASK + BO_SIGN +
     "PHỤ LỤC\nMẪU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH\n(Kèm theo Kế hoạch số 310/KH-BYT)\n"
     "| STT | Nhiệm vụ | Đơn vị chủ trì | Kết quả thực hiện | Khó khăn, vướng mắc |\n|---|---|---|---|---|\n"
     "| 1 | | | | |\n| 2 | | | | |\n",
     BO_PAIR),
    # --- sixth batch: names of national bodies that hold verbs, double names, programme and election bodies ---
    ("double-names-home-affairs", "BỘ NỘI VỤ\n-------\n" + _NATION + "Số: 50/KH-BNV\nHà Nội, ngày 12 tháng 3 năm 2025\n"
     "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2025\nIII. TỔ CHỨC THỰC HIỆN\n1. Vụ Thi đua - Khen thưởng chủ trì hướng dẫn "
     "các đơn vị thực hiện.\n2. Vụ Tổ chức - Biên chế phối hợp rà soát chức năng, nhiệm vụ các đơn vị.\n",
     [("III.1", ["Vụ Thi đua - Khen thưởng"], "assign"), ("III.2", ["Vụ Tổ chức - Biên chế"], "assign")]),
    ("programme-bodies", "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\n-------\n" + _NATION + "Số: 70/KH-BNNMT\nHà Nội, ngày 12 tháng 3 "
     "năm 2025\nKẾ HOẠCH\nThực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2025\nIII. TỔ CHỨC THỰC "
     "HIỆN\n1. Văn phòng Điều phối nông thôn mới Trung ương chủ trì theo dõi, tổng hợp tình hình thực hiện.\n2. Ban Quản lý "
     "Chương trình phối hợp với các địa phương kiểm tra tiến độ giải ngân.\n",
     [("III.1", ["Văn phòng Điều phối nông thôn mới Trung ương"], "assign"), ("III.2", ["Ban Quản lý Chương trình"], "assign")]),
    ("election-bodies", "HỘI ĐỒNG BẦU CỬ QUỐC GIA\n-------\n" + _NATION + "Số: 20/KH-HĐBCQG\nHà Nội, ngày 10 tháng 3 năm "
     "2025\nKẾ HOẠCH\nTriển khai công tác bầu cử\nIII. TỔ CHỨC THỰC HIỆN\n1. Ủy ban bầu cử ở tỉnh chỉ đạo các Ban bầu cử, "
     "Tổ bầu cử thực hiện đúng quy trình bầu cử.\n2. Tiểu ban Thông tin, tuyên truyền chủ trì công tác tuyên truyền về "
     "cuộc bầu cử.\n",
     [("III.1", ["Ủy ban bầu cử ở tỉnh"], "assign"), ("III.2", ["Tiểu ban Thông tin, tuyên truyền"], "assign")]),
    ("department-name-with-officer-word", "BỘ GIÁO DỤC VÀ ĐÀO TẠO\n-------\n" + _NATION + "Số: 80/KH-BGDĐT\nHà Nội, ngày "
     "12 tháng 3 năm 2025\nKẾ HOẠCH\nPhát triển đội ngũ nhà giáo năm 2025\nIII. TỔ CHỨC THỰC HIỆN\n1. Cục Nhà giáo và "
     "Cán bộ quản lý giáo dục chủ trì tham mưu xây dựng chính sách đối với nhà giáo.\n",
     [("III.1", ["Cục Nhà giáo và Cán bộ quản lý giáo dục"], "assign")]),
]

LAYOUTS = ("lines", "flat")


def _text(text: str, layout: str) -> str:
    return " ".join(text.split()) if layout == "flat" else text


def _triples(text: str) -> list[tuple[str, list[str], str]]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.md", year=2025)["assignments"]
    return [(a["ref"], a["lead"], a["mode"]) for a in got]


@pytest.mark.parametrize(("text", "layout", "expected"), [
    pytest.param(t, lay, e, id=f"{i}-{lay}",
                 marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
    for i, t, e in PROBES for lay in LAYOUTS])
def test_precision_probe(text: str, layout: str, expected: list[tuple[str, list[str], str]]) -> None:
    assert _triples(_text(text, layout)) == expected
