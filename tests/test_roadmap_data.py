"""The bundled roadmap data (roadmaps.yaml): task kinds, addressed resources, event dates.

Loaded through the project's loader, as the CLI loads it. The model checks
(required kind, https addresses, event editions) are tested on small documents.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

import msgspec
import pytest

from aicareer.catalogue.models import Event, EventDates, Resource, Task

KINDS = {"learn", "practice", "project", "exam", "network", "apply"}


def all_tasks(cat) -> list[Task]:
    rm = cat.roadmaps
    months = [m for ms in rm.foundation.values() for m in ms]
    months += [m for ms in rm.specialization.values() for m in ms]
    months += list(rm.later)
    return [t for m in months for t in m.tasks]


def test_every_task_has_a_kind(cat):
    tasks = all_tasks(cat)
    assert len(tasks) > 50
    assert {t.kind for t in tasks} <= KINDS
    # every kind is used: the data does not collapse everything into one
    assert {t.kind for t in tasks} == KINDS


def test_the_issue_examples_are_not_learn_tasks(cat):
    # issue 16: these were skipped because a related skill was known; none is a learning task
    kinds = {t.id: t.kind for t in all_tasks(cat)}
    assert kinds["cert-study"] == "exam"
    assert kinds["cert-exam"] == "exam"
    assert kinds["aipm-ab"] == "practice"
    assert kinds["aipm-review"] in {"practice", "project"}
    assert kinds["net-conference"] == "network"
    assert all(kinds[t] == "apply" for t in ("js-apply-10", "js-apply-11", "js-apply-12"))


def test_every_learn_task_has_an_addressed_resource(cat):
    missing = [t.id for t in all_tasks(cat) if t.kind == "learn" and not t.resources]
    assert missing == []


def test_every_resource_has_a_name_and_an_https_address(cat):
    resources = [r for t in all_tasks(cat) for r in t.resources]
    assert resources
    for r in resources:
        assert r.name.strip(), r
        assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?", r.url), r.url


def test_task_ids_are_unique(cat):
    counts = Counter(t.id for t in all_tasks(cat))
    assert [tid for tid, n in counts.items() if n > 1] == []


def test_every_event_can_be_placed_in_any_year(cat):
    """An event whose cited editions are all past still has a usual month to fall back on."""
    today = datetime.date.today()
    for event in cat.roadmaps.events:
        assert 1 <= event.usual_month <= 12, event.id
        if all(d.end < today for d in event.dates):  # also true with no dates at all
            assert event.usual_month, event.id


def test_event_dates_are_cited_and_consistent(cat):
    for event in cat.roadmaps.events:
        assert set(event.sources) <= set(cat.sources), event.id
        years = [d.year for d in event.dates]
        assert len(years) == len(set(years)), f"{event.id}: one edition per year"
        for d in event.dates:
            assert d.source in cat.sources, (event.id, d.source)
            assert d.start <= d.end and d.start.year == d.year
            assert (d.end - d.start).days < 14, (event.id, d)
            # an edition is held in (or next to) its usual month
            assert min((d.start.month - event.usual_month) % 12, (event.usual_month - d.start.month) % 12) <= 1


def test_event_fallback_text_never_names_a_year(cat):
    for event in cat.roadmaps.events:
        assert not re.search(r"\b(19|20)\d\d\b", event.when), event.when
        assert event.month == event.usual_month


# --- the models themselves --------------------------------------------------------------


def test_a_task_without_kind_is_rejected():
    with pytest.raises(msgspec.ValidationError, match="kind"):
        msgspec.convert({"id": "x", "title": "X", "hours": 1}, Task)


def test_a_task_with_an_unknown_kind_is_rejected():
    with pytest.raises(msgspec.ValidationError, match="kind"):
        msgspec.convert({"id": "x", "title": "X", "hours": 1, "kind": "study"}, Task)


@pytest.mark.parametrize("url", ["http://docs.python.org/3/tutorial/", "docs.python.org", "ftp://x.org"])
def test_a_resource_address_must_be_https(url):
    with pytest.raises(msgspec.ValidationError, match="https"):
        msgspec.convert({"name": "Python tutorial", "url": url}, Resource)


def test_a_resource_is_not_a_bare_string():
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"id": "x", "title": "X", "hours": 1, "kind": "learn", "resources": ["PyTorch docs"]}, Task)


def test_event_dates_must_be_ordered_and_match_their_year():
    good = {"year": 2026, "start": "2026-07-06", "end": "2026-07-11", "place": "Seoul", "source": "icml-2026"}
    assert msgspec.convert(good, EventDates).end == datetime.date(2026, 7, 11)
    with pytest.raises(msgspec.ValidationError, match="before start"):
        msgspec.convert({**good, "end": "2026-07-01"}, EventDates)
    with pytest.raises(msgspec.ValidationError, match="does not match"):
        msgspec.convert({**good, "year": 2027}, EventDates)


def test_event_edition_finds_only_a_cited_year():
    event = msgspec.convert({"id": "icml", "name": "ICML", "usual_month": 7, "sources": ["icml"], "dates": [
        {"year": 2026, "start": "2026-07-06", "end": "2026-07-11", "place": "Seoul", "source": "icml-2026"}]}, Event)
    assert event.edition(2026).place == "Seoul"
    assert event.edition(2027) is None
    assert event.when == "usually in July; check the dates"


def test_the_old_event_fields_are_rejected():
    with pytest.raises(msgspec.ValidationError, match="month|usual_month"):
        msgspec.convert({"id": "e", "name": "E", "month": 7, "when": "July", "sources": []}, Event)
