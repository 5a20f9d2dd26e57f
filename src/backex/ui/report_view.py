"""The follow-up report in the terminal: a Rich renderable, narrow terminals included."""

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from backex.documents.report import Report
from backex.documents.report_render import (
    CHECKINS_TITLE,
    GOALS_NOTE,
    GOALS_TITLE,
    _day,
    _meta,
    _responses,
    checkin_line,
    pain_days,
)
from backex.text import one_line


def _indented() -> Table:
    """Rows that wrap under their own first character, two spaces in."""
    table = Table.grid()
    table.add_column(width=2)
    table.add_column()
    return table


def report_view(report: Report) -> RenderableType:
    """Heading, facts, sessions by week, pain, exercises and skips, top to bottom."""
    parts: list[RenderableType] = [Text(one_line(report.title), style="bold")]
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    for label, value in _meta(report):
        facts.add_row(label, one_line(value))
    parts += [facts, Text("")]

    weeks = Table(title="Sessions by week", title_justify="left", box=box.SIMPLE_HEAD)
    weeks.add_column("Week")
    weeks.add_column("Done", justify="right")
    weeks.add_column("Planned", justify="right")
    for w in report.weeks:
        planned = "-" if w.planned is None else str(w.planned)
        weeks.add_row(f"{_day(w.first_day)} to {_day(w.last_day)}", str(w.done), planned)
    parts.append(weeks)

    parts += [Text("Pain (0-10), before → after", style="italic"), Text(report.pain_summary)]
    pain = _indented()
    for day, scores in pain_days(report):
        pain.add_row("", f"{day}: {scores}")
    parts += [pain, Text("")]

    if report.goals:
        parts += [Text(GOALS_TITLE, style="italic"), Text(GOALS_NOTE, style="dim")]
        for goal in report.goals:
            retired = " (retired)" if goal.retired else ""
            parts.append(Text.assemble((one_line(goal.text), "bold"), retired))
            table = _indented()
            for score in goal.scores:
                table.add_row("", f"{_day(score.day)}: {score.score}")
            if not goal.scores:
                table.add_row("", "not scored in this period")
            parts.append(table)
        parts.append(Text(""))
    if report.checkins:
        parts.append(Text(CHECKINS_TITLE, style="italic"))
        checkins = _indented()
        for checkin in report.checkins:
            checkins.add_row("", checkin_line(checkin))
        parts += [checkins, Text("")]
    parts.append(Text("Exercises", style="italic"))
    for row in report.exercises:
        parts.append(
            Text.assemble((one_line(row.name), "bold"), f": done {row.done}, skipped {row.skipped}")
        )
        lines = _indented()
        for step in row.doses:
            dose, reason = one_line(step.dose), one_line(step.reason)
            lines.add_row("", f"from {_day(step.first_day)}: {dose} ({reason})")
        if row.responses:
            lines.add_row("", f"symptoms after it: {_responses(row.responses)}")
        parts.append(lines)
    parts += [Text(""), Text("Skipped", style="italic")]
    skips = _indented()
    for s in report.skips:
        skips.add_row("", f"{_day(s.day)}: {one_line(s.name)}: {s.reason}")
    if not report.skips:
        skips.add_row("", "Nothing was skipped.")
    parts.append(skips)
    parts.append(Text(f"Also: {report.not_recorded}.", style="dim"))
    return Group(*parts)
