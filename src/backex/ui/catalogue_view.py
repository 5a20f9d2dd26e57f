"""Renderables for browsing the catalogue: the grouped list and one exercise's card."""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from backex.catalogue.exercise import Exercise, Focus, format_dose, move_up_text
from backex.ui.figure_view import figure_block

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


def _list_table(exercises: Sequence[Exercise], width: int) -> RenderableType:
    """The table of one focus group: drawn by :class:`_AlignedRows` when every cell fits."""
    doses = [format_dose(e.dose) for e in exercises]
    if width >= WIDE:
        columns = [
            _Column("Exercise", min_width=16),
            _Column("id", style="cyan", no_wrap=True),
        ]
    else:
        # The id sits under the name and is what people type, so it is never cut: the
        # column is as wide as the longest id, wider when the name fits the line.
        positions = max(len("Position"), *(len(e.position) for e in exercises))
        others = positions + len("Level") + max(map(len, doses))
        name_width = min(max(len(e.name) for e in exercises), width - others - 3 * 2)
        id_width = max(name_width, *(len(e.id) for e in exercises))
        columns = [_Column("Exercise / id", width=id_width)]
    columns += [
        _Column("Position", no_wrap=True),
        _Column("Level", justify="center", no_wrap=True),
        _Column("Dose"),
    ]
    aligned = _AlignedRows.fit(columns, exercises, doses, width)
    return aligned if aligned is not None else _rich_table(columns, exercises, doses, width)


@dataclass(frozen=True)
class _Column:
    header: str
    width: int | None = None
    min_width: int | None = None
    justify: JustifyMethod = "left"
    style: str = ""
    no_wrap: bool = False


def _table(columns: Sequence[_Column]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0))
    for c in columns:
        table.add_column(
            c.header,
            width=c.width,
            min_width=c.min_width,
            justify=c.justify,
            style=c.style,
            no_wrap=c.no_wrap,
        )
    return table


def _rich_table(
    columns: Sequence[_Column], exercises: Sequence[Exercise], doses: Sequence[str], width: int
) -> Table:
    """The list table laid out by Rich: any width, wrapping cells as needed."""
    table = _table(columns)
    for e, dose in zip(exercises, doses, strict=True):
        name = Text(e.name, style="bold")
        if width >= WIDE:
            table.add_row(name, e.id, str(e.position), str(e.level), dose)
        else:
            cell = Text.assemble(name, "\n", (e.id, "cyan"))
            table.add_row(cell, str(e.position), str(e.level), dose)
    return table


class _AlignedRows:
    """The same table as :func:`_rich_table`, drawn line by line when it fits the width.

    Rich measures and lays out every cell, about 0.5 ms a row: 1.7 s for a
    3,000-exercise catalogue. When every column can be as wide as its widest cell
    within the width (the name column's width is fixed), a row is just padding; only
    the header and rows whose name wraps go through Rich.
    tests/test_list_rendering.py checks both give the same output, styles included.
    """

    GAP = 2  # a column's right padding and the box's blank divider

    def __init__(self, header: Table, rows: list[tuple[str, ...] | Table], wide: bool) -> None:
        self.header = header
        self.rows = rows  # each row's pieces (see _row_pieces), or a Rich table for one row
        self.wide = wide

    @classmethod
    def fit(
        cls,
        columns: Sequence[_Column],
        exercises: Sequence[Exercise],
        doses: Sequence[str],
        width: int,
    ) -> "_AlignedRows | None":
        """The aligned rows, or None when Rich would shrink a column to fit the width."""
        wide = len(columns) == 5
        texts = [e.name for e in exercises] + [e.id for e in exercises] + list(doses)
        if not all(text.isprintable() for text in texts):  # tabs, newlines: let Rich
            return None
        lengths = _column_lengths(exercises, doses, wide)
        widths: list[int] = []
        for column, cells in zip(columns, lengths, strict=True):
            natural = max(_width(column.header), *cells, column.min_width or 0)
            widths.append(column.width if column.width is not None else natural)
        if _width(columns[0].header) > widths[0]:
            return None
        if sum(widths) + cls.GAP * (len(widths) - 1) > width:
            return None
        fixed = [replace(c, width=w) for c, w in zip(columns, widths, strict=True)]
        rows: list[tuple[str, ...] | Table] = []
        for e, dose in zip(exercises, doses, strict=True):
            if _width(e.name) <= widths[0]:
                rows.append(_row_pieces(e, dose, widths, wide))
            else:  # a name too long for its column wraps: Rich lays out that row
                row = _rich_table(fixed, [e], [dose], width)
                row.show_header = False
                rows.append(row)
        return cls(_table(fixed), rows, wide)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.header
        if console.color_system is None:  # no escape codes: plain text, one segment a run
            run: list[str] = []
            for row in self.rows:
                if isinstance(row, Table):
                    yield Segment("".join(run))
                    run.clear()
                    yield row
                elif self.wide:
                    run += [*row, "\n"]
                else:
                    run += [row[0], row[1], "\n", row[2], row[3], "\n"]
            yield Segment("".join(run))
            return
        new_line = Segment.line()
        for row in self.rows:
            if isinstance(row, Table):
                yield row
            elif self.wide:
                name, gap, ident, ident_pad, rest = row
                yield from (Segment(name, _BOLD), Segment(gap), Segment(ident, _CYAN))
                yield from (Segment(ident_pad, _CYAN), Segment(rest), new_line)
            else:
                name, rest, ident, blank = row
                yield from (Segment(name, _BOLD), Segment(rest), new_line)
                yield from (Segment(ident, _CYAN), Segment(blank), new_line)


_BOLD, _CYAN = Style(bold=True), Style(color="cyan")


def _column_lengths(
    exercises: Sequence[Exercise], doses: Sequence[str], wide: bool
) -> list[list[int]]:
    """Cell widths per column, as the columns of :func:`_rich_table` hold them."""
    names = [_width(e.name) for e in exercises]
    ids = [_width(e.id) for e in exercises]
    rest = [
        [len(e.position) for e in exercises],
        [len(str(e.level)) for e in exercises],
        [_width(dose) for dose in doses],
    ]
    return [names, ids, *rest] if wide else [[*names, *ids], *rest]


def _width(text: str) -> int:
    """Terminal cells ``text`` takes; ASCII (nearly every catalogue) without Rich's tables."""
    return len(text) if text.isascii() else cell_len(text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _centre(text: str, width: int) -> str:
    excess = width - _width(text)
    return " " * (excess // 2) + text + " " * (excess - excess // 2)


def _row_pieces(e: Exercise, dose: str, widths: list[int], wide: bool) -> tuple[str, ...]:
    """One row as text pieces whose styles alternate as Rich's table would style them.

    Wide (one line): bold name with its padding, gap, cyan id, the id column's cyan
    right padding, the rest. Narrow (two lines): bold name, the rest of the first
    line; cyan id, the blank rest of the second.
    """
    *head, position, level, last = widths
    tail = f"{_pad(str(e.position), position)}  {_centre(str(e.level), level)}  {_pad(dose, last)}"
    if wide:  # the name's style covers its padding: the whole cell is one bold Text
        return (_pad(e.name, head[0]), "  ", _pad(e.id, head[1]), " ", " " + tail)
    name_pad = " " * (head[0] - _width(e.name))
    blank = " " * (head[0] - _width(e.id) + position + level + last + 3 * _AlignedRows.GAP)
    return (e.name, f"{name_pad}  {tail}", e.id, blank)


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


def exercise_card(
    exercise: Exercise, names: dict[str, str], width: int = 80, ascii_only: bool = False
) -> RenderableType:
    """The ``backex show`` view. ``names`` maps variant ids to display names.

    The figures go above the steps, side by side when ``width`` allows, stacked below
    that, and are replaced by a one-line note below 40 columns.
    """
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
    figures = figure_block(e.figures, width, ascii_only, inset=4) if e.figures else None
    if figures is not None:
        body += [Text(""), figures]
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
    if e.move_up is not None:
        harder = names.get(e.harder[0], e.harder[0]) if e.harder else None
        variants.append(("Moves up", move_up_text(e.move_up, harder)))
    if variants:
        body.append(_facts(variants))
    body += [Text(""), Text("Sources", style="bold underline"), _bullets(e.sources, "-")]
    return Panel(
        Group(*body),
        title=Text(f"{e.name} ({e.id})", style="bold"),
        title_align="left",
        border_style="cyan",
    )
