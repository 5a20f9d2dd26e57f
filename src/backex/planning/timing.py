"""How long things take in a session: shared by the planner, prescriptions and the engine.

Kept apart from all of them so a prescription's estimate, a planned session's estimate
and the coached session's phases can never disagree. Pure arithmetic on
:class:`backex.catalogue.exercise.Dose`.
"""

from backex.catalogue.exercise import Dose, Pattern, Tempo, default_pattern

GET_READY_S = 5
TRANSITION_S = 10  # time to change position before the next exercise, with a "next up" preview
SWITCH_SIDES_S = 5
# No source gives movement speed in seconds, only "move slowly" (seed article), so a
# counted rep without a catalogue tempo moves slowly and under control: 2 s up, 2 s down.
DEFAULT_TEMPO = Tempo(lift_s=2, lower_s=2)


def tempo_of(dose: Dose) -> Tempo:
    """The dose's tempo, or the slow default for counted reps."""
    return dose.tempo or DEFAULT_TEMPO


def work_seconds(dose: Dose) -> int:
    """Seconds of work in one set on one side."""
    if dose.reps is None:
        return dose.hold_s or 0
    tempo = tempo_of(dose)
    return dose.reps * (tempo.lift_s + (dose.hold_s or 0) + tempo.lower_s)


def estimate_item_seconds(
    dose: Dose,
    *,
    get_ready_s: int = GET_READY_S,
    transition_s: int = 0,
    switch_s: int = SWITCH_SIDES_S,
    pattern: Pattern | None = None,
) -> int:
    """Seconds one exercise takes: lead-in, every set and side, switches and rests.

    ``transition_s`` is the position change before it (0 for the first exercise);
    ``pattern`` (by default the dose's own) says whether the sides take a switch.
    """
    sides = 2 if dose.per_side else 1
    switches = (pattern or default_pattern(dose)).switches_sides
    per_set = sides * work_seconds(dose) + (sides - 1) * (switch_s if switches else 0)
    rests = (dose.sets - 1) * dose.rest_s
    return transition_s + get_ready_s + dose.sets * per_set + rests


def item_estimates(doses: list[tuple[Dose, Pattern]]) -> list[int]:
    """Estimates for a session's doses and patterns in order: all but the first move on."""
    return [
        estimate_item_seconds(dose, transition_s=TRANSITION_S if index else 0, pattern=pattern)
        for index, (dose, pattern) in enumerate(doses)
    ]
