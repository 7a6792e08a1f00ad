"""Score the parser on the blind set (plans nobody tunes rules on) and on the labelled sets.

    python benchmarks/blind.py [--set blind|excerpts|excerpts-tune|tune|more|seeds|plans|composed-blind|composed-tune|composed-blind2|all] [--verbose]

Sets (gold from a hand annotation made before any parser run on the plan):
  blind     tests/data/gold/blind     — plans 27 and 31 of ../shared/plans/more: never read while writing rules
                                        (50 retired to tune; 16, 24, then 29 and 47 retired to tune on 2026-12-07)
  excerpts  tests/data/gold/excerpts  — the web-pasted excerpts 33, 35, 37, 39, 41, 43 of ../shared/plans/more/excerpts
                                        (line breaks lost): blind too, annotated on 2026-12-07 before any parser run on them
  excerpts-tune tests/data/gold/excerpts-tune — excerpts 32, 34, 36, 38, 40, 42: annotated blind with the others, scored
                                        blind twice, then retired to tuning (the even numbers, chosen before reading any)
  tune   tests/data/gold/tune   — plans 16, 18, 24, 25, 28, 29, 30, 47, 49, 51, 50 of ../shared/plans/more
  more   ../shared/plans/more/gold (16 plans)
  seeds  ../shared/seeds/gold (5 plans)
  plans  tests/data/plans/gold — the ten plans of ../shared/plans (labelled by us, tuned on from the start)
  composed-blind tests/data/gold/composed-blind — the odd-numbered plans of tests/data/composed: written with their gold
                                        on 2026-12-07 (fifth session) by writers who never read the parser nor ran it;
                                        blind like `blind`
  composed-tune  tests/data/gold/composed-tune  — the even-numbered ones, written the same way: may be tuned on
  composed-blind2 tests/data/gold/composed-blind2 — plans 79 and up of tests/data/composed, written the same way on
                                        2026-12-08 (sixth session) after every rule then merged: all blind
Prints the scorer's per-plan lines and its summary line for each set, and the plans refused.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _cli import run_sets

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "blind": (ROOT / "tests/data/gold/blind", SHARED / "plans/more"),
    "excerpts": (ROOT / "tests/data/gold/excerpts", SHARED / "plans/more/excerpts"),
    "excerpts-tune": (ROOT / "tests/data/gold/excerpts-tune", SHARED / "plans/more/excerpts"),
    "tune": (ROOT / "tests/data/gold/tune", SHARED / "plans/more"),
    "more": (SHARED / "plans/more/gold", SHARED / "plans/more"),
    "seeds": (SHARED / "seeds/gold", SHARED / "seeds"),
    "plans": (ROOT / "tests/data/plans/gold", SHARED / "plans"),
    "composed-blind": (ROOT / "tests/data/gold/composed-blind", ROOT / "tests/data/composed"),
    "composed-tune": (ROOT / "tests/data/gold/composed-tune", ROOT / "tests/data/composed"),
    "composed-blind2": (ROOT / "tests/data/gold/composed-blind2", ROOT / "tests/data/composed"),
}


def _source(folder: Path, name: str) -> Path | None:
    found = sorted(p for p in folder.glob(f"{name}.*") if p.suffix != ".json")
    return found[0] if found else None


def parsed_plans(name: str) -> Iterator[tuple[str, Path, dict[str, Any] | None, str | None]]:
    """Each labelled plan of a set, parsed: (its name, its gold file, the parse or None, why it was refused)."""
    from dondoc.errors import DondocError
    from dondoc.plans import parse_path

    gold_dir, plans_dir = SETS[name]
    for gold in sorted(gold_dir.glob("*.gold.json")):
        doc = gold.name.removesuffix(".gold.json")
        src = _source(plans_dir, doc)
        if src is None:
            yield doc, gold, None, "source not found"
            continue
        try:
            yield doc, gold, parse_path(src), None
        except DondocError as exc:
            yield doc, gold, None, str(exc)


def score(name: str, verbose: bool) -> None:
    gold_dir = SETS[name][0]
    refused = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc, _gold, parsed, why in parsed_plans(name):
            if parsed is None:
                refused.append(f"{doc}: {why}")
                continue
            (Path(tmp) / f"{doc}.json").write_text(json.dumps(parsed, ensure_ascii=False, default=str))
        args = [sys.executable, str(SHARED / "tools/eval_parse.py"), str(gold_dir), tmp]
        out = subprocess.run([*args, "--verbose"] if verbose else args, capture_output=True, text=True).stdout
    print(f"== {name} ({gold_dir.relative_to(ROOT) if gold_dir.is_relative_to(ROOT) else gold_dir})")
    print(out.rstrip())
    print(f"refused: {len(refused)}" + "".join(f"\n  {r}" for r in refused))


def main() -> None:
    run_sets(score, SETS, "blind")


if __name__ == "__main__":
    main()
