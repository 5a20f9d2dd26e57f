"""A gentle session for a day that starts with pain of 7 or more. Pure.

Clinical rules, revision 2 ("Pain monitoring"): pain before >= 7 gets only a gentle
session and advice on when to call. Gentle here means the level-1 stretches and mobility
movements of the plan, and in an extension session prone lying and prone on elbows (the
positions kept after spreading), one set each. Everything else is left out today, said
in one line each.
"""

from dataclasses import replace

from backex.care.mckenzie import RESTRICTED_IDS
from backex.catalogue.exercise import Dose, Exercise, Focus, pattern_of
from backex.planning.plan import Plan, PlannedItem
from backex.planning.timing import item_estimates

GENTLE_LEFT_OUT = "pain 7 or more before starting: only gentle movements today"
GENTLE_NOTE = "A gentle session today (pain 7 or more): {left} exercise{s} left out."
GENTLE_KEPT = "pain 7 or more before starting: one set, gently"
NOTHING_GENTLE = (
    "Nothing in this plan is gentle enough for today. Keep moving gently (a short walk, "
    "everyday activity) and try again tomorrow."
)
_GENTLE_FOCUS = frozenset({Focus.STRETCH, Focus.MOBILITY})


def is_gentle(exercise: Exercise) -> bool:
    """Level 1 and a stretch or mobility movement, or a McKenzie resting position."""
    if exercise.level != 1:
        return False
    return exercise.id in RESTRICTED_IDS or not _GENTLE_FOCUS.isdisjoint(exercise.focus)


def gentle_session(plan: Plan) -> Plan:
    """``plan`` cut to its gentle exercises, one set each; the rest listed as left out."""
    kept = [item for item in plan.items if is_gentle(item.exercise)]
    doses = [replace(item.dose, sets=1) for item in kept]
    estimates = item_estimates(
        [(d, pattern_of(i.exercise, d)) for i, d in zip(kept, doses, strict=True)]
    )
    items = tuple(
        _gently(item, dose, seconds)
        for item, dose, seconds in zip(kept, doses, estimates, strict=True)
    )
    left_out = tuple((item.exercise.id, GENTLE_LEFT_OUT) for item in plan.items if item not in kept)
    note = GENTLE_NOTE.format(left=len(left_out), s="" if len(left_out) == 1 else "s")
    care_notes = plan.care_notes + ((note,) if left_out else ())
    return replace(plan, items=items, left_out=plan.left_out + left_out, care_notes=care_notes)


def _gently(item: PlannedItem, dose: Dose, seconds: int) -> PlannedItem:
    if dose == item.dose:
        return replace(item, est_s=seconds)
    return replace(item, dose=dose, est_s=seconds, reason=GENTLE_KEPT, prescribed=item.baseline)
