"""The routine's questions in the terminal: is anyone there to answer, and pain 0-10.

Asked in normal (line) mode, before the live screen starts or after it ends. Only when
:func:`is_interactive`; otherwise nothing is asked and nothing waits for input.
"""

import sys


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
    from backex.errors import UsageError
    from backex.ui import output
    from backex.ui.checkin_view import PAIN_PROMPT, PAIN_RETRY

    console = output.stdout()
    while True:
        try:
            answer = console.input(PAIN_PROMPT)
        except EOFError:
            console.print()
            return None
        if not sys.stdin.isatty():
            console.print(answer)  # a piped transcript reads one answer per line
        if not answer.strip():
            return None
        try:
            return parse_pain(answer)
        except UsageError:
            console.print(PAIN_RETRY)
