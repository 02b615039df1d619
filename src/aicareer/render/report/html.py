"""The report as one self-contained HTML page, through Jinja2 with autoescaping on:
everything from the user or the data is escaped by the template engine.

The charts are drawn as HTML and CSS bars (not SVG) so their words stay at the page's
text size at any width: on a phone an SVG scaled to the screen shrank its labels to
about 4 px. The geometry still comes from model.py (Chart, Timeline, in the SVG's
units); here it only becomes percentages of the plot's width.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from aicareer.render.report.model import LABEL, WIDTH, Chart, ReportModel, Timeline

TEMPLATE = Path(__file__).resolve().parent / "report.html.j2"
URL = re.compile(r"<(https?://[^\s<>]+)>|(https?://[^\s<>]*[^\s<>.,;)])")
RETIRED = re.compile(r"^RETIRED (?P<day>[^:]+): (?P<name>.+?)\. (?P<rest>.*)$")
MAX_TICK_LABELS = 6  # more would crowd a phone-width axis


@dataclass(frozen=True)
class Row:
    label: str
    left: float  # per cent of the plot's width
    width: float
    text: str
    kind: str


@dataclass(frozen=True)
class Plot:
    title: str
    rows: tuple[Row, ...]
    ticks: tuple[tuple[float, str], ...]  # (per cent, label)
    note: str


def plot(chart: Chart) -> Plot:
    """A chart's bars and ticks as percentages of its plot area (from LABEL to the axis's end)."""
    right = max([x for x, _ in chart.ticks] + [b.x + b.width for b in chart.bars] + [LABEL + 1])
    span = right - LABEL

    def pct(x: float) -> float:
        return round(max(0.0, min(100.0, 100 * (x - LABEL) / span)), 2)

    rows = tuple(Row(b.label, pct(b.x), round(pct(b.x + b.width) - pct(b.x), 2), b.text, b.kind) for b in chart.bars)
    ticks = [(pct(x), label) for x, label in chart.ticks]
    step = max(1, -(-len(ticks) // MAX_TICK_LABELS))  # every step-th tick keeps its label
    shown = tuple((p, label if i % step == 0 else "") for i, (p, label) in enumerate(ticks))
    return Plot(chart.title, rows, shown, chart.note)


def timeline_cells(tl: Timeline) -> dict[str, object]:
    """The plan's timeline in per cent of the page width: phase bands and month cells."""
    bands = [{"left": round(100 * b.x / WIDTH, 2), "width": round(100 * b.width / WIDTH, 2), "label": b.label,
              "kind": b.kind} for b in tl.bands]
    months = [{"label": m.label, "done": round(100 * m.width / tl.cell, 1) if tl.cell else 0.0, "text": m.text,
               "kind": m.kind} for m in tl.months]
    return {"bands": bands, "months": months}


def linkify(text: str) -> Markup:
    """The text escaped, each web address in it a link that may wrap anywhere (never off the page)."""
    out, last = [], 0
    for found in URL.finditer(text):
        url = found.group(1) or found.group(2)
        out.append(escape(text[last:found.start()]))
        out.append(Markup('<a class="url" href="{0}">{0}</a>').format(url))
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def detail(text: str) -> tuple[str, str]:
    """A task detail and its CSS class. A retired certificate the plan does not recommend is an
    aside, not a warning: the page warns only about what it recommends."""
    found = RETIRED.match(text)
    if found:
        return (f"Not in this plan: {found['name']} (the article's pick; retired {found['day']}). "
                f"{found['rest']}", "detail aside")
    return text, "detail"


def fill_placeholders(text: str, flags: dict[str, str]) -> str:
    """A command with '...' for the person's own values gets those values ('--location sf')."""
    for flag, value in flags.items():
        text = text.replace(f"{flag} ...", f"{flag} {value}")
    return text


def render(model: ReportModel) -> str:
    import jinja2

    # the loader lets report.html.j2 include its sections (offers.html.j2)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(linkify=linkify, detail=detail)
    flags = dict(model.flags)
    env.filters["filled"] = lambda text: fill_placeholders(text, flags)
    plots = {"fit": plot(model.fit), "salary": plot(model.salary), "gap": plot(model.gap)}
    return env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        r=model, plots=plots, timeline=timeline_cells(model.timeline))
