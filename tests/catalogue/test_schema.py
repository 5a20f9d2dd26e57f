"""schema: bad catalogues give exact ``file:line:col: field.path: message`` lines."""

import pytest
from helpers.catalogue import WALL_SIT, exercise_yaml

from backex.catalogue.exercise import Dose, Equipment, Focus, Position
from backex.catalogue.schema import check_references, check_unique, parse_exercises
from backex.catalogue.yamlfile import parse_yaml
from backex.errors import CatalogueError


def _parse(text: str) -> list[str]:
    """Every problem a catalogue text has, within the file, or [] when it is valid."""
    try:
        document = parse_yaml(text.encode(), "c.yaml")
        exercises = parse_exercises(document)
    except CatalogueError as exc:
        return exc.problems
    return check_references(exercises, {e.id for e in exercises} | {"bridge"}, document)


def test_the_base_file_is_valid() -> None:
    assert _parse(WALL_SIT) == []


def test_records_carry_the_file_values() -> None:
    (wall_sit,) = parse_exercises(parse_yaml(WALL_SIT.encode(), "c.yaml"))
    assert wall_sit.id == "wall-sit"
    assert wall_sit.aliases == ("wall squat",)
    assert wall_sit.focus == (Focus.CORE,)
    assert wall_sit.position is Position.STANDING
    assert wall_sit.dose == Dose(sets=1, reps=5, hold_s=10, rest_s=0, per_side=False)
    assert wall_sit.steps == ("Lean your back on a wall.", "Slide down a little and hold.")
    assert wall_sit.equipment == ()


def test_equipment_and_tempo() -> None:
    text = WALL_SIT.replace(
        "dose: {reps: 5, hold_s: 10}",
        "dose: {reps: 5, tempo: {lift_s: 2, lower_s: 3}}\n    equipment: [wall, towel]",
    )
    (wall_sit,) = parse_exercises(parse_yaml(text.encode(), "c.yaml"))
    assert wall_sit.equipment == (Equipment.WALL, Equipment.TOWEL)
    assert wall_sit.dose.tempo is not None
    assert (wall_sit.dose.tempo.lift_s, wall_sit.dose.tempo.lower_s) == (2, 3)


# (old text in WALL_SIT, new text, expected problem lines)
BAD_FIELDS = [
    pytest.param(
        "level: 2",
        "level: two",
        ["c.yaml:8:5: exercises[0].level: must be a whole number"],
        id="level-word",
    ),
    pytest.param(
        "level: 2",
        "level: '2'",
        ["c.yaml:8:5: exercises[0].level: must be a whole number"],
        id="level-quoted",
    ),
    pytest.param(
        "level: 2",
        "level: 1.5",
        ["c.yaml:8:5: exercises[0].level: must be a whole number"],
        id="level-fraction",
    ),
    pytest.param(
        "level: 2",
        "level: true",
        ["c.yaml:8:5: exercises[0].level: must be a whole number"],
        id="level-bool",
    ),
    pytest.param(
        "level: 2",
        "level: 4",
        ["c.yaml:8:5: exercises[0].level: must be at most 3"],
        id="level-high",
    ),
    pytest.param(
        "hold_s: 10",
        "hold_s: 0",
        ["c.yaml:9:21: exercises[0].dose.hold_s: must be at least 1"],
        id="hold-zero",
    ),
    pytest.param(
        "hold_s: 10",
        "hold_s: 601",
        ["c.yaml:9:21: exercises[0].dose.hold_s: must be at most 600"],
        id="hold-long",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{reps: 51}",
        ["c.yaml:9:12: exercises[0].dose.reps: must be at most 50"],
        id="reps-many",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{sets: 2}",
        ["c.yaml:9:5: exercises[0].dose: give reps, hold_s or both"],
        id="no-reps-no-hold",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{reps: 5, sets: 11, rest_s: -1}",
        [
            "c.yaml:9:21: exercises[0].dose.sets: must be at most 10",
            "c.yaml:9:31: exercises[0].dose.rest_s: must be at least 0",
        ],
        id="sets-and-rest",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{reps: 5, per_side: maybe}",
        ["c.yaml:9:21: exercises[0].dose.per_side: must be true or false"],
        id="per-side-word",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{reps: 5, tempo: {lift_s: 2, lower_s: 11}}",
        ["c.yaml:9:40: exercises[0].dose.tempo.lower_s: must be at most 10"],
        id="tempo-slow",
    ),
    pytest.param(
        "{reps: 5, hold_s: 10}",
        "{reps: 5, hold: 10}",
        ["c.yaml:9:21: exercises[0].dose.hold: unknown field"],
        id="dose-unknown-key",
    ),
    pytest.param(
        "dose: {reps: 5, hold_s: 10}",
        "dose: 5",
        ["c.yaml:9:5: exercises[0].dose: must be a mapping of field: value"],
        id="dose-not-mapping",
    ),
    pytest.param(
        "level: 2",
        "level: 2\n    colour: red",
        ["c.yaml:9:5: exercises[0].colour: unknown field"],
        id="unknown-key",
    ),
    pytest.param(
        "focus: [core]",
        "focus: [cardio]",
        ["c.yaml:6:13: exercises[0].focus[0]: must be one of: core, stretch, mckenzie or mobility"],
        id="focus-unknown",
    ),
    pytest.param(
        "focus: [core]",
        "focus: []",
        ["c.yaml:6:5: exercises[0].focus: must not be empty"],
        id="focus-empty",
    ),
    pytest.param(
        "position: standing",
        "position: upside-down",
        [
            "c.yaml:7:5: exercises[0].position: must be one of: supine, side-lying, prone, "
            "quadruped, kneeling, sitting or standing"
        ],
        id="position-unknown",
    ),
    pytest.param(
        "id: wall-sit",
        "id: Wall Sit",
        [
            "c.yaml:2:5: exercises[0].id: must be a slug: lowercase letters, digits and "
            "single hyphens"
        ],
        id="id-not-slug",
    ),
    pytest.param(
        "id: wall-sit",
        "id: " + "a" * 65,
        ["c.yaml:2:5: exercises[0].id: must be at most 64 characters"],
        id="id-long",
    ),
    pytest.param(
        "name: Wall sit",
        "name: '  '",
        ["c.yaml:3:5: exercises[0].name: must not be empty"],
        id="name-blank",
    ),
    pytest.param(
        "name: Wall sit",
        'name: "Wall \\u202Etis"',
        ["c.yaml:3:5: exercises[0].name: must not contain text-direction controls (found U+202E)"],
        id="name-bidi-override",
    ),
    pytest.param(
        "name: Wall sit",
        'name: "Wall\\u2028sit"',
        ["c.yaml:3:5: exercises[0].name: must be one line"],
        id="name-line-separator",
    ),
    pytest.param(
        "name: Wall sit",
        "name: 12",
        ["c.yaml:3:5: exercises[0].name: must be text"],
        id="name-number",
    ),
    pytest.param(
        "    name: Wall sit\n",
        "",
        ["c.yaml:2:5: exercises[0].name: required field is missing"],
        id="name-missing",
    ),
    pytest.param(
        "steps: [Lean your back on a wall., Slide down a little and hold.]",
        "steps: Lean on a wall.",
        ["c.yaml:10:5: exercises[0].steps: must be a list"],
        id="steps-not-list",
    ),
    pytest.param(
        "stop_if: [Pain rises above 5 out of 10.]",
        "stop_if: []",
        ["c.yaml:12:5: exercises[0].stop_if: must not be empty"],
        id="stop-if-empty",
    ),
    pytest.param(
        "sources: [Made up for tests]",
        "sources: [Made up for tests, '']",
        ["c.yaml:14:34: exercises[0].sources[1]: must not be empty"],
        id="source-blank",
    ),
    pytest.param(
        "easier: [bridge]",
        "easier: [bridge, nope]",
        ["c.yaml:13:22: exercises[0].easier[1]: no exercise called 'nope'"],
        id="dangling-easier",
    ),
    pytest.param(
        "easier: [bridge]",
        "harder: [wall-sit]",
        ["c.yaml:13:14: exercises[0].harder[0]: an exercise cannot be its own variant"],
        id="own-variant",
    ),
    pytest.param(
        "dose: {reps: 5, hold_s: 10}",
        "dose: {reps: 5, hold_s: 10}\n    move_up: {hold_s: 20, source: Mine}",
        [
            "c.yaml:10:5: exercises[0].move_up: hold_s and hold_step_s go together: the "
            "target and the step"
        ],
        id="move-up-hold-without-step",
    ),
    pytest.param(
        "dose: {reps: 5, hold_s: 10}",
        "dose: {reps: 5, hold_s: 10}\n    move_up: {hold_s: 5, hold_step_s: 1, source: Mine}",
        ["c.yaml:2:5: exercises[0]: move_up.hold_s must be at least the dose's hold_s (10)"],
        id="move-up-below-the-dose",
    ),
    pytest.param(
        "dose: {reps: 5, hold_s: 10}",
        "dose: {hold_s: 10}\n    move_up: {reps: 10, source: Mine}",
        ["c.yaml:2:5: exercises[0]: move_up.reps needs a dose with reps"],
        id="move-up-reps-without-reps",
    ),
    pytest.param(
        "dose: {reps: 5, hold_s: 10}",
        "dose: {reps: 5, hold_s: 10}\n    move_up: {reps: 10}",
        ["c.yaml:10:5: exercises[0].move_up.source: required field is missing"],
        id="move-up-unsourced",
    ),
    pytest.param(
        "exercises:\n",
        "exercise:\n",
        [
            "c.yaml:1:1: exercises: required field is missing",
            "c.yaml:1:1: exercise: unknown field",
        ],
        id="top-level-typo",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), BAD_FIELDS)
def test_bad_field(old: str, new: str, expected: list[str]) -> None:
    assert old in WALL_SIT
    assert _parse(WALL_SIT.replace(old, new)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("- 1\n", ["c.yaml:1:1: expected a mapping at the top level"], id="list"),
        pytest.param("just text\n", ["c.yaml:1:1: expected a mapping at the top level"], id="text"),
        pytest.param(
            "exercises: []\n", ["c.yaml:1:1: exercises: must not be empty"], id="no-exercises"
        ),
        pytest.param(
            "exercises:\n", ["c.yaml:1:1: exercises: must be a list"], id="exercises-null"
        ),
        pytest.param(
            "exercises:\n  - 3\n",
            ["c.yaml:2:5: exercises[0]: must be a mapping of field: value"],
            id="exercise-not-mapping",
        ),
    ],
)
def test_bad_shape(text: str, expected: list[str]) -> None:
    assert _parse(text) == expected


def test_items_that_fail_do_not_also_make_the_list_empty() -> None:
    problems = _parse(WALL_SIT.replace("level: 2", "level: 9"))
    assert problems == ["c.yaml:8:5: exercises[0].level: must be at most 3"]


def test_duplicate_id() -> None:
    text = "exercises:\n" + exercise_yaml("plank", "Plank") + exercise_yaml("plank", "Plank 2")
    assert _parse(text) == [
        "c.yaml:14:5: exercises[1].id: duplicate id 'plank' (also exercises[0])"
    ]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        pytest.param(
            exercise_yaml("b", "Plank"),
            "c.yaml:15:5: exercises[1].name: 'Plank' already names 'a'",
            id="same-name",
        ),
        pytest.param(
            exercise_yaml("b", "Other", aliases="[Front Plank]"),
            "c.yaml:16:15: exercises[1].aliases[0]: 'Front Plank' already names 'a'",
            id="same-alias-any-case",
        ),
        pytest.param(
            exercise_yaml("b", "Other", aliases="[a]"),
            "c.yaml:16:15: exercises[1].aliases[0]: 'a' already names 'a'",
            id="alias-is-another-id",
        ),
    ],
)
def test_names_and_aliases_mean_one_exercise(second: str, expected: str) -> None:
    first = exercise_yaml("a", "Plank", aliases="[front plank]")
    assert _parse("exercises:\n" + first + second) == [expected]


def test_an_alias_may_repeat_its_own_name() -> None:
    text = "exercises:\n" + exercise_yaml("a", "Plank", aliases="[plank, PLANK]")
    assert _parse(text) == []


def test_check_unique_against_another_file() -> None:
    builtin = parse_exercises(
        parse_yaml(
            (
                "exercises:\n" + exercise_yaml("bird-dog", "Bird dog", aliases="[quadruped]")
            ).encode(),
            "built-in",
        )
    )
    mine = parse_yaml(
        (
            "exercises:\n"
            + exercise_yaml("quadruped", "Mine")
            + exercise_yaml("mine-2", "Bird Dog")
        ).encode(),
        "mine.yaml",
    )
    assert check_unique(parse_exercises(mine), mine, others=builtin) == [
        "mine.yaml:2:5: exercises[0].id: 'quadruped' already names 'bird-dog'",
        "mine.yaml:15:5: exercises[1].name: 'Bird Dog' already names 'bird-dog'",
    ]


def test_many_problems_are_cut_to_twenty_lines() -> None:
    text = "exercises:\n" + "".join(exercise_yaml(f"e{i}", f"E {i}", level="9") for i in range(25))
    with pytest.raises(CatalogueError) as caught:
        parse_exercises(parse_yaml(text.encode(), "c.yaml"))
    lines = str(caught.value).splitlines()
    assert len(caught.value.problems) == 25
    assert len(lines) == 21
    assert lines[0] == "c.yaml:8:5: exercises[0].level: must be at most 3"
    assert lines[-1] == "... and 5 more problems"


@pytest.mark.parametrize(
    ("dose", "pattern", "expected"),
    [
        ("{reps: 5, hold_s: 10}", "reps", []),
        ("{reps: 5, per_side: true}", "alternate\n    limb: leg", []),
        ("{reps: 5, hold_s: 2, per_side: true}", "rotate\n    limb: knees", []),
        ("{hold_s: 10, per_side: true}", "per_side", []),
        ("{hold_s: 10}", "hold", []),
        (
            "{reps: 5, hold_s: 10}",
            "alternate",
            ["c.yaml:2:5: exercises[0]: pattern alternate needs per_side: true"],
        ),
        (
            "{hold_s: 10, per_side: true}",
            "rotate",
            ["c.yaml:2:5: exercises[0]: pattern rotate needs reps"],
        ),
        (
            "{reps: 5, hold_s: 10}",
            "hold",
            [
                "c.yaml:2:5: exercises[0]: pattern hold is one hold per set: leave out reps, "
                "or use pattern reps"
            ],
        ),
        (
            "{reps: 5, hold_s: 10}",
            "spiral",
            [
                "c.yaml:10:5: exercises[0].pattern: must be one of: hold, reps, alternate, "
                "rotate or per_side"
            ],
        ),
    ],
    ids=[
        "reps",
        "alternate",
        "rotate",
        "per-side",
        "hold",
        "sides",
        "no-reps",
        "hold-reps",
        "word",
    ],
)
def test_a_user_catalogue_sets_the_pattern(dose: str, pattern: str, expected: list[str]) -> None:
    text = WALL_SIT.replace("dose: {reps: 5, hold_s: 10}", f"dose: {dose}\n    pattern: {pattern}")
    assert _parse(text) == expected
