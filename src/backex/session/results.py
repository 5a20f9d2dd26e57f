"""What a session keeps of each exercise: the attempt in progress and the results reported."""

from collections.abc import Callable
from dataclasses import dataclass

from backex.catalogue.exercise import Dose
from backex.session.phases import last_step
from backex.session.types import ExerciseResult, PhaseKind, Segment, Side


@dataclass
class Attempt:
    """Progress through the current exercise."""

    started_at: float
    sets_done: int = 0
    reps_done: int = 0
    work_s: float = 0.0

    def count(self, segment: Segment, dose: Dose) -> None:
        """Add a segment that ran to its end: work time, a finished rep, a finished set."""
        if segment.kind is not PhaseKind.WORK:
            return
        self.work_s += segment.duration
        rep_done = segment.rep_no is not None and segment.step is last_step(dose)
        if rep_done:
            self.reps_done += 1
        last_side = segment.side in (None, Side.LEFT)
        set_over = segment.rep_no is None or segment.rep_no == dose.reps
        if last_side and set_over and (segment.rep_no is None or rep_done):
            self.sets_done += 1


class ResultBook:
    """Every result reported, and the latest one per plan position.

    An exercise redone after Back reports again; the later result supersedes.
    """

    def __init__(self, on_exercise_end: Callable[[ExerciseResult], None] | None) -> None:
        self._latest: dict[int, ExerciseResult] = {}
        self._all: list[ExerciseResult] = []
        self._on_exercise_end = on_exercise_end

    def report(self, result: ExerciseResult) -> None:
        """Keep ``result`` and pass it on to the listener at once."""
        self._latest[result.index] = result
        self._all.append(result)
        if self._on_exercise_end is not None:
            self._on_exercise_end(result)

    @property
    def in_order_of_ending(self) -> tuple[ExerciseResult, ...]:
        """Every result, in the order they ended (redos included)."""
        return tuple(self._all)

    @property
    def latest_by_position(self) -> tuple[ExerciseResult, ...]:
        """The latest result of each exercise, in plan order."""
        return tuple(self._latest[i] for i in sorted(self._latest))
