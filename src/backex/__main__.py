"""The program's entry point: the ``backex`` console script and ``python -m backex``."""

import sys


def main() -> None:
    """Answer ``backex --version`` before loading the command line, else run it.

    ``--version`` is run often by scripts and bug reports; answering it here skips
    importing Typer and Rich (about 70 ms), and prints what the ``--version`` option
    of :mod:`backex.cli.app` prints.
    """
    if sys.argv[1:] == ["--version"]:
        from backex import __version__

        sys.stdout.write(f"backex {__version__}\n")
        return
    from backex.cli import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
