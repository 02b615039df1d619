"""A titled box of styled paragraphs, wrapped and drawn as segments (a cheaper rich Panel).

A paragraph is a list of (text, style) runs; its first line is indented by
`indent` spaces and its wrapped lines after the first by `hang` spaces. Twelve of these make the roadmap, where
rich's Panel and Text wrapping were most of the drawing time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from rich.cells import cell_len, chop_cells
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from aicareer.render.grid import wrap_cells

Run = tuple[str, str]

URL = re.compile(r"https?://[^\s<>]+")


def _cells(text: str) -> int:
    """Terminal cells of a piece of text: its length when it is printable ASCII (nearly every
    piece, and ten times quicker than asking rich)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def _link(part: str, style: str) -> str:
    """The style of a word, with a terminal hyperlink when the word is (or holds) a URL."""
    found = URL.search(part)
    if not found:
        return style
    return f"{style} link {found.group(0)}".strip()


def _is_url(word: list[Run]) -> bool:
    return any(URL.search(t) for t, _ in word)


class Paragraph:
    def __init__(self, runs: Sequence[Run], hang: int = 0, indent: int = 0) -> None:
        self.runs, self.hang, self.indent = list(runs), hang, indent

    def lines(self, width: int) -> Iterator[list[Run]]:
        """Greedy word wrap in terminal cells that keeps each run's style. A URL that does not fit
        the line starts a fresh one; one longer than a whole line is cut like any long word, but
        every piece is a terminal hyperlink to the whole address (where the terminal shows them)."""
        hang = min(self.hang, width // 2)
        words: list[list[Run]] = [[]]  # each word: its styled pieces; a space separates words
        for text, style in self.runs:
            for n, part in enumerate(text.split(" ")):
                if n:
                    words.append([])
                if part:
                    words[-1].append((part, _link(part, style)))

        def fresh() -> tuple[list[Run], int]:
            return ([(" " * hang, "")] if hang else []), hang

        indent = min(self.indent, width // 2)
        line: list[Run] = [(" " * indent, "")] if indent else []
        used, empty = indent, True
        for word in words:
            size = sum(_cells(t) for t, _ in word)
            if not size:
                continue
            fits_fresh = size <= width - hang
            if not empty and used + 1 + size > width and (fits_fresh or used + 2 > width or _is_url(word)):
                yield line
                (line, used), empty = fresh(), True
            if not empty:
                line.append((" ", ""))
                used += 1
            while size > width - used:  # cannot fit even on a line of its own: cut it
                room = width - used
                head, rest, left = [], [], room
                for t, st in word:
                    if left > 0:
                        cut = chop_cells(t, left)[0] if cell_len(t) > left else t
                        if not cut:  # a wide character with one cell left: take it to the next line
                            rest.append((t, st))
                            left = 0
                            continue
                        head.append((cut, st))
                        if len(cut) < len(t):
                            rest.append((t[len(cut):], st))
                        left -= cell_len(cut)
                    else:
                        rest.append((t, st))
                yield line + head
                (line, used), word = fresh(), rest
                size = sum(_cells(t) for t, _ in word)
            line += word
            used += size
            empty = False
        if line:
            yield line


def _merged(line: list[Run]) -> list[Run]:
    """Neighbouring runs of one style as one (a line's words and spaces are separate runs; each
    segment costs rich a pass through its render pipeline)."""
    out: list[Run] = []
    for text, style in line:
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + text, style)
        else:
            out.append((text, style))
    return out


class Card:
    def __init__(self, title: str, paragraphs: Sequence[Paragraph], border: str = "") -> None:
        self.title, self.paragraphs, self.border = title, list(paragraphs), border

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(20, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(20, options.max_width)
        inner = width - 4
        edge = console.get_style(self.border) if self.border else None
        # a title wider than the top edge wraps at spaces: its first line in the edge, the rest
        # inside the box, so nothing is cut ("32 h" stays "32 h")
        first, *more = wrap_cells(self.title, width - 6) if self.title else [""]
        title = f" {first} " if first else ""
        yield Segment("╭─" + title + "─" * (width - 3 - cell_len(title)) + "╮", edge)
        yield Segment.line()
        heading = [Paragraph([(line, "bold")]) for line in more]
        styles: dict[str, Style | None] = {"": None}
        plain = console.color_system is None  # not a terminal: styles and links are not drawn at all
        for paragraph in [*heading, *self.paragraphs]:
            for line in paragraph.lines(inner):
                used = sum(_cells(t) for t, _ in line)
                if plain:  # one segment per line: rich passes each segment through its whole pipeline
                    yield Segment("│ " + "".join(t for t, _ in line) + " " * (inner - used) + " │\n")
                    continue
                yield Segment("│ ", edge)
                for text, style in _merged(line):
                    if style not in styles:
                        styles[style] = console.get_style(style)
                    yield Segment(text, styles[style])
                yield Segment(" " * (inner - used) + " │", edge)
                yield Segment.line()
        yield Segment("╰" + "─" * (width - 2) + "╯", edge)
        yield Segment.line()
