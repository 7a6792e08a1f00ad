"""Task tables pasted as one run of words, taken out of a text whose breaks are lost (plans.flattable reads them).

`run_tables` takes each table out of the flat body before any break is put back (its rows' numbers would read as the
plan's items) and leaves its mark (TABLE_MARK, its index, TABLE_MARK) like a pipe table's; `flat_tables` does the
same for a paragraph holding one after the breaks were put back.
"""

from __future__ import annotations

from dondoc.plans.flattable import find_table, split_table
from dondoc.plans.runon import TABLE_MARK


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
    for par in pars:
        found = split_table(par) if ("TT " in par and " chủ trì" in par) else None
        if found is None:
            out.append(par)
            continue
        out += [found[0], f"{TABLE_MARK}{len(tables)}{TABLE_MARK}"] if found[0] else [f"{TABLE_MARK}{len(tables)}{TABLE_MARK}"]
        tables.append("\n".join(found[1]))
        if found[2]:
            out.append(found[2])  # the sentence after the table
    return out
