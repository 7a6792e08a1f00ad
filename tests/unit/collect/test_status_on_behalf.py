"""Nhập thay (a status entered by the focal point on a unit's behalf) and which targets concern which unit.

World (tests/integration/web/world.py): plan 68/KH-UBND, focal point Phòng LĐ-TB&XH (officer `focal`), issuer UBND
huyện (head `chutich`); rep1/rep2/rep3 are the reports of xa1/xa2/noivu (cut-off 7/11, due 10/11);
task1/task2 the overdue task III.1 of xa1/xa2; spec1 the task III.2 named for officer b1 of xa1.
Targets: II.1 and II.2 (objectives: no unit leads them) and III.1 (the communes' task).
"""

from __future__ import annotations

import pytest

from dondoc.intake.query import refs_related

# ------------------------------------------------------------------------------- targets per unit


# ------------------------------------------------------------------------------- nhập thay


@pytest.mark.parametrize("target,assignment,related", [
    ("III.1", "III.1", True),       # equal
    ("III", "III.1", True),         # the target's section holds the task
    ("III.1.a", "III.1", True),     # the target sits under the task
    ("III.1", "III.10", False),     # a prefix of the text is not an ancestor
    ("III.1", "III.2", False),      # a sibling
    ("II.1", "III.1", False),       # another section
    ("ii.1", "II.1", True),         # case
    ("II.2.1.a", "II.2", True),
    ("", "III.1", False),
    ("III.1", None, False),
])
def test_refs_related(target: str, assignment: str | None, related: bool) -> None:
    assert refs_related(target, assignment) is related
