"""The one-page report's content and chart geometry, from the same domain results the
CLI prints (Assessment, RoleGap, Plan): nothing is computed a second time. Pure."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from aicareer.catalogue.index import Catalogue
from aicareer.core.fmt import money, money_range
from aicareer.domain.assessment import Assessment
from aicareer.domain.gaps import RoleGap, why
from aicareer.domain.offers import Offer
from aicareer.domain.roadmap import Plan
from aicareer.render.report.offers import OffersSection, saved_offers_section

WIDTH = 640  # the SVG's own units; it scales to the page
LABEL = 170  # room for the labels left of the bars


@dataclass(frozen=True)
class Bar:
    label: str
    x: float
    y: float
    width: float
    text: str
    kind: str = ""  # a CSS class: top, estimate, have, missing, done...


@dataclass(frozen=True)
class Chart:
    title: str
    height: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Band:
    x: float
    width: float
    label: str
    kind: str


@dataclass(frozen=True)
class Timeline:
    bands: tuple[Band, ...]
    months: tuple[Bar, ...]  # one per month: width = share done of the cell
    cell: float
    height: float


@dataclass(frozen=True)
class ReportModel:
    title: str
    person: str | None
    made_on: str
    data_as_of: str
    fit: Chart
    reasons: tuple[tuple[str, int, tuple[tuple[str, str], ...]], ...]  # role, score, (sign, text)
    salary: Chart
    salary_methods: tuple[str, ...]
    gap_role: str
    gap: Chart
    gap_missing: tuple[tuple[str, str, str, int], ...]  # skill, kind, why, hours
    timeline: Timeline
    plan_title: str
    pacing: str
    months: tuple[dict[str, object], ...]
    notes: tuple[str, ...]
    sources: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    offers: OffersSection | None = None  # the saved offers (aicareer offer --save): offers.html.j2
    inputs: tuple[tuple[str, str], ...] = ()  # (what, value): the answers the page was made from
    flags: tuple[tuple[str, str], ...] = ()  # ("--location", "sf"): fills "--location ..." in commands


def fit_chart(result: Assessment) -> Chart:
    span = WIDTH - LABEL - 50
    bars = tuple(
        Bar(m.role.short_name, LABEL, 10 + 30 * i, span * m.score / 100, str(m.score),
            "top" if i < result.top else "")
        for i, m in enumerate(result.matches))
    ticks = tuple((LABEL + span * t / 100, str(t)) for t in (0, 25, 50, 75, 100))
    return Chart("Fit score, 0 to 100", 30 * len(bars) + 30, bars, ticks)


def salary_chart(result: Assessment) -> Chart:
    """The published (or estimated) base + equity ranges. A role without a published range is left out,
    and the note names it: no range is drawn that no source publishes."""
    pays = [(m.role.short_name, m.pay) for m in result.matches if m.pay is not None]
    left_out = [m.role.short_name for m in result.matches if m.pay is None]
    out_note = (f"left out, no published base+equity range (BLS base wages: aicareer role ID): {', '.join(left_out)}"
                if left_out else "")
    if not pays:
        return Chart("Pay, base + equity, US dollars a year", 30, (), (), out_note or "no published range")
    lo = 0  # an honest axis: from zero, so bar lengths compare
    hi = -(-max(p.high + (25_000 if p.open_top else 0) for _, p in pays) // 50_000) * 50_000
    span = WIDTH - LABEL - 110  # room for the range written after the longest bar
    scale = span / (hi - lo)
    bars = tuple(
        Bar(name, LABEL + (p.low - lo) * scale, 10 + 30 * i, (p.high - p.low) * scale,
            ("≈" if p.estimate else "") + money_range(p.low, p.high, p.open_top),
            "estimate" if p.estimate else "published")
        for i, (name, p) in enumerate(pays))
    ticks = tuple((LABEL + (v - lo) * scale, money(v)) for v in range(lo, hi + 1, 50_000))
    note = (f"≈ estimates for {result.level.name.lower()}, {result.location.name}"
            if any(p.estimate for _, p in pays) else "as published")
    return Chart("Pay, base + equity, US dollars a year", 30 * len(bars) + 30, bars, ticks,
                 f"{note}; {out_note}" if out_note else note)


def gap_chart(cat: Catalogue, gap: RoleGap) -> Chart:
    needs = sorted(gap.needs, key=lambda n: (-n.weight, n.skill.name))
    top = max((n.weight for n in needs), default=1.0)
    span = WIDTH - LABEL - 120  # room for "missing · ~40 h" after the longest bar
    bars = tuple(
        Bar(n.skill.name.split(" (")[0], LABEL, 8 + 22 * i, span * n.weight / top,
            "have" if n.known else f"missing · ~{n.skill.learn_hours} h", "have" if n.known else "missing")
        for i, n in enumerate(needs))
    return Chart(f"{gap.role.short_name}: skills by importance ({round(gap.coverage * 100)}% covered)",
                 22 * len(bars) + 20, bars)


def timeline(plan: Plan, marks: Mapping[str, str]) -> Timeline:
    """A cell per plan month; a card of several months is one bar as wide as its months; the
    phase bands follow the cards' phases. Fill: the share of the card's hours marked done."""
    total = max((m.last for m in plan.months), default=1)
    cell = WIDTH / total
    bands: list[Band] = []
    for m in plan.months:
        if bands and bands[-1].kind == m.phase.id:
            last = bands[-1]
            bands[-1] = Band(last.x, last.width + cell * m.count, last.label, last.kind)
        else:
            bands.append(Band((m.number - 1) * cell, cell * m.count, m.phase.name, m.phase.id))
    named = []
    for band in bands:
        fits = int(band.width / 8.5)  # about 8.5 units a character at the band's font size
        name = band.label if len(band.label) <= fits else band.label[: max(0, fits - 1)].rstrip() + "…"
        named.append(Band(band.x, band.width, name, band.kind))
    months = []
    for m in plan.months:
        active = [p for p in m.pieces if marks.get(p.task.id) != "skipped"]
        hours = sum(p.hours for p in active)
        done = sum(p.hours for p in active if marks.get(p.task.id) == "done")
        share = done / hours if hours else 0.0
        label = f"M{m.number}" if m.start is None else m.start.strftime("%b")
        months.append(Bar(label, (m.number - 1) * cell, 0, cell * m.count * share, f"{round(m.hours)} h",
                          m.phase.id))
    return Timeline(tuple(named), tuple(months), cell, 70)


def build(cat: Catalogue, result: Assessment, gap: RoleGap, plan: Plan, marks: Mapping[str, str],
          pacing: str, person: str | None, today: datetime.date, offers: Sequence[Offer] = ()) -> ReportModel:
    from aicareer.render.roadmap_text import FREE_MONTH, task_details  # plain strings, no rich

    reasons = tuple((m.role.name, m.score, tuple((r.sign, r.text) for r in m.reasons))
                    for m in result.top_matches)
    methods = []
    if any(m.pay is not None and m.pay.estimate for m in result.matches):
        methods.append(f"{result.level.name} (from {result.answers.experience_years} years): {result.level.method}")
        if result.location.premium_low or result.location.premium_high:
            methods.append(f"{result.location.name}: {result.location.method}")
        methods.append("estimates are rounded to the nearest $1,000")
    months = tuple({
        "heading": m.numbers + ("" if m.start is None else f" · {m.label}"),
        "phase": m.phase.name, "phase_id": m.phase.id, "goal": m.goal, "deliverable": m.deliverable,
        "hours": round(m.hours), "milestones": list(m.milestones), "free": FREE_MONTH if m.hours == 0 else "",
        "tasks": [{"id": t.id, "title": t.title, "hours": t.hours, "status": t.status,
                   "mark": marks.get(t.id, "known" if t.status == "known" else ""),
                   "details": task_details(plan, t)} for t in m.tasks],
    } for m in plan.months)
    ids = ["article", *[s for n in result.notes if n.figure for s in n.figure.sources],
           *result.location.sources, *[s for t in plan.tasks for c in t.certifications for s in c.sources],
           *[s for t in plan.tasks for e in t.events for s in e.sources]]
    sources = tuple((s.id, f"{s.title} ({s.period}; {s.kind})" + (f" {s.url}" if s.url else ""))
                    for s in cat.cited(ids))
    return ReportModel(
        title="Your AI career plan",
        person=person,
        made_on=today.isoformat(),
        data_as_of=cat.reviewed.isoformat(),
        fit=fit_chart(result),
        reasons=reasons,
        salary=salary_chart(result),
        salary_methods=tuple(methods),
        gap_role=gap.role.name,
        gap=gap_chart(cat, gap),
        gap_missing=tuple((n.skill.name, n.kind, why(cat, gap.role, n), n.skill.learn_hours) for n in gap.missing),
        timeline=timeline(plan, marks),
        plan_title=f"The article's 12-month plan at your pace: {plan.pacing.months} months at "
                   f"{plan.pacing.hours_per_week} h a week · {plan.track.name}",
        pacing=pacing,
        months=months,
        notes=tuple(n.full_text for n in result.notes),
        sources=sources,
        offers=saved_offers_section(cat, offers),
        inputs=inputs(cat, result),
        flags=(("--location", result.location.id), ("--level", result.level.id)),
    )


def inputs(cat: Catalogue, result: Assessment) -> tuple[tuple[str, str], ...]:
    """The answers behind the page, in words, for its top."""
    a = result.answers
    labels = {q: dict(cat.choices(cat.questions[q])) for q in ("background", "interests") if q in cat.questions}
    skills = [cat.skills[s].name.split(" (")[0] for s in a.skills if s in cat.skills]
    return (
        ("Location", result.location.name),
        ("Level", f"{result.level.name} (from {a.experience_years} years of experience)"),
        ("Hours a week", str(a.hours_per_week)),
        ("Background", labels.get("background", {}).get(a.background, a.background)),
        ("Skills you have", ", ".join(skills) if skills else "none given"),
        ("Interests", ", ".join(labels.get("interests", {}).get(i, i) for i in a.interests) or "none given"),
        ("Salary goal", money(a.salary_goal) if a.salary_goal else "none given"),
    )
