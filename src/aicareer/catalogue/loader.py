"""Read the YAML data folders into a validated Catalogue.

The bundled `data/` folder is always read; a custom folder (`--data-dir` or
AICAREER_DATA_DIR) is layered over it (see layering.py). Every problem names
the file, the line where it can, and the field.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from aicareer.catalogue import cache, layering
from aicareer.catalogue.documents import read_bytes

if TYPE_CHECKING:
    from aicareer.catalogue.documents import Document
from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.models import (
    MarketFile,
    OccupationsFile,
    QuestionsFile,
    RoadmapsFile,
    RolesFile,
    ScoringFile,
    SkillsFile,
    SourcesFile,
    VocabularyFile,
)
from aicareer.core.errors import DataError

#: file name -> the model of the whole file
FILES: dict[str, type[msgspec.Struct]] = {
    "sources.yaml": SourcesFile,
    "skills.yaml": SkillsFile,
    "roles.yaml": RolesFile,
    "occupations.yaml": OccupationsFile,
    "market.yaml": MarketFile,
    "questions.yaml": QuestionsFile,
    "scoring.yaml": ScoringFile,
    "roadmaps.yaml": RoadmapsFile,
    "vocabulary.yaml": VocabularyFile,
}

# re-exported: the CLI asks the loader where the data is
bundled_data_dir = layering.bundled_data_dir
overlay_dir = layering.overlay_dir


def _folders(data_dir: Path | None) -> list[Path]:
    return layering.folders(data_dir, FILES)


def load_catalogue(data_dir: Path | None = None, *, use_cache: bool = True) -> Catalogue:
    """Load the bundled data with `data_dir` layered over it; raise DataError on any problem.

    A catalogue that validated is cached (msgpack, in the user's cache folder)
    under a hash of every data file's bytes and the tool's version, so a cache
    entry can never outlive a change to any file it was built from.
    """
    folders = _folders(data_dir)
    blobs: dict[Path, bytes] = {}
    unreadable = False
    for name in FILES:
        for i, folder in enumerate(folders):
            path = folder / name
            if i == 0 or path.exists():
                try:
                    blobs[path] = read_bytes(path)
                except DataError:
                    unreadable = True  # reported with its file and reason by the full load below
    key = cache.fingerprint(blobs)
    use_cache = use_cache and not unreadable
    if use_cache:
        cached = cache.read_cache(key)
        if cached is not None:
            return cached
    catalogue, problems = _load(folders, blobs)
    if problems:
        raise DataError(problems)
    assert catalogue is not None
    if use_cache:
        cache.write_cache(key, catalogue)
    return catalogue


def validate(data_dir: Path | None = None) -> list[str]:
    """Every problem found in the bundled data with `data_dir` layered over it (no cache)."""
    return _load(_folders(data_dir), {})[1]


def _load(folders: list[Path], blobs: dict[Path, bytes]) -> tuple[Catalogue | None, list[str]]:
    # a full load runs only on a cache miss or `data validate`: its modules load only then
    from aicareer.catalogue.checks import Problem, cross_check
    from aicareer.catalogue.documents import read_document
    from aicareer.catalogue.validation import check_parts, fmt_keys, item_lists, split_error
    from aicareer.catalogue.vocabulary import checks as vocabulary_checks

    bundled = folders[0]
    problems: list[str] = []
    parsed: dict[str, Any] = {}
    docs: dict[str, list[Document]] = {}
    for name, model in FILES.items():
        merged: dict[str, Any] | None = None
        for folder in folders:
            path = folder / name
            if folder is not bundled and not path.exists():
                continue
            try:
                doc = read_document(path, blobs.get(path))
            except DataError as exc:
                problems.extend(exc.problems)
                continue
            docs.setdefault(name, []).append(doc)
            problems.extend(check_parts(doc, model))
            merged = doc.data if merged is None else layering.merge(merged, doc.data, set(item_lists(model)))
        if merged is None:
            continue
        try:
            parsed[name] = msgspec.convert(merged, model)
        except msgspec.ValidationError as exc:
            msg, keys = split_error(exc)
            if not problems or "missing required field" in msg:
                problems.append(f"{docs[name][-1].path}: {fmt_keys(keys) or name}: {msg}")

    if problems or len(parsed) != len(FILES):
        return None, list(dict.fromkeys(problems))
    catalogue = Catalogue(
        sources_file=parsed["sources.yaml"],
        skills_file=parsed["skills.yaml"],
        roles_file=parsed["roles.yaml"],
        occupations_file=parsed["occupations.yaml"],
        market=parsed["market.yaml"],
        questions_file=parsed["questions.yaml"],
        scoring=parsed["scoring.yaml"],
        roadmaps=parsed["roadmaps.yaml"],
        vocabulary_file=parsed["vocabulary.yaml"],
    )
    vocabulary = [Problem("vocabulary.yaml", "terms", *found)
                  for found in vocabulary_checks(catalogue.vocabulary_file, catalogue.skills)]
    for p in [*cross_check(catalogue), *vocabulary]:
        where, line = _locate(docs.get(p.file, []), p.section, p.item, p.field)
        item = f"[{p.item}]" if p.item else ""
        problems.append(f"{where}:{line}: {p.section}{item}.{p.field}: {p.message}" if line
                        else f"{where}: {p.section}{item}.{p.field}: {p.message}")
    return (None if problems else catalogue), problems


def _locate(docs: list[Document], section: str, item: str, field: str) -> tuple[str, int | None]:
    """The file (overlay first) and line of an item's field named by a cross-check."""
    keys: list[str | int] = list(section.split("."))
    for doc in reversed(docs):
        node: Any = doc.data
        for k in keys:
            node = node.get(k) if isinstance(node, dict) else None
        month = re.match(r"month (\d+)", field)
        if isinstance(node, list) and month:  # a roadmap month: the entry with that number
            for i, entry in enumerate(node):
                if isinstance(entry, dict) and str(entry.get("month")) == month[1]:
                    return str(doc.path), doc.line([*keys, i])
        if isinstance(node, list):
            for i, entry in enumerate(node):
                if isinstance(entry, dict) and entry.get("id") == item:
                    return str(doc.path), doc.line([*keys, i, *field.split(".")[0:1]])
        elif node is not None and not item:
            return str(doc.path), doc.line([*keys, field])
    return (str(docs[-1].path) if docs else "data"), None
