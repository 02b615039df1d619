"""The models of every command's --json document, and their JSON Schemas (docs/json-schema/<command>.json).

render/json_shapes.py builds the documents; tests/test_json_schemas.py checks every command's output
against its model here (an undocumented key fails) and that the committed schemas are these models'.
The vocabulary shared by all of them is written down in docs/json.md.

Regenerate the committed schemas after changing a model:

    python -m aicareer.render.json_models            # writes docs/json-schema/*.json
    python -m aicareer.render.json_models --check    # exit 1 if a committed schema differs
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Any, Literal

import msgspec

from aicareer.catalogue.models import (
    Adjustments,
    Basis,
    Fact,
    Hotspot,
    Industry,
    MetroMedians,
    OccupationLink,
    SalaryRange,
    SourceKind,
    TaskKind,
    Track,
    Trend,
    Unit,
    Wages,
    Weights,
)


class Doc(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A part of a --json document: every key listed, none left out (a null stands for 'none')."""


# --- the shared vocabulary -----------------------------------------------------------------------------------------


class SourceRecord(Doc):
    """A cited source. Every `sources` list of ids anywhere in a document names records listed here."""

    id: str
    title: str
    publisher: str
    period: str
    kind: SourceKind
    url: str | None
    note: str | None


class Ref(Doc):
    """A thing from the data by its id and its name."""

    id: str
    name: str


class SurveyFigure(Doc):
    """A self-reported survey figure (Stack Overflow 2025): secondary to the published ranges."""

    name: str
    median: int
    n: int
    basis: Basis
    period: str
    sources: list[str]
    p25: int | None
    p75: int | None
    note: str | None
    secondary: bool
    self_reported: bool


class Figure(Doc):
    """A market figure from the article or a cited source; `value_high` makes it a range."""

    id: str
    name: str
    value: float
    unit: Unit
    period: str
    sources: list[str]
    value_high: float | None
    via: str | None
    note: str | None


# --- compare -------------------------------------------------------------------------------------------------------


class PlaceOut(Doc):
    """The place the figures were moved to: the user's word (`id`), its name, and the BLS area used."""

    id: str
    name: str
    bls_area_code: str
    kind: str
    bls_area_name: str
    adjusts: bool
    method: str | None
    article_claim: str | None
    sources: list[str]


class Published(Doc):
    """The article's published base + equity range for the role, as printed."""

    low: int
    high: int
    open_top: bool
    period: str
    sources: list[str]


class LocalOccupation(Doc):
    """One occupation's BLS OEWS base wages in the requested place (or the state or nation it fell back to)."""

    soc: str
    title: str
    mapping_note: str
    requested: str
    area: str | None
    area_kind: str | None
    employment: int | None
    p10: int | None
    p25: int | None
    median: int | None
    p75: int | None
    p90: int | None
    national_median: int | None
    fallback: str
    basis: Literal["base wage"]
    period: str
    sources: list[str]


class LocalBlock(Doc):
    """The local / US ratio of BLS median wages that moves a range to a place (the method of every estimate)."""

    ratio_percentile: Literal["median"]
    ratio: float | None
    ratios: dict[str, float | None]
    socs: list[str]
    weights_national_employment: dict[str, int]
    notes: list[str]
    period: str
    sources: list[str]
    occupations: list[LocalOccupation]


class CompareRole(Doc):
    """One role's range: published, or an estimate (`estimate`: true) by `method`; nulls without a published one."""

    id: str
    name: str
    track: Track
    basis: Basis | None
    low: int | None
    high: int | None
    open_top: bool | None
    midpoint: int | None
    estimate: bool | None
    published: Published | None
    note: str | None
    method: str | None
    bls: LocalBlock | None
    survey_pay: list[SurveyFigure]
    trend: Trend


class ReferenceOccupation(Doc):
    """A BLS reference occupation, national, base wage."""

    id: str
    name: str
    short_name: str
    soc: str
    employment: int
    mean: int
    wages: Wages
    period: str
    sources: list[str]
    p90_open: bool
    median_prior: int | None
    note: str | None
    basis: Literal["base wage"]


class CompareDoc(Doc):
    """`aicareer compare --json`: salary ranges side by side."""

    reviewed: datetime.date
    data_period: str
    currency: Literal["USD"]
    location: PlaceOut | None
    level: Ref | None
    methods: list[str]
    notes: list[str]
    roles: list[CompareRole]
    reference: list[ReferenceOccupation]
    sources: list[SourceRecord]


# --- roles, role ---------------------------------------------------------------------------------------------------


class BlsMedian(Doc):
    """The national BLS OEWS median base wage of a role's first mapped occupation."""

    soc: str
    name: str
    median: int
    period: str
    basis: Literal["base wage"]
    sources: list[str]


class RoleSummary(Doc):
    id: str
    name: str
    track: Track
    aliases: list[str]
    other_titles: list[str]
    salary: SalaryRange | None
    bls_base_median: BlsMedian | None


class RolesDoc(Doc):
    """`aicareer roles --json`: every role."""

    reviewed: datetime.date
    data_period: str
    roles: list[RoleSummary]
    sources: list[SourceRecord]


class SkillNote(Doc):
    """A skill by id and name, with the article's note about it for this role."""

    id: str
    name: str
    note: str | None


class RoleSkills(Doc):
    must_have: list[SkillNote]
    nice_to_have: list[SkillNote]


class RoleDetail(Doc):
    """The role as the data holds it (`sources`: ids of the records it cites), and its skills by name."""

    id: str
    name: str
    short_name: str
    track: Track
    must_have: list[str]
    nice_to_have: list[str]
    trend: Trend
    example: str
    sources: list[str]
    aliases: list[str]
    facts: list[Fact]
    skill_notes: dict[str, str]
    tools: list[str]
    hiring: list[str]
    other_titles: list[str]
    salary: SalaryRange | None
    occupations: list[OccupationLink]
    survey_pay: list[SurveyFigure]
    skills: RoleSkills


class Mapping(Doc):
    """Why the role maps to this occupation (O*NET)."""

    note: str
    sources: list[str]


class BlsBase(Doc):
    """A mapped occupation's national BLS OEWS base wages (null where BLS publishes none)."""

    soc: str
    name: str
    median: int | None
    p10: int | None
    p90: int | None
    area: Literal["national"]
    period: str
    basis: Literal["base wage"]
    sources: list[str]
    mapping: Mapping


class RoleDoc(Doc):
    """`aicareer role ID --json`: one role in full."""

    reviewed: datetime.date
    data_period: str
    role: RoleDetail
    bls_base: list[BlsBase]
    sources: list[SourceRecord]


# --- market, locations ---------------------------------------------------------------------------------------------


class AreaWage(Doc):
    area: str
    median: int
    employment: int


class MetroOccupation(Doc):
    """One occupation the roles map to (`roles`: their names): the metros paying most and employing most."""

    soc: str
    title: str
    roles: list[str]
    national_median: int | None
    national_employment: int | None
    by_median: list[AreaWage]
    by_employment: list[AreaWage]


class OccupationMetros(Doc):
    period: str | None
    sources: list[str]
    basis: Literal["base wage"]
    occupations: list[MetroOccupation]


class MarketDoc(Doc):
    """`aicareer market --json`: the market figures, hotspots, industries and BLS metro wages."""

    reviewed: datetime.date
    data_period: str
    figures: list[Figure]
    hotspots: list[Hotspot]
    metro_medians: MetroMedians
    industries: list[Industry]
    adjustments: Adjustments
    occupation_metros: OccupationMetros
    sources: list[SourceRecord]


class PlaceFound(Doc):
    name: str
    kind: str
    bls_area_code: str
    states: list[str]
    note: str | None


class LocationsDoc(Doc):
    """`aicareer locations [QUERY] --json`: the BLS areas a place name can mean."""

    query: str | None
    count: int
    data_period: str
    places: list[PlaceFound]


# --- assess --------------------------------------------------------------------------------------------------------


class Answers(Doc):
    """The answers the assessment used (ids: background, skills, interests, location, industries)."""

    background: str
    experience_years: int
    skills: list[str]
    interests: list[str]
    location: str
    hours_per_week: int
    industries: list[str]
    salary_goal: int | None
    relevant_years: int | None


class AssessMethod(Doc):
    weights: Weights
    level: str
    location: str
    described_in: str


class Reason(Doc):
    """A reason for the score: `+` for, `-` against, `·` neutral."""

    sign: Literal["+", "-", "·"]
    text: str


class SkillGap(Doc):
    """A skill the person lacks for the role: `skill` is its id; `weight` its importance in the fit."""

    skill: str
    name: str
    kind: str
    weight: float
    learn_hours_estimate: int
    note: str | None


class SkillHave(Doc):
    skill: str
    name: str
    kind: str


class MatchSalary(Doc):
    """The role's range for the person's level (id) and location (id); an estimate when adjusted."""

    low: int
    high: int
    open_top: bool
    basis: str
    estimate: bool
    level: str
    location: str
    sources: list[str]


class MatchLevel(Doc):
    """The person's pay level for this role and why (relevant years, skill coverage, or --level)."""

    id: str
    name: str
    why: str
    overridden: bool


class Match(Doc):
    """A role (`role`: its id) with its fit score 0-100 and why."""

    rank: int
    role: str
    name: str
    score: int
    components: dict[str, float | None]
    reasons: list[Reason]
    gaps: list[SkillGap]
    have: list[SkillHave]
    salary: MatchSalary | None
    level: MatchLevel | None
    next: list[str]
    top: bool


class AssessNote(Doc):
    text: str
    figure: Figure | None


class AssessDoc(Doc):
    """`aicareer assess --json`: the roles ranked by fit."""

    reviewed: datetime.date
    data_period: str
    answers: Answers
    level: str
    method: AssessMethod
    matches: list[Match]
    notes: list[AssessNote]
    profile: str | None
    sources: list[SourceRecord]


# --- roadmap -------------------------------------------------------------------------------------------------------


class Pacing(Doc):
    hours_per_week: int
    total_hours: int
    months: int
    months_needed: float
    fits_in_12_months: bool
    hours_per_week_for_12_months: int | None
    hours_are: str


class EventMonth(Doc):
    """The plan month (1 = the first) in which an event (`event`: its id) falls."""

    event: str
    name: str | None
    plan_month: int


class CertificationOut(Doc):
    """A certification a task names: current or retired (with the day it was retired), price in USD."""

    id: str
    name: str
    status: Literal["current", "retired"]
    retired_on: datetime.date | None
    price_usd: int | None
    price_approximate: bool
    note: str | None
    sources: list[str]


class Edition(Doc):
    """An edition of an event whose dates a source gives."""

    year: int
    first_day: datetime.date
    last_day: datetime.date
    place: str
    sources: list[str]


class EventOut(Doc):
    """A recurring conference a task names: the month it usually falls in and the cited editions."""

    id: str
    name: str
    usual_month: int
    dates: list[Edition]
    note: str | None
    sources: list[str]


class ResourceOut(Doc):
    name: str
    url: str


class PlanTaskOut(Doc):
    """A task of the plan; `month` is the plan month it ends in; `mark` is done, skipped or null."""

    id: str
    title: str
    kind: TaskKind
    hours: int
    roadmap_hours: int
    stage: int | None
    month: int | None
    skills: list[str]
    status: str
    reason: str | None
    mark: str | None
    certifications: list[CertificationOut]
    events: list[EventOut]
    resources: list[ResourceOut]


class MonthEvent(Doc):
    """An event in a plan month (`year`, `month`: its calendar month): its cited edition's days (`cited`:
    true), else only the month it usually falls in."""

    id: str
    name: str
    year: int
    month: int
    cited: bool
    first_day: datetime.date | None
    last_day: datetime.date | None
    place: str | None
    sources: list[str]
    text: str


class Work(Doc):
    """Hours of a task (`task`: its id) done in this month; `part` of `parts` when it spans months."""

    task: str
    title: str
    hours: float
    part: int
    parts: int


class PlanMonthOut(Doc):
    """A card of the plan: one calendar month, or `count` months spent on one long task."""

    number: int
    count: int
    name: str | None
    phase: Ref
    goal: str
    stages: list[int]
    deliverable: str | None
    hours: float
    first_day: datetime.date | None
    last_day: datetime.date | None
    milestones: list[str]
    events: list[MonthEvent]
    work: list[Work]
    tasks: list[PlanTaskOut]


class RoadmapDoc(Doc):
    """`aicareer roadmap --format json`: the personal plan, month by month."""

    reviewed: datetime.date
    data_period: str
    track: Ref
    background: str
    start: datetime.date | None
    headline: str
    pacing: Pacing
    event_months: list[EventMonth]
    tasks: list[PlanTaskOut]
    months: list[PlanMonthOut]
    sources: list[SourceRecord]


# --- progress ------------------------------------------------------------------------------------------------------


class PlanBrief(Doc):
    """The saved plan: `track` is its id, `track_name` its name (null in plans saved before names were kept)."""

    track: str | None
    track_name: str | None
    background: str | None
    start: str | None
    hours_per_week: int | None
    saved: str | None
    paced_from: str | None
    replanned: str | None


class WeekTask(Doc):
    id: str
    title: str
    hours: float
    task_hours: int


class Today(Doc):
    """Where today falls against the plan's pace."""

    date: datetime.date
    paced_from: datetime.date
    month: int | None
    month_name: str | None
    state: str
    done_hours: float
    expected_hours: float
    difference_hours: float
    difference_weeks: float
    this_week: list[WeekTask]


class ProgressMonth(Doc):
    number: int
    name: str | None
    done_hours: float
    total_hours: float
    share: float


class TaskRef(Doc):
    id: str
    title: str | None


class TaskMark(Doc):
    id: str
    title: str | None
    mark: str


class ProgressDoc(Doc):
    """`aicareer progress --json`: how far along the saved plan the person is."""

    plan: PlanBrief
    today: Today | None
    done_hours: float
    total_hours: float
    share: float
    done_tasks: int
    skipped_tasks: int
    open_tasks: int
    months: list[ProgressMonth]
    next: list[TaskRef]
    marks: list[TaskMark]


# --- offer ---------------------------------------------------------------------------------------------------------


class AmountOrPercent(Doc):
    value: float
    percent: bool


class Vesting(Doc):
    yearly: list[float]
    monthly: bool


class OfferInput(Doc):
    """The offer as given (`name`: its label in the offers file; role, location and level as typed)."""

    name: str
    base: float
    bonus: AmountOrPercent
    sign_on: float
    equity: float
    vesting: Vesting
    cliff: int
    refresh: float
    growth: float
    role: str | None
    location: str | None
    level: str | None


class YearPay(Doc):
    year: int
    base: float
    bonus: float
    sign_on: float
    cash: float
    grant: float
    refresh: float
    equity: float
    total: float


class Assumption(Doc):
    key: str
    text: str


class Range(Doc):
    low: int
    high: int
    open_top: bool
    basis: str
    estimate: bool


class ArticleCheck(Doc):
    """Base + four-year average equity (`figure`) against the article's range for the role, level and place."""

    figure: float
    range: Range | None
    position: str
    method: list[str]
    note: str


class WageCheck(Doc):
    """The base salary against one occupation's BLS percentiles; `lower`/`upper`: [percentile, wage]."""

    soc: str
    occupation: str
    area: str | None
    percentile: int | None
    position: str
    lower: tuple[str, int] | None
    upper: tuple[str, int] | None
    fallback: str


class Placement(Doc):
    """The offer against the market: `article` and `wages` are null / empty without a role and a place."""

    name: str
    role: Ref | None
    place: str | None
    level: str | None
    article: ArticleCheck | None
    wages: list[WageCheck]
    period: str
    note: str
    sources: list[str]


class RankedOffer(Doc):
    rank: int
    name: str
    offer: OfferInput
    years: list[YearPay]
    total: float
    average: float
    difference: float
    difference_percent: float | None
    assumptions: list[Assumption]
    market: Placement


class OfferDoc(Doc):
    """`aicareer offer --json`: offers side by side over four years."""

    reviewed: datetime.date
    data_period: str
    currency: Literal["USD"]
    basis: str
    years: int
    offers: list[RankedOffer]
    common_assumptions: list[Assumption]
    saved_to: str | None
    sources: list[SourceRecord]


# --- gap ---------------------------------------------------------------------------------------------------------


class NotInCatalogue(Doc):
    name: str
    did_you_mean: list[str]


class FoundTerm(Doc):
    term: str
    name: str


class SkillSet(Doc):
    """What the user knows: vocabulary terms, the catalogue's learning skills, names not recognised."""

    terms: list[str]
    learning_skills: list[str]
    not_in_catalogue: list[NotInCatalogue]
    found_in_resume: list[FoundTerm]


class MissingSkill(Doc):
    skill: str
    name: str
    kind: str
    weight: float
    learn_hours_estimate: int
    why: str


class RoleGap(Doc):
    """The role (`role`: its id) against the user's skills; `coverage` 0-1 of the weighted skills."""

    role: str
    name: str
    known_from: str
    coverage: float
    have: list[SkillHave]
    missing: list[MissingSkill]
    hours_to_close_estimate: int


class Requirement(Doc):
    terms: list[str]
    name: str
    section: str
    weight: float
    known: bool
    learning_skills: list[str]


class PostingCoverage(Doc):
    requirement_lines: int
    lines_with_a_known_skill: int
    unread_lines: list[str]
    unknown_terms: list[str]


class PostingGap(Doc):
    """A job posting against the user's skills; `role_fit`: role id -> share of the posting's skills."""

    posting: str
    known_from: str
    match: float
    shown_match: float
    match_caveat: str | None
    requirements: list[Requirement]
    coverage: PostingCoverage
    keywords_to_add: list[str]
    best_role: str | None
    best_role_name: str | None
    role_fit: dict[str, float]


class GapDoc(Doc):
    """`aicareer gap --json`: `role_gap` with a role, `posting` with --job (either or both)."""

    reviewed: datetime.date
    data_period: str
    your_skills: SkillSet
    role_gap: RoleGap | msgspec.UnsetType = msgspec.UNSET
    posting: PostingGap | msgspec.UnsetType = msgspec.UNSET
    sources: list[SourceRecord] = []


# --- profile, data validate ----------------------------------------------------------------------------------------


class SavedPlan(Doc):
    track: str | None
    start: str | None
    tasks: int
    done: int
    skipped: int


class SavedFile(Doc):
    name: str
    path: str
    bytes: int
    holds: str


class ProfileShowDoc(Doc):
    """`aicareer profile show --json`: what is saved (`top`: role ids of the last assessment)."""

    folder: str
    saved: str | None
    answers: dict[str, Any] | None
    top: list[str]
    plan: SavedPlan | None
    files: list[SavedFile]


class ProfilePathDoc(Doc):
    """`aicareer profile path --json`."""

    folder: str


class ProfileResetDoc(Doc):
    """`aicareer profile reset --yes --json`: the files deleted."""

    folder: str
    deleted: list[str]


class DataValidateDoc(Doc):
    """`aicareer data validate --json`: every problem, with file and line."""

    folder: str
    ok: bool
    problems: list[str]


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

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "docs" / "json-schema"


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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
