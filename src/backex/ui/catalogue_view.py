"""Renderables for browsing the catalogue: the grouped list and one exercise's card."""

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from backex.exercise import Exercise, Focus, format_dose

NARROW = 60  # below this many columns, tables give way to stacked lines

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


def exercise_list(groups: dict[Focus, list[Exercise]], width: int) -> RenderableType:
    """The ``backex list`` view: one table per focus, or stacked lines when narrow."""
    from rich.table import Table  # `show` does not need it

    parts: list[RenderableType] = []
    for focus, exercises in groups.items():
        title = FOCUS_TITLES[focus]
        if width < NARROW:
            parts.append(Text(title, style="bold underline"))
            for e in exercises:
                line = Text.assemble((e.name, "bold"), " ", (f"({e.id})", "cyan"))
                detail = Text(f"  {e.position} · level {e.level} · {format_dose(e.dose)}")
                parts.extend([line, detail])
            parts.append(Text(""))
            continue
        table = Table(title=title, title_justify="left", title_style="bold", expand=False)
        table.add_column("Exercise", style="bold")
        table.add_column("id", style="cyan", no_wrap=True)
        table.add_column("Position")
        table.add_column("Level", justify="center")
        table.add_column("Dose")
        for e in exercises:
            # Text, not str: a name like "Bridge [hold]" is not Rich markup.
            table.add_row(
                Text(e.name),
                Text(e.id),
                Text(str(e.position)),
                Text(str(e.level)),
                Text(format_dose(e.dose)),
            )
        parts.append(table)
        parts.append(Text(""))
    return Group(*parts)


def _bullets(items: Sequence[str], marker: str = "•") -> Text:
    return Text("\n").join(Text(f"{marker} {item}") for item in items)


def exercise_card(exercise: Exercise, names: dict[str, str]) -> RenderableType:
    """The ``backex show`` view. ``names`` maps variant ids to display names."""
    e = exercise
    body: list[RenderableType] = [
        Text(e.summary, style="italic"),
        Text(""),
        Text.assemble(("Dose: ", "bold"), format_dose(e.dose)),
        Text.assemble(
            ("Position: ", "bold"),
            str(e.position),
            ("   Level: ", "bold"),
            str(e.level),
            ("   Focus: ", "bold"),
            ", ".join(str(f) for f in e.focus),
        ),
    ]
    if e.dose.sets > 1 and e.dose.rest_s:
        body.append(Text.assemble(("Rest: ", "bold"), f"{e.dose.rest_s} s between sets"))
    if e.dose.tempo:
        tempo = f"lift {e.dose.tempo.lift_s} s"
        if e.dose.hold_s:
            tempo += f", hold {e.dose.hold_s} s"
        body.append(Text.assemble(("Tempo: ", "bold"), f"{tempo}, lower {e.dose.tempo.lower_s} s"))
    if e.equipment:
        body.append(Text.assemble(("You need: ", "bold"), ", ".join(map(str, e.equipment))))
    steps = Text("\n").join(Text(f"{i}. {step}") for i, step in enumerate(e.steps, 1))
    body += [Text(""), Text("Steps", style="bold underline"), steps]
    body += [Text(""), Text("Cues", style="bold underline"), _bullets(e.cues)]
    if e.cautions:
        body.append(
            Panel(_bullets(e.cautions), title="Cautions", title_align="left", border_style="yellow")
        )
    body.append(
        Panel(
            _bullets(e.stop_if, "!"),
            title="Stop if",
            title_align="left",
            border_style="bold red",
        )
    )
    for label, ids in (("Easier", e.easier), ("Harder", e.harder)):
        if ids:
            text = ", ".join(f"{names.get(i, i)} ({i})" for i in ids)
            body.append(Text.assemble((f"{label}: ", "bold"), text))
    body += [Text(""), Text("Sources", style="bold underline"), _bullets(e.sources, "-")]
    return Panel(
        Group(*body),
        title=Text(f"{e.name} ({e.id})", style="bold"),
        title_align="left",
        border_style="cyan",
    )
