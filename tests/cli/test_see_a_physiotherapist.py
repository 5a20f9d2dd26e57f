"""Revision 2's two reasons to see a physiotherapist, from the history: no better after
2 weeks (or worse two weeks running), and McKenzie "no change" on 3 different days."""

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

import pytest
from helpers.care import screened
from typer.testing import CliRunner

from backex.care import mckenzie, pain, safety
from backex.care.mckenzie import Symptoms
from backex.catalogue.loader import load_catalogue
from backex.cli import app, checkins
from backex.history import queries
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder, local_now

FAST = {"BACKEX_CLOCK_SCALE": "2000", "COLUMNS": "200"}


def record(day: date, before: int, answers: Sequence[Symptoms] = ()) -> None:
    """A finished session on ``day`` with ``before`` pain and these McKenzie answers."""
    at = datetime.combine(day, time(9, 0)).astimezone()
    press_up = load_catalogue().get("prone-press-up")
    with History.open() as store:
        recorder = SessionRecorder(store, lambda: at)
        recorder.start({"items": []}, ["mckenzie" if answers else "core"], before)
        for position, answer in enumerate(answers):
            recorder.record_exercise(
                ExerciseEntry(position, press_up.id, press_up.dose, 1, 10, symptoms=answer)
            )
        recorder.set_pain_after(before)
        recorder.finish(completed=True)


def flat(text: str) -> str:
    return " ".join(text.split())


def three_weeks(means: tuple[int, int, int]) -> date:
    """Sessions twice a week for three weeks ending today, at these pains, oldest first."""
    today = local_now().date()
    for weeks_ago, level in zip((2, 1, 0), means, strict=True):
        for offset in (1, 4):
            record(today - timedelta(days=7 * weeks_ago + offset), level)
    return today


def test_weekly_pain_is_the_mean_before_per_week_oldest_first() -> None:
    today = three_weeks((6, 5, 4))
    record(today - timedelta(days=30), 9)  # before the three weeks: not counted
    with History.open() as store:
        assert queries.weekly_pain(store, today) == [6, 5, 4]
        assert queries.weekly_pain(store, today, weeks=5)[:2] == [9, None]


@pytest.mark.parametrize(
    ("means", "advised"), [((5, 5, 5), True), ((4, 5, 6), True), ((6, 5, 4), False)]
)
def test_history_and_the_plan_say_when_it_is_time_to_see_someone(
    means: tuple[int, int, int], advised: bool
) -> None:
    three_weeks(means)
    advice = flat(pain.NO_IMPROVEMENT_ADVICE)
    shown = CliRunner().invoke(app, ["history"], env={"COLUMNS": "100"})
    assert shown.exit_code == 0, shown.output
    assert (advice in flat(shown.stdout)) is advised
    dry = CliRunner().invoke(app, ["routine", "--dry-run", "-f", "core"], env={"COLUMNS": "100"})
    assert dry.exit_code == 0, dry.output
    assert (advice in flat(dry.stdout)) is advised


def test_no_change_on_3_days_is_said_before_and_at_the_end_of_a_mckenzie_session(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screened()
    today = local_now().date()
    record(today - timedelta(days=2), 3, [Symptoms.SAME])
    advice = flat(mckenzie.NO_CHANGE_ADVICE)
    before = CliRunner().invoke(app, ["routine", "--dry-run", "-f", "mckenzie", "-m", "10"])
    assert advice not in flat(before.stdout)  # one day only
    record(today - timedelta(days=1), 3, [Symptoms.SAME, Symptoms.SAME])
    monkeypatch.setattr(checkins, "is_interactive", lambda: True)
    answers = "n\n" * len(safety.RED_FLAGS) + "2\n" * 12  # the full check, then "no change"
    run = CliRunner().invoke(
        app,
        ["routine", "--quiet", "-f", "mckenzie", "-m", "10", "--pain", "3"],
        env=FAST,
        input=answers,
    )
    assert run.exit_code == 0, run.output
    summary = run.stdout[run.stdout.index("Session complete.") :]
    assert advice in flat(summary)  # the third day: said as the session ends
    after = CliRunner().invoke(app, ["routine", "--dry-run", "-f", "mckenzie", "-m", "10"])
    assert advice in flat(after.stdout)  # and before the next one
