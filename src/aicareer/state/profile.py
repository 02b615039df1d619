"""The user's saved state (profile, progress) in their config folder.

Writes are atomic: a temporary file in the same folder, flushed to disk, then
renamed over the old one, so a failed write leaves the old file whole. A file
that cannot be read back is moved aside (never silently overwritten) and the
caller gets a warning to show.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

from aicareer.core.atomic import atomic_write
from aicareer.core.errors import AicareerError

HOME_ENV = "AICAREER_HOME"
PROFILE = "profile.json"
PROGRESS = "progress.json"
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


def read_state(path: Path, kind: str) -> tuple[dict[str, Any] | None, str | None]:
    """(data, warning). Missing file: (None, None). Damaged: moved aside, (None, warning)."""
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None, None
    except OSError as exc:
        raise AicareerError(f"cannot read {path}: {exc.strerror or exc}") from None
    import json  # only when there is state to read (a first run has none)

    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise ValueError("not a saved aicareer " + kind)
    except (ValueError, UnicodeDecodeError):
        try:
            aside = move_aside(path)
        except OSError as exc:
            raise AicareerError(f"the saved {kind} {path} is damaged and cannot be moved aside: "
                                f"{exc.strerror or exc}") from None
        return None, f"the saved {kind} was damaged; kept it as {aside} and started afresh"
    return data, None


def write_state(path: Path, data: dict[str, Any]) -> None:
    import json

    atomic_write(path, json.dumps({"version": FORMAT_VERSION, **data}, indent=2, ensure_ascii=False) + "\n")


def profile_path() -> Path:
    return home() / PROFILE


def load_profile() -> tuple[dict[str, Any] | None, str | None]:
    """The saved profile ({'answers': ..., 'result': ...}) and a warning, if any."""
    return read_state(profile_path(), "profile")


def save_profile(answers: dict[str, Any], result: dict[str, Any]) -> Path:
    path = profile_path()
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    write_state(path, {"saved": now, "answers": answers, "result": result})
    return path


def saved_profile() -> tuple[dict[str, Any], list[str], str | None]:
    """The saved profile read once: its answers ({} when none), its top role ids ([] when
    none), and a warning, if any."""
    data, warning = load_profile()
    answers = data.get("answers") if data else None
    result = data.get("result") if data else None
    top = result.get("top") if isinstance(result, dict) else None
    return ((answers if isinstance(answers, dict) else {}),
            ([str(t) for t in top] if isinstance(top, list) else []), warning)


def saved_answers() -> tuple[dict[str, Any], str | None]:
    """The saved profile's answers ({} when none) and a warning, if any."""
    answers, _, warning = saved_profile()
    return answers, warning


def progress_path() -> Path:
    return home() / PROGRESS


def load_progress() -> tuple[dict[str, Any] | None, str | None]:
    """The saved plan and marks ({'plan': ..., 'marks': ...}) and a warning, if any."""
    from aicareer.domain.progress import is_valid_state

    data, warning = read_state(progress_path(), "progress")
    if data is not None and not is_valid_state(data.get("plan"), data.get("marks")):
        return read_state_damaged(progress_path(), "progress")
    return data, warning


def read_state_damaged(path: Path, kind: str) -> tuple[None, str]:
    aside = move_aside(path)
    return None, f"the saved {kind} was damaged; kept it as {aside} and started afresh"


def save_progress(plan: dict[str, Any], marks: dict[str, str]) -> Path:
    path = progress_path()
    write_state(path, {"plan": plan, "marks": marks})
    return path
