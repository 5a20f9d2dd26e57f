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
        recorder.record_exercise(0, "bridge", planned=dose, sets_done=1, reps_done=5)
        recorder.record_exercise(1, "prone-press-up", planned=dose, symptoms=Symptoms.SAME)
        recorder.set_pain_after(2)
        recorder.finish(completed=True)

``--resume``: ``history.last_incomplete()`` gives the session, its plan JSON and the
position to continue from; ``recorder.resume(point.session_id)`` keeps writing into it.
The planner reads ``history.recent_results(exercise_id)`` and
``history.last_session_light()`` for :func:`backex.rules.adjust_dose`.

``sqlite3`` is imported only when a database is opened.
"""

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from backex import paths
from backex.errors import BackexError
from backex.exercise import Dose, Tempo
from backex.plan import Plan
from backex.rules import Light, PastResult, Symptoms, traffic_light

if TYPE_CHECKING:
    import sqlite3

DB_FILE = "history.sqlite3"
BUSY_TIMEOUT_MS = 30_000

# Append only: each entry moves the schema from version N to N + 1.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """CREATE TABLE session (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            focus TEXT NOT NULL,
            plan TEXT NOT NULL,
            plan_name TEXT,
            completed INTEGER NOT NULL DEFAULT 0,
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10)
        )""",
        """CREATE TABLE exercise_result (
            session_id INTEGER NOT NULL REFERENCES session(id),
            position INTEGER NOT NULL,
            exercise_id TEXT NOT NULL,
            planned TEXT NOT NULL,
            sets_done INTEGER NOT NULL DEFAULT 0,
            reps_done INTEGER,
            seconds_done INTEGER,
            skipped INTEGER NOT NULL DEFAULT 0,
            skip_reason TEXT,
            symptom_response TEXT,
            started_at TEXT,
            ended_at TEXT,
            PRIMARY KEY (session_id, position)
        )""",
        "CREATE INDEX session_by_start ON session (started_at)",
        "CREATE INDEX result_by_exercise ON exercise_result (exercise_id)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class HistoryError(BackexError):
    """The history database cannot be used; the message names the file."""


def db_path() -> Path:
    """Where the history lives."""
    return paths.data_dir() / DB_FILE


def local_now() -> datetime:
    """Now, to the second, with the local UTC offset."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True, slots=True)
class ExerciseEntry:
    """One exercise as it was done in a session."""

    position: int
    exercise_id: str
    planned: Dose
    sets_done: int
    reps_done: int | None
    seconds_done: int | None
    skipped: bool
    skip_reason: str | None
    symptoms: Symptoms | None
    started_at: datetime | None
    ended_at: datetime | None


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One session and its exercises, in plan order."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    focus: tuple[str, ...]
    plan: Any
    plan_name: str | None
    completed: bool
    pain_before: int | None
    pain_after: int | None
    exercises: tuple[ExerciseEntry, ...]


@dataclass(frozen=True, slots=True)
class ResumePoint:
    """An unfinished session and the plan position to continue from."""

    session_id: int
    started_at: datetime
    plan: Any
    focus: tuple[str, ...]
    plan_name: str | None
    next_position: int


def dose_to_dict(dose: Dose) -> dict[str, Any]:
    tempo = {"lift_s": dose.tempo.lift_s, "lower_s": dose.tempo.lower_s} if dose.tempo else None
    return {
        "sets": dose.sets,
        "reps": dose.reps,
        "hold_s": dose.hold_s,
        "rest_s": dose.rest_s,
        "per_side": dose.per_side,
        "tempo": tempo,
    }


def dose_from_dict(data: Mapping[str, Any]) -> Dose:
    tempo = data.get("tempo")
    return Dose(
        sets=data["sets"],
        reps=data.get("reps"),
        hold_s=data.get("hold_s"),
        rest_s=data.get("rest_s", 0),
        per_side=data.get("per_side", False),
        tempo=Tempo(tempo["lift_s"], tempo["lower_s"]) if tempo else None,
    )


def plan_summary(plan: Plan) -> dict[str, Any]:
    """The plan as stored with a session (the shape of ``routine --dry-run --json``)."""
    return {
        "total_s": plan.total_s,
        "items": [
            {
                "exercise": item.exercise.id,
                **dose_to_dict(item.dose),
                "est_s": item.est_s,
                "block": str(item.block),
                "reason": item.reason,
            }
            for item in plan.items
        ],
    }


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _check_pain(pain: int | None) -> None:
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
        with _translated(path):
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                _prepare(connection, path)
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
        with _translated(self.path):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _read(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        with _translated(self.path):
            return self._db.execute(sql, args).fetchall()

    # --- writes (SessionRecorder is the friendlier way in) ---

    def start_session(
        self,
        plan: Any,
        focus: Sequence[str],
        pain_before: int | None,
        plan_name: str | None = None,
        at: datetime | None = None,
    ) -> int:
        _check_pain(pain_before)
        started = (at or local_now()).isoformat()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO session (started_at, focus, plan, plan_name, pain_before)"
                " VALUES (?, ?, ?, ?, ?)",
                (started, json.dumps([str(f) for f in focus]), json.dumps(plan), plan_name,
                 pain_before),
            )  # fmt: skip
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def record_exercise(self, session_id: int, entry: ExerciseEntry) -> None:
        """Store one exercise's result; recording a position again replaces it."""
        e = entry
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO exercise_result VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    session_id,
                    e.position,
                    e.exercise_id,
                    json.dumps(dose_to_dict(e.planned)),
                    e.sets_done,
                    e.reps_done,
                    e.seconds_done,
                    int(e.skipped),
                    e.skip_reason,
                    str(e.symptoms) if e.symptoms else None,
                    e.started_at.isoformat() if e.started_at else None,
                    e.ended_at.isoformat() if e.ended_at else None,
                ),
            )

    def update_session(self, session_id: int, **fields: object) -> None:
        """Set ``pain_after``, ``completed`` or ``ended_at`` on a session."""
        allowed = {"pain_after", "completed", "ended_at"}
        if not fields or not set(fields) <= allowed:
            raise ValueError(f"can only update {sorted(allowed)}")
        _check_pain(fields.get("pain_after"))  # type: ignore[arg-type]
        values = [v.isoformat() if isinstance(v, datetime) else v for v in fields.values()]
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._write() as db:
            db.execute(f"UPDATE session SET {assignments} WHERE id = ?", (*values, session_id))

    # --- queries ---

    def sessions(
        self, limit: int | None = None, since: datetime | None = None
    ) -> list[SessionRecord]:
        """Sessions newest first, each with its exercises."""
        sql = "SELECT * FROM session"
        args: list[object] = []
        if since is not None:
            sql += " WHERE started_at >= ?"
            args.append(since.isoformat())
        sql += " ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        rows = self._read(sql, args)
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ",".join("?" * len(ids))
        entries: dict[int, list[ExerciseEntry]] = {i: [] for i in ids}
        for row in self._read(
            f"SELECT * FROM exercise_result WHERE session_id IN ({marks}) ORDER BY position", ids
        ):
            entries[row["session_id"]].append(_entry(row))
        return [_session(row, tuple(entries[row["id"]])) for row in rows]

    def last_incomplete(self) -> ResumePoint | None:
        """The newest session, if it was not completed, and where to continue it."""
        rows = self._read("SELECT * FROM session ORDER BY started_at DESC, id DESC LIMIT 1")
        if not rows or rows[0]["completed"]:
            return None
        row = rows[0]
        done = self._read(
            "SELECT MAX(position) FROM exercise_result WHERE session_id = ?", (row["id"],)
        )[0][0]
        return ResumePoint(
            session_id=row["id"],
            started_at=datetime.fromisoformat(row["started_at"]),
            plan=json.loads(row["plan"]),
            focus=tuple(json.loads(row["focus"])),
            plan_name=row["plan_name"],
            next_position=0 if done is None else done + 1,
        )

    def recent_results(self, exercise_id: str, limit: int = 3) -> list[PastResult]:
        """The exercise's latest results, newest first, for :func:`backex.rules.adjust_dose`."""
        rows = self._read(
            "SELECT r.*, s.started_at AS session_start, s.pain_before, s.pain_after"
            " FROM exercise_result r JOIN session s ON s.id = r.session_id"
            " WHERE r.exercise_id = ? ORDER BY s.started_at DESC, s.id DESC, r.position DESC"
            " LIMIT ?",
            (exercise_id, limit),
        )
        return [
            PastResult(
                started_at=datetime.fromisoformat(row["session_start"]),
                planned=dose_from_dict(json.loads(row["planned"])),
                sets_done=row["sets_done"],
                reps_done=row["reps_done"],
                seconds_done=row["seconds_done"],
                skipped=bool(row["skipped"]),
                symptoms=Symptoms(row["symptom_response"]) if row["symptom_response"] else None,
                pain_before=row["pain_before"],
                pain_after=row["pain_after"],
            )
            for row in rows
        ]

    def last_session_light(self) -> Light | None:
        """The pain traffic light of the newest session (None without a pain score)."""
        rows = self._read(
            "SELECT pain_before, pain_after FROM session ORDER BY started_at DESC, id DESC LIMIT 1"
        )
        if not rows:
            return None
        advice = traffic_light(rows[0]["pain_before"], rows[0]["pain_after"])
        return advice.light if advice else None


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
        plan: Any,
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
        self.history.update_session(session_id, ended_at=None)

    def record_exercise(
        self,
        position: int,
        exercise_id: str,
        planned: Dose,
        *,
        sets_done: int = 0,
        reps_done: int | None = None,
        seconds_done: int | None = None,
        skipped: bool = False,
        skip_reason: str | None = None,
        symptoms: Symptoms | None = None,
        started_at: datetime | None = None,
    ) -> None:
        """Record one exercise when it ends (done or skipped); ``ended_at`` is now."""
        entry = ExerciseEntry(
            position, exercise_id, planned, sets_done, reps_done, seconds_done,
            skipped, skip_reason, symptoms, started_at, self.clock(),
        )  # fmt: skip
        self.history.record_exercise(self._id(), entry)

    def set_pain_after(self, pain: int | None) -> None:
        self.history.update_session(self._id(), pain_after=pain)

    def finish(self, completed: bool) -> None:
        """Close the session: completed, or stopped early (both get ``ended_at``)."""
        self.history.update_session(self._id(), completed=int(completed), ended_at=self.clock())


def _entry(row: Any) -> ExerciseEntry:
    symptom = row["symptom_response"]
    return ExerciseEntry(
        position=row["position"],
        exercise_id=row["exercise_id"],
        planned=dose_from_dict(json.loads(row["planned"])),
        sets_done=row["sets_done"],
        reps_done=row["reps_done"],
        seconds_done=row["seconds_done"],
        skipped=bool(row["skipped"]),
        skip_reason=row["skip_reason"],
        symptoms=Symptoms(symptom) if symptom else None,
        started_at=_time(row["started_at"]),
        ended_at=_time(row["ended_at"]),
    )


def _session(row: Any, exercises: tuple[ExerciseEntry, ...]) -> SessionRecord:
    return SessionRecord(
        id=row["id"],
        started_at=datetime.fromisoformat(row["started_at"]),
        ended_at=_time(row["ended_at"]),
        focus=tuple(json.loads(row["focus"])),
        plan=json.loads(row["plan"]),
        plan_name=row["plan_name"],
        completed=bool(row["completed"]),
        pain_before=row["pain_before"],
        pain_after=row["pain_after"],
        exercises=exercises,
    )


def session_to_dict(session: SessionRecord) -> dict[str, Any]:
    """The ``history --json`` shape of one session (ISO 8601 timestamps)."""

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "id": session.id,
        "started_at": iso(session.started_at),
        "ended_at": iso(session.ended_at),
        "focus": list(session.focus),
        "plan_name": session.plan_name,
        "completed": session.completed,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "exercises": [
            {
                "position": e.position,
                "exercise": e.exercise_id,
                "planned": dose_to_dict(e.planned),
                "sets_done": e.sets_done,
                "reps_done": e.reps_done,
                "seconds_done": e.seconds_done,
                "skipped": e.skipped,
                "skip_reason": e.skip_reason,
                "symptom_response": str(e.symptoms) if e.symptoms else None,
                "started_at": iso(e.started_at),
                "ended_at": iso(e.ended_at),
            }
            for e in session.exercises
        ],
    }


def _prepare(connection: "sqlite3.Connection", path: Path) -> None:
    import sqlite3

    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    _refuse_newer(version, path)
    if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
        raise HistoryError(f"{path}: could not switch the history database to WAL mode")
    connection.execute("PRAGMA synchronous = NORMAL")  # durable across a killed process
    connection.execute("PRAGMA foreign_keys = ON")
    if version == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while we waited for the lock.
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        _refuse_newer(version, path)
        for number, statements in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in statements:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _refuse_newer(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"{path} was written by a newer backex (history schema {version}; this one "
            f"knows up to {SCHEMA_VERSION}). Update backex; the file is left as it is."
        )


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn sqlite3 failures into one HistoryError that names the file and the way out."""
    import sqlite3

    try:
        yield
    except sqlite3.IntegrityError:
        raise  # a bug in backex, not a damaged file
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise HistoryError(
                f"{path} is busy: another backex kept it locked too long ({exc}); try again"
            ) from None
        raise HistoryError(_damaged(path, exc)) from None
    except sqlite3.DatabaseError as exc:
        raise HistoryError(_damaged(path, exc)) from None


def _damaged(path: Path, exc: Exception) -> str:
    return (
        f"cannot use the history database {path} ({exc}). It is left untouched; to start a "
        f"new history, move it aside: mv {path} {path}.bak"
    )
