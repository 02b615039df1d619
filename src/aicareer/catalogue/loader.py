"""Read the YAML data folders into a validated Catalogue.

The bundled `data/` folder is always read; a custom folder (`--data-dir` or
AICAREER_DATA_DIR) is layered over it: in every list of items with an `id`,
the same id replaces the bundled item and a new id adds one; any other
top-level mapping is merged key by key
(e.g. one roadmap track), and any other top-level key replaces the bundled value. Every problem names the file,
the line where it can, and the field.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import msgspec

from aicareer import __version__
from aicareer.catalogue.index import Catalogue, cross_check
from aicareer.catalogue.models import (
    MarketFile,
    OccupationsFile,
    QuestionsFile,
    RoadmapsFile,
    RolesFile,
    ScoringFile,
    SkillsFile,
    SourcesFile,
)
from aicareer.core.errors import DataError, InputError
from aicareer.core.suggest import closest
from aicareer.readers.user_files import safe_yaml

DATA_ENV = "AICAREER_DATA_DIR"
CACHE_ENV = "AICAREER_CACHE_DIR"



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
}


def bundled_data_dir() -> Path:
    """The data shipped with the package (inside the wheel, or the repo's data/)."""
    package = Path(__file__).resolve().parents[1]  # src/aicareer, or site-packages/aicareer
    inside = package / "data"
    return inside if inside.is_dir() else package.parents[1] / "data"


def overlay_dir(option: Path | None) -> Path | None:
    """The custom data folder from the option, else from AICAREER_DATA_DIR."""
    if option is not None:
        return option
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else None


# --- one YAML document, with lazy line lookup --------------------------------------


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
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise DataError([f"{path}: is a folder, not a YAML file"]) from None
    except OSError as exc:
        raise DataError([f"{path}: cannot read ({exc.strerror or exc})"]) from None


def read_document(path: Path, raw: bytes | None = None) -> Document:
    """Read and parse one YAML file; every failure is a DataError naming the file."""
    yaml, loader = safe_yaml()
    if raw is None:
        raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"{path}: not UTF-8 text (bad byte at offset {exc.start})"]) from None
    try:
        data = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
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


# --- validation of one file's parts ------------------------------------------------

# msgspec's error text: "Expected `int`, got `str` - at `$.roles[0].salary.low`" (compiled on
# first use by re's cache: only a failing load needs them)
_AT = r"^(?P<msg>.*?)(?: - at `\$(?P<path>[^`]*)`)?$"
_SEG = r"\.([^.\[]+)|\[(\d+|\.\.\.)\]"


def _split_error(exc: msgspec.ValidationError) -> tuple[str, list[str | int]]:
    m = re.match(_AT, str(exc), re.S)
    assert m is not None
    msg, path = m["msg"], m["path"] or ""
    # msgspec writes a mapping's key as [...]: keep the place, the line lookup stops there
    keys: list[str | int] = [k if k else ("?" if i == "..." else int(i)) for k, i in re.findall(_SEG, path)]
    unknown = re.search(r"unknown field `([^`]+)`", msg)
    if unknown:
        keys.append(unknown[1])
    return msg, keys


def _fmt_keys(keys: list[str | int]) -> str:
    out = ""
    for k in keys:
        out += f"[{k}]" if isinstance(k, int) else (f".{k}" if out else k)
    return out


def _item_lists(model: type[msgspec.Struct]) -> dict[str, type]:
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
    lists = _item_lists(model)

    def report(exc: msgspec.ValidationError, prefix: list[str | int], label: str) -> None:
        msg, keys = _split_error(exc)
        full = prefix + keys
        line = doc.line(full)
        where = f"{doc.path}:{line}" if line else str(doc.path)
        problems.append(f"{where}: {label}{_fmt_keys(keys) and ('.' if label else '') + _fmt_keys(keys)}: {msg}")

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


def merge(base: dict[str, Any], over: dict[str, Any], lists: set[str]) -> dict[str, Any]:
    """Layer one file's data over another's: item lists by id, mappings key by key, other keys whole."""
    out = dict(base)
    for key, value in over.items():
        if key in lists and isinstance(value, list) and isinstance(base.get(key), list):
            by_id = {item.get("id"): n for n, item in enumerate(base[key]) if isinstance(item, dict)}
            merged = list(base[key])
            for item in value:
                ident = item.get("id") if isinstance(item, dict) else None
                if ident in by_id:
                    merged[by_id[ident]] = item
                else:
                    merged.append(item)
            out[key] = merged
        elif isinstance(value, dict) and isinstance(base.get(key), dict):
            out[key] = {**base[key], **value}
        else:
            out[key] = value
    return out


# --- the whole catalogue -------------------------------------------------------------


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
    key = _fingerprint(blobs)
    use_cache = use_cache and not unreadable
    if use_cache:
        cached = _read_cache(key)
        if cached is not None:
            return cached
    catalogue, problems = _load(folders, blobs)
    if problems:
        raise DataError(problems)
    assert catalogue is not None
    if use_cache:
        _write_cache(key, catalogue)
    return catalogue


def validate(data_dir: Path | None = None) -> list[str]:
    """Every problem found in the bundled data with `data_dir` layered over it (no cache)."""
    return _load(_folders(data_dir), {})[1]


def _fingerprint(blobs: dict[Path, bytes]) -> str:
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
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("aicareer", appauthor=False))


def _read_cache(key: str) -> Catalogue | None:
    try:
        raw = (cache_dir() / f"catalogue-{key}.msgpack").read_bytes()
        return msgspec.msgpack.decode(raw, type=Catalogue)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None  # no entry, or a damaged one: rebuild from the YAML


def _write_cache(key: str, cat: Catalogue, keep: int = 8) -> None:
    """Best effort: a cache that cannot be written only costs speed."""
    from aicareer.core.atomic import atomic_write_bytes

    folder = cache_dir()
    try:
        atomic_write_bytes(folder / f"catalogue-{key}.msgpack", msgspec.msgpack.encode(cat))
        entries = sorted(folder.glob("catalogue-*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            old.unlink()
    except Exception:  # noqa: BLE001 - never fail a command for its cache
        pass


def _folders(data_dir: Path | None) -> list[Path]:
    bundled = bundled_data_dir()
    folders = [bundled]
    if data_dir is not None:
        try:
            if not data_dir.exists():
                raise InputError(f"data folder {data_dir} does not exist")
            if not data_dir.is_dir():
                raise InputError(f"data folder {data_dir} is not a folder")
            if not any((data_dir / name).exists() for name in FILES):
                raise InputError(f"data folder {data_dir} holds none of the data files ({', '.join(FILES)})")
            if data_dir.resolve() != bundled.resolve():
                folders.append(data_dir)
        except OSError as exc:  # e.g. a name too long for the file system
            raise InputError(f"data folder {data_dir}: {exc.strerror or exc}") from None
    return folders


def _load(folders: list[Path], blobs: dict[Path, bytes]) -> tuple[Catalogue | None, list[str]]:
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
            merged = doc.data if merged is None else merge(merged, doc.data, set(_item_lists(model)))
        if merged is None:
            continue
        try:
            parsed[name] = msgspec.convert(merged, model)
        except msgspec.ValidationError as exc:
            msg, keys = _split_error(exc)
            if not problems or "missing required field" in msg:
                problems.append(f"{docs[name][-1].path}: {_fmt_keys(keys) or name}: {msg}")

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
    )
    for p in cross_check(catalogue):
        path, line = _locate(docs.get(p.file, []), p.section, p.item, p.field)
        item = f"[{p.item}]" if p.item else ""
        problems.append(f"{path}:{line}: {p.section}{item}.{p.field}: {p.message}" if line
                        else f"{path}: {p.section}{item}.{p.field}: {p.message}")
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
