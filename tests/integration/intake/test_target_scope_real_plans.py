"""Issue 17 item 5: a unit is asked only for the targets that concern the obligation at hand; the rest of the
plan's targets stay on the form, collapsed and optional. Checked on real plans of ../shared/plans/more."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlmodel import Session, select
from typer.testing import CliRunner

from dondoc.cli import app as cli
from dondoc.db import make_engine
from dondoc.intake.query import refs_related, target_scope
from dondoc.models import Assignment, Obligation, Target
from tests.conftest import PLANS

runner = CliRunner()
# Plans of the 'more' set that have gold and targets in several sections (never the held-out blind set).
REAL = ["45_laocai-134-kh-cong-nghiep-2026.txt", "48_hungyen-199-kh-2026.txt", "26_hatinh-624-kh-mam-non-2025.md",
        "13_laocai-sct-kh-de-an-08-2026.docx"]


def _cli(*args: str) -> None:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", REAL)
def test_targets_asked_are_those_of_the_task(sqlite_settings, tmp_path: Path, name: str) -> None:
    plan_file = PLANS / "more" / name
    assert (PLANS / "more" / "gold" / (plan_file.stem + ".gold.json")).exists()
    draft = tmp_path / "draft.yaml"
    _cli("directory", "scaffold", str(plan_file), "-o", str(draft))
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    data["officers"] = [{"code": f"CB{i}", "unit": u["code"], "name": f"Cán bộ {i}", "role": "focal"}
                        for i, u in enumerate(data.get("units") or [], start=1)]
    draft.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _cli("directory", "import", str(draft))
    _cli("plan", "import", str(plan_file), "--activate")
    with Session(make_engine(sqlite_settings.db_url)) as s:
        scope = target_scope(s, 1)
        total = len(s.exec(select(Target).where(Target.plan_id == 1)).all())
        refs = {a.id: a.ref for a in s.exec(select(Assignment).where(Assignment.plan_id == 1)).all()}
        obligations = s.exec(select(Obligation).where(Obligation.plan_id == 1)).all()
    assert total > 0
    asked_counts = []
    for o in obligations:
        groups = scope.for_obligation(o.unit_id, refs.get(o.assignment_id) if o.assignment_id else None)
        shown = [t.id for g in ("task", "unit", "general", "other") for t in groups[g]]
        assert sorted(shown) == sorted(t.id for t in scope.targets), "every target stays visible, once"
        if o.assignment_id:
            assert all(refs_related(t.ref, refs[o.assignment_id]) for t in groups["task"])
        assert not {t.id for t in groups["task"]} & {t.id for t in scope.general}  # general ones: optional
        asked_counts.append(len(groups["task"]))
    # Nobody is asked for every target of the plan; most obligations are asked for none or a few.
    assert max(asked_counts) < total
    assert sum(asked_counts) / len(asked_counts) <= total / 4
