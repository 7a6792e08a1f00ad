"""Text made safe for XML 1.0, Word and Excel: the one sanitiser used where text enters (submissions,
plans, directories) and, defensively, by every renderer.

XML 1.0 allows tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD and the supplementary planes. Everything
else (other C0 controls, lone surrogates, U+FFFE, U+FFFF) makes lxml refuse the document, so one such
character in one submission would stop a report. C1 controls (U+0080..U+009F) and the Unicode
non-characters are legal XML but Word and Excel show them as garbage or refuse the file: also dropped.
Bidirectional marks and the like (U+200E, U+202E...) are valid text and kept.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Characters removed: C0 controls but tab/LF/CR, DEL and C1 controls, surrogates, the non-characters
# U+FDD0..U+FDEF and U+xFFFE/U+xFFFF of every plane.
_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"\\U{p:04x}fffe\\U{p:04x}ffff" for p in range(1, 17))
    + "]"
)


def xml_safe(text: Any) -> str:
    """`text` without any character XML 1.0, Word or Excel refuses (never raises)."""
    s = text if isinstance(text, str) else ("" if text is None else str(text))
    return _BAD.sub("", s)


def clean(text: Any) -> str:
    """Text as stored: XML-safe, NFC, CRLF folded to LF. Used at the boundary where text enters."""
    s = xml_safe(text).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", s)


def clean_tree(value: Any) -> Any:
    """`clean` applied to every string (keys included) of a parsed JSON-like structure."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean_tree(k): clean_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_tree(v) for v in value]
    return value


def is_safe(text: str) -> bool:
    return _BAD.search(text) is None
