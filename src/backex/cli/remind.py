"""``backex remind``: calendar reminders (iCalendar) or crontab lines for a plan."""

import os
from datetime import UTC, date, datetime
from typing import Annotated

import typer

from backex.catalogue.loader import load_catalogue
from backex.cli.app import CatalogueOption, app, guarded
from backex.cli.options import ForceOption, OutputOption, PlanFileOption
from backex.cli.plan import emit
from backex.errors import UsageError


@app.command("remind")
@guarded
def remind(
    plan_path: PlanFileOption = None,
    times: Annotated[
        str | None,
        typer.Option(
            "--times",
            help="Times of day, 24-hour, comma-separated, e.g. 08:00,13:00,19:00. "
            "With --plan: replaces the plan's default times.",
            show_default=False,
        ),
    ] = None,
    written_path: Annotated[
        str | None,
        typer.Option(
            "--plan-path",
            metavar="PATH",
            help="The plan's path as the patient will have it, written into the reminders "
            "(default: the plan's file name).",
            show_default=False,
        ),
    ] = None,
    cron: Annotated[
        bool, typer.Option("--cron", help="Print crontab lines (desktop notifications) instead.")
    ] = False,
    alarm_before: Annotated[
        int,
        typer.Option("--alarm-before", min=0, max=120, help="Minutes before each session."),
    ] = 0,
    output_path: OutputOption = None,
    force: ForceOption = False,
    catalogue_path: CatalogueOption = None,
) -> None:
    """Reminders matching a plan's frequency (--plan) or given times (--times).

    Writes an iCalendar file (.ics) that any calendar app imports: one repeating event
    per time of day, each with an alarm. Every-2-hours plans remind from 08:00 to 20:00.
    """
    from backex.documents.reminders import (
        ReminderSchedule,
        parse_times,
        render_crontab,
        render_ics,
        schedule_for_prescription,
    )
    from backex.prescription.loader import load_prescription

    if written_path is not None and plan_path is None:
        raise UsageError("--plan-path needs --plan FILE")
    if written_path is not None and not written_path.strip():
        raise UsageError("--plan-path must not be empty")
    if plan_path is None and times is None:
        raise UsageError("give --plan FILE, --times 08:00,13:00,19:00, or both")
    chosen = parse_times(times) if times is not None else None
    if plan_path is not None:
        prescription = load_prescription(plan_path, load_catalogue(catalogue_path))
        written = written_path or plan_path.name
        schedule = schedule_for_prescription(prescription, written, chosen)
    else:
        assert chosen is not None
        schedule = ReminderSchedule(times=chosen)
    if cron:
        text = render_crontab(schedule, os.getuid() if hasattr(os, "getuid") else None)
    else:
        now = datetime.now(UTC)
        start = _first_day_not_paused(date.today())
        text = render_ics(schedule, start=start, now=now, alarm_minutes=alarm_before)
    emit(text, output_path, force)


def _first_day_not_paused(today: date) -> date:
    """Today, or the day a running pause (``backex pause``) ends: no reminders before."""
    from backex.history.consistency import active_pause
    from backex.history.export import stored_history
    from backex.history.pauses import pauses

    with stored_history() as store:
        running = active_pause(pauses(store), today) if store else None
    return running.resume_day if running else today
