"""The pain light: judge the change from before to after, not only the level.

Clinical rules, revision 2 (shared/content/REFERENCES.md, "Pain monitoring"; Silbernagel
et al. 2007; Provide Physiotherapy; Fusion Physio; NICE NG59; NHS inform). Every piece of
wording about pain lives here; the screen, plain mode and handout take it from here.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from backex.errors import UsageError

PAIN_MIN, PAIN_MAX = 0, 10
GREEN_MAX = 3  # after this or less: green
DEFAULT_MAX_PAIN = 5  # after 4-5: amber (fine if settled by the next morning); a plan may set it
GENTLE_FROM = 7  # pain before this or more: a gentle session and when-to-call advice
MORNING_QUESTION_WITHIN_H = 48  # ask "did it settle?" within this long of an amber/red session

PAIN_PROMPT = "Pain now, 0-10 (0 = no pain, 10 = worst pain imaginable)"
MORNING_QUESTION = "Did your pain settle back to how it was by the next morning?"

GREEN_ADVICE = "Good: carry on as planned."
AMBER_ADVICE = (
    "Acceptable if it settles back by the next morning; backex will ask. If it does not, "
    "the next plan eases off."
)
RED_ADVICE = (
    "Pain went up, to more than {limit} out of 10. Keep moving gently today (walking, "
    "everyday activity): staying active is safe and helps. Shorten or skip these "
    "exercises and try again tomorrow; the next plan eases off."
)
NOT_SETTLED_ADVICE = (
    "It did not settle by the next morning, so this counts as a red light: the next plan "
    "eases off. Keep moving gently."
)
GENTLE_ADVICE = (
    "Pain of 7 or more before starting: do only a gentle session today (or none), and keep "
    "moving gently. Call a GP or NHS 111 (or your local urgent-care service) if the pain is "
    "not eased by painkillers and gentle movement, keeps getting worse, or any warning sign "
    "appears (backex safety)."
)
NO_IMPROVEMENT_ADVICE = (
    "Your back pain is no better after 2 weeks, or has been worse two weeks running: see a "
    "physiotherapist or GP."
)


class Light(StrEnum):
    """The pain light of one session."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@dataclass(frozen=True, slots=True)
class PainAdvice:
    light: Light
    advice: str


def parse_pain(text: str) -> int:
    """A whole number 0-10, or UsageError saying what is allowed."""
    value = text.strip()
    if not value.isdigit() or not PAIN_MIN <= int(value) <= PAIN_MAX:
        raise UsageError(f"pain must be a whole number from {PAIN_MIN} to {PAIN_MAX}, not {text!r}")
    return int(value)


def light_of(
    pain_before: int | None,
    pain_after: int | None,
    max_pain: int = DEFAULT_MAX_PAIN,
    centralised: bool = False,
) -> Light | None:
    """green: after <= 3 or lower than before; amber: 4-5, or 6+ no higher; red: 6+ and higher.

    ``max_pain`` (a plan file's limit, default 5) moves the amber/red line. No after score:
    no light. No before score: the level alone (6+ red), the cautious reading.
    ``centralised``: a McKenzie "better" answer and no spreading in the session; the short
    rise in central back pain that comes with it is expected, so it is amber, never red.
    """
    if pain_after is None:
        return None
    if centralised:
        light = light_of(pain_before, pain_after, max_pain)
        return Light.AMBER if light is Light.RED else light
    green = min(GREEN_MAX, max_pain)
    if pain_after <= green or (pain_before is not None and pain_after < pain_before):
        return Light.GREEN
    if pain_after <= max_pain:
        return Light.AMBER
    if pain_before is not None and pain_after <= pain_before:
        return Light.AMBER
    return Light.RED


def traffic_light(
    pain_before: int | None,
    pain_after: int | None,
    max_pain: int = DEFAULT_MAX_PAIN,
    settled: bool | None = None,
    centralised: bool = False,
) -> PainAdvice | None:
    """The light and advice; ``settled`` False (the next-morning answer "no") counts as red;
    ``centralised`` as in :func:`light_of`."""
    light = light_of(pain_before, pain_after, max_pain, centralised)
    if light is None:
        return None
    if settled is False and light is not Light.GREEN:
        return PainAdvice(Light.RED, NOT_SETTLED_ADVICE)
    advice = {
        Light.GREEN: GREEN_ADVICE,
        Light.AMBER: AMBER_ADVICE,
        Light.RED: RED_ADVICE.format(limit=max_pain),
    }
    return PainAdvice(light, advice[light])


def needs_gentle_session(pain_before: int | None) -> bool:
    """Pain before of 7 or more: offer only a gentle session, with when-to-call advice."""
    return pain_before is not None and pain_before >= GENTLE_FROM


def asks_morning_question(light: Light | None, hours_since: float) -> bool:
    """Ask "did it settle?" after an amber or red session, within 48 hours of it."""
    return light in (Light.AMBER, Light.RED) and 0 <= hours_since <= MORNING_QUESTION_WITHIN_H


def no_improvement(weekly_pain: Sequence[float | None]) -> bool:
    """Weekly average pain, oldest first: no better after 2 weeks, or worse two weeks running.

    Needs the three latest weeks each with a score (None: a week without one); a back
    with no pain this week has nothing left to improve.
    """
    if len(weekly_pain) < 3:
        return False
    first, middle, last = weekly_pain[-3:]
    if first is None or middle is None or last is None or last == 0:
        return False
    worse_twice = middle > first and last > middle
    return worse_twice or last >= first
