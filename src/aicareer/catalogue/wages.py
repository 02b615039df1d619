"""BLS OEWS wages by area (data/wages/, built by tools/build_wages.py): cells, fallbacks, local/national ratios.

Reading is lazy and cheap: `areas.tsv` (583 lines) is parsed on first use and gives, for each area, the byte
range of its lines in `cells.tsv`; looking up a place reads only that range (about 1 KB), never the whole
table. `meta.json` (period, source, licence, footnotes) is decoded only when asked for.

Fallback chain: metro or nonmetro area -> its state -> the nation; a state -> the nation. A step is taken when
the cell is missing (BLS has no estimate for that occupation there), not published (BLS printed "-"), or thin:
- the wage relative standard error is above THIN_WAGE_RSE (10%), or
- fewer than THIN_EMPLOYMENT (50) workers, or the employment count itself was not published, or
- the employment relative standard error is above THIN_EMPLOYMENT_RSE (30%): BLS then often publishes
  one value for several percentiles (Raleigh, 15-1221: P10 = P25 = median, employment RSE 35.3%).
Every step is recorded with its reason, so the caller can say "Seattle: not published for 15-1221; used
Washington". No figure is ever made up: if even the nation has no value, the lookup has no cell.

Location ratio for several occupations (the location-adjustment method): for each percentile p,
    ratio_p = sum_s(N_s * local_p(s)) / sum_s(N_s * national_p(s))
where N_s is the *national* employment of occupation s. The weights are the same for every place, so the
ratio measures how the place pays, not how its mix of occupations differs. A local value that fell back to the
state or nation is used as such (a national fallback contributes a ratio of 1 for that occupation).

Standard library + msgspec only (aicareer.core.cache_files imported lazily, only to cache the market-wide scan).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import msgspec

NATION = "0000000"
PERCENTILES: tuple[str, ...] = ("p10", "p25", "median", "p75", "p90")
THIN_WAGE_RSE = 10.0
THIN_EMPLOYMENT = 50
THIN_EMPLOYMENT_RSE = 30.0

AreaType = Literal["N", "S", "M"]
StepStatus = Literal["used", "missing", "not_published", "thin"]


class Area(msgspec.Struct, frozen=True):
    """A BLS area: the nation (N), a state or territory (S), or a metro / nonmetropolitan area (M)."""

    code: str
    type: AreaType
    state_fips: str
    nonmetro: bool
    name: str

    @property
    def kind(self) -> str:
        """nation, state, metro or nonmetro."""
        if self.type == "N":
            return "nation"
        if self.type == "S":
            return "state"
        return "nonmetro" if self.nonmetro else "metro"


class Cell(msgspec.Struct, frozen=True):
    """One area x occupation, annual US dollars; None = not published (see footnotes: field -> BLS code)."""

    area_code: str
    soc: str
    employment: int | None
    emp_rse: float | None
    mean: int | None
    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    wage_rse: float | None
    footnotes: dict[str, str]

    def percentile(self, name: str) -> int | None:
        value: int | None = getattr(self, name)
        return value

    @property
    def published(self) -> bool:
        """True when BLS published every wage percentile of this cell."""
        return all(getattr(self, p) is not None for p in PERCENTILES)

    def thin_reason(self) -> str | None:
        """Why the estimate rests on too little (the module's thin-cell rule), or None."""
        if self.wage_rse is not None and self.wage_rse > THIN_WAGE_RSE:
            return f"wage relative standard error {self.wage_rse:g}% (above {THIN_WAGE_RSE:g}%)"
        if self.employment is None:
            return "employment not published"
        if self.employment < THIN_EMPLOYMENT:
            return f"{self.employment} workers (fewer than {THIN_EMPLOYMENT})"
        if self.emp_rse is not None and self.emp_rse > THIN_EMPLOYMENT_RSE:
            return f"employment relative standard error {self.emp_rse:g}% (above {THIN_EMPLOYMENT_RSE:g}%)"
        return None


class Step(msgspec.Struct, frozen=True):
    """One place tried in a lookup, and what happened there."""

    area: Area
    status: StepStatus
    reason: str
    cell: Cell | None = None


class Lookup(msgspec.Struct, frozen=True):
    """The wages of one occupation for one place, after the fallback chain."""

    soc: str
    requested: Area
    steps: tuple[Step, ...]

    @property
    def used(self) -> Step | None:
        return self.steps[-1] if self.steps and self.steps[-1].status == "used" else None

    @property
    def cell(self) -> Cell | None:
        step = self.used
        return step.cell if step else None

    @property
    def area(self) -> Area | None:
        """The area whose figures are used (None: no published figure anywhere on the chain)."""
        step = self.used
        return step.area if step else None

    @property
    def fell_back(self) -> bool:
        return len(self.steps) > 1 or self.used is None

    def note(self) -> str:
        """One line for the user, e.g. "Seattle-Tacoma-Bellevue, WA: not published for 15-1221; used Washington"."""
        parts = [f"{s.area.name}: {s.reason}" for s in self.steps if s.status != "used"]
        used = self.used
        if used is None:
            parts.append("no published figure")
        elif parts:
            parts.append(f"used {used.area.name}")
        return "; ".join(parts)


class PercentileRatios(msgspec.Struct, frozen=True):
    """Local/national ratio per percentile for a set of occupations (see the module docstring for the method)."""

    requested: Area
    socs: tuple[str, ...]
    ratios: dict[str, float | None]
    weights: dict[str, int]
    lookups: tuple[Lookup, ...]

    @property
    def notes(self) -> list[str]:
        return [lk.note() for lk in self.lookups if lk.fell_back]


class Meta(msgspec.Struct, frozen=True):
    """The parts of meta.json a caller shows: period, release, source, licence, footnotes, occupation names."""

    period: str
    release_code: str
    bls_file_date: str
    source: str
    license: str
    footnotes: dict[str, str]
    occupations: dict[str, str]


def default_dir() -> Path:
    """data/wages in the bundled data folder (wheel: aicareer/data/wages; repo: <root>/data/wages)."""
    from aicareer.catalogue.layering import bundled_data_dir

    return bundled_data_dir() / "wages"


def _int(text: str) -> int | None:
    return int(text) if text else None


def _float(text: str) -> float | None:
    return float(text) if text else None


def parse_cell(line: str) -> Cell:
    """One line of cells.tsv."""
    code, soc, emp, emp_rse, mean, p10, p25, median, p75, p90, wage_rse, notes = line.rstrip("\n").split("\t")
    footnotes = dict(n.split(":", 1) for n in notes.split(";")) if notes else {}
    return Cell(code, soc, _int(emp), _float(emp_rse), _int(mean), _int(p10), _int(p25), _int(median), _int(p75),
                _int(p90), _float(wage_rse), footnotes)


class WageTable:
    """The bundled wage file, read lazily. Open once per process with `WageTable.open()`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._areas: dict[str, Area] | None = None
        self._spans: dict[str, tuple[int, int]] = {}
        self._cells: dict[str, dict[str, Cell]] = {}
        self._meta: Meta | None = None

    @classmethod
    def open(cls, directory: Path | None = None) -> WageTable:
        return cls(directory or default_dir())

    # --- areas ------------------------------------------------------------------------------------------------
    def _load_areas(self) -> dict[str, Area]:
        if self._areas is None:
            areas: dict[str, Area] = {}
            with open(self.directory / "areas.tsv", encoding="utf-8") as fh:
                next(fh)
                for line in fh:
                    code, kind, state, nonmetro, name, offset, length = line.rstrip("\n").split("\t")
                    areas[code] = Area(code, kind, state, nonmetro == "1", name)  # type: ignore[arg-type]
                    self._spans[code] = (int(offset), int(length))
            self._areas = areas
        return self._areas

    def areas(self) -> list[Area]:
        """Every area, by code (nation first)."""
        return list(self._load_areas().values())

    def area(self, code: str) -> Area | None:
        return self._load_areas().get(code)

    @property
    def nation(self) -> Area:
        return self._load_areas()[NATION]

    def state_of(self, area: Area) -> Area | None:
        """The state a metro or nonmetro area belongs to (its BLS state code: a multi-state metro's main state)."""
        if area.type != "M":
            return None
        return self._load_areas().get(area.state_fips + "00000")

    def chain(self, area: Area) -> list[Area]:
        """The places a lookup tries, in order: the area, its state (for a metro), the nation."""
        out = [area]
        state = self.state_of(area)
        if state is not None:
            out.append(state)
        if area.type != "N":
            out.append(self.nation)
        return out

    # --- cells ------------------------------------------------------------------------------------------------
    def cells(self, area_code: str) -> dict[str, Cell]:
        """Every occupation published for one area, by SOC code ("15-1252"); {} for an unknown area."""
        cached = self._cells.get(area_code)
        if cached is not None:
            return cached
        self._load_areas()
        span = self._spans.get(area_code)
        cells: dict[str, Cell] = {}
        if span and span[1]:
            with open(self.directory / "cells.tsv", "rb") as fh:
                fh.seek(span[0])
                block = fh.read(span[1]).decode("utf-8")
            for line in block.splitlines():
                cell = parse_cell(line)
                cells[cell.soc] = cell
        self._cells[area_code] = cells
        return cells

    def cell(self, area_code: str, soc: str) -> Cell | None:
        """The cell as BLS published it (no fallback); None when BLS has no estimate there."""
        return self.cells(area_code).get(soc)

    def all_cells(self, socs: Iterable[str] | None = None) -> list[Cell]:
        """Every cell (optionally only some occupations), reading the whole file: for market-wide views."""
        wanted = set(socs) if socs is not None else None
        out = []
        with open(self.directory / "cells.tsv", encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                if wanted is None or line.split("\t", 2)[1] in wanted:
                    out.append(parse_cell(line))
        return out

    def medians(self, socs: Iterable[str]) -> list[tuple[str, str, int, int]]:
        """(area code, SOC, employment, median) of every cell that is published and not thin (the module's
        rule), for some occupations: a pass over the whole file for market-wide views. The result is
        cached in the user's cache folder under a key over the file's bytes, the occupations and this
        module's source (the scan takes ~7 ms; reading the entry back, under 1 ms)."""
        import marshal

        from aicareer.core.cache_files import fingerprint, load_or_build

        wanted = sorted(set(socs))
        raw = (self.directory / "cells.tsv").read_bytes()
        key = fingerprint({self.directory / "cells.tsv": raw, Path(__file__): Path(__file__).read_bytes(),
                           Path("socs"): " ".join(wanted).encode()})
        rows: list[tuple[str, str, int, int]] = load_or_build(
            f"medians-{key}.marshal", lambda: marshal.dumps(self._scan_medians(raw.decode("utf-8"), set(wanted))),
            marshal.loads)
        return rows

    @staticmethod
    def _scan_medians(text: str, wanted: set[str]) -> list[tuple[str, str, int, int]]:
        out = []
        for line in text.split("\n")[1:]:
            if line[8:15] not in wanted:  # "AAAAAAA\tSS-SSSS\t...": the SOC without a split
                continue
            f = line.split("\t", 11)
            if f[1] not in wanted or not all(f[5:10]) or not f[2]:
                continue
            employment = int(f[2])
            if (employment < THIN_EMPLOYMENT or (f[10] and float(f[10]) > THIN_WAGE_RSE)
                    or (f[3] and float(f[3]) > THIN_EMPLOYMENT_RSE)):
                continue
            out.append((f[0], f[1], employment, int(f[7])))
        return out

    # --- lookups with fallback ----------------------------------------------------------------------------------
    def lookup(self, area_code: str, soc: str) -> Lookup:
        """The cell for (area, SOC) after the fallback chain, every step recorded. KeyError for an unknown area."""
        requested = self._load_areas()[area_code]
        steps: list[Step] = []
        for area in self.chain(requested):
            cell = self.cell(area.code, soc)
            if cell is None:
                steps.append(Step(area, "missing", f"no BLS estimate for {soc}"))
                continue
            if not cell.published:
                steps.append(Step(area, "not_published", f"not published for {soc}", cell))
                continue
            thin = cell.thin_reason()
            if thin is not None and area.type != "N":
                steps.append(Step(area, "thin", f"thin estimate for {soc}: {thin}", cell))
                continue
            steps.append(Step(area, "used", "published", cell))
            break
        return Lookup(soc, requested, tuple(steps))

    def ratios(self, area_code: str, socs: Sequence[str]) -> PercentileRatios:
        """Local/national ratio of each percentile for the occupations, weighted by national employment."""
        requested = self._load_areas()[area_code]
        lookups = tuple(self.lookup(area_code, soc) for soc in socs)
        weights: dict[str, int] = {}
        for soc in socs:
            national = self.cell(NATION, soc)
            if national is not None and national.employment:
                weights[soc] = national.employment
        ratios: dict[str, float | None] = {}
        for p in PERCENTILES:
            local_sum = national_sum = 0.0
            for lk in lookups:
                national = self.cell(NATION, lk.soc)
                local = lk.cell
                weight = weights.get(lk.soc)
                if not weight or national is None or local is None:
                    continue
                local_p, national_p = local.percentile(p), national.percentile(p)
                if local_p is None or national_p is None:
                    continue
                local_sum += weight * local_p
                national_sum += weight * national_p
            ratios[p] = round(local_sum / national_sum, 4) if national_sum else None
        return PercentileRatios(requested, tuple(socs), ratios, weights, lookups)

    # --- metadata ---------------------------------------------------------------------------------------------
    @property
    def meta(self) -> Meta:
        if self._meta is None:
            self._meta = msgspec.json.decode((self.directory / "meta.json").read_bytes(), type=Meta)
        return self._meta
