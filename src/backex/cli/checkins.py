"""The routine's questions in the terminal: is anyone there to answer, and pain 0-10.

Asked in normal (line) mode, before the live screen starts or after it ends. Only when
:func:`is_interactive`; otherwise nothing is asked and nothing waits for input.
"""

import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def is_interactive() -> bool:
    """Someone at a terminal: stdin and stdout are both terminals."""
    try:
        return (
            sys.stdin is not None
            and sys.stdout is not None
            and sys.stdin.isatty()
            and sys.stdout.isatty()
        )
    except (ValueError, OSError):  # closed streams
        return False


def ask_pain() -> int | None:
    """Ask "pain now, 0-10" until the answer is 0-10; Enter or a closed input skips (None)."""
    from backex.care.rules import parse_pain
    from backex.ui.checkin_view import PAIN_PROMPT, PAIN_RETRY

    return ask_until(PAIN_PROMPT, parse_pain, PAIN_RETRY)


def ask_until(prompt: str, parse: Callable[[str], T], retry: str) -> T | None:
    """Ask ``prompt`` until ``parse`` takes the answer (it raises ValueError or UsageError
    otherwise, and ``retry`` is shown); Enter or a closed input skips (None)."""
    from backex.errors import UsageError
    from backex.ui import output

    console = output.stdout()
    while True:
        try:
            answer = console.input(prompt)
        except EOFError:
            console.print()
            return None
        if not sys.stdin.isatty():
            console.print(answer)  # a piped transcript reads one answer per line
        if not answer.strip():
            return None
        try:
            return parse(answer)
        except (ValueError, UsageError):
            console.print(retry)
