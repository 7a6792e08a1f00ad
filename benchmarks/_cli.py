"""The command line shared by the scoring benchmarks (blind.py, flattened.py): `--set NAME|all`, `--verbose`."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable


def run_sets(score: Callable[[str, bool], None], sets: Iterable[str], default: str) -> None:
    names = list(sets)
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=default, choices=[*names, "all"])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    for name in names if args.set == "all" else [args.set]:
        score(name, args.verbose)
