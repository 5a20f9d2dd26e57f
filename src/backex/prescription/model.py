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
from enum import StrEnum

from backex.catalogue.exercise import Dose, Exercise, Focus
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.timing import item_estimates


class Weekday(StrEnum):
    """A day of the week as plan files write it; order follows ``date.weekday()``."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"


class FrequencyKind(StrEnum):
    """How often a plan is done; WEEKDAYS means once on each listed day."""

    DAILY = "daily"
    THREE_TIMES_DAILY = "3x-daily"
    EVERY_2H = "every-2h"
    WEEKDAYS = "weekdays"


# "Every two hours" is read as daytime only: 08:00 to 20:00 inclusive, 7 sessions. The
# McKenzie press-up source gives "6-8 times a day (every 2 hours)"; 7 sits inside that.
EVERY_2H_FIRST_HOUR = 8
EVERY_2H_LAST_HOUR = 20

FREQUENCY_CHOICES = "daily, 3x-daily, every-2h, or a list of weekdays such as [mon, wed, fri]"


@dataclass(frozen=True, slots=True)
class Frequency:
    """How often the plan is done: a kind, and for WEEKDAYS the days (week order)."""

    kind: FrequencyKind
    weekdays: tuple[Weekday, ...] = ()

    @property
    def sessions_per_day(self) -> int:
        """Sessions on a day the plan is done."""
        if self.kind is FrequencyKind.THREE_TIMES_DAILY:
            return 3
        if self.kind is FrequencyKind.EVERY_2H:
            return (EVERY_2H_LAST_HOUR - EVERY_2H_FIRST_HOUR) // 2 + 1
        return 1

    @property
    def days(self) -> tuple[Weekday, ...]:
        """The weekdays the plan is done on (all seven unless WEEKDAYS)."""
        return self.weekdays if self.kind is FrequencyKind.WEEKDAYS else tuple(Weekday)

    @property
    def sessions_per_week(self) -> int:
        """Target sessions in a full week."""
        return self.sessions_per_day * len(self.days)

    def sessions_on(self, day: date) -> int:
        """Target sessions on ``day`` (0 on a rest day)."""
        return self.sessions_per_day if list(Weekday)[day.weekday()] in self.days else 0

    def describe(self) -> str:
        """Plain words: "once a day", "3 times a day", "Mon, Wed and Fri"."""
        if self.kind is FrequencyKind.DAILY:
            return "once a day"
        if self.kind is FrequencyKind.THREE_TIMES_DAILY:
            return "3 times a day"
        if self.kind is FrequencyKind.EVERY_2H:
            return (
                f"every 2 hours from {EVERY_2H_FIRST_HOUR:02d}:00 to {EVERY_2H_LAST_HOUR:02d}:00 "
                f"({self.sessions_per_day} times a day)"
            )
        names = [day.value.capitalize() for day in self.weekdays]
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        return f"once a day on {listed}"

    def to_yaml(self) -> str:
        """The value as a plan file writes it: ``3x-daily`` or ``[mon, wed, fri]``."""
        if self.kind is FrequencyKind.WEEKDAYS:
            return f"[{', '.join(self.weekdays)}]"
        return self.kind.value


def parse_frequency(value: object) -> Frequency:
    """A plan file's ``frequency`` value; ValueError with the valid choices otherwise."""
    if isinstance(value, str):
        if value in (FrequencyKind.DAILY, FrequencyKind.THREE_TIMES_DAILY, FrequencyKind.EVERY_2H):
            return Frequency(FrequencyKind(value))
        raise ValueError(f"unknown frequency {value!r}; use {FREQUENCY_CHOICES}")
    if isinstance(value, list | tuple):
        if not value:
            raise ValueError("give at least one weekday, e.g. [mon, wed, fri]")
        days: set[Weekday] = set()
        valid = ", ".join(Weekday)
        for item in value:
            if not isinstance(item, str) or item.lower() not in set(Weekday):
                raise ValueError(f"unknown weekday {item!r}; use {valid}")
            days.add(Weekday(item.lower()))
        return Frequency(FrequencyKind.WEEKDAYS, tuple(d for d in Weekday if d in days))
    raise ValueError(f"must be {FREQUENCY_CHOICES}")


@dataclass(frozen=True, slots=True)
class PrescribedExercise:
    """One entry: the exercise, its dose with overrides applied, and what was overridden."""

    exercise: Exercise
    dose: Dose
    overrides: tuple[tuple[str, str], ...] = ()  # (field, value as written), file order
    note: str = ""

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


# A clinician chose these doses; the history's progression and easing off do not apply.
KEPT_AS_PRESCRIBED = "kept as your clinician set it, not adapted"


def prescription_to_plan(prescription: Prescription) -> Plan:
    """The session to coach: the entries in file order, block MAIN, prescribed doses."""
    estimates = item_estimates([entry.dose for entry in prescription.entries])
    items = tuple(
        PlannedItem(
            exercise=entry.exercise,
            dose=entry.dose,
            block=Block.MAIN,
            est_s=est_s,
            reason=f"{entry.reason}: {KEPT_AS_PRESCRIBED}",
            note=entry.note,
        )
        for entry, est_s in zip(prescription.entries, estimates, strict=True)
    )
    exercises = [entry.exercise for entry in prescription.entries]
    return Plan(
        items=items,
        focus=_unique(f for e in exercises for f in e.focus),
        max_level=max(e.level for e in exercises),
        name=prescription.name,
    )


def _unique(values: Iterable[Focus]) -> tuple[Focus, ...]:
    return tuple(dict.fromkeys(values))
