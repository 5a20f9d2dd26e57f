"""What the live screen shows below the countdown, as room allows: the clinician's note,
the exercise's cues in turn (all of them on a tall screen), why the dose changed, and the
stop list."""

import textwrap
from collections.abc import Sequence

from rich.console import RenderableType
from rich.text import Text

from backex.planning.dosing import CATALOGUE_DOSE
from backex.planning.plan import PlannedItem
from backex.session.types import PhaseKind, SessionState


def wrapped_rows(lines: Sequence[str], width: int) -> int:
    return sum(len(textwrap.wrap(line, max(1, width))) or 1 for line in lines)


CUE_EVERY_S = 8  # each of the exercise's cues shows this long, in turn


def extras(
    state: SessionState, item: PlannedItem | None, width: int, room: int
) -> tuple[list[RenderableType], int]:
    """What fits below the countdown, most useful first: the clinician's note, the
    exercise's cues in turn, why the dose changed. Each line fits ``width``."""
    exercise = state.exercise
    lines: list[Text] = []
    if item is not None and item.note:
        lines.append(Text(f"Note: {item.note}", style="bold magenta"))
    if exercise is not None and exercise.cues and state.kind is not PhaseKind.TRANSITION:
        tip = exercise.cues[int(state.elapsed_s // CUE_EVERY_S) % len(exercise.cues)]
        lines.append(Text(f"Tip: {tip}", style="cyan"))
    if item is not None and item.reason != CATALOGUE_DOSE and item.prescribed is not None:
        lines.append(Text(f"Dose today: {item.reason}", style="dim", overflow="ellipsis"))
    elif item is not None and item.reason not in (CATALOGUE_DOSE, "") and not item.note:
        lines.append(Text(f"Dose: {item.reason}", style="dim", overflow="ellipsis"))
    shown: list[RenderableType] = []
    used = 0
    for line in lines:
        rows = wrapped_rows([line.plain], width) if line.overflow != "ellipsis" else 1
        if rows > room:
            continue
        if line.overflow == "ellipsis":
            line.no_wrap = True
        shown.append(line)
        room -= rows
        used += rows
    return shown, used


def to_spare(
    state: SessionState, extras: list[RenderableType], width: int, spare: int
) -> list[RenderableType]:
    """With rows to spare: every cue (the one of the moment marked) instead of one tip,
    then the exercise's stop list."""
    exercise = state.exercise
    assert exercise is not None
    tips = [e for e in extras if isinstance(e, Text) and e.plain.startswith("Tip: ")]
    if tips and len(exercise.cues) > 1:
        current = int(state.elapsed_s // CUE_EVERY_S) % len(exercise.cues)
        lines = [("▸ " if k == current else "  ") + cue for k, cue in enumerate(exercise.cues)]
        rows = 1 + wrapped_rows(lines, width - 2)
        if rows - 1 <= spare:
            block = Text("Tips:", style="cyan")
            for k, line in enumerate(lines):
                block.append("\n" + line, style="bold cyan" if k == current else "dim")
            extras = [block if e is tips[0] else e for e in extras]
            spare -= rows - 1
    stops = ["Stop if:", *(f"  {reason}" for reason in exercise.stop_if)]
    if 1 + wrapped_rows(stops, width) <= spare:  # and a blank line before it
        extras = [*extras, Text("\n" + "\n".join(stops), style="yellow")]
    return extras
