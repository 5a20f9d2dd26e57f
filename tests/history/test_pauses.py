"""Pauses in the history file: started, changed, ended; never overlapping."""

from datetime import date, timedelta
from pathlib import Path

import pytest

from backex.history.consistency import Pause
from backex.history.pauses import end_pause, pauses, start_pause
from backex.history.store import History

THU = date(2026, 12, 3)


def test_a_pause_runs_from_today_for_the_days_given(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        pause = start_pause(store, THU, 8)
        assert pauses(store) == [pause]
    assert (pause.first_day, pause.last_day, pause.resume_day) == (
        THU, date(2026, 12, 10), date(2026, 12, 11),
    )  # fmt: skip


@pytest.mark.parametrize("days", [0, 61])
def test_out_of_range_days_write_nothing(tmp_path: Path, days: int) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        with pytest.raises(ValueError):
            start_pause(store, THU, days)
        assert pauses(store) == []


def test_a_second_pause_while_one_runs_changes_its_end(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        first = start_pause(store, THU, 3)
        second = start_pause(store, THU + timedelta(days=1), 10)
        assert pauses(store) == [second]
    assert second == Pause(THU, THU + timedelta(days=10), first.id)


def test_a_pause_after_one_ended_is_a_new_one(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        start_pause(store, THU - timedelta(days=10), 3)
        start_pause(store, THU, 2)
        assert [(p.first_day, p.last_day) for p in pauses(store)] == [
            (THU - timedelta(days=10), THU - timedelta(days=8)),
            (THU, THU + timedelta(days=1)),
        ]


def test_ending_keeps_the_days_already_paused(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        start_pause(store, THU - timedelta(days=3), 10)
        ended = end_pause(store, THU)
        assert ended is not None and ended.last_day == THU + timedelta(days=6)
        assert [(p.first_day, p.last_day) for p in pauses(store)] == [
            (THU - timedelta(days=3), THU - timedelta(days=1))
        ]
        assert end_pause(store, THU) is None  # nothing running any more


def test_ending_a_pause_begun_today_removes_it(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        start_pause(store, THU, 5)
        assert end_pause(store, THU) is not None
        assert pauses(store) == []
