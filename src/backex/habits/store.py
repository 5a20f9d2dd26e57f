"""Goals, their scores and the check-ins in the history file (tables ``goal``,
``goal_score`` and ``checkin``); each write is one short transaction."""

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from backex.habits.checkin import CheckIn, Obstacle
from backex.habits.goals import Goal, GoalScore, check_room, goal_to_dict
from backex.history.store import History


def _goal(row: Any, scores: tuple[GoalScore, ...]) -> Goal:
    retired = row["retired_at"]
    return Goal(
        id=row["id"],
        text=row["text"],
        added_at=datetime.fromisoformat(row["added_at"]),
        retired_at=datetime.fromisoformat(retired) if retired else None,
        scores=scores,
    )


def goals(store: History, *, retired: bool = True) -> list[Goal]:
    """Every goal in the order added (active ones only unless ``retired``), with scores."""
    where = "" if retired else "WHERE retired_at IS NULL"
    rows = store.read(f"SELECT * FROM goal {where} ORDER BY id")
    scores: dict[int, list[GoalScore]] = {row["id"]: [] for row in rows}
    for row in store.read(
        "SELECT goal_id, local_day, score FROM goal_score ORDER BY goal_id, scored_at, id"
    ):
        if row["goal_id"] in scores:
            scores[row["goal_id"]].append(
                GoalScore(date.fromisoformat(row["local_day"]), row["score"])
            )
    return [_goal(row, tuple(scores[row["id"]])) for row in rows]


def add_goal(store: History, text: str, now: datetime) -> int:
    """Store a new active goal (``text`` already through the gate); its id.

    The count of active goals and the insert share one transaction, so two processes
    cannot make a fourth.
    """
    with store.transaction() as db:
        (active,) = db.execute("SELECT COUNT(*) FROM goal WHERE retired_at IS NULL").fetchone()
        check_room(active)
        cursor = db.execute(
            "INSERT INTO goal (text, added_at) VALUES (?, ?)", (text, now.isoformat())
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid


def retire_goal(store: History, goal_id: int, now: datetime) -> None:
    """Mark a goal retired; its scores stay."""
    with store.transaction() as db:
        db.execute(
            "UPDATE goal SET retired_at = ? WHERE id = ? AND retired_at IS NULL",
            (now.isoformat(), goal_id),
        )


def record_score(store: History, goal_id: int, score: int, now: datetime) -> None:
    """Store one 0-10 score, dated ``now`` (its local day)."""
    if not 0 <= score <= 10:
        raise ValueError(f"score out of range: {score}")
    with store.transaction() as db:
        db.execute(
            "INSERT INTO goal_score (goal_id, scored_at, local_day, score) VALUES (?, ?, ?, ?)",
            (goal_id, now.isoformat(), now.date().isoformat(), score),
        )


def record_checkin(store: History, checkin: CheckIn, now: datetime) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO checkin (recorded_at, local_day, done, planned, answer)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                now.isoformat(),
                checkin.day.isoformat(),
                checkin.done,
                checkin.planned,
                checkin.answer.value if checkin.answer else None,
            ),
        )


def _answer(text: str | None) -> Obstacle | None:
    try:
        return Obstacle(text) if text else None
    except ValueError:  # written by a newer backex: an answer this one does not know
        return Obstacle.OTHER


def checkins(
    store: History, since_day: date | None = None, until_day: date | None = None
) -> Iterator[CheckIn]:
    """Check-ins oldest first, within the local days given."""
    first = (since_day or date.min).isoformat()
    last = (until_day or date.max).isoformat()
    for row in store.read(
        "SELECT * FROM checkin WHERE local_day BETWEEN ? AND ? ORDER BY local_day, id",
        (first, last),
    ):
        yield CheckIn(
            date.fromisoformat(row["local_day"]),
            row["done"],
            row["planned"],
            _answer(row["answer"]),
        )


def last_checkin_day(store: History) -> date | None:
    rows = store.read("SELECT MAX(local_day) FROM checkin")
    return date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def goals_json(store: History | None) -> dict[str, Any]:
    """``{"goals": [...]}`` for the JSON log, or nothing when no goal was ever set (the
    log of a history without goals keeps its shape)."""
    found = goals(store) if store is not None else []
    return {"goals": [goal_to_dict(goal) for goal in found]} if found else {}
