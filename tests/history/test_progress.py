"""Days per week and pain by day, from session records."""

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from backex.catalogue.exercise import Dose
from backex.history.progress import (
    DayPain,
    WeekCount,
    active_days,
    pain_by_day,
    weekly_counts,
)
from backex.history.store import ExerciseEntry, SessionRecord

SUNDAY = date(2025, 3, 9)


def days(*ago: int) -> set[date]:
    return {SUNDAY - timedelta(days=n) for n in ago}


def test_weekly_counts_oldest_first_with_this_week_so_far() -> None:
    wednesday = date(2025, 3, 12)
    active = days(0, 1, 2, 4, 5, 6, 9) | {date(2025, 3, 10), date(2025, 3, 12)}
    assert weekly_counts(active, wednesday, weeks=3) == [
        WeekCount(date(2025, 2, 24), 1, 7),
        WeekCount(date(2025, 3, 3), 6, 7),
        WeekCount(date(2025, 3, 10), 2, 3),
    ]


def session(day: int, hour: int, before: int | None, after: int | None, **kw: Any) -> SessionRecord:
    start = datetime(2025, 3, day, hour, tzinfo=UTC)
    fields: dict[str, Any] = {
        "id": day * 100 + hour,
        "started_at": start,
        "ended_at": start + timedelta(minutes=10),
        "focus": ("core",),
        "plan": {},
        "plan_name": None,
        "completed": True,
        "pain_before": before,
        "pain_after": after,
        "exercises": (),
    }
    fields.update(kw)
    return SessionRecord(**fields)


def entry(skipped: bool) -> ExerciseEntry:
    return ExerciseEntry(0, "bridge", Dose(reps=5), 1, 5, None, skipped, None, None, None, None)


@pytest.mark.parametrize(
    ("record", "counts"),
    [
        (session(3, 8, 2, 1), True),
        (session(3, 8, 2, 1, completed=False), False),
        (session(3, 8, 2, 1, completed=False, exercises=(entry(True),)), False),
        (session(3, 8, 2, 1, completed=False, exercises=(entry(True), entry(False))), True),
    ],
)
def test_a_session_counts_when_something_was_done(record: SessionRecord, counts: bool) -> None:
    assert active_days([record]) == ({date(2025, 3, 3)} if counts else set())


def test_pain_by_day_is_the_mean_per_day_oldest_first() -> None:
    sessions = [
        session(4, 18, 4, None),
        session(4, 8, 2, 1),
        session(3, 8, None, None),
        session(2, 8, None, 3),
    ]
    assert pain_by_day(sessions) == [
        DayPain(date(2025, 3, 2), None, 3.0),
        DayPain(date(2025, 3, 4), 3.0, 1.0),
    ]


def test_weeks_before_the_first_session_are_left_out() -> None:
    assert weekly_counts(days(0, 1), SUNDAY, weeks=4) == [WeekCount(date(2025, 3, 3), 2, 7)]
    assert weekly_counts(set(), SUNDAY, weeks=4) == [WeekCount(date(2025, 3, 3), 0, 7)]
