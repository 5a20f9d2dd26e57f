"""The follow-up report: built from two weeks of made-up sessions, in every format."""

from datetime import date
from pathlib import Path

import pytest
from helpers.a11y import accessibility_problems
from helpers.report_fortnight import FIRST_DAY, LAST_DAY, fill_fortnight, write_plan
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from backex.catalogue.loader import load_catalogue
from backex.cli import app
from backex.documents.report import DoseStep, Report, WeekRow, build_report
from backex.documents.report_render import render_html, render_markdown
from backex.history.export import log_json
from backex.history.store import History, db_path
from backex.prescription.loader import load_prescription


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    fill_fortnight(db_path())
    write_plan(tmp_path)
    return tmp_path


def fortnight(folder: Path) -> Report:
    catalogue = load_catalogue()
    with History.open(db_path()) as history:
        sessions = history.sessions()
    return build_report(
        sessions,
        prescription=load_prescription(folder / "mckenzie.yaml", catalogue),
        first_day=FIRST_DAY,
        today=LAST_DAY,
        names={e.id: e.name for e in catalogue.exercises},
        source="this computer's history",
    )


def test_sessions_pain_doses_and_skips(folder: Path) -> None:
    report = fortnight(folder)
    assert (report.done, report.planned, report.frequency) == (23, 28, "twice a day")
    assert report.weeks == (
        WeekRow(date(2025, 10, 20), date(2025, 10, 26), 11, 14),
        WeekRow(date(2025, 10, 27), date(2025, 11, 2), 12, 14),
    )
    assert report.pain_summary == (
        "Pain before sessions fell from about 6 to 2 out of 10; pain after was higher than "
        "before in 2 of 23 sessions, and above the plan's limit of 5 in 2 of 23."
    )
    press_up = report.exercises[2]
    assert (press_up.name, press_up.done, press_up.skipped) == ("Prone press-up", 21, 2)
    assert press_up.doses == (
        DoseStep(date(2025, 10, 20), "5 times, hold each 1 s", "prescribed: kept as your "
                 "clinician set it"),
        DoseStep(date(2025, 10, 27), "6 times, hold each 1 s", "prescribed (override: reps 6): "
                 "your clinician raised it"),
    )  # fmt: skip
    assert press_up.responses == (
        ("moved toward the centre", 12),
        ("stayed the same", 9),
        ("spread down the leg", 2),
    )
    assert [(s.day, s.reason) for s in report.skips] == [
        (date(2025, 10, 23), "symptoms spread down the leg")
    ] * 2
    assert report.review == "Your review is due on Monday 3 November 2025."
    assert (report.patient, report.clinic) == ("J. S.", "Riverside Physio 01234 567890")


def test_markdown_renders_with_a_commonmark_renderer(folder: Path) -> None:
    text = render_markdown(fortnight(folder))
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<h1>Follow-up report: Early McKenzie extension</h1>" in html
    assert "<h2>Sessions by week</h2>" in html
    assert "<td>Mon 20 Oct to Sun 26 Oct</td>" in html  # the table is a table
    assert "<li><strong>Patient:</strong> J. S.</li>" in html
    assert "<h3>Prone press-up</h3>" in html


def test_html_passes_the_structural_accessibility_rules(folder: Path) -> None:
    html = render_html(fortnight(folder))
    assert accessibility_problems(html) == []
    assert "<script" not in html and "http" not in html.replace("http-equiv", "")
    assert "font: 11pt/1.4" in html  # body text 11 pt, and nothing set smaller for print


def test_report_from_an_exported_file(folder: Path, tmp_path: Path) -> None:
    with History.open(db_path()) as history:
        (tmp_path / "sent.json").write_text(log_json(history.sessions()), encoding="utf-8")
    db_path().unlink()  # the clinician's computer has no history of its own
    args = ["report", "--plan", str(folder / "mckenzie.yaml"), "--until", "2025-11-02"]
    result = CliRunner().invoke(app, [*args, "--from", str(tmp_path / "sent.json")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Follow-up report: Early McKenzie extension"
    assert [line.rstrip() for line in lines[1:7]] == [
        "Patient       J. S.",
        "Clinic        Riverside Physio 01234 567890",
        "Prescribed by A. Physio",
        "Period        Mon 20 Oct 2025 to Sun 2 Nov 2025",
        "Sessions      23 of 28 planned sessions done (twice a day)",
        "Review        Your review is due on Monday 3 November 2025.",
    ]
    assert "  Thu 23 Oct: Prone press-up: symptoms spread down the leg" in lines
    assert lines[-1] == "Also: next-morning answers and red-flag events are not in this history."


@pytest.mark.parametrize(("fmt", "start"), [("md", "# Follow-up"), ("html", "<!DOCTYPE html>")])
def test_report_files(folder: Path, tmp_path: Path, fmt: str, start: str) -> None:
    out = tmp_path / f"report.{fmt}"
    args = ["report", "--plan", str(folder / "mckenzie.yaml"), "--since", "2025-10-27"]
    result = CliRunner().invoke(
        app, [*args, "--until", "2025-11-02", "--format", fmt, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}\n"
    text = out.read_text(encoding="utf-8")
    assert text.startswith(start)
    assert "Mon 27 Oct 2025 to Sun 2 Nov 2025" in text
    assert "12 of 14 planned sessions done" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "yesterday"], "--since 'yesterday' is not a date; write it like 2025-03-01"),
        (["--since", "2025-11-03", "--until", "2025-11-02"],
         "--since 2025-11-03 is after --until 2025-11-02"),
        (["--output", "r.txt"], "--output needs --format md or --format html"),
        (["--from", "missing.json"], "missing.json: no such file"),
    ],
)  # fmt: skip
def test_report_errors_are_one_line(
    folder: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(app, ["report", "--until", "2025-11-02", *args])
    assert result.exit_code in (1, 2)
    assert result.stderr == f"backex: {message}\n"


def test_no_sessions_is_said_plainly(tmp_path: Path) -> None:
    write_plan(tmp_path)
    result = CliRunner().invoke(app, ["report", "--plan", str(tmp_path / "mckenzie.yaml")])
    assert result.exit_code == 1
    assert result.stderr == (
        "backex: no sessions recorded under the plan 'Early McKenzie extension' in this "
        "computer's history; nothing to report\n"
    )
