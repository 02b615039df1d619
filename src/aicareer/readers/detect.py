"""Which kind of file the bytes are, from their signatures (magic numbers), not the file name."""

from __future__ import annotations

KINDS = ("PDF", "DOCX", "HTML", "Markdown", "text")

SAVE_AS = "save it as PDF, DOCX or plain text"


class UnreadableFile(Exception):
    """A file that cannot be read as text. str(exc) is one line: the file, its kind, what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Signatures of formats we do not read, with the name the message gives them.
_REFUSED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word 97-2003 (.doc) or other Office file", "save it as DOCX or PDF"),
    (b"{\\rtf", "an RTF document", "save it as DOCX, PDF or plain text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "this tool reads no images (no OCR); " + SAVE_AS),
    (b"\xff\xd8\xff", "a JPEG image", "this tool reads no images (no OCR); " + SAVE_AS),
    (b"GIF8", "a GIF image", "this tool reads no images (no OCR); " + SAVE_AS),
    (b"II*\x00", "a TIFF image", "this tool reads no images (no OCR); " + SAVE_AS),
    (b"MM\x00*", "a TIFF image", "this tool reads no images (no OCR); " + SAVE_AS),
    (b"\x1f\x8b", "a gzip archive", "unpack it and give the document inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and give the document inside"),
    (b"Rar!", "a RAR archive", "unpack it and give the document inside"),
)


def sniff(data: bytes, name: str) -> str:
    """'PDF', 'DOCX' or 'text' (text is split into text, Markdown and HTML after decoding).

    Raises UnreadableFile for an empty file and for formats we know but do not read.
    """
    if not data.strip():
        raise UnreadableFile(f"{name} is empty; give the resume or posting itself")
    if b"%PDF-" in data[:1024]:
        return "PDF"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, name)
    for magic, what, todo in _REFUSED:
        if data.startswith(magic):
            raise UnreadableFile(f"{name} is {what}; {todo}")
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        raise UnreadableFile(f"{name} is a HEIC image; this tool reads no images (no OCR); {SAVE_AS}")
    return "text"


def _zip_kind(data: bytes, name: str) -> str:
    """DOCX, or a message saying which other ZIP-based format this is."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableFile(f"{name} is a damaged ZIP/DOCX file; open and save it again, or {SAVE_AS}") from None
    if "word/document.xml" in names:
        return "DOCX"
    if any(n.startswith("xl/") for n in names):
        what = "an Excel workbook"
    elif any(n.startswith("ppt/") for n in names):
        what = "a PowerPoint presentation"
    elif "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument (LibreOffice) file"
    elif "word/" in {n[:5] for n in names}:
        what = "a Word file without its main document"
    else:
        what = "a ZIP archive, not a Word document"
    raise UnreadableFile(f"{name} is {what}; {SAVE_AS}")
