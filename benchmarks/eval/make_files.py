"""Make the PDF and DOCX versions of the evaluation resumes from their .txt originals.

    python benchmarks/eval/make_files.py [OUT_DIR]     # default: benchmarks/eval/resumes (next to the .txt)

The layout is what people send: a name line, section headings in bold (PDF) or Word heading styles
(DOCX), bullets as real list items with a "•" glyph, and in the DOCX the SKILLS section as a two-column
table ("Languages | Go, Java, ...") and the contact line in a text box, the two places a reader most
often loses text. Output is deterministic (fixed dates, reportlab's invariant mode), so regenerated files
do not change unless the .txt does. Needs reportlab and python-docx (the `test` extras).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESUMES = HERE / "resumes"
FIXED_DATE = datetime(2026, 11, 26, tzinfo=timezone.utc)
BULLET = re.compile(r"^\s*[-•*]\s+")


def is_heading(line: str) -> bool:
    """An all-capitals section heading such as 'EXPERIENCE' or 'SKILLS' (a name line is not one)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and line.strip() == line.strip().upper() and len(line.split()) <= 3 and ":" not in line


def sections(text: str) -> list[tuple[str, list[str]]]:
    """[(heading, lines)]; the lines before the first heading come under ''."""
    result: list[tuple[str, list[str]]] = [("", [])]
    for line in text.splitlines():
        if is_heading(line) and result[0][1]:
            result.append((line.strip(), []))
        else:
            result[-1][1].append(line)
    return result


def make_pdf(text: str, out: Path) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    story = []
    for heading, lines in sections(text):
        if heading:
            story += [Spacer(1, 6), Paragraph(escape(heading), styles["Heading3"])]
        for index, line in enumerate(lines):
            if not line.strip():
                continue
            if not heading and index == 0:
                story.append(Paragraph(escape(line), styles["Title"]))
            elif BULLET.match(line):
                story.append(Paragraph(escape(BULLET.sub("", line)), styles["Normal"], bulletText="•"))
            else:
                story.append(Paragraph(escape(line), styles["Normal"]))
    doc = SimpleDocTemplate(str(out), pagesize=LETTER, title=out.stem, author="aicareer eval set",
                            invariant=1, leftMargin=54, rightMargin=54, topMargin=54, bottomMargin=54)  # fmt: skip
    doc.build(story)


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>"
    "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>"
    "<v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
    "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_docx(text: str, out: Path) -> None:
    from xml.sax.saxutils import escape

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.core_properties.created = FIXED_DATE
    document.core_properties.modified = FIXED_DATE
    document.core_properties.author = "aicareer eval set"
    for heading, lines in sections(text):
        lines = [line for line in lines if line.strip()]
        if heading:
            document.add_heading(heading, level=2)
        if heading == "SKILLS" and all(":" in line for line in lines):
            table = document.add_table(rows=0, cols=2)
            for line in lines:
                label, _, values = line.partition(":")
                row = table.add_row().cells
                row[0].text, row[1].text = label.strip(), values.strip()
            continue
        for index, line in enumerate(lines):
            if not heading and index == 0:
                document.add_heading(line.strip(), level=0)
            elif not heading and index == 1:
                anchor = document.add_paragraph()  # the contact line, in a text box as many templates do
                anchor._p.append(parse_xml(TEXT_BOX.format(text=escape(line.strip()))))
            elif BULLET.match(line):
                document.add_paragraph(BULLET.sub("", line), style="List Bullet")
            else:
                document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():  # fixed timestamps: the same input gives the same bytes
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))


def make_files(out_dir: Path = RESUMES) -> list[Path]:
    """Write <name>.pdf and <name>.docx for every resumes/*.txt into out_dir; the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for source in sorted(RESUMES.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for suffix, make in ((".pdf", make_pdf), (".docx", make_docx)):
            target = out_dir / (source.stem + suffix)
            make(text, target)
            written.append(target)
    return written


if __name__ == "__main__":
    for path in make_files(Path(sys.argv[1]) if len(sys.argv) > 1 else RESUMES):
        print(path)
