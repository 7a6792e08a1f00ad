"""Parser scores on the labelled text plans written the other ways Vietnamese administrations write the same thing.

    python benchmarks/perturb.py [--set seeds|more|tune|all] [--only NAME,NAME] [--verbose]

Plans: the labelled plans of benchmarks/blind.py's sets seeds, more and tune whose source is text (.md/.txt);
the blind plans are never in these sets (and are skipped by number as well). Each plan is rewritten by one
perturbation at a time, keeping its meaning and its gold valid (the gold is written unchanged):
  plain       the source as it is;
  bullet+ / bullet• / bullet–   every line-leading '-' bullet written '+', '•' or '–' (one style per rendition;
              a plan's own bullets of that style become '-', so two levels stay two);
  noemph      markdown bold/italic marks removed (a Word file pasted as plain text);
  numparen    numbered items '1.' written '1)', lettered items 'a)' written 'a.' (the scorer's norm_ref strips a
              trailing ')' from each ref part, so refs keep their meaning either way);
  headupper / headsentence   section headings (Roman numeral lines) in upper case / in sentence case (an
              upper-case heading naming a body — BỘ, SỞ, ỦY BAN, TỈNH ... — is left as it is: its proper nouns'
              case is lost);
  labels1 / labels2   'Cơ quan chủ trì:' → 'Đơn vị chủ trì:' → 'Chủ trì:' → ... and 'Thời gian hoàn thành:' →
              'Thời hạn:' → 'Thời gian thực hiện:' → ... rotated by one (labels1) or two (labels2) places;
  abbr        'Ủy ban nhân dân' ↔ 'UBND' both ways (the scorer's norm_body maps both to the same key; document
              numbers such as '12/KH-UBND' are left alone).
Each rendition is written to a temp file with the source's suffix, read by parse_path and scored by the shared
scorer (../shared/tools/eval_parse.py), as benchmarks/flattened.py does. Prints set × perturbation → assign_f1 and
timing_due (the scorer's summary line with --verbose, and its per-plan lines). Figures only, no asserts.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from flattened import SETS, plans, run_scorer  # the same labelled text plans (seeds, more, tune), blind ones left out

_LEAD = r"^([ \t]*(?:#+[ \t]*)?(?:\*{1,3}|_{1,3})?[ \t]*)"  # indent, markdown heading marks, opening emphasis


def _bullets(mark: str) -> Callable[[str], str]:
    """'-' bullets written `mark`; where the plan already uses `mark` (the second level under '-': '+'),
    the two swap, so the levels stay apart ('- Thời gian thực hiện:' / '+ Bộ X trước ngày ...')."""
    pat = re.compile(rf"^([ \t]*(?:\*{{1,3}}|_{{1,3}})?[ \t]*)([-{re.escape(mark)}])(?=[ \t])", re.M)
    return lambda t: pat.sub(lambda m: m.group(1) + (mark if m.group(2) == "-" else "-"), t)


_STARS = re.compile(r"\*+|__+")
_STAR_BULLET = re.compile(r"^([ \t]*\*[ \t]+)?(.*)$", re.M)


def _noemph(text: str) -> str:
    """Every bold/italic mark ('*', '**', '***', '__') gone; a line-leading '* ' bullet kept."""
    return _STAR_BULLET.sub(lambda m: (m.group(1) or "") + _STARS.sub("", m.group(2)), text)


_NUM = re.compile(_LEAD + r"(\d{1,2})\.(?=[ \t])", re.M)
_LET = re.compile(_LEAD + r"([a-zđ])\)(?=[ \t])", re.M)


_STT_HEADER = re.compile(r"(?:^|\|)\W*STT\b")
_ROMAN_HEAD = re.compile(r"^\W*[IVXL]+\.\s")


def _numparen(text: str) -> str:
    """Items renumbered; the row numbers of a table (from a header with 'STT' to the next Roman heading,
    rows whose grid is lost included) are cells, not items, and stay as they are."""
    out, in_table = [], False
    for line in text.splitlines(keepends=True):
        in_table = (in_table or bool(_STT_HEADER.search(line))) and not _ROMAN_HEAD.match(line)
        if not in_table:
            line = _NUM.sub(lambda m: f"{m.group(1)}{m.group(2)})", _LET.sub(lambda m: f"{m.group(1)}{m.group(2)}.", line))
        out.append(line)
    return "".join(out)


_HEAD = re.compile(_LEAD + r"([IVXL]+\.[ \t]*)(.+)$", re.M)


def _sentence(s: str) -> str:
    low = s.lower()
    return low[:1].upper() + low[1:]


# a heading naming a body keeps its case in sentence case ('của Bộ Tài nguyên và Môi trường'), which an
# upper-case heading no longer tells: such headings are left as they are
_NAMES = re.compile(r"\b(?:BỘ|SỞ|Ủ?Y BAN|UỶ BAN|UBND|CỤC|PHÒNG|HỘI|ĐOÀN|CÔNG AN|TỈNH|HUYỆN|THÀNH PHỐ|VIỆT NAM|CHÍNH PHỦ|ĐẢNG)\b")


def _heads(upper: bool) -> Callable[[str], str]:
    def head(m: re.Match[str]) -> str:
        title = m.group(3)
        if not upper and _NAMES.search(title):
            return m.group(0)
        return m.group(1) + m.group(2) + (title.upper() if upper else _sentence(title))

    def f(text: str) -> str:
        return _HEAD.sub(head, text)

    return f


LABEL_GROUPS = (("Cơ quan chủ trì:", "Đơn vị chủ trì:", "Chủ trì:"), ("Thời gian hoàn thành:", "Thời hạn:", "Thời gian thực hiện:"))


def _labels(shift: int) -> Callable[[str], str]:
    table = {}
    for group in LABEL_GROUPS:
        for i, w in enumerate(group):
            table[w] = group[(i + shift) % len(group)]
    # longest first; case-sensitive, so 'Cơ quan chủ trì:' never matches as a bare 'Chủ trì:'
    keys = sorted(table, key=len, reverse=True)
    pat = re.compile("|".join(map(re.escape, keys)))
    return lambda t: pat.sub(lambda m: table[m.group(0)], t)


_ABBR = re.compile(r"[ỦU][ỷỶyY] ban nhân dân|(?<![-/\w])UBND\b")


def _abbr(text: str) -> str:
    return _ABBR.sub(lambda m: "Ủy ban nhân dân" if m.group(0) == "UBND" else "UBND", text)


PERTURB: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    "bullet+": _bullets("+"),
    "bullet•": _bullets("•"),
    "bullet–": _bullets("–"),
    "noemph": _noemph,
    "numparen": _numparen,
    "headupper": _heads(True),
    "headsentence": _heads(False),
    "labels1": _labels(1),
    "labels2": _labels(2),
    "abbr": _abbr,
}


def _short(line: str) -> str:
    f1 = re.search(r"assign_f1=([\d.]+)", line)
    due = re.search(r"timing_due=([\d.]+) \((\d+)\)", line)
    return f"{f1.group(1) if f1 else '?'} / {due.group(1) if due else '?'}"


def score(name: str, kinds: list[str], verbose: bool) -> dict[str, str]:
    from dondoc.errors import DondocError
    from dondoc.plans import parse_path

    items = plans(name)
    cells = {}
    with tempfile.TemporaryDirectory() as tmp:
        for k in kinds:
            base = Path(tmp) / k
            (base / "gold").mkdir(parents=True)
            (base / "pred").mkdir()
            refused = []
            changed = 0
            for doc, src, gold_path in items:
                text = src.read_text(encoding="utf-8")
                new = PERTURB[k](text)
                changed += new != text
                (base / "gold" / gold_path.name).write_text(gold_path.read_text(encoding="utf-8"))
                f = base / f"{doc}{src.suffix}"
                f.write_text(new, encoding="utf-8")
                try:
                    parsed = parse_path(f)
                except DondocError as exc:
                    refused.append(f"{doc}: {str(exc)[:120]}")
                    continue
                (base / "pred" / f"{doc}.json").write_text(json.dumps(parsed, ensure_ascii=False, default=str))
            out = run_scorer(base / "gold", base / "pred", verbose)
            cells[k] = _short(out.splitlines()[-1]) + f" ({changed}/{len(items)})"
            if verbose:
                print(f"== {name} {k}\n{out}")
            if refused:
                print(f"{name} {k} refused {len(refused)}:" + "".join(f"\n  {r}" for r in refused))
    return cells


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="all", choices=[*SETS, "all"])
    ap.add_argument("--only", default="", help="comma-separated perturbations (default: all)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    kinds = args.only.split(",") if args.only else list(PERTURB)
    names = list(SETS) if args.set == "all" else [args.set]
    table = {n: score(n, kinds, args.verbose) for n in names}
    print("assign_f1 / timing_due (plans changed by the perturbation / text plans in the set)")
    print(f"| perturbation | {' | '.join(f'{n} ({len(plans(n))})' for n in names)} |")
    print("|---|" + "---|" * len(names))
    for k in kinds:
        print(f"| {k} | {' | '.join(table[n][k] for n in names)} |")


if __name__ == "__main__":
    main()
