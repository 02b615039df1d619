"""Text from data, saved state, file names or the command line made safe to print:
control characters (ESC, BEL, C1 such as CSI U+009B, ...), bidirectional overrides
and the lone surrogates that stand for undecodable bytes in file names are shown
escaped (\\x1b, \\u202e, \\xe9), so nothing can set the window title, clear the
screen or reorder what the user reads.

    printable("a\\x1b[2Jb")  -> 'a\\\\x1b[2Jb'
"""

from __future__ import annotations

import functools
import re
from typing import Any

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# line and paragraph separators, and lone surrogates (undecodable file-name bytes)
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"


@functools.cache
def _pattern(one_line: bool) -> re.Pattern[str]:
    """Compiled on first use: most commands print nothing from data that needs it."""
    return re.compile("[" + _UNSAFE + ("\t\n" if one_line else "") + "]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    if code == 0x0A:
        return " "
    if code == 0x09:
        return " "
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def is_printable(text: str) -> bool:
    """True when `text` holds nothing printable() would escape (tabs and newlines allowed)."""
    return _pattern(False).search(text) is None


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every unsafe character escaped; one_line also turns tabs and newlines
    into spaces (for a message, a heading, a table cell)."""
    pattern = _pattern(one_line)
    return pattern.sub(_escape, text) if pattern.search(text) else text


def shorten(text: str, limit: int = 400) -> str:
    """At most `limit` characters: a 19 MB value is never echoed whole into a message."""
    if len(text) <= limit:
        return text
    return text[: limit - 30] + f"… ({len(text):,} characters in all)"


def message(text: str, limit: int = 1000) -> str:
    """One printable line of at most about `limit` characters, for stderr."""
    return shorten(printable(text, one_line=True), limit)


def json_text(data: Any, *, ascii_only: bool = False) -> str:
    """`data` as indented JSON (2 spaces), made safe by json_safe. msgspec writes it when it can
    (every command that has data has msgspec loaded already; the json module would cost ~2 ms to
    import and its indented encoder runs in Python); json writes it for an ASCII-only output and for
    text msgspec refuses (a lone surrogate from an undecodable file name)."""
    if not ascii_only:
        import msgspec

        try:
            return json_safe(msgspec.json.format(msgspec.json.encode(data), indent=2).decode("utf-8"))
        except (UnicodeEncodeError, TypeError):
            pass
    import json

    return json_safe(json.dumps(data, indent=2, ensure_ascii=ascii_only))


def json_safe(dumped: str) -> str:
    """JSON text (already dumped with ensure_ascii=False) with C1 controls, bidi controls
    and lone surrogates written as \\uXXXX escapes. They can only stand inside strings,
    where such an escape means the same character, so the JSON still parses the same."""
    return _json_pattern().sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


@functools.cache
def _json_pattern() -> re.Pattern[str]:
    return re.compile("[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
