"""Goals and the weekly check-in on screen, at 80 and 40 columns; a goal's words are text."""

import io
from datetime import date, datetime, timedelta, timezone

import pytest
from rich.console import Console, RenderableType

from backex.habits.checkin import Week
from backex.habits.goals import Goal, GoalScore
from backex.ui import habits_view
from backex.ui.output import SafeConsole

TZ = timezone(timedelta(hours=1))
ADDED = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)


def render(renderable: RenderableType, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    console.print(renderable)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]


def goal(text: str, *scores: tuple[int, int], retired: bool = False) -> Goal:
    """A goal added on Monday 2 March 2026 with (days later, score) scores."""
    return Goal(
        1,
        text,
        ADDED,
        ADDED + timedelta(days=20) if retired else None,
        tuple(GoalScore(ADDED.date() + timedelta(days=d), s) for d, s in scores),
    )


@pytest.mark.parametrize(
    ("scores", "shown"),
    [
        ((), "not scored yet"),
        (((0, 3),), "3 (2 Mar)"),
        (((0, 3), (7, 5), (14, 6)), "3 → 6 (latest 16 Mar)"),
    ],
)
def test_a_goals_trend(scores: tuple[tuple[int, int], ...], shown: str) -> None:
    assert habits_view.trend(goal("walk", *scores)) == shown


@pytest.mark.parametrize("width", [80, 40])
def test_the_goal_list_at_each_width(width: int) -> None:
    goals = [
        goal("put my socks on standing", (0, 3), (7, 5)),
        goal("walk to the shop"),
        goal("carry the shopping", (0, 4), retired=True),
    ]
    lines = render(habits_view.goal_list(goals), width)
    assert lines[0] == "Your goals"
    assert "1. put my socks on standing" in lines
    assert "   3 on 2 Mar, 5 on 9 Mar" in lines
    assert "2. walk to the shop" in lines
    assert lines[-2:] == ["Retired (their scores are kept)", "   carry the shopping: 4 (2 Mar)"]
    assert max(len(line) for line in lines) <= width


def test_the_history_summary_shows_active_goals_only() -> None:
    goals = [goal("put my socks on standing", (0, 3), (7, 5)), goal("old one", retired=True)]
    assert render(habits_view.goals_summary(goals), 80) == [
        "Goals, 0-10 (how well you can do it)",
        "  put my socks on standing: 3 → 5 (latest 9 Mar)",
    ]


def test_a_goals_words_are_never_markup_or_terminal_commands() -> None:
    hostile = goal("[red]x[/red] <b>walk</b>\x1b]0;pwned\x07\nrm -rf ~")
    console = SafeConsole(file=io.StringIO(), force_terminal=True, color_system=None, width=80)
    for renderable in (
        habits_view.goal_list([hostile]),
        habits_view.goals_summary([hostile]),
        habits_view.goal_question(hostile),
    ):
        console.print(renderable)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[red]x[/red] <b>walk</b>" in shown
    assert "\x1b]" not in shown and "\x07" not in shown
    assert "\nrm -rf" not in shown  # one line: the break became a space


@pytest.mark.parametrize("width", [80, 40])
def test_the_week_block_at_each_width(width: int) -> None:
    monday = date(2026, 3, 2)
    week = Week(monday, monday + timedelta(days=6), 3, 7, (monday, monday + timedelta(days=2)))
    lines = render(habits_view.week_view(week), width)
    assert "Your week" in lines[0]
    assert lines[0] == "Your week"
    text = " ".join(" ".join(lines).split())
    assert "3 of 7 planned sessions this week: every session counts." in text
    assert "Done on Mon 2 and Wed 4." in text
    assert max(len(line) for line in lines) <= width


def test_the_question_lists_the_five_answers_and_wraps_between_them() -> None:
    assert render(habits_view.obstacle_question(80), 80) == [
        "What got in the way?",
        "1 time  2 pain  3 forgot  4 not sure it helps  5 other",
    ]
    narrow = render(habits_view.obstacle_question(40), 40)
    assert narrow == [
        "What got in the way?",
        "1 time  2 pain  3 forgot",
        "4 not sure it helps  5 other",
    ]


def test_a_long_goal_wraps_under_itself_at_40_columns() -> None:
    long = goal("walk to the shop and back without stopping", (0, 3), (7, 5))
    lines = render(habits_view.goals_summary([long]), 40)
    assert lines[0] == "Goals, 0-10 (how well you can do it)"
    assert len(lines) > 2 and all(line.startswith("  ") for line in lines[1:])
    assert " ".join(" ".join(lines[1:]).split()) == (
        "walk to the shop and back without stopping: 3 → 5 (latest 9 Mar)"
    )
