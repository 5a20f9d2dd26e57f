"""The care questions before an automatic plan: first-run answers, the McKenzie screen,
the leg question after "spreading", and the next-morning question after amber or red.

Each returns what the planner needs (:class:`~backex.planning.selection.Restrictions`,
the light for dosing). Asked only at a terminal and never by ``--dry-run``, which uses the
remembered answers and says what a real run would ask first. The wording lives in
:mod:`backex.care` (screening, mckenzie, pain); this module only asks and remembers.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from backex.care import mckenzie, pain, screening
from backex.care.profile import Profile, load_profile, update_profile
from backex.catalogue.exercise import Focus
from backex.errors import BackexError
from backex.planning.selection import Restrictions

if TYPE_CHECKING:
    from backex.catalogue.loader import Catalogue
    from backex.history.store import History
    from backex.planning.dosing import DoseHistory
    from backex.planning.plan import Plan

LOOK_BACK = timedelta(days=30)
RECENT_RESULTS = 12  # per exercise: enough for good sessions on 3 different days


@dataclass(frozen=True, slots=True)
class CareInput:
    """What the planner takes from the care questions."""

    restrictions: Restrictions
    not_settled: bool  # the last session's pain had not settled by the next morning


def ask_yes_no(prompt: str) -> bool:
    """Ask until y/yes or n/no (see :func:`backex.cli.safety._ask_yes_no`)."""
    from backex.cli.safety import _ask_yes_no

    return _ask_yes_no(prompt)


def _say(text: str) -> None:
    from backex.ui import output

    output.stdout().print(text, highlight=False)


def ask_screening() -> dict[str, bool]:
    """The first-run questions, asked in turn; the answers."""
    _say(screening.INTRO)
    answers = {q.key: ask_yes_no(f"{q.question} (y/n)") for q in screening.QUESTIONS}
    _say(screening.EVERYONE)
    return answers


def ask_emergency_number() -> str:
    """The local emergency number, chosen once; Enter keeps the default."""
    from backex.care.safety import DEFAULT_EMERGENCY_NUMBER
    from backex.ui import output

    try:
        given = output.stdout().input(
            f"Your local emergency number (Enter keeps {DEFAULT_EMERGENCY_NUMBER}): "
        )
    except EOFError:
        given = ""
    return given.strip()[:40] or DEFAULT_EMERGENCY_NUMBER


def emergency_number(profile: Profile | None = None) -> str:
    """The chosen emergency number, or the default list."""
    from backex.care.safety import DEFAULT_EMERGENCY_NUMBER

    profile = profile or load_profile()
    return profile.emergency_number or DEFAULT_EMERGENCY_NUMBER


def _first_run(profile: Profile, ask: bool) -> tuple[Profile, list[str]]:
    if profile.screening is not None:
        return profile, []
    if not ask:
        return profile, ["First-run questions not answered yet: backex safety --profile asks them."]
    answers = ask_screening()
    number = profile.emergency_number or ask_emergency_number()
    return update_profile(screening=answers, emergency_number=number), []


def _mckenzie_screen(profile: Profile, ask: bool, now: datetime) -> Profile:
    if not mckenzie.screen_due(profile.mckenzie_answered_at, now) and profile.mckenzie:
        if not mckenzie.screen_passes(profile.mckenzie):
            raise BackexError(mckenzie.SCREEN_REFUSED)
        return profile
    if not ask:
        raise BackexError(
            "the McKenzie series asks four questions first: run `backex routine -f mckenzie` "
            "in a terminal"
        )
    _say(mckenzie.SCREEN_INTRO)
    answers = {q.key: ask_yes_no(f"{q.question} (y/n)") for q in mckenzie.SCREEN_QUESTIONS}
    profile = update_profile(mckenzie=answers, mckenzie_at=now.isoformat())
    if not mckenzie.screen_passes(answers):
        raise BackexError(mckenzie.SCREEN_REFUSED)
    return profile


def spreading_history(store: "History", now: datetime) -> mckenzie.SpreadingHistory:
    """The last spreading answer's day and the extension-session days after it."""
    answers = store.symptom_days((now - LOOK_BACK).date())
    spread = [d for d, s in answers if s is mckenzie.Symptoms.PERIPHERALISING]
    last = max(spread) if spread else None
    clear = {d for d, s in answers if last is not None and d > last}
    return mckenzie.SpreadingHistory(last, clear)


def _spreading(store: "History", ask: bool, dry_run: bool, now: datetime) -> Restrictions:
    history = spreading_history(store, now)
    restricted = Restrictions(only=mckenzie.RESTRICTED_IDS, only_reason=mckenzie.RESTRICTED_REASON)
    if mckenzie.needs_leg_question(history):
        if dry_run:
            return replace(restricted, notes=(f"A real run first asks: {mckenzie.LEG_QUESTION}",))
        if not ask:
            raise BackexError(mckenzie.LEG_NOT_SETTLED)
        leg_back = ask_yes_no(f"{mckenzie.LEG_QUESTION} (y/n)")
        gate = mckenzie.spreading_gate(history, leg_back)
    else:
        gate = mckenzie.spreading_gate(history, None)
    if gate is mckenzie.Gate.REFUSED:
        raise BackexError(mckenzie.LEG_NOT_SETTLED)
    return restricted if gate is mckenzie.Gate.RESTRICTED else Restrictions()


def see_a_physiotherapist(store: "History", focus: tuple[Focus, ...], now: datetime) -> list[str]:
    """The history's reasons to see a physiotherapist: no better after 2 weeks (or worse
    two weeks running), and for McKenzie sessions "no change" on the last 3 days."""
    from backex.history.queries import weekly_pain

    advice: list[str] = []
    if pain.no_improvement(weekly_pain(store, now.date())):
        advice.append(pain.NO_IMPROVEMENT_ADVICE)
    if Focus.MCKENZIE in focus and no_change_lately(store, now):
        advice.append(mckenzie.NO_CHANGE_ADVICE)
    return advice


def no_change_lately(store: "History", now: datetime) -> bool:
    """McKenzie "no change" on the 3 latest days with answers (within :data:`LOOK_BACK`)."""
    return mckenzie.advise_no_change(store.symptom_days((now - LOOK_BACK).date()))


def morning_check(store: "History", ask: bool, now: datetime) -> bool:
    """True when the last amber/red session's pain had not settled by the next morning."""
    due = _morning_question_due(store, now)
    if isinstance(due, bool):
        return due
    if not ask:
        return False
    session_id, profile = due
    settled = ask_yes_no(f"{pain.MORNING_QUESTION} (y/n)")
    update_profile(morning={**profile.morning, str(session_id): settled})
    if not settled:
        _say(pain.NOT_SETTLED_ADVICE)
    return not settled


def _morning_question_due(store: "History", now: datetime) -> "bool | tuple[int, Profile]":
    """The remembered answer (True: not settled), False when nothing is to be asked, or
    the session and profile to ask about."""
    last = store.last_session_pain()
    if last is None:
        return False
    session_id, started, before, after = last
    profile = load_profile()
    known = profile.morning.get(str(session_id))
    if known is not None:
        return not known
    hours = (now - started).total_seconds() / 3600
    light = pain.light_of(before, after)
    if started.date() == now.date() or not pain.asks_morning_question(light, hours):
        return False
    return session_id, profile


def prepare(
    store: "History | None",
    catalogue: "Catalogue",
    focus: tuple[Focus, ...],
    ask: bool,
    dry_run: bool,
    now: datetime,
) -> CareInput:
    """Ask what is due (only when ``ask``) and say what today's automatic plan may hold."""
    profile, notes = _first_run(load_profile(), ask and not dry_run)
    answers = profile.screening or {}
    reason = screening.no_plan_reason(answers)
    if reason is not None:
        raise BackexError(reason)
    restrictions = Restrictions()
    if Focus.MCKENZIE in focus:
        profile = _mckenzie_screen(profile, ask and not dry_run, now)
        if store is not None:
            restrictions = _spreading(store, ask, dry_run, now)
    if answers.get("pregnant"):
        notes.append(screening.PREGNANCY_NOTE)
    if store is not None:
        notes.extend(see_a_physiotherapist(store, focus, now))
    not_settled = morning_check(store, ask and not dry_run, now) if store is not None else False
    if dry_run and store is not None and isinstance(_morning_question_due(store, now), tuple):
        notes.append(f"A real run first asks: {pain.MORNING_QUESTION}")
    excluded = screening.exclusions(answers, catalogue.exercises)
    return CareInput(
        replace(restrictions, excluded=excluded, notes=(*restrictions.notes, *notes)),
        not_settled,
    )


def dose_history(store: "History", not_settled: bool = False) -> "DoseHistory":
    """The recent results the planner doses from, and the last session's light."""
    from backex.care.rules import Light
    from backex.planning.dosing import DoseHistory

    light = Light.RED if not_settled else store.last_session_light()
    return DoseHistory(store.recent_results_by_exercise(limit=RECENT_RESULTS), light)


def automatic_plan(
    catalogue: "Catalogue",
    focus: tuple[Focus, ...],
    level: int,
    minutes: int,
    seed: int | None,
) -> "Plan":
    """Today's automatic plan for this person, as ``routine --dry-run`` shows it.

    The remembered care answers (first-run exclusions, the McKenzie screen, the leg gate
    after spreading) and the history's doses; asks nothing and writes nothing. Anything
    that shows a person an automatic plan (``next``, handouts, break files) goes through
    here, so none of them offers what ``routine`` would not.
    """
    from backex.history import store as history
    from backex.history.store import local_now
    from backex.planning.planner import make_plan

    now = local_now()
    if not history.db_path().exists():  # a dry run creates no history file
        care = prepare(None, catalogue, focus, ask=False, dry_run=True, now=now)
        doses = None
    else:
        with history.History.open() as store:
            care = prepare(store, catalogue, focus, ask=False, dry_run=True, now=now)
            doses = dose_history(store, care.not_settled)
    return make_plan(catalogue, focus, level, minutes, seed, doses, care.restrictions)
