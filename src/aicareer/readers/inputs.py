"""The CLI's way to read a resume or a job posting: any kind read_document knows (PDF, DOCX, HTML,
Markdown, text in UTF-8, UTF-16 or Latin-1), '-' for standard input, every failure one InputError
line (exit 2) that names the file and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from aicareer.core.errors import InputError
from aicareer.readers import UnreadableFile, read_document


class Input(NamedTuple):
    text: str
    name: str  # the file name, or "standard input"
    summary: str  # "read resume.pdf (PDF, 2 pages)", for stderr


def read_input(path: Path | str, what: str = "file", *, allow_empty: bool = False) -> Input:
    """Read a user's file (or stdin for '-') as text; raise InputError when it cannot be read or is empty
    (an empty file is read as no text when `allow_empty`)."""
    try:
        doc = read_document(path)
    except UnreadableFile as exc:
        if allow_empty and " is empty;" in str(exc):
            name = "standard input" if str(path) == "-" else Path(path).name
            return Input("", name, f"read {name} (empty)")
        raise InputError(f"{what}: {exc}") from None
    if not doc.text.strip() and not allow_empty:
        raise InputError(f"{what} {doc.name} is empty; give the {what} itself")
    return Input(doc.text, doc.name, f"read {doc.name} ({doc.summary})")
