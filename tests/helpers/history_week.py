"""A test helper: a history database holding a realistic week of sessions."""

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from backex.care.rules import Symptoms
from backex.catalogue.loader import load_catalogue
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder
from backex.session.types import SkipReason

TZ = timezone(timedelta(hours=1))
CORE = ["supine-marches", "bridge", "bird-dog-one-limb"]
MCKENZIE = ["prone-lying", "prone-on-elbows", "prone-press-up", "prone-lying"]

# (days before today, focus, pain before, pain after, how it went)
WEEK = [
    (6, "core", 5, 4, "completed"),
    (5, "core", 5, 3, "completed"),
    (4, "mckenzie", 4, 3, "completed"),
    # three days ago: a rest day
    (2, "core", 3, 2, "completed"),
    (1, "mckenzie", 3, 2, "stopped"),
    (0, "core", 2, 1, "completed"),
]


class FixedClock:
    """A clock that moves a minute forward each time it is read."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def fill_week(path: Path, today: date) -> list[int]:
    """Record the sessions of :data:`WEEK` ending on ``today``; their ids, oldest first."""
    catalogue = load_catalogue()
    ids = []
    with History.open(path) as history:
        for days_ago, focus, before, after, how in WEEK:
            start = datetime.combine(today - timedelta(days=days_ago), time(8, 0), TZ)
            clock = FixedClock(start)
            recorder = SessionRecorder(history, clock)
            names = CORE if focus == "core" else MCKENZIE
            plan = {"total_s": 600, "items": [{"exercise": n} for n in names]}
            ids.append(recorder.start(plan, [focus], before))
            for position, name in enumerate(names):
                dose = catalogue.get(name).dose
                if how == "stopped" and position == 2:
                    recorder.record_exercise(
                        ExerciseEntry(
                            position, name, dose, skipped=True, skip_reason=SkipReason.QUIT
                        )
                    )
                    break
                symptoms = Symptoms.CENTRALISING if focus == "mckenzie" else None
                recorder.record_exercise(
                    ExerciseEntry(
                        position, name, dose, sets_done=dose.sets, reps_done=dose.reps,
                        seconds_done=dose.hold_s, symptoms=symptoms, started_at=clock.now,
                    )
                )  # fmt: skip
            recorder.set_pain_after(after)
            recorder.finish(completed=how == "completed")
    return ids
