"""``backex export``: a printable sheet, the session log, or a plan for a break reminder."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.cli.options import (
    FocusOption,
    ForceOption,
    LevelOption,
    MinutesOption,
    OutputOption,
    PlanFileOption,
    SeedOption,
    chosen_focus,
)
from backex.cli.plan import emit, plan_for
from backex.errors import BackexError, UsageError
from backex.history import columns

if TYPE_CHECKING:
    from backex.documents.breaks import WorkraveExport

export_app = typer.Typer(help="Export plans and records to share or print.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class HandoutFormat(StrEnum):
    MD = "md"
    HTML = "html"


class BreakTool(StrEnum):
    """The break reminders ``export breaks`` writes for."""

    STRETCHLY = "stretchly"
    SAFEEYES = "safeeyes"
    WORKRAVE = "workrave"


class LogFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def _parse_date(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r} is not a date; write it like 2025-03-31") from None


@export_app.command("handout")
@guarded
def handout(
    plan_path: PlanFileOption = None,
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    output_format: Annotated[
        HandoutFormat, typer.Option("--format", help="md (plain text) or html (print it).")
    ] = HandoutFormat.MD,
    issued: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Date printed on the sheet, YYYY-MM-DD; the tick grid starts on it. "
            "Default: today.",
            show_default=False,
        ),
    ] = None,
    output_path: OutputOption = None,
    force: ForceOption = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """A printable home-exercise sheet from a plan file (--plan) or the planner (--focus)."""
    from backex.documents.handout import build_handout, handout_for_prescription
    from backex.documents.handout_render import render_html, render_markdown
    from backex.prescription.loader import load_prescription
    from backex.prescription.model import Frequency, FrequencyKind

    if (plan_path is None) == (focus is None):
        raise UsageError("give either --plan FILE or --focus (not both)")
    day = _parse_date(issued)
    catalogue = load_catalogue(catalogue_path)
    if plan_path is not None:
        sheet = handout_for_prescription(load_prescription(plan_path, catalogue), day)
    else:
        from backex.cli.care_gate import automatic_plan

        plan = automatic_plan(catalogue, chosen_focus(focus), level, minutes, seed)
        # NHS: do back exercises every day. No title: the plan's focus in words.
        sheet = build_handout(plan, Frequency(FrequencyKind.DAILY), title=plan.name, issued=day)
    render = render_html if output_format is HandoutFormat.HTML else render_markdown
    emit(render(sheet), output_path, force)


@export_app.command(
    "history",
    help="The full session log, as `backex history --csv` or `--json` prints it.\n\n"
    "Times are UTC, ISO 8601 ending in Z; utc_offset gives the patient's own clock. "
    "--since and --until take the patient's local days. JSON: one object per session, "
    "its exercises nested, with the same fields (the session's number is id, the "
    "exercise's times are started_at and ended_at). CSV: one row per exercise, with the "
    "columns below.",
    epilog="Columns:\n" + columns.help_text(),
)
@guarded
def history_log(
    log_format: Annotated[
        LogFormat,
        typer.Option(
            "--format", help="csv (one row per exercise) or json (one object per session)."
        ),
    ],
    output_path: OutputOption = None,
    force: ForceOption = False,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DATE", help="Only sessions from this day (2026-03-01)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option("--until", metavar="DATE", help="Only sessions up to this day, inclusive."),
    ] = None,
) -> None:
    from backex.history.export import log_csv_chunks, log_json_chunks, stored_history

    first, last = _day_option("--since", since), _day_option("--until", until)
    if first and last and first > last:
        raise UsageError(f"--since {since} is after --until {until}")
    with stored_history() as store:
        every = store.iter_sessions(since_day=first, until_day=last) if store else iter(())
        if log_format is LogFormat.JSON:
            from backex.habits.store import goals_json

            emit(log_json_chunks(every, **goals_json(store)), output_path, force)
        else:
            emit(log_csv_chunks(every), output_path, force)


def _day_option(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it like 2026-03-01") from None


@export_app.command(
    "breaks",
    help="A plan's exercises as breaks for Stretchly, Safe Eyes or Workrave.\n\n"
    "Stretchly and Safe Eyes: a JSON snippet to merge into the tool's settings file. "
    "Workrave: its exercises.xml; with -o FILE the exercise pictures (backex-*.svg) are "
    'written beside it. Where each file goes: docs/guide.md, "Use your exercises in a '
    'break reminder".',
)
@guarded
def breaks(
    tool: Annotated[
        BreakTool,
        typer.Option("--to", help="The break reminder: stretchly, safeeyes or workrave."),
    ],
    plan_path: PlanFileOption = None,
    focus: FocusOption = None,
    level: LevelOption = 1,
    minutes: MinutesOption = 15,
    seed: SeedOption = None,
    output_path: OutputOption = None,
    force: ForceOption = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    from backex.documents import breaks as formats

    plan = plan_for(load_catalogue(catalogue_path), plan_path, focus, level, minutes, seed)
    if tool is BreakTool.STRETCHLY:
        emit(formats.render_stretchly(plan), output_path, force)
    elif tool is BreakTool.SAFEEYES:
        emit(formats.render_safeeyes(plan), output_path, force)
    else:
        _write_workrave(formats.render_workrave(plan), output_path, force)


def _write_workrave(export: "WorkraveExport", output_path: Path | None, force: bool) -> None:
    """The XML to stdout (pictures need a folder), or the XML and its pictures, none replaced
    unless ``force``."""
    from backex.outfile import write_new_file
    from backex.ui import output

    if output_path is None:
        emit(export.xml, None, force)
        output.stderr().print(
            "note: Workrave also needs the pictures; give -o FILE to write them beside it",
            markup=False,
            soft_wrap=True,
        )
        return
    pictures = [(output_path.parent / name, svg) for name, svg in export.figures.items()]
    if not force:
        for path in [output_path, *(path for path, _ in pictures)]:
            if path.exists():
                raise BackexError(f"{path} already exists; use --force to replace it")
    for path, svg in pictures:
        write_new_file(path, svg.encode("utf-8"), force=force)
    emit(export.xml, output_path, force)
    output.stderr().print(
        f"wrote {len(pictures)} pictures beside it ({output_path.parent}/backex-*.svg)",
        markup=False,
        soft_wrap=True,
    )
