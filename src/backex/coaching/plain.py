"""Plain mode: one line per phase change and milestone, for pipes and dumb terminals."""

import time
from collections.abc import Sequence
from typing import TextIO

from backex.catalogue.exercise import Pattern, pattern_of
from backex.catalogue.figures import CAPTIONS, Frame
from backex.coaching.answers import AnswerSender, ask_symptoms_line
from backex.coaching.clock import ScaledClock
from backex.coaching.sound import Voice, phase_key, sound_cues
from backex.coaching.terminal import isatty
from backex.planning.plan import Plan
from backex.planning.timing import tempo_of
from backex.session.engine import Session
from backex.session.patterns import side_words
from backex.session.types import CueEvent, CueKind, Next, PhaseKind, PhaseStart
from backex.text import one_line


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
        self._pictured: set[int] = set()

    def _stamp(self, at: float) -> str:
        seconds = max(0, int(round(at - self._start, 6)))
        return f"[{seconds // 60:02d}:{seconds % 60:02d}]"

    def _line(self, at: float, text: str) -> None:
        end = "\n" if self._open_line else ""
        self._out.write(f"{end}{self._stamp(at)} {one_line(text)}\n")
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
        if phase.item not in self._pictured:  # the pictures in words, once per exercise
            self._pictured.add(phase.item)
            line = picture_line(self._plan.items[phase.item].exercise.figures)
            if line:
                self._line(phase.at, line)

    def close(self) -> None:
        if self._open_line:
            self._out.write("\n")
            self._open_line = False
        self._out.flush()


def picture_line(frames: Sequence[Frame]) -> str:
    """``Picture. Start: Lie on your back... End: ...`` (the frames' alt text), or ""."""
    said = [f"{CAPTIONS[f.label]}: {f.alt}" for f in frames]
    return "Picture. " + " ".join(said) if said else ""


def plain_phase_line(phase: PhaseStart, plan: Plan) -> str:
    """``Bridge — set 1/1, rep 3/5: lift 2 s, hold 5 s, lower 2 s``."""
    item = plan.items[phase.item]
    name, dose = item.exercise.name, item.dose
    where = f"({phase.item + 1} of {len(plan.items)})"
    if phase.kind is PhaseKind.TRANSITION:
        return f"Next up: {name} {where}"
    limb = item.exercise.limb
    side = side_words(limb, phase.side, phase.rep_no or 1) if phase.side else ""
    if phase.kind is PhaseKind.GET_READY:
        first = f", {side} first" if side else ""
        return f"{name} {where}: get ready{first}"
    if phase.kind is PhaseKind.SWITCH_SIDES:
        return f"{name}: switch to the {side}"
    if phase.kind is PhaseKind.REST:
        return f"{name}: rest {dose.rest_s} s"
    parts = [f"set {phase.set_no}/{dose.sets}"]
    if side:
        parts.append(side)
    if phase.rep_no is None:
        return f"{name} — {', '.join(parts)}: hold {dose.hold_s} s"
    parts.append(f"rep {phase.rep_no}/{dose.reps}")
    tempo = tempo_of(dose)
    rotate = pattern_of(item.exercise, dose) is Pattern.ROTATE
    moves = [f"{'roll' if rotate else 'lift'} {tempo.lift_s} s"]
    if dose.hold_s:
        moves.append(f"hold {dose.hold_s} s")
    moves.append(f"{'back to the centre' if rotate else 'lower'} {tempo.lower_s} s")
    return f"{name} — {', '.join(parts)}: {', '.join(moves)}"


def run_plain(
    session: Session,
    clock: ScaledClock,
    out: TextIO,
    stdin: TextIO | None,
    voice: Voice | None,
    quiet: bool,
    answer: AnswerSender,
) -> None:
    state = session.state
    start = state.now
    reporter = PlainReporter(out, session.plan, start)
    logged = 0
    bell_ok = not quiet and isatty(out)

    def bell() -> None:
        out.write("\a")

    last_phase: tuple[object, ...] | None = None
    try:
        while True:
            phases = session.phase_log
            reporter.report(phases[logged:], state.events)
            logged = len(phases)
            sound_cues(
                state, phase_key(state) != last_phase, clock, bell if bell_ok else None, voice
            )
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
