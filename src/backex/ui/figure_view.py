"""Exercise figures in the terminal: captioned frames, side by side when they fit.

Heavy lines (the limb that moves) are drawn bold as well as heavy, so the cue survives
a terminal without colour; ``not-this`` frames carry a "Not this" caption in words.
"""

import re
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from backex.catalogue.figures import CAPTIONS, Frame, FrameLabel, to_ascii, trimmed

# Below this many columns the figures are left out and a note says so.
MIN_WIDTH = 40
GAP = 3
HEAVY = "━┃┏┓┗┛┳┻┯┷┰┸┍┑┕┙┎┒┖┚=H#"
_RUNS = re.compile(f"[{HEAVY}]+|[^{HEAVY}]+")
NOTE = "(Figures need a window at least 40 columns wide.)"


def wants_ascii(console: Console, requested: bool = False) -> bool:
    """ASCII art when asked (``--ascii``) or when the terminal's encoding is not UTF-8."""
    return requested or not console.encoding.lower().replace("-", "").startswith("utf")


def frame_lines(frame: Frame, ascii_only: bool) -> list[str]:
    """The frame's art, trimmed to its widest row, in Unicode or its ASCII stand-in."""
    rows = trimmed(frame.art)
    return [to_ascii(row) if ascii_only else row for row in rows]


def caption(frame: Frame) -> str:
    """The words above a frame: "Start", "End", "Other side", "Not this (x)"."""
    text = CAPTIONS[frame.label]
    return f"{text} (x)" if frame.label is FrameLabel.NOT_THIS else text


def frame_text(frame: Frame, ascii_only: bool, rows: int = 0) -> Text:
    """One frame as Rich text: a bold caption, then the art with heavy lines in bold.

    The art is pushed down to ``rows`` rows, so frames side by side share a floor line.
    """
    text = Text(caption(frame), style="bold")
    lines = frame_lines(frame, ascii_only)
    text.append("\n" * max(0, rows - len(lines)))
    for row in lines:
        text.append("\n")
        for run in _RUNS.findall(row):
            text.append(run, style="bold" if run[0] in HEAVY else "")
    return text


def _width(frame: Frame) -> int:
    return max([len(caption(frame)), *(len(row) for row in trimmed(frame.art))])


def figure_block(
    frames: Sequence[Frame], width: int, ascii_only: bool = False, inset: int = 0
) -> RenderableType | None:
    """``frames`` in rows that fit a ``width``-column terminal, less ``inset`` for borders.

    None without frames; a one-line note instead when the terminal is under 40 columns.
    """
    if not frames:
        return None
    if width < MIN_WIDTH:
        return Text(NOTE, style="dim")
    width -= inset
    rows: list[list[Frame]] = [[]]
    used = 0
    for frame in frames:
        need = _width(frame) + (GAP if rows[-1] else 0)
        if rows[-1] and used + need > width:
            rows.append([])
            need, used = _width(frame), 0
        rows[-1].append(frame)
        used += need
    parts: list[RenderableType] = []
    for row in rows:
        grid = Table.grid(padding=(0, GAP, 0, 0))
        for frame in row:
            grid.add_column(no_wrap=True, min_width=_width(frame))
        rows_used = max(len(frame_lines(frame, ascii_only)) for frame in row)
        grid.add_row(*(frame_text(frame, ascii_only, rows_used) for frame in row))
        parts += [Text("")] if parts else []
        parts.append(grid)
    return Group(*parts)


def gallery(exercises: Sequence[tuple[str, Sequence[Frame]]], ascii_only: bool) -> Group:
    """Every frame of every exercise, with each frame's alt text, for review."""
    parts: list[RenderableType] = []
    for title, frames in exercises:
        parts.append(Text(title, style="bold underline"))
        for frame in frames:
            parts.append(frame_text(frame, ascii_only))
            parts.append(Text(f"Alt: {frame.alt}", style="italic"))
            parts.append(Text(""))
    return Group(*parts)
