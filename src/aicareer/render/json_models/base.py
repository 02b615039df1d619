"""The base of every --json model, and the vocabulary shared by all documents (docs/json.md)."""

from __future__ import annotations

import msgspec

from aicareer.catalogue.models import Basis, SourceKind, Unit


class Doc(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A part of a --json document: every key listed, none left out (a null stands for 'none')."""


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
