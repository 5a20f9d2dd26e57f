"""Record a coached session as it happens: the engine's results into the history.

:class:`ResultWriter` is the session engine's ``on_exercise_end``: each exercise is written
(its own committed transaction) the moment it ends, so Ctrl-C, ``q`` or a killed process
keep everything done so far. A write that fails (a full disk, a file another program
locked) stops the recording, never the coaching: the failure is kept in ``failure`` for
the routine to report once the screen is closed.
"""

from datetime import timedelta

from backex.errors import HistoryError
from backex.history.records import ExerciseEntry
from backex.history.store import SessionRecorder
from backex.planning.plan import Plan
from backex.session.types import ExerciseResult


class ResultWriter:
    """``on_exercise_end`` for the engine: one history row per exercise result."""

    def __init__(self, recorder: SessionRecorder, plan: Plan, clock_scale: float = 1.0) -> None:
        self.recorder = recorder
        self.plan = plan
        self.clock_scale = clock_scale
        self.failure: HistoryError | None = None

    def __call__(self, result: ExerciseResult) -> None:
        if self.failure is not None:
            return
        item = self.plan.items[result.index]
        dose = item.dose
        # Session seconds run clock_scale times faster than the wall clock.
        took = (result.ended_at - result.started_at) / self.clock_scale
        started = self.recorder.clock() - timedelta(seconds=round(took))
        entry = ExerciseEntry(
            position=result.index,
            exercise_id=result.exercise_id,
            planned=dose,
            sets_done=result.sets_done,
            reps_done=result.reps_done if dose.reps is not None else None,
            seconds_done=round(result.seconds_done),
            skipped=result.skipped,
            skip_reason=result.skip_reason,
            symptoms=result.symptoms,
            started_at=started,
            prescribed=item.prescribed,
        )
        try:
            self.recorder.record_exercise(entry)
        except HistoryError as exc:
            self.failure = exc
