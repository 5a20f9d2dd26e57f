"""``backex safety`` and the red-flag gate the routine calls before it starts."""

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from backex.care import safety
from backex.care.safety import CheckResult, SafetyState, load_state
from backex.cli import app
from backex.cli.safety import run_red_flag_gate
from backex.errors import RedFlagAnswered

NOW = datetime(2025, 3, 31, 9, 0, tzinfo=UTC)
ALL_NO = "n\n" * len(safety.RED_FLAGS)
INTRO = "Before exercising, a few questions about warning signs.\n"


@pytest.fixture
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    """200 columns, so each question fits on one line."""
    monkeypatch.setenv("COLUMNS", "200")


def transcript(answers: list[str]) -> str:
    """The questions as a piped run shows them, each followed by its answer."""
    out = INTRO
    for number, (flag, answer) in enumerate(zip(safety.RED_FLAGS, answers, strict=False), 1):
        out += f"{number}/{len(safety.RED_FLAGS)} {flag.question} [y/n] {answer}\n"
    return out


def test_safety_shows_warning_signs_and_rules() -> None:
    result = CliRunner().invoke(app, ["safety"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.replace("│", " ").split())
    assert flat.startswith("╭─ Warning signs ─")
    for text in [
        *(f.sign for f in safety.RED_FLAGS),
        safety.EMERGENCY_ADVICE.format(emergency=safety.DEFAULT_EMERGENCY_NUMBER),
        safety.SAME_DAY_ADVICE,
        *safety.RULES_OF_PRACTICE,
    ]:
        assert " ".join(text.split()) in flat
    assert "Rules of practice" in flat


@pytest.mark.usefixtures("wide")
def test_check_all_no_is_remembered_for_30_days() -> None:
    result = CliRunner().invoke(app, ["safety", "--check"], input=ALL_NO)
    assert result.exit_code == 0, result.output
    assert result.output == transcript(["n"] * len(safety.RED_FLAGS)) + (
        "Thank you. No warning signs; backex will ask again in 30 days. Stop and run "
        "`backex safety --check` if any of them appears.\n"
    )
    state = load_state()
    assert state.result is CheckResult.ALL_NO and state.checked_at is not None
    assert not safety.is_check_due(state, state.checked_at + timedelta(days=29))


@pytest.mark.usefixtures("wide")
def test_invalid_answers_are_asked_again() -> None:
    answers = "maybe\n\nNO\n" + "no\n" * (len(safety.RED_FLAGS) - 1)
    result = CliRunner().invoke(app, ["safety", "--check"], input=answers)
    assert result.exit_code == 0, result.output
    first = safety.RED_FLAGS[0].question
    assert result.output.startswith(
        INTRO
        + f"1/12 {first} [y/n] maybe\nPlease answer y (yes) or n (no).\n"
        + f"1/12 {first} [y/n] \nPlease answer y (yes) or n (no).\n"
        + f"1/12 {first} [y/n] NO\n2/12 "
    )


EMERGENCY_PANEL = """\
╭─ Stop: no exercise now ──────────────────────────────────────────────────────╮
│ Do not exercise. Get emergency care now: go to the emergency department      │
│ (A&E) or call 999 (UK) / 112 (EU) / 911 (US, Canada).                        │
│                                                                              │
│ backex will ask these questions again next time.                             │
╰──────────────────────────────────────────────────────────────────────────────╯
"""


def test_a_yes_stops_with_urgent_advice_and_exit_3() -> None:
    result = CliRunner().invoke(app, ["safety", "--check"], input="n\ny\n")
    assert result.exit_code == 3, result.output
    assert result.output.endswith("[y/n] y\n" + EMERGENCY_PANEL)
    assert "3/12" not in result.output  # no need to ask more after a "yes"
    assert load_state().result is CheckResult.FLAGGED


def test_a_same_day_sign_gives_same_day_advice() -> None:
    result = CliRunner().invoke(app, ["safety", "--check"], input="n\n" * 6 + "y\n")
    assert result.exit_code == 3, result.output
    flat = " ".join(result.output.replace("│", " ").split())
    assert " ".join(safety.SAME_DAY_ADVICE.split()) in flat
    assert "emergency care" not in flat


def test_closed_input_is_a_clear_error_exit_1() -> None:
    result = CliRunner().invoke(app, ["safety", "--check"], input="n\n")
    assert result.exit_code == 1
    assert result.output.endswith(
        "\nbackex: no answer: input is closed. Run `backex safety --check` in a terminal "
        "to answer the questions.\n"
    )
    assert load_state() == SafetyState()  # nothing remembered from half an answer


def gate(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    interactive: bool,
    answers: str = "",
    now: datetime = NOW,
) -> tuple[int | None, str, str]:
    """Run the gate; its exit code (None: carry on), stdout and stderr."""
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    code = None
    try:
        run_red_flag_gate(interactive, now=now)
    except RedFlagAnswered as exc:
        code = exc.exit_code
    out, err = capsys.readouterr()
    return code, out, err


def test_gate_interactive_asks_once_then_remembers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = gate(capsys, monkeypatch, True, ALL_NO)
    assert code is None and out.startswith(INTRO)
    # within 30 days only the one combined question of every session
    code, out, err = gate(capsys, monkeypatch, True, "n\n", NOW + timedelta(days=29))
    assert (code, " ".join(out.split()), err) == (None, f"{safety.SESSION_QUESTION} (y/n) n", "")
    code, out, _ = gate(capsys, monkeypatch, True, ALL_NO, NOW + timedelta(days=30))
    assert code is None and out.startswith(INTRO)


def test_gate_interactive_yes_exits_3_and_asks_again_next_time(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = gate(capsys, monkeypatch, True, "y\n")
    assert code == 3 and "Do not exercise." in out
    code, out, _ = gate(capsys, monkeypatch, True, ALL_NO, NOW + timedelta(minutes=5))
    assert code is None and out.startswith(INTRO)


def test_gate_non_interactive_warns_on_stderr_once_and_carries_on(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = gate(capsys, monkeypatch, False)
    assert (code, out) == (None, "")
    assert err.startswith("╭─ Warning signs ─") and "Chest pain." in err
    assert gate(capsys, monkeypatch, False, now=NOW + timedelta(days=1)) == (None, "", "")
    assert load_state().result is None  # a warning is not a check: interactive still asks


def test_gate_non_interactive_after_a_yes_warns_every_time(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    safety.record_check(True, NOW)
    for minutes in (1, 2):
        code, _, err = gate(capsys, monkeypatch, False, now=NOW + timedelta(minutes=minutes))
        assert code is None and "Chest pain." in err


def test_gate_with_a_corrupt_state_file_asks_and_keeps_the_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    path = safety.state_path()
    path.parent.mkdir(parents=True)
    path.write_text("{oops")
    code, out, err = gate(capsys, monkeypatch, True, ALL_NO)
    assert code is None and out.startswith(INTRO)
    assert err == (
        f"backex: could not read {path}: Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1); treating the safety check as due\n"
        f"backex: the old safety file could not be read; it was kept as {path}.bak\n"
    )
    assert (isolated_home / "data" / "safety.json.bak").read_text() == "{oops"
    assert load_state().result is CheckResult.ALL_NO


def test_gate_when_the_answer_cannot_be_saved_still_lets_a_clear_check_through(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    (isolated_home / "data").write_text("a file where the folder should be")
    code, _, err = gate(capsys, monkeypatch, True, ALL_NO)
    assert code is None
    (line,) = [e for e in err.splitlines() if "could not remember the answers" in e]
    assert line.startswith("backex: could not remember the answers ([Errno 17] File exists: ")
    assert line.endswith("); backex will ask again next time")


def test_gate_per_session_question_yes_exits_3_with_emergency_advice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    safety.record_check(False, NOW)
    code, out, _ = gate(capsys, monkeypatch, True, "y\n", NOW + timedelta(days=1))
    assert code == 3
    assert "Get emergency care now" in " ".join(out.replace("│", " ").split())


def test_after_spreading_or_red_the_full_check_is_due_again(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from backex.care.profile import load_profile, update_profile

    safety.record_check(False, NOW)
    update_profile(recheck_red_flags=True)
    code, out, _ = gate(capsys, monkeypatch, True, ALL_NO, NOW + timedelta(days=1))
    assert code is None and out.startswith(INTRO)
    assert load_profile().recheck_red_flags is False
