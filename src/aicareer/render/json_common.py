"""The shared parts of every --json shape: plain values, source records, figures (see render/json_shapes.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import Occupation, Source

ARTICLE_PERIOD = "2025 (article)"


BLS_PERIOD = "BLS OEWS May 2025"


def plain(obj: Any) -> Any:
    """A model as JSON-ready builtins."""
    return msgspec.to_builtins(obj)


def source_record(s: Source) -> dict[str, Any]:
    """A cited source: {id, title, publisher, period, kind, url, note}."""
    return {"id": s.id, "title": s.title, "publisher": s.publisher, "period": s.period, "kind": s.kind,
            "url": s.url, "note": s.note}


def sources(cat: Catalogue, ids: Iterable[str]) -> list[dict[str, Any]]:
    return [source_record(s) for s in cat.cited(ids)]


def cited_ids(data: Any) -> list[str]:
    """Every source id the data names: the items of each nested `sources` list and each `source` value."""
    found: list[str] = []
    if isinstance(data, Mapping):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                found += list(value)
            elif key == "source" and isinstance(value, str):
                found.append(value)
            else:
                found += cited_ids(value)
    elif isinstance(data, list | tuple):
        for item in data:
            found += cited_ids(item)
    return found


def with_sources(cat: Catalogue, doc: dict[str, Any], extra: Iterable[str] = ()) -> dict[str, Any]:
    """The document with its top-level `sources`: the record of every id it cites, in order of first use."""
    doc["sources"] = sources(cat, [*extra, *cited_ids(doc)])
    return doc


def renamed(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    """The dict with key `old` renamed `new`, in place of it (key order kept)."""
    return {(new if k == old else k): v for k, v in data.items()}


def figure(f: Any) -> dict[str, Any]:
    """A market figure; its `label` is called `name` as everywhere else."""
    return renamed(plain(f), "label", "name")


def survey(s: Any) -> dict[str, Any]:
    """A self-reported survey figure (Stack Overflow): secondary to the published ranges."""
    return {**renamed(plain(s), "label", "name"), "secondary": True, "self_reported": True}


def occupation(occ: Occupation) -> dict[str, Any]:
    data: dict[str, Any] = plain(occ)
    data["basis"] = "base wage"
    return data


def need(n: Any) -> dict[str, Any]:
    """A skill the user lacks for a role (a gaps.SkillNeed)."""
    return {"skill": n.skill.id, "name": n.skill.name, "kind": n.kind, "weight": round(n.weight, 3),
            "learn_hours_estimate": n.skill.learn_hours}
