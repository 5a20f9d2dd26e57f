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
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from backex.care.mckenzie import (
    SYMPTOM_CHOICES,
    SYMPTOM_QUESTION,
    SymptomAdvice,
    Symptoms,
    symptom_rule,
)
from backex.care.pain import (
    DEFAULT_MAX_PAIN,
    PAIN_MAX,
    PAIN_MIN,
    Light,
    PainAdvice,
    light_of,
    parse_pain,
    traffic_light,
)
from backex.catalogue.exercise import Dose, Exercise, MoveUp

__all__ = [
    "DEFAULT_MAX_PAIN",
    "PAIN_MAX",
    "PAIN_MIN",
    "SYMPTOM_CHOICES",
    "SYMPTOM_QUESTION",
    "Change",
    "DoseChoice",
    "Light",
    "PainAdvice",
    "PastResult",
    "SymptomAdvice",
    "Symptoms",
    "adjust_dose",
    "full_dose",
    "good_days",
    "good_session",
    "parse_pain",
    "symptom_rule",
    "traffic_light",
]

GOOD_DAYS = 3  # good sessions on this many different days before moving up
EASE_OFF_REPS = 2  # the mirror of NHS inform's "add 1-2"

# How far each exercise may grow, and when its harder variant follows, is catalogue data:
# ``Exercise.move_up`` (revision 2: "criteria are catalogue data").


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
    # Logged with ``backex done``, not coached: its pain counts (a red light eases off),
    # but it never sets the dose nor counts as a good day toward moving up.
    self_reported: bool = False

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
    LONGER_HOLD = "longer-hold"
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
    """One step up: a longer hold, then one more rep, then (every target met) the harder
    variant; all from the exercise's ``move_up`` (its source: ``backex show``). Without
    one, the dose stays."""
    why = f"{GOOD_DAYS} good days (green, full dose)"
    move_up = exercise.move_up
    if move_up is None:
        reason = f"{why}; keeping this dose: no source says how to move it up"
        return DoseChoice(exercise.id, dose, Change.KEEP, reason)
    if move_up.hold_s is not None and dose.hold_s is not None and dose.hold_s < move_up.hold_s:
        return _longer_hold(exercise, dose, move_up, why)
    if move_up.reps is not None and dose.reps is not None and dose.reps < move_up.reps:
        reason = f"{why}: +1 rep, up to {move_up.reps}"
        return DoseChoice(exercise.id, replace(dose, reps=dose.reps + 1), Change.MORE_REPS, reason)
    harder = _variant(exercise.harder, catalogue)
    if harder is not None:
        reason = f"{why} at the top of the range: try the harder variant {harder.name}"
        return DoseChoice(harder.id, harder.dose, Change.HARDER, reason)
    reason = f"{why}; keeping this dose: the top of its sourced range"
    return DoseChoice(exercise.id, dose, Change.KEEP, reason)


def _longer_hold(exercise: Exercise, dose: Dose, move_up: MoveUp, why: str) -> DoseChoice:
    assert dose.hold_s is not None and move_up.hold_s is not None and move_up.hold_step_s
    hold = min(move_up.hold_s, dose.hold_s + move_up.hold_step_s)
    sets = dose.sets
    if move_up.total_s is not None:  # fewer sets of longer holds, within the total
        sets = max(1, min(sets, move_up.total_s // hold))
    reason = f"{why}: hold {dose.hold_s} -> {hold} s"
    if sets != dose.sets:
        reason += f", {sets} set{'s' if sets > 1 else ''}"
    reason += f", up to {move_up.hold_s} s"
    longer = replace(dose, hold_s=hold, sets=sets)
    return DoseChoice(exercise.id, longer, Change.LONGER_HOLD, reason)


def good_session(result: PastResult) -> bool:
    """Coached, green light, the full dose, and no McKenzie answer that holds the dose
    back; a self-reported session is never a good one (nobody saw the dose done)."""
    if result.self_reported:
        return False
    light = light_of(result.pain_before, result.pain_after)
    held = result.symptoms is not None and symptom_rule(result.symptoms).hold_progress
    return light is Light.GREEN and full_dose(result) and not held


def good_days(recent: Sequence[PastResult], dose: Dose) -> int:
    """Different days with a good session at ``dose`` since it was last changed.

    Self-reported results are passed over: they neither count nor mark a change."""
    days: set[date] = set()
    for result in recent:  # newest first: stop at the change
        if result.self_reported:
            continue
        if result.baseline != dose:
            break
        if good_session(result):
            days.add(result.started_at.date())
    return len(days)


def adjust_dose(
    exercise: Exercise,
    catalogue: ExerciseLookup,
    recent: Sequence[PastResult],
    last_light: Light | None = None,
) -> DoseChoice:
    """Next time's exercise and dose from ``recent`` results of it, newest first.

    The current dose is the one planned last time (the catalogue's when there is no
    history). Ease off only after a rise in pain (a red light, or an amber that had not
    settled by the next morning) or symptoms that spread down the leg last time: the
    easier variant, else 2 fewer reps, one set fewer, or a hold half as long. Move up after
    good sessions (:func:`good_session`) on :data:`GOOD_DAYS` different days at the current
    dose: several sessions on one day count once, and 3 different days since the change
    means at least 2 days have passed since it. Up, by the exercise's ``move_up``: a longer
    hold, then +1 rep, then the harder variant once every target is met. A "worse in the
    back" McKenzie answer last time holds the dose.
    Self-reported results (``backex done``) never move the dose up or set it: the dose is
    the last coached one; but ``last_light`` includes them, so a red one eases off.
    """
    recent = [result for result in recent if not result.self_reported]
    dose = recent[0].baseline if recent else exercise.dose
    if last_light is Light.RED:
        return _ease_off(exercise, dose, catalogue, "pain rose last session")
    if recent and recent[0].symptoms is Symptoms.PERIPHERALISING:
        return _ease_off(exercise, dose, catalogue, "symptoms spread down the leg last time")
    if not recent:
        return DoseChoice(exercise.id, dose, Change.KEEP, "catalogue dose")
    if recent[0].symptoms is Symptoms.WORSE:
        return DoseChoice(exercise.id, dose, Change.KEEP, "same dose: worse in the back last time")
    days = good_days(recent, dose)
    if days >= GOOD_DAYS:
        return _progress(exercise, dose, catalogue)
    return DoseChoice(
        exercise.id,
        dose,
        Change.KEEP,
        f"same dose: {days} of {GOOD_DAYS} good days at it so far",
    )
