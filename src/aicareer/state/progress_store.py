"""The saved plan and its marks (done / skipped per task id)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aicareer.state.store import home, read_state, set_aside, write_state

PROGRESS = "progress.json"


def progress_path() -> Path:
    return home() / PROGRESS


def load_progress() -> dict[str, Any] | None:
    """The saved plan and marks ({'plan': ..., 'marks': ...}), or None."""
    from aicareer.domain.progress import is_valid_state

    data = read_state(progress_path(), "progress")
    if data is not None and not is_valid_state(data.get("plan"), data.get("marks")):
        return set_aside(progress_path(), "progress")
    return data


def save_progress(plan: dict[str, Any], marks: dict[str, str]) -> Path:
    path = progress_path()
    write_state(path, {"plan": plan, "marks": marks})
    return path
