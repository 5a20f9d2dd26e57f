"""The one exception family: messages written for a person, mapped to exit codes."""

EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report a process ended by SIGINT


class BackexError(Exception):
    """A failure the user can act on; the CLI prints it and exits with ``exit_code``."""

    exit_code = 1


class UsageError(BackexError):
    """The options asked for something impossible."""

    exit_code = 2


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
