"""How the recorded sessions compare with a plan's frequency. Pure.

A session follows a plan when it was recorded under the plan's name. Counting starts on
the first day a session followed the plan: days before it are not missed sessions. The
numbers are sessions done and sessions the frequency plans, never sessions missed.
"""

from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from backex.history.progress import counts_as_done
from backex.history.records import SessionRecord
from backex.prescription.model import Frequency

RECENT_DAYS = 14
WEEKS = 4


@dataclass(frozen=True, slots=True)
class Period:
    """Sessions done and planned from ``first_day`` to ``last_day``, both included."""

    first_day: date
    last_day: date
    done: int
    planned: int


@dataclass(frozen=True, slots=True)
class Adherence:
    """A plan's sessions over the last days and weeks (``started`` None: none yet)."""

    plan_name: str
    frequency: Frequency
    today: date
    started: date | None
    recent: Period | None
    weeks: tuple[Period, ...]  # Monday to Sunday (clipped to started and today), oldest first


def adherence(
    sessions: Iterable[SessionRecord],
    plan_name: str,
    frequency: Frequency,
    today: date,
    *,
    recent_days: int = RECENT_DAYS,
    weeks: int = WEEKS,
    paused: Collection[date] = frozenset(),
) -> Adherence:
    """Sessions recorded under ``plan_name`` against ``frequency``, up to ``today``."""
    followed = [s for s in sessions if s.plan_name == plan_name]
    started = min((s.started_at.date() for s in followed), default=None)
    done = Counter(s.started_at.date() for s in followed if counts_as_done(s))
    return adherence_of_days(
        started,
        done,
        plan_name,
        frequency,
        today,
        recent_days=recent_days,
        weeks=weeks,
        paused=paused,
    )


def adherence_of_days(
    started: date | None,
    done_per_day: Mapping[date, int],
    plan_name: str,
    frequency: Frequency,
    today: date,
    *,
    recent_days: int = RECENT_DAYS,
    weeks: int = WEEKS,
    paused: Collection[date] = frozenset(),
) -> Adherence:
    """:func:`adherence` from the first day a plan was followed and the sessions done on
    each day (the store counts them in SQL, whatever the history's length). ``paused``
    days plan nothing; sessions done on them still count."""

    def period(first: date, last: date) -> Period | None:
        if started is None or last < started:
            return None
        first = max(first, started)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        done = sum(done_per_day.get(day, 0) for day in days)
        return Period(first, last, done, frequency.planned_between(first, last, paused))

    this_monday = today - timedelta(days=today.weekday())
    by_week = (
        period(monday, min(monday + timedelta(days=6), today))
        for monday in (this_monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1))
    )
    return Adherence(
        plan_name=plan_name,
        frequency=frequency,
        today=today,
        started=started,
        recent=period(today - timedelta(days=recent_days - 1), today),
        weeks=tuple(week for week in by_week if week is not None),
    )


def _period_to_dict(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "first_day": period.first_day.isoformat(),
        "last_day": period.last_day.isoformat(),
        "done": period.done,
        "planned": period.planned,
    }


def adherence_to_dict(result: Adherence) -> dict[str, Any]:
    """The ``history --plan FILE --json`` form (dates as YYYY-MM-DD)."""
    return {
        "plan_name": result.plan_name,
        "frequency": result.frequency.describe(),
        "sessions_per_week": result.frequency.sessions_per_week,
        "started": result.started.isoformat() if result.started else None,
        "recent": _period_to_dict(result.recent),
        "weeks": [_period_to_dict(week) for week in result.weeks],
    }
