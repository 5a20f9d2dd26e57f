"""``backex safety``: the warning signs, the rules of practice, and the red-flag check.

The routine calls :func:`run_red_flag_gate` before it starts (see its docstring).
The core module :mod:`backex.care.safety` is imported inside functions: start-up stays cheap.
"""

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from backex.cli.app import app, guarded
from backex.errors import BackexError, RedFlagAnswered
from backex.paths import command_name


def _note(message: str) -> None:
    from backex.ui import output

    output.error(message)


def _ask_yes_no(prompt: str) -> bool:
    """Ask until the answer is y/yes or n/no; a closed input is a BackexError (exit 1)."""
    from backex.ui import output

    console = output.stdout()
    while True:
        try:
            answer = console.input(prompt + " ")
        except EOFError:
            console.print()
            raise BackexError(
                f"no answer: input is closed. Run `{command_name()} safety --check` in a terminal "
                "to answer the questions."
            ) from None
        if not sys.stdin.isatty():
            console.print(answer)  # keep a piped transcript readable: one answer per line
        word = answer.strip().casefold()
        if word in ("y", "yes"):
            return True
        if word in ("n", "no"):
            return False
        console.print("Please answer y (yes) or n (no).")


def _remember(flagged: bool, now: datetime, state_file: Path | None) -> None:
    from backex.care import safety

    try:
        moved = safety.record_check(flagged, now, state_file)
    except OSError as exc:
        _note(f"could not remember the answers ({exc}); backex will ask again next time")
        return
    if moved is not None:
        _note(f"the old safety file could not be read; it was kept as {moved}")


def run_check(
    now: datetime | None = None, state_file: Path | None = None, note: str | None = None
) -> None:
    """Ask the red-flag questions in turn; the first "yes" prints urgent advice and exits 3.

    The answer is remembered either way: all "no" for 30 days, a "yes" so that the next
    routine asks again.
    """
    from backex.care import safety
    from backex.ui import output
    from backex.ui.safety_view import all_clear, question, urgent_advice

    console = output.stdout()
    console.print("Before exercising, a few questions about warning signs.")
    if note:
        console.print(note, highlight=False)
    answers: dict[str, bool] = {}
    total = len(safety.RED_FLAGS)
    for number, flag in enumerate(safety.RED_FLAGS, 1):
        prompt = question(flag, number, total)
        answers[flag.key] = _ask_yes_no(prompt.markup)
        if answers[flag.key]:
            break  # no need to ask more: the advice is the same or more urgent
    now = now or datetime.now().astimezone()
    advice = safety.advice_for(answers, _emergency())
    _remember(advice is not None, now, state_file)
    if advice is None:
        _recheck_done()
    if advice is not None:
        console.print(urgent_advice(advice))
        raise RedFlagAnswered()
    console.print(all_clear(safety.CHECK_VALID_FOR.days))


def run_red_flag_gate(
    interactive: bool,
    now: datetime | None = None,
    state_file: Path | None = None,
    note: str | None = None,
) -> None:
    """Call before a routine starts. Returns when it may go ahead.

    Interactive and a check is due (never done, last one had a "yes", or 30 days old):
    run :func:`run_check`, which raises :class:`RedFlagAnswered` (exit 3) on a "yes".
    ``note``: what a clinician's plan file records about a review of the warning signs.
    Not interactive: print the warning signs to stderr (at most once per 30 days, every time after a
    "yes") and carry on. An unreadable state file counts as "due" and is reported.
    """
    from backex.care import safety
    from backex.ui import output
    from backex.ui.safety_view import warning_signs

    now = now or datetime.now().astimezone()
    state = safety.load_state(state_file)
    if state.problem is not None:
        _note(f"{state.problem}; treating the safety check as due")
    if not safety.is_check_due(state, now) and not _recheck_due():
        if interactive:
            _ask_session_question()
        return
    if interactive:
        run_check(now, state_file, note)
        return
    if not safety.is_warning_due(state, now):
        return
    output.stderr().print(warning_signs(_emergency()))
    try:
        safety.record_warned(now, state_file)
    except OSError as exc:
        _note(f"could not remember that the warning signs were shown ({exc})")


def _emergency() -> str:
    from backex.cli.care_gate import emergency_number

    try:
        return emergency_number()
    except BackexError:
        from backex.care.safety import DEFAULT_EMERGENCY_NUMBER

        return DEFAULT_EMERGENCY_NUMBER


def _recheck_due() -> bool:
    """After "spreading" or a red light the full check is due again."""
    from backex.care.profile import load_profile

    try:
        return load_profile().recheck_red_flags
    except BackexError as exc:
        _note(str(exc))
        return True


def _recheck_done() -> None:
    from backex.care.profile import update_profile

    try:
        if _recheck_due():
            update_profile(recheck_red_flags=False)
    except (OSError, BackexError) as exc:
        _note(f"could not remember the check ({exc})")


def _ask_session_question() -> None:
    """The combined question at the start of every session; "yes" exits 3."""
    from backex.care import safety
    from backex.ui import output
    from backex.ui.safety_view import urgent_advice

    if _ask_yes_no(f"{safety.SESSION_QUESTION} (y/n)"):
        advice = safety.session_advice(True, _emergency())
        assert advice is not None  # "yes" always has advice
        output.stdout().print(urgent_advice(advice))
        raise RedFlagAnswered()


def edit_profile() -> None:
    """Ask the first-run questions and the emergency number again, and remember them."""
    from backex.care.profile import update_profile
    from backex.cli.care_gate import ask_emergency_number, ask_screening

    answers = ask_screening()
    number = ask_emergency_number()
    update_profile(screening=answers, emergency_number=number)
    from backex.ui import output

    output.stdout().print("Saved. backex uses these answers for every automatic plan.")


@app.command("safety")
@guarded
def safety_command(
    check: Annotated[
        bool, typer.Option("--check", help="Answer the red-flag questions one by one (y/n).")
    ] = False,
    profile: Annotated[
        bool,
        typer.Option(
            "--profile", help="Answer the first-run questions and emergency number again."
        ),
    ] = False,
) -> None:
    """Show the warning signs that need urgent care, and the rules of safe practice."""
    if check and profile:
        from backex.errors import UsageError

        raise UsageError("give --check or --profile, not both")
    if profile:
        edit_profile()
        return
    if check:
        run_check()
        return
    from backex.ui import output
    from backex.ui.safety_view import safety_page

    output.stdout().print(safety_page(_emergency()))
