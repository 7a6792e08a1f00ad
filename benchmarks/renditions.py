"""Parser scores on the text, .docx and .pdf renditions of every labelled text plan (figures: renditions.md).

    python benchmarks/renditions.py [--set seeds|plans|more|tune|all] [--verbose] [--no-pdf] [--keep DIR]

Sets (tests/integration/plans/renditions.py SETS): seeds (../shared/seeds), plans (the ten of ../shared/plans, gold in
tests/data/plans/gold), more (../shared/plans/more, gold in its gold/) and tune (the same folder, gold in
tests/data/gold/tune); only plans with a .txt/.md source, never the blind ones (27, 31, skipped by number).
Renders each plan as a Word document and LibreOffice's PDF of it, scores all three with the shared scorer and prints,
per plan, the assignment F1 of each rendition with R (reports differ from the gold) / D (a due date differs) flags, and
per set the assignment F1, report F1 and timing_due of each rendition. --verbose adds the raw counts per cell.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _cli import run_sets

from tests.integration.plans.renditions import SETS, f1, render_all, score, sources

_ARGS = {"--no-pdf": False, "--keep": None}


def _ratio(hit: int, n: int) -> float:
    return hit / n if n else 1.0


def score_set(name: str, verbose: bool) -> None:
    pdf = not _ARGS["--no-pdf"]
    plans = sources((name,))
    kinds = ["text", "docx"] + (["pdf"] if pdf else [])
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(str(_ARGS["--keep"]) + "/" + name if _ARGS["--keep"] else tmp)
        t0 = time.perf_counter()
        rendered = render_all(out, pdf=pdf, plans=plans)
        print(f"== {name}: rendered {len(rendered)} plans in {time.perf_counter() - t0:.1f} s")
        # per kind: assignment counts (4), report counts (4), timing due (2)
        totals = {k: [0] * 10 for k in kinds}
        print("plan  " + "  ".join(f"{k:>8}" for k in kinds) + "   (assign_f1; R reports differ, D due dates differ)")
        for src, gold in plans:
            row, extra = [], []
            for k in kinds:
                a, r, _t, _tk, td = score(rendered[src.stem][k], gold)
                totals[k] = [x + y for x, y in zip(totals[k], [*a, *r, *td], strict=True)]
                flag = ("" if r[0] == r[1] and r[2] == r[3] else "R") + ("" if td[0] == td[1] else "D")
                row.append(f"{f1(*a):6.3f}{flag:<2}")
                extra.append(f"{k} a{a} r{r} due{td}")
            print(f"{src.stem.split('_')[0]:<5} " + "  ".join(row) + ("   " + "; ".join(extra) if verbose else ""))
        for k in kinds:
            a, r, td = totals[k][:4], totals[k][4:8], totals[k][8:]
            print(f"{name} {k:<5} assign_f1={f1(*a):.3f} report_f1={f1(*r):.3f} "
                  f"timing_due={_ratio(*td):.3f} ({td[1]})")


def main() -> None:
    if "--no-pdf" in sys.argv:
        _ARGS["--no-pdf"] = True
        sys.argv.remove("--no-pdf")
    if "--keep" in sys.argv:
        i = sys.argv.index("--keep")
        _ARGS["--keep"] = sys.argv[i + 1]
        del sys.argv[i : i + 2]
    run_sets(score_set, SETS, "seeds")


if __name__ == "__main__":
    main()
