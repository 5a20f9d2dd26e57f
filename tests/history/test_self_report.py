"""Sessions logged away from the screen (``backex done``): when, the record, and what
they count for (adherence, the run, the fortnight) and what not (moving a dose up)."""

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from backex.care.rules import Change, Light, adjust_dose
from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.history import queries
from backex.history.consistency import DAILY, planned_streak
from backex.history.export import log_csv, log_json
from backex.history.records import ExerciseEntry
from backex.history.self_report import done_plan, parse_when, record_done
from backex.history.store import History, SessionRecorder

NOW = datetime(2026, 12, 3, 9, 15, tzinfo=UTC)


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Times without an offset read as the local clock: make it UTC here."""
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("today 07:30", datetime(2026, 12, 3, 7, 30, tzinfo=UTC)),
        ("yesterday 18:30", datetime(2026, 12, 2, 18, 30, tzinfo=UTC)),
        ("Yesterday", datetime(2026, 12, 2, 9, 15, tzinfo=UTC)),
        ("3 days ago 8:05", datetime(2026, 11, 30, 8, 5, tzinfo=UTC)),
        ("2026-12-01 18:30", datetime(2026, 12, 1, 18, 30, tzinfo=UTC)),
        ("2026-12-01T18:30:00", datetime(2026, 12, 1, 18, 30, tzinfo=UTC)),
        ("2026-12-01T19:30:00+01:00", datetime(2026, 12, 1, 18, 30, tzinfo=UTC)),
        ("30 days ago 10:00", datetime(2026, 11, 3, 10, 0, tzinfo=UTC)),
    ],
)
def test_when_reads_plain_and_iso_times(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("tomorrow", "--when 'tomorrow' is in the future; log a session once it is done"),
        ("today 10:00", "--when 'today 10:00' is in the future; log a session once it is done"),
        (
            "31 days ago",
            "--when '31 days ago' is more than 30 days ago; backex done logs the last 30 days",
        ),
        (
            "2026-10-01 08:00",
            "--when '2026-10-01 08:00' is more than 30 days ago; backex done logs the last 30 days",
        ),
        ("2026-12-01", "--when '2026-12-01' needs a time of day too, like 2026-12-01 18:30"),
        ("yesterday 25:00", "--when 'yesterday 25:00': 25:00 is not a time of day"),
        (
            "last tuesday",
            "--when 'last tuesday' is not a time; write it like 2026-12-01 18:30, "
            "yesterday 18:30, 2 days ago 07:45 or now",
        ),
        (
            "now 10:00",
            "--when 'now 10:00' is not a time; write it like 2026-12-01 18:30, "
            "yesterday 18:30, 2 days ago 07:45 or now",
        ),
    ],
)
def test_when_refuses_the_future_the_old_and_the_unreadable(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_when(text, NOW)
    assert str(caught.value) == message


def _log(store: History, when: datetime, before: int | None = 2, after: int | None = 1) -> int:
    catalogue = load_catalogue()
    plan = done_plan([catalogue.get("bridge"), catalogue.get("pelvic-tilt")])
    return record_done(store, plan, when, before, after)


def test_a_logged_session_round_trips_marked_self_reported(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        session_id = _log(store, NOW - timedelta(days=1))
        (session,) = store.sessions()
        streamed = list(store.iter_sessions())
    catalogue = load_catalogue()
    bridge = catalogue.get("bridge").dose
    assert session.id == session_id and session.self_reported and session.completed
    assert session.started_at == session.ended_at == NOW - timedelta(days=1)
    assert (session.pain_before, session.pain_after) == (2, 1)
    assert [e.exercise_id for e in session.exercises] == ["bridge", "pelvic-tilt"]
    first = session.exercises[0]
    assert (first.planned, first.sets_done, first.skipped) == (bridge, bridge.sets, False)
    assert streamed == [session]
    row = next(csv.DictReader(io.StringIO(log_csv([session]))))
    assert (row["self_reported"], row["completed"]) == ("1", "1")
    assert json.loads(log_json([session]))["sessions"][0]["self_reported"] is True


def test_a_coached_session_is_not_self_reported(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        SessionRecorder(store, lambda: NOW).start({"items": []}, ["core"], 3)
        (session,) = store.sessions()
    assert not session.self_reported
    row = next(csv.DictReader(io.StringIO(log_csv([session]))))
    assert row["self_reported"] == "0"


def test_a_logged_session_counts_for_the_run_and_adherence(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        catalogue = load_catalogue()
        plan = done_plan([catalogue.get("bridge")], name="Core plan")
        for days_ago in (0, 1, 2):
            record_done(store, plan, NOW - timedelta(days=days_ago))
        per_day = list(queries.done_per_day_newest_first(store))
        started, done = queries.plan_days(store, "Core plan", NOW.date() - timedelta(days=13))
    assert planned_streak(per_day, DAILY, NOW.date()).count == 3
    assert started == NOW.date() - timedelta(days=2)
    assert sum(done.values()) == 3


GOOD = Dose(sets=1, reps=5, hold_s=5)


def _coached(store: History, at: datetime, before: int, after: int) -> None:
    recorder = SessionRecorder(store, lambda: at)
    recorder.start({"items": [{"exercise": "bridge"}]}, ["core"], before)
    recorder.record_exercise(ExerciseEntry(0, "bridge", GOOD, sets_done=1, reps_done=5))
    recorder.set_pain_after(after)
    recorder.finish(completed=True)


def _logged(store: History, at: datetime, before: int, after: int) -> None:
    bridge = load_catalogue().get("bridge")
    record_done(store, done_plan([bridge], {"bridge": GOOD}), at, before, after)


def test_logged_good_days_never_move_a_dose_up(tmp_path: Path) -> None:
    bridge = load_catalogue().get("bridge")
    with History.open(tmp_path / "h.sqlite3") as store:
        _coached(store, NOW - timedelta(days=3), 3, 1)
        _coached(store, NOW - timedelta(days=2), 3, 1)
        for hours in range(1, 30, 2):  # many good sessions logged by hand, newest
            _logged(store, NOW - timedelta(hours=hours), 3, 1)
        recent = store.recent_results_by_exercise(limit=3, now=NOW)["bridge"]
        light = store.last_session_light()
    assert sum(not r.self_reported for r in recent) == 2  # the coached ones stay in sight
    choice = adjust_dose(bridge, load_catalogue(), recent, light)
    assert choice.change is Change.KEEP
    assert choice.dose == GOOD  # the coached dose, not the catalogue's
    assert "2 of 3 good days" in choice.reason
    with History.open(tmp_path / "h.sqlite3") as store:
        _coached(store, NOW, 3, 1)  # a third coached good day moves it up
        recent = store.recent_results_by_exercise(limit=3, now=NOW + timedelta(hours=1))["bridge"]
    assert adjust_dose(bridge, load_catalogue(), recent, Light.GREEN).change is Change.LONGER_HOLD


def test_a_logged_rise_in_pain_still_eases_off(tmp_path: Path) -> None:
    bridge = load_catalogue().get("bridge")
    with History.open(tmp_path / "h.sqlite3") as store:
        for days_ago in (3, 2, 1):
            _coached(store, NOW - timedelta(days=days_ago), 3, 1)
        _logged(store, NOW - timedelta(hours=1), 3, 7)  # red: after >= 6 and higher
        recent = store.recent_results_by_exercise(limit=3, now=NOW)["bridge"]
        light = store.last_session_light()
    assert light is Light.RED
    choice = adjust_dose(bridge, load_catalogue(), recent, light)
    assert choice.change is Change.EASIER  # the bridge's easier variant
    assert choice.reason.startswith("pain rose last session")


def test_pain_out_of_range_is_refused(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store, pytest.raises(ValueError):
        _log(store, NOW, before=11)
