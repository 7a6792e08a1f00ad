"""Probes of recall: made-up fragments, in varied wording, of the ways a plan gives a body work that the parser missed
before round 'xfail' (the nine strict expected failures of the earlier probe files), each with counter-examples where
the rule must not fire. Written from knowledge of the genre, not copied from any plan; the expected (ref, lead) pairs
were written BEFORE the parser was run on them.

The rules (src/dondoc/plans):
- a paragraph's later sentence opening with a subject of its own is that subject's duty (subjects._later_subjects):
  after background ('Năm 2024, Sở X đã ...'), after a sentence stating what a law says, after another body's duty;
  not when the subject is the issuer itself or a body above it (rank.own_or_higher), a promise ('... sẽ ...'), a
  principle stated of every organ ('Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức'), a sentence introducing
  the items below ('... như sau:'), nor in the purpose section;
- a time opening a sentence ('Quý I/2027, ...', 'Năm 2025, ...', 'Tháng 10/2025, ...') leads in to its subject and
  is its timing (subjects._LEAD_IN, timing_text);
- emulation clusters and blocks ('Các cụm, khối thi đua', 'Cụm thi đua số 3') are bodies (gazetteer heads);
- a flattened item title runs into a body's sentence with any task verb, not only a role (titles.title_then_body);
  a title opening like a body's name is the task's topic when the task repeats it;
- a flattened heading's double name keeps its dash when the words after it run into a capitalised task verb
  (titles.duty_after_dash); a flattened heading runs into a bullet that opens with a body's name (titles.body_bullet);
- 'Đối với <agency>, <its heads / a verb> ...' gives the agency the duty; a manner adverbial ends a subject's name;
  a passive subject ('X cần được hỗ trợ') is no lead; a paragraph introducing items that name their own bodies gives
  no duty of its own; a numbered line opening a clause ('3. Trong quá trình thực hiện') is a wrapped sentence."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.bodies import generic_kinds, leading_body, split_bodies
from dondoc.plans.rank import own_or_higher

PROVINCE = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 88/KH-UBND\nAn Giang, ngày 14 tháng 4 năm 2025\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n")
DISTRICT = ("ỦY BAN NHÂN DÂN HUYỆN TÂN CHÂU\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "---------------\nSố: 21/KH-UBND\nTân Châu, ngày 14 tháng 4 năm 2025\nKẾ HOẠCH\nPhòng, chống dịch bệnh năm 2025\n")
DEPARTMENT = ("UBND TỈNH AN GIANG\nSỞ Y TẾ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
              "---------------\nSố: 10/KH-SYT\nAn Giang, ngày 14 tháng 4 năm 2025\nKẾ HOẠCH\nChuyển đổi số ngành y tế năm 2025\n")
HEADS = {"tinh": PROVINCE, "huyen": DISTRICT, "so": DEPARTMENT}

# (id, head, body after the header, layouts, expected (ref, leads) pairs in order)
PROBES: list[tuple[str, str, str, tuple[str, ...], list[tuple[str, list[str]]]]] = [
    # --- a later sentence with a subject of its own ---
    ("later-after-background", "tinh",
     "II. NHIỆM VỤ\n1. Chuyển đổi số\nNăm 2024, Sở Khoa học và Công nghệ đã triển khai nền tảng số dùng chung cho 95% "
     "cơ quan. Trong năm 2025, Sở Khoa học và Công nghệ chủ trì xây dựng kho dữ liệu dùng chung của tỉnh.\n",
     ("lines", "flat"), [("II.1", ["Sở Khoa học và Công nghệ"])]),
    ("later-after-decree", "tinh",
     "II. NHIỆM VỤ\n2. Thi hành Nghị định\nNghị định quy định Ủy ban nhân dân cấp xã có trách nhiệm niêm yết công khai thủ "
     "tục. Sở Nội vụ hướng dẫn các xã, phường thực hiện thống nhất trên địa bàn tỉnh.\n",
     ("lines", "flat"), [("II.2", ["Sở Nội vụ"])]),
    ("later-reporting-chain", "so",
     "III. TỔ CHỨC THỰC HIỆN\nCác phòng chức năng báo cáo kết quả thực hiện về Văn phòng Sở trước ngày 20 hằng tháng. "
     "Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở và Ủy ban nhân dân tỉnh.\n",
     ("lines",), [("III", ["Các phòng chức năng"]), ("III", ["Văn phòng Sở"])]),
    ("later-closing-condition", "tinh",
     "IV. TỔ CHỨC THỰC HIỆN\nCác sở, ban, ngành tỉnh căn cứ nhiệm vụ được giao xây dựng kế hoạch thực hiện. Trong quá "
     "trình thực hiện, nếu có khó khăn, vướng mắc, Ủy ban nhân dân các xã, phường kịp thời báo cáo Sở Nội vụ để tổng hợp.\n",
     ("lines",), [("IV", ["Các sở, ban, ngành tỉnh"]), ("IV", ["Ủy ban nhân dân các xã, phường"])]),
    ("later-request-clause", "tinh",
     "V. TỔ CHỨC THỰC HIỆN\nYêu cầu các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường triển khai thực hiện; đề nghị "
     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp giám sát./.\n",
     ("lines", "flat"), [("V", ["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"]),
                         ("V", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"])]),
    ("later-own-requirement", "tinh",
     "II. NHIỆM VỤ\n5. Tín chỉ các-bon\nSở Nông nghiệp và Môi trường hướng dẫn thị trường tín chỉ các-bon; yêu cầu các tổ "
     "chức, doanh nghiệp thực hiện bù trừ tín chỉ theo quy định.\n",
     ("lines",), [("II.5", ["Sở Nông nghiệp và Môi trường"])]),
    # counter-examples: the issuer, a body above it, a promise, a principle, the same body again, an introduction
    ("later-issuer-own", "tinh",
     "II. NHIỆM VỤ\n3. Khen thưởng\nSở Nội vụ theo dõi, tổng hợp kết quả phong trào thi đua. Cuối năm, Ủy ban nhân dân "
     "tỉnh tổ chức tổng kết, khen thưởng các tập thể tiêu biểu.\n",
     ("lines",), [("II.3", ["Sở Nội vụ"])]),
    ("later-higher-body", "huyen",
     "II. NHIỆM VỤ\n1. Tiêm chủng\nTrung tâm Y tế huyện tổ chức tiêm chủng mở rộng tại các xã. Bộ Y tế hướng dẫn chuyên "
     "môn về lịch tiêm.\n",
     ("lines",), [("II.1", ["Trung tâm Y tế huyện"])]),
    ("later-promise", "huyen",
     "II. NHIỆM VỤ\n2. Vệ sinh môi trường\nỦy ban nhân dân các xã tổ chức ra quân dọn vệ sinh hằng tháng. Ủy ban nhân dân "
     "tỉnh sẽ hỗ trợ kinh phí mua hóa chất.\n",
     ("lines",), [("II.2", ["Ủy ban nhân dân các xã"])]),
    ("later-principle", "tinh",
     "II. NHIỆM VỤ\n1. Nhiệm vụ chung\nNâng cao hiệu lực quản lý nhà nước về phòng cháy. Người đứng đầu cơ quan, tổ chức, "
     "doanh nghiệp chịu trách nhiệm trước pháp luật về an toàn phòng cháy tại đơn vị mình.\n",
     ("lines",), []),
    ("later-same-body", "tinh",
     "II. NHIỆM VỤ\n4. Giáo dục\nSở Giáo dục và Đào tạo rà soát mạng lưới trường lớp. Sở Giáo dục và Đào tạo tham mưu "
     "sắp xếp các điểm trường lẻ.\n",
     ("lines",), [("II.4", ["Sở Giáo dục và Đào tạo"])]),
    ("later-purpose", "tinh",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nBảo đảm đồng bộ, thống nhất giữa các cấp. Các doanh nghiệp bưu chính phối hợp bảo "
     "đảm thông suốt mạng lưới.\n",
     ("lines",), []),
    ("later-introduces", "tinh",
     "III. PHÂN CÔNG TRÁCH NHIỆM\nCác sở, ngành căn cứ Kế hoạch này triển khai nghiêm túc. Đồng thời, yêu cầu các sở, ngành "
     "thực hiện các nhiệm vụ cụ thể sau:\n1. Sở Tài chính\nBố trí kinh phí thực hiện.\n2. Sở Xây dựng\nRà soát quy hoạch.\n",
     ("lines",), [("III.1", ["Sở Tài chính"]), ("III.2", ["Sở Xây dựng"])]),
    ("intro-items-name-no-one", "tinh",
     "III. NHIỆM VỤ\nCác sở, ngành và Ủy ban nhân dân các xã, phường tập trung thực hiện các nhiệm vụ sau:\n"
     "1. Tuyên truyền\nĐẩy mạnh tuyên truyền trên các nền tảng số.\n2. Kiểm tra\nTăng cường kiểm tra việc thực hiện.\n",
     ("lines",), [("III", ["Các sở, ngành", "Ủy ban nhân dân các xã, phường"])]),
    # --- a time opening the sentence ---
    ("time-quarter", "tinh",
     "II. NHIỆM VỤ\n1. Sơ kết\nQuý III/2025, các sở, ngành tổ chức sơ kết việc thực hiện Kế hoạch.\n",
     ("lines", "flat"), [("II.1", ["các sở, ngành"])]),
    ("time-month", "tinh",
     "II. NHIỆM VỤ\n2. Trình phương án\nTháng 10/2025, Sở Xây dựng trình phương án sắp xếp trụ sở dôi dư.\n",
     ("lines",), [("II.2", ["Sở Xây dựng"])]),
    ("time-from-year", "tinh",
     "II. NHIỆM VỤ\n3. Duy trì\nTừ năm 2026, Ủy ban nhân dân các xã, phường duy trì mô hình tổ tự quản.\n",
     ("lines",), [("II.3", ["Ủy ban nhân dân các xã, phường"])]),
    ("time-past", "tinh",
     "II. NHIỆM VỤ\n4. Kết quả\nNăm 2024, Sở Công Thương đã tổ chức 12 hội chợ xúc tiến thương mại.\n",
     ("lines",), []),
    # --- emulation clusters and blocks ---
    ("clusters", "tinh",
     "IV. TỔ CHỨC THỰC HIỆN\n1. Các Cụm, Khối thi đua tổ chức ký kết giao ước thi đua trước ngày 30/4/2025.\n"
     "2. Cụm thi đua số 3 chủ trì hội nghị tổng kết cụm năm 2025.\n"
     "3. Khối thi đua các cơ quan Đảng tỉnh tổng hợp đề nghị khen thưởng gửi Sở Nội vụ.\n",
     ("lines", "flat"), [("IV.1", ["Các Cụm, Khối thi đua"]), ("IV.2", ["Cụm thi đua số 3"]),
                         ("IV.3", ["Khối thi đua các cơ quan Đảng tỉnh"])]),
    ("clusters-scope", "tinh",
     "II. ĐỐI TƯỢNG THI ĐUA\n1. Đối tượng\nCác cụm, khối thi đua thuộc tỉnh; các cơ quan, đơn vị, địa phương.\n",
     ("lines",), []),
    ("industrial-clusters", "tinh",
     "II. NHIỆM VỤ\n1. Hạ tầng\nCác cụm công nghiệp hoàn thành hạ tầng kỹ thuật trong năm 2025.\n",
     ("lines",), []),
    # --- a flattened title running into a body's sentence ---
    ("title-then-body", "tinh",
     "II. NHIỆM VỤ\n1. Hợp tác quốc tế\nSở Ngoại vụ tham mưu ký kết thỏa thuận hợp tác với các địa phương nước bạn.\n"
     "2. Chuẩn bị mặt bằng\nỦy ban nhân dân xã Vĩnh Hòa lập phương án bồi thường, hoàn thành trong quý III năm 2025.\n",
     ("lines", "flat"), [("II.1", ["Sở Ngoại vụ"]), ("II.2", ["Ủy ban nhân dân xã Vĩnh Hòa"])]),
    ("title-verb-object", "tinh",
     "II. NHIỆM VỤ\n1. Kiểm tra\nKiểm tra Ủy ban nhân dân các xã thực hiện quy chế dân chủ ở cơ sở.\n",
     ("lines", "flat"), []),
    ("title-topic-repeated", "tinh",
     "II. NHIỆM VỤ\n1. Ban Chỉ đạo\nSở Y tế chủ trì kiện toàn Ban Chỉ đạo phòng, chống dịch của tỉnh.\n",
     ("lines", "flat"), [("II.1", ["Sở Y tế"])]),
    # --- a double name with a dash, flattened ---
    ("dash-in-name", "huyen",
     "II. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Dịch vụ nông nghiệp - Khuyến nông huyện\nTổ chức các lớp tập huấn kỹ thuật.\n"
     "2. Phòng Tư pháp - Hộ tịch\nHướng dẫn các xã đăng ký hộ tịch trực tuyến.\n",
     ("lines", "flat"), [("II.1", ["Trung tâm Dịch vụ nông nghiệp - Khuyến nông huyện"]),
                         ("II.2", ["Phòng Tư pháp - Hộ tịch"])]),
    ("dash-is-bullet", "huyen",
     "II. TỔ CHỨC THỰC HIỆN\n1. Phòng Tài chính - Kế hoạch\n- Bố trí kinh phí thực hiện.\n2. Phòng Y tế\n- Tổ chức tập huấn "
     "cho nhân viên y tế thôn.\n",
     ("lines", "flat"), [("II.1", ["Phòng Tài chính - Kế hoạch"]), ("II.2", ["Phòng Y tế"])]),
    # --- a flattened heading run into its first bullet, the bullet opening with its body's name ---
    ("bullet-opens-with-body", "huyen",
     "II. NHIỆM VỤ\n1. Tập trung phát triển các cụm công nghiệp đã thành lập\n- Ủy ban nhân dân các xã hoàn thiện hạ tầng kỹ "
     "thuật các cụm công nghiệp.\n2. Nâng cao chất lượng khám, chữa bệnh tuyến xã\n- Trung tâm Y tế huyện bố trí bác sĩ "
     "luân phiên về trạm y tế.\n",
     ("lines", "flat"), [("II.1", ["Ủy ban nhân dân các xã"]), ("II.2", ["Trung tâm Y tế huyện"])]),
    ("bullet-name-dash", "huyen",
     "II. TỔ CHỨC THỰC HIỆN\n1. Ban Dân vận - Mặt trận\nPhối hợp tuyên truyền, vận động Nhân dân tham gia.\n",
     ("lines", "flat"), [("II.1", ["Ban Dân vận - Mặt trận"])]),
    # --- 'Đối với X, ...', a manner adverbial, a passive subject ---
    ("for-agency-comma", "tinh",
     "II. NHIỆM VỤ\n5. Các cơ quan ngành dọc\nĐối với các cơ quan Trung ương đóng trên địa bàn tỉnh, thủ trưởng cơ quan "
     "chủ động phối hợp thực hiện Kế hoạch.\n",
     ("lines",), [("II.5", ["các cơ quan Trung ương đóng trên địa bàn tỉnh"])]),
    ("for-people-comma", "tinh",
     "II. NHIỆM VỤ\n6. Đào tạo\nĐối với cán bộ, công chức cấp xã, thường xuyên bồi dưỡng kỹ năng số.\n",
     ("lines",), []),
    ("manner-adverbial", "tinh",
     "V. TỔ CHỨC THỰC HIỆN\nĐề nghị Hội Nông dân tỉnh bằng các hình thức phù hợp, vận động hội viên tham gia mô hình.\n",
     ("lines",), [("V", ["Hội Nông dân tỉnh"])]),
    ("passive-subject", "tinh",
     "II. NHIỆM VỤ\n2. Hỗ trợ\nCác xã vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số cần được ưu tiên bố trí vốn.\n",
     ("lines",), []),
    # --- a wrapped numbered sentence, a wrapped place name ---
    ("wrapped-clause", "tinh",
     "IV. TỔ CHỨC THỰC HIỆN\n2. Trong quá trình triển khai\nKế hoạch này, nếu có vướng mắc, đề nghị các sở, ngành kịp thời "
     "phản ánh về Sở Nội vụ.\n",
     ("lines",), [("IV.2", ["các sở, ngành"])]),
    ("wrapped-place", "tinh",
     "IV. TỔ CHỨC THỰC HIỆN\n5. Đề nghị Hội Cựu chiến binh tỉnh và Hội Chữ thập đỏ tỉnh\nAn Giang\n- Vận động hội viên "
     "tham gia.\n",
     ("lines",), [("IV.5", ["Hội Cựu chiến binh tỉnh", "Hội Chữ thập đỏ tỉnh An Giang"])]),
]


def _text(head: str, body: str, layout: str) -> str:
    text = HEADS[head] + body
    return " ".join(text.split()) if layout == "flat" else text


def _pairs(text: str) -> list[tuple[str, list[str]]]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.md", year=2025)["assignments"]
    return [(a["ref"], a["lead"]) for a in got]


@pytest.mark.parametrize(("head", "body", "layout", "expected"), [
    pytest.param(h, b, lay, e, id=f"{i}-{lay}") for i, h, b, lays, e in PROBES for lay in lays])
def test_recall_probe(head: str, body: str, layout: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _pairs(_text(head, body, layout)) == expected


# the timing a sentence-opening time gives
TIMED = [
    ("Quý III/2025, các sở, ngành tổ chức sơ kết việc thực hiện Kế hoạch.", "once", "2025-09-30"),
    ("Tháng 10/2025, Sở Xây dựng trình phương án sắp xếp trụ sở dôi dư.", "once", "2025-10-31"),
    ("Năm 2025, Sở Y tế hoàn thành trước ngày 30/6/2025 việc số hóa hồ sơ sức khỏe.", "once", "2025-06-30"),
]


@pytest.mark.parametrize(("sentence", "kind", "due"), TIMED)
def test_time_opening_the_sentence(sentence: str, kind: str, due: str) -> None:
    text = PROVINCE + "II. NHIỆM VỤ\n1. Nhiệm vụ\n" + sentence + "\n"
    got = parse_text(text, source="probe.md", year=2025)["assignments"]
    assert [(a["timing"]["kind"], a["timing"]["due"]) for a in got] == [(kind, due)]


@pytest.mark.parametrize(("name", "issuer", "expected"), [
    ("Ủy ban nhân dân huyện", "UBND huyện Tân Châu", True),      # the issuer itself
    ("Ủy ban nhân dân tỉnh", "UBND huyện Tân Châu", True),       # above it
    ("Bộ Y tế", "UBND tỉnh An Giang", True),                      # the centre above a province
    ("Sở Y tế", "Sở Y tế", True),
    ("Bộ Chỉ huy Quân sự tỉnh", "UBND tỉnh An Giang", False),    # a province's own command
    ("Ủy ban nhân dân các xã", "UBND huyện Tân Châu", False),    # below it
    ("Ủy ban nhân dân huyện Châu Phú", "UBND huyện Tân Châu", False),  # another district
    ("Chủ tịch Ủy ban nhân dân tỉnh", "UBND tỉnh An Giang", False),    # an officer charged in person
    ("Bộ Công an", "Thủ tướng Chính phủ", False),                # a ministry in the Government's plan
    ("Sở Nội vụ", None, False),
])
def test_own_or_higher(name: str, issuer: str | None, expected: bool) -> None:
    assert own_or_higher(name, issuer) is expected


@pytest.mark.parametrize(("phrase", "names"), [
    ("Báo và Đài Phát thanh, Truyền hình Lâm Đồng", ["Báo và Đài Phát thanh, Truyền hình Lâm Đồng"]),
    ("Văn phòng Tỉnh ủy, Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", ["Văn phòng Tỉnh ủy",
                                                                        "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh"]),
    ("Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức", ["Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức"]),
    ("Sở Y tế và Đài Phát thanh tỉnh", ["Sở Y tế", "Đài Phát thanh tỉnh"]),  # two named bodies stay two
    ("Ban; Sở Y tế", ["Ban", "Sở Y tế"]),
])
def test_split_bodies_keeps_one_name(phrase: str, names: list[str]) -> None:
    assert split_bodies(phrase) == names


def test_generic_kinds_are_bare_nouns_only() -> None:
    assert generic_kinds("Người đứng đầu cơ quan, tổ chức, doanh nghiệp")
    assert not generic_kinds("Thủ trưởng các cơ quan, đơn vị, địa phương")
    assert not generic_kinds("Sở Nội vụ")


@pytest.mark.parametrize(("sentence", "name"), [
    ("Các xã vùng sâu cần được ưu tiên bố trí vốn.", None),
    ("Các hộ nghèo phải được hỗ trợ kịp thời.", None),
    ("Ủy ban nhân dân tỉnh sẽ xem xét khen thưởng.", None),
    ("Sở Tài chính cần bố trí kinh phí kịp thời.", "Sở Tài chính"),
])
def test_leading_body_passive_and_promise(sentence: str, name: str | None) -> None:
    got = leading_body(sentence)
    assert (got[0] if got else None) == name
