"""``backex list`` and ``backex show`` through CliRunner: exit codes, exact text, JSON."""

import json
from pathlib import Path

import pytest
from helpers.catalogue import WALL_SIT, exercise_yaml, write
from typer.testing import CliRunner, Result

from backex.catalogue import yamlfile
from backex.cli import app

runner = CliRunner()

# The record's fields, in its order (tests/catalogue/test_record_shapes.py holds the record
# and the catalogue schema to the same names).
EXERCISE_FIELDS = [
    "id",
    "name",
    "summary",
    "focus",
    "position",
    "level",
    "dose",
    "steps",
    "cues",
    "stop_if",
    "sources",
    "aliases",
    "equipment",
    "cautions",
    "easier",
    "harder",
    "tags",
    "pattern",
    "limb",
    "move_up",
    "figures",
]
DOSE_FIELDS = ["sets", "reps", "hold_s", "rest_s", "per_side", "tempo"]


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env=env)


def _flat(text: str) -> str:
    """Text with box drawing removed and runs of white space made one space."""
    return " ".join(text.translate({ord(c): " " for c in "│╭╮╰╯─"}).split())


# ---------------------------------------------------------------- list


def test_list_shows_every_group_and_a_count() -> None:
    result = run("list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for title in ("Core strengthening", "Stretches", "McKenzie series"):
        assert title in lines
    assert lines[-1] == "20 exercises. Details: backex show <id>"
    assert result.stderr == ""


def test_list_rows_have_name_id_position_level_and_dose() -> None:
    lines = [" ".join(line.split()) for line in run("list").stdout.splitlines()]
    bridge = lines.index("Bridge supine 1 5 x 5 s hold")
    assert lines[bridge + 1] == "bridge"
    assert "Prone lying prone 1 120 s hold" in lines


@pytest.mark.parametrize(
    ("args", "ids", "titles"),
    [
        (
            ["--focus", "mckenzie"],
            [
                "prone-lying",
                "prone-on-elbows",
                "prone-press-up",
                "standing-extension",
                "flexion-in-lying",
            ],
            ["McKenzie series"],
        ),
        (["-f", "stretch", "-l", "1", "-p", "quadruped"], ["childs-pose"], ["Stretches"]),
        (["--level", "3"], ["full-plank"], ["Core strengthening"]),
        (["--position", "standing"], ["standing-extension"], ["McKenzie series"]),
        (
            ["--focus", "mobility"],
            ["lower-trunk-rotation", "childs-pose", "pelvic-tilt"],
            ["Mobility"],
        ),
    ],
)
def test_list_filters(args: list[str], ids: list[str], titles: list[str]) -> None:
    result = run("list", "--json", *args)
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in json.loads(result.stdout)] == ids
    table = run("list", *args)
    assert table.exit_code == 0, table.output
    all_titles = ("Core strengthening", "Stretches", "McKenzie series", "Mobility")
    assert [t for t in all_titles if t in table.stdout.splitlines()] == titles
    count = f"{len(ids)} exercise{'' if len(ids) == 1 else 's'}. Details: backex show <id>"
    assert table.stdout.splitlines()[-1] == count


def test_list_unknown_focus_exits_2_and_names_the_valid_ones() -> None:
    result = run("list", "--focus", "cardio")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        "Invalid value for '--focus' / '-f': 'cardio' is not one of 'core', 'stretch', "
        "'mckenzie', 'mobility'."
    ) in _flat(result.stderr)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--level", "4"], "Invalid value for '--level' / '-l': 4 is not in the range 1<=x<=3."),
        (["--level", "x"], "Invalid value for '--level' / '-l': 'x' is not a valid int range."),
        (
            ["--position", "upside-down"],
            "Invalid value for '--position' / '-p': 'upside-down' is not one of 'supine',",
        ),
    ],
)
def test_list_bad_options_exit_2(args: list[str], message: str) -> None:
    result = run("list", *args)
    assert result.exit_code == 2
    assert message in _flat(result.stderr)


def test_list_with_no_match_exits_1() -> None:
    result = run("list", "--focus", "mckenzie", "--level", "3")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "backex: no exercise matches those filters\n"


def test_list_json_is_an_array_of_exercise_objects() -> None:
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    exercises = json.loads(result.stdout)
    assert len(exercises) == 20
    for exercise in exercises:
        assert list(exercise) == EXERCISE_FIELDS
        assert list(exercise["dose"]) == DOSE_FIELDS
    assert exercises[0]["id"] == "double-knee-to-chest"


def test_list_json_with_no_match_is_an_empty_array() -> None:
    result = run("list", "--json", "--level", "3", "--focus", "stretch")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


# ---------------------------------------------------------------- show


@pytest.mark.parametrize("query", ["bridge", "BRIDGE", "Bridge", "glute bridge", "Hip Bridge"])
def test_show_accepts_id_name_or_alias_in_any_case(query: str) -> None:
    result = run("show", query)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].startswith("╭─ Bridge (bridge) ─")


def test_show_has_every_section() -> None:
    text = _flat(run("show", "bridge").stdout)
    for part in [
        "Lifting the hips off the floor strengthens the buttock and back muscles",
        "Dose 5 x 5 s hold",
        "Position supine",
        "Level 1",
        "Steps 1. Lie on your back with knees bent and feet flat, hip-width apart.",
        "5. Lower your hips slowly back to the floor.",
        "Cues • Breathe out as you lift, keep breathing while you hold.",
        "Cautions • Do not lift so high that your low back arches.",
        "Stop if ! Pain rises above 5 out of 10.",
        "Easier Pelvic tilt (pelvic-tilt)",
        'Sources - JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)',
    ]:
        assert part in text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("brige", "backex: no exercise called 'brige'; did you mean: bridge?\n"),
        (
            "bird",
            "backex: no exercise called 'bird'; did you mean: "
            "quadruped-opposite-arm-leg-lift, bird-dog-one-limb?\n",
        ),
        ("xyzzy", "backex: no exercise called 'xyzzy'\n"),
    ],
)
def test_show_unknown_name_exits_1_with_suggestions(query: str, message: str) -> None:
    result = run("show", query)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == message


def test_show_without_a_name_is_a_usage_error() -> None:
    result = run("show")
    assert result.exit_code == 2
    assert result.stderr == "backex: give an EXERCISE to show, or --all-figures\n"


def test_all_figures_takes_no_exercise() -> None:
    result = run("show", "bridge", "--all-figures")
    assert result.exit_code == 2
    assert result.stderr == (
        "backex: --all-figures shows every exercise: give no EXERCISE and no --json\n"
    )


def test_show_json_is_one_exercise_object() -> None:
    result = run("show", "Bird Dog", "--json")
    assert result.exit_code == 0, result.output
    exercise = json.loads(result.stdout)
    assert list(exercise) == EXERCISE_FIELDS
    assert exercise["id"] == "quadruped-opposite-arm-leg-lift"
    assert exercise["focus"] == ["core"]
    assert exercise["position"] == "quadruped"
    assert exercise["dose"] == {
        "sets": 1,
        "reps": 5,
        "hold_s": 5,
        "rest_s": 0,
        "per_side": True,
        "tempo": None,
    }
    assert exercise["easier"] == ["bird-dog-one-limb"]


# ---------------------------------------------------------------- user catalogue


def test_catalogue_option_extends_the_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT)
    result = run("list", "--catalogue", str(path), "--json")
    assert result.exit_code == 0, result.output
    ids = [e["id"] for e in json.loads(result.stdout)]
    assert len(ids) == 21
    assert ids[-1] == "wall-sit"
    shown = run("show", "wall squat", "--catalogue", str(path))
    assert shown.exit_code == 0, shown.output
    assert "Wall sit (wall-sit)" in shown.stdout
    assert "Easier  Bridge (bridge)" in shown.stdout


def test_environment_variable_extends_the_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, WALL_SIT)
    result = run("show", "wall-sit", env={"BACKEX_CATALOGUE": str(path)})
    assert result.exit_code == 0, result.output
    assert "Wall sit (wall-sit)" in result.stdout


def test_same_id_replaces_the_builtin(tmp_path: Path) -> None:
    path = write(tmp_path, "exercises:\n" + exercise_yaml("bridge", "Bridge", summary="Mine."))
    result = run("show", "bridge", "--json", "--catalogue", str(path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"] == "Mine."
    assert len(json.loads(run("list", "--json", "--catalogue", str(path)).stdout)) == 20


def _alias_bomb() -> str:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# (case, file content or None for "no file", expected stderr lines; {path} is the file)
BAD_CATALOGUES = [
    pytest.param(
        b"exercises: [\n",
        ["{path}:2:1: invalid YAML: did not find expected node content"],
        id="not-yaml",
    ),
    pytest.param(
        WALL_SIT.replace("level: 2", "level: two").encode(),
        ["{path}:8:5: exercises[0].level: must be a whole number"],
        id="wrong-type",
    ),
    pytest.param(
        WALL_SIT.replace("level: 2", "level: 2\n    colour: red").encode(),
        ["{path}:9:5: exercises[0].colour: unknown field"],
        id="unknown-key",
    ),
    pytest.param(
        WALL_SIT.replace("hold_s: 10", "hold_s: 0").encode(),
        ["{path}:9:21: exercises[0].dose.hold_s: must be at least 1"],
        id="out-of-range",
    ),
    pytest.param(
        ("exercises:\n" + exercise_yaml("a", "A") + exercise_yaml("a", "B")).encode(),
        ["{path}:14:5: exercises[1].id: duplicate id 'a' (also exercises[0])"],
        id="duplicate-id",
    ),
    pytest.param(
        WALL_SIT.replace("easier: [bridge]", "easier: [brigde]").encode(),
        ["{path}:13:14: exercises[0].easier[0]: no exercise called 'brigde'"],
        id="dangling-easier",
    ),
    pytest.param(
        WALL_SIT.replace("easier: [bridge]", "harder: [nope]").encode(),
        ["{path}:13:14: exercises[0].harder[0]: no exercise called 'nope'"],
        id="dangling-harder",
    ),
    pytest.param(b"", ["{path}: file is empty"], id="empty"),
    pytest.param(
        WALL_SIT.replace("Wall sit", "Wall s\u00eet").encode("latin-1"),
        ["{path}:3:17: not valid UTF-8 text"],
        id="not-utf-8",
    ),
    pytest.param(None, ["{path}: file not found"], id="missing"),
    pytest.param(
        _alias_bomb().encode(),
        ["{path}: refused: aliases expand to more than 1,000,000 YAML values"],
        id="alias-bomb",
    ),
    pytest.param(
        b"#" * (yamlfile.MAX_BYTES + 1), ["{path}: refused: larger than 8 MiB"], id="too-large"
    ),
]


@pytest.mark.parametrize("command", [["list"], ["show", "bridge"]])
@pytest.mark.parametrize(("content", "expected"), BAD_CATALOGUES)
def test_bad_user_catalogue(
    tmp_path: Path, command: list[str], content: bytes | None, expected: list[str]
) -> None:
    path = tmp_path / "my.yaml"
    if content is not None:
        path.write_bytes(content)
    result = run(*command, "--catalogue", str(path))
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr == "".join(f"backex: {line.format(path=path)}\n" for line in expected)


def test_folder_as_catalogue(tmp_path: Path) -> None:
    result = run("list", "--catalogue", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"backex: {tmp_path}: is a folder, not a file\n"


def test_bad_catalogue_from_the_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "- just a list\n")
    result = run("list", env={"BACKEX_CATALOGUE": str(path)})
    assert result.exit_code == 1
    assert result.stderr == f"backex: {path}:1:1: expected a mapping at the top level\n"


def test_bad_catalogue_never_leaves_a_cache_behind(tmp_path: Path, isolated_home: Path) -> None:
    path = write(tmp_path, WALL_SIT.replace("level: 2", "level: 9"))
    assert run("list", "--catalogue", str(path)).exit_code == 1
    assert run("list", "--catalogue", str(path)).exit_code == 1
    assert list((isolated_home / "cache").glob("*.pickle")) == []
