"""Build the small files of the bad-input corpus (committed next to this script).

Run `python tests/data/bad/build.py` to regenerate them. Large inputs (the 50 MB text) are not
committed: tests/integration/hardening builds them at test time. Each file's expected clean error is in
tests/integration/hardening/test_bad_inputs.py.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SEED = ROOT / "examples" / "plans" / "004_3b3dcdee6daa1c7d.txt"
DIRECTORY = ROOT / "examples" / "directory.yaml"

# VNI-Windows: a base letter followed by one or two Latin-1 bytes for the shape and tone marks.
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_CIRC_TONE = {"\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä", "": "â"}
_VNI_BREVE_TONE = {"\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë", "": "ê"}


def to_vni(text: str) -> str:
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in "đĐ":
            out.append("ñ" if ch == "đ" else "Ñ")
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        tone = next((m for m in marks if m in _VNI_TONE), "")
        if "\u0302" in marks:
            out.append(base + _VNI_CIRC_TONE[tone])
        elif "\u0306" in marks:
            out.append(base + _VNI_BREVE_TONE[tone])
        elif "\u031b" in marks:  # horn: ơ -> ô, ư -> ö, then the tone byte
            out.append({"o": "ô", "O": "Ô", "u": "ö", "U": "Ö"}[base] + (_VNI_TONE[tone] if tone else ""))
        elif tone:
            out.append(base + _VNI_TONE[tone])
        else:
            out.append(ch)
    return "".join(out)


def to_tcvn3_mixed(text: str) -> str:
    """TCVN3 as a .VnTime file holds it: accented capitals (the 'H' fonts) reuse the lower-case codes."""
    from dondoc.plans.text import to_tcvn3

    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2013", "-")
    return "".join(to_tcvn3(ch.lower()) if ch.isupper() and not ch.isascii() else to_tcvn3(ch) for ch in text)


def _docx_bytes() -> bytes:
    import docx

    doc = docx.Document()
    for para in SEED.read_text(encoding="utf-8").split("\n\n"):
        doc.add_paragraph(para)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    enc = pdfencrypt.StandardEncryption("mat-khau", ownerPassword="chu-so-huu", canPrint=0)
    c = canvas.Canvas(str(path), encrypt=enc)
    y = 800
    for line in SEED.read_text(encoding="utf-8").splitlines()[:60]:
        c.drawString(40, y, unicodedata.normalize("NFD", line)[:90].encode("latin-1", "replace").decode("latin-1"))
        y -= 12
        if y < 40:
            c.showPage()
            y = 800
    c.save()


def _scanned_pdf(path: Path) -> None:
    """An image-only page (a 'scan'): text drawn into a bitmap, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(SEED.read_text(encoding="utf-8").splitlines()[:70]):
        draw.text((60, 60 + i * 22), line.encode("ascii", "replace").decode(), fill=0)
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 0, 0, width=595, height=842)
    c.save()


NO_ASSIGNMENTS = """ỦY BAN NHÂN DÂN
XÃ YÊN THỊNH

Số: 12/KH-UBND
Yên Thịnh, ngày 03 tháng 3 năm 2025

KẾ HOẠCH
Tuyên truyền về phòng, chống thiên tai năm 2025

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức của cộng đồng về phòng, chống thiên tai.
2. Công tác tuyên truyền phải thiết thực, hiệu quả.

II. NỘI DUNG
1. Tuyên truyền trên hệ thống loa truyền thanh.
2. Treo băng rôn, khẩu hiệu tại nơi công cộng.

Nơi nhận:
- Lưu: VT.
"""

BAD_DATES = """ỦY BAN NHÂN DÂN
XÃ YÊN THỊNH

Số: 13/KH-UBND
Yên Thịnh, ngày 05 tháng 01 năm 2025

KẾ HOẠCH
Rà soát hộ nghèo, hộ cận nghèo năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Rà soát đúng quy trình, công khai, minh bạch.

II. NHIỆM VỤ
1. Công chức Lao động - Thương binh và Xã hội: Chủ trì tổng hợp danh sách hộ nghèo, hoàn thành trước ngày 31/02/2025.
2. Công chức Văn hóa - Xã hội: Chủ trì tuyên truyền, hoàn thành trước ngày 29/02/2025.
3. Công chức Tài chính - Kế toán: Chủ trì bố trí kinh phí, hoàn thành trước ngày 30/4/2025.

Nơi nhận:
- Lưu: VT.
"""


def _directory_variants() -> dict[str, str]:
    """Small YAML directories, each broken in one way."""
    base_units = (
        "units:\n"
        "- {code: X, name: UBND xã Yên Thịnh, kind: commune}\n"
        "- {code: X-LD, name: Công chức Lao động - Thương binh và Xã hội, kind: office, parent: X}\n"
        "- {code: X-VH, name: Công chức Văn hóa - Xã hội, kind: office, parent: X}\n"
    )
    officers = (
        "officers:\n"
        "- {code: X-LD-01, unit: X-LD, name: Nguyễn Thị Hoa, role: focal}\n"
        "- {code: X-VH-01, unit: X-VH, name: Lê Văn Nam, role: head}\n"
    )
    contacts = (
        "contacts:\n"
        "- {officer: X-LD-01, channel: email, url: 'mailto://hoa@example.org', priority: 1}\n"
    )
    return {
        "dir_cycle.yaml": (
            "units:\n"
            "- {code: A, name: UBND xã A, kind: commune, parent: C}\n"
            "- {code: B, name: Phòng B, kind: office, parent: A}\n"
            "- {code: C, name: Phòng C, kind: office, parent: B}\n"
        ),
        "dir_duplicate_alias.yaml": base_units + officers + contacts + (
            "aliases:\n"
            "- {alias: Bộ phận một cửa, unit: X-LD}\n"
            "- {alias: Bộ phận một cửa, unit: X-VH}\n"
        ),
        "dir_unknown_scheme.yaml": base_units + officers + (
            "contacts:\n"
            "- {officer: X-LD-01, channel: zalo, url: 'zallo://0912345678', priority: 1}\n"
        ),
        "dir_unknown_parent.yaml": base_units.replace("parent: X}", "parent: Y}", 1),
        "dir_bad_url.yaml": base_units + officers + (
            "contacts:\n"
            "- {officer: X-LD-01, channel: email, url: 'khong-phai-url', priority: 1}\n"
        ),
    }


def _directory_xlsx(path: Path, *, drop: str | None = None, url: str | None = None) -> None:
    from openpyxl import Workbook

    sheets = {
        "Units": (["code", "name", "kind", "parent"], [["X", "UBND xã Yên Thịnh", "commune", None],
                                                        ["X-LD", "Công chức Lao động - TB&XH", "office", "X"]]),
        "Officers": (["code", "unit", "name", "role"], [["X-LD-01", "X-LD", "Nguyễn Thị Hoa", "focal"]]),
        "Contacts": (["officer", "channel", "url", "priority"],
                     [["X-LD-01", "email", url or "mailto://hoa@example.org", 1]]),
        "Aliases": (["alias", "unit"], [["LĐ-TB&XH", "X-LD"]]),
    }
    wb = Workbook()
    wb.remove(wb.active)
    for title, (header, rows) in sheets.items():
        ws = wb.create_sheet(title)
        cols = [i for i, h in enumerate(header) if h != drop or title != "Officers"]
        ws.append([header[i] for i in cols])
        for row in rows:
            ws.append([row[i] for i in cols])
    wb.save(path)


def build() -> list[Path]:
    written: list[Path] = []

    def put(name: str, data: bytes) -> None:
        (HERE / name).write_bytes(data)
        written.append(HERE / name)

    seed = SEED.read_text(encoding="utf-8")
    put("empty.txt", b"")
    put("blank.txt", b"  \n\n\t \n")
    put("binary.docx", bytes(range(256)) * 64)  # not a zip at all
    docx_data = _docx_bytes()
    put("truncated.docx", docx_data[: len(docx_data) // 2])
    _encrypted_pdf(HERE / "encrypted.pdf")
    written.append(HERE / "encrypted.pdf")
    _scanned_pdf(HERE / "scanned.pdf")
    written.append(HERE / "scanned.pdf")
    put("tcvn3.txt", to_tcvn3_mixed(seed).encode("latin-1", "replace"))
    put("vni.txt", to_vni(seed).encode("cp1252", "replace"))
    put("nfd.txt", unicodedata.normalize("NFD", seed).encode("utf-8"))
    put("no_assignments.txt", NO_ASSIGNMENTS.encode("utf-8"))
    put("bad_dates.txt", BAD_DATES.encode("utf-8"))
    put("not_a_plan.txt", "Danh sách mua sắm: gạo, muối, nước mắm.\nKhông có mục nào.\n".encode())
    for name, text in _directory_variants().items():
        put(name, text.encode("utf-8"))
    _directory_xlsx(HERE / "dir_missing_column.xlsx", drop="name")
    written.append(HERE / "dir_missing_column.xlsx")
    _directory_xlsx(HERE / "dir_bad_url.xlsx", url="zzz://")
    written.append(HERE / "dir_bad_url.xlsx")
    return written


if __name__ == "__main__":
    for p in build():
        print(f"{p.stat().st_size:>8}  {p.name}")
