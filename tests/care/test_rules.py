"""The rules as tables: traffic light, centralisation, progression and easing off."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from backex.care.mckenzie import (
    BETTER_ADVICE,
    SAME_ADVICE,
    SPREADING_ADVICE,
    WORSE_ADVICE,
)
from backex.care.pain import (
    AMBER_ADVICE,
    GREEN_ADVICE,
    NOT_SETTLED_ADVICE,
    PAIN_PROMPT,
    RED_ADVICE,
    PainAdvice,
    asks_morning_question,
    light_of,
    needs_gentle_session,
    no_improvement,
)
from backex.care.rules import (
    Change,
    Light,
    PastResult,
    Symptoms,
    adjust_dose,
    full_dose,
    parse_pain,
    symptom_rule,
    traffic_light,
)
from backex.catalogue.exercise import Dose, Exercise
from backex.catalogue.loader import load_catalogue
from backex.errors import UsageError

CATALOGUE = load_catalogue()
T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("before", "after", "light"),
    [
        (None, None, None),
        (3, None, None),  # no after score: no light
        (0, 0, Light.GREEN),
        (None, 3, Light.GREEN),
        (2, 3, Light.GREEN),  # after 3 or less
        (6, 4, Light.GREEN),  # after lower than before: improving
        (8, 6, Light.GREEN),
        (3, 4, Light.AMBER),  # after 4-5
        (5, 5, Light.AMBER),
        (0, 5, Light.AMBER),
        (6, 6, Light.AMBER),  # 6 or more, but no higher than before
        (10, 10, Light.AMBER),
        (5, 6, Light.RED),  # 6 or more and higher than before
        (0, 7, Light.RED),
        (None, 6, Light.RED),  # no before score: the level alone, the cautious reading
    ],
)
def test_traffic_light(before: int | None, after: int | None, light: Light | None) -> None:
    advice = traffic_light(before, after)
    assert (advice.light if advice else None) == light


@pytest.mark.parametrize(
    ("before", "after", "light"),
    [
        (5, 6, Light.AMBER),  # a rise with "better": expected, not red
        (0, 7, Light.AMBER),
        (None, 8, Light.AMBER),
        (2, 3, Light.GREEN),  # what was green or amber stays so
        (3, 5, Light.AMBER),
        (6, 4, Light.GREEN),
        (3, None, None),
    ],
)
def test_better_is_never_red(before: int | None, after: int | None, light: Light | None) -> None:
    """Revision 2: after a McKenzie "better" answer (and no spreading), a short rise in
    central back pain is expected; it does not count as red."""
    assert light_of(before, after, centralised=True) is light
    advice = traffic_light(before, after, centralised=True)
    assert (advice.light if advice else None) is light


@pytest.mark.parametrize(
    ("before", "after", "settled", "light", "advice"),
    [
        (1, 2, None, Light.GREEN, GREEN_ADVICE),
        (4, 4, None, Light.AMBER, AMBER_ADVICE),
        (4, 4, True, Light.AMBER, AMBER_ADVICE),
        (4, 4, False, Light.RED, NOT_SETTLED_ADVICE),  # the 24-hour rule: "no" counts as red
        (6, 7, None, Light.RED, RED_ADVICE.format(limit=5)),
        (1, 2, False, Light.GREEN, GREEN_ADVICE),  # green never turns red
    ],
)
def test_traffic_light_advice(
    before: int, after: int, settled: bool | None, light: Light, advice: str
) -> None:
    result = traffic_light(before, after, settled=settled)
    assert result == PainAdvice(light, advice)


def test_red_says_keep_moving_never_rest() -> None:
    assert "Keep moving gently" in RED_ADVICE
    assert "rest" not in RED_ADVICE.casefold().replace("try again", "")


@pytest.mark.parametrize(
    ("light", "hours", "asked"),
    [
        (Light.AMBER, 14, True),
        (Light.RED, 47.5, True),
        (Light.RED, 49, False),  # only within 48 hours
        (Light.GREEN, 14, False),
        (None, 14, False),
    ],
)
def test_asks_morning_question(light: Light | None, hours: float, asked: bool) -> None:
    assert asks_morning_question(light, hours) is asked


@pytest.mark.parametrize(("before", "gentle"), [(None, False), (6, False), (7, True), (10, True)])
def test_gentle_session_from_7(before: int | None, gentle: bool) -> None:
    assert needs_gentle_session(before) is gentle


@pytest.mark.parametrize(
    ("weeks", "advise"),
    [
        ([5, 4, 3], False),  # getting better
        ([5, 5, 5], True),  # no better after 2 weeks
        ([3, 4, 5], True),  # worse two weeks running
        ([5, 4], False),  # not 2 weeks yet
        ([5, None, 5], False),  # a week without a score: not judged
        ([None, 5, 6], False),
        ([0, 0, 0], False),  # no pain: nothing to improve
        ([2, 2, 2], True),
    ],
)
def test_no_improvement(weeks: list[float | None], advise: bool) -> None:
    assert no_improvement(weeks) is advise


def test_pain_prompt_names_its_ends() -> None:
    assert "0 = no pain" in PAIN_PROMPT and "10 = worst pain imaginable" in PAIN_PROMPT


@pytest.mark.parametrize(("text", "value"), [("0", 0), (" 7 ", 7), ("10", 10)])
def test_parse_pain_accepts_0_to_10(text: str, value: int) -> None:
    assert parse_pain(text) == value


@pytest.mark.parametrize("text", ["-1", "11", "3.5", "", "seven", "1e1"])
def test_parse_pain_refuses_the_rest(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_pain(text)
    assert str(caught.value) == f"pain must be a whole number from 0 to 10, not {text!r}"
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("symptoms", "stop", "hold", "advice"),
    [
        (Symptoms.CENTRALISING, False, False, BETTER_ADVICE),
        (Symptoms.SAME, False, False, SAME_ADVICE),
        (Symptoms.WORSE, False, True, WORSE_ADVICE),
        (Symptoms.PERIPHERALISING, True, True,
         SPREADING_ADVICE.format(emergency="your local emergency number")),
    ],
)  # fmt: skip
def test_symptom_rule(symptoms: Symptoms, stop: bool, hold: bool, advice: str) -> None:
    result = symptom_rule(symptoms)
    assert (result.stop_series, result.hold_progress, result.advice) == (stop, hold, advice)


def result(
    planned: Dose,
    *,
    days_ago: int = 1,
    sets: int | None = None,
    reps: int | None = None,
    seconds: int | None = None,
    skipped: bool = False,
    pain: tuple[int | None, int | None] = (2, 2),
    symptoms: Symptoms | None = None,
) -> PastResult:
    """A past result; by default the full planned dose with pain 2 before and after."""
    return PastResult(
        started_at=T0 - timedelta(days=days_ago),
        planned=planned,
        sets_done=planned.sets if sets is None else sets,
        reps_done=planned.reps if reps is None else reps,
        seconds_done=planned.hold_s if seconds is None else seconds,
        skipped=skipped,
        symptoms=symptoms,
        pain_before=pain[0],
        pain_after=pain[1],
    )


HOLD = Dose(sets=4, hold_s=15)


@pytest.mark.parametrize(
    ("past", "expected"),
    [
        (result(Dose(reps=5)), True),
        (result(Dose(reps=5), reps=4), False),
        (result(Dose(sets=2, reps=5), sets=1), False),
        (result(Dose(reps=5), skipped=True), False),
        (result(HOLD), True),
        (result(HOLD, seconds=14), False),
    ],
)
def test_full_dose(past: PastResult, expected: bool) -> None:
    assert full_dose(past) is expected


def good(dose: Dose, n: int = 3) -> list[PastResult]:
    return [result(dose, days_ago=i + 1) for i in range(n)]


UP = "3 good days (green, full dose)"  # the start of every move-up reason
BRIDGE = CATALOGUE.get("bridge").dose  # 5 x 5 s hold; move up: holds to 15 s, reps to 10
BRIDGE_TOP_HOLD = replace(BRIDGE, hold_s=15)
BIRD_DOG = CATALOGUE.get("quadruped-opposite-arm-leg-lift").dose  # 5 x 5 s each side
MARCH = CATALOGUE.get("supine-marches").dose
PLANK = CATALOGUE.get("modified-plank").dose  # 4 x 15 s, harder: full-plank
PELVIC = CATALOGUE.get("pelvic-tilt").dose  # reps to 10 (NHS), harder: bridge
STANDING = CATALOGUE.get("standing-extension").dose  # 5 reps, ceiling 5, no variants
PRESS_UP = CATALOGUE.get("prone-press-up").dose  # easier: prone-on-elbows
PRONE_LYING = CATALOGUE.get("prone-lying").dose  # hold only, no easier variant


@pytest.mark.parametrize(
    ("exercise", "recent", "light", "want_id", "want_dose", "change", "reason"),
    [
        ("bridge", [], None, "bridge", BRIDGE, Change.KEEP, "catalogue dose"),
        # holds lengthen before reps grow, and before any variant
        ("bridge", good(BRIDGE), None, "bridge", replace(BRIDGE, hold_s=7),
         Change.LONGER_HOLD, f"{UP}: hold 5 -> 7 s, up to 15 s"),
        ("bridge", good(replace(BRIDGE, hold_s=14)), None, "bridge", BRIDGE_TOP_HOLD,
         Change.LONGER_HOLD, f"{UP}: hold 14 -> 15 s, up to 15 s"),
        ("bridge", good(BRIDGE_TOP_HOLD), None, "bridge", replace(BRIDGE_TOP_HOLD, reps=6),
         Change.MORE_REPS, f"{UP}: +1 rep, up to 10"),
        ("quadruped-opposite-arm-leg-lift", good(BIRD_DOG), None,
         "quadruped-opposite-arm-leg-lift", replace(BIRD_DOG, hold_s=6), Change.LONGER_HOLD,
         f"{UP}: hold 5 -> 6 s, up to 10 s"),
        # modified plank: longer holds in fewer sets (60 s in all), then the full plank at 45 s
        ("modified-plank", good(PLANK), None, "modified-plank", replace(PLANK, hold_s=20,
         sets=3), Change.LONGER_HOLD, f"{UP}: hold 15 -> 20 s, 3 sets, up to 45 s"),
        ("modified-plank", good(replace(PLANK, hold_s=40, sets=1)), None, "modified-plank",
         replace(PLANK, hold_s=45, sets=1), Change.LONGER_HOLD,
         f"{UP}: hold 40 -> 45 s, up to 45 s"),
        ("bridge", good(BRIDGE, 2), None, "bridge", BRIDGE, Change.KEEP,
         "same dose: 2 of 3 good days at it so far"),
        ("bridge", [result(BRIDGE, pain=(2, 4)), *good(BRIDGE, 2)], None, "bridge", BRIDGE,
         Change.KEEP, "same dose: 2 of 3 good days at it so far"),
        ("bridge", [result(BRIDGE, pain=(2, None)), *good(BRIDGE, 2)], None, "bridge", BRIDGE,
         Change.KEEP, "same dose: 2 of 3 good days at it so far"),
        ("bridge", [result(BRIDGE, reps=4), *good(BRIDGE, 2)], None, "bridge", BRIDGE,
         Change.KEEP, "same dose: 2 of 3 good days at it so far"),
        # just moved up to a 7 s hold: three more good days at 7 s are needed
        ("bridge", [*good(replace(BRIDGE, hold_s=7), 1), *good(BRIDGE, 2)], None, "bridge",
         replace(BRIDGE, hold_s=7), Change.KEEP,
         "same dose: 1 of 3 good days at it so far"),
        ("bridge", good(replace(BRIDGE_TOP_HOLD, reps=10)), None, "bridge",
         replace(BRIDGE_TOP_HOLD, reps=10), Change.KEEP,
         f"{UP}; keeping this dose: the top of its sourced range"),
        # no move_up in the catalogue: no source says how, so the dose stays
        ("single-knee-to-chest", good(CATALOGUE.get("single-knee-to-chest").dose), None,
         "single-knee-to-chest", CATALOGUE.get("single-knee-to-chest").dose, Change.KEEP,
         f"{UP}; keeping this dose: no source says how to move it up"),
        ("supine-marches", good(replace(MARCH, reps=20)), None, "heel-tap-marches",
         CATALOGUE.get("heel-tap-marches").dose, Change.HARDER,
         f"{UP} at the top of the range: try the harder variant "
         "Supine marches with heel tap"),
        ("modified-plank", good(replace(PLANK, hold_s=45, sets=1)), None, "full-plank",
         CATALOGUE.get("full-plank").dose, Change.HARDER,
         f"{UP} at the top of the range: try the harder variant Full plank"),
        ("pelvic-tilt", good(PELVIC), None, "pelvic-tilt", replace(PELVIC, reps=6),
         Change.MORE_REPS, f"{UP}: +1 rep, up to 10"),
        ("pelvic-tilt", good(replace(PELVIC, reps=10)), None, "bridge", BRIDGE, Change.HARDER,
         f"{UP} at the top of the range: try the harder variant Bridge"),
        ("standing-extension", good(STANDING), None, "standing-extension", STANDING,
         Change.KEEP, f"{UP}; keeping this dose: the top of its sourced range"),
        # easing off after a red light
        ("prone-press-up", good(PRESS_UP), Light.RED, "prone-on-elbows",
         CATALOGUE.get("prone-on-elbows").dose, Change.EASIER,
         "pain rose last session: easier variant Prone on elbows"),
        ("bridge", good(replace(BRIDGE, reps=8)), Light.RED, "pelvic-tilt", PELVIC,
         Change.EASIER, "pain rose last session: easier variant Pelvic tilt"),
        ("standing-extension", [], Light.RED, "standing-extension",
         replace(STANDING, reps=3), Change.FEWER, "pain rose last session: 2 fewer reps"),
        ("full-plank", [], Light.RED, "modified-plank", PLANK, Change.EASIER,
         "pain rose last session: easier variant Modified plank"),
        ("prone-lying", [], Light.RED, "prone-lying", replace(PRONE_LYING, hold_s=60),
         Change.FEWER, "pain rose last session: hold shortened to 60 s"),
        ("standing-extension", [result(STANDING, symptoms=Symptoms.PERIPHERALISING)], None,
         "standing-extension", replace(STANDING, reps=3), Change.FEWER,
         "symptoms spread down the leg last time: 2 fewer reps"),
        # several good sessions on one day count as one day
        ("bridge", [result(BRIDGE, days_ago=1) for _ in range(3)], None, "bridge", BRIDGE,
         Change.KEEP, "same dose: 1 of 3 good days at it so far"),
        # pain 6 before, 4 after is improving: a good session, the dose does not fall
        ("bridge", [result(BRIDGE, pain=(6, 4), days_ago=i + 1) for i in range(3)], None,
         "bridge", replace(BRIDGE, hold_s=7), Change.LONGER_HOLD,
         f"{UP}: hold 5 -> 7 s, up to 15 s"),
        # amber (4-5 after) is not a good session: no progress, no easing off
        ("bridge", [result(BRIDGE, pain=(2, 4), days_ago=i + 1) for i in range(3)], None,
         "bridge", BRIDGE, Change.KEEP,
         "same dose: 0 of 3 good days at it so far"),
        # "worse in the back, not spreading": do not progress
        ("standing-extension", [result(STANDING, symptoms=Symptoms.WORSE), *good(STANDING)],
         None, "standing-extension", STANDING, Change.KEEP,
         "same dose: worse in the back last time"),
        ("standing-extension", good(STANDING), Light.AMBER, "standing-extension", STANDING,
         Change.KEEP, f"{UP}; keeping this dose: the top of its sourced range"),
    ],
)  # fmt: skip
def test_adjust_dose(
    exercise: str,
    recent: list[PastResult],
    light: Light | None,
    want_id: str,
    want_dose: Dose,
    change: Change,
    reason: str,
) -> None:
    choice = adjust_dose(CATALOGUE.get(exercise), CATALOGUE, recent, light)
    assert (choice.exercise_id, choice.dose, choice.change, choice.reason) == (
        want_id, want_dose, change, reason,
    )  # fmt: skip


def test_easing_off_never_goes_below_one_rep_or_one_set() -> None:
    one = Dose(sets=1, reps=1, hold_s=1)
    choice = adjust_dose(CATALOGUE.get("standing-extension"), CATALOGUE, good(one, 1), Light.RED)
    assert (choice.dose, choice.change) == (one, Change.KEEP)
    assert choice.reason == (
        "pain rose last session: already the smallest dose; skip it if it hurts and retry tomorrow"
    )


@pytest.mark.parametrize("exercise", [e for e in CATALOGUE if e.move_up], ids=lambda e: e.id)
def test_progression_climbs_to_the_sourced_targets_holds_first_then_the_variant(
    exercise: Exercise,
) -> None:
    """Good days again and again: holds reach their target before any rep is added, reps
    never pass theirs, sets x hold stays within ``total_s``, and only then the variant."""
    move_up = exercise.move_up
    assert move_up is not None
    dose, changes = exercise.dose, []
    for _ in range(60):
        choice = adjust_dose(exercise, CATALOGUE, good(dose))
        changes.append(choice.change)
        if choice.change in (Change.KEEP, Change.HARDER):
            break
        assert choice.exercise_id == exercise.id
        dose = choice.dose
        if move_up.hold_s is not None:
            assert dose.hold_s is not None and dose.hold_s <= move_up.hold_s
        if move_up.reps is not None:
            assert dose.reps is not None and dose.reps <= move_up.reps
        if move_up.total_s is not None:
            assert dose.sets * (dose.hold_s or 0) <= move_up.total_s
    assert changes[-1] is (Change.HARDER if exercise.harder else Change.KEEP), changes
    steps = changes[:-1]
    assert steps == sorted(steps, key=[Change.LONGER_HOLD, Change.MORE_REPS].index)
    if move_up.hold_s is not None:
        assert dose.hold_s == move_up.hold_s
    if move_up.reps is not None:
        assert dose.reps == move_up.reps
