"""The program's entry point: the ``backex`` console script and ``python -m backex``."""

import sys

# Not ``typing.TYPE_CHECKING``: importing typing alone costs ``--version`` about a third.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from backex.catalogue.loader import Catalogue


# The options of `list`, `show` and `next` (parameter name -> default) that the fast path
# answers with their defaults alone, besides `--catalogue` (and for `next`, `--plan FILE`
# and `--json`); tests/cli/test_fast_path.py checks this against the Typer commands.
FAST_PATH_SURFACE = {
    "list": {
        "focus": None,
        "level": None,
        "position": None,
        "catalogue_path": None,
        "as_json": False,
    },
    "show": {
        "exercise": None,
        "catalogue_path": None,
        "as_json": False,
        "ascii_art": False,
        "all_figures": False,
    },
    "next": {
        "plan_path": None,
        "focus": None,
        "level": 1,
        "minutes": 15,
        "seed": None,
        "as_json": False,
        "catalogue_path": None,
    },
}


def main() -> None:
    """Answer the most frequent invocations before loading the command line, else run it.

    ``backex --version``, ``backex list``, ``backex show NAME`` and ``backex next`` (with
    ``--plan FILE`` and ``--json``; each optionally with a last ``--catalogue PATH``) are
    what people and scripts run most; answering them
    here skips importing Typer (about 40-60 ms, more than the rest of those commands
    together; see ``benchmarks/startup.py``). They call the same functions the Typer
    commands call, so output and exit codes are identical (``tests/cli/test_entry_point.py``
    compares both paths). Anything else, including any other option, goes through Typer.
    :data:`FAST_PATH_SURFACE` is what this assumes of the commands; a test compares it
    with Typer's own command objects, so a new option forces a decision here.
    """
    _never_fail_on_encoding()
    args = sys.argv[1:]
    if args == ["--version"]:
        from backex import __version__

        sys.stdout.write(f"backex {__version__}\n")
        return
    action = _browse_action(args)
    if action is not None:
        sys.exit(_run(action))
    from backex.cli import main as run_cli

    run_cli()


def _never_fail_on_encoding() -> None:
    """A terminal or pipe that cannot show a character ("•", "━" on a Latin-1 or ASCII
    locale) gets "?" in its place, not a traceback halfway through the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


def _browse_action(args: list[str]) -> "Callable[[], None] | None":
    args, given = _without_catalogue_option(args)
    if args == ["list"]:
        from backex.ui.browse import print_list

        return lambda: print_list(_catalogue(given))
    if len(args) == 2 and args[0] == "show" and not args[1].startswith("-"):
        from backex.ui.browse import print_exercise

        return lambda: print_exercise(args[1], _catalogue(given))
    if args[:1] == ["next"]:
        return _next_action(args[1:], given)
    return None


def _next_action(args: list[str], given: str | None) -> "Callable[[], None] | None":
    """``next`` with only ``--plan FILE`` and ``--json``, in any order; else None (Typer)."""
    plan_file: str | None = None
    as_json = False
    while args:
        if args[0] == "--json" and not as_json:
            as_json, args = True, args[1:]
        elif (
            args[0] == "--plan"
            and plan_file is None
            and len(args) > 1
            and args[1][:1] not in ("", "-")
        ):
            plan_file, args = args[1], args[2:]
        else:
            return None

    def action() -> None:
        from pathlib import Path

        from backex.ui.due_view import print_next

        catalogue = _catalogue(given)
        if plan_file is None:  # as `--focus` left out: the planner's core session, defaults
            from backex.catalogue.exercise import Focus
            from backex.planning.planner import make_plan

            plan = make_plan(catalogue, (Focus.CORE,), 1, 15, None)
        else:
            from backex.prescription.loader import load_prescription
            from backex.prescription.model import prescription_to_plan

            plan = prescription_to_plan(load_prescription(Path(plan_file), catalogue))
        print_next(plan, as_json)

    return action


def _without_catalogue_option(args: list[str]) -> tuple[list[str], str | None]:
    """``args`` without a last ``--catalogue PATH`` or ``--catalogue=PATH``, and PATH."""
    if len(args) >= 3 and args[-2] == "--catalogue" and args[-1][:1] not in ("", "-"):
        return args[:-2], args[-1]
    option, _, value = args[-1].partition("=") if args else ("", "", "")
    if option == "--catalogue" and value[:1] not in ("", "-"):
        return args[:-1], value
    return args, None


def _catalogue(given: str | None) -> "Catalogue":
    """The catalogue with ``--catalogue`` if given, else ``BACKEX_CATALOGUE`` (as Typer does)."""
    import os
    from pathlib import Path

    from backex.catalogue.loader import CATALOGUE_ENV, load_catalogue

    value = given or os.environ.get(CATALOGUE_ENV)
    return load_catalogue(Path(value) if value else None)


def _run(action: "Callable[[], None]") -> int:
    from backex.errors import BackexError

    try:
        action()
    except (BackexError, KeyboardInterrupt, BrokenPipeError) as exc:
        from backex.ui import output  # Rich: only to report, `next` prints without it

        return output.report(exc)
    return 0


if __name__ == "__main__":
    main()
