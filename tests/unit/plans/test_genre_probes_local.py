"""Probes of the genre, round 11: made-up fragments written the way LOCAL texts other than a UBND's
ordinary plan give and time tasks — plans of Party committees (Tỉnh ủy, Đảng ủy xã: their Ban, Ủy ban
Kiểm tra, Văn phòng, chi bộ), of the Front and the mass organisations (Ủy ban MTTQ Việt Nam xã, Hội Liên hiệp
Phụ nữ, Đoàn Thanh niên, Hội Nông dân, Hội Cựu chiến binh) to their member bodies, commune plans after
1 July 2025 (no district: Văn phòng HĐND và UBND xã, Phòng Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ
hành chính công xã, Công an xã, thôn and tổ dân phố), sector plans (Sở Giáo dục và Đào tạo, Sở Y tế, Công an
tỉnh, Bộ Chỉ huy Quân sự tỉnh), a Chương trình hành động, a Phương án, a Kế hoạch liên tịch — and task tables
in Word/markdown with the columns in other names and orders. Written from knowledge of the genre, not copied
from any plan, BEFORE the parser was run on them.

Expectations follow the gold conventions (shared/seeds/gold/README.md and the notes of shared/plans/more/gold):
names copied as written; a collective after 'Các' is one lead; an officer charged with a duty is the lead as
written (gold 44 'Đồng chí Chủ tịch Ủy ban MTTQ xã'); 'Đề nghị' -> request, otherwise assign — including the
Front's and the Party's own member bodies in their own plans (gold 44: 'tasks inside the Front's own system');
'(qua X)' names the channel, not the receiver (round 10); timing due = the first due date in the plan's first
year, on or after the issue date for a yearly or monthly day (the plans here are issued 15/8/2025), continuous
-> no due; a monthly deadline with no month gives no report entry (golds 15, 45). Table rows: the lead cell's
'(chủ trì)' body leads and the others in that cell support (gold 21's parenthetical co-drafters); annex rows
'PL.<group>.<STT>' (schema), a body table's rows '<section>.<STT>'.

One judgement call no gold makes: 'năm học 2025-2026' is a named period, not a range of calendar years: due at
its end, 31/5/2026 (the Ministry's yearly time frame ends the school year by 31 May), as a quarter is due on its
last day."""

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


DATE = "ngày 15 tháng 8 năm 2025"
HEADS = {
    # a provincial Party committee (its number written 'Số 45-KH/TU', no colon)
    "tu": f"ĐẢNG BỘ TỈNH X\nTỈNH ỦY\n*\nSố 45-KH/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nTân An, {DATE}\nKẾ HOẠCH\n"
          "thực hiện Chỉ thị của Ban Bí thư về công tác tuyên truyền\n",
    # a commune Party committee
    "du": f"ĐẢNG BỘ TỈNH X\nĐẢNG ỦY XÃ AN PHÚ\n*\nSố 12-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nAn Phú, {DATE}\nKẾ HOẠCH\n"
          "học tập, quán triệt Nghị quyết Đại hội Đảng bộ xã\n",
    # the Front of a commune
    "mt": f"ỦY BAN MTTQ VIỆT NAM\nXÃ AN PHÚ\nBAN THƯỜNG TRỰC\nSố: 08/KH-MTTQ-BTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          f"Độc lập - Tự do - Hạnh phúc\nAn Phú, {DATE}\nKẾ HOẠCH\nTổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2025\n",
    # a mass organisation of a province
    "hoi": f"HỘI LIÊN HIỆP PHỤ NỮ TỈNH X\nBAN THƯỜNG VỤ\nSố: 30/KH-HPN\nTân An, {DATE}\nKẾ HOẠCH\n"
           "Thực hiện cuộc vận động xây dựng gia đình 5 không, 3 sạch năm 2025\n",
    "doan": f"BCH ĐOÀN TỈNH X\n***\nSố: 20-KH/TĐTN-PT\nĐOÀN TNCS HỒ CHÍ MINH\nTân An, {DATE}\nKẾ HOẠCH\n"
            "Tổ chức các hoạt động tình nguyện năm 2025\n",
    # a commune after 1 July 2025
    "xa": f"ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 20/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nAn Phú, {DATE}\nKẾ HOẠCH\n"
          "Thực hiện công tác an sinh xã hội năm 2025\n",
    # a province after 1 July 2025
    "tinh": f"ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 150/KH-UBND\nTân An, {DATE}\nKẾ HOẠCH\nSắp xếp đội ngũ cán bộ, công chức cấp xã\n",
    # sector plans
    "sgd": f"UBND TỈNH X\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 1200/KH-SGDĐT\nTân An, {DATE}\nKẾ HOẠCH\n"
           "Giáo dục kỹ năng sống cho học sinh năm học 2025-2026\n",
    "syt": f"UBND TỈNH X\nSỞ Y TẾ\nSố: 900/KH-SYT\nTân An, {DATE}\nKẾ HOẠCH\nPhòng, chống dịch bệnh năm 2025\n",
    "cat": f"CÔNG AN TỈNH X\nSố: 450/KH-CAT-PC06\nTân An, {DATE}\nKẾ HOẠCH\nLàm sạch dữ liệu dân cư năm 2025\n",
    "bch": f"QUÂN KHU 5\nBỘ CHỈ HUY QUÂN SỰ TỈNH X\nSố: 75/KH-BCH\nTân An, {DATE}\nKẾ HOẠCH\nHuấn luyện dân quân tự vệ năm 2025\n",
    # two issuers
    "lt": f"SỞ Y TẾ - SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 12/KHLT-SYT-SGDĐT\nTân An, {DATE}\nKẾ HOẠCH LIÊN TỊCH\n"
          "Công tác y tế trường học năm học 2025-2026\n",
    # other kinds of plan
    "ctr": f"ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 25/CTr-UBND\nTân An, {DATE}\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
           "Thực hiện Nghị quyết của Bộ Chính trị về phát triển khoa học, công nghệ\n",
    "pa": f"ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 05/PA-UBND\nAn Phú, {DATE}\nPHƯƠNG ÁN\nỨng phó thiên tai năm 2025\n",
}
TASKS = "II. NHIỆM VỤ\n1. Nhiệm vụ\n"


def _plan(head: str, body: str) -> dict[str, Any]:
    return parse_text(HEADS[head] + body, source="probe.md", year=2025)


@pytest.mark.parametrize(("head", "number"), [
    ("tu", "45-KH/TU"), ("du", "12-KH/ĐU"), ("mt", "08/KH-MTTQ-BTT"), ("doan", "20-KH/TĐTN-PT"), ("xa", "20/KH-UBND"),
    ("lt", "12/KHLT-SYT-SGDĐT"), ("ctr", "25/CTr-UBND"), ("pa", "05/PA-UBND")])
def test_header_probe(head: str, number: str) -> None:
    plan = _plan(head, TASKS + "Văn phòng Đảng ủy theo dõi, đôn đốc việc thực hiện.\n")
    assert (plan["number"], plan["issued_on"]) == (number, "2025-08-15")


# (second batch, written after the first run showed it) the title after the kind of document
@pytest.mark.parametrize(("head", "title"), [
    ("lt", "Công tác y tế trường học năm học 2025-2026"), ("ctr", "Thực hiện Nghị quyết của Bộ Chính trị về phát triển khoa học, công nghệ"),
    ("pa", "Ứng phó thiên tai năm 2025")])
def test_title_after_the_kind_of_document(head: str, title: str) -> None:
    assert _plan(head, TASKS + "Sở Y tế chủ trì kiểm tra.\n")["title"] == title


# (head, fragment under 'II. NHIỆM VỤ / 1. Nhiệm vụ', leads, support, mode, timing kind, due)
TASK_PROBES = [
    # --- a provincial Party committee
    ("tu", "Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy hướng dẫn các cấp ủy tổ chức học tập, "
     "quán triệt Chỉ thị, hoàn thành trong quý III/2025.",
     ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], ["Văn phòng Tỉnh ủy"], "assign", "once", "2025-09-30"),
    ("tu", "Ủy ban Kiểm tra Tỉnh ủy chủ trì kiểm tra, giám sát việc thực hiện Chỉ thị, báo cáo Ban Thường vụ Tỉnh ủy tháng 6 "
     "và tháng 12 hằng năm.", ["Ủy ban Kiểm tra Tỉnh ủy"], [], "assign", "recurring", "2025-12-31"),
    ("tu", "Các đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện, hoàn thành trước ngày 30/9/2025.",
     ["Các đảng ủy trực thuộc Tỉnh ủy"], [], "assign", "once", "2025-09-30"),
    ("tu", "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo Ủy ban nhân dân tỉnh cụ thể hóa Chỉ thị thành các chương trình, kế hoạch.",
     ["Đảng ủy Ủy ban nhân dân tỉnh"], [], "assign", "unspecified", None),
    ("tu", "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh lãnh đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính "
     "trị - xã hội tăng cường giám sát việc thực hiện.",
     ["Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"], [], "assign", "unspecified", None),
    ("tu", "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ủy ban Kiểm tra Tỉnh ủy theo dõi, đôn đốc việc thực hiện, định kỳ báo cáo "
     "Ban Thường vụ Tỉnh ủy.", ["Ban Tổ chức Tỉnh ủy"], ["Ủy ban Kiểm tra Tỉnh ủy"], "assign", "recurring", None),
    ("tu", "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị quán triệt, triển khai thực hiện nghiêm túc Chỉ thị.",
     ["Các cấp ủy, tổ chức đảng, cơ quan, đơn vị"], [], "assign", "unspecified", None),
    ("tu", "Văn phòng Tỉnh ủy bảo đảm kinh phí, điều kiện phục vụ việc triển khai Kế hoạch.",
     ["Văn phòng Tỉnh ủy"], [], "assign", "unspecified", None),
    ("tu", "Giao Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh chỉ đạo các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề trong "
     "quý IV/2025.", ["Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh"], [], "assign", "once", "2025-12-31"),
    ("tu", "Báo và Phát thanh, Truyền hình tỉnh, Cổng Thông tin điện tử tỉnh mở chuyên mục tuyên truyền thường xuyên.",
     ["Báo và Phát thanh, Truyền hình tỉnh", "Cổng Thông tin điện tử tỉnh"], [], "assign", "continuous", None),
    # --- a commune Party committee
    ("du", "Ban Xây dựng Đảng Đảng ủy xã chủ trì, phối hợp với Văn phòng Đảng ủy tham mưu tổ chức hội nghị học tập Nghị quyết, "
     "hoàn thành trong tháng 9/2025.", ["Ban Xây dựng Đảng Đảng ủy xã"], ["Văn phòng Đảng ủy"], "assign", "once", "2025-09-30"),
    ("du", "Các chi bộ trực thuộc tổ chức quán triệt đến đảng viên, hoàn thành trước ngày 30/9/2025.",
     ["Các chi bộ trực thuộc"], [], "assign", "once", "2025-09-30"),
    # 'trước Đảng ủy' (answerable to) is no deadline
    ("du", "Bí thư các chi bộ chịu trách nhiệm trước Đảng ủy về kết quả học tập, quán triệt của chi bộ.",
     ["Bí thư các chi bộ"], [], "assign", "unspecified", None),
    ("du", "Ủy ban Kiểm tra Đảng ủy xã kiểm tra, giám sát việc thực hiện của các chi bộ trong quý IV.",
     ["Ủy ban Kiểm tra Đảng ủy xã"], [], "assign", "once", "2025-12-31"),
    # the Party committee hands a task to the commune government
    ("du", "Đảng ủy xã giao Ủy ban nhân dân xã chủ trì, phối hợp với Ủy ban MTTQ Việt Nam xã tổ chức tuyên truyền sâu rộng trong "
     "Nhân dân.", ["Ủy ban nhân dân xã"], ["Ủy ban MTTQ Việt Nam xã"], "assign", "unspecified", None),
    ("du", "Chi ủy các chi bộ thôn, tổ dân phố phân công đảng viên phụ trách hộ gia đình, thực hiện thường xuyên.",
     ["Chi ủy các chi bộ thôn, tổ dân phố"], [], "assign", "continuous", None),
    ("du", "Đồng chí Phó Bí thư Thường trực Đảng ủy xã trực tiếp chỉ đạo, đôn đốc việc triển khai Kế hoạch.",
     ["Đồng chí Phó Bí thư Thường trực Đảng ủy xã"], [], "assign", "unspecified", None),
    # --- the Front of a commune and its member bodies (assign: inside the Front's own system, gold 44)
    ("mt", "Ban Công tác Mặt trận các thôn, tổ dân phố chủ trì tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư, hoàn "
     "thành trước ngày 18/11/2025.", ["Ban Công tác Mặt trận các thôn, tổ dân phố"], [], "assign", "once", "2025-11-18"),
    ("mt", "Hội Nông dân xã chủ trì, phối hợp với Hội Cựu chiến binh xã vận động hội viên tham gia xây dựng nông thôn mới.",
     ["Hội Nông dân xã"], ["Hội Cựu chiến binh xã"], "assign", "unspecified", None),
    ("mt", "Hội Liên hiệp Phụ nữ xã, Đoàn Thanh niên xã phối hợp tổ chức các hoạt động văn hóa, văn nghệ trong tháng 11/2025.",
     ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"], [], "assign", "once", "2025-11-30"),
    ("mt", "Các tổ chức thành viên của Ủy ban MTTQ Việt Nam xã căn cứ chức năng, nhiệm vụ phối hợp thực hiện.",
     ["Các tổ chức thành viên của Ủy ban MTTQ Việt Nam xã"], [], "assign", "unspecified", None),
    # the Front asking the government: a request
    ("mt", "Đề nghị Ủy ban nhân dân xã hỗ trợ kinh phí tổ chức Ngày hội tại các khu dân cư.",
     ["Ủy ban nhân dân xã"], [], "request", "unspecified", None),
    # --- mass organisations to their member bodies
    ("hoi", "Ban Thường vụ Hội Liên hiệp Phụ nữ các xã, phường chỉ đạo các chi hội tổ chức sinh hoạt chuyên đề, báo cáo kết quả "
     "trước ngày 20 hằng tháng.", ["Ban Thường vụ Hội Liên hiệp Phụ nữ các xã, phường"], [], "assign", "recurring", "2025-08-20"),
    ("hoi", "Hội Liên hiệp Phụ nữ các xã, phường vận động hội viên tham gia cuộc vận động, thực hiện thường xuyên.",
     ["Hội Liên hiệp Phụ nữ các xã, phường"], [], "assign", "continuous", None),
    ("doan", "Đoàn Thanh niên các xã, phường, đặc khu chủ trì tổ chức Chiến dịch thanh niên tình nguyện hè từ ngày 01/6 đến ngày "
     "31/8 hằng năm.", ["Đoàn Thanh niên các xã, phường, đặc khu"], [], "assign", "recurring", "2025-08-31"),
    ("doan", "Các cơ sở Đoàn trực thuộc Tỉnh Đoàn xây dựng kế hoạch cụ thể, gửi về Ban Phong trào Tỉnh Đoàn trước ngày 30/8/2025.",
     ["Các cơ sở Đoàn trực thuộc Tỉnh Đoàn"], [], "assign", "once", "2025-08-30"),
    ("doan", "Ban Tổ chức - Kiểm tra Tỉnh Đoàn chủ trì, phối hợp với Văn phòng Tỉnh Đoàn tổng hợp kết quả thi đua.",
     ["Ban Tổ chức - Kiểm tra Tỉnh Đoàn"], ["Văn phòng Tỉnh Đoàn"], "assign", "unspecified", None),
    # --- a commune after 1 July 2025
    ("xa", "Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội tham mưu UBND xã tổ chức hội nghị sơ kết, "
     "hoàn thành trong tháng 12/2025.", ["Văn phòng HĐND và UBND xã"], ["Phòng Văn hóa - Xã hội"], "assign", "once", "2025-12-31"),
    ("xa", "Phòng Kinh tế chủ trì, phối hợp với Trưởng thôn, Tổ trưởng tổ dân phố rà soát diện tích cây trồng bị thiệt hại, báo "
     "cáo UBND xã trước ngày 30/9/2025.", ["Phòng Kinh tế"], ["Trưởng thôn", "Tổ trưởng tổ dân phố"], "assign", "once", "2025-09-30"),
    ("xa", "Trung tâm Phục vụ hành chính công xã tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo quy định, thực hiện thường "
     "xuyên.", ["Trung tâm Phục vụ hành chính công xã"], [], "assign", "continuous", None),
    ("xa", "Công an xã chủ trì, phối hợp với Ban Chỉ huy Quân sự xã bảo đảm an ninh trật tự trong thời gian diễn ra Đại hội.",
     ["Công an xã"], ["Ban Chỉ huy Quân sự xã"], "assign", "unspecified", None),
    ("xa", "Công chức Tư pháp - Hộ tịch chủ trì rà soát, cập nhật dữ liệu hộ tịch; thời gian hoàn thành: trong quý IV/2025.",
     ["Công chức Tư pháp - Hộ tịch"], [], "assign", "once", "2025-12-31"),
    ("xa", "Trạm Y tế xã phối hợp với Trường Trung học cơ sở xã tổ chức khám sức khỏe cho học sinh trong năm học 2025-2026.",
     ["Trạm Y tế xã"], ["Trường Trung học cơ sở xã"], "assign", "once", "2026-05-31"),
    ("xa", "Các thôn, tổ dân phố tổ chức ra quân vệ sinh môi trường vào ngày Chủ nhật cuối tháng, thực hiện hằng tháng.",
     ["Các thôn, tổ dân phố"], [], "assign", "recurring", None),
    ("xa", "Phòng Văn hóa - Xã hội tổng hợp danh sách hộ nghèo, hộ cận nghèo, báo cáo UBND xã trước ngày 25 hằng tháng.",
     ["Phòng Văn hóa - Xã hội"], [], "assign", "recurring", "2025-08-25"),
    ("xa", "Phòng Kinh tế và Phòng Văn hóa - Xã hội theo chức năng, nhiệm vụ được giao hướng dẫn các thôn thực hiện.",
     ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"], [], "assign", "unspecified", None),
    ("xa", "Phòng Kinh tế chủ trì kiểm tra tiến độ gieo trồng vụ Đông; thời gian: trong quý III.",
     ["Phòng Kinh tế"], [], "assign", "once", "2025-09-30"),
    ("xa", "Văn phòng HĐND và UBND xã theo dõi, tổng hợp, báo cáo Chủ tịch UBND xã trước ngày 20 hằng tháng.",
     ["Văn phòng HĐND và UBND xã"], [], "assign", "recurring", "2025-08-20"),
    # --- a province after 1 July 2025
    ("tinh", "Ủy ban nhân dân các xã, phường, đặc khu chủ trì, phối hợp với Công an tỉnh rà soát, cập nhật dữ liệu dân cư; thời "
     "gian: thường xuyên.", ["Ủy ban nhân dân các xã, phường, đặc khu"], ["Công an tỉnh"], "assign", "continuous", None),
    # the communes are what the department guides, not its partners
    ("tinh", "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính hướng dẫn UBND các xã, phường, đặc khu sắp xếp đội ngũ cán bộ, công "
     "chức, hoàn thành trong quý III.", ["Sở Nội vụ"], ["Sở Tài chính"], "assign", "once", "2025-09-30"),
    ("tinh", "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả "
     "thực hiện trên địa bàn.", ["Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"], [], "assign", "unspecified", None),
    ("tinh", "Các sở, ban, ngành tỉnh và UBND các xã, phường, đặc khu báo cáo kết quả thực hiện về Sở Nội vụ tháng 6 và tháng "
     "12 hằng năm.", ["Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu"], [], "assign", "recurring", "2025-12-31"),
    # --- a Sở Giáo dục và Đào tạo
    ("sgd", "Hiệu trưởng các trường THPT chỉ đạo tổ chức các hoạt động giáo dục kỹ năng sống cho học sinh trong năm học "
     "2025-2026.", ["Hiệu trưởng các trường THPT"], [], "assign", "once", "2026-05-31"),
    ("sgd", "Phòng Giáo dục Trung học chủ trì, phối hợp với Phòng Giáo dục Mầm non - Tiểu học hướng dẫn các đơn vị triển khai, "
     "hoàn thành trước ngày 30/9/2025.", ["Phòng Giáo dục Trung học"], ["Phòng Giáo dục Mầm non - Tiểu học"], "assign", "once",
     "2025-09-30"),
    ("sgd", "Các trường THPT, Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên các khu vực xây dựng kế hoạch, gửi về Sở "
     "(qua Phòng Giáo dục Trung học) trước ngày 15/9/2025.",
     ["Các trường THPT", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên các khu vực"], [], "assign", "once", "2025-09-15"),
    ("sgd", "Văn phòng Sở phối hợp với Phòng Kế hoạch - Tài chính bố trí kinh phí thực hiện.",
     ["Văn phòng Sở"], ["Phòng Kế hoạch - Tài chính"], "assign", "unspecified", None),
    ("sgd", "Đề nghị Ủy ban nhân dân các xã, phường chỉ đạo các trường mầm non, tiểu học, trung học cơ sở trên địa bàn thực hiện.",
     ["Ủy ban nhân dân các xã, phường"], [], "request", "unspecified", None),
    # --- a Sở Y tế
    ("syt", "Trung tâm Y tế các khu vực chủ trì, phối hợp với Trạm Y tế các xã, phường triển khai tiêm chủng mở rộng; thời gian: "
     "hằng tháng.", ["Trung tâm Y tế các khu vực"], ["Trạm Y tế các xã, phường"], "assign", "recurring", None),
    ("syt", "Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch bệnh, báo cáo Sở Y tế trước ngày 05 hằng tháng.",
     ["Trung tâm Kiểm soát bệnh tật tỉnh"], [], "assign", "recurring", "2025-09-05"),
    ("syt", "Giám đốc các bệnh viện tuyến tỉnh chịu trách nhiệm tổ chức thực hiện tại đơn vị.",
     ["Giám đốc các bệnh viện tuyến tỉnh"], [], "assign", "unspecified", None),
    ("syt", "Phòng Nghiệp vụ Y chủ trì, phối hợp với Thanh tra Sở kiểm tra việc thực hiện tại các cơ sở khám bệnh, chữa bệnh "
     "trong quý IV/2025.", ["Phòng Nghiệp vụ Y"], ["Thanh tra Sở"], "assign", "once", "2025-12-31"),
    # --- Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh
    ("cat", "Phòng Cảnh sát quản lý hành chính về trật tự xã hội chủ trì, phối hợp với Công an các xã, phường, đặc khu rà soát, "
     "làm sạch dữ liệu dân cư, hoàn thành trước ngày 31/10/2025.",
     ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội"], ["Công an các xã, phường, đặc khu"], "assign", "once", "2025-10-31"),
    ("cat", "Công an các xã, phường, đặc khu tổ chức tuần tra, kiểm soát thường xuyên trên địa bàn.",
     ["Công an các xã, phường, đặc khu"], [], "assign", "continuous", None),
    ("cat", "Đề nghị Bộ Chỉ huy Quân sự tỉnh phối hợp bố trí lực lượng tham gia.",
     ["Bộ Chỉ huy Quân sự tỉnh"], [], "request", "unspecified", None),
    ("bch", "Ban Chỉ huy Phòng thủ khu vực 1 chỉ đạo Ban Chỉ huy Quân sự các xã trên địa bàn tổ chức huấn luyện dân quân, hoàn "
     "thành trong quý III/2025.", ["Ban Chỉ huy Phòng thủ khu vực 1"], [], "assign", "once", "2025-09-30"),
    ("bch", "Phòng Tham mưu chủ trì, phối hợp với Phòng Chính trị, Phòng Hậu cần - Kỹ thuật xây dựng kế hoạch diễn tập.",
     ["Phòng Tham mưu"], ["Phòng Chính trị", "Phòng Hậu cần - Kỹ thuật"], "assign", "unspecified", None),
    # --- a joint plan, an action programme, a response plan
    ("lt", "Sở Y tế chủ trì, phối hợp với Sở Giáo dục và Đào tạo hướng dẫn công tác y tế trường học, hoàn thành trước ngày "
     "30/9/2025.", ["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], "assign", "once", "2025-09-30"),
    ("ctr", "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính tham mưu xây dựng cơ chế đặc thù; thời gian: Quý IV/2025.",
     ["Sở Khoa học và Công nghệ"], ["Sở Tài chính"], "assign", "once", "2025-12-31"),
    ("pa", "Ban Chỉ huy Phòng thủ dân sự xã chỉ đạo sơ tán dân ở vùng nguy hiểm, hoàn thành trước ngày 30/9/2025.",
     ["Ban Chỉ huy Phòng thủ dân sự xã"], [], "assign", "once", "2025-09-30"),
]


@pytest.mark.parametrize(("head", "fragment", "leads", "support", "mode", "kind", "due"),
                         _params(TASK_PROBES, [f"{p[0]}-{p[1][:36]}" for p in TASK_PROBES]))
def test_task_probe(head: str, fragment: str, leads: list[str], support: list[str], mode: str, kind: str, due: str | None) -> None:
    got = _plan(head, TASKS + fragment + "\n")["assignments"]
    assert [(a["ref"], a["lead"], a["support"], a["mode"]) for a in got] == [("II.1", leads, support, mode)]
    assert (got[0]["timing"]["kind"], got[0]["timing"]["due"]) == (kind, due)


ANNEX = "III. TỔ CHỨC THỰC HIỆN\nCác cơ quan, đơn vị thực hiện theo Phụ lục kèm theo.\nNơi nhận:\n- Lưu: VT.\n\nPHỤ LỤC\n"

# (head, body, [(ref, leads, support, mode, kind, due)])
LAYOUT_PROBES = [
    # a Party committee's bodies as headings
    ("tu", "III. TỔ CHỨC THỰC HIỆN\n1. Ban Tuyên giáo và Dân vận Tỉnh ủy\n- Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy hướng dẫn "
     "việc học tập, quán triệt Chỉ thị, hoàn thành trong quý IV/2025.\n- Theo dõi, tổng hợp tình hình tư tưởng trong cán bộ, "
     "đảng viên.\n2. Đảng ủy các xã, phường\n- Xây dựng kế hoạch thực hiện phù hợp với tình hình địa phương, hoàn thành trước "
     "ngày 30/9/2025.\n- Báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 15/12 hằng năm.\n"
     "3. Văn phòng Tỉnh ủy\nGiúp Ban Thường vụ Tỉnh ủy theo dõi, đôn đốc việc thực hiện Kế hoạch.\n",
     [("III.1", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], ["Ban Tổ chức Tỉnh ủy"], "assign", "once", "2025-12-31"),
      ("III.1", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], [], "assign", "unspecified", None),
      ("III.2", ["Đảng ủy các xã, phường"], [], "assign", "once", "2025-09-30"),
      ("III.2", ["Đảng ủy các xã, phường"], [], "assign", "recurring", "2025-12-15"),
      ("III.3", ["Văn phòng Tỉnh ủy"], [], "assign", "unspecified", None)]),
    # a commune's offices, officers and villages as headings
    ("xa", "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng HĐND và UBND xã\nLà cơ quan thường trực, theo dõi, đôn đốc các cơ quan, đơn vị "
     "thực hiện Kế hoạch; tổng hợp, báo cáo Chủ tịch UBND xã trước ngày 20/12/2025.\n2. Phòng Văn hóa - Xã hội\n- Chủ trì tuyên "
     "truyền trên hệ thống truyền thanh cơ sở, thực hiện thường xuyên.\n- Phối hợp với Trạm Y tế xã kiểm tra vệ sinh an toàn thực "
     "phẩm trong tháng 9/2025.\n3. Công an xã, Ban Chỉ huy Quân sự xã\nBảo đảm an ninh chính trị, trật tự an toàn xã hội trên "
     "địa bàn.\n4. Trưởng thôn, Tổ trưởng tổ dân phố\nPhổ biến Kế hoạch đến Nhân dân; báo cáo kết quả về UBND xã (qua Văn phòng "
     "HĐND và UBND xã) trước ngày 10/12/2025.\n",
     [("III.1", ["Văn phòng HĐND và UBND xã"], [], "assign", "once", "2025-12-20"),
      ("III.2", ["Phòng Văn hóa - Xã hội"], [], "assign", "continuous", None),
      ("III.2", ["Phòng Văn hóa - Xã hội"], ["Trạm Y tế xã"], "assign", "once", "2025-09-30"),
      ("III.3", ["Công an xã", "Ban Chỉ huy Quân sự xã"], [], "assign", "unspecified", None),
      ("III.4", ["Trưởng thôn", "Tổ trưởng tổ dân phố"], [], "assign", "once", "2025-12-10")]),
    # the Front's plan: its standing board, the member bodies, a request to the government
    ("mt", "III. TỔ CHỨC THỰC HIỆN\n1. Ban Thường trực Ủy ban MTTQ Việt Nam xã\n- Hướng dẫn các Ban Công tác Mặt trận tổ chức "
     "Ngày hội, hoàn thành trong tháng 10/2025.\n- Tổng hợp kết quả, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh.\n"
     "2. Các tổ chức chính trị - xã hội xã\nVận động đoàn viên, hội viên tham gia Ngày hội.\n3. Đề nghị Ủy ban nhân dân xã\n"
     "Bố trí kinh phí và chỉ đạo các phòng chuyên môn phối hợp thực hiện.\n",
     [("III.1", ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"], [], "assign", "once", "2025-10-31"),
      ("III.1", ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"], [], "assign", "unspecified", None),
      ("III.2", ["Các tổ chức chính trị - xã hội xã"], [], "assign", "unspecified", None),
      ("III.3", ["Ủy ban nhân dân xã"], [], "request", "unspecified", None)]),
    # a Sở Giáo dục và Đào tạo: its schools as headings, the school year as a time
    ("sgd", "III. TỔ CHỨC THỰC HIỆN\n1. Các phòng chuyên môn thuộc Sở\nHướng dẫn, kiểm tra các đơn vị thực hiện Kế hoạch.\n"
     "2. Hiệu trưởng các trường THPT\n- Xây dựng kế hoạch của nhà trường, hoàn thành trước ngày 30/9/2025.\n- Tổ chức thực hiện "
     "trong năm học 2025-2026.\n",
     [("III.1", ["Các phòng chuyên môn thuộc Sở"], [], "assign", "unspecified", None),
      ("III.2", ["Hiệu trưởng các trường THPT"], [], "assign", "once", "2025-09-30"),
      ("III.2", ["Hiệu trưởng các trường THPT"], [], "assign", "once", "2026-05-31")]),
    # a labelled block whose executing line marks the lead in brackets
    ("xa", "II. NHIỆM VỤ\n1. Rà soát hộ nghèo\n- Đơn vị thực hiện: Phòng Văn hóa - Xã hội (chủ trì), Trưởng thôn, Tổ trưởng tổ dân "
     "phố.\n- Thời gian: Trước ngày 30/10/2025.\n",
     [("II.1", ["Phòng Văn hóa - Xã hội"], ["Trưởng thôn", "Tổ trưởng tổ dân phố"], "assign", "once", "2025-10-30")]),
    # 'hai ngành' of a joint plan names no body: no entry
    ("lt", "II. NHIỆM VỤ\n1. Kiểm tra liên ngành\nHai ngành phối hợp tổ chức kiểm tra liên ngành trong quý IV/2025.\n"
     "2. Tập huấn\nSở Giáo dục và Đào tạo chủ trì tập huấn cho nhân viên y tế trường học trong tháng 10/2025.\n",
     [("II.2", ["Sở Giáo dục và Đào tạo"], [], "assign", "once", "2025-10-31")]),
    # --- task tables
    # an annex with 'Cơ quan thực hiện' holding the lead '(chủ trì)' and its partner, group rows in Roman numerals
    ("tinh", ANNEX + "DANH MỤC NHIỆM VỤ\n\n| STT | Nội dung công việc | Cơ quan thực hiện | Thời hạn hoàn thành | Sản phẩm | Ghi chú |\n"
     "|---|---|---|---|---|---|\n| I | CÔNG TÁC TUYÊN TRUYỀN | | | | |\n"
     "| 1 | Tuyên truyền trên các phương tiện thông tin đại chúng | Sở Văn hóa, Thể thao và Du lịch (chủ trì), Báo và Phát thanh, "
     "Truyền hình tỉnh | Thường xuyên | Tin, bài | |\n"
     "| 2 | Biên soạn tài liệu hỏi đáp | Sở Tư pháp (chủ trì); Sở Nội vụ | Quý IV/2025 | Tài liệu | |\n"
     "| II | RÀ SOÁT, SẮP XẾP | | | | |\n"
     "| 1 | Rà soát đội ngũ công chức cấp xã | UBND các xã, phường, đặc khu | Trước ngày 30/9/2025 | Báo cáo | |\n"
     "| 2 | Tổng hợp kết quả, báo cáo UBND tỉnh | Sở Nội vụ | Tháng 12/2025 | Báo cáo | |\n",
     [("PL.I.1", ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo và Phát thanh, Truyền hình tỉnh"], "assign", "continuous", None),
      ("PL.I.2", ["Sở Tư pháp"], ["Sở Nội vụ"], "assign", "once", "2025-12-31"),
      ("PL.II.1", ["UBND các xã, phường, đặc khu"], [], "assign", "once", "2025-09-30"),
      ("PL.II.2", ["Sở Nội vụ"], [], "assign", "once", "2025-12-31")]),
    # columns in another order (output, time before the lead), letter groups, collectives as leads, a funding column
    ("tinh", ANNEX + "\n| STT | Nhiệm vụ | Kết quả đầu ra | Tiến độ | Đơn vị chủ trì | Đơn vị phối hợp | Kinh phí |\n"
     "|---|---|---|---|---|---|---|\n| A | NHIỆM VỤ CHUNG | | | | | |\n"
     "| 1 | Quán triệt, triển khai Kế hoạch | Kế hoạch của đơn vị | Quý III/2025 | Các sở, ngành | UBND các xã, phường | Ngân sách tỉnh |\n"
     "| 2 | Báo cáo kết quả thực hiện | Báo cáo | Tháng 6 và tháng 12 hằng năm | Các sở, ngành; UBND các xã, phường | Sở Nội vụ | |\n"
     "| B | NHIỆM VỤ CỤ THỂ | | | | | |\n"
     "| 1 | Xây dựng cơ sở dữ liệu cán bộ | Cơ sở dữ liệu | Năm 2025-2026 | Sở Nội vụ | Sở Khoa học và Công nghệ | Ngân sách tỉnh |\n",
     [("PL.A.1", ["Các sở, ngành"], ["UBND các xã, phường"], "assign", "once", "2025-09-30"),
      ("PL.A.2", ["Các sở, ngành", "UBND các xã, phường"], ["Sở Nội vụ"], "assign", "recurring", "2025-12-31"),
      ("PL.B.1", ["Sở Nội vụ"], ["Sở Khoa học và Công nghệ"], "assign", "once", "2026-12-31")]),
    # a table in the body of a commune plan: 'Đơn vị thực hiện', 'Thời gian', 'Ghi chú'
    ("xa", "II. NHIỆM VỤ CỤ THỂ\n| TT | Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian | Ghi chú |\n"
     "|---|---|---|---|---|---|\n"
     "| 1 | Ra quân dọn vệ sinh môi trường | Các thôn, tổ dân phố | Đoàn Thanh niên xã | Hằng tháng | |\n"
     "| 2 | Kiểm tra cơ sở kinh doanh thực phẩm | Phòng Văn hóa - Xã hội | Công an xã; Trạm Y tế xã | Trong quý IV | |\n"
     "| 3 | Tổng kết, khen thưởng | Văn phòng HĐND và UBND xã | | Trước ngày 20/12/2025 | |\n",
     [("II.1", ["Các thôn, tổ dân phố"], ["Đoàn Thanh niên xã"], "assign", "recurring", None),
      ("II.2", ["Phòng Văn hóa - Xã hội"], ["Công an xã", "Trạm Y tế xã"], "assign", "once", "2025-12-31"),
      ("II.3", ["Văn phòng HĐND và UBND xã"], [], "assign", "once", "2025-12-20")]),
    # a school annex: the head teachers, the school year
    ("sgd", ANNEX + "\n| STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện |\n|---|---|---|---|---|\n"
     "| 1 | Tổ chức khai giảng năm học mới | Hiệu trưởng các trường | Ban đại diện cha mẹ học sinh | Tháng 9/2025 |\n"
     "| 2 | Tổ chức hội thi giáo viên dạy giỏi cấp tỉnh | Phòng Giáo dục Trung học | Các trường THPT | Năm học 2025-2026 |\n",
     [("PL.1", ["Hiệu trưởng các trường"], ["Ban đại diện cha mẹ học sinh"], "assign", "once", "2025-09-30"),
      ("PL.2", ["Phòng Giáo dục Trung học"], ["Các trường THPT"], "assign", "once", "2026-05-31")]),
    # a Party committee's annex
    ("tu", ANNEX + "PHÂN CÔNG NHIỆM VỤ\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
     "|---|---|---|---|---|\n"
     "| 1 | Sơ kết 01 năm thực hiện Chỉ thị | Ban Tuyên giáo và Dân vận Tỉnh ủy | Văn phòng Tỉnh ủy, Ban Tổ chức Tỉnh ủy | Quý IV/2025 |\n"
     "| 2 | Kiểm tra, giám sát việc thực hiện | Ủy ban Kiểm tra Tỉnh ủy | Các đảng ủy trực thuộc | Thường xuyên |\n",
     [("PL.1", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"], "assign", "once", "2025-12-31"),
      ("PL.2", ["Ủy ban Kiểm tra Tỉnh ủy"], ["Các đảng ủy trực thuộc"], "assign", "continuous", None)]),
]


def _layout(head: str, body: str) -> list[tuple[Any, ...]]:
    got = _plan(head, body)["assignments"]
    return [(a["ref"], a["lead"], a["support"], a["mode"], a["timing"]["kind"], a["timing"]["due"]) for a in got]


@pytest.mark.parametrize(("head", "body", "expected"), _params(LAYOUT_PROBES, [
    "party-headings", "commune-headings", "front-headings", "school-headings", "labelled-chu-tri-mark", "two-sectors-unnamed",
    "annex-merged-cell", "annex-other-order", "commune-body-table", "school-annex", "party-annex"]))
def test_layout_probe(head: str, body: str, expected: list[tuple[str, list[str], list[str], str, str, str | None]]) -> None:
    got = _layout(head, body)
    if body.startswith(ANNEX):  # the section's pointer to the annex is a task of its own ('Các cơ quan, đơn vị')
        got = [g for g in got if g[0].startswith("PL")]
    assert got == expected


# reports: (head, fragment under 'III. TỔ CHỨC THỰC HIỆN', [(from, to, compiles, MM-DD)])
REPORT_PROBES = [
    ("du", "1. Các chi bộ trực thuộc báo cáo kết quả về Ban Thường vụ Đảng ủy (qua Văn phòng Đảng ủy) trước ngày 15/12.",
     [(["Các chi bộ trực thuộc"], ["Ban Thường vụ Đảng ủy"], False, "12-15")]),
    ("tu", "1. Các đảng ủy trực thuộc Tỉnh ủy báo cáo sơ kết 6 tháng (trước ngày 15/6) và tổng kết năm (trước ngày 15/12) về Ban "
     "Thường vụ Tỉnh ủy (qua Ban Tuyên giáo và Dân vận Tỉnh ủy).",
     [(["Các đảng ủy trực thuộc Tỉnh ủy"], ["Ban Thường vụ Tỉnh ủy"], False, "06-15"),
      (["Các đảng ủy trực thuộc Tỉnh ủy"], ["Ban Thường vụ Tỉnh ủy"], False, "12-15")]),
    ("du", "1. Văn phòng Đảng ủy giúp Ban Thường vụ Đảng ủy tổng hợp, báo cáo Ban Thường vụ Tỉnh ủy trước ngày 20/12/2025.",
     [(["Văn phòng Đảng ủy"], ["Ban Thường vụ Tỉnh ủy"], True, "12-20")]),
    ("mt", "1. Ban Công tác Mặt trận các thôn, tổ dân phố báo cáo kết quả về Ban Thường trực Ủy ban MTTQ Việt Nam xã trước ngày "
     "25/11/2025 để tổng hợp, báo cáo Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh trước ngày 30/11/2025.",
     [(["Ban Công tác Mặt trận các thôn, tổ dân phố"], ["Ban Thường trực Ủy ban MTTQ Việt Nam xã"], False, "11-25"),
      (["Ban Thường trực Ủy ban MTTQ Việt Nam xã"], ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"], True, "11-30")]),
    ("xa", "1. Các thôn, tổ dân phố báo cáo kết quả về UBND xã (qua Phòng Văn hóa - Xã hội) trước ngày 10/12/2025; Phòng Văn hóa "
     "- Xã hội tổng hợp, báo cáo Chủ tịch UBND xã trước ngày 15/12/2025.",
     [(["Các thôn, tổ dân phố"], ["UBND xã"], False, "12-10"), (["Phòng Văn hóa - Xã hội"], ["Chủ tịch UBND xã"], True, "12-15")]),
    ("tinh", "1. UBND các xã, phường, đặc khu báo cáo kết quả thực hiện về Sở Nội vụ trước ngày 15/6 và 15/12 hằng năm để tổng "
     "hợp, báo cáo UBND tỉnh.",
     [(["UBND các xã, phường, đặc khu"], ["Sở Nội vụ"], False, "06-15"), (["UBND các xã, phường, đặc khu"], ["Sở Nội vụ"], False, "12-15")]),
    ("sgd", "1. Các trường THPT báo cáo kết quả về Sở Giáo dục và Đào tạo (qua Phòng Giáo dục Trung học) trước ngày 25/5/2026.",
     [(["Các trường THPT"], ["Sở Giáo dục và Đào tạo"], False, "05-25")]),
    ("doan", "1. Các cơ sở Đoàn trực thuộc gửi báo cáo về Ban Thường vụ Tỉnh Đoàn (qua Văn phòng Tỉnh Đoàn) trước ngày 20/11/2025.",
     [(["Các cơ sở Đoàn trực thuộc"], ["Ban Thường vụ Tỉnh Đoàn"], False, "11-20")]),
    # a monthly day with no month: no report entry (golds 15, 45)
    ("syt", "1. Trung tâm Y tế các khu vực báo cáo Sở Y tế (qua Phòng Nghiệp vụ Y) trước ngày 05 hằng tháng.", []),
    ("hoi", "1. Hội Liên hiệp Phụ nữ các xã, phường báo cáo kết quả về Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh trước ngày 15/11 "
     "hằng năm.", [(["Hội Liên hiệp Phụ nữ các xã, phường"], ["Ban Thường vụ Hội Liên hiệp Phụ nữ tỉnh"], False, "11-15")]),
]


@pytest.mark.parametrize(("head", "fragment", "expected"), _params(REPORT_PROBES, [
    "party-cells", "party-half-and-year", "party-office-compiles", "front-chain", "commune-chain", "province-communes",
    "schools-via", "youth-via", "monthly-no-report", "women-yearly"]))
def test_report_probe(head: str, fragment: str, expected: list[tuple[list[str], list[str], bool, str]]) -> None:
    reports = _plan(head, "III. TỔ CHỨC THỰC HIỆN\n" + fragment + "\n")["reports"]
    assert [(r["from"], r["to"], r["compiles"], r["timing"]["due"][5:]) for r in reports] == expected


# the body the plan charges with following up (schema 'focal')
FOCAL_PROBES = [
    ("tu", "III. TỔ CHỨC THỰC HIỆN\n1. Giao Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, "
     "đôn đốc, tổng hợp tình hình, báo cáo Ban Thường vụ Tỉnh ủy.\n", "Văn phòng Tỉnh ủy"),
    ("xa", "III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng HĐND và UBND xã là cơ quan thường trực, theo dõi, đôn đốc, tổng hợp kết quả, "
     "báo cáo Chủ tịch UBND xã.\n2. Phòng Kinh tế chủ trì kiểm tra.\n", "Văn phòng HĐND và UBND xã"),
]


@pytest.mark.parametrize(("head", "body", "focal"), _params(FOCAL_PROBES, ["party-office", "commune-office"]))
def test_focal_probe(head: str, body: str, focal: str) -> None:
    got = _plan(head, body)["focal"]
    assert got is not None and got["name"] == focal
