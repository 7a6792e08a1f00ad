"""Where a body's name ends when no line break stops it (text pasted from a web page, every line joined with a
space): at a task verb or adverb written with a capital because it opened the next line ('Chủ động', 'Tích cực',
'Khẩn trương', 'Tiếp tục', 'Thường xuyên', 'Kịp thời'), at a connective that opens a clause ('trên cơ sở', 'căn cứ',
'theo', 'nhằm', 'để', 'khi', 'nếu'), at a noun after a comma that is no part of a name ('địa chỉ', 'số điện thoại',
'thời gian', 'kinh phí'), and at the end of a known name (gazetteer) when a capitalised task verb follows it
('Bộ Tài chính Bảo đảm kinh phí ...'). Made-up texts in both layouts; the expected leads were written BEFORE the
parser was run on them (before the rules: 12 of the 18 cases failed: 7 of the 12 probe runs, all flat or comma cases, and 5 of the 6
sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from dondoc.plans import parse_text
from dondoc.plans.bodies import leading_body

HEAD = ("ỦY BAN NHÂN DÂN TỈNH X\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "---------------\nSố: 17/KH-UBND\nX, ngày 02 tháng 4 năm 2025\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2025\n"
        "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm thực hiện đồng bộ, hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n")

# (id, body after the header, expected leads in order)
PROBES: list[tuple[str, str, list[list[str]]]] = [
    ("heading-adverbs",
     "1. Ủy ban nhân dân các phường, xã\nChủ động bố trí kinh phí và nhân lực thực hiện Kế hoạch trên địa bàn.\n"
     "2. Sở Nội vụ\nTích cực hướng dẫn các cơ quan, đơn vị rà soát vị trí việc làm.\n"
     "3. Công an tỉnh\nKhẩn trương rà soát, xử lý các vụ việc tồn đọng.\n"
     "4. Sở Y tế\nThường xuyên kiểm tra an toàn thực phẩm tại các bếp ăn tập thể.\n",
     [["Ủy ban nhân dân các phường, xã"], ["Sở Nội vụ"], ["Công an tỉnh"], ["Sở Y tế"]]),
    ("heading-adverbs-2",
     "1. Ủy ban nhân dân các xã, thị trấn\nTiếp tục kiện toàn tổ công tác ở thôn, bản.\n"
     "2. Báo và Phát thanh, Truyền hình tỉnh\nKịp thời đưa tin về kết quả thực hiện Kế hoạch.\n",
     [["Ủy ban nhân dân các xã, thị trấn"], ["Báo và Phát thanh, Truyền hình tỉnh"]]),
    ("heading-connective",
     "1. Ủy ban nhân dân các xã\nCăn cứ tình hình thực tế, xây dựng kế hoạch của địa phương.\n"
     "2. Các sở, ban, ngành\nTrên cơ sở nhiệm vụ được giao, tổ chức triển khai thực hiện.\n",
     [["Ủy ban nhân dân các xã"], ["Các sở, ban, ngành"]]),
    ("heading-known-name-verb",
     "1. Sở Tài chính\nBảo đảm kinh phí thực hiện Kế hoạch theo phân cấp ngân sách.\n"
     "2. Sở Giáo dục và Đào tạo\nHướng dẫn các trường học lồng ghép nội dung vào hoạt động ngoại khóa.\n",
     [["Sở Tài chính"], ["Sở Giáo dục và Đào tạo"]]),
    ("comma-connective",
     "1. Sở Tài chính, trên cơ sở đề xuất của các cơ quan, đơn vị, tham mưu bố trí kinh phí thực hiện Kế hoạch.\n"
     "2. Công an tỉnh, khi phát hiện vi phạm, xử lý nghiêm theo quy định của pháp luật.\n"
     "3. Sở Y tế, nhằm bảo đảm an toàn cho người dân, tăng cường kiểm tra các cơ sở khám chữa bệnh.\n",
     [["Sở Tài chính"], ["Công an tỉnh"], ["Sở Y tế"]]),
    ("names-that-hold-such-words",
     "1. Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện\nTổ chức các lớp đào tạo nghề ngắn hạn.\n"
     "2. Sở Xây dựng\nHướng dẫn các địa phương lập quy hoạch chung.\n"
     "3. Ban Quản lý các khu công nghiệp\nPhối hợp với các doanh nghiệp rà soát lao động.\n",
     [["Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện"], ["Sở Xây dựng"],
      ["Ban Quản lý các khu công nghiệp"]]),
]

LAYOUTS = ("lines", "flat")
# probes still failing: (id, layout) -> reason (strict, so one that starts passing must be un-marked)
XFAIL: dict[tuple[str, str], str] = {}


def _text(body: str, layout: str) -> str:
    text = HEAD + body
    return " ".join(text.split()) if layout == "flat" else text


def _leads(text: str) -> list[list[str]]:
    got: list[dict[str, Any]] = parse_text(text, source="probe.md", year=2025)["assignments"]
    return [a["lead"] for a in got]


@pytest.mark.parametrize(("body", "layout", "expected"), [
    pytest.param(b, lay, e, id=f"{i}-{lay}",
                 marks=[pytest.mark.xfail(reason=XFAIL[(i, lay)], strict=True)] if (i, lay) in XFAIL else [])
    for i, b, e in PROBES for lay in LAYOUTS])
def test_name_ends(body: str, layout: str, expected: list[list[str]]) -> None:
    assert _leads(_text(body, layout)) == expected


# a sentence read alone: the name leading it, where it ends
SENTENCES = [
    ("Sở Tài chính, trên cơ sở đề xuất của các sở, ngành, tham mưu bố trí kinh phí.", "Sở Tài chính"),
    ("Sở Nội vụ, căn cứ quy định hiện hành, hướng dẫn các đơn vị thực hiện.", "Sở Nội vụ"),
    ("Công an tỉnh, khi có yêu cầu, cử cán bộ tham gia đoàn kiểm tra.", "Công an tỉnh"),
    ("Ủy ban nhân dân các xã, nếu phát hiện sai phạm, báo cáo ngay về Ủy ban nhân dân tỉnh.", "Ủy ban nhân dân các xã"),
    ("Ủy ban nhân dân các xã, thị trấn Chủ động xây dựng kế hoạch của địa phương.", "Ủy ban nhân dân các xã, thị trấn"),
    ("Sở Tư pháp, địa chỉ số 5 đường Lê Lợi, tổng hợp báo cáo.", "Sở Tư pháp"),
]


@pytest.mark.parametrize(("sentence", "name"), SENTENCES)
def test_leading_body_ends_the_name(sentence: str, name: str) -> None:
    got = leading_body(sentence)
    assert got is not None and got[0] == name
