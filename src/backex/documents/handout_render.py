"""A :class:`~backex.documents.handout.Handout` as Markdown (readable as plain text) or as HTML.

The HTML is one self-contained file: inline CSS, no scripts, images, fonts or links to
fetch, print styles that fit both A4 and US Letter.
"""

import re
import textwrap
from collections.abc import Iterable, Sequence
from datetime import date
from html import escape

from backex.catalogue.figures import CAPTIONS
from backex.documents.figure_svg import frame_svg
from backex.documents.handout import Handout, HandoutExercise, TickGrid
from backex.text import one_line, visible

SECTIONS = (("Steps", "steps"), ("Cues", "cues"), ("Cautions", "cautions"))
STOP_TITLE = "When to stop"  # never "rest": staying active helps (NICE NG59)
GRID_TITLE = "Tick off each session"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated paragraphs, each on one line."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def _day_label(day: date) -> tuple[str, str]:
    return f"{day:%a}", f"{day.day} {day:%b}"


# ---------------------------------------------------------------------------- Markdown


def _meta(handout: Handout) -> list[tuple[str, str]]:
    """(label, value) for the header; an empty prescriber is a blank line to fill in."""
    rows = [
        ("Patient", handout.patient),
        ("Clinic", handout.clinic),
        ("Prescribed by", handout.prescribed_by),
        ("Date", _long_date(handout.issued)),
        ("How often", handout.frequency),
        ("Time", f"about {handout.minutes} min each time"),
        ("Review", handout.review),
    ]
    return [(k, v) for k, v in rows if v or k == "Prescribed by"]


def render_markdown(handout: Handout) -> str:
    """Markdown that reads well as plain text: headings, numbered steps, a tick table."""
    out = [f"# {_md(handout.title)}", ""]
    for label, value in _meta(handout):
        out.append(f"- {label}: {_md(value) or '____________________'}")
    out.append("")
    if handout.notes:
        quoted = [
            "\n".join(f"> {line}" for line in textwrap.wrap(_md(paragraph), width=76))
            for paragraph in _paragraphs(handout.notes)
        ]
        out.extend(["\n>\n".join(quoted), ""])
    out.extend([f"## {STOP_TITLE}", ""])
    out.extend([*(f"- **{_md(item)}**" for item in handout.stop), ""])
    safety = handout.safety
    out.extend([f"## {safety.title}", "", safety.emergency_intro, ""])
    out.extend([*(f"- {item}" for item in safety.emergency), ""])
    out.extend([f"**{safety.emergency_advice}**", ""])
    out.extend([safety.urgent_intro, ""])
    out.extend([*(f"- {item}" for item in safety.urgent), ""])
    out.extend([safety.urgent_advice, ""])
    out.extend(["## How to exercise safely", ""])
    out.extend([*(f"- {rule}" for rule in safety.rules), ""])
    out.extend([f"*Sources: {safety.sources}.*", ""])
    out.extend(["## Exercises", ""])
    for exercise in handout.exercises:
        out.extend(_markdown_exercise(exercise))
    out.extend([f"## {GRID_TITLE}", "", f"{handout.grid.heading}.", ""])
    out.extend(_markdown_grid(handout.grid))
    return "\n".join(out) + "\n"


def _markdown_exercise(exercise: HandoutExercise) -> list[str]:
    out = [f"### {exercise.number}. {_md(exercise.name)}", "", f"- **Dose:** {exercise.dose}"]
    if exercise.equipment:
        out.append(f"- **You need:** {', '.join(exercise.equipment)}")
    out.append("")
    if exercise.note:
        out.extend([f"**Note from your clinician:** {_md(exercise.note)}", ""])
    if exercise.figures:
        out.extend(["Pictures:", ""])
        out.extend(f"- *{CAPTIONS[f.label]}:* {_md(f.alt)}" for f in exercise.figures)
        out.append("")
    for title, field in SECTIONS:
        items: Sequence[str] = getattr(exercise, field)
        if not items:
            continue
        out.extend([f"{title}:", ""])
        if field == "steps":
            out.extend(f"{n}. {_md(step)}" for n, step in enumerate(items, start=1))
        else:
            out.extend(f"- {_md(item)}" for item in items)
        out.append("")
    if exercise.sources:
        out.extend([f"*Source: {'; '.join(_md(s) for s in exercise.sources)}*", ""])
    return out


# Markdown punctuation that would turn author text into emphasis, links, code or HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _html(text: str) -> str:
    """Text for HTML: markup escaped, control characters (never valid there) shown."""
    return escape(visible(text))


def _md(text: str) -> str:
    """Author text as Markdown that shows as written: one line, no markup, no HTML."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def _markdown_grid(grid: TickGrid) -> list[str]:
    header = ["Day", *grid.sessions, "Pain (0-10)"]
    out = [_row(header), _row(["---"] * len(header))]
    for day, on in zip(grid.days, grid.active, strict=True):
        boxes = ["[ ]" if on else "rest" for _ in grid.sessions]
        out.append(_row([" ".join(_day_label(day)), *boxes, "" if on else "-"]))
    out.append("")
    return out


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# -------------------------------------------------------------------------------- HTML

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue",
  Arial, sans-serif; color: #111; background: #fff; max-width: 186mm; margin: 1.5rem auto;
  padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 .4rem; }
h2 { font-size: 14pt; margin: 1.1rem 0 .3rem; }
h3 { font-size: 12pt; margin: .5rem 0 .2rem; }
h4 { font-size: 11pt; margin: .3rem 0 .1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
dl.meta dd.blank { border-bottom: 1px solid #444; max-width: 70mm; min-height: 1.3em; }
.notes { border-left: 4px solid #888; padding: 0 .8rem; margin: .8rem 0; }
.notes p { margin: .3rem 0; }
.stop { border: 3px solid #111; border-radius: 6px; padding: .2rem 1rem .4rem; margin: 1rem 0; }
.stop li { font-weight: 600; }
.red-flags { border: 3px solid #b00020; border-radius: 6px; padding: .2rem 1rem .6rem;
  margin: 1rem 0; background: #fff4f4; }
.red-flags h2 { color: #b00020; margin-top: .6rem; }
.exercise { border-top: 1px solid #bbb; padding-top: .3rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 6mm; }
@media screen and (max-width: 40rem) { .columns { grid-template-columns: 1fr; } }
.dose { font-size: 13pt; margin: .2rem 0; }
.need { margin-left: 2rem; }
.figures { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 2mm 6mm;
  margin: .3rem 0; }
.figures figure { margin: 0; }
.figures figcaption { font-size: 9pt; font-weight: 600; }
.figures svg { display: block; height: auto; max-width: 100%; }
.note { background: #f3f3f3; padding: .3rem .6rem; border-radius: 4px; }
ol, ul { margin: .2rem 0 .4rem; padding-left: 1.4rem; }
.source, footer { color: #444; font-size: 11pt; }
table.ticks { border-collapse: collapse; width: 99.5%; table-layout: fixed; margin-top: .4rem; }
table.ticks th, table.ticks td { border: 1px solid #444; text-align: center; padding: 2px; }
table.ticks th.day { width: 30mm; text-align: left; }
table.ticks td.box { height: 8mm; }
table.ticks td.rest { background: #e6e6e6; color: #333; }
/* No @page size: the printer's own paper is used. 186 mm of content fits both A4
   (210 mm wide) and US Letter (216 mm) inside 12 mm side margins. */
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; line-height: 1.3; }
  h2 { margin: .6rem 0 .2rem; }
  h3 { margin: .3rem 0 .1rem; }
  p { margin: .25rem 0; }
  .red-flags, .note, td.rest { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .exercise, .red-flags, .stop, .tracker, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""


def render_html(handout: Handout) -> str:
    """One self-contained HTML page, ready to print; every part inside a landmark."""
    e = _html
    meta = "".join(
        f"<dt>{label}</dt>" + (f"<dd>{e(value)}</dd>" if value else '<dd class="blank"></dd>')
        for label, value in _meta(handout)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(handout.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(handout.title)}</h1>",
        f'<dl class="meta">{meta}</dl>',
        "</header>",
        "<main>",
    ]
    if handout.notes:
        paragraphs = "".join(f"<p>{e(p)}</p>" for p in _paragraphs(handout.notes))
        parts.append(f'<div class="notes">{paragraphs}</div>')
    parts += [
        '<section class="stop" aria-labelledby="stop-title">',
        f'<h2 id="stop-title">{STOP_TITLE}</h2>',
        _html_list(handout.stop, "ul", "stop-if"),
        "</section>",
    ]
    parts.extend(_html_safety(handout))
    parts.append('<section class="exercises" aria-labelledby="exercises-title">')
    parts.append('<h2 id="exercises-title">Exercises</h2>')
    parts.extend(_html_exercise(exercise) for exercise in handout.exercises)
    parts.append("</section>")
    parts.extend(_html_grid(handout.grid))
    parts += [
        "</main>",
        f'<footer><p class="source">Sources: {e(handout.safety.sources)}.</p></footer>',
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _html_list(items: Iterable[str], tag: str, css: str) -> str:
    inner = "".join(f"<li>{_html(item)}</li>" for item in items)
    return f'<{tag} class="{css}">{inner}</{tag}>'


def _html_safety(handout: Handout) -> list[str]:
    safety = handout.safety
    return [
        '<section class="red-flags" aria-labelledby="red-flags-title">',
        f'<h2 id="red-flags-title">{_html(safety.title)}</h2>',
        f"<p><strong>{_html(safety.emergency_intro)}</strong></p>",
        _html_list(safety.emergency, "ul", "emergency"),
        f'<p class="advice"><strong>{_html(safety.emergency_advice)}</strong></p>',
        f"<p><strong>{_html(safety.urgent_intro)}</strong></p>",
        _html_list(safety.urgent, "ul", "urgent"),
        f'<p class="advice">{_html(safety.urgent_advice)}</p>',
        "</section>",
        '<section class="rules" aria-labelledby="rules-title">',
        '<h2 id="rules-title">How to exercise safely</h2>',
        _html_list(safety.rules, "ul", "rules"),
        "</section>",
    ]


def _html_exercise(exercise: HandoutExercise) -> str:
    e = _html
    need = ""
    if exercise.equipment:
        equipment = e(", ".join(exercise.equipment))
        need = f'<span class="need"><strong>You need:</strong> {equipment}</span>'
    parts = [
        f'<article class="exercise" id="exercise-{exercise.number}" '
        f'data-exercise="{e(exercise.exercise_id)}">',
        f"<h3>{exercise.number}. {e(exercise.name)}</h3>",
        f'<p class="dose"><strong>Dose:</strong> {e(exercise.dose)}{need}</p>',
    ]
    if exercise.note:
        parts.append(
            f'<p class="note"><strong>Note from your clinician:</strong> {e(exercise.note)}</p>'
        )
    if exercise.figures:
        parts.append(_html_figures(exercise))
    # Steps on the left (a figure may sit beside them), what to watch for on the right.
    parts.append('<div class="columns"><div class="steps">')
    for title, field in SECTIONS:
        items: Sequence[str] = getattr(exercise, field)
        if items:
            css = field.replace("_", "-")
            tag = "ol" if field == "steps" else "ul"
            parts.extend([f"<h4>{title}</h4>", _html_list(items, tag, css)])
        if field == "steps":
            parts.append('</div><div class="watch">')
    parts.append("</div></div>")
    if exercise.sources:
        parts.append(f'<p class="source">Source: {e("; ".join(exercise.sources))}</p>')
    parts.append("</article>")
    return "\n".join(parts)


def _html_figures(exercise: HandoutExercise) -> str:
    figures = [
        f"<figure>{frame_svg(frame, exercise.name, f'figure-{exercise.number}-{index}')}"
        f"<figcaption>{_html(CAPTIONS[frame.label])}</figcaption></figure>"
        for index, frame in enumerate(exercise.figures, start=1)
    ]
    return f'<div class="figures">{"".join(figures)}</div>'


def _html_grid(grid: TickGrid) -> list[str]:
    head = "".join(f'<th scope="col">{_html(label)}</th>' for label in grid.sessions)
    rows = []
    for day, on in zip(grid.days, grid.active, strict=True):
        name, num = _day_label(day)
        if on:
            cells = '<td class="box"></td>' * len(grid.sessions) + '<td class="box"></td>'
        else:
            cells = '<td class="rest">rest</td>' * len(grid.sessions) + '<td class="rest"></td>'
        rows.append(f'<tr><th scope="row" class="day">{name} {num}</th>{cells}</tr>')
    return [
        '<section class="tracker" aria-labelledby="grid-title">',
        f'<h2 id="grid-title">{GRID_TITLE}</h2>',
        f"<p>{_html(grid.heading)}.</p>",
        '<table class="ticks">',
        f'<thead><tr><th scope="col" class="day">Day</th>{head}'
        '<th scope="col">Pain (0-10)</th></tr></thead>',
        f"<tbody>{''.join(rows)}</tbody>",
        "</table>",
        "</section>",
    ]
