"""Older history files are brought up to date without losing a row."""

import sqlite3
from pathlib import Path

from backex.history import schema
from backex.history.store import History
from backex.session.types import SkipReason

OLD_ROW = (
    "INSERT INTO exercise_result (session_id, position, exercise_id, planned, skipped,"
    " skip_reason) VALUES (1, ?, 'bridge', '{\"sets\": 1, \"reps\": 5}', 1, ?)"
)


def test_schema_1_skip_reasons_become_single_words_and_prescribed_is_empty(
    tmp_path: Path,
) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    for statement in schema.MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO session (id, started_at, focus, plan) VALUES"
        " (1, '2025-03-03T08:00:00+01:00', '[]', '{}')"
    )
    old = ["skipped", "quit", "symptoms spread down the leg"]
    for position, reason in enumerate(old):
        db.execute(OLD_ROW, (position, reason))
    db.commit()
    db.close()
    with History.open(path) as store:
        (session,) = store.sessions(limit=1)
    got = [(e.skip_reason, e.prescribed) for e in session.exercises]
    assert got == [
        (SkipReason.NEXT, None),
        (SkipReason.QUIT, None),
        (SkipReason.SYMPTOMS, None),
    ]
