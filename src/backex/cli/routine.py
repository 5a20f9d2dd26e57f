"""``backex routine``: plan a session and coach it live."""

import json
from typing import Annotated

import typer

from backex.catalogue import load_catalogue
from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.cli.options import (
    FocusOption,
    LevelOption,
    MinutesOption,
    PlanFileOption,
    SeedOption,
    chosen_focus,
)
from backex.errors import EXIT_INTERRUPTED, UsageError
from backex.plan import Plan
from backex.plan_doc import plan_to_dict


@app.command("routine")
@guarded
def routine(
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    plan_path: PlanFileOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the plan and exit without coaching.")
    ] = False,
    as_json: JsonOption = False,
    plain: Annotated[
        bool,
        typer.Option("--plain", help="One line per phase instead of the live screen; no keys."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No bells and no voice.")] = False,
    voice: Annotated[
        bool, typer.Option("--voice", help="Speak the cues (needs espeak-ng, or say on macOS).")
    ] = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Plan a session and coach it live: what to do, how long is left, what comes next.

    Keys: space pause/resume, n or Right next, b or Left back, q quit.
    """
    from backex.coach import clock_scale_from_env
    from backex.planner import make_plan

    if as_json and not dry_run:
        raise UsageError("--json works with --dry-run only")
    scale = 1.0 if dry_run else clock_scale_from_env()
    catalogue = load_catalogue(catalogue_path)
    if plan_path is not None:
        from backex.prescription import load_prescription, prescription_to_plan

        if focus:
            raise UsageError("give either --plan FILE or --focus, not both")
        plan = prescription_to_plan(load_prescription(plan_path, catalogue))
    else:
        plan = make_plan(catalogue, chosen_focus(focus), level, minutes, seed)
    names = {e.id: e.name for e in catalogue.exercises}
    from backex.ui import output

    if dry_run:
        if as_json:
            output.print_text(json.dumps(plan_to_dict(plan), indent=2))
            return
        from backex.ui.coach_view import plan_view

        console = output.stdout()
        console.print(plan_view(plan, console.width, names))
        return
    _coach(plan, names, plain, quiet, voice, scale)


def _coach(
    plan: Plan, names: dict[str, str], plain: bool, quiet: bool, voice: bool, scale: float
) -> None:
    from backex.coach import CoachOptions, run_routine
    from backex.ui import output
    from backex.ui.coach_view import LiveScreen, summary_view

    console = output.stdout()
    outcome = run_routine(
        plan,
        CoachOptions(plain=plain, quiet=quiet, voice=voice, clock_scale=scale),
        screen_factory=lambda: LiveScreen(console),
        warn=output.error,
    )
    console.print(summary_view(outcome.summary, names, console.width))
    if outcome.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
