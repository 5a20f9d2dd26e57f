"""exercise: doses said the way a physiotherapist writes them, and the JSON shape."""

import pytest

from backex.catalogue.exercise import (
    Dose,
    Equipment,
    Exercise,
    Focus,
    Position,
    Tempo,
    exercise_to_dict,
    format_dose,
)
from backex.catalogue.figures import Frame, FrameLabel


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (Dose(reps=10, hold_s=5), "10 x 5 s hold"),
        (Dose(sets=2, hold_s=30, per_side=True), "2 x 30 s each side"),
        (Dose(reps=8), "8 reps"),
        (Dose(sets=3, reps=8), "3 x 8 reps"),
        (Dose(reps=5, per_side=True), "5 reps each side"),
        (Dose(hold_s=30), "30 s hold"),
        (Dose(hold_s=120), "120 s hold"),
        (Dose(hold_s=10, per_side=True), "10 s hold each side"),
        (Dose(sets=4, hold_s=15, rest_s=15), "4 x 15 s"),
        (Dose(sets=2, reps=10, hold_s=5), "2 sets of 10 x 5 s hold"),
        (Dose(sets=2, reps=5, hold_s=5, per_side=True), "2 sets of 5 x 5 s hold each side"),
    ],
)
def test_format_dose(dose: Dose, expected: str) -> None:
    assert format_dose(dose) == expected


def test_exercise_to_dict_uses_the_catalogue_field_names() -> None:
    exercise = Exercise(
        id="wall-sit",
        name="Wall sit",
        summary="Lean on a wall.",
        focus=(Focus.CORE, Focus.MOBILITY),
        position=Position.STANDING,
        level=2,
        dose=Dose(sets=2, reps=5, hold_s=10, rest_s=30, per_side=False, tempo=Tempo(2, 3)),
        steps=("Lean.", "Slide."),
        cues=("Breathe.",),
        stop_if=("Pain.",),
        sources=("Mine",),
        aliases=("wall squat",),
        equipment=(Equipment.WALL,),
        cautions=("Careful.",),
        easier=("bridge",),
        harder=(),
        figures=(Frame(FrameLabel.START, ("  ○─┐", "▔▔▔▔▔"), "Stand."),),
    )
    assert exercise_to_dict(exercise) == {
        "id": "wall-sit",
        "name": "Wall sit",
        "aliases": ["wall squat"],
        "summary": "Lean on a wall.",
        "focus": ["core", "mobility"],
        "position": "standing",
        "level": 2,
        "equipment": ["wall"],
        "dose": {
            "sets": 2,
            "reps": 5,
            "hold_s": 10,
            "rest_s": 30,
            "per_side": False,
            "tempo": {"lift_s": 2, "lower_s": 3},
        },
        "steps": ["Lean.", "Slide."],
        "cues": ["Breathe."],
        "cautions": ["Careful."],
        "stop_if": ["Pain."],
        "easier": ["bridge"],
        "harder": [],
        "tags": [],
        "sources": ["Mine"],
        "pattern": None,
        "limb": None,
        "move_up": None,
        "figures": [{"label": "start", "art": ["  ○─┐", "▔▔▔▔▔"], "alt": "Stand."}],
    }
