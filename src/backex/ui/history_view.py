"""Renderables for ``backex history``: sessions, streak, days per week, pain chart."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from backex.habits.goals import Goal
from backex.history.adherence import RECENT_DAYS, Adherence, Period
from backex.history.consistency import Fortnight, Pause, Streak
from backex.history.progress import DayPain, WeekCount
from backex.history.store import SessionRecord
from backex.paths import command_name
from backex.prescription.frequency import Frequency
from backex.text import one_line
from backex.ui.consistency_view import fortnight_line, pause_line, streak_line, streak_rule
from backex.ui.habits_view import goals_summary

NARROW = 60  # below this many columns, the table gives way to stacked lines
EIGHTHS = " ▏▎▍▌▋▊▉"
MAX_BAR = 40


@dataclass(frozen=True, slots=True)
class Consistency:
    """What the history page says about keeping going: the run, a pause, the fortnight."""

    streak: Streak
    frequency: Frequency
    from_plan: bool = False
    pause: Pause | None = None
    fortnight: Fortnight | None = None


def _status(session: SessionRecord) -> str:
    if session.self_reported:
        return "self-reported"
    if session.completed:
        return "completed"
    return "stopped early" if session.ended_at else "not finished"


def _pain(session: SessionRecord) -> str:
    def show(value: int | None) -> str:
        return "-" if value is None else str(value)

    return f"{show(session.pain_before)} → {show(session.pain_after)}"


def _done(session: SessionRecord) -> str:
    planned = session.plan.get("items") if isinstance(session.plan, dict) else None
    total = len(planned) if isinstance(planned, list) else len(session.exercises)
    done = sum(not e.skipped for e in session.exercises)
    return f"{done}/{total} done"


def _what(session: SessionRecord) -> str:
    return one_line(session.plan_name or ", ".join(session.focus))


def plans_followed(sessions: Sequence[SessionRecord], hint: bool = True) -> list[Text]:
    """Which plans the sessions followed, newest first (nothing when none had a plan)."""
    names = list(dict.fromkeys(one_line(s.plan_name) for s in sessions if s.plan_name))
    if not names:
        return []
    quoted = ", ".join(f'"{name}"' for name in names)
    lines = [Text(f"Plan{'s' if len(names) > 1 else ''} followed: {quoted}.")]
    if hint:
        lines.append(
            Text(f"To compare with a plan's frequency: {command_name()} history --plan FILE", "dim")
        )
    return lines


def sessions_table(
    sessions: Sequence[SessionRecord], width: int, hint: bool = True
) -> RenderableType:
    """Recent sessions, newest first, and the plans they followed (``hint``: how to compare)."""
    title = Text("Recent sessions", style="bold")
    plans = plans_followed(sessions, hint)
    if width < NARROW:
        lines: list[RenderableType] = [title]
        for s in sessions:
            lines.append(
                Text.assemble((s.started_at.strftime("%Y-%m-%d %H:%M"), "bold"), "  ", _what(s))
            )
            lines.append(Text(f"  {_done(s)} · pain {_pain(s)} · {_status(s)}"))
        return Group(*lines, *plans)
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False
    )
    table.add_column("Started", no_wrap=True)
    table.add_column("Plan or focus" if plans else "Focus")
    table.add_column("Exercises", no_wrap=True)
    table.add_column("Pain", no_wrap=True, justify="center")
    table.add_column("Status", no_wrap=True)
    for s in sessions:
        table.add_row(
            s.started_at.strftime("%Y-%m-%d %H:%M"),
            _what(s),
            _done(s),
            _pain(s),
            _status(s),
        )
    return Group(table, *plans) if plans else table


def _week_label(monday: date, today: date) -> str:
    if monday <= today < monday + timedelta(days=7):
        return "this week"
    return "week of " + monday.strftime("%d %b")


def progress_summary(
    consistency: Consistency, weeks: Sequence[WeekCount], today: date
) -> RenderableType:
    """The run of planned days, any pause, the first fortnight, and days with a session
    per week."""
    lines: list[RenderableType] = []
    if consistency.pause is not None:
        lines.append(pause_line(consistency.pause))
    lines += [
        streak_line(consistency.streak, consistency.frequency),
        streak_rule(consistency.frequency, consistency.from_plan),
    ]
    if consistency.fortnight is not None:
        lines.append(fortnight_line(consistency.fortnight))
    lines += [
        Text("Days with a session, per week:"),
        Text("(the NHS suggests every day; rest days are fine)", style="dim"),
    ]
    for week in weeks:
        bar = "█" * week.days + "·" * (week.days_so_far - week.days)
        label = _week_label(week.monday, today)
        count = f"{week.days} of {week.days_so_far}"
        if week.days_so_far < 7:
            count += " so far"
        lines.append(Text(f"  {label:<15}{bar:<8}{count}"))
    return Group(*lines)


def _sessions(count: int) -> str:
    return f"{count} session{'s' if count != 1 else ''}"


def _done_of_planned(period: Period) -> str:
    if period.planned == 0:
        return f"{_sessions(period.done)}, none planned" if period.done else "none planned"
    return f"{period.done} of {_sessions(period.planned).replace(' ', ' planned ', 1)}"


def adherence_summary(result: Adherence) -> RenderableType:
    """Sessions done with a plan against what its frequency plans, per week and lately."""
    frequency = result.frequency
    lines: list[RenderableType] = [
        Text(f'Plan "{one_line(result.plan_name)}": {frequency.describe()}', style="bold")
    ]
    if result.started is None or result.recent is None:
        per_week = _sessions(frequency.sessions_per_week)
        lines.append(Text(f"No sessions recorded with this plan yet ({per_week} a week)."))
        return Group(*lines)
    started = f"{result.started.day} {result.started:%b %Y}"
    lines.append(Text(f"Counted from your first session with it, on {started}.", style="dim"))
    recent = result.recent
    span = (recent.last_day - recent.first_day).days + 1
    # A plan started inside the window is counted from its first day only.
    label = f"last {span} days" if span >= RECENT_DAYS else recent.first_day.strftime("since %d %b")
    lines.append(Text(f"  {label:<16}{_done_of_planned(recent)}"))
    for week in result.weeks:
        monday = week.first_day - timedelta(days=week.first_day.weekday())
        count = _done_of_planned(week)
        if week.last_day < monday + timedelta(days=6):
            count += " so far"
        lines.append(Text(f"  {_week_label(monday, result.today):<16}{count}"))
    return Group(*lines)


def _bar(value: float, bar_width: int) -> str:
    cells = value / 10 * bar_width
    full = int(cells)
    part = round((cells - full) * 8)
    if part == 8:
        full, part = full + 1, 0
    return "█" * full + (EIGHTHS[part] if part else "")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def pain_chart(days: Sequence[DayPain], width: int) -> RenderableType:
    """Pain before (B) and after (A) each day, 0-10, as horizontal bars."""
    bar_width = max(10, min(MAX_BAR, width - 14))
    lines: list[RenderableType] = [Text("Pain by day, 0-10 (B before, A after)", style="bold")]
    for day in days:
        for marker, value in (("B", day.before), ("A", day.after)):
            label = day.day.strftime("%m-%d") if marker == "B" else ""
            if value is None:
                lines.append(Text(f"{label:<5} {marker} (not given)"))
                continue
            bar = _bar(value, bar_width)
            style = "red" if value >= 6 else "yellow" if value >= 4 else "green"
            lines.append(
                Text.assemble(
                    f"{label:<5} {marker} ",
                    (f"{bar:<{bar_width}}", style),
                    f" {_number(value)}",
                )
            )
    return Group(*lines)


def history_page(
    sessions: Sequence[SessionRecord],
    consistency: Consistency,
    weeks: Sequence[WeekCount],
    pain: Sequence[DayPain],
    today: date,
    width: int,
    plan: Adherence | None = None,
    goals: Sequence[Goal] = (),
) -> RenderableType:
    """The whole ``backex history`` view (``plan``: adherence to a plan, ``--plan``;
    ``goals``: the active goals and their scores)."""
    parts: list[RenderableType] = [sessions_table(sessions, width, hint=plan is None)]
    if plan is not None:
        parts += [Text(""), adherence_summary(plan)]
    parts += [Text(""), progress_summary(consistency, weeks, today)]
    if goals:
        parts += [Text(""), goals_summary(goals)]
    if pain:
        parts += [Text(""), pain_chart(pain, width)]
    return Group(*parts)


def no_history(days: int | None = None) -> Text:
    """What to say when there is nothing to show (``days``: the --days window, if any)."""
    if days is not None:
        return Text(f"No sessions in the last {days} day{'s' if days != 1 else ''}.")
    return Text("No sessions recorded yet. Your history starts with your first routine.")
