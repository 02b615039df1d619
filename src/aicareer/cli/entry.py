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
import sys
from collections.abc import Iterable

from aicareer.core.errors import EXIT_INTERRUPTED

#: command name -> the module in aicareer.cli.commands that registers it (in help order)
COMMAND_MODULES = {
    "compare": "compare", "roles": "roles", "role": "roles", "market": "market",
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


def main() -> None:
    """Console-script entry point."""
    gc.disable()
    try:
        from aicareer.cli.app import app

        register(modules_for(sys.argv[1:]))
        gc.freeze()  # start-up objects: never scanned again
        gc.enable()
        app()
    except KeyboardInterrupt:
        sys.stderr.write("Aborted.\n")
        sys.exit(EXIT_INTERRUPTED)
    finally:
        gc.freeze()  # the process is ending: no full collection of what is left
        gc.enable()
