"""Goals scored with the Patient-Specific Functional Scale (PSFS). Pure.

A person names up to :data:`MAX_ACTIVE` activities their back makes hard ("put my socks
on standing") and scores each 0-10. A goal's score is asked when a session ends: at the
end of the first session after the goal was added, then at most once every
:data:`SCORE_EVERY`. Enter skips; a goal without a score this week is asked again at the
next session's end. A retired goal is not asked, and keeps its scores.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from backex.errors import BackexError, UsageError
from backex.history.records import utc_text
from backex.paths import command_name
from backex.text import name_problem

MAX_ACTIVE = 3
SCORE_EVERY = timedelta(days=7)
QUESTION = "How well can you do this today?"
SCALE = "0 = cannot do it at all, 10 = as well as before the problem"
CREDIT = "Patient-Specific Functional Scale (Stratford et al. 1995)"
EXAMPLE = "put my socks on standing"


@dataclass(frozen=True, slots=True)
class GoalScore:
    """One answer to :data:`QUESTION`, 0-10, on the local day ``day``."""

    day: date
    score: int


@dataclass(frozen=True, slots=True)
class Goal:
    """An activity the person wants to do again, with its scores oldest first."""

    id: int
    text: str
    added_at: datetime
    retired_at: datetime | None = None
    scores: tuple[GoalScore, ...] = ()

    @property
    def active(self) -> bool:
        return self.retired_at is None

    @property
    def first(self) -> GoalScore | None:
        return self.scores[0] if self.scores else None

    @property
    def latest(self) -> GoalScore | None:
        return self.scores[-1] if self.scores else None


def checked_text(text: str) -> str:
    """The goal as stored (outer spaces trimmed); UsageError (exit 2) if it cannot be one."""
    trimmed = text.strip()
    problem = name_problem(trimmed)
    if problem is not None:
        example = f'; for example: {command_name()} goal add "{EXAMPLE}"'
        raise UsageError(f"a goal {problem}{'' if trimmed else example}")
    return trimmed


def check_room(active: int) -> None:
    """Refuse a goal beyond :data:`MAX_ACTIVE` active ones (a BackexError, exit 1)."""
    if active >= MAX_ACTIVE:
        raise BackexError(
            f"you already have {MAX_ACTIVE} goals, the most backex keeps at once; retire "
            f"one first with: {command_name()} goal remove N"
        )


def score_due(goal: Goal, today: date) -> bool:
    """Ask ``goal``'s score at a session's end on ``today``?"""
    if not goal.active:
        return False
    latest = goal.latest
    return latest is None or today - latest.day >= SCORE_EVERY


def goals_to_score(goals: Iterable[Goal], today: date) -> list[Goal]:
    """The goals to ask about at a session's end on ``today``, in the order added."""
    return [goal for goal in goals if score_due(goal, today)]


def parse_score(text: str) -> int:
    """A whole number 0-10 (ValueError otherwise)."""
    value = int(text.strip())
    if not 0 <= value <= 10:
        raise ValueError(f"score out of range: {value}")
    return value


def active_goal(goals: Iterable[Goal], number: int) -> Goal:
    """The active goal shown as ``number`` (1 first) by ``goal list``; UsageError if none."""
    active = [goal for goal in goals if goal.active]
    if not 1 <= number <= len(active):
        if not active:
            raise UsageError(f"there is no goal {number}: no goals are set")
        shown = "1" if len(active) == 1 else f"1 to {len(active)}"
        raise UsageError(f"there is no goal {number}; {command_name()} goal list shows {shown}")
    return active[number - 1]


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    """A goal in ``history --json`` (the ``goals`` key): times in UTC, scores by local day."""
    return {
        "text": goal.text,
        "added_at": utc_text(goal.added_at),
        "retired_at": utc_text(goal.retired_at),
        "scores": [{"date": s.day.isoformat(), "score": s.score} for s in goal.scores],
    }
