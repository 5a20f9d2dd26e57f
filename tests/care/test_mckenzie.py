"""The McKenzie screen, the spreading gate and the no-change count, as tables."""

from datetime import UTC, date, datetime, timedelta

import pytest

from backex.care.mckenzie import (
    Gate,
    SpreadingHistory,
    Symptoms,
    advise_no_change,
    needs_leg_question,
    no_change_days,
    screen_due,
    screen_passes,
    spreading_gate,
)

SUITS = {"directional-preference": True, "stenosis": False, "pregnant": False,
         "recent-surgery": False}  # fmt: skip
NOW = datetime(2026, 3, 31, 9, tzinfo=UTC)
D0 = date(2026, 3, 1)


@pytest.mark.parametrize(
    ("changes", "passes"),
    [
        ({}, True),  # "yes" to 1 and "no" to 2-4
        ({"directional-preference": False}, False),
        ({"stenosis": True}, False),
        ({"pregnant": True}, False),
        ({"recent-surgery": True}, False),
    ],
)
def test_only_yes_to_the_first_and_no_to_the_rest_gives_an_automatic_plan(
    changes: dict[str, bool], passes: bool
) -> None:
    assert screen_passes({**SUITS, **changes}) is passes


def test_an_unanswered_screen_does_not_pass() -> None:
    assert screen_passes({}) is False


@pytest.mark.parametrize(
    ("answered", "due"),
    [
        (None, True),
        (NOW - timedelta(days=29), False),
        (NOW - timedelta(days=30), True),  # re-asked after 30 days
        (NOW + timedelta(days=1), True),  # the clock went back
    ],
)
def test_screen_due(answered: datetime | None, due: bool) -> None:
    assert screen_due(answered, NOW) is due


def day(n: int) -> date:
    return D0 + timedelta(days=n)


@pytest.mark.parametrize(
    ("spread_on", "clear", "leg_back", "gate", "asks"),
    [
        (None, [], None, Gate.FULL, False),
        (day(0), [], False, Gate.REFUSED, True),  # leg not back: no plan
        (day(0), [], True, Gate.RESTRICTED, True),  # prone lying and on elbows only
        (day(0), [day(1)], None, Gate.RESTRICTED, False),
        (day(0), [day(1), day(2)], None, Gate.RESTRICTED, False),
        (day(0), [day(1), day(2), day(3)], None, Gate.FULL, False),  # 3 different days clear
        (day(0), [day(0), day(1)], None, Gate.RESTRICTED, False),  # the same day counts not
    ],
)
def test_spreading_gate(
    spread_on: date | None, clear: list[date], leg_back: bool | None, gate: Gate, asks: bool
) -> None:
    history = SpreadingHistory(spread_on, clear)
    assert needs_leg_question(history) is asks
    assert spreading_gate(history, leg_back) is gate


@pytest.mark.parametrize(
    ("answers", "days"),
    [
        ({day(0): [Symptoms.SAME], day(1): [Symptoms.SAME], day(2): [Symptoms.SAME]}, 3),
        ({day(0): [Symptoms.SAME, Symptoms.CENTRALISING], day(1): [Symptoms.SAME]}, 1),
        ({day(0): []}, 0),
    ],
)
def test_no_change_days(answers: dict[date, list[Symptoms]], days: int) -> None:
    assert no_change_days(answers) == days


S, B, W = Symptoms.SAME, Symptoms.CENTRALISING, Symptoms.WORSE


@pytest.mark.parametrize(
    ("answers", "advise"),
    [
        ([(day(1), S), (day(2), S), (day(3), S)], True),  # the last 3 days: no change
        ([(day(0), S), (day(0), S), (day(2), S), (day(3), S)], True),
        ([(day(1), S), (day(2), S)], False),  # only 2 days so far
        ([(day(1), S), (day(1), S), (day(1), S)], False),  # 3 answers, one day
        ([(day(0), S), (day(1), B), (day(2), S), (day(3), S)], False),  # better among them
        ([(day(0), B), (day(2), S), (day(3), S), (day(4), S)], True),  # better, then 3 same
        ([(day(1), S), (day(2), S), (day(3), S), (day(3), W)], False),  # newest day not all same
        ([], False),
    ],
)
def test_advise_no_change_on_the_last_3_days(
    answers: list[tuple[date, Symptoms]], advise: bool
) -> None:
    ordered = sorted(answers, key=lambda answer: answer[0])  # oldest first, as stored
    assert advise_no_change(ordered) is advise
