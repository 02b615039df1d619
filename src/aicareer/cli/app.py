"""The command line's core: the Typer app, the options shared by commands, error handling.

The commands live in aicareer.cli.commands.*, each registering on `app` when its
module is imported: aicareer.cli imports them all; the console script
(aicareer.entry) imports only the one a command line names. Only the CLI
layer prints, exits or maps errors to exit codes: 0 ok, 1 error, 2 usage /
bad input, 130 interrupted.
"""


import functools
import os
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from aicareer import __version__
from aicareer.core.errors import EXIT_ERROR, EXIT_INTERRUPTED, AicareerError, InputError, StateWarning

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
    """A one-line message for the user on stderr (stdout carries only the output)."""
    sys.stderr.write(f"aicareer: {message}\n")


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
                return fn(*args, **kwargs)
        except AicareerError as exc:
            raise fail(exc.message, exc.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            sys.stderr.write("Aborted.\n")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_ERROR) from None
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


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def print_json(data: Any) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def show(renderable: Any) -> None:
    from aicareer.render.common import make_console

    # crop=False: every view is laid out for the console's width already, so rich need not
    # split and measure all the lines again (a few ms on long output such as the roadmap)
    make_console().print(renderable, crop=False)


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


def load_data(data_dir: Path | None):  # -> Catalogue (the import stays lazy)
    from aicareer.catalogue.loader import load_catalogue, overlay_dir

    return load_catalogue(overlay_dir(data_dir))


def write_output(path: Path, content: str | bytes) -> None:
    """Write an export atomically; a path that cannot be written is bad input (exit 2)."""
    from aicareer.core.atomic import atomic_write

    try:
        if path.is_dir():
            raise InputError(f"-o {path} is a folder; give a file name")
        atomic_write(path, content if isinstance(content, str) else content.decode("utf-8"), make_folder=False,
                     private=False)
    except InputError:
        raise
    except AicareerError as exc:
        raise InputError(exc.message) from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
