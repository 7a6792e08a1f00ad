"""Renditions of a plan's text whose line breaks were lost, shared by flattened.py and the probes.

flat(text)    every line joined with single spaces (a page copied as one run);
pasted(text)  as a law-library page's copy gives it: markdown marks dropped, a table's cells joined by spaces (its
              separator row dropped), each paragraph (a source line) wrapped at `width` columns and every paragraph
              break lost (a paragraph's first line runs on from the last line of the one before).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # (tests/ holds the wrap the unit tests use too)
from tests.unit.plans.madeup import paste


def flat(text: str) -> str:
    return " ".join(text.split())


_MD = re.compile(r"\*|__|^#{1,6}\s*|^>\s*", re.M)


def pasted(text: str, width: int = 78) -> str:
    lines = []
    for ln in _MD.sub("", text).splitlines():
        ln = ln.strip()
        if ln.startswith("|"):
            if re.fullmatch(r"[|\s:-]+", ln):
                continue
            ln = " ".join(c.strip() for c in ln.strip("|").split("|") if c.strip())
        lines.append(ln)
    return paste("\n".join(lines), width)
