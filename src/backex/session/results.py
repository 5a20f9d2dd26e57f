"""What a session keeps of each exercise: the attempt in progress and the results reported."""

from collections.abc import Callable
from dataclasses import dataclass

from backex.session.types import ExerciseResult, PhaseKind, Segment


@dataclass
class Attempt:
    """Progress through the current exercise."""

    started_at: float
    sets_done: int = 0
    reps_done: int = 0
    work_s: float = 0.0

    def count(self, segment: Segment) -> None:
        """Add a segment that ran to its end: work time, a finished rep, a finished set."""
        if segment.kind is not PhaseKind.WORK:
            return
        self.work_s += segment.duration
        if segment.ends_rep:
            self.reps_done += 1
        if segment.ends_set:
            self.sets_done += 1


class ResultBook:
    """Every result reported, and the latest one per plan position.

    An exercise redone after Back reports again; the later result supersedes, except that
    what was done stays done: a skipped redo never replaces a result done in full, and a
    skipped one replaces another skipped one only when it did more.
    """

    def __init__(self, on_exercise_end: Callable[[ExerciseResult], None] | None) -> None:
        self._latest: dict[int, ExerciseResult] = {}
        self._all: list[ExerciseResult] = []
        self._on_exercise_end = on_exercise_end

    def report(self, result: ExerciseResult) -> None:
        """Keep ``result`` and pass it on to the listener at once (unless it did less)."""
        self._all.append(result)
        if not supersedes(result, self._latest.get(result.index)):
            return
        self._latest[result.index] = result
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


def supersedes(new: ExerciseResult, old: ExerciseResult | None) -> bool:
    """Whether ``new`` replaces ``old`` as the record of its exercise: never with less."""
    if old is None or not new.skipped:
        return True
    if not old.skipped:
        return False
    return (new.sets_done, new.reps_done, new.seconds_done) > (
        old.sets_done,
        old.reps_done,
        old.seconds_done,
    )
