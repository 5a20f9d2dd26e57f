"""The McKenzie (extension) series: the screen, the four-answer response, the spreading gate.

Clinical rules, revision 2 (shared/content/REFERENCES.md, "McKenzie (extension) series";
McKenzie, "Treat Your Own Back"; McKenzie Institute International). All the series'
wording lives here. Pure: answers and dates come in, decisions and text go out.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

SCREEN_VALID_FOR = timedelta(days=30)
SPREADING_CLEAR_DAYS = 3  # sessions on different days without spreading before the press-up
NO_CHANGE_DAYS = 3  # "no change" on this many different days: see a physiotherapist
RESTRICTED_IDS = ("prone-lying", "prone-on-elbows")  # after spreading, until it is clear
CHOOSES_BY = "for pain that eases when you bend backward"


class Symptoms(StrEnum):
    """The answer after each extension exercise (stored values kept from earlier versions)."""

    CENTRALISING = "centralising"  # better: less pain, or moving toward the middle of the back
    SAME = "same"  # no change
    WORSE = "worse"  # worse in the back, not spreading: do not progress
    PERIPHERALISING = "peripheralising"  # spreading down the leg, or new numbness/tingling/weakness


SYMPTOM_QUESTION = "How is your pain since this exercise?"
SYMPTOM_CHOICES: dict[Symptoms, str] = {
    Symptoms.CENTRALISING: "better: less pain, or moving toward the middle of the back",
    Symptoms.SAME: "no change",
    Symptoms.WORSE: "worse in the back, not spreading",
    Symptoms.PERIPHERALISING: "spreading down the leg, or new numbness, tingling or weakness",
}

SPREADING_ADVICE = (
    "Stop the series now. Lie in whatever position eases your leg (for example on your back "
    "with your knees bent). If it has not settled within an hour, or you have new numbness "
    "or weakness, get advice today (GP or NHS 111). Numbness between your legs or a change "
    "in your bladder or bowels is an emergency: call {emergency}."
)
BETTER_ADVICE = (
    "Good sign: pain easing or moving toward the middle of your back. A short rise in "
    "central back pain is expected and does not count against you."
)
SAME_ADVICE = "Carry on, moving slowly."
WORSE_ADVICE = "Carry on gently without going further into the movement; the dose will not go up."
NO_CHANGE_ADVICE = (
    "No change on 3 different days: these exercises may not suit your back; see a physiotherapist."
)


@dataclass(frozen=True, slots=True)
class SymptomAdvice:
    stop_series: bool
    advice: str
    hold_progress: bool = False


def symptom_rule(
    symptoms: Symptoms, emergency: str = "your local emergency number"
) -> SymptomAdvice:
    """What an answer means: spreading stops the series, worse holds the dose."""
    if symptoms is Symptoms.PERIPHERALISING:
        return SymptomAdvice(True, SPREADING_ADVICE.format(emergency=emergency), True)
    if symptoms is Symptoms.WORSE:
        return SymptomAdvice(False, WORSE_ADVICE, True)
    if symptoms is Symptoms.CENTRALISING:
        return SymptomAdvice(False, BETTER_ADVICE)
    return SymptomAdvice(False, SAME_ADVICE)


# --- the screen before any automatic extension plan -----------------------------------


@dataclass(frozen=True, slots=True)
class ScreenQuestion:
    key: str
    question: str
    suits_if: bool  # the answer that lets an automatic plan go ahead


SCREEN_QUESTIONS: tuple[ScreenQuestion, ...] = (
    ScreenQuestion(
        "directional-preference",
        "Does lying face down or bending backward ease your pain, and sitting or bending "
        "forward make it worse?",
        True,
    ),
    ScreenQuestion(
        "stenosis",
        "Have you been told you have spinal stenosis or spondylolisthesis, or does leg pain "
        "come on when you walk and ease when you sit?",
        False,
    ),
    ScreenQuestion("pregnant", "Are you pregnant?", False),
    ScreenQuestion("recent-surgery", "Have you had back surgery in the last 3 months?", False),
)
SCREEN_INTRO = "The McKenzie series is " + CHOOSES_BY + ". Four questions first:"
SCREEN_REFUSED = (
    "the McKenzie extension series needs a physiotherapist's plan for you (your answers "
    "mean an automatic plan may not suit your back); a clinician's plan file can prescribe "
    "it: backex routine --plan FILE"
)


def screen_passes(answers: Mapping[str, bool]) -> bool:
    """True only with "yes" to the first question and "no" to the other three."""
    return all(answers.get(q.key) is q.suits_if for q in SCREEN_QUESTIONS)


def screen_due(answered_at: datetime | None, now: datetime) -> bool:
    """Ask once and remember; ask again after 30 days (or when the clock went back)."""
    return answered_at is None or not answered_at <= now < answered_at + SCREEN_VALID_FOR


# --- after "spreading" -----------------------------------------------------------------

LEG_QUESTION = "Last time pain spread down your leg. Is your leg back to how it was before?"
LEG_NOT_SETTLED = (
    "no extension plan today: your leg has not settled since the last session. Contact your "
    "physiotherapist or GP before doing these exercises again."
)
RESTRICTED_REASON = (
    "after spreading, prone lying and on elbows only until "
    f"{SPREADING_CLEAR_DAYS} days pass without it"
)


class Gate(StrEnum):
    """What the next extension session may hold."""

    FULL = "full"
    RESTRICTED = "restricted"  # prone lying and prone on elbows only
    REFUSED = "refused"  # leg not back to how it was: no plan


@dataclass(frozen=True, slots=True)
class SpreadingHistory:
    """Extension sessions since the last spreading answer, as their days."""

    last_spread_on: date | None
    clear_days: Collection[date]  # days with an extension session after it and no spreading


def spreading_gate(history: SpreadingHistory, leg_back_to_normal: bool | None) -> Gate:
    """No spreading, or 3 clear days since: full. Else the leg question decides."""
    if history.last_spread_on is None:
        return Gate.FULL
    clear = _clear_days(history)
    if len(clear) >= SPREADING_CLEAR_DAYS:
        return Gate.FULL
    if clear:  # the leg question was answered "yes" at the first session after
        return Gate.RESTRICTED
    return Gate.RESTRICTED if leg_back_to_normal else Gate.REFUSED


def _clear_days(history: SpreadingHistory) -> set[date]:
    spread = history.last_spread_on
    return {d for d in history.clear_days if spread is not None and d > spread}


def needs_leg_question(history: SpreadingHistory) -> bool:
    """Ask about the leg at the first extension session after spreading (none since)."""
    return history.last_spread_on is not None and not _clear_days(history)


def no_change_days(answers_by_day: Mapping[date, Collection[Symptoms]]) -> int:
    """Different days on which every answer was "no change"."""
    return sum(
        1 for answers in answers_by_day.values() if answers and set(answers) == {Symptoms.SAME}
    )


def advise_no_change(answers: Sequence[tuple[date, Symptoms]]) -> bool:
    """True when the newest :data:`NO_CHANGE_DAYS` days with McKenzie answers (``answers``
    oldest first, as the history gives them) each had only "no change"."""
    by_day: dict[date, list[Symptoms]] = {}
    for day, answer in answers:
        by_day.setdefault(day, []).append(answer)
    newest = dict(sorted(by_day.items())[-NO_CHANGE_DAYS:])
    return len(newest) == NO_CHANGE_DAYS and no_change_days(newest) == NO_CHANGE_DAYS
