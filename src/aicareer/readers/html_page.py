"""HTML (a saved job page): visible text with headings on their own lines and list items as '- ' bullets.

Standard library only (html.parser). Scripts, styles, navigation and forms are
dropped. Many job boards render the page with JavaScript and put the posting
in a JSON-LD JobPosting block; when the visible text is thin, that
description is read instead.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

from aicareer.readers.plain import normalise

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "form", "button", "select", "iframe", "head"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "dl", "dt", "dd",
    "table", "tr", "blockquote", "pre", "figure", "figcaption", "address", "hr", "details", "summary",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_stack: list[str] = []  # open elements whose content is not shown
        self.list_depth = 0
        self.pre = 0
        self.title = ""
        self.in_title = False
        self.in_ld_json = False
        self.ld_json: list[str] = []
        self.cell_open = False

    def _newline(self, blank: bool = False) -> None:
        self.out.append("\n\n" if blank else "\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag == "script" and (dict(attrs).get("type") or "").lower() == "application/ld+json":
            self.in_ld_json = True
        attributes = dict(attrs)
        if self.skip_stack or tag in _SKIP or attributes.get("aria-hidden") == "true" or "hidden" in attributes:
            if tag not in _VOID:
                self.skip_stack.append(tag)
            return
        if tag in ("ul", "ol"):
            self.list_depth += 1
            self._newline()
        elif tag == "li":
            self.out.append("\n" + "  " * max(self.list_depth - 1, 0) + "- ")
        elif tag in _HEADINGS:
            self._newline(blank=True)
        elif tag == "br":
            self._newline()
        elif tag in ("td", "th"):
            if self.cell_open:
                self.out.append(" | ")
            self.cell_open = True
        elif tag == "pre":
            self.pre += 1
            self._newline()
        elif tag in _BLOCK:
            self._newline(blank=tag == "p")
            if tag == "tr":
                self.cell_open = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld_json = False
        if self.skip_stack:
            if tag in self.skip_stack:  # close it, and any element left unclosed inside it
                while self.skip_stack.pop() != tag:
                    pass
            return
        if tag in ("ul", "ol"):
            self.list_depth = max(self.list_depth - 1, 0)
            self._newline()
        elif tag in _HEADINGS:
            self._newline(blank=True)
        elif tag == "pre":
            self.pre = max(self.pre - 1, 0)
            self._newline()
        elif tag in _BLOCK or tag == "li":
            self._newline(blank=tag == "p")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.in_ld_json:
            self.ld_json.append(data)
        if self.skip_stack:
            return
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML document or fragment."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = [line.strip() if not line.startswith(" ") else line.rstrip() for line in "".join(parser.out).split("\n")]
    text = _join_lists([_tidy(line) for line in lines])
    posting = _json_ld_posting("".join(parser.ld_json))
    if posting and len(posting) > 2 * len(text.strip()):
        text = posting
    elif not text.strip() and parser.title.strip():
        text = parser.title.strip()
    return normalise(text)


def _join_lists(lines: list[str]) -> str:
    """Lines joined, without the blank lines the markup left between items of one list."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if not line.strip() and kept and kept[-1].lstrip().startswith("- "):
            following = next((n for n in lines[index + 1 :] if n.strip()), "")
            if following.lstrip().startswith("- "):
                continue
        kept.append(line)
    return "\n".join(kept)


def _tidy(line: str) -> str:
    """'  - text ' keeps its indent and bullet; other lines lose surrounding spaces."""
    match = re.match(r"^( *)- ?(.*)$", line)
    if match:
        body = match.group(2).strip()
        return f"{match.group(1)}- {body}" if body else ""
    return line.strip()


def _json_ld_posting(raw: str) -> str:
    """The title and description of a schema.org JobPosting in JSON-LD, as text ('' if none)."""
    if "JobPosting" not in raw:
        return ""
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    index = 0
    while index < len(raw):
        start = raw.find("{", index)
        if start < 0:
            break
        try:
            value, index = decoder.raw_decode(raw, start)
        except json.JSONDecodeError:
            index = start + 1
            continue
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if item.get("@type") == "JobPosting" and isinstance(item.get("description"), str):
                    found.append(item)
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    if not found:
        return ""
    posting = found[0]
    title = posting.get("title") if isinstance(posting.get("title"), str) else ""
    body = html_to_text(posting["description"]) if "<" in posting["description"] else posting["description"]
    return (title + "\n\n" if title else "") + body
