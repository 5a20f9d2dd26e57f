"""The start screen: today's plan, time, equipment, the clinician's note, press space."""

import io
from dataclasses import replace

from rich.console import Console

from backex.catalogue.loader import load_catalogue
from backex.prescription.loader import load_prescription
from backex.prescription.model import prescription_to_plan
from backex.ui.start_view import start_view

PLAN = prescription_to_plan(
    load_prescription(
        __import__("pathlib").Path("examples/core-stability-week1.yaml"), load_catalogue()
    )
)


def render(renderable: object, width: int) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    console.print(renderable)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]


def test_live_start_screen_at_80_columns() -> None:
    short = replace(PLAN, notes="Breathe throughout.")
    assert render(start_view(short, 80, 24, get_ready_s=15, live=True), 80) == [
        "Today: Core stability, week 1",
        "From your clinician: Breathe throughout.",
        "1. Lower trunk rotation            5 x 2 s hold each side",
        "2. Supine marches                  5 reps each side",
        "3. Bridge                          5 x 5 s hold",
        "4. Prone opposite arm and leg lift 5 x 5 s hold each side",
        "5. Bird dog, one limb at a time    5 x 5 s hold each side",
        "6. Double knee to chest            30 s hold",
        "About 7:25 · you need: mat",
        "Stop if pain goes above 5 out of 10, spreads down a leg, or you get new",
        "numbness, tingling or leg weakness. Discomfort up to 5 out of 10 that settles by",
        "the next morning is fine.",
        "─" * 80,
        "Press space to start  (q to leave). You then have 15 s to get into position.",
    ]


def test_a_long_note_is_cut_so_press_space_always_shows_at_40_by_24() -> None:
    lines = render(start_view(PLAN, 40, 24, get_ready_s=15, live=True), 40)
    assert len(lines) == 24
    assert any(line.endswith("…") for line in lines[1:8])  # the note, cut short
    assert lines[-2:] == [
        "Press space to start  (q to leave). You",
        "then have 15 s to get into position.",
    ]


def test_plain_overview_starts_at_once_and_leaves_the_stop_rule_to_before() -> None:
    lines = render(start_view(PLAN, 80, get_ready_s=15, live=False), 80)
    assert lines[-1] == "Starting now."
    assert not any(line.startswith("Stop if pain") for line in lines)
    assert lines[1].startswith("From your clinician: Move into each position slowly")


def test_a_resumed_session_lists_what_is_left() -> None:
    short = replace(PLAN, notes="")
    lines = render(start_view(short, 80, 24, get_ready_s=15, live=True, first_item=4), 80)
    assert lines[1:3] == [
        "5. Bird dog, one limb at a time 5 x 5 s hold each side",
        "6. Double knee to chest         30 s hold",
    ]


def test_care_notes_show_before_the_stop_rule_and_press_space_still_fits_at_40_by_24() -> None:
    accepted = (
        "Prone opposite arm and leg lift: your clinician's plan includes it (not with pregnancy)"
    )
    noted = replace(PLAN, care_notes=(accepted,))
    wide = render(start_view(noted, 80, 24, get_ready_s=15, live=True), 80)
    about = wide.index("About 7:25 · you need: mat")
    assert " ".join(wide[about + 1 : about + 3]) == accepted
    assert wide[about + 3].startswith("Stop if pain")
    narrow = render(start_view(noted, 40, 24, get_ready_s=15, live=True), 40)
    assert len(narrow) == 24
    assert "plan includes it (not with pregnancy)" in " ".join(narrow)
    assert narrow[-2] == "Press space to start  (q to leave). You"


def test_what_the_care_rules_left_out_shows_in_one_line_per_reason() -> None:
    left = replace(
        PLAN,
        notes="",
        left_out=(
            ("bridge", "after spreading, prone lying and on elbows only"),
            ("modified-plank", "after spreading, prone lying and on elbows only"),
        ),
    )
    names = {"bridge": "Bridge", "modified-plank": "Modified plank"}
    lines = render(start_view(left, 80, 24, get_ready_s=15, live=True, names=names), 80)
    text = " ".join(" ".join(lines).split())
    assert (
        "Left out today: Bridge; Modified plank: after spreading, prone lying and on elbows only"
        in text
    )
