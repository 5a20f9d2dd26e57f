"""The command line: parse, call the core, render. Commands live in sibling modules."""

from backex.cli import browse as browse
from backex.cli import export as export
from backex.cli import plan as plan
from backex.cli import remind as remind
from backex.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
