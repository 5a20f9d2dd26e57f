"""Every line backex prints goes through here: results to stdout, diagnostics to stderr."""

import os
import sys
from functools import cache

from rich.console import Console


def plain_requested() -> bool:
    """True when ``NO_COLOR`` is set (to anything but the empty string, per no-color.org)."""
    return bool(os.environ.get("NO_COLOR"))


def _console(*, stderr: bool) -> Console:
    # Rich drops colour for NO_COLOR but keeps bold and italic; backex prints no escape
    # codes at all then. Piped output has none either way (Rich sees no terminal).
    if plain_requested():
        return Console(stderr=stderr, highlight=False, color_system=None)
    return Console(stderr=stderr, highlight=False)


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
        sys.stderr.write(f"backex: {line}\n")
    sys.stderr.flush()


def print_text(text: str) -> None:
    """Plain text to stdout (JSON, CSV): no markup, no wrapping."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
