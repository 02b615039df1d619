"""One exception family. Only the CLI layer turns these into exit codes."""

from __future__ import annotations

from collections.abc import Iterable

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


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The valid names nearest to a misspelt one, best first."""
    import difflib

    choices = list(dict.fromkeys(choices))
    lowered = {c.lower(): c for c in choices}
    hits = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.5)
    return [lowered[h] for h in hits]


def unknown(kind: str, value: str, valid: Iterable[str], suggest_from: Iterable[str] | None = None) -> InputError:
    """An InputError for an unknown name, with 'did you mean' and the valid names."""
    valid = list(valid)
    near = closest(value, suggest_from if suggest_from is not None else valid)
    hint = f"; did you mean {' or '.join(near)}?" if near else ""
    return InputError(f"unknown {kind} {value!r}{hint} (valid: {', '.join(valid)})")
