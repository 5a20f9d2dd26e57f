"""Pauses in the history file: days off the plan for illness or travel.

At most one pause is running on any day: a new one while another runs replaces its end
(from today for the days given), so pauses never overlap by the command line; the reads
treat overlapping rows as their union anyway.
"""

from datetime import date, timedelta

from backex.history.consistency import Pause, active_pause, pause_from
from backex.history.store import History


def pauses(store: History) -> list[Pause]:
    """Every pause, oldest first (a person takes few: all of them are read)."""
    rows = store.read("SELECT id, first_day, last_day FROM pause ORDER BY first_day, id")
    return [Pause(date.fromisoformat(r[1]), date.fromisoformat(r[2]), r[0]) for r in rows]


def start_pause(store: History, today: date, days: int) -> Pause:
    """Pause from ``today`` for ``days`` days (1 to 60, else ValueError); a pause already
    running is changed to end then instead."""
    wanted = pause_from(today, days)
    running = active_pause(pauses(store), today)
    with store.transaction() as db:
        if running is not None:
            db.execute(
                "UPDATE pause SET last_day = ? WHERE id = ?", (str(wanted.last_day), running.id)
            )
            return Pause(running.first_day, wanted.last_day, running.id)
        cursor = db.execute(
            "INSERT INTO pause (first_day, last_day) VALUES (?, ?)",
            (str(wanted.first_day), str(wanted.last_day)),
        )
        assert cursor.lastrowid is not None
        return Pause(wanted.first_day, wanted.last_day, cursor.lastrowid)


def end_pause(store: History, today: date) -> Pause | None:
    """End the running pause: today is a plan day again. The pause as it was, or None.

    Its days before today stay paused; one that began today is removed.
    """
    running = active_pause(pauses(store), today)
    if running is None:
        return None
    with store.transaction() as db:
        if running.first_day >= today:
            db.execute("DELETE FROM pause WHERE id = ?", (running.id,))
        else:
            yesterday = today - timedelta(days=1)
            db.execute("UPDATE pause SET last_day = ? WHERE id = ?", (str(yesterday), running.id))
    return running
