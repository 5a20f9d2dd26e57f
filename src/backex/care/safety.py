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
from backex.care.rules import DEFAULT_MAX_PAIN

CHECK_VALID_FOR = timedelta(days=30)
STATE_FILE = "safety.json"
STATE_VERSION = 1
SOURCES = (
    'NHS Sheffield MSK, "What is back pain?"',
    'Norfolk and Waveney NHS, "Got Back Pain?"',
)


class Urgency(StrEnum):
    """How soon a red flag needs care."""

    EMERGENCY = "emergency"  # A&E or 999 / the local emergency number, now
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
        "Do you have numbness or tingling around your genitals, buttocks or inner thighs?",
        'Numbness or tingling around the genitals, buttocks or inner thighs ("saddle" area).',
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "bladder-bowel",
        "Do you have new difficulty passing urine, or loss of bladder or bowel control?",
        "New difficulty passing urine, or loss of bladder or bowel control.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "both-legs",
        "Do you have pain, numbness or weakness in both legs, or legs rapidly getting weaker?",
        "Pain, numbness or weakness in both legs, or legs that are rapidly getting weaker.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "erection",
        "Are you newly unable to get or keep an erection?",
        "New inability to get or keep an erection.",
        Urgency.EMERGENCY,
    ),
    RedFlag(
        "fall-or-accident",
        "Did your back pain start after a serious fall or accident?",
        "Back pain after a serious fall or accident.",
        Urgency.EMERGENCY,
    ),
    RedFlag("chest-pain", "Do you have chest pain?", "Chest pain.", Urgency.EMERGENCY),
    RedFlag("fever", "Do you have a fever?", "Fever.", Urgency.SAME_DAY),
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
        "night-pain",
        "Is your pain not easing with rest, and much worse at night?",
        "Pain that does not ease with rest and is much worse at night.",
        Urgency.SAME_DAY,
    ),
)

EMERGENCY_INTRO = "With back pain, any of these needs emergency care, not exercise:"
SAME_DAY_INTRO = "Any of these needs urgent advice the same day:"
EMERGENCY_ADVICE = (
    "Do not exercise. Get emergency care now: go to A&E or call 999 in the UK, "
    "or your local emergency number elsewhere."
)
SAME_DAY_ADVICE = (
    "Do not exercise today. Get urgent advice today: your GP or NHS 111 in the UK, "
    "or your local urgent-care service elsewhere."
)

RULES_OF_PRACTICE: tuple[str, ...] = (
    "Move into each position slowly, and wear loose clothing.",
    "Start with about 5 repetitions and add 1-2 every few days as comfortable.",
    "Stop if your symptoms get worse or a new pain starts.",
    "Pain during exercise, 0-10: 0-3 is fine; 4-5 is acceptable if it settles within "
    "24 hours; 6 or more is too much: ease off, shorten or skip, and try again the next day.",
    "McKenzie series: stop if pain moves further down your leg. Pain moving toward the "
    "centre of your back is the expected good sign. Start and end with lying face down.",
    "Do back exercises every day; back pain usually eases within 2 weeks.",
    "No improvement after 2 weeks, or pain that persists: see a GP or physiotherapist.",
    "A pulled muscle: ask a physiotherapist or doctor for advice.",
)
RULES_SOURCES = (
    "NHS",
    "NHS inform",
    "Provide Physiotherapy; Fusion Physio",
    'JOI, "What are the Best Back Strengthening Exercises?" (Ehren Allen PT)',
)


def stop_rule_text(max_pain: int = DEFAULT_MAX_PAIN) -> str:
    """The one-line stop rule, with the plan's pain limit."""
    return (
        f"Stop if pain spreads down a leg, gets worse, or goes above {max_pain} out of 10; "
        "backex safety lists the warning signs."
    )


STOP_RULE = stop_rule_text()


def signs(urgency: Urgency) -> tuple[str, ...]:
    """The warning signs of one urgency, in :data:`RED_FLAGS` order."""
    return tuple(flag.sign for flag in RED_FLAGS if flag.urgency is urgency)


def advice_for(answers: dict[str, bool]) -> str | None:
    """The urgent-care advice for the red flags answered "yes", or None if all are "no"."""
    flagged = [flag for flag in RED_FLAGS if answers.get(flag.key)]
    if not flagged:
        return None
    if any(flag.urgency is Urgency.EMERGENCY for flag in flagged):
        return EMERGENCY_ADVICE
    return SAME_DAY_ADVICE


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
