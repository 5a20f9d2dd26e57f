"""Options shared by the commands that plan a session or write a file."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from backex.catalogue.exercise import Focus


class FocusChoice(StrEnum):
    """The catalogue's focus values, plus ``all``."""

    CORE = "core"
    STRETCH = "stretch"
    MCKENZIE = "mckenzie"
    MOBILITY = "mobility"
    ALL = "all"


def chosen_focus(values: list[FocusChoice] | None) -> tuple[Focus, ...]:
    """The focus to plan for: no option means core, ``all`` every focus but McKenzie.

    The McKenzie extension series is a session of its own: with any other value it is a
    UsageError (exit 2).
    """
    if not values:
        return (Focus.CORE,)
    if FocusChoice.MCKENZIE in values and len(set(values)) > 1:
        from backex.errors import UsageError
        from backex.planning.planner import MCKENZIE_ALONE

        raise UsageError(MCKENZIE_ALONE)
    if FocusChoice.ALL in values:
        return tuple(f for f in Focus if f is not Focus.MCKENZIE)
    return tuple(dict.fromkeys(Focus(v.value) for v in values))


FocusOption = Annotated[
    list[FocusChoice] | None,
    typer.Option(
        "--focus",
        "-f",
        help=(
            "What to work on (repeatable); 'all' for everything but mckenzie, which is a "
            "session of its own. Default: core."
        ),
        show_default=False,
    ),
]
LevelOption = Annotated[
    int, typer.Option("--level", "-l", min=1, max=3, help="Highest exercise level (1-3).")
]
MinutesOption = Annotated[
    int, typer.Option("--minutes", "-m", min=1, max=120, help="Time budget in minutes (1-120).")
]
SeedOption = Annotated[
    int | None, typer.Option("--seed", help="The same seed and options give the same plan.")
]
PlanFileOption = Annotated[
    Path | None,
    typer.Option("--plan", help="A plan file from your clinician (see `backex plan check`)."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file instead of stdout."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
