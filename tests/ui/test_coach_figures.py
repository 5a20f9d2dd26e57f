"""The live coach's picture: start while getting ready, end while working, dropped first."""

import io

import pytest
from rich.console import Console

from backex.catalogue.exercise import Focus
from backex.catalogue.loader import load_catalogue
from backex.planning.planner import make_plan
from backex.planning.selection import Restrictions
from backex.session.engine import Session
from backex.session.types import Next, PhaseKind, SessionState
from backex.ui.coach_view import coach_screen
from backex.ui.figure_view import wants_ascii


def render(renderable: object, width: int, height: int) -> str:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    console.print(renderable)
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(out, str)
    return out


# one rung per ladder: without the pelvic tilt the bridge takes its place (third)
BRIDGE_RUNG = Restrictions(excluded={"pelvic-tilt": "the bridge rung for these tests"})


def bridge_at(kind: PhaseKind) -> SessionState:
    session = Session(make_plan(load_catalogue(), [Focus.CORE], restrictions=BRIDGE_RUNG))
    state = session.start(0.0)
    session.handle(Next(0.0))
    state = session.handle(Next(0.0))  # bridge, in its transition
    while state.kind is not kind:
        assert state.next_deadline is not None
        state = session.tick(state.next_deadline)
    assert state.exercise is not None and state.exercise.id == "bridge"
    return state


@pytest.mark.parametrize(
    ("kind", "caption", "art"),
    [
        (PhaseKind.GET_READY, "Start", " ○───────────────    ╲─"),
        (PhaseKind.WORK, "End", "       ┏━━━━━┛      ╲"),
    ],
)
@pytest.mark.parametrize("width", [80, 40])
def test_the_frame_follows_the_phase(kind: PhaseKind, caption: str, art: str, width: int) -> None:
    out = render(coach_screen(bridge_at(kind), width, 40), width, 40)
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[1].rstrip() == caption
    assert art in lines
    assert len(lines) <= 40 and all(len(line) <= width for line in lines)


def test_ascii_only_draws_the_stand_in() -> None:
    out = render(coach_screen(bridge_at(PhaseKind.WORK), 80, 40, ascii_only=True), 80, 40)
    assert "       #=====#      \\" in [line.rstrip() for line in out.splitlines()]
    assert "┏" not in out


def test_a_short_screen_drops_the_picture_before_the_steps_and_the_timer() -> None:
    tall = render(coach_screen(bridge_at(PhaseKind.WORK), 80, 24), 80, 24)
    assert tall.splitlines()[1].rstrip() == "End"
    out = render(coach_screen(bridge_at(PhaseKind.WORK), 80, 21), 80, 21)
    assert "End" not in [line.rstrip() for line in out.splitlines()]
    assert "1. Lie on your back with knees bent and feet flat, hip-width apart." in out
    assert "█" in out  # the large countdown stays


@pytest.mark.parametrize(
    ("encoding", "requested", "expected"),
    [
        ("utf-8", False, False),
        ("UTF8", False, False),
        ("latin-1", False, True),
        ("ascii", False, True),
        ("utf-8", True, True),
    ],
)
def test_ascii_when_asked_or_when_the_terminal_is_not_utf8(
    encoding: str, requested: bool, expected: bool
) -> None:
    stream = io.TextIOWrapper(io.BytesIO(), encoding=encoding)
    assert wants_ascii(Console(file=stream), requested) is expected


def test_the_left_side_shows_the_other_side_frame_when_there_is_one() -> None:
    session = Session(make_plan(load_catalogue(), [Focus.CORE], restrictions=BRIDGE_RUNG))
    state = session.start(0.0)  # lower trunk rotation: end, then other side
    seen: list[str] = []
    while state.item_index == 0 and state.next_deadline is not None:
        if state.kind is PhaseKind.WORK:
            out = render(coach_screen(state, 80, 40), 80, 40)
            seen.append(f"{state.side} {out.splitlines()[1].rstrip()}")
        state = session.tick(state.next_deadline)
    assert set(seen) == {"right End", "left Other side"}
