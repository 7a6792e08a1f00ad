"""Parser scores on labelled plans whose line breaks are lost, as in text copied from a law-library web page.

    python benchmarks/flattened.py [--set seeds|more|tune|composed-tune|composed-blind|composed-blind2|all] [--verbose]

Plans: every labelled plan with a text source — seeds (../shared/seeds/*.txt, gold in ../shared/seeds/gold),
more (../shared/plans/more/*.md|*.txt with gold in ../shared/plans/more/gold) and tune (the same folder, gold in
tests/data/gold/tune). The blind plans (tests/data/gold/blind, the excerpts) have no gold in these folders and are
skipped by number as well. Renditions of each plan:
  plain      the source as it is;
  flattened  all its lines joined with single spaces;
  wrapper    the flattened text after a law-library page's wrapper (site notices, the metadata table —
             Số hiệu, Loại văn bản, Nơi ban hành, Người ký, Ngày ban hành with a date of its own —, loading
             messages), itself flattened;
  cut        the flattened text cut to its first 5,000 characters, scored only against the gold items found in
             those characters: an assignment (or target) is kept when the first 40 characters of its gold `text`
             (whitespace-normalised) occur in the cut text; items without a `text` are dropped; reports are dropped
             (their gold carries no text).
  pasted     the first 5,000 characters as a law-library page's copy gives them (the excerpts of
             ../shared/plans/more/excerpts): markdown marks dropped, a table's cells joined by spaces, each paragraph
             wrapped at 78 columns and every paragraph break lost (a paragraph's first line runs on from the last line
             of the one before); scored like cut.
  pastedall  the whole plan copied so (no cut), scored against its whole gold: the cut's gold keeps or drops items
             by their first 40 characters, which repeat earlier text or are paraphrased in the gold, so the cut
             renditions carry misses no parser can mend; this one has none of those (annex tables included).
Each rendition is written to a file with the source's suffix, read by parse_path and scored by the shared scorer
(../shared/tools/eval_parse.py), as benchmarks/blind.py does. Prints the scorer's summary line per set and
rendition (per-plan lines with --verbose) and the plans refused. Figures only, no asserts. composed-tune and
composed-blind are the composed plans (tests/data/composed, .md/.txt ones only); `all` leaves composed-blind and composed-blind2 out.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _cli import run_sets
from _paste import flat, pasted

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# the blind plans: their numbers, from the blind gold folder (never scored here)
BLIND = {p.name.split("_")[0] for p in (ROOT / "tests/data/gold/blind").glob("*.gold.json")}
SETS = {
    "seeds": (SHARED / "seeds/gold", SHARED / "seeds"),
    "more": (SHARED / "plans/more/gold", SHARED / "plans/more"),
    "tune": (ROOT / "tests/data/gold/tune", SHARED / "plans/more"),
    "composed-tune": (ROOT / "tests/data/gold/composed-tune", ROOT / "tests/data/composed"),
    "composed-blind": (ROOT / "tests/data/gold/composed-blind", ROOT / "tests/data/composed"),
    "composed-blind2": (ROOT / "tests/data/gold/composed-blind2", ROOT / "tests/data/composed"),
}
KINDS = ("plain", "flattened", "wrapper", "cut", "pasted", "pastedall")
CUT = 5000
WRAPPER = (
    "Thư Viện Pháp Luật Trang chủ Văn bản pháp luật Hỏi đáp pháp luật Đăng nhập Đăng ký "
    "Chú ý: Bạn đang xem văn bản tiếng Việt, để xem bản tiếng Anh hãy chọn Tiếng Anh. "
    "Thuộc tính Nội dung Tiếng Anh Văn bản gốc Lược đồ Liên quan hiệu lực Tải về "
    "Số hiệu: 99/KH-UBND Loại văn bản: Kế hoạch Nơi ban hành: Ủy ban nhân dân tỉnh Mẫu Người ký: Nguyễn Văn A "
    "Ngày ban hành: 01/01/2025 Ngày hiệu lực: Đã biết Ngày công báo: Đang cập nhật Số công báo: Đang cập nhật "
    "Tình trạng: Đã biết Lĩnh vực: Bộ máy hành chính Đang tải văn bản... "
)


def _flat(text: str) -> str:
    return flat(text)


def _pasted(text: str, cut: int | None = CUT) -> str:
    """As a law-library page copies a plan (benchmarks/_paste.py), cut to its first `cut` characters (None: whole)."""
    return pasted(text)[:cut]


def _key(s: str) -> str:
    return " ".join(str(s).split())[:40]


def _cut_gold(gold: dict, cut: str) -> dict:
    keep = [a for a in gold.get("assignments", []) if a.get("text") and _key(a["text"]) in cut]
    targets = [t for t in gold.get("targets", []) if t.get("text") and _key(t["text"]) in cut]
    return {**gold, "assignments": keep, "targets": targets, "reports": []}


def plans(name: str) -> list[tuple[str, Path, Path]]:
    gold_dir, src_dir = SETS[name]
    out = []
    for gold in sorted(gold_dir.glob("*.gold.json")):
        doc = gold.name.removesuffix(".gold.json")
        if doc.split("_")[0] in BLIND and not name.startswith("composed-blind"):
            continue
        src = [p for p in src_dir.glob(f"{doc}.*") if p.suffix in (".md", ".txt")]
        if src:
            out.append((doc, src[0], gold))
    return out


def run_scorer(gold_dir: Path, pred_dir: Path, verbose: bool) -> str:
    args = [sys.executable, str(SHARED / "tools/eval_parse.py"), str(gold_dir), str(pred_dir)]
    out = (
        subprocess.run([*args, "--verbose"] if verbose else args, capture_output=True, text=True)
        .stdout.strip()
        .splitlines()
    )
    return "\n".join(out if verbose else out[-1:])


def score(name: str, verbose: bool) -> None:
    from dondoc.errors import DondocError
    from dondoc.plans import parse_path

    items = plans(name)
    print(f"== {name} ({len(items)} plans with a text source)")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        refused: dict[str, list[str]] = {k: [] for k in KINDS}
        for k in KINDS:
            (base / k / "gold").mkdir(parents=True)
            (base / k / "pred").mkdir()
        for doc, src, gold_path in items:
            text = src.read_text(encoding="utf-8")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            flat = _flat(text)
            texts = {
                "plain": text,
                "flattened": flat,
                "wrapper": _flat(WRAPPER + flat),
                "cut": flat[:CUT],
                "pasted": _pasted(text),
                "pastedall": _pasted(text, cut=None),
            }
            for k, t in texts.items():
                g = _cut_gold(gold, _flat(t)) if k in ("cut", "pasted") else gold
                (base / k / "gold" / gold_path.name).write_text(json.dumps(g, ensure_ascii=False))
                f = base / k / f"{doc}{src.suffix}"
                f.write_text(t, encoding="utf-8")
                try:
                    parsed = parse_path(f)
                except DondocError as exc:
                    refused[k].append(f"{doc}: {str(exc)[:120]}")
                    continue
                (base / k / "pred" / f"{doc}.json").write_text(json.dumps(parsed, ensure_ascii=False, default=str))
        for k in KINDS:
            print(f"{name:<5} {k:<9} {run_scorer(base / k / 'gold', base / k / 'pred', verbose)}")
            if refused[k]:
                print(f"      refused {len(refused[k])}:" + "".join(f"\n        {r}" for r in refused[k]))


def main() -> None:
    run_sets(score, SETS, "all", only_by_name=["composed-blind", "composed-blind2"])


if __name__ == "__main__":
    main()
