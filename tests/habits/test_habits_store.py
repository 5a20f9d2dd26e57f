"""Goals, scores and check-ins kept in the history file: written, read back, migrated."""

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from backex.errors import BackexError
from backex.habits import store as habits
from backex.habits.checkin import CheckIn, Obstacle
from backex.habits.goals import GoalScore
from backex.history import schema
from backex.history.store import History

TZ = timezone(timedelta(hours=-4))
NOW = datetime(2026, 3, 2, 21, 30, tzinfo=TZ)  # 01:30 UTC the next day: the local day counts


def test_goals_and_their_scores_round_trip(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        socks = habits.add_goal(store, "put my socks on standing", NOW)
        walk = habits.add_goal(store, "walk to the shop", NOW)
        habits.record_score(store, socks, 3, NOW)
        habits.record_score(store, socks, 5, NOW + timedelta(days=7))
        habits.record_score(store, walk, 6, NOW + timedelta(days=1))
        first, second = habits.goals(store)
    assert (first.id, first.text, first.added_at, first.active) == (
        socks,
        "put my socks on standing",
        NOW,
        True,
    )
    assert first.scores == (GoalScore(date(2026, 3, 2), 3), GoalScore(date(2026, 3, 9), 5))
    assert second.scores == (GoalScore(date(2026, 3, 3), 6),)


def test_a_retired_goal_keeps_its_scores_and_makes_room(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        ids = [habits.add_goal(store, f"goal {n}", NOW) for n in range(3)]
        habits.record_score(store, ids[0], 4, NOW)
        with pytest.raises(BackexError, match="you already have 3 goals"):
            habits.add_goal(store, "a fourth", NOW)
        habits.retire_goal(store, ids[0], NOW + timedelta(days=1))
        habits.add_goal(store, "a fourth", NOW)
        every = habits.goals(store)
        active = habits.goals(store, retired=False)
    assert [g.text for g in every] == ["goal 0", "goal 1", "goal 2", "a fourth"]
    assert [g.text for g in active] == ["goal 1", "goal 2", "a fourth"]
    assert every[0].retired_at == NOW + timedelta(days=1)
    assert every[0].scores == (GoalScore(date(2026, 3, 2), 4),)


def test_a_score_out_of_range_is_never_stored(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        goal_id = habits.add_goal(store, "stand for an hour", NOW)
        with pytest.raises(ValueError):
            habits.record_score(store, goal_id, 11, NOW)
        assert habits.goals(store)[0].scores == ()


def test_check_ins_round_trip_oldest_first(tmp_path: Path) -> None:
    week = [
        CheckIn(date(2026, 3, 9), 3, 7, Obstacle.TIME),
        CheckIn(date(2026, 3, 16), 7, 7),
        CheckIn(date(2026, 3, 23), 1, 3, Obstacle.NOT_SURE),
    ]
    with History.open(tmp_path / "h.sqlite3") as store:
        assert habits.last_checkin_day(store) is None
        for checkin in reversed(week):
            habits.record_checkin(store, checkin, NOW)
        assert list(habits.checkins(store)) == week
        assert list(habits.checkins(store, date(2026, 3, 10), date(2026, 3, 20))) == [week[1]]
        assert habits.last_checkin_day(store) == date(2026, 3, 23)


def test_an_answer_from_a_newer_backex_reads_as_other(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path) as store:
        habits.record_checkin(store, CheckIn(date(2026, 3, 9), 3, 7), NOW)
    db = sqlite3.connect(path)
    db.execute("UPDATE checkin SET answer = 'weather'")
    db.commit()
    db.close()
    with History.open(path) as store:
        assert [c.answer for c in habits.checkins(store)] == [Obstacle.OTHER]


def test_an_older_file_gets_the_tables_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    for statements in schema.MIGRATIONS[:-1]:
        for statement in statements:
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    db.execute(
        "INSERT INTO session (id, started_at, focus, plan) VALUES"
        " (1, '2026-03-02T08:00:00+01:00', '[\"core\"]', '{}')"
    )
    db.commit()
    db.close()
    with History.open(path) as store:
        assert len(store.sessions()) == 1
        assert habits.goals(store) == []
        habits.add_goal(store, "sit through a film", NOW)
        assert [g.text for g in habits.goals(store)] == ["sit through a film"]
