"""Parser scores on labelled plans whose annex tables lost their grid on the way through PDF.

    python benchmarks/lostgrid.py [--verbose] [--keep DIR]

Plans: the labelled plans (not blind) that carry a task table with a lead column as a real table —
the Word files of ../shared/plans/more (12, 13, 17) and the text plans of ../shared/plans/more whose
annex is a pipe table (11, 21, 46, 49, 50), rendered to Word by tests/integration/plans/renditions.py
(tables as Word tables). Gold: ../shared/plans/more/gold or tests/data/gold/tune (49, 50 are tune plans:
figures on them are not a generalisation check, so they are summed apart). Renditions of each plan:
  docx    the Word document itself (the table's grid intact);
  layout  the Word document printed to PDF by LibreOffice, then `pdftotext -layout` (columns kept by spaces);
  raw     the same PDF through plain `pdftotext` (cells one after the other, in reading order).
Each rendition is parsed by parse_path and scored by the shared scorer (../shared/tools/eval_parse.py), as
benchmarks/blind.py does. Prints the scorer's line per plan and rendition, and its summary line per rendition
for the untuned plans and for all. Figures only, no asserts. The blind plans are never read.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MORE = SHARED / "plans/more"
# the blind plans: their numbers, from the blind gold folder (never scored here)
BLIND = {p.name.split("_")[0] for p in (ROOT / "tests/data/gold/blind").glob("*.gold.json")}
WORD = ("12", "13", "17")  # Word files with a task table naming its lead
TEXT = ("11", "21", "46", "49", "50")  # text plans whose task table is a pipe table
TUNE = {"49", "50"}
KINDS = ("docx", "layout", "raw")


def _gold(num: str) -> Path:
    for folder in (MORE / "gold", ROOT / "tests/data/gold/tune"):
        found = sorted(folder.glob(f"{num}_*.gold.json"))
        if found:
            return found[0]
    raise FileNotFoundError(f"no gold for plan {num} in {MORE / 'gold'} or tests/data/gold/tune")


def _docx(num: str, outdir: Path) -> Path:
    src = sorted(p for p in MORE.glob(f"{num}_*") if p.suffix in (".docx", ".md", ".txt"))[0]
    if src.suffix == ".docx":
        return Path(shutil.copy(src, outdir / src.name))
    sys.path.insert(0, str(ROOT))
    from tests.integration.plans.renditions import build_docx

    return build_docx(src, outdir / (src.stem + ".docx"))


def _pdf(docs: list[Path], outdir: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from tests.integration.plans.renditions import to_pdf

    return to_pdf(docs, outdir)


def _scorer(gold_dir: Path, pred_dir: Path) -> list[str]:
    args = [sys.executable, str(SHARED / "tools/eval_parse.py"), str(gold_dir), str(pred_dir)]
    return subprocess.run(args, capture_output=True, text=True).stdout.strip().splitlines()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true", help="the scorer's per-plan lines too")
    ap.add_argument("--keep", type=Path, help="keep the renditions (docx, pdf, txt) in this folder")
    args = ap.parse_args()
    from dondoc.errors import DondocError
    from dondoc.plans import parse_path

    nums = [n for n in (*WORD, *TEXT) if n not in BLIND]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        src_dir = base / "src"
        src_dir.mkdir(parents=True, exist_ok=True)
        docs = [_docx(n, src_dir) for n in nums]
        pdfs = _pdf(docs, src_dir)
        refused: list[str] = []
        for group in ("untuned", "all"):
            for k in KINDS:
                (base / group / k / "gold").mkdir(parents=True, exist_ok=True)
                (base / group / k / "pred").mkdir(parents=True, exist_ok=True)
        for num, doc, pdf in zip(nums, docs, pdfs, strict=True):
            gold = _gold(num)
            name = gold.name.removesuffix(".gold.json")
            files = {"docx": doc}
            for k, flags in (("layout", ["-layout"]), ("raw", [])):
                txt = src_dir / f"{name}.{k}.txt"
                subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(pdf), str(txt)], check=True)
                files[k] = txt
            for k, path in files.items():
                try:
                    parsed = json.dumps(parse_path(path, max_mb=20), ensure_ascii=False, default=str)
                except DondocError as exc:
                    refused.append(f"{name} {k}: {str(exc)[:120]}")
                    parsed = json.dumps({"assignments": [], "reports": [], "targets": []})
                for group in ("untuned", "all"):
                    if group == "untuned" and num in TUNE:
                        continue
                    shutil.copy(gold, base / group / k / "gold" / gold.name)
                    (base / group / k / "pred" / f"{name}.json").write_text(parsed)
        for k in KINDS:
            lines = _scorer(base / "all" / k / "gold", base / "all" / k / "pred")
            for line in lines[:-1] if args.verbose else [ln for ln in lines if ln.split()[:1] and ln.split()[0][:2].isdigit()]:
                print(f"{k:<6} {line}")
        for group in ("untuned", "all"):
            for k in KINDS:
                print(f"{group:<7} {k:<6} {_scorer(base / group / k / 'gold', base / group / k / 'pred')[-1]}")
        print(f"refused: {len(refused)}" + "".join(f"\n  {r}" for r in refused))


if __name__ == "__main__":
    main()
