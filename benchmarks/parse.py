"""Throughput of the plan parser: MB of plan text per second over the seeds and ../shared/plans.

Run: .venv/bin/python benchmarks/parse.py [--rounds N] [--profile]
Prints figures; interpreter start, imports and a warm-up pass are excluded. Each round parses
every file once; the figure reported is the median round, measured both in wall time and in
process CPU time (the CPU figure is the one to trust on a shared, loaded machine).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from dondoc.plans import parse_text

SHARED = next((p.parent / "shared" for p in Path(__file__).resolve().parents[1:] if (p.parent / "shared" / "seeds").is_dir()),
              Path(__file__).resolve().parents[1].parent / "shared")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--profile", action="store_true", help="print the top of a cProfile of one round")
    args = ap.parse_args()
    files = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "plans").glob("*.md"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in files]
    size = sum(len(t.encode("utf-8")) for _, t in texts)
    for name, text in texts:  # warm-up: imports, regex compilation
        parse_text(text, source=name)
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for name, text in texts:
            parse_text(text, source=name)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(args.rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        for name, text in texts:
            parse_text(text, source=name)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    mb = size / 1e6
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(
        f"files={len(texts)} bytes={size} rounds={args.rounds} median_round_wall={wall:.3f}s median_round_cpu={cpu:.3f}s "
        f"throughput_wall={mb / wall:.2f} MB/s throughput_cpu={mb / cpu:.2f} MB/s"
    )


if __name__ == "__main__":
    main()
