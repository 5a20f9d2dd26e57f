"""The end of ``backex routine``: what was done of each exercise, in words."""

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from backex.catalogue.exercise import Dose
from backex.planning.plan import Plan
from backex.session.types import ExerciseResult, SessionSummary, SkipReason
from backex.ui.coach_view import NARROW, SYMPTOM_WORDS, clock

SKIP_WORDS = {
    SkipReason.NEXT: "you moved on",
    SkipReason.QUIT: "you quit",
    SkipReason.INTERRUPTED: "interrupted",
    SkipReason.SYMPTOMS: "symptoms spread down the leg",
    SkipReason.TIME: "out of time",
}


def summary_view(summary: SessionSummary, plan: Plan, width: int) -> RenderableType:
    """End of session: each exercise done or skipped and why, then the totals.

    Names come from the plan (a custom exercise shows its name too); reps of a per-side
    dose read "5 each side".
    """
    if summary.stop_reason is None:
        heading = Text("Session complete.", style="bold green")
    else:
        why = SKIP_WORDS[summary.stop_reason]
        heading = Text(f"Session ended early: {why}.", style="bold yellow")
    parts: list[RenderableType] = [heading]
    if width < NARROW:
        for result in summary.results:
            mark = "✓" if not result.skipped else "x"
            item = plan.items[result.index]
            reps = reps_text(result, item.dose)
            detail = f", {reps} reps" if reps != "-" and result.skipped else ""
            parts.append(Text(f"{mark} {item.exercise.name}: {result_words(result)}{detail}"))
    else:
        table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column("Exercise", style="bold")
        table.add_column("Result")
        table.add_column("Sets", justify="right")
        table.add_column("Reps", justify="right")
        table.add_column("Work", justify="right")
        for result in summary.results:
            item = plan.items[result.index]
            table.add_row(
                item.exercise.name,
                result_words(result),
                str(result.sets_done),
                reps_text(result, item.dose),
                clock(result.seconds_done),
            )
        parts.append(table)
    parts.append(
        Text.assemble(
            ("Done ", "bold"),
            str(summary.done),
            ("  ·  skipped ", "bold"),
            str(summary.skipped),
            ("  ·  time taken ", "bold"),
            clock(summary.time_taken_s),
        )
    )
    return Group(*parts)


def reps_text(result: ExerciseResult, dose: Dose) -> str:
    """Reps done: "10", "5 each side", "-" for holds (they count no reps)."""
    if dose.reps is None or not result.reps_done:
        return "-"
    if dose.per_side and result.reps_done % 2 == 0:
        return f"{result.reps_done // 2} each side"
    return str(result.reps_done)


def result_words(result: ExerciseResult) -> str:
    """ "done", "done, symptoms: toward the centre", "part done: you moved on"."""
    if result.skipped:
        did = "part done" if result.reps_done or result.seconds_done else "skipped"
        reason = result.skip_reason
        return f"{did}: {SKIP_WORDS[reason]}" if reason is not None else did
    if result.symptoms is not None:
        return f"done, symptoms: {SYMPTOM_WORDS[result.symptoms]}"
    return "done"
