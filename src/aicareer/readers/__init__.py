"""Turn a file the user gives (resume, job posting) into plain text.

    doc = read_document("resume.pdf")
    doc.text      # the text, lines separated by "\\n", bullets as "- "
    doc.summary   # "PDF, 2 pages" -> the CLI prints "read resume.pdf (PDF, 2 pages)"

The kind is sniffed from the bytes, never from the file name. PDF and DOCX
libraries are imported only inside the function that reads such a file, so
commands that read plain text (or nothing) pay nothing for them.

Every failure is an UnreadableFile with a one-line message that names the
file, what it is, and what to do instead. This package imports nothing from
the rest of aicareer; the CLI maps UnreadableFile to its own input error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aicareer.core.files import FileTooLarge, StdinClosed, read_regular, read_stdin
from aicareer.readers.detect import KINDS, UnreadableFile, sniff

__all__ = ["KINDS", "MAX_BYTES", "Document", "UnreadableFile", "read_bytes", "read_document", "sniff"]

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no resume or posting is anywhere near 20 MB of text."""


@dataclass(frozen=True)
class Document:
    """What was read from one file."""

    text: str
    kind: str  # one of KINDS: "PDF", "DOCX", "HTML", "Markdown", "text"
    name: str  # the file name as given, or "standard input"
    pages: int | None = None  # PDF only
    encoding: str | None = None  # text, Markdown and HTML: the encoding the bytes were decoded with

    @property
    def summary(self) -> str:
        """'PDF, 2 pages', 'DOCX', 'text, UTF-16', for a status line."""
        parts = [self.kind]
        if self.pages is not None:
            parts.append(f"{self.pages} page{'s' if self.pages != 1 else ''}")
        if self.encoding and self.encoding != "UTF-8":
            parts.append(self.encoding)
        return ", ".join(parts)


def read_document(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read a file (or standard input when path is '-') as text. Raises UnreadableFile."""
    if str(path) == "-":
        name = "standard input"
        try:
            data = read_stdin(max_bytes)
        except StdinClosed as exc:
            raise UnreadableFile(f"{exc.strerror}; give a file name instead of -") from None
    else:
        p = Path(path)
        name = p.name or str(p)
        try:
            data = read_regular(p, max_bytes)  # a FIFO or a device is refused at once, never read
        except FileTooLarge:
            raise _too_large(name, max_bytes) from None
        except FileNotFoundError:
            raise UnreadableFile(f"{p} does not exist; check the path") from None
        except IsADirectoryError:
            raise UnreadableFile(f"{p} is a folder; give a file inside it") from None
        except OSError as exc:
            raise UnreadableFile(f"cannot read {p}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise _too_large(name, max_bytes)
    return read_bytes(data, name)


def _too_large(name: str, max_bytes: int) -> UnreadableFile:
    limit = f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes} bytes"
    return UnreadableFile(f"{name} is larger than {limit}; give the resume or posting alone, as text, PDF or DOCX")


def read_bytes(data: bytes, name: str = "the file") -> Document:
    """Read bytes already in memory; name is used in messages only."""
    kind = sniff(data, name)
    if kind == "PDF":
        from aicareer.readers.pdf import read_pdf

        text, pages = read_pdf(data, name)
        return Document(text=text, kind=kind, name=name, pages=pages)
    if kind == "DOCX":
        from aicareer.readers.word import read_docx

        return Document(text=read_docx(data, name), kind=kind, name=name)
    from aicareer.readers.plain import decode_text, looks_like_html, looks_like_markdown, normalise

    text, encoding = decode_text(data, name)
    if looks_like_html(text):
        from aicareer.readers.html_page import html_to_text

        return Document(text=html_to_text(text), kind="HTML", name=name, encoding=encoding)
    kind = "Markdown" if looks_like_markdown(text) else "text"
    return Document(text=normalise(text), kind=kind, name=name, encoding=encoding)
