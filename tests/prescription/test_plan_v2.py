"""Plan files v2: the new fields, exercises by name or alias, and the ``avoid`` limit."""

from datetime import date
from pathlib import Path

import pytest

from backex.catalogue.exercise import Movement
from backex.catalogue.loader import load_catalogue
from backex.errors import CatalogueError
from backex.prescription.loader import load_prescription
from backex.prescription.model import Clinic, Prescription, Progression, RedFlagsReview

V2 = """\
version: 2
name: Extension, week 2
patient: J. S.
clinic: {name: Riverside Physio, phone: 01234 567890}
review_on: 2026-12-17
frequency: 2x-daily
max_pain: 4
progression: hold
avoid: [flexion]
red_flags_reviewed: {on: 2026-12-01, by: A. Physio}
exercises:
"""


def load(tmp_path: Path, text: str) -> Prescription:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return load_prescription(path, load_catalogue())


def test_v2_fields_reach_the_prescription(tmp_path: Path) -> None:
    plan = load(tmp_path, V2 + "  - prone-lying\n")
    assert plan.version == 2
    assert (plan.patient, plan.clinic) == ("J. S.", Clinic("Riverside Physio", "01234 567890"))
    assert (plan.review_on, plan.max_pain, plan.progression, plan.avoid) == (
        date(2026, 12, 17),
        4,
        Progression.HOLD,
        (Movement.FLEXION,),
    )
    assert plan.red_flags_reviewed == RedFlagsReview(date(2026, 12, 1), "A. Physio")


def test_a_v1_file_keeps_its_meaning(tmp_path: Path) -> None:
    plan = load(tmp_path, "name: Old\nfrequency: daily\nexercises:\n  - bridge\n")
    assert (plan.version, plan.patient, plan.clinic, plan.review_on) == (1, "", None, None)
    assert (plan.max_pain, plan.progression, plan.avoid, plan.red_flags_reviewed) == (
        5,
        Progression.OFF,
        (),
        None,
    )


@pytest.mark.parametrize(
    ("written", "exercise_id"),
    [
        ("bird dog", "quadruped-opposite-arm-leg-lift"),  # the alias `show "bird dog"` finds
        ("Bird Dog", "quadruped-opposite-arm-leg-lift"),
        ("bird-dog-one-limb", "bird-dog-one-limb"),
        ("single-limb bird dog", "bird-dog-one-limb"),
        ("Glute bridge", "bridge"),
        ("child's pose", "childs-pose"),
        ("Prone press-up", "prone-press-up"),
        ("press-up", "prone-press-up"),
    ],
)
def test_entries_accept_ids_names_and_aliases(
    tmp_path: Path, written: str, exercise_id: str
) -> None:
    plan = load(tmp_path, f'name: X\nfrequency: daily\nexercises:\n  - id: "{written}"\n')
    assert plan.entries[0].exercise.id == exercise_id
    assert plan.entries[0].written_as == ("" if written == exercise_id else written)


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("bird dgo", "quadruped-opposite-arm-leg-lift"),
        ("glute brige", "bridge"),
        ("prone pres up", "prone-press-up"),
    ],
)
def test_a_wrong_entry_suggests_what_show_finds(
    tmp_path: Path, written: str, suggested: str
) -> None:
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, f'name: X\nfrequency: daily\nexercises:\n  - id: "{written}"\n')
    (problem,) = caught.value.problems
    assert problem.startswith(f"{tmp_path / 'plan.yaml'}:4:5: exercises[0].id: ")
    assert f"no exercise called {written!r}; did you mean: " in problem
    assert suggested in problem.split("did you mean: ")[1]
    assert load_catalogue().suggest(written)[0] == suggested  # what `show` suggests


@pytest.mark.parametrize(
    ("avoid", "exercise", "refused"),
    [
        ("[flexion]", "double-knee-to-chest", True),
        ("[flexion]", "childs-pose", True),
        ("[extension]", "prone-press-up", True),
        ("[extension]", "standing-extension", True),
        ("[rotation]", "lower-trunk-rotation", True),
        ("[flexion, extension, rotation]", "bridge", False),
        ("[extension]", "double-knee-to-chest", False),
    ],
)
def test_avoid_refuses_exercises_with_that_movement(
    tmp_path: Path, avoid: str, exercise: str, refused: bool
) -> None:
    text = f"version: 2\nname: X\nfrequency: daily\navoid: {avoid}\nexercises:\n  - {exercise}\n"
    if not refused:
        assert load(tmp_path, text).entries[0].exercise.id == exercise
        return
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, text)
    (problem,) = caught.value.problems
    assert (
        problem.endswith("remove the exercise or the avoid entry")
        and f"exercises[0].id: {exercise} is a" in problem
    )


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("max_pain: 10", "3:1: max_pain: must be at most 9"),
        ("progression: faster", "3:1: progression: must be one of: auto, hold or off"),
        (
            "avoid: [twisting]",
            "3:9: avoid[0]: must be one of: flexion, extension, rotation or side-bending",
        ),
        ("red_flags_reviewed: {on: 2026-12-01}", "red_flags_reviewed.by: required field"),
        ("review_on: soon", "3:1: review_on: input should be a valid date"),
        ("version: 3", "3:1: version: input should be 1 or 2"),
    ],
)
def test_bad_v2_fields_are_located(tmp_path: Path, field: str, message: str) -> None:
    with pytest.raises(CatalogueError) as caught:
        load(tmp_path, f"name: X\nfrequency: daily\n{field}\nexercises:\n  - bridge\n")
    assert message in caught.value.problems[0]


def test_the_clinicians_guide_example_is_a_valid_v2_plan(tmp_path: Path) -> None:
    guide = (Path(__file__).parents[2] / "docs" / "clinicians.md").read_text(encoding="utf-8")
    example = guide.split("```yaml\n", 1)[1].split("```", 1)[0]
    plan = load(tmp_path, example)
    assert (plan.version, plan.progression, plan.avoid) == (2, Progression.OFF, (Movement.FLEXION,))
    assert [e.exercise.id for e in plan.entries] == [
        "prone-lying", "prone-on-elbows", "prone-press-up", "prone-lying",
    ]  # fmt: skip
