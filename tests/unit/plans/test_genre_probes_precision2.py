"""Probes of precision, second round: made-up fragments of what a pasted excerpt (the first ~5,000 characters of
a plan) mostly holds — the header, the 'Căn cứ' / 'Thực hiện' preamble, 'Mục đích' prose, 'Yêu cầu' with vague and
named subjects, 'Mục tiêu' (general and specific aims, where bodies are what the aim is about: targets, not
assignments), 'Nội dung' / 'Nhiệm vụ, giải pháp' prose whose bodies are beneficiaries, objects or places ('hỗ trợ
các hợp tác xã', 'kiểm tra các cơ sở kinh doanh', 'đối với các cơ quan nhà nước', 'tại các xã, phường'), scope and
definitions ('Phạm vi, đối tượng áp dụng'), and the cut itself (the text stops mid-sentence: a name cut in half
leads nothing). Each probe runs in both layouts: normal lines, and the same flattened to one line (every line break
replaced by a space, as benchmarks/flattened.py and a law-library page do). Written from knowledge of the genre,
not copied from any plan, with the expected (ref, lead) pairs written BEFORE the parser was run on them.

Expectations follow the gold conventions (notes of shared/seeds/gold, shared/plans/more/gold, tests/data/gold/tune
and tests/data/gold/excerpts-tune; the seeds win where they differ): purposes and vague requirements give no entry
(golds 19, 20, 23, 26; 'Các cấp, các ngành', 'Người đứng đầu ... được giao nhiệm vụ'), a requirement whose subject
is a named body carrying a task does (seed 004 I.1/I.2, excerpt 36 I.2); aims name no body carrying a task (golds
26, 28, 49); bodies named as objects of encouragement or support, partners or places are no leads (golds 12, 24,
28, 47); a cut item counts only when its body and its task are both visible (excerpts README, excerpt 40)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text

HEAD = ("ỦY BAN NHÂN DÂN TỈNH X\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 45/KH-UBND\nX, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2025\n")

PREAMBLE = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Quyết định số 12/QĐ-UBND ngày "
            "05/01/2025 của Ủy ban nhân dân tỉnh;\nỦy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n")

# probes the parser does not pass yet: (id, layout) -> reason (strict, so a probe that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {}

# (id, body after the header, expected (ref, leads) pairs in order)
PROBES: list[tuple[str, str, list[tuple[str, list[str]]]]] = [
    # --- header and preamble ---
    ("preamble-can-cu",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Quyết định số 12/QĐ-UBND ngày "
     "05/01/2025 của Ủy ban nhân dân tỉnh về việc giao nhiệm vụ cho Sở Nông nghiệp và Môi trường;\nXét đề nghị của Sở "
     "Nông nghiệp và Môi trường tại Tờ trình số 45/TTr-SNNMT ngày 20/01/2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
     "như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng quản lý đất đai trên địa bàn tỉnh.\n",
     []),
    ("preamble-thuc-hien",
     "Thực hiện Chỉ thị số 05/CT-TTg ngày 10/01/2025 của Thủ tướng Chính phủ; Công văn số 123/BYT-DP ngày 15/01/2025 của "
     "Bộ Y tế đề nghị các tỉnh, thành phố tăng cường phòng, chống dịch bệnh mùa đông xuân, Ủy ban nhân dân tỉnh X xây "
     "dựng Kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH\nChủ động phòng, chống dịch bệnh, không để dịch lây lan.\n",
     []),
    ("law-library-metadata",
     "Số hiệu: 45/KH-UBND Loại văn bản: Kế hoạch Nơi ban hành: Ủy ban nhân dân tỉnh X Người ký: Nguyễn Văn B "
     "Ngày ban hành: 12/03/2025 Tình trạng: Đã biết\n" + PREAMBLE +
     "I. MỤC ĐÍCH\nTăng cường hiệu quả công tác phổ biến pháp luật.\n",
     []),
    # --- Mục đích ---
    ("purpose-basis",
     PREAMBLE + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Làm cơ sở để các sở, ban, ngành và Ủy ban nhân dân các xã, phường chủ "
     "động triển khai thực hiện.\n- Nâng cao trách nhiệm của các cơ quan, đơn vị và người đứng đầu trong công tác cải "
     "cách hành chính.\n",
     []),
    ("purpose-awareness",
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của cán bộ, công chức Sở Y tế, Trung tâm Y tế các khu vực về "
     "phòng, chống dịch bệnh; tạo sự chuyển biến trong hoạt động của Ủy ban nhân dân các xã, phường.\n",
     []),
    ("purpose-coordination",
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nTăng cường sự phối hợp giữa Sở Tư pháp với Sở Nội vụ và Ủy ban nhân dân các xã, "
     "phường trong công tác phổ biến, giáo dục pháp luật.\n",
     []),
    # --- Yêu cầu ---
    ("requirement-leader-vague",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nNgười đứng đầu các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai thực "
     "hiện Kế hoạch bảo đảm đúng tiến độ, chất lượng.\n",
     []),
    ("requirement-cac-cap",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nCác cấp, các ngành theo chức năng, nhiệm vụ được giao tổ chức quán triệt, triển "
     "khai thực hiện nghiêm túc Kế hoạch.\n",
     []),
    ("requirement-named-head",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nThủ trưởng các sở, ban, ngành, địa phương phổ biến, quán triệt nội dung Kế hoạch "
     "đến từng cán bộ, công chức, viên chức.\n",
     [("I.2", ["Thủ trưởng các sở, ban, ngành, địa phương"])]),
    ("requirement-ensure-coordination",
     "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\n- Bảo đảm sự phối hợp chặt chẽ, thống nhất giữa các sở, ngành và Ủy ban nhân dân "
     "các xã, phường.\n- Việc kiểm tra các cơ quan, đơn vị phải bảo đảm khách quan, không gây phiền hà.\n",
     []),
    # --- Mục tiêu ---
    ("aim-general",
     "II. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao hiệu lực, hiệu quả hoạt động của các cơ quan hành chính nhà nước; xây "
     "dựng đội ngũ cán bộ, công chức các xã, phường chuyên nghiệp.\n",
     []),
    ("aim-percent-bodies",
     "II. MỤC TIÊU\n2. Mục tiêu cụ thể\n- Phấn đấu 100% các sở, ban, ngành và Ủy ban nhân dân các xã, phường được kết nối "
     "với hệ thống quản lý văn bản.\n- 90% các xã, phường đạt chuẩn tiếp cận pháp luật.\n",
     []),
    ("aim-year-bodies",
     "II. MỤC TIÊU\nĐến năm 2030, 100% các cơ quan nhà nước sử dụng chữ ký số trong xử lý văn bản; các trường học trên "
     "địa bàn tỉnh đạt chuẩn quốc gia.\n",
     []),
    ("aim-bodies-reach",
     "II. MỤC TIÊU CỤ THỂ\n- Các xã, phường đạt chuẩn nông thôn mới nâng cao trước năm 2027.\n- Phấn đấu đến năm 2026 có "
     "50% hợp tác xã ứng dụng công nghệ số trong sản xuất.\n",
     []),
    ("targets-section",
     "III. CHỈ TIÊU\n- Tỷ lệ hồ sơ giải quyết đúng hạn tại Sở Tư pháp, Sở Xây dựng đạt trên 98%.\n- 100% Ủy ban nhân dân "
     "các xã, phường niêm yết công khai thủ tục hành chính.\n",
     []),
    ("aim-then-task",
     "II. MỤC TIÊU\nPhấn đấu 100% các xã, phường được công nhận đạt chuẩn tiếp cận pháp luật.\nIII. NHIỆM VỤ, GIẢI PHÁP\n"
     "1. Sở Tư pháp chủ trì hướng dẫn, đánh giá chuẩn tiếp cận pháp luật.\n",
     [("III.1", ["Sở Tư pháp"])]),
    # --- Nội dung / Nhiệm vụ, giải pháp: beneficiaries, objects, places ---
    ("support-communes",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Hỗ trợ cơ sở\nTập trung hỗ trợ Ủy ban nhân dân các xã mới thành lập về cơ sở vật chất, "
     "trang thiết bị làm việc.\n",
     []),
    ("inspect-objects",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Kiểm tra, xử lý vi phạm\nTăng cường kiểm tra các cơ sở sản xuất, kinh doanh thực "
     "phẩm; xử lý nghiêm các tổ chức, cá nhân vi phạm.\n",
     []),
    ("doi-voi-object",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Kỷ luật hành chính\nTăng cường kỷ luật, kỷ cương hành chính đối với các cơ quan nhà "
     "nước, đơn vị sự nghiệp công lập trên địa bàn tỉnh.\n",
     []),
    ("tai-place",
     "II. NỘI DUNG\n1. Tuyên truyền trực quan\nTổ chức tuyên truyền trực quan tại các xã, phường và trụ sở các cơ quan, "
     "đơn vị trên địa bàn tỉnh.\n",
     []),
    ("guide-object",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Cải cách thủ tục hành chính\nHướng dẫn Ủy ban nhân dân các xã, phường triển khai mô "
     "hình một cửa liên thông hiện đại.\n",
     []),
    ("encourage-object",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Huy động nguồn lực\nKhuyến khích các doanh nghiệp, hợp tác xã tham gia đầu tư hạ tầng "
     "thương mại ở nông thôn.\n",
     []),
    ("train-object",
     "II. NỘI DUNG\n1. Bồi dưỡng\nTổ chức tập huấn cho công chức Ủy ban nhân dân các xã, phường về chuyển đổi số.\n",
     []),
    ("priority-beneficiaries",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Nguồn lực\nƯu tiên bố trí nguồn lực cho các xã đặc biệt khó khăn, các trường học vùng "
     "sâu, vùng xa.\n",
     []),
    ("content-topics",
     "II. NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền về vai trò của Ủy ban nhân dân các xã, phường trong mô hình chính quyền "
     "hai cấp.\n2. Giới thiệu chức năng, nhiệm vụ của Sở Nội vụ, Sở Tư pháp sau sắp xếp.\n",
     []),
    ("assess-object",
     "II. NỘI DUNG\n1. Khảo sát\nĐánh giá mức độ hài lòng của người dân đối với sự phục vụ của các cơ quan hành chính nhà "
     "nước.\n",
     []),
    ("lead-inspects-objects",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Quản lý thị trường\nSở Công Thương chủ trì, phối hợp với Công an tỉnh kiểm tra các cơ "
     "sở kinh doanh xăng dầu trên địa bàn tỉnh.\n",
     [("III.1", ["Sở Công Thương"])]),
    ("giao-lead-supports-objects",
     "III. NHIỆM VỤ, GIẢI PHÁP\n1. Kinh tế tập thể\nGiao Sở Nông nghiệp và Môi trường hỗ trợ các hợp tác xã xây dựng "
     "chuỗi giá trị nông sản.\n",
     [("III.1", ["Sở Nông nghiệp và Môi trường"])]),
    # --- scope and definitions ---
    ("scope-section",
     "II. PHẠM VI, ĐỐI TƯỢNG ÁP DỤNG\n1. Phạm vi: Kế hoạch được triển khai trên địa bàn tỉnh.\n2. Đối tượng áp dụng: các "
     "cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh; Ủy ban nhân dân các xã, phường; Sở Y tế và các đơn vị trực thuộc.\n",
     []),
    ("scope-inline",
     "I. MỤC ĐÍCH, YÊU CẦU\n3. Phạm vi, đối tượng áp dụng: các cơ quan, đơn vị hành chính nhà nước, Ủy ban nhân dân các "
     "xã, phường trên địa bàn tỉnh.\n",
     []),
    ("applies-sentence",
     "II. ĐỐI TƯỢNG\nKế hoạch này áp dụng đối với các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các tổ chức, cá "
     "nhân có liên quan.\n",
     []),
    ("definitions",
     "II. GIẢI THÍCH TỪ NGỮ\n1. Cơ quan chủ trì là cơ quan được Ủy ban nhân dân tỉnh giao chịu trách nhiệm chính trong "
     "việc thực hiện nhiệm vụ.\n2. Đơn vị sử dụng là các sở, ban, ngành và Ủy ban nhân dân các xã, phường khai thác hệ "
     "thống.\n",
     []),
    # --- the cut ---
    ("cut-mid-name",
     "III. NHIỆM VỤ\n1. Sở Tư pháp chủ trì tổ chức hội nghị quán triệt Luật.\n2. Ủy ban nhân dân các x",
     [("III.1", ["Sở Tư pháp"])]),
    ("cut-mid-label",
     "III. NHIỆM VỤ\n1. Tuyên truyền\n- Nội dung: tuyên truyền Luật Đường bộ.\n- Cơ quan chủ trì: Sở Văn hóa, Thể thao "
     "và Du l",
     []),
    ("cut-mid-task",
     "III. NHIỆM VỤ\n1. Tiêm chủng\nSở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tu",
     [("III.1", ["Sở Y tế"])]),
    ("cut-after-name",
     "III. NHIỆM VỤ\n1. Sở Tư pháp chủ trì tổ chức hội nghị quán triệt Luật.\n2. Sở Giáo dục và Đào tạo chủ tr",
     [("III.1", ["Sở Tư pháp"])]),
    ("cut-budget-do",
     "III. NHIỆM VỤ\n1. Sở Tư pháp chủ trì tổ chức hội nghị quán triệt Luật.\nIV. KINH PHÍ\nKinh phí thực hiện do Sở Tài ch",
     [("III.1", ["Sở Tư pháp"])]),
    # --- a whole excerpt ---
    ("excerpt-whole",
     PREAMBLE + "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao nhận thức của các cơ quan, đơn vị về chuyển đổi số.\n2. Yêu "
     "cầu\nCác cơ quan, đơn vị được giao nhiệm vụ triển khai đồng bộ, hiệu quả.\nII. MỤC TIÊU\nPhấn đấu 100% các sở, "
     "ngành, Ủy ban nhân dân các xã, phường sử dụng nền tảng số dùng chung.\nIII. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện thể "
     "chế\n- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Cơ quan phối hợp: Sở Tư pháp.\n- Thời gian thực hiện: Quý "
     "II/2025.\n2. Phát triển hạ tầng số\n- Cơ quan chủ trì: Sở Kho",
     [("III.1", ["Sở Khoa học và Công nghệ"])]),
]

LAYOUTS = ("lines", "flat")


def _text(body: str, layout: str) -> str:
    text = HEAD + body
    return " ".join(text.split()) if layout == "flat" else text


def _pairs(text: str) -> list[tuple[str, list[str]]]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.md", year=2025)["assignments"]
    return [(a["ref"], a["lead"]) for a in got]


@pytest.mark.parametrize(("body", "layout", "expected"), [
    pytest.param(b, lay, e, id=f"{i}-{lay}",
                 marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
    for i, b, e in PROBES for lay in LAYOUTS])
def test_precision_probe(body: str, layout: str, expected: list[tuple[str, list[str]]]) -> None:
    assert _pairs(_text(body, layout)) == expected
