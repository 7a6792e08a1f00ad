"""Parser scores on the text, .docx and .pdf renditions of every annotated plan (figures: renditions.md).

usage: .venv/bin/python benchmarks/renditions.py [--no-pdf] [--keep DIR]
Renders each plan as a Word document (tests/integration/plans/renditions.py) and LibreOffice's PDF of it,
scores all three with the shared scorer and prints assignment F1 per plan and overall.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integration.plans.renditions import SEED_GOLD, f1, render_all, score, sources


def main() -> None:
    pdf = "--no-pdf" not in sys.argv
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(keep or tmp)
        t0 = time.perf_counter()
        sets = render_all(out, pdf=pdf)
        print(f"rendered {len(sets)} plans in {time.perf_counter() - t0:.1f} s")
        kinds = ["text", "docx"] + (["pdf"] if pdf else [])
        totals = {k: [0, 0, 0, 0] for k in kinds}
        seed_totals = {k: [0, 0, 0, 0] for k in kinds}
        print("plan  " + "  ".join(f"{k:>6}" for k in kinds) + "   (assign_f1; reports ok; due ok)")
        for src, gold in sources():
            row = []
            for k in kinds:
                a, r, _t, _tk, td = score(sets[src.stem][k], gold)
                tot = seed_totals if gold.parent == SEED_GOLD else totals
                tot[k] = [x + y for x, y in zip(tot[k], a, strict=False)]
                flag = ("" if r[0] == r[1] and r[2] == r[3] else "R") + ("" if td[0] == td[1] else "D")
                row.append(f"{f1(*a):6.3f}{flag:<2}")
            print(f"{src.stem[:4]:<5} " + " ".join(row))
        print("seeds " + "  ".join(f"{f1(*seed_totals[k]):6.3f}" for k in kinds))
        print("plans " + "  ".join(f"{f1(*totals[k]):6.3f}" for k in kinds))


if __name__ == "__main__":
    main()
