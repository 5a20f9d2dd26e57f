"""What the history says about progress: days per week, pain by day. Pure.

The target frequency is daily: the NHS says to do back exercises every day. Rest days
are allowed, so the numbers are reported as days done, never as days missed. The run of
planned days is :mod:`backex.history.consistency`.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backex.history.store import SessionRecord

TARGET_DAYS_PER_WEEK = 7  # NHS: "do back exercises every day"


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Days with a session in the week starting ``monday`` (``days_so_far`` for this week)."""

    monday: date
    days: int
    days_so_far: int


@dataclass(frozen=True, slots=True)
class DayPain:
    """Mean pain before and after the sessions of one day (None when not given)."""

    day: date
    before: float | None
    after: float | None


def counts_as_done(session: SessionRecord) -> bool:
    """A session counts if it was completed or at least one exercise was done."""
    return session.completed or any(not e.skipped for e in session.exercises)


def active_days(sessions: Iterable[SessionRecord]) -> set[date]:
    """The local dates with at least one session that counts."""
    return {s.started_at.date() for s in sessions if counts_as_done(s)}


def weekly_counts(
    days: set[date], today: date, weeks: int = 4, first: date | None = None
) -> list[WeekCount]:
    """Active days in each of the last ``weeks`` weeks (Monday to Sunday), oldest first.

    Weeks before the first session (``first``; the earliest of ``days`` if not given)
    are left out: they are not days off.
    """
    this_monday = today - timedelta(days=today.weekday())
    first = first or min(days, default=today)
    result = []
    for back in range(weeks - 1, -1, -1):
        monday = this_monday - timedelta(weeks=back)
        if monday + timedelta(days=6) < first:
            continue
        week = {monday + timedelta(days=i) for i in range(7)}
        so_far = 7 if back else today.weekday() + 1
        result.append(WeekCount(monday, len(days & week), so_far))
    return result


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def pain_by_day(sessions: Iterable[SessionRecord]) -> list[DayPain]:
    """Mean pain before/after per day, oldest first; days without any score are left out."""
    before: dict[date, list[int]] = {}
    after: dict[date, list[int]] = {}
    for s in sessions:
        day = s.started_at.date()
        if s.pain_before is not None:
            before.setdefault(day, []).append(s.pain_before)
        if s.pain_after is not None:
            after.setdefault(day, []).append(s.pain_after)
    return [
        DayPain(day, _mean(before.get(day, [])), _mean(after.get(day, [])))
        for day in sorted(before.keys() | after.keys())
    ]
