"""catalogue_view rendered at fixed widths: the lines a user reads, none too wide."""

import io
from collections import Counter

import pytest
from rich.console import Console, RenderableType

from backex.catalogue.exercise import Dose, Exercise, Focus, Position, Tempo, format_dose
from backex.catalogue.loader import Catalogue, load_catalogue
from backex.ui.catalogue_view import exercise_card, exercise_list, group_by_focus


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def render(renderable: RenderableType, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b" not in text
    lines = [line.rstrip() for line in text.splitlines()]
    assert max(len(line) for line in lines) <= width
    return lines


def words(lines: list[str]) -> list[str]:
    """Each line's words, with box drawing and extra spaces gone."""
    table = {ord(c): " " for c in "│╭╮╰╯─"}
    return [" ".join(line.translate(table).split()) for line in lines]


def flat(lines: list[str]) -> str:
    return " ".join(w for w in words(lines) if w)


def names(catalogue: Catalogue) -> dict[str, str]:
    return {e.id: e.name for e in catalogue}


# ---------------------------------------------------------------- list


def test_group_by_focus_puts_each_exercise_once(catalogue: Catalogue) -> None:
    groups = group_by_focus(list(catalogue))
    assert list(groups) == [Focus.CORE, Focus.STRETCH, Focus.MCKENZIE]
    assert sum(len(items) for items in groups.values()) == len(catalogue)
    # Listed under its first focus ...
    assert catalogue.get("lower-trunk-rotation") in groups[Focus.STRETCH]
    # ... or under the focus asked for.
    only_mobility = group_by_focus(list(catalogue), [Focus.MOBILITY])
    assert list(only_mobility) == [Focus.MOBILITY]
    assert catalogue.get("lower-trunk-rotation") in only_mobility[Focus.MOBILITY]


@pytest.mark.parametrize("width", [80, 70])
def test_list_at_80_columns_puts_the_id_under_the_name(catalogue: Catalogue, width: int) -> None:
    lines = words(render(exercise_list(group_by_focus(list(catalogue)), width), width))
    assert lines[0] == "Core strengthening"
    assert lines[1] == "Exercise / id Position Level Dose"
    bridge = lines.index("Bridge supine 1 5 x 5 s hold")
    assert lines[bridge + 1] == "bridge"
    assert "Stretches" in lines
    assert "McKenzie series" in lines
    assert "Prone on elbows prone 1 120 s hold" in lines
    assert "single-knee-to-chest" in lines
    assert "quadruped-opposite-arm-leg-lift" in lines  # the longest id, whole


def test_list_at_120_columns_gives_the_id_its_own_column(catalogue: Catalogue) -> None:
    lines = words(render(exercise_list(group_by_focus(list(catalogue)), 120), 120))
    assert lines[1] == "Exercise id Position Level Dose"
    assert "Bridge bridge supine 1 5 x 5 s hold" in lines
    assert (
        "Quadruped opposite arm and leg lift quadruped-opposite-arm-leg-lift quadruped 2 "
        "5 x 5 s hold each side"
    ) in lines


@pytest.mark.parametrize("width", [40, 69])
def test_narrow_list_stacks_lines(catalogue: Catalogue, width: int) -> None:
    lines = render(exercise_list(group_by_focus(list(catalogue)), width), width)
    assert lines[0] == "Core strengthening"
    bridge = lines.index("Bridge (bridge)")
    assert lines[bridge + 1] == "  supine · level 1 · 5 x 5 s hold"
    assert "  prone · level 1 · 120 s hold" in lines
    assert "McKenzie series" in lines


def test_narrow_list_keeps_wrapped_details_indented(catalogue: Catalogue) -> None:
    lines = render(exercise_list(group_by_focus(list(catalogue)), 40), 40)
    lift = lines.index("(prone-opposite-arm-leg-lift)")
    assert lines[lift - 1 : lift + 3] == [
        "Prone opposite arm and leg lift",
        "(prone-opposite-arm-leg-lift)",
        "  prone · level 1 · 5 x 5 s hold each",
        "  side",
    ]


@pytest.mark.parametrize("width", [40, 50, 69, 70, 75, 80, 99, 100, 130])
def test_list_never_cuts_a_word_at_any_width(catalogue: Catalogue, width: int) -> None:
    def tokens(text: str) -> Counter[str]:
        return Counter(word.strip("()") for word in text.split())

    groups = group_by_focus(list(catalogue))
    shown = tokens(flat(render(exercise_list(groups, width), width)))
    expected = tokens(
        " ".join(f"{e.name} {e.id} {e.position} {format_dose(e.dose)}" for e in catalogue)
    )
    missing = {word: n - shown[word] for word, n in expected.items() if shown[word] < n}
    assert missing == {}


# ---------------------------------------------------------------- show


@pytest.mark.parametrize("width", [80, 40])
def test_card_shows_every_section_in_order(catalogue: Catalogue, width: int) -> None:
    lines = render(exercise_card(catalogue.get("bridge"), names(catalogue)), width)
    assert lines[0].startswith("╭─ Bridge (bridge) ─")
    assert lines[-1].startswith("╰─")
    text = flat(lines)
    expected_in_order = [
        "Lifting the hips off the floor strengthens the buttock and back muscles that "
        "support the spine.",
        "Dose 5 x 5 s hold",
        "Position supine",
        "Level 1",
        "Focus core",
        "You need mat",
        "Steps",
        "1. Lie on your back with knees bent and feet flat, hip-width apart.",
        "2. Rest your arms by your sides.",
        "3. Tighten your stomach and buttock muscles.",
        "4. Lift your hips until your shoulders, hips and knees make a line, and hold.",
        "5. Lower your hips slowly back to the floor.",
        "Cues • Breathe out as you lift, keep breathing while you hold.",
        "• Push through your heels.",
        "Cautions • Do not lift so high that your low back arches.",
        "Stop if ! Pain rises above 5 out of 10.",
        "! Pain spreads down a leg, or you get new numbness, tingling or leg weakness.",
        "! A new pain starts that you did not have before.",
        "Easier Pelvic tilt (pelvic-tilt)",
        "Moves up holds to 15 s, 2 s at a time; then reps to 10",
        'Sources - JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)',
        '- Mount Nittany Health, "Back Exercises: Bridge"',
    ]
    position = 0
    for part in expected_in_order:
        found = text.find(part, position)
        assert found >= 0, part
        position = found + len(part)


def test_card_at_40_columns_indents_wrapped_steps(catalogue: Catalogue) -> None:
    lines = render(exercise_card(catalogue.get("bridge"), names(catalogue)), 40)
    first = next(i for i, line in enumerate(lines) if "1. Lie on your back" in line)
    assert lines[first] == "│ 1. Lie on your back with knees bent  │"
    assert lines[first + 1] == "│    and feet flat, hip-width apart.   │"


def test_stop_rules_sit_in_their_own_box(catalogue: Catalogue) -> None:
    lines = render(exercise_card(catalogue.get("prone-press-up"), names(catalogue)), 80)
    top = next(i for i, line in enumerate(lines) if "╭─ Stop if ─" in line)
    bottom = next(i for i in range(top, len(lines)) if "╰─" in lines[i] and i > top)
    inside = words(lines[top + 1 : bottom])
    assert inside == [
        "! Pain moves further down your leg (pain moving toward the middle of",
        "your back is expected).",
        "! Pain rises above 5 out of 10.",
        "! You get new numbness, tingling or leg weakness.",
    ]


def test_card_names_both_variant_kinds(catalogue: Catalogue) -> None:
    text = flat(render(exercise_card(catalogue.get("prone-on-elbows"), names(catalogue)), 80))
    assert "Easier Prone lying (prone-lying)" in text
    assert "Harder Prone press-up (prone-press-up)" in text


def test_card_with_rest_tempo_and_no_cautions() -> None:
    exercise = Exercise(
        id="wall-sit",
        name="Wall sit",
        summary="Lean on a wall.",
        focus=(Focus.CORE,),
        position=Position.STANDING,
        level=2,
        dose=Dose(sets=2, reps=5, hold_s=60, rest_s=30, tempo=Tempo(2, 3)),
        steps=("Lean.",),
        cues=("Breathe.",),
        stop_if=("Pain.",),
        sources=("Mine",),
        harder=("not-in-names",),
    )
    lines = words(render(exercise_card(exercise, {}), 80))
    assert "Dose 2 sets of 5 x 60 s hold" in lines
    assert "Rest 30 s between sets" in lines
    assert "Tempo lift 2 s, hold 60 s, lower 3 s" in lines
    assert "Harder not-in-names (not-in-names)" in lines
    assert not any(line.startswith(("You need", "Cautions", "Easier")) for line in lines)
