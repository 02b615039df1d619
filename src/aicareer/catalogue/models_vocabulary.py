"""Models of vocabulary.yaml, the recognition vocabulary (re-exported by catalogue/models.py)."""

import datetime

from aicareer.catalogue.model_base import Model
from aicareer.catalogue.models_roles import Category

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
    not_in: tuple[str, ...] = ()  # phrases in which the word is never this term ("RAG status")


class VocabularyFile(Model, frozen=True):
    reviewed: datetime.date
    sources: dict[str, VocabularySource]
    categories: tuple[Category, ...]
    terms: tuple[Term, ...]
