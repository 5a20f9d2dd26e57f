"""``backex routine`` through CliRunner: options, errors, dry-run, a plain run."""

import json

import pytest
from helpers.care import screened
from typer.testing import CliRunner

from backex.catalogue.exercise import Focus
from backex.cli import app
from backex.cli.options import FocusChoice

FAST = {"BACKEX_CLOCK_SCALE": "2000"}


def test_focus_choices_are_the_catalogue_values_plus_all() -> None:
    assert [c.value for c in FocusChoice] == [f.value for f in Focus] + ["all"]


def test_dry_run_table() -> None:
    result = CliRunner().invoke(app, ["routine", "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Plan: core, level 1, 15 min budget"
    assert lines[2].split() == [
        "1",
        "Lower",
        "trunk",
        "rotation",
        "5",
        "x",
        "2",
        "s",
        "hold",
        "each",
        "side",
        "1:05",
        "warm-up",
    ]
    assert "Total: 7:00 estimated" in lines
    assert lines[-3:] == [
        "Left out for you today:",
        "- Bridge: one rung per ladder: Pelvic tilt is in the plan",
        "First-run questions not answered yet: backex safety --profile asks them.",
    ]


def test_dry_run_json_has_the_documented_fields() -> None:
    result = CliRunner().invoke(app, ["routine", "--dry-run", "--json", "-m", "2"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["total_s"] == sum(item["est_s"] for item in doc["items"]) <= 120
    first = doc["items"][0]
    assert {k: first[k] for k in ("exercise", "sets", "reps", "hold_s", "per_side", "est_s")} == {
        "exercise": "supine-marches",
        "sets": 1,
        "reps": 5,
        "hold_s": None,
        "per_side": True,
        "est_s": 45,  # alternating sides: no pause to switch
    }
    assert "lower-trunk-rotation" in doc["dropped"]


def test_same_seed_same_json() -> None:
    args = ["routine", "--dry-run", "--json", "-f", "all", "-l", "3", "--seed", "3"]
    first = CliRunner().invoke(app, args)
    second = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert first.output == second.output


def test_focus_all_and_repeated_focus() -> None:
    result = CliRunner().invoke(
        app, ["routine", "--dry-run", "--json", "-f", "stretch", "-f", "mobility"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["focus"] == ["stretch", "mobility"]
    everything = CliRunner().invoke(app, ["routine", "--dry-run", "--json", "-f", "all"])
    every = [f.value for f in Focus if f is not Focus.MCKENZIE]  # McKenzie: a session of its own
    assert json.loads(everything.output)["focus"] == every


@pytest.mark.parametrize("other", ["stretch", "all", "core", "mobility"])
def test_mckenzie_with_another_focus_is_refused_with_exit_2(other: str) -> None:
    result = CliRunner().invoke(app, ["routine", "--dry-run", "-f", "mckenzie", "-f", other])
    assert result.exit_code == 2
    assert result.output == (
        "backex: --focus mckenzie is a session of its own (the extension series only, never "
        "with flexion stretches between its prone-lying brackets); leave out the other "
        "--focus values\n"
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--focus", "abs"],
            "'abs' is not one of 'core', 'stretch', 'mckenzie', 'mobility', 'all'",
        ),
        (["--level", "4"], "4 is not in the range 1<=x<=3"),
        (["--level", "0"], "0 is not in the range 1<=x<=3"),
        (["--minutes", "0"], "0 is not in the range 1<=x<=120"),
        (["--minutes", "121"], "121 is not in the range 1<=x<=120"),
    ],
)
def test_bad_options_exit_2_with_the_valid_values(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, ["routine", "--dry-run", *args])
    assert result.exit_code == 2
    assert expected in " ".join(result.output.replace("│", " ").split())


def test_json_without_dry_run_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["routine", "--json"])
    assert result.exit_code == 2
    assert result.output == "backex: --json works with --dry-run only\n"


def test_nothing_fits_exits_1_and_says_what_to_change() -> None:
    screened()
    result = CliRunner().invoke(app, ["routine", "-f", "mckenzie", "-m", "3", "--dry-run"])
    assert result.exit_code == 1
    assert result.output == (
        "backex: nothing fits in 3 min; the shortest session takes 6:35 min: try --minutes 7\n"
    )


@pytest.mark.parametrize("value", ["fast", "0", "-2", "nan", "inf"])
def test_bad_clock_scale_exits_2(value: str) -> None:
    result = CliRunner().invoke(app, ["routine", "-m", "1"], env={"BACKEX_CLOCK_SCALE": value})
    assert result.exit_code == 2
    assert result.output == (
        f"backex: BACKEX_CLOCK_SCALE must be a positive number (like 1 or 20), not {value!r}\n"
    )


def test_plain_run_of_a_tiny_routine() -> None:
    result = CliRunner().invoke(app, ["routine", "-m", "1", "--quiet"], env=FAST)
    assert result.exit_code == 0, result.output
    lines = [line.rstrip() for line in result.stdout.splitlines()]
    assert lines[:15] == [
        "Stop if pain goes above 5 out of 10, spreads down a leg, or you get new",
        "numbness, tingling or leg weakness. Discomfort up to 5 out of 10 that settles by",
        "the next morning is fine.",
        "Today's session",
        "1. Supine marches 5 reps each side",
        "About 0:55 · you need: mat",
        "First-run questions not answered yet: backex safety --profile asks them.",
        "─" * 80,
        "Starting now.",
        "[00:00] Supine marches (1 of 1): get ready, right leg first",
        "[00:00] Picture. Start: Lie on your back, knees bent, feet flat on the floor, arms by "
        "your sides. End: One foot lifted a few centimetres, knee still bent; the back stays on "
        "the floor.",
        "[00:12] 3… 2… 1…",
        "[00:15] Supine marches — set 1/1, right leg, rep 1/5: lift 2 s, lower 2 s",
        "[00:19] Supine marches — set 1/1, left leg, rep 1/5: lift 2 s, lower 2 s",
        "[00:23] Supine marches — set 1/1, right leg, rep 2/5: lift 2 s, lower 2 s",
    ]
    assert "[00:55] Done, well done." in lines
    assert lines[-4:] == [
        "Exercise        Result  Sets         Reps  Work",
        "Supine marches  done       1  5 each side  0:40",
        "Done 1  ·  skipped 0  ·  time taken 0:55",
        "First fortnight: 1 of 6 sessions — 5 to go, 13 days left.",  # a first session
    ]
    assert "\a" not in result.output


def test_plain_run_with_voice_missing_says_so_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = CliRunner().invoke(app, ["routine", "-m", "1", "--voice"], env=FAST)
    assert result.exit_code == 0, result.output
    warning = (
        "backex: --voice needs espeak-ng (or say on macOS), which is not installed; "
        "carrying on without a voice"
    )
    assert result.output.count(warning) == 1


def test_plan_file_is_coached_with_its_overrides() -> None:
    result = CliRunner().invoke(
        app, ["routine", "--plan", "examples/mckenzie-extension-early.yaml", "--dry-run", "--json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["plan"] == "Early McKenzie extension"
    assert [item["exercise"] for item in doc["items"]] == [
        "prone-lying",
        "prone-on-elbows",
        "prone-press-up",
        "prone-lying",
    ]
    press_up = doc["items"][2]
    assert (press_up["reps"], press_up["hold_s"]) == (5, 1)  # the plan overrides 10 reps
    assert press_up["reason"] == (
        "prescribed (override: reps 5): kept as your clinician set it, not adapted"
    )


def test_plan_file_and_focus_together_is_a_usage_error() -> None:
    result = CliRunner().invoke(
        app, ["routine", "--plan", "examples/core-stability-week1.yaml", "-f", "core"]
    )
    assert result.exit_code == 2
    assert result.output == "backex: give either --plan FILE or --focus, not both\n"


def test_plan_file_in_plain_mode_runs_the_prescribed_exercises() -> None:
    result = CliRunner().invoke(
        app,
        ["routine", "--plan", "examples/mckenzie-extension-early.yaml", "--plain", "--quiet"],
        env=FAST,
    )
    assert result.exit_code == 0, result.output
    assert "Prone press-up" in result.output
    assert "set 1/1, rep 5/5" in result.output
    assert "rep 6/" not in result.output
