"""Exercise figures: small hand-drawn line pictures kept as data in the catalogue.

A figure is a few frames (start, end, other side, not-this), each a grid of at most
:data:`MAX_ROWS` rows of :data:`MAX_COLUMNS` characters drawn from one small vocabulary
(:data:`STROKES`): light lines for the body at rest, heavy lines for the limb that moves,
a head, a floor, arrows. Every character of the vocabulary has one ASCII stand-in (for
``--ascii`` and non-UTF-8 terminals) and one set of vector strokes (for the handout's
SVG), so a drawing that passes the schema renders everywhere.
"""

from dataclasses import dataclass
from enum import StrEnum

MAX_ROWS = 5
MAX_COLUMNS = 36
MAX_ALT = 160


class FrameLabel(StrEnum):
    """What a frame shows."""

    START = "start"
    END = "end"
    OTHER_SIDE = "other side"
    NOT_THIS = "not-this"


# How each label is captioned for a person.
CAPTIONS = {
    FrameLabel.START: "Start",
    FrameLabel.END: "End",
    FrameLabel.OTHER_SIDE: "Other side",
    FrameLabel.NOT_THIS: "Not this",
}


@dataclass(frozen=True, slots=True)
class Frame:
    """One picture: a label, rows of line art, and its text alternative."""

    label: FrameLabel
    art: tuple[str, ...]
    alt: str


# A stroke is (x1, y1, x2, y2, heavy) in a unit cell: x right, y down, 0..1.
Stroke = tuple[float, float, float, float, bool]


def _lines(spec: str, heavy: bool) -> tuple[Stroke, ...]:
    """Arms of a box-drawing character from the centre: l(eft), r(ight), u(p), d(own)."""
    ends = {"l": (0.0, 0.5), "r": (1.0, 0.5), "u": (0.5, 0.0), "d": (0.5, 1.0)}
    return tuple((0.5, 0.5, *ends[arm], heavy) for arm in spec)


# Character -> (ASCII stand-in, strokes). Heads, the floor and arrows are drawn specially
# by the SVG renderer (see ``SHAPES``); their strokes here are empty.
STROKES: dict[str, tuple[str, tuple[Stroke, ...]]] = {
    " ": (" ", ()),
    "─": ("-", _lines("lr", False)),
    "│": ("|", _lines("ud", False)),
    "╱": ("/", ((1.0, 0.0, 0.0, 1.0, False),)),
    "╲": ("\\", ((0.0, 0.0, 1.0, 1.0, False),)),
    "┌": (".", _lines("rd", False)),
    "┐": (".", _lines("ld", False)),
    "└": ("'", _lines("ru", False)),
    "┘": ("'", _lines("lu", False)),
    "╭": (".", _lines("rd", False)),
    "╮": (".", _lines("ld", False)),
    "╰": ("'", _lines("ru", False)),
    "╯": ("'", _lines("lu", False)),
    "├": ("|", _lines("udr", False)),
    "┤": ("|", _lines("udl", False)),
    "┬": ("-", _lines("lrd", False)),
    "┴": ("-", _lines("lru", False)),
    "┼": ("+", _lines("lrud", False)),
    "━": ("=", _lines("lr", True)),
    "┃": ("H", _lines("ud", True)),
    "┏": ("#", _lines("rd", True)),
    "┓": ("#", _lines("ld", True)),
    "┗": ("#", _lines("ru", True)),
    "┛": ("#", _lines("lu", True)),
    "┳": ("=", _lines("lrd", True)),
    "┻": ("=", _lines("lru", True)),
    "┯": ("=", (*_lines("lr", True), *_lines("d", False))),
    "┷": ("=", (*_lines("lr", True), *_lines("u", False))),
    "┰": ("-", (*_lines("lr", False), *_lines("d", True))),
    "┸": ("-", (*_lines("lr", False), *_lines("u", True))),
    "┍": ("#", (*_lines("r", True), *_lines("d", False))),
    "┑": ("#", (*_lines("l", True), *_lines("d", False))),
    "┕": ("#", (*_lines("r", True), *_lines("u", False))),
    "┙": ("#", (*_lines("l", True), *_lines("u", False))),
    "┎": (".", (*_lines("r", False), *_lines("d", True))),
    "┒": (".", (*_lines("l", False), *_lines("d", True))),
    "┖": ("'", (*_lines("r", False), *_lines("u", True))),
    "┚": ("'", (*_lines("l", False), *_lines("u", True))),
    "○": ("O", ()),
    "◐": ("o", ()),
    "▔": ("_", ()),
    "┄": (".", ()),
    "↑": ("^", ()),
    "↓": ("v", ()),
    "←": ("<", ()),
    "→": (">", ()),
}

# The characters the SVG renderer draws as shapes rather than strokes.
SHAPES = frozenset("○◐▔┄↑↓←→")

_TO_ASCII = str.maketrans({char: ascii_char for char, (ascii_char, _) in STROKES.items()})


def to_ascii(row: str) -> str:
    """The ASCII stand-in of one row of art (characters outside the vocabulary kept)."""
    return row.translate(_TO_ASCII)


def unknown_characters(row: str) -> list[str]:
    """Characters of ``row`` outside the drawing vocabulary, each once, in order."""
    return list(dict.fromkeys(char for char in row if char not in STROKES))


def trimmed(art: tuple[str, ...]) -> tuple[str, ...]:
    """``art`` without blank rows above or below or trailing spaces, padded to one width."""
    rows = [row.rstrip() for row in art]
    while rows and not rows[-1]:
        rows.pop()
    while rows and not rows[0]:
        rows.pop(0)
    width = max((len(row) for row in rows), default=0)
    return tuple(row.ljust(width) for row in rows)
