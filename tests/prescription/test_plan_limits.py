"""A plan's limits reach the routine: max_pain (light and stop rule), progression, avoid."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backex.care import safety
from backex.care.rules import Light, PastResult, Symptoms, traffic_light
from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.cli import app
from backex.planning.dosing import DoseHistory, Progression
from backex.prescription.loader import load_prescription
from backex.prescription.model import prescription_to_plan

FAST = {"BACKEX_CLOCK_SCALE": "2000", "COLUMNS": "200"}


@pytest.mark.parametrize(
    ("before", "after", "max_pain", "light", "start"),
    [
        (2, 3, 5, Light.GREEN, "Good: carry on"),
        (4, 5, 5, Light.AMBER, "Acceptable if it settles"),
        (5, 6, 5, Light.RED, "Pain went up, to more than 5 out of 10."),
        (4, 4, 4, Light.AMBER, "Acceptable if it settles"),
        (4, 5, 4, Light.RED, "Pain went up, to more than 4 out of 10."),
        (3, 3, 3, Light.GREEN, "Good: carry on"),
        (3, 4, 3, Light.RED, "Pain went up, to more than 3 out of 10."),
        (2, 2, 2, Light.GREEN, "Good: carry on"),  # green is at most the limit
        (2, 3, 2, Light.RED, "Pain went up, to more than 2 out of 10."),
        (6, 6, 7, Light.AMBER, "Acceptable if it settles"),
        (8, 8, 7, Light.AMBER, "Acceptable if it settles"),  # above the limit, no higher
        (7, 8, 7, Light.RED, "Pain went up, to more than 7 out of 10."),
        (1, 3, 7, Light.GREEN, "Good: carry on"),  # revision 2: 3 or less is green
    ],
)
def test_max_pain_moves_the_light(
    before: int, after: int, max_pain: int, light: Light, start: str
) -> None:
    advice = traffic_light(before, after, max_pain)
    assert advice is not None
    assert (advice.light, advice.advice[: len(start)]) == (light, start)


@pytest.mark.parametrize("max_pain", [3, 5, 7])
def test_max_pain_is_in_the_routines_stop_rule(tmp_path: Path, max_pain: int) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        f"version: 2\nname: P\nfrequency: daily\nmax_pain: {max_pain}\n"
        "review_on: 2020-01-06\nexercises:\n  - supine-marches\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["routine", "--quiet", "--plan", str(plan), "--pain", str(max_pain + 1)], env=FAST
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(
        f"{safety.stop_rule_text(max_pain)}\n"
        "Your review was due on Monday 6 January 2020: contact your clinician.\n"
    )
    assert f"goes above {max_pain} out of 10" in safety.stop_rule_text(max_pain)
    assert ": red." not in result.stdout  # no pain-after score, no light (revision 2)


def _good(dose: Dose, day: int = 1) -> PastResult:
    return PastResult(
        datetime(2025, 3, day, tzinfo=UTC), dose, dose.sets, (dose.reps or 0) * dose.sets, None,
        False, None, 2, 2,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("progression", "last_light", "symptoms", "reps", "reason_start"),
    [
        (Progression.OFF, None, None, 5, "prescribed (override: reps 5): kept as your"),
        (Progression.OFF, Light.RED, None, 5, "prescribed (override: reps 5): kept as your"),
        (Progression.HOLD, None, None, 5, "prescribed (override: reps 5): as written"),
        (Progression.HOLD, Light.RED, None, 3, "prescribed (override: reps 5): "),
        (Progression.HOLD, None, Symptoms.PERIPHERALISING, 3, "prescribed (override: reps 5): "),
        (Progression.AUTO, None, None, 6, "prescribed (override: reps 5): "),
        (Progression.AUTO, Light.RED, None, 3, "prescribed (override: reps 5): "),
    ],
)
def test_progression_off_freezes_hold_eases_auto_progresses(
    tmp_path: Path,
    progression: Progression,
    last_light: Light | None,
    symptoms: Symptoms | None,
    reps: int,
    reason_start: str,
) -> None:
    plan_file = tmp_path / "p.yaml"
    plan_file.write_text(
        f"version: 2\nname: P\nfrequency: daily\nprogression: {progression}\n"
        "exercises:\n  - id: prone-press-up\n    dose: {reps: 5}\n",
        encoding="utf-8",
    )
    prescription = load_prescription(plan_file, load_catalogue())
    written = prescription.entries[0].dose
    recent = [_good(written, day) for day in (3, 2, 1)]  # good sessions on 3 different days
    if symptoms is not None:
        from dataclasses import replace

        recent[0] = replace(recent[0], symptoms=symptoms)
    history = DoseHistory({"prone-press-up": recent}, last_light)
    (item,) = prescription_to_plan(prescription, history).items
    assert item.exercise.id == "prone-press-up"  # never a variant
    assert item.dose.reps == reps
    assert item.reason.startswith(reason_start)
    if reps != 5:
        assert "kept as your clinician" not in item.reason


def test_avoid_refuses_the_routine(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "version: 2\nname: P\nfrequency: daily\navoid: [extension]\n"
        "exercises:\n  - prone-lying\n  - prone-press-up\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["routine", "--plan", str(plan), "--dry-run"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"backex: {plan}:7:5: exercises[1].id: prone-press-up is an extension exercise, and "
        "the plan says avoid: [extension]; remove the exercise or the avoid entry\n"
    )
