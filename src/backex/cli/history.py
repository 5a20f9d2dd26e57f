"""``backex history``: what was done, the streak, days per week, and the pain trend."""

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from backex.cli.app import CatalogueOption, JsonOption, app, guarded
from backex.errors import UsageError

PAIN_CHART_DAYS = 14

if TYPE_CHECKING:
    from backex.history.store import History
    from backex.prescription.model import Prescription


@app.command("history")
@guarded
def history_command(
    as_json: JsonOption = False,
    as_csv: Annotated[
        bool,
        typer.Option(
            "--csv",
            help="Print the full log as CSV, one row per exercise; the columns: "
            "backex export history --help.",
        ),
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
    from backex.history.export import stored_history

    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    if as_csv and plan_path is not None:
        raise UsageError("--plan works with the table and --json, not with --csv")
    today = history.local_now().date()
    first_day = today - timedelta(days=days - 1) if days else None
    prescription = None
    if plan_path is not None:
        from backex.catalogue.loader import load_catalogue
        from backex.prescription.loader import load_prescription

        prescription = load_prescription(plan_path, load_catalogue(catalogue_path))
    with stored_history() as store:
        _show(store, today, first_day, days, limit, prescription, as_json, as_csv)


def _show(
    store: "History | None",
    today: date,
    first_day: date | None,
    days: int | None,
    limit: int,
    prescription: "Prescription | None",
    as_json: bool,
    as_csv: bool,
) -> None:
    """Read only what is shown: the listed rows and aggregates, or a stream of the log."""
    from backex.history import consistency, progress, queries
    from backex.history.adherence import RECENT_DAYS, WEEKS, adherence_of_days
    from backex.history.export import log_csv_chunks, log_json_chunks
    from backex.history.pauses import pauses
    from backex.ui import output

    paused = pauses(store) if store else []
    plan = None
    if prescription is not None:
        since = today - timedelta(days=max(RECENT_DAYS, 7 * WEEKS))
        started, done = queries.plan_days(store, prescription.name, since) if store else (None, {})
        plan = adherence_of_days(
            started,
            done,
            prescription.name,
            prescription.frequency,
            today,
            paused=consistency.paused_days(paused, since, today),
        )
    every = store.iter_sessions(since_day=first_day) if store else iter(())
    if as_csv:
        output.print_chunks(log_csv_chunks(every))
        return
    if as_json:
        from backex.habits.store import goals_json
        from backex.history.adherence import adherence_to_dict

        extra = {} if plan is None else {"adherence": adherence_to_dict(plan)}
        output.print_chunks(log_json_chunks(every, **extra, **goals_json(store)))
        return
    from backex.habits import store as habits

    goals = habits.goals(store, retired=False) if store else []
    sessions = store.sessions(limit=limit, since_day=first_day) if store else []
    if not sessions:
        from backex.ui.history_view import adherence_summary, no_history

        anything = store is not None and queries.has_sessions(store)
        output.stdout().print(no_history(days if anything else None))
        if plan is not None and anything:
            output.stdout().print(adherence_summary(plan))
        if goals:
            from backex.ui.habits_view import goals_summary

            output.stdout().print()
            output.stdout().print(goals_summary(goals))
        return
    from backex.ui.history_view import Consistency, history_page

    assert store is not None
    weeks = 4
    this_monday = today - timedelta(days=today.weekday())
    recent = queries.active_days(store, this_monday - timedelta(weeks=weeks - 1))
    chart_from = today - timedelta(days=(days or PAIN_CHART_DAYS) - 1)
    pain = [progress.DayPain(*row) for row in queries.pain_by_day(store, chart_from)]
    frequency = prescription.frequency if prescription else consistency.DAILY
    first_active = queries.first_active_day(store)
    fortnight = None
    if first_active is not None and today - first_active < timedelta(consistency.FORTNIGHT_DAYS):
        fortnight_days = queries.active_days(store, first_active)
        fortnight = consistency.first_fortnight(first_active, fortnight_days, today)
    console = output.stdout()
    console.print(
        history_page(
            sessions,
            Consistency(
                # every day, not only --days
                consistency.planned_streak(
                    queries.done_per_day_newest_first(store), frequency, today, paused
                ),
                frequency,
                prescription is not None,
                consistency.active_pause(paused, today),
                fortnight,
            ),
            progress.weekly_counts(recent, today, weeks, first=first_active),
            pain,
            today,
            console.width,
            plan,
            goals,
        )
    )
    from backex.care.pain import NO_IMPROVEMENT_ADVICE, no_improvement

    if no_improvement(queries.weekly_pain(store, today)):
        console.print(NO_IMPROVEMENT_ADVICE, style="bold yellow")
