"""The weekly check-in: is one due, the week's numbers, and one tip per answer. Pure.

The first session that starts :data:`EVERY` or more days after the last check-in (or
after the first recorded session, for the first check-in) shows the 7 days before it:
sessions done against what the plan's frequency asks for (one a day without a plan
file). A week short of that asks :data:`QUESTION` once; each answer has one concrete
tip. The words count what was done, never what was not.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from backex.care import safety
from backex.care.pain import DEFAULT_MAX_PAIN
from backex.paths import command_name
from backex.prescription.frequency import Frequency, FrequencyKind

EVERY = timedelta(days=7)
DAILY = Frequency(FrequencyKind.DAILY)  # the default advice: a session every day
QUESTION = "What got in the way?"


class Obstacle(StrEnum):
    """An answer to :data:`QUESTION`, stored as its value."""

    TIME = "time"
    PAIN = "pain"
    FORGOT = "forgot"
    NOT_SURE = "not-sure"
    OTHER = "other"


# The answers as the question lists them, numbered from 1 in this order.
OBSTACLE_WORDS: dict[Obstacle, str] = {
    Obstacle.TIME: "time",
    Obstacle.PAIN: "pain",
    Obstacle.FORGOT: "forgot",
    Obstacle.NOT_SURE: "not sure it helps",
    Obstacle.OTHER: "other",
}


@dataclass(frozen=True, slots=True)
class Week:
    """Sessions from ``first_day`` to ``last_day`` (7 days) and the days they were done."""

    first_day: date
    last_day: date
    done: int
    planned: int
    days: tuple[date, ...]

    @property
    def full(self) -> bool:
        return self.done >= self.planned


@dataclass(frozen=True, slots=True)
class CheckIn:
    """A check-in as stored: its local day, the week's numbers and the answer, if any."""

    day: date
    done: int
    planned: int
    answer: Obstacle | None = None


def is_due(today: date, last_checkin: date | None, first_session: date | None) -> bool:
    """A check-in before today's session: 7 days after the last one (or the first session)."""
    since = last_checkin or first_session
    return since is not None and today - since >= EVERY


def week_before(
    today: date,
    done_per_day: Mapping[date, int],
    frequency: Frequency | None = None,
    paused: Collection[date] = (),
) -> Week:
    """The 7 days before ``today``: sessions done (``done_per_day``) against ``frequency``;
    nothing is planned on ``paused`` days (``backex pause``)."""
    first, last = today - EVERY, today - timedelta(days=1)
    days = tuple(
        sorted(day for day, count in done_per_day.items() if first <= day <= last and count)
    )
    return Week(
        first_day=first,
        last_day=last,
        done=sum(done_per_day.get(day, 0) for day in days),
        planned=(frequency or DAILY).planned_between(first, last, skip=paused),
        days=days,
    )


def _sessions(count: int) -> str:
    return f"{count} session{'s' if count != 1 else ''}"


def week_words(week: Week) -> str:
    """ "3 of 7 planned sessions this week: every session counts." (never "missed")."""
    count = (
        f"{week.done} of {week.planned} planned {'session' if week.planned == 1 else 'sessions'}"
    )
    if week.full:
        return f"{count} this week: well done, keep it going."
    if week.done == 0:
        planned = _sessions(week.planned)
        return f"No sessions this week ({planned} planned): today is a good day to start again."
    return f"{count} this week: every session counts."


def days_words(week: Week) -> str:
    """ "Done on Mon 1, Wed 3 and Thu 4." (or nothing without a session)."""
    if not week.days:
        return ""
    names = [f"{day:%a} {day.day}" for day in week.days]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Done on {listed}."


def tip(answer: Obstacle, max_pain: int = DEFAULT_MAX_PAIN) -> str:
    """One concrete tip for what got in the way."""
    name = command_name()
    if answer is Obstacle.TIME:
        return (
            f"A short session still counts. Try 5 minutes:\n  {name} routine --focus core "
            "--minutes 5"
        )
    if answer is Obstacle.PAIN:
        return "Exercising with some pain is allowed. " + safety.stop_rule_text(max_pain)
    if answer is Obstacle.FORGOT:
        return (
            "A reminder at another time of day may suit you better, for example after "
            "dinner; open the file it writes with your calendar app:\n"
            f"  {name} remind --times 19:00 --output backex.ics"
        )
    if answer is Obstacle.NOT_SURE:
        return (
            "Home exercise helps most people with low back pain when it is done "
            "regularly, and it takes a few weeks: a few exercises most days do more than "
            "a long session now and then."
        )
    return (
        "Talk it over with your physiotherapist; this makes a summary of your sessions to "
        f"take along:\n  {name} report --format html --output report.html"
    )


def parse_obstacle(text: str) -> Obstacle:
    """An answer typed as its number, 1-5 in :data:`OBSTACLE_WORDS` order (ValueError else)."""
    number = int(text.strip())
    if not 1 <= number <= len(OBSTACLE_WORDS):
        raise ValueError(f"no answer {number}")
    return list(OBSTACLE_WORDS)[number - 1]
