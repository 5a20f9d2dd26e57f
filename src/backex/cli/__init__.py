"""The command line: parse, call the core, render. Commands live in sibling modules."""

from backex.cli import browse as browse
from backex.cli import export as export
from backex.cli import history as history
from backex.cli import plan as plan
from backex.cli import remind as remind
from backex.cli import report as report
from backex.cli import routine as routine
from backex.cli import safety as safety
from backex.cli.app import app


def main() -> None:
    """Console-script entry point; a closed pipe during help (``--help | head``) exits 0."""
    from backex.errors import ExitCode
    from backex.ui.output import stdout_identity

    before = stdout_identity()
    try:
        app()
    except SystemExit as exc:
        # Typer draws help with its own Rich console, which silences stdout and exits 1
        # when the reader has gone; that is no failure (our consoles already exit 0).
        if exc.code == 1 and stdout_identity() != before:
            raise SystemExit(ExitCode.OK) from None
        raise
