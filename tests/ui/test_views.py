"""Rendering at fixed widths: the history page, the pain chart and the safety page."""

import io
from datetime import date, datetime

import pytest
from helpers.history_week import TZ, fill_week
from rich.console import Console, RenderableType

from backex.care import safety
from backex.history import progress
from backex.history.progress import DayPain
from backex.history.store import History
from backex.ui import history_view, safety_view

SUNDAY = date(2025, 3, 9)


def render(renderable: RenderableType, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, no_color=True, highlight=False)
    console.print(renderable)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return [line.rstrip() for line in text.splitlines()]


def week_page(width: int) -> list[str]:
    with History.open() as store:
        sessions = store.sessions()
    active = progress.active_days(sessions)
    return render(
        history_view.history_page(
            sessions,
            progress.current_streak(active, SUNDAY),
            progress.weekly_counts(active, SUNDAY),
            progress.pain_by_day(sessions),
            SUNDAY,
            width,
        ),
        width,
    )


def test_history_page_at_40_columns() -> None:
    from backex.history.store import db_path

    fill_week(db_path(), SUNDAY)
    lines = week_page(40)
    assert lines == [
        "Recent sessions",
        "2025-03-09 08:01  core",
        "  3/3 done · pain 2 → 1 · completed",
        "2025-03-08 08:01  mckenzie",
        "  2/4 done · pain 3 → 2 · stopped early",
        "2025-03-07 08:01  core",
        "  3/3 done · pain 3 → 2 · completed",
        "2025-03-05 08:01  mckenzie",
        "  4/4 done · pain 4 → 3 · completed",
        "2025-03-04 08:01  core",
        "  3/3 done · pain 5 → 3 · completed",
        "2025-03-03 08:01  core",
        "  3/3 done · pain 5 → 4 · completed",
        "",
        "Current streak: 3 days in a row.",
        "Days with a session, per week:",
        "(the NHS suggests every day; rest days",
        "are fine)",
        "  this week      ██████· 6 of 7",
        "",
        "Pain by day, 0-10 (B before, A after)",
        "03-03 B █████████████              5",
        "      A ██████████▍                4",
        "03-04 B █████████████              5",
        "      A ███████▊                   3",
        "03-05 B ██████████▍                4",
        "      A ███████▊                   3",
        "03-07 B ███████▊                   3",
        "      A █████▎                     2",
        "03-08 B ███████▊                   3",
        "      A █████▎                     2",
        "03-09 B █████▎                     2",
        "      A ██▋                        1",
    ]
    assert max(len(line) for line in lines) <= 40


@pytest.mark.parametrize(
    ("value", "width", "bar"),
    [
        (0, 40, ""),
        (10, 40, "█" * 40),
        (5, 40, "█" * 20),
        (2.5, 40, "█" * 10),
        (1, 26, "██▋"),  # 2.6 cells
        (3.3, 10, "███▎"),  # 3.3 cells: 3 full, 2/8
        (9.99, 10, "██████████"),  # rounds up to a full cell
    ],
)
def test_pain_bar(value: float, width: int, bar: str) -> None:
    assert history_view._bar(value, width) == bar


def test_pain_chart_shows_a_missing_score() -> None:
    days = [DayPain(date(2025, 3, 4), 3.5, None)]
    assert render(history_view.pain_chart(days, 40), 40) == [
        "Pain by day, 0-10 (B before, A after)",
        "03-04 B █████████▏                 3.5",  # 9.1 cells of 26
        "      A (not given)",
    ]


@pytest.mark.parametrize(
    ("streak", "line"),
    [
        (0, "No run of days going right now; any day is a good day to start one."),
        (1, "Current streak: 1 day in a row."),
        (12, "Current streak: 12 days in a row."),
    ],
)
def test_streak_wording_has_no_guilt(streak: int, line: str) -> None:
    weeks = progress.weekly_counts(set(), SUNDAY)
    assert render(history_view.progress_summary(streak, weeks, SUNDAY), 100)[0] == line


@pytest.mark.parametrize("width", [40, 80])
def test_safety_page_fits_and_says_everything(width: int) -> None:
    lines = render(safety_view.safety_page(), width)
    assert max(len(line) for line in lines) <= width
    flat = " ".join(" ".join(lines).replace("│", " ").split())
    for text in [
        *(f.sign for f in safety.RED_FLAGS),
        safety.EMERGENCY_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER),
        safety.SAME_DAY_ADVICE,
        *safety.RULES_OF_PRACTICE,
        *safety.SOURCES,
    ]:
        assert " ".join(text.split()) in flat, text


def test_warning_signs_at_80_columns() -> None:
    assert render(safety_view.warning_signs(), 80)[:4] == [
        "╭─ Warning signs ──────────────────────────────────────────────────────────────╮",
        "│ With back pain, any of these needs emergency care, not exercise:             │",
        "│ ! Numbness or tingling around the genitals, buttocks or inner thighs, or     │",
        "│   altered feeling when wiping after the toilet.                              │",
    ]


def test_stop_rule_line() -> None:
    assert render(safety_view.stop_rule(), 200) == [safety.STOP_RULE]
    assert safety.STOP_RULE.startswith("Stop if pain goes above 5 out of 10")


def test_session_without_a_plan_list_counts_recorded_exercises() -> None:
    from backex.history.store import SessionRecord

    record = SessionRecord(
        1, datetime(2025, 3, 9, 8, tzinfo=TZ), None, ("core",), None, "my plan", False,
        None, None, (),
    )  # fmt: skip
    assert render(history_view.sessions_table([record], 80), 80) == [
        "Recent sessions",
        "Started            Plan or focus   Exercises   Pain    Status",
        "─" * 67,
        "2025-03-09 08:00   my plan         0/0 done    - → -   not finished",
        'Plan followed: "my plan".',
        "To compare with a plan's frequency: backex history --plan FILE",
    ]
    assert render(history_view.sessions_table([record], 40, hint=False), 40) == [
        "Recent sessions",
        "2025-03-09 08:00  my plan",
        "  0/0 done · pain - → - · not finished",
        'Plan followed: "my plan".',
    ]
