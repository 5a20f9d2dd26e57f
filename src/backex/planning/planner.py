"""Plan a session from the catalogue: pick, order, dose and fit it to a time budget.

Shape: one gentle warm-up (stretch/mobility), the main block in body-position order, one
cool-down stretch. A session that includes the McKenzie series starts and ends with prone
lying instead, as the series requires. Over budget, doses are trimmed (sets, then reps,
never below one set or half the catalogue's reps, never raised; holds are kept), and if
that is not enough whole exercises are left out, lowest priority first (see
:func:`_drop_order`). The random generator only breaks ties between equals.

With a :class:`~backex.planning.dosing.DoseHistory` (read from the history by the caller), each
exercise starts from its adapted dose (:func:`backex.planning.dosing.starting_dose`: progression,
easing off, possibly a variant) instead of the catalogue's, and its ``reason`` says why.
The McKenzie prone-lying brackets keep the catalogue dose: they are the resting position.
"""

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from backex.catalogue.exercise import Dose, Exercise, Focus, Position, pattern_of
from backex.catalogue.loader import Catalogue
from backex.errors import BackexError, UsageError
from backex.planning.dosing import CATALOGUE_DOSE, DoseHistory, starting_dose
from backex.planning.plan import Block, Plan, PlannedItem
from backex.planning.selection import MAIN_EXERCISES, SIZE_REASON, Restrictions, allowed, one_rung
from backex.planning.timing import TRANSITION_S, estimate_item_seconds

PRONE_LYING = "prone-lying"  # opens and closes every McKenzie session
# McKenzie flexion suits only people whom bending forward helps; an automatic plan of the
# (extension) series leaves it out. A prescription can still name it.
DIRECTION_SPECIFIC = frozenset({"flexion-in-lying"})
POSITION_ORDER = {position: index for index, position in enumerate(Position)}
MCKENZIE_ALONE = (
    "--focus mckenzie is a session of its own (the extension series only, never with "
    "flexion stretches between its prone-lying brackets); leave out the other --focus values"
)


@dataclass(frozen=True, slots=True)
class _Pick:
    exercise: Exercise
    block: Block
    fixed: bool = False  # never left out on its own (the McKenzie prone-lying brackets)
    start: Dose | None = None  # the dose to trim from; None: the catalogue's
    why: str = CATALOGUE_DOSE

    @property
    def dose(self) -> Dose:
        return self.start or self.exercise.dose


def make_plan(
    catalogue: Catalogue,
    focus: Sequence[Focus] | None = None,
    max_level: int = 1,
    minutes: int = 15,
    seed: int | None = None,
    history: DoseHistory | None = None,
    restrictions: Restrictions | None = None,
) -> Plan:
    """A session of ``focus`` exercises (None or empty: every focus but McKenzie) that fits.

    The McKenzie extension series is a session of its own: combined with any other focus
    it is a UsageError. ``history``: adapt each dose to it (see the module docstring).
    ``restrictions``: exercises left out for the person (each with its reason in
    ``Plan.left_out``); at most :data:`MAIN_EXERCISES` main exercises, one rung per ladder.
    Raises BackexError saying what to change when nothing matches or nothing fits.
    """
    wanted = tuple(focus) if focus else tuple(f for f in Focus if f is not Focus.MCKENZIE)
    if Focus.MCKENZIE in wanted and len(wanted) > 1:
        raise UsageError(MCKENZIE_ALONE)
    restrictions = restrictions or Restrictions()
    rank = _tiebreak(catalogue.exercises, seed)
    candidates = [
        e
        for e in catalogue.filter(focus=wanted, max_level=max_level)
        if e.id not in DIRECTION_SPECIFIC
    ]
    if not candidates:
        raise BackexError(_nothing_matches(catalogue, wanted, max_level))
    matching, left_out = allowed(candidates, restrictions)
    matching, other_rungs, rung_below = one_rung(matching)
    left_out += other_rungs
    if not matching:
        raise BackexError("no exercises left for you in this focus: " + left_out[0][1])
    banned = {i for i, _ in left_out} | {
        i for i, _ in allowed(catalogue.exercises, restrictions)[1]
    }
    picks = _shape(catalogue, matching, wanted, max_level, rank, banned)
    picks, too_many = _at_most(picks, MAIN_EXERCISES, rank)
    left_out += [(e.id, SIZE_REASON) for e in too_many]
    if history is not None:
        picks = _adapted(picks, catalogue, history, max_level)
    budget = minutes * 60
    # Leave out one more exercise at a time, lowest priority first; at least one stays.
    droppable = [i for i in _drop_order(picks, rank) if not picks[i].fixed]
    for dropped in range(_fewest_to_drop(picks, droppable, budget), len(droppable)):
        dropped_ids = set(droppable[:dropped])
        kept = [p for i, p in enumerate(picks) if i not in dropped_ids]
        trim_first = [kept.index(picks[i]) for i in droppable[dropped:]]
        doses = _fit_doses(kept, budget, trim_first)
        if doses is not None:
            items = _items(kept, doses, minutes)
            planned = {item.exercise.id for item in items}  # a variant may be in after all
            # a rung left out for the one below stays unsaid when that one did not fit either
            left_out = [
                (i, why) for i, why in left_out if i not in rung_below or rung_below[i] in planned
            ]
            return Plan(
                items=items,
                focus=wanted,
                max_level=max_level,
                minutes=minutes,
                seed=seed,
                dropped=tuple(picks[i].exercise.id for i in sorted(dropped_ids)),
                left_out=tuple((i, why) for i, why in left_out if i not in planned),
                care_notes=restrictions.notes,
            )
    smallest = [p for i, p in enumerate(picks) if p.fixed or i == droppable[-1]]
    raise BackexError(_nothing_fits(smallest, minutes))


def _at_most(
    picks: list[_Pick], count: int, rank: dict[str, float]
) -> tuple[list[_Pick], list[Exercise]]:
    """Keep ``count`` main exercises: the easier ones, then catalogue (or seed) order."""
    main = [p for p in picks if p.block is Block.MAIN and not p.fixed]
    if len(main) <= count:
        return picks, []
    keep = sorted(main, key=lambda p: (p.exercise.level, rank[p.exercise.id]))[:count]
    # by identity: comparing picks field by field made 3,000 exercises take 1.2 s
    kept = {id(p) for p in keep}
    gone = [p for p in main if id(p) not in kept]
    left = {id(p) for p in gone}
    return [p for p in picks if id(p) not in left], [p.exercise for p in gone]


def _tiebreak(exercises: Iterable[Exercise], seed: int | None) -> dict[str, float]:
    """Catalogue order, or with a seed a shuffled order; only ever the last sort key."""
    ids = [e.id for e in exercises]
    if seed is None:
        return {exercise_id: float(i) for i, exercise_id in enumerate(ids)}
    rng = random.Random(seed)
    return {exercise_id: rng.random() for exercise_id in ids}


def _shape(
    catalogue: Catalogue,
    matching: list[Exercise],
    wanted: tuple[Focus, ...],
    max_level: int,
    rank: dict[str, float],
    banned: set[str],
) -> list[_Pick]:
    """Warm-up, main block in position order, cool-down; never a ``banned`` id."""
    prone_lying = catalogue.find(PRONE_LYING)
    if (
        Focus.MCKENZIE in wanted
        and prone_lying is not None
        and prone_lying.level <= max_level
        and len(matching) > 1
    ):
        main = [e for e in matching if e.id != PRONE_LYING]
        return [
            _Pick(prone_lying, Block.WARM_UP, fixed=True),
            *(_Pick(e, Block.MAIN) for e in _by_position(main)),
            _Pick(prone_lying, Block.COOL_DOWN, fixed=True),
        ]
    gentle = [
        e
        for e in catalogue.filter(focus=(Focus.STRETCH, Focus.MOBILITY), max_level=max_level)
        if Focus.MCKENZIE not in e.focus and e.id not in banned
    ]
    # Warm-up: a moving stretch (mobility) before a held one, lowest level, lying first.
    warm_up = _best(
        gentle,
        lambda e: (Focus.MOBILITY not in e.focus, e.level, POSITION_ORDER[e.position]),
        rank,
    )
    # Cool-down: a held stretch, lowest level, not the warm-up.
    cool_down = _best(
        [e for e in gentle if e is not warm_up and Focus.STRETCH in e.focus],
        lambda e: (e.dose.reps is not None, e.level, POSITION_ORDER[e.position]),
        rank,
    )
    extras = {e.id for e in (warm_up, cool_down) if e is not None}
    main = [e for e in matching if e.id not in extras]
    if not main:  # a tiny focus: keep its exercises as the main block
        main, warm_up, cool_down = matching, None, None
    picks = [_Pick(warm_up, Block.WARM_UP)] if warm_up else []
    picks += [_Pick(e, Block.MAIN) for e in _by_position(main)]
    if cool_down:
        picks.append(_Pick(cool_down, Block.COOL_DOWN))
    return picks


def _adapted(
    picks: list[_Pick], catalogue: Catalogue, history: DoseHistory, max_level: int
) -> list[_Pick]:
    """Each pick at its starting dose (maybe a variant); the main block re-ordered."""
    taken = {p.exercise.id for p in picks}
    adapted: list[_Pick] = []
    for pick in picks:
        if pick.fixed:
            adapted.append(pick)
            continue
        start = starting_dose(
            pick.exercise, catalogue, history, max_level, taken - {pick.exercise.id}
        )
        taken.discard(pick.exercise.id)
        taken.add(start.exercise.id)
        adapted.append(replace(pick, exercise=start.exercise, start=start.dose, why=start.reason))
    main = sorted(
        (p for p in adapted if p.block is Block.MAIN),
        key=lambda p: (POSITION_ORDER[p.exercise.position], p.exercise.level),
    )  # stable: otherwise the planner's order
    before = [p for p in adapted if p.block is Block.WARM_UP]
    after = [p for p in adapted if p.block is Block.COOL_DOWN]
    return [*before, *main, *after]


def _best(
    candidates: list[Exercise],
    key: Callable[[Exercise], tuple[bool | int, ...]],
    rank: dict[str, float],
) -> Exercise | None:
    if not candidates:
        return None
    return min(candidates, key=lambda e: (*key(e), rank[e.id]))


def _by_position(exercises: list[Exercise]) -> list[Exercise]:
    """Few position changes: lying on the back first, standing last; easier first."""
    order = {e.id: i for i, e in enumerate(exercises)}
    return sorted(exercises, key=lambda e: (POSITION_ORDER[e.position], e.level, order[e.id]))


def _drop_order(picks: list[_Pick], rank: dict[str, float]) -> list[int]:
    """Who goes first when time runs short.

    Priority, lowest first: the cool-down stretch, then the warm-up, then main-block
    exercises from the highest level down (easier ones are kept), ties broken by catalogue
    order (the seed article's exercises come first and stay longest) or by the seed.
    The McKenzie prone-lying brackets come last: the series needs both.
    """
    block_order = {Block.COOL_DOWN: 0, Block.WARM_UP: 1, Block.MAIN: 2}
    return sorted(
        range(len(picks)),
        key=lambda i: (
            picks[i].fixed,
            block_order[picks[i].block],
            -picks[i].exercise.level,
            -rank[picks[i].exercise.id],
        ),
    )


def _trim_steps(dose: Dose) -> list[Dose]:
    """Ever smaller doses: one set less at a time, then one rep less, to the floors."""
    steps: list[Dose] = []
    current = dose
    while current.sets > 1:
        current = replace(current, sets=current.sets - 1)
        steps.append(current)
    if current.reps is not None:
        floor = max(1, math.ceil(current.reps / 2))
        while current.reps is not None and current.reps > floor:
            current = replace(current, reps=current.reps - 1)
            steps.append(current)
    return steps


def _fewest_to_drop(picks: list[_Pick], droppable: list[int], budget: int) -> int:
    """How many to leave out before the rest can fit at all, at their smallest doses.

    :func:`_fit_doses` fails exactly when the kept exercises are over budget at their
    smallest doses, so trying fewer drops than this only wastes time; with thousands
    of matching exercises it is the difference between minutes and milliseconds.
    """
    if not droppable:
        return 0
    smallest = [
        _estimate(p, p.dose if p.fixed else ([p.dose, *_trim_steps(p.dose)][-1]), 0) for p in picks
    ]
    total = sum(smallest) + TRANSITION_S * (len(picks) - 1)
    for dropped, index in enumerate(droppable):
        if total <= budget or dropped == len(droppable) - 1:
            return dropped
        total -= smallest[index] + TRANSITION_S
    return len(droppable) - 1


def _total(picks: list[_Pick], doses: dict[int, Dose]) -> int:
    return sum(_estimate(p, doses[i], TRANSITION_S if i else 0) for i, p in enumerate(picks))


def _estimate(pick: _Pick, dose: Dose, transition_s: int) -> int:
    pattern = pattern_of(pick.exercise, dose)
    return estimate_item_seconds(dose, transition_s=transition_s, pattern=pattern)


def _fit_doses(kept: list[_Pick], budget: int, queue: list[int]) -> dict[int, Dose] | None:
    """Catalogue doses trimmed, ``queue`` (indices into ``kept``) first, until the total fits.

    None if even the smallest doses do not fit.
    """
    doses = {i: p.dose for i, p in enumerate(kept)}
    if _total(kept, doses) <= budget:
        return doses
    # Sets first everywhere, then reps: a session with fewer sets keeps every exercise's
    # full rep count longer.
    for phase in ("sets", "reps"):
        for index in queue:
            for smaller in _trim_steps(doses[index]):
                if phase == "sets" and smaller.sets == doses[index].sets:
                    break
                doses[index] = smaller
                if _total(kept, doses) <= budget:
                    return doses
    return None


def _reason(pick: _Pick, dose: Dose, minutes: int) -> str:
    original = pick.dose
    changes = []
    if dose.sets != original.sets:
        changes.append(f"{original.sets} to {dose.sets} sets")
    if dose.reps != original.reps:
        changes.append(f"{original.reps} to {dose.reps} reps")
    if not changes:
        return pick.why
    trimmed = f"trimmed from {' and '.join(changes)} to fit {minutes} min"
    return trimmed if pick.why == CATALOGUE_DOSE else f"{pick.why}; {trimmed}"


def _items(kept: list[_Pick], doses: dict[int, Dose], minutes: int) -> tuple[PlannedItem, ...]:
    return tuple(
        PlannedItem(
            exercise=pick.exercise,
            dose=doses[i],
            block=pick.block,
            est_s=_estimate(pick, doses[i], TRANSITION_S if i else 0),
            reason=_reason(pick, doses[i], minutes),
            prescribed=pick.dose if doses[i] != pick.dose else None,
        )
        for i, pick in enumerate(kept)
    )


def _nothing_matches(catalogue: Catalogue, wanted: tuple[Focus, ...], max_level: int) -> str:
    names = ", ".join(str(f) for f in wanted)
    message = f"no exercises for focus {names} at level {max_level}"
    higher = [e.level for e in catalogue.filter(focus=wanted) if e.id not in DIRECTION_SPECIFIC]
    if higher:
        return f"{message}; try --level {min(higher)}"
    others = ", ".join(str(f) for f in Focus if f not in wanted)
    return f"{message}; try another --focus ({others})"


def _nothing_fits(smallest: list[_Pick], minutes: int) -> str:
    """Say how long the smallest session the planner would make takes."""
    doses = {i: [p.dose, *_trim_steps(p.dose)][-1] for i, p in enumerate(smallest)}
    shortest = _total(smallest, doses)
    what = "the shortest session" if len(smallest) > 1 else "the shortest exercise"
    need = math.ceil(shortest / 60)
    return f"nothing fits in {minutes} min; {what} takes {_clock(shortest)}: try --minutes {need}"


def _clock(seconds: int) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d} min" if minutes else f"{secs} s"
