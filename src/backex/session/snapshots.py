"""The session's state as a plain record for whoever draws it. Pure functions."""

import math

from backex.care.rules import SYMPTOM_QUESTION
from backex.planning.plan import Plan
from backex.session.patterns import side_words
from backex.session.phases import cue_text
from backex.session.types import CueEvent, PhaseKind, Segment, SessionState


def ended_state(
    plan: Plan, now: float, elapsed_s: float, stopped: bool, events: tuple[CueEvent, ...]
) -> SessionState:
    """The snapshot once the session has ended (in full, or stopped early)."""
    n = len(plan.items)
    return SessionState(
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
        cue="session ended" if stopped else "done, well done",
        remaining_s=0.0,
        phase_s=0.0,
        time_left_s=0.0,
        elapsed_s=elapsed_s,
        paused=False,
        next_up=None,
        events=events,
        next_deadline=None,
    )


def question_state(
    plan: Plan,
    item_index: int,
    now: float,
    elapsed_s: float,
    time_left_s: float,
    events: tuple[CueEvent, ...],
) -> SessionState:
    """The snapshot while the McKenzie question waits for its answer."""
    item = plan.items[item_index]
    n = len(plan.items)
    return SessionState(
        kind=PhaseKind.QUESTION,
        now=now,
        item_index=item_index,
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
        time_left_s=time_left_s,
        elapsed_s=elapsed_s,
        paused=False,
        next_up=plan.items[item_index + 1].exercise if item_index + 1 < n else None,
        events=events,
        next_deadline=None,
    )


def running_state(
    plan: Plan,
    item_index: int,
    segment: Segment,
    *,
    now: float,
    deadline: float,
    remaining_s: float,
    later_s: float,
    elapsed_s: float,
    paused: bool,
    events: tuple[CueEvent, ...],
) -> SessionState:
    """The snapshot during a timed segment; ``later_s`` is what follows this segment."""
    item = plan.items[item_index]
    n = len(plan.items)
    next_up = plan.items[item_index + 1].exercise if item_index + 1 < n else None
    shown_up = item.exercise if segment.kind is PhaseKind.TRANSITION else next_up
    return SessionState(
        kind=segment.kind,
        now=now,
        item_index=item_index,
        item_count=n,
        exercise=item.exercise,
        dose=item.dose,
        set_no=max(1, segment.set_no),
        set_count=item.dose.sets,
        rep_no=segment.rep_no,
        rep_count=item.dose.reps,
        side=segment.side if item.dose.per_side else None,
        step=segment.step,
        cue=cue_text(segment, shown_up),
        remaining_s=remaining_s,
        phase_s=segment.duration,
        time_left_s=remaining_s + later_s,
        elapsed_s=elapsed_s,
        paused=paused,
        next_up=next_up,
        events=events,
        next_deadline=None if paused else next_change(deadline, remaining_s),
        side_text=side_words(item.exercise.limb, segment.side, segment.rep_no)
        if segment.side is not None and item.dose.per_side
        else "",
    )


def next_change(deadline: float, remaining: float) -> float:
    """When the whole-second countdown next changes (or the phase ends)."""
    shown = math.ceil(remaining)
    return deadline - max(0, shown - 1) if shown > 0 else deadline
