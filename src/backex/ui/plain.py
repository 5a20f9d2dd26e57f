"""Plain text to stdout without Rich: for the results scripts read (JSON, CSV, one line).

:mod:`backex.ui.output` re-exports these; commands that print only plain text (``backex
next``, called by status bars and scripts) import this module to start without Rich.
"""

import sys
from collections.abc import Iterable

from backex.text import visible


def print_text(text: str) -> None:
    """Plain text to stdout (JSON, CSV): no markup, no wrapping; controls made visible on a
    terminal (a file or pipe gets the data as it is)."""
    if _isatty(sys.stdout):
        text = visible(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    sys.stdout.flush()


def print_chunks(chunks: Iterable[str]) -> None:
    """Like :func:`print_text` for text made a piece at a time (a long export)."""
    tty = _isatty(sys.stdout)
    last = "\n"
    for chunk in chunks:
        if chunk:
            sys.stdout.write(visible(chunk) if tty else chunk)
            last = chunk[-1]
    if last != "\n":
        sys.stdout.write("\n")
    sys.stdout.flush()


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
