"""The content of a printable home-exercise handout, before any format is chosen.

:func:`build_handout` turns a :class:`~backex.plan.Plan` and a
:class:`~backex.prescription.Frequency` into a :class:`Handout`;
:mod:`backex.handout_render` writes it as Markdown or HTML. For a prescription, use
:func:`handout_for_prescription`.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from backex.exercise import Dose, format_dose
from backex.plan import Plan
from backex.prescription import (
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
    urgent_intro: str
    urgent: tuple[str, ...]
    rules: tuple[str, ...]
    sources: str


# The one copy of the safety text in handouts, from REFERENCES.md ("Red flags: stop and
# seek urgent care" and "Rules of practice"), in our own words. When backex.safety
# (issue 4) lands, take it from there instead so the two can never differ.
SAFETY = SafetyText(
    title="Stop and get urgent help",
    emergency_intro=(
        "Any of these with back pain means emergency care now, not exercise "
        "(UK: A&E or 999; elsewhere: your local emergency number):"
    ),
    emergency=(
        "numbness or tingling around the genitals, buttocks or inner thighs",
        "new difficulty passing urine, or loss of bladder or bowel control",
        "pain, numbness or weakness in both legs, or legs that are quickly getting weaker",
        "new inability to get or keep an erection",
        "back pain after a serious fall or accident",
        "chest pain",
    ),
    urgent_intro="Get advice the same day (your GP, or NHS 111 in England) if you have:",
    urgent=(
        "a fever",
        "weight loss you cannot explain",
        "a new lump or a change in the shape of your back",
        "pain that does not ease with rest and is much worse at night",
    ),
    rules=(
        "Move into and out of each position slowly.",
        "Pain during exercise, 0-10: 0-3 is fine; 4-5 is acceptable if it settles within "
        "24 hours; 6 or more is too much: ease off, or skip and try again the next day.",
        "Stop if symptoms get worse, a new pain starts, or pain spreads down a leg.",
        "No better after 2 weeks? See your GP or physiotherapist.",
    ),
    sources=(
        "NHS Sheffield MSK; Norfolk and Waveney NHS; NHS inform; "
        "Provide Physiotherapy; Fusion Physio"
    ),
)


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
