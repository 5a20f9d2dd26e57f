"""A planned session: which exercises, in which order, at which dose, and why."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from backex.care.rules import DEFAULT_MAX_PAIN
from backex.catalogue.exercise import Dose, Exercise, Focus


class Block(StrEnum):
    """The part of a session an item belongs to."""

    WARM_UP = "warm-up"
    MAIN = "main"
    COOL_DOWN = "cool-down"


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """One exercise in a session at the dose chosen for today."""

    exercise: Exercise
    dose: Dose
    block: Block
    est_s: int
    reason: str = ""  # why this dose: "catalogue dose", "trimmed to fit 10 min", ...
    note: str = ""  # a prescriber's note for this exercise, if any
    # The dose before trimming to fit the time (catalogue, progressed or clinician's);
    # None: ``dose`` itself. Progression starts from this, never from a trimmed dose.
    prescribed: Dose | None = None

    @property
    def baseline(self) -> Dose:
        """The prescribed (or progressed) dose, trimmed or not today."""
        return self.prescribed or self.dose


@dataclass(frozen=True, slots=True)
class Plan:
    """An ordered session plan and what it was made from."""

    items: tuple[PlannedItem, ...]
    focus: tuple[Focus, ...] = ()
    max_level: int = 1
    minutes: int | None = None
    seed: int | None = None
    name: str = ""  # the plan file's name when coached from a prescription
    max_pain: int = DEFAULT_MAX_PAIN  # the plan file's limit: the pain light turns red above it
    review_on: date | None = None  # the plan file's review date
    dropped: tuple[str, ...] = ()  # ids left out to fit the time budget
    notes: str = ""  # the clinician's notes for the whole plan, when coached from one
    left_out: tuple[tuple[str, str], ...] = ()  # (id, reason): not for this person today
    care_notes: tuple[str, ...] = ()  # one-line care advice shown with the plan

    @property
    def total_s(self) -> int:
        """Estimated duration of the whole session, in seconds."""
        return sum(item.est_s for item in self.items)
