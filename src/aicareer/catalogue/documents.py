"""One YAML data file read and parsed, with line numbers for messages.

Every failure is a DataError naming the file (and the line where YAML gives one).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from aicareer.core.errors import DataError
from aicareer.core.files import read_regular
from aicareer.core.yaml_safe import YAMLLimit, load_yaml, safe_yaml

MAX_BYTES = 10 * 1024 * 1024
"""A data file larger than this is refused (the bundled ones are under 100 kB)."""


class Document:
    """One parsed YAML file. Its node tree, for line numbers, is composed only if an error needs it."""

    def __init__(self, path: Path, text: str, data: Any) -> None:
        self.path, self.text, self.data = path, text, data

    @functools.cached_property
    def root(self) -> Any:
        yaml, loader = safe_yaml()
        try:
            return yaml.compose(self.text, Loader=loader)
        except yaml.YAMLError:
            return None

    def line(self, keys: list[str | int]) -> int | None:
        """The 1-based line of the node at `keys`, or of its deepest existing parent."""
        yaml, _ = safe_yaml()
        node = self.root
        if node is None:
            return None
        for key in keys:
            nxt = None
            if isinstance(node, yaml.MappingNode):
                nxt = next((v for k, v in node.value if k.value == key), None)
                if nxt is None:  # point at the key itself when the value is the problem
                    nxt = next((k for k, v in node.value if k.value == key), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                nxt = node.value[key]
            if nxt is None:
                break
            node = nxt
        return node.start_mark.line + 1 if node is not None else None


def read_bytes(path: Path) -> bytes:
    """The bytes of a data file: only a regular file (never a FIFO or /dev/zero), at most MAX_BYTES."""
    try:
        return read_regular(path, MAX_BYTES)
    except IsADirectoryError:
        raise DataError([f"{path}: is a folder, not a YAML file"]) from None
    except OSError as exc:
        raise DataError([f"{path}: cannot read ({exc.strerror or exc})"]) from None


def read_document(path: Path, raw: bytes | None = None) -> Document:
    """Read and parse one YAML file; every failure is a DataError naming the file."""
    yaml, _ = safe_yaml()
    if raw is None:
        raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"{path}: not UTF-8 text (bad byte at offset {exc.start})"]) from None
    try:
        data = load_yaml(text, max_bytes=MAX_BYTES)
    except YAMLLimit as exc:
        raise DataError([f"{path}{f':{exc.line}' if exc.line else ''}: refused: {exc.message}"]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        what = " ".join(" ".join(str(p).split()) for p in (exc.context, exc.problem) if p)
        raise DataError([f"{where}: invalid YAML: {what}"]) from None
    except yaml.YAMLError as exc:  # e.g. a reader error on control characters
        raise DataError([f"{path}: invalid YAML: {' '.join(str(exc).split())}"]) from None
    if data is None:
        raise DataError([f"{path}: file is empty"])
    if not isinstance(data, dict):
        raise DataError([f"{path}:1: the top level must be a mapping of keys, not a {type(data).__name__}"])
    return Document(path, text, data)
