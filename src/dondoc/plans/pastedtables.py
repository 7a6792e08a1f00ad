"""Task tables pasted as one run of words, taken out of a text whose breaks are lost (plans.flattable reads them).

`run_tables` takes each table out of the flat body before any break is put back (its rows' numbers would read as the
plan's items) and leaves its mark (TABLE_MARK, its index, TABLE_MARK) like a pipe table's; `flat_tables` does the
same for a paragraph holding one after the breaks were put back. `line_tables` reads such a table in a text that kept
its line breaks (a copy that lost only the grid: the header on a line, each row's cells joined on lines of its own)
and writes it as pipe rows.
"""

from __future__ import annotations

import re

from dondoc.plans.flattable import find_table, row_follows, split_table
from dondoc.plans.runon import TABLE_MARK

# a table's header line ('TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành'), no pipes
_HEADER_LINE = re.compile(r"^[ \t]*(?:STT|TT|Số TT)[ \t]+[^|\n]*(?:chủ trì|CHỦ TRÌ|thực hiện|THỰC HIỆN)[^|\n]*$", re.M)
# what follows a table in a plan laid out in lines: the next Roman section, the signature, an annex
_AFTER = re.compile(r"^[ \t]*(?:[IVX]{1,4}\.[ \t]+\S|Nơi nhận|PHỤ LỤC|(?:TM|KT)\.)", re.M)


def run_tables(body: str, tables: list[str]) -> str:
    """Task tables pasted as one run of words (plans.flattable) taken out of the body before any break is put back
    (their rows' numbers would read as items), each replaced by its mark like a pipe table."""
    if "TT " not in body:
        return body
    out, pos = [], 0
    while (found := find_table(body, pos)) is not None:
        start, end, rows = found
        out += [body[pos:start], f" {TABLE_MARK}{len(tables)}{TABLE_MARK} "]
        tables.append("\n".join(rows))
        pos = end
    return "".join(out) + body[pos:] if out else body


def flat_tables(pars: list[str], tables: list[str]) -> list[str]:
    """A task table pasted as one run of words put back as pipe rows (plans.flattable), kept whole like a pipe table."""
    out: list[str] = []
    i = 0
    while i < len(pars):
        par, i = pars[i], i + 1
        found = split_table(par) if ("TT " in par and (" chủ trì" in par or " Nơi nhận " in par)) else None
        while found is not None and i < len(pars) and row_follows(par, pars[i]):
            # (a row numbered '1.', '1.1' was cut off as an item of its own: it goes back into its table)
            par, i = par + " " + pars[i], i + 1
            found = split_table(par)
        if found is None:
            out.append(par)
            continue
        out += [found[0], f"{TABLE_MARK}{len(tables)}{TABLE_MARK}"] if found[0] else [f"{TABLE_MARK}{len(tables)}{TABLE_MARK}"]
        tables.append("\n".join(found[1]))
        if found[2]:
            out.append(found[2])  # the sentence after the table
    return out


def _header_lines(text: str) -> list[re.Match[str]]:
    """The header lines of such tables: each 'TT ' that opens a line, read from there (str.find is cheaper than a
    multi-line pattern tried at every position)."""
    out: list[re.Match[str]] = []
    k = text.find("TT ")
    while k >= 0:
        start = text.rfind("\n", 0, k) + 1
        if not text[start:k].strip(" \tSố") and (m := _HEADER_LINE.match(text, start)) is not None:
            out.append(m)
        k = text.find("TT ", k + 3)
    return out


def line_tables(text: str) -> str:
    """Each task table whose grid was lost but not its lines (header on a line, rows after it) written as pipe rows."""
    out, pos = [], 0
    for h in _header_lines(text):
        if h.start() < pos:
            continue
        stop = _AFTER.search(text, h.end())
        end = stop.start() if stop else len(text)
        lines = text[h.start(): end].split("\n")
        joined = " ".join(" ".join(lines).split())
        found = find_table(joined)
        if found is None or found[0] != 0:
            continue
        # the lines the table's words reach to: the rest of the run stays as it was
        used, k = found[1], 0
        while k < len(lines) and len(" ".join(" ".join(lines[: k + 1]).split())) <= used:
            k += 1
        out += [text[pos: h.start()], "\n".join(found[2]), "\n"]
        pos = min(end, h.start() + len("\n".join(lines[:k])) + 1)
    return "".join(out) + text[pos:] if out else text
