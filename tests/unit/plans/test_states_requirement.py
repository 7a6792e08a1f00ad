"""placing.states_requirement: in the Mục đích / Yêu cầu section, what everyone named must do or be ('X phải ...')
is a requirement, not a task. Made-up sentences."""

from __future__ import annotations

from dondoc.plans.placing import states_requirement


def test_a_subject_with_no_verb_before_phai_states_a_requirement() -> None:
    assert states_requirement("- Thủ trưởng các sở, ban, ngành phải chịu trách nhiệm trước Chủ tịch UBND tỉnh.", [])


def test_only_the_bodies_named_before_phai_state_a_requirement() -> None:
    text = "Sở Nội vụ và Sở Tài chính cũng phải bảo đảm tiến độ chung của Kế hoạch."
    assert states_requirement(text, ["Sở Nội vụ", "Sở Tài chính"])


def test_a_task_given_to_a_body_states_no_requirement() -> None:
    assert not states_requirement("Sở Nội vụ chủ trì rà soát, tham mưu kiện toàn tổ chức bộ máy.", ["Sở Nội vụ"])
