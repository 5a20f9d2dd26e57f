"""The follow-up report in the terminal: fits 80 and 40 columns, says everything once."""

import io
from datetime import date

import pytest
from rich.console import Console

from backex.documents.report import DoseStep, ExerciseRow, PainRow, Report, SkipRow, WeekRow
from backex.ui.report_view import report_view

REPORT = Report(
    title="Follow-up report: Early McKenzie extension",
    patient="J. S.",
    clinic="Riverside Physio 01234 567890",
    prescribed_by="A. Physio",
    frequency="twice a day",
    first_day=date(2025, 10, 20),
    last_day=date(2025, 10, 21),
    review="Your review is due on Monday 3 November 2025.",
    done=3,
    planned=4,
    weeks=(WeekRow(date(2025, 10, 20), date(2025, 10, 21), 3, 4),),
    pain=(PainRow(date(2025, 10, 20), 6, 5), PainRow(date(2025, 10, 20), 5, 4)),
    pain_summary="Pain before sessions fell from about 6 to 5 out of 10.",
    exercises=(
        ExerciseRow(
            "prone-press-up",
            "Prone press-up",
            2,
            1,
            (DoseStep(date(2025, 10, 20), "5 times, hold each 1 s", "prescribed"),),
            (("moved toward the centre", 2),),
        ),
    ),
    skips=(SkipRow(date(2025, 10, 21), "Prone press-up", "session ended early"),),
    not_recorded="next-morning answers and red-flag events are not in this history",
    source="this computer's history",
)


@pytest.mark.parametrize("width", [80, 40])
def test_report_fits_the_terminal(width: int) -> None:
    out = io.StringIO()
    Console(file=out, width=width, no_color=True, legacy_windows=False).print(report_view(REPORT))
    lines = [line.rstrip() for line in out.getvalue().splitlines()]
    assert all(len(line) <= width for line in lines)
    text = "\n".join(lines)
    assert text.startswith("Follow-up report: Early McKenzie")
    assert "  Mon 20 Oct: 6→5, 5→4" in lines
    assert text.count("Prone press-up") == 2  # its row and its skip
    assert "Also: next-morning answers" in text and text.endswith("history.")
