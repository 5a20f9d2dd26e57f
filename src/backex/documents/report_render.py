"""A :class:`~backex.documents.report.Report` as Markdown or as one self-contained HTML page.

The HTML follows the handout's standards: inline CSS only, body text 11 pt, every part
inside a landmark (header, main, footer), tables with header cells, fits one or two A4
pages.
"""

from collections.abc import Iterable
from datetime import date

from backex.documents.handout_render import _html, _md
from backex.documents.report import CheckInRow, Report
from backex.habits.goals import CREDIT, SCALE


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _period(report: Report) -> str:
    first, last = report.first_day, report.last_day
    return f"{_day(first)} {first.year} to {_day(last)} {last.year}"


def _done(report: Report) -> str:
    if report.planned is None:
        return f"{report.done} sessions done"
    return f"{report.done} of {report.planned} planned sessions done ({report.frequency})"


def _meta(report: Report) -> list[tuple[str, str]]:
    rows = [
        ("Patient", report.patient),
        ("Clinic", report.clinic),
        ("Prescribed by", report.prescribed_by),
        ("Period", _period(report)),
        ("Sessions", _done(report)),
        ("Review", report.review),
    ]
    return [(label, value) for label, value in rows if value]


def _pain(value: int | None) -> str:
    return "-" if value is None else str(value)


def pain_days(report: Report) -> list[tuple[str, str]]:
    """(day, "6→5, 6→4"): each day's sessions, pain before → after."""
    days: dict[str, list[str]] = {}
    for row in report.pain:
        days.setdefault(_day(row.day), []).append(f"{_pain(row.before)}→{_pain(row.after)}")
    return [(day, ", ".join(scores)) for day, scores in days.items()]


GOALS_TITLE = "Goals, 0-10"
GOALS_NOTE = f"{CREDIT}: how well can you do this today? {SCALE}."
CHECKINS_TITLE = "Weekly check-ins"


def checkin_line(row: CheckInRow) -> str:
    """ "Mon 9 Mar: 3 of 7 planned sessions in the week before; in the way: time"."""
    text = f"{_day(row.day)}: {row.done} of {row.planned} planned sessions in the week before"
    return text + (f"; in the way: {row.answer}" if row.answer else "")


def _responses(pairs: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{words} ({times})" for words, times in pairs)


# ---------------------------------------------------------------------------- Markdown


def render_markdown(report: Report) -> str:
    """CommonMark: headings, a field list, pipe tables (GFM tables degrade to text)."""
    out = [f"# {_md(report.title)}", ""]
    out += [f"- **{label}:** {_md(value)}" for label, value in _meta(report)]
    out += ["", "## Sessions by week", "", "| Week | Done | Planned |", "| --- | --- | --- |"]
    for week in report.weeks:
        planned = "-" if week.planned is None else str(week.planned)
        out.append(f"| {_day(week.first_day)} to {_day(week.last_day)} | {week.done} | {planned} |")
    out += ["", "## Pain (0-10)", "", report.pain_summary, ""]
    if report.pain:
        out += ["| Day | Before → after, each session |", "| --- | --- |"]
        out += [f"| {day} | {scores} |" for day, scores in pain_days(report)]
        out.append("")
    if report.goals:
        out += [f"## {GOALS_TITLE}", "", GOALS_NOTE, ""]
        for goal in report.goals:
            out += [f"### {_md(goal.text)}{' (retired)' if goal.retired else ''}", ""]
            if goal.scores:
                out += ["| Date | Score |", "| --- | --- |"]
                out += [f"| {_day(s.day)} | {s.score} |" for s in goal.scores]
            else:
                out.append("Not scored in this period.")
            out.append("")
    if report.checkins:
        out += [f"## {CHECKINS_TITLE}", ""]
        out += [f"- {checkin_line(row)}" for row in report.checkins]
        out.append("")
    out += ["## Exercises", ""]
    for row in report.exercises:
        out += [f"### {_md(row.name)}", "", f"Done {row.done} times, skipped {row.skipped}.", ""]
        out += [f"- From {_day(s.first_day)}: {_md(s.dose)} ({_md(s.reason)})" for s in row.doses]
        if row.responses:
            out.append(f"- Symptoms after it: {_responses(row.responses)}")
        out.append("")
    out += ["## Skipped", ""]
    if report.skips:
        out += [f"- {_day(s.day)}: {_md(s.name)}: {s.reason}" for s in report.skips]
    else:
        out.append("Nothing was skipped.")
    out += ["", f"*Also: {report.not_recorded}. Source: {_md(report.source)}.*", ""]
    return "\n".join(out)


# -------------------------------------------------------------------------------- HTML

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #111; background: #fff; max-width: 186mm; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 18pt; margin: 0 0 .4rem; }
h2 { font-size: 13pt; margin: 1rem 0 .3rem; }
h3 { font-size: 11pt; margin: .5rem 0 .1rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; }
.summary { font-weight: 600; }
table { border-collapse: collapse; margin: .3rem 0; }
th, td { border: 1px solid #777; padding: 1px 6px; text-align: left; }
td.num { text-align: right; }
th[scope="row"] { white-space: nowrap; }
ul { margin: .1rem 0 .3rem; padding-left: 1.3rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; }
footer { color: #444; font-size: 10pt; margin-top: 1rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  article, table, dl.meta { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""


def render_html(report: Report) -> str:
    """One self-contained HTML page, ready to print on one or two A4 pages."""
    e = _html
    meta = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in _meta(report))
    weeks = "".join(
        f'<tr><th scope="row">{e(_day(w.first_day))} to {e(_day(w.last_day))}</th>'
        f'<td class="num">{w.done}</td>'
        f'<td class="num">{"-" if w.planned is None else w.planned}</td></tr>'
        for w in report.weeks
    )
    pain = "".join(
        f'<tr><th scope="row">{e(day)}</th><td>{e(scores)}</td></tr>'
        for day, scores in pain_days(report)
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{e(report.title)}</h1>",
        f'<dl class="meta">{meta}</dl>',
        "</header>",
        "<main>",
        '<div class="columns">',
        '<section aria-labelledby="weeks-title">',
        '<h2 id="weeks-title">Sessions by week</h2>',
        '<table><thead><tr><th scope="col">Week</th><th scope="col">Done</th>'
        f'<th scope="col">Planned</th></tr></thead><tbody>{weeks}</tbody></table>',
        "</section>",
        '<section aria-labelledby="pain-title">',
        '<h2 id="pain-title">Pain (0-10)</h2>',
        f'<p class="summary">{e(report.pain_summary)}</p>',
    ]
    if report.pain:
        parts.append(
            '<table><thead><tr><th scope="col">Day</th>'
            '<th scope="col">Before → after, each session</th></tr></thead>'
            f"<tbody>{pain}</tbody></table>"
        )
    parts += ["</section>", "</div>", *_html_goals(report)]
    parts.append('<section aria-labelledby="exercises-title">')
    parts.append('<h2 id="exercises-title">Exercises</h2>')
    for row in report.exercises:
        doses = "".join(
            f"<li>From {e(_day(s.first_day))}: {e(s.dose)} ({e(s.reason)})</li>" for s in row.doses
        )
        if row.responses:
            doses += f"<li>Symptoms after it: {e(_responses(row.responses))}</li>"
        parts += [
            "<article>",
            f"<h3>{e(row.name)}</h3>",
            f"<p>Done {row.done} times, skipped {row.skipped}.</p>",
            f"<ul>{doses}</ul>",
            "</article>",
        ]
    parts += ["</section>", '<section aria-labelledby="skips-title">']
    parts.append('<h2 id="skips-title">Skipped</h2>')
    if report.skips:
        items = "".join(
            f"<li>{e(_day(s.day))}: {e(s.name)}: {e(s.reason)}</li>" for s in report.skips
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append("<p>Nothing was skipped.</p>")
    parts += [
        "</section>",
        "</main>",
        f"<footer><p>Also: {e(report.not_recorded)}. Source: {e(report.source)}.</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _html_goals(report: Report) -> list[str]:
    """The goals' score tables and the check-ins, when there are any."""
    e = _html
    parts: list[str] = []
    if report.goals:
        parts += [
            '<section aria-labelledby="goals-title">',
            f'<h2 id="goals-title">{e(GOALS_TITLE)}</h2>',
            f"<p>{e(GOALS_NOTE)}</p>",
        ]
        for goal in report.goals:
            parts += ["<article>", f"<h3>{e(goal.text)}{' (retired)' if goal.retired else ''}</h3>"]
            if goal.scores:
                rows = "".join(
                    f'<tr><th scope="row">{e(_day(s.day))}</th><td class="num">{s.score}</td></tr>'
                    for s in goal.scores
                )
                parts.append(
                    '<table><thead><tr><th scope="col">Date</th><th scope="col">Score</th></tr>'
                    f"</thead><tbody>{rows}</tbody></table>"
                )
            else:
                parts.append("<p>Not scored in this period.</p>")
            parts.append("</article>")
        parts.append("</section>")
    if report.checkins:
        items = "".join(f"<li>{e(checkin_line(row))}</li>" for row in report.checkins)
        parts += [
            '<section aria-labelledby="checkins-title">',
            f'<h2 id="checkins-title">{e(CHECKINS_TITLE)}</h2>',
            f"<ul>{items}</ul>",
            "</section>",
        ]
    return parts
