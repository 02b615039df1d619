"""The documented --json shapes (plain dicts; money in whole US dollars).

One vocabulary for every command, described in docs/json.md and checked against the models in
render/json_models/: `reviewed` (the date the data was last reviewed), `data_period` (the period the
figures refer to, one string), `sources` at the top level (every source record the document cites;
nested `sources` are lists of those records' ids), ids always beside their names, and no key that is a
jq keyword (so `{name, value}` works on jq 1.6).

The shapes live in render/json_common.py (shared parts) and one module per command family
(json_market, json_gap, json_plans, json_offers); every name is re-exported here, so callers keep
`from aicareer.render import json_shapes` and `json_shapes.<shape>(...)`.
"""

from __future__ import annotations

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
