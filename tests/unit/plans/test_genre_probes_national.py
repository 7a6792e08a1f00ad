"""Probes of the genre, round 10: made-up fragments written the way NATIONAL texts give and time tasks —
Chỉ thị / Nghị quyết / Kế hoạch of the Government and the Prime Minister whose duties are grouped by body,
ministry plans tasking their Vụ / Cục / Văn phòng Bộ, steering committee plans (Cơ quan thường trực, Thành viên,
Tổ giúp việc, Tiểu ban), provincial plans of 2013-2024 (districts still exist) — and the timing and reporting
words of those texts. Written from knowledge of the genre, not copied from any plan. Expectations follow the
gold conventions (shared/seeds/gold/README.md and the notes of shared/plans/more/gold): names copied as
written; an officer charged with a duty stands as the lead as written ('Bộ trưởng Bộ Công an', 'Chủ tịch Ủy ban
nhân dân các xã, phường', gold 23 IV.1-2, gold 12, seed 002); a collective ('Các bộ, cơ quan ngang bộ, cơ quan
thuộc Chính phủ', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương') is one lead (gold 23); 'Đề nghị'
-> request; timing due = the first due date in the plan's first year; continuous -> no due."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

# probes the parser does not pass yet: id -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[str, str] = {
}


def _params(probes: list[Any], ids: list[str]) -> list[Any]:
    return [pytest.param(*p, id=i, marks=[pytest.mark.xfail(reason=XFAIL[i], strict=True)] if i in XFAIL else [])
            for p, i in zip(probes, ids, strict=True)]


HEADS = {
    # a Government plan (issued 05/3/2024)
    "gov": "CHÍNH PHỦ\nSố: 35/KH-CP\nHà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nTriển khai thực hiện Nghị quyết của Quốc hội\n",
    # a ministry's own plan
    "bo": "BỘ Y TẾ\nSố: 120/KH-BYT\nHà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nCải cách hành chính năm 2024 của Bộ Y tế\n",
    # a national steering committee's plan
    "bcd": "BAN CHỈ ĐẠO QUỐC GIA\nSố: 05/KH-BCĐ\nHà Nội, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nHoạt động của Ban Chỉ đạo năm 2024\n",
    # a province's plan before the 2025 reorganisation (districts still exist)
    "tinh": "ỦY BAN NHÂN DÂN TỈNH X\nSố: 45/KH-UBND\nX, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện Chương trình năm 2024\n",
}
TASKS = "II. NHIỆM VỤ\n1. Nhiệm vụ\n"


def _plan(head: str, body: str) -> dict[str, Any]:
    return parse_text(HEADS[head] + body, source="probe.md", year=2024)


# (head, fragment under 'II. NHIỆM VỤ / 1. Nhiệm vụ', leads, support, mode, timing kind, due)
TASK_PROBES = [
    # --- Government / Prime Minister texts: ministries, collectives, officers
    ("gov", "Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính xây dựng Đề án cơ cấu lại đầu tư công, trình Thủ tướng "
     "Chính phủ trong quý II năm 2024.", ["Bộ Kế hoạch và Đầu tư"], ["Bộ Tài chính"], "assign", "once", "2024-06-30"),
    ("gov", "Bộ Kế hoạch và Đầu tư: Chủ trì, phối hợp với Bộ Tài chính tổng hợp, cân đối nguồn vốn; hoàn thành trong quý III năm 2024.",
     ["Bộ Kế hoạch và Đầu tư"], ["Bộ Tài chính"], "assign", "once", "2024-09-30"),
    # an officer charged with a duty is the lead, copied as written (gold 23 IV.1 'Bộ trưởng Bộ Công an')
    ("gov", "Bộ trưởng Bộ Y tế chỉ đạo các đơn vị trực thuộc tăng cường công tác phòng, chống dịch bệnh.",
     ["Bộ trưởng Bộ Y tế"], [], "assign", "unspecified", None),
    # 'trước Thủ tướng Chính phủ' (answerable to) is no deadline
    ("gov", "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm toàn diện trước Thủ tướng "
     "Chính phủ về công tác phòng, chống thiên tai trên địa bàn.",
     ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
    # officers listed in prose after 'giao' (gold 23 IV.2 splits them by title)
    ("gov", "Thủ tướng Chính phủ giao các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân "
     "dân các tỉnh, thành phố trực thuộc trung ương tập trung chỉ đạo thực hiện nghiêm các nhiệm vụ được giao.",
     ["các Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
    ("gov", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương rà soát "
     "các thủ tục hành chính, hoàn thành trước ngày 15 tháng 11 năm 2024.",
     ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [],
     "assign", "once", "2024-11-15"),
    ("gov", "Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức thành viên tăng cường tuyên truyền, vận động "
     "Nhân dân tham gia.", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức thành viên"], [], "request",
     "unspecified", None),
    ("gov", "Đề nghị Tòa án nhân dân tối cao, Viện Kiểm sát nhân dân tối cao, Kiểm toán nhà nước trong phạm vi chức năng, "
     "nhiệm vụ của mình phối hợp thực hiện.",
     ["Tòa án nhân dân tối cao", "Viện Kiểm sát nhân dân tối cao", "Kiểm toán nhà nước"], [], "request", "unspecified", None),
    ("gov", "Đề nghị Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, Hội Liên hiệp Phụ nữ Việt Nam tổ chức các hoạt động hưởng ứng.",
     ["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Hội Liên hiệp Phụ nữ Việt Nam"], [], "request", "unspecified", None),
    ("gov", "Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện, định kỳ báo cáo Thủ tướng Chính phủ.",
     ["Văn phòng Chính phủ"], [], "assign", "recurring", None),
    # 'X có trách nhiệm ...', 'X tham mưu ...'
    ("gov", "Bộ Tài chính có trách nhiệm bố trí kinh phí thực hiện theo quy định của pháp luật về ngân sách nhà nước.",
     ["Bộ Tài chính"], [], "assign", "unspecified", None),
    ("gov", "Bộ Nội vụ tham mưu Thủ tướng Chính phủ kiện toàn Ban Chỉ đạo, hoàn thành trong tháng 10/2024.",
     ["Bộ Nội vụ"], [], "assign", "once", "2024-10-31"),
    # the lead after the content
    ("gov", "Xây dựng cơ sở dữ liệu quốc gia về dân cư, do Bộ Công an chủ trì thực hiện; thời gian hoàn thành: Quý III/2024.",
     ["Bộ Công an"], [], "assign", "once", "2024-09-30"),
    ("gov", "Tổ chức Hội nghị sơ kết 5 năm thực hiện Nghị quyết, do Bộ Nội vụ chủ trì, phối hợp với Văn phòng Chính phủ thực hiện "
     "trong tháng 10/2024.", ["Bộ Nội vụ"], ["Văn phòng Chính phủ"], "assign", "once", "2024-10-31"),
    ("tinh", "Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã, do Sở Nội vụ chủ trì thực hiện trong Quý II/2024.",
     ["Sở Nội vụ"], [], "assign", "once", "2024-06-30"),
    # 'giao' inline, the issuer as subject
    ("gov", "Giao Bộ Tư pháp chủ trì, phối hợp với các bộ, cơ quan liên quan rà soát hệ thống văn bản quy phạm pháp luật, báo cáo "
     "Thủ tướng Chính phủ trước ngày 30 tháng 6 năm 2024.", ["Bộ Tư pháp"], ["các bộ, cơ quan liên quan"], "assign", "once",
     "2024-06-30"),
    ("gov", "Thủ tướng Chính phủ giao Bộ Khoa học và Công nghệ chủ trì tổ chức triển khai Chương trình trong giai đoạn 2021-2025.",
     ["Bộ Khoa học và Công nghệ"], [], "assign", "once", "2025-12-31"),
    ("gov", "Giao Văn phòng Chính phủ, Bộ Nội vụ theo chức năng, nhiệm vụ được giao theo dõi, đôn đốc việc thực hiện.",
     ["Văn phòng Chính phủ", "Bộ Nội vụ"], [], "assign", "unspecified", None),
    ("gov", "Giao Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng, Bộ Ngoại giao và Ủy ban nhân dân các tỉnh biên giới triển khai "
     "các biện pháp quản lý xuất nhập cảnh.", ["Bộ Công an"],
     ["Bộ Quốc phòng", "Bộ Ngoại giao", "Ủy ban nhân dân các tỉnh biên giới"], "assign", "unspecified", None),
    ("gov", "Yêu cầu các bộ, ngành, địa phương khẩn trương triển khai thực hiện các nhiệm vụ được giao.",
     ["các bộ, ngành, địa phương"], [], "assign", "unspecified", None),
    # several ministries, agencies of the Government, academies
    ("gov", "Bộ Y tế, Bộ Giáo dục và Đào tạo, Bộ Lao động - Thương binh và Xã hội theo chức năng, nhiệm vụ được giao hướng dẫn "
     "các địa phương triển khai.", ["Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Lao động - Thương binh và Xã hội"], [],
     "assign", "unspecified", None),
    ("gov", "Ngân hàng Nhà nước Việt Nam chỉ đạo các tổ chức tín dụng tiếp tục cơ cấu lại thời hạn trả nợ.",
     ["Ngân hàng Nhà nước Việt Nam"], [], "assign", "unspecified", None),
    ("gov", "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam và các cơ quan báo chí thường xuyên thông tin, "
     "tuyên truyền.", ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam", "các cơ quan báo chí"], [],
     "assign", "continuous", None),
    ("gov", "Bộ Ngoại giao chủ trì, phối hợp với Bộ Công Thương, Bộ Nông nghiệp và Phát triển nông thôn vận động các đối tác mở cửa "
     "thị trường.", ["Bộ Ngoại giao"], ["Bộ Công Thương", "Bộ Nông nghiệp và Phát triển nông thôn"], "assign", "unspecified", None),
    ("gov", "Ủy ban Dân tộc chủ trì, phối hợp với các bộ, ngành liên quan và Ủy ban nhân dân các tỉnh vùng dân tộc thiểu số và miền "
     "núi tổ chức thực hiện.", ["Ủy ban Dân tộc"],
     ["các bộ, ngành liên quan", "Ủy ban nhân dân các tỉnh vùng dân tộc thiểu số và miền núi"], "assign", "unspecified", None),
    ("gov", "Bảo hiểm xã hội Việt Nam phối hợp với Bộ Y tế hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế.",
     ["Bảo hiểm xã hội Việt Nam"], ["Bộ Y tế"], "assign", "unspecified", None),
    ("gov", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam, Viện Hàn lâm Khoa học xã hội Việt Nam chủ trì nghiên cứu các luận cứ khoa học.",
     ["Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Viện Hàn lâm Khoa học xã hội Việt Nam"], [], "assign", "unspecified", None),
    ("gov", "Học viện Chính trị quốc gia Hồ Chí Minh chủ trì tổ chức hội thảo khoa học, hoàn thành trong Quý IV năm 2024.",
     ["Học viện Chính trị quốc gia Hồ Chí Minh"], [], "assign", "once", "2024-12-31"),
    ("gov", "Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ được giao chỉ đạo lực lượng chức năng bảo đảm an ninh, trật tự.",
     ["Bộ Quốc phòng", "Bộ Công an"], [], "assign", "unspecified", None),
    # --- timing words of national texts
    ("gov", "Bộ Giáo dục và Đào tạo khẩn trương hoàn thiện, trình Chính phủ ban hành Nghị định trong năm 2024.",
     ["Bộ Giáo dục và Đào tạo"], [], "assign", "once", "2024-12-31"),
    ("gov", "Bộ Lao động - Thương binh và Xã hội tiếp tục triển khai chính sách hỗ trợ trong năm 2025 và các năm tiếp theo.",
     ["Bộ Lao động - Thương binh và Xã hội"], [], "assign", "continuous", None),
    ("gov", "Bộ Tài nguyên và Môi trường tổng hợp tình hình thực hiện, báo cáo Thủ tướng Chính phủ định kỳ 6 tháng, hằng năm.",
     ["Bộ Tài nguyên và Môi trường"], [], "assign", "recurring", None),
    ("gov", "Các bộ, ngành, địa phương gửi báo cáo về Bộ Kế hoạch và Đầu tư trước ngày 15 tháng 12 hằng năm để tổng hợp, báo cáo "
     "Chính phủ.", ["Các bộ, ngành, địa phương"], [], "assign", "recurring", "2024-12-15"),
    ("gov", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch triển khai tại địa phương, hoàn thành trong "
     "6 tháng đầu năm 2024.", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "once", "2024-06-30"),
    ("gov", "Bộ Tư pháp hoàn thành việc rà soát trong 6 tháng đầu năm.", ["Bộ Tư pháp"], [], "assign", "once", "2024-06-30"),
    ("gov", "Bộ Công Thương hoàn thành việc sửa đổi Thông tư trước 30/6.", ["Bộ Công Thương"], [], "assign", "once", "2024-06-30"),
    ("gov", "Bộ Xây dựng ban hành văn bản hướng dẫn thực hiện trước ngày 31 tháng 12 năm 2024.",
     ["Bộ Xây dựng"], [], "assign", "once", "2024-12-31"),
    ("gov", "Bộ Nội vụ tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 15 tháng 12 hằng năm.",
     ["Bộ Nội vụ"], [], "assign", "recurring", "2024-12-15"),
    ("gov", "Bộ Y tế chủ trì tổ chức Tháng hành động vì an toàn thực phẩm hằng năm từ ngày 15/4 đến ngày 15/5.",
     ["Bộ Y tế"], [], "assign", "recurring", "2024-05-15"),
    ("gov", "Bộ Văn hóa, Thể thao và Du lịch chủ trì tổ chức các hoạt động kỷ niệm, hoàn thành trước ngày 02/9/2024.",
     ["Bộ Văn hóa, Thể thao và Du lịch"], [], "assign", "once", "2024-09-02"),
    # one task running through two quarters is due at the end of the second (as 'từ ngày ... đến ngày ...')
    ("gov", "Bộ Thông tin và Truyền thông chỉ đạo các cơ quan báo chí đẩy mạnh tuyên truyền trong Quý III/2024 và Quý IV/2024.",
     ["Bộ Thông tin và Truyền thông"], [], "assign", "once", "2024-12-31"),
    ("gov", "Bộ Công an chủ trì thực hiện, hoàn thành chậm nhất trong tháng 9 năm 2024.",
     ["Bộ Công an"], [], "assign", "once", "2024-09-30"),
    ("gov", "Các bộ, ngành gửi báo cáo kết quả thực hiện năm về Bộ Tư pháp hằng năm, trước ngày 15 tháng 01 của năm sau.",
     ["Các bộ, ngành"], [], "assign", "recurring", "2025-01-15"),
    ("gov", "Bộ Tài chính trình Chính phủ dự thảo Nghị định trong tháng 12 năm 2024.",
     ["Bộ Tài chính"], [], "assign", "once", "2024-12-31"),
    # --- a steering committee's plan
    ("bcd", "Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế) tổng hợp tình hình, báo cáo Trưởng Ban Chỉ đạo trước ngày 20 hằng tháng.",
     ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], [], "assign", "recurring", "2024-03-20"),
    ("bcd", "Thành viên Ban Chỉ đạo chịu trách nhiệm theo dõi, chỉ đạo, kiểm tra việc thực hiện thuộc lĩnh vực được phân công.",
     ["Thành viên Ban Chỉ đạo"], [], "assign", "unspecified", None),
    ("bcd", "Tổ giúp việc Ban Chỉ đạo giúp Trưởng ban tổng hợp, xây dựng báo cáo định kỳ hằng quý.",
     ["Tổ giúp việc Ban Chỉ đạo"], [], "assign", "recurring", None),
    ("bcd", "Các Tiểu ban xây dựng kế hoạch hoạt động, gửi Cơ quan thường trực trước ngày 31/3/2024.",
     ["Các Tiểu ban"], [], "assign", "once", "2024-03-31"),
    ("bcd", "Trưởng Ban Chỉ đạo giao Phó Trưởng ban Thường trực chỉ đạo xây dựng quy chế hoạt động, hoàn thành trong tháng 4/2024.",
     ["Phó Trưởng ban Thường trực"], [], "assign", "once", "2024-04-30"),
    # --- a ministry's plan: its Vụ, Cục, Văn phòng Bộ, units
    ("bo", "Vụ Pháp chế chủ trì, phối hợp với các đơn vị liên quan rà soát văn bản quy phạm pháp luật thuộc lĩnh vực quản lý của "
     "Bộ, hoàn thành trong Quý II/2024.", ["Vụ Pháp chế"], ["các đơn vị liên quan"], "assign", "once", "2024-06-30"),
    ("bo", "Cục Quản lý Khám, chữa bệnh chủ trì hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện.",
     ["Cục Quản lý Khám, chữa bệnh"], [], "assign", "unspecified", None),
    ("bo", "Văn phòng Bộ bố trí kinh phí, bảo đảm điều kiện triển khai Kế hoạch.", ["Văn phòng Bộ"], [], "assign", "unspecified", None),
    ("bo", "Các đơn vị thuộc Bộ căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch chi tiết, gửi Vụ Kế hoạch - Tài chính trước "
     "ngày 15/4/2024.", ["Các đơn vị thuộc Bộ"], [], "assign", "once", "2024-04-15"),
    ("bo", "Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm tổ chức thực hiện Kế hoạch này.",
     ["Thủ trưởng các đơn vị thuộc Bộ"], [], "assign", "unspecified", None),
    ("bo", "Vụ Tổ chức cán bộ tham mưu Bộ trưởng kiện toàn tổ chức bộ máy các đơn vị, hoàn thành trong tháng 6/2024.",
     ["Vụ Tổ chức cán bộ"], [], "assign", "once", "2024-06-30"),
    ("bo", "Thanh tra Bộ chủ trì, phối hợp với Cục An toàn thực phẩm tổ chức thanh tra, kiểm tra định kỳ và đột xuất.",
     ["Thanh tra Bộ"], ["Cục An toàn thực phẩm"], "assign", "recurring", None),
    # --- a province before 2025: districts
    ("tinh", "Ủy ban nhân dân các huyện, thị xã, thành phố chỉ đạo Ủy ban nhân dân các xã, phường, thị trấn triển khai thực hiện.",
     ["Ủy ban nhân dân các huyện, thị xã, thành phố"], [], "assign", "unspecified", None),
    ("tinh", "Sở Lao động - Thương binh và Xã hội là cơ quan thường trực, có trách nhiệm hướng dẫn, kiểm tra, đôn đốc việc thực "
     "hiện Kế hoạch.", ["Sở Lao động - Thương binh và Xã hội"], [], "assign", "unspecified", None),
    ("tinh", "Ủy ban nhân dân tỉnh giao Sở Y tế là cơ quan đầu mối, chủ trì, phối hợp với các sở, ngành liên quan tham mưu tổ chức "
     "thực hiện.", ["Sở Y tế"], ["các sở, ngành liên quan"], "assign", "unspecified", None),
    ("tinh", "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính cân đối, bố trí vốn đầu tư phát triển hằng năm.",
     ["Sở Kế hoạch và Đầu tư"], ["Sở Tài chính"], "assign", "recurring", None),
    # --- second batch (written after the first 23 failures were fixed)
    # officers by title, as gold 23 IV.2 splits them
    ("gov", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực "
     "thuộc trung ương chịu trách nhiệm trước Thủ tướng Chính phủ về kết quả thực hiện.",
     ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ",
      "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
    ("bo", "Vụ trưởng Vụ Pháp chế, Chánh Văn phòng Bộ và Thủ trưởng các đơn vị liên quan chịu trách nhiệm tổ chức thực hiện Kế "
     "hoạch này.", ["Vụ trưởng Vụ Pháp chế", "Chánh Văn phòng Bộ", "Thủ trưởng các đơn vị liên quan"], [], "assign", "unspecified",
     None),
    ("bo", "Cục trưởng Cục Quản lý Dược chỉ đạo rà soát danh mục thuốc, hoàn thành trong tháng 9/2024.",
     ["Cục trưởng Cục Quản lý Dược"], [], "assign", "once", "2024-09-30"),
    ("tinh", "Giám đốc Sở Y tế chịu trách nhiệm trước Ủy ban nhân dân tỉnh về công tác phòng, chống dịch.",
     ["Giám đốc Sở Y tế"], [], "assign", "unspecified", None),
    # a local government charged by a national plan is not the issuer handing work down
    ("gov", "Ủy ban nhân dân các tỉnh biên giới chỉ đạo lực lượng chức năng tăng cường kiểm soát.",
     ["Ủy ban nhân dân các tỉnh biên giới"], [], "assign", "unspecified", None),
    ("gov", "Ban Chỉ đạo các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch hoạt động năm 2024.",
     ["Ban Chỉ đạo các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
    ("gov", "Giao Bộ Tài chính, Bộ Kế hoạch và Đầu tư theo chức năng, nhiệm vụ được giao bố trí vốn thực hiện.",
     ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư"], [], "assign", "unspecified", None),
    ("gov", "Các bộ, ngành: Công an, Quốc phòng, Y tế theo chức năng, nhiệm vụ phối hợp thực hiện.",
     ["Các bộ, ngành: Công an, Quốc phòng, Y tế"], [], "assign", "unspecified", None),
    ("gov", "Đề nghị Văn phòng Trung ương Đảng, Văn phòng Quốc hội, Văn phòng Chủ tịch nước phối hợp thực hiện.",
     ["Văn phòng Trung ương Đảng", "Văn phòng Quốc hội", "Văn phòng Chủ tịch nước"], [], "request", "unspecified", None),
    ("bo", "Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Văn phòng Bộ bố trí kinh phí thực hiện.",
     ["Vụ Kế hoạch - Tài chính"], ["Văn phòng Bộ"], "assign", "unspecified", None),
    ("gov", "Tổng cục Thống kê chủ trì, phối hợp với các bộ, ngành tổ chức điều tra, công bố kết quả trong quý I năm 2025.",
     ["Tổng cục Thống kê"], ["các bộ, ngành"], "assign", "once", "2025-03-31"),
    # timing words without 'trong' / 'trước'
    ("gov", "Bộ Nội vụ xây dựng Đề án, trình Chính phủ năm 2024.", ["Bộ Nội vụ"], [], "assign", "once", "2024-12-31"),
    ("gov", "Bộ Tư pháp trình Chính phủ dự thảo Nghị định tháng 10/2024.", ["Bộ Tư pháp"], [], "assign", "once", "2024-10-31"),
    ("gov", "Bộ Công an hoàn thành việc sửa đổi Thông tư Quý III/2024.", ["Bộ Công an"], [], "assign", "once", "2024-09-30"),
    ("gov", "Bộ Y tế tổ chức đánh giá trong quý I hằng năm.", ["Bộ Y tế"], [], "assign", "recurring", "2024-03-31"),
    ("gov", "Bộ Xây dựng hoàn thành việc rà soát trong các năm 2024-2025.", ["Bộ Xây dựng"], [], "assign", "once", "2025-12-31"),
    ("gov", "Bộ Giao thông vận tải hoàn thành đầu tư các tuyến cao tốc đến hết năm 2025.",
     ["Bộ Giao thông vận tải"], [], "assign", "once", "2025-12-31"),
    ("gov", "Bộ Tài chính trình Chính phủ Nghị định trong tháng 01 năm 2025.", ["Bộ Tài chính"], [], "assign", "once", "2025-01-31"),
    ("gov", "Bộ Tư pháp hướng dẫn thực hiện sau khi Nghị định được ban hành.", ["Bộ Tư pháp"], [], "assign", "unspecified", None),
    # --- third batch
    # the time first, the subject after it
    ("gov", "Trong năm 2024, Bộ Công an chủ trì hoàn thiện cơ sở dữ liệu về cư trú.", ["Bộ Công an"], [], "assign", "once", "2024-12-31"),
    ("gov", "Trước ngày 30/6/2024, các bộ, ngành hoàn thành việc rà soát các văn bản hướng dẫn.",
     ["các bộ, ngành"], [], "assign", "once", "2024-06-30"),
    ("gov", "Bộ Y tế triển khai thí điểm trong năm 2024 và năm 2025.", ["Bộ Y tế"], [], "assign", "once", "2025-12-31"),
    ("gov", "Các bộ, cơ quan, địa phương báo cáo tình hình thực hiện trước ngày 20 hằng tháng.",
     ["Các bộ, cơ quan, địa phương"], [], "assign", "recurring", "2024-03-20"),
    ("gov", "Đề nghị Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương tăng cường giám sát việc thực hiện.",
     ["Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "request", "unspecified", None),
    ("gov", "Bộ Y tế, Bộ Tài chính phối hợp với Bảo hiểm xã hội Việt Nam hoàn thiện cơ chế thanh toán.",
     ["Bộ Y tế", "Bộ Tài chính"], ["Bảo hiểm xã hội Việt Nam"], "assign", "unspecified", None),
    ("gov", "Bộ Công Thương chủ trì, phối hợp với Bộ Nông nghiệp và Phát triển nông thôn, các địa phương xúc tiến thương mại.",
     ["Bộ Công Thương"], ["Bộ Nông nghiệp và Phát triển nông thôn", "các địa phương"], "assign", "unspecified", None),
    ("bo", "Các Vụ: Pháp chế, Tổ chức cán bộ, Kế hoạch - Tài chính theo chức năng, nhiệm vụ phối hợp thực hiện.",
     ["Vụ Pháp chế", "Vụ Tổ chức cán bộ", "Vụ Kế hoạch - Tài chính"], [], "assign", "unspecified", None),
    ("gov", "Bộ Tài chính hoàn thành trước ngày 30 tháng 6 năm 2025.", ["Bộ Tài chính"], [], "assign", "once", "2025-06-30"),
    ("gov", "Bộ Nội vụ hoàn thành việc sắp xếp, chậm nhất là ngày 15/10/2024.", ["Bộ Nội vụ"], [], "assign", "once", "2024-10-15"),
]


@pytest.mark.parametrize(("head", "fragment", "leads", "support", "mode", "kind", "due"), _params(TASK_PROBES, [p[1][:40] for p in TASK_PROBES]))
def test_task_probe(head: str, fragment: str, leads: list[str], support: list[str], mode: str, kind: str, due: str | None) -> None:
    got = _plan(head, TASKS + fragment + "\n")["assignments"]
    assert [(a["ref"], a["lead"], a["support"], a["mode"]) for a in got] == [("II.1", leads, support, mode)]
    assert (got[0]["timing"]["kind"], got[0]["timing"]["due"]) == (kind, due)


CT = ("THỦ TƯỚNG CHÍNH PHỦ\nSố: 15/CT-TTg\nHà Nội, ngày 05 tháng 3 năm 2024\nCHỈ THỊ\nVề đẩy mạnh giải ngân vốn đầu tư công\n"
      "Thời gian qua, việc giải ngân vốn đầu tư công còn chậm. Để khắc phục tình trạng trên, Thủ tướng Chính phủ chỉ thị:\n")

# (head, body, [(ref, leads, support, mode, kind, due)])
LAYOUT_PROBES = [
    # a Chỉ thị: duties grouped by body, lettered items under it
    ("ct", "1. Bộ Kế hoạch và Đầu tư:\na) Chủ trì, phối hợp với Bộ Tài chính xây dựng Đề án, trình Thủ tướng Chính phủ trong quý II "
     "năm 2024.\nb) Hướng dẫn các bộ, địa phương thực hiện thường xuyên.\n",
     [("1.a", ["Bộ Kế hoạch và Đầu tư"], ["Bộ Tài chính"], "assign", "once", "2024-06-30"),
      ("1.b", ["Bộ Kế hoạch và Đầu tư"], [], "assign", "continuous", None)]),
    ("ct", "1. Bộ Tài chính bố trí đủ vốn.\n2. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ:\na) Rà soát các dự án, hoàn thành "
     "trước ngày 30 tháng 9 năm 2024.\nb) Định kỳ 6 tháng, hằng năm báo cáo kết quả về Bộ Kế hoạch và Đầu tư.\n",
     [("1", ["Bộ Tài chính"], [], "assign", "unspecified", None),
      ("2.a", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"], [], "assign", "once", "2024-09-30"),
      ("2.b", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"], [], "assign", "recurring", None)]),
    ("ct", "3. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n- Xây dựng kế hoạch giải ngân chi tiết trong tháng 4/2024.\n"
     "- Kiểm tra, đôn đốc các chủ đầu tư.\n4. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội "
     "tăng cường giám sát việc thực hiện.\n",
     [("3", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "once", "2024-04-30"),
      ("3", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
      ("4", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"], [], "request", "unspecified", None)]),
    # an officer as the heading (the person stands for the body: copied as written)
    ("gov", "III. TỔ CHỨC THỰC HIỆN\n1. Bộ trưởng Bộ Y tế:\n- Chỉ đạo các đơn vị trực thuộc triển khai Kế hoạch.\n- Tổng hợp, báo cáo "
     "Thủ tướng Chính phủ trước ngày 15 tháng 12 hằng năm.\n2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n"
     "a) Chỉ đạo các cơ quan chuyên môn triển khai tại địa phương.\nb) Tổ chức sơ kết, đánh giá hằng năm.\n",
     [("III.1", ["Bộ trưởng Bộ Y tế"], [], "assign", "unspecified", None),
      ("III.1", ["Bộ trưởng Bộ Y tế"], [], "assign", "recurring", "2024-12-15"),
      ("III.2.a", ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None),
      ("III.2.b", ["Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "recurring", None)]),
    # a steering committee's parts as headings
    ("bcd", "III. TỔ CHỨC THỰC HIỆN\n1. Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)\n- Tham mưu Trưởng Ban Chỉ đạo chỉ đạo, điều hành "
     "các hoạt động.\n- Tổng hợp, báo cáo Ban Chỉ đạo định kỳ 6 tháng, hằng năm.\n2. Thành viên Ban Chỉ đạo\nChỉ đạo, kiểm tra việc "
     "thực hiện thuộc lĩnh vực được phân công; gửi báo cáo về Cơ quan thường trực trước ngày 10 tháng 6 và ngày 10 tháng 12 hằng năm.\n"
     "3. Tổ giúp việc Ban Chỉ đạo\nGiúp Cơ quan thường trực chuẩn bị nội dung các phiên họp.\n",
     [("III.1", ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], [], "assign", "unspecified", None),
      ("III.1", ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], [], "assign", "recurring", None),
      ("III.2", ["Thành viên Ban Chỉ đạo"], [], "assign", "recurring", "2024-06-10"),
      ("III.3", ["Tổ giúp việc Ban Chỉ đạo"], [], "assign", "unspecified", None)]),
    # a ministry's units as headings
    ("bo", "III. TỔ CHỨC THỰC HIỆN\n1. Vụ Pháp chế\na) Chủ trì, phối hợp với các đơn vị thuộc Bộ rà soát văn bản, hoàn thành trong "
     "Quý III/2024.\nb) Theo dõi, đôn đốc việc thực hiện.\n2. Văn phòng Bộ\nBố trí kinh phí thực hiện Kế hoạch.\n3. Các Cục, Vụ, đơn vị "
     "thuộc Bộ\nCăn cứ chức năng, nhiệm vụ triển khai các nội dung của Kế hoạch.\n",
     [("III.1.a", ["Vụ Pháp chế"], ["các đơn vị thuộc Bộ"], "assign", "once", "2024-09-30"),
      ("III.1.b", ["Vụ Pháp chế"], [], "assign", "unspecified", None),
      ("III.2", ["Văn phòng Bộ"], [], "assign", "unspecified", None),
      ("III.3", ["Các Cục, Vụ, đơn vị thuộc Bộ"], [], "assign", "unspecified", None)]),
    # 'Trách nhiệm thực hiện' heading with '- X: ...' items
    ("gov", "III. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm thực hiện\n- Bộ Tài chính: Bảo đảm kinh phí thực hiện.\n- Bộ Nội vụ: Hướng dẫn "
     "việc sắp xếp tổ chức bộ máy, hoàn thành trong tháng 10/2024.\n- Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương: Chỉ "
     "đạo triển khai tại địa phương.\n",
     [("III.1", ["Bộ Tài chính"], [], "assign", "unspecified", None),
      ("III.1", ["Bộ Nội vụ"], [], "assign", "once", "2024-10-31"),
      ("III.1", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], [], "assign", "unspecified", None)]),
    # a Nghị quyết: a collective heading 'theo chức năng, nhiệm vụ được giao:' then lettered duties
    ("gov", "III. TỔ CHỨC THỰC HIỆN\n1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực "
     "thuộc trung ương theo chức năng, nhiệm vụ được giao:\na) Xây dựng kế hoạch hành động, hoàn thành trong quý II năm 2024.\nb) Tổ "
     "chức sơ kết, đánh giá định kỳ hằng năm.\n",
     [("III.1.a", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
       [], "assign", "once", "2024-06-30"),
      ("III.1.b", ["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
       [], "assign", "recurring", None)]),
    # a province before 2025: department and districts as headings
    ("tinh", "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Kế hoạch và Đầu tư\nLà cơ quan thường trực, chủ trì, phối hợp với các sở, ngành liên quan "
     "hướng dẫn thực hiện; tổng hợp, báo cáo UBND tỉnh trước ngày 15/12 hằng năm.\n2. UBND các huyện, thị xã, thành phố\nXây dựng "
     "kế hoạch thực hiện tại địa phương, hoàn thành trước ngày 30/4/2024.\n",
     [("IV.1", ["Sở Kế hoạch và Đầu tư"], ["các sở, ngành liên quan"], "assign", "recurring", "2024-12-15"),
      ("IV.2", ["UBND các huyện, thị xã, thành phố"], [], "assign", "once", "2024-04-30")]),
    # a heading naming the focal body with its role, then lettered duties
    ("gov", "III. TỔ CHỨC THỰC HIỆN\n1. Bộ Y tế là cơ quan thường trực, có trách nhiệm:\na) Hướng dẫn, kiểm tra việc thực hiện.\nb) "
     "Tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 hằng năm.\n",
     [("III.1.a", ["Bộ Y tế"], [], "assign", "unspecified", None),
      ("III.1.b", ["Bộ Y tế"], [], "assign", "recurring", "2024-12-31")]),
    # a collective heading, its paragraph starting with what it does with whom
    ("gov", "III. TỔ CHỨC THỰC HIỆN\n2. Các bộ, ngành liên quan\nTheo chức năng, nhiệm vụ được giao, phối hợp với Bộ Y tế triển "
     "khai các nội dung của Kế hoạch.\n",
     [("III.2", ["Các bộ, ngành liên quan"], ["Bộ Y tế"], "assign", "unspecified", None)]),
    # a body heading in capitals
    ("ct", "1. BỘ KẾ HOẠCH VÀ ĐẦU TƯ\na) Chủ trì tổng hợp tình hình giải ngân.\nb) Báo cáo Thủ tướng Chính phủ định kỳ hằng tháng.\n",
     [("1.a", ["Bộ Kế hoạch và Đầu tư"], [], "assign", "unspecified", None),
      ("1.b", ["Bộ Kế hoạch và Đầu tư"], [], "assign", "recurring", None)]),
    # a request heading with its bullets
    ("ct", "4. Đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội:\n- Tăng cường giám sát việc "
     "thực hiện.\n- Vận động Nhân dân tham gia.\n",
     [("4", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"], [], "request", "unspecified", None),
      ("4", ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "các tổ chức chính trị - xã hội"], [], "request", "unspecified", None)]),
    # several ministries heading, 'theo chức năng, nhiệm vụ được giao:'
    ("ct", "3. Bộ Tài chính, Bộ Kế hoạch và Đầu tư, Ngân hàng Nhà nước Việt Nam theo chức năng, nhiệm vụ được giao:\na) Bố trí đủ "
     "vốn cho các dự án trọng điểm.\nb) Hướng dẫn thủ tục thanh toán, hoàn thành trong tháng 5/2024.\n",
     [("3.a", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Ngân hàng Nhà nước Việt Nam"], [], "assign", "unspecified", None),
      ("3.b", ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Ngân hàng Nhà nước Việt Nam"], [], "assign", "once", "2024-05-31")]),
    # timing on a line of its own under a national item
    ("gov", "II. NHIỆM VỤ\n1. Xây dựng Nghị định quy định chi tiết Luật\nBộ Tư pháp chủ trì, phối hợp với Văn phòng Chính phủ xây "
     "dựng dự thảo Nghị định.\nThời gian trình: tháng 10/2024.\n",
     [("II.1", ["Bộ Tư pháp"], ["Văn phòng Chính phủ"], "assign", "once", "2024-10-31")]),
]


@pytest.mark.parametrize(("head", "body", "expected"), _params(LAYOUT_PROBES, [
    "ct-body-letters", "ct-collective-letters", "ct-province-and-front", "officer-headings", "steering-parts", "ministry-units",
    "responsibility-dashes", "nq-collective-heading", "province-2013", "focal-role-heading", "collective-heading-partner",
    "capitals-heading", "request-heading-bullets", "ministries-heading", "own-line-time"]))
def test_layout_probe(head: str, body: str, expected: list[tuple[str, list[str], list[str], str, str, str | None]]) -> None:
    text = CT + body if head == "ct" else HEADS[head] + body
    got = parse_text(text, source="probe.md", year=2024)["assignments"]
    assert [(a["ref"], a["lead"], a["support"], a["mode"], a["timing"]["kind"], a["timing"]["due"]) for a in got] == expected


# reports: (head, fragment under 'III. TỔ CHỨC THỰC HIỆN', [(from, to, compiles, MM-DD)])
REPORT_PROBES = [
    ("gov", "1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương gửi báo "
     "cáo kết quả thực hiện về Bộ Kế hoạch và Đầu tư trước ngày 30 tháng 11 hằng năm để tổng hợp, báo cáo Thủ tướng Chính phủ trước "
     "ngày 15 tháng 12 hằng năm.",
     [(["Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"],
       ["Bộ Kế hoạch và Đầu tư"], False, "11-30"),
      (["Bộ Kế hoạch và Đầu tư"], ["Thủ tướng Chính phủ"], True, "12-15")]),
    ("gov", "1. Bộ Y tế tổng hợp, báo cáo Thủ tướng Chính phủ kết quả thực hiện trước ngày 15 tháng 12 hằng năm.",
     [(["Bộ Y tế"], ["Thủ tướng Chính phủ"], True, "12-15")]),
    ("gov", "1. Bộ Công an tổng hợp kết quả rà soát, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2024.",
     [(["Bộ Công an"], ["Thủ tướng Chính phủ"], True, "12-31")]),
    ("bcd", "1. Các Thành viên Ban Chỉ đạo gửi báo cáo về Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế) trước ngày 10/6 và 10/12 hằng năm.",
     [(["Các Thành viên Ban Chỉ đạo"], ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], False, "06-10"),
      (["Các Thành viên Ban Chỉ đạo"], ["Cơ quan thường trực Ban Chỉ đạo (Bộ Y tế)"], False, "12-10")]),
    ("bo", "1. Các đơn vị thuộc Bộ báo cáo kết quả thực hiện 6 tháng đầu năm trước ngày 15/6 và báo cáo năm trước ngày 15/12 gửi "
     "Văn phòng Bộ để tổng hợp, báo cáo Bộ trưởng.",
     [(["Các đơn vị thuộc Bộ"], ["Văn phòng Bộ"], False, "06-15"), (["Các đơn vị thuộc Bộ"], ["Văn phòng Bộ"], False, "12-15")]),
    # the dates first, the subject after them
    ("gov", "1. Định kỳ 6 tháng (trước ngày 20 tháng 6) và hằng năm (trước ngày 15 tháng 12), các bộ, ngành gửi báo cáo về Bộ Tư pháp.",
     [(["các bộ, ngành"], ["Bộ Tư pháp"], False, "06-20"), (["các bộ, ngành"], ["Bộ Tư pháp"], False, "12-15")]),
    ("tinh", "1. Sở Y tế tổng hợp kết quả, gửi Bộ Y tế trước 30/6 để tổng hợp, báo cáo Chính phủ.",
     [(["Sở Y tế"], ["Bộ Y tế"], True, "06-30")]),
    ("gov", "1. Định kỳ hằng năm, Bộ Y tế tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12.",
     [(["Bộ Y tế"], ["Thủ tướng Chính phủ"], True, "12-31")]),
    ("bcd", "1. Các Tiểu ban báo cáo Ban Chỉ đạo (qua Bộ Y tế) trước ngày 15/6 và 15/12 hằng năm.",
     [(["Các Tiểu ban"], ["Ban Chỉ đạo"], False, "06-15"), (["Các Tiểu ban"], ["Ban Chỉ đạo"], False, "12-15")]),
    ("gov", "1. Các bộ, ngành gửi báo cáo về Văn phòng Chính phủ trước ngày 25 tháng 11 năm 2024 để tổng hợp, báo cáo Thủ tướng "
     "Chính phủ.", [(["Các bộ, ngành"], ["Văn phòng Chính phủ"], False, "11-25")]),
    ("gov", "1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương báo cáo Bộ Y tế kết quả thực hiện trước ngày 15/12 hằng "
     "năm để tổng hợp, báo cáo Thủ tướng Chính phủ.",
     [(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"], ["Bộ Y tế"], False, "12-15")]),
    ("bo", "1. Các đơn vị thuộc Bộ báo cáo Bộ trưởng (qua Vụ Pháp chế) trước ngày 10/12 hằng năm.",
     [(["Các đơn vị thuộc Bộ"], ["Bộ trưởng"], False, "12-10")]),
    ("tinh", "1. Ủy ban nhân dân các huyện, thị xã, thành phố báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) "
     "trước ngày 20 tháng 11 hằng năm.",
     [(["Ủy ban nhân dân các huyện, thị xã, thành phố"], ["Ủy ban nhân dân tỉnh"], False, "11-20")]),
]


@pytest.mark.parametrize(("head", "fragment", "expected"), _params(REPORT_PROBES, [
    "ministry-chain", "minister-compiles", "dated-year", "steering-members", "units-half-and-year", "dates-first", "no-ngay",
    "yearly-then-subject", "via-pair", "to-office-dated", "report-receiver-first", "to-minister-via",
    "through-focal"]))
def test_report_probe(head: str, fragment: str, expected: list[tuple[list[str], list[str], bool, str]]) -> None:
    reports = _plan(head, "III. TỔ CHỨC THỰC HIỆN\n" + fragment + "\n")["reports"]
    assert [(r["from"], r["to"], r["compiles"], r["timing"]["due"][5:]) for r in reports] == expected
