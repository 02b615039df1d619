"""The models of every command's --json document, and their JSON Schemas (docs/json-schema/<command>.json).

render/json_shapes.py builds the documents; tests/test_json_schemas.py checks every command's output
against its model here (an undocumented key fails) and that the committed schemas are these models'.
The vocabulary shared by all of them is written down in docs/json.md.

Regenerate the committed schemas after changing a model:

    python -m aicareer.render.json_models            # writes docs/json-schema/*.json
    python -m aicareer.render.json_models --check    # exit 1 if a committed schema differs
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec

from aicareer.render.json_models.assess import AssessDoc
from aicareer.render.json_models.base import Doc, Figure, Ref, SourceRecord, SurveyFigure
from aicareer.render.json_models.compare import CompareDoc
from aicareer.render.json_models.gap import GapDoc
from aicareer.render.json_models.market import LocationsDoc, MarketDoc
from aicareer.render.json_models.offer import OfferDoc
from aicareer.render.json_models.profile import (
    DataValidateDoc,
    ProfilePathDoc,
    ProfileResetDoc,
    ProfileShowDoc,
)
from aicareer.render.json_models.progress import ProgressDoc
from aicareer.render.json_models.roadmap import RoadmapDoc
from aicareer.render.json_models.roles import RoleDoc, RolesDoc

__all__ = [
    "AssessDoc",
    "CompareDoc",
    "DOCUMENTS",
    "DataValidateDoc",
    "Doc",
    "Figure",
    "GapDoc",
    "LocationsDoc",
    "MarketDoc",
    "OfferDoc",
    "ProfilePathDoc",
    "ProfileResetDoc",
    "ProfileShowDoc",
    "ProgressDoc",
    "Ref",
    "RoadmapDoc",
    "RoleDoc",
    "RolesDoc",
    "SCHEMA_DIR",
    "SourceRecord",
    "SurveyFigure",
    "check",
    "main",
    "schema",
    "schema_text",
]

#: command (as typed, subcommands joined by '-') -> the model of its --json document
DOCUMENTS: dict[str, type[Doc]] = {
    "compare": CompareDoc,
    "roles": RolesDoc,
    "role": RoleDoc,
    "market": MarketDoc,
    "locations": LocationsDoc,
    "assess": AssessDoc,
    "roadmap": RoadmapDoc,
    "progress": ProgressDoc,
    "offer": OfferDoc,
    "profile-show": ProfileShowDoc,
    "profile-path": ProfilePathDoc,
    "profile-reset": ProfileResetDoc,
    "data-validate": DataValidateDoc,
    "gap": GapDoc,
}

SCHEMA_DIR = Path(__file__).resolve().parents[4] / "docs" / "json-schema"


def schema(command: str) -> dict[str, Any]:
    """The JSON Schema of a command's --json document."""
    out: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "title": f"aicareer {command.replace('-', ' ')} --json"}
    out.update(msgspec.json.schema(DOCUMENTS[command]))
    return out


def schema_text(command: str) -> str:
    return json.dumps(schema(command), indent=2, ensure_ascii=False) + "\n"


def check(document: Any, command: str) -> Doc:
    """The document as its model; raises msgspec.ValidationError on a missing, mistyped or unknown key."""
    return msgspec.convert(document, DOCUMENTS[command])


def main(argv: list[str]) -> int:
    folder = SCHEMA_DIR
    stale = [c for c in DOCUMENTS if not (folder / f"{c}.json").is_file()
             or (folder / f"{c}.json").read_text(encoding="utf-8") != schema_text(c)]
    if "--check" in argv:
        for c in stale:
            print(f"{folder / c}.json differs from the model; run python -m aicareer.render.json_models")
        return 1 if stale else 0
    folder.mkdir(parents=True, exist_ok=True)
    for c in stale:
        (folder / f"{c}.json").write_text(schema_text(c), encoding="utf-8")
        print(f"wrote {folder / c}.json")
    return 0
