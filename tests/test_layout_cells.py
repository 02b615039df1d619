"""Layout in terminal cells: wide characters, titles that never cut a number, empty zero bars,
whole URLs as hyperlinks (issue 18)."""

from __future__ import annotations

import io

import pytest
from rich.cells import cell_len
from rich.console import Console

from aicareer.render.bars import RangeBar
from aicareer.render.card import Card, Paragraph
from aicareer.render.common import SourceList
from aicareer.render.grid import Col, Grid, fit_cells, wrap_cells

CHINESE = "机器学习工程师（大语言模型与智能体）"  # 19 characters, 38 cells


def draw(renderable, width: int, **console) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, **console).print(renderable, crop=False)
    return out.getvalue()


def test_wrap_measures_cells_not_characters():
    lines = wrap_cells(f"{CHINESE} then some words", 20)
    assert all(cell_len(line) <= 20 for line in lines), lines
    assert "".join(lines).replace(" ", "") == f"{CHINESE}thensomewords"


def test_a_number_stays_with_its_unit():
    assert wrap_cells("Month 1 · Foundation · 42 h, ~1.2 months at your pace", 30) == [
        "Month 1 · Foundation · 42 h,", "~1.2 months at your pace"]
    assert "32" not in wrap_cells("a b c d e f g h 32 h", 17)[0]  # "32 h" moves down whole


def test_a_cut_ends_in_an_ellipsis():
    assert fit_cells("~1.2 months", 8) == "~1.2 mo…"
    assert fit_cells(CHINESE, 9) == "机器学习…" and cell_len(fit_cells(CHINESE, 9)) == 9
    assert fit_cells("32 h", 4) == "32 h"


@pytest.mark.parametrize("width", [24, 40, 60, 80])
def test_card_title_wraps_and_keeps_every_number(width):
    title = "Month 1 · Jan 2027 · Foundation · 32 h, ~1.2 months at your pace"
    text = draw(Card(title, [Paragraph([(f"{CHINESE} body", "")])]), width)
    lines = text.splitlines()
    assert all(cell_len(line) == width for line in lines), [cell_len(line) for line in lines]
    flat = " ".join(line.strip("╭╮│╰╯─ ") for line in lines)
    assert "32 h" in flat and "~1.2 months" in flat


def test_grid_with_wide_names_fits_the_width():
    grid = Grid([Col("Role"), Col("Pay", wrap=False, justify="right")],
                [(CHINESE, "$150k–$350k+"), ("ML Engineer", "$150k")], title=f"{CHINESE} 标题")
    for width in (30, 40, 80):
        lines = draw(grid, width).splitlines()
        assert max(cell_len(line) for line in lines) <= width, (width, lines)


@pytest.mark.parametrize("value, blocks", [(0, 0), (0.4, 1), (50, 5), (100, 10)])
def test_zero_draws_no_block_and_anything_more_at_least_one(value, blocks):
    bar = RangeBar(0, value, (0, 100)).render(10)
    assert bar.plain.count("█") == blocks


def test_a_range_bar_on_a_shared_scale_still_draws_its_cells():
    assert RangeBar(100, 100, (0, 200)).render(11).plain.strip() == "█"


SOURCES = SourceList([("article", "An article (2025; article)", None),
                      ("onet", "O*NET 30.3 Database (May 2026; primary)", "https://www.onetcenter.org/database.html"),
                      ("long", "A long address (2023; secondary)", "https://example.org/" + "x" * 90)])


def test_a_url_is_whole_on_its_own_line_when_it_fits():
    lines = draw(SOURCES, 80).splitlines()
    assert lines[0] == "Sources"
    url_lines = [line for line in lines if "onetcenter" in line]
    assert len(url_lines) == 1 and url_lines[0].strip() == "https://www.onetcenter.org/database.html"
    assert all(cell_len(line) <= 80 for line in lines)
    # longer than the terminal: pieces of the full width, nothing lost
    assert "".join(line for line in lines if line.startswith(("https://example", "x"))) == \
        "https://example.org/" + "x" * 90


def test_a_url_is_a_terminal_hyperlink_only_in_a_terminal():
    out = io.StringIO()
    Console(file=out, width=80, force_terminal=True, color_system="truecolor").print(SOURCES)
    assert "\x1b]8;" in out.getvalue() and "https://www.onetcenter.org/database.html" in out.getvalue()
    assert "\x1b]8;" not in draw(SOURCES, 80)  # piped: plain text


def test_card_url_is_a_link_in_every_piece():
    card = Card("Links", [Paragraph([("Resources: docs <https://example.org/" + "y" * 60 + ">", "")], hang=2)])
    out = io.StringIO()
    Console(file=out, width=40, force_terminal=True, color_system="truecolor").print(card)
    assert out.getvalue().count("\x1b]8;id=") >= 2  # the address cut in pieces, each linked


# --- through the command line, with a custom role named in Chinese ---------------------------


@pytest.fixture
def chinese_data(overlay):
    from tests.test_loader import role_yaml, track_yaml

    return overlay({"roles.yaml": role_yaml(id="zh", name=CHINESE), "roadmaps.yaml": track_yaml("zh")})


CASES = [(args, columns) for args in (["roles"], ["role", "zh"], ["compare"], ["compare", "zh", "mle"])
         for columns in (40, 80, 120)]


@pytest.mark.parametrize("args, columns", CASES)
def test_a_chinese_role_name_never_pushes_a_line_past_the_terminal(run, chinese_data, columns, args):
    r = run(*args, "--data-dir", str(chinese_data), env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.output
    assert CHINESE[:4] in r.stdout
    widest = max(cell_len(line) for line in r.stdout.splitlines())
    assert widest <= columns, (args, columns, widest)


def test_gap_with_no_skills_draws_no_bar(run):
    r = run("gap", "mle", "--skills", "", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    coverage = next(line for line in r.stdout.splitlines() if line.startswith("Coverage"))
    assert coverage.rstrip().endswith("0%") and "█" not in coverage
