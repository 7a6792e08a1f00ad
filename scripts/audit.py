#!/usr/bin/env python3
"""Dependency audit for CI: run pip-audit on the project's virtualenv.

Fails (exit 1) when pip-audit reports a known vulnerability. When the vulnerability service cannot be
reached (this workplace reaches the package index's download API only, not its JSON/vulnerability API),
it says so plainly and lists how many packages went unaudited instead of pretending they were clean.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main() -> int:
    venv_bin = Path(sys.executable).parent
    out = Path(tempfile.mkdtemp()) / "audit.json"
    proc = subprocess.run([str(venv_bin / "pip-audit"), "--progress-spinner", "off", "--format", "json",
                           "--output", str(out), "--skip-editable"], capture_output=True, text=True, timeout=900)
    if not out.exists():
        print(f"pip-audit did not run: {proc.stderr.strip()[-500:]}")
        return 1
    data = json.loads(out.read_text())
    deps = data.get("dependencies", [])
    vulnerable = [d for d in deps if d.get("vulns")]
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = len(deps) - len(skipped)
    for d in vulnerable:
        for v in d["vulns"]:
            print(f"VULNERABLE {d['name']} {d['version']}: {v.get('id')} fixed in {', '.join(v.get('fix_versions') or ['?'])}")
    print(f"pip-audit: {audited} packages audited, {len(vulnerable)} vulnerable, {len(skipped)} not audited")
    if skipped and not audited:
        print("pip-audit: the vulnerability service is unreachable from this machine; nothing could be audited")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
