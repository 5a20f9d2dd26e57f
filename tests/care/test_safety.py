"""Red-flag content, when the check is due, and the state file."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backex.care import safety
from backex.care.safety import (
    CheckResult,
    SafetyState,
    advice_for,
    is_check_due,
    is_warning_due,
    load_state,
    record_check,
    record_warned,
)

NOW = datetime(2025, 3, 31, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
EMERGENCY = safety.EMERGENCY_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER)


def test_every_red_flag_from_references_is_asked() -> None:
    text = " ".join(f.sign for f in safety.RED_FLAGS)
    for phrase in ("genitals, buttocks or inner thighs", "wiping", "urine", "both legs",
                   "getting weaker", "foot that drags", "unsteady", "sexual function",
                   "serious fall", "minor fall with osteoporosis", "Chest pain", "cancer",
                   "weakened immune system", "injecting drugs", "38 C", "weight loss", "lump",
                   "shoulder blades", "coughing, sneezing",
                   "even at rest, and much worse at night"):  # fmt: skip
        assert phrase in text
    assert len({f.key for f in safety.RED_FLAGS}) == len(safety.RED_FLAGS)


def test_every_question_fits_everyone() -> None:
    """No question is asked of one sex only: erection problems are one example among others."""
    for flag in safety.RED_FLAGS:
        assert not flag.question.startswith("Are you newly unable"), flag.key
    (sexual,) = [f for f in safety.RED_FLAGS if "erection" in f.question]
    assert "loss of feeling" in sexual.question


def test_the_per_session_question_covers_cauda_equina_signs() -> None:
    for phrase in ("genitals", "bladder or bowels", "both legs", "legs getting weaker"):
        assert phrase in safety.SESSION_QUESTION
    assert safety.session_advice(False) is None
    assert safety.session_advice(True, "112") == safety.EMERGENCY_ADVICE.format(emergency="112")


def test_the_stop_rule_is_the_revised_wording() -> None:
    assert safety.STOP_RULE == (
        "Stop if pain goes above 5 out of 10, spreads down a leg, or you get new numbness, "
        "tingling or leg weakness. Discomfort up to 5 out of 10 that settles by the next "
        "morning is fine."
    )


@pytest.mark.parametrize(
    ("yes", "advice"),
    [
        ([], None),
        (["chest-pain"], EMERGENCY),
        (["fever"], safety.SAME_DAY_ADVICE),
        (["fever", "saddle-numbness"], EMERGENCY),
        (["cancer-immune-drugs"], safety.SAME_DAY_ADVICE),
        (["upper-back-cough"], safety.SAME_DAY_ADVICE),
        (["sexual-function"], EMERGENCY),
        (["night-pain", "weight-loss"], safety.SAME_DAY_ADVICE),
    ],
)
def test_advice_for(yes: list[str], advice: str | None) -> None:
    answers = {f.key: f.key in yes for f in safety.RED_FLAGS}
    assert advice_for(answers) == advice


@pytest.mark.parametrize(
    ("state", "due"),
    [
        (SafetyState(), True),
        (SafetyState(NOW - DAY, CheckResult.ALL_NO), False),
        (SafetyState(NOW - 29 * DAY, CheckResult.ALL_NO), False),
        (SafetyState(NOW - 30 * DAY, CheckResult.ALL_NO), True),
        (SafetyState(NOW - 90 * DAY, CheckResult.ALL_NO), True),
        (SafetyState(NOW - DAY, CheckResult.FLAGGED), True),
        (SafetyState(NOW + DAY, CheckResult.ALL_NO), True),  # clock moved back: ask again
        (SafetyState(problem="could not read it"), True),
    ],
)
def test_is_check_due(state: SafetyState, due: bool) -> None:
    assert is_check_due(state, NOW) is due


@pytest.mark.parametrize(
    ("state", "due"),
    [
        (SafetyState(), True),
        (SafetyState(warned_at=NOW - DAY), False),
        (SafetyState(warned_at=NOW - 30 * DAY), True),
        (SafetyState(NOW - DAY, CheckResult.FLAGGED, NOW - DAY), True),
    ],
)
def test_is_warning_due(state: SafetyState, due: bool) -> None:
    assert is_warning_due(state, NOW) is due


def test_state_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "data" / "safety.json"
    assert load_state(path) == SafetyState()
    assert record_check(False, NOW, path) is None
    assert record_warned(NOW + DAY, path) is None
    assert load_state(path) == SafetyState(NOW, CheckResult.ALL_NO, NOW + DAY)
    assert record_check(True, NOW + 2 * DAY, path) is None
    assert load_state(path) == SafetyState(NOW + 2 * DAY, CheckResult.FLAGGED, NOW + DAY)
    assert sorted(p.name for p in path.parent.iterdir()) == ["safety.json"]


def test_default_state_file_is_in_the_data_folder(isolated_home: Path) -> None:
    record_check(False, NOW)
    saved = json.loads((isolated_home / "data" / "safety.json").read_text())
    assert saved == {
        "version": 1,
        "checked_at": "2025-03-31T09:00:00+00:00",
        "result": "all-no",
        "warned_at": None,
    }


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"{not json", "Expecting property name enclosed in double quotes: line 1 column 2"),
        (b"[]", "not a backex safety file of a known version"),
        (b'{"version": 99}', "not a backex safety file of a known version"),
        (b'{"version": 1, "checked_at": "yesterday"}', "Invalid isoformat string"),
        (b'{"version": 1, "checked_at": "2025-03-01T00:00:00"}', "timestamp has no time zone"),
        (b'{"version": 1, "result": "maybe"}', "'maybe' is not a valid CheckResult"),
        (b"\xff\xfe\x00", "'utf-8' codec can't decode byte 0xff"),
    ],
)
def test_a_corrupt_state_file_means_due_and_is_kept(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    path = tmp_path / "safety.json"
    path.write_bytes(content)
    state = load_state(path)
    assert state.problem is not None and state.problem.startswith(f"could not read {path}: ")
    assert problem in state.problem
    assert is_check_due(state, NOW)
    moved = record_check(False, NOW, path)
    assert moved == tmp_path / "safety.json.bak"
    assert moved.read_bytes() == content
    assert load_state(path) == SafetyState(NOW, CheckResult.ALL_NO)
