"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC, the .VnTime fonts) and VNI-Windows.

Documents typed before Unicode store font codes: read as Latin-1 (a .txt file) or as the
Windows-1252 characters Word keeps for a .VnTime / VNI-Times run (.docx, .pdf), they look like
'Ké ho¹ch' (TCVN3) or 'Keá hoaïch' (VNI). Detection counts each encoding's tell-tale characters
against real Vietnamese letters; conversion uses the published tables:

- TCVN3: TCVN 5712:1993 table VN1 (the one glibc's iconv calls TCVN5712-1), of which the ABC
  fonts use the 0xA0-0xFF half: one code per precomposed lower-case letter, plus Ă Â Ê Ô Ơ Ư Đ.
  Accented capitals have no code there: the ".VnTimeH" fonts draw the lower-case codes as
  capitals, so 'CỘNG HÒA' is stored as 'CéNG HßA'. Case is restored for lines written in
  capitals (their ASCII letters are upper case); an isolated accented capital inside ordinary
  text ('Ủy ban' typed in a H font) cannot be told apart and comes back in lower case.
- VNI-Windows: a base letter followed by one mark byte (tone, or shape and tone together), and
  single codes for ơ ư đ ỉ ĩ ị ỵ; capitals have their own mark bytes, so case is exact.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 VN1, bytes 0x80-0xFF (0xB0-0xB4 are combining tone marks).
_VN1_HIGH = (
    "\xc0\u1ea2\xc3\xc1\u1ea0\u1eb6\u1eac\xc8\u1eba\u1ebc\xc9\u1eb8\u1ec6\xcc\u1ec8\u0128"
    "\xcd\u1eca\xd2\u1ece\xd5\xd3\u1ecc\u1ed8\u1edc\u1ede\u1ee0\u1eda\u1ee2\xd9\u1ee6\u0168"
    "\xa0\u0102\xc2\xca\xd4\u01a0\u01af\u0110\u0103\xe2\xea\xf4\u01a1\u01b0\u0111\u1eb0"
    "\u0300\u0309\u0303\u0301\u0323\xe0\u1ea3\xe3\xe1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4"
    "\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\xe8\u1ec2\u1ebb\u1ebd"
    "\xe9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\xec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\xed\u1ecb\xf2"
    "\u1ed4\u1ecf\xf5\xf3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\xf9"
    "\u1ed6\u1ee7\u0169\xfa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\xfd\u1ef5\u1ed0"
)
assert len(_VN1_HIGH) == 128
# VN1 also puts some capitals on C0 control codes (never tab, newline or carriage return).
_VN1_LOW = {0x01: "Ú", 0x02: "Ụ", 0x04: "Ừ", 0x05: "Ử", 0x06: "Ữ", 0x11: "Ứ", 0x12: "Ự", 0x13: "Ỳ",
            0x14: "Ỷ", 0x15: "Ỹ", 0x16: "Ý", 0x17: "Ỵ"}


def _byte_chars(b: int) -> list[str]:
    """The characters byte b can arrive as: Latin-1 (a .txt read as bytes) and Windows-1252
    (the same font code kept by Word in a .docx)."""
    out = [chr(b)]
    try:
        cp = bytes([b]).decode("cp1252")
        if cp != out[0]:
            out.append(cp)
    except UnicodeDecodeError:
        pass
    return out


_TCVN3_TABLE: dict[int, str] = {}
for _i, _ch in enumerate(_VN1_HIGH):
    if _i + 0x80 <= 0xA0:
        # 0x80-0x9F hold capitals only in VN1; the ABC fonts have none there (their capitals are
        # the H fonts' lower-case codes) and files typed in Word keep Windows-1252 quotes and
        # dashes at those codes. The no-break space stays what it is.
        continue
    for _c in _byte_chars(_i + 0x80):
        _TCVN3_TABLE[ord(_c)] = _ch
for _b, _ch in _VN1_LOW.items():
    _TCVN3_TABLE[_b] = _ch
# What a .VnTime file holds: the lower-case letters and the seven capitals with their own code.
_UNICODE_TO_TCVN3 = {
    v: chr(k) for k, v in _TCVN3_TABLE.items() if 0xA1 <= k < 0x100 and (not v.isupper() or v in "ĂÂÊÔƠƯĐ")
}

# Characters common in TCVN3 text (à á ả ã ạ đ ê ô ơ ư ă â and their capitals) that Unicode
# Vietnamese prose essentially never contains.
_TCVN3_TELL_CHARS = "\xb5\xb8\xb6\xb7\xb9\xae\xaa\xab\xac\xa8\xa9\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xad"
_TCVN3_TELLS = re.compile("[" + _TCVN3_TELL_CHARS + "]")

# VNI-Windows marks (after a vowel): tone, circumflex + tone, breve + tone; lower and upper case.
_TONE = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRC = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_MARK: dict[str, str] = {}
for _k, _v in _TONE.items():
    _VNI_MARK[_k] = _VNI_MARK[_k.upper()] = _v
for _k, _v in _CIRC.items():
    _VNI_MARK[_k] = _VNI_MARK[_k.upper()] = "\u0302" + _v
for _k, _v in _BREVE.items():
    _VNI_MARK[_k] = _VNI_MARK[_k.upper()] = "\u0306" + _v
# single codes: ơ ư đ and the i/y letters whose accented forms have their own byte
_VNI_SINGLE = {"ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ", "æ": "ỉ", "Æ": "Ỉ",
               "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị", "î": "ỵ", "Î": "Ỵ"}
_VNI_VOWELS = "aeiouyAEIOUYôöÔÖ"
_VNI_PAIR = re.compile(f"[{_VNI_VOWELS}][{''.join(_VNI_MARK)}]")

_VIET = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")


_VNI_MARK_CHAR_LIST = "øûïåäëüØÛÏÅÄËÜöÖñÑ"
_VNI_MARK_CHARS = re.compile("[" + _VNI_MARK_CHAR_LIST + "]")


def _vni_tells(sample: str) -> int:
    """Marks that never follow a vowel in Unicode Vietnamese (unlike à á â ê õ ...), and the
    ơ/ư/đ codes: one pass over a character class, then a look at each hit's neighbours."""
    n = 0
    if not any(c in sample for c in _VNI_MARK_CHAR_LIST):  # (the usual case; `in` is far cheaper than the class)
        return 0
    for m in _VNI_MARK_CHARS.finditer(sample):
        i = m.start()
        ch = sample[i]
        if ch in "öÖ":
            n += 1
        elif ch in "ñÑ":
            n += i + 1 < len(sample) and sample[i + 1].isascii() and sample[i + 1].isalpha()
        elif i and sample[i - 1] in _VNI_VOWELS:
            n += 1
    return n


def detect(text: str) -> str | None:
    """'tcvn3' or 'vni' when the text looks like a legacy encoding, else None."""
    sample = text[:40000]
    # (the tells are counted only when one is there: `in` is far cheaper than scanning with the class)
    tcvn = len(_TCVN3_TELLS.findall(sample)) if any(c in sample for c in _TCVN3_TELL_CHARS) else 0
    vni = _vni_tells(sample)
    if tcvn < 8 and vni < 8:
        return None  # the common case: Unicode text, decided without counting its letters
    viet = len(_VIET.findall(sample))
    if tcvn >= 8 and tcvn > 2 * viet and tcvn >= vni:
        return "tcvn3"
    if vni >= 8 and vni > 2 * viet:
        return "vni"
    return None


_WORD = re.compile(r"\S+")


def _ascii_letters(word: str) -> str:
    return "".join(c for c in word if c.isascii() and c.isalpha())


def _restore_caps(line: str) -> str:
    """Capitals typed in a .VnTimeH font share the lower-case codes: 'HO¹CH' is 'HOẠCH'.

    An anchor is a word with two or more ASCII letters, all capitals, and a lower-case letter
    code ('HO¹CH'). A line with an anchor whose ASCII letters are all capitals is upper-cased
    whole; elsewhere a word whose ASCII letters are capitals is upper-cased when it is, or stands
    next to, an anchor ('KÕ HO¹CH' -> 'KẾ HOẠCH'). 'Së' (Sở) next to 'Y tÕ', 'UBND' or 'L§TB&XH'
    keeps its case; so does 'Số: 12/KH-UBND'.
    """
    if not any(ord(c) > 0x7F for c in line):
        return line
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(line)]
    caps = [bool(_ascii_letters(w)) and _ascii_letters(w).isupper() for _, _, w in words]
    anchor = [c and len(_ascii_letters(w)) >= 2 and _has_lower_code(w) for c, (_, _, w) in zip(caps, words, strict=False)]
    letters = _ascii_letters(line)
    if any(anchor) and len(letters) >= 4 and letters.isupper():
        return _convert(line).upper()  # a whole line in capitals: 'ĐỘC LẬP - TỰ DO - HẠNH PHÚC'
    out: list[str] = []
    last = 0
    for k, (a, b, w) in enumerate(words):
        conv = _convert(w)
        near = anchor[k] or (k > 0 and anchor[k - 1]) or (k + 1 < len(words) and anchor[k + 1])
        out.append(_convert(line[last:a]))
        out.append(conv.upper() if caps[k] and near else conv)
        last = b
    out.append(_convert(line[last:]))
    return "".join(out)


def _has_lower_code(word: str) -> bool:
    """The word holds a legacy code for a lower-case letter (what a H font draws as a capital)."""
    return any(ord(c) > 0x7F and (t := _TCVN3_TABLE.get(ord(c))) is not None and t.islower() for c in word)


def _convert(text: str) -> str:
    return text.translate(_TCVN3_TABLE)


# Only accented letters lost their capital (plain ASCII capitals are stored as they are).
_LOST = "à-ỹđ"
_IN_LINE = re.compile(rf"(?<=[^.\s][.!?])(\s+)([{_LOST}])")  # not after '...'
_ITEM = re.compile(
    rf"^(\s*(?:[-–+•*]|[IVX]+[.)]|\d{{1,2}}(?:\.\d{{1,2}})*[.)]|\d{{1,2}}(?:\.\d{{1,2}})+|[a-zđ]\))\s+)([{_LOST}])"
)
_LETTER_MARKER = re.compile(r"^[a-zđ]\)")
_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]*\s*$")


def _capitalise_sentences(text: str) -> str:
    """Vietnamese sentences and list items start with a capital: an accented one written in a
    H font came back in lower case ('- ủy ban nhân dân ...' is '- Ủy ban ...'). A line starts a
    sentence when the last non-blank line ended one (hard-wrapped text continues otherwise)."""
    out: list[str] = []
    prev = ""
    for line in text.split("\n"):
        line = _IN_LINE.sub(lambda m: m.group(1) + m.group(2).upper(), line)
        m = _ITEM.match(line)
        if m:
            line = m.group(1) + m.group(2).upper() + line[m.end() :]
        elif ((line[:1] and "à" <= line[0] <= "ỹ") or line[:1] == "đ") and not _LETTER_MARKER.match(line):
            if not prev or _ENDS_SENTENCE.search(prev):
                line = line[0].upper() + line[1:]
        out.append(line)
        if line.strip():
            prev = line
    return "\n".join(out)


def from_tcvn3(text: str) -> str:
    """TCVN3 (ABC) / TCVN 5712 VN1 text -> Unicode NFC, capitals restored where the case shows."""
    converted = "\n".join(_restore_caps(line) for line in text.split("\n"))
    return _capitalise_sentences(unicodedata.normalize("NFC", converted))


def to_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 as a .VnTime/.VnTimeH file stores it (accented capitals take the
    lower-case codes). Used by tests to build legacy samples from Unicode plans."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        code = _UNICODE_TO_TCVN3.get(ch)
        if code is None and not ch.isascii() and ch.isupper():
            code = _UNICODE_TO_TCVN3.get(ch.lower())
        out.append(code if code is not None else ch)
    return "".join(out)


def from_vni(text: str) -> str:
    """VNI-Windows text -> Unicode NFC."""
    out: list[str] = []
    prev_vowel = False
    for ch in text:
        if prev_vowel and ch in _VNI_MARK:
            out.append(_VNI_MARK[ch])
            prev_vowel = False
            continue
        single = _VNI_SINGLE.get(ch)
        if single is not None:
            out.append(single)
            prev_vowel = single in "ơưƠƯ"
            continue
        out.append(ch)
        prev_vowel = ch in "aeiouyAEIOUY"
    return unicodedata.normalize("NFC", "".join(out))


def to_vni(text: str) -> str:
    """Unicode -> VNI-Windows (tests build legacy samples with it)."""
    single = {v: k for k, v in _VNI_SINGLE.items()}
    tone_of = {v: k for k, v in _TONE.items()}
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in single:
            out.append(single[ch])
            continue
        if ch in "ìíÌÍ":  # single codes, the same as Latin-1
            out.append(ch)
            continue
        parts = unicodedata.normalize("NFD", ch)
        base, marks = parts[0], parts[1:]
        if not marks or base not in "aeiouyAEIOUY" or any(m not in "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b" for m in marks):
            out.append(ch)
            continue
        upper = base.isupper()
        tone = next((m for m in marks if m in tone_of), "")
        if "\u031b" in marks:  # horn: ơ ư, then the tone
            out.append({"o": "ô", "O": "Ô", "u": "ö", "U": "Ö"}[base])
            mark = tone_of.get(tone, "") if tone else ""
        elif "\u0302" in marks:
            out.append(base)
            mark = next(k for k, v in _CIRC.items() if v == tone)
        elif "\u0306" in marks:
            out.append(base)
            mark = next(k for k, v in _BREVE.items() if v == tone)
        else:
            nfc = unicodedata.normalize("NFC", ch)
            if nfc in single:
                out.append(single[nfc])
                continue
            out.append(base)
            mark = tone_of[tone]
        out.append(mark.upper() if upper else mark)
    return "".join(out)
