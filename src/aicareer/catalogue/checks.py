"""Cross-reference checks: every problem typing alone cannot catch (dangling ids, bad
ranges, name clashes), located by file, list key, item id and field."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import msgspec

from aicareer.catalogue.index import Catalogue
from aicareer.catalogue.names import clashes, norm
from aicareer.catalogue.wages import WageTable
from aicareer.core.suggest import closest


class Problem(msgspec.Struct, frozen=True):
    """A cross-reference problem, located by file, list key, item id and field."""

    file: str
    section: str
    item: str
    field: str
    message: str


MAX_NAME = 100
"""The longest skill name or alias (the longest bundled one has under 50 characters); the
skill matcher builds one regex from them all, and a name of hundreds of characters
would nest it past Python's recursion limit."""


# --- cross-reference checks ------------------------------------------------------


def cross_check(cat: Catalogue) -> list[Problem]:
    """Every problem that typing alone cannot catch: dangling ids, bad ranges, clashes."""
    return [*_cross_check(cat), *role_reach_checks(cat)]


def _cross_check(cat: Catalogue) -> Iterator[Problem]:
    sources, skills = cat.sources, cat.skills
    categories = {c.id for c in cat.skills_file.categories}

    def bad_sources(file: str, section: str, item: str, fld: str, ids: Iterable[str]) -> Iterator[Problem]:
        for sid in ids:
            if sid not in sources:
                yield Problem(file, section, item, fld, f"unknown source id {sid!r}{_hint(sid, sources)}")

    yield from _duplicates("sources.yaml", "sources", [s.id for s in cat.sources_file.sources])
    yield from _duplicates("skills.yaml", "categories", [c.id for c in cat.skills_file.categories])
    yield from _duplicates("skills.yaml", "skills", [s.id for s in cat.skills_file.skills])
    yield from _duplicates("roles.yaml", "roles", [r.id for r in cat.roles_file.roles])
    yield from _duplicates("occupations.yaml", "occupations", [o.id for o in cat.occupations_file.occupations])

    owner: dict[str, str] = {}
    for skill in cat.skills_file.skills:
        if skill.category not in categories:
            yield Problem("skills.yaml", "skills", skill.id, "category",
                          f"unknown category {skill.category!r}{_hint(skill.category, categories)}")
        if skill.learn_hours <= 0:
            yield Problem("skills.yaml", "skills", skill.id, "learn_hours", "must be a positive number of hours")
        yield from bad_sources("skills.yaml", "skills", skill.id, "sources", skill.sources)
        for fld, name in (("id", skill.id), ("name", skill.name), *(("aliases", a) for a in skill.aliases)):
            if len(name) > MAX_NAME:
                yield Problem("skills.yaml", "skills", skill.id, fld,
                              f"is {len(name)} characters long; a skill name or alias has at most {MAX_NAME}")
        for name in (skill.id, skill.name, *skill.aliases):
            key = norm(name)
            if owner.setdefault(key, skill.id) != skill.id:
                yield Problem("skills.yaml", "skills", skill.id, "aliases",
                              f"name {name!r} is also used by skill {owner[key]!r}")

    role_owner: dict[str, str] = {}
    for role in cat.roles_file.roles:
        sal = role.salary
        if sal is not None:
            if sal.low <= 0 or sal.high <= 0:
                yield Problem("roles.yaml", "roles", role.id, "salary", "low and high must be positive whole dollars")
            if sal.low > sal.high:
                yield Problem("roles.yaml", "roles", role.id, "salary",
                              f"low ({sal.low}) is above high ({sal.high})")
            yield from bad_sources("roles.yaml", "roles", role.id, "salary.sources", sal.sources)
        for link in role.occupations:
            yield from bad_sources("roles.yaml", "roles", role.id, "occupations.sources", link.sources)
        for pay in role.survey_pay:
            yield from bad_sources("roles.yaml", "roles", role.id, "survey_pay.sources", pay.sources)
        yield from bad_sources("roles.yaml", "roles", role.id, "sources", role.sources)
        for i, fact in enumerate(role.facts):
            yield from bad_sources("roles.yaml", "roles", role.id, f"facts[{i}].sources", fact.sources)
        for fld in ("must_have", "nice_to_have"):
            for sid in getattr(role, fld):
                if sid not in skills:
                    yield Problem("roles.yaml", "roles", role.id, fld, f"unknown skill id {sid!r}{_hint(sid, skills)}")
        both = set(role.must_have) & set(role.nice_to_have)
        if both:
            yield Problem("roles.yaml", "roles", role.id, "nice_to_have",
                          f"{', '.join(sorted(both))} also listed in must_have")
        listed = set(role.must_have) | set(role.nice_to_have)
        for sid in role.skill_notes:
            if sid not in listed:
                yield Problem("roles.yaml", "roles", role.id, "skill_notes",
                              f"note for {sid!r}, which is not among the role's skills")
        for name in (role.id, role.name, role.short_name, *role.aliases):
            key = norm(name)
            if role_owner.setdefault(key, role.id) != role.id:
                yield Problem("roles.yaml", "roles", role.id, "aliases",
                              f"name {name!r} is also used by role {role_owner[key]!r}")

    for occ in cat.occupations_file.occupations:
        w = occ.wages
        if not (0 < w.p10 <= w.p25 <= w.median <= w.p75 <= w.p90):
            yield Problem("occupations.yaml", "occupations", occ.id, "wages",
                          "percentiles must be positive and rise: p10 <= p25 <= median <= p75 <= p90")
        yield from bad_sources("occupations.yaml", "occupations", occ.id, "sources", occ.sources)

    market = cat.market
    yield from _duplicates("market.yaml", "figures", [f.id for f in market.figures])
    yield from _duplicates("market.yaml", "industries", [i.id for i in market.industries])
    for fig in market.figures:
        yield from bad_sources("market.yaml", "figures", fig.id, "sources", fig.sources)
        if fig.value_high is not None and fig.value_high < fig.value:
            yield Problem("market.yaml", "figures", fig.id, "value_high", "is below value")
    for spot in market.hotspots:
        yield from bad_sources("market.yaml", "hotspots", spot.id, "sources", spot.sources)
    yield from bad_sources("market.yaml", "metro_medians", "", "sources", market.metro_medians.sources)
    for ind in market.industries:
        yield from bad_sources("market.yaml", "industries", ind.id, "sources", ind.sources)
        for emp in ind.employers:
            for rid in emp.roles:
                if rid not in cat.roles:
                    yield Problem("market.yaml", "industries", ind.id, "employers.roles",
                                  f"unknown role id {rid!r}{_hint(rid, cat.roles)}")
    for loc in market.adjustments.locations:
        if loc.premium_low > loc.premium_high:
            yield Problem("market.yaml", "adjustments.locations", loc.id, "premium_low", "is above premium_high")
        if loc.premium_low <= -100:
            yield Problem("market.yaml", "adjustments.locations", loc.id, "premium_low", "must be above -100")
        yield from bad_sources("market.yaml", "adjustments.locations", loc.id, "sources", loc.sources)
    yield from _check_assessment(cat)
    yield from _check_roadmaps(cat)
    for lvl in market.adjustments.levels:
        if not (0.0 <= lvl.band_low < lvl.band_high <= 1.0):
            yield Problem("market.yaml", "adjustments.levels", lvl.id, "band_low",
                          "bands must satisfy 0 <= band_low < band_high <= 1")


def _check_assessment(cat: Catalogue) -> Iterator[Problem]:
    yield from _duplicates("questions.yaml", "questions", [q.id for q in cat.questions_file.questions])
    required = {"background", "experience_years", "skills", "interests", "location", "hours_per_week"}
    for missing in sorted(required - set(cat.questions)):
        yield Problem("questions.yaml", "questions", "", "id", f"the assessment needs a question {missing!r}")
    order = [q.id for q in cat.questions_file.questions]
    for q in cat.questions_file.questions:
        if q.default_from is not None and q.default_from not in order[:order.index(q.id)]:
            yield Problem("questions.yaml", "questions", q.id, "default_from",
                          f"{q.default_from!r} is not a question asked before {q.id!r}")
        if q.kind in ("select", "checkbox") and not cat.choices(q):
            yield Problem("questions.yaml", "questions", q.id, "choices", f"a {q.kind} question needs choices")
        if q.kind == "integer" and q.min is not None and q.max is not None and q.min > q.max:
            yield Problem("questions.yaml", "questions", q.id, "min", "is above max")
    sc = cat.scoring
    if sum((sc.weights.skills, sc.weights.interests, sc.weights.background, sc.weights.salary)) <= 0:
        yield Problem("scoring.yaml", "weights", "", "skills", "the weights must add up to more than 0")
    questions = cat.questions
    for key, table in (("interests", sc.interests), ("backgrounds", sc.backgrounds)):
        question = questions.get("interests" if key == "interests" else "background")
        valid = {c for c, _ in cat.choices(question)} if question else set()
        for choice, affinities in table.items():
            if valid and choice not in valid:
                yield Problem("scoring.yaml", key, "", choice, f"{choice!r} is not a choice of the question")
            for rid, value in affinities.items():
                if rid not in cat.roles:
                    yield Problem("scoring.yaml", key, "", choice, f"unknown role id {rid!r}{_hint(rid, cat.roles)}")
                if not 0.0 <= value <= 1.0:
                    yield Problem("scoring.yaml", key, "", choice, f"affinity {value} is not between 0 and 1")
    figures = {f.id for f in cat.market.figures}
    for n, rule in enumerate(sc.notes):
        if rule.figure and rule.figure not in figures:
            yield Problem("scoring.yaml", "notes", "", f"[{n}].figure",
                          f"unknown market figure {rule.figure!r}{_hint(rule.figure, figures)}")
        for ind in rule.when.industries if rule.when else ():
            if ind not in cat.industries:
                yield Problem("scoring.yaml", "notes", "", f"[{n}].when.industries",
                              f"unknown industry {ind!r}{_hint(ind, cat.industries)}")


def _check_roadmaps(cat: Catalogue) -> Iterator[Problem]:
    rm = cat.roadmaps
    covered = sorted(m for p in rm.phases for m in range(p.first, p.last + 1))
    if covered != list(range(1, 13)):
        yield Problem("roadmaps.yaml", "phases", "", "first", "the phases must cover months 1 to 12 once each")
    certs = {c.id for c in rm.certifications}
    events = {e.id for e in rm.events}
    seen: dict[str, str] = {}
    groups = [("foundation", k, v, (1, 3)) for k, v in rm.foundation.items()]
    groups += [("specialization", k, v, (4, 6)) for k, v in rm.specialization.items()]
    groups.append(("later", "", rm.later, (7, 12)))
    background_q = cat.questions.get("background")
    backgrounds = {c for c, _ in cat.choices(background_q)} if background_q else set()
    for section, key, months, (first, last) in groups:
        where = f"{section}.{key}" if key else section
        if section == "foundation" and backgrounds and key not in backgrounds:
            yield Problem("roadmaps.yaml", "foundation", "", key, f"{key!r} is not a background of the questionnaire")
        if section == "specialization" and key not in cat.roles:
            yield Problem("roadmaps.yaml", "specialization", "", key, f"unknown role id {key!r}{_hint(key, cat.roles)}")
        numbers = [m.month for m in months]
        if sorted(numbers) != list(range(first, last + 1)):
            yield Problem("roadmaps.yaml", where, "", "month",
                          f"months must be {first} to {last} once each, got {numbers}")
        for month in months:
            for task in month.tasks:
                if task.id in seen:
                    yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                  f"task id {task.id!r} is also used in {seen[task.id]}")
                seen.setdefault(task.id, f"{where} month {month.month}")
                if task.hours <= 0:
                    yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                  f"task {task.id!r}: hours must be positive")
                for sid in task.skills:
                    if sid not in cat.skills:
                        yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                      f"task {task.id!r}: unknown skill id {sid!r}{_hint(sid, cat.skills)}")
                for rid in task.tracks:
                    if rid not in cat.roles:
                        yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                      f"task {task.id!r}: unknown track {rid!r}{_hint(rid, cat.roles)}")
                for cid in task.certifications:
                    if cid not in certs:
                        yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                      f"task {task.id!r}: unknown certification {cid!r}{_hint(cid, certs)}")
                for eid in task.events:
                    if eid not in events:
                        yield Problem("roadmaps.yaml", where, "", f"month {month.month}",
                                      f"task {task.id!r}: unknown event {eid!r}{_hint(eid, events)}")
    for event in rm.events:
        if not 1 <= event.month <= 12:
            yield Problem("roadmaps.yaml", "events", event.id, "month", f"{event.month} is not a month (1-12)")
        for sid in event.sources:
            if sid not in cat.sources:
                yield Problem("roadmaps.yaml", "events", event.id, "sources", f"unknown source id {sid!r}")
    for cert in rm.certifications:
        for sid in cert.sources:
            if sid not in cat.sources:
                yield Problem("roadmaps.yaml", "certifications", cert.id, "sources", f"unknown source id {sid!r}")


# --- roles reach every command (issue 13) ---------------------------------------------


def role_reach_checks(cat: Catalogue) -> Iterator[Problem]:
    """What passes typing yet leaves a role or an answer unreachable (each check below)."""
    yield from _roles_without_track(cat)
    yield from _answers_nothing_reads(cat)
    yield from _title_clashes(cat)
    yield from _socs_without_wages(cat)


def _roles_without_track(cat: Catalogue) -> Iterator[Problem]:
    """A role with no specialization months: `roadmap --track` and `report` would fail for it."""
    for role in cat.roles_file.roles:
        if role.id not in cat.roadmaps.specialization:
            yield Problem("roles.yaml", "roles", role.id, "id",
                          f"role {role.id!r} has no roadmap track: add specialization.{role.id} "
                          "(months 4 to 6) to roadmaps.yaml")


def _answers_nothing_reads(cat: Catalogue) -> Iterator[Problem]:
    """A choice of the questionnaire that no table reads: the answer would be dropped silently."""
    interests_q, background_q = cat.questions.get("interests"), cat.questions.get("background")
    if interests_q is not None:
        for choice, _ in cat.choices(interests_q):
            if choice not in cat.scoring.interests:
                yield Problem("questions.yaml", "questions", "interests", "choices",
                              f"interest {choice!r} has no affinity row in scoring.yaml interests: "
                              "nothing reads the answer")
    if background_q is not None:
        for choice, _ in cat.choices(background_q):
            if choice not in cat.scoring.backgrounds:
                yield Problem("questions.yaml", "questions", "background", "choices",
                              f"background {choice!r} has no affinity row in scoring.yaml backgrounds: "
                              "the assessment ignores it")
            if choice not in cat.roadmaps.foundation:
                yield Problem("questions.yaml", "questions", "background", "choices",
                              f"background {choice!r} has no foundation months in roadmaps.yaml: "
                              "its roadmap cannot be built")


def _title_clashes(cat: Catalogue) -> Iterator[Problem]:
    """An other title (or a part of "X (Y)") that two roles claim, or that is also another role's name."""
    names = [(n, r.id) for r in cat.roles_file.roles for n in (r.id, r.name, r.short_name, *r.aliases)]
    titles = [(t, r.id) for r in cat.roles_file.roles for t in r.other_titles]
    for title, rid, other in clashes([*names, *titles]):
        if (title, rid) in titles:
            yield Problem("roles.yaml", "roles", rid, "other_titles",
                          f"title {title!r} is also claimed by role {other!r}")


def _socs_without_wages(cat: Catalogue) -> Iterator[Problem]:
    """An occupation code the bundled BLS wage table does not hold (read from its small meta.json, so a
    catalogue load never parses the table itself)."""
    try:
        national = WageTable.open().meta.occupations
    except (OSError, ValueError):
        return  # the wage table itself is checked where it is built (tools/build_wages.py)
    for occ in cat.occupations_file.occupations:
        if occ.soc not in national:
            yield Problem("occupations.yaml", "occupations", occ.id, "soc",
                          f"SOC {occ.soc!r} is not in the BLS wage table (data/wages){_hint(occ.soc, national)}")
    for role in cat.roles_file.roles:
        for link in role.occupations:
            if link.soc not in national:
                yield Problem("roles.yaml", "roles", role.id, "occupations",
                              f"SOC {link.soc!r} is not in the BLS wage table (data/wages){_hint(link.soc, national)}")


def _duplicates(file: str, section: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            yield Problem(file, section, i, "id", f"duplicate id {i!r}")
        seen.add(i)


def _hint(value: str, valid: Iterable[str]) -> str:
    near = closest(value, valid, n=1)
    return f" (did you mean {near[0]!r}?)" if near else ""
