"""Lines for the run of planned days, a pause and the first fortnight. Never a scold:
they say what was done and what is next, never what was missed."""

from datetime import date, datetime

from rich.text import Text

from backex.catalogue.exercise import format_dose
from backex.history.consistency import Fortnight, Pause, Streak, StreakUnit
from backex.paths import command_name
from backex.planning.plan import Plan
from backex.prescription.frequency import Frequency, FrequencyKind
from backex.text import one_line

NEW_RUN = "Every session counts — start a new run today."


def day_text(day: date) -> str:
    """Like "Fri 11 Dec"."""
    return f"{day:%a} {day.day} {day:%b}"


def streak_line(streak: Streak, frequency: Frequency) -> Text:
    """ "5 planned days in a row." in plain words, or an invitation to start."""
    if streak.count == 0:
        return Text(NEW_RUN, style="bold")
    if streak.unit is StreakUnit.WEEKS:
        weeks = f"{streak.count} week{'s' if streak.count != 1 else ''}"
        return Text(f"Your run: {weeks} in a row with your {frequency.describe()}.", style="bold")
    days = f"{streak.count} planned day{'s' if streak.count != 1 else ''}"
    return Text(f"Your run: {days} in a row.", style="bold")


def streak_rule(frequency: Frequency, from_plan: bool) -> Text:
    """How the run is counted, in one dim line."""
    if frequency.kind is FrequencyKind.PER_WEEK:
        return Text(
            f"(weeks with your plan's {frequency.describe()}; a pause or this week so far "
            "never ends it)",
            style="dim",
        )
    if not from_plan:
        return Text(
            "(every day counts, as the NHS suggests; a pause or today so far never ends it)",
            style="dim",
        )
    return Text(
        f"(the days your plan asks for: {frequency.describe()}; rest days, a pause or "
        "today so far never end it)",
        style="dim",
    )


def pause_line(pause: Pause) -> Text:
    """ "Paused until Fri 11 Dec" and how to pick up sooner."""
    return Text(
        f"Paused until {day_text(pause.resume_day)}: these days are not counted as planned "
        f"(pick up sooner with: {command_name()} pause --end)."
    )


def fortnight_line(fortnight: Fortnight) -> Text:
    """Progress toward the first fortnight's target, or the friendly line once reached."""
    target = fortnight.target
    if fortnight.reached:
        return Text(
            f"First fortnight: {target} sessions in 2 weeks — well done, a habit is forming.",
            style="bold",
        )
    done = f"First fortnight: {fortnight.days_done} of {target} sessions"
    left = fortnight.days_left
    days_left = "last day today" if left == 0 else f"{left} day{'s' if left != 1 else ''} left"
    if fortnight.within_reach:
        return Text(f"{done} — {fortnight.to_go} to go, {days_left}.")
    return Text(f"{done}, {days_left} — every session counts.")


def pause_started(pause: Pause, today: date) -> Text:
    """What ``backex pause --days N`` did."""
    days = (pause.last_day - today).days + 1
    return Text(
        f"Paused for {days} day{'s' if days != 1 else ''}, until "
        f"{day_text(pause.resume_day)}: these days are not counted as planned in your "
        f"run, your plan's sessions or reminders. Get well; pick up sooner with: "
        f"{command_name()} pause --end"
    )


def pause_shown(pause: Pause | None) -> Text:
    """What ``backex pause`` alone says."""
    if pause is None:
        return Text(
            "No pause running. For illness or travel: "
            f"{command_name()} pause --days N (1 to 60 days from today)."
        )
    return Text(
        f"Paused since {day_text(pause.first_day)}, until {day_text(pause.resume_day)}. "
        f"Pick up sooner with: {command_name()} pause --end"
    )


def pause_ended(pause: Pause | None) -> Text:
    """What ``backex pause --end`` did."""
    if pause is None:
        return Text("No pause running: your plan is on as usual.")
    return Text("Pause ended: welcome back. Today is a plan day again; any session counts.")


def fortnight_after_session(news: tuple[Fortnight, bool] | None) -> Text | None:
    """After a session: progress toward the fortnight's target, the friendly line
    once when it is reached, then nothing."""
    if news is None:
        return None
    fortnight, just_reached = news
    if fortnight.reached and not just_reached:
        return None
    return fortnight_line(fortnight)


def done_line(
    plan: Plan, moment: datetime, pain_before: int | None, pain_after: int | None
) -> Text:
    """The one-line confirmation of ``backex done``."""
    what = ", ".join(
        f"{one_line(item.exercise.name)} {format_dose(item.dose)}" for item in plan.items
    )
    named = f' from "{one_line(plan.name)}"' if plan.name else ""
    pain = ""
    if pain_before is not None or pain_after is not None:
        shown = ["-" if p is None else str(p) for p in (pain_before, pain_after)]
        pain = f"; pain {shown[0]} → {shown[1]}"
    return Text(
        f"Logged (self-reported){named}: {what}, on {day_text(moment.date())} at "
        f"{moment:%H:%M}{pain}. It counts like any other session."
    )
