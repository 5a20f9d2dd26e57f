"""Renderables for ``backex safety``: warning signs, rules of practice, urgent advice."""

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backex.care import safety
from backex.care.safety import RedFlag, Urgency
from backex.paths import command_name


def _bullets(items: Sequence[str], marker: str = "•") -> Table:
    """A list whose wrapped lines hang under the text, not the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(marker, item)
    return grid


def warning_signs(emergency: str = safety.DEFAULT_EMERGENCY_NUMBER) -> RenderableType:
    """The red flags, grouped by how urgent they are, with what to do."""
    body = Group(
        Text(safety.EMERGENCY_INTRO, style="bold"),
        _bullets(safety.signs(Urgency.EMERGENCY), "!"),
        Text(safety.EMERGENCY_ADVICE.format(emergency=emergency)),
        Text(""),
        Text(safety.SAME_DAY_INTRO, style="bold"),
        _bullets(safety.signs(Urgency.SAME_DAY), "!"),
        Text(safety.SAME_DAY_ADVICE),
        Text(""),
        Text("Sources: " + "; ".join(safety.SOURCES), style="dim"),
    )
    return Panel(body, title="Warning signs", title_align="left", border_style="bold red")


def rules_of_practice() -> RenderableType:
    """How to exercise safely at home."""
    body = Group(
        _bullets(safety.RULES_OF_PRACTICE),
        Text(""),
        Text("Sources: " + "; ".join(safety.RULES_SOURCES), style="dim"),
    )
    return Panel(body, title="Rules of practice", title_align="left", border_style="cyan")


def safety_page(emergency: str = safety.DEFAULT_EMERGENCY_NUMBER) -> RenderableType:
    """The ``backex safety`` view."""
    return Group(warning_signs(emergency), rules_of_practice())


def question(flag: RedFlag, number: int, total: int) -> Text:
    """One red-flag question as it is asked."""
    return Text.assemble((f"{number}/{total} ", "dim"), flag.question, (" [y/n]", "bold"))


def urgent_advice(advice: str) -> RenderableType:
    """What to do after a "yes"."""
    body = Group(
        Text(advice, style="bold"),
        Text(""),
        Text("backex will ask these questions again next time."),
    )
    return Panel(body, title="Stop: no exercise now", title_align="left", border_style="bold red")


def all_clear(valid_days: int) -> Text:
    """What to say after all "no" answers."""
    return Text(
        f"Thank you. No warning signs; backex will ask again in {valid_days} days. "
        f"Stop and run `{command_name()} safety --check` if any of them appears."
    )


def stop_rule() -> Text:
    """The one-line reminder at the start of every routine."""
    return Text(safety.STOP_RULE, style="yellow")
