"""The exercise records the program works with: plain, frozen, cheap to import.

The pydantic schema in :mod:`backex.catalogue.schema` is the gate that turns a YAML file into
these records; keeping them as dataclasses lets cached start-ups skip pydantic.
"""

from dataclasses import dataclass, fields
from enum import StrEnum

from backex.catalogue.figures import Frame


class Focus(StrEnum):
    """What an exercise works on."""

    CORE = "core"
    STRETCH = "stretch"
    MCKENZIE = "mckenzie"
    MOBILITY = "mobility"


class Position(StrEnum):
    """Body position, in the order a session moves through them."""

    SUPINE = "supine"
    SIDE_LYING = "side-lying"
    PRONE = "prone"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    SITTING = "sitting"
    STANDING = "standing"


class Equipment(StrEnum):
    """Household items an exercise may need."""

    MAT = "mat"
    TOWEL = "towel"
    PILLOW = "pillow"
    CHAIR = "chair"
    WALL = "wall"
    TABLE = "table"


class Movement(StrEnum):
    """A spine movement an exercise is built on; a plan's ``avoid`` names these."""

    FLEXION = "flexion"
    EXTENSION = "extension"
    ROTATION = "rotation"
    SIDE_BENDING = "side-bending"


class Pattern(StrEnum):
    """How an exercise is paced: which movements follow which, and on which side."""

    HOLD = "hold"  # one still hold per set
    REPS = "reps"  # counted reps: lift, hold, lower
    ALTERNATE = "alternate"  # counted reps, sides in turn rep by rep: right, left, right...
    ROTATE = "rotate"  # to the left, hold, centre, to the right, hold, centre
    PER_SIDE = "per_side"  # every rep or hold on one side, a switch, then the other side

    @property
    def sided(self) -> bool:
        """Whether the dose must be per side."""
        return self not in (Pattern.HOLD, Pattern.REPS)

    @property
    def switches_sides(self) -> bool:
        """Whether a "switch sides" pause separates the two sides."""
        return self is Pattern.PER_SIDE


class Limb(StrEnum):
    """What the side words name: "right leg", "right arm and left leg", "knees"."""

    ARM = "arm"
    LEG = "leg"
    ARM_AND_LEG = "arm-and-leg"  # one arm and the opposite leg together
    ONE_LIMB = "one-limb"  # one limb at a time: right arm, left leg, left arm, right leg
    KNEES = "knees"  # both knees together, rolled to a side


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds to move into and out of the position on each counted rep."""

    lift_s: int
    lower_s: int


@dataclass(frozen=True, slots=True)
class Dose:
    """How much: sets of reps and/or holds, rest between sets, per side or not."""

    sets: int = 1
    reps: int | None = None
    hold_s: int | None = None
    rest_s: int = 0
    per_side: bool = False
    tempo: Tempo | None = None


@dataclass(frozen=True, slots=True)
class MoveUp:
    """How the dose grows before the harder variant, and when to switch: from a source.

    Holds lengthen first (``hold_step_s`` at a time, to ``hold_s``), then reps grow one at
    a time to ``reps``; reaching every target is the criterion for the exercise's harder
    variant. ``total_s`` keeps sets x hold within that many seconds as holds lengthen
    (fewer sets of longer holds). No targets: the harder variant after good days at the
    catalogue dose.
    """

    source: str
    hold_s: int | None = None
    hold_step_s: int | None = None
    reps: int | None = None
    total_s: int | None = None


@dataclass(frozen=True, slots=True)
class Exercise:
    """One catalogue entry."""

    id: str
    name: str
    summary: str
    focus: tuple[Focus, ...]
    position: Position
    level: int
    dose: Dose
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    stop_if: tuple[str, ...]
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    cautions: tuple[str, ...] = ()
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    tags: tuple[Movement, ...] = ()  # the spine movement, only where it is unambiguous
    pattern: Pattern | None = None  # None: as the dose implies (see pattern_of)
    limb: Limb | None = None  # None: sides are "right side", "left side"
    move_up: MoveUp | None = None  # None: no source says how to move it up

    figures: tuple[Frame, ...] = ()


def default_pattern(dose: Dose) -> Pattern:
    """The pacing a dose implies when the catalogue names none."""
    if dose.per_side:
        return Pattern.PER_SIDE
    return Pattern.HOLD if dose.reps is None else Pattern.REPS


def pattern_of(exercise: Exercise, dose: Dose | None = None) -> Pattern:
    """How ``exercise`` is paced at ``dose`` (its own by default).

    A sided pattern needs a per-side dose with reps (per_side also takes holds); when a
    dose does not fit the catalogue's pattern (a prescription made it one-sided), the
    dose's own default applies.
    """
    dose = dose or exercise.dose
    pattern = exercise.pattern
    if pattern is None or pattern_fits(pattern, dose) is not None:
        return default_pattern(dose)
    return pattern


def pattern_fits(pattern: Pattern, dose: Dose) -> str | None:
    """None when ``dose`` can be paced as ``pattern``, else why not (for error messages)."""
    if pattern.sided != dose.per_side:
        return f"pattern {pattern} needs per_side: {str(pattern.sided).lower()}"
    if pattern in (Pattern.REPS, Pattern.ALTERNATE, Pattern.ROTATE) and dose.reps is None:
        return f"pattern {pattern} needs reps"
    if pattern is Pattern.HOLD and dose.reps is not None:
        return "pattern hold is one hold per set: leave out reps, or use pattern reps"
    return None


def format_dose(dose: Dose) -> str:
    """Say a dose the way a physiotherapist writes it: "10 x 5 s hold", "2 x 30 s each side"."""
    if dose.reps is not None and dose.hold_s is not None:
        text = f"{dose.reps} x {dose.hold_s} s hold"
        if dose.sets > 1:
            text = f"{dose.sets} sets of {text}"
    elif dose.reps is not None:
        text = f"{dose.sets} x {dose.reps} reps" if dose.sets > 1 else f"{dose.reps} reps"
    else:
        hold = f"{dose.hold_s} s"
        text = f"{dose.sets} x {hold}" if dose.sets > 1 else f"{hold} hold"
    if dose.per_side:
        text += " each side"
    return text


def move_up_text(move_up: MoveUp, harder: str | None = None) -> str:
    """How an exercise moves up, for ``show``: "holds to 15 s, 2 s at a time; then reps to
    10; then Full plank (source)"."""
    steps: list[str] = []
    if move_up.hold_s is not None:
        hold = f"holds to {move_up.hold_s} s, {move_up.hold_step_s} s at a time"
        if move_up.total_s is not None:
            hold += f", in fewer sets ({move_up.total_s} s in all)"
        steps.append(hold)
    if move_up.reps is not None:
        steps.append(f"reps to {move_up.reps}")
    if harder is not None:
        steps.append(harder)
    return "; then ".join(steps) + f" ({move_up.source})"


def exercise_to_dict(exercise: Exercise) -> dict[str, object]:
    """A JSON-ready dict with the catalogue's field names (the record's, by construction)."""
    return _as_dict(exercise)


_PLANS: dict[type, list[tuple[str, str]]] = {}


def _as_dict(record: object) -> dict[str, object]:
    """A record as a dict by its fields; nested records too, tuples as lists.

    Enums stay as they are: they are ``str`` subclasses, so JSON writes their text. How to
    convert each field is worked out once per record type, from its annotations.
    """
    kind = type(record)
    plan = _PLANS.get(kind)
    if plan is None:
        record_fields = fields(record)  # type: ignore[arg-type]
        plan = _PLANS[kind] = [(f.name, _conversion(f.type)) for f in record_fields]
    result: dict[str, object] = {}
    for name, conversion in plan:
        value = getattr(record, name)
        if conversion == "list":
            value = list(value)
        elif conversion == "record" and value is not None:
            value = _as_dict(value)
        elif conversion == "records":
            value = [_as_dict(item) for item in value]
        result[name] = value
    return result


def _conversion(annotation: object) -> str:
    """How to turn a field into JSON: "list", "records", "record" (nested, or None), "keep"."""
    from types import UnionType  # only JSON output needs these
    from typing import get_args, get_origin

    if get_origin(annotation) is tuple:
        items = get_args(annotation)
        return "records" if items and hasattr(items[0], "__dataclass_fields__") else "list"
    options = get_args(annotation) if isinstance(annotation, UnionType) else (annotation,)
    return "record" if any(hasattr(o, "__dataclass_fields__") for o in options) else "keep"
