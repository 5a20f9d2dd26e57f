"""The start of ``backex routine``: today's plan at a glance, before the clock starts."""

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from backex.care.safety import stop_rule_text
from backex.catalogue.exercise import Equipment
from backex.planning.plan import Plan
from backex.planning.timing import GET_READY_S
from backex.ui.coach_view import clock, dose_line


def equipment_of(plan: Plan) -> tuple[Equipment, ...]:
    """Everything the session needs, in the order it is first needed."""
    return tuple(dict.fromkeys(e for item in plan.items for e in item.exercise.equipment))


def start_view(
    plan: Plan, width: int, *, get_ready_s: float, live: bool, first_item: int = 0
) -> RenderableType:
    """Today's exercises with doses, about how long, what to have ready, the clinician's
    note, the stop rule, and (live) "press space to start".

    ``first_item``: a resumed session lists only what is left.
    """
    items = plan.items[first_item:]
    title = f"Today: {plan.name}" if plan.name else "Today's session"
    parts: list[RenderableType] = [Text(title, style="bold cyan")]
    if plan.notes:
        parts.append(Text(f"From your clinician: {plan.notes}", style="bold magenta"))
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
    parts.append(table)
    total = float(sum(item.est_s for item in items))
    if first_item == 0:  # the longer get-ready is the plan's first exercise's
        total += max(0.0, get_ready_s - GET_READY_S)
    need = ", ".join(str(e) for e in equipment_of(plan)) or "nothing"
    parts.append(Text(f"About {clock(total)} · you need: {need}"))
    if live:  # plain mode printed the stop rule just before the pain question
        parts.append(Text(stop_rule_text(plan.max_pain), style="yellow"))
    parts.append(Rule(style="dim"))
    if live:
        parts.append(
            Text.assemble(
                ("Press space to start", "bold reverse"),
                f"  (q to leave). You then have {round(get_ready_s)} s to get into position.",
            )
        )
    else:
        parts.append(Text("Starting now.", style="bold"))
    return Group(*parts)
