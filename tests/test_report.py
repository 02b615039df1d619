"""`aicareer report`: one self-contained HTML page with HTML/CSS charts, escaped, printable, readable
on a phone."""

from __future__ import annotations

import datetime
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aicareer.domain.assessment import assess, parse_answers
from aicareer.domain.roadmap import build_plan
from aicareer.render.report.model import fit_chart, salary_chart, timeline

PM = ("background: product-manager\nexperience_years: 7\nskills: [A/B testing, stakeholder management]\n"
      "interests: [product-strategy]\nlocation: nyc\nhours_per_week: 6\n")
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


class Page(HTMLParser):
    """Tags, attributes and text by section, enough to check structure."""

    def __init__(self) -> None:
        super().__init__()
        self.section: str | None = None
        self.tags: list[tuple[str, dict[str, str | None], str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        self.tags.append((tag, attrs, self.section))

    def handle_endtag(self, tag):
        if tag == "section":
            self.section = None

    def handle_data(self, data):
        self.text.append(data)

    def count(self, tag: str, section: str | None = None) -> int:
        return sum(1 for t, _, s in self.tags if t == tag and (section is None or s == section))


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def test_chart_geometry_follows_the_domain_results(cat):
    raw = {"background": "software-engineer", "experience_years": 6, "skills": "python, pytorch",
           "interests": ["build-models"], "location": "sf", "hours_per_week": 10}
    result = assess(cat, parse_answers(cat, raw))
    fit = fit_chart(result)
    widths = {b.label: b.width for b in fit.bars}
    a, b = result.matches[0], result.matches[1]
    assert widths[a.role.short_name] / widths[b.role.short_name] == pytest.approx(a.score / b.score)
    pay = salary_chart(result)
    first = next(bar for bar in pay.bars if bar.label == a.role.short_name)
    assert first.text.startswith("≈") and first.kind == "estimate"
    assert first.text.endswith(("k", "k+"))
    plan = build_plan(cat, "mle", hours_per_week=10)
    tl = timeline(plan, {"se-python": "done"})
    assert tl.months[0].width == pytest.approx(tl.cell * 30 / plan.months[0].hours)
    assert all(m.width == 0 for m in tl.months[1:])
    assert [band.kind for band in tl.bands] == ["foundation", "specialization", "certification", "job-search"]


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "answers.yaml"
    path.write_text(text)
    return str(path)


def make_report(run, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / "report.html"
    r = run("report", "--answers", write(tmp_path, PM), "-o", str(out), *extra)
    assert r.exit_code == 0, r.output
    return out.read_text()


def test_structure_one_chart_per_section_and_no_network(run, tmp_path):
    html = make_report(run, tmp_path)
    page = parse(html)
    for section in ("matches", "salary", "gap", "plan"):
        assert page.count("figure", section) == 1, section
    assert page.count("script") == 0 and page.count("svg") == 0
    for tag, attrs, _ in page.tags:  # nothing is fetched: no external src or stylesheet (a link is not fetched)
        assert not (attrs.get("src") or "").startswith(("http", "//")), (tag, attrs)
        if tag != "a":
            assert not (attrs.get("href") or "").startswith(("http", "//")), (tag, attrs)
        assert not (tag == "link" and attrs.get("rel") == "stylesheet")
    text = " ".join(page.text)
    for needle in ("Which AI role fits you", "AI Product Manager", "What it pays", "≈$", "Your skill gap",
                   "12-month plan", "Not in this plan: AWS Certified Machine Learning - Specialty", "Data as of",
                   "[article]"):
        assert needle in text, needle
    assert "@media print" in html and "viewport" in html


def test_user_and_data_text_is_escaped(run, tmp_path, overlay):
    from tests.test_loader import role_yaml, track_yaml

    folder = overlay({"roles.yaml": role_yaml(id="evil", name=HOSTILE.replace('"', "'")),
                      "roadmaps.yaml": track_yaml("evil")})
    html = make_report(run, tmp_path, "--name", HOSTILE, "--data-dir", str(folder))
    page = parse(html)
    assert page.count("script") == 0 and page.count("img") == 0
    assert not any("onerror" in attrs for _, attrs, _ in page.tags)
    assert HOSTILE in "".join(page.text)  # shown to the reader as text


def test_report_uses_the_saved_profile_and_progress(run, tmp_path):
    assert run("assess", "--answers", write(tmp_path, PM)).exit_code == 0
    assert run("roadmap", "-t", "aipm", "--start", "2027-03").exit_code == 0
    assert run("progress", "done", "pm-ai-course").exit_code == 0
    out = tmp_path / "mine.html"
    r = run("report", "-o", str(out))
    assert r.exit_code == 0, r.output
    text = " ".join(parse(out.read_text()).text)
    assert "Month 1 · Mar 2027" in text and "[x]" in text
    assert oct(out.stat().st_mode & 0o777) != "0o600"  # an export, not private state


def test_report_without_a_profile_or_with_bad_input(run, tmp_path):
    r = run("report", "-o", str(tmp_path / "r.html"))
    assert r.exit_code == 1 and "aicareer assess" in r.stderr  # nothing saved: a state problem, not bad input
    assert not (tmp_path / "r.html").exists()
    r = run("report", "--answers", write(tmp_path, PM), "-o", str(tmp_path / "no" / "r.html"))
    assert r.exit_code == 2 and "does not exist" in r.stderr
    r = run("report", "--answers", write(tmp_path, PM), "--track", "mlx", "-o", str(tmp_path / "r.html"))
    assert r.exit_code == 2 and "did you mean mle" in r.stderr


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_the_page_renders_in_headless_chromium(run, tmp_path):
    from PIL import Image

    make_report(run, tmp_path)
    shot = tmp_path / "shot.png"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,1600",
                    f"--screenshot={shot}", (tmp_path / "report.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    assert image.size == (1000, 1600)
    raw = image.resize((250, 400)).tobytes()
    pixels = [raw[i:i + 3] for i in range(0, len(raw), 3)]
    inked = sum(1 for p in pixels if sum(p) < 700) / len(pixels)
    colours = len(set(pixels))
    assert inked > 0.03, f"the page looks blank ({inked:.1%} of pixels not white)"
    assert colours > 20  # text and coloured charts, not one flat colour


def test_today_is_the_date_on_the_page(run, tmp_path):
    assert datetime.date.today().isoformat() in make_report(run, tmp_path)


def test_the_inputs_used_are_listed_at_the_top(run, tmp_path):
    html = make_report(run, tmp_path)
    top = html[html.index("<header>"):html.index("</header>")]
    for needle in ("<dt>Location</dt><dd>New York-Newark-Jersey City, NY-NJ</dd>",
                   "<dt>Level</dt><dd>Entry level for AI Product Manager: 7 years as a product manager; you hold 24%",
                   "<dt>Hours a week</dt><dd>6</dd>", "<dt>Background</dt><dd>Product manager</dd>"):
        assert needle in top, needle


def test_honest_axes_legends_and_labelled_bars(run, tmp_path):
    html = make_report(run, tmp_path)
    page = parse(html)
    salary = html[html.index('id="salary-chart"'):html.index("</figure>", html.index('id="salary-chart"'))]
    assert '<span style="left: 0.0%">$0</span>' in salary  # the pay axis starts at zero
    for legend in ("your top 2 matches", "≈ estimate for your level and place", "you have it",
                   "missing (hours to learn)"):
        assert legend in html, legend
    assert "how much the role relies on the skill" in html and "not how well you know it" in html
    assert page.count("ul", "salary") >= 1


def test_no_placeholders_and_urls_are_links_that_wrap(run, tmp_path):
    html = make_report(run, tmp_path)
    assert "--location ..." not in html and "--level ..." not in html
    assert "aicareer offer --offers offers.yaml" in html  # the plan's last task, a real command
    links = [attrs for tag, attrs, _ in parse(html).tags if tag == "a"]
    assert links and all(a.get("class") == "url" and (a.get("href") or "").startswith(("https://", "http://"))
                     for a in links)
    assert "a.url {" in html and "overflow-wrap: anywhere" in html
    assert "@media (max-width: 560px)" in html


def test_the_retired_certificate_is_an_aside_not_a_warning(run, tmp_path):
    html = make_report(run, tmp_path)
    assert 'class="detail retired"' not in html and "RETIRED" not in html
    assert '<span class="detail aside">Not in this plan:' in html


def test_a_zero_fit_draws_no_bar(run, tmp_path):
    html = make_report(run, tmp_path)
    fit = html[html.index('id="fit-chart"'):html.index("</figure>", html.index('id="fit-chart"'))]
    rows = fit.split('<div class="row">')[1:]
    zero = [row for row in rows if '">0</span>' in row]
    assert zero, "the PM answers give some role a fit of 0 (else this test proves nothing)"
    assert all('class="bar' not in row for row in zero)
    assert all('class="bar' in row for row in rows if '">0</span>' not in row and 'class="axis"' not in row)


def test_what_if_flags_override_the_answers(run, tmp_path):
    # the PM answers say nyc and 6 h a week; the flags ask what if Seattle at 10 h, mid level
    html = make_report(run, tmp_path, "--location", "seattle", "--level", "mid", "-w", "10")
    top = html[html.index("<header>"):html.index("</header>")]
    assert "<dt>Location</dt><dd>Seattle-Tacoma-Bellevue, WA</dd>" in top
    assert "<dt>Hours a week</dt><dd>10</dd>" in top
    assert "Mid level" in top and "set with --level" in top


def test_what_if_flags_are_checked_like_assess(run, tmp_path):
    r = run("report", "--answers", write(tmp_path, PM), "-o", str(tmp_path / "r.html"), "-w", "0")
    assert r.exit_code == 2 and "hours" in r.stderr
    r = run("report", "--answers", write(tmp_path, PM), "-o", str(tmp_path / "r.html"), "-l", "portland")
    assert r.exit_code == 2 and "ambiguous" in r.stderr


def test_every_assess_answer_has_a_what_if_flag(run, tmp_path):
    html = make_report(run, tmp_path, "--experience", "12", "--interests", "research", "--industries", "finance",
                       "--salary-goal", "300k", "--skills", "Python, PyTorch", "--background", "swe")
    top = html[html.index("<header>"):html.index("</header>")]
    for needle in ("<dt>Background</dt><dd>Software engineer</dd>", "<dt>Salary goal</dt><dd>$300k</dd>",
                   "PyTorch", "Research"):
        assert needle in top, needle
