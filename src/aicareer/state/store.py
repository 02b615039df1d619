"""Saved state on disk: where it lives, reading it back, writing it atomically, locks.

Writes are atomic: a temporary file in the same folder, flushed to disk, then
renamed over the old one, so a failed write leaves the old file whole. A file
that cannot be read back is moved aside (never silently overwritten) and the
user is warned through Python's warnings (StateWarning), which the CLI shows:
no caller can drop the warning by ignoring a return value.

Every read-modify-write and every move aside happens under `locked(path)`, an
exclusive lock on a lock file beside the state file (`.progress.json.lock`), so
commands run at once serialize instead of losing each other's changes. Before a
damaged file is moved aside it is read again under the lock: a file another
command has meanwhile replaced with a valid one is kept.

Only a regular file of at most MAX_STATE_BYTES is read: a FIFO or device there is
an error at once (never a hang), an oversized file counts as damaged.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import os
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from aicareer.core.atomic import atomic_write
from aicareer.core.errors import AicareerError, StateWarning
from aicareer.core.files import FileTooLarge, NotRegularFile, read_regular, size_text

HOME_ENV = "AICAREER_HOME"
FORMAT_VERSION = 1
MAX_STATE_BYTES = 5 * 1024 * 1024
"""A saved plan is about 10 kB and a profile 2 kB: a file over 5 MB is not one of ours."""
LOCK_TIMEOUT = 30.0
"""Seconds to wait for another aicareer command to finish saving."""


def home() -> Path:
    """The folder for saved state: $AICAREER_HOME, else the platform's config folder."""
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env)
    from aicareer.core.user_dirs import user_dir

    return user_dir("config")


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock for `path` (on `.<name>.lock` beside it) while the block runs.

    fcntl.flock where there is one (the kernel drops the lock when the process
    ends, however it ends); elsewhere a lock file created with O_EXCL. The lock
    file is left in place: removing it would let two commands lock different files.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AicareerError(f"cannot create folder {path.parent}: {exc.strerror or exc}") from None
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise AicareerError(f"cannot lock {path}: {exc.strerror or exc}") from None
    try:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): an O_EXCL marker file instead
            with _exclusive_marker(path, timeout):
                yield
            return
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise AicareerError(f"cannot lock {path}: {exc.strerror or exc}") from None
                if time.monotonic() > deadline:
                    raise AicareerError(f"{path} is locked by another aicareer command; try again when it ends"
                                        ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the flock


@contextlib.contextmanager
def _exclusive_marker(path: Path, timeout: float) -> Iterator[None]:
    marker = path.with_name(f".{path.name}.lock.held")
    deadline = time.monotonic() + timeout
    while True:
        try:
            os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            break
        except FileExistsError:
            if time.monotonic() > deadline:
                raise AicareerError(f"{path} is locked by another aicareer command (or {marker} was left "
                                    "behind by one that crashed: delete it)") from None
            time.sleep(0.02)
        except OSError as exc:
            raise AicareerError(f"cannot lock {path}: {exc.strerror or exc}") from None
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(marker)


def move_aside(path: Path) -> Path:
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    os.replace(path, target)
    return target


class _Damaged(Exception):
    def __init__(self, why: str) -> None:
        self.why = why


def _read_raw(path: Path, kind: str) -> bytes | None:
    """The file's bytes; None when there is none. A FIFO or device is an error; an
    oversized file is damaged (_Damaged)."""
    try:
        return read_regular(path, MAX_STATE_BYTES)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except FileTooLarge:
        raise _Damaged(f"it is larger than {size_text(MAX_STATE_BYTES)}") from None
    except NotRegularFile as exc:
        raise AicareerError(f"the saved {kind} {path} is {exc.strerror}; remove it") from None
    except OSError as exc:
        raise AicareerError(f"cannot read {path}: {exc.strerror or exc}") from None


def _parse(raw: bytes, kind: str, check: Callable[[dict[str, Any]], bool] | None) -> dict[str, Any]:
    import msgspec  # loaded already by every command that reads state (the json module is not)

    try:
        data = msgspec.json.decode(raw)  # DecodeError is a ValueError
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise _Damaged("it is not valid JSON") from None
    if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
        raise _Damaged("it is not a saved aicareer " + kind)
    if check is not None and not check(data):
        raise _Damaged("its contents are not a saved aicareer " + kind)
    return data


def read_state(path: Path, kind: str, check: Callable[[dict[str, Any]], bool] | None = None
               ) -> dict[str, Any] | None:
    """The saved data, or None when there is none. A damaged file (not JSON, not ours,
    failing `check`, or over MAX_STATE_BYTES) is moved aside under the lock, the user is
    warned (StateWarning), and None is returned: nothing is silently replaced."""
    try:
        raw = _read_raw(path, kind)
        return None if raw is None else _parse(raw, kind, check)
    except _Damaged:
        pass
    with locked(path):  # again under the lock: another command may have replaced it meanwhile
        return read_state_locked(path, kind, check)


def read_state_locked(path: Path, kind: str, check: Callable[[dict[str, Any]], bool] | None = None
                      ) -> dict[str, Any] | None:
    """read_state for a caller that already holds locked(path)."""
    try:
        raw = _read_raw(path, kind)
        return None if raw is None else _parse(raw, kind, check)
    except _Damaged as exc:
        _move_aside_and_warn(path, kind, exc.why)
    return None


def _move_aside_and_warn(path: Path, kind: str, why: str) -> None:
    try:
        aside = move_aside(path)
    except OSError as exc:
        raise AicareerError(f"the saved {kind} {path} is damaged and cannot be moved aside: "
                            f"{exc.strerror or exc}") from None
    warnings.warn(f"the saved {kind} was damaged ({why}); kept it as {aside} and started afresh", StateWarning,
                  stacklevel=4)


def set_aside(path: Path, kind: str) -> None:
    """Move a damaged saved file aside (under its lock) and warn the user where it went."""
    with locked(path):
        if path.exists():
            _move_aside_and_warn(path, kind, "its contents are not a saved aicareer " + kind)


def write_state(path: Path, data: dict[str, Any]) -> None:
    """Write saved state atomically. Callers doing a read-modify-write hold locked(path)."""
    from aicareer.core.safe_text import json_text

    text = json_text({"version": FORMAT_VERSION, **data}) + "\n"
    if len(text) > MAX_STATE_BYTES // 4:  # characters: at most 4 bytes each in UTF-8
        size = len(text.encode("utf-8", "backslashreplace"))
        if size > MAX_STATE_BYTES:  # it could not be read back: refuse rather than save a file set aside later
            raise AicareerError(f"cannot save {path}: {size:,} bytes is over the {size_text(MAX_STATE_BYTES)} "
                                "limit for saved state (is the data folder's text that long?)")
    atomic_write(path, text)
