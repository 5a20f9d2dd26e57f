"""``backex report``: what the patient did, for the follow-up visit."""

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.cli.options import ForceOption, OutputOption, PlanFileOption
from backex.cli.plan import emit
from backex.errors import BackexError, UsageError

if TYPE_CHECKING:
    from backex.habits.checkin import CheckIn
    from backex.habits.goals import Goal
    from backex.history.records import SessionRecord


class ReportFormat(StrEnum):
    TERMINAL = "terminal"
    MD = "md"
    HTML = "html"


@app.command("report")
@guarded
def report(
    plan_path: PlanFileOption = None,
    from_file: Annotated[
        Path | None,
        typer.Option(
            "--from",
            metavar="FILE",
            help="An exported history (JSON or CSV) the patient sent, instead of this "
            "computer's history.",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="First day, like 2025-03-01 (default: the plan's first session).",
            show_default=False,
        ),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DATE", help="Last day (default: today).", show_default=False
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", help="terminal, md (Markdown) or html (print it)."),
    ] = ReportFormat.TERMINAL,
    output_path: OutputOption = None,
    force: ForceOption = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """A follow-up report: sessions against the plan, pain, doses, skips, review date."""
    from backex.documents.report import build_report, first_session_day
    from backex.history.importer import read_history_file
    from backex.prescription.loader import load_prescription

    first_day = _parse_day(since, "--since")
    today = _parse_day(until, "--until") or date.today()
    if first_day is not None and first_day > today:
        raise UsageError(f"--since {first_day} is after --until {today}")
    catalogue = load_catalogue(catalogue_path)
    prescription = load_prescription(plan_path, catalogue) if plan_path else None
    plan_name = prescription.name if prescription else None
    paused: frozenset[date] = frozenset()
    if from_file is not None:
        goals: list[Goal] = []  # an exported file holds the sessions only
        checkins: list[CheckIn] = []
        imported = read_history_file(from_file)
        sessions, names, source = list(imported.sessions), dict(imported.names), from_file.name
        start = first_day or first_session_day(sessions, plan_name)
    else:
        names, source = {}, "this computer's history"
        start, sessions, paused = _stored_window(first_day, today, plan_name)
        goals, checkins = _habits()
    for exercise in catalogue.exercises:
        names.setdefault(exercise.id, exercise.name)
    if start is None:
        where = f"recorded under the plan {plan_name!r}" if plan_name else "recorded"
        raise BackexError(f"no sessions {where} in {source}; nothing to report")
    result = build_report(
        sessions, prescription=prescription, first_day=start, today=today, names=names,
        source=source, goals=goals, checkins=checkins, paused=paused,
    )  # fmt: skip
    if output_format is ReportFormat.TERMINAL:
        if output_path is not None:
            raise UsageError("--output needs --format md or --format html")
        from backex.ui import output
        from backex.ui.report_view import report_view

        output.stdout().print(report_view(result))
        return
    from backex.documents.report_render import render_html, render_markdown

    render = render_html if output_format is ReportFormat.HTML else render_markdown
    emit(render(result), output_path, force)


def _stored_window(
    first_day: date | None, today: date, plan_name: str | None
) -> "tuple[date | None, list[SessionRecord], frozenset[date]]":
    """The report's first day (``first_day``, else the plan's first session), the
    sessions from it to ``today`` (only those are read, however long the history) and
    the days paused in between (``backex pause``: nothing planned on them)."""
    from backex.history import queries
    from backex.history.consistency import paused_days
    from backex.history.export import stored_history
    from backex.history.pauses import pauses

    with stored_history() as store:
        if store is None:
            return first_day, [], frozenset()
        start = first_day or queries.first_day(store, plan_name)
        if start is None or start > today:
            return start, [], frozenset()
        paused = paused_days(pauses(store), start, today)
        return start, list(store.iter_sessions(since_day=start, until_day=today)), paused


def _habits() -> "tuple[list[Goal], list[CheckIn]]":
    """Every goal with its scores, and every check-in (the report keeps its period's)."""
    from backex.habits import store as habits
    from backex.history.export import stored_history

    with stored_history() as store:
        if store is None:
            return [], []
        return habits.goals(store), list(habits.checkins(store))


def _parse_day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option} {value!r} is not a date; write it like 2025-03-01") from None
