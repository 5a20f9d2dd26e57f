"""Handouts: the content model, and the Markdown and HTML parsed back."""

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.prescription import small_catalogue

from backex.care import safety
from backex.documents.handout import SAFETY, build_handout, handout_for_prescription, tick_grid
from backex.documents.handout_render import render_html, render_markdown
from backex.prescription.loader import load_prescription
from backex.prescription.model import (
    Frequency,
    FrequencyKind,
    Weekday,
    parse_frequency,
    prescription_to_plan,
)

MONDAY = date(2025, 3, 3)

PLAN = """\
name: Back <care> & "more"
prescribed_by: Dr Ng
notes: |
  First paragraph, with <b>markup</b> that must stay text.

  Second paragraph.
frequency: 3x-daily
exercises:
  - id: prone-lying
    note: Start here.
  - id: bridge
    dose: {reps: 8, sets: 2, rest_s: 30}
"""


@pytest.fixture
def handout(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return handout_for_prescription(load_prescription(path, small_catalogue()), MONDAY)


def test_model_carries_prescription_and_doses(handout) -> None:  # type: ignore[no-untyped-def]
    assert handout.title == 'Back <care> & "more"'
    assert handout.prescribed_by == "Dr Ng"
    assert handout.frequency == "3 times a day"
    assert [(e.number, e.name, e.dose, e.note) for e in handout.exercises] == [
        (1, "Prone lying", "hold for 2 minutes", "Start here."),
        (2, "Bridge", "2 sets of 8 times, hold each 5 s; rest 30 s between sets", ""),
    ]
    assert handout.grid.sessions == ("Morning", "Midday", "Evening")
    assert len(handout.grid.days) == 14


GRIDS = [
    # (frequency, session rows, active days of the 14 from a Monday)
    (Frequency(FrequencyKind.DAILY), ("Done",), 14),
    (Frequency(FrequencyKind.THREE_TIMES_DAILY), ("Morning", "Midday", "Evening"), 14),
    (
        Frequency(FrequencyKind.EVERY_2H),
        ("08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"),
        14,
    ),
    (Frequency(FrequencyKind.WEEKDAYS, (Weekday.MON, Weekday.WED, Weekday.FRI)), ("Done",), 6),
    (Frequency(FrequencyKind.TWICE_DAILY), ("Morning", "Evening"), 14),
    (parse_frequency("weekdays"), ("Done",), 10),
    (parse_frequency("3x-weekly"), ("Done",), 14),  # any days: every day has a box
    (parse_frequency(["18:30", "07:00"]), ("07:00", "18:30"), 14),
    (parse_frequency({"times": ["09:00"], "days": ["sat", "sun"]}), ("09:00",), 4),
]


@pytest.mark.parametrize(("frequency", "sessions", "active"), GRIDS)
def test_tick_grid_follows_frequency(
    frequency: Frequency, sessions: tuple[str, ...], active: int
) -> None:
    grid = tick_grid(frequency, MONDAY)
    assert grid.sessions == sessions
    assert grid.days[0] == MONDAY and grid.days[-1] == date(2025, 3, 16)
    assert sum(grid.active) == active


class _Page(HTMLParser):
    """Collects what the tests look for: headings, lists, the red-flag box, the grid."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: list[str] = []
        self.h2: list[str] = []
        self.steps: list[list[str]] = []
        self.red_flags: list[str] = []
        self.head_cells: list[str] = []
        self.rows: list[list[str]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self.stack.append((tag, attributes))
        if tag == "ol" and attributes.get("class") == "steps":
            self.steps.append([])
        if tag == "tr" and self._inside("tbody"):
            self.rows.append([])
        if tag == "td" and self.rows:
            self.rows[-1].append(attributes.get("class", ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def _inside(self, tag: str, css: str | None = None) -> bool:
        return any(t == tag and (css is None or a.get("class") == css) for t, a in self.stack)

    def handle_data(self, data: str) -> None:
        self.text += data
        if not self.stack:
            return
        tag = self.stack[-1][0]
        if tag in ("h2", "h3"):
            self.h2.append(data)
        if tag == "li" and self._inside("ol", "steps"):
            self.steps[-1].append(data)
        if tag == "li" and self._inside("section", "red-flags"):
            self.red_flags.append(data)
        if tag == "th" and self._inside("thead"):
            self.head_cells.append(data)


def test_html_is_self_contained_and_escaped(handout) -> None:  # type: ignore[no-untyped-def]
    html = render_html(handout)
    assert html.startswith("<!DOCTYPE html>\n")
    page = _Page()
    page.feed(html)
    assert not {"link", "script", "img", "iframe", "object"} & set(page.tags)
    assert "url(" not in html and "@import" not in html and "http" not in html
    assert "<title>Back &lt;care&gt; &amp; &quot;more&quot;</title>" in html
    assert "<p>First paragraph, with &lt;b&gt;markup&lt;/b&gt; that must stay text.</p>" in html
    assert "@media print" in html and "@page" in html


def test_html_exercises_steps_red_flags_and_grid(handout) -> None:  # type: ignore[no-untyped-def]
    page = _Page()
    page.feed(render_html(handout))
    assert [h for h in page.h2 if h[0].isdigit()] == ["1. Prone lying", "2. Bridge"]
    catalogue = small_catalogue()
    assert page.steps == [
        list(catalogue.get("prone-lying").steps),
        list(catalogue.get("bridge").steps),
    ]
    assert SAFETY.title in page.h2
    assert page.red_flags == [flag.sign for flag in safety.RED_FLAGS]
    assert page.head_cells == ["Day", "Morning", "Midday", "Evening", "Pain (0-10)"]
    assert page.rows == [["box"] * 4] * 14
    assert "Dr Ng" in page.text and "3 March 2025" in page.text
    assert "Dose: 2 sets of 8 times, hold each 5 s; rest 30 s between sets" in page.text


def test_html_rest_days_have_no_boxes(tmp_path: Path) -> None:
    plan = prescription_to_plan(
        load_prescription(_write(tmp_path, "[tue, sat]"), small_catalogue())
    )
    frequency = Frequency(FrequencyKind.WEEKDAYS, (Weekday.TUE, Weekday.SAT))
    page = _Page()
    page.feed(render_html(build_handout(plan, frequency, title="T", issued=MONDAY)))
    rest, box = ["rest", "rest"], ["box", "box"]  # a tick box and a pain box on active days
    assert page.rows == [rest, box, rest, rest, rest, box, rest] * 2


def test_markdown_headings_lists_and_grid(handout) -> None:  # type: ignore[no-untyped-def]
    md = render_markdown(handout)
    headings = re.findall(r"^(#{1,3}) (.+)$", md, flags=re.MULTILINE)
    assert headings == [
        ("#", 'Back \\<care\\> & "more"'),  # Markdown that shows the name as written
        ("##", "When to stop"),
        ("##", SAFETY.title),
        ("##", "How to exercise safely"),
        ("##", "Exercises"),
        ("###", "1. Prone lying"),
        ("###", "2. Bridge"),
        ("##", "Tick off each session"),
    ]
    assert "- Prescribed by: Dr Ng\n- Date: 3 March 2025\n- How often: 3 times a day\n" in md
    bridge = md.split("### 2. Bridge")[1]
    steps = re.findall(r"^(\d+)\. (.+)$", bridge, flags=re.MULTILINE)
    assert [text for _, text in steps] == list(small_catalogue().get("bridge").steps)
    assert [n for n, _ in steps] == [str(i) for i in range(1, len(steps) + 1)]
    for flag in safety.RED_FLAGS:
        assert f"\n- {flag.sign}\n" in md
    assert "> First paragraph, with \\<b\\>markup\\</b\\> that must stay text.\n>\n> Second" in md
    assert "| Day | Morning | Midday | Evening | Pain (0-10) |" in md
    grid_rows = [line for line in md.splitlines() if line.startswith("| Mon 3 Mar |")]
    assert grid_rows == ["| Mon 3 Mar | [ ] | [ ] | [ ] |  |"]
    assert md.count("[ ]") == 14 * 3


def test_markdown_shows_author_markup_as_text_in_a_commonmark_renderer(handout) -> None:  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt  # installed with rich

    html = MarkdownIt("commonmark").render(render_markdown(handout))
    assert "<h1>Back &lt;care&gt; &amp; &quot;more&quot;</h1>" in html
    assert "with &lt;b&gt;markup&lt;/b&gt; that must stay text" in html
    assert "<b>" not in html


def test_markdown_without_prescriber_leaves_a_line_to_fill_in(tmp_path: Path) -> None:
    prescription = load_prescription(_write(tmp_path, "daily"), small_catalogue())
    md = render_markdown(handout_for_prescription(prescription, MONDAY))
    assert "- Prescribed by: ____________________\n" in md


def _write(tmp_path: Path, frequency: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(
        f"name: T\nfrequency: {frequency}\nexercises:\n  - id: bridge\n", encoding="utf-8"
    )
    return path


def test_safety_box_is_backex_safety_in_both_formats(handout) -> None:  # type: ignore[no-untyped-def]
    """The handout prints the same red flags, advice and rules as ``backex safety``."""
    md = render_markdown(handout)
    page = _Page()
    page.feed(render_html(handout))
    box = md.split(f"## {SAFETY.title}\n")[1].split("## Exercises\n")[0]
    rules = md.split("## How to exercise safely\n")[1].split("## Exercises\n")[0]
    emergency = [f.sign for f in safety.RED_FLAGS if f.urgency is safety.Urgency.EMERGENCY]
    same_day = [f.sign for f in safety.RED_FLAGS if f.urgency is safety.Urgency.SAME_DAY]
    advice = safety.EMERGENCY_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER)
    assert box.startswith(
        "\n".join(
            ["", safety.EMERGENCY_INTRO, "", *(f"- {s}" for s in emergency), "",
             f"**{advice}**", "", safety.SAME_DAY_INTRO, "",
             *(f"- {s}" for s in same_day), "", safety.SAME_DAY_ADVICE, ""]
        )
    )  # fmt: skip
    # A prescription with a McKenzie exercise, 3 times a day: every rule but "start with
    # about 5" (the clinician set the doses); the stop and pain rules are in the stop box.
    fitting = [r for i, r in enumerate(safety.RULES_OF_PRACTICE) if i not in (1, 2, 3)]
    assert [line[2:] for line in rules.splitlines() if line.startswith("- ")] == fitting
    for text in (advice, safety.SAME_DAY_ADVICE, *fitting):
        assert text in page.text
    for source in (*safety.SOURCES, *safety.RULES_SOURCES):
        assert source in md and source in page.text
