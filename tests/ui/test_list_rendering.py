"""The list view prints catalogue text as written, and its fast layout matches Rich's."""

import io
from dataclasses import replace

import pytest
from rich.console import Console, RenderableType
from rich.table import Table

from backex.catalogue.exercise import Dose, Exercise, Focus, Position
from backex.catalogue.loader import load_catalogue
from backex.ui import catalogue_view
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


def varied(count: int) -> list[Exercise]:
    """Names long and short, wide characters, brackets, every dose shape and position."""
    names = [
        "Bridge",
        "A rather long exercise name that has to wrap in its column",
        "Brücke über den Fluss",
        "橋のポーズ",
        "[bold]Plank[/]",
        "Cat  and   cow",
    ]
    doses = [
        Dose(reps=5),
        Dose(sets=3, reps=12, hold_s=10, rest_s=30),
        Dose(hold_s=30, per_side=True),
        Dose(sets=2, hold_s=120, rest_s=60),
    ]
    return [
        replace(
            exercise(names[i % len(names)]),
            id=f"ex-{i}" + "-long-id" * (i % 3),
            position=list(Position)[i % len(Position)],
            level=1 + i % 3,
            dose=doses[i % len(doses)],
        )
        for i in range(count)
    ]


def render(renderable: RenderableType, width: int, colour: bool) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        no_color=not colour,  # the suite sets NO_COLOR; colour here means colour
        highlight=False,
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


CATALOGUE = load_catalogue()


@pytest.mark.parametrize("colour", [False, True], ids=["plain", "colour"])
@pytest.mark.parametrize("width", [70, 80, 99, 100, 120, 200])
@pytest.mark.parametrize("source", ["built-in", "varied"])
def test_aligned_rows_print_exactly_what_rich_tables_print(
    source: str, width: int, colour: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    exercises = list(CATALOGUE.exercises) if source == "built-in" else varied(24)
    groups = group_by_focus(exercises)
    fast = [catalogue_view._list_table(items, width) for items in groups.values()]
    monkeypatch.setattr(catalogue_view._AlignedRows, "fit", lambda *args: None)
    slow = [catalogue_view._list_table(items, width) for items in groups.values()]
    assert all(isinstance(table, Table) for table in slow)
    for aligned, table in zip(fast, slow, strict=True):
        assert render(aligned, width, colour) == render(table, width, colour)


@pytest.mark.parametrize("width", [80, 120])
def test_the_builtin_list_takes_the_aligned_path(width: int) -> None:
    for items in group_by_focus(CATALOGUE.exercises).values():
        assert isinstance(catalogue_view._list_table(items, width), catalogue_view._AlignedRows)


def test_only_a_row_whose_name_wraps_is_laid_out_by_rich() -> None:
    table = catalogue_view._list_table(varied(6), 80)
    assert isinstance(table, catalogue_view._AlignedRows)
    rich_rows = [row for row in table.rows if isinstance(row, Table)]
    assert len(rich_rows) == 1
    assert render(table, 80, False).count("A rather long exercise name") == 1
