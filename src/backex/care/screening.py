"""First-run questions: who should not get some exercises, or any automatic plan.

Clinical rules, revision 2 (shared/content/REFERENCES.md, "Who should not get automatic
plans"; NHS "Exercise in pregnancy"; Royal Osteoporosis Society; Bone Health &
Osteoporosis Foundation; hip precautions; NICE NG59). A clinician's plan file overrides
these. Pure: answers in, exclusions and reasons out; all the wording lives here.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from backex.catalogue.exercise import Exercise, Position


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    question: str
    why: str  # the short reason shown beside each exercise it leaves out


QUESTIONS: tuple[Question, ...] = (
    Question("pregnant", "Are you pregnant?", "pregnancy"),
    Question(
        "bone",
        "Do you have osteoporosis, have you had a spinal fracture, or do you take steroid "
        "tablets long-term?",
        "osteoporosis, fracture or steroids",
    ),
    Question(
        "hip-replacement",
        "Have you had a hip replacement in the last 3 months?",
        "recent hip replacement",
    ),
    Question(
        "back-surgery", "Have you had back surgery in the last 3 months?", "recent back surgery"
    ),
    Question("under-16", "Are you under 16?", "under 16"),
)
INTRO = "A few questions so that backex leaves out exercises that may not suit you:"
EVERYONE = (
    "Get down to the floor and back up slowly: kneel, turn onto your side, then use your "
    "hands. A firm bed is fine instead of the floor."
)
PREGNANCY_NOTE = "After 16 weeks of pregnancy, avoid long spells lying flat on your back."

NO_PLAN: dict[str, str] = {
    "back-surgery": (
        "no automatic plan after back surgery in the last 3 months: follow your surgeon's "
        "or physiotherapist's plan (a clinician's plan file: backex routine --plan FILE)"
    ),
    "under-16": (
        "no automatic plan under 16: NICE's back pain guidance (NG59) covers adults; ask a "
        "GP or physiotherapist (a clinician's plan file: backex routine --plan FILE)"
    ),
}

_KNEE_TO_CHEST = frozenset({"double-knee-to-chest", "single-knee-to-chest"})
_PLANKS_CURL_UPS = frozenset(
    {"modified-plank", "full-plank", "side-plank-on-knees", "mcgill-curl-up"}
)
_FLEXION_TWIST = _KNEE_TO_CHEST | {"childs-pose", "lower-trunk-rotation", "flexion-in-lying"}


def _left_out(key: str, exercise: Exercise) -> bool:
    if key == "pregnant":
        return exercise.position is Position.PRONE or exercise.id in _PLANKS_CURL_UPS
    if key == "bone":
        return exercise.id in _FLEXION_TWIST
    if key == "hip-replacement":
        return exercise.id in _KNEE_TO_CHEST | {"childs-pose"}
    return False


def no_plan_reason(answers: Mapping[str, bool]) -> str | None:
    """Why there is no automatic plan at all, or None."""
    for key, reason in NO_PLAN.items():
        if answers.get(key):
            return reason
    return None


def exclusions(answers: Mapping[str, bool], exercises: Iterable[Exercise]) -> dict[str, str]:
    """Exercise id -> the reason it is left out ("not with pregnancy"), for "yes" answers."""
    left: dict[str, str] = {}
    for question in QUESTIONS:
        if not answers.get(question.key):
            continue
        for exercise in exercises:
            if exercise.id not in left and _left_out(question.key, exercise):
                left[exercise.id] = f"not with {question.why}"
    return left


def accepted_by_clinician(answers: Mapping[str, bool], exercises: Iterable[Exercise]) -> list[str]:
    """For a clinician's plan: one line per exercise it keeps despite an answer."""
    return [
        f"{e.name}: your clinician's plan includes it ({reason})"
        for e in exercises
        for exercise_id, reason in exclusions(answers, [e]).items()
        if exercise_id == e.id
    ]
