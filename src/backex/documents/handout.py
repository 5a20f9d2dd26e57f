"""The content of a printable home-exercise handout, before any format is chosen.

:func:`build_handout` turns a :class:`~backex.planning.plan.Plan` and a
:class:`~backex.prescription.model.Frequency` into a :class:`Handout`;
:mod:`backex.documents.handout_render` writes it as Markdown or HTML. For a prescription, use
:func:`handout_for_prescription`. The sheet says only what fits the plan: the rules of
practice that apply to its frequency, doses and series; the stop rule once, with the
plan's pain limit; doses in plain words.
"""

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from backex.care import safety
from backex.care.rules import DEFAULT_MAX_PAIN
from backex.catalogue.exercise import Dose, Focus
from backex.catalogue.figures import Frame
from backex.documents.wording import dose_in_words
from backex.planning.plan import Plan
from backex.prescription.model import (
    Frequency,
    FrequencyKind,
    Prescription,
    prescription_to_plan,
    review_sentence,
)

TRACKED_DAYS = 14
# An exercise's own pain threshold ("Pain rises above 5 out of 10.") and its numbness line
# give way to the stop rule, said once with the plan's limit.
_SAID_BY_THE_STOP_RULE = re.compile(
    r"^Pain (?:rises|goes) above \d+ out of 10\.?$|new numbness, tingling or leg weakness",
    re.IGNORECASE,
)
NEW_PAIN = "A new pain starts that you did not have before."
FOCUS_WORDS = {
    Focus.CORE: "core strength",
    Focus.STRETCH: "stretches",
    Focus.MCKENZIE: "McKenzie extension series",
    Focus.MOBILITY: "mobility",
}


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


# The rules of practice (care.safety.RULES_OF_PRACTICE) by what they are about.
_MOVE_SLOWLY, _START_WITH_5, _STOP_WORSE, _PAIN_LIGHT, _MCKENZIE, _EVERY_DAY = range(6)


def safety_text(rules: tuple[str, ...] = safety.RULES_OF_PRACTICE) -> SafetyText:
    """The handout's safety box, taken from :mod:`backex.care.safety` (one source)."""
    return SafetyText(
        title="Stop and get urgent help",
        emergency_intro=safety.EMERGENCY_INTRO,
        emergency=safety.signs(safety.Urgency.EMERGENCY),
        # a sheet is printed for someone else: the emergency numbers of every region
        emergency_advice=safety.EMERGENCY_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER),
        urgent_intro=safety.SAME_DAY_INTRO,
        urgent=safety.signs(safety.Urgency.SAME_DAY),
        urgent_advice=safety.SAME_DAY_ADVICE,
        rules=rules,
        sources="; ".join(dict.fromkeys((*safety.SOURCES, *safety.RULES_SOURCES))),
    )


SAFETY = safety_text()


def rules_for(plan: Plan, frequency: Frequency, *, prescribed: bool) -> tuple[str, ...]:
    """The rules of practice that fit this plan (the stop and pain rules are in the stop box).

    "Start with about 5 repetitions" only on a planner sheet with counted reps (a
    clinician's doses are theirs); the McKenzie rule only with a McKenzie exercise;
    "every day" only for a plan done every day.
    """
    left_out = {_STOP_WORSE, _PAIN_LIGHT}
    if prescribed or not any(item.dose.reps is not None for item in plan.items):
        left_out.add(_START_WITH_5)
    if not any(Focus.MCKENZIE in item.exercise.focus for item in plan.items):
        left_out.add(_MCKENZIE)
    if frequency.kind is FrequencyKind.PER_WEEK or len(frequency.days) < 7:
        left_out.add(_EVERY_DAY)
    rules = safety.RULES_OF_PRACTICE
    return tuple(rule for index, rule in enumerate(rules) if index not in left_out)


def stop_rules(plan: Plan, max_pain: int) -> tuple[str, ...]:
    """The stop rule once, in its one wording with the plan's pain limit, then each
    exercise's own signs that it does not already say."""
    general = (safety.stop_rule_text(max_pain), NEW_PAIN)
    own = (
        stop
        for item in plan.items
        for stop in item.exercise.stop_if
        if not _SAID_BY_THE_STOP_RULE.search(stop)
    )
    return tuple(dict.fromkeys((*general, *own)))


@dataclass(frozen=True, slots=True)
class HandoutExercise:
    """One exercise as the sheet shows it (its stop signs are in the sheet's stop box)."""

    number: int
    exercise_id: str
    name: str
    dose: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    cautions: tuple[str, ...]
    note: str = ""
    equipment: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    figures: tuple[Frame, ...] = ()


@dataclass(frozen=True, slots=True)
class TickGrid:
    """One row per day: a box per session (none on a rest day) and a pain column."""

    days: tuple[date, ...]
    sessions: tuple[str, ...]
    active: tuple[bool, ...]  # per day: False on a rest day
    heading: str = "Tick each session; write your pain (0-10) after it"


@dataclass(frozen=True, slots=True)
class Handout:
    """Everything a printed home-exercise sheet shows."""

    title: str
    issued: date
    frequency: str
    minutes: int
    exercises: tuple[HandoutExercise, ...]
    grid: TickGrid
    stop: tuple[str, ...]
    prescribed_by: str = ""
    notes: str = ""
    patient: str = ""
    clinic: str = ""
    review: str = ""
    safety: SafetyText = SAFETY


def describe_dose(dose: Dose) -> str:
    """The dose in plain words, with rest between sets and the tempo when prescribed."""
    text = dose_in_words(dose)
    if dose.rest_s and dose.sets > 1:
        text += f"; rest {dose.rest_s} s between sets"
    if dose.tempo:
        text += f"; lift over {dose.tempo.lift_s} s, lower over {dose.tempo.lower_s} s"
    return text


def session_labels(frequency: Frequency) -> tuple[str, ...]:
    """Grid columns: "Done", morning and evening, three times of day, or the plan's times."""
    kind = frequency.kind
    if kind is FrequencyKind.TWICE_DAILY:
        return ("Morning", "Evening")
    if kind is FrequencyKind.THREE_TIMES_DAILY:
        return ("Morning", "Midday", "Evening")
    if kind in (FrequencyKind.EVERY_2H, FrequencyKind.TIMES):
        return tuple(f"{at:%H:%M}" for at in frequency.reminder_times())
    return ("Done",)


def tick_grid(frequency: Frequency, start: date, days: int = TRACKED_DAYS) -> TickGrid:
    """``days`` rows from ``start``; rest days (by weekday) have no boxes."""
    dates = tuple(start + timedelta(days=i) for i in range(days))
    if frequency.kind is FrequencyKind.PER_WEEK:
        return TickGrid(
            days=dates,
            sessions=session_labels(frequency),
            active=(True,) * days,
            heading=f"{frequency.describe().capitalize()}, any days: tick the days you do it, "
            "and write your pain (0-10) after it",
        )
    return TickGrid(
        days=dates,
        sessions=session_labels(frequency),
        active=tuple(frequency.sessions_on(d) > 0 for d in dates),
    )


def focus_title(plan: Plan) -> str:
    """ "Home exercises: core strength and stretches" (the plan's focus in words)."""
    words = [FOCUS_WORDS[f] for f in plan.focus]
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"
    return f"Home exercises: {listed}" if words else "Home exercises"


def build_handout(
    plan: Plan,
    frequency: Frequency,
    *,
    title: str,
    issued: date,
    prescribed_by: str = "",
    notes: str = "",
    prescribed: bool = False,
    max_pain: int = DEFAULT_MAX_PAIN,
) -> Handout:
    """The handout for ``plan`` done at ``frequency``, dated ``issued``."""
    exercises = tuple(
        HandoutExercise(
            number=number,
            exercise_id=item.exercise.id,
            name=item.exercise.name,
            dose=describe_dose(item.dose),
            steps=item.exercise.steps,
            cues=item.exercise.cues,
            cautions=item.exercise.cautions,
            note=item.note,
            equipment=tuple(str(e) for e in item.exercise.equipment),
            sources=item.exercise.sources,
            figures=item.exercise.figures,
        )
        for number, item in enumerate(plan.items, start=1)
    )
    return Handout(
        title=title or focus_title(plan),
        issued=issued,
        frequency=frequency.describe(),
        minutes=max(1, -(-plan.total_s // 60)),
        exercises=exercises,
        grid=tick_grid(frequency, issued),
        stop=stop_rules(plan, max_pain),
        prescribed_by=prescribed_by,
        notes=notes,
        safety=safety_text(rules_for(plan, frequency, prescribed=prescribed)),
    )


def handout_for_prescription(prescription: Prescription, issued: date) -> Handout:
    """The handout for a validated plan file: patient, clinic and review date included."""
    sheet = build_handout(
        prescription_to_plan(prescription),
        prescription.frequency,
        title=prescription.name,
        issued=issued,
        prescribed_by=prescription.prescribed_by,
        notes=prescription.notes,
        prescribed=True,
        max_pain=prescription.max_pain,
    )
    clinic = prescription.clinic
    return replace(
        sheet,
        patient=prescription.patient,
        clinic=" ".join(part for part in (clinic.name, clinic.phone) if part) if clinic else "",
        review=review_sentence(prescription.review_on, issued) if prescription.review_on else "",
    )
