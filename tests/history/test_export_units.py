"""The exported log reads with the standard library alone: UTC times ending in Z, the
local offset beside them, and named units; true across a DST change and a flight.

Also: the column list documented in the guide and in ``--help`` is the one written.
"""

import csv
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from typer.testing import CliRunner

from backex.catalogue.exercise import Dose
from backex.cli import app
from backex.history import columns
from backex.history.records import ExerciseEntry, SessionRecord, session_to_dict
from backex.history.store import History, SessionRecorder, db_path
from backex.session.types import SkipReason

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide.md"


class Clock:
    """Gives the times it was made with, one per reading."""

    def __init__(self, *times: datetime) -> None:
        self._times: Iterator[datetime] = iter(times)

    def __call__(self) -> datetime:
        return next(self._times)


def record(store: History, start: datetime, minutes: int, plan_name: str) -> int:
    """A two-exercise session from ``start``: each exercise ``minutes`` long."""
    # Real minutes (UTC arithmetic), read as the program reads the clock: each time in
    # its zone's offset at that instant.
    zone, utc = start.tzinfo, start.astimezone(UTC)
    middle, end = (utc + timedelta(minutes=n * minutes) for n in (1, 2))
    clock = Clock(*(t.astimezone(zone) for t in (start, middle, end, end)))
    recorder = SessionRecorder(store, clock)
    plan = {"items": [{"exercise": "bridge", "name": "Bridge"}, {"exercise": "pelvic-tilt"}]}
    session_id = recorder.start(plan, ["core"], 3, plan_name)
    recorder.record_exercise(
        ExerciseEntry(0, "bridge", Dose(sets=2, reps=5, hold_s=5, rest_s=30), sets_done=2,
                      reps_done=10, seconds_done=90, started_at=utc,
                      prescribed=Dose(sets=3, reps=8, hold_s=5, rest_s=30))  # trimmed to fit
    )  # fmt: skip
    recorder.record_exercise(
        ExerciseEntry(1, "pelvic-tilt", Dose(reps=5, per_side=True), skipped=True,
                      skip_reason=SkipReason.NEXT, started_at=middle)
    )  # fmt: skip
    recorder.set_pain_after(2)
    recorder.finish(completed=True)
    return session_id


# London, 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT.
BEFORE = datetime(2026, 10, 25, 0, 40, tzinfo=UTC).astimezone(LONDON)  # 01:40 BST
AFTER = datetime(2026, 10, 25, 1, 5, tzinfo=UTC).astimezone(LONDON)  # 01:05 GMT, 25 min later
# Then a flight: 21:30 in New York (EDT) on the 25th is 01:30 UTC on the 26th.
FLOWN = datetime(2026, 10, 26, 1, 30, tzinfo=UTC).astimezone(NEW_YORK)


@pytest.fixture
def recorded() -> list[int]:
    assert (BEFORE.hour, BEFORE.utcoffset()) == (1, timedelta(hours=1))
    assert (AFTER.hour, AFTER.utcoffset()) == (1, timedelta(0))
    with History.open(db_path()) as store:
        # Recorded out of order, as a file merged from two devices might be.
        return [
            record(store, AFTER, 10, "after"),
            record(store, BEFORE, 10, "spans the change"),  # 01:40 BST to 01:00 GMT
            record(store, FLOWN, 5, "flown"),
        ]


def export(*args: str) -> str:
    result = CliRunner().invoke(app, ["export", "history", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_csv_reads_back_with_csv_and_fromisoformat_across_dst(
    recorded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "log.csv"
    export("--format", "csv", "-o", str(out))
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == columns.CSV_COLUMNS
    sessions = {row["session_id"]: row for row in rows if row["position"] == "0"}
    starts = {
        key: datetime.fromisoformat(row["started_at"]) for key, row in sessions.items()
    }  # fmt: skip
    # Every time is UTC; the file's order is the order things happened.
    assert all(moment.utcoffset() == timedelta(0) for moment in starts.values())
    assert [row["plan_name"] for row in sessions.values()] == ["spans the change", "after", "flown"]
    assert list(starts.values()) == sorted(starts.values())
    # The offset gives back the patient's own clock, either side of the change.
    local = {
        row["plan_name"]: starts[key].astimezone(datetime.strptime(row["utc_offset"], "%z").tzinfo)
        for key, row in sessions.items()
    }
    assert {name: (t.strftime("%d %H:%M"), t.strftime("%z")) for name, t in local.items()} == {
        "spans the change": ("25 01:40", "+0100"),
        "after": ("25 01:05", "+0000"),
        "flown": ("25 21:30", "-0400"),
    }
    # Durations are plain subtraction, even for the session the clocks went back in:
    # 01:40 BST to 01:00 GMT is 20 minutes (the wall clocks say minus 40).
    spanning = [row for row in rows if row["plan_name"] == "spans the change"]
    ended = datetime.fromisoformat(spanning[0]["ended_at"])
    assert ended - starts[spanning[0]["session_id"]] == timedelta(minutes=20)
    took = [
        datetime.fromisoformat(r["exercise_ended_at"])
        - datetime.fromisoformat(r["exercise_started_at"])
        for r in spanning
    ]
    assert took == [timedelta(minutes=10)] * 2


def test_units_are_in_the_names(recorded: list[int]) -> None:
    bridge, tilt = list(csv.DictReader(export("--format", "csv").splitlines()))[:2]
    first_exercise_column = columns.CSV_COLUMNS.index("exercise")
    assert {k: bridge[k] for k in columns.CSV_COLUMNS[first_exercise_column:][:12]} == {
        "exercise": "bridge",
        "exercise_name": "Bridge",
        "sides": "1",
        "planned_sets": "2",
        "planned_reps_per_set_per_side": "5",
        "planned_hold_seconds": "5",
        "planned_rest_seconds": "30",
        "prescribed_sets": "3",
        "prescribed_reps_per_set_per_side": "8",
        "sets_done": "2",
        "total_reps": "10",
        "work_seconds": "90",
    }
    assert (tilt["exercise_name"], tilt["sides"], tilt["planned_hold_seconds"]) == ("", "2", "")
    assert (tilt["skipped"], tilt["skip_reason"], tilt["total_reps"]) == ("1", "next", "")
    assert (tilt["prescribed_sets"], tilt["prescribed_reps_per_set_per_side"]) == ("1", "5")


def test_the_json_carries_the_same_fields(recorded: list[int]) -> None:
    sessions = json.loads(export("--format", "json"))["sessions"]
    session_keys = [key for key, _, _ in columns.SESSION_FIELDS]
    exercise_keys = [key for key, _, _ in columns.EXERCISE_FIELDS]
    for session in sessions:
        assert list(session) == [*session_keys, "exercises"]
        assert all(list(exercise) == exercise_keys for exercise in session["exercises"])
        assert datetime.fromisoformat(session["started_at"]).utcoffset() == timedelta(0)
    assert [s["utc_offset"] for s in sessions] == ["+01:00", "+00:00", "-04:00"]


def test_since_and_until_are_the_patients_local_days(recorded: list[int]) -> None:
    # The New York session is on the 25th where it happened, though the 26th in UTC.
    text = export("--format", "json", "--since", "2026-10-25", "--until", "2026-10-25")
    assert [s["plan_name"] for s in json.loads(text)["sessions"]] == [
        "spans the change", "after", "flown",
    ]  # fmt: skip
    assert json.loads(export("--format", "json", "--since", "2026-10-26"))["sessions"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "25/10/2026"], "--since '25/10/2026' is not a date; write it like 2026-03-01"),
        (["--until", "soon"], "--until 'soon' is not a date; write it like 2026-03-01"),
        (
            ["--since", "2026-10-26", "--until", "2026-10-25"],
            "--since 2026-10-26 is after --until 2026-10-25",
        ),
    ],
)
def test_bad_days_are_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["export", "history", "--format", "csv", *args])
    assert result.exit_code == 2
    assert result.stderr == f"backex: {message}\n"


def test_an_offset_of_any_sign_and_minutes_is_written_whole() -> None:
    kathmandu = datetime(2026, 1, 5, 7, 0, tzinfo=ZoneInfo("Asia/Kathmandu"))  # +05:45
    newfoundland = datetime(2026, 1, 5, 7, 0, tzinfo=ZoneInfo("America/St_Johns"))  # -03:30
    for moment, offset, utc in [
        (kathmandu, "+05:45", "2026-01-05T01:15:00Z"),
        (newfoundland, "-03:30", "2026-01-05T10:30:00Z"),
    ]:
        record_ = SessionRecord(1, moment, None, (), {}, None, False, None, None, ())
        written = session_to_dict(record_)
        assert (written["started_at"], written["utc_offset"], written["ended_at"]) == (
            utc, offset, None,
        )  # fmt: skip


# --- the documented columns --------------------------------------------------------------


def test_the_guide_documents_every_column_as_written() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    table = re.findall(r"^\| `([a-z_]+)` \| `([a-z_]+)` \| (.*) \|$", text, flags=re.MULTILINE)
    assert table == [
        (json_name, csv_name, meaning)
        for json_name, csv_name, meaning in columns.SESSION_FIELDS + columns.EXERCISE_FIELDS
    ]


def test_help_lists_every_column() -> None:
    result = CliRunner().invoke(app, ["export", "history", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    listed = re.findall(r"^ ?([a-z_]+): ", result.stdout, flags=re.MULTILINE)
    assert tuple(listed) == columns.CSV_COLUMNS


def test_the_documented_skip_reasons_and_answers_are_the_stored_ones() -> None:
    from backex.care.mckenzie import Symptoms

    meaning = {csv: text for _, csv, text in columns.EXERCISE_FIELDS}
    assert all(f" {reason} (" in meaning["skip_reason"] for reason in SkipReason)
    assert all(answer in meaning["symptom_response"] for answer in Symptoms)
