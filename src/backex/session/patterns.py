"""The work of one set, paced as the catalogue's pattern says. Pure, stateless.

- hold: one still hold.
- reps: each rep lift, hold, lower (the tempo's seconds; a part of 0 s is left out).
- alternate: rep by rep, the right side then the left ("right leg up slowly", hold, "lower
  slowly", then the left leg); one limb at a time (bird dog) goes right arm, left leg,
  left arm, right leg.
- rotate: each rep to the left, hold, back to the centre, to the right, hold, centre.
- per_side: every rep (or the hold) on the right, then a switch, then the left.

Side words name the limb the catalogue gives ("right leg", "right arm and left leg",
"knees to the left"), else "right side".
"""

from dataclasses import replace

from backex.catalogue.exercise import Dose, Exercise, Limb, Pattern, pattern_of
from backex.planning.timing import tempo_of
from backex.session.types import PhaseKind, Segment, Side, Step


def side_words(limb: Limb | None, side: Side, rep_no: int | None = None) -> str:
    """What a side is called for this exercise: "right leg", "right arm and left leg"."""
    other = Side.LEFT if side is Side.RIGHT else Side.RIGHT
    if limb is Limb.ARM_AND_LEG:
        return f"{side} arm and {other} leg"
    if limb is Limb.ONE_LIMB:  # odd reps: right arm, left leg; even: left arm, right leg
        arm = ((rep_no or 1) % 2 == 1) == (side is Side.RIGHT)
        return f"{side} {'arm' if arm else 'leg'}"
    if limb is Limb.KNEES:
        return f"knees to the {side}"
    if limb is not None:
        return f"{side} {limb}"
    return f"{side} side"


def first_side(pattern: Pattern) -> Side | None:
    """The side the work begins on (None when the exercise has no sides)."""
    if not pattern.sided:
        return None
    return Side.LEFT if pattern is Pattern.ROTATE else Side.RIGHT


def set_segments(exercise: Exercise, dose: Dose, set_no: int, switch_s: float) -> list[Segment]:
    """The segments of one set at ``dose``; the last one ``ends_set``."""
    pattern = pattern_of(exercise, dose)
    limb = exercise.limb
    segments: list[Segment] = []
    if pattern is Pattern.PER_SIDE:
        for side in (Side.RIGHT, Side.LEFT):
            words = side_words(limb, side)
            if side is Side.LEFT and switch_s > 0:
                text = f"switch to the {words}"
                segments.append(
                    Segment(PhaseKind.SWITCH_SIDES, switch_s, set_no, None, side, text=text)
                )
            segments += _reps(dose, set_no, side, words, limb)
    elif pattern is Pattern.ALTERNATE:
        for rep in range(1, (dose.reps or 0) + 1):
            sides = (Side.RIGHT, Side.LEFT)
            if limb is Limb.ONE_LIMB and rep % 2 == 0:
                sides = (Side.LEFT, Side.RIGHT)
            for side in sides:
                words = side_words(limb, side, rep)
                segments += _rep(dose, set_no, rep, side, (f"{words} up slowly", "lower slowly"))
    elif pattern is Pattern.ROTATE:
        for rep in range(1, (dose.reps or 0) + 1):
            for side in (Side.LEFT, Side.RIGHT):
                words = side_words(limb, side) if limb else f"roll to the {side}"
                segments += _rep(dose, set_no, rep, side, (words, "back to the centre"))
    else:
        segments += _reps(dose, set_no, None, "", limb)
    segments = [s for s in segments if s.duration > 0]
    last_work = max(i for i, s in enumerate(segments) if s.kind is PhaseKind.WORK)
    segments[last_work] = replace(segments[last_work], ends_set=True)
    return segments


def _reps(
    dose: Dose, set_no: int, side: Side | None, words: str, limb: Limb | None
) -> list[Segment]:
    """Every rep (or the one hold) of a set on one side."""
    if dose.reps is None:
        text = f"hold: {words}" if side is not None and limb is not None else "hold"
        return [Segment(PhaseKind.WORK, dose.hold_s or 0, set_no, None, side, Step.HOLD, text)]
    segments: list[Segment] = []
    for rep in range(1, dose.reps + 1):
        segments += _rep(dose, set_no, rep, side, ("lift slowly", "lower slowly"))
    return segments


def _rep(
    dose: Dose, set_no: int, rep: int, side: Side | None, words: tuple[str, str]
) -> list[Segment]:
    """One rep: move out, hold, move back; the last part with time ``ends_rep``."""
    tempo = tempo_of(dose)
    parts = [
        (Step.LIFT, tempo.lift_s, words[0]),
        (Step.HOLD, dose.hold_s or 0, "hold"),
        (Step.LOWER, tempo.lower_s, words[1]),
    ]
    segments = [
        Segment(PhaseKind.WORK, length, set_no, rep, side, step, text)
        for step, length, text in parts
        if length > 0
    ]
    segments[-1] = replace(segments[-1], ends_rep=True)
    return segments
