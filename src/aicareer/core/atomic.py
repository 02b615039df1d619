"""Atomic file writes: a temporary file in the same folder, flushed, then renamed over
the old one, so a reader sees the old file or the new one, never half of either.

The temporary file's name is chosen before it is created, so an interrupt at any
point (Ctrl-C, or SIGTERM, which the console script turns into an exception) removes
it in `finally`. Only a regular file (or nothing) is ever renamed over: a FIFO, a
device or a socket at the target is refused, never replaced by a file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from aicareer.core.errors import AicareerError
from aicareer.core.files import kind_of


def atomic_write(path: Path, text: str, *, make_folder: bool = True, private: bool = True) -> None:
    """Write `text` atomically (see atomic_write_bytes). A lone surrogate (an undecodable
    file-name byte) is written as its escape, \\udcXX, never a crash."""
    atomic_write_bytes(path, text.encode("utf-8", "backslashreplace"), make_folder=make_folder, private=private)


def check_target(path: Path) -> None:
    """Refuse a target that is neither missing nor a regular file (symlinks followed)."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise AicareerError(f"cannot write {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        raise AicareerError(f"cannot write {path}: it is {kind_of(mode)}, not a regular file")


def atomic_write_bytes(path: Path, data: bytes, *, make_folder: bool = True, private: bool = True) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half.

    With make_folder=False a missing folder is an error rather than created. Saved
    state stays private (0600); private=False gives an export the usual permissions.
    A symlink at `path` is followed: the file it points to is replaced, the link stays.
    """
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AicareerError(f"cannot create folder {path.parent}: {exc.strerror or exc}") from None
    elif not _is_dir(path.parent):
        raise AicareerError(f"cannot write {path}: folder {path.parent} does not exist")
    check_target(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    # os.urandom, not the secrets module: the name only has to be unlikely to clash, and
    # secrets imports hashlib and random (~5 ms of every saving command's start-up)
    tmp: Path | None = path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    try:
        assert tmp is not None
        # an export gets the permissions a plain file would (0666 less the umask); saved state 0600
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600 if private else 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise AicareerError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
