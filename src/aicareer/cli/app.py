"""The command line's core: the Typer app, the options shared by commands, error handling.

The commands live in aicareer.cli.commands.*, each registering on `app` when its
module is imported: aicareer.cli imports them all; the console script
(aicareer.entry) imports only the one a command line names. Only the CLI
layer prints, exits or maps errors to exit codes: 0 ok, 1 error, 2 usage /
bad input, 130 interrupted.
"""


import functools
import os
import stat
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from aicareer import __version__
from aicareer.core.errors import EXIT_ERROR, EXIT_INTERRUPTED, AicareerError, InputError, StateWarning

if TYPE_CHECKING:
    from aicareer.catalogue.index import Catalogue

EXIT_TERMINATED = 143  # 128 + SIGTERM

app = typer.Typer(
    name="aicareer",
    epilog="Start with: aicareer compare    Data and sources: aicareer market",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (typer; costs no import until used)
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich help imports markdown-it (~40 ms)
)
data_app = typer.Typer(
    help="Check a custom data folder.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")

# --- shared options (declared once) ------------------------------------------------

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        envvar="AICAREER_DATA_DIR",
        help="A folder of YAML files layered over the bundled data (same id replaces, new id adds).",
        metavar="DIR",
        show_default=False,
        rich_help_panel="Data",
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print the data as JSON on stdout (messages go to stderr).")]
Location = Annotated[
    str | None,
    typer.Option("--location", "-l", help="A US metro, state or the nation ('seattle', 'Seattle, WA', 'texas', "
                 "'us'; 'remote' = national figures); see aicareer locations.", show_default=False, metavar="PLACE"),
]
Level = Annotated[
    str | None,
    typer.Option("--level", help="entry, mid or senior: narrows the range (an estimate).", show_default=False,
                 metavar="LEVEL"),
]

SkillsOpt = Annotated[
    str | None,
    typer.Option("--skills", help="Skills you know, comma-separated, by name or alias (e.g. 'Python, k8s').",
                 show_default=False, metavar="LIST"),
]
NoSave = Annotated[bool, typer.Option("--no-save", help="Do not save anything to your profile.")]

F = TypeVar("F", bound=Callable[..., Any])


def notice(message: str) -> None:
    """A one-line message for the user on stderr (stdout carries only the output).

    Control characters from data, file names or options are shown escaped, a huge value
    is shortened, and a closed or full stderr loses the message but never the exit code."""
    from aicareer.core.safe_text import message as one_line

    try:
        sys.stderr.write(f"aicareer: {one_line(message)}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # stderr closed, full or gone: nowhere left to tell
        pass


class OutputError(AicareerError):
    """Standard output cannot be written (closed, a full disk): exit 1, never 0."""


def stdout_failed(exc: BaseException) -> OutputError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return OutputError(f"cannot write to standard output: {reason}")


def flush_stdout() -> None:
    """Flush stdout now, so a write error is reported (exit 1) instead of lost at exit."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as exc:
        raise stdout_failed(exc) from None


def _show_warning(message: Warning | str, category: type[Warning], *args: Any, **kwargs: Any) -> None:
    notice(f"warning: {message}")


def fail(message: str, code: int) -> typer.Exit:
    """Print a one-line message on stderr and return the Exit to raise."""
    notice(" ".join(message.split()))  # one line, whatever the message
    return typer.Exit(code)


def handled(fn: F) -> F:
    """Turn the project's errors, Ctrl-C and a closed pipe into a message and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                # the state layer warns through `warnings` (a damaged file moved aside): every
                # such warning reaches the user, once per occurrence, on stderr
                warnings.simplefilter("always", StateWarning)
                warnings.showwarning = _show_warning
                out = fn(*args, **kwargs)
                flush_stdout()
                return out
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_ERROR) from None
        except OutputError as exc:
            _silence_stdout()
            raise fail(exc.message, exc.exit_code) from None
        except AicareerError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except (KeyboardInterrupt, EOFError) as exc:
            raise typer.Exit(interrupted(exc)) from None
        except OSError as exc:
            if _stdout_broken() or _write_error(exc):
                _silence_stdout()
                raise fail(stdout_failed(exc).message, EXIT_ERROR) from None
            raise fail(f"internal error: {type(exc).__name__}: {exc} (set AICAREER_DEBUG=1 for details)",
                       EXIT_ERROR) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last guard: never show a traceback
            if os.environ.get("AICAREER_DEBUG"):
                raise
            raise fail(f"internal error: {type(exc).__name__}: {exc} (set AICAREER_DEBUG=1 for details)",
                       EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def command(name: str | None = None, *, on: typer.Typer | None = None) -> Callable[[F], F]:
    """Register a command on `app` (or on a sub-app) with the project's error handling."""

    def register(fn: F) -> F:
        (on or app).command(name)(handled(fn))
        return fn

    return register


def interrupted(exc: BaseException) -> int:
    """Say so on stderr; the exit code for an interrupt: 143 for SIGTERM, else 130."""
    notice("interrupted" if getattr(exc, "exit_code", None) == EXIT_TERMINATED else "Aborted.")
    return int(getattr(exc, "exit_code", EXIT_INTERRUPTED))


def _write_error(exc: OSError) -> bool:
    """An error of a write to a stream (no file name): a full disk, a closed descriptor, EIO.
    Files the commands open themselves are read and written through core, which names them."""
    import errno

    codes = {errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
    return exc.filename is None and exc.errno in codes


def _stdout_broken() -> bool:
    """True when stdout can no longer be written (a failed flush, a closed stream)."""
    try:
        sys.stdout.flush()
        return bool(sys.stdout.closed)
    except (OSError, ValueError, AttributeError):
        return True


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process ends
    except OSError:
        pass


def print_json(data: Any) -> None:
    """Data as JSON on stdout. C1 and bidi controls and lone surrogates are written as
    \\u escapes (the same JSON), so a terminal never acts on them; on an output that is not
    UTF-8 every non-ASCII character is, so nothing degrades to '?'."""
    from aicareer.core.safe_text import json_text

    encoding = str(getattr(sys.stdout, "encoding", None) or "utf-8").lower().replace("_", "-")
    ascii_only = encoding not in ("utf-8", "utf8")  # LC_ALL=C, latin-1: \u escapes keep the JSON exact
    try:
        sys.stdout.write(json_text(data, ascii_only=ascii_only) + "\n")
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise stdout_failed(exc) from None


def show(renderable: Any) -> None:
    from aicareer.render.common import make_console

    # crop=False: every view is laid out for the console's width already, so rich need not
    # split and measure all the lines again (a few ms on long output such as the roadmap)
    try:
        make_console().print(renderable, crop=False)
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        raise stdout_failed(exc) from None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"aicareer {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", help="Show the version and exit.", callback=_version, is_eager=True)
    ] = False,
) -> None:
    """An offline AI-career advisor: which AI role fits you, what it pays, what you are
    missing, and what to do each month.

    \b
    Examples:
      aicareer compare                    salary ranges side by side
      aicareer compare mle nlp -l sf --level senior
      aicareer assess                     which role fits you (a questionnaire)
      aicareer gap mle --resume cv.txt    what you lack for a role
      aicareer roadmap --track mle        your 12-month plan
      aicareer report -o plan.html        all of it on one printable page
    """


# --- catalogue commands ------------------------------------------------------------


def load_data(data_dir: Path | None) -> "Catalogue":  # the import stays lazy
    from aicareer.catalogue.loader import load_catalogue, overlay_dir

    return load_catalogue(overlay_dir(data_dir))


def write_output(path: Path, content: str | bytes) -> None:
    """Write an export atomically; a path that cannot be written is bad input (exit 2).

    A character device (/dev/null, /dev/stdout, a terminal) is written by opening it, never
    renamed over; a FIFO, socket or block device is refused at once (never a hang)."""
    from aicareer.core.atomic import atomic_write_bytes

    data = content if isinstance(content, bytes) else content.encode("utf-8", "backslashreplace")
    try:
        if path.is_dir():
            raise InputError(f"-o {path} is a folder; give a file name")
        mode = _mode(path)
        if mode is not None and not stat.S_ISREG(mode):
            _write_special(path, mode, data)
            return
        atomic_write_bytes(path, data, make_folder=False, private=False)
    except InputError:
        raise
    except AicareerError as exc:
        raise InputError(exc.message) from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None


def _mode(path: Path) -> int | None:
    try:
        return os.stat(path).st_mode
    except OSError:
        return None


def _write_special(path: Path, mode: int, data: bytes) -> None:
    from aicareer.core.files import kind_of

    if not stat.S_ISCHR(mode):
        raise InputError(f"-o {path} is {kind_of(mode)}, not a regular file; give a file name")
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise AicareerError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
