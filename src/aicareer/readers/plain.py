"""Plain text: decoding (UTF-8, UTF-16/32 with a BOM, Windows-1252/Latin-1) and one normal form for every reader."""

from __future__ import annotations

import codecs
import re

from aicareer.readers.detect import SAVE_AS, UnreadableFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# C0 control characters that never occur in text (tab, newline, form feed, carriage return, escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding label) of bytes that should be text; UnreadableFile for binary data."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), label
            except UnicodeDecodeError:
                raise UnreadableFile(
                    f"{name} starts as {label} text but is damaged; save it again as UTF-8 text"
                ) from None
    head = data[:8192]
    utf16 = _utf16_without_bom(head)
    if utf16:
        try:
            return data.decode(utf16), "UTF-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in head or sum(head.count(c) for c in _CONTROL) > len(head) // 100:
        raise UnreadableFile(f"{name} is binary data, not a document this tool knows; {SAVE_AS}")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:  # what Windows editors write as "ANSI"; a superset of Latin-1's printable characters
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII text saved as UTF-16 with no BOM)."""
    sample = head[:2000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(?:p|div|ul|ol|li|h[1-6]|br|span|table)\b[^>]*>", re.I)
_MD_MARKS = re.compile(r"^(?:#{1,6} \S|\s*[-*+] \S|\s*\d+\. \S)|\*\*\S|\[[^\]]+\]\([^)]+\)", re.M)


def looks_like_html(text: str) -> bool:
    """A saved web page or an HTML fragment (several block tags)."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def looks_like_markdown(text: str) -> bool:
    """ATX headings, list items, bold or links on several lines: the text is Markdown (read as it is)."""
    head = text[:8192]
    return bool(re.search(r"^#{1,6} \S", head, re.M)) and len(_MD_MARKS.findall(head)) >= 3


_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# Bullet glyphs at the start of a line (PDF and Word lists), written back as "- ". U+F0B7 and friends are
# Word's Symbol-font bullets; U+007F is what some PDF readers give for a bullet glyph with no Unicode mapping.
_BULLET = re.compile(
    r"^[ \t]*[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219\u00b7\u27a2\u2713\u2714\u25ba\u25b8\uf0b7\uf0a7\uf0d8\x7f][ \t]*",
    re.M,
)


_ODD = re.compile("[\ufb00-\ufb04\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_ASCII_CONTROLS = bytes(range(0x09)) + b"\x0b" + bytes(range(0x0e, 0x20)) + b"\x7f"


def normalise(text: str) -> str:
    """One form for every reader: \\n line ends, no ligatures or invisible characters,
    bullets as '- ', no trailing spaces, at most one blank line in a row.

    Each step runs only where its characters can be (a 1 MB ASCII posting: ~8 ms, not ~40)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if text.isascii():
        if "\x7f" in text:
            text = _BULLET.sub("- ", text)
        text = text.encode("ascii").translate(None, _ASCII_CONTROLS).decode("ascii")
    else:
        if _ODD.search(text):
            text = text.translate(_LIGATURES).translate(_INVISIBLE)
        text = _SPACES.sub(" ", text)
        text = _BULLET.sub("- ", text)
        text = _CONTROLS.sub("", text)
    if " \n" in text or "\t\n" in text:
        text = "\n".join(line.rstrip(" \t") for line in text.split("\n"))
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    text = text.rstrip(" \t")
    return text.strip("\n") + "\n" if text.strip() else ""
