"""'Did you mean': one similarity rule for every name the tool resolves.

A candidate is suggested only when it is really close to what was typed: a
similarity ratio of at least 0.75 (difflib's, on lower-cased text), or one
typo away (an insertion, deletion, substitution or swap of two neighbours) in
a word of three letters or more. `zzzz` suggests nothing; `data scientst`
suggests `data scientist`; `boston` does not suggest `austin`.
"""

from __future__ import annotations

from collections.abc import Iterable

from aicareer.core.errors import InputError

CUTOFF = 0.75


def one_typo(a: str, b: str) -> bool:
    """True when b is a one-edit (or one-swap) neighbour of a."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1:]


def similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio()


def closest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The choices really close to a misspelt word, best first (none when nothing is close)."""
    query = word.lower().strip()
    scored: list[tuple[float, str]] = []
    for choice in dict.fromkeys(choices):
        low = choice.lower()
        score = similarity(query, low)
        if score >= CUTOFF or (len(query) >= 3 and one_typo(query, low)):
            scored.append((score, choice))
    scored.sort(key=lambda pair: -pair[0])
    return [choice for _, choice in scored[:n]]


def did_you_mean(word: str, choices: Iterable[str], n: int = 3) -> str:
    """'; did you mean a or b?' or '' (to append to a message)."""
    near = closest(word, choices, n)
    return f"; did you mean {' or '.join(near)}?" if near else ""


def unknown(kind: str, value: str, valid: Iterable[str], suggest_from: Iterable[str] | None = None) -> InputError:
    """An InputError for an unknown name, with 'did you mean' and the valid names."""
    valid = list(valid)
    hint = did_you_mean(value, suggest_from if suggest_from is not None else valid)
    return InputError(f"unknown {kind} {value!r}{hint} (valid: {', '.join(valid)})")
