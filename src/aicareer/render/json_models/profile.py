"""The --json models of profile, data validate: see the package docstring."""

from __future__ import annotations

from typing import Any

from aicareer.render.json_models.base import Doc


class SavedPlan(Doc):
    track: str | None
    start: str | None
    tasks: int
    done: int
    skipped: int


class SavedFile(Doc):
    name: str
    path: str
    bytes: int
    holds: str


class ProfileShowDoc(Doc):
    """`aicareer profile show --json`: what is saved (`top`: role ids of the last assessment)."""

    folder: str
    saved: str | None
    answers: dict[str, Any] | None
    top: list[str]
    plan: SavedPlan | None
    files: list[SavedFile]


class ProfilePathDoc(Doc):
    """`aicareer profile path --json`."""

    folder: str


class ProfileResetDoc(Doc):
    """`aicareer profile reset --yes --json`: the files deleted."""

    folder: str
    deleted: list[str]


class DataValidateDoc(Doc):
    """`aicareer data validate --json`: every problem, with file and line."""

    folder: str
    ok: bool
    problems: list[str]
