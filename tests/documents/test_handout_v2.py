"""Handout v2: only the rules that fit the plan, the stop rule once, plan details, a11y."""

import re
from datetime import date
from pathlib import Path

import pytest
from helpers.a11y import accessibility_problems
from helpers.care import screened
from typer.testing import CliRunner

from backex.care import safety
from backex.catalogue.loader import load_catalogue
from backex.cli import app
from backex.documents.handout import handout_for_prescription
from backex.documents.handout_render import render_html, render_markdown
from backex.prescription.loader import load_prescription

MONDAY = date(2025, 3, 3)
RULES = safety.RULES_OF_PRACTICE
START_WITH_5, MCKENZIE, EVERY_DAY = RULES[1], RULES[4], RULES[5]


def sheet(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    return handout_for_prescription(load_prescription(path, load_catalogue()), MONDAY)


@pytest.mark.parametrize(
    ("frequency", "exercises", "present", "absent"),
    [
        ("[mon, wed, fri]", ["bridge"], [], [EVERY_DAY, MCKENZIE, START_WITH_5]),
        ("daily", ["bridge"], [EVERY_DAY], [MCKENZIE]),
        ("3x-weekly", ["bridge"], [], [EVERY_DAY]),
        ("2x-daily", ["prone-lying", "prone-press-up"], [MCKENZIE, EVERY_DAY], [START_WITH_5]),
        ("daily", ["supine-marches"], [], [START_WITH_5]),  # a 10-rep prescription
    ],
)
def test_only_the_rules_that_fit_the_plan(
    tmp_path: Path, frequency: str, exercises: list[str], present: list[str], absent: list[str]
) -> None:
    listed = "".join(f"  - {e}\n" for e in exercises)
    handout = sheet(tmp_path, f"name: T\nfrequency: {frequency}\nexercises:\n{listed}")
    md = render_markdown(handout)
    for rule in present:
        assert rule in handout.safety.rules and rule in md
    for rule in absent:
        assert rule not in handout.safety.rules and rule not in md


def test_stop_rule_once_with_the_plans_pain_limit(tmp_path: Path) -> None:
    handout = sheet(
        tmp_path,
        "version: 2\nname: T\nfrequency: daily\nmax_pain: 4\n"
        "exercises:\n  - prone-on-elbows\n  - prone-press-up\n",
    )
    assert handout.stop[:2] == (
        "Stop if pain goes above 4 out of 10, spreads down a leg, or you get new numbness, "
        "tingling or leg weakness. Discomfort up to 4 out of 10 that settles by the next "
        "morning is fine.",
        "A new pain starts that you did not have before.",
    )
    assert safety.stop_rule_text(4) == handout.stop[0]  # the one wording, screen and paper
    assert not any("numbness" in line for line in handout.stop[1:])  # said once
    md = render_markdown(handout)
    for line in handout.stop:
        assert md.count(line) == 1  # once, not under every exercise
    assert "Stop if:" not in md
    assert "Pain rises above 5 out of 10." not in handout.stop  # the plan's limit instead
    html = render_html(handout)
    assert html.count('class="stop-if"') == 1


def test_patient_clinic_review_and_plain_doses(tmp_path: Path) -> None:
    handout = sheet(
        tmp_path,
        "version: 2\nname: Back plan\npatient: J. S.\n"
        "clinic: {name: Riverside Physio, phone: 01234 567890}\nreview_on: 2025-03-17\n"
        "frequency: 2x-daily\nexercises:\n  - prone-lying\n  - bird dog\n",
    )
    md = render_markdown(handout)
    assert md.startswith(
        "# Back plan\n\n- Patient: J. S.\n- Clinic: Riverside Physio 01234 567890\n"
        "- Prescribed by: ____________________\n- Date: 3 March 2025\n"
        "- How often: twice a day\n"
    )
    assert "- Review: Your review is due on Monday 17 March 2025.\n" in md
    assert "- **Dose:** hold for 2 minutes\n" in md
    assert "| Day | Morning | Evening | Pain (0-10) |" in md


@pytest.mark.parametrize("frequency", ["daily", "[tue, sat]", "every-2h", '["07:30"]'])
def test_handout_html_passes_the_structural_accessibility_rules(
    tmp_path: Path, frequency: str
) -> None:
    handout = sheet(tmp_path, f"name: T\nfrequency: {frequency}\nexercises:\n  - bridge\n")
    html = render_html(handout)
    assert accessibility_problems(html) == []
    assert "aria-label=" not in html
    assert "font-size: 8pt" not in html and "9.5pt" not in html


@pytest.mark.parametrize(("focus", "title"), [
    ("mckenzie", "# Home exercises: McKenzie extension series"),
    ("core", "# Home exercises: core strength"),
])  # fmt: skip
def test_planner_sheet_title_says_the_focus_in_words(focus: str, title: str) -> None:
    screened()  # the McKenzie screen passed: an automatic extension plan is allowed
    result = CliRunner().invoke(app, ["export", "handout", "--focus", focus, "--seed", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == title


@pytest.mark.parametrize("render", [render_html, render_markdown])
def test_the_sheet_fills_every_placeholder_and_names_the_emergency_numbers(
    tmp_path: Path, render: object
) -> None:
    handout = sheet(tmp_path, "name: T\nfrequency: daily\nexercises:\n  - prone-press-up\n")
    text = render(handout)  # type: ignore[operator]
    assert re.search(r"\{[a-z_]+\}", text) is None  # e.g. "call {emergency}"
    assert safety.DEFAULT_EMERGENCY_NUMBER in text
    assert "rest if" not in text.lower()  # revision 2: never "rest"
