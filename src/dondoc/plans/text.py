"""Text normalisation: Unicode NFC, invisible characters, markup, legacy TCVN3/VNI encodings."""

from __future__ import annotations

import re
import unicodedata

from dondoc.plans.legacy import detect as legacy_encoding
from dondoc.plans.legacy import from_tcvn3, from_vni, to_tcvn3, to_vni

__all__ = ["ANNEX_CAPTION", "clean", "from_tcvn3", "from_vni", "legacy_encoding", "normalize", "strip_markup", "to_tcvn3", "to_vni",
           "unescape_marks"]

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_SPACE_CHARS = "\u00a0\u2002\u2003\u2009\u202f\t\u3000"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}][{_INVISIBLE_CHARS}]*")  # ('[...]+': a class first lets the engine skip ahead)
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


def normalize(text: str) -> str:
    """NFC, no invisible characters, plain spaces, Unix newlines."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text or "\f" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    # (str.translate with a dict walks the text in Python-level steps: regexes are ~50x faster)
    # (replaced only when there: testing each character with `in` is far cheaper than scanning with the class)
    if any(c in text for c in _INVISIBLE_CHARS):
        text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text) if any(c in text for c in _SPACE_CHARS) else text


# (every branch opening with its character, the look-behinds after it: the same matches as
# '\*+|(?<!\w)_{1,2}(?=\S)|(?<=\S)_{1,2}(?!\w)|\\(?=[^\w\s])', without running a look-behind at every character)
_MARKUP = re.compile(r"\*+|_(?<!\w_)_?(?=\S)|_(?<=\S_)_?(?!\w)|\\(?=[^\w\s])")
_FOOTNOTE = re.compile(r"\[\^?\d{1,3}\]")  # '[3]', and markdown's '[^3]'
_WS = re.compile(r"\s+")


_HEADING_MARK = re.compile(r"^\s*#{1,6}\s*")


def strip_markup(text: str) -> str:
    """Remove markdown emphasis, heading marks, escapes and footnote markers; collapse spaces."""
    if "#" in text:
        text = _HEADING_MARK.sub("", text)
    if "*" in text or "_" in text or "\\" in text:
        text = _MARKUP.sub("", text)
    if "[" in text:
        text = _FOOTNOTE.sub("", text)
    return " ".join(text.split())


# a Word file converted to markdown escapes the marks opening a line: '\- ', '\+ ', '1\. ', '**2\.**' (the
# backslash found first, the line's start checked after: no pattern tried at every character)
_ESCAPE = re.compile(r"\\([-+•.)])")
_BEFORE_BULLET = re.compile(r"[ \t]*(?:\*\*|__)?")
_BEFORE_NUMBER = re.compile(r"[ \t]*(?:\*\*|__)?\d{1,2}(?:\.\d{1,2})*")


def unescape_marks(text: str) -> str:
    def mark(m: re.Match[str]) -> str:
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        opens = (_BEFORE_BULLET if m.group(1) in "-+•" else _BEFORE_NUMBER).fullmatch(before)
        return m.group(1) if opens else m.group(0)

    return _ESCAPE.sub(mark, text)


def clean(text: str) -> str:
    return " ".join(text.split())


DASH = "-–—‐‑"


# the footer and the signature block open paragraphs of their own, even after a full-width line ('... Kế hoạch./.'
# / 'Nơi nhận:', 'Nơi nhận - Bộ X;'; 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'); so does an annex's heading alone on its
# line ('PHỤ LỤC', 'PHỤ LỤC II', 'PHỤ LỤC I DANH MỤC NHIỆM VỤ', with its '(Kèm theo Kế hoạch số ...)' where the line
# breaks were lost), which in a plan attached to a decision follows the last item with no signature between,
# and a part's ('PHẦN I', 'PHẦN THỨ HAI: KẾ HOẠCH NĂM 2025') after the plan's title
SIGN_OFF = re.compile(r"(?:Nơi nhận(?:\s*:|\s*$|\s+[-–+•]\s)|(?:TM|KT|TL|TUQ)\.\s*[A-ZĐ][A-ZĐÀ-Ỹ]+\s"
                      r"|[*_#\s]*PHỤ\s+LỤC(?:\s+(?:SỐ\s*)?(?:[IVX]{1,4}|\d{1,2}))?(?:\s*[.:–-])?(?:\s+[A-ZĐÀ-Ỹ\d]\S*)*[*_\s]*"
                      r"(?:\((?:Kèm|kèm|Ban hành|ban hành)[^()]{0,300}\)[*_\s]*)?$"
                      r"|[*_#\s]*PHẦN\s+(?:[IVX]{1,4}|THỨ\s+[A-ZĐÀ-Ỹ]+)(?:\s*[.:–-])?(?:\s+[A-ZĐÀ-Ỹ\d]\S*)*[*_\s]*$)")
# ... and an annex's caption in mixed case alone on its line after a blank one ('Nguyễn Văn A' / '' / 'Phụ lục 02'; the
# signer's name line would take it in)
ANNEX_CAPTION = re.compile(r"Phụ lục\s+(?:số\s*)?(?:[IVX]{1,4}|\d{1,2})\s*$")
