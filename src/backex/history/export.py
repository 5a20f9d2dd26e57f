"""The full session log as text for a clinician: JSON or CSV (oldest session first).

One implementation for ``backex history --json/--csv`` and ``backex export history``.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from backex.history.columns import CSV_COLUMNS, EXERCISE_FIELDS, SESSION_FIELDS
from backex.history.records import SessionRecord, session_to_dict
from backex.text import csv_cell

if TYPE_CHECKING:
    from backex.history.store import History


class SafeCsvWriter:
    """A csv writer whose text cells a spreadsheet shows, never runs (see ``csv_cell``).

    ``exact`` are the indexes of columns the program fills from a fixed pattern (a UTC
    offset such as ``-04:00``): never author text, so written as they are.
    """

    def __init__(self, buffer: io.StringIO, exact: frozenset[int] = frozenset()) -> None:
        self._writer = csv.writer(buffer, lineterminator="\n")
        self._exact = exact

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow(
            [
                csv_cell(value) if value.__class__ is str and i not in self._exact else value
                for i, value in enumerate(row)
            ]
        )


@contextmanager
def stored_history() -> Iterator["History | None"]:
    """The history store if there is one; None without a file (and no file is created)."""
    from backex.history.store import History, db_path

    path = db_path()
    if not path.exists():
        yield None
        return
    with History.open(path) as store:
        yield store


def log_json(sessions: Iterable[SessionRecord], **extra: Any) -> str:
    """``{"sessions": [...]}`` oldest first, plus any ``extra`` top-level keys."""
    return "".join(log_json_chunks(sessions, **extra))


def log_json_chunks(sessions: Iterable[SessionRecord], **extra: Any) -> Iterator[str]:
    """:func:`log_json` a session at a time, for histories too long to hold in memory.

    ``sessions`` come oldest first. The text is what ``json.dumps(..., indent=2)`` of the
    whole document gives.
    """
    yield '{\n  "sessions": ['
    first = True
    for session in sessions:
        record = json.dumps(session_to_dict(session), indent=2).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + record
        first = False
    yield "]" if first else "\n  ]"
    for key, value in extra.items():
        yield f",\n  {json.dumps(key)}: " + json.dumps(value, indent=2).replace("\n", "\n  ")
    yield "\n}\n"


def log_csv(sessions: Iterable[SessionRecord]) -> str:
    """One row per exercise, oldest first, with its session's columns."""
    return "".join(log_csv_chunks(sessions))


def log_csv_chunks(sessions: Iterable[SessionRecord]) -> Iterator[str]:
    """:func:`log_csv` a session at a time (``sessions`` oldest first).

    Each row is :func:`session_to_dict` flattened: the session's fields, then one
    exercise's (:mod:`backex.history.columns`); lists are comma-separated, true and
    false are 1 and 0. A session without any exercise gets one row with the exercise
    columns empty.
    """
    session_cells = itemgetter(*(key for key, _, _ in SESSION_FIELDS))
    exercise_cells = itemgetter(*(key for key, _, _ in EXERCISE_FIELDS))
    no_exercise = (None,) * len(EXERCISE_FIELDS)
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer, exact=frozenset({CSV_COLUMNS.index("utc_offset")}))
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        record = session_to_dict(session)
        record.update(
            focus=",".join(record["focus"]),
            completed=int(record["completed"]),
            self_reported=int(record["self_reported"]),
        )
        head = session_cells(record)
        if not record["exercises"]:
            writer.writerow(head + no_exercise)
        for exercise in record["exercises"]:
            exercise["skipped"] = int(exercise["skipped"])
            writer.writerow(head + exercise_cells(exercise))
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
