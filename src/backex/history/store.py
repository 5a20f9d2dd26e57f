"""The session history: a SQLite file in the data folder, written as a session happens.

``paths.data_dir() / "history.sqlite3"``; ``PRAGMA user_version`` is the schema version
and :data:`MIGRATIONS` brings any older file up to date. WAL mode and a busy timeout let
two backex processes write at once without losing rows. Every write is its own short
transaction, so a killed process leaves everything done so far, marked incomplete
(``completed = 0``, ``ended_at`` NULL). A file that is not a database, or one written by
a newer backex, is never touched: :class:`HistoryError` names it and says how to move it
aside.

How the routine records a session (see :class:`SessionRecorder`)::

    with History.open() as history:
        recorder = SessionRecorder(history)
        recorder.start(plan_summary(plan), plan.focus, pain_before, plan.name or None)
        recorder.record_exercise(ExerciseEntry(0, "bridge", dose, sets_done=1, reps_done=5))
        recorder.record_exercise(ExerciseEntry(1, "prone-press-up", dose, skipped=True))
        recorder.set_pain_after(2)
        recorder.finish(completed=True)

``--resume``: ``history.last_incomplete()`` gives the session, its plan JSON and the
position to continue from (the first exercise neither done nor skipped on purpose);
``recorder.resume(point.session_id)`` keeps writing into it. The routine gives the planner
``history.recent_results_by_exercise()`` and ``history.last_session_light()`` for
:func:`backex.care.rules.adjust_dose`.

``sqlite3`` is imported only when a database is opened.
"""

import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from backex import paths
from backex.care.rules import Light, PastResult, Symptoms, traffic_light
from backex.errors import HistoryError
from backex.history.records import (
    ENTRY_COLUMNS,
    ExerciseEntry,
    PlanDoc,
    ResumePoint,
    SessionRecord,
    dose_from_dict,
    entry_from_row,
    entry_to_row,
    plan_summary,
    session_from_row,
    session_to_dict,
)
from backex.history.schema import (
    BUSY_TIMEOUT_MS,
    DAY_OF,
    DB_FILE,
    SCHEMA_VERSION,
    UTC_OF,
    prepare,
    translated,
)
from backex.session.types import SkipReason

if TYPE_CHECKING:
    import sqlite3

# Progression looks back this far at most (it uses the last few results of each exercise).
RECENT_DAYS = 90

# The records and errors callers need come from here too.
__all__ = [
    "SCHEMA_VERSION",
    "ExerciseEntry",
    "History",
    "HistoryError",
    "ResumePoint",
    "SessionRecord",
    "SessionRecorder",
    "db_path",
    "local_now",
    "plan_summary",
    "session_to_dict",
]


def db_path() -> Path:
    """Where the history lives."""
    return paths.data_dir() / DB_FILE


NOW_ENV = "BACKEX_NOW"  # an ISO time with offset: tests move "now" (the next morning, ...)


def local_now() -> datetime:
    """Now, to the second, with the local UTC offset (or :data:`NOW_ENV` when set)."""
    given = os.environ.get(NOW_ENV)
    if given:
        return datetime.fromisoformat(given).astimezone()
    return datetime.now().astimezone().replace(microsecond=0)


def check_pain(pain: int | None) -> None:
    if pain is not None and not 0 <= pain <= 10:
        raise ValueError(f"pain score out of range: {pain}")


class History:
    """An open history database. Use :meth:`open` (a context manager)."""

    def __init__(self, path: Path, connection: "sqlite3.Connection") -> None:
        self.path = path
        self._db = connection

    @classmethod
    def open(cls, path: Path | None = None) -> Self:
        """Open (creating and migrating if needed) the history at ``path``."""
        import sqlite3

        path = path or db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(f"cannot create the folder for {path}: {exc.strerror}") from None
        with translated(path):
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                prepare(connection, path)
            except BaseException:
                connection.close()
                raise
        return cls(path, connection)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator["sqlite3.Connection"]:
        """One short transaction; the write lock is taken at the start (no deadlocks)."""
        with translated(self.path):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def transaction(self) -> AbstractContextManager["sqlite3.Connection"]:
        """One short write transaction, for the modules that write beside the recorder
        (``habits``, pauses)."""
        return self._write()

    def iterate(self, sql: str, args: Sequence[object]) -> Iterator[Any]:
        """Rows one at a time, for results too long to hold (a cursor of its own)."""
        with translated(self.path):
            cursor = self._db.execute(sql, args)
        while True:
            with translated(self.path):
                rows = cursor.fetchmany(256)
            if not rows:
                return
            yield from rows

    def read(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        with translated(self.path):
            return self._db.execute(sql, args).fetchall()

    # --- writes (SessionRecorder is the friendlier way in) ---

    def start_session(
        self,
        plan: PlanDoc,
        focus: Sequence[str],
        pain_before: int | None,
        plan_name: str | None = None,
        at: datetime | None = None,
    ) -> int:
        check_pain(pain_before)
        started = (at or local_now()).isoformat()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO session (started_at, started_utc, local_day, focus, plan,"
                f" plan_name, pain_before) VALUES (?, {UTC_OF.format('?')},"
                f" {DAY_OF.format('?')}, ?, ?, ?, ?)",
                (started, started, started, json.dumps([str(f) for f in focus]),
                 json.dumps(plan), plan_name, pain_before),
            )  # fmt: skip
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def record_exercise(self, session_id: int, entry: ExerciseEntry) -> None:
        """Store one exercise's result; recording a position again replaces it."""
        columns = ", ".join(ENTRY_COLUMNS)
        marks = ", ".join("?" * len(ENTRY_COLUMNS))
        with self._write() as db:
            db.execute(
                f"INSERT OR REPLACE INTO exercise_result (session_id, {columns})"
                f" VALUES (?, {marks})",
                (session_id, *entry_to_row(entry)),
            )

    def set_pain_after(self, session_id: int, pain: int | None) -> None:
        check_pain(pain)
        with self._write() as db:
            db.execute("UPDATE session SET pain_after = ? WHERE id = ?", (pain, session_id))

    def finish_session(self, session_id: int, completed: bool, at: datetime) -> None:
        """Mark a session completed, or stopped early; either way it gets ``ended_at``."""
        with self._write() as db:
            db.execute(
                "UPDATE session SET completed = ?, ended_at = ? WHERE id = ?",
                (int(completed), at.isoformat(), session_id),
            )

    def reopen_session(self, session_id: int) -> None:
        """Clear ``ended_at`` so a resumed session reads as in progress again."""
        with self._write() as db:
            db.execute("UPDATE session SET ended_at = NULL WHERE id = ?", (session_id,))

    # --- queries ---

    def sessions(
        self, limit: int | None = None, since_day: date | None = None
    ) -> list[SessionRecord]:
        """Sessions newest first (from the local day ``since_day`` on), with their exercises.

        Reads only the sessions returned: ``limit`` bounds the work, not just the output.
        """
        where, args = _since(since_day)
        chosen = f"SELECT id FROM session {where} ORDER BY started_utc DESC, id DESC"
        if limit is not None:
            chosen += f" LIMIT {int(limit)}"
        rows = self.read(
            f"SELECT * FROM session WHERE id IN ({chosen}) ORDER BY started_utc DESC, id DESC",
            args,
        )
        entries: dict[int, list[ExerciseEntry]] = {row["id"]: [] for row in rows}
        for row in self.read(
            f"SELECT * FROM exercise_result WHERE session_id IN ({chosen})"
            " ORDER BY session_id, position",
            args,
        ):
            entries[row["session_id"]].append(entry_from_row(row))
        return [session_from_row(row, tuple(entries[row["id"]])) for row in rows]

    def iter_sessions(
        self, since_day: date | None = None, until_day: date | None = None
    ) -> Iterator[SessionRecord]:
        """Every session oldest first (within the local days given), read as it is used.

        Memory stays constant however long the history: sessions and exercise rows come
        from two cursors walked side by side in the same order.
        """
        where, args = _since(since_day, until_day, alias="s")
        order = "s.started_utc, s.id"
        sessions = self.iterate(f"SELECT s.* FROM session s {where} ORDER BY {order}", args)
        results = self.iterate(
            "SELECT r.* FROM session s JOIN exercise_result r ON r.session_id = s.id"
            f" {where} ORDER BY {order}, r.position",
            args,
        )
        pending = next(results, None)
        for row in sessions:
            exercises: list[ExerciseEntry] = []
            while pending is not None and pending["session_id"] == row["id"]:
                exercises.append(entry_from_row(pending))
                pending = next(results, None)
            yield session_from_row(row, tuple(exercises))

    def last_incomplete(self) -> ResumePoint | None:
        """The newest session, if it was not completed, and where to continue it."""
        rows = self.read("SELECT * FROM session ORDER BY started_utc DESC, id DESC LIMIT 1")
        if not rows or rows[0]["completed"]:
            return None
        row = rows[0]
        # Done, or skipped with `n`: not again. Ended by quitting or a stop: do it again.
        finished = {
            r["position"]
            for r in self.read(
                "SELECT position, skipped, skip_reason FROM exercise_result WHERE session_id = ?",
                (row["id"],),
            )
            if not r["skipped"] or r["skip_reason"] == SkipReason.NEXT
        }
        next_position = 0
        while next_position in finished:
            next_position += 1
        return ResumePoint(
            session_id=row["id"],
            started_at=datetime.fromisoformat(row["started_at"]),
            plan=json.loads(row["plan"]),
            focus=tuple(json.loads(row["focus"])),
            plan_name=row["plan_name"],
            next_position=next_position,
        )

    def recent_results(self, exercise_id: str, limit: int = 3) -> list[PastResult]:
        """Latest results, newest first, for :func:`~backex.care.rules.adjust_dose`."""
        rows = self.read(
            # CROSS JOIN keeps sessions the outer loop: newest first by index, stopping at
            # the limit, instead of every result of the exercise sorted.
            "SELECT r.*, s.started_at AS session_start, s.pain_before, s.pain_after,"
            " s.self_reported FROM session s CROSS JOIN exercise_result r ON r.session_id = s.id"
            " WHERE r.exercise_id = ? ORDER BY s.started_utc DESC, s.id DESC, r.position DESC"
            " LIMIT ?",
            (exercise_id, limit),
        )
        return [_past_result(row) for row in rows]

    def recent_results_by_exercise(
        self, limit: int = 3, days: int = RECENT_DAYS, now: datetime | None = None
    ) -> dict[str, list[PastResult]]:
        """:meth:`recent_results` of every exercise done in the ``days`` before ``now``.

        Bounded by days as well as count, so a routine's start reads the same few rows
        whether the history holds a hundred sessions or a million. After a longer break
        the catalogue's starting dose applies again. Up to ``limit`` coached and ``limit``
        self-reported results each, so sessions logged with ``backex done`` never push the
        coached ones, which set the dose, out of sight.
        """
        since = ((now or local_now()) - timedelta(days=days)).isoformat()
        rows = self.read(
            "SELECT * FROM (SELECT r.*, s.started_at AS session_start, s.started_utc AS utc,"
            " s.pain_before, s.pain_after, s.self_reported,"
            " ROW_NUMBER() OVER (PARTITION BY r.exercise_id, s.self_reported"
            " ORDER BY s.started_utc DESC, s.id DESC, r.position DESC) AS n"
            " FROM session s CROSS JOIN exercise_result r ON r.session_id = s.id"
            f" WHERE s.started_utc >= {UTC_OF.format('?')})"
            " WHERE n <= ? ORDER BY exercise_id, utc DESC, session_id DESC, position DESC",
            (since, limit),
        )
        found: dict[str, list[PastResult]] = {}
        for row in rows:
            found.setdefault(row["exercise_id"], []).append(_past_result(row))
        return found

    def symptom_days(self, since_day: date) -> list[tuple[date, Symptoms]]:
        """Every McKenzie answer from ``since_day`` on, with its local day, oldest first."""
        rows = self.read(
            "SELECT s.local_day, r.symptom_response FROM session s JOIN exercise_result r"
            " ON r.session_id = s.id WHERE r.symptom_response IS NOT NULL AND s.local_day >= ?"
            " ORDER BY s.started_utc, s.id, r.position",
            (since_day.isoformat(),),
        )
        return [(date.fromisoformat(r["local_day"]), Symptoms(r["symptom_response"])) for r in rows]

    def last_session_pain(self) -> tuple[int, datetime, int | None, int | None] | None:
        """The newest session's id, start and pain before/after, or None."""
        rows = self.read(
            "SELECT id, started_at, pain_before, pain_after FROM session"
            " ORDER BY started_utc DESC, id DESC LIMIT 1"
        )
        if not rows:
            return None
        row = rows[0]
        started = datetime.fromisoformat(row["started_at"])
        return row["id"], started, row["pain_before"], row["pain_after"]

    def last_session_light(self) -> Light | None:
        """The pain traffic light of the newest session (None without a pain score); a
        McKenzie "better" answer without spreading keeps a rise from counting as red."""
        rows = self.read(
            "SELECT s.pain_before, s.pain_after,"
            " EXISTS (SELECT 1 FROM exercise_result r WHERE r.session_id = s.id"
            "  AND r.symptom_response = 'centralising') AS better,"
            " EXISTS (SELECT 1 FROM exercise_result r WHERE r.session_id = s.id"
            "  AND r.symptom_response = 'peripheralising') AS spread"
            " FROM session s ORDER BY s.started_utc DESC, s.id DESC LIMIT 1"
        )
        if not rows:
            return None
        row = rows[0]
        centralised = bool(row["better"]) and not row["spread"]
        advice = traffic_light(row["pain_before"], row["pain_after"], centralised=centralised)
        return advice.light if advice else None


def _since(
    since_day: date | None, until_day: date | None = None, alias: str = ""
) -> tuple[str, list[object]]:
    """A WHERE clause on the local day, and its arguments."""
    column = f"{alias}.local_day" if alias else "local_day"
    clauses: list[str] = []
    args: list[object] = []
    if since_day is not None:
        clauses.append(f"{column} >= ?")
        args.append(since_day.isoformat())
    if until_day is not None:
        clauses.append(f"{column} <= ?")
        args.append(until_day.isoformat())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), args


def _past_result(row: Any) -> PastResult:
    return PastResult(
        started_at=datetime.fromisoformat(row["session_start"]),
        planned=dose_from_dict(json.loads(row["planned"])),
        prescribed=dose_from_dict(json.loads(row["prescribed"])) if row["prescribed"] else None,
        sets_done=row["sets_done"],
        reps_done=row["reps_done"],
        seconds_done=row["seconds_done"],
        skipped=bool(row["skipped"]),
        symptoms=Symptoms(row["symptom_response"]) if row["symptom_response"] else None,
        pain_before=row["pain_before"],
        pain_after=row["pain_after"],
        self_reported=bool(row["self_reported"]),
    )


class SessionRecorder:
    """Writes one session as it happens; each call is its own committed transaction."""

    def __init__(self, history: History, clock: Callable[[], datetime] = local_now) -> None:
        self.history = history
        self.clock = clock
        self.session_id: int | None = None

    def _id(self) -> int:
        if self.session_id is None:
            raise RuntimeError("start() or resume() the session first")
        return self.session_id

    def start(
        self,
        plan: PlanDoc,
        focus: Sequence[str],
        pain_before: int | None,
        plan_name: str | None = None,
    ) -> int:
        """Record the session's start (``plan`` is JSON-ready, see :func:`plan_summary`)."""
        self.session_id = self.history.start_session(
            plan, focus, pain_before, plan_name, self.clock()
        )
        return self.session_id

    def resume(self, session_id: int) -> None:
        """Keep writing into an unfinished session (``--resume``)."""
        self.session_id = session_id
        self.history.reopen_session(session_id)

    def record_exercise(self, entry: ExerciseEntry) -> None:
        """Record one exercise when it ends (done or skipped); ``ended_at`` is now if unset."""
        if entry.ended_at is None:
            entry = replace(entry, ended_at=self.clock())
        self.history.record_exercise(self._id(), entry)

    def set_pain_after(self, pain: int | None) -> None:
        self.history.set_pain_after(self._id(), pain)

    def finish(self, completed: bool) -> None:
        """Close the session: completed, or stopped early (both get ``ended_at``)."""
        self.history.finish_session(self._id(), completed, self.clock())
