"""Probe refs and entry counts: small made-up plans in the numbering and layout schemes Vietnamese plans use, each
with the (ref, lead) pairs and the number of entries the gold rules give (../shared/seeds/gold/README.md,
../shared/plan.schema.json). Scored as the scorer does (pairs matched once each, refs normalised, names compared
loosely); a case fails when a pair is missed, a pair is extra, or the number of entries differs.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/probe_refs.py [--md] [--pdf] [--wrapped] [--all] [--flat] [--pasted]
        [--verbose] [class|case ...]

Each case runs as written (one paragraph a line, as a Word file's text copy reads); --md also runs it as a
Word-to-markdown copy would read (Roman headings '## **I. ...**', short numbered headings in bold), --pdf as a PDF's
text layer with a blank line after every line (seed 000), --wrapped as one hard-wrapped at 80 columns; --all: those
three. --flat runs it with every line break lost, --pasted as a law-library page's copy gives it (markdown dropped,
a table's cells joined by spaces, wrapped at 78 columns, every paragraph break lost; benchmarks/_paste.py). The texts are written from knowledge of the genre, not copied from any plan, and their
expectations were written before the parser was run on them.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from _paste import flat, pasted

from dondoc.plans import parse_text

_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "eval_parse.py"
_spec = importlib.util.spec_from_file_location("eval_parse", _SCORER)
ev = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(ev)  # type: ignore[union-attr]

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 45/KH-UBND\nHà Nam, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\n"
        "Phòng, chống dịch bệnh truyền nhiễm trên địa bàn tỉnh năm 2025\n"
        "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007; Nghị định số 101/2010/NĐ-CP ngày 30 tháng 9 "
        "năm 2010 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống bệnh truyền nhiễm;\n"
        "Căn cứ Quyết định số 1200/QĐ-BYT ngày 15 tháng 01 năm 2025 của Bộ trưởng Bộ Y tế ban hành Kế hoạch phòng, chống "
        "bệnh truyền nhiễm năm 2025; Công văn số 250/BYT-DP ngày 20 tháng 01 năm 2025 của Bộ Y tế;\n"
        "Xét đề nghị của Sở Y tế tại Tờ trình số 35/TTr-SYT ngày 01 tháng 3 năm 2025, Ủy ban nhân dân tỉnh ban hành Kế "
        "hoạch phòng, chống dịch bệnh truyền nhiễm trên địa bàn tỉnh năm 2025 với các nội dung như sau:\n")
PURPOSE = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nChủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong do các bệnh "
           "truyền nhiễm gây ra, không để dịch bệnh lớn xảy ra, góp phần bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân, "
           "phục vụ phát triển kinh tế - xã hội của tỉnh.\n"
           "2. Yêu cầu\nCác nhiệm vụ được triển khai đồng bộ, hiệu quả, đúng tiến độ; phát huy vai trò của cả hệ thống "
           "chính trị và sự tham gia của người dân trong công tác phòng, chống dịch bệnh; bảo đảm kinh phí, nhân lực.\n")
RESULTS = ("Năm 2024, Sở Y tế đã chủ trì giám sát chặt chẽ dịch bệnh tại cộng đồng, tại cửa khẩu; tỷ lệ tiêm chủng "
           "đầy đủ cho trẻ em dưới 1 tuổi đạt 96,5%; không để dịch bệnh lớn xảy ra trên địa bàn tỉnh.\n"
           "Công tác tuyên truyền được đẩy mạnh trên các phương tiện thông tin đại chúng, hệ thống thông tin cơ sở và mạng "
           "xã hội; nhận thức của người dân về phòng, chống dịch bệnh được nâng lên rõ rệt.\n")
FOOT = ("Nơi nhận:\n- Bộ Y tế (b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n- Các sở, ban, ngành;\n- Lưu: VT, KGVX.\n"
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Bình\n")
ANNEX = "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2025 của UBND tỉnh)\n"
TABLE_HEAD = "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n|---|---|---|---|---|\n"


@dataclass
class Case:
    name: str
    cls: str
    body: str  # the plan after HEAD, before FOOT ('{FOOT}' puts the footer elsewhere; a full text starts with '!')
    want: list[tuple[str, list[str]]]  # one (ref, leads) per entry


def text_of(c: Case) -> str:
    if c.body.startswith("!"):
        return c.body[1:]
    body = c.body if "{FOOT}" in c.body else c.body + "{FOOT}"
    return HEAD + body.replace("{FOOT}", FOOT)


CASES: list[Case] = []


def case(name: str, cls: str, body: str, *want: tuple[str, list[str]]) -> None:
    CASES.append(Case(name, cls, body, list(want)))


# ---- numbering schemes ------------------------------------------------------------------------------------------
case("roman-num-dotted", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác tuyên truyền\n"
     "1.1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Hà Nam đẩy mạnh tuyên truyền về phòng, chống dịch "
     "bệnh; thời gian thực hiện: thường xuyên.\n"
     "1.2 Giao Sở Y tế biên soạn tài liệu truyền thông về các bệnh truyền nhiễm, hoàn thành trong quý II/2025.\n"
     "2. Công tác chuyên môn\n"
     "2.1. Sở Y tế chủ trì tổ chức giám sát chặt chẽ dịch bệnh tại cộng đồng và tại cửa khẩu.\n"
     "2.2. Công an tỉnh bảo đảm an ninh, trật tự tại các khu cách ly y tế.\n",
     ("II.1.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.1.2", ["Sở Y tế"]), ("II.2.1", ["Sở Y tế"]),
     ("II.2.2", ["Công an tỉnh"]))
case("letter-paren", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chuyên môn\n"
     "a) Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "b) Sở Giáo dục và Đào tạo chỉ đạo các trường học thực hiện vệ sinh lớp học, khử khuẩn định kỳ.\n"
     "2. Công tác bảo đảm\n"
     "a) Sở Tài chính tham mưu bố trí kinh phí phòng, chống dịch bệnh năm 2025.\n",
     ("II.1.a", ["Sở Y tế"]), ("II.1.b", ["Sở Giáo dục và Đào tạo"]), ("II.2.a", ["Sở Tài chính"]))
case("letter-dot", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chuyên môn\n"
     "a. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "b. Sở Giáo dục và Đào tạo chỉ đạo các trường học thực hiện vệ sinh lớp học, khử khuẩn định kỳ.\n",
     ("II.1.a", ["Sở Y tế"]), ("II.1.b", ["Sở Giáo dục và Đào tạo"]))
case("letter-under-dotted", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chuyên môn\n1.1. Giám sát dịch bệnh\n"
     "a) Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "b) Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp kiểm soát người nhập cảnh qua các đường mòn, lối mở.\n",
     ("II.1.1.a", ["Sở Y tế"]), ("II.1.1.b", ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]))
case("num-three-levels", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác chuyên môn\n1.1. Giám sát dịch bệnh\n"
     "1.1.1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "1.1.2. Ủy ban nhân dân các huyện, thành phố chỉ đạo Trạm Y tế xã báo cáo ca bệnh hằng tuần.\n"
     "1.2. Điều trị\n1.2.1. Bệnh viện Đa khoa tỉnh chuẩn bị giường bệnh, thuốc, vật tư điều trị người bệnh.\n",
     ("II.1.1.1", ["Sở Y tế"]), ("II.1.1.2", ["Ủy ban nhân dân các huyện, thành phố"]),
     ("II.1.2.1", ["Bệnh viện Đa khoa tỉnh"]))
case("paren-num", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Nhiệm vụ trọng tâm\n"
     "(1) Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "(2) Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí tuyên truyền phòng, chống dịch.\n"
     "(3) Sở Tài chính bảo đảm kinh phí cho công tác phòng, chống dịch.\n",
     ("II.1.1", ["Sở Y tế"]), ("II.1.2", ["Sở Thông tin và Truyền thông"]), ("II.1.3", ["Sở Tài chính"]))
case("num-paren", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1) Sở Y tế là cơ quan thường trực, chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
     "2) Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
     "3) Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch của địa phương, hoàn thành trước ngày 30/4/2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]), ("II.3", ["Ủy ban nhân dân các huyện, thành phố"]))
case("phan-roman", "scheme",
     "PHẦN I\nKẾT QUẢ THỰC HIỆN NĂM 2024\nI. KẾT QUẢ ĐẠT ĐƯỢC\n" + RESULTS +
     "II. TỒN TẠI, HẠN CHẾ\nCông tác tuyên truyền có nơi chưa thường xuyên.\n"
     "PHẦN II\nKẾ HOẠCH NĂM 2025\nI. NHIỆM VỤ, GIẢI PHÁP\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n"
     "II. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch của địa phương.\n",
     ("I.1", ["Sở Y tế"]), ("I.2", ["Sở Tài chính"]), ("II.1", ["Ủy ban nhân dân các huyện, thành phố"]))
case("phan-thu", "scheme",
     "Phần thứ nhất\nĐÁNH GIÁ KẾT QUẢ NĂM 2024\nI. KẾT QUẢ\n" + RESULTS +
     "Phần thứ hai\nNHIỆM VỤ NĂM 2025\nI. NHIỆM VỤ CHỦ YẾU\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Sở Giáo dục và Đào tạo chỉ đạo các trường học khử khuẩn định kỳ.\n",
     ("I.1", ["Sở Y tế"]), ("I.2", ["Sở Giáo dục và Đào tạo"]))
case("cap-parts", "scheme",
     "A. KẾT QUẢ THỰC HIỆN NĂM 2024\nI. KẾT QUẢ\n" + RESULTS +
     "B. NHIỆM VỤ NĂM 2025\nI. MỤC TIÊU\nKhông để dịch bệnh lớn xảy ra.\nII. NHIỆM VỤ, GIẢI PHÁP\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n"
     "III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch của địa phương.\n",
     ("B.II.1", ["Sở Y tế"]), ("B.II.2", ["Sở Tài chính"]), ("B.III.1", ["Ủy ban nhân dân các huyện, thành phố"]))
case("muc-n", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\nMục 1. Công tác tuyên truyền\n"
     "Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan báo chí đẩy mạnh tuyên truyền phòng, chống dịch.\n"
     "Mục 2. Công tác chuyên môn\nSở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n",
     ("II.1", ["Sở Thông tin và Truyền thông"]), ("II.2", ["Sở Y tế"]))
case("muc-roman", "scheme",
     "Mục I. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh.\nMục II. NHIỆM VỤ\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("nhiem-vu-n", "scheme", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\nNhiệm vụ 1: Tuyên truyền phòng, chống dịch bệnh\n"
     "- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n- Cơ quan phối hợp: Báo Hà Nam.\n- Thời gian: Thường xuyên.\n"
     "Nhiệm vụ 2: Giám sát dịch bệnh tại cộng đồng\n"
     "- Cơ quan chủ trì: Sở Y tế.\n- Cơ quan phối hợp: Ủy ban nhân dân các huyện, thành phố.\n- Thời gian: Năm 2025.\n",
     ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.2", ["Sở Y tế"]))
case("hoat-dong-n", "scheme", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Nâng cao năng lực giám sát\n"
     "Hoạt động 1. Tập huấn giám sát dịch bệnh cho cán bộ y tế cơ sở. Đơn vị chủ trì: Sở Y tế; thời gian: Quý II/2025.\n"
     "Hoạt động 2. Trang bị phương tiện xét nghiệm nhanh. Đơn vị chủ trì: Trung tâm Kiểm soát bệnh tật tỉnh; thời "
     "gian: Quý III/2025.\n",
     ("II.1.1", ["Sở Y tế"]), ("II.1.2", ["Trung tâm Kiểm soát bệnh tật tỉnh"]))
case("restart-fields", "scheme", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\n1. Tập huấn nghiệp vụ phòng, chống dịch\n1) Nội dung: Tập huấn cho cán bộ y tế cơ sở.\n"
     "2) Cơ quan chủ trì: Sở Y tế.\n3) Cơ quan phối hợp: Ủy ban nhân dân các huyện, thành phố.\n4) Thời gian: Quý II/2025.\n"
     "2. Kiểm tra công tác phòng, chống dịch\n1) Nội dung: Kiểm tra tại các huyện, thành phố.\n"
     "2) Cơ quan chủ trì: Thanh tra tỉnh.\n3) Cơ quan phối hợp: Sở Y tế.\n4) Thời gian: Quý IV/2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Thanh tra tỉnh"]))
case("dash-roman", "scheme",
     "I- MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh.\nII- TỔ CHỨC THỰC HIỆN\n"
     "1- Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n2- Sở Tài chính bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("gap-number", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n"
     "4. Công an tỉnh bảo đảm an ninh, trật tự tại các khu cách ly.\n"
     "V. CHẾ ĐỘ BÁO CÁO\nỦy ban nhân dân các huyện, thành phố báo cáo kết quả về Sở Y tế trước ngày 15/12/2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]), ("II.4", ["Công an tỉnh"]),
     ("V", ["Ủy ban nhân dân các huyện, thành phố"]))
case("lost-auto-numbers", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\nSở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Kế hoạch.\n"
     "Sở Tài chính:\n- Bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II", ["Sở Y tế"]), ("II", ["Sở Y tế"]), ("II", ["Sở Tài chính"]))
case("number-own-line", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1.\nSở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2.\nSở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("roman-own-line", "scheme", "I.\nMỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh.\nII.\nTỔ CHỨC THỰC HIỆN\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("heading-number-own-line", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1.\nSở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Hướng dẫn các cơ sở y tế thực hiện phân luồng, cách ly người bệnh.\n2.\nSở Tài chính:\n"
     "- Bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
# a decision issuing the plan: its own article hands out a duty, the plan follows
DECISION = ("!ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 512/QĐ-UBND\nHà Nam, ngày 12 tháng 3 năm 2025\nQUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống dịch bệnh "
            "năm 2025\nỦY BAN NHÂN DÂN TỈNH HÀ NAM\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\n"
            "Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007; Nghị định số 101/2010/NĐ-CP ngày 30 "
            "tháng 9 năm 2010 của Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống bệnh truyền nhiễm;\n"
            "Căn cứ Quyết định số 1200/QĐ-BYT ngày 15 tháng 01 năm 2025 của Bộ trưởng Bộ Y tế ban hành Kế hoạch phòng, "
            "chống bệnh truyền nhiễm năm 2025 và Công văn số 250/BYT-DP ngày 20 tháng 01 năm 2025 của Bộ Y tế;\n"
            "Theo đề nghị của Giám đốc Sở Y tế tại Tờ trình số 35/TTr-SYT ngày 01 tháng 3 năm 2025 về việc ban hành Kế "
            "hoạch phòng, chống dịch bệnh truyền nhiễm trên địa bàn tỉnh năm 2025.\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống dịch bệnh năm 2025.\n"
            "Điều 2. Giao Sở Y tế chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện Kế hoạch này.\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, Chủ tịch UBND các huyện chịu trách nhiệm thi hành "
            "Quyết định này./.\n" + FOOT +
            "KẾ HOẠCH\nPhòng, chống dịch bệnh năm 2025\n(Kèm theo Quyết định số 512/QĐ-UBND ngày 12/3/2025 của UBND tỉnh)\n"
            "I. MỤC ĐÍCH\nChủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong do các bệnh truyền nhiễm gây ra, "
            "không để dịch bệnh lớn xảy ra, góp phần bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân.\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n"
            "2. Công an tỉnh bảo đảm an ninh, trật tự tại các khu cách ly.\n")
case("decision-article", "scheme", DECISION,
     ("Điều 2", ["Sở Y tế"]), ("II.1", ["Sở Tài chính"]), ("II.2", ["Công an tỉnh"]))
case("article-clauses", "scheme",
     "!ỦY BAN THƯỜNG VỤ QUỐC HỘI\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 1200/NQ-UBTVQH15\nHà Nội, ngày 20 tháng 3 năm 2025\nNGHỊ QUYẾT\nVề việc tổ chức hội nghị chuyên đề\n"
     "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam; Luật Tổ chức Quốc hội "
     "số 57/2014/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 65/2020/QH14 và Luật số 62/2024/QH15;\n"
     "Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13 và Nghị quyết số 99/2023/QH15 "
     "của Quốc hội về chương trình giám sát của Quốc hội năm 2025;\nQUYẾT NGHỊ:\n"
     "Điều 1. Tổ chức hội nghị chuyên đề về kết quả giám sát việc thực hiện chính sách, pháp luật về phòng, chống "
     "dịch bệnh truyền nhiễm giai đoạn 2020 - 2024 trong quý III năm 2025, với sự tham gia của các cơ quan liên quan.\n"
     "Điều 2. Tổ chức thực hiện\n1. Giao Ủy ban Pháp luật chủ trì chuẩn bị nội dung hội nghị, hoàn thành trước ngày 30/6/2025.\n"
     "2. Giao Văn phòng Quốc hội bảo đảm các điều kiện tổ chức hội nghị.\n"
     "Điều 3. Nghị quyết này có hiệu lực kể từ ngày ký.\n"
     "Nơi nhận:\n- Như Điều 2;\n- Lưu: HC, PL.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Văn Mẫn\n",
     ("Điều 2.1", ["Ủy ban Pháp luật"]), ("Điều 2.2", ["Văn phòng Quốc hội"]))

# ---- annex tables -----------------------------------------------------------------------------------------------
_BODY_SHORT = PURPOSE + "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế là cơ quan thường trực, theo dõi, đôn đốc thực hiện Kế hoạch.\n"
case("annex-groups", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| I | Công tác tuyên truyền | | | |\n"
     "| 1 | Tuyên truyền phòng, chống dịch trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 2 | Biên soạn tài liệu truyền thông | Sở Y tế | Trung tâm Kiểm soát bệnh tật tỉnh | Quý II/2025 |\n"
     "| II | Công tác chuyên môn | | | |\n"
     "| 1 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | UBND các huyện, thành phố | Năm 2025 |\n"
     "| 2 | Bố trí kinh phí | Sở Tài chính | Sở Y tế | Quý I/2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL.I.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.I.2", ["Sở Y tế"]),
     ("PL.II.1", ["Sở Y tế"]), ("PL.II.2", ["Sở Tài chính"]))
case("annex-flat", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| 1 | Tuyên truyền phòng, chống dịch trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 2 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | UBND các huyện, thành phố | Năm 2025 |\n"
     "| 3 | Bố trí kinh phí | Sở Tài chính; Sở Y tế | | Quý I/2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.2", ["Sở Y tế"]),
     ("PL.3", ["Sở Tài chính", "Sở Y tế"]))
case("annex-dotted-rows", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| I | NHIỆM VỤ CHUNG | | | |\n"
     "| 1 | Tuyên truyền | | | |\n"
     "| 1.1 | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 1.2 | Tuyên truyền tại cơ sở | UBND các huyện, thành phố | | Thường xuyên |\n"
     "| 2 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL.I.1.1", ["Sở Văn hóa, Thể thao và Du lịch"]),
     ("PL.I.1.2", ["UBND các huyện, thành phố"]), ("PL.I.2", ["Sở Y tế"]))
case("annex-two", "annex", _BODY_SHORT + "{FOOT}" + "PHỤ LỤC I\nNHIỆM VỤ TUYÊN TRUYỀN\n" + TABLE_HEAD +
     "| 1 | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "PHỤ LỤC II\nNHIỆM VỤ CHUYÊN MÔN\n" + TABLE_HEAD +
     "| 1 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n"
     "| 2 | Bố trí kinh phí | Sở Tài chính | | Quý I/2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PLI.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PLII.1", ["Sở Y tế"]),
     ("PLII.2", ["Sở Tài chính"]))
case("annex-numbered-text", "annex", _BODY_SHORT + "{FOOT}" + ANNEX +
     "I. CÔNG TÁC TUYÊN TRUYỀN\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền trên báo, đài; thường xuyên.\n"
     "II. CÔNG TÁC CHUYÊN MÔN\n1. Sở Y tế chủ trì giám sát dịch bệnh tại cộng đồng; năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("PL.I.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.II.1", ["Sở Y tế"]))
case("table-in-body", "annex", PURPOSE + "II. NHIỆM VỤ CỤ THỂ\n" + TABLE_HEAD +
     "| 1 | Tuyên truyền phòng, chống dịch | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 2 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.2", ["Sở Y tế"]))

# ---- body headings and their duties -----------------------------------------------------------------------------
case("body-heading-colon", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "- Hướng dẫn các cơ sở y tế thực hiện phân luồng, cách ly người bệnh.\n"
     "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 15/12/2025.\n"
     "2. Sở Tài chính:\n- Tham mưu bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("body-heading-bare", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Hướng dẫn các cơ sở y tế thực hiện phân luồng, cách ly người bệnh.\n2. Sở Tài chính\n"
     "Tham mưu bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("body-heading-paragraphs", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nChủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "Hướng dẫn các cơ sở y tế thực hiện phân luồng, cách ly người bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))
case("body-heading-letter", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ngành\na) Sở Y tế:\n"
     "- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n- Hướng dẫn các cơ sở y tế thực hiện phân luồng người bệnh.\n"
     "b) Sở Giáo dục và Đào tạo:\n- Chỉ đạo các trường học khử khuẩn định kỳ.\n",
     ("II.1.a", ["Sở Y tế"]), ("II.1.a", ["Sở Y tế"]), ("II.1.b", ["Sở Giáo dục và Đào tạo"]))
case("body-heading-unnumbered", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành\nSở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Hướng dẫn các cơ sở y tế thực hiện phân luồng người bệnh.\nSở Giáo dục và Đào tạo:\n"
     "- Chỉ đạo các trường học khử khuẩn định kỳ.\n2. Ủy ban nhân dân các huyện, thành phố\n"
     "- Xây dựng kế hoạch phòng, chống dịch của địa phương.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Giáo dục và Đào tạo"]),
     ("II.2", ["Ủy ban nhân dân các huyện, thành phố"]))
case("body-bullets-own-body", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành\n- Sở Y tế: chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Sở Giáo dục và Đào tạo: chỉ đạo các trường học khử khuẩn định kỳ.\n"
     "- Sở Tài chính: bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Giáo dục và Đào tạo"]), ("II.1", ["Sở Tài chính"]))
case("request-heading", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì theo dõi, đôn đốc thực hiện Kế hoạch.\n"
     "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và Hội Liên hiệp Phụ nữ tỉnh:\n"
     "- Tuyên truyền, vận động nhân dân tham gia phòng, chống dịch.\n- Giám sát việc thực hiện chính sách hỗ trợ người bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"]),
     ("II.2", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh"]))
case("body-heading-plus", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Tổ chức các đợt ra quân vệ sinh môi trường, gồm:\n"
     "+ Phát quang bụi rậm, khơi thông cống rãnh;\n+ Thu gom, xử lý rác thải tại khu dân cư.\n"
     "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))
case("star-bullets", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n• Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "• Hướng dẫn các cơ sở y tế thực hiện phân luồng người bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))

# ---- entry counts -----------------------------------------------------------------------------------------------
case("one-paragraph-sentences", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng. Hướng dẫn các cơ sở y tế "
     "thực hiện phân luồng, cách ly người bệnh. Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch. Hướng dẫn thanh quyết toán kinh phí theo quy định.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("body-colon-sentences", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế: Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng. Hướng dẫn các cơ sở y tế "
     "thực hiện phân luồng người bệnh; tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n",
     ("II.1", ["Sở Y tế"]))
case("intro-then-bullets", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ có trách nhiệm:\n- Hướng dẫn các cơ quan, đơn vị rà soát biên chế y tế cơ sở.\n"
     "- Tham mưu khen thưởng tập thể, cá nhân có thành tích trong phòng, chống dịch.\n"
     "- Kiểm tra việc thực hiện chế độ phụ cấp chống dịch.\n",
     ("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Nội vụ"]), ("II.1", ["Sở Nội vụ"]))
case("intro-unnumbered-bullets", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\nSở Nội vụ có trách nhiệm:\n- Hướng dẫn các cơ quan, đơn vị rà soát biên chế y tế cơ sở.\n"
     "- Tham mưu khen thưởng tập thể, cá nhân có thành tích trong phòng, chống dịch.\n",
     ("II", ["Sở Nội vụ"]), ("II", ["Sở Nội vụ"]))
case("intro-chu-tri-bullets", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan thực hiện các nhiệm vụ sau:\n"
     "- Tổ chức giám sát dịch bệnh tại cộng đồng.\n- Hướng dẫn các cơ sở y tế thực hiện phân luồng người bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))
case("split-paragraph", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan tổ chức kiểm tra, kiểm soát "
     "thị trường, bảo đảm cung ứng\n\nthuốc, vật tư y tế phục vụ phòng, chống dịch; thời gian thực hiện: năm 2025.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Công Thương"]), ("II.2", ["Sở Tài chính"]))
case("split-bullet", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm, khoanh vùng và\n\n"
     "xử lý triệt để các ổ dịch, không để dịch lây lan rộng.\n- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))
case("repeated-duty", "count", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả phòng, chống dịch hằng quý.\n"
     "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả phòng, chống dịch hằng quý.\n",
     ("II.1", ["Sở Y tế"]), ("III.1", ["Sở Y tế"]))
case("several-leads", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế, Sở Giáo dục và Đào tạo, Ủy ban nhân dân các huyện, thành phố tổ chức tuyên "
     "truyền phòng, chống dịch trong phạm vi quản lý.\n",
     ("II.1", ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân các huyện, thành phố"]))
case("several-bodies-paragraphs", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các sở, ngành\n"
     "Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\nSở Tài chính bố trí kinh phí phòng, chống dịch.\n"
     "Công an tỉnh bảo đảm an ninh, trật tự tại các khu cách ly.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Tài chính"]), ("II.1", ["Công an tỉnh"]))
case("bullets-several-bodies", "count", PURPOSE +
     "II. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác tuyên truyền\n- Sở Văn hóa, Thể thao và Du lịch chủ trì tuyên truyền trên "
     "báo, đài.\n- Sở Giáo dục và Đào tạo tuyên truyền trong trường học.\n"
     "- Ủy ban nhân dân các huyện, thành phố tuyên truyền tại cơ sở.\n",
     ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.1", ["Sở Giáo dục và Đào tạo"]),
     ("II.1", ["Ủy ban nhân dân các huyện, thành phố"]))
case("labelled-lines", "count", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\n1. Tuyên truyền phòng, chống dịch bệnh\n- Chủ trì: Sở Văn hóa, Thể thao và Du lịch.\n"
     "- Phối hợp: Báo Hà Nam.\n- Thời gian: Thường xuyên.\n2. Giám sát dịch bệnh\n- Cơ quan chủ trì: Sở Y tế.\n"
     "- Thời gian thực hiện: Năm 2025.\n",
     ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.2", ["Sở Y tế"]))
case("giao-two-bodies-sentences", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Y tế chủ trì tổ chức giám sát dịch bệnh. Giao Sở Tài chính bố trí kinh phí "
     "phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Tài chính"]))
case("closing-paragraph", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n"
     "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các sở, ngành, địa phương kịp thời phản ánh về Sở Y tế để "
     "tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, giải quyết./.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]), ("II", ["các sở, ngành, địa phương"]))

# ---- more schemes, annexes and counts ---------------------------------------------------------------------------
case("slash-numbering", "scheme",
     "I/ MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong do các bệnh truyền nhiễm gây ra, "
     "không để dịch bệnh lớn xảy ra, góp phần bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trên địa bàn tỉnh.\n"
     "II/ TỔ CHỨC THỰC HIỆN\n1/ Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2/ Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("dotted-under-roman", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n2.1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2.2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.2.1", ["Sở Y tế"]), ("II.2.2", ["Sở Tài chính"]))
case("letter-under-roman", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\na) Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "b) Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.a", ["Sở Y tế"]), ("II.b", ["Sở Tài chính"]))
case("bold-number-md", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n**1.** Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "**2.** Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("roman-bullets", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n- Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n"
     "- Ủy ban nhân dân các huyện, thành phố xây dựng kế hoạch phòng, chống dịch của địa phương.\n",
     ("II", ["Sở Y tế"]), ("II", ["Sở Tài chính"]), ("II", ["Ủy ban nhân dân các huyện, thành phố"]))
case("report-section", "scheme", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "III. CHẾ ĐỘ BÁO CÁO\n- Các sở, ngành, Ủy ban nhân dân các huyện, thành phố báo cáo kết quả thực hiện về Sở Y tế "
     "trước ngày 10/12/2025.\n- Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2025.\n",
     ("II.1", ["Sở Y tế"]), ("III", ["Các sở, ngành", "Ủy ban nhân dân các huyện, thành phố"]), ("III", ["Sở Y tế"]))
case("annex-cap-groups", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| A | NHIỆM VỤ THƯỜNG XUYÊN | | | |\n| I | Tuyên truyền | | | |\n"
     "| 1 | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| B | NHIỆM VỤ TRỌNG TÂM NĂM 2025 | | | |\n| I | Giám sát | | | |\n"
     "| 1 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL.A.I.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.B.I.1", ["Sở Y tế"]))
case("annex-arabic", "annex", _BODY_SHORT + "{FOOT}" + "Phụ lục 1\nNHIỆM VỤ TUYÊN TRUYỀN\n" + TABLE_HEAD +
     "| 1 | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "Phụ lục 2\nNHIỆM VỤ CHUYÊN MÔN\n" + TABLE_HEAD +
     "| 1 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL1.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL2.1", ["Sở Y tế"]))
case("annex-dotted-stt", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| I. | Công tác tuyên truyền | | | |\n"
     "| 1. | Tuyên truyền trên báo, đài | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 2. | Tuyên truyền tại cơ sở | UBND các huyện, thành phố | | Thường xuyên |\n",
     ("II.1", ["Sở Y tế"]), ("PL.I.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.I.2", ["UBND các huyện, thành phố"]))
case("annex-subrows", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| 1 | Tuyên truyền phòng, chống dịch | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| | | Sở Giáo dục và Đào tạo | Các trường học | Năm học 2025 - 2026 |\n"
     "| 2 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1", ["Sở Y tế"]), ("PL.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("PL.1", ["Sở Giáo dục và Đào tạo"]),
     ("PL.2", ["Sở Y tế"]))
case("annex-lead-list", "annex", _BODY_SHORT + "{FOOT}" + ANNEX + TABLE_HEAD +
     "| 1 | Tuyên truyền phòng, chống dịch | Sở Văn hóa, Thể thao và Du lịch, Sở Y tế | Báo Hà Nam | Thường xuyên |\n",
     ("II.1", ["Sở Y tế"]), ("PL.1", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]))
case("heading-two-bodies", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế, Sở Giáo dục và Đào tạo:\n- Tổ chức tuyên truyền phòng, chống dịch trong trường học.\n"
     "- Kiểm tra công tác y tế trường học.\n",
     ("II.1", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]), ("II.1", ["Sở Y tế", "Sở Giáo dục và Đào tạo"]))
case("heading-coordinating-bullet", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính:\n- Chủ trì tham mưu bố trí kinh phí phòng, chống dịch năm 2025.\n"
     "- Phối hợp với Sở Y tế hướng dẫn thanh quyết toán kinh phí theo quy định.\n",
     ("II.1", ["Sở Tài chính"]), ("II.1", ["Sở Tài chính"]))
case("heading-md-colon", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n### 1. Sở Y tế:\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n### 2. Sở Tài chính:\n"
     "- Tham mưu bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("heading-sub-numbered", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành\n1.1. Sở Y tế\n- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n1.2. Sở Tài chính\n"
     "- Tham mưu bố trí kinh phí phòng, chống dịch.\n2. Ủy ban nhân dân các huyện, thành phố\n"
     "- Xây dựng kế hoạch phòng, chống dịch của địa phương.\n",
     ("II.1.1", ["Sở Y tế"]), ("II.1.1", ["Sở Y tế"]), ("II.1.2", ["Sở Tài chính"]),
     ("II.2", ["Ủy ban nhân dân các huyện, thành phố"]))
case("time-line-after", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh.\n"
     "Thời gian thực hiện: Thường xuyên.\n2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n"
     "- Thời gian hoàn thành: Quý I/2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))
case("page-break-split", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì, phối hợp với các sở, ngành liên quan tổ chức kiểm tra, kiểm soát "
     "thị trường, bảo đảm cung ứng\n\n3\n\nthuốc, vật tư y tế phục vụ phòng, chống dịch; thời gian thực hiện: năm 2025.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch.\n",
     ("II.1", ["Sở Công Thương"]), ("II.2", ["Sở Tài chính"]))
case("bullet-with-labels", "count", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\n1. Công tác tuyên truyền\n- Tuyên truyền trên báo, đài (chủ trì: Sở Văn hóa, Thể thao và Du "
     "lịch; phối hợp: Báo Hà Nam; thời gian: thường xuyên).\n- Tuyên truyền trong trường học (chủ trì: Sở Giáo dục và "
     "Đào tạo; thời gian: năm học 2025 - 2026).\n",
     ("II.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.1", ["Sở Giáo dục và Đào tạo"]))
case("heading-then-intro-sentence", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nLà cơ quan thường trực, có trách nhiệm:\n"
     "- Chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))

case("heading-bullets-other-subject", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế:\n- Chỉ đạo Trung tâm Kiểm soát bệnh tật tỉnh tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "- Phối hợp với Sở Tài chính hướng dẫn thanh quyết toán kinh phí phòng, chống dịch.\n"
     "- Hướng dẫn Ủy ban nhân dân các huyện xây dựng kế hoạch phòng, chống dịch.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))
case("two-leads-va", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Giáo dục và Đào tạo và Sở Y tế phối hợp tổ chức kiểm tra công tác y tế trường học.\n",
     ("II.1", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]))

case("arabic-top", "scheme",
     "1. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong do các bệnh truyền nhiễm gây ra, "
     "không để dịch bệnh lớn xảy ra, góp phần bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trên địa bàn tỉnh.\n"
     "2. TỔ CHỨC THỰC HIỆN\n2.1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2.2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("2.1", ["Sở Y tế"]), ("2.2", ["Sở Tài chính"]))
case("cap-top", "scheme",
     "A. MỤC ĐÍCH, YÊU CẦU\nChủ động phòng, chống dịch bệnh, giảm tỷ lệ mắc và tử vong do các bệnh truyền nhiễm gây ra, "
     "không để dịch bệnh lớn xảy ra, góp phần bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân trên địa bàn tỉnh.\n"
     "B. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Sở Tài chính bố trí kinh phí phòng, chống dịch năm 2025.\n",
     ("B.1", ["Sở Y tế"]), ("B.2", ["Sở Tài chính"]))
case("high-roman", "scheme", PURPOSE + "II. MỤC TIÊU\nKhông để dịch bệnh lớn xảy ra.\nIII. NHIỆM VỤ\nTăng cường giám sát.\n"
     "IV. GIẢI PHÁP\nHuy động nguồn lực.\nV. KINH PHÍ\nNgân sách tỉnh.\nVI. CHẾ ĐỘ THÔNG TIN\nĐịnh kỳ.\n"
     "VII. KIỂM TRA\nĐịnh kỳ kiểm tra.\nVIII. KHEN THƯỞNG\nTheo quy định.\nIX. TỔ CHỨC THỰC HIỆN\n"
     "1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng.\nX. HIỆU LỰC\n"
     "1. Sở Tư pháp kiểm tra việc thi hành Kế hoạch.\nXII. ĐIỀU KHOẢN KHÁC\n1. Sở Nội vụ theo dõi việc thi hành.\n",
     ("IX.1", ["Sở Y tế"]), ("X.1", ["Sở Tư pháp"]), ("XII.1", ["Sở Nội vụ"]))
case("table-under-item", "annex", PURPOSE + "II. NHIỆM VỤ CỤ THỂ\n1. Nhiệm vụ thường xuyên\n" + TABLE_HEAD +
     "| 1 | Tuyên truyền phòng, chống dịch | Sở Văn hóa, Thể thao và Du lịch | Báo Hà Nam | Thường xuyên |\n"
     "| 2 | Giám sát dịch bệnh tại cộng đồng | Sở Y tế | | Năm 2025 |\n",
     ("II.1.1", ["Sở Văn hóa, Thể thao và Du lịch"]), ("II.1.2", ["Sở Y tế"]))
case("letter-labels", "count", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\n1. Tập huấn nghiệp vụ phòng, chống dịch\na) Nội dung: Tập huấn cho cán bộ y tế cơ sở.\n"
     "b) Cơ quan chủ trì: Sở Y tế.\nc) Cơ quan phối hợp: Ủy ban nhân dân các huyện, thành phố.\nd) Thời gian: Quý II/2025.\n"
     "2. Kiểm tra công tác phòng, chống dịch\na) Cơ quan chủ trì: Thanh tra tỉnh.\nb) Thời gian: Quý IV/2025.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Thanh tra tỉnh"]))
case("letter-roles-under-body", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\na) Chủ trì, phối hợp với các sở, ngành:\n"
     "- Tổ chức giám sát dịch bệnh tại cộng đồng.\n- Hướng dẫn các cơ sở y tế phân luồng người bệnh.\n"
     "b) Phối hợp với Sở Tài chính:\n- Hướng dẫn thanh quyết toán kinh phí phòng, chống dịch.\n",
     ("II.1.a", ["Sở Y tế"]), ("II.1.a", ["Sở Y tế"]), ("II.1.b", ["Sở Y tế"]))
case("lead-in-brackets", "count", PURPOSE +
     "II. NHIỆM VỤ CỤ THỂ\n1. Tổ chức giám sát dịch bệnh tại cộng đồng, phát hiện sớm các ca bệnh (Sở Y tế chủ trì, Ủy "
     "ban nhân dân các huyện, thành phố phối hợp).\n2. Bố trí kinh phí phòng, chống dịch năm 2025 (Sở Tài chính chủ trì).\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Sở Tài chính"]))

case("two-bodies-one-paragraph", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh tại cộng đồng; Sở Tài chính bảo đảm kinh phí "
     "cho hoạt động giám sát dịch bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Tài chính"]))
case("object-bodies", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính, Công an tỉnh hướng dẫn Ủy ban nhân dân các "
     "huyện, thành phố tổ chức giám sát dịch bệnh tại cộng đồng.\n"
     "2. Ủy ban nhân dân các huyện, thành phố chỉ đạo Ủy ban nhân dân các xã, phường, thị trấn tổ chức ra quân vệ sinh "
     "môi trường, diệt lăng quăng, bọ gậy.\n",
     ("II.1", ["Sở Y tế"]), ("II.2", ["Ủy ban nhân dân các huyện, thành phố"]))
case("request-paragraph", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh "
     "tuyên truyền, vận động nhân dân tham gia phòng, chống dịch bệnh.\n",
     ("II.1", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"]))
case("same-body-two-tasks", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì tổ chức giám sát dịch bệnh; đồng thời chỉ đạo Trung tâm Kiểm soát bệnh tật "
     "tỉnh xét nghiệm mẫu bệnh phẩm, định kỳ báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.\n",
     ("II.1", ["Sở Y tế"]))
case("bodies-sentences-after-colon", "count", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Trách nhiệm của các đơn vị: Sở Y tế chủ trì giám sát dịch bệnh tại cộng đồng. Sở Tài chính "
     "bố trí kinh phí phòng, chống dịch. Công an tỉnh bảo đảm an ninh, trật tự tại các khu cách ly.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Tài chính"]), ("II.1", ["Công an tỉnh"]))
case("units-under-department", "heading", PURPOSE +
     "II. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Giao Trung tâm Kiểm soát bệnh tật tỉnh xét nghiệm mẫu bệnh phẩm, giám sát dịch "
     "bệnh tại cộng đồng.\n- Chỉ đạo các bệnh viện chuẩn bị giường bệnh, thuốc, vật tư điều trị người bệnh.\n",
     ("II.1", ["Sở Y tế"]), ("II.1", ["Sở Y tế"]))


# ---- the markdown rendition -------------------------------------------------------------------------------------
_ROMAN_LINE = re.compile(r"^(?:[IVX]{1,4}[.\-]|PHẦN|Phần|[A-D]\. [A-ZĐ])")
_NUM_HEAD = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|Mục \d|Nhiệm vụ \d|Hoạt động \d)\s")


def as_markdown(text: str) -> str:
    """The case as a Word-to-markdown copy reads: paragraphs apart by blank lines, Roman headings as '## **I. ...**',
    short numbered headings (no full stop at the end) in bold; table rows as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        if _ROMAN_LINE.match(line) and len(line) < 90:
            line = f"## **{line}**"
        elif _NUM_HEAD.match(line) and len(line) < 90 and not line.endswith("."):
            line = f"**{line}**"
        if out and line.startswith("|") and out[-1].startswith("|"):
            out[-1] += "\n" + line
        else:
            out.append(line)
    return "\n\n".join(out)


def _wrap(line: str, width: int) -> list[str]:
    out, cur = [], ""
    for w in line.split():
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return [*out, cur] if cur else out


def as_pdf(text: str, blanks: bool) -> str:
    """The case as a PDF's text layer gives it: each paragraph hard-wrapped at 80 columns; with blanks, every line
    followed by a blank line and padded with spaces (as seed 000 reads), else one line after another. Table rows
    are left as they are, one after another."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend([line] if line.startswith("|") or not line.strip() else _wrap(line, 80))
    if not blanks:
        return "\n".join(out)
    joined = ""
    for i, x in enumerate(out):
        joined += (x + "\n") if x.startswith("|") and i + 1 < len(out) and out[i + 1].startswith("|") else f" {x} \n\n"
    return joined


RENDITIONS = {"plain": lambda t: t, "md": as_markdown, "pdf": lambda t: as_pdf(t, True),
              "wrapped": lambda t: as_pdf(t, False), "flat": flat, "pasted": pasted}


def score(c: Case, md: bool | str = False) -> tuple[list[str], int, int, int, int]:
    """(what is wrong, gold pairs, pairs found, parsed pairs, pairs right) for one case."""
    rendition = "md" if md is True else (md or "plain")
    text = RENDITIONS[rendition](text_of(c))
    try:
        plan = parse_text(text, source="probe.md" if rendition == "md" else "probe.txt")
    except Exception as e:  # a refusal is a failure of the case
        return [f"refused: {e}"], sum(len(w[1]) for w in c.want), 0, 0, 0
    gold = {"assignments": [{"ref": r, "lead": leads} for r, leads in c.want]}
    gp = [(ev.norm_ref(r), lead) for r, leads in c.want for lead in leads]
    pp = [(ev.norm_ref(a.get("ref")), lead) for a in plan["assignments"] for lead in a["lead"]]
    used: set[int] = set()
    missed = []
    for gr, gl in gp:
        for i, (pr, pl) in enumerate(pp):
            if i not in used and pr == gr and ev.same_body(gl, pl):
                used.add(i)
                break
        else:
            missed.append(f"{gr} <- {gl}")
    extra = [f"{pr} <- {pl}" for i, (pr, pl) in enumerate(pp) if i not in used]
    why = [f"missed {m}" for m in missed] + [f"extra {x}" for x in extra]
    n_gold, n_got = len(gold["assignments"]), len(plan["assignments"])
    if n_got != n_gold:
        why.append(f"entries {n_got} (want {n_gold}): " + "; ".join(f"{a['ref']}:{'/'.join(a['lead'])}"
                                                                   for a in plan["assignments"]))
    return why, len(gp), len(gp) - len(missed), len(pp), len(used)


def wrapped_looking(text: str) -> bool:
    """Whether the reader would take the case for hard-wrapped text (its 90th-percentile line 40-140 characters wide),
    which no Word or web copy of a real plan is: such a case tests the probe, not the parser."""
    lengths = sorted(len(x.rstrip()) for x in text.split("\n") if x.strip())
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    return 40 <= width <= 140


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    renditions = ["plain"] + [r for r in ("md", "pdf", "wrapped") if f"--{r}" in sys.argv or "--all" in sys.argv]
    renditions += [r for r in ("flat", "pasted") if f"--{r}" in sys.argv]
    chosen = [c for c in CASES if not args or c.cls in args or c.name in args]
    for c in chosen:
        if wrapped_looking(text_of(c)):
            print(f"NOTE {c.name}: lines short enough to look hard-wrapped")
    fails = 0
    tot = [0, 0, 0, 0]
    by_cls: dict[str, list[int]] = {}
    for md in renditions:
        for c in chosen:
            why, g, f, p, r = score(c, md)
            for i, v in enumerate((g, f, p, r)):
                tot[i] += v
            k = by_cls.setdefault(c.cls + (f" ({md})" if md != "plain" else ""), [0, 0])
            k[1] += 1
            if why:
                fails += 1
                k[0] += 1
                print(f"FAIL {c.cls}/{c.name}{f' ({md})' if md != 'plain' else ''}: " + (" | ".join(why) if verbose else why[0]
                                                                          + (f" (+{len(why) - 1})" if len(why) > 1 else "")))
    print("# by class: " + ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in by_cls.items()))
    rec = tot[1] / tot[0] if tot[0] else 0
    prec = tot[3] / tot[2] if tot[2] else 0
    print(f"# {fails} fails of {len(chosen) * len(renditions)} cases; pairs P={prec:.3f} R={rec:.3f}")


if __name__ == "__main__":
    main()
