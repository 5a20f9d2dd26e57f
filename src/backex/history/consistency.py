"""Consistency that forgives: the run of planned days, pauses, the first fortnight. Pure.

The run counts the days the plan asks for, never every calendar day (counting every day
stresses people; REFERENCES.md, "Adherence evidence"). Without a plan the advice is
daily (NHS). Walking back from today:

- a planned day with all its sessions done adds one (several sessions count once for a
  once-a-day plan; twice a day needs both);
- a day the plan does not ask for (a rest day), a paused day, today while it is still
  going, and a partly done day (1 of 2 for twice a day) neither add nor end the run;
  adherence still shows a partly done day as 1 of 2;
- the first earlier planned day with no session ends it.

"N times a week" has no fixed days, so its run is in weeks: a week with its N sessions
(on different days) adds one; this week, a week with some sessions, and a paused week
(N scaled down by its paused days, rounded down, is 0) neither add nor end it.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from backex.prescription.frequency import Frequency, FrequencyKind

DAILY = Frequency(FrequencyKind.DAILY)  # without a plan: the NHS says every day
MAX_PAUSE_DAYS = 60
FORTNIGHT_DAYS = 14
FORTNIGHT_TARGET = 6  # sessions on different days in the first 14 days


@dataclass(frozen=True, slots=True)
class Pause:
    """Days off the plan (illness, travel), ``first_day`` to ``last_day`` included."""

    first_day: date
    last_day: date
    id: int = 0

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day

    @property
    def resume_day(self) -> date:
        """The first day the plan asks for sessions again."""
        return self.last_day + timedelta(days=1)


def pause_from(today: date, days: int) -> Pause:
    """A pause of ``days`` days from ``today``; ValueError outside 1 to 60."""
    if not 1 <= days <= MAX_PAUSE_DAYS:
        raise ValueError(f"--days must be 1 to {MAX_PAUSE_DAYS}, not {days}")
    return Pause(today, today + timedelta(days=days - 1))


def active_pause(pauses: Iterable[Pause], today: date) -> Pause | None:
    """The pause covering ``today`` (the one ending last, should two overlap)."""
    covering = [pause for pause in pauses if pause.covers(today)]
    return max(covering, key=lambda pause: pause.last_day, default=None)


def paused_days(pauses: Iterable[Pause], first: date, last: date) -> frozenset[date]:
    """The days from ``first`` to ``last`` that any pause covers (overlaps count once)."""
    days: set[date] = set()
    for pause in pauses:
        day = max(pause.first_day, first)
        while day <= min(pause.last_day, last):
            days.add(day)
            day += timedelta(days=1)
    return frozenset(days)


class StreakUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"


@dataclass(frozen=True, slots=True)
class Streak:
    """Planned days (or, for "N times a week", weeks) met in a row."""

    count: int
    unit: StreakUnit = StreakUnit.DAYS


class _Days:
    """Sessions per day from an iterator of (day, sessions) newest first, read lazily."""

    def __init__(self, newest_first: Iterable[tuple[date, int]]) -> None:
        self._rows = iter(newest_first)
        self._next = next(self._rows, None)

    def on(self, day: date) -> int:
        """Sessions on ``day``; days must be asked for newest first."""
        while self._next is not None and self._next[0] > day:
            self._next = next(self._rows, None)
        return self._next[1] if self._next is not None and self._next[0] == day else 0

    @property
    def exhausted(self) -> bool:
        """No earlier day has a session: the run cannot grow any more."""
        return self._next is None


def planned_streak(
    done_newest_first: Iterable[tuple[date, int]],
    frequency: Frequency,
    today: date,
    pauses: Sequence[Pause] = (),
) -> Streak:
    """The run of planned days (or weeks) met, up to ``today`` (see the module's rules).

    ``done_newest_first``: the days with sessions that count, and how many, newest first;
    read only as far back as the run goes.
    """
    days = _Days(done_newest_first)
    if frequency.kind is FrequencyKind.PER_WEEK:
        return Streak(_weeks_streak(days, frequency.per_week, today, pauses), StreakUnit.WEEKS)
    streak, day = 0, today
    while not days.exhausted:
        done = days.on(day)
        needed = frequency.sessions_on(day)
        if needed and not any(pause.covers(day) for pause in pauses):
            if done >= needed:
                streak += 1
            elif done == 0 and day != today:
                break
        day -= timedelta(days=1)
    return Streak(streak)


def _weeks_streak(days: _Days, per_week: int, today: date, pauses: Sequence[Pause]) -> int:
    streak = 0
    monday = today - timedelta(days=today.weekday())
    while not days.exhausted:
        week = [monday + timedelta(days=6 - i) for i in range(7)]  # newest first
        done = sum(1 for day in week if day <= today and days.on(day))
        target = per_week * sum(not any(p.covers(day) for p in pauses) for day in week) // 7
        if target:
            if done >= target:
                streak += 1
            elif done == 0 and monday + timedelta(days=6) < today:
                break
        monday -= timedelta(days=7)
    return streak


@dataclass(frozen=True, slots=True)
class Fortnight:
    """The first 14 days from the first session: sessions on different days so far."""

    first_day: date
    today: date
    days_done: int
    done_today: bool = False
    target: int = FORTNIGHT_TARGET

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=FORTNIGHT_DAYS - 1)

    @property
    def days_left(self) -> int:
        """Days after today still inside the fortnight."""
        return (self.last_day - self.today).days

    @property
    def to_go(self) -> int:
        return max(0, self.target - self.days_done)

    @property
    def reached(self) -> bool:
        return self.days_done >= self.target

    @property
    def within_reach(self) -> bool:
        """Whether the days still open (today, if nothing counted yet) can reach it."""
        return self.to_go <= self.days_left + (0 if self.done_today else 1)


def first_fortnight(
    first_day: date | None, active: Iterable[date], today: date
) -> Fortnight | None:
    """Progress toward :data:`FORTNIGHT_TARGET`; None before any session or after the
    fortnight. ``active``: days with a session that counts (several a day count once)."""
    if first_day is None or not first_day <= today < first_day + timedelta(days=FORTNIGHT_DAYS):
        return None
    last = first_day + timedelta(days=FORTNIGHT_DAYS - 1)
    days = {day for day in active if first_day <= day <= min(last, today)}
    return Fortnight(first_day, today, len(days), today in days)


def just_reached(fortnight: Fortnight | None, counted: bool, sessions_that_day: int) -> bool:
    """Whether the session just recorded reached the target: it counts, it is the only
    one on its day, and its day is the target's last. True for one session only."""
    return (
        fortnight is not None
        and counted
        and sessions_that_day == 1
        and fortnight.days_done == fortnight.target
    )
