"""The terminal loop around the session engine: real time, keys, sounds, drawing.

Live mode (stdin and stdout are terminals): keys without Enter (cbreak), ``select()``
sleeps exactly until the session's next visible change, a key or a resize; the screen is
drawn by a :class:`Screen` the caller passes in (Rich lives in ``backex.ui``). Plain mode
(``--plain``, piped, no terminal, TERM=dumb): one line per phase change and milestones,
and reads stdin only for the McKenzie question when ``CoachOptions.ask_symptoms`` is set
(the caller sets it only when stdin and stdout are terminals). Whatever happens, the
terminal settings are restored.

The McKenzie question: live, the keys 1/2/3 answer it; plain, a line "1", "2" or "3"
(Enter alone or a closed stdin skips it). Each answer goes to ``on_answer``; a reason
it returns ends the session there (``Answer(stop=reason)``, a Stop that keeps the answer;
the routine stops the series when symptoms spread down the leg).
"""

import contextlib
import math
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from types import FrameType
from typing import Protocol, TextIO

from backex.care.rules import SYMPTOM_CHOICES, SYMPTOM_QUESTION, Symptoms
from backex.errors import BackexError, UsageError
from backex.planning.plan import Plan
from backex.planning.timing import GET_READY_S, tempo_of
from backex.session.engine import Session
from backex.session.types import (
    Answer,
    Back,
    CueEvent,
    CueKind,
    Event,
    ExerciseResult,
    Next,
    PhaseKind,
    PhaseStart,
    Quit,
    SessionOptions,
    SessionState,
    SessionSummary,
    Tick,
    TogglePause,
)

CLOCK_SCALE_ENV = "BACKEX_CLOCK_SCALE"
STALE_CUE_S = 1.0  # real seconds after which a missed cue is not sounded any more
KEYS: dict[bytes, type[Next | Back | Quit | TogglePause]] = {
    b" ": TogglePause,
    b"p": TogglePause,
    b"n": Next,
    b"\x1b[C": Next,  # Right arrow
    b"\x1bOC": Next,
    b"b": Back,
    b"\x1b[D": Back,  # Left arrow
    b"\x1bOD": Back,
    b"q": Quit,
}
# The McKenzie question's answers, in SYMPTOM_CHOICES order: 1 same, 2 centre, 3 leg.
ANSWER_KEYS: dict[bytes, Symptoms] = {
    str(number).encode(): symptoms for number, symptoms in enumerate(SYMPTOM_CHOICES, 1)
}
BELL_CUES = {CueKind.WORK_START, CueKind.HOLD_END, CueKind.COUNTDOWN, CueKind.QUESTION}
AnswerHook = Callable[[Symptoms], str | None]


class Screen(Protocol):
    """What the live loop needs from a renderer."""

    def open(self) -> None: ...
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
    ask_symptoms: bool = False  # the McKenzie question after each McKenzie exercise


@dataclass(frozen=True, slots=True)
class CoachOutcome:
    summary: SessionSummary
    interrupted: bool  # ended by Ctrl-C


def clock_scale_from_env(environ: dict[str, str] | None = None) -> float:
    """``BACKEX_CLOCK_SCALE`` as a positive number (1 when unset)."""
    env = os.environ if environ is None else environ
    raw = env.get(CLOCK_SCALE_ENV, "").strip()
    if not raw:
        return 1.0
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"{CLOCK_SCALE_ENV} must be a positive number (like 1 or 20), not {raw!r}")
    return value


def use_live_screen(plain: bool, stdin: TextIO | None, stdout: TextIO) -> bool:
    """Live screen only with keys and a capable terminal on both ends."""
    if plain or stdin is None or os.environ.get("TERM", "") == "dumb":
        return False
    try:
        return stdin.isatty() and stdout.isatty()
    except (ValueError, OSError):  # closed streams
        return False


class ScaledClock:
    """Monotonic time, running ``scale`` times faster from the moment it is made."""

    def __init__(self, scale: float = 1.0, real: Callable[[], float] = time.monotonic) -> None:
        self.scale = scale
        self._real = real
        self._origin = real()

    def __call__(self) -> float:
        return self._origin + (self._real() - self._origin) * self.scale

    def real_seconds(self, session_seconds: float) -> float:
        return max(0.0, session_seconds / self.scale)


class Voice:
    """Speaks cues through espeak-ng (or macOS ``say``) without waiting for it."""

    def __init__(self, warn: Callable[[str], None]) -> None:
        found = shutil.which("espeak-ng")
        if found is None and sys.platform == "darwin":
            found = shutil.which("say")
        self._command = found
        self._process: subprocess.Popen[bytes] | None = None
        if found is None:
            warn(
                "--voice needs espeak-ng (or say on macOS), which is not installed; "
                "carrying on without a voice"
            )

    def say(self, text: str) -> None:
        if self._command is None or not text:
            return
        self.close()  # the newest cue matters; cut off the one still speaking
        with contextlib.suppress(OSError):
            self._process = subprocess.Popen(
                [self._command, text],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def close(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=1)


def phase_key(state: SessionState) -> tuple[object, ...]:
    """Which phase (down to the rep step) the state is in."""
    return (state.kind, state.item_index, state.set_no, state.rep_no, state.side, state.step)


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


# -- plain mode --------------------------------------------------------------------------


class PlainReporter:
    """Plain mode: one line per phase (per rep in counted work) and the milestones.

    Lines come from the session's phase log and cue events, stamped with their ideal
    times, so a late wake-up never loses or misdates a line. Countdowns share one line.
    """

    def __init__(self, out: TextIO, plan: Plan, start: float) -> None:
        self._out = out
        self._plan = plan
        self._start = start
        self._open_line = False
        self._last: tuple[object, ...] | None = None

    def _stamp(self, at: float) -> str:
        seconds = max(0, int(round(at - self._start, 6)))
        return f"[{seconds // 60:02d}:{seconds % 60:02d}]"

    def _line(self, at: float, text: str) -> None:
        end = "\n" if self._open_line else ""
        self._out.write(f"{end}{self._stamp(at)} {text}\n")
        self._open_line = False

    def report(self, phases: Sequence[PhaseStart], events: Sequence[CueEvent]) -> None:
        """Write the phases entered and the cues since the last report, in time order."""
        timeline: list[tuple[float, int, PhaseStart | CueEvent]] = [(p.at, 1, p) for p in phases]
        timeline += [(e.at, 0 if e.kind is CueKind.COUNTDOWN else 2, e) for e in events]
        for _, _, entry in sorted(timeline, key=lambda t: (t[0], t[1])):
            if isinstance(entry, PhaseStart):
                self._phase(entry)
            elif entry.kind is CueKind.COUNTDOWN:
                prefix = " " if self._open_line else f"{self._stamp(entry.at)} "
                self._out.write(f"{prefix}{entry.text}…")
                self._open_line = True
            elif entry.kind is CueKind.HALFWAY:
                self._line(entry.at, "halfway")
            elif entry.kind is CueKind.DONE:
                done = entry.text == "done, well done"
                self._line(entry.at, "Done, well done." if done else "Session ended.")
        self._out.flush()

    def _phase(self, phase: PhaseStart) -> None:
        key = (phase.item, phase.kind, phase.set_no, phase.side, phase.rep_no)
        if key == self._last or phase.kind is PhaseKind.QUESTION:  # the prompt says it
            return  # the hold and lower of a rep already announced
        self._last = key
        self._line(phase.at, plain_phase_line(phase, self._plan))

    def close(self) -> None:
        if self._open_line:
            self._out.write("\n")
            self._open_line = False
        self._out.flush()


def plain_phase_line(phase: PhaseStart, plan: Plan) -> str:
    """``Bridge — set 1/1, rep 3/5: lift 2 s, hold 5 s, lower 2 s``."""
    item = plan.items[phase.item]
    name, dose = item.exercise.name, item.dose
    where = f"({phase.item + 1} of {len(plan.items)})"
    if phase.kind is PhaseKind.TRANSITION:
        return f"Next up: {name} {where}"
    if phase.kind is PhaseKind.GET_READY:
        first = f", {phase.side} side first" if phase.side else ""
        return f"{name} {where}: get ready{first}"
    if phase.kind is PhaseKind.SWITCH_SIDES:
        return f"{name}: switch to the {phase.side} side"
    if phase.kind is PhaseKind.REST:
        return f"{name}: rest {dose.rest_s} s"
    parts = [f"set {phase.set_no}/{dose.sets}"]
    if phase.side is not None:
        parts.append(f"{phase.side} side")
    if phase.rep_no is None:
        return f"{name} — {', '.join(parts)}: hold {dose.hold_s} s"
    parts.append(f"rep {phase.rep_no}/{dose.reps}")
    tempo = tempo_of(dose)
    moves = [f"lift {tempo.lift_s} s"]
    if dose.hold_s:
        moves.append(f"hold {dose.hold_s} s")
    moves.append(f"lower {tempo.lower_s} s")
    return f"{name} — {', '.join(parts)}: {', '.join(moves)}"


# -- running ----------------------------------------------------------------------------


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
) -> CoachOutcome:
    """Coach ``plan`` in real time until it ends, the person quits, or Ctrl-C.

    ``first_item`` is the plan position to start at (``--resume``); ``on_answer`` sees
    each answer to the McKenzie question and may return a reason to stop the session.
    """
    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    if stdout is None:  # started with stdout closed (>&-)
        raise BackexError("standard output is closed, so there is nowhere to coach you")
    session = Session(
        plan,
        SessionOptions(get_ready_s=options.get_ready_s, ask_symptoms=options.ask_symptoms),
        on_exercise_end=on_exercise_end,
    )
    answer = _AnswerSender(session, on_answer)
    clock = ScaledClock(options.clock_scale)
    voice = Voice(warn) if options.voice and not options.quiet else None
    live = use_live_screen(options.plain, stdin, stdout)
    interrupted = False
    session.start(clock(), first_item)
    try:
        if live:
            _run_live(session, clock, screen_factory(), stdin, voice, options.quiet, answer)
        else:
            _run_plain(session, clock, stdout, stdin, voice, options.quiet, answer)
    except KeyboardInterrupt:
        interrupted = True
        if not session.done:
            session.handle(Quit(clock()))
    finally:
        if voice is not None:
            voice.close()
    summary = session.summary
    assert summary is not None  # both loops run until the session has ended
    return CoachOutcome(summary, interrupted)


def _sound(
    state: SessionState,
    phase_changed: bool,
    clock: ScaledClock,
    bell: Callable[[], None] | None,
    voice: Voice | None,
) -> None:
    """Bell at work start, hold end and the last seconds; speak the new cue and counts."""
    fresh = [e for e in state.events if clock.real_seconds(state.now - e.at) <= STALE_CUE_S]
    if bell is not None and any(e.kind in BELL_CUES for e in fresh):
        bell()
    if voice is None:
        return
    words = [e.text for e in fresh if e.kind is CueKind.EXERCISE_START]
    if phase_changed and not state.done:
        words.append(state.cue)
    words += [e.text for e in fresh if e.kind in (CueKind.COUNTDOWN, CueKind.HALFWAY)]
    words += [e.text for e in fresh if e.kind is CueKind.DONE]
    if words:
        voice.say(". ".join(words))


def _run_plain(
    session: Session,
    clock: ScaledClock,
    out: TextIO,
    stdin: TextIO | None,
    voice: Voice | None,
    quiet: bool,
    answer: "_AnswerSender",
) -> None:
    state = session.state
    start = state.now
    reporter = PlainReporter(out, session.plan, start)
    logged = 0
    bell_ok = not quiet and _isatty(out)

    def bell() -> None:
        out.write("\a")

    last_phase: tuple[object, ...] | None = None
    try:
        while True:
            phases = session.phase_log
            reporter.report(phases[logged:], state.events)
            logged = len(phases)
            _sound(state, phase_key(state) != last_phase, clock, bell if bell_ok else None, voice)
            last_phase = phase_key(state)
            if state.kind is PhaseKind.QUESTION:
                reporter.close()
                symptoms = ask_symptoms_line(out, stdin)
                if symptoms is None:
                    state = session.handle(Next(clock()))
                else:
                    state = answer.send(symptoms, clock())
                continue
            if state.done or state.next_deadline is None:
                break
            time.sleep(clock.real_seconds(state.next_deadline - clock()))
            state = session.tick(max(clock(), state.next_deadline))
    finally:
        reporter.close()


def ask_symptoms_line(out: TextIO, stdin: TextIO | None) -> Symptoms | None:
    """Plain mode's McKenzie question: a line 1, 2 or 3; Enter alone or no input skips."""
    choices = "".join(f"  {n} {text}\n" for n, text in enumerate(SYMPTOM_CHOICES.values(), 1))
    out.write(f"{SYMPTOM_QUESTION}\n{choices}")
    while True:
        out.write("Type 1, 2 or 3 and Enter (Enter skips): ")
        out.flush()
        line = stdin.readline() if stdin is not None else ""
        if not line:  # closed input
            out.write("\n")
            return None
        answer = ANSWER_KEYS.get(line.strip().encode())
        if answer is not None or not line.strip():
            return answer
        out.write("Please type 1, 2 or 3.\n")


class _AnswerSender:
    """Sends an answer to the session, ending it when the hook gives a reason to stop."""

    def __init__(self, session: Session, hook: AnswerHook | None) -> None:
        self._session = session
        self._hook = hook

    def send(self, symptoms: Symptoms, now: float) -> SessionState:
        reason = self._hook(symptoms) if self._hook is not None else None
        return self._session.handle(Answer(now, symptoms, stop=reason))


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):
        return False


@contextlib.contextmanager
def _cbreak(fd: int) -> Iterator[None]:
    """Keys without Enter and without echo; the old settings come back whatever happens."""
    import termios
    import tty

    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd)
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def _wakeup_on_resize() -> Iterator[int]:
    """A pipe that becomes readable on SIGWINCH (and any other signal)."""
    read_fd, write_fd = os.pipe()
    os.set_blocking(read_fd, False)
    os.set_blocking(write_fd, False)
    old_fd = signal.set_wakeup_fd(write_fd)

    def on_resize(signum: int, frame: FrameType | None) -> None:
        pass  # the wake-up byte is all that is needed

    old_handler = signal.signal(signal.SIGWINCH, on_resize)
    try:
        yield read_fd
    finally:
        signal.signal(signal.SIGWINCH, old_handler)
        signal.set_wakeup_fd(old_fd)
        os.close(read_fd)
        os.close(write_fd)


def parse_keys(data: bytes) -> list[bytes]:
    """Split a read into keys: escape sequences stay whole, everything else one byte each."""
    keys: list[bytes] = []
    i = 0
    while i < len(data):
        if data[i : i + 1] == b"\x1b" and data[i + 1 : i + 2] in (b"[", b"O"):
            keys.append(data[i : i + 3])
            i += 3
        else:
            keys.append(data[i : i + 1].lower())
            i += 1
    return keys


def _run_live(
    session: Session,
    clock: ScaledClock,
    screen: Screen,
    stdin: TextIO,
    voice: Voice | None,
    quiet: bool,
    answer: "_AnswerSender",
) -> None:
    fd = stdin.fileno()
    with _cbreak(fd), _wakeup_on_resize() as wake_fd:
        screen.open()
        try:
            _live_loop(session, clock, screen, fd, wake_fd, voice, quiet, answer)
        finally:
            screen.close()


def _live_loop(
    session: Session,
    clock: ScaledClock,
    screen: Screen,
    fd: int,
    wake_fd: int,
    voice: Voice | None,
    quiet: bool,
    answer: "_AnswerSender",
) -> None:
    shown: tuple[object, ...] | None = None
    last_phase: tuple[object, ...] | None = None
    size = shutil.get_terminal_size()
    keys_open = True
    bell = None if quiet else screen.bell

    def show(state: SessionState, force: bool = False) -> None:
        nonlocal shown, last_phase
        _sound(state, phase_key(state) != last_phase, clock, bell, voice)
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
