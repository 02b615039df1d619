"""The whole command line: the core app with every command registered (what the tests,
the docs and `aicareer --help` see)."""

from aicareer.cli.app import app
from aicareer.cli.entry import COMMAND_MODULES, main, register

register(sorted(set(COMMAND_MODULES.values()), key=list(COMMAND_MODULES.values()).index))

__all__ = ["app", "main"]
