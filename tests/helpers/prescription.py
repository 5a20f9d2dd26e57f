"""A small, fixed catalogue for prescription tests, independent of data/exercises.yaml."""

from backex.catalogue.exercise import Dose, Exercise, Focus, Position
from backex.catalogue.loader import Catalogue


def make_exercise(exercise_id: str, dose: Dose, focus: Focus = Focus.CORE) -> Exercise:
    name = exercise_id.replace("-", " ").capitalize()
    return Exercise(
        id=exercise_id,
        name=name,
        summary=f"{name} & more <summary>.",
        focus=(focus,),
        position=Position.PRONE if focus is Focus.MCKENZIE else Position.SUPINE,
        level=1,
        dose=dose,
        steps=(f"{name}: first step.", "Second step."),
        cues=("Breathe out as you lift.",),
        stop_if=("Pain spreads down a leg.",),
        sources=("Test source",),
        cautions=("Move slowly.",),
    )


def small_catalogue() -> Catalogue:
    return Catalogue(
        (
            make_exercise("bridge", Dose(reps=5, hold_s=5)),
            make_exercise("prone-lying", Dose(hold_s=120), Focus.MCKENZIE),
            make_exercise("prone-press-up", Dose(reps=10, hold_s=1), Focus.MCKENZIE),
            make_exercise("supine-marches", Dose(reps=5, per_side=True)),
        )
    )
