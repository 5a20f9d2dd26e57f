"""``backex history`` through the command line: table, JSON, CSV, empty and damaged files."""

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers.history_week import TZ, fill_week
from typer.testing import CliRunner

from backex.cli import app
from backex.history import store as history

SUNDAY = date(2025, 3, 9)


def lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


@pytest.fixture
def week(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A history with a week of sessions ending on Sunday 9 March 2025, at 20:00 that day."""
    monkeypatch.setattr(history, "local_now", lambda: datetime(2025, 3, 9, 20, 0, tzinfo=TZ))
    return fill_week(history.db_path(), SUNDAY)


def run(*args: str) -> "object":
    return CliRunner().invoke(app, ["history", *args])


def test_history_after_a_week(week: list[int]) -> None:
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    assert lines(result.output) == [
        "Recent sessions",
        "Started            Focus      Exercises   Pain    Status",
        "─" * 63,
        "2025-03-09 08:01   core       3/3 done    2 → 1   completed",
        "2025-03-08 08:01   mckenzie   2/4 done    3 → 2   stopped early",
        "2025-03-07 08:01   core       3/3 done    3 → 2   completed",
        "2025-03-05 08:01   mckenzie   4/4 done    4 → 3   completed",
        "2025-03-04 08:01   core       3/3 done    5 → 3   completed",
        "2025-03-03 08:01   core       3/3 done    5 → 4   completed",
        "",
        "Your run: 3 planned days in a row.",
        "(every day counts, as the NHS suggests; a pause or today so far never ends it)",
        "First fortnight: 6 sessions in 2 weeks — well done, a habit is forming.",
        "Days with a session, per week:",
        "(the NHS suggests every day; rest days are fine)",
        "  this week      ██████· 6 of 7",
        "",
        "Pain by day, 0-10 (B before, A after)",
        "03-03 B ████████████████████                     5",
        "      A ████████████████                         4",
        "03-04 B ████████████████████                     5",
        "      A ████████████                             3",
        "03-05 B ████████████████                         4",
        "      A ████████████                             3",
        "03-07 B ████████████                             3",
        "      A ████████                                 2",
        "03-08 B ████████████                             3",
        "      A ████████                                 2",
        "03-09 B ████████                                 2",
        "      A ████                                     1",
    ]


def test_days_and_limit_narrow_the_view_not_the_streak(week: list[int]) -> None:
    result = CliRunner().invoke(app, ["history", "--days", "2", "--limit", "1"])
    assert result.exit_code == 0, result.output
    text = lines(result.output)
    assert text[3] == "2025-03-09 08:01   core    3/3 done    2 → 1   completed"
    assert text[4:11] == [
        "",
        "Your run: 3 planned days in a row.",
        "(every day counts, as the NHS suggests; a pause or today so far never ends it)",
        "First fortnight: 6 sessions in 2 weeks — well done, a habit is forming.",
        "Days with a session, per week:",
        "(the NHS suggests every day; rest days are fine)",
        "  this week      ██████· 6 of 7",
    ]
    assert [t[:7] for t in text[13:]] == ["03-08 B", "      A", "03-09 B", "      A"]


def test_json_is_the_full_log_oldest_first(week: list[int]) -> None:
    result = CliRunner().invoke(app, ["history", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert list(data) == ["sessions"]
    sessions = data["sessions"]
    assert [s["id"] for s in sessions] == week
    assert set(sessions[0]) >= {
        "id", "started_at", "ended_at", "utc_offset", "focus", "completed", "pain_before",
        "pain_after", "exercises",
    }  # fmt: skip
    stopped = sessions[4]
    assert (stopped["started_at"], stopped["completed"], stopped["pain_after"]) == (
        "2025-03-08T07:01:00Z", False, 2,
    )  # fmt: skip
    assert [(e["exercise"], e["skipped"], e["symptom_response"]) for e in stopped["exercises"]] == [
        ("prone-lying", False, "centralising"),
        ("prone-on-elbows", False, "centralising"),
        ("prone-press-up", True, None),
    ]


def test_csv_has_one_row_per_exercise(week: list[int]) -> None:
    result = CliRunner().invoke(app, ["history", "--csv", "--days", "1"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["session_id"], r["position"], r["exercise"], r["total_reps"]) for r in rows] == [
        ("6", "0", "supine-marches", "5"),
        ("6", "1", "bridge", "5"),
        ("6", "2", "bird-dog-one-limb", "5"),
    ]
    assert (rows[0]["started_at"], rows[0]["utc_offset"]) == ("2025-03-09T07:01:00Z", "+01:00")
    assert (rows[0]["pain_before"], rows[0]["pain_after"], rows[0]["completed"]) == ("2", "1", "1")


def test_empty_history_is_friendly_and_creates_nothing(isolated_home: Path) -> None:
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "No sessions recorded yet. Your history starts with your first routine.\n"
    )
    assert not history.db_path().exists()


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["--json"], '{\n  "sessions": []\n}\n'),
        (["--csv"], "session_id,started_at,ended_at,utc_offset,focus,plan_name,completed,"
                    "pain_before,pain_after,self_reported,position,exercise,exercise_name,sides,"
                    "planned_sets,planned_reps_per_set_per_side,planned_hold_seconds,planned_rest_seconds,"
                    "prescribed_sets,prescribed_reps_per_set_per_side,"
                    "sets_done,total_reps,work_seconds,skipped,skip_reason,symptom_response,"
                    "exercise_started_at,exercise_ended_at\n"),
    ],
)  # fmt: skip
def test_empty_exports_are_still_valid(args: list[str], output: str) -> None:
    result = CliRunner().invoke(app, ["history", *args])
    assert result.exit_code == 0, result.output
    assert result.output == output


def test_no_session_in_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history, "local_now", lambda: datetime(2025, 4, 1, 9, 0, tzinfo=TZ))
    fill_week(history.db_path(), SUNDAY)
    result = CliRunner().invoke(app, ["history", "--days", "7"])
    assert result.exit_code == 0, result.output
    assert result.output == "No sessions in the last 7 days.\n"


def test_corrupt_database_is_one_line_and_exit_1() -> None:
    path = history.db_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00garbage" * 100)
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 1
    assert result.output == (
        f"backex: cannot use the history database {path} (file is not a database). It is "
        f"left untouched; to start a new history, move it aside: mv {path} {path}.bak\n"
    )
    assert path.read_bytes() == b"\x00garbage" * 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--csv"], "backex: choose one of --json and --csv\n"),
    ],
)
def test_bad_options_exit_2(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["history", *args])
    assert result.exit_code == 2
    assert result.output == message


@pytest.mark.parametrize("args", [["--days", "0"], ["--limit", "0"], ["--days", "x"]])
def test_out_of_range_numbers_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["history", *args])
    assert result.exit_code == 2
    assert "Invalid value for" in result.output


def test_history_shows_each_goal_first_score_to_latest(week: list[int]) -> None:
    from backex.habits import store as habits

    with history.History.open() as store:
        socks = habits.add_goal(store, "put my socks on standing", datetime(2025, 3, 3, tzinfo=TZ))
        habits.record_score(store, socks, 3, datetime(2025, 3, 3, 9, tzinfo=TZ))
        habits.record_score(store, socks, 6, datetime(2025, 3, 9, 9, tzinfo=TZ))
        habits.add_goal(store, "walk to the shop", datetime(2025, 3, 8, tzinfo=TZ))
        old = habits.add_goal(store, "retired one", datetime(2025, 3, 3, tzinfo=TZ))
        habits.retire_goal(store, old, datetime(2025, 3, 4, tzinfo=TZ))
    result = CliRunner().invoke(app, ["history"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    start = lines.index("Goals, 0-10 (how well you can do it)")
    assert lines[start + 1 : start + 4] == [
        "  put my socks on standing: 3 → 6 (latest 9 Mar)",
        "  walk to the shop: not scored yet",
        "",
    ]
    data = json.loads(CliRunner().invoke(app, ["history", "--json"]).stdout)
    assert list(data) == ["sessions", "goals"]
    assert data["goals"][0] == {
        "text": "put my socks on standing",
        "added_at": "2025-03-02T23:00:00Z",
        "retired_at": None,
        "scores": [{"date": "2025-03-03", "score": 3}, {"date": "2025-03-09", "score": 6}],
    }
    assert data["goals"][2]["retired_at"] == "2025-03-03T23:00:00Z"
    exported = CliRunner().invoke(app, ["export", "history", "--format", "json"])
    assert exported.stdout == CliRunner().invoke(app, ["history", "--json"]).stdout


def test_goals_show_without_any_session() -> None:
    CliRunner().invoke(app, ["goal", "add", "stand for an hour"])
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 0, result.output
    assert [line.rstrip() for line in result.stdout.splitlines()[-2:]] == [
        "Goals, 0-10 (how well you can do it)",
        "  stand for an hour: not scored yet",
    ]
