"""Check that a change to the parser leaves its output byte-identical on every labelled plan.

    python benchmarks/same_output.py dump DIR      # write one JSON file per plan and rendition into DIR
    python benchmarks/same_output.py compare DIR   # parse again and compare with DIR; exit 1 on any difference

Plans: the seeds (../shared/seeds/*.txt), ../shared/plans/*.md, every source in ../shared/plans/more (.md, .txt,
.docx, .doc) and the tune excerpts (32, 34, ..., 42 in ../shared/plans/more/excerpts). The blind plans (27_*, 31_*
and the odd-numbered excerpts 33-43) are skipped by name and never opened. Each plan is parsed with parse_path as
it is; its text sources are also parsed in the renditions that benchmarks/flattened.py builds (flattened, wrapper,
cut), written under DIR/_renditions with the source's suffix. Each result is stored as
json.dumps(result, sort_keys=True, ensure_ascii=False); a plan the parser refuses is stored as the error's type
and message. Meant for speed work: the output must not move at all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from flattened import CUT, WRAPPER  # (the renditions of benchmarks/flattened.py)

from dondoc.plans import parse_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BLIND_MORE = ("27_", "31_")
TUNE_EXCERPTS = ("32_", "34_", "36_", "38_", "40_", "42_")
SUFFIXES = (".md", ".txt", ".docx", ".doc")


def sources() -> list[tuple[str, Path]]:
    out = [(f"seeds__{p.name}", p) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    out += [(f"plans__{p.name}", p) for p in sorted((SHARED / "plans").glob("*.md"))]
    out += [(f"more__{p.name}", p) for p in sorted((SHARED / "plans/more").iterdir())
            if p.is_file() and p.suffix in SUFFIXES and not p.name.startswith(BLIND_MORE)]
    out += [(f"excerpts__{p.name}", p) for p in sorted((SHARED / "plans/more/excerpts").iterdir())
            if p.is_file() and p.suffix in SUFFIXES and p.name.startswith(TUNE_EXCERPTS)]
    return out


def _dump(path: Path) -> str:
    try:
        return json.dumps(parse_path(path), sort_keys=True, ensure_ascii=False)
    except Exception as exc:  # a refusal is output too
        return json.dumps({"error": type(exc).__name__, "message": str(exc)}, ensure_ascii=False)


def outputs(work: Path) -> dict[str, str]:
    """Every plan and rendition's output, by file name."""
    res: dict[str, str] = {}
    rend = work / "_renditions"
    for name, src in sources():
        res[f"{name}.json"] = _dump(src)
        if src.suffix not in (".md", ".txt"):
            continue
        flat = " ".join(src.read_text(encoding="utf-8").split())
        for kind, text in (("flattened", flat), ("wrapper", " ".join((WRAPPER + flat).split())), ("cut", flat[:CUT])):
            d = rend / kind
            d.mkdir(parents=True, exist_ok=True)
            p = d / src.name  # same name in a fixed place: the output does not depend on a temporary path
            p.write_text(text, encoding="utf-8")
            res[f"{name}.{kind}.json"] = _dump(p)
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("dump", "compare"))
    ap.add_argument("dir", type=Path)
    args = ap.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    res = outputs(args.dir)
    if args.mode == "dump":
        for name, s in res.items():
            (args.dir / name).write_text(s, encoding="utf-8")
        print(f"wrote {len(res)} outputs to {args.dir}")
        return
    bad = [n for n, s in res.items() if not (args.dir / n).exists() or (args.dir / n).read_text(encoding="utf-8") != s]
    missing = sorted({p.name for p in args.dir.glob("*.json")} - set(res))
    for n in bad:
        print(f"DIFFERENT {n}")
    for n in missing:
        print(f"MISSING {n}")
    print(f"{len(res) - len(bad)}/{len(res)} identical, {len(missing)} missing")
    sys.exit(1 if bad or missing else 0)


if __name__ == "__main__":
    main()
