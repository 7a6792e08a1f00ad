"""The command line shared by the scoring benchmarks (blind.py, flattened.py): `--set NAME|all`, `--verbose`."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable


def run_sets(
    score: Callable[[str, bool], None], sets: Iterable[str], default: str, only_by_name: Iterable[str] = ()
) -> None:
    """`only_by_name`: sets that `--set all` leaves out (blind ones, scored only when named)."""
    names = list(sets)
    left_out = set(only_by_name)
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=default, choices=[*names, "all"])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    for name in [n for n in names if n not in left_out] if args.set == "all" else [args.set]:
        score(name, args.verbose)
