"""The plan as Markdown and JSON-ready data, and the one dispatch from a format to its text."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from aicareer.catalogue.index import Catalogue
from aicareer.core.safe_text import printable
from aicareer.domain.roadmap import Plan
from aicareer.render.roadmap_text import (
    STATUS_NOTE,
    free_lines,
    headline,
    month_heading,
    month_pace,
    pacing_text,
    piece_hours,
    task_details,
)

FORMATS = ("table", "markdown", "json", "ics")

_AUTOLINK = re.compile(r"<(https?://[^\s<>]+)>")
_LINK_END = re.compile(r"\](?=[(\[:])")  # the "](" or "][" that would close a link's text


def md_inline(text: str) -> str:
    """Text from data made inert inside one Markdown line: newlines become spaces (no
    injected heading, list item or checked task), HTML is escaped (no raw <script>),
    a "](" that would close a link is escaped (no injected link), control characters are
    shown as escapes. An autolink <https://...> that the plan text carries stays a link."""
    text = " ".join(printable(str(text), one_line=True).splitlines())
    parts = _AUTOLINK.split(text)  # even: text; odd: the address inside <...>
    return "".join(f"<{md_url(part)}>" if i % 2 else
                   _LINK_END.sub(r"\\]", part).replace("<", "&lt;").replace(">", "&gt;")
                   for i, part in enumerate(parts))


def md_url(url: str) -> str:
    """An address for <...>: no space, angle bracket or control character can end it early."""
    return re.sub(r"[\s<>\x00-\x1f\x7f-\x9f]", lambda m: f"%{ord(m.group()):02X}", url)


def markdown(cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str]) -> str:
    esc = md_inline
    start = f", starting {plan.start:%B %Y}" if plan.start else ""
    out = [f"# {esc(headline(plan))}", "", f"From {esc(background_label.lower())}{start}.", "",
           esc(pacing_text(plan.pacing)), ""]
    if plan.retired_certifications:
        out += ["> **Note:** the article recommends AWS Certified Machine Learning – Specialty, which AWS retired "
                "on 31 March 2026. The certification step names current options.", ""]
    phase = None
    for m in plan.months:
        if m.phase.id != phase:
            phase = m.phase.id
            out += [f"## {esc(m.phase.name)}", ""]
        out += [f"### {esc(month_heading(m))}", ""]
        pace = month_pace(m)
        if pace:
            out += [f"*{esc(pace)}*", ""]
        out += [f"**Goal:** {esc(m.goal)}", ""]
        rows = [(p.task, piece_hours(p), p.part == 1) for p in m.pieces]
        rows += [(t, f"{t.hours} h", True) for t in m.known]
        for t, hours, first in rows:
            mark = marks.get(t.id)
            box_ = "x" if mark == "done" or t.status == "known" else " "
            title = f"~~{esc(t.title)}~~" if t.status == "known" else esc(t.title)
            note = f" *({STATUS_NOTE[t.status]})*" if t.status in STATUS_NOTE else ""
            skipped = " *(skipped)*" if mark == "skipped" else ""
            out.append(f"- [{box_}] `{t.id.replace('`', '')}` {title} ({hours}, {t.kind}){note}{skipped}")
            if first:
                out += [f"  - {_linked(line)}" for line in task_details(plan, t)]
        for line in free_lines(m):
            out += ["", esc(line)]
        if m.deliverable:
            out += ["", f"**Deliverable:** {esc(m.deliverable)}"]
        out.append("")
        if m.milestones:
            out += [f"**Milestones:** {'; '.join(esc(x) for x in m.milestones)}", ""]
    out += ["---", "", "Hours are editorial estimates of focused work. Sources:", ""]
    ids = ["article"] + [s for t in plan.tasks for c in t.certifications for s in c.sources]
    ids += [s for t in plan.tasks for e in t.events for s in e.sources]
    for src in cat.cited(ids):
        url = f" <{md_url(src.url)}>" if src.url else ""
        out.append(f"- [{esc(src.id)}] {esc(src.title)} ({esc(src.period)}; {esc(src.kind)}){url}")
    out += ["", f"Data as of {cat.reviewed.isoformat()}. Made with aicareer.", ""]
    return "\n".join(out)


def _linked(line: str) -> str:
    """'Resources: A <https://a>; B <https://b>' as Markdown links."""
    if not line.startswith("Resources: "):
        return md_inline(line)
    links = []
    for part in line.removeprefix("Resources: ").split("; "):
        name, _, url = part.rpartition(" <")
        links.append(f"[{md_inline(name)}]({md_url(url.rstrip('>'))})" if name else md_inline(part))
    return "Resources: " + "; ".join(links)


def as_data(cat: Catalogue, plan: Plan, marks: Mapping[str, str]) -> dict[str, Any]:
    """The plan as JSON-ready data: the one shape lives in render.json_shapes."""
    from aicareer.render import json_shapes

    return json_shapes.roadmap(cat, plan, marks)


def render(fmt: str, cat: Catalogue, plan: Plan, background_label: str, marks: Mapping[str, str], *,
           now: datetime.datetime, calendar: Any = None, saved_to: str | None = None) -> Any:
    """The plan in one format: a rich renderable for 'table', text for 'markdown' and 'json',
    bytes for 'ics' (`calendar`: a render.ics.CalendarOptions)."""
    if fmt == "markdown":
        return markdown(cat, plan, background_label, marks)
    if fmt == "json":
        import json

        return json.dumps(as_data(cat, plan, marks), indent=2, ensure_ascii=False) + "\n"
    if fmt == "ics":
        from aicareer.render import ics

        return ics.calendar(plan, now, calendar or ics.CalendarOptions())
    from aicareer.render.roadmap_view import roadmap_view

    return roadmap_view(cat, plan, background_label, marks, saved_to)
