"""Doses in plain words."""

import pytest

from backex.catalogue.exercise import Dose
from backex.documents.wording import dose_in_words


@pytest.mark.parametrize(
    ("dose", "words"),
    [
        (Dose(hold_s=120), "hold for 2 minutes"),
        (Dose(hold_s=60), "hold for 1 minute"),
        (Dose(hold_s=30, per_side=True), "hold for 30 seconds, each side"),
        (Dose(sets=2, hold_s=30, per_side=True), "2 times, hold each for 30 seconds, each side"),
        (Dose(reps=5, hold_s=5, per_side=True), "5 times, hold each 5 s, each side"),
        (Dose(reps=10), "10 times"),
        (Dose(reps=1, hold_s=90), "1 time, hold each 90 s"),
        (Dose(sets=2, reps=10), "2 sets of 10 times"),
    ],
)
def test_doses_in_plain_words(dose: Dose, words: str) -> None:
    assert dose_in_words(dose) == words
