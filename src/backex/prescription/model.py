"""Prescriptions: a clinician's plan file, validated and turned into a session plan.

A plan file is YAML (see ``examples/`` and :mod:`backex.prescription.schema`)::

    name: Early McKenzie extension
    prescribed_by: A. Physio            # optional
    notes: ...                          # optional, shown on the handout
    frequency: 3x-daily                 # daily | 3x-daily | every-2h | [mon, wed, fri]
    exercises:
      - id: prone-press-up              # a catalogue id, or one from custom_exercises
        dose: {reps: 8}                 # optional overrides of the catalogue dose
        note: Keep your hips down.      # optional
      - prone-lying                     # just the id: the catalogue dose
    custom_exercises: [...]             # optional, the catalogue's exercise schema

Public API (for ``routine --plan``, ``plan new``, handouts, reminders and history):

- :func:`~backex.prescription.loader.load_prescription` reads and validates a file
  against a catalogue and returns a :class:`Prescription` (raises
  :class:`~backex.errors.CatalogueError`, one located ``file:line:col: field.path:
  message`` line per problem).
- :func:`prescription_to_plan` gives the :class:`~backex.planning.plan.Plan` to coach: every item
  in block MAIN at the prescribed dose, ``reason`` "prescribed" or
  "prescribed (override: reps 8)", ``note`` the entry's note, ``Plan.name`` the plan's.
- :class:`Frequency` says how often: :meth:`Frequency.sessions_on` a date and
  :attr:`Frequency.sessions_per_week` are what adherence is measured against.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from backex.care.rules import DEFAULT_MAX_PAIN
from backex.catalogue.exercise import Dose, Exercise, Focus, Movement, pattern_of
from backex.planning.dosing import DoseHistory, Progression, prescribed_dose
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.timing import item_estimates
from backex.prescription.frequency import (
    EVERY_2H_FIRST_HOUR,
    EVERY_2H_LAST_HOUR,
    FREQUENCY_CHOICES,
    Frequency,
    FrequencyKind,
    Weekday,
    parse_frequency,
)

__all__ = [
    "DEFAULT_MAX_PAIN",
    "EVERY_2H_FIRST_HOUR",
    "EVERY_2H_LAST_HOUR",
    "FREQUENCY_CHOICES",
    "Clinic",
    "Frequency",
    "FrequencyKind",
    "PrescribedExercise",
    "Prescription",
    "Progression",
    "RedFlagsReview",
    "Weekday",
    "parse_frequency",
    "prescription_to_plan",
]


@dataclass(frozen=True, slots=True)
class Clinic:
    """Who to contact: the clinic's name and phone, as the plan file writes them."""

    name: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class RedFlagsReview:
    """When and by whom the red-flag questions were last reviewed with the patient."""

    on: date
    by: str


@dataclass(frozen=True, slots=True)
class PrescribedExercise:
    """One entry: the exercise, its dose with overrides applied, and what was overridden."""

    exercise: Exercise
    dose: Dose
    overrides: tuple[tuple[str, str], ...] = ()  # (field, value as written), file order
    note: str = ""
    written_as: str = ""  # the name or alias the file used, when not the id

    @property
    def reason(self) -> str:
        """ "prescribed" or "prescribed (override: reps 8, hold_s 10)"."""
        if not self.overrides:
            return "prescribed"
        return f"prescribed (override: {', '.join(f'{k} {v}' for k, v in self.overrides)})"


@dataclass(frozen=True, slots=True)
class Prescription:
    """A validated plan file."""

    name: str
    frequency: Frequency
    entries: tuple[PrescribedExercise, ...]
    prescribed_by: str = ""
    notes: str = ""
    source: str = ""  # the file it was read from, as given
    version: int = 1  # 2 when the file says ``version: 2``
    patient: str = ""
    clinic: Clinic | None = None
    review_on: date | None = None
    max_pain: int = DEFAULT_MAX_PAIN
    progression: Progression = Progression.OFF
    avoid: tuple[Movement, ...] = ()
    red_flags_reviewed: RedFlagsReview | None = None

    def review_due(self, today: date) -> str:
        """A sentence about the review date, or "" when the plan gives none."""
        return review_sentence(self.review_on, today) if self.review_on else ""


def review_sentence(review_on: date, today: date) -> str:
    """ "Your review is due on Monday 3 November 2025." (or today, or was due)."""
    when = f"{review_on:%A} {review_on.day} {review_on:%B %Y}"
    if today > review_on:
        return f"Your review was due on {when}: contact your clinician."
    if today == review_on:
        return "Your review is due today."
    return f"Your review is due on {when}."


# A clinician chose these doses; the history's progression and easing off do not apply.
KEPT_AS_PRESCRIBED = "kept as your clinician set it, not adapted"


def prescription_to_plan(prescription: Prescription, history: DoseHistory | None = None) -> Plan:
    """The session to coach: the entries in file order, block MAIN, prescribed doses.

    With ``history``, the plan's ``progression`` may change a dose (see
    :func:`~backex.planning.dosing.prescribed_dose`); ``off`` keeps every dose as written.
    """
    doses = []
    for entry in prescription.entries:
        dose, why = prescribed_dose(entry.exercise, entry.dose, history, prescription.progression)
        kept = KEPT_AS_PRESCRIBED if prescription.progression is Progression.OFF else "as written"
        doses.append((dose, f"{entry.reason}: {why}" if why else f"{entry.reason}: {kept}"))
    estimates = item_estimates(
        [
            (dose, pattern_of(e.exercise, dose))
            for (dose, _), e in zip(doses, prescription.entries, strict=True)
        ]
    )
    items = tuple(
        PlannedItem(
            exercise=entry.exercise,
            dose=dose,
            block=Block.MAIN,
            est_s=est_s,
            reason=reason,
            note=entry.note,
        )
        for entry, (dose, reason), est_s in zip(prescription.entries, doses, estimates, strict=True)
    )
    exercises = [entry.exercise for entry in prescription.entries]
    return Plan(
        items=items,
        focus=_unique(f for e in exercises for f in e.focus),
        max_level=max(e.level for e in exercises),
        name=prescription.name,
        max_pain=prescription.max_pain,
        review_on=prescription.review_on,
        notes=prescription.notes,
    )


def _unique(values: Iterable[Focus]) -> tuple[Focus, ...]:
    return tuple(dict.fromkeys(values))
