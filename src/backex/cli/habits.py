"""The routine's habit questions: the weekly check-in before a session, goal scores after.

Only when someone is at a terminal (the routine checks :func:`checkins.is_interactive`);
Enter skips every question. A history that fails to take an answer is reported and
the routine goes on.
"""

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from backex.cli.checkins import ask_until

if TYPE_CHECKING:
    from backex.habits.checkin import CheckIn, Obstacle
    from backex.history.store import History
    from backex.prescription.frequency import Frequency


def weekly_checkin(store: "History", frequency: "Frequency | None", max_pain: int) -> None:
    """If a check-in is due: the week's sessions, and if short, what got in the way."""
    from backex.habits import checkin as weekly
    from backex.habits import store as habits
    from backex.history import queries
    from backex.history.consistency import paused_days
    from backex.history.pauses import pauses
    from backex.history.store import local_now
    from backex.ui import output
    from backex.ui.habits_view import obstacle_question, tip_view, week_view

    now = local_now()
    today = now.date()
    if not weekly.is_due(today, habits.last_checkin_day(store), queries.first_day(store)):
        return
    first, last = today - weekly.EVERY, today - timedelta(days=1)
    done = queries.sessions_per_day(store, first, last)
    paused = paused_days(pauses(store), first, last)
    week = weekly.week_before(today, done, frequency, paused)
    if week.planned == 0 and not week.done:  # paused all week: nothing to look back on
        _record(store, weekly.CheckIn(today, 0, 0, None), now)
        return
    console = output.stdout()
    console.print()
    console.print(week_view(week))
    answer = None
    if not week.full:
        console.print(obstacle_question(console.width))
        answer = _ask_obstacle()
        if answer is not None:
            console.print(tip_view(weekly.tip(answer, max_pain)))
    console.print()
    _record(store, weekly.CheckIn(today, week.done, week.planned, answer), now)


def _record(store: "History", checkin: "CheckIn", now: datetime) -> None:
    from backex.errors import HistoryError
    from backex.habits import store as habits
    from backex.ui import output

    try:
        habits.record_checkin(store, checkin, now)
    except HistoryError as exc:
        output.error(str(exc))


def _ask_obstacle() -> "Obstacle | None":
    from backex.habits.checkin import parse_obstacle
    from backex.ui.habits_view import OBSTACLE_PROMPT, OBSTACLE_RETRY

    return ask_until(OBSTACLE_PROMPT, parse_obstacle, OBSTACLE_RETRY)


def score_goals(store: "History") -> None:
    """At a session's end: each active goal's 0-10 score, if due (Enter skips one)."""
    from backex.errors import HistoryError
    from backex.habits import store as habits
    from backex.habits.goals import goals_to_score, parse_score
    from backex.history.store import local_now
    from backex.ui import output
    from backex.ui.habits_view import SCORE_PROMPT, SCORE_RETRY, goal_question

    now = local_now()
    console = output.stdout()
    try:
        for goal in goals_to_score(habits.goals(store, retired=False), now.date()):
            console.print()
            console.print(goal_question(goal))
            score = ask_until(SCORE_PROMPT, parse_score, SCORE_RETRY)
            if score is not None:
                habits.record_score(store, goal.id, score, now)
    except HistoryError as exc:
        output.error(str(exc))
