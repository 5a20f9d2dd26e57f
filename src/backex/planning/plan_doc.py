"""A plan as a JSON document, and back: one shape for ``routine --dry-run --json`` and
for the plan stored with every session in the history (which ``routine --resume`` reads).

Pure: no database, no terminal.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from backex.catalogue.exercise import Dose, Exercise, Focus, Tempo
from backex.errors import BackexError
from backex.planning.plan import Block, Plan, PlannedItem


class ExerciseFinder(Protocol):
    def find(self, query: str) -> Exercise | None: ...


def dose_to_dict(dose: Dose) -> dict[str, Any]:
    tempo = {"lift_s": dose.tempo.lift_s, "lower_s": dose.tempo.lower_s} if dose.tempo else None
    return {
        "sets": dose.sets,
        "reps": dose.reps,
        "hold_s": dose.hold_s,
        "rest_s": dose.rest_s,
        "per_side": dose.per_side,
        "tempo": tempo,
    }


def dose_from_dict(data: Mapping[str, Any]) -> Dose:
    tempo = data.get("tempo")
    return Dose(
        sets=data["sets"],
        reps=data.get("reps"),
        hold_s=data.get("hold_s"),
        rest_s=data.get("rest_s", 0),
        per_side=data.get("per_side", False),
        tempo=Tempo(tempo["lift_s"], tempo["lower_s"]) if tempo else None,
    )


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """``{"total_s", "focus", ..., "items": [{"exercise", "sets", "reps", "hold_s", ...}]}``."""
    return {
        "total_s": plan.total_s,
        "focus": [str(f) for f in plan.focus],
        "max_level": plan.max_level,
        "minutes": plan.minutes,
        "plan": plan.name or None,
        "seed": plan.seed,
        "items": [
            {
                "exercise": item.exercise.id,
                "name": item.exercise.name,
                "block": str(item.block),
                **dose_to_dict(item.dose),
                "est_s": item.est_s,
                "reason": item.reason,
                "note": item.note,
                "prescribed": dose_to_dict(item.prescribed) if item.prescribed else None,
            }
            for item in plan.items
        ],
        "dropped": list(plan.dropped),
        "notes": plan.notes,
        "left_out": [{"exercise": i, "reason": r} for i, r in plan.left_out],
        "care_notes": list(plan.care_notes),
    }


def plan_from_dict(
    doc: Any, catalogue: ExerciseFinder, name: str | None, focus: Sequence[str]
) -> Plan:
    """The stored plan again, exercises from ``catalogue`` at the stored doses.

    Raises BackexError when an exercise is not in the catalogue any more, or the
    document is not a plan this program wrote.
    """
    try:
        items = []
        for entry in doc["items"]:
            exercise = catalogue.find(entry["exercise"])
            if exercise is None:
                raise BackexError(
                    f"the unfinished session uses the exercise {entry['exercise']!r}, which "
                    "is not in the catalogue; give the --catalogue it was planned with"
                )
            items.append(
                PlannedItem(
                    exercise=exercise,
                    dose=dose_from_dict(entry),
                    block=Block(entry.get("block", Block.MAIN)),
                    est_s=int(entry["est_s"]),
                    reason=str(entry.get("reason", "")),
                    note=str(entry.get("note") or ""),
                    prescribed=dose_from_dict(entry["prescribed"])
                    if entry.get("prescribed")
                    else None,
                )
            )
        wanted = tuple(Focus(f) for f in focus)
    except (KeyError, TypeError, ValueError) as exc:
        raise BackexError(
            f"the unfinished session's stored plan cannot be read ({type(exc).__name__}: "
            f"{exc}); start a new session instead"
        ) from None
    if not items:
        raise BackexError("the unfinished session's stored plan has no exercises")
    return Plan(
        items=tuple(items),
        focus=wanted,
        max_level=max(item.exercise.level for item in items),
        name=name or "",
        notes=str(doc.get("notes") or ""),
    )
