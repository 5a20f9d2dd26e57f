"""A history kept for decades: every command works on it, and time zones never reorder it."""

import csv
import io
import json
import re
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from helpers.history_week import FixedClock, fill_week
from typer.testing import CliRunner

from backex.catalogue.exercise import Dose
from backex.cli import app
from backex.history.export import log_json
from backex.history.records import (
    ENTRY_COLUMNS,
    ExerciseEntry,
    SessionRecord,
    entry_to_row,
    session_from_row,
    session_to_dict,
)
from backex.history.schema import DAY_OF, UTC_OF
from backex.history.store import History, SessionRecorder, db_path

SESSIONS = 41_000  # past SQLite's default limit of 32,766 bound variables


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """41,000 sessions, one every 8 hours back from today, written with executemany."""
    home = tmp_path_factory.mktemp("long-history")
    path = home / "data" / "history.sqlite3"
    path.parent.mkdir()
    History.open(path).close()  # the program's own schema and migrations
    now = datetime.now().astimezone().replace(microsecond=0)
    starts = [(now - timedelta(hours=8 * n)).isoformat() for n in range(SESSIONS, 0, -1)]
    plan = json.dumps({"total_s": 60, "items": [{"exercise": "bridge"}]})
    entry = ExerciseEntry(0, "bridge", Dose(reps=5, hold_s=5), sets_done=1, reps_done=5)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO session (id, started_at, started_utc, local_day, ended_at, focus, plan,"
            f" plan_name, completed, pain_before, pain_after) VALUES (?, ?, {UTC_OF.format('?')},"
            f" {DAY_OF.format('?')}, ?, '[\"core\"]', ?, 'Long plan', 1, 3, 2)",
            [(n, at, at, at, at, plan) for n, at in enumerate(starts, start=1)],
        )
        columns = ", ".join(ENTRY_COLUMNS)
        marks = ", ".join("?" * len(ENTRY_COLUMNS))
        db.executemany(
            f"INSERT INTO exercise_result (session_id, {columns}) VALUES (?, {marks})",
            [(n, *entry_to_row(entry)) for n in range(1, SESSIONS + 1)],
        )
    return home


def run(home: Path, *args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"BACKEX_HOME": str(home)})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_history_lists_ten_of_41000_with_the_streak(long_history: Path) -> None:
    out = run(long_history, "history")
    assert "damaged" not in out and "cannot use" not in out
    assert "planned days in a row." in out
    assert out.count("Long plan") >= 1


def test_json_and_csv_carry_every_session(long_history: Path) -> None:
    sessions = json.loads(run(long_history, "history", "--json"))["sessions"]
    assert len(sessions) == SESSIONS
    assert [s["id"] for s in sessions[:3]] == [1, 2, 3]  # oldest first
    rows = list(csv.reader(io.StringIO(run(long_history, "export", "history", "--format", "csv"))))
    assert len(rows) == SESSIONS + 1


def test_since_and_until_bound_the_export(long_history: Path) -> None:
    today = date.today()
    text = run(
        long_history, "export", "history", "--format", "json",
        "--since", (today - timedelta(days=2)).isoformat(), "--until", today.isoformat(),
    )  # fmt: skip
    days = {s["started_at"][:10] for s in json.loads(text)["sessions"]}
    assert days and all(today - timedelta(days=2) <= date.fromisoformat(d) for d in days)


def test_routine_dry_run_and_resume_point_on_a_long_history(long_history: Path) -> None:
    assert "Bridge" in run(long_history, "routine", "--dry-run")


# --- time zones -----------------------------------------------------------------------------


def record_at(store: History, at: datetime, name: str, completed: bool = True) -> int:
    recorder = SessionRecorder(store, FixedClock(at))
    session_id = recorder.start({"items": [{"exercise": "bridge"}]}, ["core"], 2, name)
    recorder.record_exercise(ExerciseEntry(0, "bridge", Dose(reps=5), sets_done=1, reps_done=5))
    if completed:
        recorder.finish(completed=True)
    return session_id


def test_sessions_keep_their_true_order_across_time_zones_and_dst(tmp_path: Path) -> None:
    # What datetime.now().astimezone() gives in London either side of the clocks going back.
    bst, gmt = timezone(timedelta(hours=1)), UTC
    assert datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("Europe/London")).utcoffset() == (
        timedelta(hours=1)
    )
    with History.open(tmp_path / "h.sqlite3") as store:
        # 01:30 BST, then the clocks go back: 01:10 GMT is 40 minutes *later*.
        first = record_at(store, datetime(2026, 10, 25, 1, 30, tzinfo=bst), "a")
        second = record_at(store, datetime(2026, 10, 25, 1, 10, tzinfo=gmt), "b")
        # A flight to New York: 20:00 local there is 01:00 UTC the next day, after both.
        third = record_at(
            store, datetime(2026, 10, 24, 21, 30, tzinfo=timezone(timedelta(hours=-4))), "c"
        )
        ordered = [s.id for s in store.sessions()]
    assert ordered == [third, second, first]


def test_resume_picks_the_latest_instant_not_the_latest_text(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        # Unfinished in Tokyo at 09:00 (00:00 UTC) ...
        tokyo = record_at(
            store, datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=9))), "t", False
        )
        # ... then finished in London at 08:00 the same day (08:00 UTC): the newest.
        record_at(store, datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "l")
        assert store.last_incomplete() is None  # the newest session was completed
        ids = [s.id for s in store.sessions()]
    assert ids[-1] == tokyo


def test_a_file_from_before_the_utc_column_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    ids = fill_week(path, date(2025, 3, 9))
    with sqlite3.connect(path) as db:  # undo the migrations after 1, as an older backex left it
        db.execute("ALTER TABLE session DROP COLUMN self_reported")
        for table in ("pause", "goal_score", "goal", "checkin"):
            db.execute(f"DROP TABLE {table}")
        db.execute("ALTER TABLE exercise_result DROP COLUMN prescribed")
        db.execute("DROP INDEX session_by_utc")
        db.execute("DROP INDEX session_by_day")
        db.execute("DROP INDEX session_by_plan")
        db.execute("ALTER TABLE session DROP COLUMN started_utc")
        db.execute("ALTER TABLE session DROP COLUMN local_day")
        db.execute("PRAGMA user_version = 1")
    with History.open(path) as store:
        assert [s.id for s in store.sessions()] == ids[::-1]
    with sqlite3.connect(path) as db:
        (utc,) = db.execute("SELECT started_utc FROM session WHERE id = ?", (ids[0],)).fetchone()
    assert utc.endswith("Z") and utc[11:13] == "07"  # 08:00 at +01:00


def test_the_streamed_json_is_the_document_json_dumps_gives(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    fill_week(path, date(2025, 3, 9))
    with History.open(path) as store:
        sessions = list(store.iter_sessions())
    expected = json.dumps({"sessions": [session_to_dict(s) for s in sessions]}, indent=2)
    assert log_json(sessions) == expected + "\n"
    assert db_path().name == "history.sqlite3"


def test_history_against_a_plan_followed_41000_times(long_history: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Long plan\nfrequency: 3x-daily\nexercises: [bridge]\n", "utf-8")
    out = run(long_history, "history", "--plan", str(plan))
    assert 'Plan "Long plan": 3 times a day' in out
    adherence = json.loads(run(long_history, "history", "--plan", str(plan), "--json"))["adherence"]
    assert 38 <= adherence["recent"]["done"] <= 42  # one every 8 hours over 14 days, today so far


def test_report_reads_only_its_fortnight_of_41000(
    long_history: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backex.history import store as history_store

    decoded: list[int] = []

    def counted(row: Any, exercises: tuple[ExerciseEntry, ...]) -> SessionRecord:
        decoded.append(row["id"])
        return session_from_row(row, exercises)

    monkeypatch.setattr(history_store, "session_from_row", counted)
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: Long plan\nfrequency: 3x-daily\nexercises: [bridge]\n", "utf-8")
    since = (date.today() - timedelta(days=13)).isoformat()
    out = run(long_history, "report", "--plan", str(plan), "--since", since, "--format", "md")
    assert "Follow-up report: Long plan" in out
    done = int(re.search(r"Sessions:\*\* (\d+) of", out).group(1))  # type: ignore[union-attr]
    assert 38 <= done <= 42  # one every 8 hours over 14 days
    assert len(decoded) == done  # the fortnight's sessions, not the 41,000
