"""The console script. Start-up time is a feature: only the command module that the
command line names is imported and registered (each carries its own options),
so `aicareer compare` never builds `roadmap` or `assess`. Help, no arguments
or an unknown name register them all.

The cyclic garbage collector is paused while the modules load: what they
create (modules, classes, functions) lives until the process ends, so every
collection meanwhile would walk live objects and free nothing. They are then
frozen (gc.freeze: never scanned again) and the collector runs as usual for the
command's own work and the interactive questionnaire. At the end the rest is
frozen too, which skips the full collection at interpreter exit; nothing here
relies on it (files are closed by `with`, saved state is written atomically).
mypy raises its collector's thresholds for the same reason.
"""

import gc
import importlib
import os
import signal
import sys
from collections.abc import Iterable
from typing import Any

from aicareer.core.errors import EXIT_INTERRUPTED

EXIT_TERMINATED = 143  # 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so every `finally` runs (temporary files are removed)."""

    exit_code = EXIT_TERMINATED

#: command name -> the module in aicareer.cli.commands that registers it (in help order)
COMMAND_MODULES = {
    "compare": "compare", "roles": "roles", "role": "roles", "market": "market",
    "locations": "locations",
    "data": "data", "assess": "assess", "gap": "gap", "roadmap": "roadmap", "report": "report", "offer": "offer",
    "progress": "progress", "profile": "profile",
}


def register(modules: Iterable[str]) -> None:
    for name in modules:
        importlib.import_module(f"aicareer.cli.commands.{name}")


def modules_for(argv: list[str]) -> list[str]:
    """The command modules a command line needs: its command's, or all of them."""
    first = next((a for a in argv if not a.startswith("-")), None)
    if first in COMMAND_MODULES and not argv[0].startswith("-"):
        return [COMMAND_MODULES[first]]
    return list(dict.fromkeys(COMMAND_MODULES.values()))


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated()


def install_signal_handlers() -> None:
    """SIGTERM becomes an exception like Ctrl-C's, so cleanup runs and the exit is 143."""
    try:
        signal.signal(signal.SIGTERM, _terminate)
    except (ValueError, OSError, AttributeError):  # not the main thread, or no SIGTERM here
        pass


def prepare_streams() -> None:
    """Standard streams that never turn a locale or a closed descriptor into a crash.

    A character the output's encoding cannot show (LC_ALL=C, PYTHONIOENCODING=ascii)
    becomes '?' on stdout and an escape on stderr. A closed stdin is no terminal and
    fails to read (commands report missing input, exit 2); a closed stderr swallows messages
    (the exit code still tells); a closed stdout is a stream whose every write fails,
    which the commands report as exit 1."""
    for name, errors in (("stdout", "replace"), ("stderr", "backslashreplace")):
        stream = getattr(sys, name)
        try:
            if stream is not None:
                stream.reconfigure(errors=errors)
        except (AttributeError, ValueError, OSError):
            pass
    if sys.stdin is None:
        sys.stdin = _ClosedInput()
    if sys.stderr is None:
        sys.stderr = _devnull("w")
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()


def _devnull(mode: str) -> Any:
    return open(os.devnull, mode, encoding="utf-8")  # noqa: SIM115 - lives until the process ends


class _ClosedInput:
    """Stands in for a closed stdin: no terminal, and reading it fails (exit 2, missing input)."""

    encoding = "utf-8"
    closed = False

    def read(self, size: int = -1) -> str:
        import errno

        raise OSError(errno.EBADF, "standard input is closed")

    readline = read

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("standard input is closed")


class _ClosedOutput:
    """Stands in for a closed stdout: every write fails as writing to fd 1 would."""

    encoding = "utf-8"
    errors = "replace"
    closed = False

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("standard output is closed")


def _say_interrupted(exc: BaseException) -> int:
    code = int(getattr(exc, "exit_code", EXIT_INTERRUPTED))
    try:
        sys.stderr.write("aicareer: interrupted\n" if code == EXIT_TERMINATED else "Aborted.\n")
    except (OSError, ValueError, AttributeError):
        pass
    return code


def json_after_command(argv: list[str]) -> list[str]:
    """`aicareer --json roles` is `aicareer roles --json`: --json anywhere on the line."""
    first = next((i for i, a in enumerate(argv) if a in COMMAND_MODULES), None)
    if first is None or "--json" not in argv[:first]:
        return argv
    before = [a for a in argv[:first] if a != "--json"]
    return [*before, argv[first], "--json", *argv[first + 1:]]


def main() -> None:
    """Console-script entry point."""
    sys.argv[1:] = json_after_command(sys.argv[1:])
    install_signal_handlers()
    prepare_streams()
    gc.disable()
    code: int | None = None
    try:
        from aicareer.cli.app import app

        register(modules_for(sys.argv[1:]))
        gc.freeze()  # start-up objects: never scanned again
        gc.enable()
        app()
    except KeyboardInterrupt as exc:
        code = _say_interrupted(exc)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        gc.freeze()  # the process is ending: no full collection of what is left
        gc.enable()
        _ignore_interrupts()  # a second Ctrl-C while exiting prints no traceback
    sys.exit(_final_flush(code or 0))


def _ignore_interrupts() -> None:
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except (ValueError, OSError, AttributeError):
        pass


def _final_flush(code: int) -> int:
    """Flush stdout before the interpreter does: a write error there is reported and
    makes the exit 1, never a silent 0 (or the interpreter's bare 120)."""
    try:
        sys.stdout.flush()
    except (OSError, ValueError) as exc:
        try:
            sys.stderr.write(f"aicareer: cannot write to standard output: {getattr(exc, 'strerror', '') or exc}\n")
        except (OSError, ValueError):
            pass
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        except OSError:
            pass
        return code or 1
    return code
