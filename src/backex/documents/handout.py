"""The content of a printable home-exercise handout, before any format is chosen.

:func:`build_handout` turns a :class:`~backex.planning.plan.Plan` and a
:class:`~backex.prescription.model.Frequency` into a :class:`Handout`;
:mod:`backex.documents.handout_render` writes it as Markdown or HTML. For a prescription, use
:func:`handout_for_prescription`.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from backex.care import safety
from backex.catalogue.exercise import Dose, format_dose
from backex.planning.plan import Plan
from backex.prescription.model import (
    EVERY_2H_FIRST_HOUR,
    Frequency,
    FrequencyKind,
    Prescription,
    prescription_to_plan,
)

TRACKED_DAYS = 14


@dataclass(frozen=True, slots=True)
class SafetyText:
    """The warning signs that mean urgent care instead of exercise, and how to exercise."""

    title: str
    emergency_intro: str
    emergency: tuple[str, ...]
    emergency_advice: str
    urgent_intro: str
    urgent: tuple[str, ...]
    urgent_advice: str
    rules: tuple[str, ...]
    sources: str


def safety_text() -> SafetyText:
    """The handout's safety box, taken whole from :mod:`backex.care.safety` (one source)."""
    return SafetyText(
        title="Stop and get urgent help",
        emergency_intro=safety.EMERGENCY_INTRO,
        emergency=safety.signs(safety.Urgency.EMERGENCY),
        emergency_advice=safety.EMERGENCY_ADVICE,
        urgent_intro=safety.SAME_DAY_INTRO,
        urgent=safety.signs(safety.Urgency.SAME_DAY),
        urgent_advice=safety.SAME_DAY_ADVICE,
        rules=safety.RULES_OF_PRACTICE,
        sources="; ".join(dict.fromkeys((*safety.SOURCES, *safety.RULES_SOURCES))),
    )


SAFETY = safety_text()


@dataclass(frozen=True, slots=True)
class HandoutExercise:
    """One exercise as the sheet shows it."""

    number: int
    name: str
    dose: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    cautions: tuple[str, ...]
    stop_if: tuple[str, ...]
    note: str = ""
    equipment: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TickGrid:
    """One column per day, one row per session; rest days have no boxes."""

    days: tuple[date, ...]
    sessions: tuple[str, ...]
    active: tuple[bool, ...]  # per day: False on a rest day


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything a printed home-exercise sheet shows."""

    title: str
    issued: date
    frequency: str
    minutes: int
    exercises: tuple[HandoutExercise, ...]
    grid: TickGrid
    prescribed_by: str = ""
    notes: str = ""
    safety: SafetyText = SAFETY


def describe_dose(dose: Dose) -> str:
    """The dose in words, with the tempo when one is prescribed."""
    text = format_dose(dose)
    if dose.rest_s and dose.sets > 1:
        text += f", {dose.rest_s} s rest between sets"
    if dose.tempo:
        text += f"; lift {dose.tempo.lift_s} s, lower {dose.tempo.lower_s} s"
    return text


def session_labels(frequency: Frequency) -> tuple[str, ...]:
    """Row labels for the tick grid: "Done", three times of day, or the 2-hourly times."""
    if frequency.kind is FrequencyKind.THREE_TIMES_DAILY:
        return ("Morning", "Midday", "Evening")
    if frequency.kind is FrequencyKind.EVERY_2H:
        count = frequency.sessions_per_day
        return tuple(f"{EVERY_2H_FIRST_HOUR + 2 * i:02d}:00" for i in range(count))
    return ("Done",)


def tick_grid(frequency: Frequency, start: date, days: int = TRACKED_DAYS) -> TickGrid:
    """``days`` columns from ``start``; rest days (by weekday) are inactive."""
    dates = tuple(start + timedelta(days=i) for i in range(days))
    return TickGrid(
        days=dates,
        sessions=session_labels(frequency),
        active=tuple(frequency.sessions_on(d) > 0 for d in dates),
    )


def build_handout(
    plan: Plan,
    frequency: Frequency,
    *,
    title: str,
    issued: date,
    prescribed_by: str = "",
    notes: str = "",
) -> Handout:
    """The handout for ``plan`` done at ``frequency``, dated ``issued``."""
    exercises = tuple(
        HandoutExercise(
            number=number,
            name=item.exercise.name,
            dose=describe_dose(item.dose),
            steps=item.exercise.steps,
            cues=item.exercise.cues,
            cautions=item.exercise.cautions,
            stop_if=item.exercise.stop_if,
            note=item.note,
            equipment=tuple(str(e) for e in item.exercise.equipment),
            sources=item.exercise.sources,
        )
        for number, item in enumerate(plan.items, start=1)
    )
    return Handout(
        title=title,
        issued=issued,
        frequency=frequency.describe(),
        minutes=max(1, -(-plan.total_s // 60)),
        exercises=exercises,
        grid=tick_grid(frequency, issued),
        prescribed_by=prescribed_by,
        notes=notes,
    )


def handout_for_prescription(prescription: Prescription, issued: date) -> Handout:
    """The handout for a validated plan file."""
    return build_handout(
        prescription_to_plan(prescription),
        prescription.frequency,
        title=prescription.name,
        issued=issued,
        prescribed_by=prescription.prescribed_by,
        notes=prescription.notes,
    )
