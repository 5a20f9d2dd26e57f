"""How often a plan is done: the ``frequency`` field of a plan file. Pure.

A plan file writes it as one of::

    daily | 2x-daily | twice daily | 3x-daily | every-2h | weekdays
    3x-weekly | 3 times a week          # N from 1 to 6, on any days
    [mon, wed, fri]                     # once on each listed day
    ["07:30", "18:00"]                  # every day at these times
    {times: ["07:30", "18:00"], days: [mon, wed, fri]}

Reminders and adherence both read it: :meth:`Frequency.sessions_on` a day,
:meth:`Frequency.planned_between` two days, :meth:`Frequency.reminder_times`.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum


class Weekday(StrEnum):
    """A day of the week as plan files write it; order follows ``date.weekday()``."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class FrequencyKind(StrEnum):
    """How often a plan is done.

    WEEKDAYS: once on each listed day. PER_WEEK: N sessions a week, any days. TIMES: at
    the listed times of day, on the listed days (all days when none are listed).
    """

    DAILY = "daily"
    TWICE_DAILY = "2x-daily"
    THREE_TIMES_DAILY = "3x-daily"
    EVERY_2H = "every-2h"
    WEEKDAYS = "weekdays"
    PER_WEEK = "per-week"
    TIMES = "times"


# "Every two hours" is read as daytime only: 08:00 to 20:00 inclusive, 7 sessions. The
# McKenzie press-up source gives "6-8 times a day (every 2 hours)"; 7 sits inside that.
EVERY_2H_FIRST_HOUR = 8
EVERY_2H_LAST_HOUR = 20

FREQUENCY_CHOICES = (
    "daily, 2x-daily, 3x-daily, every-2h, weekdays, 3x-weekly, "
    '[mon, wed, fri] or ["08:00", "18:00"]'
)
# Reminder times when the plan gives none (--times replaces them).
_DEFAULT_TIMES = {
    FrequencyKind.TWICE_DAILY: (time(8, 0), time(18, 0)),
    FrequencyKind.THREE_TIMES_DAILY: (time(8, 0), time(13, 0), time(19, 0)),
}
# Suggested reminder days for "N times a week": spread over the week.
_SPREAD = {
    1: ("mon",),
    2: ("mon", "thu"),
    3: ("mon", "wed", "fri"),
    4: ("mon", "tue", "thu", "fri"),
    5: ("mon", "tue", "wed", "thu", "fri"),
    6: ("mon", "tue", "wed", "thu", "fri", "sat"),
}
_WORK_WEEK = (Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI)
_ALIASES = {
    "once daily": "daily",
    "once a day": "daily",
    "twice daily": "2x-daily",
    "twice a day": "2x-daily",
    "2 times a day": "2x-daily",
    "3 times a day": "3x-daily",
    "three times daily": "3x-daily",
    "three times a day": "3x-daily",
}
_PER_WEEK = re.compile(r"^(\d)\s*(?:x-weekly|x a week|x per week|times? (?:a|per) week)$")


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often: a kind, the days (WEEKDAYS, TIMES), times of day (TIMES), N (PER_WEEK)."""

    kind: FrequencyKind
    weekdays: tuple[Weekday, ...] = ()
    times: tuple[time, ...] = ()
    per_week: int = 0

    @property
    def sessions_per_day(self) -> int:
        """Sessions on a day the plan is done."""
        if self.kind is FrequencyKind.TWICE_DAILY:
            return 2
        if self.kind is FrequencyKind.THREE_TIMES_DAILY:
            return 3
        if self.kind is FrequencyKind.EVERY_2H:
            return (EVERY_2H_LAST_HOUR - EVERY_2H_FIRST_HOUR) // 2 + 1
        if self.kind is FrequencyKind.TIMES:
            return len(self.times)
        return 1

    @property
    def days(self) -> tuple[Weekday, ...]:
        """The weekdays the plan may be done on (all seven unless listed)."""
        if self.kind in (FrequencyKind.WEEKDAYS, FrequencyKind.TIMES) and self.weekdays:
            return self.weekdays
        return tuple(Weekday)

    @property
    def sessions_per_week(self) -> int:
        """Target sessions in a full week."""
        if self.kind is FrequencyKind.PER_WEEK:
            return self.per_week
        return self.sessions_per_day * len(self.days)

    def sessions_on(self, day: date) -> int:
        """Target sessions on ``day`` (0 on a rest day; PER_WEEK has no fixed days: 0)."""
        if self.kind is FrequencyKind.PER_WEEK:
            return 0
        return self.sessions_per_day if list(Weekday)[day.weekday()] in self.days else 0

    def planned_between(self, first: date, last: date, skip: Collection[date] = ()) -> int:
        """Target sessions from ``first`` to ``last``, both included, less the days in
        ``skip`` (paused days: nothing is planned on them).

        PER_WEEK: N for each full week, and N times the share of a week for a part
        week, rounded down (a 3-day stretch of "3 times a week" plans 1).
        """
        if last < first:
            return 0
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        days = [day for day in days if day not in skip] if skip else days
        if self.kind is FrequencyKind.PER_WEEK:
            return self.per_week * len(days) // 7
        return sum(self.sessions_on(day) for day in days)

    def reminder_days(self) -> tuple[Weekday, ...]:
        """Days for a weekly reminder rule; empty for every day."""
        if self.kind is FrequencyKind.PER_WEEK:
            return tuple(Weekday(d) for d in _SPREAD[self.per_week])
        days = self.days
        return () if len(days) == len(Weekday) else days

    def reminder_times(self) -> tuple[time, ...]:
        """The plan's own times, or default times of day for its kind."""
        if self.kind is FrequencyKind.TIMES:
            return self.times
        if self.kind is FrequencyKind.EVERY_2H:
            hours = range(EVERY_2H_FIRST_HOUR, EVERY_2H_LAST_HOUR + 1, 2)
            return tuple(time(hour, 0) for hour in hours)
        return _DEFAULT_TIMES.get(self.kind, (time(8, 0),))

    def describe(self) -> str:
        """Plain words: "once a day", "twice a day", "once a day on Mon, Wed and Fri"."""
        kind = self.kind
        if kind is FrequencyKind.DAILY:
            return "once a day"
        if kind is FrequencyKind.TWICE_DAILY:
            return "twice a day"
        if kind is FrequencyKind.THREE_TIMES_DAILY:
            return "3 times a day"
        if kind is FrequencyKind.EVERY_2H:
            return (
                f"every 2 hours from {EVERY_2H_FIRST_HOUR:02d}:00 to {EVERY_2H_LAST_HOUR:02d}:00 "
                f"({self.sessions_per_day} times a day)"
            )
        if kind is FrequencyKind.PER_WEEK:
            return "once a week" if self.per_week == 1 else f"{self.per_week} times a week"
        if kind is FrequencyKind.TIMES:
            at = _listed([f"{t:%H:%M}" for t in self.times])
            days = "every day" if len(self.days) == 7 else f"on {_listed(_names(self.days))}"
            return f"{days} at {at}"
        if self.weekdays == _WORK_WEEK:
            return "once a day, Monday to Friday"
        return f"once a day on {_listed(_names(self.weekdays))}"

    def to_yaml(self) -> str:
        """The value as a plan file writes it: ``3x-daily``, ``[mon, wed, fri]``..."""
        if self.kind is FrequencyKind.WEEKDAYS:
            return f"[{', '.join(self.weekdays)}]"
        if self.kind is FrequencyKind.PER_WEEK:
            return f"{self.per_week}x-weekly"
        if self.kind is FrequencyKind.TIMES:
            times = ", ".join(f'"{t:%H:%M}"' for t in self.times)
            if len(self.days) == 7:
                return f"[{times}]"
            return f"{{times: [{times}], days: [{', '.join(self.days)}]}}"
        return self.kind.value


def _names(days: tuple[Weekday, ...]) -> list[str]:
    return [day.value.capitalize() for day in days]


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def parse_frequency(value: object) -> Frequency:
    """A plan file's ``frequency`` value; ValueError with the valid choices otherwise."""
    if isinstance(value, str):
        return _from_text(value)
    if isinstance(value, dict):
        unknown = set(value) - {"times", "days"}
        if unknown or "times" not in value:
            raise ValueError(f"write times as {{times: [...], days: [...]}}; {FREQUENCY_CHOICES}")
        times = _times(value["times"])
        days = _days(value["days"]) if value.get("days") is not None else ()
        return Frequency(FrequencyKind.TIMES, weekdays=days, times=times)
    if isinstance(value, list | tuple):
        if not value:
            raise ValueError("give at least one weekday, e.g. [mon, wed, fri]")
        if all(isinstance(item, str) and ":" in item for item in value):
            return Frequency(FrequencyKind.TIMES, times=_times(value))
        return Frequency(FrequencyKind.WEEKDAYS, _days(value))
    raise ValueError(f"must be {FREQUENCY_CHOICES}")


def _from_text(value: str) -> Frequency:
    text = " ".join(value.split()).casefold()
    text = _ALIASES.get(text, text)
    if text == "weekdays":
        return Frequency(FrequencyKind.WEEKDAYS, _WORK_WEEK)
    simple = (
        FrequencyKind.DAILY,
        FrequencyKind.TWICE_DAILY,
        FrequencyKind.THREE_TIMES_DAILY,
        FrequencyKind.EVERY_2H,
    )
    if text in simple:
        return Frequency(FrequencyKind(text))
    match = _PER_WEEK.match(text)
    if match:
        count = int(match.group(1))
        if not 1 <= count <= 6:
            raise ValueError(f"{count} times a week: give 1 to 6, or write daily")
        return Frequency(FrequencyKind.PER_WEEK, per_week=count)
    raise ValueError(f"unknown frequency {value!r}; use {FREQUENCY_CHOICES}")


def _days(value: object) -> tuple[Weekday, ...]:
    if not isinstance(value, list | tuple) or not value:
        raise ValueError("give at least one weekday, e.g. [mon, wed, fri]")
    days: set[Weekday] = set()
    for item in value:
        if not isinstance(item, str) or item.lower() not in set(Weekday):
            raise ValueError(f"unknown weekday {item!r}; use {', '.join(Weekday)}")
        days.add(Weekday(item.lower()))
    return tuple(d for d in Weekday if d in days)


def _times(value: object) -> tuple[time, ...]:
    if not isinstance(value, list | tuple) or not value:
        raise ValueError('give at least one time of day, e.g. ["08:00", "18:00"]')
    found: list[time] = []
    for item in value:
        try:
            hours, minutes = str(item).split(":")
            if len(minutes) != 2 or not hours.isdigit() or not minutes.isdigit():
                raise ValueError(item)
            at = time(int(hours), int(minutes))
        except ValueError:
            raise ValueError(
                f'invalid time {item!r}; write 24-hour times in quotes, e.g. "07:30"'
            ) from None
        if at in found:
            raise ValueError(f"time {item} is listed twice")
        found.append(at)
    return tuple(sorted(found))
