"""``backex pause`` and ``backex done`` on the command line, and what ``history`` then
says: the forgiving run, the pause, the first fortnight, self-reported sessions."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from backex.cli import app
from backex.history.pauses import pauses
from backex.history.store import History, db_path

NOW = "2026-12-03T09:00:00+00:00"  # a Thursday
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "core-stability-week1.yaml"


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def run(*args: str, now: str = NOW) -> "object":
    return CliRunner().invoke(app, list(args), env={"BACKEX_NOW": now, "COLUMNS": "200"})


def ok(*args: str, now: str = NOW) -> str:
    result = run(*args, now=now)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    return result.stdout  # type: ignore[attr-defined,no-any-return]


# --- pause ------------------------------------------------------------------------------


def test_pause_alone_without_a_history_says_none_and_creates_nothing() -> None:
    out = ok("pause")
    assert out.startswith("No pause running. For illness or travel: backex pause --days N")
    assert not db_path().exists()


def test_pause_for_days_shows_and_ends() -> None:
    out = ok("pause", "--days", "8")
    assert out.startswith("Paused for 8 days, until Fri 11 Dec: these days are not counted")
    assert ok("pause").startswith("Paused since Thu 3 Dec, until Fri 11 Dec.")
    history = ok("history", "--plan", str(EXAMPLE))
    assert "Paused until Fri 11 Dec" not in history  # no sessions yet: nothing listed
    assert ok("pause", "--end").startswith("Pause ended: welcome back.")
    assert ok("pause").startswith("No pause running.")
    assert ok("pause", "--end").startswith("No pause running: your plan is on as usual.")


def test_a_second_pause_changes_the_running_one() -> None:
    ok("pause", "--days", "3")
    ok("pause", "--days", "5", now="2026-12-04T09:00:00+00:00")
    with History.open() as store:
        (pause,) = pauses(store)
    assert (str(pause.first_day), str(pause.last_day)) == ("2026-12-03", "2026-12-08")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--days", "0"], "--days must be 1 to 60, not 0"),
        (["--days", "61"], "--days must be 1 to 60, not 61"),
        (["--days", "-3"], "--days must be 1 to 60, not -3"),
        (["--days", "3", "--end"], "choose one of --days and --end"),
    ],
)
def test_bad_pauses_are_one_line_usage_errors(args: list[str], message: str) -> None:
    result = run("pause", *args)
    assert result.exit_code == 2  # type: ignore[attr-defined]
    assert result.stderr == f"backex: {message}\n"  # type: ignore[attr-defined]
    assert not db_path().exists()


# --- done -------------------------------------------------------------------------------


def test_done_logs_a_self_reported_session_and_history_shows_it() -> None:
    out = ok(
        "done", "--exercises", "bridge, Pelvic tilt", "--pain-before", "3", "--pain-after", "2",
        "--when", "yesterday 18:30",
    )  # fmt: skip
    assert out == (
        "Logged (self-reported): Bridge 5 x 5 s hold, Pelvic tilt 5 x 2 s hold, on Wed 2 Dec "
        "at 18:30; pain 3 → 2. It counts like any other session.\n"
        "First fortnight: 1 of 6 sessions — 5 to go, 12 days left.\n"
    )
    with History.open() as store:
        (session,) = store.sessions()
    assert session.self_reported and session.completed
    assert [e.exercise_id for e in session.exercises] == ["bridge", "pelvic-tilt"]
    history = ok("history")
    assert "2026-12-02 18:30   core, mobility   2/2 done    3 → 2   self-reported" in history
    assert "Your run: 1 planned day in a row." in history
    assert "First fortnight: 1 of 6 sessions — 5 to go, 12 days left." in history


def test_done_with_a_plan_logs_its_exercises_at_their_doses() -> None:
    out = ok("done", "--plan", str(EXAMPLE))
    assert out.startswith('Logged (self-reported) from "Core stability, week 1": ')
    with History.open() as store:
        (session,) = store.sessions()
    assert session.plan_name == "Core stability, week 1"
    assert len(session.exercises) == 6
    adherence = ok("history", "--plan", str(EXAMPLE))
    assert "this week       1 of 1 planned session so far" in adherence


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["--exercises", "bridge", "--pain-before", "11"],
            2,
            "--pain-before must be 0 (no pain) to 10 (worst imaginable), not 11",
        ),
        (
            ["--exercises", "bridge", "--pain-after", "-1"],
            2,
            "--pain-after must be 0 (no pain) to 10 (worst imaginable), not -1",
        ),
        (
            ["--exercises", "bridge", "--when", "tomorrow"],
            2,
            "--when 'tomorrow' is in the future; log a session once it is done",
        ),
        (
            ["--exercises", "bridge", "--when", "31 days ago"],
            2,
            "--when '31 days ago' is more than 30 days ago; backex done logs the last 30 days",
        ),
        (
            ["--exercises", "bridge", "--when", "2026-11-02 08:00"],
            2,
            "--when '2026-11-02 08:00' is more than 30 days ago; backex done logs the last 30 days",
        ),
        (
            ["--exercises", "bridge", "--when", "teatime"],
            2,
            "--when 'teatime' is not a time; write it like 2026-12-01 18:30, yesterday "
            "18:30, 2 days ago 07:45 or now",
        ),
        (["--exercises", "bridge,plankk"], 1, "no exercise called 'plankk'; did you mean: "),
        (["--exercises", " , "], 2, "--exercises is empty: give ids or names, comma-separated"),
        ([], 2, "say what you did: --exercises A,B,C or --plan FILE"),
    ],
)
def test_bad_input_is_one_line_and_logs_nothing(args: list[str], code: int, message: str) -> None:
    result = run("done", *args)
    assert result.exit_code == code  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith(f"backex: {message}")
    assert stderr.count("\n") == 1
    assert not db_path().exists()


def test_an_unknown_exercise_gets_the_same_error_as_show() -> None:
    shown = run("show", "plankk")
    done = run("done", "--exercises", "plankk")
    assert done.exit_code == shown.exit_code == 1  # type: ignore[attr-defined]
    assert done.stderr == shown.stderr  # type: ignore[attr-defined]


# --- the run and the fortnight in history ------------------------------------------------

WEEKDAYS_PLAN = """\
name: Weekday core
frequency: weekdays
exercises: [bridge]
"""


def test_history_keeps_the_run_over_a_rest_day_and_a_pause(tmp_path: Path) -> None:
    plan = tmp_path / "weekdays.yaml"
    plan.write_text(WEEKDAYS_PLAN, "utf-8")
    # Mon 23 to Fri 27 Nov; the weekend is rest; paused Mon 30 Nov to Wed 2 Dec
    for day in (23, 24, 25, 26, 27):
        ok("done", "--plan", str(plan), now=f"2026-11-{day}T18:00:00+00:00")
    ok("pause", "--days", "3", now="2026-11-30T08:00:00+00:00")
    out = ok("history", "--plan", str(plan))
    assert "Your run: 5 planned days in a row." in out
    assert "(the days your plan asks for: once a day, Monday to Friday;" in out
    assert "this week       0 of 1 planned session so far" in out  # Thursday, today
    assert "First fortnight: 5 of 6 sessions — 1 to go, 3 days left." in out
    # without the plan: every day counts, so the weekend ends that run
    assert "Your run: 0" not in ok("history")
    assert "Every session counts — start a new run today." in ok("history")


def test_the_fortnight_is_not_shown_after_14_days() -> None:
    ok("done", "--exercises", "bridge", now="2026-11-19T18:00:00+00:00")
    assert "First fortnight" not in ok("history")
    assert "First fortnight" not in ok("done", "--exercises", "bridge")


def test_the_fortnight_target_line_shows_once() -> None:
    lines = []
    for day in (24, 25, 26, 27, 28, 29):
        out = ok("done", "--exercises", "bridge", now=f"2026-11-{day}T18:00:00+00:00")
        lines.append(out.splitlines()[-1])
    assert lines[4] == "First fortnight: 5 of 6 sessions — 1 to go, 9 days left."
    assert lines[5].startswith("First fortnight: 6 sessions in 2 weeks — well done")
    again = ok("done", "--exercises", "bridge", now="2026-11-29T19:00:00+00:00")
    assert "First fortnight" not in again


def test_a_routine_ends_with_the_fortnight_and_reaches_it_once() -> None:
    fast = {"BACKEX_CLOCK_SCALE": "2000", "COLUMNS": "200"}

    def routine(now: str) -> str:
        result = CliRunner().invoke(
            app, ["routine", "--quiet", "-m", "1", "--pain", "2"], env={**fast, "BACKEX_NOW": now}
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    first = routine("2026-11-26T08:00:00+00:00")
    assert first.rstrip().endswith("First fortnight: 1 of 6 sessions — 5 to go, 13 days left.")
    for day in (27, 28, 29, 30):
        ok("done", "--exercises", "bridge", now=f"2026-11-{day}T18:00:00+00:00")
    sixth = routine(NOW)
    assert (
        sixth.rstrip()
        .splitlines()[-1]
        .startswith("First fortnight: 6 sessions in 2 weeks — well done")
    )
    assert "First fortnight" not in routine("2026-12-03T10:00:00+00:00")


def test_the_report_counts_logged_sessions_and_plans_nothing_on_paused_days() -> None:
    for day in (23, 24, 25):
        ok("done", "--plan", str(EXAMPLE), now=f"2026-11-{day}T18:30:00+00:00")
    ok("pause", "--days", "4", now="2026-11-26T09:00:00+00:00")
    out = ok("report", "--plan", str(EXAMPLE), "--since", "2026-11-23", "--until", "2026-11-29")
    assert "Sessions 3 of 3 planned sessions done (once a day)" in out
