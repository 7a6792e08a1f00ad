"""Probe body names by kind in every place a name stands (opening a sentence, after Giao / Đề nghị / Yêu cầu, in a
list, after 'phối hợp với', as a heading over bullets, in '- Chủ trì: X'); print the failures as a table.

    PYTHONPATH=$PWD/src .venv/bin/python benchmarks/probe_names.py [--flat] [--pasted] [kind ...]

--flat also runs each text with all its line breaks lost, --pasted as a law-library page's copy gives it (wrapped
at 78 columns, every paragraph break lost; benchmarks/_paste.py).
"""

import sys
import unicodedata

from _paste import flat, pasted

from dondoc.plans import parse_text

HEAD = "ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nKẾ HOẠCH\nThực hiện Đề án 06 năm 2024\nI. MỤC ĐÍCH\nNâng cao hiệu quả.\nII. TỔ CHỨC THỰC HIỆN\n"
POS = {
    "open": (
        "1. {X} chủ trì, phối hợp với Sở Tài chính tổ chức triển khai Đề án; thời gian thực hiện: năm 2025.",
        "lead",
    ),
    "open2": ("1. {X} tổ chức quán triệt, triển khai thực hiện Đề án trong phạm vi quản lý.", "lead"),
    "giao": ("1. Giao {X} chủ trì tổ chức triển khai Đề án; hoàn thành trong quý III/2025.", "lead"),
    "denghi": ("1. Đề nghị {X} phối hợp tuyên truyền, phổ biến Đề án đến cán bộ, nhân dân.", "lead"),
    "yeucau": ("1. Yêu cầu {X} nghiêm túc triển khai thực hiện Kế hoạch này.", "lead"),
    "list": ("1. Sở Y tế, {X} tổ chức triển khai Đề án theo chức năng, nhiệm vụ.", "lead2"),
    "listlast": ("1. {X}, Sở Y tế tổ chức triển khai Đề án theo chức năng, nhiệm vụ.", "lead2"),
    "support": ("1. Sở Nội vụ chủ trì, phối hợp với {X} tổ chức triển khai Đề án.", "support"),
    "heading": (
        "1. {X}\n- Tổ chức triển khai Đề án trong phạm vi quản lý.\n- Báo cáo kết quả thực hiện trước ngày 15/12/2025.",
        "lead",
    ),
    "chutri": ("1. Tổ chức triển khai Đề án\n- Chủ trì: {X}\n- Phối hợp: Sở Y tế\n- Thời gian: Quý II/2025", "lead"),
}
NAMES = {
    "party": [
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Đảng ủy các xã, phường",
        "Đảng ủy Ủy ban nhân dân tỉnh",
        "Văn phòng Tỉnh ủy",
        "Ban Tổ chức Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
        "Đảng ủy các cơ quan Đảng tỉnh",
        "Ban Thường vụ Đảng ủy xã",
        "Các cấp ủy, tổ chức đảng",
        "Trường Chính trị tỉnh",
        "Báo và Phát thanh, Truyền hình tỉnh",
    ],
    "elected": [
        "Thường trực HĐND tỉnh",
        "Thường trực Hội đồng nhân dân tỉnh",
        "Các Ban HĐND tỉnh",
        "Các Ban của Hội đồng nhân dân tỉnh",
        "Đoàn Đại biểu Quốc hội tỉnh",
        "Ban Pháp chế HĐND tỉnh",
        "Ban Kinh tế - Ngân sách HĐND tỉnh",
        "Hội đồng nhân dân các xã, phường",
    ],
    "officer": [
        "Giám đốc các sở",
        "Chủ tịch UBND các xã, phường",
        "Chủ tịch Ủy ban nhân dân các xã, phường",
        "Thủ trưởng các cơ quan, đơn vị",
        "Trưởng Công an xã",
        "Người đứng đầu các cơ quan, đơn vị",
        "Giám đốc Sở Y tế",
        "Thủ trưởng các sở, ban, ngành",
        "Chánh Văn phòng UBND tỉnh",
        "Giám đốc Công an tỉnh",
        "Bí thư Đảng ủy các xã",
        "Trưởng thôn, tổ trưởng tổ dân phố",
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh",
    ],
    "enterprise": [
        "Công ty Điện lực Hà Nam",
        "Tổng công ty Điện lực miền Bắc",
        "VNPT Hà Nam",
        "Viettel Hà Nam",
        "Bưu điện tỉnh",
        "Các doanh nghiệp viễn thông",
        "Hợp tác xã Nông nghiệp Tân An",
        "Các hợp tác xã",
        "Công ty TNHH MTV Khai thác công trình thủy lợi",
        "Công ty Cổ phần Cấp nước Hà Nam",
        "Tập đoàn Điện lực Việt Nam",
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        "Các tổ chức tín dụng",
        "Ngân hàng Nhà nước Khu vực 3",
        "Các doanh nghiệp",
    ],
    "school": [
        "Trường Đại học Hà Nam",
        "Trường Cao đẳng Y tế",
        "Bệnh viện Đa khoa tỉnh",
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "Các trường trung học phổ thông",
        "Các cơ sở giáo dục",
        "Các cơ sở khám bệnh, chữa bệnh",
        "Trung tâm Y tế khu vực",
        "Trạm Y tế các xã",
        "Đại học Thái Nguyên",
        "Các cơ sở giáo dục đại học",
    ],
    "ministry_unit": [
        "Cục Chuyển đổi số quốc gia",
        "Vụ Pháp chế",
        "Tổng cục Thống kê",
        "Viện Chiến lược và Chính sách y tế",
        "Học viện Hành chính Quốc gia",
        "Thanh tra Bộ",
        "Văn phòng Bộ",
        "Vụ Kế hoạch - Tài chính",
        "Cục Thống kê",
        "Các Vụ, Cục thuộc Bộ",
        "Các đơn vị thuộc Bộ",
        "Các cơ quan, đơn vị thuộc Bộ",
        "Trung tâm Thông tin",
        "Cục Quản lý thị trường tỉnh",
        "Thống kê tỉnh",
        "Chi cục Thống kê khu vực",
    ],
    "armed": [
        "Bộ Tư lệnh Quân khu 3",
        "Bộ đội Biên phòng tỉnh",
        "Phòng Cảnh sát giao thông",
        "Bộ Chỉ huy Quân sự tỉnh",
        "Bộ Tư lệnh Thủ đô Hà Nội",
        "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        "Công an tỉnh",
        "Ban Chỉ huy Quân sự các xã",
        "Lực lượng Dân quân tự vệ",
        "Cảnh sát biển Vùng 1",
        "Đồn Biên phòng Cửa khẩu",
        "Phòng An ninh chính trị nội bộ",
    ],
    "assoc": [
        "Hội Chữ thập đỏ tỉnh",
        "Hội Người cao tuổi tỉnh",
        "Hội Khuyến học tỉnh",
        "Liên minh Hợp tác xã tỉnh",
        "Hiệp hội Doanh nghiệp tỉnh",
        "Hội Cựu chiến binh tỉnh",
        "Hội Luật gia tỉnh",
        "Hội Nhà báo tỉnh",
        "Hội Người mù tỉnh",
        "Hội Bảo trợ người khuyết tật và trẻ mồ côi",
        "Liên hiệp các tổ chức hữu nghị tỉnh",
        "Hội Văn học nghệ thuật tỉnh",
        "Hội Doanh nhân trẻ tỉnh",
        "Hội Nạn nhân chất độc da cam/dioxin tỉnh",
        "Các hội đặc thù",
        "Các tổ chức chính trị - xã hội",
        "Liên đoàn Lao động tỉnh",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Hội Nông dân tỉnh",
    ],
    "commune": [
        "Ủy ban nhân dân phường Tân An",
        "UBND xã Đắk Mar",
        "Ủy ban nhân dân xã Kim Bảng",
        "UBND phường Phủ Lý",
        "Công an phường Tân An",
        "Đảng ủy xã Đắk Mar",
        "Ủy ban nhân dân đặc khu Phú Quốc",
        "UBND các xã, phường, đặc khu",
    ],
    "new2025": [
        "Sở Dân tộc và Tôn giáo",
        "Bộ Dân tộc và Tôn giáo",
        "Sở Nông nghiệp và Môi trường",
        "Bộ Nội vụ",
        "Sở Khoa học và Công nghệ",
        "Sở Xây dựng",
        "Thuế tỉnh Hà Nam",
        "Kho bạc Nhà nước khu vực IV",
        "Bảo hiểm xã hội tỉnh",
        "Chi cục Hải quan khu vực",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Bộ Văn hóa, Thể thao và Du lịch",
    ],
}

NAMES.update(
    {
        "more_local": [
            "Trung tâm Văn hóa, Thông tin và Thể thao xã",
            "Trung tâm Dịch vụ tổng hợp xã",
            "Phòng Văn hóa - Xã hội xã",
            "Phòng Kinh tế xã",
            "Văn phòng HĐND và UBND xã",
            "Ban Quản lý Vườn quốc gia Cúc Phương",
            "Chi cục Kiểm lâm",
            "Chi cục Thủy lợi",
            "Đài Khí tượng Thủy văn tỉnh",
            "Trung tâm Khuyến nông tỉnh",
            "Văn phòng Điều phối nông thôn mới tỉnh",
            "Ban Dân tộc HĐND tỉnh",
            "Ban Văn hóa - Xã hội HĐND tỉnh",
            "Quỹ Đầu tư phát triển tỉnh",
            "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
            "Ban Chỉ đạo 35 tỉnh",
            "Hội đồng Thi đua - Khen thưởng tỉnh",
            "Hội đồng Phối hợp phổ biến, giáo dục pháp luật tỉnh",
            "Tổ công tác",
            "Ban Quản lý Khu kinh tế tỉnh",
            "Báo Hà Nam",
            "Trung tâm Truyền thông tỉnh",
            "Tòa án nhân dân tỉnh",
            "Viện Kiểm sát nhân dân tỉnh",
            "Thi hành án dân sự tỉnh",
            "Tòa án nhân dân khu vực 1",
            "Cổng Thông tin điện tử tỉnh",
            "Ban Quản lý dự án đầu tư xây dựng khu vực",
        ],
        "more_officer": [
            "Phó Chủ tịch UBND tỉnh",
            "Chủ tịch UBND tỉnh",
            "Đồng chí Phó Chủ tịch UBND tỉnh",
            "Bí thư các chi bộ",
            "Trưởng Ban Chỉ đạo",
            "Thành viên Ban Chỉ đạo",
            "Chỉ huy trưởng Ban Chỉ huy Quân sự xã",
            "Trưởng phòng Văn hóa - Xã hội",
            "Công chức Văn hóa - Xã hội",
            "Cán bộ, công chức, viên chức",
            "Trưởng các phòng, ban, ngành",
            "Giám đốc các doanh nghiệp",
            "Hiệu trưởng các trường",
            "Thủ trưởng các đơn vị",
        ],
        "more_ent": [
            "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh",
            "Agribank chi nhánh Hà Nam",
            "Ngân hàng Thương mại cổ phần Công Thương Việt Nam",
            "Các ngân hàng thương mại",
            "Điện lực Hà Nam",
            "MobiFone tỉnh",
            "Trung tâm Kinh doanh VNPT Hà Nam",
            "Công ty Xổ số kiến thiết",
            "Tổng công ty Bưu điện Việt Nam",
            "Doanh nghiệp viễn thông",
            "Tập đoàn Công nghiệp - Viễn thông Quân đội",
            "Các tổ chức tín dụng",
            "Các hợp tác xã",
            "Các cơ sở sản xuất, kinh doanh",
        ],
        "more_armed": [
            "Lực lượng Dân quân tự vệ",
            "Đồn Biên phòng Cửa khẩu",
            "Hải đội 2",
            "Bộ Tư lệnh Vùng Cảnh sát biển 1",
            "Trung đoàn 42",
            "Sư đoàn 395",
            "Phòng PC07",
            "Cảnh sát cơ động",
            "Trại giam Nam Hà",
            "Cơ quan Cảnh sát điều tra Công an tỉnh",
            "Ban Chỉ huy Biên phòng Cửa khẩu cảng",
            "Lực lượng Công an",
            "Công an các xã, phường",
            "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        ],
        "more_min": [
            "Cục Thống kê",
            "Thống kê tỉnh",
            "Cục Thuế",
            "Cục Hải quan",
            "Cục Dự trữ Nhà nước",
            "Vụ Tổ chức cán bộ",
            "Vụ Hợp tác quốc tế",
            "Các Tổng cục, Cục",
            "Cục Việc làm",
            "Viện Khoa học Lao động và Xã hội",
            "Học viện Chính trị quốc gia Hồ Chí Minh",
            "Trường Cán bộ quản lý",
            "Báo Lao động và Xã hội",
            "Ban Quản lý các dự án",
            "Văn phòng Bộ Nội vụ",
            "Thanh tra Bộ Y tế",
        ],
    }
)


def norm(s):
    return " ".join(unicodedata.normalize("NFC", s).lower().split())


RENDITIONS = {"plain": lambda t: t, "flat": flat, "pasted": pasted}


def run(tpl, x, rendition="plain"):
    if not (tpl.startswith("1. {X}") or "Chủ trì: {X}" in tpl) and x.startswith("Các "):
        x = "các " + x[4:]
    d = parse_text(RENDITIONS[rendition](HEAD + tpl.replace("{X}", x) + "\n"), source="x.txt")
    return d["assignments"]


fails = []
kinds = [a for a in sys.argv[1:] if not a.startswith("--")] or list(NAMES)
renditions = ["plain"] + [r for r in ("flat", "pasted") if f"--{r}" in sys.argv]
tot = 0
by_rendition = dict.fromkeys(renditions, 0)
for kind in kinds:
    for x in NAMES[kind]:
        bad = []
        for pname, (tpl, role), ren in ((p, v, r) for p, v in POS.items() for r in renditions):
            tot += 1
            a = run(tpl, x, ren)
            tag = pname if ren == "plain" else f"{pname} ({ren})"
            if not a:
                bad.append((tag, "NO-ASSIGN"))
                by_rendition[ren] += 1
                continue
            got = a[0]["support"] if role == "support" else a[0]["lead"]
            want = norm(x)
            xs = [norm(g) for g in got]
            ok = want in xs and "sở y tế" in xs if role == "lead2" else want in xs
            if not ok:
                bad.append((tag, f"lead={a[0]['lead']} sup={a[0]['support']}"))
                by_rendition[ren] += 1
        for p, why in bad:
            fails.append((kind, x, p, why))
for f in fails:
    print(" | ".join(f))
print("# by rendition: " + ", ".join(f"{k} {v}" for k, v in by_rendition.items()))
print(f"# {len(fails)} fails of {tot}")
