"""Every line backex prints goes through here: results to stdout, diagnostics to stderr."""

import sys
from functools import cache

from rich.console import Console


@cache
def stdout() -> Console:
    """Console for results; colourless when piped or when NO_COLOR is set (Rich honours it)."""
    return Console(highlight=False)


@cache
def stderr() -> Console:
    """Console for diagnostics."""
    return Console(stderr=True, highlight=False)


def error(message: str) -> None:
    """One plain line per problem on stderr, prefixed so it reads as backex's."""
    for line in message.splitlines() or [""]:
        sys.stderr.write(f"backex: {line}\n")
    sys.stderr.flush()


def print_text(text: str) -> None:
    """Plain text to stdout (JSON, CSV): no markup, no wrapping."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()
