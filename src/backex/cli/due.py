"""``backex next``: the next exercise due today, one line (or one JSON object) for scripts."""

from typing import Annotated

import typer

from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.cli.options import (
    FocusOption,
    LevelOption,
    MinutesOption,
    PlanFileOption,
    SeedOption,
)
from backex.cli.plan import plan_for


@app.command("next")
@guarded
def next_exercise(
    plan_path: PlanFileOption = None,
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="One JSON object: id, name, dose, steps, position, of (for scripts)."
        ),
    ] = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """The next exercise due today: name, dose and steps in one line, for any tool to show.

    From a plan file (--plan) or the planner (--focus, default core): the first exercise
    not yet done today according to your history. When all are done, it says so (exit 0).
    """
    from backex.ui.due_view import print_next

    plan = plan_for(load_catalogue(catalogue_path), plan_path, focus, level, minutes, seed)
    print_next(plan, as_json)
