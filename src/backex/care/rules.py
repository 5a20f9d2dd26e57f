"""The rules that keep a session safe and let the dose grow: pure functions, no I/O.

Sources (shared/content/REFERENCES.md): the pain traffic light (Provide Physiotherapy;
Fusion Physio), the McKenzie centralisation rule, and NHS inform's "start with about 5
repetitions and add 1-2 every few days as comfortable; stop if symptoms get worse".

How the routine and the planner use this module:

- :func:`parse_pain` checks a 0-10 pain score (``--pain N``, or the prompt's answer).
- :func:`traffic_light` gives the light and advice after a session from its pain
  before/after; :attr:`Light.RED` means the *next* plan eases off.
- :func:`symptom_rule` after each McKenzie exercise; ``stop_series`` ends the series.
- :func:`adjust_dose` is what the planner calls for each exercise it picks, with the
  exercise's recent results from ``History.recent_results(exercise.id)`` and the light of
  the last session (``History.last_session_light()``); it returns the exercise (itself or
  a variant), the dose and a reason for ``--dry-run``.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from backex.catalogue.exercise import Dose, Exercise
from backex.errors import UsageError

PAIN_MIN, PAIN_MAX = 0, 10
GOOD_SESSIONS = 3  # full dose with low pain this many times in a row before progressing
PROGRESS_MAX_PAIN = 3
EASE_OFF_REPS = 2  # the mirror of NHS inform's "add 1-2"

# The top of each exercise's sourced rep range (REFERENCES.md, "Typical starting doses").
# Progression never adds reps beyond these; an exercise not listed gets no extra reps
# (only its harder variant), because no source gives it a range.
REP_CEILINGS: dict[str, tuple[int, str]] = {
    "lower-trunk-rotation": (10, 'NHS, "Lower back pain exercises": 8-10 times'),
    "supine-marches": (20, "517transformed.com: at 20 per side, add a heel tap out"),
    "bridge": (10, "Mount Nittany Health: 5-10 reps"),
    "prone-opposite-arm-leg-lift": (5, "ohse.in (nearest analogue): 5 reps"),
    "quadruped-opposite-arm-leg-lift": (10, "protectyourback101.com: 10 reps each side"),
    "prone-press-up": (10, "Whole Health; Axial Spine: 10 reps"),
    "standing-extension": (5, "NHS inform: 5 reps"),
}


# Clinical rules: 4-5 acceptable if it settles within 24 hours, 6 or more too much. A
# plan file's max_pain replaces it.
DEFAULT_MAX_PAIN = 5


class Light(StrEnum):
    """The pain traffic light."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True, slots=True)
class PainAdvice:
    light: Light
    advice: str


def parse_pain(text: str) -> int:
    """A whole number 0-10, or UsageError saying what is allowed."""
    value = text.strip()
    if not value.isdigit() or not PAIN_MIN <= int(value) <= PAIN_MAX:
        raise UsageError(f"pain must be a whole number from {PAIN_MIN} to {PAIN_MAX}, not {text!r}")
    return int(value)


def traffic_light(
    pain_before: int | None, pain_after: int | None, max_pain: int = DEFAULT_MAX_PAIN
) -> PainAdvice | None:
    """0-3 green; 4 to ``max_pain`` amber (fine if it settles in 24 h); above ``max_pain``
    or a rise of 2+ red. None: no score. ``max_pain`` is the plan's limit (default 5)."""
    known = [p for p in (pain_before, pain_after) if p is not None]
    if not known:
        return None
    worst = max(known)
    rise = pain_after - pain_before if pain_after is not None and pain_before is not None else 0
    if worst > max_pain or rise >= 2:
        why = f"pain is {max_pain + 1} or more" if worst > max_pain else f"pain rose by {rise}"
        return PainAdvice(
            Light.RED,
            f"Ease off: {why}. Rest today and try again tomorrow; the next plan uses easier "
            "variants or fewer reps. If symptoms get worse or a new pain starts, stop and "
            "see a GP or physiotherapist.",
        )
    if worst >= 4:
        upto = "4" if max_pain == 4 else f"4-{max_pain}"
        return PainAdvice(
            Light.AMBER,
            f"Pain of {upto} is acceptable if it settles within 24 hours. If it does not, "
            "ease off next time.",
        )
    return PainAdvice(Light.GREEN, f"Pain of 0-{min(3, max_pain)} is fine. Keep going as planned.")


class Symptoms(StrEnum):
    """Where McKenzie symptoms went during an exercise."""

    SAME = "same"
    CENTRALISING = "centralising"  # moving toward the centre of the back
    PERIPHERALISING = "peripheralising"  # spreading down the leg


SYMPTOM_QUESTION = "Your symptoms since this exercise:"
SYMPTOM_CHOICES: dict[Symptoms, str] = {
    Symptoms.SAME: "stayed the same",
    Symptoms.CENTRALISING: "moved toward the centre of the back",
    Symptoms.PERIPHERALISING: "spread further down the leg",
}


@dataclass(frozen=True, slots=True)
class SymptomAdvice:
    stop_series: bool
    advice: str


def symptom_rule(symptoms: Symptoms) -> SymptomAdvice:
    """The McKenzie rule: centralising is good, peripheralising stops the series."""
    if symptoms is Symptoms.PERIPHERALISING:
        return SymptomAdvice(
            True,
            "Stop the McKenzie series: pain spreading down the leg is the sign to stop. "
            "Lie face down and relax (prone lying), and see a GP or physiotherapist.",
        )
    if symptoms is Symptoms.CENTRALISING:
        return SymptomAdvice(
            False, "Pain moving toward the centre of your back is the expected good sign."
        )
    return SymptomAdvice(False, "Carry on, moving slowly.")


@dataclass(frozen=True, slots=True)
class PastResult:
    """One earlier performance of an exercise and its session's pain scores."""

    started_at: datetime
    planned: Dose
    sets_done: int
    reps_done: int | None
    seconds_done: int | None
    skipped: bool
    symptoms: Symptoms | None
    pain_before: int | None
    pain_after: int | None
    prescribed: Dose | None = None  # before trimming to fit the time; None: ``planned``

    @property
    def baseline(self) -> Dose:
        """The dose progression starts from: never a dose trimmed to fit the time."""
        return self.prescribed or self.planned


def full_dose(result: PastResult) -> bool:
    """Every prescribed set and rep (or the whole hold); a trimmed session is not in full."""
    planned = result.baseline
    if result.skipped or result.sets_done < planned.sets:
        return False
    if planned.reps is not None:
        return (result.reps_done or 0) >= planned.reps
    return (result.seconds_done or 0) >= (planned.hold_s or 0)


class Change(StrEnum):
    KEEP = "keep"
    MORE_REPS = "more-reps"
    HARDER = "harder"
    FEWER = "fewer"
    EASIER = "easier"


@dataclass(frozen=True, slots=True)
class DoseChoice:
    """The exercise to do next time (itself or a variant), its dose, and why."""

    exercise_id: str
    dose: Dose
    change: Change
    reason: str


class ExerciseLookup(Protocol):
    def find(self, query: str) -> Exercise | None: ...


def _variant(ids: Sequence[str], catalogue: ExerciseLookup) -> Exercise | None:
    for variant_id in ids:
        found = catalogue.find(variant_id)
        if found is not None:
            return found
    return None


def _ease_off(exercise: Exercise, dose: Dose, catalogue: ExerciseLookup, why: str) -> DoseChoice:
    easier = _variant(exercise.easier, catalogue)
    if easier is not None:
        reason = f"{why}: easier variant {easier.name}"
        return DoseChoice(easier.id, easier.dose, Change.EASIER, reason)
    if dose.reps is not None and dose.reps > 1:
        reps = max(1, dose.reps - EASE_OFF_REPS)
        reason = f"{why}: {dose.reps - reps} fewer reps"
        return DoseChoice(exercise.id, replace(dose, reps=reps), Change.FEWER, reason)
    if dose.sets > 1:
        reason = f"{why}: one set fewer"
        return DoseChoice(exercise.id, replace(dose, sets=dose.sets - 1), Change.FEWER, reason)
    if dose.hold_s is not None and dose.hold_s > 1:
        hold = dose.hold_s // 2
        reason = f"{why}: hold shortened to {hold} s"
        return DoseChoice(exercise.id, replace(dose, hold_s=hold), Change.FEWER, reason)
    reason = f"{why}: already the smallest dose; skip it if it hurts and retry tomorrow"
    return DoseChoice(exercise.id, dose, Change.KEEP, reason)


def _progress(exercise: Exercise, dose: Dose, catalogue: ExerciseLookup) -> DoseChoice:
    why = f"full dose with pain {PROGRESS_MAX_PAIN} or less in the last {GOOD_SESSIONS} sessions"
    ceiling = REP_CEILINGS.get(exercise.id)
    if dose.reps is not None and ceiling is not None and dose.reps < ceiling[0]:
        reason = (
            f"{why}: +1 rep (NHS inform allows 1-2; backex adds 1), "
            f"at most {ceiling[0]} ({ceiling[1]})"
        )
        return DoseChoice(exercise.id, replace(dose, reps=dose.reps + 1), Change.MORE_REPS, reason)
    harder = _variant(exercise.harder, catalogue)
    if harder is not None:
        reason = f"{why}: try the harder variant {harder.name}"
        return DoseChoice(harder.id, harder.dose, Change.HARDER, reason)
    if ceiling is None:
        top = "no source gives a range for more reps"
    else:
        top = f"at the top of the sourced range ({ceiling[1]})"
    return DoseChoice(exercise.id, dose, Change.KEEP, f"{why}; keeping this dose: {top}")


def _low_pain(result: PastResult) -> bool:
    known = [p for p in (result.pain_before, result.pain_after) if p is not None]
    return result.pain_after is not None and max(known) <= PROGRESS_MAX_PAIN


def adjust_dose(
    exercise: Exercise,
    catalogue: ExerciseLookup,
    recent: Sequence[PastResult],
    last_light: Light | None = None,
) -> DoseChoice:
    """Next time's exercise and dose from ``recent`` results of it, newest first.

    The current dose is the one planned last time (the catalogue's when there is no
    history). Ease off after a red light in the last session or symptoms that spread
    down the leg last time: the easier variant, else 2 fewer reps, one set fewer, or a
    hold half as long. Progress after :data:`GOOD_SESSIONS` sessions in a row at the
    current dose done in full with pain of 3 or less (before and after, and an after
    score given): +1 rep up to the sourced ceiling, then the harder variant.
    """
    dose = recent[0].baseline if recent else exercise.dose
    if last_light is Light.RED:
        return _ease_off(exercise, dose, catalogue, "pain was too high last session")
    if recent and recent[0].symptoms is Symptoms.PERIPHERALISING:
        return _ease_off(exercise, dose, catalogue, "symptoms spread down the leg last time")
    if not recent:
        return DoseChoice(exercise.id, dose, Change.KEEP, "catalogue dose")
    same_dose = [r for r in recent[:GOOD_SESSIONS] if r.baseline == dose]
    good = [r for r in same_dose if full_dose(r) and _low_pain(r)]
    if len(good) == GOOD_SESSIONS:
        return _progress(exercise, dose, catalogue)
    return DoseChoice(
        exercise.id,
        dose,
        Change.KEEP,
        f"same as last time ({len(good)} of {GOOD_SESSIONS} sessions in a row at this dose "
        f"done in full with pain {PROGRESS_MAX_PAIN} or less)",
    )
