"""Every line backex prints goes through here: results to stdout, diagnostics to stderr."""

import os
import sys
from collections.abc import Iterable
from functools import cache

from rich.console import Console
from rich.segment import Segment

from backex.errors import BackexError, ExitCode, NotFoundError
from backex.text import visible
from backex.ui.plain import print_chunks as print_chunks
from backex.ui.plain import print_text as print_text


class SafeConsole(Console):
    """A Rich console that never writes a control character it was given as text.

    Author text (an exercise name, a plan note) reaches the screen only as text segments;
    any ESC, BEL or other control in them is shown as a symbol (``␛``). Rich's own control
    segments (cursor moves for the live screen) pass untouched.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        safe = (
            segment if segment.control else Segment(visible(segment.text), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(safe)

    def on_broken_pipe(self) -> None:
        """The reader went away (``| head``): stop quietly, exit 0 (Rich's default is 1)."""
        self.quiet = True
        _silence_stdout()
        raise SystemExit(ExitCode.OK)


def plain_requested() -> bool:
    """True when ``NO_COLOR`` is set (to anything but the empty string, per no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def _console(*, stderr: bool) -> Console:
    # Rich drops colour for NO_COLOR but keeps bold and italic; backex prints no escape
    # codes at all then. Piped output has none either way (Rich sees no terminal).
    if plain_requested():
        return SafeConsole(stderr=stderr, highlight=False, color_system=None)
    return SafeConsole(stderr=stderr, highlight=False)


@cache
def stdout() -> Console:
    """Console for results; no escape codes when piped or when NO_COLOR is set."""
    return _console(stderr=False)


@cache
def stderr() -> Console:
    """Console for diagnostics."""
    return _console(stderr=True)


def error(message: str) -> None:
    """One plain line per problem on stderr, prefixed so it reads as backex's."""
    for line in message.splitlines() or [""]:
        sys.stderr.write(f"backex: {visible(line)}\n")
    sys.stderr.flush()


def report(exc: BaseException) -> int:
    """Print what went wrong for a person and return the exit code to use.

    Handles the failures every command shares: :class:`BackexError` (its own code, with
    "did you mean" for a name that matched nothing), Ctrl-C (130) and a closed pipe (0).
    """
    if isinstance(exc, NotFoundError) and exc.suggestions:
        error(f"{exc}; did you mean: {', '.join(exc.suggestions)}?")
        return exc.exit_code
    if isinstance(exc, BackexError):
        if str(exc):  # an empty message: what needed saying is already on screen
            error(str(exc))
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        error("interrupted")
        return ExitCode.INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The reader went away (``| head``); nothing left to say, and nobody to say it to.
        _silence_stdout()
        return ExitCode.OK
    raise exc


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
