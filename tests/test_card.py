"""The card's word wrap keeps styles, indents, and never overflows its width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from aicareer.render.card import Card, Paragraph


def plain(lines):
    return ["".join(t for t, _ in line) for line in lines]


def test_wrap_keeps_words_styles_and_hanging_indent():
    p = Paragraph([("Goal: ", "bold"), ("a fairly long goal that wraps", "")], hang=2)
    lines = list(p.lines(16))
    assert plain(lines) == ["Goal: a fairly", "  long goal that", "  wraps"]
    assert lines[0][0] == ("Goal:", "bold")


def test_first_line_indent_and_a_word_longer_than_the_line_is_cut():
    p = Paragraph([("↳ ", "dim"), ("x" * 25, "")], indent=2, hang=4)
    text = plain(p.lines(12))
    assert text[0].startswith("  ↳ ") and all(len(t) <= 12 for t in text)
    assert "".join(text).replace("↳", "").replace(" ", "") == "x" * 25


@pytest.mark.parametrize("width", [20, 40, 80])
def test_card_lines_are_exactly_the_width(width):
    card = Card("Month 1 · a title longer than a narrow card", [Paragraph([("word " * 40, "")], hang=3)])
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(card)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("╭─") and lines[-1].startswith("╰")
    assert all(len(line) == width for line in lines), [len(line) for line in lines]
