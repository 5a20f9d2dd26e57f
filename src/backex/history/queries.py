"""What the history page counts, in SQL: active days, sessions per day for the run of
planned days, pain by day, a plan's sessions per day and the first fortnight. Each reads
an index range, not every session, so ``history`` stays as fast at a million sessions as
at a hundred.
"""

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING

from backex.history.store import History

if TYPE_CHECKING:
    from backex.history.consistency import Fortnight

# A session counts if it was completed or at least one exercise was done.
_COUNTS = (
    "(s.completed OR EXISTS (SELECT 1 FROM exercise_result r"
    " WHERE r.session_id = s.id AND r.skipped = 0))"
)


def plan_days(
    store: History, plan_name: str, since_day: date
) -> tuple[date | None, dict[date, int]]:
    """The first local day ``plan_name`` was followed, and from ``since_day`` on, the
    sessions under it that count, per day (for adherence; counted in SQL)."""
    started = first_day(store, plan_name)
    # The UTC bound lets the (plan_name, started_utc) index skip the plan's older years;
    # a day's margin covers any offset between local days and UTC.
    utc_bound = f"{since_day - timedelta(days=1)}T00:00:00.000Z"
    rows = store.read(
        "SELECT s.local_day, COUNT(*) FROM session s WHERE s.plan_name = ?"
        f" AND s.started_utc >= ? AND s.local_day >= ? AND {_COUNTS} GROUP BY s.local_day",
        (plan_name, utc_bound, since_day.isoformat()),
    )
    return started, {date.fromisoformat(row[0]): row[1] for row in rows}


def first_day(store: History, plan_name: str | None = None) -> date | None:
    """The local day of the first session (under ``plan_name`` if given): one index read."""
    if plan_name is None:
        rows = store.read("SELECT local_day FROM session ORDER BY started_utc, id LIMIT 1")
    else:
        rows = store.read(
            "SELECT local_day FROM session WHERE plan_name = ? ORDER BY started_utc LIMIT 1",
            (plan_name,),
        )
    return date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def has_sessions(store: History) -> bool:
    return bool(store.read("SELECT 1 FROM session LIMIT 1"))


def active_days(store: History, since_day: date) -> set[date]:
    """Local days from ``since_day`` on with a session that counts."""
    rows = store.read(
        f"SELECT DISTINCT s.local_day FROM session s WHERE s.local_day >= ? AND {_COUNTS}",
        (since_day.isoformat(),),
    )
    return {date.fromisoformat(row[0]) for row in rows}


def first_active_day(store: History) -> date | None:
    rows = store.read(
        f"SELECT s.local_day FROM session s WHERE {_COUNTS} ORDER BY s.local_day LIMIT 1"
    )
    return date.fromisoformat(rows[0][0]) if rows else None


def pain_by_day(store: History, since_day: date) -> list[tuple[date, float | None, float | None]]:
    """Mean pain before and after per local day from ``since_day``, oldest first;
    days without any score are left out."""
    rows = store.read(
        "SELECT local_day, AVG(pain_before), AVG(pain_after) FROM session"
        " WHERE local_day >= ? GROUP BY local_day"
        " HAVING COUNT(pain_before) + COUNT(pain_after) > 0 ORDER BY local_day",
        (since_day.isoformat(),),
    )
    return [(date.fromisoformat(row[0]), row[1], row[2]) for row in rows]


def sessions_per_day(store: History, first: date, last: date) -> dict[date, int]:
    """Sessions that count on each local day from ``first`` to ``last`` (days with none
    left out), whatever plan they followed."""
    rows = store.read(
        "SELECT s.local_day, COUNT(*) FROM session s WHERE s.local_day BETWEEN ? AND ?"
        f" AND {_COUNTS} GROUP BY s.local_day",
        (first.isoformat(), last.isoformat()),
    )
    return {date.fromisoformat(row[0]): row[1] for row in rows}


def weekly_pain(store: History, today: date, weeks: int = 3) -> list[float | None]:
    """Mean pain before per week, oldest first: the week ending ``today``, and the
    ``weeks - 1`` before it; None for a week without a score."""
    first = today - timedelta(days=7 * weeks - 1)
    rows = store.read(
        "SELECT CAST((julianday(?) - julianday(local_day)) / 7 AS INTEGER) AS ago,"
        " AVG(pain_before) FROM session WHERE local_day BETWEEN ? AND ?"
        " AND pain_before IS NOT NULL GROUP BY ago",
        (today.isoformat(), first.isoformat(), today.isoformat()),
    )
    means: dict[int, float] = {row[0]: row[1] for row in rows}
    return [means.get(ago) for ago in range(weeks - 1, -1, -1)]


def done_per_day_newest_first(store: History) -> Iterator[tuple[date, int]]:
    """Local days with sessions that count and how many, newest first, read lazily: a
    streak reads only as far back as it goes (the day index, walked backwards)."""
    sql = (
        f"SELECT s.local_day, COUNT(*) FROM session s WHERE {_COUNTS}"
        " GROUP BY s.local_day ORDER BY s.local_day DESC"
    )
    for row in store.iterate(sql, ()):
        yield date.fromisoformat(row[0]), row[1]


def counting_sessions_on(store: History, day: date) -> int:
    """Sessions on the local ``day`` that count."""
    rows = store.read(
        f"SELECT COUNT(*) FROM session s WHERE s.local_day = ? AND {_COUNTS}", (day.isoformat(),)
    )
    return int(rows[0][0])


def session_counts(store: History, session_id: int) -> bool:
    """Whether the session counts (completed, or an exercise done)."""
    return bool(store.read(f"SELECT 1 FROM session s WHERE s.id = ? AND {_COUNTS}", (session_id,)))


def first_fortnight(store: History, today: date) -> "Fortnight | None":
    """Progress toward the first fortnight's target (None outside the fortnight)."""
    from backex.history.consistency import FORTNIGHT_DAYS, first_fortnight

    first = first_active_day(store)
    if first is None or today - first >= timedelta(days=FORTNIGHT_DAYS):
        return None
    return first_fortnight(first, active_days(store, first), today)


def fortnight_after(
    store: History, session_id: int, today: date
) -> "tuple[Fortnight, bool] | None":
    """The first fortnight after recording a session, and whether that session reached
    its target (True for one session only); None outside the fortnight."""
    from backex.history.consistency import just_reached

    fortnight = first_fortnight(store, today)
    if fortnight is None:
        return None
    rows = store.read("SELECT local_day FROM session WHERE id = ?", (session_id,))
    day = date.fromisoformat(rows[0][0]) if rows else today
    counted = session_counts(store, session_id)
    return fortnight, just_reached(fortnight, counted, counting_sessions_on(store, day))
