"""Markdown emphasis around a paragraph: bold or italic wrapping it as a whole ('**1. Sở Y tế**'), or opened at its
start and not yet closed (a heading whose emphasis goes on in the next line)."""

from __future__ import annotations

import re

_BOLD_HEAD = re.compile(r"^\s*(\*\*|__|\*)(?!\s)")


def _balanced_emphasis(par: str) -> bool:
    """The paragraph is wrapped in emphasis as a whole: '**1. Sở Y tế**', '*a) Thu gom ...*'."""
    s = par.strip()
    if not _BOLD_HEAD.match(s):
        return False
    if s.count("**") % 2 == 0 and s.endswith("**") and s.count("**") >= 2:
        return True
    single = s.replace("**", "")
    return s.startswith("*") and not s.startswith("**") and single.count("*") % 2 == 0 and s.rstrip().endswith("*")


def _open_bold(par: str) -> bool:
    return par.count("**") % 2 == 1


def _open_italic(par: str) -> bool:
    """An italic span opened at the paragraph's start and not yet closed: '*2.3.' then 'Công an tỉnh*'."""
    s = par.lstrip()
    if not s.startswith("*") or s.startswith("**") or s[1:2].isspace():  # '* item' is a markdown bullet
        return False
    return s.replace("**", "").count("*") % 2 == 1
