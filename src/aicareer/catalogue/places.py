"""Resolve what people type ("seattle", "Seattle, WA", "bay area", "WA", "us", "remote") to a BLS OEWS area.

Places are the areas of data/wages/areas.tsv (the nation, every state and territory, every metropolitan and
nonmetropolitan area) plus "remote", which stands for the national figures with no location adjustment.
Names come from two sources:
- derived from the BLS area names: a metro by its full name, by its principal cities (the parts of the name
  before the comma: "Seattle-Tacoma-Bellevue, WA" gives "seattle", "tacoma", "bellevue"), alone or followed by
  one of its states ("seattle wa", "seattle washington"); a state by its name, postal code, "<name> state";
- data/places.yaml (hand-written): the nation's names, remote, postal codes, nicknames ("sf", "nyc", "dfw").
A nickname wins over a derived name ("new york" is the city's metro; the state is "ny"). A derived name that
fits several areas ("portland", "washington", "columbus") is ambiguous and returns the candidates.

Matching ignores case, accents, punctuation and spacing. An unknown name returns only suggestions whose
similarity (difflib ratio) is at least SUGGEST_CUTOFF, so "seatle" suggests Seattle and "zzzz" nothing.

Standard library + msgspec only (no aicareer imports but catalogue/place_files.py, which reads the files:
data/places.yaml and data/wages/areas.tsv); nothing project-specific is raised.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import msgspec

from aicareer.catalogue.place_files import MAX_ALIAS_BYTES as MAX_ALIAS_BYTES  # re-exported
from aicareer.catalogue.place_files import AliasFile, default_data_dir, read_alias_file, read_areas
from aicareer.catalogue.place_files import parse_alias_text as parse_alias_text  # re-exported

NATION = "0000000"
SUGGEST_CUTOFF = 0.8
MAX_SUGGESTIONS = 5
REMOTE_NOTE = "national figures; no location adjustment"

PlaceKind = Literal["nation", "remote", "state", "metro", "nonmetro"]
_KIND_ORDER = {"nation": 0, "remote": 1, "state": 2, "metro": 3, "nonmetro": 4}


class Place(msgspec.Struct, frozen=True):
    """A place a person can name. `code` is the BLS area whose figures stand for it (remote: the nation's)."""

    code: str
    kind: PlaceKind
    name: str
    state_fips: str
    states: tuple[str, ...] = ()
    note: str = ""

    @property
    def label(self) -> str:
        return self.name if not self.note else f"{self.name} ({self.note})"


class Resolved(msgspec.Struct, frozen=True, tag="resolved"):
    query: str
    place: Place
    matched: str


class Ambiguous(msgspec.Struct, frozen=True, tag="ambiguous"):
    query: str
    candidates: tuple[Place, ...]


class Unknown(msgspec.Struct, frozen=True, tag="unknown"):
    query: str
    suggestions: tuple[Place, ...]


Resolution = Resolved | Ambiguous | Unknown


_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Lower case, accents dropped, "&" -> "and", every run of other non-alphanumerics one space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(_WORD.findall(text.lower().replace("&", " and ")))


# --- the index ----------------------------------------------------------------------------------------------------
def _cities(part: str, unsplit: set[str]) -> list[str]:
    """The principal cities of a metro name's part before the comma (BLS writes "--" when a city has a "-")."""
    pieces = re.split(r"/", part)
    out: list[str] = []
    for piece in pieces:
        if "--" in piece or piece in unsplit:
            out.extend(p.strip() for p in piece.split("--"))
        else:
            out.extend(p.strip() for p in piece.split("-"))
    return [c for c in out if c]


def _with_saint(key: str) -> list[str]:
    """"st louis" -> also "saint louis" (BLS writes "St.")."""
    words = key.split()
    if "st" not in words:
        return [key]
    return [key, " ".join("saint" if w == "st" else w for w in words)]


class PlaceIndex:
    """Every place and the names it answers to. Build with `PlaceIndex.load()`.

    Resolving one name does not build the whole name index: only the areas whose BLS name contains the
    query's first word get their names derived (a few milliseconds less per command). `names` (every
    derived name) is built on first use, for suggestions and search.
    """

    def __init__(self, areas: Iterable[tuple[str, str, str, bool, str]], aliases: Sequence[AliasFile]) -> None:
        self.postal: dict[str, str] = {}  # postal code -> state FIPS
        nation_names: list[str] = []
        remote_names: list[str] = []
        self.unsplit: set[str] = set()
        alias_map: dict[str, str | list[str]] = {}
        for layer in aliases:  # later layers (custom data) override earlier ones
            self.postal.update({k.upper(): v for k, v in layer.states.items()})
            nation_names += layer.nation
            remote_names += layer.remote
            self.unsplit.update(layer.unsplit)
            alias_map.update(layer.aliases)
        self.fips_postal = {fips: code for code, fips in self.postal.items()}
        self.state_names: dict[str, str] = {}
        self.places: dict[str, Place] = {}
        self._areas: list[tuple[str, str, str]] = []  # (code, type, lower-case name), for the quick path
        self._names: dict[str, set[str]] | None = None
        self.aliases: dict[str, tuple[str, ...]] = {}  # normalized alias -> place codes (places.yaml)
        self.problems: list[str] = []

        area_list = list(areas)
        for _code, kind, fips, _nonmetro, name in area_list:
            if kind == "S":
                self.state_names[fips] = name
        for code, kind, fips, nonmetro, name in area_list:
            if kind == "N":
                place = Place(code, "nation", name, fips)
            elif kind == "S":
                place = Place(code, "state", name, fips, (self.fips_postal[fips],) if fips in self.fips_postal else ())
            elif nonmetro:
                place = Place(code, "nonmetro", name, fips, (self.fips_postal.get(fips, ""),))
            else:
                suffix = name.partition(", ")[2]
                place = Place(code, "metro", name, fips, tuple(s for s in suffix.split("-") if s))
            self.places[code] = place
            self._areas.append((code, kind, name.lower()))
        self.remote = Place(NATION, "remote", "Remote", "00", (), REMOTE_NOTE)
        for key in nation_names:
            self.aliases[normalize(key)] = (NATION,)
        for key in remote_names:
            self.aliases[normalize(key)] = ("remote",)
        for key, target in alias_map.items():
            codes = tuple(target) if isinstance(target, list) else (target,)
            missing = [c for c in codes if c not in self.places]
            if missing:
                self.problems.append(f"places alias {key!r}: unknown BLS area code {', '.join(missing)}")
                continue
            self.aliases[normalize(key)] = codes

    def _keys(self, place: Place) -> set[str]:
        """The normalized names derived from one area's BLS name."""
        name = place.name
        if place.kind == "nation":
            keys = [name]
        elif place.kind == "state":
            keys = [name, f"{name} state", *place.states]
        elif place.kind == "nonmetro":
            keys = [name, f"{name.removesuffix(' nonmetropolitan area')} nonmetro"]
        else:
            part = name.partition(", ")[0]
            keys = [name, part]
            for city in _cities(part, self.unsplit):
                keys.append(city)
                for st in place.states:
                    keys.append(f"{city} {st}")
                    state_name = self.state_names.get(self.postal.get(st, ""))
                    if state_name:
                        keys.append(f"{city} {state_name}")
        out: set[str] = set()
        for key in keys:
            out.update(_with_saint(normalize(key)))
        out.discard("")
        return out

    @property
    def names(self) -> dict[str, set[str]]:
        """Every derived name -> the codes of the places it fits (built on first use)."""
        if self._names is None:
            names: dict[str, set[str]] = {}
            for place in self.places.values():
                for key in self._keys(place):
                    names.setdefault(key, set()).add(place.code)
            self._names = names
        return self._names

    def _derived(self, key: str) -> set[str]:
        """The codes of the places a derived name fits, deriving names only for plausible areas."""
        if self._names is not None:
            return set(self._names.get(key, ()))
        first = key.split()[0]
        needles = {first, "st" if first == "saint" else first}
        short = len(first) <= 2  # a postal code: its state, or any area of that state
        codes: set[str] = set()
        for code, kind, lower in self._areas:
            if any(n in lower for n in needles) or (short and kind == "S") or kind == "N":
                if key in self._keys(self.places[code]):
                    codes.add(code)
        return codes

    @classmethod
    def load(cls, data_dir: Path | None = None, overlays: Sequence[Path] = ()) -> PlaceIndex:
        """The bundled places (data_dir/wages/areas.tsv + data_dir/places.yaml), then custom places.yaml files."""
        base = data_dir or default_data_dir()
        layers = [read_alias_file(base / "places.yaml")]
        layers += [read_alias_file(path) for path in overlays if path.is_file()]
        return cls(read_areas(base / "wages" / "areas.tsv"), layers)

    def place(self, code: str) -> Place:
        return self.remote if code == "remote" else self.places[code]

    def _places(self, codes: Iterable[str]) -> tuple[Place, ...]:
        return tuple(sorted({self.place(c) for c in codes}, key=_sort_key))

    # --- resolution ---------------------------------------------------------------------------------------------
    def resolve(self, query: str) -> Resolution:
        """One place, the candidates of an ambiguous name, or close suggestions for an unknown one."""
        key = normalize(query)
        codes = self.aliases.get(key)
        if codes is None and key:
            codes = tuple(self._derived(key))
        if codes:
            places = self._places(codes)
            if len(places) == 1:
                return Resolved(query, places[0], key)
            return Ambiguous(query, places)
        return Unknown(query, self.suggest(key))

    def suggest(self, key: str) -> tuple[Place, ...]:
        """Places whose names are at least SUGGEST_CUTOFF similar to the normalized key (best first)."""
        if not key:
            return ()
        import difflib  # only on the error path

        candidates = list(self.aliases) + list(self.names)
        close = difflib.get_close_matches(key, candidates, n=MAX_SUGGESTIONS * 3, cutoff=SUGGEST_CUTOFF)
        out: list[Place] = []
        for name in close:
            codes = self.aliases.get(name) or tuple(sorted(self.names.get(name, ())))
            for code in codes:
                place = self.place(code)
                if place not in out:
                    out.append(place)
        return tuple(out[:MAX_SUGGESTIONS])

    def search(self, query: str = "") -> list[Place]:
        """Places whose names have a word starting with the query ("port" -> the Portlands, Port St. Lucie...);
        every place (nation, remote, states, metros, nonmetro areas) for an empty query."""
        key = normalize(query)
        if not key:
            return sorted([*self.places.values(), self.remote], key=_sort_key)
        hits: set[str] = set()
        for name, found in self.names.items():
            if name.startswith(key) or f" {key}" in name:
                hits.update(found)
        for name, codes in self.aliases.items():
            if name.startswith(key) or f" {key}" in name:
                hits.update(codes)
        return list(self._places(hits))


def _sort_key(place: Place) -> tuple[int, str]:
    return (_KIND_ORDER[place.kind], place.name)


_DEFAULT: PlaceIndex | None = None


def default_index() -> PlaceIndex:
    """The bundled places, built once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = PlaceIndex.load()
    return _DEFAULT


def resolve(query: str) -> Resolution:
    return default_index().resolve(query)


def search(query: str = "") -> list[Place]:
    return default_index().search(query)


def index_for(data_dir: Path | None) -> PlaceIndex:
    """The bundled places, with a custom data folder's places.yaml layered over them when it has one."""
    if data_dir is None:
        return default_index()
    overlay = Path(data_dir) / "places.yaml"
    if not overlay.is_file():
        return default_index()
    problems = check(data_dir)
    if problems:
        from aicareer.core.errors import DataError

        raise DataError(problems)
    return PlaceIndex.load(overlays=[overlay])


def check(data_dir: Path | None) -> list[str]:
    """Problems of the places a data folder gives (its places.yaml over the bundled one), one line each:
    a file that does not read, or an alias naming a BLS area code that does not exist."""
    path = Path(data_dir) / "places.yaml" if data_dir is not None else default_data_dir() / "places.yaml"
    if not path.is_file():
        return []
    try:
        index = PlaceIndex.load(overlays=[path]) if data_dir is not None else PlaceIndex.load()
    except Exception as exc:  # a YAML or shape error: reported, not raised (validate lists every problem)
        return [f"{path}: {' '.join(str(exc).split())}"]
    return [f"{path}: {problem}" for problem in index.problems]
