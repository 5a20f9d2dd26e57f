"""A plan's exercises in the formats of three break reminders: Stretchly, Safe Eyes, Workrave.

Each format was checked against the tool's own source (see docs/guide.md, "Use your
exercises in a break reminder"):

- **Stretchly** (hovancik/stretchly, ``app/utils/defaultSettings.js``, ``main.js``
  ``loadIdeas``): ``config.json`` holds ``breakIdeas``, a list of
  ``{"data": [title, text], "enabled": true}``, read only when ``useIdeasFromSettings`` is
  true. Stretchly shows an idea as HTML (``app/utils/sanitizeIdea.js``), so the text is
  HTML-escaped inside the JSON string.
- **Safe Eyes** (slgobinath/SafeEyes, ``safeeyes/config/safeeyes.json``,
  ``safeeyes/model.py``): ``long_breaks`` is a list of ``{"name": text, "duration":
  seconds}``; the duration must be a positive integer. The name is shown as plain text.
- **Workrave** (rcaelers/workrave, ``frontend/plugin/exercises/common/share/exercises.xml``
  and ``.../src/Exercise.cc``): ``<exercises><exercise><title/><description/><sequence
  duration="N"><image src="..." duration="N" mirrorx="yes"/></sequence></exercise>``. Any
  other element aborts Workrave's parser, so only these are written. Title and description
  are Pango markup inside XML (``Hig.cc`` ``create_alert_text``): escaped twice.

Pure: text in, text out. The Workrave figures are SVG files named in :class:`WorkraveExport`;
the command writes them beside the exercises file.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape

from backex.care.safety import stop_rule_text
from backex.catalogue.exercise import Exercise, format_dose, pattern_of
from backex.catalogue.figures import Frame, FrameLabel
from backex.documents.figure_svg import frame_svg
from backex.planning.plan import Plan, PlannedItem
from backex.planning.timing import estimate_item_seconds, tempo_of
from backex.text import one_line

FIGURE_PREFIX = "backex-"
NO_FIGURE = f"{FIGURE_PREFIX}no-figure.svg"
# A blank picture for an exercise without figures (a plan's custom exercise): Workrave
# 1.10 loads every image it is given, and fails on a missing mirrored one.
BLANK_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 250 250" width="250" height="250"/>\n'
)


@dataclass(frozen=True, slots=True)
class BreakExercise:
    """One exercise as a break shows it: plain text, one line each, and how long it takes."""

    title: str  # "Bird dog — 3 x 5 s hold each side"
    text: str  # the steps, the clinician's note, the stop rule
    seconds: int  # the whole exercise at its dose, every set and side
    item: PlannedItem


def break_exercises(plan: Plan) -> list[BreakExercise]:
    """The plan's exercises in order, each with its title, text and duration."""
    stop_rule = stop_rule_text(plan.max_pain)
    found = []
    for item in plan.items:
        parts = [*item.exercise.steps, item.note, stop_rule]
        found.append(
            BreakExercise(
                title=one_line(f"{item.exercise.name} — {format_dose(item.dose)}"),
                text=one_line(" ".join(part.strip() for part in parts if part.strip())),
                seconds=max(1, _seconds(item)),
                item=item,
            )
        )
    return found


def _seconds(item: PlannedItem) -> int:
    pattern = pattern_of(item.exercise, item.dose)
    return estimate_item_seconds(item.dose, get_ready_s=0, pattern=pattern)


def _json(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ----------------------------------------------------------------------------- Stretchly


def render_stretchly(plan: Plan) -> str:
    """The keys to merge into Stretchly's ``config.json``: each exercise a long-break idea."""
    ideas = [
        {"data": [html_escape(e.title), html_escape(e.text)], "enabled": True}
        for e in break_exercises(plan)
    ]
    return _json({"useIdeasFromSettings": True, "breakIdeas": ideas})


# ----------------------------------------------------------------------------- Safe Eyes


def render_safeeyes(plan: Plan) -> str:
    """The ``long_breaks`` list for Safe Eyes' ``safeeyes.json``, one break per exercise."""
    breaks = [
        {"name": f"{e.title}\n{e.text}", "duration": e.seconds} for e in break_exercises(plan)
    ]
    return _json({"long_breaks": breaks})


# ------------------------------------------------------------------------------ Workrave


@dataclass(frozen=True, slots=True)
class WorkraveExport:
    """``exercises.xml`` and the figures it names (file name -> SVG text)."""

    xml: str
    figures: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Step:
    src: str
    seconds: int
    mirrored: bool = False


def _markup(text: str) -> str:
    """Text for a Pango-markup element inside XML: escaped for Pango, then for XML."""
    return xml_escape(html_escape(text, quote=False))


def _frame(exercise: Exercise, label: FrameLabel) -> tuple[int, Frame] | None:
    return next(
        ((i, f) for i, f in enumerate(exercise.figures, 1) if f.label is label),
        None,
    )


def _pictures(exercise: Exercise) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """(file name, SVG) of the start and end pictures; the one there is, twice; or None."""
    shown = [f for f in exercise.figures if f.label is not FrameLabel.NOT_THIS]
    if not shown:
        return None
    start = _frame(exercise, FrameLabel.START) or (exercise.figures.index(shown[0]) + 1, shown[0])
    end = _frame(exercise, FrameLabel.END) or start

    def picture(index: int, frame: Frame) -> tuple[str, str]:
        name = f"{FIGURE_PREFIX}{exercise.id}-{index}.svg"
        svg = frame_svg(frame, exercise.name, f"{exercise.id}-{index}")
        return name, f'<?xml version="1.0" encoding="UTF-8"?>\n{svg}\n'

    return picture(*start), picture(*end)


def workrave_steps(item: PlannedItem, start: str, end: str) -> list[_Step]:
    """One repetition as pictures and seconds; the other side mirrored after it.

    A hold shows the end position for the hold (10 s hold: a 10 s step). A counted rep
    shows the start while lifting, the end while holding, the start while lowering.
    Workrave repeats the sequence for the exercise's whole duration.
    """
    dose = item.dose
    if dose.reps is None:
        one_side = [_Step(end, dose.hold_s or 1)]
    else:
        tempo = tempo_of(dose)
        one_side = [_Step(start, tempo.lift_s)]
        one_side.append(_Step(end, dose.hold_s or tempo.lower_s))
        if dose.hold_s:
            one_side.append(_Step(start, tempo.lower_s))
    one_side = [step for step in one_side if step.seconds > 0] or [_Step(end, 1)]
    if not dose.per_side:
        return one_side
    return one_side + [_Step(s.src, s.seconds, mirrored=True) for s in one_side]


def render_workrave(plan: Plan) -> WorkraveExport:
    """Workrave's ``exercises.xml`` for the plan, and the SVG figures it refers to."""
    figures: dict[str, str] = {}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<exercises>"]
    for exercise in break_exercises(plan):
        pictures = _pictures(exercise.item.exercise)
        if pictures is None:
            pictures = ((NO_FIGURE, BLANK_SVG), (NO_FIGURE, BLANK_SVG))
        (start, _), (end, _) = pictures
        steps = workrave_steps(exercise.item, start, end)
        used = {step.src for step in steps}
        figures.update((name, svg) for name, svg in pictures if name in used)
        lines += [
            "  <exercise>",
            f"    <title>{_markup(exercise.title)}</title>",
            f"    <description>{_markup(exercise.text)}</description>",
            f'    <sequence duration="{exercise.seconds}">',
            *_image_lines(steps),
            "    </sequence>",
            "  </exercise>",
        ]
    lines.append("</exercises>")
    return WorkraveExport("\n".join(lines) + "\n", figures)


def _image_lines(steps: list[_Step]) -> Iterator[str]:
    for step in steps:
        mirror = ' mirrorx="yes"' if step.mirrored else ""
        src = xml_escape(step.src, {'"': "&quot;"})
        yield f'      <image src="{src}" duration="{step.seconds}"{mirror}/>'
