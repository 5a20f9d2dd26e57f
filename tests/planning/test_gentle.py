"""Pain of 7 or more before starting: only a gentle session (revision 2, pain monitoring)."""

from dataclasses import replace

import pytest

from backex.catalogue.exercise import Focus, pattern_of
from backex.catalogue.loader import load_catalogue
from backex.planning.gentle import GENTLE_KEPT, GENTLE_LEFT_OUT, gentle_session, is_gentle
from backex.planning.planner import make_plan
from backex.planning.timing import item_estimates

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("exercise_id", "gentle"),
    [
        ("lower-trunk-rotation", True),  # mobility, level 1
        ("pelvic-tilt", True),  # core and mobility, level 1
        ("double-knee-to-chest", True),  # stretch
        ("childs-pose", True),
        ("prone-lying", True),  # the McKenzie resting positions
        ("prone-on-elbows", True),
        ("prone-press-up", False),  # loaded extension
        ("standing-extension", False),
        ("bridge", False),  # strengthening
        ("supine-marches", False),
        ("modified-plank", False),
        ("side-plank-on-knees", False),
    ],
)
def test_what_counts_as_gentle(exercise_id: str, gentle: bool) -> None:
    assert is_gentle(CATALOGUE.get(exercise_id)) is gentle


@pytest.mark.parametrize(
    ("focus", "kept"),
    [
        ([Focus.CORE], ["lower-trunk-rotation", "pelvic-tilt", "double-knee-to-chest"]),
        ([Focus.MCKENZIE], ["prone-lying", "prone-on-elbows", "prone-lying"]),
    ],
)
def test_a_gentle_session_keeps_the_gentle_part_one_set_each(
    focus: list[Focus], kept: list[str]
) -> None:
    plan = make_plan(CATALOGUE, focus, minutes=15)
    gentle = gentle_session(plan)
    assert [item.exercise.id for item in gentle.items] == kept
    assert all(item.dose.sets == 1 for item in gentle.items)
    left = {item.exercise.id for item in plan.items} - set(kept)
    assert {i for i, reason in gentle.left_out if reason == GENTLE_LEFT_OUT} == left
    assert gentle.total_s < plan.total_s
    estimates = item_estimates([(i.dose, pattern_of(i.exercise, i.dose)) for i in gentle.items])
    assert [item.est_s for item in gentle.items] == estimates


def test_fewer_sets_keep_the_full_dose_as_the_baseline_for_next_time() -> None:
    plan = make_plan(CATALOGUE, [Focus.CORE], minutes=15)
    first = plan.items[0]  # lower trunk rotation, gentle: as if prescribed in 3 sets
    three_sets = replace(first, dose=replace(first.dose, sets=3))
    gentle = gentle_session(replace(plan, items=(three_sets, *plan.items[1:])))
    item = gentle.items[0]
    assert (item.exercise.id, item.dose.sets, item.reason) == (first.exercise.id, 1, GENTLE_KEPT)
    assert item.baseline == three_sets.dose  # progression starts from the 3 sets
    assert [i.reason for i in gentle.items[1:]] == [
        i.reason for i in plan.items if is_gentle(i.exercise)
    ][1:]


def test_a_plan_with_nothing_gentle_is_empty_and_says_why() -> None:
    plan = make_plan(CATALOGUE, [Focus.CORE], max_level=3, minutes=30)
    strong = [i for i in plan.items if not is_gentle(i.exercise)]
    only_strong = gentle_session(replace(plan, items=tuple(strong)))
    assert only_strong.items == ()
    added = only_strong.left_out[len(plan.left_out) :]
    assert added == tuple((i.exercise.id, GENTLE_LEFT_OUT) for i in strong)
