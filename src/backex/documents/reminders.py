"""Reminders: an iCalendar (RFC 5545) file or crontab lines for a plan's frequency.

Each time of day becomes its own VEVENT (a daily rule, or a weekly rule on the plan's
weekdays) with a display alarm: plain daily and weekly rules are what every calendar app
imports. Times are floating local times (no time zone), so 08:00 stays 08:00 wherever
the calendar is. UIDs are derived from the plan and the time, so importing a re-exported
file updates the events instead of duplicating them.
"""

import hashlib
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from backex import __version__
from backex.catalogue.exercise import format_dose
from backex.errors import UsageError
from backex.prescription.model import (
    Frequency,
    Prescription,
    Weekday,
    prescription_to_plan,
)
from backex.text import one_line, visible

TIMES_EXAMPLE = "08:00,13:00,19:00"
ICAL_DAYS = {
    Weekday.MON: "MO",
    Weekday.TUE: "TU",
    Weekday.WED: "WE",
    Weekday.THU: "TH",
    Weekday.FRI: "FR",
    Weekday.SAT: "SA",
    Weekday.SUN: "SU",
}
CRON_DAYS = {day: (index + 1) % 7 for index, day in enumerate(Weekday)}  # cron: Sunday is 0


@dataclass(frozen=True, slots=True)
class ReminderSchedule:
    """When to remind: times of day, on some weekdays (empty: every day), and what for."""

    times: tuple[time, ...]
    weekdays: tuple[Weekday, ...] = ()
    title: str = "Back exercises"
    minutes: int = 15  # event length: the plan's estimate, or the routine's default budget
    detail: str = ""  # what the event's description says about the plan
    command: str = "backex routine"  # what to run when reminded


def default_times(frequency: Frequency) -> tuple[time, ...]:
    """The plan's own times, or 08:00; 08:00 and 18:00; 08:00, 13:00 and 19:00; every 2 h."""
    return frequency.reminder_times()


def weekdays_of(frequency: Frequency) -> tuple[Weekday, ...]:
    """The rule's days: empty for every day (``N times a week``: days spread over the week)."""
    return frequency.reminder_days()


def schedule_for_prescription(
    prescription: Prescription, plan_path: str, times: tuple[time, ...] | None = None
) -> ReminderSchedule:
    """Reminders for a plan file at ``plan_path``, at ``times`` or the defaults.

    ``plan_path`` is written into the reminder as it is given: the file's name, or the
    path the patient will have (``--plan-path``), never the author's absolute path.

    Raises UsageError when ``times`` gives a different number of sessions a day.
    """
    frequency = prescription.frequency
    if times is not None and len(times) != frequency.sessions_per_day:
        raise UsageError(
            f"the plan says {frequency.describe()}, but --times gives {len(times)} "
            f"time{'s' if len(times) != 1 else ''} a day"
        )
    plan = prescription_to_plan(prescription)
    exercises = "; ".join(f"{item.exercise.name} {format_dose(item.dose)}" for item in plan.items)
    return ReminderSchedule(
        times=times or default_times(frequency),
        weekdays=weekdays_of(frequency),
        title=prescription.name,
        minutes=max(1, -(-plan.total_s // 60)),
        detail=f"{prescription.name}, {frequency.describe()}: {exercises}.",
        command=f"backex routine --plan {shlex.quote(plan_path)}",
    )


def parse_times(text: str) -> tuple[time, ...]:
    """``"08:00,13:00"`` -> times in order; UsageError with an example otherwise."""
    times: list[time] = []
    for part in text.split(","):
        value = part.strip()
        try:
            hours, minutes = value.split(":")
            if len(minutes) != 2 or not hours.isdigit() or not minutes.isdigit():
                raise ValueError(value)
            parsed = time(int(hours), int(minutes))
        except ValueError:
            raise UsageError(
                f"invalid time {value!r} in --times; give 24-hour times separated by "
                f"commas, e.g. --times {TIMES_EXAMPLE}"
            ) from None
        if parsed in times:
            raise UsageError(f"--times lists {value} twice")
        times.append(parsed)
    return tuple(sorted(times))


# ---------------------------------------------------------------------------- iCalendar


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and newlines escaped.

    Other control characters, which TEXT may not hold, are shown as symbols.
    """
    text = visible(text.replace("\r\n", "\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (continuations start with a space), never
    splitting a UTF-8 character."""
    if len(line.encode("utf-8")) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space takes one octet
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _uid(schedule: ReminderSchedule, at: time) -> str:
    days = ",".join(schedule.weekdays) or "daily"
    key = f"{schedule.title}\n{schedule.command}\n{days}\n{at:%H:%M}"
    return f"{hashlib.sha256(key.encode()).hexdigest()[:32]}@backex"


def _first_day(start: date, weekdays: Sequence[Weekday]) -> date:
    # RFC 5545: DTSTART should be the first occurrence of its rule.
    if not weekdays:
        return start
    days = list(Weekday)
    return next(
        start + timedelta(days=n) for n in range(7) if days[(start.weekday() + n) % 7] in weekdays
    )


def render_ics(
    schedule: ReminderSchedule, *, start: date, now: datetime, alarm_minutes: int = 0
) -> str:
    """The whole calendar, CRLF line endings; ``now`` (UTC) is the DTSTAMP."""
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    rule = "FREQ=DAILY"
    if schedule.weekdays:
        rule = f"FREQ=WEEKLY;BYDAY={','.join(ICAL_DAYS[d] for d in schedule.weekdays)}"
    first = _first_day(start, schedule.weekdays)
    description = "\n".join(
        part for part in (schedule.detail, f"Start it with: {schedule.command}") if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//backex//backex {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(schedule.title)}",
    ]
    for at in schedule.times:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(schedule, at)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{datetime.combine(first, at):%Y%m%dT%H%M%S}",
            f"DURATION:PT{schedule.minutes}M",
            f"RRULE:{rule}",
            f"SUMMARY:{escape_text(schedule.title)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(f'Time for your exercises: {schedule.title}')}",
            f"TRIGGER:-PT{alarm_minutes}M",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines)


# ------------------------------------------------------------------------------ crontab


def render_crontab(schedule: ReminderSchedule, uid: int | None = None) -> str:
    """Crontab lines that pop up a desktop notification (``notify-send``) at each time.

    They do not start the routine itself: cron has no terminal to coach in. ``uid``
    fills in the D-Bus address hint that desktop notifications from cron usually need.
    """
    days = ",".join(str(CRON_DAYS[d]) for d in schedule.weekdays) or "*"
    # The plan's name is another person's text: it goes only into a comment, on one line.
    # The command line holds fixed words and the (quoted, one-line) command to run.
    message = f"Time for your back exercises: {one_line(schedule.command)}"
    # In a crontab command an unescaped % ends the command line.
    command = f"notify-send backex {shlex.quote(message)}".replace("%", "\\%")
    bus = f"/run/user/{uid}/bus" if uid is not None else "/run/user/<your uid>/bus"
    lines = [
        f"# backex reminders: {one_line(schedule.title)}",
        "# Each line shows a desktop notification (notify-send) that says to run:",
        f"#   {one_line(schedule.command)}",
        "# Install: run `crontab -e` and paste these lines. cron runs outside your desktop",
        "# session; if no notification appears, add this line above them:",
        f"#   DBUS_SESSION_BUS_ADDRESS=unix:path={bus}",
    ]
    lines += [f"{at.minute} {at.hour} * * {days} {command}" for at in schedule.times]
    return "\n".join(lines) + "\n"
