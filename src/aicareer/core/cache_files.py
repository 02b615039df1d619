"""Files in the user's cache folder ($AICAREER_CACHE_DIR, else the platform's): keyed blobs that only
ever save time. A key covers everything an entry was built from, so an entry never outlives a change;
a missing, unreadable or unwritable entry only costs the time to build it again."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from aicareer import __version__

CACHE_ENV = "AICAREER_CACHE_DIR"

_T = TypeVar("_T")


def fingerprint(blobs: dict[Path, bytes]) -> str:
    """A key over the tool's version and every file's place, size and bytes (CRC-32 and
    Adler-32 together: zlib is already loaded, hashlib would cost ~7 ms of start-up)."""
    import zlib

    crc, adler = 0, 1
    for part in [f"aicareer {__version__} cache 1".encode()] + [
        piece for path, raw in blobs.items() for piece in (f"\0{path}\0{len(raw)}\0".encode(), raw)
    ]:
        crc, adler = zlib.crc32(part, crc), zlib.adler32(part, adler)
    return f"{crc:08x}{adler:08x}"


def cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    from aicareer.core.user_dirs import user_dir

    return user_dir("cache")


def read_blob(name: str) -> bytes | None:
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_blob(name: str, raw: bytes, keep: int = 8) -> None:
    """Best effort: a cache that cannot be written only costs speed. Keeps the `keep` newest entries
    of the same kind (the part of the name before the first '-')."""
    from aicareer.core.atomic import atomic_write_bytes

    folder = cache_dir()
    kind, _, rest = name.partition("-")
    try:
        atomic_write_bytes(folder / name, raw)
        entries = sorted(folder.glob(f"{kind}-*{Path(rest).suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
    except Exception:  # noqa: BLE001 - never fail a command for its cache
        pass


def load_or_build(name: str, build: Callable[[], bytes], load: Callable[[bytes], _T]) -> _T:
    """The entry `name` read with `load`, or built, stored and read; a damaged entry (`load` raises
    ValueError, EOFError or TypeError) is built and stored again."""
    raw = read_blob(name)
    if raw is not None:
        try:
            return load(raw)
        except (ValueError, EOFError, TypeError):
            pass
    raw = build()
    write_blob(name, raw)
    return load(raw)
