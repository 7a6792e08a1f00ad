"""`dondoc simulate --deliver` over seed 004 with every email contact pointed at a local SMTP server:
one digest per officer per reminder day, each delivered exactly once, nothing more on a rerun."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlmodel import select

from dondoc.models import Message, Notice
from tests.conftest import EXAMPLES

SEED = EXAMPLES / "plans" / "004_3b3dcdee6daa1c7d.txt"


def dondoc(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dondoc.cli", *args], capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_simulated_fortnight_delivers_one_digest_per_officer_and_day(settings, session, smtp_peer,
                                                                     tmp_path: Path) -> None:
    text = (EXAMPLES / "directory.yaml").read_text(encoding="utf-8")
    local = re.sub(r"url: mailto://(\S+)",
                   lambda m: f"url: mailto://127.0.0.1:{smtp_peer.port}?from=dondoc@example.org&to={m.group(1)}"
                             "&mode=insecure", text)
    (tmp_path / "directory.yaml").write_text(local, encoding="utf-8")
    assert dondoc("directory", "import", str(tmp_path / "directory.yaml")).returncode == 0
    imp = dondoc("plan", "import", "--activate", str(SEED), "--year", "2025", "--json")
    assert imp.returncode == 0, imp.stderr
    run = dondoc("simulate", "--from", "2025-11-03", "--to", "2025-11-10", "--deliver", "--json", "--commit")
    assert run.returncode == 0, run.stderr
    events = [json.loads(line) for line in run.stdout.splitlines() if line.strip()]
    assert Counter(e["kind"] for e in events)["reminder"] > 0

    digests = session.exec(select(Message).where(Message.kind == "digest")).all()
    assert digests and {m.status for m in digests} == {"sent"}
    assert {m.channel for m in digests} == {"email"}
    assert max(Counter((m.officer_id, m.day) for m in digests).values()) == 1  # one per officer and day
    keys = Counter(str(mail.msg["X-Dondoc-Key"]) for mail in smtp_peer.mails)
    assert set(keys.values()) == {1}  # nothing delivered twice
    assert {m.key for m in digests} <= set(keys)
    # Every officer reminded on a reminder day got that day's digest.
    for day in ("2025-11-03", "2025-11-06", "2025-11-10"):
        reminded = {n.officer_id for n in session.exec(select(Notice).where(Notice.kind == "reminder")).all()
                    if n.day.isoformat() == day}
        assert reminded and {f"{o}:{day}:digest" for o in reminded} <= set(keys), day
    mails_before = len(smtp_peer.mails)
    session.commit()
    again = dondoc("run", "daily", "--at", "2025-11-10T08:00", "--json")
    assert again.returncode == 0, again.stderr
    assert len(smtp_peer.mails) == mails_before
    mail = next(m for m in smtp_peer.mails if str(m.msg["X-Dondoc-Key"]).endswith(":2025-11-10:digest"))
    assert mail.subject.startswith("Đôn đốc thực hiện kế hoạch:") or mail.subject.startswith("Đề nghị phối hợp")
    assert "/t/" in mail.html and "ngày 10 tháng 11 năm 2025" in mail.html
