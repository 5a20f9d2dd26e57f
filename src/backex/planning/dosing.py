"""Each picked exercise's starting dose for today: the catalogue's, or adapted from history.

The planner calls :func:`starting_dose` for every exercise it picks, before fitting the
session to the time budget. The history comes in as data (:class:`DoseHistory`, read by
the caller), so this stays pure. The rules themselves are :func:`backex.care.rules.adjust_dose`
(progress after three good sessions, ease off after a red light or spreading symptoms);
this module keeps their result inside the session: a variant above ``--level`` or one
already in the plan is not used, and the dose of the exercise itself changes instead.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from backex.care.rules import Change, ExerciseLookup, Light, PastResult, adjust_dose
from backex.catalogue.exercise import Dose, Exercise

CATALOGUE_DOSE = "catalogue dose"


class Progression(StrEnum):
    """What the routine may do with a clinician's dose (a plan file's ``progression``).

    OFF: exactly as written, always (plan files v1, and the default). HOLD: as written,
    but ease off after a red light or spreading symptoms last time. AUTO: the history's
    rules (ease off, and progress) from the written dose.
    """

    AUTO = "auto"
    HOLD = "hold"
    OFF = "off"


class _NoVariants:
    """A prescribed exercise stays itself: only its dose may change."""

    def find(self, query: str) -> Exercise | None:
        return None


@dataclass(frozen=True, slots=True)
class DoseHistory:
    """What the history says: recent results per exercise id, newest first; the last light."""

    recent: Mapping[str, Sequence[PastResult]] = field(default_factory=dict)
    last_light: Light | None = None


@dataclass(frozen=True, slots=True)
class StartingDose:
    exercise: Exercise  # the picked exercise, or the variant chosen for it
    dose: Dose
    reason: str


@dataclass(frozen=True, slots=True)
class _Within:
    """The catalogue without variants above ``max_level`` or already in the session."""

    catalogue: ExerciseLookup
    max_level: int
    taken: Collection[str]

    def find(self, query: str) -> Exercise | None:
        found = self.catalogue.find(query)
        if found is None or found.level > self.max_level or found.id in self.taken:
            return None
        return found


def starting_dose(
    exercise: Exercise,
    catalogue: ExerciseLookup,
    history: DoseHistory | None,
    max_level: int,
    taken: Collection[str] = (),
) -> StartingDose:
    """Today's exercise, dose and reason; ``taken``: ids already in the session."""
    if history is None:
        return StartingDose(exercise, exercise.dose, CATALOGUE_DOSE)
    recent = history.recent.get(exercise.id, ())
    choice = adjust_dose(exercise, catalogue, recent, history.last_light)
    note = ""
    if choice.exercise_id != exercise.id:
        variant = catalogue.find(choice.exercise_id)
        too_hard = variant is not None and variant.level > max_level
        if too_hard or choice.exercise_id in taken:
            choice = adjust_dose(
                exercise, _Within(catalogue, max_level, taken), recent, history.last_light
            )
            if too_hard and variant is not None and choice.change is Change.KEEP:
                note = (
                    f" (its harder variant {variant.name} is level {variant.level}: "
                    f"--level {variant.level} offers it)"
                )
    chosen = catalogue.find(choice.exercise_id) or exercise
    return StartingDose(chosen, choice.dose, choice.reason + note)


def prescribed_dose(
    exercise: Exercise, dose: Dose, history: DoseHistory | None, progression: Progression
) -> tuple[Dose, str]:
    """Today's dose of a prescribed exercise and why ("" when it is as written).

    Never a variant: the clinician chose the exercise. HOLD judges only the last session,
    from the written dose, so it eases off but never goes up; AUTO applies the history's
    rules from the last dose planned.
    """
    if history is None or progression is Progression.OFF:
        return dose, ""
    recent = list(history.recent.get(exercise.id, ()))
    if progression is Progression.HOLD:
        recent = [replace(recent[0], planned=dose)] if recent else []
    choice = adjust_dose(replace(exercise, dose=dose), _NoVariants(), recent, history.last_light)
    if choice.dose == dose:
        return dose, ""
    return choice.dose, choice.reason
