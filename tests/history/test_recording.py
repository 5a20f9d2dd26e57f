"""Engine results into the history as they happen; a failed write stops only the recording."""

from datetime import datetime, timedelta
from pathlib import Path

from helpers.routine import make_exercise, make_plan_of

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose, Focus
from backex.history.recording import ResultWriter
from backex.history.records import ExerciseEntry
from backex.history.store import History, HistoryError, SessionRecorder
from backex.session.types import ExerciseResult

NOW = datetime(2026, 3, 2, 8, 30).astimezone()
HOLD = make_exercise("prone-lying", Dose(hold_s=120), focus=(Focus.MCKENZIE,))
REPS = make_exercise("bridge", Dose(reps=5, hold_s=5))
PLAN = make_plan_of(HOLD, REPS)


def result(index: int, **changes: object) -> ExerciseResult:
    fields: dict[str, object] = {
        "exercise_id": PLAN.items[index].exercise.id,
        "sets_done": 1,
        "reps_done": 0,
        "seconds_done": 120.4,
        "skipped": False,
        "skip_reason": None,
        "started_at": 1000.0,
        "ended_at": 1125.0,
        "index": index,
    }
    fields.update(changes)
    return ExerciseResult(**fields)  # type: ignore[arg-type]


def test_each_result_is_a_row_with_its_dose_answer_and_wall_clock_times(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as store:
        recorder = SessionRecorder(store, clock=lambda: NOW)
        recorder.start({}, ["mckenzie"], 2)
        write = ResultWriter(recorder, PLAN, clock_scale=5.0)
        write(result(0, symptoms=Symptoms.CENTRALISING))
        write(result(1, reps_done=3, seconds_done=27.0, skipped=True, skip_reason="quit"))
        (session,) = store.sessions()
    hold, reps = session.exercises
    assert (hold.planned, hold.reps_done, hold.seconds_done, hold.symptoms) == (
        HOLD.dose,
        None,  # a hold has no reps to count
        120,
        Symptoms.CENTRALISING,
    )
    assert (hold.started_at, hold.ended_at) == (NOW - timedelta(seconds=25), NOW)  # 125 s / 5
    assert (reps.reps_done, reps.skipped, reps.skip_reason) == (3, True, "quit")
    assert write.failure is None


class FailingRecorder(SessionRecorder):
    def __init__(self) -> None:
        self.calls = 0
        self.clock = lambda: NOW

    def record_exercise(self, entry: ExerciseEntry) -> None:
        self.calls += 1
        raise HistoryError("h.sqlite3 is busy")


def test_a_failed_write_is_kept_and_recording_stops_without_raising() -> None:
    recorder = FailingRecorder()
    write = ResultWriter(recorder, PLAN)
    write(result(0))
    write(result(1))
    assert str(write.failure) == "h.sqlite3 is busy"
    assert recorder.calls == 1
