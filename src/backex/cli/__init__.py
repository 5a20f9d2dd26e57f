"""The command line: parse, call the core, render. Commands live in sibling modules."""

from backex.cli import browse as browse
from backex.cli import done as done
from backex.cli import due as due
from backex.cli import export as export
from backex.cli import goal as goal
from backex.cli import history as history
from backex.cli import pause as pause
from backex.cli import plan as plan
from backex.cli import remind as remind
from backex.cli import report as report
from backex.cli import routine as routine
from backex.cli import safety as safety
from backex.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
