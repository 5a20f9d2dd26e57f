"""Restrictions, one rung per ladder and about 6 main exercises, through the planner."""

import pytest

from backex.care import mckenzie
from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.planning.plan import Block
from backex.planning.planner import make_plan
from backex.planning.selection import MAIN_EXERCISES, Restrictions

CATALOGUE = load_catalogue()


@pytest.mark.parametrize("level", [1, 2, 3])
@pytest.mark.parametrize(
    "focus", [None, [Focus.CORE], [Focus.STRETCH, Focus.MOBILITY], [Focus.MCKENZIE]]
)
def test_at_most_six_main_exercises_and_one_rung_per_ladder(
    focus: list[Focus] | None, level: int
) -> None:
    plan = make_plan(CATALOGUE, focus, max_level=level, minutes=60)
    main = [i.exercise for i in plan.items if i.block is Block.MAIN]
    assert len(main) <= MAIN_EXERCISES
    ids = {i.exercise.id for i in plan.items}
    for exercise in (i.exercise for i in plan.items):
        if Focus.MCKENZIE not in exercise.focus:
            assert not ids & set(exercise.easier), exercise.id


def test_an_extension_session_holds_only_the_extension_series() -> None:
    plan = make_plan(CATALOGUE, [Focus.MCKENZIE], max_level=3, minutes=60)
    assert all(Focus.MCKENZIE in i.exercise.focus for i in plan.items)
    ids = [i.exercise.id for i in plan.items]
    assert ids[0] == ids[-1] == "prone-lying"
    assert "flexion-in-lying" not in ids


def test_restricted_after_spreading_prone_lying_and_on_elbows_only() -> None:
    restricted = Restrictions(only=mckenzie.RESTRICTED_IDS, only_reason=mckenzie.RESTRICTED_REASON)
    plan = make_plan(CATALOGUE, [Focus.MCKENZIE], max_level=3, minutes=60, restrictions=restricted)
    assert {i.exercise.id for i in plan.items} == {"prone-lying", "prone-on-elbows"}
    assert ("prone-press-up", mckenzie.RESTRICTED_REASON) in plan.left_out


def test_exclusions_reach_the_warm_up_and_cool_down_too() -> None:
    banned = {"double-knee-to-chest": "not with osteoporosis, fracture or steroids",
              "single-knee-to-chest": "not with osteoporosis, fracture or steroids",
              "lower-trunk-rotation": "not with osteoporosis, fracture or steroids",
              "childs-pose": "not with osteoporosis, fracture or steroids"}  # fmt: skip
    plan = make_plan(CATALOGUE, [Focus.CORE], restrictions=Restrictions(excluded=banned))
    assert not {i.exercise.id for i in plan.items} & set(banned)


def test_a_rung_left_out_for_one_that_did_not_fit_either_is_not_said() -> None:
    roomy = make_plan(CATALOGUE, [Focus.CORE], minutes=15)
    assert ("bridge", "one rung per ladder: Pelvic tilt is in the plan") in roomy.left_out
    tight = make_plan(CATALOGUE, [Focus.CORE], minutes=1)  # the pelvic tilt is dropped too
    assert "pelvic-tilt" in tight.dropped
    assert all(
        reason != "one rung per ladder: Pelvic tilt is in the plan" for _, reason in tight.left_out
    )
