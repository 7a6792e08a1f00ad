"""Is the parser's `confidence` of use to a reviewer? Low confidence should mean "more likely wrong".

    python benchmarks/confidence.py [--set seeds|more|tune|excerpts-tune|labelled|blind|excerpts] [--list FILE]

Parses the labelled plans of a set as benchmarks/blind.py does (same sources, same parse_path) and decides for
every parsed item whether it is right, with the shared scorer's own matching (../shared/tools/eval_parse.py,
imported by path; its greedy matching order is followed, its normalisation is not re-implemented):
  assignment  right when it names a lead and each of its (ref, lead) pairs is matched to a gold pair
              (an item without a lead, or with one lead too many, needs a person: wrong);
  report      right when its deadline's month-day is matched to a gold report.
Prints per set and over the sets asked: the number of items and of wrong ones, the precision per confidence
bucket, the AUROC of confidence vs rightness (0.5: confidence says nothing; 1: every right item above every
wrong one), and the share of the wrong items a reviewer finds by checking the lowest-confidence 20% / 30% of
the items first (ties broken at random: the expected share), and the spread of the assignments' AUROC from
plan to plan (per plan, and overall with each plan left out). `--set labelled` (the default) runs the four
labelled sets; `blind` / `excerpts` are for the lead only. `--list FILE` writes one line per item (set, plan,
kind, ref, confidence, right, lead) for study.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from blind import SETS, SHARED, parsed_plans  # noqa: E402

LABELLED = ("seeds", "more", "tune", "excerpts-tune")
BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_parse", SHARED / "tools/eval_parse.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


EP = _scorer()


@dataclass
class Item:
    set: str
    plan: str
    kind: str  # assignment | report
    ref: str
    confidence: float
    right: bool
    lead: str


def judge(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[list[bool], list[bool]]:
    """Rightness of each predicted assignment and report, by the scorer's matching (score_file's loops)."""
    gpairs = [(EP.norm_ref(a["ref"]), ld) for a in gold.get("assignments", []) for ld in a["lead"]]
    ppairs = [(EP.norm_ref(a.get("ref")), ld, ai) for ai, a in enumerate(pred.get("assignments", []))
              for ld in (a.get("lead") or [])]
    used: set[int] = set()
    for gr, gl in gpairs:
        for pi, (pr, pl, _) in enumerate(ppairs):
            if pi not in used and pr == gr and EP.same_body(gl, pl):
                used.add(pi)
                break
    ok = [bool(a.get("lead")) for a in pred.get("assignments", [])]
    for pi, (_, _, ai) in enumerate(ppairs):
        ok[ai] = ok[ai] and pi in used
    pmd = [EP.md_of(r.get("timing")) for r in pred.get("reports", [])]
    usedr: set[int] = set()
    for md in (r["md"] for r in gold.get("reports", [])):
        for i, s in enumerate(pmd):
            if i not in usedr and md in s:
                usedr.add(i)
                break
    a, r, *_ = EP.score_file(gold, pred)
    assert (len(used), len(usedr)) == (a[2], r[2]), "the matching drifted from the scorer's"
    return ok, [i in usedr for i in range(len(pmd))]


def collect(name: str) -> tuple[list[Item], list[int], list[str]]:
    """The items of a set, the number of warnings per plan, the plans refused."""
    items: list[Item] = []
    warns: list[int] = []
    refused: list[str] = []
    for doc, gp, parsed, why in parsed_plans(name):
        if parsed is None:
            refused.append(f"{doc}: {why}")
            continue
        pred = json.loads(json.dumps(parsed, ensure_ascii=False, default=str))
        ok_a, ok_r = judge(json.loads(gp.read_text()), pred)
        for a, ok in zip(pred["assignments"], ok_a, strict=True):
            items.append(Item(name, doc, "assignment", a["ref"], float(a["confidence"]), ok, "; ".join(a["lead"])))
        for r, ok in zip(pred["reports"], ok_r, strict=True):
            items.append(Item(name, doc, "report", r["ref"], float(r["confidence"]), ok, "; ".join(r.get("from") or [])))
        warns.append(len(pred.get("warnings") or []))
    return items, warns, refused


def auroc(items: list[Item]) -> float | None:
    """P(a right item's confidence > a wrong one's), ties counting half (Mann-Whitney)."""
    right = sorted(i.confidence for i in items if i.right)
    wrong = [i.confidence for i in items if not i.right]
    if not right or not wrong:
        return None
    import bisect

    total = 0.0
    for w in wrong:
        below = bisect.bisect_left(right, w)
        ties = bisect.bisect_right(right, w) - below
        total += len(right) - below - ties + ties / 2
    return total / (len(right) * len(wrong))


def found_in_lowest(items: list[Item], share: float) -> float | None:
    """Expected share of the wrong items among the lowest-confidence `share` of the items (ties at random)."""
    wrong_total = sum(not i.right for i in items)
    if not wrong_total:
        return None
    budget = share * len(items)
    found = 0.0
    for c in sorted({i.confidence for i in items}):
        group = [i for i in items if i.confidence == c]
        take = min(len(group), budget)
        found += take * sum(not i.right for i in group) / len(group)
        budget -= take
        if budget <= 0:
            break
    return found / wrong_total


def report(label: str, items: list[Item]) -> None:
    wrong = sum(not i.right for i in items)
    print(f"{label}: {len(items)} items, {wrong} wrong (precision {1 - wrong / len(items):.3f})" if items else f"{label}: no items")
    if not items:
        return
    cells = []
    for lo, hi in BUCKETS:
        b = [i for i in items if lo <= i.confidence < hi]
        name = f"<{hi}" if lo == 0 else (f">={lo}" if hi > 1 else f"{lo}-{hi}")
        cells.append(f"{name}: {sum(i.right for i in b) / len(b):.3f} ({len(b)})" if b else f"{name}: - (0)")
    au = auroc(items)
    f20, f30 = found_in_lowest(items, 0.2), found_in_lowest(items, 0.3)
    pct = lambda x: "-" if x is None else f"{x:.0%}"  # noqa: E731
    print("  precision by confidence  " + "  ".join(cells))
    print(f"  AUROC {'-' if au is None else f'{au:.3f}'}  wrong found in lowest 20%: {pct(f20)}  in lowest 30%: {pct(f30)}")


def per_plan(items: list[Item]) -> None:
    """The weights are set by hand, not fitted, so a leave-one-plan-out refit is moot: what it would show is
    how much the figure moves from plan to plan. AUROC of each plan with both right and wrong assignments
    (a plan with no wrong item has none), and the overall AUROC with each plan left out in turn."""
    plans = sorted({(i.set, i.plan) for i in items})
    own = [a for p in plans if (a := auroc([i for i in items if (i.set, i.plan) == p])) is not None]
    out = [a for p in plans if (a := auroc([i for i in items if (i.set, i.plan) != p])) is not None]
    if own:
        own.sort()
        print(f"  per plan ({len(own)} plans with wrong items): AUROC min {own[0]:.3f}  median {own[len(own) // 2]:.3f}"
              f"  max {own[-1]:.3f}")
    if out:
        print(f"  leave one plan out: overall AUROC {min(out):.3f} .. {max(out):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="labelled", choices=[*SETS, "labelled"])
    ap.add_argument("--list", type=Path, help="write one line per item to this file")
    args = ap.parse_args()
    names = LABELLED if args.set == "labelled" else (args.set,)
    everything: list[Item] = []
    all_warns: list[int] = []
    for name in names:
        items, warns, refused = collect(name)
        everything += items
        all_warns += warns
        print(f"== {name}" + (f" (refused: {'; '.join(refused)})" if refused else ""))
        for kind in ("assignment", "report"):
            report(f"{kind}s", [i for i in items if i.kind == kind])
        print(f"  warnings per plan: {sum(warns) / max(1, len(warns)):.1f} (max {max(warns, default=0)})")
    if len(names) > 1:
        print("== overall (" + ", ".join(names) + ")")
        for kind in ("assignment", "report"):
            report(f"{kind}s", [i for i in everything if i.kind == kind])
        report("all items", everything)
        per_plan([i for i in everything if i.kind == "assignment"])
        print(f"  warnings per plan: {sum(all_warns) / max(1, len(all_warns)):.1f} (max {max(all_warns, default=0)})")
    if args.list:
        with args.list.open("w") as f:
            for i in everything:
                f.write(f"{i.set}\t{i.plan}\t{i.kind}\t{i.ref}\t{i.confidence:.2f}\t{int(i.right)}\t{i.lead}\n")


if __name__ == "__main__":
    main()
