"""The follow-up report: what the patient did since the plan started. Pure.

Built from :class:`~backex.history.records.SessionRecord` records (the local history, or
a file read by :mod:`backex.history.importer`) and, when given, the plan file: sessions
done against its frequency, pain before and after with a one-line summary, each
exercise's doses over time with the reasons for changes, skips, McKenzie responses and
the review date; goals' scores and weekly check-ins. Rendered by
:mod:`backex.documents.report_render` (Markdown, HTML) and :mod:`backex.ui.report_view`
(terminal).
"""

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from backex.care.rules import Symptoms
from backex.catalogue.exercise import Dose
from backex.documents.wording import dose_in_words
from backex.habits.checkin import OBSTACLE_WORDS, CheckIn
from backex.habits.goals import Goal, GoalScore
from backex.history.progress import counts_as_done
from backex.history.records import ExerciseEntry, SessionRecord
from backex.prescription.model import Prescription
from backex.session.types import SkipReason

SKIP_WORDS = {
    SkipReason.NEXT: "moved on before finishing",
    SkipReason.QUIT: "session ended early",
    SkipReason.SYMPTOMS: "symptoms spread down the leg",
}
SYMPTOM_WORDS = {
    Symptoms.CENTRALISING: "moved toward the centre",
    Symptoms.SAME: "stayed the same",
    Symptoms.PERIPHERALISING: "spread down the leg",
}
# What other parts of the history may hold one day; said plainly when they are absent.
NOT_RECORDED = "next-morning answers and red-flag events are not in this history"


@dataclass(frozen=True, slots=True)
class WeekRow:
    """Sessions done in one week (Monday to Sunday, clipped to the period)."""

    first_day: date
    last_day: date
    done: int
    planned: int | None


@dataclass(frozen=True, slots=True)
class PainRow:
    day: date
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class DoseStep:
    """From ``first_day`` on, the exercise was planned at ``dose`` for ``reason``."""

    first_day: date
    dose: str
    reason: str


@dataclass(frozen=True, slots=True)
class ExerciseRow:
    exercise_id: str
    name: str
    done: int
    skipped: int
    doses: tuple[DoseStep, ...]
    responses: tuple[tuple[str, int], ...]  # McKenzie: (words, times), most common first


@dataclass(frozen=True, slots=True)
class SkipRow:
    day: date
    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class GoalRow:
    """A goal and its 0-10 scores within the report's period, oldest first."""

    text: str
    retired: bool
    scores: tuple[GoalScore, ...]


@dataclass(frozen=True, slots=True)
class CheckInRow:
    """A weekly check-in: sessions done of planned, and what got in the way, in words."""

    day: date
    done: int
    planned: int
    answer: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the report shows, in the order it shows it."""

    title: str
    patient: str
    clinic: str
    prescribed_by: str
    frequency: str
    first_day: date
    last_day: date
    review: str
    done: int
    planned: int | None
    weeks: tuple[WeekRow, ...]
    pain: tuple[PainRow, ...]
    pain_summary: str
    exercises: tuple[ExerciseRow, ...]
    skips: tuple[SkipRow, ...]
    not_recorded: str
    source: str
    goals: tuple[GoalRow, ...] = ()
    checkins: tuple[CheckInRow, ...] = ()


def first_session_day(sessions: Iterable[SessionRecord], plan_name: str | None) -> date | None:
    """The day the plan started: its first session (any session without a plan name)."""
    days = [s.started_at.date() for s in sessions if plan_name is None or s.plan_name == plan_name]
    return min(days, default=None)


def build_report(
    sessions: Iterable[SessionRecord],
    *,
    prescription: Prescription | None,
    first_day: date,
    today: date,
    names: Mapping[str, str],
    source: str,
    goals: Sequence[Goal] = (),
    checkins: Sequence[CheckIn] = (),
    paused: Collection[date] = frozenset(),
) -> Report:
    """The report for sessions from ``first_day`` to ``today`` (under the plan's name),
    with the goals scored and the check-ins made in that period; nothing is planned on
    ``paused`` days (``backex pause``)."""
    name = prescription.name if prescription else None
    chosen = sorted(
        (
            s
            for s in sessions
            if first_day <= s.started_at.date() <= today and (name is None or s.plan_name == name)
        ),
        key=lambda s: s.started_at,
    )
    done_days = [s.started_at.date() for s in chosen if counts_as_done(s)]
    frequency = prescription.frequency if prescription else None
    weeks = []
    monday = first_day - timedelta(days=first_day.weekday())
    while monday <= today:
        first, last = max(monday, first_day), min(monday + timedelta(days=6), today)
        planned = frequency.planned_between(first, last, paused) if frequency else None
        weeks.append(WeekRow(first, last, sum(first <= d <= last for d in done_days), planned))
        monday += timedelta(days=7)
    pain = tuple(
        PainRow(s.started_at.date(), s.pain_before, s.pain_after)
        for s in chosen
        if s.pain_before is not None or s.pain_after is not None
    )
    clinic = prescription.clinic if prescription else None
    return Report(
        title=f"Follow-up report: {name}" if name else "Follow-up report",
        patient=prescription.patient if prescription else "",
        clinic=" ".join(part for part in (clinic.name, clinic.phone) if part) if clinic else "",
        prescribed_by=prescription.prescribed_by if prescription else "",
        frequency=frequency.describe() if frequency else "",
        first_day=first_day,
        last_day=today,
        review=prescription.review_due(today) if prescription else "",
        done=len(done_days),
        planned=frequency.planned_between(first_day, today, paused) if frequency else None,
        weeks=tuple(weeks),
        pain=pain,
        pain_summary=pain_summary(pain, prescription.max_pain if prescription else None),
        exercises=_exercises(chosen, names),
        skips=tuple(
            SkipRow(s.started_at.date(), names.get(e.exercise_id, e.exercise_id), _skip(e))
            for s in chosen
            for e in s.exercises
            if e.skipped
        ),
        not_recorded=NOT_RECORDED,
        source=source,
        goals=_goals(goals, first_day, today),
        checkins=tuple(
            CheckInRow(c.day, c.done, c.planned, OBSTACLE_WORDS[c.answer] if c.answer else "")
            for c in checkins
            if first_day <= c.day <= today
        ),
    )


def _goals(goals: Sequence[Goal], first_day: date, today: date) -> tuple[GoalRow, ...]:
    """Goals active in the period or scored in it, with the period's scores."""
    rows = []
    for goal in goals:
        scores = tuple(s for s in goal.scores if first_day <= s.day <= today)
        if scores or goal.active:
            rows.append(GoalRow(goal.text, not goal.active, scores))
    return tuple(rows)


def _mean(values: list[int]) -> float:
    return sum(values) / len(values)


def pain_summary(pain: tuple[PainRow, ...], max_pain: int | None) -> str:
    """One plain line: how pain before sessions moved, and how sessions changed it."""
    before = [row.before for row in pain if row.before is not None]
    if not before:
        return "No pain scores were recorded."
    size = max(1, min(3, len(before) // 2))
    start, end = _mean(before[:size]), _mean(before[-size:])
    if len(before) < 2:
        trend = f"Pain before the one scored session was {before[0]} out of 10"
    elif round(end) == round(start):
        trend = f"Pain before sessions stayed about {round(end)} out of 10"
    else:
        way = "fell" if end < start else "rose"
        trend = f"Pain before sessions {way} from about {round(start)} to {round(end)} out of 10"
    pairs = [(r.before, r.after) for r in pain if r.before is not None and r.after is not None]
    higher = sum(after > before for before, after in pairs)
    text = f"{trend}; pain after was higher than before in {higher} of {len(pairs)} sessions"
    if max_pain is not None:  # the limit is about pain during and after, not the start
        scored = [r.after for r in pain if r.after is not None]
        over = sum(after > max_pain for after in scored)
        text += f", and above the plan's limit of {max_pain} in {over} of {len(scored)}"
    return text + "."


def _skip(entry: ExerciseEntry) -> str:
    return (
        SKIP_WORDS.get(entry.skip_reason, "no reason recorded")
        if entry.skip_reason
        else ("no reason recorded")
    )


def _reason(session: SessionRecord, entry: ExerciseEntry) -> str:
    items = session.plan.get("items") if isinstance(session.plan, dict) else None
    if not isinstance(items, list):
        return ""
    for index in (entry.position, entry.position - 1):
        if 0 <= index < len(items) and items[index].get("exercise") == entry.exercise_id:
            return str(items[index].get("reason") or "")
    return ""


def _exercises(sessions: list[SessionRecord], names: Mapping[str, str]) -> tuple[ExerciseRow, ...]:
    order: dict[str, list[tuple[SessionRecord, ExerciseEntry]]] = {}
    for session in sessions:
        for entry in session.exercises:
            order.setdefault(entry.exercise_id, []).append((session, entry))
    rows = []
    for exercise_id, seen in order.items():
        steps: list[DoseStep] = []
        last: Dose | None = None
        for session, entry in seen:
            if entry.planned != last:
                reason = _reason(session, entry) or "reason not in the file"
                steps.append(
                    DoseStep(session.started_at.date(), dose_in_words(entry.planned), reason)
                )
                last = entry.planned
        responses = Counter(SYMPTOM_WORDS[e.symptoms] for _, e in seen if e.symptoms)
        rows.append(
            ExerciseRow(
                exercise_id=exercise_id,
                name=names.get(exercise_id, exercise_id),
                done=sum(not e.skipped for _, e in seen),
                skipped=sum(e.skipped for _, e in seen),
                doses=tuple(steps),
                responses=tuple(responses.most_common()),
            )
        )
    return tuple(rows)
