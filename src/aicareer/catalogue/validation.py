"""Validation of one data file's parts against its model, as located problems.

msgspec reports a validation failure as one message with the location in its
text ("Expected `int`, got `str` - at `$.roles[0].salary.low`"); it has no
structured form (msgspec issues #264 and #1158), so `_split_error` is the one
place that reads that text. Everything after it works on (keys, message).
"""

from __future__ import annotations

import re

import msgspec

from aicareer.catalogue.documents import Document
from aicareer.core.suggest import closest

# msgspec's error text: "Expected `int`, got `str` - at `$.roles[0].salary.low`" (compiled on
# first use by re's cache: only a failing load needs them)
_AT = r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"
_SEG = r"\.([^.\[]+)|\[(\d+|\.\.\.)\]"


def split_error(exc: msgspec.ValidationError) -> tuple[str, list[str | int]]:
    m = re.match(_AT, str(exc), re.S)
    assert m is not None
    msg, path = m["msg"], m["path"] or ""
    # msgspec writes a mapping's key as [...]: keep the place, the line lookup stops there
    keys: list[str | int] = [k if k else ("?" if i == "..." else int(i)) for k, i in re.findall(_SEG, path)]
    unknown = re.search(r"unknown field `([^`]+)`", msg)
    if unknown:
        keys.append(unknown[1])
    return msg, keys


def fmt_keys(keys: list[str | int]) -> str:
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else k)
    return out


def item_lists(model: type[msgspec.Struct]) -> dict[str, type]:
    """Top-level fields of a file model that are lists of items with an id."""
    out = {}
    for f in msgspec.structs.fields(model):
        args = getattr(f.type, "__args__", ())
        item = args[0] if args else None
        if isinstance(item, type) and issubclass(item, msgspec.Struct) and "id" in item.__struct_fields__:
            out[f.name] = item
    return out


def check_parts(doc: Document, model: type[msgspec.Struct]) -> list[str]:
    """Validate each item and each other top-level key of one file on its own,
    so that one bad item does not hide the problems of the next."""
    problems: list[str] = []
    name = doc.path.name
    fields = {f.name: f for f in msgspec.structs.fields(model)}
    lists = item_lists(model)

    def report(exc: msgspec.ValidationError, prefix: list[str | int], label: str) -> None:
        msg, keys = split_error(exc)
        full = prefix + keys
        line = doc.line(full)
        where = f"{doc.path}:{line}" if line else str(doc.path)
        problems.append(f"{where}: {label}{fmt_keys(keys) and ('.' if label else '') + fmt_keys(keys)}: {msg}")

    for key, value in doc.data.items():
        if key not in fields:
            near = closest(str(key), fields, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else f" (expected one of: {', '.join(fields)})"
            line = doc.line([key])
            problems.append(f"{doc.path}:{line}: unknown key {key!r} in {name}{hint}")
            continue
        if key in lists:
            if not isinstance(value, list):
                problems.append(f"{doc.path}:{doc.line([key])}: {key}: expected a list, got {type(value).__name__}")
                continue
            seen: dict[str, int] = {}
            for i, item in enumerate(value):
                ident = item.get("id") if isinstance(item, dict) else None
                label = f"{key}[{ident}]" if isinstance(ident, str) else f"{key}[{i}]"
                try:
                    msgspec.convert(item, lists[key])
                except msgspec.ValidationError as exc:
                    report(exc, [key, i], label)
                if isinstance(ident, str):
                    if ident in seen:
                        problems.append(f"{doc.path}:{doc.line([key, i])}: {label}: duplicate id {ident!r} "
                                        f"(first at item {seen[ident] + 1})")
                    seen.setdefault(ident, i)
        else:
            try:
                msgspec.convert(value, fields[key].type)
            except msgspec.ValidationError as exc:
                report(exc, [key], key)
    return problems
