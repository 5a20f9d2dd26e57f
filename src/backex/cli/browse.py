"""``backex list`` and ``backex show``: browse the catalogue."""

from typing import Annotated

import typer

from backex.catalogue.exercise import Focus, Position
from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, JsonOption, app, guarded

FOCUS_HELP = "Only this focus (repeatable): " + ", ".join(Focus) + "."
POSITION_HELP = "Only this body position: " + ", ".join(Position) + "."


def _complete_exercise(incomplete: str) -> list[str]:
    try:
        catalogue = load_catalogue()
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [e.id for e in catalogue.exercises if e.id.startswith(incomplete)]


@app.command("list")
@guarded
def list_exercises(
    focus: Annotated[
        list[Focus] | None, typer.Option("--focus", "-f", metavar="FOCUS", help=FOCUS_HELP)
    ] = None,
    level: Annotated[
        int | None,
        typer.Option("--level", "-l", min=1, max=3, metavar="LEVEL", help="Only this level."),
    ] = None,
    position: Annotated[
        Position | None,
        typer.Option("--position", "-p", metavar="POSITION", help=POSITION_HELP),
    ] = None,
    catalogue_path: CatalogueOption = None,
    as_json: JsonOption = False,
) -> None:
    """List the exercises, grouped by focus, with their usual dose."""
    from backex.ui.browse import print_list

    print_list(load_catalogue(catalogue_path), focus, level, position, as_json)


@app.command("show")
@guarded
def show_exercise(
    exercise: Annotated[
        str,
        typer.Argument(
            metavar="EXERCISE",
            help="Exercise id, name or alias (any case).",
            autocompletion=_complete_exercise,
            show_default=False,
        ),
    ],
    catalogue_path: CatalogueOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show one exercise: dose, steps, cues, cautions, stop rules and sources."""
    from backex.ui.browse import print_exercise

    print_exercise(exercise, load_catalogue(catalogue_path), as_json)
