"""The history database: migrations, recording, queries, and the ways a file can go wrong."""

import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.history_week import TZ, FixedClock, fill_week

from backex.care.rules import Light, Symptoms
from backex.catalogue.exercise import Dose
from backex.history import store as history
from backex.history.records import ExerciseEntry
from backex.history.store import (
    SCHEMA_VERSION,
    History,
    HistoryError,
    SessionRecorder,
    session_to_dict,
)
from backex.session.types import SkipReason

DOSE = Dose(sets=1, reps=5, hold_s=5)
START = datetime(2025, 3, 3, 8, 0, tzinfo=TZ)


def recorder(store: History) -> SessionRecorder:
    return SessionRecorder(store, FixedClock(START))


def test_migrates_an_empty_file_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path):
        pass
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"session", "exercise_result", "goal", "goal_score", "checkin", "pause"}


def test_reopening_a_current_file_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path) as store:
        recorder(store).start({"items": []}, ["core"], 3)
    with History.open(path) as store:
        assert [s.pain_before for s in store.sessions()] == [3]


def test_default_path_is_in_the_data_folder(isolated_home: Path) -> None:
    assert history.db_path() == isolated_home / "data" / "history.sqlite3"


def test_a_session_is_written_as_it_happens(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        rec = recorder(store)
        plan = {"items": [{"exercise": "bridge", "name": "Bridge"}]}
        session_id = rec.start(plan, ["core"], 4, "my plan")
        assert store.sessions()[0].completed is False
        rec.record_exercise(
            ExerciseEntry(0, "bridge", DOSE, sets_done=1, reps_done=5, seconds_done=25)
        )
        rec.record_exercise(
            ExerciseEntry(
                1,
                "prone-press-up",
                DOSE,
                skipped=True,
                skip_reason=SkipReason.QUIT,
                symptoms=Symptoms.SAME,
            )
        )
        rec.set_pain_after(2)
        rec.finish(completed=True)
        (session,) = store.sessions()
    assert session_to_dict(session) == {
        "id": session_id,
        "started_at": "2025-03-03T07:01:00Z",
        "ended_at": "2025-03-03T07:04:00Z",
        "utc_offset": "+01:00",
        "focus": ["core"],
        "plan_name": "my plan",
        "completed": True,
        "pain_before": 4,
        "pain_after": 2,
        "self_reported": False,
        "exercises": [
            {
                "position": 0,
                "exercise": "bridge",
                "exercise_name": "Bridge",
                "sides": 1,
                "planned_sets": 1,
                "planned_reps_per_set_per_side": 5,
                "planned_hold_seconds": 5,
                "planned_rest_seconds": 0,
                "prescribed_sets": 1,
                "prescribed_reps_per_set_per_side": 5,
                "sets_done": 1,
                "total_reps": 5,
                "work_seconds": 25,
                "skipped": False,
                "skip_reason": None,
                "symptom_response": None,
                "started_at": None,
                "ended_at": "2025-03-03T07:02:00Z",
            },
            {
                "position": 1,
                "exercise": "prone-press-up",
                "exercise_name": None,  # not in the stored plan
                "sides": 1,
                "planned_sets": 1,
                "planned_reps_per_set_per_side": 5,
                "planned_hold_seconds": 5,
                "planned_rest_seconds": 0,
                "prescribed_sets": 1,
                "prescribed_reps_per_set_per_side": 5,
                "sets_done": 0,
                "total_reps": None,
                "work_seconds": None,
                "skipped": True,
                "skip_reason": "quit",
                "symptom_response": "same",
                "started_at": None,
                "ended_at": "2025-03-03T07:03:00Z",
            },
        ],
    }


def test_recording_a_position_again_replaces_it(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        rec = recorder(store)
        rec.start({}, ["core"], None)
        rec.record_exercise(ExerciseEntry(0, "bridge", DOSE, skipped=True))
        rec.record_exercise(ExerciseEntry(0, "bridge", DOSE, sets_done=1, reps_done=5))
        (entry,) = store.sessions()[0].exercises
    assert (entry.skipped, entry.reps_done) == (False, 5)


def test_out_of_range_pain_is_refused_before_it_reaches_the_file(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        with pytest.raises(ValueError, match="pain score out of range: 11"):
            recorder(store).start({}, ["core"], 11)
        assert store.sessions() == []


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ([], None),
        (["start"], 0),
        (["start", "ex0", "ex1"], 2),
        (["start", "ex0", "finish-stopped"], 1),
        (["start", "ex0", "ex1", "finish-done"], None),
        (["start", "ex0", "skip1", "quit2", "quit3", "finish-stopped"], 2),
        (["start", "quit0", "quit1", "finish-stopped"], 0),
    ],
)
def test_last_incomplete_says_where_to_continue(
    tmp_path: Path, steps: list[str], expected: int | None
) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        rec = recorder(store)
        for step in steps:
            if step == "start":
                rec.start({"items": [1, 2, 3]}, ["mckenzie"], 2)
            elif step.startswith("ex"):
                rec.record_exercise(ExerciseEntry(int(step[2:]), "prone-lying", DOSE, sets_done=1))
            elif step.startswith(("skip", "quit")):  # skipped with `n`, or ended by quitting
                reason = SkipReason.NEXT if step.startswith("skip") else SkipReason.QUIT
                position = int(step[4:])
                entry = ExerciseEntry(position, "bridge", DOSE, skipped=True, skip_reason=reason)
                rec.record_exercise(entry)
            else:
                rec.finish(completed=step == "finish-done")
        point = store.last_incomplete()
    assert (point.next_position if point else None) == expected
    if point:
        assert (point.plan, point.focus) == ({"items": [1, 2, 3]}, ("mckenzie",))


def test_resume_keeps_writing_into_the_same_session(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path) as store:
        rec = recorder(store)
        rec.start({}, ["core"], 2)
        rec.record_exercise(ExerciseEntry(0, "bridge", DOSE, sets_done=1, reps_done=5))
        rec.finish(completed=False)
    with History.open(path) as store:
        point = store.last_incomplete()
        assert point is not None
        rec = recorder(store)
        rec.resume(point.session_id)
        assert store.sessions()[0].ended_at is None
        rec.record_exercise(
            ExerciseEntry(point.next_position, "pelvic-tilt", DOSE, sets_done=1, reps_done=5)
        )
        rec.finish(completed=True)
        (session,) = store.sessions()
    assert [e.exercise_id for e in session.exercises] == ["bridge", "pelvic-tilt"]
    assert session.completed


def test_recent_results_newest_first_with_session_pain(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    fill_week(path, date(2025, 3, 9))
    with History.open(path) as store:
        results = store.recent_results("bridge", limit=3)
        light = store.last_session_light()
    assert [(r.started_at.day, r.pain_before, r.pain_after) for r in results] == [
        (9, 2, 1), (7, 3, 2), (4, 5, 3),
    ]  # fmt: skip
    assert all(r.planned.reps == 5 and not r.skipped for r in results)
    assert light is Light.GREEN


def test_sessions_since_and_limit(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    ids = fill_week(path, date(2025, 3, 9))
    with History.open(path) as store:
        assert [s.id for s in store.sessions()] == ids[::-1]
        assert [s.id for s in store.sessions(limit=2)] == ids[:-3:-1]
        assert [s.id for s in store.sessions(since_day=date(2025, 3, 8))] == ids[:-3:-1]


def test_garbage_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    garbage = b"this is not a database\x00" * 200
    path.write_bytes(garbage)
    with pytest.raises(HistoryError) as caught:
        History.open(path)
    assert str(caught.value) == (
        f"cannot use the history database {path} (file is not a database). It is left "
        f"untouched; to start a new history, move it aside: mv {path} {path}.bak"
    )
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.sqlite3"]


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = tmp_path / "h.sqlite3"
    with History.open(path):
        pass
    path.chmod(0)
    with pytest.raises(HistoryError, match=r"move it aside: mv .*h\.sqlite3 .*h\.sqlite3\.bak"):
        History.open(path)


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.mkdir()
    with pytest.raises(HistoryError, match=r"cannot use the history database .*mv "):
        History.open(path)
    assert path.is_dir()


def test_newer_schema_is_refused_not_downgraded(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path):
        pass
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(HistoryError) as caught:
        History.open(path)
    assert str(caught.value) == (
        f"{path} was written by a newer backex (history schema {SCHEMA_VERSION + 1}; this "
        f"one knows up to {SCHEMA_VERSION}). Update backex; the file is left as it is."
    )
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1


CHILD_PRELUDE = """
import sys
from pathlib import Path
from backex.catalogue.exercise import Dose
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder
store = History.open(Path(sys.argv[1]))
rec = SessionRecorder(store)
"""


def run_child(code: str, *args: str) -> "subprocess.Popen[str]":
    source = CHILD_PRELUDE + textwrap.dedent(code)
    return subprocess.Popen(
        [sys.executable, "-c", source, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_killed_process_keeps_what_it_recorded(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    child = run_child(
        """
        rec.start({"items": [0, 1, 2, 3, 4]}, ["core"], 3)
        for position in range(3):
            done = ExerciseEntry(position, "bridge", Dose(1, 5, 5), sets_done=1, reps_done=5)
            rec.record_exercise(done)
        print("recorded", flush=True)
        sys.stdin.read()  # wait here until killed
        """,
        str(path),
    )
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline() == "recorded\n"
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stdin.close()
    child.stdout.close()
    with History.open(path) as store:
        (session,) = store.sessions()
        point = store.last_incomplete()
    assert (session.completed, session.ended_at, session.pain_before) == (False, None, 3)
    assert [e.position for e in session.exercises] == [0, 1, 2]
    assert point is not None and point.next_position == 3


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"  # both children also race to create and migrate it
    code = """
    print("ready", flush=True)
    sys.stdin.readline()  # start together
    rec.start({}, ["core"], 2)
    for position in range(50):
        done = ExerciseEntry(position, "bridge", Dose(1, 5, 5), sets_done=1, reps_done=5)
        rec.record_exercise(done)
    rec.finish(completed=True)
    print("done", flush=True)
    """
    children = [run_child(code, str(path)) for _ in range(2)]
    for child in children:
        assert child.stdout is not None
        assert child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, _ = child.communicate(timeout=60)
        assert (child.returncode, out) == (0, "done\n")
    with History.open(path) as store:
        sessions = store.sessions()
    assert [len(s.exercises) for s in sessions] == [50, 50]
    assert all(s.completed for s in sessions)


def test_json_export_timestamps_are_utc_with_the_local_offset(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    fill_week(path, date(2025, 3, 9))
    with History.open(path) as store:
        data = [session_to_dict(s) for s in store.sessions()]
    json.dumps(data)
    for session in data:
        assert session["started_at"].endswith("Z") and session["utc_offset"] == "+01:00"
        start = datetime.fromisoformat(session["started_at"])
        assert start.utcoffset() == timedelta(0)
        assert start.astimezone(timezone(timedelta(hours=1))).hour == 8  # fill_week's 08:01


def test_a_later_migration_upgrades_an_older_file_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backex.history import schema as history_schema

    path = tmp_path / "h.sqlite3"
    with History.open(path) as store:
        recorder(store).start({}, ["core"], 3)
    extra = ("ALTER TABLE session ADD COLUMN note TEXT", "UPDATE session SET note = 'moved'")
    monkeypatch.setattr(history_schema, "MIGRATIONS", (*history_schema.MIGRATIONS, extra))
    monkeypatch.setattr(history_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with History.open(path) as store:
        assert [s.pain_before for s in store.sessions()] == [3]
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert db.execute("SELECT note FROM session").fetchall() == [("moved",)]


def test_a_failed_migration_leaves_the_file_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from backex.history import schema as history_schema

    path = tmp_path / "h.sqlite3"
    with History.open(path):
        pass
    broken = ("ALTER TABLE session ADD COLUMN note TEXT", "ALTER TABLE nowhere ADD COLUMN x")
    monkeypatch.setattr(history_schema, "MIGRATIONS", (*history_schema.MIGRATIONS, broken))
    monkeypatch.setattr(history_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(HistoryError, match="no such table: nowhere"):
        History.open(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [row[1] for row in db.execute("PRAGMA table_info(session)")]
    assert "note" not in columns


def test_opening_waits_while_another_process_creates_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite refuses the switch to WAL at once while another connection writes."""
    import time

    path = tmp_path / "h.sqlite3"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE unrelated (x)")
    waits: list[float] = []

    def other_finishes(seconds: float) -> None:  # instead of sleeping, let the other commit
        waits.append(seconds)
        if other.in_transaction:
            other.execute("ROLLBACK")

    monkeypatch.setattr(time, "sleep", other_finishes)
    with History.open(path) as store:
        assert store.sessions() == []
    assert waits == [0.01]
    other.close()


def test_recent_results_by_exercise_matches_recent_results(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        for pain in range(5):
            rec = recorder(store)
            rec.start({}, ["core"], pain)
            rec.record_exercise(ExerciseEntry(0, "bridge", DOSE, sets_done=1, reps_done=pain))
            if pain % 2:
                rec.record_exercise(ExerciseEntry(1, "pelvic-tilt", DOSE, sets_done=1))
            rec.finish(completed=True)
        everything = store.recent_results_by_exercise(now=START)
        assert everything == {
            "bridge": store.recent_results("bridge"),
            "pelvic-tilt": store.recent_results("pelvic-tilt"),
        }
    assert [r.reps_done for r in everything["bridge"]] == [4, 3, 2]
    assert len(everything["pelvic-tilt"]) == 2


def test_progression_reads_only_the_recent_past(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        rec = recorder(store)
        rec.start({}, ["core"], 2)
        rec.record_exercise(ExerciseEntry(0, "bridge", DOSE, sets_done=1, reps_done=5))
        rec.finish(completed=True)
        assert store.recent_results_by_exercise(now=START + timedelta(days=89))
        assert store.recent_results_by_exercise(now=START + timedelta(days=91)) == {}


@pytest.mark.parametrize(
    ("answers", "light"),
    [
        ([Symptoms.CENTRALISING], Light.AMBER),  # "better": the rise is expected, not red
        ([Symptoms.CENTRALISING, Symptoms.PERIPHERALISING], Light.RED),  # spreading: red
        ([Symptoms.SAME], Light.RED),
        ([], Light.RED),
    ],
)
def test_last_light_a_rise_after_better_is_not_red(
    tmp_path: Path, answers: list[Symptoms], light: Light
) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        rec = recorder(store)
        rec.start({"items": []}, ["mckenzie"], 3)
        for position, answer in enumerate(answers):
            rec.record_exercise(
                ExerciseEntry(position, "prone-press-up", DOSE, 1, 5, symptoms=answer)
            )
        rec.set_pain_after(7)
        rec.finish(completed=True)
        assert store.last_session_light() is light
