"""First-run answers -> exercises left out, with their reasons, as tables."""

import pytest

from backex.care import screening
from backex.catalogue.loader import load_catalogue

CATALOGUE = load_catalogue()


@pytest.mark.parametrize(
    ("yes", "left_out", "kept"),
    [
        ([], set(), {"prone-lying", "childs-pose", "modified-plank"}),
        (["pregnant"],
         {"prone-lying", "prone-press-up", "modified-plank", "full-plank",
          "side-plank-on-knees", "mcgill-curl-up", "prone-opposite-arm-leg-lift"},
         {"bridge", "childs-pose"}),
        (["bone"],
         {"double-knee-to-chest", "single-knee-to-chest", "childs-pose",
          "lower-trunk-rotation"},
         {"bridge", "prone-lying"}),
        (["hip-replacement"], {"double-knee-to-chest", "single-knee-to-chest", "childs-pose"},
         {"lower-trunk-rotation"}),
    ],
)  # fmt: skip
def test_exclusions(yes: list[str], left_out: set[str], kept: set[str]) -> None:
    answers = {q.key: q.key in yes for q in screening.QUESTIONS}
    excluded = screening.exclusions(answers, CATALOGUE.exercises)
    assert left_out <= set(excluded)
    assert not kept & set(excluded)


def test_each_exclusion_says_why_in_a_few_words() -> None:
    excluded = screening.exclusions({"pregnant": True}, CATALOGUE.exercises)
    assert excluded["prone-lying"] == "not with pregnancy"


@pytest.mark.parametrize(
    ("yes", "reason_start"),
    [
        ([], None),
        (["back-surgery"], "no automatic plan after back surgery in the last 3 months"),
        (["under-16"], "no automatic plan under 16"),
        (["pregnant"], None),
    ],
)
def test_no_automatic_plan(yes: list[str], reason_start: str | None) -> None:
    reason = screening.no_plan_reason(dict.fromkeys(yes, True))
    assert (reason[: len(reason_start)] if reason and reason_start else reason) == reason_start


def test_a_clinicians_plan_shows_what_the_clinician_accepted() -> None:
    lines = screening.accepted_by_clinician({"pregnant": True}, [CATALOGUE.get("prone-lying")])
    assert lines == ["Prone lying: your clinician's plan includes it (not with pregnancy)"]
