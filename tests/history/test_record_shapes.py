"""History records and the database's columns are kept in step by the records themselves.

An exercise row is written and read through ``ENTRY_COLUMNS``, derived from
:class:`ExerciseEntry`'s fields; a field added to the record without a column (or a
column without a field) fails here, not at a user's next session.
"""

import sqlite3
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose, Tempo
from backex.history.records import (
    ENTRY_COLUMNS,
    ExerciseEntry,
    SessionRecord,
    entry_from_row,
    entry_to_row,
)
from backex.history.schema import DERIVED_COLUMNS
from backex.history.store import History
from backex.session.types import SkipReason


def table_columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [row[1] for row in db.execute(f"PRAGMA table_info({table})")]


def test_every_entry_field_has_its_column_and_every_column_its_field(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    History.open(path).close()
    assert len(ENTRY_COLUMNS) == len(fields(ExerciseEntry))
    assert set(table_columns(path, "exercise_result")) == {"session_id", *ENTRY_COLUMNS}


def test_every_session_column_is_a_record_field(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    History.open(path).close()
    record_fields = {f.name for f in fields(SessionRecord)} - {"exercises"}
    assert set(table_columns(path, "session")) == record_fields | DERIVED_COLUMNS


def test_an_entry_survives_its_row_and_back() -> None:
    entry = ExerciseEntry(
        position=2,
        exercise_id="prone-press-up",
        planned=Dose(sets=2, reps=10, hold_s=1, rest_s=30, tempo=Tempo(2, 3)),
        sets_done=1,
        reps_done=10,
        seconds_done=50,
        skipped=True,
        skip_reason=SkipReason.SYMPTOMS,
        symptoms=Symptoms.PERIPHERALISING,
        started_at=datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
        ended_at=datetime(2026, 3, 29, 1, 31, tzinfo=UTC),
    )
    row = dict(zip(ENTRY_COLUMNS, entry_to_row(entry), strict=True))
    assert entry_from_row(row) == entry


def test_a_skip_reason_written_by_another_program_reads_as_unknown() -> None:
    row = dict(
        zip(ENTRY_COLUMNS, entry_to_row(ExerciseEntry(0, "bridge", Dose(reps=5))), strict=True)
    )
    row["skipped"], row["skip_reason"] = 1, "felt dizzy"
    entry = entry_from_row(row)
    assert (entry.skipped, entry.skip_reason) == (True, None)
