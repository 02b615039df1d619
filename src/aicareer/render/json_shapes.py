"""The documented --json shapes (plain dicts; money in whole US dollars).

One vocabulary for every command, described in docs/json.md and checked against the models in
render/json_models/: `reviewed` (the date the data was last reviewed), `data_period` (the period the
figures refer to, one string), `sources` at the top level (every source record the document cites;
nested `sources` are lists of those records' ids), ids always beside their names, and no key that is a
jq keyword (so `{name, value}` works on jq 1.6).

The shapes live in render/json_common.py (shared parts) and one module per command family
(json_market, json_gap, json_plans, json_offers); every name is served from here (loaded on first use), so callers keep
`from aicareer.render import json_shapes` and `json_shapes.<shape>(...)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the type checker; at run time each name loads its family's module on first use
    from aicareer.render.json_common import (
        ARTICLE_PERIOD,
        BLS_PERIOD,
        cited_ids,
        figure,
        occupation,
        plain,
        source_record,
        sources,
        survey,
        with_sources,
    )
    from aicareer.render.json_gap import (
        gap,
        posting,
        role_gap,
        skill_set,
    )
    from aicareer.render.json_market import (
        comparison,
        locations,
        market,
        role,
        roles,
    )
    from aicareer.render.json_offers import (
        offers,
    )
    from aicareer.render.json_plans import (
        assessment,
        progress,
        roadmap,
    )

#: shape name -> the module that builds it: a command pays only for its own family's imports (the gap
#: family alone pulls in the posting reader)
_HOME = {
    "ARTICLE_PERIOD": "json_common",
    "BLS_PERIOD": "json_common",
    "cited_ids": "json_common",
    "figure": "json_common",
    "occupation": "json_common",
    "plain": "json_common",
    "source_record": "json_common",
    "sources": "json_common",
    "survey": "json_common",
    "with_sources": "json_common",
    "gap": "json_gap",
    "posting": "json_gap",
    "role_gap": "json_gap",
    "skill_set": "json_gap",
    "comparison": "json_market",
    "locations": "json_market",
    "market": "json_market",
    "role": "json_market",
    "roles": "json_market",
    "offers": "json_offers",
    "assessment": "json_plans",
    "progress": "json_plans",
    "roadmap": "json_plans",
}


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"aicareer.render.{module}"), name)


__all__ = [
    "ARTICLE_PERIOD",
    "BLS_PERIOD",
    "assessment",
    "cited_ids",
    "comparison",
    "figure",
    "gap",
    "locations",
    "market",
    "occupation",
    "offers",
    "plain",
    "posting",
    "progress",
    "roadmap",
    "role",
    "role_gap",
    "roles",
    "skill_set",
    "source_record",
    "sources",
    "survey",
    "with_sources",
]
