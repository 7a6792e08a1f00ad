"""Legacy encodings: TCVN3 (ABC) converted, VNI-Windows refused or converted on request.

The byte sequences are written from the published tables (TCVN 5712:1993 VN1 for TCVN3, the
VNI-Windows keyboard table), not produced by the code under test.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from dondoc.errors import PlanReadError
from dondoc.plans import parse_path
from dondoc.plans.legacy import detect, from_tcvn3, from_vni, to_tcvn3, to_vni
from dondoc.plans.readers import decode
from tests.unit.plans.conftest import PLANS, SEEDS, pairs, parsed

TCVN3 = [
    (b"K\xd5 ho\xb9ch", "Kế hoạch"),  # Õ=ế, ¹=ạ
    (b"\xa7\xb6ng", "Đảng"),  # §=Đ (own code), ¶=ả
    (b"Th\xad\xacng binh v\xb5 X\xb7 h\xe9i", "Thương binh và Xã hội"),  # soft hyphen=ư, ¬=ơ, µ=à, ·=ã, é=ộ
    (b"n\xa8m 2025, ng\xb5y 10 th\xb8ng 12", "năm 2025, ngày 10 tháng 12"),
    (b"UBND S\xeb Y t\xd5", "UBND Sở Y tế"),  # ë=ở; 'Së' keeps its case next to UBND
    (b"Ngh\xde quy\xd5t; \xae\xf4ng", "Nghị quyết; đụng"),
    (b"\xa2 \xa3 \xa4 \xa5 \xa6 \xa1", "Â Ê Ô Ơ Ư Ă"),
    # .VnTimeH capitals share the lower-case codes: restored on lines written in capitals
    (b"C\xe9NG H\xdfA X\xb7 H\xe9I CH\xf1 NGH\xdcA VI\xd6T NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (b"\xa7\xe9C L\xcbP - T\xf9 DO - H\xb9NH PH\xf3C", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
    (b"K\xd5 HO\xb9CH tri\xd3n khai", "KẾ HOẠCH triển khai"),
    (b"S\xe8: 12/KH-UBND", "Số: 12/KH-UBND"),
    # a list item or sentence starts with a capital
    (b"- \xf1y ban nh\xa9n d\xa9n huy\xd6n ch\xf1 tr\xd7.", "- Ủy ban nhân dân huyện chủ trì."),
    (b"Giao \xf1y ban", "Giao ủy ban"),  # mid-sentence: the lost capital cannot be known
]

VNI = [
    (b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    (b"Ke\xe1 hoa\xefch trie\xe5n khai th\xf6\xefc hie\xe4n", "Kế hoạch triển khai thực hiện"),
    (b"\xd1a\xfbng; S\xf4\xfb Y te\xe1; na\xeam", "Đảng; Sở Y tế; năm"),
    (b"U\xdbY BAN NHA\xc2N DA\xc2N T\xc6NH \xd1O\xc0NG NAI", "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"),
    (b"ta\xe9t, qua\xfbng, x\xf6\xf8ng, h\xf4\xefp, ng\xf6\xf5, ca\xe8, ch\xf3nh, t\xeeng", "tắt, quảng, xừng, hợp, ngữ, cằ, chĩnh, tỵng"),
    (b"ca\xfcm, a\xebt, ye\xe0u, yu\xf9", "cẵm, ặt, yều, yú"),
    (b"Tr\xec, \xedt, \xf2, \xe6", "Trì, ít, ị, ỉ"),
]


def _latin1(data: bytes) -> str:
    return data.decode("latin-1")


@pytest.mark.parametrize(("data", "expected"), TCVN3, ids=[e for _, e in TCVN3])
def test_tcvn3_table(data: bytes, expected: str) -> None:
    assert from_tcvn3(_latin1(data)) == expected


@pytest.mark.parametrize(("data", "expected"), VNI, ids=[e for _, e in VNI])
def test_vni_table(data: bytes, expected: str) -> None:
    assert from_vni(_latin1(data)) == unicodedata.normalize("NFC", expected)


def test_tcvn3_from_word_keeps_cp1252_punctuation() -> None:
    # Word keeps a .VnTime run's quotes and dashes as Windows-1252 characters
    assert from_tcvn3("\u201cK\xd5 ho\xb9ch\u201d \u2013 S\xeb") == "\u201cKế hoạch\u201d \u2013 Sở"


@pytest.mark.parametrize("source", SEEDS + PLANS[:3], ids=lambda p: p.stem[:3])
def test_detection_leaves_unicode_alone(source: Path) -> None:
    text = source.read_text()
    assert detect(text) is None
    assert detect(to_tcvn3(text)) == "tcvn3"
    assert detect(to_vni(text)) == "vni"


@pytest.mark.parametrize("source", SEEDS, ids=lambda p: p.stem[:3])
def test_vni_round_trip_is_exact(source: Path) -> None:
    text = unicodedata.normalize("NFC", source.read_text())
    assert from_vni(to_vni(text)) == text


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


SEED = next(p for p in SEEDS if p.stem.startswith("002"))


def test_tcvn3_file_parses_like_the_unicode_one(tmp_path: Path) -> None:
    path = _write(tmp_path, "tcvn3.txt", to_tcvn3(SEED.read_text()).encode("cp1252", errors="replace"))
    plan = parse_path(path, max_mb=20)
    expected = pairs(parsed(SEED.stem))
    got = pairs(plan)
    # only capitals of accented letters in the middle of a sentence ('... phối hợp với Ủy ban') are lost
    assert len(expected & got) >= 0.9 * len(expected)
    assert {(r, lead.lower()) for r, lead in expected} == {(r, lead.lower()) for r, lead in got}
    assert plan["year"] == parsed(SEED.stem)["year"]


def test_vni_file_is_refused_with_how_to_convert(tmp_path: Path) -> None:
    path = _write(tmp_path, "vni.txt", to_vni(SEED.read_text()).encode("cp1252", errors="replace"))
    with pytest.raises(PlanReadError, match="VNI Windows") as err:
        parse_path(path, max_mb=20)
    assert "Unikey" in str(err.value) and "vni.txt" in str(err.value)


def test_vni_file_converted_on_request(tmp_path: Path) -> None:
    path = _write(tmp_path, "vni.txt", to_vni(SEED.read_text()).encode("cp1252", errors="replace"))
    plan = parse_path(path, max_mb=20, convert_vni=True)
    assert pairs(plan) == pairs(parsed(SEED.stem))


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes: precomposed letters where the code page has them, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0302\u0306\u031b"))
        out += shaped.encode("cp1258") + "".join(m for m in marks if m not in "\u0302\u0306\u031b").encode("cp1258")
    return bytes(out)


def test_decode_cp1258_is_not_mistaken_for_legacy() -> None:
    text = "Kế hoạch số 12/KH-UBND ngày 10/12/2025 của Ủy ban nhân dân tỉnh; Sở Y tế chủ trì. " * 5
    assert decode(_cp1258(text), path="a.txt") == unicodedata.normalize("NFC", text)


def test_tcvn3_docx_is_converted(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    for block in SEED.read_text().split("\n\n"):
        doc.add_paragraph(to_tcvn3(block))  # a .VnTime document: font codes kept as characters
    path = tmp_path / "tcvn3.docx"
    doc.save(str(path))
    plan = parse_path(path, max_mb=20)
    expected = {(r, lead.lower()) for r, lead in pairs(parsed(SEED.stem))}
    assert {(r, lead.lower()) for r, lead in pairs(plan)} == expected


def test_vni_docx_is_refused(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    for block in SEED.read_text().split("\n\n"):
        doc.add_paragraph(to_vni(block))
    path = tmp_path / "vni.docx"
    doc.save(str(path))
    with pytest.raises(PlanReadError, match="VNI"):
        parse_path(path, max_mb=20)
