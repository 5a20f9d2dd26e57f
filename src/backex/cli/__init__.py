"""The command line: parse, call the core, render. Commands live in sibling modules."""

from backex.cli import browse as browse
from backex.cli import routine as routine
from backex.cli.app import app


def main() -> None:
    """Console-script entry point."""
    app()
