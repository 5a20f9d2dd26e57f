"""The summary: names from the plan, reps per side, reasons in words."""

import io

import pytest
from helpers.routine import make_exercise, make_plan_of
from rich.console import Console

from backex.catalogue.exercise import Dose, Limb, Pattern
from backex.session.engine import Session
from backex.session.types import Back, Next, Quit, SkipReason, Stop, Tick
from backex.ui.summary_view import summary_view

# march: get ready 0-5, work 5-45 (five reps each side, 2 s up, 2 s down);
# my-stretch: next up 45-55, get ready 55-60, a 30 s hold 60-90.
PLAN = make_plan_of(
    make_exercise("march", Dose(reps=5, per_side=True), pattern=Pattern.ALTERNATE, limb=Limb.LEG),
    make_exercise("my-stretch", Dose(hold_s=30)),
)


def render(renderable: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined, no-any-return]


def rows(out: str) -> list[str]:
    return [" ".join(line.split()) for line in out.splitlines()]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (  # b on "Next up", then q: the march stays done, five each side
            [Tick(47), Back(47), Quit(48)],
            [
                "Session ended early: you quit.",
                "Exercise Result Sets Reps Work",
                "March done 1 5 each side 0:40",
                "My stretch skipped: you quit 0 - 0:00",
                "Done 1 · skipped 1 · time taken 0:48",
            ],
        ),
        (  # n mid-march: part done, in words
            [Next(13)],
            [
                "Session complete.",
                "Exercise Result Sets Reps Work",
                "March part done: you moved on 0 1 each side 0:08",
                "My stretch done 1 - 0:30",
                "Done 1 · skipped 1 · time taken 0:58",
            ],
        ),
        (  # Ctrl-C
            [Stop(65, SkipReason.INTERRUPTED)],
            [
                "Session ended early: interrupted.",
                "Exercise Result Sets Reps Work",
                "March done 1 5 each side 0:40",
                "My stretch part done: interrupted 0 - 0:05",
                "Done 1 · skipped 1 · time taken 1:05",
            ],
        ),
    ],
    ids=["b-then-q", "n-mid-set", "ctrl-c"],
)
def test_summary_in_words(keys: list[object], expected: list[str]) -> None:
    session = Session(PLAN)
    session.start(0.0)
    for key in keys:
        session.handle(key)  # type: ignore[arg-type]
    session.tick(1000.0)
    summary = session.summary
    assert summary is not None
    assert rows(render(summary_view(summary, PLAN, 80), 80)) == expected


def test_narrow_summary_stacks_one_line_per_exercise() -> None:
    session = Session(PLAN)
    session.start(0.0)
    session.tick(47)
    session.handle(Quit(47))
    summary = session.summary
    assert summary is not None
    assert rows(render(summary_view(summary, PLAN, 40), 40)) == [
        "Session ended early: you quit.",
        "✓ March: done",
        "x My stretch: skipped: you quit",
        "Done 1 · skipped 1 · time taken 0:47",
    ]
