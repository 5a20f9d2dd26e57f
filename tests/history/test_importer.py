"""Exported history files read back into records: both export shapes, JSON and CSV."""

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.report_fortnight import fill_fortnight

from backex.catalogue.exercise import Dose
from backex.errors import BackexError
from backex.history.export import log_csv, log_json
from backex.history.importer import read_history_file
from backex.history.records import SessionRecord
from backex.history.store import History


@pytest.fixture
def stored(tmp_path: Path) -> list[SessionRecord]:
    path = tmp_path / "history.sqlite3"
    fill_fortnight(path)
    with History.open(path) as history:
        return list(history.sessions())


def _same(record: SessionRecord) -> tuple[object, ...]:
    return (
        record.id,
        record.started_at,
        record.started_at.utcoffset(),
        record.completed,
        record.pain_before,
        record.pain_after,
        record.plan_name,
        tuple(
            (e.position, e.exercise_id, e.planned.reps, e.planned.hold_s, e.sets_done,
             e.reps_done, e.skipped, e.skip_reason, e.symptoms)
            for e in record.exercises
        ),
    )  # fmt: skip


@pytest.mark.parametrize(("suffix", "render"), [("json", log_json), ("csv", log_csv)])
def test_this_programs_exports_read_back(
    tmp_path: Path, stored: list[SessionRecord], suffix: str, render: object
) -> None:
    path = tmp_path / f"export.{suffix}"
    path.write_text(render(stored), encoding="utf-8")  # type: ignore[operator]
    imported = read_history_file(path)
    assert [_same(s) for s in imported.sessions] == [_same(s) for s in reversed(stored)]
    offsets = {s.started_at.utcoffset() for s in imported.sessions}
    assert offsets == {timedelta(hours=1), timedelta(0)}  # across the DST change


CURRENT_JSON = """{"sessions": [{"id": 7, "started_at": "2025-10-26T07:30:00Z",
 "ended_at": "2025-10-26T07:45:00Z", "utc_offset": "+01:00", "focus": ["mckenzie"],
 "plan_name": "P", "completed": true, "pain_before": 4, "pain_after": 3,
 "self_reported": false, "exercises": [{"position": 0, "exercise": "prone-press-up",
 "exercise_name": "Prone press-up", "sides": 1, "planned_sets": 2,
 "planned_reps_per_set_per_side": 5, "planned_hold_seconds": 1, "sets_done": 2,
 "total_reps": 10, "work_seconds": 20, "skipped": false, "skip_reason": null,
 "symptom_response": "centralising", "started_at": "2025-10-26T07:31:00Z",
 "ended_at": "2025-10-26T07:33:00Z"}]}]}"""
CURRENT_CSV = (
    "id,started_at,ended_at,utc_offset,focus,plan_name,completed,pain_before,pain_after,"
    "self_reported,position,exercise,exercise_name,sides,planned_sets,"
    "planned_reps_per_set_per_side,planned_hold_seconds,sets_done,total_reps,work_seconds,"
    "skipped,skip_reason,symptom_response,started_at,ended_at\n"
    "7,2025-10-26T07:30:00Z,2025-10-26T07:45:00Z,+01:00,mckenzie,P,1,4,3,0,0,"
    "prone-press-up,Prone press-up,1,2,5,1,2,10,20,0,,centralising,"
    "2025-10-26T07:31:00Z,2025-10-26T07:33:00Z\n"
)


@pytest.mark.parametrize(("suffix", "text"), [("json", CURRENT_JSON), ("csv", CURRENT_CSV)])
def test_the_current_export_shape_reads(tmp_path: Path, suffix: str, text: str) -> None:
    path = tmp_path / f"export.{suffix}"
    path.write_text(text, encoding="utf-8")
    imported = read_history_file(path)
    (session,) = imported.sessions
    local = timezone(timedelta(hours=1))
    assert session.started_at == datetime(2025, 10, 26, 7, 30, tzinfo=UTC)
    assert session.started_at.utcoffset() == timedelta(hours=1)  # the patient's own clock
    assert session.started_at.astimezone(local).hour == 8
    (entry,) = session.exercises
    assert (entry.exercise_id, entry.planned, entry.reps_done, entry.seconds_done) == (
        "prone-press-up",
        Dose(sets=2, reps=5, hold_s=1),
        10,
        20,
    )
    assert entry.started_at == datetime(2025, 10, 26, 7, 31, tzinfo=UTC)
    assert imported.names == {"prone-press-up": "Prone press-up"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON (line 1: Expecting property name enclosed in double quotes)"),
        ('{"rows": []}', "not a backex history export (KeyError: 'sessions')"),
        ("a,b\n1,2\n", "not a backex history export (ValueError: no id and started_at columns)"),
        (
            '{"sessions": [{"id": 1, "started_at": "2025-01-01T08:00:00"}]}',
            "not a backex history export (ValueError: time '2025-01-01T08:00:00' has no "
            "UTC offset)",
        ),
    ],
)
def test_a_file_that_is_not_an_export_says_so(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "sent.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BackexError) as caught:
        read_history_file(path)
    assert str(caught.value) == f"{path}: {message}"


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(BackexError) as caught:
        read_history_file(tmp_path / "nope.csv")
    assert str(caught.value) == f"{tmp_path / 'nope.csv'}: no such file"
