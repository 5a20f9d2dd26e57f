"""``backex list`` and ``backex show``: browse the catalogue."""

from typing import Annotated

import typer

from backex.catalogue import Catalogue, load_catalogue
from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.exercise import Focus, Position, exercise_to_dict

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
    catalogue = load_catalogue(catalogue_path)
    chosen = catalogue.filter(focus=focus, level=level, position=position)
    if as_json:
        import json

        from backex.ui.output import print_text

        print_text(json.dumps([exercise_to_dict(e) for e in chosen], indent=2))
        return
    from backex.ui import output
    from backex.ui.catalogue_view import exercise_list, group_by_focus

    console = output.stdout()
    if not chosen:
        output.error("no exercise matches those filters")
        raise typer.Exit(1)
    console.print(exercise_list(group_by_focus(chosen, focus), console.width))
    count = f"{len(chosen)} exercise" + ("" if len(chosen) == 1 else "s")
    console.print(f"{count}. Details: backex show <id>", markup=False)


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
    catalogue: Catalogue = load_catalogue(catalogue_path)
    found = catalogue.get(exercise)
    if as_json:
        import json

        from backex.ui.output import print_text

        print_text(json.dumps(exercise_to_dict(found), indent=2))
        return
    from backex.ui import output
    from backex.ui.catalogue_view import exercise_card

    names = {e.id: e.name for e in catalogue.exercises}
    output.stdout().print(exercise_card(found, names))
