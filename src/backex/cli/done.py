"""``backex done``: log a session done away from the screen (e.g. from the paper handout)."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.cli.app import CatalogueOption, app, guarded
from backex.errors import UsageError

if TYPE_CHECKING:
    from backex.catalogue.loader import Catalogue
    from backex.planning.plan import Plan
    from backex.prescription.model import Prescription


def _pain_option(flag: str, when: str) -> object:
    return typer.Option(
        flag,
        metavar="N",
        help=f"Pain {when}, 0 (no pain) to 10 (worst imaginable).",
        show_default=False,
    )


@app.command("done")
@guarded
def done_command(
    pain_before: Annotated[int | None, _pain_option("--pain-before", "before")] = None,
    pain_after: Annotated[int | None, _pain_option("--pain-after", "after")] = None,
    exercises: Annotated[
        str | None,
        typer.Option(
            "--exercises",
            metavar="A,B,C",
            help="What you did, comma-separated: ids, names or aliases (as backex show takes).",
            show_default=False,
        ),
    ] = None,
    when: Annotated[
        str | None,
        typer.Option(
            "--when",
            help="When you did it (default now): 2026-12-01 18:30, yesterday 18:30, "
            "2 days ago 07:45; up to 30 days back.",
            show_default=False,
        ),
    ] = None,
    plan_path: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help="The plan file you followed: its exercises at their doses (unless --exercises).",
            show_default=False,
        ),
    ] = None,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Log a session you did away from the screen; it counts like any other, marked
    self-reported (it never moves a dose up)."""
    from backex.catalogue.loader import load_catalogue
    from backex.history import queries
    from backex.history.self_report import parse_when, record_done
    from backex.history.store import History, local_now
    from backex.ui import output
    from backex.ui.consistency_view import done_line, fortnight_after_session

    for flag, pain in (("--pain-before", pain_before), ("--pain-after", pain_after)):
        if pain is not None and not 0 <= pain <= 10:
            raise UsageError(f"{flag} must be 0 (no pain) to 10 (worst imaginable), not {pain}")
    if exercises is None and plan_path is None:
        raise UsageError("say what you did: --exercises A,B,C or --plan FILE")
    now = local_now()
    try:
        moment = parse_when(when or "now", now)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    catalogue = load_catalogue(catalogue_path)
    prescription = None
    if plan_path is not None:
        from backex.prescription.loader import load_prescription

        prescription = load_prescription(plan_path, catalogue)
    plan = _logged_plan(catalogue, exercises, prescription)
    with History.open() as store:
        session_id = record_done(store, plan, moment, pain_before, pain_after)
        fortnight = queries.fortnight_after(store, session_id, now.date())
    console = output.stdout()
    console.print(done_line(plan, moment, pain_before, pain_after))
    line = fortnight_after_session(fortnight)
    if line is not None:
        console.print(line)


def _logged_plan(
    catalogue: "Catalogue", exercises: str | None, prescription: "Prescription | None"
) -> "Plan":
    from backex.history.self_report import done_plan

    doses = {e.exercise.id: e.dose for e in prescription.entries} if prescription else {}
    name = prescription.name if prescription else ""
    if exercises is None:
        assert prescription is not None
        return done_plan([e.exercise for e in prescription.entries], doses, name)
    names = [part.strip() for part in exercises.split(",") if part.strip()]
    if not names:
        raise UsageError("--exercises is empty: give ids or names, comma-separated")
    chosen = list({e.id: e for e in (catalogue.get(n) for n in names)}.values())
    return done_plan(chosen, doses, name)
