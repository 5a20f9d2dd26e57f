"""Rendering at fixed widths: the history page, the pain chart and the safety page."""

import io
from datetime import date, datetime, timedelta

import pytest
from helpers.history_week import TZ, fill_week
from rich.console import Console, RenderableType

from backex.care import safety
from backex.history import progress
from backex.history.consistency import (
    DAILY,
    Fortnight,
    Pause,
    Streak,
    StreakUnit,
    planned_streak,
)
from backex.history.progress import DayPain
from backex.history.store import History, SessionRecord
from backex.prescription.frequency import Frequency, parse_frequency
from backex.ui import history_view, safety_view
from backex.ui.consistency_view import NEW_RUN, fortnight_line, pause_line
from backex.ui.history_view import Consistency

THREE_A_WEEK = parse_frequency("3x-weekly")

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
            Consistency(
                planned_streak(((day, 1) for day in sorted(active, reverse=True)), DAILY, SUNDAY),
                DAILY,
            ),
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
        "Your run: 3 planned days in a row.",
        "(every day counts, as the NHS suggests;",
        "a pause or today so far never ends it)",
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
    ("streak", "frequency", "line"),
    [
        (Streak(0), DAILY, NEW_RUN),
        (Streak(0, StreakUnit.WEEKS), THREE_A_WEEK, NEW_RUN),
        (Streak(1), DAILY, "Your run: 1 planned day in a row."),
        (Streak(12), DAILY, "Your run: 12 planned days in a row."),
        (
            Streak(1, StreakUnit.WEEKS),
            THREE_A_WEEK,
            "Your run: 1 week in a row with your 3 times a week.",
        ),
        (
            Streak(4, StreakUnit.WEEKS),
            THREE_A_WEEK,
            "Your run: 4 weeks in a row with your 3 times a week.",
        ),
    ],
)
def test_streak_wording_has_no_guilt(streak: Streak, frequency: Frequency, line: str) -> None:
    weeks = progress.weekly_counts(set(), SUNDAY)
    summary = history_view.progress_summary(Consistency(streak, frequency), weeks, SUNDAY)
    text = render(summary, 100)
    assert text[0] == line
    assert not SCOLDING & set(" ".join(text).casefold().replace(".", " ").split())


SCOLDING = {"missed", "failed", "broken", "broke", "lost", "behind"}


@pytest.mark.parametrize(
    ("done", "done_today", "today", "line"),
    [
        (0, False, 0, "First fortnight: 0 of 6 sessions — 6 to go, 13 days left."),
        (4, True, 5, "First fortnight: 4 of 6 sessions — 2 to go, 8 days left."),
        (5, False, 13, "First fortnight: 5 of 6 sessions — 1 to go, last day today."),
        (3, True, 12, "First fortnight: 3 of 6 sessions, 1 day left — every session counts."),
        (6, True, 7, "First fortnight: 6 sessions in 2 weeks — well done, a habit is forming."),
    ],
)
def test_fortnight_wording(done: int, done_today: bool, today: int, line: str) -> None:
    first = date(2026, 11, 20)
    fortnight = Fortnight(first, first + timedelta(days=today), done, done_today)
    assert render(fortnight_line(fortnight), 100) == [line]


def test_pause_and_self_reported_lines() -> None:
    pause = Pause(date(2026, 12, 3), date(2026, 12, 10))
    assert render(pause_line(pause), 200)[0].startswith("Paused until Fri 11 Dec: ")
    when = datetime(2026, 12, 2, 18, 30, tzinfo=TZ)
    record = SessionRecord(1, when, when, ("core",), {}, None, True, 2, 1, (), True)
    assert "self-reported" in render(history_view.sessions_table([record], 80), 80)[3]


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
