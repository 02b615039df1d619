"""The user's config and cache folders for aicareer.

platformdirs decides them; on Linux, where the XDG base-directory rules give the answer directly
($XDG_CONFIG_HOME or ~/.config, $XDG_CACHE_HOME or ~/.cache, each + /aicareer), it is not imported:
its import (~4 ms, with tempfile and random) was a tenth of what `roadmap` adds to a bare Typer app.
Anything less plain (macOS, Windows, a relative $HOME) still asks platformdirs; tests check that both
give the same folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Literal

APP = "aicareer"
_XDG = {"config": ("XDG_CONFIG_HOME", ".config"), "cache": ("XDG_CACHE_HOME", ".cache")}


def user_dir(kind: Literal["config", "cache"]) -> Path:
    if sys.platform.startswith("linux"):
        env, default = _XDG[kind]
        base = os.environ.get(env, "")
        if os.path.isabs(base):
            return Path(base) / APP
        home = os.environ.get("HOME", "")
        if os.path.isabs(home):
            return Path(home) / default / APP
    return platform_dir(kind)


def platform_dir(kind: Literal["config", "cache"]) -> Path:
    import platformdirs

    find = platformdirs.user_config_dir if kind == "config" else platformdirs.user_cache_dir
    return Path(find(APP, appauthor=False))
