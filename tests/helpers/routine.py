"""Small builders shared by the routine tests."""

from backex.catalogue.exercise import (
    Dose,
    Exercise,
    Focus,
    Limb,
    Pattern,
    Position,
    pattern_of,
)
from backex.catalogue.loader import Catalogue
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.timing import TRANSITION_S, estimate_item_seconds


def make_exercise(
    exercise_id: str,
    dose: Dose,
    focus: tuple[Focus, ...] = (Focus.CORE,),
    position: Position = Position.SUPINE,
    level: int = 1,
    pattern: Pattern | None = None,
    limb: Limb | None = None,
    cues: tuple[str, ...] = ("Breathe.",),
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=exercise_id.replace("-", " ").capitalize(),
        summary="A test exercise.",
        focus=focus,
        position=position,
        level=level,
        dose=dose,
        steps=("Lie down.", "Move slowly."),
        cues=cues,
        stop_if=("Pain rises above 5 out of 10.",),
        sources=("test",),
        pattern=pattern,
        limb=limb,
    )


def make_plan_of(*exercises: Exercise) -> Plan:
    """A plan of these exercises at their own doses, in this order."""
    items = tuple(
        PlannedItem(
            exercise=e,
            dose=e.dose,
            block=Block.MAIN,
            est_s=estimate_item_seconds(
                e.dose, transition_s=TRANSITION_S if i else 0, pattern=pattern_of(e)
            ),
            reason="catalogue dose",
        )
        for i, e in enumerate(exercises)
    )
    return Plan(items=items)


def make_catalogue(*exercises: Exercise) -> Catalogue:
    return Catalogue(tuple(exercises))
