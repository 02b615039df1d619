"""The report as one self-contained HTML page, through Jinja2 with autoescaping on:
everything from the user or the data is escaped by the template engine."""

from __future__ import annotations

from pathlib import Path

from aicareer.render.report.model import ReportModel

TEMPLATE = Path(__file__).resolve().parent / "report.html.j2"


def render(model: ReportModel) -> str:
    import jinja2

    # the loader lets report.html.j2 include its sections (offers.html.j2)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE.parent), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(r=model)
