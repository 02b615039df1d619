"""Models of questions.yaml and scoring.yaml (re-exported by catalogue/models.py)."""

import datetime
from typing import Literal

from aicareer.catalogue.model_base import Model
from aicareer.catalogue.models_roles import Track

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
