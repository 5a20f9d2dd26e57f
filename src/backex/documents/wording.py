"""Doses and durations in plain words, for the handout and the follow-up report. Pure."""

from backex.catalogue.exercise import Dose


def duration_in_words(seconds: int) -> str:
    """``5`` -> "5 seconds", ``120`` -> "2 minutes", ``90`` -> "90 seconds"."""
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


def dose_in_words(dose: Dose) -> str:
    """A dose as a patient reads it.

    "hold for 2 minutes", "5 times, hold each 5 s, each side", "2 sets of 10 times".
    """
    if dose.reps is not None:
        text = f"{dose.reps} time{'s' if dose.reps != 1 else ''}"
        if dose.hold_s is not None:
            text += f", hold each {dose.hold_s} s"
        if dose.sets > 1:
            text = f"{dose.sets} sets of {text}"
    else:
        hold = duration_in_words(dose.hold_s or 0)
        text = f"hold for {hold}" if dose.sets == 1 else f"{dose.sets} times, hold each for {hold}"
    if dose.per_side:
        text += ", each side"
    return text
