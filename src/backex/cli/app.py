"""The Typer application object and what every command shares."""

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn, ParamSpec, TypeVar

import typer

from backex import __version__
from backex.catalogue.loader import CATALOGUE_ENV
from backex.errors import BackexError, ExitCode

app = typer.Typer(
    name="backex",
    help="A command-line coach for home back-care exercises.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


CatalogueOption = Annotated[
    Path | None,
    typer.Option(
        "--catalogue",
        metavar="PATH",
        envvar=CATALOGUE_ENV,
        help="A YAML file of your own exercises; they extend the built-in ones.",
        dir_okay=True,
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def exit_with(code: ExitCode | int) -> NoReturn:
    """End the command with ``code``: the one place a command's exit status is set."""
    raise typer.Exit(code)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Turn BackexError into a message on stderr and its exit code; Ctrl-C into 130."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        from backex.ui import output

        try:
            return func(*args, **kwargs)
        except (BackexError, KeyboardInterrupt, BrokenPipeError) as exc:
            exit_with(output.report(exc))

    return wrapper


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"backex {__version__}")
        exit_with(ExitCode.OK)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """A command-line coach for home back-care exercises."""
