"""The coached session as a pure state machine: time and keys go in, snapshots come out.

Phase model. A plan becomes, per exercise, a fixed list of timed segments: TRANSITION
(changing position, with a "next up" preview; every exercise but the first), GET_READY,
then for each set and each side (right, then left when the dose is per side) the WORK,
with SWITCH_SIDES between the sides and REST between the sets. WORK is either one hold
countdown or, for counted reps, one lift / hold / lower segment per rep at the tempo
(timing.DEFAULT_TEMPO when the catalogue gives none). Each segment ends at an absolute
deadline, its start plus its length; a pause moves the current start by the paused time, so
no drift accumulates however late the ticks arrive, and a late tick walks through every
deadline it crossed, giving each segment its ideal start time (``phase_log``). Next skips
the exercise (its result is marked skipped), Back restarts it or, within its lead-in or the
first BACK_GRACE_S of work, goes to the previous one; Quit and Stop(reason) end the session
and mark what is left skipped. Each exercise's result goes to ``on_exercise_end`` as soon as
it ends; an exercise redone after Back reports again, and the later result supersedes.

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

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from backex.care.rules import SYMPTOM_QUESTION, Symptoms
from backex.catalogue.exercise import Dose, Exercise, Focus
from backex.planning.plan import Plan, PlannedItem
from backex.planning.timing import tempo_of
from backex.session.types import (
    QUIT_REASON,
    SKIPPED_BY_PERSON,
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
    Segment,
    SessionOptions,
    SessionState,
    SessionSummary,
    Side,
    Step,
    Stop,
    Tick,
    TogglePause,
)

BACK_GRACE_S = 2.0  # Back within this long after work starts still means "previous exercise"
COUNTDOWN_FROM = 3  # the last seconds counted out loud / beeped
LONG_PHASE_S = 10  # holds and rests at least this long get a countdown and a halfway mark


def build_segments(item: PlannedItem, first: bool, options: SessionOptions) -> list[Segment]:
    """The timed segments of one exercise; their lengths add up to the planner's estimate."""
    dose = item.dose
    segments: list[Segment] = []
    if not first and options.transition_s > 0:
        segments.append(Segment(PhaseKind.TRANSITION, options.transition_s))
    sides: tuple[Side | None, ...] = (Side.RIGHT, Side.LEFT) if dose.per_side else (None,)
    if options.get_ready_s > 0:
        segments.append(Segment(PhaseKind.GET_READY, options.get_ready_s, 1, side=sides[0]))
    tempo = tempo_of(dose)
    for set_no in range(1, dose.sets + 1):
        if set_no > 1 and dose.rest_s > 0:
            segments.append(Segment(PhaseKind.REST, dose.rest_s, set_no, side=sides[0]))
        for side in sides:
            if side is Side.LEFT and options.switch_s > 0:
                segments.append(
                    Segment(PhaseKind.SWITCH_SIDES, options.switch_s, set_no=set_no, side=side)
                )
            if dose.reps is None:
                hold = Segment(PhaseKind.WORK, dose.hold_s or 0, set_no, None, side, Step.HOLD)
                segments.append(hold)
                continue
            for rep in range(1, dose.reps + 1):
                parts = [(Step.LIFT, tempo.lift_s), (Step.HOLD, dose.hold_s or 0)]
                parts.append((Step.LOWER, tempo.lower_s))
                segments += [
                    Segment(PhaseKind.WORK, length, set_no, rep, side, step)
                    for step, length in parts
                    if length > 0
                ]
    return [s for s in segments if s.duration > 0]


def _cue(segment: Segment, next_up: Exercise | None) -> str:
    if segment.kind is PhaseKind.TRANSITION:
        return f"next up: {next_up.name}" if next_up else "next up"
    if segment.kind is PhaseKind.GET_READY:
        return f"get ready: {segment.side} side first" if segment.side else "get ready"
    if segment.kind is PhaseKind.SWITCH_SIDES:
        return f"switch to the {segment.side} side"
    if segment.kind is PhaseKind.REST:
        return "rest"
    if segment.step is Step.LIFT:
        return "lift slowly"
    if segment.step is Step.LOWER:
        return "lower slowly"
    return "hold"


@dataclass
class _Attempt:
    """Progress through the current exercise."""

    started_at: float
    sets_done: int = 0
    reps_done: int = 0
    work_s: float = 0.0


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
        self._segments = [
            build_segments(item, i == 0, self.options) for i, item in enumerate(self.plan.items)
        ]
        self._item_totals = [sum(s.duration for s in segs) for segs in self._segments]
        self._item = 0
        self._seg = 0
        self._seg_start = 0.0
        self._event_ptr = 0
        self._paused_at: float | None = None
        self._asking_since: float | None = None  # in the QUESTION phase since then
        self._now = 0.0
        self._started_at: float | None = None
        self._ended_at: float | None = None
        self._stop_reason: str | None = None
        self._attempt = _Attempt(0.0)
        self._results: dict[int, ExerciseResult] = {}
        self._all_results: list[ExerciseResult] = []
        self._phase_log: list[PhaseStart] = []
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
            self._paused_at = self._paused_at if self._paused_at is not None else event.now
        elif isinstance(event, Resume | TogglePause):
            self._resume(event.now)
        elif isinstance(event, Next):
            self._finish_item(event.now, skip_reason=SKIPPED_BY_PERSON)
            self._move_to(self._item + 1, event.now, skip_lead_in=False)
        elif isinstance(event, Back):
            self._back(event.now)
        elif isinstance(event, Quit):
            self._end_early(event.now, QUIT_REASON)
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
                self._move_to(self._item + 1, event.now, skip_lead_in=False)
        elif isinstance(event, Back):
            self._move_to(self._item, event.now, skip_lead_in=True)
        elif isinstance(event, Quit | Stop):
            reason = event.reason if isinstance(event, Stop) else QUIT_REASON
            self._end_early(event.now, reason)

    def tick(self, now: float) -> SessionState:
        return self.handle(Tick(now))

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

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
        return tuple(self._all_results)

    @property
    def phase_log(self) -> tuple[PhaseStart, ...]:
        """Each segment entered, with its ideal start time."""
        return tuple(self._phase_log)

    @property
    def summary(self) -> SessionSummary | None:
        """The latest result per exercise, once the session has ended."""
        if self._ended_at is None or self._started_at is None:
            return None
        return SessionSummary(
            results=tuple(self._results[i] for i in sorted(self._results)),
            started_at=self._started_at,
            ended_at=self._ended_at,
            stop_reason=self._stop_reason,
        )

    # -- moving through time -----------------------------------------------------------

    @property
    def _segment(self) -> Segment:
        return self._segments[self._item][self._seg]

    def _advance(self, now: float) -> None:
        """Walk through every deadline up to ``now`` (frozen while paused)."""
        self._now = max(self._now, now)
        if self._paused_at is not None or self._ended_at is not None or self.asking:
            return
        while self._ended_at is None:
            segment = self._segment
            deadline = self._seg_start + segment.duration
            self._emit_due(min(now, deadline))
            if now < deadline:
                return
            self._complete_segment(segment, deadline)
            if self._seg + 1 < len(self._segments[self._item]):
                self._enter_segment(self._seg + 1, deadline)
            elif self._asks(self._item):
                self._ask(deadline)
                return
            else:
                self._finish_item(deadline, skip_reason=None)
                self._move_to(self._item + 1, deadline, skip_lead_in=False)

    def _asks(self, index: int) -> bool:
        exercise = self.plan.items[index].exercise
        return self.options.ask_symptoms and Focus.MCKENZIE in exercise.focus

    def _ask(self, at: float) -> None:
        self._asking_since = at
        self._phase_log.append(PhaseStart(at, self._item, PhaseKind.QUESTION))
        self._pending.append(CueEvent(CueKind.QUESTION, at, text=SYMPTOM_QUESTION))

    def _resume(self, now: float) -> None:
        if self._paused_at is None:
            return
        self._seg_start += now - self._paused_at
        self._paused_at = None

    def _enter_item(self, index: int, at: float, skip_lead_in: bool) -> None:
        self._asking_since = None
        self._item = index
        self._attempt = _Attempt(started_at=at)
        first = 0
        if skip_lead_in:
            kinds = [s.kind for s in self._segments[index]]
            first = 1 if kinds[0] is PhaseKind.TRANSITION and len(kinds) > 1 else 0
        exercise = self.plan.items[index].exercise
        self._pending.append(CueEvent(CueKind.EXERCISE_START, at, text=exercise.name))
        self._enter_segment(first, at)

    def _enter_segment(self, index: int, at: float) -> None:
        self._seg = index
        self._seg_start = at
        self._event_ptr = 0
        s = self._segment
        self._phase_log.append(
            PhaseStart(at, self._item, s.kind, s.set_no, s.rep_no, s.side, s.step)
        )

    def _move_to(self, index: int, at: float, skip_lead_in: bool) -> None:
        if index >= len(self.plan.items):
            self._ended_at = at
            self._paused_at = None
            self._pending.append(CueEvent(CueKind.DONE, at, text="done, well done"))
            return
        self._enter_item(index, at, skip_lead_in)
        if self._paused_at is not None:
            self._paused_at = at

    def _segment_events(self, segment: Segment) -> list[CueEvent]:
        """The cues of a segment, at offsets from its start, in time order."""
        events: list[CueEvent] = []
        length = segment.duration
        first_work = segment.kind is PhaseKind.WORK and segment.step in (Step.LIFT, Step.HOLD)
        if first_work and segment.rep_no in (None, 1):
            events.append(CueEvent(CueKind.WORK_START, 0.0, text=_cue(segment, None)))
        if segment.kind is PhaseKind.SWITCH_SIDES:
            events.append(CueEvent(CueKind.SWITCH_SIDES, 0.0, text=_cue(segment, None)))
        if segment.kind is PhaseKind.REST:
            events.append(CueEvent(CueKind.REST, 0.0, text="rest"))
        long_phase = length >= LONG_PHASE_S and (
            segment.kind is PhaseKind.REST or segment.step is Step.HOLD
        )
        if long_phase and length >= 2 * LONG_PHASE_S:
            events.append(CueEvent(CueKind.HALFWAY, float(length // 2), text="halfway"))
        if long_phase or segment.kind is PhaseKind.GET_READY:
            for n in range(min(COUNTDOWN_FROM, math.floor(length) - 1), 0, -1):
                events.append(CueEvent(CueKind.COUNTDOWN, length - n, value=n, text=str(n)))
        if segment.step is Step.HOLD:
            events.append(CueEvent(CueKind.HOLD_END, length, text="hold ended"))
        return events

    def _emit_due(self, upto: float) -> None:
        events = self._segment_events(self._segment)
        while self._event_ptr < len(events):
            event = events[self._event_ptr]
            at = self._seg_start + event.at
            if at > upto:
                return
            self._pending.append(replace(event, at=at))
            self._event_ptr += 1

    def _complete_segment(self, segment: Segment, at: float) -> None:
        if segment.kind is not PhaseKind.WORK:
            return
        self._attempt.work_s += segment.duration
        dose = self.plan.items[self._item].dose
        rep_done = segment.rep_no is not None and segment.step is self._last_step(dose)
        if rep_done:
            self._attempt.reps_done += 1
        last_side = segment.side in (None, Side.LEFT)
        set_over = segment.rep_no is None or segment.rep_no == dose.reps
        if last_side and set_over and (segment.rep_no is None or rep_done):
            self._attempt.sets_done += 1

    @staticmethod
    def _last_step(dose: Dose) -> Step:
        tempo = tempo_of(dose)
        if tempo.lower_s > 0:
            return Step.LOWER
        return Step.HOLD if dose.hold_s else Step.LIFT

    def _finish_item(
        self, at: float, skip_reason: str | None, symptoms: Symptoms | None = None
    ) -> None:
        """Report the current exercise's result (partial work counts when skipped)."""
        attempt = self._attempt
        work = attempt.work_s
        if skip_reason is not None and self._segment.kind is PhaseKind.WORK:
            work += max(0.0, self._position_time(at) - self._seg_start)
        item = self.plan.items[self._item]
        result = ExerciseResult(
            exercise_id=item.exercise.id,
            sets_done=attempt.sets_done,
            reps_done=attempt.reps_done,
            seconds_done=work,
            skipped=skip_reason is not None,
            skip_reason=skip_reason,
            started_at=attempt.started_at,
            ended_at=at,
            index=self._item,
            symptoms=symptoms,
        )
        self._results[self._item] = result
        self._all_results.append(result)
        self._pending.append(CueEvent(CueKind.EXERCISE_END, at, text=item.exercise.name))
        if self.on_exercise_end is not None:
            self.on_exercise_end(result)

    def _position_time(self, now: float) -> float:
        """``now`` as the session sees it: frozen at the pause while paused."""
        return self._paused_at if self._paused_at is not None else now

    def _offset_in_item(self, now: float) -> float:
        done = sum(s.duration for s in self._segments[self._item][: self._seg])
        return done + max(0.0, self._position_time(now) - self._seg_start)

    def _back(self, now: float) -> None:
        segments = self._segments[self._item]
        lead_in = 0.0
        for segment in segments:
            if segment.kind is PhaseKind.WORK:
                break
            lead_in += segment.duration
        at_start = self._offset_in_item(now) < lead_in + BACK_GRACE_S
        target = self._item - 1 if at_start and self._item > 0 else self._item
        # The abandoned attempt is not reported: it restarts or was barely begun.
        self._move_to(target, now, skip_lead_in=True)

    def _end_early(self, now: float, reason: str) -> None:
        if self._asking_since is not None:  # the exercise itself was done in full
            self._finish_item(self._asking_since, skip_reason=None)
        else:
            self._finish_item(now, skip_reason=reason)
        self._skip_rest(now, reason)

    def _skip_rest(self, now: float, reason: str) -> None:
        """End the session: every exercise after the current one is skipped for ``reason``."""
        for index in range(self._item + 1, len(self.plan.items)):
            self._item = index
            self._seg = 0
            self._attempt = _Attempt(started_at=now)
            self._finish_item(now, skip_reason=reason)
        self._stop_reason = reason
        self._ended_at = now
        self._paused_at = None
        self._asking_since = None
        self._pending.append(CueEvent(CueKind.DONE, now, text="session ended"))

    # -- the snapshot ------------------------------------------------------------------

    def _snapshot(self) -> SessionState:
        events = tuple(self._pending)
        self._pending.clear()
        now = self._now
        start = self._started_at if self._started_at is not None else now
        n = len(self.plan.items)
        if self._ended_at is not None:
            state = SessionState(
                kind=PhaseKind.DONE,
                now=now,
                item_index=n - 1,
                item_count=n,
                exercise=None,
                dose=None,
                set_no=0,
                set_count=0,
                rep_no=None,
                rep_count=None,
                side=None,
                step=None,
                cue="done, well done" if self._stop_reason is None else "session ended",
                remaining_s=0.0,
                phase_s=0.0,
                time_left_s=0.0,
                elapsed_s=self._ended_at - start,
                paused=False,
                next_up=None,
                events=events,
                next_deadline=None,
            )
            self._state = state
            return state
        if self._asking_since is not None:
            state = self._question_snapshot(now, start, events)
            self._state = state
            return state
        item = self.plan.items[self._item]
        segment = self._segment
        position = self._position_time(now)
        deadline = self._seg_start + segment.duration
        remaining = max(0.0, deadline - position)
        later = sum(s.duration for s in self._segments[self._item][self._seg + 1 :])
        later += sum(self._item_totals[self._item + 1 :])
        next_up = self.plan.items[self._item + 1].exercise if self._item + 1 < n else None
        shown_up = item.exercise if segment.kind is PhaseKind.TRANSITION else next_up
        state = SessionState(
            kind=segment.kind,
            now=now,
            item_index=self._item,
            item_count=n,
            exercise=item.exercise,
            dose=item.dose,
            set_no=max(1, segment.set_no),
            set_count=item.dose.sets,
            rep_no=segment.rep_no,
            rep_count=item.dose.reps,
            side=segment.side if item.dose.per_side else None,
            step=segment.step,
            cue=_cue(segment, shown_up),
            remaining_s=remaining,
            phase_s=segment.duration,
            time_left_s=remaining + later,
            elapsed_s=now - start,
            paused=self.paused,
            next_up=next_up,
            events=events,
            next_deadline=None if self.paused else _next_change(deadline, remaining),
        )
        self._state = state
        return state

    def _question_snapshot(
        self, now: float, start: float, events: tuple[CueEvent, ...]
    ) -> SessionState:
        item = self.plan.items[self._item]
        n = len(self.plan.items)
        return SessionState(
            kind=PhaseKind.QUESTION,
            now=now,
            item_index=self._item,
            item_count=n,
            exercise=item.exercise,
            dose=item.dose,
            set_no=item.dose.sets,
            set_count=item.dose.sets,
            rep_no=None,
            rep_count=item.dose.reps,
            side=None,
            step=None,
            cue=SYMPTOM_QUESTION,
            remaining_s=0.0,
            phase_s=0.0,
            time_left_s=float(sum(self._item_totals[self._item + 1 :])),
            elapsed_s=now - start,
            paused=False,
            next_up=self.plan.items[self._item + 1].exercise if self._item + 1 < n else None,
            events=events,
            next_deadline=None,
        )


def _next_change(deadline: float, remaining: float) -> float:
    """When the whole-second countdown next changes (or the phase ends)."""
    shown = math.ceil(remaining)
    return deadline - max(0, shown - 1) if shown > 0 else deadline
