"""Rules of how Vietnamese administrative plans are written, each on a small paraphrased text."""

from __future__ import annotations

from typing import Any

from dondoc.plans import parse_text

HEAD = "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n"


def _plan(body: str) -> dict[str, Any]:
    return parse_text(HEAD + body, source="t.md", year=2026)


def _pairs(plan: dict[str, Any]) -> set[tuple[str, str]]:
    return {(a["ref"], lead) for a in plan["assignments"] for lead in a["lead"]}


def test_activities_numbered_in_words_are_items_carrying_their_content() -> None:
    plan = _plan(
        "I. CÁC HOẠT ĐỘNG\nHoạt động 1\n- Nội dung: Tổ chức hội nghị tập huấn cho cán bộ cơ sở.\n"
        "- Thời gian: từ ngày 01/3 đến ngày 31/3/2026.\n- Đơn vị chủ trì: Sở Nội vụ.\n- Đơn vị phối hợp: Sở Tài chính.\n"
        "Hoạt động 2\n- Nội dung: Kiểm tra việc thực hiện tại các xã.\n- Thời gian: Quý IV/2026.\n- Đơn vị chủ trì: Thanh tra tỉnh.\n"
    )
    by = {a["ref"]: a for a in plan["assignments"]}
    assert _pairs(plan) == {("I.1", "Sở Nội vụ"), ("I.2", "Thanh tra tỉnh")}
    assert "tập huấn" in by["I.1"]["text"] and "Kiểm tra" in by["I.2"]["text"]
    assert by["I.1"]["timing"]["due"] == "2026-03-31" and by["I.2"]["timing"]["due"] == "2026-12-31"


def test_activities_under_a_numbered_item_are_its_sub_items() -> None:
    plan = _plan(
        "I. NHIỆM VỤ\n1. Truyền thông\nHoạt động 1: Sản xuất phóng sự\n- Đơn vị chủ trì: Đài Phát thanh và Truyền hình tỉnh.\n"
        "Hoạt động 2: Tọa đàm chuyên đề\n- Đơn vị chủ trì: Báo Nhân dân.\n2. Sở Y tế chủ trì tổng kết.\n"
    )
    refs = {a["ref"] for a in plan["assignments"]}
    assert {"I.1.1", "I.1.2", "I.2"} <= refs


def test_plus_sub_bullet_naming_another_body_is_its_part() -> None:
    plan = _plan(
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo:\n- Chỉ đạo các trường tổ chức tuyên truyền; trong đó:\n"
        "+ Sở Y tế hướng dẫn công tác y tế trường học.\n+ Tỉnh Đoàn phối hợp tổ chức hoạt động ngoại khóa.\n"
    )
    assert {("II.1", "Sở Giáo dục và Đào tạo"), ("II.1", "Sở Y tế"), ("II.1", "Tỉnh Đoàn")} <= _pairs(plan)


def test_unnumbered_plan_body_is_read_and_flagged() -> None:
    plan = _plan(
        "Để chủ động phòng chống thiên tai, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:\n"
        "- Sở Nông nghiệp và Môi trường chủ trì rà soát phương án ứng phó.\n- Công an tỉnh bảo đảm an ninh trật tự.\n"
    )
    leads = {lead for a in plan["assignments"] for lead in a["lead"]}
    assert {"Sở Nông nghiệp và Môi trường", "Công an tỉnh"} <= leads
    assert any("mục đánh số" in w for w in plan["warnings"])


def test_requirements_section_gives_no_assignment() -> None:
    plan = _plan(
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao hiệu quả.\n2. Yêu cầu\n"
        "Thủ trưởng các cơ quan, đơn vị phải quán triệt, triển khai nghiêm túc.\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì hướng dẫn thực hiện.\n"
    )
    assert _pairs(plan) == {("II.1", "Sở Nội vụ")}


def test_timing_on_its_own_line_belongs_to_the_task_above() -> None:
    plan = _plan(
        "I. NHIỆM VỤ\n1. Sở Y tế chủ trì xây dựng quy trình tiếp nhận phản ánh.\nThời gian hoàn thành: trước ngày 15 tháng 9 năm 2026.\n"
        "2. Sở Tài chính bố trí kinh phí thực hiện.\nThời gian hoàn tất: trước ngày 30/10/2026.\n"
    )
    due = {a["ref"]: a["timing"]["due"] for a in plan["assignments"]}
    assert due == {"I.1": "2026-09-15", "I.2": "2026-10-30"}


def test_focal_point_is_the_body_charged_with_following_up() -> None:
    plan = _plan(
        "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế triển khai các nội dung chuyên môn.\n"
        "2. Sở Tài chính chủ trì theo dõi, đôn đốc, kiểm tra, tổng hợp báo cáo kết quả thực hiện Kế hoạch.\n"
    )
    assert plan["focal"]["name"] == "Sở Tài chính"


def test_task_block_with_dotted_label_items() -> None:
    plan = _plan(
        "II. NHIỆM VỤ CỤ THỂ\n1. Xây dựng cơ sở dữ liệu đất đai\n1.1. Nội dung: Số hóa hồ sơ địa chính của các xã.\n"
        "1.2. Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n1.3. Cơ quan phối hợp: Ủy ban nhân dân các xã, phường.\n"
        "1.4. Thời gian thực hiện: Năm 2026.\n2. Nâng cấp hạ tầng viễn thông\n2.1. Nội dung: Phủ sóng khu công nghiệp.\n"
        "2.2. Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n2.3. Thời gian thực hiện: Quý II/2026.\n"
    )
    by = {a["ref"]: a for a in plan["assignments"]}
    assert _pairs(plan) == {("II.1", "Sở Nông nghiệp và Môi trường"), ("II.2", "Sở Khoa học và Công nghệ")}
    assert "Số hóa hồ sơ" in by["II.1"]["text"] and by["II.1"]["support"] == ["Ủy ban nhân dân các xã, phường"]
    assert by["II.2"]["timing"]["due"] == "2026-06-30"


def test_task_block_with_bare_labels_and_one_body_per_bullet() -> None:
    plan = _plan(
        "II. NHIỆM VỤ\n1. Nội dung\nRà soát, cắm mốc hành lang an toàn đường bộ.\n2. Chủ trì thực hiện\n- Sở Xây dựng.\n"
        "- Công an tỉnh.\n3. Phối hợp thực hiện\n- Ủy ban nhân dân các xã, phường.\n4. Thời gian thực hiện: Hoàn thành trước ngày 30/6/2026.\n"
    )
    (a,) = plan["assignments"]
    assert a["ref"] == "II" and a["lead"] == ["Sở Xây dựng", "Công an tỉnh"] and "cắm mốc" in a["text"]
    assert a["timing"]["due"] == "2026-06-30"


def test_body_heading_wrapped_before_va_is_one_name() -> None:
    plan = _plan(
        "IV. TỔ CHỨC THỰC HIỆN\n**1. Sở Văn hóa, Thể thao**\n**và Du lịch**\n- Chủ trì phát động phong trào thi đua.\n"
        "**2. Ban Thi đua - Khen thưởng tỉnh**\nTham mưu khen thưởng các tập thể, cá nhân.\n"
    )
    assert _pairs(plan) == {("IV.1", "Sở Văn hóa, Thể thao và Du lịch"), ("IV.2", "Ban Thi đua - Khen thưởng tỉnh")}
    assert all(a["text"] != "và Du lịch" for a in plan["assignments"])


def test_half_of_a_named_year_is_one_deadline() -> None:
    from dondoc.plans.timing import parse_timing

    assert parse_timing("6 tháng đầu năm 2026", plan_year=2026)["due"] == "2026-06-30"
    assert parse_timing("Sáu tháng cuối năm 2027", plan_year=2026)["kind"] == "once"
    assert parse_timing("Báo cáo 6 tháng đầu năm hằng năm", plan_year=2026)["kind"] == "recurring"


def test_two_yearly_dates_of_the_same_day() -> None:
    from dondoc.plans.timing import parse_timing

    t = parse_timing("trước ngày 20 tháng 6 và 20 tháng 12 hằng năm", plan_year=2026)
    assert t["rrule"] == "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=20" and t["due"] == "2026-06-20"


def test_a_ministry_names_its_departments_vu_and_its_bodies() -> None:
    plan = _plan(
        "III. TỔ CHỨC THỰC HIỆN\n1. Vụ Thư viện là đơn vị đầu mối, theo dõi, đôn đốc, tổng hợp báo cáo Bộ trưởng trước ngày 15/12/2026.\n"
        "2. Vụ Kế hoạch, Tài chính bố trí kinh phí thực hiện Kế hoạch.\n3. Thư viện Quốc gia Việt Nam xây dựng thư viện số dùng chung.\n"
    )
    assert _pairs(plan) == {("III.1", "Vụ Thư viện"), ("III.2", "Vụ Kế hoạch, Tài chính"), ("III.3", "Thư viện Quốc gia Việt Nam")}
    assert plan["focal"]["name"] == "Vụ Thư viện"


def test_a_modal_ends_the_subject_of_a_requirement() -> None:
    plan = _plan("I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nCác đơn vị phải phối hợp chặt chẽ.\nII. NHIỆM VỤ\n1. Sở Y tế chủ trì.\n")
    assert _pairs(plan) == {("II.1", "Sở Y tế")}


def test_annex_group_numeral_written_in_the_task_column() -> None:
    annex = (
        "II. NHIỆM VỤ\nNhiệm vụ cụ thể tại Phụ lục kèm theo.\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\n"
        "| STT | Nội dung nhiệm vụ | Sản phẩm | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kinh phí |\n"
        "|---|---|---|---|---|---|---|\n| I | HOÀN THIỆN THỂ CHẾ | | | | | |\n"
        "| 1 | Xây dựng quy chế phối hợp | Quyết định | Sở Tư pháp | Các sở, ngành | Quý II/2026 | NSNN |\n"
        "|  | **II. TRUYỀN THÔNG** | | | | | |\n| 1 | Tuyên truyền trên báo chí | Tin bài | Báo Lâm Đồng | | Thường xuyên | |\n"
    )
    assert _pairs(_plan(annex)) == {("PL.I.1", "Sở Tư pháp"), ("PL.II.1", "Báo Lâm Đồng")}


def test_an_officer_named_by_the_field_in_their_charge() -> None:
    plan = _plan(
        "III. PHÂN CÔNG\n1. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội\n- Chuẩn bị tài liệu hội nghị.\n"
        "2. Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng\n- Bảo đảm thông tin liên lạc thông suốt.\n"
    )
    assert _pairs(plan) == {
        ("III.1", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"),
        ("III.2", "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng"),
    }


def test_closing_words_charge_everyone_named_and_their_periodic_report() -> None:
    plan = _plan(
        "V. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\n- Chủ trì theo dõi việc thực hiện.\n"
        "2. Đề nghị các tổ chức, doanh nghiệp, Hiệp hội Du lịch tỉnh\n- Tham gia quảng bá điểm đến.\n"
        "Trên đây là Kế hoạch phát triển du lịch, yêu cầu các sở, ban, ngành; Ủy ban nhân dân các xã, phường nghiêm túc "
        "triển khai thực hiện, báo cáo định kỳ (ngày 25/12 năm 2026, năm 2027) kết quả thực hiện gửi Ủy ban nhân dân tỉnh "
        "(qua Sở Du lịch tổng hợp).\n"
    )
    pairs = _pairs(plan)
    assert {("V.2", "Hiệp hội Du lịch tỉnh"), ("V", "các sở, ban, ngành"), ("V", "Ủy ban nhân dân các xã, phường")} <= pairs
    assert all(a["mode"] == "request" for a in plan["assignments"] if a["ref"] == "V.2")
    closing = next(a for a in plan["assignments"] if a["ref"] == "V")
    assert closing["timing"]["kind"] == "recurring" and closing["timing"]["due"] == "2026-12-25"
    assert any(r["timing"]["due"] == "2026-12-25" for r in plan["reports"])


def test_closing_words_where_the_issuer_asks_right_after_the_plans_title() -> None:
    # no comma before the ask: '... tầm nhìn đến năm 2045” Ủy ban nhân dân thành phố yêu cầu các sở, ...'
    plan = _plan(
        "V. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\n- Chủ trì theo dõi việc thực hiện.\n"
        "Trên đây là Kế hoạch triển khai Đề án “Phát triển du lịch giai đoạn 2025 – 2030” Ủy ban nhân dân thành phố "
        "yêu cầu các sở, ban, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch thực hiện hằng năm.\n"
    )
    assert ("V", "các sở, ban, ngành, địa phương") in _pairs(plan)


def test_carriers_and_state_groups_are_named_by_their_brand() -> None:
    plan = _plan(
        "III. TỔ CHỨC THỰC HIỆN\n1. Viettel Nghệ An, Viễn thông Nghệ An, MobiFone Nghệ An chủ trì đầu tư hạ tầng trạm phát sóng.\n"
        "2. Bưu điện tỉnh phối hợp tuyên truyền.\n3. Các doanh nghiệp viễn thông chia sẻ hạ tầng cột ăng ten.\n"
    )
    assert _pairs(plan) == {
        ("III.1", "Viettel Nghệ An"), ("III.1", "Viễn thông Nghệ An"), ("III.1", "MobiFone Nghệ An"),
        ("III.2", "Bưu điện tỉnh"), ("III.3", "Các doanh nghiệp viễn thông"),
    }


def test_a_resolutions_articles_carry_duties_but_not_its_enforcement_clause() -> None:
    text = (
        "NGHỊ QUYẾT\nBan hành Kế hoạch sửa đổi luật\nQUYẾT NGHỊ:\nĐiều 1.\nBan hành kèm theo Nghị quyết này Kế hoạch sửa đổi luật.\n"
        "Điều 2.\n1. Các cơ quan được giao nhiệm vụ soạn thảo khẩn trương tổ chức thực hiện.\n"
        "2. Thường trực Hội đồng Dân tộc, Văn phòng Quốc hội, trong phạm vi nhiệm vụ được giao, chủ động rà soát.\n"
        "Điều 3.\nGiao Tổng Thư ký Quốc hội theo dõi, đôn đốc việc triển khai thực hiện.\n"
        "Điều 4. Chánh Văn phòng, Thủ trưởng các cơ quan chịu trách nhiệm thi hành Nghị quyết này./.\n"
    )
    plan = parse_text(text, source="nq.md", year=2026)
    pairs = _pairs(plan)
    assert {("Điều 2.1", "Các cơ quan được giao nhiệm vụ"), ("Điều 2.2", "Thường trực Hội đồng Dân tộc"),
            ("Điều 2.2", "Văn phòng Quốc hội"), ("Điều 3", "Tổng Thư ký Quốc hội")} <= pairs
    assert not any(ref.startswith("Điều 4") for ref, _ in pairs)


def test_a_decision_issuing_a_plan_numbered_on_its_own_reads_the_plan() -> None:
    text = (
        "QUYẾT ĐỊNH\nBan hành Kế hoạch\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\nĐiều 3. Chánh Văn phòng, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.\n"
        "KẾ HOẠCH\nPhòng chống dịch năm 2026\n1. Sở Y tế chủ trì giám sát dịch bệnh.\n2. Sở Tài chính bố trí kinh phí.\n"
    )
    plan = parse_text(text, source="qd.md", year=2026)
    assert _pairs(plan) == {("1", "Sở Y tế"), ("2", "Sở Tài chính")}


def test_a_list_of_collectives_as_subject_and_a_monthly_deadline_in_the_sentence() -> None:
    plan = parse_text(
        HEAD + "VI. CHẾ ĐỘ BÁO CÁO\n1. Các Sở, ban, ngành; cơ quan, đơn vị tiến hành đánh giá, báo cáo kết quả thực hiện "
        "gửi về Sở Công Thương trước ngày 20 hằng tháng.\n", source="t.md", year=2026,
    )
    (a,) = plan["assignments"]
    assert a["lead"] == ["Các Sở, ban, ngành", "cơ quan, đơn vị"]
    assert a["timing"]["kind"] == "recurring" and a["timing"]["rrule"] == "FREQ=MONTHLY;BYMONTHDAY=20"


def test_annex_group_numeral_and_title_in_the_number_cell() -> None:
    annex = (
        "I. NHIỆM VỤ\nTheo danh mục kèm theo.\nNơi nhận:\n- Lưu: VT.\n\nDANH MỤC NHIỆM VỤ\n"
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| I. PHÁT TRIỂN SẢN PHẨM | | | | |\n| 1 | Xây dựng tour đêm | Sở Du lịch | | 2025 |\n"
        "| II. Quảng bá du lịch | | | | |\n| 1 | Tổ chức lễ hội | Sở Văn hóa và Thể thao | | 2025 |\n"
    )
    assert _pairs(_plan(annex)) == {("PL.I.1", "Sở Du lịch"), ("PL.II.1", "Sở Văn hóa và Thể thao")}


def test_a_range_of_counts_gives_both_bounds_cue_or_not() -> None:
    from dondoc.plans.numbers import find_targets

    got = find_targets("Triển khai du lịch cộng đồng tại khoảng 10–12 xã, phường; tối thiểu 8–10 mô hình điểm.",
                       ref="II", by=None, in_targets_section=True)
    assert [(t["value"], t["unit"], t["comparator"]) for t in got] == [
        (10, "xã", ">="), (12, "xã", "<="), (8, "mô hình", ">="), (10, "mô hình", "<=")]
    # no cue word: the range of counts is itself the commitment
    got = find_targets("Mở thêm 2-3 đường bay quốc tế; kêu gọi đầu tư 4 – 5 khách sạn 4 - 5 sao.",
                       ref="II", by=None, in_targets_section=False)
    assert [(t["value"], t["unit"]) for t in got] == [
        (2, "đường bay"), (3, "đường bay"), (4, "khách sạn"), (5, "khách sạn")]
    assert find_targets("Giai đoạn 2026–2027 hoàn thành", ref="II", by=None, in_targets_section=True) == []
    assert find_targets("Trẻ em 3-5 tuổi được học 2-3 năm.", ref="II", by=None, in_targets_section=False) == []


def test_focal_point_is_where_reports_are_sent_to_be_compiled() -> None:
    plan = _plan(
        "V. TỔ CHỨC THỰC HIỆN\n1. Sở Giao thông vận tải triển khai các nhiệm vụ được giao.\n"
        "Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo "
        "kết quả thực hiện về Sở Xây dựng trước ngày 30/11/2026, để tổng hợp báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    assert plan["focal"]["name"] == "Sở Xây dựng"
    via = _plan("V. TỔ CHỨC THỰC HIỆN\nCác sở báo cáo định kỳ (ngày 25/12 năm 2026) gửi Ủy ban nhân dân tỉnh (qua Sở Du lịch tổng hợp).\n")
    assert via["focal"]["name"] == "Sở Du lịch"


def test_sending_opinions_to_the_focal_point_after_a_condition_is_a_duty() -> None:
    plan = _plan(
        "I. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương theo dõi, đôn đốc thực hiện Kế hoạch.\n"
        "2. Trong quá trình thực hiện, nếu có vướng mắc phát sinh, Thủ trưởng các cơ quan, đơn vị, Chủ tịch Ủy ban "
        "nhân dân các xã, phường chủ động gửi ý kiến về Sở Công Thương để tổng hợp.\n"
        "3. Trong quá trình thực hiện, nếu thấy cần sửa đổi, các sở, ngành chủ động đề xuất sửa đổi Kế hoạch.\n"
    )
    pairs = _pairs(plan)
    assert ("I.2", "Thủ trưởng các cơ quan, đơn vị") in pairs
    assert ("I.2", "Chủ tịch Ủy ban nhân dân các xã, phường") in pairs
    assert not any(ref == "I.3" for ref, _ in pairs)  # proposing amendments is not counted
