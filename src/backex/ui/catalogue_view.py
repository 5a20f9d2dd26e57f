"""Renderables for browsing the catalogue: the grouped list and one exercise's card."""

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from backex.exercise import Exercise, Focus, format_dose

NARROW = 70  # below this many columns, tables give way to stacked lines
WIDE = 100  # from this many columns, the id gets a column of its own

FOCUS_TITLES = {
    Focus.CORE: "Core strengthening",
    Focus.STRETCH: "Stretches",
    Focus.MCKENZIE: "McKenzie series",
    Focus.MOBILITY: "Mobility",
}


def group_by_focus(
    exercises: Sequence[Exercise], focus: Sequence[Focus] | None = None
) -> dict[Focus, list[Exercise]]:
    """Each exercise once, under its first focus that is among ``focus`` (or its first)."""
    groups: dict[Focus, list[Exercise]] = {f: [] for f in Focus}
    for exercise in exercises:
        wanted = [f for f in exercise.focus if not focus or f in focus]
        if wanted:
            groups[wanted[0]].append(exercise)
    return {f: items for f, items in groups.items() if items}


def _list_table(exercises: Sequence[Exercise], width: int) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    doses = [format_dose(e.dose) for e in exercises]
    if width >= WIDE:
        table.add_column("Exercise", min_width=16)
        table.add_column("id", style="cyan", no_wrap=True)
    else:
        # The id sits under the name and is what people type, so it is never cut: the
        # column is as wide as the longest id, wider when the name fits the line.
        positions = max(len("Position"), *(len(e.position) for e in exercises))
        others = positions + len("Level") + max(map(len, doses))
        name_width = min(max(len(e.name) for e in exercises), width - others - 3 * 2)
        table.add_column("Exercise / id", width=max(name_width, *(len(e.id) for e in exercises)))
    table.add_column("Position", no_wrap=True)
    table.add_column("Level", justify="center", no_wrap=True)
    table.add_column("Dose")
    for e, dose in zip(exercises, doses, strict=True):
        name = Text(e.name, style="bold")
        if width >= WIDE:
            table.add_row(name, e.id, str(e.position), str(e.level), dose)
        else:
            cell = Text.assemble(name, "\n", (e.id, "cyan"))
            table.add_row(cell, str(e.position), str(e.level), dose)
    return table


def exercise_list(groups: dict[Focus, list[Exercise]], width: int) -> RenderableType:
    """The ``backex list`` view: a table per focus, or stacked lines when narrow."""
    parts: list[RenderableType] = []
    for focus, exercises in groups.items():
        parts.append(Text(FOCUS_TITLES[focus], style="bold underline"))
        if width < NARROW:
            for e in exercises:
                parts.append(Text.assemble((e.name, "bold"), " ", (f"({e.id})", "cyan")))
                detail = Text(f"{e.position} · level {e.level} · {format_dose(e.dose)}")
                parts.append(Padding(detail, (0, 0, 0, 2)))
        else:
            parts.append(_list_table(exercises, width))
        parts.append(Text(""))
    return Group(*parts)


def _items(items: Sequence[str], markers: Sequence[str], style: str = "") -> Table:
    """A list with a hanging indent: wrapped lines start under the text, not the marker."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True, style=style)
    grid.add_column()
    for marker, item in zip(markers, items, strict=True):
        grid.add_row(marker, item)
    return grid


def _numbered(items: Sequence[str]) -> Table:
    return _items(items, [f"{i}." for i in range(1, len(items) + 1)])


def _bullets(items: Sequence[str], marker: str = "•", style: str = "") -> Table:
    return _items(items, [marker] * len(items), style)


def _facts(rows: Sequence[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2, 0, 0))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for label, value in rows:
        grid.add_row(label, value)
    return grid


def exercise_card(exercise: Exercise, names: dict[str, str]) -> RenderableType:
    """The ``backex show`` view. ``names`` maps variant ids to display names."""
    e = exercise
    dose = e.dose
    facts = [("Dose", format_dose(dose))]
    if dose.sets > 1 and dose.rest_s:
        facts.append(("Rest", f"{dose.rest_s} s between sets"))
    if dose.tempo:
        tempo = f"lift {dose.tempo.lift_s} s"
        if dose.hold_s:
            tempo += f", hold {dose.hold_s} s"
        facts.append(("Tempo", f"{tempo}, lower {dose.tempo.lower_s} s"))
    facts += [
        ("Position", str(e.position)),
        ("Level", str(e.level)),
        ("Focus", ", ".join(str(f) for f in e.focus)),
    ]
    if e.equipment:
        facts.append(("You need", ", ".join(str(item) for item in e.equipment)))

    body: list[RenderableType] = [Text(e.summary, style="italic"), Text(""), _facts(facts)]
    body += [Text(""), Text("Steps", style="bold underline"), _numbered(e.steps)]
    body += [Text(""), Text("Cues", style="bold underline"), _bullets(e.cues)]
    if e.cautions:
        body.append(
            Panel(_bullets(e.cautions), title="Cautions", title_align="left", border_style="yellow")
        )
    body.append(
        Panel(
            _bullets(e.stop_if, "!", style="bold red"),
            title="Stop if",
            title_align="left",
            border_style="bold red",
        )
    )
    variants = [
        (label, ", ".join(f"{names.get(i, i)} ({i})" for i in ids))
        for label, ids in (("Easier", e.easier), ("Harder", e.harder))
        if ids
    ]
    if variants:
        body.append(_facts(variants))
    body += [Text(""), Text("Sources", style="bold underline"), _bullets(e.sources, "-")]
    return Panel(
        Group(*body),
        title=Text(f"{e.name} ({e.id})", style="bold"),
        title_align="left",
        border_style="cyan",
    )
