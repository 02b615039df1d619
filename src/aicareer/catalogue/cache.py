"""The validated catalogue cached as msgpack in the user's cache folder, under a key
over every data file's bytes and the tool's version: a hit skips YAML entirely,
and an entry can never outlive a change to any file it was built from."""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from aicareer import __version__
from aicareer.catalogue.index import Catalogue

CACHE_ENV = "AICAREER_CACHE_DIR"


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


def read_cache(key: str) -> Catalogue | None:
    try:
        raw = (cache_dir() / f"catalogue-{key}.msgpack").read_bytes()
        return msgspec.msgpack.decode(raw, type=Catalogue)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None  # no entry, or a damaged one: rebuild from the YAML


def write_cache(key: str, cat: Catalogue) -> None:
    write_blob(f"catalogue-{key}.msgpack", msgspec.msgpack.encode(cat))


def read_blob(name: str) -> bytes | None:
    try:
        return (cache_dir() / name).read_bytes()
    except OSError:
        return None


def write_blob(name: str, raw: bytes, keep: int = 8) -> None:
    """Best effort: a cache that cannot be written only costs speed. Keeps the `keep` newest entries
    of the same kind (the part of the name before the key)."""
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
