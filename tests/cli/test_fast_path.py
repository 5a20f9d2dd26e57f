"""The start-up fast path (``backex.__main__``) is a declared surface, pinned to Typer's.

The fast path answers ``list`` and ``show NAME`` (with an optional ``--catalogue``)
without Typer, assuming every other option keeps its default. A new option or a changed
default on either command must fail here, so that someone decides whether the fast path
handles it or hands it to Typer.
"""

import typer.main

from backex.__main__ import FAST_PATH_SURFACE
from backex.catalogue.loader import CATALOGUE_ENV
from backex.cli import app


def typer_surface(command: str) -> dict[str, object]:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    return {param.name: param.default for param in click_command.params}


def test_the_fast_path_knows_every_list_and_show_option_and_default() -> None:
    assert {name: typer_surface(name) for name in FAST_PATH_SURFACE} == FAST_PATH_SURFACE


def test_catalogue_is_the_only_option_it_reads_and_it_reads_it_as_typer_does() -> None:
    for name in FAST_PATH_SURFACE:
        click_command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
        (catalogue,) = [p for p in click_command.params if p.name == "catalogue_path"]
        assert catalogue.opts == ["--catalogue"]
        assert catalogue.envvar == CATALOGUE_ENV
