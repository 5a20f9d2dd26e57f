"""``backex next``: the next exercise due today, through Typer and the start-up fast path."""

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from helpers.care import screened
from typer.testing import CliRunner

from backex.catalogue.exercise import Dose
from backex.cli import app
from backex.history.records import ExerciseEntry
from backex.history.store import NOW_ENV, History, SessionRecorder

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "mckenzie-extension-early.yaml")
NOW = "2026-03-02T09:30:00+01:00"
HOSTILE = "Tom's \"plan\" & <script>alert('x')</script> [red]x[/red] — ünï ✓"


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_ENV, NOW)


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["next", *args])


def record(done: list[str], at: str = NOW) -> None:
    """A session at ``at`` in which the exercises ``done`` were done, in that order."""
    with History.open() as history:
        recorder = SessionRecorder(history, lambda: datetime.fromisoformat(at))
        recorder.start({"items": []}, ["mckenzie"], 2)
        for position, exercise_id in enumerate(done):
            recorder.record_exercise(
                ExerciseEntry(position, exercise_id, Dose(hold_s=60), sets_done=1, seconds_done=60)
            )
        recorder.finish(completed=True)


def test_first_exercise_when_nothing_is_done() -> None:
    result = invoke("--plan", EXAMPLE)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Prone lying — 120 s hold: Lie face down on a firm surface. ")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_json_fields() -> None:
    result = invoke("--plan", EXAMPLE, "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert list(shown) == ["id", "name", "dose", "steps", "position", "of"]
    assert (shown["id"], shown["dose"], shown["position"], shown["of"]) == (
        "prone-lying",
        "120 s hold",
        1,
        4,
    )
    assert shown["steps"][0] == "Lie face down on a firm surface."


def test_todays_history_moves_it_on_and_yesterdays_does_not() -> None:
    record(["prone-lying", "prone-on-elbows", "prone-press-up"], at="2026-03-01T20:00:00+01:00")
    assert json.loads(invoke("--plan", EXAMPLE, "--json").stdout)["position"] == 1
    record(["prone-lying", "prone-on-elbows"])
    result = invoke("--plan", EXAMPLE, "--json")
    assert (json.loads(result.stdout)["id"], json.loads(result.stdout)["position"]) == (
        "prone-press-up",
        3,
    )


def test_all_done_today_is_one_line_and_exit_0() -> None:
    record(["prone-lying", "prone-on-elbows", "prone-press-up", "prone-lying"])
    result = invoke("--plan", EXAMPLE)
    assert (result.exit_code, result.stdout) == (0, "Done for today: 4 of 4 exercises.\n")
    shown = json.loads(invoke("--plan", EXAMPLE, "--json").stdout)
    assert shown == {"id": None, "name": None, "dose": None, "steps": [], "position": None, "of": 4}


def test_focus_uses_the_planner_and_defaults_to_core() -> None:
    default, core = invoke("--json"), invoke("--focus", "core", "--json")
    assert default.exit_code == core.exit_code == 0, default.output
    assert default.stdout == core.stdout
    screened(datetime.fromisoformat(NOW))  # the McKenzie screen passed, as routine asks first
    mckenzie = json.loads(invoke("--focus", "mckenzie", "--json").stdout)
    assert mckenzie["id"] == "prone-lying"


def test_hostile_plan_text_prints_as_text(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    quoted = json.dumps(HOSTILE, ensure_ascii=False)
    plan.write_text(
        "name: Mine\nfrequency: daily\nexercises: [my-stretch]\ncustom_exercises:\n"
        f"  - id: my-stretch\n    name: {quoted}\n    summary: A stretch.\n"
        "    focus: [stretch]\n    position: supine\n    level: 1\n    dose: {hold_s: 10}\n"
        f"    steps: [{quoted}, Two.]\n    cues: [Breathe.]\n    stop_if: [Pain rises.]\n"
        "    sources: [Clinic]\n",
        encoding="utf-8",
    )
    result = invoke("--plan", str(plan))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{HOSTILE} — 10 s hold: {HOSTILE} Two.\n"
    shown = json.loads(invoke("--plan", str(plan), "--json").stdout)
    assert (shown["name"], shown["steps"]) == (HOSTILE, [HOSTILE, "Two."])


def test_a_missing_plan_file_is_one_line_exit_1(tmp_path: Path) -> None:
    result = invoke("--plan", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1
    assert result.stderr.startswith("backex: ") and result.stderr.count("\n") == 1
    assert "nope.yaml" in result.stderr
    assert result.stdout == ""


def test_a_malformed_plan_file_is_a_located_error_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\nfrequency: daily\n", encoding="utf-8")
    result = invoke("--plan", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"backex: {bad}:")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_plan_and_focus_together_is_a_usage_error() -> None:
    result = invoke("--plan", EXAMPLE, "--focus", "core")
    assert (result.exit_code, result.stderr) == (
        2,
        "backex: give either --plan FILE or --focus, not both\n",
    )


# --- the start-up fast path answers `next`, `--plan FILE` and `--json` without Typer -----


def _installed(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    bin_dir = Path(sys.executable).parent
    return subprocess.run(
        [str(bin_dir / "backex"), *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"},
    )


@pytest.mark.parametrize(
    "args",
    [
        ["next"],
        ["next", "--json"],
        ["next", "--plan", EXAMPLE],
        ["next", "--json", "--plan", EXAMPLE],
        ["next", "--plan", "{missing}"],
        ["next", "--plan", "{bad}"],
        ["next", "--plan", EXAMPLE, "--catalogue", "{bad}"],
        ["next", "--plan"],
        ["next", "--level", "2"],
    ],
)
def test_fast_path_matches_the_typer_command(args: list[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    args = [a.format(missing=tmp_path / "nope.yaml", bad=bad) for a in args]
    record(["prone-lying"])
    fast = _installed(args, {"COLUMNS": "80"})
    typer_path = CliRunner().invoke(app, args, env={"COLUMNS": "80"})
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        typer_path.exit_code,
        typer_path.stdout,
        typer_path.stderr,
    )


def test_fast_path_imports_neither_typer_nor_rich() -> None:
    probe = (
        f"import sys; sys.argv = ['backex', 'next', '--plan', {EXAMPLE!r}, '--json']\n"
        "from backex.__main__ import main\n"
        "main()\n"
        "sys.stderr.write(' '.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert json.loads(result.stdout)["id"] == "prone-lying"
    assert not {"typer", "rich", "click"} & set(result.stderr.split())
