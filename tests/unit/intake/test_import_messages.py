"""Issue 17 item 7: what a plan or directory import tells the clerk is Vietnamese (English stays in the log)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dondoc.config import Settings
from dondoc.errors import DondocError, PlanReadError
from dondoc.intake import export as plan_export
from dondoc.intake import importer

ENGLISH = ("unknown", "expected", "must be", "missing", "is empty", "not a ", "no such", "is not one of")


def _english(message: str) -> list[str]:
    return [w for w in ENGLISH if w in message]


def test_a_parser_failure_is_one_vietnamese_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:
    plan = tmp_path / "kh.txt"
    plan.write_text("KẾ HOẠCH\nI. Mục đích\n", encoding="utf-8")

    def broken(*_a: object, **_k: object) -> None:
        raise ValueError("list index out of range")

    monkeypatch.setattr("dondoc.plans.parse_path", broken)
    monkeypatch.setattr("dondoc.plans.parse_blocks", broken)
    # in-process here (the sandbox's worker logs in its own process, out of caplog's reach)
    monkeypatch.setattr("dondoc.intake.sandbox.Sandbox.run", lambda self, path, func, *a, **k: func(*a, **k))
    with caplog.at_level(logging.ERROR), pytest.raises(PlanReadError) as err:
        importer.read_plan_file(plan, year=None, settings=Settings())
    assert "không phân tích được văn bản kế hoạch" in str(err.value) and str(plan) in str(err.value)
    assert "list index out of range" not in str(err.value)
    assert "parser failed" in caplog.text  # the developer's log keeps the English and the trace


@pytest.mark.parametrize(("content", "words"), [
    ("kind: other\n", "không phải tệp kế hoạch do dondoc xuất"),
    ("kind: {mark}\nassignments: 3\n", "phải là một danh sách"),
    ("kind: {mark}\nassignments:\n- {{ref: '', text: x}}\n", "để trống"),
    ("kind: {mark}\nassignments:\n- {{ref: '1', text: x, timing: {{kind: sometimes}}}}\n", "loại thời hạn"),
    ("kind: {mark}\nassignments:\n- {{ref: '1', text: x, mode: order}}\n", "mode phải là assign"),
])
def test_plan_export_errors_in_vietnamese(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(content.format(mark=plan_export.EXPORT_MARK), encoding="utf-8")
    with pytest.raises(DondocError) as err:
        plan_export.load(path)
    assert words in str(err.value), str(err.value)
    assert not _english(str(err.value).replace(str(path), "")), str(err.value)
