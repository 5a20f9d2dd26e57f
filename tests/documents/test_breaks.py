"""A plan as breaks for Stretchly, Safe Eyes and Workrave: parsed back, shaped like theirs."""

import json
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from backex.care.safety import STOP_RULE, stop_rule_text
from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.documents.breaks import (
    NO_FIGURE,
    break_exercises,
    render_safeeyes,
    render_stretchly,
    render_workrave,
    workrave_steps,
)
from backex.planning.plan import Block, Plan, PlannedItem
from backex.prescription.loader import load_prescription
from backex.prescription.model import prescription_to_plan

FIXTURES = Path(__file__).parents[1] / "fixtures" / "breaks"
EXAMPLE = Path(__file__).parents[2] / "examples" / "core-stability-week1.yaml"
HOSTILE = "Tom's \"plan\" & <script>alert('x')</script> — ünï ✓ &amp; </title>"


def hostile_plan(tmp_path: Path) -> Plan:
    """A plan file whose own exercise and note are hostile text (quoted as YAML strings)."""
    text = f"""\
name: {json.dumps(HOSTILE, ensure_ascii=False)}
frequency: daily
exercises:
  - id: my-stretch
    note: {json.dumps(HOSTILE, ensure_ascii=False)}
custom_exercises:
  - id: my-stretch
    name: {json.dumps(HOSTILE, ensure_ascii=False)}
    summary: A stretch.
    focus: [stretch]
    position: supine
    level: 1
    dose: {{hold_s: 10, per_side: true}}
    steps: [{json.dumps(HOSTILE, ensure_ascii=False)}]
    cues: [Breathe.]
    stop_if: [Pain rises.]
    sources: [Clinic handout]
"""
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return prescription_to_plan(load_prescription(path, load_catalogue()))


@pytest.fixture(scope="module")
def example() -> Plan:
    return prescription_to_plan(load_prescription(EXAMPLE, load_catalogue()))


def shape(value: Any) -> Any:
    """The JSON structure without its values: dict keys and the types of leaves."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value[:1]]
    return type(value).__name__


# --- what every format says ------------------------------------------------------------


def test_each_exercise_is_its_name_and_dose_then_steps_note_and_stop_rule(example: Plan) -> None:
    first = break_exercises(example)[0]
    assert first.title == "Lower trunk rotation — 5 x 2 s hold each side"
    assert first.text.startswith("Lie on your back with knees bent, knees together and feet flat.")
    assert "Warm-up. Roll only as far as is comfortable." in first.text
    assert first.text.endswith(STOP_RULE)
    assert [e.item.exercise.id for e in break_exercises(example)] == [
        i.exercise.id for i in example.items
    ]


def test_the_stop_rule_has_the_plans_pain_limit(example: Plan) -> None:
    from dataclasses import replace

    (first, *_) = break_exercises(replace(example, max_pain=3))
    assert first.text.endswith(stop_rule_text(3))


# --- Stretchly -------------------------------------------------------------------------


def test_stretchly_ideas_have_the_shape_of_stretchlys_own(example: Plan) -> None:
    ours = json.loads(render_stretchly(example))
    theirs = json.loads((FIXTURES / "stretchly-config.json").read_text(encoding="utf-8"))
    assert set(ours) == {"useIdeasFromSettings", "breakIdeas"} <= set(theirs)
    assert ours["useIdeasFromSettings"] is True
    assert shape(ours["breakIdeas"]) == shape(theirs["breakIdeas"])
    assert all(len(idea["data"]) == 2 for idea in ours["breakIdeas"])
    assert len(ours["breakIdeas"]) == len(example.items)


def test_stretchly_text_is_html_escaped_and_comes_back_exactly(tmp_path: Path) -> None:
    (idea,) = json.loads(render_stretchly(hostile_plan(tmp_path)))["breakIdeas"]
    title, text = idea["data"]
    assert "<" not in title + text  # Stretchly shows ideas as HTML
    assert unescape(title) == f"{HOSTILE} — 10 s hold each side"
    assert unescape(text) == f"{HOSTILE} {HOSTILE} {STOP_RULE}"


# --- Safe Eyes -------------------------------------------------------------------------


def test_safeeyes_breaks_have_the_shape_of_safeeyes_own(example: Plan) -> None:
    ours = json.loads(render_safeeyes(example))
    theirs = json.loads((FIXTURES / "safeeyes.json").read_text(encoding="utf-8"))
    assert set(ours) == {"long_breaks"}
    every_key = {key: type(v) for b in theirs["long_breaks"] for key, v in b.items()}
    for entry in ours["long_breaks"]:
        assert set(entry) == {"name", "duration"} <= set(every_key)
        assert all(type(value) is every_key[key] for key, value in entry.items())
        assert entry["duration"] > 0


def test_safeeyes_duration_covers_the_dose(example: Plan) -> None:
    durations = [b["duration"] for b in json.loads(render_safeeyes(example))["long_breaks"]]
    # Lower trunk rotation: 5 reps x (2 s out + 2 s hold + 2 s back) x 2 sides.
    assert durations[0] == 60
    # Each estimate is the session's, less its get-ready and the move between exercises.
    assert all(
        d == item.est_s - 5 - (10 if i else 0)
        for i, (d, item) in enumerate(zip(durations, example.items, strict=True))
    )


def test_safeeyes_name_is_plain_text_and_comes_back_exactly(tmp_path: Path) -> None:
    (entry,) = json.loads(render_safeeyes(hostile_plan(tmp_path)))["long_breaks"]
    assert entry["name"] == f"{HOSTILE} — 10 s hold each side\n{HOSTILE} {HOSTILE} {STOP_RULE}"
    assert entry["duration"] == 25  # 10 s each side and a 5 s switch


# --- Workrave --------------------------------------------------------------------------


def structure(element: ET.Element) -> set[tuple[str, str, frozenset[str]]]:
    """(parent tag, tag, attribute names) for every element below ``element``."""
    found = set()
    for parent in element.iter():
        for child in parent:
            found.add((parent.tag, child.tag, frozenset(child.attrib)))
    return found


def test_workrave_xml_has_the_elements_and_attributes_of_workraves_own(example: Plan) -> None:
    ours = ET.fromstring(render_workrave(example).xml.encode("utf-8"))
    theirs = ET.parse(FIXTURES / "workrave-exercises.xml").getroot()
    assert ours.tag == theirs.tag == "exercises"
    assert structure(ours) == structure(theirs)
    for exercise in ours:
        assert [child.tag for child in exercise] == ["title", "description", "sequence"]
        assert int(exercise.find("sequence").get("duration", "")) > 0  # type: ignore[union-attr]


def test_workrave_steps_follow_the_dose_and_mirror_the_other_side(tmp_path: Path) -> None:
    export = render_workrave(hostile_plan(tmp_path))
    (sequence,) = ET.fromstring(export.xml.encode("utf-8")).iter("sequence")
    steps = [(i.get("src"), i.get("duration"), i.get("mirrorx")) for i in sequence]
    assert steps == [(NO_FIGURE, "10", None), (NO_FIGURE, "10", "yes")]
    assert sequence.get("duration") == "25"
    assert set(export.figures) == {NO_FIGURE}


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (Dose(hold_s=30), [("end", 30, False)]),
        (Dose(hold_s=10, per_side=True), [("end", 10, False), ("end", 10, True)]),
        (Dose(reps=5), [("start", 2, False), ("end", 2, False)]),
        (Dose(reps=5, hold_s=5), [("start", 2, False), ("end", 5, False), ("start", 2, False)]),
        (
            Dose(reps=5, per_side=True),
            [("start", 2, False), ("end", 2, False), ("start", 2, True), ("end", 2, True)],
        ),
    ],
)
def test_workrave_steps_table(dose: Dose, expected: list[tuple[str, int, bool]]) -> None:
    item = PlannedItem(load_catalogue().get("bridge"), dose, Block.MAIN, 0)
    steps = workrave_steps(item, "start", "end")
    assert [(s.src, s.seconds, s.mirrored) for s in steps] == expected


def test_workrave_text_is_escaped_for_pango_inside_xml_and_comes_back_exactly(
    tmp_path: Path,
) -> None:
    (exercise,) = ET.fromstring(render_workrave(hostile_plan(tmp_path)).xml.encode("utf-8"))
    title, description = exercise.findtext("title"), exercise.findtext("description")
    assert title is not None and description is not None
    # What Workrave hands to Pango has no markup of the author's: every < is escaped.
    assert "<" not in title + description
    assert unescape(title) == f"{HOSTILE} — 10 s hold each side"
    assert unescape(description) == f"{HOSTILE} {HOSTILE} {STOP_RULE}"


def test_workrave_figures_are_svg_files_named_in_the_xml(example: Plan) -> None:
    export = render_workrave(example)
    named = {i.get("src") for i in ET.fromstring(export.xml.encode("utf-8")).iter("image")}
    assert named == set(export.figures)
    for svg in export.figures.values():
        root = ET.fromstring(svg.encode("utf-8"))
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
