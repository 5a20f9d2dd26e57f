"""``backex routine`` with goals and the weekly check-in, through CliRunner: when each is
asked, what is stored, and that nothing is asked without a terminal."""

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from helpers.care import screened
from helpers.history_week import FixedClock
from typer.testing import CliRunner

from backex.care import safety
from backex.catalogue.loader import load_catalogue
from backex.cli import app, checkins
from backex.habits import store as habits
from backex.habits.checkin import CheckIn, Obstacle, tip
from backex.habits.goals import QUESTION, GoalScore
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder, local_now

FAST = {"BACKEX_CLOCK_SCALE": "2000", "COLUMNS": "200"}
ALL_NO = "n\n" * len(safety.RED_FLAGS)


@pytest.fixture
def interactive(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a person sat at a terminal, who answered the first-run questions."""
    monkeypatch.setattr(checkins, "is_interactive", lambda: True)
    screened()


def routine(*args: str, input: str | None = None) -> "object":
    return CliRunner().invoke(app, ["routine", "--quiet", *args], env=FAST, input=input)


def add_goal(text: str) -> int:
    with History.open() as store:
        return habits.add_goal(store, text, local_now() - timedelta(hours=1))


def goals() -> list[tuple[str, tuple[GoalScore, ...]]]:
    with History.open() as store:
        return [(g.text, g.scores) for g in habits.goals(store)]


def sessions_on(*days_ago: int) -> None:
    """A completed session at 08:00 on each of these days before today."""
    bridge = load_catalogue().get("bridge").dose
    now = local_now()
    with History.open() as store:
        for ago in days_ago:
            start = datetime.combine(now.date() - timedelta(days=ago), time(8, 0), now.tzinfo)
            recorder = SessionRecorder(store, FixedClock(start))
            recorder.start({"items": [{"exercise": "bridge"}]}, ["core"], 2)
            recorder.record_exercise(ExerciseEntry(0, "bridge", bridge, sets_done=1, reps_done=5))
            recorder.set_pain_after(1)
            recorder.finish(completed=True)


def stored_checkins() -> list[CheckIn]:
    with History.open() as store:
        return list(habits.checkins(store))


TODAY = date.today


# --------------------------------------------------------------------- goal scores


def test_a_new_goal_is_scored_when_the_first_session_ends(interactive: None) -> None:
    add_goal("put my socks on standing")
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "2\n" + "12\n5\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("time taken") < out.index("Pain 3 before, 2 after") < out.index(QUESTION)
    assert "Your goal: put my socks on standing\n" in out
    assert "Please give a whole number from 0 to 10, or press Enter to skip." in out
    today = local_now().date()
    assert goals() == [("put my socks on standing", (GoalScore(today, 5),))]
    # Not again within the week: the next session asks nothing more.
    again = routine("-m", "1", "--pain", "3", input="n\n\n")
    assert again.exit_code == 0, again.output
    assert QUESTION not in again.stdout
    assert goals()[0][1] == (GoalScore(today, 5),)


def test_each_active_goal_is_asked_and_enter_skips_one_until_the_next_session(
    interactive: None,
) -> None:
    add_goal("walk to the shop")
    add_goal("lift my grandson")
    first = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n" + "\n" + "7\n")
    assert first.exit_code == 0, first.output
    assert first.stdout.count(QUESTION) == 2
    today = local_now().date()
    assert goals() == [("walk to the shop", ()), ("lift my grandson", (GoalScore(today, 7),))]
    second = routine("-m", "1", "--pain", "3", input="n\n\n" + "4\n")
    assert second.exit_code == 0, second.output
    assert second.stdout.count(QUESTION) == 1  # only the skipped one, again
    assert "Your goal: walk to the shop" in second.stdout
    assert goals()[0] == ("walk to the shop", (GoalScore(today, 4),))


def test_a_score_is_asked_again_after_7_days(interactive: None) -> None:
    goal_id = add_goal("sit through a film")
    with History.open() as store:
        habits.record_score(store, goal_id, 3, local_now() - timedelta(days=7))
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n" + "6\n")
    assert result.exit_code == 0, result.output
    assert [s.score for s in goals()[0][1]] == [3, 6]


def test_a_retired_goal_is_not_asked(interactive: None) -> None:
    goal_id = add_goal("carry the shopping")
    with History.open() as store:
        habits.retire_goal(store, goal_id, local_now())
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n")
    assert result.exit_code == 0, result.output
    assert QUESTION not in result.stdout


def test_without_a_terminal_nothing_is_asked_and_nothing_waits() -> None:
    add_goal("put my socks on standing")
    sessions_on(8, 3)
    result = routine("-m", "1")  # no input at all: a question would read EOF, not block
    assert result.exit_code == 0, result.output
    assert QUESTION not in result.stdout
    assert "Your week" not in result.stdout
    assert goals()[0][1] == ()
    assert stored_checkins() == []


# ------------------------------------------------------------------ weekly check-in


def test_no_check_in_before_7_days_of_history(interactive: None) -> None:
    sessions_on(6, 3)
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n")
    assert result.exit_code == 0, result.output
    assert "Your week" not in result.stdout
    assert stored_checkins() == []


@pytest.mark.parametrize("number", ["1", "2", "3", "4", "5"])
def test_a_short_week_asks_what_got_in_the_way_and_gives_its_tip(
    interactive: None, number: str
) -> None:
    sessions_on(8, 6, 4, 2)  # the first 8 days ago; 3 in the 7 days before today
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + f"{number}\n" + "\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())  # however the terminal wrapped it
    answer = list(Obstacle)[int(number) - 1]
    expected = " ".join(tip(answer).split())
    week = "3 of 7 planned sessions this week: every session counts."
    assert out.index("Your week") < out.index(week) < out.index("What got in the way?")
    assert "1 time 2 pain 3 forgot 4 not sure it helps 5 other" in out
    assert out.index(f"Tip: {expected}") < out.rindex(safety.STOP_RULE)  # before the plan
    for other in Obstacle:
        if other is not answer:
            assert " ".join(tip(other).split()) not in out
    assert "missed" not in out.lower()
    today = local_now().date()
    assert stored_checkins() == [CheckIn(today, 3, 7, answer)]


def test_enter_skips_the_question_and_the_check_in_is_still_recorded(interactive: None) -> None:
    sessions_on(9, 1)
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "9\n\n" + "\n")
    assert result.exit_code == 0, result.output
    assert "Please type a number from 1 to 5, or press Enter to skip." in result.stdout
    assert "Tip:" not in result.stdout
    assert stored_checkins() == [CheckIn(local_now().date(), 1, 7, None)]


def test_a_full_week_asks_nothing(interactive: None) -> None:
    sessions_on(*range(8, 0, -1))
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n")
    assert result.exit_code == 0, result.output
    assert "7 of 7 planned sessions this week: well done, keep it going." in result.stdout
    assert "What got in the way?" not in result.stdout
    assert stored_checkins() == [CheckIn(local_now().date(), 7, 7, None)]


def test_not_twice_in_a_week(interactive: None) -> None:
    sessions_on(8, 2)
    first = routine("-m", "1", "--pain", "3", input=ALL_NO + "3\n" + "\n")
    assert "Your week" in first.stdout
    second = routine("-m", "1", "--pain", "3", input="n\n\n")
    assert second.exit_code == 0, second.output
    assert "Your week" not in second.stdout
    assert len(stored_checkins()) == 1


def test_the_plan_files_frequency_sets_the_sessions_planned(
    interactive: None, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Three a week\nfrequency: 3x-weekly\nexercises: [bridge]\n", "utf-8")
    sessions_on(10, 5, 3)
    result = routine("--plan", str(plan), "--pain", "2", input=ALL_NO + "4\n" + "\n")
    assert result.exit_code == 0, result.output
    assert "2 of 3 planned sessions this week: every session counts." in result.stdout
    assert stored_checkins()[0].planned == 3


def test_paused_days_plan_nothing_and_a_week_all_paused_shows_no_check_in(
    interactive: None,
) -> None:
    sessions_on(8, 6, 5)  # the first 8 days ago; then a pause of the last 4 days
    pause = CliRunner().invoke(app, ["pause", "--days", "4"], env={"BACKEX_NOW": _days_ago(4)})
    assert pause.exit_code == 0, pause.output
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n" + "\n")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "2 of 3 planned sessions this week: every session counts." in out
    assert stored_checkins()[0].planned == 3


def _days_ago(days: int) -> str:
    return (local_now() - timedelta(days=days)).isoformat()


def test_a_week_all_paused_shows_no_check_in_and_the_next_is_a_week_on(
    interactive: None,
) -> None:
    sessions_on(9, 8)
    pause = CliRunner().invoke(app, ["pause", "--days", "7"], env={"BACKEX_NOW": _days_ago(7)})
    assert pause.exit_code == 0, pause.output
    result = routine("-m", "1", "--pain", "3", input=ALL_NO + "\n")
    assert result.exit_code == 0, result.output
    assert "Your week" not in result.stdout
    assert stored_checkins() == [CheckIn(local_now().date(), 0, 0, None)]
