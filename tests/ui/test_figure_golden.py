"""Golden files pin every frame: its terminal rendering at 80 and 40 columns, and its SVG.

A changed drawing changes its golden file; look at the new picture (``backex show
--all-figures``, ``scripts/figure_gallery.py``) before accepting it with
``BACKEX_UPDATE_GOLDEN=1 pytest tests/ui/test_figure_golden.py``.
"""

import io
import os
from pathlib import Path

import pytest
from rich.console import Console

from backex.catalogue.loader import load_catalogue
from backex.documents.figure_svg import frame_svg
from backex.ui.figure_view import figure_block

GOLDEN = Path(__file__).parent.parent / "golden" / "figures"
EXERCISES = load_catalogue().exercises
FRAMES = [(e, i) for e in EXERCISES for i in range(len(e.figures))]


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("BACKEX_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed"


def terminal(block: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(block)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


@pytest.mark.parametrize("width", [80, 40])
@pytest.mark.parametrize(("exercise", "index"), FRAMES, ids=lambda v: getattr(v, "id", str(v)))
def test_each_frame_in_the_terminal(exercise: object, index: int, width: int) -> None:
    frame = exercise.figures[index]  # type: ignore[attr-defined]
    text = terminal(figure_block([frame], width), width)
    ascii_text = terminal(figure_block([frame], width, ascii_only=True), width)
    assert ascii_text.isascii()
    check(f"{exercise.id}-{index + 1}-{width}.txt", text + "\n" + ascii_text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("exercise", "index"), FRAMES, ids=lambda v: getattr(v, "id", str(v)))
def test_each_frame_as_svg(exercise: object, index: int) -> None:
    frame = exercise.figures[index]  # type: ignore[attr-defined]
    svg = frame_svg(frame, exercise.name, f"f-{index + 1}")  # type: ignore[attr-defined]
    check(f"{exercise.id}-{index + 1}.svg", svg + "\n")  # type: ignore[attr-defined]


def test_every_golden_file_belongs_to_a_frame() -> None:
    names = {f"{e.id}-{i + 1}{end}" for e, i in FRAMES for end in ("-80.txt", "-40.txt", ".svg")}
    assert {p.name for p in GOLDEN.iterdir()} == names
