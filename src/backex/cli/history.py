"""``backex history``: what was done, the streak, days per week, and the pain trend."""

from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.errors import UsageError

PAIN_CHART_DAYS = 14


@app.command("history")
@guarded
def history_command(
    as_json: JsonOption = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Print the full log as CSV, one row per exercise.")
    ] = False,
    days: Annotated[
        int | None,
        typer.Option(
            "--days", min=1, help="Only today and the N-1 days before it.", show_default=False
        ),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Sessions listed in the table.")
    ] = 10,
    plan_path: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            help="A plan file: sessions done with it against the sessions its frequency plans.",
            show_default=False,
        ),
    ] = None,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Recent sessions, your streak, days per week and the pain trend; or the full log."""
    from backex.history import store as history
    from backex.history.export import log_csv, log_json, stored_sessions
    from backex.ui import output

    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    if as_csv and plan_path is not None:
        raise UsageError("--plan works with the table and --json, not with --csv")
    today = history.local_now().date()
    first_day = today - timedelta(days=days - 1) if days else None
    everything = stored_sessions()
    sessions = [s for s in everything if first_day is None or s.started_at.date() >= first_day]
    plan = None
    if plan_path is not None:
        from backex.catalogue.loader import load_catalogue
        from backex.history.adherence import adherence
        from backex.prescription.loader import load_prescription

        prescription = load_prescription(plan_path, load_catalogue(catalogue_path))
        plan = adherence(everything, prescription.name, prescription.frequency, today)
    if as_csv:
        output.print_text(log_csv(sessions))
        return
    if as_json:
        if plan is None:
            output.print_text(log_json(sessions))
        else:
            from backex.history.adherence import adherence_to_dict

            output.print_text(log_json(sessions, adherence=adherence_to_dict(plan)))
        return
    if not sessions:
        from backex.ui.history_view import adherence_summary, no_history

        output.stdout().print(no_history(days if everything else None))
        if plan is not None and everything:
            output.stdout().print(adherence_summary(plan))
        return
    from backex.history import progress
    from backex.ui.history_view import history_page

    active = progress.active_days(everything)  # the streak does not depend on --days
    chart_from = today - timedelta(days=(days or PAIN_CHART_DAYS) - 1)
    pain = [p for p in progress.pain_by_day(sessions) if p.day >= chart_from]
    console = output.stdout()
    console.print(
        history_page(
            sessions[:limit],
            progress.current_streak(active, today),
            progress.weekly_counts(active, today),
            pain,
            today,
            console.width,
            plan,
        )
    )
