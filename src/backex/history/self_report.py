"""Sessions done away from the screen (``backex done``, e.g. from the paper handout).

Such a session is recorded whole, completed, at the time given, with ``self_reported``
set: each exercise counted as done at its dose. It counts for adherence, the run of
planned days, the first fortnight and reports; progression never counts it as a good
day toward moving up, but its pain light (a red rise) still eases the dose off.
"""

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta

from backex.catalogue.exercise import Dose, Exercise, pattern_of
from backex.history.records import ENTRY_COLUMNS, ExerciseEntry, entry_to_row, plan_summary
from backex.history.schema import DAY_OF, UTC_OF
from backex.history.store import History, check_pain
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.timing import item_estimates, work_seconds

MAX_AGE_DAYS = 30
WHEN_EXAMPLES = "2026-12-01 18:30, yesterday 18:30, 2 days ago 07:45 or now"
_RELATIVE = re.compile(
    r"^(?P<day>now|today|yesterday|tomorrow|(?P<n>\d{1,4}) days? ago)(?: (?P<at>\d{1,2}:\d{2}))?$"
)


def parse_when(text: str, now: datetime) -> datetime:
    """When a session was done, from ``--when``; ValueError with a one-line reason.

    Accepts ``now``, ``today HH:MM``, ``yesterday [HH:MM]``, ``N days ago [HH:MM]``, a
    date and time (``2026-12-01 18:30``) or an ISO 8601 date-time with or without its
    offset (the local clock without one). Refuses the future and more than
    :data:`MAX_AGE_DAYS` days ago.
    """
    words = " ".join(text.split()).casefold()
    found = _RELATIVE.match(words)
    if found:
        back = {"now": 0, "today": 0, "yesterday": 1, "tomorrow": -1}.get(found["day"])
        back = int(found["n"]) if back is None else back
        at = _clock(found["at"], text) if found["at"] else now.time().replace(tzinfo=None)
        if found["day"] == "now" and found["at"]:
            raise ValueError(f"--when {text!r} is not a time; write it like {WHEN_EXAMPLES}")
        moment = datetime.combine(now.date() - timedelta(days=back), at).astimezone()
    else:
        moment = _absolute(words, text)
    if moment > now:
        raise ValueError(f"--when {text!r} is in the future; log a session once it is done")
    if moment < now - timedelta(days=MAX_AGE_DAYS):
        raise ValueError(
            f"--when {text!r} is more than {MAX_AGE_DAYS} days ago; backex done logs the "
            f"last {MAX_AGE_DAYS} days"
        )
    return moment.replace(microsecond=0)


def _clock(value: str, text: str) -> time:
    hours, minutes = value.split(":")
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"--when {text!r}: {value} is not a time of day") from None


def _absolute(words: str, text: str) -> datetime:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", words):
        raise ValueError(f"--when {text!r} needs a time of day too, like {words} 18:30")
    try:
        moment = datetime.fromisoformat(words.upper())
    except ValueError:
        raise ValueError(f"--when {text!r} is not a time; write it like {WHEN_EXAMPLES}") from None
    return moment.astimezone()  # without an offset: the local clock


def done_plan(
    exercises: Sequence[Exercise], doses: Mapping[str, Dose] | None = None, name: str = ""
) -> Plan:
    """The session as logged: each exercise at ``doses[id]`` (a plan's) or its own dose."""
    chosen = [(e, (doses or {}).get(e.id, e.dose)) for e in exercises]
    estimates = item_estimates([(dose, pattern_of(exercise, dose)) for exercise, dose in chosen])
    items = tuple(
        PlannedItem(exercise, dose, Block.MAIN, est, reason="logged with backex done")
        for (exercise, dose), est in zip(chosen, estimates, strict=True)
    )
    focus = tuple(dict.fromkeys(f for e in exercises for f in e.focus))
    return Plan(items=items, focus=focus, name=name)


def done_entries(plan: Plan) -> list[ExerciseEntry]:
    """Each exercise counted as done in full at its dose."""
    entries = []
    for position, item in enumerate(plan.items):
        dose = item.dose
        sides = 2 if dose.per_side else 1
        entries.append(
            ExerciseEntry(
                position=position,
                exercise_id=item.exercise.id,
                planned=dose,
                sets_done=dose.sets,
                reps_done=dose.reps * dose.sets * sides if dose.reps is not None else None,
                seconds_done=work_seconds(dose) * dose.sets * sides,
            )
        )
    return entries


def record_done(
    store: History,
    plan: Plan,
    when: datetime,
    pain_before: int | None = None,
    pain_after: int | None = None,
) -> int:
    """Record a self-reported session in one transaction; its id."""
    check_pain(pain_before)
    check_pain(pain_after)
    at = when.isoformat()
    columns = ", ".join(ENTRY_COLUMNS)
    marks = ", ".join("?" * len(ENTRY_COLUMNS))
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO session (started_at, started_utc, local_day, ended_at, focus, plan,"
            " plan_name, completed, pain_before, pain_after, self_reported) VALUES"
            f" (?, {UTC_OF.format('?')}, {DAY_OF.format('?')}, ?, ?, ?, ?, 1, ?, ?, 1)",
            (at, at, at, at, json.dumps([str(f) for f in plan.focus]),
             json.dumps(plan_summary(plan)), plan.name or None, pain_before, pain_after),
        )  # fmt: skip
        session_id = cursor.lastrowid
        assert session_id is not None
        for entry in done_entries(plan):
            db.execute(
                f"INSERT INTO exercise_result (session_id, {columns}) VALUES (?, {marks})",
                (session_id, *entry_to_row(entry)),
            )
    return session_id
