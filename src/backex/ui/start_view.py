"""The start of ``backex routine``: today's plan at a glance, before the clock starts."""

import io
import textwrap
from collections.abc import Mapping

from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from backex.care.safety import stop_rule_text
from backex.catalogue.exercise import Equipment
from backex.planning.plan import Plan
from backex.planning.timing import GET_READY_S
from backex.ui.coach_view import clock, dose_line, left_out_lines


def equipment_of(plan: Plan) -> tuple[Equipment, ...]:
    """Everything the session needs, in the order it is first needed."""
    return tuple(dict.fromkeys(e for item in plan.items for e in item.exercise.equipment))


def start_view(
    plan: Plan,
    width: int,
    height: int | None = None,
    *,
    get_ready_s: float,
    live: bool,
    first_item: int = 0,
    names: Mapping[str, str] | None = None,
) -> RenderableType:
    """Today's exercises with doses, about how long, what to have ready, the care notes,
    the clinician's note, the stop rule, and (live) "press space to start".

    ``first_item``: a resumed session lists only what is left; ``names`` names the
    exercises the care rules left out. With ``height``, a note
    too long for the screen is cut short (with "…"), so "press space" always shows.
    """
    items = plan.items[first_item:]
    title = f"Today: {plan.name}" if plan.name else "Today's session"
    table = Table.grid(padding=(0, 1, 0, 0))
    table.add_column(justify="right", no_wrap=True)
    table.add_column(ratio=1)
    narrow = width < 60
    if not narrow:
        table.add_column(no_wrap=True)
    for n, item in enumerate(items, first_item + 1):
        if narrow:
            table.add_row(f"{n}.", f"{item.exercise.name} · {dose_line(item.dose)}")
        else:
            table.add_row(f"{n}.", item.exercise.name, dose_line(item.dose))
    total = float(sum(item.est_s for item in items))
    if first_item == 0:  # the longer get-ready is the plan's first exercise's
        total += max(0.0, get_ready_s - GET_READY_S)
    need = ", ".join(str(e) for e in equipment_of(plan)) or "nothing"
    after: list[RenderableType] = [table, Text(f"About {clock(total)} · you need: {need}")]
    # what the care rules left out or changed today, and what a clinician's plan keeps
    # despite an answer
    if plan.left_out:
        lines = left_out_lines(plan, names or {})
        after.append(Text("Left out today: " + " · ".join(lines), style="yellow"))
    after.extend(Text(note, style="yellow") for note in plan.care_notes)
    if live:  # plain mode printed the stop rule just before the pain question
        after.append(Text(stop_rule_text(plan.max_pain), style="yellow"))
    after.append(Rule(style="dim"))
    if live:
        after.append(
            Text.assemble(
                ("Press space to start", "bold reverse"),
                f"  (q to leave). You then have {round(get_ready_s)} s to get into position.",
            )
        )
    else:
        after.append(Text("Starting now.", style="bold"))
    parts: list[RenderableType] = [Text(title, style="bold cyan")]
    if plan.notes:
        note = f"From your clinician: {plan.notes}"
        room = None if height is None else height - 1 - _rows([*after], width)
        parts += _cut(note, width, room)
    return Group(*parts, *after)


def _rows(parts: list[RenderableType], width: int) -> int:
    """How many terminal rows ``parts`` take at ``width``."""
    console = Console(file=io.StringIO(), width=width, color_system=None)
    return len(console.render_lines(Group(*parts), console.options, pad=False))


def _cut(text: str, width: int, room: int | None) -> list[RenderableType]:
    """``text`` in at most ``room`` rows (all of it when None), the last ending in "…"."""
    lines = textwrap.wrap(text, width)
    if room is not None and len(lines) > room:
        if room <= 0:
            return []
        lines = lines[:room]
        lines[-1] = lines[-1][: max(0, width - 1)].rstrip() + "…"
    return [Text("\n".join(lines), style="bold magenta")]
