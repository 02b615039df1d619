"""Where the data comes from: the bundled folder, and a custom folder layered over it.

In every list of items with an `id`, the same id replaces the bundled item and a
new id adds one; any other top-level mapping is merged key by key (e.g. one
roadmap track), and any other top-level key replaces the bundled value.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aicareer.core.errors import InputError

DATA_ENV = "AICAREER_DATA_DIR"


def bundled_data_dir() -> Path:
    """The data shipped with the package (inside the wheel, or the repo's data/)."""
    package = Path(__file__).resolve().parents[1]  # src/aicareer, or site-packages/aicareer
    inside = package / "data"
    return inside if inside.is_dir() else package.parents[1] / "data"


def overlay_dir(option: Path | None) -> Path | None:
    """The custom data folder from the option, else from AICAREER_DATA_DIR."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else None


def folders(data_dir: Path | None, names: Iterable[str]) -> list[Path]:
    bundled = bundled_data_dir()
    folders = [bundled]
    if data_dir is not None:
        try:
            if not data_dir.exists():
                raise InputError(f"data folder {data_dir} does not exist")
            if not data_dir.is_dir():
                raise InputError(f"data folder {data_dir} is not a folder")
            if not any((data_dir / name).exists() for name in names):
                raise InputError(f"data folder {data_dir} holds none of the data files ({', '.join(names)})")
            if data_dir.resolve() != bundled.resolve():
                folders.append(data_dir)
        except OSError as exc:  # e.g. a name too long for the file system
            raise InputError(f"data folder {data_dir}: {exc.strerror or exc}") from None
    return folders


def merge(base: dict[str, Any], over: dict[str, Any], lists: set[str]) -> dict[str, Any]:
    """Layer one file's data over another's: item lists by id, mappings key by key, other keys whole."""
    out = dict(base)
    for key, value in over.items():
        if key in lists and isinstance(value, list) and isinstance(base.get(key), list):
            by_id = {item.get("id"): n for n, item in enumerate(base[key]) if isinstance(item, dict)}
            merged = list(base[key])
            for item in value:
                ident = item.get("id") if isinstance(item, dict) else None
                if ident in by_id:
                    merged[by_id[ident]] = item
                else:
                    merged.append(item)
            out[key] = merged
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out
