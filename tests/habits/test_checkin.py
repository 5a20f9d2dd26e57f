"""The weekly check-in: when it is due, the week's numbers, and a tip for each answer."""

from datetime import date, timedelta

import pytest

from backex.care import safety
from backex.habits.checkin import (
    OBSTACLE_WORDS,
    Obstacle,
    Week,
    days_words,
    is_due,
    parse_obstacle,
    tip,
    week_before,
    week_words,
)
from backex.prescription.frequency import parse_frequency

FIRST = date(2026, 3, 2)  # a Monday: the first recorded session


def day(n: int) -> date:
    return FIRST + timedelta(days=n)


@pytest.mark.parametrize(
    ("today", "last_checkin", "first_session", "due"),
    [
        (day(0), None, None, False),  # no history at all
        (day(0), None, day(0), False),
        (day(6), None, day(0), False),  # less than 7 days of history
        (day(7), None, day(0), True),  # the first: 7 days after the first session
        (day(20), None, day(0), True),
        (day(7), day(7), day(0), False),  # done today: not twice
        (day(13), day(7), day(0), False),  # not twice in a week
        (day(14), day(7), day(0), True),
        (day(30), day(7), day(0), True),  # a long break: the next session asks
    ],
)
def test_when_a_check_in_is_due(
    today: date, last_checkin: date | None, first_session: date | None, due: bool
) -> None:
    assert is_due(today, last_checkin, first_session) is due


def test_the_week_is_the_7_days_before_today() -> None:
    done = {day(0): 1, day(2): 2, day(6): 1, day(7): 1, day(-1): 1}  # today and before: out
    week = week_before(day(7), done)
    assert week == Week(day(0), day(6), done=4, planned=7, days=(day(0), day(2), day(6)))
    assert not week.full


def test_paused_days_plan_nothing() -> None:
    paused = {day(3), day(4), day(5)}  # a pause in the middle of the week
    week = week_before(day(7), {day(0): 1, day(1): 1}, None, paused)
    assert (week.done, week.planned) == (2, 4)
    weekdays = parse_frequency("weekdays")
    all_paused = {day(n) for n in range(7)}
    assert week_before(day(7), {}, weekdays, all_paused).planned == 0


@pytest.mark.parametrize(
    ("frequency", "planned"),
    [
        (None, 7),  # no plan file: one session a day
        ("daily", 7),
        ("2x-daily", 14),
        ("3x-weekly", 3),
        ("weekdays", 5),
        (["mon", "thu"], 2),
    ],
)
def test_sessions_planned_come_from_the_plan_frequency(frequency: object, planned: int) -> None:
    parsed = parse_frequency(frequency) if frequency is not None else None
    assert week_before(day(7), {}, parsed).planned == planned


@pytest.mark.parametrize(
    ("done", "planned", "words"),
    [
        (3, 7, "3 of 7 planned sessions this week: every session counts."),
        (1, 3, "1 of 3 planned sessions this week: every session counts."),
        (7, 7, "7 of 7 planned sessions this week: well done, keep it going."),
        (4, 3, "4 of 3 planned sessions this week: well done, keep it going."),
        (0, 7, "No sessions this week (7 sessions planned): today is a good day to start again."),
    ],
)
def test_the_week_in_words_counts_what_was_done(done: int, planned: int, words: str) -> None:
    week = Week(day(0), day(6), done, planned, ())
    assert week_words(week) == words
    for scolding in ("missed", "fail", "only"):
        assert scolding not in words.lower()


def test_the_days_done() -> None:
    week = Week(day(0), day(6), 3, 7, (day(0), day(2), day(3)))
    assert days_words(week) == "Done on Mon 2, Wed 4 and Thu 5."
    assert days_words(Week(day(0), day(6), 1, 7, (day(4),))) == "Done on Fri 6."
    assert days_words(Week(day(0), day(6), 0, 7, ())) == ""


def test_a_full_week_is_full() -> None:
    assert Week(day(0), day(6), 7, 7, ()).full
    assert not Week(day(0), day(6), 6, 7, ()).full


def test_the_answers_in_the_order_asked() -> None:
    assert list(OBSTACLE_WORDS.values()) == ["time", "pain", "forgot", "not sure it helps", "other"]
    assert list(OBSTACLE_WORDS) == list(Obstacle)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Obstacle.TIME, "routine --focus core --minutes 5"),
        (Obstacle.PAIN, safety.STOP_RULE),
        (Obstacle.FORGOT, "remind --times 19:00 --output backex.ics"),
        (Obstacle.NOT_SURE, "Home exercise helps most people with low back pain"),
        (Obstacle.OTHER, "report --format html --output report.html"),
    ],
)
def test_each_answer_has_its_tip(answer: Obstacle, expected: str) -> None:
    assert expected in tip(answer)
    others = [tip(other) for other in Obstacle if other is not answer]
    assert all(expected not in text for text in others)


def test_the_pain_tip_uses_the_plans_pain_limit() -> None:
    assert safety.stop_rule_text(4) in tip(Obstacle.PAIN, max_pain=4)


@pytest.mark.parametrize(("text", "answer"), [("1", Obstacle.TIME), (" 4 ", Obstacle.NOT_SURE)])
def test_answers_are_typed_as_their_number(text: str, answer: Obstacle) -> None:
    assert parse_obstacle(text) is answer


@pytest.mark.parametrize("text", ["0", "6", "time", "", "1.5"])
def test_other_answers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_obstacle(text)
