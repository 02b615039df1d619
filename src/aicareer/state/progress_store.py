"""The saved plan and its marks (done / skipped per task id).

Commands read the state, change it, and save it; another command may save in
between (twenty `progress done` at once). So save_progress writes under the
state's lock and, when the file changed since this process loaded it, merges:
the changes this process made (to the plan, and mark by mark) are applied over
what is on disk now, so no other command's mark is lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aicareer.state.store import FORMAT_VERSION, home, locked, read_state, read_state_locked, write_state

PROGRESS = "progress.json"

_UNSET: Any = object()
_loaded: Any = _UNSET  # the state as this process last loaded it: the base of a merge


def progress_path() -> Path:
    return home() / PROGRESS


def _valid(data: dict[str, Any]) -> bool:
    from aicareer.domain.progress import is_valid_state

    data.setdefault("marks", {})  # optional: a plan with no marks yet
    return is_valid_state(data.get("plan"), data.get("marks"))


def _snapshot(data: dict[str, Any] | None) -> dict[str, Any] | None:
    """A deep copy of JSON-shaped data (msgspec's C round trip: a tenth of copy.deepcopy's time)."""
    import msgspec

    return None if data is None else msgspec.json.decode(msgspec.json.encode(data))


def load_progress() -> dict[str, Any] | None:
    """The saved plan and marks ({'plan': ..., 'marks': ...}), or None. A file that is not
    a saved plan is moved aside (see store.read_state)."""
    global _loaded
    data = read_state(progress_path(), "progress", _valid)
    _loaded = _snapshot(data)
    return data


def merge(base: dict[str, Any] | None, current: dict[str, Any] | None, plan: dict[str, Any],
          marks: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """Three-way merge of (plan, marks): this process changed `base` into (plan, marks)
    while another changed it into `current`. This process's changes win where both
    changed the same thing; marks for tasks not in the resulting plan are dropped."""
    from aicareer.domain.progress import carry_marks

    base_plan = base.get("plan") if base else None
    base_marks: dict[str, str] = dict(base.get("marks") or {}) if base else {}
    now_plan = current.get("plan") if current else None
    out_marks: dict[str, str] = dict(current.get("marks") or {}) if current else {}
    out_plan = plan if plan != base_plan or now_plan is None else now_plan
    for key in set(base_marks) | set(marks):
        if marks.get(key) != base_marks.get(key):
            if key in marks:
                out_marks[key] = marks[key]
            else:
                out_marks.pop(key, None)
    return out_plan, carry_marks(out_marks, out_plan)[0]


def save_progress(plan: dict[str, Any], marks: dict[str, str]) -> Path:
    """Save the plan and marks under the lock, merged with any change saved meanwhile. The plan and
    marks this process loaded, differing only in when the plan was saved, are not written again."""
    global _loaded
    path = progress_path()
    if _unchanged(plan, marks):  # viewing a plan again: no lock, no write
        return path
    with locked(path):
        if _loaded is not _UNSET:
            current = read_state_locked(path, "progress", _valid)
            if current != _loaded:
                plan, marks = merge(_loaded, current, plan, marks)
        write_state(path, {"plan": plan, "marks": marks})
        _loaded = _snapshot({"version": FORMAT_VERSION, "plan": plan, "marks": marks})
    return path


def _unchanged(plan: dict[str, Any], marks: dict[str, str]) -> bool:
    if _loaded is _UNSET or _loaded is None:
        return False
    saved = _loaded.get("plan") or {}
    return bool(_loaded.get("marks") == marks and saved == {**plan, "saved": saved.get("saved")})
