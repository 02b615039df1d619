"""The saved profile: the assessment's answers and its result."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from aicareer.state.store import home, locked, read_state, write_state

PROFILE = "profile.json"


def profile_path() -> Path:
    return home() / PROFILE


def load_profile() -> dict[str, Any] | None:
    """The saved profile ({'answers': ..., 'result': ...}), or None."""
    return read_state(profile_path(), "profile")


def save_profile(answers: dict[str, Any], result: dict[str, Any]) -> Path:
    path = profile_path()
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    with locked(path):  # the whole profile is replaced: the last assessment saved wins, whole
        write_state(path, {"saved": now, "answers": answers, "result": result})
    return path


def saved_profile() -> tuple[dict[str, Any], list[str]]:
    """The saved profile read once: its answers ({} when none) and its top role ids ([] when none)."""
    data = load_profile()
    answers = data.get("answers") if data else None
    result = data.get("result") if data else None
    top = result.get("top") if isinstance(result, dict) else None
    return (answers if isinstance(answers, dict) else {}), ([str(t) for t in top] if isinstance(top, list) else [])


def saved_answers() -> dict[str, Any]:
    """The saved profile's answers ({} when none)."""
    return saved_profile()[0]
