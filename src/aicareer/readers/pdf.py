"""PDF: the text layer, read with pypdf (pure Python; no OCR)."""

from __future__ import annotations

import io

from aicareer.readers.detect import UnreadableFile
from aicareer.readers.plain import normalise

_NO_TEXT = "save it as text or DOCX, or pass --skills"


def read_pdf(data: bytes, name: str) -> tuple[str, int]:
    """(text, page count). Raises UnreadableFile for a damaged or encrypted PDF or one with no text layer."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns about every small defect
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many PDFs are encrypted with an empty open password (only printing/copying restricted).
            try:
                opened = reader.decrypt("")
            except (DependencyError, NotImplementedError):  # AES without the optional cryptography package
                raise UnreadableFile(f"{name} is an encrypted PDF this tool cannot open; {_NO_TEXT}") from None
            if not opened:
                raise UnreadableFile(f"{name} is an encrypted PDF (it needs a password); {_NO_TEXT}")
        pages = [page.extract_text() or "" for page in reader.pages]
    except UnreadableFile:
        raise
    except FileNotDecryptedError:
        raise UnreadableFile(f"{name} is an encrypted PDF (it needs a password); {_NO_TEXT}") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError):
        raise UnreadableFile(f"{name} is a damaged PDF; export it again, or {_NO_TEXT}") from None
    text = normalise("\n\n".join(pages))
    if not text.strip():
        count = len(pages)
        raise UnreadableFile(
            f"{name} is a PDF with no text layer ({count} page{'s' if count != 1 else ''}, a scan?); {_NO_TEXT}"
        )
    return text, len(pages)
