"""Saved state on disk: where it lives, reading it back, writing it atomically.

Writes are atomic: a temporary file in the same folder, flushed to disk, then
renamed over the old one, so a failed write leaves the old file whole. A file
that cannot be read back is moved aside (never silently overwritten) and the
user is warned through Python's warnings (StateWarning), which the CLI shows:
no caller can drop the warning by ignoring a return value.
"""

from __future__ import annotations

import datetime
import os
import warnings
from pathlib import Path
from typing import Any

from aicareer.core.atomic import atomic_write
from aicareer.core.errors import AicareerError, StateWarning

HOME_ENV = "AICAREER_HOME"
FORMAT_VERSION = 1


def home() -> Path:
    """The folder for saved state: $AICAREER_HOME, else the platform's config folder."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("aicareer", appauthor=False))


def move_aside(path: Path) -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


def read_state(path: Path, kind: str) -> dict[str, Any] | None:
    """The saved data, or None when there is none. A damaged file is moved aside, the user
    is warned (StateWarning), and None is returned: nothing is silently replaced."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise AicareerError(f"cannot read {path}: {exc.strerror or exc}") from None
    import json  # only when there is state to read (a first run has none)

    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ValueError("not a saved aicareer " + kind)
    except (ValueError, UnicodeDecodeError):
        return set_aside(path, kind)
    return data


def set_aside(path: Path, kind: str) -> None:
    """Move a damaged saved file aside and warn the user where it went."""
    try:
        aside = move_aside(path)
    except OSError as exc:
        raise AicareerError(f"the saved {kind} {path} is damaged and cannot be moved aside: "
                            f"{exc.strerror or exc}") from None
    warnings.warn(f"the saved {kind} was damaged; kept it as {aside} and started afresh", StateWarning,
                  stacklevel=3)
    return None


def write_state(path: Path, data: dict[str, Any]) -> None:
    import json

    atomic_write(path, json.dumps({"version": FORMAT_VERSION, **data}, indent=2, ensure_ascii=False) + "\n")
