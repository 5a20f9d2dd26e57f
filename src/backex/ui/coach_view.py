"""Renderables for ``backex routine``: the plan table, the live coaching screen, the summary."""

import math
from collections.abc import Callable, Mapping

from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from backex.care.rules import SYMPTOM_CHOICES, SYMPTOM_QUESTION, Symptoms
from backex.catalogue.exercise import Dose, format_dose
from backex.catalogue.figures import Frame, FrameLabel
from backex.planning.dosing import CATALOGUE_DOSE
from backex.planning.plan import Block, Plan, PlannedItem
from backex.session.types import PhaseKind, SessionState, Side
from backex.ui import coach_extras
from backex.ui.coach_extras import wrapped_rows
from backex.ui.figure_view import MIN_WIDTH, frame_lines, frame_text, wants_ascii
from backex.ui.output import SafeConsole

NARROW = 60  # below this many columns, tables give way to stacked lines
KEY_HELP = "space pause · n next · b back · q quit"
KEY_HELP_SHORT = "spc pause·n next·b back·q quit"
SYMPTOM_WORDS = {
    Symptoms.CENTRALISING: "better",
    Symptoms.SAME: "no change",
    Symptoms.WORSE: "worse in the back",
    Symptoms.PERIPHERALISING: "spreading down the leg",
}
QUESTION_KEYS = "1-4 answer · n skip · b redo · q quit"
QUESTION_KEYS_SHORT = "1-4 answer·n skip·q quit"

# 3x5 block digits; each "#" becomes a block, drawn one or two cells wide.
_FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}
BIG_ROWS = 5


def clock(seconds: float) -> str:
    """Whole seconds as m:ss (or h:mm:ss)."""
    total = max(0, math.ceil(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def countdown_text(seconds: float) -> str:
    """What the big countdown shows: "45" under a minute, "1:45" above."""
    whole = max(0, math.ceil(seconds))
    return str(whole) if whole < 60 else clock(whole)


def big_digits(text: str, width: int) -> Text | None:
    """``text`` in block digits that fit ``width`` columns, or None when they cannot."""
    for scale in (2, 1):
        rows = ["" for _ in range(BIG_ROWS)]
        for char in text:
            glyph = _FONT.get(char)
            if glyph is None:
                return None
            for r in range(BIG_ROWS):
                pixels = glyph[r].replace("#", "█" * scale).replace(" ", " " * scale)
                rows[r] += pixels + " " * scale
        rows = [row[:-scale] for row in rows]  # equal widths keep the glyphs aligned
        if max(len(row) for row in rows) <= width:
            return Text("\n".join(rows))
    return None


def dose_line(dose: Dose) -> str:
    text = format_dose(dose)
    if dose.sets > 1 and dose.rest_s:
        text += f", rest {dose.rest_s} s"
    return text


def _note(item: PlannedItem) -> str:
    """The block when not main (the reasons for the doses are listed under the table)."""
    return "" if item.block is Block.MAIN else str(item.block)


def _why(plan: Plan) -> RenderableType | None:
    """Why each dose that is not simply the catalogue's was chosen, one line per exercise."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for n, item in enumerate(plan.items, 1):
        if item.reason != CATALOGUE_DOSE:
            grid.add_row(f"{n}.", f"{item.exercise.name}: {item.reason}")
    if not grid.row_count:
        return None
    return Group(Text("Why these doses:", style="bold"), grid)


# -- the plan ---------------------------------------------------------------------------


def plan_view(plan: Plan, width: int, names: dict[str, str] | None = None) -> RenderableType:
    """The ``--dry-run`` view: order, exercise, dose, estimated time, total."""
    names = names or {}
    focus = ", ".join(str(f) for f in plan.focus) or "all"
    heading = Text.assemble(
        ("Plan: ", "bold"),
        f"{plan.name} ({focus})" if plan.name else f"{focus}, level {plan.max_level}",
        f", {plan.minutes} min budget" if plan.minutes else "",
    )
    parts: list[RenderableType] = [heading]
    if width < NARROW:
        grid = Table.grid(padding=(0, 1, 0, 0))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        for n, item in enumerate(plan.items, 1):
            detail = f"{item.block} · {dose_line(item.dose)}"
            if item.reason != CATALOGUE_DOSE:
                detail += f" ({item.reason})"
            line = Text.assemble((item.exercise.name, "bold"), f"  {clock(item.est_s)}")
            grid.add_row(f"{n}.", Group(line, Text(detail, style="dim")))
        parts.append(grid)
    else:
        table = Table(expand=False, box=None, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column("#", justify="right")
        table.add_column("Exercise", style="bold", min_width=20)
        table.add_column("Dose", no_wrap=True)
        table.add_column("Time", justify="right", no_wrap=True)
        table.add_column("Note", style="dim")
        for n, item in enumerate(plan.items, 1):
            table.add_row(
                str(n), item.exercise.name, dose_line(item.dose), clock(item.est_s), _note(item)
            )
        parts.append(table)
    parts.append(Text.assemble(("Total: ", "bold"), f"{clock(plan.total_s)} estimated"))
    if plan.dropped:
        left_out = ", ".join(names.get(i, i) for i in plan.dropped)
        parts.append(Text(f"Left out to fit the time: {left_out}", style="dim"))
    why = _why(plan) if width >= NARROW else None  # narrow: each item says it already
    if why is not None:
        parts.append(why)
    if plan.left_out:
        parts.append(Text("Left out for you today:", style="bold"))
        parts.extend(Text(f"- {line}") for line in left_out_lines(plan, names))
    parts.extend(Text(note, style="yellow") for note in plan.care_notes)
    return Group(*parts)


def left_out_lines(plan: Plan, names: Mapping[str, str]) -> list[str]:
    """What the care rules left out and why: one line per reason, in first-seen order."""
    by_reason: dict[str, list[str]] = {}
    for exercise_id, reason in plan.left_out:
        by_reason.setdefault(reason, []).append(names.get(exercise_id, exercise_id))
    return [f"{'; '.join(who)}: {why}" for why, who in by_reason.items()]


# -- the live screen --------------------------------------------------------------------


def progress_bar(done: float, total: float, width: int, urgent: bool = False) -> Text:
    """Heavy line for the time gone, light line for the time left (legible without colour)."""
    filled = round(width * min(1.0, done / total)) if total > 0 else width
    return Text.assemble(
        ("━" * filled, "red" if urgent else "green"),
        ("─" * (width - filled), "dim"),
    )


def _progress_line(state: SessionState, width: int) -> Text:
    parts = []
    if state.set_count > 1:
        parts.append(f"set {state.set_no}/{state.set_count}")
    if state.rep_no is not None and state.rep_count:
        parts.append(f"rep {state.rep_no}/{state.rep_count}")
    if state.side_text and state.kind is not PhaseKind.WORK:
        parts.append(state.side_text)  # in work, the cue names the side already
    elif state.side is not None and not state.side_text:
        parts.append(f"{state.side} side")
    text = " · ".join(parts)
    return Text(text if len(text) <= width else text.replace(" side", ""), style="bold")


def _top(state: SessionState, title: str, compact: bool) -> Table:
    """The exercise (or what is next) and "exercise k of n"."""
    where = f"{state.item_index + 1}/{state.item_count}"
    top = Table.grid(expand=True)
    top.add_column(ratio=1)
    top.add_column(justify="right", no_wrap=True)
    top.add_row(
        Text(title, style="bold cyan"),
        Text(where if compact else f"exercise {where.replace('/', ' of ')}"),
    )
    return top


def _footer(state: SessionState, width: int, show_next: bool) -> Text:
    footer = Text()
    if state.next_up is not None and show_next:
        footer.append("Next: ", style="dim")
        footer.append(state.next_up.name)
    left = f"{clock(state.time_left_s)} left"
    if footer.plain and len(footer.plain) + len(left) + 3 <= width:
        footer.append(f" · {left}", style="dim")
    else:
        footer = Text.assemble(footer, "\n" if footer.plain else "", (left, "dim"))
    return footer


def question_screen(state: SessionState, width: int) -> RenderableType:
    """The McKenzie question after an exercise: four answers, one key each."""
    assert state.exercise is not None
    choices = Table.grid(padding=(0, 1, 0, 0))
    choices.add_column(justify="right", no_wrap=True, style="bold")
    choices.add_column()
    for number, text in enumerate(SYMPTOM_CHOICES.values(), 1):
        choices.add_row(f" {number}", text)
    keys = QUESTION_KEYS if width >= len(QUESTION_KEYS) else QUESTION_KEYS_SHORT
    return Group(
        _top(state, state.exercise.name, width < 40),
        Rule(style="dim"),
        Text(SYMPTOM_QUESTION, style="bold yellow"),
        choices,
        Text("Press 1, 2, 3 or 4 (no Enter needed).", style="bold"),
        Rule(style="dim"),
        _footer(state, width, show_next=True),
        Text(keys, style="dim"),
    )


def coach_frame(state: SessionState) -> Frame | None:
    """The picture of the moment: the end position while working (the "other side" frame,
    when there is one, on the left side), else the start."""
    figures = state.exercise.figures if state.exercise is not None else ()
    if not figures:
        return None
    if state.kind is PhaseKind.WORK:
        # Sides go right then left: the left side shows the "other side" frame if drawn.
        wanted = FrameLabel.OTHER_SIDE if state.side is Side.LEFT else FrameLabel.END
        for label in (wanted, FrameLabel.END):
            chosen = [f for f in figures if f.label is label]
            if chosen:
                return chosen[0]
    return figures[0]


def coach_screen(
    state: SessionState,
    width: int,
    height: int,
    notice: str | None = None,
    ascii_only: bool = False,
    item: PlannedItem | None = None,
) -> RenderableType:
    """The live screen for one moment; fits ``width`` x ``height``, most important first.

    Top to bottom: exercise and k of n, the picture (start position while getting ready,
    end position while working), its steps (as many as fit), the cue of the moment, a
    large countdown, the phase's progress bar, set/rep/side, the clinician's note, the
    exercise's cues in turn and why the dose changed (``item``, as room allows), next up
    and time left, keys, and ``notice`` (the stop rule at the start) when there is room.
    The picture is the first thing left out on a short screen: it shows only with the
    large countdown and when every step fits too.
    """
    if state.done or state.exercise is None:
        return Text("Done, well done.", style="bold green")
    if state.kind is PhaseKind.QUESTION:
        return question_screen(state, width)
    compact = width < 40
    exercise = state.exercise
    transition = state.kind is PhaseKind.TRANSITION
    top = _top(state, f"Next up: {exercise.name}" if transition else exercise.name, compact)

    urgent = state.remaining_s <= 3 and state.kind in (PhaseKind.WORK, PhaseKind.GET_READY)
    if state.paused:
        cue = Text("Paused · space to resume", style="bold reverse")
    elif transition:  # the title already names what is next
        cue = Text("Get into position", style="bold yellow")
    else:
        cue = Text(state.cue[:1].upper() + state.cue[1:], style="bold yellow")
    counter = countdown_text(state.remaining_s)
    big = None if compact or height < 20 else big_digits(counter, width)
    number = big if big is not None else Text(f"{counter} s")
    number.stylize("bold red" if urgent and not state.paused else "bold")
    bar = progress_bar(state.phase_s - state.remaining_s, state.phase_s, width, urgent)
    progress = _progress_line(state, width)

    footer = _footer(state, width, show_next=not transition)
    keys = Text(KEY_HELP if width >= len(KEY_HELP) else KEY_HELP_SHORT, style="dim")

    middle: list[RenderableType] = [cue, number]
    if progress.plain:
        middle.append(progress)
    for part in middle:
        if isinstance(part, Text):
            part.justify = "center"
    fixed_rows = 1 + 1 + (BIG_ROWS if big is not None else 1) + (1 if progress.plain else 0)
    fixed_rows += (
        1 + wrapped_rows(footer.plain.splitlines(), width) + 1 + 1
    )  # bar, footer, keys, rule
    notice_text = Text(notice, style="yellow") if notice else None
    notice_rows = wrapped_rows([notice], width) if notice else 0
    if notice_text is not None and fixed_rows + notice_rows <= height:
        fixed_rows += notice_rows
    else:
        notice_text = None
    extras, extra_rows = coach_extras.extras(state, item, width, height - fixed_rows)
    fixed_rows += extra_rows
    # The picture, when it and every step fit; then steps fill whatever room is left,
    # and a tall screen gets every cue and the stop list.
    room = height - fixed_rows
    frame = coach_frame(state)
    art: Text | None = None
    if frame is not None and width >= MIN_WIDTH and big is not None:
        lines = frame_lines(frame, ascii_only)
        step_rows = sum(wrapped_rows([step], width - 3) for step in exercise.steps)
        if len(lines) + 1 + step_rows <= room and max(map(len, lines), default=0) <= width:
            art = frame_text(frame, ascii_only)
            room -= len(lines) + 1
    steps = Table.grid(padding=(0, 1, 0, 0))
    steps.add_column(justify="right", no_wrap=True)
    steps.add_column()
    used = 0
    for n, step in enumerate(exercise.steps, 1):
        rows = wrapped_rows([step], width - 3)
        if used + rows > room:
            break
        used += rows
        steps.add_row(f"{n}.", step, style="" if transition else "dim")
    if steps.row_count == len(exercise.steps) and not transition:
        extras = coach_extras.to_spare(state, extras, width, room - used)
    body: list[RenderableType] = [top]
    if art is not None:
        body.append(art)
    if steps.row_count:
        body.append(steps)
    body += [Rule(style="dim"), *middle, bar, *extras, footer, keys]
    if notice_text is not None:
        body.append(notice_text)
    return Group(*body)


class LiveScreen:
    """A Rich ``Live`` on the alternate screen, redrawn only when asked.

    ``notice`` (the stop rule) shows at the bottom until the first work begins; ``start``
    draws the start screen at a width and height; ``plan`` gives each exercise's note and reason.
    """

    def __init__(
        self,
        console: Console | None = None,
        notice: str | None = None,
        ascii_art: bool = False,
        start: Callable[[int, int], RenderableType] | None = None,
        plan: Plan | None = None,
    ) -> None:
        self.console = console or SafeConsole(highlight=False)
        self._live: Live | None = None
        self._notice = notice
        self._ascii = wants_ascii(self.console, ascii_art)
        self._start = start
        self._plan = plan

    def open(self) -> None:
        self._live = Live(
            console=self.console,
            auto_refresh=False,
            screen=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._live.start()

    def draw(self, state: SessionState) -> None:
        if self._live is None:
            return
        if state.kind is not PhaseKind.TRANSITION and state.kind is not PhaseKind.GET_READY:
            self._notice = None
        size = self.console.size
        item = None
        if self._plan is not None and state.exercise is not None:
            item = self._plan.items[state.item_index]
        screen = coach_screen(state, size.width, size.height, self._notice, self._ascii, item=item)
        self._live.update(screen, refresh=True)

    def draw_start(self) -> None:
        if self._live is not None and self._start is not None:
            size = self.console.size
            self._live.update(self._start(size.width, size.height), refresh=True)

    def bell(self) -> None:
        self.console.bell()

    def close(self) -> None:
        if self._live is not None:
            live, self._live = self._live, None
            live.stop()
