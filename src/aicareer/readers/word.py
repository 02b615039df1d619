"""DOCX: paragraphs, lists, tables and text boxes, in document order.

python-docx opens the package (it finds the main document part through the
relationships, and refuses what is not a Word document). Its Paragraph.text
reads only the runs directly under a paragraph, so text boxes (w:txbxContent
inside a drawing) and text in content controls would be lost (python-docx
issue #416: "text boxes are not yet supported"). So the body is walked here on
python-docx's lxml tree: each paragraph's text, then the paragraphs of any
text box anchored in it; a table row as its cells joined by " | "; Word's
duplicate legacy copy of each text box (mc:Fallback) is skipped.
"""

from __future__ import annotations

import io
from typing import Any

from aicareer.readers.detect import SAVE_AS, UnreadableFile
from aicareer.readers.plain import normalise

#: an lxml element of python-docx's document tree (lxml ships no type information)
Element = Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes, name: str) -> str:
    """The text of a .docx file. Raises UnreadableFile for a damaged or protected one."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a broken install
        raise UnreadableFile(f"{name} is a DOCX file, but python-docx is not installed; {SAVE_AS}") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError, SyntaxError):
        # lxml's XMLSyntaxError is a SyntaxError; a missing part is a KeyError
        raise UnreadableFile(f"{name} is a damaged DOCX file; open and save it again in Word, or {SAVE_AS}") from None
    lines: list[str] = []
    _block(document.element.body, lines)
    text = normalise("\n".join(lines))
    if not text:
        raise UnreadableFile(f"{name} is a DOCX file with no text (only images?); {SAVE_AS}, or pass --skills")
    return text


def _block(container: Element, lines: list[str]) -> None:
    """Paragraphs and tables of a body, cell, text box or content control, in order."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            _paragraph(child, lines)
        elif tag == W + "tbl":
            _table(child, lines)
        elif tag in (W + "sdtContent", W + "customXml"):
            _block(child, lines)
        elif tag == W + "sdt":  # a content control: its properties, then its content
            content = child.find(W + "sdtContent")
            if content is not None:
                _block(content, lines)


def _paragraph(p: Element, lines: list[str]) -> None:
    parts: list[str] = []
    boxes: list[Element] = []
    _runs(p, parts, boxes)
    text = "".join(parts).strip()
    if text:
        lines.append(("- " if _is_list_item(p) else "") + text)
    for box in boxes:
        _block(box, lines)


def _runs(element: Element, parts: list[str], boxes: list[Element]) -> None:
    """Collect the visible text under element; text boxes go to boxes, to be read after."""
    for child in element:
        tag = child.tag
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag in (MC_FALLBACK, W + "pPr", W + "rPr", W + "del", W + "instrText"):
            continue
        else:
            _runs(child, parts, boxes)


def _is_list_item(p: Element) -> bool:
    """Numbered or bulleted (w:numPr), directly or through a 'List ...' paragraph style."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    if ppr.find(W + "numPr") is not None:
        return True
    style = ppr.find(W + "pStyle")
    value = style.get(W + "val", "") if style is not None else ""
    return value.lower().startswith("list") and "paragraph" not in value.lower()


def _table(tbl: Element, lines: list[str]) -> None:
    """One line per row, cells joined by ' | '; a cell holding paragraphs or a nested table keeps them."""
    for row in tbl.iter(W + "tr"):
        if row.getparent() is not tbl:
            continue  # rows of a nested table are read inside their cell
        cells: list[str] = []
        for cell in row.findall(W + "tc"):
            inner: list[str] = []
            _block(cell, inner)
            cells.append("; ".join(line.strip() for line in inner if line.strip()))
        if any(cells):
            lines.append(" | ".join(c for c in cells if c))
