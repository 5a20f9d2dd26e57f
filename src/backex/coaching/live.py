"""The terminal loop around the session engine: real time, keys, sounds, drawing.

Live mode (stdin and stdout are terminals): first the start screen (today's plan, the stop
rule), and the clock starts when the person presses space or Enter (q leaves: every
exercise is recorded as quit). Then keys without Enter (cbreak), ``select()``
sleeps exactly until the session's next visible change, a key or a resize; the screen is
drawn by a :class:`Screen` the caller passes in (Rich lives in ``backex.ui``). Plain mode
(``--plain``, piped, no terminal, TERM=dumb): ``show_overview`` prints the same plan and
the session starts at once; one line per phase change and milestones,
and reads stdin only for the McKenzie question when ``CoachOptions.ask_symptoms`` is set
(the caller sets it only when stdin and stdout are terminals). Whatever happens, the
terminal settings are restored.

The McKenzie question: live, the keys 1-4 answer it; plain, a line "1" to "4"
(Enter alone or a closed stdin skips it). Each answer goes to ``on_answer``; a reason
it returns ends the session there (``Answer(stop=reason)``, a Stop that keeps the answer;
the routine stops the series when symptoms spread down the leg).
"""

import contextlib
import math
import os
import select
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TextIO

from backex.coaching.answers import ANSWER_KEYS, AnswerHook, AnswerSender
from backex.coaching.clock import ScaledClock
from backex.coaching.plain import run_plain
from backex.coaching.sound import Voice, phase_key, sound_cues
from backex.coaching.terminal import (
    KEYS,
    cbreak,
    ending_signals_interrupt,
    parse_keys,
    use_live_screen,
    wakeup_on_resize,
)
from backex.errors import BackexError
from backex.planning.plan import Plan
from backex.planning.timing import GET_READY_S
from backex.session.engine import Session
from backex.session.types import (
    Event,
    ExerciseResult,
    PhaseKind,
    Quit,
    SessionOptions,
    SessionState,
    SessionSummary,
    SkipReason,
    Stop,
    Tick,
)

START_KEYS = (b" ", b"\r", b"\n")
FIRST_GET_READY_S = 15  # after "press space": time to get down onto the floor


class Screen(Protocol):
    """What the live loop needs from a renderer."""

    def open(self) -> None: ...
    def draw_start(self) -> None: ...
    def draw(self, state: SessionState) -> None: ...
    def bell(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class CoachOptions:
    plain: bool = False
    quiet: bool = False
    voice: bool = False
    clock_scale: float = 1.0
    get_ready_s: float = GET_READY_S
    first_get_ready_s: float = FIRST_GET_READY_S  # before the first exercise: time to lie down
    ask_symptoms: bool = False  # the McKenzie question after each McKenzie exercise


@dataclass(frozen=True, slots=True)
class CoachOutcome:
    summary: SessionSummary
    interrupted: bool  # ended by Ctrl-C


def view_key(state: SessionState) -> tuple[object, ...]:
    """Everything the screen shows; redraw only when it changes."""
    return (
        state.kind,
        state.item_index,
        state.set_no,
        state.rep_no,
        state.side,
        state.step,
        math.ceil(state.remaining_s),
        math.ceil(state.time_left_s),
        state.paused,
    )


def run_routine(
    plan: Plan,
    options: CoachOptions,
    screen_factory: Callable[[], Screen],
    warn: Callable[[str], None],
    on_exercise_end: Callable[[ExerciseResult], None] | None = None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    *,
    first_item: int = 0,
    on_answer: AnswerHook | None = None,
    show_overview: Callable[[], None] | None = None,
) -> CoachOutcome:
    """Coach ``plan`` in real time until it ends, the person quits, or Ctrl-C.

    ``first_item`` is the plan position to start at (``--resume``); ``on_answer`` sees
    each answer to the McKenzie question and may return a reason to stop the session;
    ``show_overview`` prints today's plan in plain mode (live, the screen draws it).
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if stdout is None:  # started with stdout closed (>&-)
        raise BackexError("standard output is closed, so there is nowhere to coach you")
    session = Session(
        plan,
        SessionOptions(
            get_ready_s=options.get_ready_s,
            first_get_ready_s=options.first_get_ready_s,
            ask_symptoms=options.ask_symptoms,
        ),
        on_exercise_end=on_exercise_end,
    )
    answer = AnswerSender(session, on_answer)
    clock = ScaledClock(options.clock_scale)
    voice = Voice(warn) if options.voice and not options.quiet else None
    live = use_live_screen(options.plain, stdin, stdout)
    interrupted = False
    try:
        with ending_signals_interrupt():
            if live:
                screen = screen_factory()
                _run_live(session, clock, screen, stdin, voice, options.quiet, answer, first_item)
            else:
                if show_overview is not None:
                    show_overview()
                session.start(clock(), first_item)
                run_plain(session, clock, stdout, stdin, voice, options.quiet, answer)
    except KeyboardInterrupt:
        interrupted = True
        if not session.started:
            session.start(clock(), first_item)
        if not session.done:
            session.handle(Stop(clock(), SkipReason.INTERRUPTED))
    finally:
        if voice is not None:
            voice.close()
    summary = session.summary
    assert summary is not None  # both loops run until the session has ended
    return CoachOutcome(summary, interrupted)


def _run_live(
    session: Session,
    clock: ScaledClock,
    screen: Screen,
    stdin: TextIO,
    voice: Voice | None,
    quiet: bool,
    answer: AnswerSender,
    first_item: int,
) -> None:
    fd = stdin.fileno()
    with cbreak(fd), wakeup_on_resize() as wake_fd:
        screen.open()
        try:
            go = _wait_for_start(screen, fd, wake_fd)
            session.start(clock(), first_item)
            if not go:
                session.handle(Quit(clock()))
                return
            _live_loop(session, clock, screen, fd, wake_fd, voice, quiet, answer)
        finally:
            screen.close()


def _wait_for_start(screen: Screen, fd: int, wake_fd: int) -> bool:
    """The start screen until space or Enter (True) or q (False); the clock waits."""
    screen.draw_start()
    while True:
        ready, _, _ = select.select([wake_fd, fd], [], [])
        if wake_fd in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(wake_fd, 512)
            screen.draw_start()
        if fd in ready:
            data = os.read(fd, 64)
            if not data:
                return True  # no keys will come: coach anyway, as plain mode does
            for key in parse_keys(data):
                if key in START_KEYS:
                    return True
                if key == b"q":
                    return False


def _live_loop(
    session: Session,
    clock: ScaledClock,
    screen: Screen,
    fd: int,
    wake_fd: int,
    voice: Voice | None,
    quiet: bool,
    answer: AnswerSender,
) -> None:
    shown: tuple[object, ...] | None = None
    last_phase: tuple[object, ...] | None = None
    size = shutil.get_terminal_size()
    keys_open = True
    bell = None if quiet else screen.bell

    def show(state: SessionState, force: bool = False) -> None:
        nonlocal shown, last_phase
        sound_cues(state, phase_key(state) != last_phase, clock, bell, voice)
        last_phase = phase_key(state)
        key = view_key(state)
        if force or key != shown:
            screen.draw(state)
            shown = key

    def apply(event: Event) -> SessionState:
        state = session.handle(event)
        show(state)
        return state

    state = session.state
    show(state, force=True)
    while not state.done:
        timeout = None
        if state.next_deadline is not None:
            timeout = clock.real_seconds(state.next_deadline - clock())
        watched = [wake_fd, fd] if keys_open else [wake_fd]
        ready, _, _ = select.select(watched, [], [], timeout)
        if wake_fd in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(wake_fd, 512)
            new_size = shutil.get_terminal_size()
            if new_size != size:
                size = new_size
                show(state, force=True)
        if fd in ready:
            data = os.read(fd, 64)
            if not data:
                keys_open = False  # the terminal went away; carry on counting
            for key in parse_keys(data):
                action = KEYS.get(key)
                if state.kind is PhaseKind.QUESTION and key in ANSWER_KEYS:
                    state = answer.send(ANSWER_KEYS[key], clock())
                    show(state)
                elif action is not None:
                    state = apply(action(clock()))
                if state.done:
                    return
        state = apply(Tick(clock()))
