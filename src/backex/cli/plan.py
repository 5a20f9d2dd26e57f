"""``backex plan check`` and ``backex plan new``: write and validate plan files."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.catalogue import Catalogue, load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.errors import BackexError, UsageError
from backex.exercise import Focus

if TYPE_CHECKING:
    from backex.plan import Plan

plan_app = typer.Typer(
    help="Plan files a clinician writes: create one from the planner, or check one.",
    no_args_is_help=True,
)
app.add_typer(plan_app, name="plan")

FOCUS_CHOICES = ", ".join([*Focus, "all"])

FocusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--focus",
        "-f",
        help=f"What to work on (repeatable): {FOCUS_CHOICES}. Default: core.",
        show_default=False,
    ),
]
LevelOption = Annotated[
    int, typer.Option("--level", "-l", min=1, max=3, help="Hardest level to include (1-3).")
]
MinutesOption = Annotated[
    int, typer.Option("--minutes", "-m", min=1, max=120, help="Time budget per session.")
]
SeedOption = Annotated[
    int | None, typer.Option("--seed", help="The same seed and options give the same plan.")
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]


def parse_focus(values: list[str] | None) -> tuple[Focus, ...]:
    """``--focus`` values to Focus members; ``all`` means every focus; default core."""
    if not values:
        return (Focus.CORE,)
    chosen: list[Focus] = []
    for value in values:
        for part in value.split(","):
            key = part.strip().lower()
            if key == "all":
                return tuple(Focus)
            if key not in set(Focus):
                raise UsageError(f"unknown focus {part.strip()!r}; use one of: {FOCUS_CHOICES}")
            if Focus(key) not in chosen:
                chosen.append(Focus(key))
    return tuple(chosen)


def plan_from_planner(
    catalogue: Catalogue, focus: tuple[Focus, ...], level: int, minutes: int, seed: int | None
) -> "Plan":
    """A session from :func:`backex.planner.make_plan` (issue 3's planner)."""
    try:
        from backex.planner import make_plan  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ModuleNotFoundError as exc:
        if exc.name != "backex.planner":
            raise
        raise BackexError(
            "this build has no session planner (backex.planner) yet; "
            "start from a plan file in examples/ instead"
        ) from None
    plan: Plan = make_plan(catalogue, focus, level, minutes, seed)
    return plan


@plan_app.command("check")
@guarded
def check(
    file: Annotated[Path, typer.Argument(help="The plan file to validate.", show_default=False)],
    catalogue_path: CatalogueOption = None,
) -> None:
    """Validate a plan file: exit 0 with a summary, or 1 with one line per problem."""
    from backex.prescription import load_prescription, prescription_to_plan
    from backex.ui.output import print_text

    prescription = load_prescription(file, load_catalogue(catalogue_path))
    plan = prescription_to_plan(prescription)
    minutes = -(-plan.total_s // 60)
    count = len(plan.items)
    print_text(
        f"OK: {file}: {prescription.name!r}, {count} exercise{'s' if count != 1 else ''}, "
        f"{prescription.frequency.describe()}, about {minutes} min per session"
    )


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
    from backex.plan_yaml import render_plan_yaml

    chosen = parse_focus(focus)
    plan = plan_from_planner(load_catalogue(catalogue_path), chosen, level, minutes, seed)
    emit(render_plan_yaml(plan, prescribed_by), output_path, force)


def emit(text: str, output_path: Path | None, force: bool) -> None:
    """Print ``text`` to stdout, or write it safely to ``output_path`` and say so on stderr."""
    from backex.outfile import write_new_file
    from backex.ui import output

    if output_path is None:
        output.print_text(text)
        return
    write_new_file(output_path, text.encode("utf-8"), force=force)
    output.stderr().print(f"wrote {output_path}", markup=False)
