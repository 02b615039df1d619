"""Posting sections: which lines are headings, and the weight each line takes from its section
(requirements 3, preferred 2, other 1) or from its own qualifier ("... is a plus"). See domain/postings.py.
"""

from __future__ import annotations

import re

import msgspec

REQUIRED, PREFERRED, OTHER = 3.0, 2.0, 1.0
SECTION_NAMES = {REQUIRED: "required", PREFERRED: "preferred", OTHER: "other"}
_PREFERRED = re.compile(r"\b(preferred|nice[\s-]to[\s-]have|bonus|pluses|plus|desired|desirable|good to have|"
                        r"extra credit|ideally|may also have|also great|stand out|set you apart)\b")
_REQUIRED = re.compile(r"\b(requirements?|required|must[\s-]haves?|minimum qualifications|basic qualifications|"
                       r"qualifications|what you(?:'ll)? (?:need|bring)|you (?:have|bring)|who you are|"
                       r"essential|skills|about you|you might be a fit|you may be a fit|you'?re a fit|looking for|"
                       r"you might thrive|you will thrive|you'?ll thrive|what it takes|you should have|ideal candidate|"
                       r"we(?:'d| would) love|must)\b")
_HEADING_SHAPE = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__)?(?P<title>[^.!?,;:]{2,60}?)(?:\*\*|__)?\s*:?\s*$")
_TAIL_PUNCT = re.compile(r"[.!?,;)\d]$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦–]|\d+[.)])\s")
_INLINE_LABEL = re.compile(r"^\s*(?:[-*•]\s*)?(?P<label>[A-Za-z][\w' /-]{1,40}):\s+\S")


def heading_weight(line: str) -> float | None:
    """The weight a heading line sets, or None when the line is not a heading.

    A bullet ('- ...', '1. ...') is never a heading.
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 70 or _BULLET.match(line):
        return None
    m = _HEADING_SHAPE.match(line)
    if not m or len(m["title"].split()) > 10:
        return None
    title = m["title"].lower()
    looks_like_heading = stripped.endswith(":") or stripped.startswith(("#", "**", "__")) or stripped.isupper() \
        or stripped.istitle()
    if _PREFERRED.search(title):
        return PREFERRED
    if _REQUIRED.search(title):
        return REQUIRED
    short_title = len(stripped.split()) <= 3 and stripped[0].isupper() and not _TAIL_PUNCT.search(stripped)
    return OTHER if looks_like_heading or short_title else None


def _inline_weight(line: str) -> float | None:
    label = _INLINE_LABEL.match(line) if ":" in line else None
    if not label:
        return None
    title = label["label"].lower()
    return PREFERRED if _PREFERRED.search(title) else REQUIRED if _REQUIRED.search(title) else None



_QUALIFIER = re.compile(r"\b(?:is|are|would be|as)? ?an? (?:big |huge |real )?(?:plus|bonus)\b|nice[\s-]to[\s-]have|"
                        r"bonus points?|\bpreferred\b|\bideally\b|good to have", re.I)
_QUALIFIER_WORDS = ("plus", "bonus", "nice", "prefer", "ideal", "good to have")


class _Line(msgspec.Struct, frozen=True):
    text: str
    weight: float
    requirement: bool  # under a requirements/preferred heading, or qualified inline


def sections(text: str) -> list[_Line]:
    """Each line with the weight its section (or its own qualifier) gives it; a heading's own words
    count with weight 1 ("Python Engineer"). A line repeated word for word in the same kind of section
    is listed once, so a long posting costs one pass and a dictionary lookup per line."""
    out: list[_Line] = []
    weight, in_reqs = OTHER, False
    kinds: dict[str, tuple[float | None, float | None]] = {}
    seen: set[tuple[str, float, bool]] = set()
    for line in text.split("\n"):
        kind = kinds.get(line)
        if kind is None:
            heading = heading_weight(line)
            inline = None
            if heading is None:
                if not line.strip():
                    inline = -1.0  # blank: nothing to read
                else:
                    inline = _inline_weight(line)
                    low = line.lower()
                    if any(w in low for w in _QUALIFIER_WORDS) and _QUALIFIER.search(line):
                        inline = PREFERRED
            kind = kinds[line] = (heading, inline)
        heading, inline = kind
        if heading is not None:
            weight, in_reqs = heading, heading != OTHER
            key = (line, OTHER, False)
        elif inline == -1.0:
            continue
        elif inline is not None:
            key = (line, inline, True)
        else:
            key = (line, weight, in_reqs)
        if key not in seen:
            seen.add(key)
            out.append(_Line(*key))
    return out
