"""Red flags, rules of practice, and whether the red-flag check is due.

Every text here comes from ``shared/content/REFERENCES.md`` ("Red flags" and "Rules of
practice"); nothing is added. The check's answer is kept in a small JSON file,
``paths.data_dir() / "safety.json"``.

Integration with the routine (done on top of this module):

- ``backex.cli.safety.run_red_flag_gate(interactive)`` before the first routine: it calls
  :func:`load_state`, :func:`is_check_due` and :func:`record_check` / :func:`record_warned`.
- :data:`STOP_RULE` is the one-line reminder every routine shows at its start.

Pure apart from :func:`load_state` / :func:`record_check` / :func:`record_warned`, which
read and write the state file; everything that depends on time takes ``now``.
"""

import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from backex import paths
from backex.care.pain import DEFAULT_MAX_PAIN

CHECK_VALID_FOR = timedelta(days=30)
STATE_FILE = "safety.json"
STATE_VERSION = 1
SOURCES = (
    'NHS Sheffield MSK, "What is back pain?"',
    'Norfolk and Waveney NHS, "Got Back Pain?"',
    'NHS 111 / nhs.uk, "Back pain"',
    'nidirect, "Cauda equina syndrome"',
    "NICE NG59",
)


class Urgency(StrEnum):
    """How soon a red flag needs care."""

    EMERGENCY = "emergency"  # A&E or the local emergency number, now
    SAME_DAY = "same-day"  # GP or NHS 111, today


@dataclass(frozen=True, slots=True)
class RedFlag:
    """One warning sign: the question asked, and how urgent a "yes" is."""

    key: str
    question: str
    sign: str
    urgency: Urgency


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "saddle-numbness",
        "Do you have numbness or tingling around your genitals, buttocks or inner thighs, "
        "or does it feel different when you wipe after the toilet?",
        "Numbness or tingling around the genitals, buttocks or inner thighs, or altered "
        "feeling when wiping after the toilet.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "bladder-bowel",
        "Do you have new difficulty passing urine, or loss of bladder or bowel control?",
        "New difficulty passing urine, or loss of bladder or bowel control.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "sexual-function",
        "Have you noticed a new change in sexual function, such as loss of feeling in the "
        "genitals or difficulty with arousal or erection?",
        "A new change in sexual function, such as loss of genital feeling or erection problems.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "legs",
        "Do you have pain, numbness or weakness in both legs, or is one leg or both getting "
        "weaker, a foot dragging, or your walking becoming unsteady?",
        "Pain, numbness or weakness in both legs; one or both legs getting weaker, a foot "
        "that drags, or walking becoming unsteady.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "fall-or-accident",
        "Did your back pain start after a serious fall or accident, or after a minor fall "
        "if you have osteoporosis, are over 50, or take steroid tablets long-term?",
        "Back pain after a serious fall or accident, or after a minor fall with osteoporosis, "
        "over 50, or on long-term steroid tablets.",
        Urgency.EMERGENCY,
    ),
    RedFlag("chest-pain", "Do you have chest pain?", "Chest pain.", Urgency.EMERGENCY),
    RedFlag(
        "cancer-immune-drugs",
        "Have you ever had cancer, do you have a weakened immune system, or do you inject drugs?",
        "A history of cancer, a weakened immune system, or injecting drugs.",
        Urgency.SAME_DAY,
    ),
    RedFlag(
        "fever",
        "Do you have a temperature of 38 C or more and feel unwell?",
        "A fever of 38 C or more with feeling unwell.",
        Urgency.SAME_DAY,
    ),
    RedFlag(
        "weight-loss",
        "Have you lost weight without trying?",
        "Unexplained weight loss.",
        Urgency.SAME_DAY,
    ),
    RedFlag(
        "lump-or-shape",
        "Is there a new lump, or a change in the shape of your back?",
        "A new lump or a change in the back's shape.",
        Urgency.SAME_DAY,
    ),
    RedFlag(
        "upper-back-cough",
        "Do you have pain between your shoulder blades, or pain made worse by coughing, "
        "sneezing or opening your bowels?",
        "Pain between the shoulder blades, or pain worse when coughing, sneezing or opening "
        "the bowels.",
        Urgency.SAME_DAY,
    ),
    RedFlag(
        "night-pain",
        "Is your pain there all the time, even at rest, and much worse at night?",
        "Pain that is there all the time, even at rest, and much worse at night.",
        Urgency.SAME_DAY,
    ),
)

# Asked at the start of every session: cauda equina syndrome can start on any day.
SESSION_QUESTION = (
    "Today, any of these: numbness around your genitals, buttocks or inner thighs; a new "
    "change in your bladder or bowels; pain, numbness or weakness in both legs; or legs "
    "getting weaker?"
)
SESSION_KEYS = ("saddle-numbness", "bladder-bowel", "legs")

DEFAULT_EMERGENCY_NUMBER = "999 (UK) / 112 (EU) / 911 (US, Canada)"
EMERGENCY_INTRO = "With back pain, any of these needs emergency care, not exercise:"
SAME_DAY_INTRO = "Any of these needs urgent advice the same day:"
EMERGENCY_ADVICE = (
    "Do not exercise. Get emergency care now: go to the emergency department (A&E) or "
    "call {emergency}."
)
SAME_DAY_ADVICE = (
    "Do not exercise today. Get urgent advice today: your GP or NHS 111 in the UK, "
    "or your local urgent-care service elsewhere."
)
REVIEWED_NOTE = (
    "Your plan file records that {by} reviewed your warning signs on {on}. If anything is "
    "new since then, answer for that; the daily question still applies."
)

RULES_OF_PRACTICE: tuple[str, ...] = (
    "Move into each position slowly, and wear loose clothing.",
    "Get down to the floor and back up slowly, turning onto your side and using your hands; "
    "a firm bed is fine instead of the floor.",
    "Start with about 5 repetitions and add 1-2 every few days as comfortable.",
    "Pain during exercise, 0-10: after 0-3, or lower than before, is fine; 4-5 is "
    "acceptable if it settles by the next morning; 6 or more and higher than before is "
    "too much: keep moving gently, shorten or skip the exercises, try again the next day.",
    "McKenzie series (for pain that eases when you bend backward): stop if pain spreads "
    "down your leg. Pain moving toward the middle of your back is the expected good sign. "
    "Start and end with lying face down.",
    "Stay active: back pain usually eases within a few weeks.",
    "No better after 2 weeks, or worse two weeks running: see a physiotherapist or GP.",
)
RULES_SOURCES = (
    "NICE NG59",
    "NHS; NHS inform",
    "Provide Physiotherapy; Fusion Physio (pain monitoring)",
    'McKenzie, "Treat Your Own Back"',
)


def stop_rule_text(max_pain: int = DEFAULT_MAX_PAIN) -> str:
    """The stop rule, one wording everywhere, with the plan's pain limit (default 5)."""
    return (
        f"Stop if pain goes above {max_pain} out of 10, spreads down a leg, or you get new "
        f"numbness, tingling or leg weakness. Discomfort up to {max_pain} out of 10 that "
        "settles by the next morning is fine."
    )


STOP_RULE = stop_rule_text()


def signs(urgency: Urgency) -> tuple[str, ...]:
    """The warning signs of one urgency, in :data:`RED_FLAGS` order."""
    return tuple(flag.sign for flag in RED_FLAGS if flag.urgency is urgency)


def advice_for(answers: dict[str, bool], emergency: str = DEFAULT_EMERGENCY_NUMBER) -> str | None:
    """The urgent-care advice for the red flags answered "yes", or None if all are "no"."""
    flagged = [flag for flag in RED_FLAGS if answers.get(flag.key)]
    if not flagged:
        return None
    if any(flag.urgency is Urgency.EMERGENCY for flag in flagged):
        return EMERGENCY_ADVICE.format(emergency=emergency)
    return SAME_DAY_ADVICE


def session_advice(answer: bool, emergency: str = DEFAULT_EMERGENCY_NUMBER) -> str | None:
    """The per-session question: "yes" is an emergency."""
    return EMERGENCY_ADVICE.format(emergency=emergency) if answer else None


class CheckResult(StrEnum):
    """What the last red-flag check found."""

    ALL_NO = "all-no"
    FLAGGED = "flagged"


@dataclass(frozen=True, slots=True)
class SafetyState:
    """What the state file remembers; ``problem`` says why it could not be read."""

    checked_at: datetime | None = None
    result: CheckResult | None = None
    warned_at: datetime | None = None
    problem: str | None = None


def is_check_due(state: SafetyState, now: datetime) -> bool:
    """Due if never done, if the last check had a "yes", or the last all-"no" is 30+ days old."""
    if state.checked_at is None or state.result is not CheckResult.ALL_NO:
        return True
    return now - state.checked_at >= CHECK_VALID_FOR or state.checked_at > now


def is_warning_due(state: SafetyState, now: datetime) -> bool:
    """For non-interactive runs: show the warning signs unless shown in the last 30 days.

    After a check with a "yes" they are shown every time until a check comes back clear.
    """
    if state.warned_at is None or state.result is CheckResult.FLAGGED:
        return True
    return now - state.warned_at >= CHECK_VALID_FOR or state.warned_at > now


def state_path() -> Path:
    """Where the check's answer is remembered."""
    return paths.data_dir() / STATE_FILE


def _parse_time(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("timestamp is not a string")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError("timestamp has no time zone")
    return parsed


def parse_state(text: str) -> SafetyState:
    """Parse the state file's text; raise ValueError when it is not ours."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError("not a backex safety file of a known version")
    result = data.get("result")
    return SafetyState(
        checked_at=_parse_time(data.get("checked_at")),
        result=CheckResult(result) if result is not None else None,
        warned_at=_parse_time(data.get("warned_at")),
    )


def load_state(path: Path | None = None) -> SafetyState:
    """The remembered state; a missing file is a fresh state, an unreadable one says why."""
    path = path or state_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SafetyState()
    except (OSError, UnicodeDecodeError) as exc:
        return SafetyState(problem=f"could not read {path}: {exc}")
    try:
        return parse_state(text)
    except (ValueError, KeyError, TypeError) as exc:
        return SafetyState(problem=f"could not read {path}: {exc}")


def _set_aside(path: Path) -> Path | None:
    """Rename an unreadable state file to ``*.bak`` (never delete it); the new name or None."""
    if not path.exists() or load_state(path).problem is None:
        return None
    backup = path.with_name(path.name + ".bak")
    path.replace(backup)
    return backup


def _write_state(path: Path, state: SafetyState) -> Path | None:
    data = {
        "version": STATE_VERSION,
        "checked_at": state.checked_at.isoformat() if state.checked_at else None,
        "result": str(state.result) if state.result else None,
        "warned_at": state.warned_at.isoformat() if state.warned_at else None,
    }
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    moved = _set_aside(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".safety-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
            handle.write("\n")
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return moved


def record_check(flagged: bool, now: datetime, path: Path | None = None) -> Path | None:
    """Remember a finished check, atomically.

    An unreadable old file is renamed to ``<name>.bak`` first, never deleted; the new
    name is returned so the caller can say so (None when nothing was moved). Raises
    OSError when the folder is not writable.
    """
    path = path or state_path()
    old = load_state(path)
    result = CheckResult.FLAGGED if flagged else CheckResult.ALL_NO
    return _write_state(path, SafetyState(now, result, old.warned_at))


def record_warned(now: datetime, path: Path | None = None) -> Path | None:
    """Remember that the warning signs were shown to a non-interactive run (see record_check)."""
    path = path or state_path()
    old = load_state(path)
    return _write_state(path, SafetyState(old.checked_at, old.result, now))
