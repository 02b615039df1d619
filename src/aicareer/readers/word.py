"""DOCX: paragraphs, lists, tables and text boxes, in document order.

Read with the standard library (zipfile + xml.etree): the main document part is
found through the package relationships (_rels/.rels), and anything that is not
a Word document is refused. python-docx is not used at run time: importing it
costs ~0.2-0.3 s (lxml and its part classes), more than the whole command
should take, and its Paragraph.text misses text boxes (python-docx issue #416)
anyway. The body is walked here: each paragraph's text, then the paragraphs of
any text box anchored in it; a table row as its cells joined by " | "; Word's
duplicate legacy copy of each text box (mc:Fallback) is skipped.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib

from aicareer.readers.detect import SAVE_AS, UnreadableFile
from aicareer.readers.plain import normalise

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAX_PART_BYTES = 64 * 2**20  # the document XML of a long resume is well under 1 MB


def read_docx(data: bytes, name: str) -> str:
    """The text of a .docx file. Raises UnreadableFile for a damaged or protected one."""
    lines: list[str] = []
    _block(_body(data, name), lines)
    text = normalise("\n".join(lines))
    if not text:
        raise UnreadableFile(f"{name} is a DOCX file with no text (only images?); {SAVE_AS}, or pass --skills")
    return text


def _body(data: bytes, name: str) -> ET.Element:
    """The w:body of the package's main document part (found through _rels/.rels)."""
    damaged = f"{name} is a damaged DOCX file; open and save it again in Word, or {SAVE_AS}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            part = _main_part(package)
            if package.getinfo(part).file_size > MAX_PART_BYTES:
                raise UnreadableFile(f"{name} holds more than {MAX_PART_BYTES // 2**20} MB of document XML; {SAVE_AS}")
            root = ET.fromstring(package.read(part))
    except UnreadableFile:
        raise
    except (zipfile.BadZipFile, KeyError, ET.ParseError, ValueError, OSError, EOFError, zlib.error,
            NotImplementedError, RuntimeError):  # RuntimeError: an encrypted ZIP member
        raise UnreadableFile(damaged) from None
    body = root.find(W + "body")
    if root.tag != W + "document" or body is None:
        raise UnreadableFile(damaged)
    return body


def _main_part(package: zipfile.ZipFile) -> str:
    """The main document part's name in the ZIP (the officeDocument relationship), usually word/document.xml."""
    try:
        rels = ET.fromstring(package.read("_rels/.rels"))
    except KeyError:
        return "word/document.xml"
    for rel in rels:
        if rel.get("Type", "").endswith("/officeDocument"):
            return rel.get("Target", "word/document.xml").lstrip("/")
    return "word/document.xml"


def _block(container: ET.Element, lines: list[str]) -> None:
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


def _paragraph(p: ET.Element, lines: list[str]) -> None:
    parts: list[str] = []
    boxes: list[ET.Element] = []
    _runs(p, parts, boxes)
    text = "".join(parts).strip()
    if text:
        lines.append(("- " if _is_list_item(p) else "") + text)
    for box in boxes:
        _block(box, lines)


def _runs(element: ET.Element, parts: list[str], boxes: list[ET.Element]) -> None:
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


def _is_list_item(p: ET.Element) -> bool:
    """Numbered or bulleted (w:numPr), directly or through a 'List ...' paragraph style."""
    ppr = p.find(W + "pPr")
    if ppr is None:
        return False
    if ppr.find(W + "numPr") is not None:
        return True
    style = ppr.find(W + "pStyle")
    value = style.get(W + "val", "") if style is not None else ""
    return value.lower().startswith("list") and "paragraph" not in value.lower()


def _table(tbl: ET.Element, lines: list[str]) -> None:
    """One line per row, cells joined by ' | '; a cell holding paragraphs or a nested table keeps them."""
    for row in tbl.findall(W + "tr"):  # direct rows: a nested table's rows are read inside their cell
        cells: list[str] = []
        for cell in row.findall(W + "tc"):
            inner: list[str] = []
            _block(cell, inner)
            cells.append("; ".join(line.strip() for line in inner if line.strip()))
        if any(cells):
            lines.append(" | ".join(c for c in cells if c))
