"""The history file's schema, migrations and connection set-up, and its error messages.

``PRAGMA user_version`` is the schema version; :data:`MIGRATIONS` is append only. A file
that is not a database, or one from a newer backex, is never written to.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from backex.errors import HistoryError

if TYPE_CHECKING:
    import sqlite3

DB_FILE = "history.sqlite3"
BUSY_TIMEOUT_MS = 30_000

# SQL for the derived columns, from an ISO 8601 time with its UTC offset. SQLite's
# strftime converts to UTC; its fixed width makes the text order the time order.
UTC_OF = "strftime('%Y-%m-%dT%H:%M:%fZ', {})"
DAY_OF = "substr({}, 1, 10)"  # the date where the session happened, in its own offset

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
    # 2: order by the UTC instant, so travel and the repeated DST hour never reorder
    # sessions; and the local day, so day counts read an index instead of every row.
    (
        "ALTER TABLE session ADD COLUMN started_utc TEXT",
        f"UPDATE session SET started_utc = {UTC_OF.format('started_at')}",
        "ALTER TABLE session ADD COLUMN local_day TEXT",
        f"UPDATE session SET local_day = {DAY_OF.format('started_at')}",
        "CREATE INDEX session_by_utc ON session (started_utc, id)",
        "CREATE INDEX session_by_day ON session (local_day)",
        "CREATE INDEX session_by_plan ON session (plan_name, started_utc)",
    ),
    (  # 3: the dose before trimming; skip reasons as single words
        "ALTER TABLE exercise_result ADD COLUMN prescribed TEXT",
        "UPDATE exercise_result SET skip_reason = 'next' WHERE skip_reason = 'skipped'",
        "UPDATE exercise_result SET skip_reason = 'symptoms'"
        " WHERE skip_reason = 'symptoms spread down the leg'",
    ),
    (  # 4: goals scored 0-10 (PSFS; a retired goal keeps its scores) and weekly check-ins
        """CREATE TABLE goal (
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            added_at TEXT NOT NULL,
            retired_at TEXT
        )""",
        """CREATE TABLE goal_score (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goal(id),
            scored_at TEXT NOT NULL,
            local_day TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10)
        )""",
        "CREATE INDEX goal_score_by_goal ON goal_score (goal_id, scored_at)",
        """CREATE TABLE checkin (
            id INTEGER PRIMARY KEY,
            recorded_at TEXT NOT NULL,
            local_day TEXT NOT NULL,
            done INTEGER NOT NULL CHECK (done >= 0),
            planned INTEGER NOT NULL CHECK (planned >= 0),
            answer TEXT
        )""",
        "CREATE INDEX checkin_by_day ON checkin (local_day)",
    ),
    (  # 5: sessions logged with `backex done`; pauses (illness, travel): days not planned
        "ALTER TABLE session ADD COLUMN self_reported INTEGER NOT NULL DEFAULT 0",
        """CREATE TABLE pause (
            id INTEGER PRIMARY KEY,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL CHECK (last_day >= first_day)
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
# Columns the store derives from started_at on every insert; they are not in the records.
DERIVED_COLUMNS = frozenset({"started_utc", "local_day"})


def prepare(connection: "sqlite3.Connection", path: Path) -> None:
    import sqlite3

    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    _refuse_newer(version, path)
    _use_wal(connection, path)
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


def _use_wal(connection: "sqlite3.Connection", path: Path) -> None:
    """Switch to WAL, waiting while another process creates the file.

    SQLite answers "locked" at once, without its busy handler, when the journal mode
    cannot be changed because another connection holds a lock; so wait here instead.
    """
    import sqlite3
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            mode = None
        if mode == "wal":
            return
        if time.monotonic() >= deadline:
            raise HistoryError(f"{path}: could not switch the history database to WAL mode")
        time.sleep(0.01)


def _refuse_newer(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"{path} was written by a newer backex (history schema {version}; this one "
            f"knows up to {SCHEMA_VERSION}). Update backex; the file is left as it is."
        )


@contextmanager
def translated(path: Path) -> Iterator[None]:
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
