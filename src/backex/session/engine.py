"""The coached session as a pure state machine: time and keys go in, snapshots come out.

Each exercise is a fixed list of timed segments (:mod:`.phases`) that a
:class:`~.timeline.Timeline` walks through; a late tick walks through every deadline it
crossed, giving each segment its ideal start time (``phase_log``). Next skips the exercise
(its result is marked skipped), Back restarts it or, within its lead-in or the first
BACK_GRACE_S of work, goes to the previous one; Quit and Stop(reason) end the session and
mark what is left skipped. Each exercise's result goes to ``on_exercise_end`` as soon as it
ends (:mod:`.results`); an exercise redone after Back reports again, and the later result
supersedes.

The McKenzie question. With ``SessionOptions.ask_symptoms``, a McKenzie exercise done to
its end is followed by a QUESTION phase (rules.SYMPTOM_QUESTION). It has no deadline: the
clock waits, ticks change nothing, and pause does not apply. ``Answer(now, symptoms)``
reports the exercise with the answer and starts the next one at ``now`` (or, with
``Answer.stop``, ends the session there); Next moves on without an answer, Back redoes
the exercise, Quit/Stop end the session (the exercise counts as done). Deciding what an
answer means (``rules.symptom_rule``: stop when symptoms spread) is the caller's job, so
the engine stays a timer.

``start(now, first_item=k)`` begins at plan position k (``routine --resume``); results keep
their plan positions.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from backex.care.rules import SYMPTOM_QUESTION, Symptoms
from backex.catalogue.exercise import Focus
from backex.planning.plan import Plan
from backex.session import snapshots
from backex.session.phases import build_segments
from backex.session.results import Attempt, ResultBook
from backex.session.timeline import Timeline
from backex.session.types import (
    Answer,
    Back,
    CueEvent,
    CueKind,
    Event,
    ExerciseResult,
    Next,
    Pause,
    PhaseKind,
    PhaseStart,
    Quit,
    Resume,
    SessionOptions,
    SessionState,
    SessionSummary,
    SkipReason,
    Stop,
    Tick,
    TogglePause,
)

BACK_GRACE_S = 2.0  # Back within this long after work starts still means "previous exercise"


@dataclass
class Session:
    """Coach a plan: feed it events with a monotonic ``now``; read ``state``.

    Call :meth:`start` first. Times are whatever clock the caller uses (seconds).
    """

    plan: Plan
    options: SessionOptions = field(default_factory=SessionOptions)
    on_exercise_end: Callable[[ExerciseResult], None] | None = None

    def __post_init__(self) -> None:
        if not self.plan.items:
            raise ValueError("a session needs at least one exercise")
        self._tl = Timeline(
            [build_segments(item, i == 0, self.options) for i, item in enumerate(self.plan.items)]
        )
        self._asking_since: float | None = None  # in the QUESTION phase since then
        self._now = 0.0
        self._started_at: float | None = None
        self._ended_at: float | None = None
        self._stop_reason: SkipReason | None = None
        self._attempt = Attempt(0.0)
        self._book = ResultBook(self.on_exercise_end)
        self._pending: list[CueEvent] = []
        self._state: SessionState | None = None

    # -- public API --------------------------------------------------------------------

    def start(self, now: float, first_item: int = 0) -> SessionState:
        """Begin at ``now`` with the exercise at plan position ``first_item``."""
        if self._started_at is not None:
            raise RuntimeError("session already started")
        if not 0 <= first_item < len(self.plan.items):
            raise ValueError(f"no exercise at plan position {first_item}")
        self._started_at = now
        self._now = now
        self._enter_item(first_item, now, skip_lead_in=False)
        return self._snapshot()

    def handle(self, event: Event) -> SessionState:
        """Apply one event and return the new snapshot (its ``events`` are the new cues)."""
        if self._started_at is None:
            raise RuntimeError("call start() first")
        if self._ended_at is not None:
            self._now = max(self._now, event.now)
            return self._snapshot()
        self._advance(event.now)
        if self.asking:
            self._handle_answer_phase(event)
        elif isinstance(event, Pause) or (isinstance(event, TogglePause) and not self.paused):
            self._tl.pause(event.now)
        elif isinstance(event, Resume | TogglePause):
            self._tl.resume(event.now)
        elif isinstance(event, Next):
            self._finish_item(event.now, skip_reason=SkipReason.NEXT)
            self._move_to(self._tl.item + 1, event.now, skip_lead_in=False)
        elif isinstance(event, Back):
            self._back(event.now)
        elif isinstance(event, Quit):
            self._end_early(event.now, SkipReason.QUIT)
        elif isinstance(event, Stop):
            self._end_early(event.now, event.reason)
        return self._snapshot()

    def _handle_answer_phase(self, event: Event) -> None:
        """The QUESTION phase: an answer or Next moves on; Back redoes; Quit/Stop end."""
        asked_at = self._asking_since
        assert asked_at is not None
        if isinstance(event, Answer | Next):
            symptoms = event.symptoms if isinstance(event, Answer) else None
            self._finish_item(asked_at, skip_reason=None, symptoms=symptoms)
            if isinstance(event, Answer) and event.stop is not None:
                self._skip_rest(event.now, event.stop)
            else:
                self._move_to(self._tl.item + 1, event.now, skip_lead_in=False)
        elif isinstance(event, Back):
            self._move_to(self._tl.item, event.now, skip_lead_in=True)
        elif isinstance(event, Quit | Stop):
            reason = event.reason if isinstance(event, Stop) else SkipReason.QUIT
            self._end_early(event.now, reason)

    def tick(self, now: float) -> SessionState:
        return self.handle(Tick(now))

    @property
    def paused(self) -> bool:
        return self._tl.paused_at is not None

    @property
    def started(self) -> bool:
        return self._started_at is not None

    @property
    def done(self) -> bool:
        return self._ended_at is not None

    @property
    def asking(self) -> bool:
        """Waiting for the answer to the McKenzie question."""
        return self._asking_since is not None and self._ended_at is None

    @property
    def state(self) -> SessionState:
        if self._state is None:
            raise RuntimeError("call start() first")
        return self._state

    @property
    def results(self) -> tuple[ExerciseResult, ...]:
        """Every result reported so far, in the order they ended (redos included)."""
        return self._book.in_order_of_ending

    @property
    def phase_log(self) -> tuple[PhaseStart, ...]:
        """Each segment entered, with its ideal start time."""
        return tuple(self._tl.log)

    @property
    def summary(self) -> SessionSummary | None:
        """The latest result per exercise, once the session has ended."""
        if self._ended_at is None or self._started_at is None:
            return None
        return SessionSummary(
            results=self._book.latest_by_position,
            started_at=self._started_at,
            ended_at=self._ended_at,
            stop_reason=self._stop_reason,
        )

    # -- moving through time -----------------------------------------------------------

    def _advance(self, now: float) -> None:
        """Walk through every deadline up to ``now`` (frozen while paused)."""
        self._now = max(self._now, now)
        if self.paused or self._ended_at is not None or self.asking:
            return
        tl = self._tl
        while self._ended_at is None:
            segment, deadline = tl.segment, tl.deadline
            self._pending += tl.due_events(min(now, deadline))
            if now < deadline:
                return
            self._attempt.count(segment)
            if tl.has_next_segment:
                tl.enter_segment(tl.seg + 1, deadline)
            elif self._asks(tl.item):
                self._ask(deadline)
                return
            else:
                self._finish_item(deadline, skip_reason=None)
                self._move_to(tl.item + 1, deadline, skip_lead_in=False)

    def _asks(self, index: int) -> bool:
        exercise = self.plan.items[index].exercise
        return self.options.ask_symptoms and Focus.MCKENZIE in exercise.focus

    def _ask(self, at: float) -> None:
        self._asking_since = at
        self._tl.log.append(PhaseStart(at, self._tl.item, PhaseKind.QUESTION))
        self._pending.append(CueEvent(CueKind.QUESTION, at, text=SYMPTOM_QUESTION))

    def _enter_item(self, index: int, at: float, skip_lead_in: bool) -> None:
        self._asking_since = None
        self._attempt = Attempt(started_at=at)
        exercise = self.plan.items[index].exercise
        self._pending.append(CueEvent(CueKind.EXERCISE_START, at, text=exercise.name))
        self._tl.enter_item(index, at, skip_lead_in)

    def _move_to(self, index: int, at: float, skip_lead_in: bool) -> None:
        if index >= len(self.plan.items):
            self._ended_at = at
            self._tl.paused_at = None
            self._pending.append(CueEvent(CueKind.DONE, at, text="done, well done"))
            return
        self._enter_item(index, at, skip_lead_in)
        if self._tl.paused_at is not None:
            self._tl.paused_at = at

    def _finish_item(
        self, at: float, skip_reason: SkipReason | None, symptoms: Symptoms | None = None
    ) -> None:
        """Report the current exercise's result (partial work counts when skipped)."""
        attempt = self._attempt
        work = attempt.work_s
        if skip_reason is not None and self._tl.segment.kind is PhaseKind.WORK:
            work += self._tl.time_in_segment(at)
        item = self.plan.items[self._tl.item]
        result = ExerciseResult(
            exercise_id=item.exercise.id,
            sets_done=attempt.sets_done,
            reps_done=attempt.reps_done,
            seconds_done=work,
            skipped=skip_reason is not None,
            skip_reason=skip_reason,
            started_at=attempt.started_at,
            ended_at=at,
            index=self._tl.item,
            symptoms=symptoms,
        )
        self._pending.append(CueEvent(CueKind.EXERCISE_END, at, text=item.exercise.name))
        self._book.report(result)

    def _back(self, now: float) -> None:
        at_start = self._tl.offset_in_item(now) < self._tl.lead_in_s() + BACK_GRACE_S
        item = self._tl.item
        target = item - 1 if at_start and item > 0 else item
        # The abandoned attempt is not reported: it restarts or was barely begun.
        self._move_to(target, now, skip_lead_in=True)

    def _end_early(self, now: float, reason: SkipReason) -> None:
        if self._asking_since is not None:  # the exercise itself was done in full
            self._finish_item(self._asking_since, skip_reason=None)
        else:
            self._finish_item(now, skip_reason=reason)
        self._skip_rest(now, reason)

    def _skip_rest(self, now: float, reason: SkipReason) -> None:
        """End the session: every exercise after the current one is skipped for ``reason``."""
        for index in range(self._tl.item + 1, len(self.plan.items)):
            self._tl.item = index
            self._tl.seg = 0
            self._attempt = Attempt(started_at=now)
            self._finish_item(now, skip_reason=reason)
        self._stop_reason = reason
        self._ended_at = now
        self._tl.paused_at = None
        self._asking_since = None
        self._pending.append(CueEvent(CueKind.DONE, now, text="session ended"))

    # -- the snapshot ------------------------------------------------------------------

    def _snapshot(self) -> SessionState:
        events = tuple(self._pending)
        self._pending.clear()
        now, tl = self._now, self._tl
        start = self._started_at if self._started_at is not None else now
        if self._ended_at is not None:
            stopped = self._stop_reason is not None
            elapsed = self._ended_at - start
            state = snapshots.ended_state(self.plan, now, elapsed, stopped, events)
        elif self._asking_since is not None:
            state = snapshots.question_state(
                self.plan, tl.item, now, now - start, tl.after_item_s(), events
            )
        else:
            state = snapshots.running_state(
                self.plan,
                tl.item,
                tl.segment,
                now=now,
                deadline=tl.deadline,
                remaining_s=max(0.0, tl.deadline - tl.position_time(now)),
                later_s=tl.after_segment_s(),
                elapsed_s=now - start,
                paused=self.paused,
                events=events,
            )
        self._state = state
        return state
