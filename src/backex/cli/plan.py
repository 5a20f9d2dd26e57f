"""``backex plan check`` and ``backex plan new``: write and validate plan files."""

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import Catalogue, load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.cli.options import (
    FocusChoice,
    FocusOption,
    ForceOption,
    LevelOption,
    MinutesOption,
    OutputOption,
    SeedOption,
    chosen_focus,
)
from backex.errors import UsageError

if TYPE_CHECKING:
    from backex.planning.plan import Plan
    from backex.prescription.model import Prescription

plan_app = typer.Typer(
    help="Plan files a clinician writes: create one from the planner, or check one.",
    no_args_is_help=True,
)
app.add_typer(plan_app, name="plan")


def plan_from_planner(
    catalogue: Catalogue, focus: tuple[Focus, ...], level: int, minutes: int, seed: int | None
) -> "Plan":
    """A session from the planner (the same one ``backex routine`` coaches)."""
    from backex.planning.planner import make_plan

    return make_plan(catalogue, focus, level, minutes, seed)


def plan_for(
    catalogue: Catalogue,
    plan_path: Path | None,
    focus: list[FocusChoice] | None,
    level: int,
    minutes: int,
    seed: int | None,
) -> "Plan":
    """The plan file's session (``--plan``), or today's automatic plan for ``--focus``
    (default core) with the person's care answers, as ``routine --dry-run`` shows it.

    Raises UsageError when both are given.
    """
    if plan_path is not None and focus:
        raise UsageError("give either --plan FILE or --focus, not both")
    if plan_path is None:
        from backex.cli.care_gate import automatic_plan

        return automatic_plan(catalogue, chosen_focus(focus), level, minutes, seed)
    from backex.prescription.loader import load_prescription
    from backex.prescription.model import prescription_to_plan

    return prescription_to_plan(load_prescription(plan_path, catalogue))


@plan_app.command("check")
@guarded
def check(
    file: Annotated[Path, typer.Argument(help="The plan file to validate.", show_default=False)],
    catalogue_path: CatalogueOption = None,
) -> None:
    """Validate a plan file: exit 0 with a summary, or 1 with one line per problem."""
    from backex.prescription.loader import load_prescription
    from backex.prescription.model import prescription_to_plan
    from backex.ui.output import print_text

    prescription = load_prescription(file, load_catalogue(catalogue_path))
    plan = prescription_to_plan(prescription)
    minutes = -(-plan.total_s // 60)
    count = len(plan.items)
    print_text(
        f"OK: {file}: {prescription.name!r}, {count} exercise{'s' if count != 1 else ''}, "
        f"{prescription.frequency.describe()}, about {minutes} min per session"
    )
    for line in migration_notes(prescription):
        print_text(f"note: {line}")


@plan_app.command("new")
@guarded
def new(
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    prescribed_by: Annotated[
        str | None, typer.Option("--prescribed-by", help="The clinician's name.")
    ] = None,
    output_path: OutputOption = None,
    force: ForceOption = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Write a commented plan file from the planner, as a starting point to edit."""
    from backex.prescription.writer import render_plan_yaml

    chosen = chosen_focus(focus)
    plan = plan_from_planner(load_catalogue(catalogue_path), chosen, level, minutes, seed)
    emit(render_plan_yaml(plan, prescribed_by), output_path, force)


def migration_notes(prescription: "Prescription") -> list[str]:
    """What a reader of an older plan file should know about how this one is read."""
    notes = [
        f"exercises[{index}].id {entry.written_as!r} is read as {entry.exercise.id} "
        f"({entry.exercise.name})"
        for index, entry in enumerate(prescription.entries)
        if entry.written_as
    ]
    if prescription.version == 1:
        notes.append(
            "no `version: 2` line: read as a version 1 plan, as before; version 2 adds "
            "patient, clinic, review_on, max_pain, progression, avoid, red_flags_reviewed"
        )
    return notes


def emit(text: str | Iterable[str], output_path: Path | None, force: bool) -> None:
    """Print ``text`` (or its pieces, as they come) to stdout, or write it safely to
    ``output_path`` and say so on stderr."""
    from backex.outfile import write_new_file
    from backex.ui import output

    chunks = [text] if isinstance(text, str) else text
    if output_path is None:
        output.print_chunks(chunks)
        return
    write_new_file(output_path, (chunk.encode("utf-8") for chunk in chunks), force=force)
    output.stderr().print(f"wrote {output_path}", markup=False)
