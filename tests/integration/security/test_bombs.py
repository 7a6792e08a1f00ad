"""Issue 18 #4: decompression bombs in plans (docx, xlsx, pdf) are refused before parsing, and whatever
passes the checks is parsed in a worker whose memory is capped (its peak measured here)."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from dondoc.errors import DirectoryError, PlanReadError
from dondoc.intake import sandbox
from tests.integration.security import bombs

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024


@pytest.mark.parametrize("make,name", [(bombs.docx_bomb, "plan.docx"), (bombs.xlsx_bomb, "plan.xlsx"),
                                       (bombs.pdf_bomb, "plan.pdf")])
def test_bomb_refused_before_parsing_in_bounded_memory(tmp_path: Path, make: object, name: str) -> None:
    path = make(tmp_path / name)  # type: ignore[operator]
    assert path.stat().st_size < 2 * MB  # small on disk, hundreds of MB inflated
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(PlanReadError, match=r"từ chối|refused"):
        sandbox.parse_plan(path, max_mb=20)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 50 * 1024, f"checking the bomb grew this process by {grown_kb // 1024} MB"


def test_dondoc_parse_refuses_a_bomb_in_one_line(tmp_path: Path) -> None:
    path = bombs.docx_bomb(tmp_path / "bomb.docx")
    r = subprocess.run([sys.executable, "-m", "dondoc.cli", "parse", str(path)], capture_output=True, text=True,
                       cwd=ROOT, timeout=120, check=False)
    assert r.returncode != 0
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "từ chối" in lines[0] and "Traceback" not in r.stderr, r.stderr


def test_worker_memory_cap_bounds_a_heavy_document(tmp_path: Path) -> None:
    """A document under the zip limits but heavy to parse: the worker hits its cap, the answer is a
    refusal, and the worker's peak resident size stays near the cap (not the GBs the parse would take)."""
    path = bombs.docx_big_but_plausible(tmp_path / "heavy.docx", megabytes=15)
    cap = 100 * MB
    box = sandbox.Sandbox(memory_cap=cap)
    # The cap is on the worker's address space: what it inherits by fork (this process's virtual size, not its
    # resident size, which a long test session leaves far below it) plus `cap`.
    inherited_kb = _vm_size_kb()
    with pytest.raises(PlanReadError):
        sandbox.parse_plan(path, max_mb=20, sandbox=box)
    assert box.peak_kb is not None
    assert box.peak_kb * 1024 < inherited_kb * 1024 + cap + 20 * MB, (box.peak_kb, inherited_kb)


def _vm_size_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1])
    raise AssertionError("no VmSize in /proc/self/status")


def test_worker_time_limit(tmp_path: Path) -> None:
    import time

    box = sandbox.Sandbox(time_limit=1.0)
    started = time.monotonic()
    with pytest.raises(PlanReadError, match="giây"):
        box.run(tmp_path / "x.docx", time.sleep, 30)
    assert time.monotonic() - started < 10


def test_a_normal_plan_still_parses_in_the_worker() -> None:
    plans = sorted((ROOT.parent / "shared" / "plans").glob("*.md")) or sorted(Path("/work/wt/shared/plans").glob("*.md"))
    plan = sandbox.parse_plan(plans[0], max_mb=20)
    assert plan.get("assignments") or plan.get("reports")


def test_directory_xlsx_bomb_refused(tmp_path: Path) -> None:
    from dondoc.directory.files import read_directory

    path = bombs.xlsx_bomb(tmp_path / "directory.xlsx")
    with pytest.raises((DirectoryError, PlanReadError), match=r"từ chối|refused"):
        read_directory(path)
