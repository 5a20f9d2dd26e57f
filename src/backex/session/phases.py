"""An exercise as timed segments, and the cues each segment gives. Pure, stateless.

A planned exercise becomes a fixed list of segments: TRANSITION (changing position, with
a "next up" preview; every exercise but the first), GET_READY, then for each set and each
side (right, then left when the dose is per side) the WORK, with SWITCH_SIDES between the
sides and REST between the sets. WORK is either one hold countdown or, for counted reps,
one lift / hold / lower segment per rep at the tempo (timing.DEFAULT_TEMPO when the
catalogue gives none).
"""

import math

from backex.catalogue.exercise import Dose, Exercise
from backex.planning.plan import PlannedItem
from backex.planning.timing import tempo_of
from backex.session.types import (
    CueEvent,
    CueKind,
    PhaseKind,
    Segment,
    SessionOptions,
    Side,
    Step,
)

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


def cue_text(segment: Segment, next_up: Exercise | None) -> str:
    """The words shown (and spoken) for a segment."""
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


def last_step(dose: Dose) -> Step:
    """The step that completes one rep at this dose's tempo."""
    tempo = tempo_of(dose)
    if tempo.lower_s > 0:
        return Step.LOWER
    return Step.HOLD if dose.hold_s else Step.LIFT
