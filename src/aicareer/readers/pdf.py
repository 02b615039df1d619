"""PDF: the text layer, read with pypdfium2 (Google's PDFium; no OCR).

pypdfium2 rather than pure-Python pypdf: importing it and reading a one-page resume takes ~65 ms
against ~105 ms, which kept `gap --resume resume.pdf` over its 1.5x budget; its reading order and
spacing are also PDFium's, the engine of Chrome's viewer.
"""

from __future__ import annotations

from aicareer.readers.detect import UnreadableFile
from aicareer.readers.plain import normalise

_NO_TEXT = "save it as text or DOCX, or pass --skills"
_PASSWORD = 4  # FPDF_ERR_PASSWORD: PDFium's code for "needs a password"
_SECURITY = 6  # FPDF_ERR_SECURITY: an encryption handler PDFium does not support


def read_pdf(data: bytes, name: str) -> tuple[str, int]:
    """(text, page count). Raises UnreadableFile for a damaged or encrypted PDF or one with no text layer.

    A PDF encrypted with an empty open password (only printing or copying restricted) reads as usual."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == _PASSWORD:
            raise UnreadableFile(f"{name} is an encrypted PDF (it needs a password); {_NO_TEXT}") from None
        if exc.err_code == _SECURITY:
            raise UnreadableFile(f"{name} is an encrypted PDF this tool cannot open; {_NO_TEXT}") from None
        raise UnreadableFile(f"{name} is a damaged PDF; export it again, or {_NO_TEXT}") from None
    try:
        pages = [_page_text(doc, i) for i in range(len(doc))]
    except (pdfium.PdfiumError, ValueError, OSError):
        raise UnreadableFile(f"{name} is a damaged PDF; export it again, or {_NO_TEXT}") from None
    finally:
        doc.close()
    text = normalise("\n\n".join(pages))
    if not text.strip():
        count = len(pages)
        raise UnreadableFile(
            f"{name} is a PDF with no text layer ({count} page{'s' if count != 1 else ''}, a scan?); {_NO_TEXT}"
        )
    return text, len(pages)


def _page_text(doc: object, index: int) -> str:
    page = doc[index]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        return str(textpage.get_text_range())
    finally:
        textpage.close()
        page.close()
