"""Is the parser's `confidence` of use to a reviewer? Low confidence should mean "more likely wrong".

    python benchmarks/confidence.py [--set NAME ...] [--leave-one-out] [--fit-on SETS --eval-on SETS] [--list FILE]

Parses the labelled plans of a set as benchmarks/blind.py does (same sources, same parse_path) and decides for
every parsed item whether it is right, with the shared scorer's own matching (../shared/tools/eval_parse.py,
imported by path; its greedy matching order is followed, its normalisation is not re-implemented):
  assignment  right when it names a lead and each of its (ref, lead) pairs is matched to a gold pair
              (an item without a lead, or with one lead too many, needs a person: wrong);
  report      right when its deadline's month-day is matched to a gold report.
Prints per set and over the sets asked: the number of items and of wrong ones, the precision per confidence
bucket, the AUROC of confidence vs rightness (0.5: confidence says nothing; 1: every right item above every
wrong one), and the share of the wrong items a reviewer finds by checking the lowest-confidence 20% / 30% of
the items first (ties broken at random: the expected share), the share of items below doubt.LOW_CONFIDENCE
(flagged on the review screen) and the warnings per plan; then one summary line per set.

Sets: seeds, more, tune, excerpts-tune, plans (`labelled`, the default: all five); flat-seeds, flat-more, flat-tune:
the text plans of benchmarks/flattened.py with every line break lost (`flat`: the three) — pasted text, as the
excerpts are. `blind` / `excerpts` are for the lead only.

Cross-set check (`--fit-on A,B --eval-on C`): the confidence's weights are set by hand, so the question is how much
of its figure on the labelled sets comes from having looked at them. The mode fits, on the items of the sets A, B,
a naive-Bayes weight (smoothed log-likelihood ratio of being wrong) for each fact plans.doubt records of an item
(its reader, and every yes/no fact, weighed or not) and ranks the items of C by those weights; it prints, on C,
the shipped confidence, the weights fitted on A, B (held out) and the weights fitted on C itself (in-sample, an
optimistic ceiling). A large gap between held-out and in-sample means facts that fit the sets they were read on.
`--leave-one-out` does it for each set asked in turn: fitted on the other sets asked (a flattened set and its plain
one share their plans, so neither is fitted on for the other), evaluated on the set left out.
`--list FILE` writes one line per item (set, plan, kind, ref, confidence, right, lead) for study.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import importlib.util
import json
import math
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from blind import SETS, SHARED, parsed_plans  # noqa: E402

LABELLED = ("seeds", "more", "tune", "excerpts-tune", "plans")
FLAT = ("flat-seeds", "flat-more", "flat-tune")
GROUPS = {"labelled": LABELLED, "flat": FLAT}
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
    facts: dict[str, Any] = field(default_factory=dict)  # plans.doubt's facts of an assignment


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


class _Recorder:
    """Wraps evidence.facts while a plan is parsed: the facts of each assignment, in the plan's order."""

    def __init__(self) -> None:
        from dondoc.plans import evidence

        self.evidence = evidence
        self.inner = evidence.facts
        self.seen: list[dict[str, Any]] = []
        evidence.facts = self  # type: ignore[assignment]

    def __call__(self, a: dict[str, Any], **kw: Any) -> Any:
        f = self.inner(a, **kw)
        self.seen.append({**dataclasses.asdict(f), "leads": len(a.get("lead") or [])})
        return f

    def take(self) -> list[dict[str, Any]]:
        out, self.seen = self.seen, []
        return out


def _flat_plans(name: str) -> Iterator[tuple[str, Path, dict[str, Any] | None, str | None]]:
    """The text plans of a set with their line breaks lost (benchmarks/flattened.py), parsed."""
    import flattened

    from dondoc.errors import DondocError
    from dondoc.plans import parse_path

    with tempfile.TemporaryDirectory() as tmp:
        for doc, src, gold in flattened.plans(name.removeprefix("flat-")):
            f = Path(tmp) / f"{doc}{src.suffix}"
            f.write_text(flattened._flat(src.read_text(encoding="utf-8")), encoding="utf-8")
            try:
                yield doc, gold, parse_path(f), None
            except DondocError as exc:
                yield doc, gold, None, str(exc)


def collect(name: str, rec: _Recorder) -> tuple[list[Item], list[int], list[str]]:
    """The items of a set, the number of warnings per plan, the plans refused."""
    items: list[Item] = []
    warns: list[int] = []
    refused: list[str] = []
    source = _flat_plans(name) if name.startswith("flat-") else parsed_plans(name)
    rec.take()
    for doc, gp, parsed, why in source:
        seen = rec.take()
        if parsed is None:
            refused.append(f"{doc}: {why}")
            continue
        pred = json.loads(json.dumps(parsed, ensure_ascii=False, default=str))
        ok_a, ok_r = judge(json.loads(gp.read_text()), pred)
        assert len(seen) == len(pred["assignments"]), "facts not recorded one per assignment"
        for a, ok, f in zip(pred["assignments"], ok_a, seen, strict=True):
            items.append(Item(name, doc, "assignment", a["ref"], float(a["confidence"]), ok, "; ".join(a["lead"]), f))
        for r, ok in zip(pred["reports"], ok_r, strict=True):
            items.append(Item(name, doc, "report", r["ref"], float(r["confidence"]), ok, "; ".join(r.get("from") or [])))
        warns.append(len(pred.get("warnings") or []))
    return items, warns, refused


def auroc(items: list[Item], score: Any = None) -> float | None:
    """P(a right item's score > a wrong one's), ties counting half (Mann-Whitney); score: the confidence."""
    s = score or (lambda i: i.confidence)
    right = sorted(s(i) for i in items if i.right)
    wrong = [s(i) for i in items if not i.right]
    if not right or not wrong:
        return None
    total = 0.0
    for w in wrong:
        below = bisect.bisect_left(right, w)
        ties = bisect.bisect_right(right, w) - below
        total += len(right) - below - ties + ties / 2
    return total / (len(right) * len(wrong))


def found_in_lowest(items: list[Item], share: float, score: Any = None) -> float | None:
    """Expected share of the wrong items among the lowest-scored `share` of the items (ties at random)."""
    s = score or (lambda i: i.confidence)
    wrong_total = sum(not i.right for i in items)
    if not wrong_total:
        return None
    budget = share * len(items)
    found = 0.0
    by: dict[float, list[Item]] = {}
    for i in items:
        by.setdefault(s(i), []).append(i)
    for c in sorted(by):
        group = by[c]
        take = min(len(group), budget)
        found += take * sum(not i.right for i in group) / len(group)
        budget -= take
        if budget <= 0:
            break
    return found / wrong_total


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.0%}"


def _au(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


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
    print("  precision by confidence  " + "  ".join(cells))
    print(f"  AUROC {_au(auroc(items))}  wrong found in lowest 20%: {_pct(found_in_lowest(items, 0.2))}"
          f"  in lowest 30%: {_pct(found_in_lowest(items, 0.3))}")


def per_plan(items: list[Item]) -> None:
    """How much the figure moves from plan to plan: AUROC of each plan with both right and wrong assignments
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


def _keys(f: dict[str, Any]) -> list[str]:
    """The yes/no facts of an item for the naive-Bayes fit: its reader, each true flag, two or more leads."""
    keys = [f"read={f.get('read')}"] + [k for k, v in f.items() if v is True]
    if f.get("leads", 1) >= 2:
        keys.append("leads>=2")
    if f.get("leads", 1) >= 3:
        keys.append("leads>=3")
    return keys


def fit(items: list[Item], alpha: float = 1.0) -> dict[str, float]:
    """Naive-Bayes log-likelihood ratio of 'wrong' for each fact (Laplace-smoothed); positive: more often wrong."""
    wrong = [i for i in items if not i.right]
    right = [i for i in items if i.right]
    weights: dict[str, float] = {}
    for k in sorted({k for i in items for k in _keys(i.facts)}):
        p = (sum(k in _keys(i.facts) for i in wrong) + alpha) / (len(wrong) + 2 * alpha)
        q = (sum(k in _keys(i.facts) for i in right) + alpha) / (len(right) + 2 * alpha)
        weights[k] = math.log(p / q) - math.log((1 - p) / (1 - q))
    return weights


def cross(fit_on: list[Item], eval_on: list[Item], label: str = "") -> None:
    fit_on = [i for i in fit_on if i.kind == "assignment"]
    eval_on = [i for i in eval_on if i.kind == "assignment"]
    held, own = fit(fit_on), fit(eval_on)

    def by(w: dict[str, float]) -> Any:
        return lambda i: -sum(w.get(k, 0.0) for k in _keys(i.facts))

    print(f"cross-set{label}: fit on {len({i.plan for i in fit_on})} plans ({sum(not i.right for i in fit_on)} wrong of "
          f"{len(fit_on)}), evaluated on {len(eval_on)} items ({sum(not i.right for i in eval_on)} wrong)")
    for label, s in (("shipped confidence", None), ("fitted on --fit-on", by(held)), ("fitted on --eval-on", by(own))):
        print(f"  {label:20} AUROC {_au(auroc(eval_on, s))}  wrong in lowest 20%: {_pct(found_in_lowest(eval_on, 0.2, s))}")
    print("  weights fitted on --fit-on: " + ", ".join(f"{k} {v:+.1f}" for k, v in sorted(held.items(), key=lambda kv: -kv[1])))


def _names(arg: str) -> list[str]:
    out: list[str] = []
    for n in arg.split(","):
        out.extend(GROUPS.get(n, (n,)))
    return out


def main() -> None:
    from dondoc.plans.doubt import LOW_CONFIDENCE

    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default=["labelled"], nargs="+", choices=[*SETS, *FLAT, *GROUPS])
    ap.add_argument("--fit-on", help="sets to fit naive-Bayes weights on (comma-separated; 'labelled', 'flat' allowed)")
    ap.add_argument("--eval-on", help="sets to evaluate them on")
    ap.add_argument("--leave-one-out", action="store_true", help="per set asked: fitted on the others, evaluated on it")
    ap.add_argument("--list", type=Path, help="write one line per item to this file")
    args = ap.parse_args()
    rec = _Recorder()
    if args.fit_on or args.eval_on:
        if not (args.fit_on and args.eval_on):
            ap.error("--fit-on and --eval-on go together")
        cache: dict[str, list[Item]] = {}
        for n in dict.fromkeys(_names(args.fit_on) + _names(args.eval_on)):
            cache[n] = collect(n, rec)[0]
        cross([i for n in _names(args.fit_on) for i in cache[n]], [i for n in _names(args.eval_on) for i in cache[n]])
        return
    names = [n for a in args.set for n in GROUPS.get(a, (a,))]
    if args.leave_one_out:
        got = {n: collect(n, rec)[0] for n in names}
        for n in names:
            kin = {n, n.removeprefix("flat-"), f"flat-{n}"}
            cross([i for m in names if m not in kin for i in got[m]], got[n], f" (left out: {n})")
        return
    everything: list[Item] = []
    summary: list[str] = []
    all_warns: list[int] = []
    for name in names:
        items, warns, refused = collect(name, rec)
        everything += items
        all_warns += warns
        print(f"== {name}" + (f" (refused: {'; '.join(refused)})" if refused else ""))
        for kind in ("assignment", "report"):
            report(f"{kind}s", [i for i in items if i.kind == kind])
        print(f"  warnings per plan: {sum(warns) / max(1, len(warns)):.1f} (max {max(warns, default=0)})")
        summary.append(_line(name, [i for i in items if i.kind == "assignment"], warns, LOW_CONFIDENCE))
    if len(names) > 1:
        print("== overall (" + ", ".join(names) + ")")
        for kind in ("assignment", "report"):
            report(f"{kind}s", [i for i in everything if i.kind == kind])
        report("all items", everything)
        per_plan([i for i in everything if i.kind == "assignment"])
        print(f"  warnings per plan: {sum(all_warns) / max(1, len(all_warns)):.1f} (max {max(all_warns, default=0)})")
        summary.append(_line("overall", [i for i in everything if i.kind == "assignment"], all_warns, LOW_CONFIDENCE))
    print("== assignments per set: items, wrong, AUROC, wrong found in the lowest 20%, share flagged "
          f"(< {LOW_CONFIDENCE}), warnings per plan")
    print("\n".join(summary))
    if args.list:
        with args.list.open("w") as f:
            for i in everything:
                f.write(f"{i.set}\t{i.plan}\t{i.kind}\t{i.ref}\t{i.confidence:.2f}\t{int(i.right)}\t{i.lead}\n")


def _line(name: str, items: list[Item], warns: list[int], low: float) -> str:
    wrong = sum(not i.right for i in items)
    flagged = sum(i.confidence < low for i in items) / max(1, len(items))
    return (f"  {name:14} {len(items):5} {wrong:4}  AUROC {_au(auroc(items))}  lowest 20%: {_pct(found_in_lowest(items, 0.2)):>4}"
            f"  flagged {flagged:4.0%}  warnings/plan {sum(warns) / max(1, len(warns)):.1f}")


if __name__ == "__main__":
    main()
