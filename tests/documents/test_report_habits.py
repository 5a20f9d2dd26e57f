"""The follow-up report's goals (a table of dates and scores each) and weekly check-ins,
in Markdown, HTML and the terminal; a goal's words are escaped in each."""

import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers.a11y import accessibility_problems
from helpers.report_fortnight import FIRST_DAY, LAST_DAY, fill_fortnight
from markdown_it import MarkdownIt
from rich.console import Console
from typer.testing import CliRunner

from backex.cli import app
from backex.documents.report import CheckInRow, GoalRow, Report, build_report
from backex.documents.report_render import render_html, render_markdown
from backex.habits import store as habits
from backex.habits.checkin import CheckIn, Obstacle
from backex.habits.goals import Goal, GoalScore
from backex.history.store import History, db_path
from backex.ui.report_view import report_view

TZ = timezone(timedelta(hours=1))
ADDED = datetime(2025, 10, 20, 9, 0, tzinfo=TZ)
HOSTILE = "<script>alert(1)</script> | **socks** [red]x[/red]"


def scored(text: str, *scores: tuple[date, int], retired: bool = False, goal_id: int = 1) -> Goal:
    return Goal(
        goal_id,
        text,
        ADDED,
        ADDED + timedelta(days=30) if retired else None,
        tuple(GoalScore(day, score) for day, score in scores),
    )


GOALS = [
    scored("put my socks on standing", (date(2025, 10, 20), 3), (date(2025, 10, 27), 5)),
    scored(HOSTILE, goal_id=2),
    scored("an old goal", (date(2025, 9, 1), 2), retired=True, goal_id=3),  # nothing in period
    scored("lift the kettle", (date(2025, 10, 21), 4), retired=True, goal_id=4),
]
CHECKINS = [
    CheckIn(date(2025, 10, 13), 7, 7),  # before the period
    CheckIn(date(2025, 10, 27), 9, 14, Obstacle.TIME),
    CheckIn(date(2025, 11, 2), 14, 14),
]


def report(tmp_path: Path) -> Report:
    fill_fortnight(db_path())
    with History.open() as store:
        sessions = store.sessions()
    return build_report(
        sessions, prescription=None, first_day=FIRST_DAY, today=LAST_DAY, names={},
        source="test", goals=GOALS, checkins=CHECKINS,
    )  # fmt: skip


def test_the_periods_goals_and_check_ins(tmp_path: Path) -> None:
    built = report(tmp_path)
    assert built.goals == (
        GoalRow("put my socks on standing", False, GOALS[0].scores),
        GoalRow(HOSTILE, False, ()),
        GoalRow("lift the kettle", True, GOALS[3].scores),
    )
    assert built.checkins == (
        CheckInRow(date(2025, 10, 27), 9, 14, "time"),
        CheckInRow(date(2025, 11, 2), 14, 14, ""),
    )


def test_markdown_has_a_table_per_goal_and_a_list_of_check_ins(tmp_path: Path) -> None:
    text = render_markdown(report(tmp_path))
    assert (
        "### put my socks on standing\n\n| Date | Score |\n| --- | --- |\n"
        "| Mon 20 Oct | 3 |\n| Mon 27 Oct | 5 |\n"
    ) in text
    assert "### lift the kettle (retired)" in text
    assert "- Mon 27 Oct: 9 of 14 planned sessions in the week before; in the way: time" in text
    assert "- Sun 2 Nov: 14 of 14 planned sessions in the week before\n" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<h2>Goals, 0-10</h2>" in html
    assert "<td>Mon 27 Oct</td>" in html
    assert "<script" not in html and "<strong>socks</strong>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | **socks** [red]x[/red]" in html


def test_html_escapes_the_goal_and_stays_accessible(tmp_path: Path) -> None:
    html = render_html(report(tmp_path))
    assert accessibility_problems(html) == []
    assert "<script>" not in html
    assert "<h3>&lt;script&gt;alert(1)&lt;/script&gt; | **socks** [red]x[/red]</h3>" in html
    assert '<tr><th scope="row">Mon 20 Oct</th><td class="num">3</td></tr>' in html
    assert "<p>Not scored in this period.</p>" in html
    assert (
        "<li>Mon 27 Oct: 9 of 14 planned sessions in the week before; in the way: time</li>" in html
    )


@pytest.mark.parametrize("width", [80, 40])
def test_the_terminal_report(tmp_path: Path, width: int) -> None:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    console.print(report_view(report(tmp_path)))
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]
    start = lines.index("Goals, 0-10")
    assert "put my socks on standing" in lines[start:]
    assert "  Mon 20 Oct: 3" in lines and "  Mon 27 Oct: 5" in lines
    assert HOSTILE in " ".join(" ".join(lines).split())  # as written, never markup
    assert "lift the kettle (retired)" in lines
    assert "Weekly check-ins" in lines
    assert max(len(line) for line in lines) <= width


def test_without_goals_or_check_ins_the_sections_are_left_out(tmp_path: Path) -> None:
    fill_fortnight(db_path())
    with History.open() as store:
        sessions = store.sessions()
    plain = build_report(
        sessions, prescription=None, first_day=FIRST_DAY, today=LAST_DAY, names={}, source="t"
    )
    assert "Goals" not in render_markdown(plain) and "check-ins" not in render_html(plain)


def test_backex_report_reads_them_from_the_history(tmp_path: Path) -> None:
    fill_fortnight(db_path())
    with History.open() as store:
        goal_id = habits.add_goal(store, "put my socks on standing", ADDED)
        habits.record_score(store, goal_id, 3, ADDED)
        habits.record_checkin(store, CheckIn(date(2025, 10, 27), 9, 14, Obstacle.PAIN), ADDED)
    args = ["report", "--since", "2025-10-20", "--until", "2025-11-02", "--format", "md"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "| Mon 20 Oct | 3 |" in result.stdout
    assert (
        "- Mon 27 Oct: 9 of 14 planned sessions in the week before; in the way: pain"
        in result.stdout
    )
