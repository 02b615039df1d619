"""A titled box of styled paragraphs, wrapped and drawn as segments (a cheaper rich Panel).

A paragraph is a list of (text, style) runs; its first line is indented by
`indent` spaces and its wrapped lines after the first by `hang` spaces. Twelve of these make the roadmap, where
rich's Panel and Text wrapping were most of the drawing time.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

Run = tuple[str, str]


class Paragraph:
    def __init__(self, runs: Sequence[Run], hang: int = 0, indent: int = 0) -> None:
        self.runs, self.hang, self.indent = list(runs), hang, indent

    def lines(self, width: int) -> Iterator[list[Run]]:
        """Greedy word wrap that keeps each run's style; a word longer than a line is cut."""
        hang = min(self.hang, width // 2)
        words: list[list[Run]] = [[]]  # each word: its styled pieces; a space separates words
        for text, style in self.runs:
            for n, part in enumerate(text.split(" ")):
                if n:
                    words.append([])
                if part:
                    words[-1].append((part, style))

        def fresh() -> tuple[list[Run], int]:
            return ([(" " * hang, "")] if hang else []), hang

        indent = min(self.indent, width // 2)
        line: list[Run] = [(" " * indent, "")] if indent else []
        used, empty = indent, True
        for word in words:
            size = sum(len(t) for t, _ in word)
            if not size:
                continue
            fits_fresh = size <= width - hang
            if not empty and used + 1 + size > width and (fits_fresh or used + 2 > width):
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
                        head.append((t[:left], st))
                        if len(t) > left:
                            rest.append((t[left:], st))
                        left -= len(t)
                    else:
                        rest.append((t, st))
                yield line + head
                (line, used), word, size = fresh(), rest, size - room
            line += word
            used += size
            empty = False
        if line:
            yield line


class Card:
    def __init__(self, title: str, paragraphs: Sequence[Paragraph], border: str = "") -> None:
        self.title, self.paragraphs, self.border = title, list(paragraphs), border

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(20, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(20, options.max_width)
        inner = width - 4
        edge = console.get_style(self.border) if self.border else None
        title = f" {self.title} "[: width - 4]
        yield Segment("╭─" + title + "─" * (width - 3 - len(title)) + "╮", edge)
        yield Segment.line()
        for paragraph in self.paragraphs:
            for line in paragraph.lines(inner):
                used = sum(len(t) for t, _ in line)
                yield Segment("│ ", edge)
                for text, style in line:
                    yield Segment(text, console.get_style(style) if style else None)
                yield Segment(" " * (inner - used) + " │", edge)
                yield Segment.line()
        yield Segment("╰" + "─" * (width - 2) + "╯", edge)
        yield Segment.line()
