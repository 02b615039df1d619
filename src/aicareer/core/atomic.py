"""Atomic file writes: a temporary file in the same folder, flushed, then renamed over
the old one, so a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
from pathlib import Path

from aicareer.core.errors import AicareerError


def atomic_write(path: Path, text: str, *, make_folder: bool = True, private: bool = True) -> None:
    """Write `text` atomically (see atomic_write_bytes)."""
    atomic_write_bytes(path, text.encode("utf-8"), make_folder=make_folder, private=private)


def atomic_write_bytes(path: Path, data: bytes, *, make_folder: bool = True, private: bool = True) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half.

    With make_folder=False a missing folder is an error rather than created. Saved
    state stays private (0600); private=False gives an export the usual permissions.
    """
    if make_folder:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AicareerError(f"cannot create folder {path.parent}: {exc.strerror or exc}") from None
    elif not _is_dir(path.parent):
        raise AicareerError(f"cannot write {path}: folder {path.parent} does not exist")
    import tempfile  # only a write needs it (~2 ms of start-up otherwise)

    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not private:  # an export: the permissions a plain file would get (mkstemp gives 0600)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise AicareerError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False
