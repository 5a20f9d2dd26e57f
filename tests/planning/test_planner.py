"""The planner: shape, order, budget, determinism and its errors."""

import pytest
from helpers.routine import make_catalogue, make_exercise

from backex.catalogue.exercise import Dose, Focus, Position, Tempo
from backex.catalogue.loader import load_catalogue
from backex.errors import BackexError, UsageError
from backex.planning.plan import Block
from backex.planning.planner import POSITION_ORDER, PRONE_LYING, make_plan
from backex.planning.timing import (
    DEFAULT_TEMPO,
    GET_READY_S,
    SWITCH_SIDES_S,
    TRANSITION_S,
    estimate_item_seconds,
)


@pytest.mark.parametrize(
    ("dose", "transition_s", "expected"),
    [
        # a single hold: get-ready + hold
        (Dose(hold_s=30), 0, GET_READY_S + 30),
        # reps at the default tempo (2 s up, 2 s down) with a 5 s hold
        (Dose(reps=5, hold_s=5), 0, GET_READY_S + 5 * (2 + 5 + 2)),
        # reps without a hold, each side, with the switch between sides
        (Dose(reps=5, per_side=True), 0, GET_READY_S + 2 * 5 * 4 + SWITCH_SIDES_S),
        # sets with rests between them, after a transition
        (Dose(sets=4, hold_s=15, rest_s=15), TRANSITION_S, TRANSITION_S + 5 + 4 * 15 + 3 * 15),
        # a catalogue tempo replaces the default
        (Dose(reps=2, tempo=Tempo(lift_s=1, lower_s=3)), 0, GET_READY_S + 2 * 4),
    ],
)
def test_estimate_item_seconds(dose: Dose, transition_s: int, expected: int) -> None:
    assert estimate_item_seconds(dose, transition_s=transition_s) == expected


def test_default_tempo_is_slow_and_controlled() -> None:
    assert (DEFAULT_TEMPO.lift_s, DEFAULT_TEMPO.lower_s) == (2, 2)


def test_core_plan_shape_and_order() -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE])
    blocks = [item.block for item in plan.items]
    assert blocks[0] is Block.WARM_UP
    assert blocks[-1] is Block.COOL_DOWN
    assert set(blocks[1:-1]) == {Block.MAIN}
    warm_up = plan.items[0].exercise
    assert {Focus.STRETCH, Focus.MOBILITY} & set(warm_up.focus)
    main = [item.exercise for item in plan.items if item.block is Block.MAIN]
    assert all(Focus.CORE in e.focus and e.level == 1 for e in main)
    positions = [POSITION_ORDER[e.position] for e in main]
    assert positions == sorted(positions)
    assert plan.total_s == sum(item.est_s for item in plan.items) <= 15 * 60
    assert all(item.reason == "catalogue dose" for item in plan.items)


def test_mckenzie_plan_starts_and_ends_with_prone_lying() -> None:
    plan = make_plan(load_catalogue(), [Focus.MCKENZIE], max_level=2)
    ids = [item.exercise.id for item in plan.items]
    assert ids[0] == ids[-1] == PRONE_LYING
    assert "flexion-in-lying" not in ids
    assert ids[1:-1] == ["prone-on-elbows", "prone-press-up", "standing-extension"]


def test_all_means_every_focus_but_the_mckenzie_series() -> None:
    catalogue = load_catalogue()
    every = [f for f in Focus if f is not Focus.MCKENZIE]
    assert make_plan(catalogue, None, minutes=60) == make_plan(catalogue, every, minutes=60)


@pytest.mark.parametrize("other", [f for f in Focus if f is not Focus.MCKENZIE])
def test_the_mckenzie_series_is_a_session_of_its_own(other: Focus) -> None:
    with pytest.raises(UsageError) as caught:
        make_plan(load_catalogue(), [Focus.MCKENZIE, other])
    assert caught.value.exit_code == 2
    assert str(caught.value).startswith("--focus mckenzie is a session of its own")


def test_same_seed_same_plan_and_no_seed_is_deterministic() -> None:
    catalogue = load_catalogue()
    first = make_plan(catalogue, [Focus.CORE], max_level=3, minutes=5, seed=7)
    assert make_plan(catalogue, [Focus.CORE], max_level=3, minutes=5, seed=7) == first
    unseeded = make_plan(catalogue, [Focus.CORE], max_level=3, minutes=5)
    assert make_plan(catalogue, [Focus.CORE], max_level=3, minutes=5) == unseeded


def test_seed_breaks_ties_between_equal_exercises() -> None:
    catalogue = load_catalogue()
    cool_downs = {
        make_plan(catalogue, [Focus.CORE], seed=seed).items[-1].exercise.id for seed in range(20)
    }
    # two held, level-1, lying stretches are equally good cool-downs
    assert cool_downs == {"double-knee-to-chest", "single-knee-to-chest"}


def test_trims_sets_before_leaving_exercises_out() -> None:
    plank = make_exercise("plank", Dose(sets=4, hold_s=15, rest_s=15))
    bridge = make_exercise("bridge", Dose(reps=5, hold_s=5))
    catalogue = make_catalogue(plank, bridge)
    full = make_plan(catalogue, [Focus.CORE], minutes=10)
    assert [i.dose.sets for i in full.items] == [4, 1]
    tight = make_plan(catalogue, [Focus.CORE], minutes=2)
    assert [i.exercise.id for i in tight.items] == ["plank", "bridge"]
    assert tight.items[0].dose.sets < 4
    assert (
        tight.items[0].reason == f"trimmed from 4 to {tight.items[0].dose.sets} sets to fit 2 min"
    )
    assert tight.items[1].dose == bridge.dose
    assert tight.total_s <= 120


def test_never_raises_a_dose_nor_goes_below_one_set_or_half_the_reps() -> None:
    catalogue = load_catalogue()
    for minutes in (1, 2, 3, 5, 8):
        plan = make_plan(catalogue, [Focus.CORE], max_level=3, minutes=minutes)
        assert plan.total_s <= minutes * 60
        for item in plan.items:
            original = item.exercise.dose
            assert 1 <= item.dose.sets <= original.sets
            assert item.dose.hold_s == original.hold_s
            if original.reps is not None:
                assert item.dose.reps is not None
                assert original.reps / 2 <= item.dose.reps <= original.reps


def test_drops_extras_then_higher_levels_first() -> None:
    plan = make_plan(load_catalogue(), [Focus.CORE], max_level=3, minutes=5)
    ids = [item.exercise.id for item in plan.items]
    assert all(item.block is Block.MAIN for item in plan.items)
    catalogue = load_catalogue()
    dropped_main = [catalogue.get(i).level for i in plan.dropped if i != "double-knee-to-chest"]
    dropped_main.remove(1)  # the warm-up (lower trunk rotation) goes before the main block
    assert max(item.exercise.level for item in plan.items) <= min(dropped_main)
    assert "lower-trunk-rotation" in plan.dropped
    assert ("full-plank", "one rung per ladder: Modified plank is in the plan") in plan.left_out
    assert not set(ids) & set(plan.dropped)


@pytest.mark.parametrize(
    ("focus", "level", "minutes", "message"),
    [
        (
            [Focus.CORE],
            1,
            1,
            None,  # fits: one exercise
        ),
        (
            [Focus.MCKENZIE],
            1,
            3,
            "nothing fits in 3 min; the shortest session takes 6:35 min: try --minutes 7",
        ),
    ],
)
def test_budget_errors(focus: list[Focus], level: int, minutes: int, message: str | None) -> None:
    catalogue = load_catalogue()
    if message is None:
        assert make_plan(catalogue, focus, level, minutes).total_s <= minutes * 60
        return
    with pytest.raises(BackexError) as raised:
        make_plan(catalogue, focus, level, minutes)
    assert str(raised.value) == message


def test_nothing_fits_names_the_shortest_exercise() -> None:
    long_hold = make_exercise("long-hold", Dose(hold_s=115))
    with pytest.raises(BackexError) as raised:
        make_plan(make_catalogue(long_hold), [Focus.CORE], minutes=1)
    assert str(raised.value) == (
        "nothing fits in 1 min; the shortest exercise takes 2:00 min: try --minutes 2"
    )


def test_nothing_matches_suggests_a_level() -> None:
    hard = make_exercise("hard", Dose(reps=5), focus=(Focus.MCKENZIE,), level=2)
    with pytest.raises(BackexError) as raised:
        make_plan(make_catalogue(hard), [Focus.MCKENZIE], max_level=1)
    assert str(raised.value) == "no exercises for focus mckenzie at level 1; try --level 2"


def test_nothing_matches_suggests_another_focus() -> None:
    only_core = make_exercise("core", Dose(reps=5), position=Position.PRONE)
    with pytest.raises(BackexError) as raised:
        make_plan(make_catalogue(only_core), [Focus.STRETCH])
    assert str(raised.value) == (
        "no exercises for focus stretch at level 1; try another --focus (core, mckenzie, mobility)"
    )
