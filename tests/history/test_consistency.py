"""The forgiving run of planned days, pauses and the first fortnight (pure core)."""

from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from backex.history.adherence import adherence_of_days
from backex.history.consistency import (
    DAILY,
    FORTNIGHT_TARGET,
    Pause,
    Streak,
    StreakUnit,
    active_pause,
    first_fortnight,
    just_reached,
    pause_from,
    paused_days,
    planned_streak,
)
from backex.prescription.frequency import Frequency, parse_frequency

THU = date(2026, 12, 3)  # a Thursday


def ago(*days: int) -> list[date]:
    return [THU - timedelta(days=n) for n in days]


def streak(
    done: list[date], frequency: Frequency = DAILY, pauses: tuple[Pause, ...] = ()
) -> Streak:
    per_day = sorted(Counter(done).items(), reverse=True)
    return planned_streak(per_day, frequency, THU, pauses)


MON_WED_FRI = parse_frequency(["mon", "wed", "fri"])
TWICE = parse_frequency("2x-daily")
THREE_A_WEEK = parse_frequency("3x-weekly")
TIMES = parse_frequency({"times": ["08:00", "18:00"], "days": ["mon", "thu"]})


@pytest.mark.parametrize(
    ("done", "frequency", "count"),
    [
        ([], DAILY, 0),
        (ago(0), DAILY, 1),
        (ago(1), DAILY, 1),  # today still going: not a break
        (ago(0, 1, 2, 4), DAILY, 3),  # three days ago ends it
        (ago(1, 2, 3), DAILY, 3),
        (ago(0, 0, 0, 1), DAILY, 2),  # several a day count once
        # Mon/Wed/Fri: today (Thu) and Tue are rest days; Sun and Sat too
        (ago(1, 3, 6), MON_WED_FRI, 3),  # Wed, Mon, Fri before
        (ago(1, 3, 6, 8), MON_WED_FRI, 4),  # the Wednesday before that
        (ago(1, 6), MON_WED_FRI, 1),  # Monday had none: the run is Wednesday alone
        (ago(0, 1, 3, 6), MON_WED_FRI, 3),  # a session on a rest day is welcome, not counted
        # twice a day: a day counts when both are done; one of two neither adds nor ends
        (ago(0, 0, 1, 1, 2, 2), TWICE, 3),
        (ago(0, 1, 1, 2, 2), TWICE, 2),  # today one so far: in progress
        (ago(1, 1, 2, 3, 3), TWICE, 2),  # two days ago half done: kept, not added
        (ago(1, 1, 3, 3), TWICE, 1),  # two days ago none: the run is yesterday alone
        # set times on Mon and Thu (twice each)
        (ago(0, 0, 3, 3, 7, 7), TIMES, 3),
        (ago(3, 3, 7, 7), TIMES, 2),
    ],
)
def test_the_run_counts_the_days_the_plan_asks_for(
    done: list[date], frequency: Frequency, count: int
) -> None:
    assert streak(done, frequency) == Streak(count, StreakUnit.DAYS)


def test_a_pause_never_ends_the_run_and_adds_nothing() -> None:
    pause = Pause(THU - timedelta(days=6), THU - timedelta(days=2))  # Fri to Tue
    assert streak(ago(1, 7, 8), pauses=(pause,)) == Streak(3)
    assert streak(ago(1, 7, 8)) == Streak(1)
    # sessions on paused days are welcome, but the paused days are not counted
    assert streak(ago(1, 3, 7, 8), pauses=(pause,)) == Streak(3)


def test_overlapping_pauses_are_their_union() -> None:
    first = Pause(THU - timedelta(days=5), THU - timedelta(days=3))
    second = Pause(THU - timedelta(days=4), THU - timedelta(days=1))
    assert streak(ago(6, 7), pauses=(first, second)) == Streak(2)
    assert paused_days([first, second], THU - timedelta(days=30), THU) == frozenset(
        ago(1, 2, 3, 4, 5)
    )


@pytest.mark.parametrize(
    ("done", "count"),
    [
        ([], 0),
        (ago(0), 0),  # this week: under way
        (ago(0, 1, 2), 1),  # this week has its three
        (ago(4, 6, 8), 1),  # last week (Mon 23 to Sun 29 Nov) had three
        (ago(4, 6, 8, 12, 13, 14), 2),
        (ago(4, 6, 8, 12, 14, 21), 1),  # two weeks ago had two: kept, not added
        (ago(4, 6, 8, 12, 14, 15, 18, 19), 2),
        (ago(4, 4, 4), 0),  # three sessions on one day count once
    ],
)
def test_n_times_a_week_runs_in_weeks(done: list[date], count: int) -> None:
    assert streak(done, THREE_A_WEEK) == Streak(count, StreakUnit.WEEKS)


def test_a_paused_week_of_n_times_a_week_is_passed_over() -> None:
    week_before_last = Pause(date(2026, 11, 16), date(2026, 11, 22))
    done = ago(4, 6, 8, 18, 19, 20)
    assert streak(done, THREE_A_WEEK) == Streak(1, StreakUnit.WEEKS)
    assert streak(done, THREE_A_WEEK, (week_before_last,)) == Streak(2, StreakUnit.WEEKS)


def test_the_run_reads_only_as_far_back_as_it_goes() -> None:
    read: list[date] = []

    def days() -> Iterator[tuple[date, int]]:
        for n in range(10_000):
            if n != 5:
                read.append(THU - timedelta(days=n))
                yield THU - timedelta(days=n), 1

    assert planned_streak(days(), DAILY, THU) == Streak(5)
    assert len(read) <= 7


# --- pauses ---------------------------------------------------------------------------


@pytest.mark.parametrize("days", [0, -1, 61, 365])
def test_a_pause_is_1_to_60_days(days: int) -> None:
    with pytest.raises(ValueError, match=f"--days must be 1 to 60, not {days}"):
        pause_from(THU, days)


@pytest.mark.parametrize(("days", "last"), [(1, THU), (8, date(2026, 12, 10)), (60, None)])
def test_a_pause_starts_today(days: int, last: date | None) -> None:
    pause = pause_from(THU, days)
    assert pause.first_day == THU
    assert pause.last_day == (last or THU + timedelta(days=59))
    assert pause.resume_day == pause.last_day + timedelta(days=1)


def test_the_active_pause_is_the_one_covering_today() -> None:
    old = Pause(date(2026, 11, 1), date(2026, 11, 5))
    now = Pause(date(2026, 12, 1), date(2026, 12, 4))
    later = Pause(date(2026, 12, 2), date(2026, 12, 9))
    assert active_pause([old], THU) is None
    assert active_pause([old, now], THU) == now
    assert active_pause([old, now, later], THU) == later


def test_paused_days_are_not_planned_in_adherence() -> None:
    pause = Pause(date(2026, 11, 30), date(2026, 12, 2))  # Mon to Wed
    paused = paused_days([pause], date(2026, 11, 1), THU)
    done = dict.fromkeys(ago(0, 4, 5, 6), 1)
    result = adherence_of_days(THU - timedelta(days=6), done, "P", DAILY, THU, paused=paused)
    assert result.weeks[-1].planned == 1  # Thursday alone this week
    assert result.recent is not None and result.recent.planned == 4
    twice = adherence_of_days(
        THU, {THU: 1}, "P", TWICE, THU, paused=paused
    )  # half done today: 1 of 2
    assert twice.recent is not None and (twice.recent.done, twice.recent.planned) == (1, 2)
    weekly = adherence_of_days(date(2026, 11, 30), {}, "P", THREE_A_WEEK, THU, paused=paused)
    assert weekly.weeks[-1].planned == 3 * 1 // 7  # Thursday alone: none due yet


# --- the first fortnight --------------------------------------------------------------


def test_the_fortnight_counts_different_days_from_the_first_session() -> None:
    first = THU - timedelta(days=4)
    fortnight = first_fortnight(first, [*ago(4, 4, 2, 0, 0)], THU)
    assert fortnight is not None
    assert (fortnight.days_done, fortnight.to_go, fortnight.days_left) == (3, 3, 9)
    assert not fortnight.reached


@pytest.mark.parametrize(("days_after", "shown"), [(0, True), (13, True), (14, False)])
def test_the_fortnight_ends_after_14_days(days_after: int, shown: bool) -> None:
    first = THU - timedelta(days=days_after)
    assert (first_fortnight(first, [first], THU) is not None) is shown


def test_no_fortnight_before_any_session() -> None:
    assert first_fortnight(None, [], THU) is None


def test_the_target_is_reached_once() -> None:
    first = THU - timedelta(days=9)
    days = ago(9, 7, 5, 3, 1)
    before = first_fortnight(first, days, THU)
    assert before is not None and before.to_go == 1
    reached = first_fortnight(first, [*days, THU], THU)
    assert reached is not None and reached.reached and reached.days_done == FORTNIGHT_TARGET
    assert just_reached(reached, counted=True, sessions_that_day=1)
    assert not just_reached(reached, counted=True, sessions_that_day=2)  # again the same day
    assert not just_reached(reached, counted=False, sessions_that_day=1)
    later = first_fortnight(first, [*days, THU, THU + timedelta(days=1)], THU + timedelta(days=1))
    assert later is not None and not just_reached(later, counted=True, sessions_that_day=1)


def test_the_walk_stops_at_the_oldest_session_whatever_the_pauses() -> None:
    everything = Pause(date(1, 1, 2), THU)
    assert streak(ago(3), pauses=(everything,)) == Streak(0)
    # this week: Fri to Sun are not paused, so it asks for 3 * 3 // 7 = 1 session
    assert streak(ago(3), THREE_A_WEEK, (everything,)) == Streak(1, StreakUnit.WEEKS)
    half_done = [THU - timedelta(days=n) for n in range(1, 400)]  # one of two, every day
    assert streak(half_done, TWICE) == Streak(0)
