"""Plan files: good and bad plans as tables, frequencies, timing, and the Plan they make."""

from datetime import date
from pathlib import Path

import pytest
from helpers.prescription import small_catalogue

from backex.catalogue.exercise import Dose, Tempo, pattern_of
from backex.errors import CatalogueError
from backex.planning.plan import Block
from backex.planning.timing import item_estimates
from backex.prescription.loader import load_prescription
from backex.prescription.model import (
    KEPT_AS_PRESCRIBED,
    Frequency,
    FrequencyKind,
    Weekday,
    prescription_to_plan,
)

HEAD = "name: Test plan\nfrequency: daily\nexercises:\n"

CUSTOM = """\
custom_exercises:
  - id: towel-squeeze
    name: Towel squeeze
    summary: Squeeze a rolled towel between the knees.
    focus: [core]
    position: supine
    level: 1
    dose: {reps: 5, hold_s: 3}
    steps: [Lie on your back., Squeeze the towel.]
    cues: [Breathe.]
    stop_if: [Pain rises.]
    sources: [Clinic handout]
"""


def load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_text(text, encoding="utf-8")
    return load_prescription(Path("plan.yaml"), small_catalogue())


GOOD = [
    # (plan text, [(id, dose, reason, note)])
    (
        HEAD + "  - id: bridge\n",
        [("bridge", Dose(reps=5, hold_s=5), "prescribed", "")],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {reps: 8}\n    note: Slowly.\n",
        [("bridge", Dose(reps=8, hold_s=5), "prescribed (override: reps 8)", "Slowly.")],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {hold_s: null}\n",
        [("bridge", Dose(reps=5), "prescribed (override: hold_s none)", "")],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {rest_s: 30, sets: 2}\n",
        [
            (
                "bridge",
                Dose(sets=2, reps=5, hold_s=5, rest_s=30),
                "prescribed (override: sets 2, rest_s 30)",
                "",
            )
        ],
    ),
    (
        HEAD
        + "  - id: supine-marches\n    dose: {per_side: false, tempo: {lift_s: 3, lower_s: 3}}\n",
        [
            (
                "supine-marches",
                Dose(reps=5, tempo=Tempo(3, 3)),
                "prescribed (override: per_side false, tempo 3/3 s)",
                "",
            )
        ],
    ),
    (
        HEAD + "  - id: prone-lying\n    dose: {reps: 3}\n  - id: prone-lying\n",
        [
            ("prone-lying", Dose(reps=3, hold_s=120), "prescribed (override: reps 3)", ""),
            ("prone-lying", Dose(hold_s=120), "prescribed", ""),
        ],
    ),
    (
        HEAD + "  - bridge\n",
        [("bridge", Dose(reps=5, hold_s=5), "prescribed", "")],
    ),
    (
        HEAD + "  - id: towel-squeeze\n    dose: {reps: 6}\n" + CUSTOM,
        [("towel-squeeze", Dose(reps=6, hold_s=3), "prescribed (override: reps 6)", "")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOOD)
def test_good_plans_apply_overrides(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    expected: list[tuple[str, Dose, str, str]],
) -> None:
    prescription = load(tmp_path, monkeypatch, text)
    got = [(e.exercise.id, e.dose, e.reason, e.note) for e in prescription.entries]
    assert got == expected
    plan = prescription_to_plan(prescription)
    kept = [(id_, dose, f"{why}: {KEPT_AS_PRESCRIBED}", note) for id_, dose, why, note in expected]
    assert [(i.exercise.id, i.dose, i.reason, i.note) for i in plan.items] == kept
    assert all(i.block is Block.MAIN for i in plan.items)
    assert [i.est_s for i in plan.items] == item_estimates(
        [(d, pattern_of(plan.items[0].exercise, d)) for _, d, _, _ in expected]
    )
    assert plan.name == "Test plan"


BAD = [
    # (plan text, exact error lines)
    (
        HEAD + "  - id: brige\n",
        ["plan.yaml:4:5: exercises[0].id: no exercise called 'brige'; did you mean: bridge?"],
    ),
    (
        HEAD + "  - id: zzzz\n",
        ["plan.yaml:4:5: exercises[0].id: no exercise called 'zzzz'; `backex list` shows the ids"],
    ),
    (
        "name: X\nfrequency: twice\nexercises:\n  - id: bridge\n",
        [
            "plan.yaml:2:1: frequency: unknown frequency 'twice'; use daily, 2x-daily, 3x-daily, "
            'every-2h, weekdays, 3x-weekly, [mon, wed, fri] or ["08:00", "18:00"]'
        ],
    ),
    (
        "name: X\nfrequency: [mon, funday]\nexercises:\n  - id: bridge\n",
        [
            "plan.yaml:2:1: frequency: unknown weekday 'funday'; "
            "use mon, tue, wed, thu, fri, sat, sun"
        ],
    ),
    (
        "name: X\nfrequency: []\nexercises:\n  - id: bridge\n",
        ["plan.yaml:2:1: frequency: give at least one weekday, e.g. [mon, wed, fri]"],
    ),
    (
        "name: X\nexercises:\n  - id: bridge\n",
        ["plan.yaml:1:1: frequency: required field is missing"],
    ),
    (
        "name: X\nfrequency: daily\nexercises: []\n",
        ["plan.yaml:3:1: exercises: list at least one exercise"],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {reps: 80}\n",
        ["plan.yaml:5:12: exercises[0].dose.reps: must be at most 50"],
    ),
    (
        HEAD + "  - id: bridge\n    dose:\n      sets: 0\n",
        ["plan.yaml:6:7: exercises[0].dose.sets: must be at least 1"],
    ),
    (
        HEAD + "  - id: prone-lying\n    dose: {hold_s: null}\n",
        ["plan.yaml:5:5: exercises[0].dose: give reps, hold_s or both"],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {repetitions: 5}\n",
        ["plan.yaml:5:12: exercises[0].dose.repetitions: unknown field"],
    ),
    (
        HEAD + "  - id: bridge\n    dose: {reps: eight}\n",
        ["plan.yaml:5:12: exercises[0].dose.reps: must be a whole number"],
    ),
    (
        HEAD + "  - id: bridge\npatient_name: J. Smith\n",
        ["plan.yaml:5:1: patient_name: unknown field"],
    ),
    (
        HEAD + "  - id: brige\n  - id: bridge\n    dose: {hold_s: 700}\n",
        [
            "plan.yaml:4:5: exercises[0].id: no exercise called 'brige'; did you mean: bridge?",
            "plan.yaml:6:12: exercises[1].dose.hold_s: must be at most 600",
        ],
    ),
    (
        HEAD + "  - id: bridge\n" + CUSTOM.replace("towel-squeeze", "bridge"),
        [
            "plan.yaml:6:5: custom_exercises[0].id: 'bridge' is already a catalogue "
            "exercise; give yours a different id"
        ],
    ),
    (
        HEAD
        + "  - id: towel-squeeze\n"
        + CUSTOM.replace("    sources:", "    easier: [nope]\n    sources:"),
        ["plan.yaml:16:14: custom_exercises[0].easier[0]: no other exercise with id 'nope'"],
    ),
    (
        HEAD
        + "  - id: towel-squeeze\n"
        + CUSTOM.replace("    steps: [Lie on your back., Squeeze the towel.]\n", ""),
        ["plan.yaml:6:5: custom_exercises[0].steps: required field is missing"],
    ),
    (
        HEAD + "  - 42\n",
        [
            "plan.yaml:4:5: exercises[0]: write an exercise as its id, or as "
            "{id: ..., dose: ..., note: ...}"
        ],
    ),
    (
        "- id: bridge\n",
        ["plan.yaml:1:1: expected a mapping at the top level"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad_plans_give_located_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str]
) -> None:
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, monkeypatch, text)
    assert caught.value.problems == expected


FREQUENCIES = [
    # (yaml value, sessions per day, per week, description, as written back)
    ("daily", 1, 7, "once a day", "daily"),
    ("3x-daily", 3, 21, "3 times a day", "3x-daily"),
    ("every-2h", 7, 49, "every 2 hours from 08:00 to 20:00 (7 times a day)", "every-2h"),
    ("[fri, mon, MON]", 1, 2, "once a day on Mon and Fri", "[mon, fri]"),
    ("[mon, wed, fri]", 1, 3, "once a day on Mon, Wed and Fri", "[mon, wed, fri]"),
    ("2x-daily", 2, 14, "twice a day", "2x-daily"),
    ("Twice daily", 2, 14, "twice a day", "2x-daily"),
    ("3 times a day", 3, 21, "3 times a day", "3x-daily"),
    ("weekdays", 1, 5, "once a day, Monday to Friday", "[mon, tue, wed, thu, fri]"),
    ("3x-weekly", 1, 3, "3 times a week", "3x-weekly"),
    ("2 times a week", 1, 2, "2 times a week", "2x-weekly"),
    ("1 time a week", 1, 1, "once a week", "1x-weekly"),
    ('["18:00", "07:30"]', 2, 14, "every day at 07:30 and 18:00", '["07:30", "18:00"]'),
    (
        '{times: ["09:00"], days: [sat]}',
        1,
        1,
        "on Sat at 09:00",
        '{times: ["09:00"], days: [sat]}',
    ),
]


BAD_FREQUENCIES = [
    ("7x-weekly", "7 times a week: give 1 to 6, or write daily"),
    ('["25:00"]', "invalid time '25:00'; write 24-hour times in quotes, e.g. \"07:30\""),
    ('["08:00", "8:00"]', "time 8:00 is listed twice"),
    ("{times: []}", 'give at least one time of day, e.g. ["08:00", "18:00"]'),
    ('{at: ["08:00"]}', "write times as {times: [...], days: [...]}"),
    (
        '{times: ["08:00"], days: [someday]}',
        "unknown weekday 'someday'; use mon, tue, wed, thu, fri, sat, sun",
    ),
]


@pytest.mark.parametrize(("value", "message"), BAD_FREQUENCIES)
def test_bad_frequencies_say_what_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    text = f"name: X\nfrequency: {value}\nexercises:\n  - id: bridge\n"
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, monkeypatch, text)
    assert caught.value.problems[0].startswith(f"plan.yaml:2:1: frequency: {message}")


@pytest.mark.parametrize(("value", "per_day", "per_week", "words", "written"), FREQUENCIES)
def test_frequencies(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    value: str,
    per_day: int,
    per_week: int,
    words: str,
    written: str,
) -> None:
    text = f"name: X\nfrequency: {value}\nexercises:\n  - id: bridge\n"
    frequency = load(tmp_path, monkeypatch, text).frequency
    assert (frequency.sessions_per_day, frequency.sessions_per_week) == (per_day, per_week)
    assert frequency.describe() == words
    assert frequency.to_yaml() == written


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2025, 3, 3), 1), (date(2025, 3, 4), 0), (date(2025, 3, 7), 1), (date(2025, 3, 9), 0)],
)
def test_sessions_on_a_date_follow_the_weekdays(day: date, expected: int) -> None:
    frequency = Frequency(FrequencyKind.WEEKDAYS, (Weekday.MON, Weekday.FRI))
    assert frequency.sessions_on(day) == expected  # 2025-03-03 is a Monday


def test_plan_records_name_focus_and_level(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = HEAD + "  - id: prone-lying\n  - id: bridge\n  - id: prone-press-up\n"
    plan = prescription_to_plan(load(tmp_path, monkeypatch, text))
    assert [str(f) for f in plan.focus] == ["mckenzie", "core"]
    assert plan.max_level == 1
    assert plan.total_s == sum(i.est_s for i in plan.items)


def test_missing_plan_file_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as caught:
        load_prescription(tmp_path / "nope.yaml", small_catalogue())
    assert caught.value.problems == [f"{tmp_path / 'nope.yaml'}: file not found"]


FIGURES = """\
    figures:
      - label: start
        art: [' ○───', '▔▔▔▔▔']
        alt: Lie on your back.
      - label: end
        art: [' ○━━━', '▔▔▔▔▔']
        alt: Squeeze.
"""


def test_a_custom_exercise_may_carry_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD + "  - id: towel-squeeze\n" + CUSTOM + FIGURES
    plan = prescription_to_plan(load(tmp_path, monkeypatch, text))
    assert [f.alt for f in plan.items[0].exercise.figures] == ["Lie on your back.", "Squeeze."]


def test_a_custom_exercise_s_bad_figure_is_located(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = HEAD + "  - id: towel-squeeze\n" + CUSTOM + FIGURES.replace("label: end", "label: start")
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, monkeypatch, text)
    assert caught.value.problems == [
        "plan.yaml:17:5: custom_exercises[0].figures: give an end frame after the start"
    ]
