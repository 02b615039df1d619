"""The files behind the place index: data/places.yaml (the alias file, read by a small parser of its
form, a YAML library only as a fallback) and data/wages/areas.tsv. Re-exported by catalogue/places.py.

Standard library + msgspec only (aicareer.core imported lazily, only to read a file).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec


class AliasFile(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """data/places.yaml (or a custom folder's places.yaml, layered over it)."""

    nation: list[str] = []
    remote: list[str] = []
    states: dict[str, str] = {}
    unsplit: list[str] = []
    aliases: dict[str, str | list[str]] = {}


#: a places.yaml larger than this is refused (the bundled one is a few KB)
MAX_ALIAS_BYTES = 1024 * 1024


# --- files --------------------------------------------------------------------------------------------------------
def default_data_dir() -> Path:
    """The bundled data folder (wheel: aicareer/data; repo: <root>/data)."""
    from aicareer.catalogue.layering import bundled_data_dir

    return bundled_data_dir()


_SIMPLE_LINE = re.compile(r"^(?P<indent> *)(?:(?P<dash>- )(?P<item>.+)|(?P<key>[^:#][^:]*?):(?: (?P<value>.+))?)$")


_NOT_A_STRING = re.compile(r"[-+.0-9_:eE]+|~|null|true|false|yes|no|on|off|y|n|\.inf|\.nan")


def _scalar(text: str) -> str:
    text = _uncomment(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        inner = text[1:-1]
        if text[0] in inner or "\\" in inner:
            raise ValueError(text)
        return inner
    if not text or text[0] in "[]{}&*!|>%@`\"'" or ": " in text or _NOT_A_STRING.fullmatch(text.lower()):
        raise ValueError(text)  # YAML would read something else here (a number, a boolean, null...)
    return text


def _uncomment(text: str) -> str:
    """The text without a trailing ` # comment` (a quoted value may hold a "#")."""
    text = text.strip()
    if text[:1] in "\"'":
        end = text.find(text[0], 1)
        rest = text[end + 1:] if end > 0 else ""
        if end > 0 and (not rest.strip() or rest.lstrip().startswith("#") and rest[:1].isspace()):
            return text[:end + 1]
        return text
    cut = text.find(" #")
    return text[:cut].rstrip() if cut >= 0 else text


def parse_alias_text(text: str) -> dict[str, Any]:
    """Read the places.yaml form (top-level keys holding `- item` lists or `key: value` maps; values plain,
    quoted, or a one-line [list]) without a YAML library. Anything else -> ValueError."""
    doc: dict[str, Any] = {}
    section: str | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = _SIMPLE_LINE.match(line)
        if not m:
            raise ValueError(raw)
        indent = len(m["indent"])
        if indent == 0:
            if m["dash"] or m["value"] is not None:
                raise ValueError(raw)
            section = m["key"].strip()
            doc[section] = None
        elif section is None:
            raise ValueError(raw)
        elif m["dash"]:
            if doc[section] is None:
                doc[section] = []
            if not isinstance(doc[section], list):
                raise ValueError(raw)
            doc[section].append(_scalar(m["item"]))
        else:
            if doc[section] is None:
                doc[section] = {}
            if not isinstance(doc[section], dict) or m["value"] is None:
                raise ValueError(raw)
            value = _uncomment(m["value"])
            if value.startswith("[") and value.endswith("]"):
                parsed: str | list[str] = [_scalar(v) for v in value[1:-1].split(",") if v.strip()]
            else:
                parsed = _scalar(value)
            doc[section][_scalar(m["key"])] = parsed
    return {k: v for k, v in doc.items() if v is not None}


def read_alias_file(path: Path) -> AliasFile:
    """Parse a places.yaml; the fast reader first, a YAML library only for a file outside its form."""
    from aicareer.core.files import read_regular

    text = read_regular(path, MAX_ALIAS_BYTES).decode("utf-8")  # a FIFO or device is refused, never read
    try:
        raw = parse_alias_text(text)
    except ValueError:
        from aicareer.core.yaml_safe import load_yaml  # full YAML, bounded: pay for the library only then

        raw = load_yaml(text, max_bytes=MAX_ALIAS_BYTES) or {}
    return msgspec.convert(raw, type=AliasFile)


def read_areas(path: Path) -> list[tuple[str, str, str, bool, str]]:
    """(code, type N/S/M, state FIPS, nonmetro, BLS name) for each line of data/wages/areas.tsv."""
    out = []
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, kind, state, nonmetro, name, _offset, _length = line.rstrip("\n").split("\t")
            out.append((code, kind, state, nonmetro == "1", name))
    return out
