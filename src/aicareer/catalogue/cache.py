"""The validated catalogue cached as msgpack in the user's cache folder, under a key
over every data file's bytes and the tool's version: a hit skips YAML entirely,
and an entry can never outlive a change to any file it was built from."""

from __future__ import annotations

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.core.cache_files import fingerprint, read_blob, write_blob

__all__ = ["fingerprint", "read_cache", "write_cache"]


def read_cache(key: str) -> Catalogue | None:
    raw = read_blob(f"catalogue-{key}.msgpack")
    if raw is None:
        return None
    try:
        return msgspec.msgpack.decode(raw, type=Catalogue)
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None  # a damaged entry: rebuild from the YAML


def write_cache(key: str, cat: Catalogue) -> None:
    write_blob(f"catalogue-{key}.msgpack", msgspec.msgpack.encode(cat))
