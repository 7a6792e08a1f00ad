"""`dondoc parse` as a whole process: JSON on stdout, one clear error line for a bad file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.unit.plans.conftest import SEEDS

SEED = next(p for p in SEEDS if p.stem.startswith("002"))


def test_cli_json_and_error(tmp_path: Path) -> None:
    import json

    out = subprocess.run([sys.executable, "-m", "dondoc.cli", "parse", str(SEED), "--json"], capture_output=True, text=True, timeout=60)
    if out.returncode != 0 and "No module named dondoc.cli.__main__" in out.stderr:
        out = subprocess.run([str(Path(sys.executable).parent / "dondoc"), "parse", str(SEED), "--json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["schema_version"] == 1
    bad = tmp_path / "empty.md"
    bad.write_text("")
    err = subprocess.run([str(Path(sys.executable).parent / "dondoc"), "parse", str(bad)], capture_output=True, text=True, timeout=60)
    assert err.returncode != 0 and "Traceback" not in err.stderr and "rỗng" in err.stderr

