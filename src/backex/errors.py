"""The one exception family: messages written for a person, mapped to exit codes.

Every way backex ends other than success is a :class:`BackexError` (or Ctrl-C, or a
closed pipe); the CLI turns it into a message on stderr and its :class:`ExitCode` in one
place (``backex.cli.app.guarded``).
"""

from enum import IntEnum


class ExitCode(IntEnum):
    """What backex's exit status means. The README's table is tested against this."""

    OK = 0
    ERROR = 1
    USAGE = 2
    RED_FLAG = 3
    INTERRUPTED = 130

    @property
    def meaning(self) -> str:
        """One line for people and scripts."""
        return _MEANINGS[self]


_MEANINGS = {
    ExitCode.OK: "Success, also when the reader of a pipe stopped early (like `head`).",
    ExitCode.ERROR: "An error backex explains on stderr: a bad file, an unknown exercise.",
    ExitCode.USAGE: "A usage error: an unknown option or an impossible value.",
    ExitCode.RED_FLAG: (
        'A warning sign answered "yes" in the safety check: see a doctor, not exercise.'
    ),
    ExitCode.INTERRUPTED: "Interrupted with Ctrl-C; what was done is kept.",
}


class BackexError(Exception):
    """A failure the user can act on; the CLI prints it and exits with ``exit_code``."""

    exit_code = ExitCode.ERROR


class UsageError(BackexError):
    """The options asked for something impossible."""

    exit_code = ExitCode.USAGE


class RedFlagAnswered(BackexError):
    """A warning sign was answered "yes"; the urgent advice is already on screen."""

    exit_code = ExitCode.RED_FLAG


class Interrupted(BackexError):
    """Ctrl-C ended a command that has already said what it kept (a routine's summary)."""

    exit_code = ExitCode.INTERRUPTED


class HistoryError(BackexError):
    """The history database cannot be used; the message names the file."""


class CatalogueError(BackexError):
    """A catalogue (or plan) file is unreadable or invalid; one line per problem.

    The message shows the first ``MAX_SHOWN`` problems; ``problems`` keeps them all.
    """

    MAX_SHOWN = 20

    def __init__(self, problems: list[str]) -> None:
        shown = problems[: self.MAX_SHOWN]
        if len(problems) > self.MAX_SHOWN:
            shown.append(f"... and {len(problems) - self.MAX_SHOWN} more problems")
        super().__init__("\n".join(shown))
        self.problems = problems


class NotFoundError(BackexError):
    """A name that matches nothing; ``suggestions`` holds close matches."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
