"""Typed, immutable models of the bundled data (one Struct per YAML shape).

msgspec validates while it converts: wrong types, missing fields and unknown
keys are rejected with the path of the field, which the loader turns into a
file-and-line message.
"""


import datetime
from typing import Literal

import msgspec


class Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for every data model."""


# --- sources -------------------------------------------------------------------

SourceKind = Literal["article", "primary", "secondary", "editorial"]


class Source(Model, frozen=True):
    id: str
    title: str
    publisher: str
    period: str
    kind: SourceKind
    url: str | None = None
    note: str | None = None


class SourcesFile(Model, frozen=True):
    reviewed: datetime.date
    sources: tuple[Source, ...]


# --- skills --------------------------------------------------------------------


class OnetFlag(Model, frozen=True):
    occupation: str
    hot: bool
    in_demand: bool


class Category(Model, frozen=True):
    id: str
    name: str


class Skill(Model, frozen=True):
    id: str
    name: str
    category: str
    learn_hours: int
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    onet: tuple[OnetFlag, ...] = ()


class SkillsFile(Model, frozen=True):
    reviewed: datetime.date
    categories: tuple[Category, ...]
    skills: tuple[Skill, ...]


# --- roles ---------------------------------------------------------------------

Track = Literal["technical", "applied"]
Basis = Literal["base+equity", "base wage", "total compensation"]
Unit = Literal["percent", "percent_change", "usd", "count"]


class SalaryRange(Model, frozen=True):
    low: int
    high: int
    basis: Basis
    period: str
    sources: tuple[str, ...]
    open_top: bool = False
    note: str | None = None

    @property
    def midpoint(self) -> int:
        return (self.low + self.high) // 2


class Fact(Model, frozen=True):
    text: str
    period: str
    sources: tuple[str, ...]
    value: float | None = None
    unit: Unit | None = None
    via: str | None = None


class Trend(Model, frozen=True):
    demand: str
    summary: str
    detail: str


class OccupationLink(Model, frozen=True):
    """A BLS/SOC occupation whose wages stand for a role, and why (the mapping's source)."""

    soc: str
    note: str
    sources: tuple[str, ...] = ()


class SurveyPay(Model, frozen=True):
    """A cited survey figure of pay (e.g. Stack Overflow 2025 US total compensation by developer type)."""

    label: str
    median: int
    n: int
    basis: Basis
    period: str
    sources: tuple[str, ...]
    p25: int | None = None
    p75: int | None = None
    note: str | None = None


class Role(Model, frozen=True):
    id: str
    name: str
    short_name: str
    track: Track
    must_have: tuple[str, ...]
    nice_to_have: tuple[str, ...]
    trend: Trend
    example: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    skill_notes: dict[str, str] = {}
    tools: tuple[str, ...] = ()
    hiring: tuple[str, ...] = ()
    other_titles: tuple[str, ...] = ()
    salary: SalaryRange | None = None
    occupations: tuple[OccupationLink, ...] = ()
    survey_pay: tuple[SurveyPay, ...] = ()


class RolesFile(Model, frozen=True):
    reviewed: datetime.date
    roles: tuple[Role, ...]


# --- reference occupations (BLS) ----------------------------------------------


class Wages(Model, frozen=True):
    p10: int
    p25: int
    median: int
    p75: int
    p90: int


class Occupation(Model, frozen=True):
    id: str
    name: str
    short_name: str
    soc: str
    employment: int
    mean: int
    wages: Wages
    period: str
    sources: tuple[str, ...]
    p90_open: bool = False
    median_prior: int | None = None
    note: str | None = None


class OccupationsFile(Model, frozen=True):
    reviewed: datetime.date
    occupations: tuple[Occupation, ...]


# --- market --------------------------------------------------------------------


class Figure(Model, frozen=True):
    id: str
    label: str
    value: float
    unit: Unit
    period: str
    sources: tuple[str, ...]
    value_high: float | None = None
    via: str | None = None
    note: str | None = None


class Hotspot(Model, frozen=True):
    id: str
    name: str
    summary: str
    sources: tuple[str, ...]
    rank: int | None = None


class Metro(Model, frozen=True):
    name: str
    median: int
    employment: int


class MetroMedians(Model, frozen=True):
    occupation: str
    national_median: int
    period: str
    sources: tuple[str, ...]
    metros: tuple[Metro, ...]


class Employer(Model, frozen=True):
    name: str
    focus: str
    roles: tuple[str, ...] = ()


class Industry(Model, frozen=True):
    id: str
    name: str
    status: Literal["hiring", "cooling"]
    sources: tuple[str, ...]
    summary: str | None = None
    employers: tuple[Employer, ...] = ()


class LocationAdjustment(Model, frozen=True):
    id: str
    name: str
    premium_low: float
    premium_high: float
    method: str
    sources: tuple[str, ...]


class LevelAdjustment(Model, frozen=True):
    id: str
    name: str
    band_low: float
    band_high: float
    method: str


class Adjustments(Model, frozen=True):
    locations: tuple[LocationAdjustment, ...]
    levels: tuple[LevelAdjustment, ...]


class MarketFile(Model, frozen=True):
    reviewed: datetime.date
    figures: tuple[Figure, ...]
    hotspots: tuple[Hotspot, ...]
    metro_medians: MetroMedians
    industries: tuple[Industry, ...]
    adjustments: Adjustments


# --- assessment: questions and scoring -------------------------------------------

QuestionKind = Literal["select", "checkbox", "integer", "skills"]


class Choice(Model, frozen=True):
    id: str
    label: str
    synonyms: tuple[str, ...] = ()  # other words people use for it ("pm", "swe"); matched ignoring case


class Question(Model, frozen=True):
    id: str
    kind: QuestionKind
    prompt: str
    required: bool
    choices: tuple[Choice, ...] = ()
    choices_from: Literal["industries", "locations"] | None = None
    default: str | int | None = None
    #: in the questionnaire, the default is the answer to this question when it was given
    default_from: str | None = None
    min: int | None = None
    max: int | None = None
    help: str | None = None


class QuestionsFile(Model, frozen=True):
    reviewed: datetime.date
    questions: tuple[Question, ...]


class Weights(Model, frozen=True):
    skills: float
    interests: float
    background: float
    salary: float


class MustHaveWeight(Model, frozen=True):
    first: float
    last: float


class LevelYears(Model, frozen=True):
    mid_from: int
    senior_from: int


class When(Model, frozen=True):
    location: str | None = None
    industries: tuple[str, ...] = ()
    track: Track | None = None


class NoteRule(Model, frozen=True):
    text: str
    when: When | None = None
    figure: str | None = None


class ScoringFile(Model, frozen=True):
    reviewed: datetime.date
    weights: Weights
    must_have_weight: MustHaveWeight
    nice_to_have_weight: float
    levels: LevelYears
    interests: dict[str, dict[str, float]]
    backgrounds: dict[str, dict[str, float]]
    notes: tuple[NoteRule, ...] = ()


# --- roadmaps --------------------------------------------------------------------


TaskKind = Literal["learn", "practice", "project", "exam", "network", "apply"]
"""learn: a skill the person already knows may skip it. The other kinds are never
skipped by a known skill (practice, project, exam, network, apply)."""


class Resource(Model, frozen=True):
    """An official page or free course for a task, with its address (a fact to cite)."""

    name: str
    url: str

    def __post_init__(self) -> None:
        if not self.url.startswith("https://"):
            raise ValueError(f"resource url must start with https://, got {self.url!r}")


class Task(Model, frozen=True):
    id: str
    title: str
    hours: int
    kind: TaskKind
    skills: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    tracks: tuple[str, ...] = ()
    certifications: tuple[str, ...] = ()
    events: tuple[str, ...] = ()


class Month(Model, frozen=True):
    month: int
    goal: str
    deliverable: str
    tasks: tuple[Task, ...]


class Phase(Model, frozen=True):
    id: str
    name: str
    first: int
    last: int


class EventDates(Model, frozen=True):
    """One edition of an event whose dates a source gives (source: a sources.yaml id)."""

    year: int
    start: datetime.date
    end: datetime.date
    place: str
    source: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        if self.start.year != self.year:
            raise ValueError(f"year {self.year} does not match start {self.start}")


class Event(Model, frozen=True):
    """A recurring conference: the month it usually falls in, plus the editions with cited dates.

    Editions not listed have no confirmed dates: show "usually in <month>; check the dates".
    """

    id: str
    name: str
    usual_month: int
    sources: tuple[str, ...]
    dates: tuple[EventDates, ...] = ()
    note: str | None = None

    @property
    def month(self) -> int:
        """Compatibility with code written for the old single `month:` field."""
        return self.usual_month

    @property
    def when(self) -> str:
        """Compatibility text for the old `when:` field; it never names a year."""
        if not 1 <= self.usual_month <= 12:
            return "dates not known; check the conference's site"
        return f"usually in {_MONTH_NAMES[self.usual_month - 1]}; check the dates"

    def edition(self, year: int) -> EventDates | None:
        """The cited dates of the edition held in `year`, if a source gives them."""
        return next((d for d in self.dates if d.year == year), None)


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")


class Certification(Model, frozen=True):
    id: str
    name: str
    status: Literal["current", "retired"]
    sources: tuple[str, ...]
    note: str = ""
    price_usd: int | None = None
    price_approximate: bool = False
    retired_on: datetime.date | None = None


class RoadmapsFile(Model, frozen=True):
    reviewed: datetime.date
    phases: tuple[Phase, ...]
    foundation: dict[str, tuple[Month, ...]]
    specialization: dict[str, tuple[Month, ...]]
    later: tuple[Month, ...]
    events: tuple[Event, ...] = ()
    certifications: tuple[Certification, ...] = ()


# --- recognition vocabulary (data/vocabulary.yaml) ------------------------------
# What the tool can RECOGNISE in a posting, a resume or --skills. Not the learning
# catalogue: a term links to a skills.yaml entry with `skill` where one exists.


class VocabularySource(Model, frozen=True):
    title: str
    publisher: str
    url: str
    license: str | None = None
    file: str | None = None
    occupations: tuple[str, ...] = ()


class Term(Model, frozen=True):
    id: str
    name: str
    category: str
    sources: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    skill: str | None = None  # the skills.yaml id that teaches it
    ambiguous: bool = False  # also ordinary English: counts only in a technical context
    case_sensitive: bool = False  # only the capitalisation of name/aliases counts
    onet: str | tuple[str, ...] | None = None


class VocabularyFile(Model, frozen=True):
    reviewed: datetime.date
    sources: dict[str, VocabularySource]
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
