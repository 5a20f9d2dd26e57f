"""Exercise figures as inline SVG for the handout: vector strokes, no fonts, no files.

Each character cell of a frame's art is 10 x 20 units, the shape of a terminal cell, so
the picture on paper is the one on screen with clean lines: light strokes for the body,
heavy strokes for the limb that moves, a grey floor, arrows with heads.
"""

from html import escape

from backex.catalogue.figures import CAPTIONS, STROKES, Frame, trimmed
from backex.text import visible

CELL_W = 10
CELL_H = 20
LIGHT = 2.4
HEAVY = 5.5
MIN_COLUMNS = 24
MM_PER_COLUMN = 1.6  # 36 columns print 57.6 mm wide: three frames fit a row of A4
MIN_MM = 45


def _fmt(value: float) -> str:
    return f"{value:g}"


def _segment(col: int, row: int, x1: float, y1: float, x2: float, y2: float) -> str:
    ax, ay = (col + x1) * CELL_W, (row + y1) * CELL_H
    bx, by = (col + x2) * CELL_W, (row + y2) * CELL_H
    return f"M{_fmt(ax)} {_fmt(ay)}L{_fmt(bx)} {_fmt(by)}"


# Arrow characters: the shaft's direction (dx, dy) in a unit cell.
_ARROWS = {"↑": (0.0, -1.0), "↓": (0.0, 1.0), "←": (-1.0, 0.0), "→": (1.0, 0.0)}


def _arrow(col: int, row: int, dx: float, dy: float) -> str:
    cx, cy = (col + 0.5) * CELL_W, (row + 0.5) * CELL_H
    half = 0.5 * CELL_W if dx else 0.45 * CELL_H
    tip_x, tip_y = cx + dx * half, cy + dy * half
    tail_x, tail_y = cx - dx * half, cy - dy * half
    side = 4.0
    # The two barbs sit back from the tip, either side of the shaft.
    bx, by = tip_x - dx * 5, tip_y - dy * 5
    return (
        f"M{_fmt(tail_x)} {_fmt(tail_y)}L{_fmt(tip_x)} {_fmt(tip_y)}"
        f"M{_fmt(bx + dy * side)} {_fmt(by + dx * side)}L{_fmt(tip_x)} {_fmt(tip_y)}"
        f"L{_fmt(bx - dy * side)} {_fmt(by - dx * side)}"
    )


def _paths(rows: tuple[str, ...]) -> tuple[list[str], list[str], list[str], list[str]]:
    """Path data: light strokes, heavy strokes, the floor, and shapes (heads)."""
    light: list[str] = []
    heavy: list[str] = []
    floor: list[str] = []
    shapes: list[str] = []
    for row_index, row in enumerate(rows):
        for col, char in enumerate(row):
            for x1, y1, x2, y2, is_heavy in STROKES[char][1]:
                (heavy if is_heavy else light).append(_segment(col, row_index, x1, y1, x2, y2))
            cx, cy = (col + 0.5) * CELL_W, (row_index + 0.5) * CELL_H
            if char == "▔":
                floor.append(_segment(col, row_index, 0, 0.15, 1, 0.15))
            elif char == "┄":
                light.append(_segment(col, row_index, 0.1, 0.5, 0.4, 0.5))
                light.append(_segment(col, row_index, 0.6, 0.5, 0.9, 0.5))
            elif char in _ARROWS:
                heavy.append(_arrow(col, row_index, *_ARROWS[char]))
            elif char == "○":
                shapes.append(f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="7"/>')
            elif char == "◐":
                shapes.append(f'<circle cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="7"/>')
                shapes.append(
                    f'<path d="M{_fmt(cx)} {_fmt(cy - 7)}A7 7 0 0 0 {_fmt(cx)} '
                    f'{_fmt(cy + 7)}Z" fill="currentColor"/>'
                )
    return light, heavy, floor, shapes


def frame_svg(frame: Frame, title: str, ident: str) -> str:
    """One frame as an ``<svg role="img">`` with ``<title>`` and ``<desc>`` (the alt text).

    ``title`` names the exercise; ``ident`` makes the element ids unique in the page.
    """
    rows = trimmed(frame.art)
    columns = max(MIN_COLUMNS, max((len(row) for row in rows), default=0))
    width, height = columns * CELL_W, len(rows) * CELL_H
    printed_mm = max(MIN_MM, columns * MM_PER_COLUMN)
    light, heavy, floor, shapes = _paths(rows)
    heading = escape(visible(f"{title}: {CAPTIONS[frame.label].lower()}"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="figure-art" '
        f'viewBox="0 0 {width} {height}" width="{_fmt(printed_mm)}mm" '
        f'aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{heading}</title>',
        f'<desc id="{ident}-desc">{escape(visible(frame.alt))}</desc>',
        '<g fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round">',
    ]
    if floor:
        parts.append(f'<path d="{"".join(floor)}" stroke="#777" stroke-width="3"/>')
    if light:
        parts.append(f'<path d="{"".join(light)}" stroke-width="{LIGHT}"/>')
    if heavy:
        parts.append(f'<path d="{"".join(heavy)}" stroke-width="{HEAVY}"/>')
    parts.extend(f'<g stroke-width="{LIGHT}">{shape}</g>' for shape in shapes)
    parts.extend(["</g>", "</svg>"])
    return "".join(parts)
