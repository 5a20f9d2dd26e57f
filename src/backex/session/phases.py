"""An exercise as timed segments, and the cues each segment gives. Pure, stateless.

A planned exercise becomes a fixed list of segments: TRANSITION (changing position, with
a "next up" preview; every exercise but the first), GET_READY, then each set's WORK as
the exercise's pattern paces it (:mod:`.patterns`: holds, reps, alternating sides,
rotation, one side then the other with SWITCH_SIDES between), with REST between sets.
"""

import math

from backex.catalogue.exercise import Exercise, pattern_of
from backex.planning.plan import PlannedItem
from backex.session.patterns import first_side, set_segments, side_words
from backex.session.types import (
    CueEvent,
    CueKind,
    PhaseKind,
    Segment,
    SessionOptions,
    Step,
)

COUNTDOWN_FROM = 3  # the last seconds counted out loud / beeped
LONG_PHASE_S = 10  # holds and rests at least this long get a countdown and a halfway mark


def build_segments(item: PlannedItem, first: bool, options: SessionOptions) -> list[Segment]:
    """The timed segments of one exercise; their lengths add up to the planner's estimate
    (the first exercise's get-ready aside, when ``options.first_get_ready_s`` is longer).
    """
    dose = item.dose
    segments: list[Segment] = []
    if not first and options.transition_s > 0:
        segments.append(Segment(PhaseKind.TRANSITION, options.transition_s))
    side = first_side(pattern_of(item.exercise, dose))
    get_ready = options.get_ready_s
    if first and options.first_get_ready_s is not None:
        get_ready = options.first_get_ready_s
    if get_ready > 0:
        text = f"get ready: {side_words(item.exercise.limb, side, 1)} first" if side else ""
        segments.append(Segment(PhaseKind.GET_READY, get_ready, 1, side=side, text=text))
    for set_no in range(1, dose.sets + 1):
        if set_no > 1 and dose.rest_s > 0:
            segments.append(Segment(PhaseKind.REST, dose.rest_s, set_no, side=side))
        segments += set_segments(item.exercise, dose, set_no, options.switch_s)
    return [s for s in segments if s.duration > 0]


def cue_text(segment: Segment, next_up: Exercise | None) -> str:
    """The words shown (and spoken) for a segment."""
    if segment.kind is PhaseKind.TRANSITION:
        return f"next up: {next_up.name}" if next_up else "next up"
    if segment.text:
        return segment.text
    if segment.kind is PhaseKind.GET_READY:
        return "get ready"
    if segment.kind is PhaseKind.SWITCH_SIDES:
        return f"switch to the {segment.side} side"
    if segment.kind is PhaseKind.REST:
        return "rest"
    if segment.step is Step.LIFT:
        return "lift slowly"
    if segment.step is Step.LOWER:
        return "lower slowly"
    return "hold"


def segment_events(segment: Segment) -> list[CueEvent]:
    """The cues of a segment, at offsets from its start, in time order."""
    events: list[CueEvent] = []
    length = segment.duration
    first_work = segment.kind is PhaseKind.WORK and segment.step in (Step.LIFT, Step.HOLD)
    if first_work and segment.rep_no in (None, 1):
        events.append(CueEvent(CueKind.WORK_START, 0.0, text=cue_text(segment, None)))
    if segment.kind is PhaseKind.SWITCH_SIDES:
        events.append(CueEvent(CueKind.SWITCH_SIDES, 0.0, text=cue_text(segment, None)))
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
