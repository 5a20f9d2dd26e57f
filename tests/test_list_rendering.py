"""The list view prints catalogue text as written, never as Rich markup."""

import io

import pytest
from rich.console import Console

from backex.exercise import Dose, Exercise, Focus, Position
from backex.ui.catalogue_view import exercise_list, group_by_focus


def exercise(name: str) -> Exercise:
    return Exercise(
        id="odd-name",
        name=name,
        summary="A test record.",
        focus=(Focus.CORE,),
        position=Position.SUPINE,
        level=1,
        dose=Dose(reps=5),
        steps=("Lie down.",),
        cues=("Breathe.",),
        stop_if=("Pain rises above 5 out of 10.",),
        sources=("Test",),
    )


@pytest.mark.parametrize("name", ["Bridge [hold]", "[bold]Plank", "Cat [/] cow"])
@pytest.mark.parametrize("width", [80, 40])
def test_brackets_in_names_are_printed_literally(name: str, width: int) -> None:
    console = Console(file=io.StringIO(), width=width)
    console.print(exercise_list(group_by_focus([exercise(name)]), width))
    assert name in console.file.getvalue()  # type: ignore[attr-defined]
