"""One exception family. Only the CLI layer turns these into exit codes."""

from __future__ import annotations

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class AicareerError(Exception):
    """An error with a message meant for the user."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(AicareerError):
    """Bad input from the user: an unknown name, a bad file, a bad value."""

    exit_code = EXIT_USAGE


class DataError(InputError):
    """One or more problems in a data folder. Each problem names file and field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        head = problems[0] if problems else "invalid data"
        more = f" (and {len(problems) - 1} more problem(s); run 'aicareer data validate')" if len(problems) > 1 else ""
        super().__init__(head + more)


class StateWarning(UserWarning):
    """Something about the user's saved state they must be told (a damaged file moved aside).
    Raised through warnings.warn; the CLI shows every one on stderr."""
