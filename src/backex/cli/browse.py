"""``backex list`` and ``backex show``: browse the catalogue."""

from typing import Annotated

import typer

from backex.catalogue.exercise import Focus, Position
from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.errors import UsageError

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
        str | None,
        typer.Argument(
            metavar="EXERCISE",
            help="Exercise id, name or alias (any case).",
            autocompletion=_complete_exercise,
            show_default=False,
        ),
    ] = None,
    catalogue_path: CatalogueOption = None,
    as_json: JsonOption = False,
    ascii_art: Annotated[
        bool, typer.Option("--ascii", help="Draw the figures with ASCII characters only.")
    ] = False,
    all_figures: Annotated[
        bool,
        typer.Option("--all-figures", help="Show every frame of every exercise, for review."),
    ] = False,
) -> None:
    """Show one exercise: figures, dose, steps, cues, cautions, stop rules and sources."""
    from backex.ui.browse import print_exercise, print_gallery

    catalogue = load_catalogue(catalogue_path)
    if all_figures:
        if exercise is not None or as_json:
            raise UsageError("--all-figures shows every exercise: give no EXERCISE and no --json")
        print_gallery(catalogue, ascii_art)
        return
    if exercise is None:
        raise UsageError("give an EXERCISE to show, or --all-figures")
    print_exercise(exercise, catalogue, as_json, ascii_art)
