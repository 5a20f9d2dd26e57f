"""What ``backex list`` and ``backex show`` print, callable with or without Typer.

The Typer commands in :mod:`backex.cli.browse` call these; so does the start-up fast
path in :mod:`backex.__main__`, which skips importing Typer for the two most common
invocations (``backex list`` and ``backex show NAME``). Both load the catalogue
themselves and pass it in: this module only draws.
"""

from collections.abc import Sequence

from backex.catalogue.exercise import Focus, Position, exercise_to_dict
from backex.catalogue.loader import Catalogue
from backex.errors import BackexError
from backex.paths import command_name
from backex.ui import output


def print_list(
    catalogue: Catalogue,
    focus: Sequence[Focus] | None = None,
    level: int | None = None,
    position: Position | None = None,
    as_json: bool = False,
) -> None:
    """Print the exercises matching the filters, grouped by focus, or as JSON."""
    chosen = catalogue.filter(focus=focus, level=level, position=position)
    if as_json:
        import json

        output.print_text(json.dumps([exercise_to_dict(e) for e in chosen], indent=2))
        return
    if not chosen:
        raise BackexError("no exercise matches those filters")
    from backex.ui.catalogue_view import exercise_list, group_by_focus

    console = output.stdout()
    # Every line already fits the width (tables and wrapped text do), so Rich's pass that
    # splits and crops each line again is skipped: 20 ms for 3,000 exercises.
    console.print(exercise_list(group_by_focus(chosen, focus), console.width), crop=False)
    count = f"{len(chosen)} exercise" + ("" if len(chosen) == 1 else "s")
    console.print(f"{count}. Details: {command_name()} show <id>", markup=False)


def print_exercise(
    query: str, catalogue: Catalogue, as_json: bool = False, ascii_art: bool = False
) -> None:
    """Print one exercise's card (or JSON), found by id, name or alias."""
    found = catalogue.get(query)
    if as_json:
        import json

        output.print_text(json.dumps(exercise_to_dict(found), indent=2))
        return
    from backex.ui.catalogue_view import exercise_card
    from backex.ui.figure_view import wants_ascii

    names = {e.id: e.name for e in catalogue.exercises}
    console = output.stdout()
    ascii_only = wants_ascii(console, ascii_art)
    console.print(exercise_card(found, names, console.width, ascii_only))


def print_gallery(catalogue: Catalogue, ascii_art: bool = False) -> None:
    """Print every frame of every exercise with its alt text (``show --all-figures``)."""
    from backex.ui.figure_view import gallery, wants_ascii

    console = output.stdout()
    chosen = [(f"{e.name} ({e.id})", e.figures) for e in catalogue.exercises if e.figures]
    if not chosen:
        raise BackexError("no exercise in the catalogue has figures")
    console.print(gallery(chosen, wants_ascii(console, ascii_art)))
