"""Goals (PSFS): the gate on their words, the most kept at once, and when a score is asked."""

from datetime import date, datetime, timedelta, timezone

import pytest

from backex.errors import BackexError, ExitCode, UsageError
from backex.habits.goals import (
    MAX_ACTIVE,
    Goal,
    GoalScore,
    active_goal,
    check_room,
    checked_text,
    goals_to_score,
    parse_score,
    score_due,
)

TZ = timezone(timedelta(hours=1))
ADDED = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)  # a Monday
MONDAY = ADDED.date()


def goal(*scores: tuple[int, int], retired: bool = False, goal_id: int = 1) -> Goal:
    """A goal added on MONDAY with scores (days after MONDAY, score)."""
    return Goal(
        id=goal_id,
        text="put my socks on standing",
        added_at=ADDED,
        retired_at=ADDED + timedelta(days=1) if retired else None,
        scores=tuple(GoalScore(MONDAY + timedelta(days=d), s) for d, s in scores),
    )


@pytest.mark.parametrize(
    ("scores", "days_later", "due"),
    [
        ((), 0, True),  # the first session after it was added, the same day
        ((), 3, True),
        (((0, 4),), 0, False),  # scored today: not again today
        (((0, 4),), 6, False),  # not again within 7 days
        (((0, 4),), 7, True),  # again after 7
        (((0, 4),), 30, True),
        (((0, 4), (7, 5)), 13, False),  # the week counts from the latest score
        (((0, 4), (7, 5)), 14, True),
    ],
)
def test_when_a_score_is_asked(
    scores: tuple[tuple[int, int], ...], days_later: int, due: bool
) -> None:
    assert score_due(goal(*scores), MONDAY + timedelta(days=days_later)) is due


def test_a_skipped_score_is_asked_again_at_the_next_session_end() -> None:
    # Enter stores nothing, so the goal stays unscored, and due, session after session.
    unscored = goal()
    assert score_due(unscored, MONDAY)
    assert score_due(unscored, MONDAY + timedelta(days=1))


def test_a_retired_goal_is_never_asked() -> None:
    assert not score_due(goal(retired=True), MONDAY)
    assert not score_due(goal((0, 3), retired=True), MONDAY + timedelta(days=30))


def test_goals_to_score_keeps_the_order_added_and_leaves_out_the_rest() -> None:
    goals = [
        goal(goal_id=1),
        goal((5, 3), goal_id=2),
        goal(retired=True, goal_id=3),
        goal(goal_id=4),
    ]
    assert [g.id for g in goals_to_score(goals, MONDAY + timedelta(days=7))] == [1, 4]


def test_first_and_latest_scores() -> None:
    scored = goal((0, 2), (7, 4), (14, 6))
    assert (scored.first, scored.latest) == (GoalScore(MONDAY, 2), GoalScore(date(2026, 3, 16), 6))
    assert goal().first is None and goal().latest is None


@pytest.mark.parametrize("active", range(MAX_ACTIVE))
def test_room_for_up_to_three(active: int) -> None:
    check_room(active)


def test_a_fourth_goal_is_refused() -> None:
    with pytest.raises(BackexError) as refused:
        check_room(MAX_ACTIVE)
    assert refused.value.exit_code == ExitCode.ERROR
    assert "you already have 3 goals" in str(refused.value)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("put my socks on standing", "put my socks on standing"),
        ("  lift my grandson  ", "lift my grandson"),
        ("x" * 120, "x" * 120),
        ("tie shoes 🙂 «sans» ö", "tie shoes 🙂 «sans» ö"),
    ],
)
def test_goal_words_that_pass(text: str, kept: str) -> None:
    assert checked_text(text) == kept


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "a goal must not be empty"),
        ("   ", "a goal must not be empty"),
        ("x" * 500, "a goal must be at most 120 characters (this one has 500)"),
        ("walk\nrm -rf ~", "a goal must be one line"),
        ("walk\rfar", "a goal must be one line"),
        ("walk\u2028far", "a goal must be one line"),
        ("walk\x1b[2Jfar", "a goal must not contain control characters (found U+001B)"),
        ("walk\x07", "a goal must not contain control characters (found U+0007)"),
        ("walk\x9bfar", "a goal must not contain control characters (found U+009B)"),
        ("walk \u202eraf", "a goal must not contain text-direction controls (found U+202E)"),
        ("walk \u2066far", "a goal must not contain text-direction controls (found U+2066)"),
    ],
)
def test_goal_words_that_are_refused(text: str, problem: str) -> None:
    with pytest.raises(UsageError) as refused:
        checked_text(text)
    assert str(refused.value).startswith(problem)
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(("text", "score"), [("0", 0), (" 7 ", 7), ("10", 10)])
def test_scores_read(text: str, score: int) -> None:
    assert parse_score(text) == score


@pytest.mark.parametrize("text", ["11", "-1", "7.5", "seven", ""])
def test_scores_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_score(text)


def test_goals_are_chosen_by_their_number_among_the_active_ones() -> None:
    goals = [goal(goal_id=1), goal(goal_id=2, retired=True), goal(goal_id=3)]
    assert active_goal(goals, 2).id == 3
    with pytest.raises(UsageError, match=r"there is no goal 3; .* goal list shows 1 to 2"):
        active_goal(goals, 3)
    with pytest.raises(UsageError, match="there is no goal 1: no goals are set"):
        active_goal([], 1)
