"""``backex history``: what was done, the streak, days per week, and the pain trend."""

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Annotated

import typer

from backex.cli.app import JsonOption, app, guarded
from backex.errors import UsageError

if TYPE_CHECKING:
    from backex.history import SessionRecord

CSV_COLUMNS = (
    "session_id", "session_started_at", "session_ended_at", "focus", "plan_name",
    "completed", "pain_before", "pain_after", "position", "exercise", "planned_sets",
    "planned_reps", "planned_hold_s", "planned_per_side", "sets_done", "reps_done",
    "seconds_done", "skipped", "skip_reason", "symptom_response", "exercise_started_at",
    "exercise_ended_at",
)  # fmt: skip
PAIN_CHART_DAYS = 14


def _csv(sessions: "Sequence[SessionRecord]") -> str:
    """One row per exercise, with its session's columns (a session without any: one row)."""
    import csv
    import io

    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        head = [s.id, iso(s.started_at), iso(s.ended_at), ",".join(s.focus), s.plan_name,
                int(s.completed), s.pain_before, s.pain_after]  # fmt: skip
        if not s.exercises:
            writer.writerow(head + [None] * (len(CSV_COLUMNS) - len(head)))
        for e in s.exercises:
            writer.writerow(
                [*head, e.position, e.exercise_id, e.planned.sets, e.planned.reps,
                 e.planned.hold_s, int(e.planned.per_side), e.sets_done, e.reps_done,
                 e.seconds_done, int(e.skipped), e.skip_reason,
                 str(e.symptoms) if e.symptoms else None, iso(e.started_at), iso(e.ended_at)]
            )  # fmt: skip
    return buffer.getvalue()


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
) -> None:
    """Recent sessions, your streak, days per week and the pain trend; or the full log."""
    from backex import history
    from backex.history import History, session_to_dict

    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    now = history.local_now()
    today = now.date()
    first_day = today - timedelta(days=days - 1) if days else None
    path = history.db_path()
    everything = []
    if path.exists():
        with History.open(path) as store:
            everything = store.sessions()
    sessions = [s for s in everything if first_day is None or s.started_at.date() >= first_day]
    from backex.ui import output

    if as_json or as_csv:
        oldest_first = sessions[::-1]
        if as_json:
            import json

            records = [session_to_dict(s) for s in oldest_first]
            text = json.dumps({"sessions": records}, indent=2)
        else:
            text = _csv(oldest_first)
        output.print_text(text)
        return
    if not sessions:
        from backex.ui.history_view import no_history

        output.stdout().print(no_history(days if everything else None))
        return
    from backex import progress
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
        )
    )
