"""``backex plan check`` and ``backex plan new``, and the shipped examples."""

import sys
import types
from pathlib import Path

import pytest
from helpers.prescription import small_catalogue
from typer.testing import CliRunner

from backex.catalogue.exercise import Dose, Focus
from backex.catalogue.loader import Catalogue, load_catalogue
from backex.cli import app
from backex.planning.plan import Block, Plan, PlannedItem
from backex.prescription.loader import load_prescription
from backex.prescription.model import prescription_to_plan
from backex.prescription.writer import render_plan_yaml

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))


def test_examples_folder_has_the_two_plans() -> None:
    names = {p.name for p in EXAMPLES}
    assert {"mckenzie-extension-early.yaml", "core-stability-week1.yaml"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_passes_plan_check(path: Path) -> None:
    result = CliRunner().invoke(app, ["plan", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"OK: {path}: ")
    assert result.stderr == ""


def test_mckenzie_example_starts_and_ends_with_prone_lying() -> None:
    path = next(p for p in EXAMPLES if p.name == "mckenzie-extension-early.yaml")
    plan = prescription_to_plan(load_prescription(path, load_catalogue()))
    ids = [item.exercise.id for item in plan.items]
    assert ids == ["prone-lying", "prone-on-elbows", "prone-press-up", "prone-lying"]
    press_up = plan.items[2]
    assert (press_up.dose.reps, press_up.reason) == (
        5,
        "prescribed (override: reps 5): kept as your clinician set it, not adapted",
    )


def test_plan_check_summarises_a_good_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(
        "name: Mine\nfrequency: [mon, thu]\nexercises:\n  - id: bridge\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["plan", "check", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "OK: p.yaml: 'Mine', 1 exercise, once a day on Mon and Thu, about 1 min per session\n"
        "note: no `version: 2` line: read as a version 1 plan, as before; version 2 adds "
        "patient, clinic, review_on, max_pain, progression, avoid, red_flags_reviewed\n"
    )


def test_plan_check_says_which_exercise_a_name_or_alias_means(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(
        "version: 2\nname: Mine\nfrequency: 2x-daily\nexercises:\n  - bird dog\n  - Bridge\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["plan", "check", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "OK: p.yaml: 'Mine', 2 exercises, twice a day, about 3 min per session\n"
        "note: exercises[0].id 'bird dog' is read as quadruped-opposite-arm-leg-lift "
        "(Quadruped opposite arm and leg lift)\n"
        "note: exercises[1].id 'Bridge' is read as bridge (Bridge)\n"
    )


def test_plan_check_reports_every_problem_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(
        "name: Mine\nfrequency: hourly\nexercises:\n  - id: bridge\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["plan", "check", "p.yaml"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "backex: p.yaml:2:1: frequency: unknown frequency 'hourly'; use daily, 2x-daily, 3x-daily, "
        'every-2h, weekdays, 3x-weekly, [mon, wed, fri] or ["08:00", "18:00"]\n'
    )


def test_plan_check_unknown_id_suggests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(
        "name: Mine\nfrequency: daily\nexercises:\n  - id: prone-press-upp\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["plan", "check", "p.yaml"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "backex: p.yaml:4:5: exercises[0].id: no exercise called 'prone-press-upp'; "
        "did you mean: prone-press-up"
    )


def test_plan_check_missing_file() -> None:
    result = CliRunner().invoke(app, ["plan", "check", "no-such-plan.yaml"])
    assert result.exit_code == 1
    assert result.stderr == "backex: no-such-plan.yaml: file not found\n"


# --- plan new ------------------------------------------------------------------------


def _planned(catalogue: Catalogue) -> Plan:
    bridge = catalogue.get("bridge")
    lying = catalogue.get("prone-lying")
    return Plan(
        items=(
            PlannedItem(bridge, Dose(reps=3, hold_s=5), Block.MAIN, 60, "trimmed to fit 5 min"),
            PlannedItem(lying, lying.dose, Block.COOL_DOWN, 135, "catalogue dose", "Relax."),
        ),
        focus=(Focus.CORE,),
        max_level=1,
        minutes=5,
        name="Rücken — 5 min",
    )


@pytest.fixture
def fake_planner(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    """Stand in for issue 3's ``backex.planning.planner.make_plan`` and record its calls."""
    calls: list[tuple[object, ...]] = []

    def make_plan(
        catalogue: Catalogue, focus: object, max_level: int, minutes: int, seed: int | None
    ) -> Plan:
        calls.append((focus, max_level, minutes, seed))
        return _planned(catalogue)

    module = types.ModuleType("backex.planning.planner")
    module.make_plan = make_plan  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "backex.planning.planner", module)
    return calls


def test_rendered_plan_round_trips_through_plan_check(tmp_path: Path) -> None:
    catalogue = small_catalogue()
    path = tmp_path / "new.yaml"
    path.write_text(render_plan_yaml(_planned(catalogue), "Dr Ng"), encoding="utf-8")
    prescription = load_prescription(path, catalogue)
    assert prescription.name == "Rücken — 5 min"
    assert prescription.prescribed_by == "Dr Ng"
    got = [(e.exercise.id, e.dose, e.note) for e in prescription.entries]
    assert got == [
        ("bridge", Dose(reps=3, hold_s=5), ""),
        ("prone-lying", Dose(hold_s=120), "Relax."),
    ]
    text = path.read_text(encoding="utf-8")
    assert "    dose: {reps: 3}  # trimmed to fit 5 min\n" in text
    assert "  # --- cool-down\n" in text


def test_plan_new_writes_the_planners_plan(
    fake_planner: list[tuple[object, ...]], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    result = CliRunner().invoke(
        app,
        ["plan", "new", "-f", "core", "-f", "stretch", "-m", "5", "--seed", "7", "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}\n"
    assert fake_planner == [((Focus.CORE, Focus.STRETCH), 1, 5, 7)]
    check = CliRunner().invoke(app, ["plan", "check", str(out)])
    assert check.exit_code == 0, check.output


def test_plan_new_prints_to_stdout_and_all_means_every_focus(
    fake_planner: list[tuple[object, ...]],
) -> None:
    result = CliRunner().invoke(app, ["plan", "new", "--focus", "all"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# backex plan file")
    every = tuple(f for f in Focus if f is not Focus.MCKENZIE)  # McKenzie is its own session
    assert fake_planner == [(every, 1, 15, None)]


def test_plan_new_refuses_an_existing_file_unless_forced(
    fake_planner: list[tuple[object, ...]], tmp_path: Path
) -> None:
    out = tmp_path / "plan.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(app, ["plan", "new", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == f"backex: {out} already exists; use --force to replace it\n"
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = CliRunner().invoke(app, ["plan", "new", "-o", str(out), "--force"])
    assert forced.exit_code == 0, forced.output
    assert out.read_text(encoding="utf-8").startswith("# backex plan file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_plan_new_unknown_focus_is_a_usage_error(fake_planner: list[tuple[object, ...]]) -> None:
    result = CliRunner().invoke(app, ["plan", "new", "--focus", "legs"])
    assert result.exit_code == 2
    assert "'legs' is not one of 'core', 'stretch', 'mckenzie', 'mobility', 'all'" in " ".join(
        result.output.replace("│", " ").split()
    )
    assert fake_planner == []


@pytest.mark.parametrize(
    ("frequency", "words"),
    [
        ("daily", "once a day"),
        ("2x-daily", "twice a day"),
        ("twice daily", "twice a day"),
        ("3x-daily", "3 times a day"),
        ("every-2h", "every 2 hours from 08:00 to 20:00 (7 times a day)"),
        ("weekdays", "once a day, Monday to Friday"),
        ("4x-weekly", "4 times a week"),
        ("[tue, sat]", "once a day on Tue and Sat"),
        ('["07:30", "18:00"]', "every day at 07:30 and 18:00"),
        ('{times: ["09:00"], days: [sat, sun]}', "on Sat and Sun at 09:00"),
    ],
)
def test_plan_check_says_every_frequency_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, frequency: str, words: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("p.yaml").write_text(
        f"version: 2\nname: Mine\nfrequency: {frequency}\nexercises:\n  - bridge\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["plan", "check", "p.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (f"OK: p.yaml: 'Mine', 1 exercise, {words}, about 1 min per session\n")
