"""Renderables for goals (PSFS scores) and the weekly check-in. A goal's words are the
person's own: always a Text (never markup), made one line."""

from collections.abc import Sequence
from datetime import date

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from backex.habits import checkin, goals
from backex.habits.checkin import Week
from backex.habits.goals import Goal, GoalScore
from backex.paths import command_name
from backex.text import one_line

SCORE_PROMPT = "Score 0-10, Enter skips: "
SCORE_RETRY = "Please give a whole number from 0 to 10, or press Enter to skip."
OBSTACLE_PROMPT = "Type 1-5, Enter skips: "
OBSTACLE_RETRY = "Please type a number from 1 to 5, or press Enter to skip."


def _day(day: date) -> str:
    return f"{day.day} {day:%b}"


def _score(score: GoalScore) -> str:
    return f"{score.score} on {_day(score.day)}"


def trend(goal: Goal) -> str:
    """ "3 → 6 (latest 16 Mar)", "4 (2 Mar)" or "not scored yet"."""
    first, latest = goal.first, goal.latest
    if first is None or latest is None:
        return "not scored yet"
    if len(goal.scores) == 1:
        return f"{first.score} ({_day(first.day)})"
    return f"{first.score} → {latest.score} (latest {_day(latest.day)})"


def no_goals() -> Text:
    return Text(
        f"No goals yet. Name up to {goals.MAX_ACTIVE} everyday things your back makes hard:\n"
        f'  {command_name()} goal add "{goals.EXAMPLE}"'
    )


def _indented(rows: Sequence[str], indent: int) -> Table:
    """Rows that wrap under their own first character, ``indent`` spaces in."""
    table = Table.grid()
    table.add_column(width=indent)
    table.add_column()
    for row in rows:
        table.add_row("", row)
    return table


def goal_list(all_goals: Sequence[Goal]) -> RenderableType:
    """``goal list``: the active goals numbered, each with every score; then retired ones."""
    active = [g for g in all_goals if g.active]
    retired = [g for g in all_goals if not g.active]
    lines: list[RenderableType] = []
    if active:
        lines += [Text("Your goals", style="bold"), Text(f"Scores: {goals.SCALE}.", style="dim")]
    else:
        lines.append(no_goals())
    for number, goal in enumerate(active, 1):
        lines.append(Text.assemble(f"{number}. ", (one_line(goal.text), "bold")))
        scores = ", ".join(_score(s) for s in goal.scores)
        lines.append(_indented([scores or "not scored yet: asked when your next session ends"], 3))
    if retired:
        lines += [Text(""), Text("Retired (their scores are kept)", style="bold")]
        lines.append(_indented([f"{one_line(g.text)}: {trend(g)}" for g in retired], 3))
    return Group(*lines)


def goals_summary(all_goals: Sequence[Goal]) -> RenderableType:
    """The history page's goals: each active one, first score → latest, and when."""
    rows = [f"{one_line(goal.text)}: {trend(goal)}" for goal in all_goals if goal.active]
    return Group(Text("Goals, 0-10 (how well you can do it)", style="bold"), _indented(rows, 2))


def goal_question(goal: Goal) -> RenderableType:
    """Above the score prompt: the goal in the person's words and the PSFS question."""
    return Group(
        Text.assemble(("Your goal: ", "bold"), one_line(goal.text)),
        Text(f"{goals.QUESTION} {goals.SCALE}."),
    )


def week_view(week: Week) -> RenderableType:
    """The "Your week" block before a session: sessions done against planned, and when.

    Plain lines, no box: a screen reader reads them as they are, and narrow terminals
    wrap them without a border in the way."""
    lines = [Text("Your week", style="bold cyan"), Text(checkin.week_words(week), style="bold")]
    days = checkin.days_words(week)
    if days:
        lines.append(Text(days))
    return Group(*lines)


def obstacle_question(width: int) -> Text:
    """The question and its five numbered answers, lines broken between answers only."""
    lines: list[str] = []
    for number, words in enumerate(checkin.OBSTACLE_WORDS.values(), 1):
        choice = f"{number} {words}"
        if lines and len(lines[-1]) + 2 + len(choice) <= width:
            lines[-1] += "  " + choice
        else:
            lines.append(choice)
    return Text("\n".join([checkin.QUESTION, *lines]))


def tip_view(tip: str) -> Text:
    return Text.assemble(("Tip: ", "bold cyan"), tip)


def goal_added(number: int, text: str) -> Text:
    return Text.assemble(
        f"Added goal {number}: ",
        (one_line(text), "bold"),
        f"\nbackex will ask how well you can do it when your next session ends ({goals.SCALE}).",
    )


def goal_retired(number: int, goal: Goal) -> Text:
    return Text.assemble(
        f"Retired goal {number}: ",
        (one_line(goal.text), "bold"),
        ". Its scores are kept in your history.",
    )
