"""Write a :class:`~backex.planning.plan.Plan` as a commented plan file (``backex plan new``).

The output is a starting point for a clinician to edit: it passes ``backex plan check``
as written, keeps the planner's order, writes only the dose fields that differ from the
catalogue (as overrides), and explains every field in comments.
"""

import json

from backex.catalogue.exercise import Dose, format_dose
from backex.planning.plan import Plan, PlannedItem

HEADER = """\
# backex plan file: a home-exercise prescription.
# Check it:      backex plan check FILE
# Coach it:      backex routine --plan FILE
# Print it:      backex export handout --plan FILE --format html -o handout.html
# Remind me:     backex remind --plan FILE -o reminders.ics
#
# Fields
#   version          2: this file's format (a file without it reads as version 1)
#   name             what the handout and the calendar call this plan
#   prescribed_by    optional: the clinician who prescribed it
#   patient          optional: name or initials, on the handout and the report
#   clinic           optional: {name: ..., phone: ...}
#   review_on        optional: the review date, YYYY-MM-DD
#   notes            optional: shown at the top of the handout
#   frequency        daily | 2x-daily | 3x-daily | every-2h (08:00-20:00) | weekdays |
#                    3x-weekly | [mon, wed, fri] | ["07:30", "18:00"] |
#                    {times: ["09:00"], days: [sat, sun]}
#   max_pain         optional: stop above this pain, 0-10 (default 5)
#   progression      optional: "off" (doses as written, the default) | hold | auto
#   avoid            optional: movements to refuse, e.g. [flexion, rotation]
#   red_flags_reviewed optional: {on: YYYY-MM-DD, by: ...}
#   exercises        in order; each has an id, name or alias (see `backex list`), a note and
#                    optional dose overrides of the catalogue dose: sets, reps, hold_s,
#                    rest_s, per_side, tempo: {lift_s, lower_s}; null removes reps or hold_s
#   custom_exercises optional: your own exercises, written like the catalogue's
#                    (`backex show ID --json` prints one to copy from)
#
# Doses start from the catalogue's conservative starting doses. Change them only as
# your clinician advises; stop if pain spreads down a leg or symptoms get worse.
"""

_DOSE_FIELDS = ("sets", "reps", "hold_s", "rest_s", "per_side")


def render_plan_yaml(plan: Plan, prescribed_by: str | None = None) -> str:
    """A commented plan file for ``plan``; ``frequency`` starts as daily (NHS: every day)."""
    lines = [HEADER, "version: 2"]
    lines.append(f"name: {_quote(plan.name or _default_name(plan))}")
    if prescribed_by:
        lines.append(f"prescribed_by: {_quote(prescribed_by)}")
    else:
        lines.append('# prescribed_by: "Your clinician\'s name"')
    lines.append('# notes: "Anything the patient should read first."')
    lines.append("frequency: daily   # NHS: do back exercises every day")
    lines.append("exercises:")
    block = None
    for item in plan.items:
        if item.block != block:
            block = item.block
            lines.append(f"  # --- {block.value}")
        lines.extend(_entry(item))
    minutes = -(-plan.total_s // 60)
    lines.append(f"# {len(plan.items)} exercises, about {minutes} min per session.")
    return "\n".join(lines) + "\n"


def _entry(item: PlannedItem) -> list[str]:
    exercise = item.exercise
    lines = [
        f"  # {exercise.name}: catalogue dose {format_dose(exercise.dose)}",
        f"  - id: {exercise.id}",
    ]
    overrides = _dose_overrides(exercise.dose, item.dose)
    if overrides:
        why = f"  # {item.reason}" if item.reason else ""
        lines.append(f"    dose: {{{', '.join(overrides)}}}{why}")
    else:
        lines.append("    # dose: {reps: 5}   # overrides, if prescribed")
    if item.note:
        lines.append(f"    note: {_quote(item.note)}")
    else:
        lines.append('    # note: "A cue of your own for this exercise."')
    return lines


def _dose_overrides(base: Dose, dose: Dose) -> list[str]:
    out = []
    for name in _DOSE_FIELDS:
        value = getattr(dose, name)
        if value != getattr(base, name):
            out.append(f"{name}: {_scalar(value)}")
    if dose.tempo != base.tempo:
        tempo = dose.tempo
        text = f"{{lift_s: {tempo.lift_s}, lower_s: {tempo.lower_s}}}" if tempo else "null"
        out.append(f"tempo: {text}")
    return out


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, whatever the text holds.
    return json.dumps(text, ensure_ascii=False)


def _default_name(plan: Plan) -> str:
    focus = ", ".join(str(f) for f in plan.focus) or "Home exercises"
    parts = [focus[0].upper() + focus[1:], f"level {plan.max_level}"]
    if plan.minutes:
        parts.append(f"{plan.minutes} min")
    return ", ".join(parts)
