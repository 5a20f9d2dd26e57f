"""How long one planned exercise takes: shared by the planner and prescriptions.

Kept apart from both so a prescription's estimate and a planned session's estimate
can never disagree. Pure arithmetic on :class:`backex.exercise.Dose`.
"""

from backex.exercise import Dose, Tempo

# No source gives movement speed in seconds (see data/exercises.yaml), only "move
# slowly"; when a dose names no tempo, a counted rep is timed as 2 s up and 2 s down.
DEFAULT_TEMPO = Tempo(lift_s=2, lower_s=2)


def estimate_item_seconds(dose: Dose, get_ready_s: int = 5, transition_s: int = 10) -> int:
    """Seconds for one exercise at ``dose``: get ready, work on each side, rest, move on.

    A counted rep takes its tempo (default :data:`DEFAULT_TEMPO`) plus its hold; a dose
    without reps is one hold per set. Per-side doses do the work twice per set, rest
    comes between sets (not after the last), and ``transition_s`` covers moving on.
    """
    if dose.reps is not None:
        tempo = dose.tempo or DEFAULT_TEMPO
        work = dose.reps * (tempo.lift_s + tempo.lower_s + (dose.hold_s or 0))
    else:
        work = dose.hold_s or 0
    sides = 2 if dose.per_side else 1
    return get_ready_s + dose.sets * sides * work + (dose.sets - 1) * dose.rest_s + transition_s
