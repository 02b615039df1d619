"""Finding catalogue skills in free text: every skill name and alias as token sequences
and as one trie-shaped regex, built once per catalogue.

Matching: the text and every skill name and alias are cut into the same
tokens (lower case; '/', '&', '.', '+' and '#' stay inside a token such as
'ci/cd', 'w&b', 'c++'), and a skill is found where its tokens appear in a
row: whole words, any case, '-' and spaces alike ('retrieval-augmented
generation' is RAG; a plural such as 'PRDs' is its singular). One pass over
the text by the regex engine, then one dictionary lookup per distinct spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import msgspec

from aicareer.catalogue.models import Skill

TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*(?:[/&.][a-z0-9][a-z0-9+#]*)*")


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text.lower())


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many names, factored as a character trie so the engine never tries
    the names one by one; a space in a name matches any run of separators."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [(_SEP if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


_SEP = r"[^a-z0-9+#\n]+"
MAX_NAME_CHARS = 200
"""Longer names are left out of the regex (its nesting grows with a name's length and would
pass the recursion limit); `data validate` refuses them anyway (catalogue.checks.MAX_NAME)."""


class Matcher(msgspec.Struct, frozen=True):
    """Every skill name and alias, as token sequences and as one trie regex."""

    names: dict[tuple[str, ...], str]
    pattern: re.Pattern[str]

    @classmethod
    def build(cls, skills: Iterable[Skill]) -> Matcher:
        names: dict[tuple[str, ...], str] = {}
        for skill in skills:
            for name in (skill.name, skill.id, *skill.aliases):
                if len(name) > MAX_NAME_CHARS:
                    continue
                toks = tuple(tokens(name))
                if toks:
                    names.setdefault(toks, skill.id)
                # "RAG (retrieval-augmented generation)": each part on its own too
                for part in re.split(r"[()]", name):
                    part_toks = tuple(tokens(part))
                    if part_toks and len(part_toks) < len(toks):
                        names.setdefault(part_toks, skill.id)
        body = _trie_pattern(" ".join(t) for t in names)
        pattern = re.compile(r"(?<![a-z0-9+#])(?:" + body + r")s?(?![a-z0-9+#])")
        return cls(names, pattern)

    def lookup(self, hit: str) -> str | None:
        toks = tuple(tokens(hit))
        found = self.names.get(toks)
        if found is None and toks and toks[-1].endswith("s"):  # a plural: "PRDs", "A/B tests"
            found = self.names.get((*toks[:-1], toks[-1][:-1]))
        return found

    def ids(self, lowered: str) -> list[str]:
        """Distinct skill ids found in lower-cased text, in order of first appearance.

        The regex engine collects every match; Python then looks up each distinct
        spelling once, so the cost per mention stays in C.
        """
        found = (self.lookup(hit) for hit in dict.fromkeys(self.pattern.findall(lowered)))
        return list(dict.fromkeys(sid for sid in found if sid))

    def find(self, text: str) -> list[str]:
        """Skill ids found anywhere in `text`, each once, in order of first appearance."""
        return self.ids(text.lower())
