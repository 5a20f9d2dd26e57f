"""The full session log as text for a clinician: JSON or CSV (oldest session first).

One implementation for ``backex history --json/--csv`` and ``backex export history``.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from backex.history.records import SessionRecord, session_to_dict
from backex.text import csv_cell

if TYPE_CHECKING:
    from backex.history.store import History

CSV_COLUMNS = (
    "session_id", "session_started_at", "session_ended_at", "focus", "plan_name",
    "completed", "pain_before", "pain_after", "position", "exercise", "planned_sets",
    "planned_reps", "planned_hold_s", "planned_per_side", "sets_done", "reps_done",
    "seconds_done", "skipped", "skip_reason", "symptom_response", "exercise_started_at",
    "exercise_ended_at",
)  # fmt: skip


class SafeCsvWriter:
    """A csv writer whose text cells a spreadsheet shows, never runs (see ``csv_cell``)."""

    def __init__(self, buffer: io.StringIO) -> None:
        self._writer = csv.writer(buffer, lineterminator="\n")

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow([csv_cell(value) for value in row])


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


def stored_sessions(first_day: date | None = None) -> list[SessionRecord]:
    """Every recorded session, newest first (from the local day ``first_day`` on)."""
    with stored_history() as store:
        return [] if store is None else store.sessions(since_day=first_day)


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


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def log_csv(sessions: Iterable[SessionRecord]) -> str:
    """One row per exercise, oldest first, with its session's columns."""
    return "".join(log_csv_chunks(sessions))


def log_csv_chunks(sessions: Iterable[SessionRecord]) -> Iterator[str]:
    """:func:`log_csv` a session at a time (``sessions`` oldest first).

    A session without any exercise gets one row with the exercise columns empty.
    """
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        head = [s.id, _iso(s.started_at), _iso(s.ended_at), ",".join(s.focus), s.plan_name,
                int(s.completed), s.pain_before, s.pain_after]  # fmt: skip
        if not s.exercises:
            writer.writerow(head + [None] * (len(CSV_COLUMNS) - len(head)))
        for e in s.exercises:
            writer.writerow(
                [*head, e.position, e.exercise_id, e.planned.sets, e.planned.reps,
                 e.planned.hold_s, int(e.planned.per_side), e.sets_done, e.reps_done,
                 e.seconds_done, int(e.skipped), e.skip_reason,
                 str(e.symptoms) if e.symptoms else None, _iso(e.started_at), _iso(e.ended_at)]
            )  # fmt: skip
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
