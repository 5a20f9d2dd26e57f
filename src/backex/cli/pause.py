"""``backex pause``: days off the plan for illness or travel; show or end the pause."""

from typing import Annotated

import typer

from backex.cli.app import app, guarded
from backex.errors import UsageError


@app.command("pause")
@guarded
def pause_command(
    days: Annotated[
        int | None,
        typer.Option(
            "--days",
            help="Pause from today for N days (1-60): they are not counted as planned.",
            show_default=False,
        ),
    ] = None,
    end: Annotated[
        bool, typer.Option("--end", help="End the pause now: today is a plan day again.")
    ] = False,
) -> None:
    """Pause the plan for illness or travel, end the pause, or show it (no options)."""
    from backex.history.consistency import MAX_PAUSE_DAYS, active_pause
    from backex.history.export import stored_history
    from backex.history.pauses import end_pause, pauses, start_pause
    from backex.history.store import History, local_now
    from backex.ui import consistency_view, output

    if days is not None and end:
        raise UsageError("choose one of --days and --end")
    if days is not None and not 1 <= days <= MAX_PAUSE_DAYS:
        raise UsageError(f"--days must be 1 to {MAX_PAUSE_DAYS}, not {days}")
    today = local_now().date()
    console = output.stdout()
    if days is not None:
        with History.open() as store:
            pause = start_pause(store, today, days)
        console.print(consistency_view.pause_started(pause, today))
        return
    with stored_history() as found:  # showing or ending creates no file
        if end:
            ended = end_pause(found, today) if found else None
            console.print(consistency_view.pause_ended(ended))
            return
        running = active_pause(pauses(found), today) if found else None
        console.print(consistency_view.pause_shown(running))
