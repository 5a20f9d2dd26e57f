"""A test helper: two weeks of made-up sessions of a twice-daily McKenzie plan."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from backex.care.rules import Symptoms
from backex.catalogue.loader import load_catalogue
from backex.history.records import ExerciseEntry
from backex.history.store import History, SessionRecorder
from backex.session.types import SkipReason
from helpers.history_week import FixedClock

# Two time zones: the clocks went back an hour on Sunday 26 October 2025.
SUMMER, WINTER = timezone(timedelta(hours=1)), timezone(timedelta(hours=0))
FIRST_DAY = date(2025, 10, 20)  # a Monday
LAST_DAY = date(2025, 11, 2)  # the Sunday two weeks later
PLAN_NAME = "Early McKenzie extension"
PLAN = f"""\
version: 2
name: {PLAN_NAME}
patient: J. S.
clinic: {{name: Riverside Physio, phone: 01234 567890}}
prescribed_by: A. Physio
review_on: 2025-11-03
frequency: 2x-daily
max_pain: 5
progression: hold
avoid: [flexion]
red_flags_reviewed: {{on: 2025-10-20, by: A. Physio}}
exercises:
  - prone-lying
  - prone on elbows
  - id: press-up
    dose: {{reps: 5}}
"""
SERIES = ["prone-lying", "prone-on-elbows", "prone-press-up"]


def write_plan(folder: Path) -> Path:
    path = folder / "mckenzie.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def fill_fortnight(path: Path) -> None:
    """Morning sessions most days, evenings some days; pain easing from 6 to 2."""
    catalogue = load_catalogue()
    with History.open(path) as history:
        for day_index in range(14):
            day = FIRST_DAY + timedelta(days=day_index)
            tz = SUMMER if day < date(2025, 10, 26) else WINTER
            times = [time(8, 0)] + ([time(18, 30)] if day_index % 3 != 2 else [])
            if day_index == 5:
                times = []  # a day off
            for at in times:
                before = max(2, 6 - day_index // 3)
                after = before - 1 if day_index != 3 else before + 2
                recorder = SessionRecorder(history, FixedClock(datetime.combine(day, at, tz)))
                reps = 5 if day_index < 7 else 6
                items = [
                    {"exercise": name, "reason": "prescribed: kept as your clinician set it"}
                    for name in SERIES
                ]
                if reps == 6:
                    items[2]["reason"] = "prescribed (override: reps 6): your clinician raised it"
                recorder.start({"items": items}, ["mckenzie"], before, PLAN_NAME)
                for position, name in enumerate(SERIES):
                    dose = catalogue.get(name).dose
                    if name == "prone-press-up":
                        dose = replace(dose, reps=reps)
                    if day_index == 3 and name == "prone-press-up":
                        recorder.record_exercise(
                            ExerciseEntry(
                                position, name, dose, skipped=True,
                                skip_reason=SkipReason.SYMPTOMS,
                                symptoms=Symptoms.PERIPHERALISING,
                            )
                        )  # fmt: skip
                        continue
                    symptoms = Symptoms.CENTRALISING if day_index > 6 else Symptoms.SAME
                    recorder.record_exercise(
                        ExerciseEntry(
                            position, name, dose, sets_done=dose.sets,
                            reps_done=(dose.reps or 0) * dose.sets or None,
                            seconds_done=(dose.hold_s or 0) * (dose.reps or 1) * dose.sets,
                            symptoms=symptoms if name != "prone-lying" else None,
                        )
                    )  # fmt: skip
                recorder.set_pain_after(after)
                recorder.finish(completed=day_index != 3)
