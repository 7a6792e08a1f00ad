"""`dondoc demo` into a temporary folder, as the README tells a new user to run it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections import Counter

import pytest
from docx import Document
from openpyxl import load_workbook


@pytest.mark.slow
def test_demo_runs_end_to_end(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("DONDOC_DATABASE_URL", raising=False)
    folder = tmp_path / "demo"
    run = subprocess.run([sys.executable, "-m", "dondoc.cli", "demo", "--dir", str(folder)], capture_output=True,
                         text=True, timeout=900, cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert "dondoc web" in run.stdout
    reports = sorted((folder / "reports").glob("*.docx"))
    assert len(reports) >= 5
    for path in reports:
        doc = Document(str(path))
        assert any("BÁO CÁO" in p.text for p in doc.paragraphs)
    for path in (folder / "reports").glob("*.xlsx"):
        assert load_workbook(path, read_only=True).sheetnames
    outbox = [p for p in (folder / "outbox").rglob("*") if p.is_file()]
    assert outbox, "the outbox holds the delivered messages"
    # No working link at rest (issue 18 #5): the files show each link's first characters, and
    # `dondoc links` (what the demo's closing hint tells the user to run) prints the full link.
    shown = set()
    for p in outbox:
        if p.suffix in (".txt", ".html"):
            content = p.read_text(encoding="utf-8")
            assert not re.search(r"/t/[A-Za-z0-9_-]{16,}", content), p.name
            shown |= set(re.findall(r"/t/([A-Za-z0-9_-]{6})…", content))
    assert shown
    listed = subprocess.run([sys.executable, "-m", "dondoc.cli", "links", "--json"], capture_output=True, text=True,
                            timeout=300, cwd=tmp_path, env={**os.environ, "DONDOC_HOME": str(folder)})
    assert listed.returncode == 0, listed.stderr[-2000:]
    prefixes = {row["url"].rsplit("/t/", 1)[1][:6] for row in json.loads(listed.stdout)}
    # Files of earlier simulated years show links that have expired since (DONDOC_LINK_DAYS); the latest
    # ones show the officers' current links.
    assert shown & prefixes
    db = sqlite3.connect(folder / "dondoc.db")
    sent = db.execute("SELECT key FROM message WHERE status = 'sent'").fetchall()
    assert sent and len(sent) == len(set(sent))
    per_day = Counter(db.execute("SELECT officer_id, day, kind FROM message").fetchall())
    assert max(per_day.values()) == 1, "one digest per officer, day and kind"
    dup = db.execute("SELECT COUNT(*) FROM (SELECT obligation_id, kind, level, day, officer_id, COUNT(*) c FROM notice "
                     "GROUP BY 1, 2, 3, 4, 5 HAVING c > 1)").fetchone()[0]
    assert dup == 0
    kinds = dict(db.execute("SELECT kind, COUNT(*) FROM notice GROUP BY kind").fetchall())
    assert kinds.get("reminder", 0) > 0 and kinds.get("escalation", 0) > 0
    late = db.execute("SELECT COUNT(*) FROM statusupdate WHERE late").fetchone()[0]
    on_time = db.execute("SELECT COUNT(*) FROM statusupdate WHERE NOT late").fetchone()[0]
    assert late > 0 and on_time > 0, "a realistic mix of on-time and late submissions"


