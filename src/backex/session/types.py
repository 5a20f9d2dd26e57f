"""The vocabulary of a coached session: phases, cues, events in, snapshots and results out.

Plain frozen records shared by the engine (:mod:`backex.session.engine`), the terminal loop
(:mod:`backex.coaching.live`), the screen and whoever records results.
"""

from dataclasses import dataclass
from enum import StrEnum

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose, Exercise
from backex.planning.timing import GET_READY_S, SWITCH_SIDES_S, TRANSITION_S


class SkipReason(StrEnum):
    """Why an exercise was not done in full, or a session ended early.

    The values are what the history stores, so they never change (history schema 3
    renamed the older "skipped" and "symptoms spread down the leg").
    """

    NEXT = "next"  # the person moved on (n)
    QUIT = "quit"  # q
    INTERRUPTED = "interrupted"  # Ctrl-C, or the terminal closed / the process was ended
    SYMPTOMS = "symptoms"  # the McKenzie answer stopped the series: symptoms spread
    TIME = "time"  # stopped for lack of time


class PhaseKind(StrEnum):
    """What the person is doing now."""

    TRANSITION = "transition"
    GET_READY = "get-ready"
    WORK = "work"
    SWITCH_SIDES = "switch-sides"
    REST = "rest"
    QUESTION = "question"  # the McKenzie symptom question: no deadline, the clock waits
    DONE = "done"


class Step(StrEnum):
    """Where in a counted rep (or a plain hold) the work is."""

    LIFT = "lift"
    HOLD = "hold"
    LOWER = "lower"


class Side(StrEnum):
    RIGHT = "right"
    LEFT = "left"


class CueKind(StrEnum):
    """Moments worth a sound or a spoken word."""

    EXERCISE_START = "exercise-start"
    WORK_START = "work-start"
    HOLD_END = "hold-end"
    COUNTDOWN = "countdown"  # value: 3, 2, 1
    HALFWAY = "halfway"
    SWITCH_SIDES = "switch-sides"
    REST = "rest"
    EXERCISE_END = "exercise-end"
    QUESTION = "question"  # a question waits for an answer
    DONE = "done"


@dataclass(frozen=True, slots=True)
class CueEvent:
    """A moment that happened at (ideal) time ``at``."""

    kind: CueKind
    at: float
    value: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    """One timed piece of an exercise."""

    kind: PhaseKind
    duration: float
    set_no: int = 0
    rep_no: int | None = None
    side: Side | None = None
    step: Step | None = None
    text: str = ""  # the cue of the moment ("knees to the left"); empty: the phase's own
    ends_rep: bool = False  # the last part of a counted rep
    ends_set: bool = False  # the last work of a set (on the last side)


@dataclass(frozen=True, slots=True)
class PhaseStart:
    """A segment and the ideal time it began (for tests and history)."""

    at: float
    item: int
    kind: PhaseKind
    set_no: int = 0
    rep_no: int | None = None
    side: Side | None = None
    step: Step | None = None


@dataclass(frozen=True, slots=True)
class ExerciseResult:
    """What was done of one planned exercise."""

    exercise_id: str
    sets_done: int
    reps_done: int  # every rep counted, over all sets and sides
    seconds_done: float  # time in work (not get-ready, rest or pauses)
    skipped: bool
    skip_reason: SkipReason | None
    started_at: float
    ended_at: float
    index: int = 0  # position in the plan
    symptoms: Symptoms | None = None  # the answer to the McKenzie question, if asked


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """The end of a session: the latest result of every exercise."""

    results: tuple[ExerciseResult, ...]
    started_at: float
    ended_at: float
    stop_reason: SkipReason | None = None  # set when the session ended early

    @property
    def done(self) -> int:
        return sum(not r.skipped for r in self.results)

    @property
    def skipped(self) -> int:
        return sum(r.skipped for r in self.results)

    @property
    def time_taken_s(self) -> float:
        return self.ended_at - self.started_at


@dataclass(frozen=True, slots=True)
class SessionState:
    """A snapshot of everything a screen or a voice needs, at time ``now``."""

    kind: PhaseKind
    now: float
    item_index: int
    item_count: int
    exercise: Exercise | None
    dose: Dose | None
    set_no: int
    set_count: int
    rep_no: int | None
    rep_count: int | None
    side: Side | None
    step: Step | None
    cue: str
    remaining_s: float
    phase_s: float
    time_left_s: float
    elapsed_s: float
    paused: bool
    next_up: Exercise | None
    events: tuple[CueEvent, ...]
    next_deadline: float | None
    side_text: str = ""  # the side in the exercise's words: "right leg", "knees to the left"

    @property
    def done(self) -> bool:
        return self.kind is PhaseKind.DONE


# Events -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tick:
    now: float


@dataclass(frozen=True, slots=True)
class Pause:
    now: float


@dataclass(frozen=True, slots=True)
class Resume:
    now: float


@dataclass(frozen=True, slots=True)
class TogglePause:
    now: float


@dataclass(frozen=True, slots=True)
class Next:
    now: float


@dataclass(frozen=True, slots=True)
class Back:
    now: float


@dataclass(frozen=True, slots=True)
class Quit:
    now: float


@dataclass(frozen=True, slots=True)
class Stop:
    now: float
    reason: SkipReason


@dataclass(frozen=True, slots=True)
class Answer:
    """The answer to the question the session is waiting on (ignored at other times).

    ``stop``: end the session with this reason once the answer is recorded, as a Stop
    would, without starting the next exercise first.
    """

    now: float
    symptoms: Symptoms
    stop: SkipReason | None = None


Event = Tick | Pause | Resume | TogglePause | Next | Back | Quit | Stop | Answer


@dataclass(frozen=True, slots=True)
class SessionOptions:
    get_ready_s: float = GET_READY_S
    first_get_ready_s: float | None = None  # before the first exercise; None: get_ready_s
    transition_s: float = TRANSITION_S
    switch_s: float = SWITCH_SIDES_S
    # Ask where symptoms went after each McKenzie exercise (a QUESTION phase).
    ask_symptoms: bool = False
