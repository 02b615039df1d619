"""readers/: every kind of file a user gives, read from bytes generated here (no fixtures to go stale)."""

from __future__ import annotations

import io
import os
import random
import subprocess
import sys
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aicareer.readers import Document, UnreadableFile, read_bytes, read_document

reportlab = pytest.importorskip("reportlab")
docx = pytest.importorskip("docx")

LINES = ["Jane Doe - Machine Learning Engineer", "Skills: Python, PyTorch, Kubernetes", "Built RAG pipelines on AWS"]


# ----- builders ---------------------------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]], *, user_password: str | None = None, owner_password: str | None = None) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    encrypt = None
    if user_password is not None or owner_password is not None:
        encrypt = StandardEncryption(user_password or "", owner_password or "owner", canPrint=1, canCopy=0)
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
        c.showPage()
    c.save()
    return out.getvalue()


def make_image_pdf() -> bytes:
    """A 'scan': one page holding only a picture of text, no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (400, 100), "white")
    ImageDraw.Draw(image).text((10, 40), "Python PyTorch", fill="black")
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawImage(ImageReader(image), 72, 600, width=400, height=100)
    c.showPage()
    c.save()
    return out.getvalue()


TEXT_BOX = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml">'
    '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Side box: Terraform and GCP</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Side box: Terraform and GCP</w:t>"
    "</w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_docx(*, text_box: bool = True) -> bytes:
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading("Experience", level=1)
    paragraph = document.add_paragraph("Led the search team at Acme.")
    if text_box:
        paragraph._p.append(parse_xml(TEXT_BOX))
    document.add_paragraph("Shipped vLLM serving", style="List Bullet")
    document.add_paragraph("Cut latency 40%", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Languages"
    table.cell(0, 1).text = "Python, Go"
    table.cell(1, 0).text = "Cloud"
    table.cell(1, 1).text = "AWS, Azure"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(files: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def refused(data: bytes, name: str = "resume.bin") -> str:
    with pytest.raises(UnreadableFile) as info:
        read_bytes(data, name)
    message = str(info.value)
    assert "\n" not in message and name in message
    return message


# ----- PDF ----------------------------------------------------------------------------------------------------------


def test_pdf_text_layer_and_page_count():
    doc = read_bytes(make_pdf([LINES[:2], LINES[2:]]), "resume.pdf")
    assert doc.kind == "PDF" and doc.pages == 2
    assert doc.summary == "PDF, 2 pages"
    for line in LINES:
        assert line in doc.text


def test_pdf_detected_from_bytes_not_name(tmp_path):
    path = tmp_path / "resume.txt"  # a PDF with the wrong extension
    path.write_bytes(make_pdf([LINES]))
    doc = read_document(path)
    assert doc.kind == "PDF" and doc.summary == "PDF, 1 page"
    assert "PyTorch" in doc.text


def test_pdf_without_text_layer_says_so():
    message = refused(make_image_pdf(), "scan.pdf")
    assert "no text layer" in message and "scan" in message and "--skills" in message


def test_pdf_with_open_password_is_refused_plainly():
    message = refused(make_pdf([LINES], user_password="secret"), "locked.pdf")
    assert "encrypted PDF" in message and "password" in message


def test_pdf_restricted_only_by_owner_password_still_reads():
    doc = read_bytes(make_pdf([LINES], user_password="", owner_password="boss"), "restricted.pdf")
    assert "Kubernetes" in doc.text


def test_damaged_pdf():
    data = make_pdf([LINES])
    message = refused(data[: len(data) // 3] + b"garbage" * 50, "broken.pdf")
    assert "PDF" in message


# ----- DOCX ---------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_lists_tables_and_text_box():
    doc = read_bytes(make_docx(), "resume.docx")
    assert doc.kind == "DOCX" and doc.summary == "DOCX"
    lines = doc.text.splitlines()
    assert "Experience" in lines
    assert "- Shipped vLLM serving" in lines and "- Cut latency 40%" in lines
    assert "Languages | Python, Go" in lines and "Cloud | AWS, Azure" in lines
    # the text box is read once (Word stores a second, legacy copy of it)
    assert doc.text.count("Side box: Terraform and GCP") == 1
    # ... right after the paragraph that anchors it
    assert lines.index("Led the search team at Acme.") + 1 == lines.index("Side box: Terraform and GCP")


def test_zip_that_is_not_docx():
    message = refused(zip_bytes({"notes.txt": "Python"}), "resume.docx")
    assert "ZIP archive" in message and "DOCX" in message


def test_excel_workbook_is_named():
    assert "Excel" in refused(zip_bytes({"xl/workbook.xml": "<x/>"}), "skills.xlsx")


def test_damaged_docx():
    message = refused(zip_bytes({"word/document.xml": "<not-closed"}), "cv.docx")
    assert "damaged DOCX" in message


def test_old_word_doc_is_named():
    assert ".doc" in refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cv.doc")


# ----- HTML ---------------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>ML Engineer - Acme</title><style>li{color:red}</style>
<script>window.track("Java");</script></head><body><nav><a>Jobs</a><a>Spark Joy Careers</a></nav>
<main><h1>Machine Learning Engineer</h1><p>We build&nbsp;models &amp; tools.</p>
<h2>What we&#39;re looking for</h2><ul><li>3+ years of <b>Python</b></li><li>PyTorch or JAX
<ul><li>CUDA a plus</li></ul></li></ul><h3>Nice to have</h3><ol><li>Ray</li></ol></main>
<footer>© Acme</footer></body></html>"""


def test_html_keeps_headings_and_bullets_and_drops_scripts():
    doc = read_bytes(PAGE.encode(), "posting.html")
    assert doc.kind == "HTML"
    lines = doc.text.splitlines()
    assert "Machine Learning Engineer" in lines
    assert "What we're looking for" in lines and "Nice to have" in lines
    assert "- 3+ years of Python" in lines
    assert "- PyTorch or JAX" in lines and "  - CUDA a plus" in lines
    assert "- Ray" in lines
    assert "We build models & tools." in lines
    assert "window.track" not in doc.text and "color:red" not in doc.text
    assert "Spark Joy" not in doc.text  # navigation is not the posting


def test_html_json_ld_posting_used_when_the_page_body_is_empty():
    page = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",'
        ' "title": "AI Engineer", "description": "<p>About you</p><ul><li>LangGraph</li><li>MCP</li></ul>"}'
        '</script></head><body><div id="root"></div></body></html>'
    )
    doc = read_bytes(page.encode(), "saved.htm")
    assert doc.kind == "HTML"
    assert doc.text.splitlines()[0] == "AI Engineer"
    assert "- LangGraph" in doc.text.splitlines() and "- MCP" in doc.text.splitlines()


# ----- plain text and Markdown ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec,label", [("utf-16", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-8-sig", "UTF-8")])
def test_text_with_bom(codec, label):
    raw = "Résumé\r\nSkills: Python, SQL — Ünïcode\r\n".encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    doc = read_bytes(raw, "notepad.txt")
    assert doc.kind == "text" and doc.encoding == label
    assert doc.text == "Résumé\nSkills: Python, SQL — Ünïcode\n"


def test_utf16_without_bom():
    doc = read_bytes("Skills: Python and Go\n".encode("utf-16-le"), "x.txt")
    assert doc.text == "Skills: Python and Go\n"


def test_latin1_and_windows_1252():
    doc = read_bytes("Café résumé \x93quoted\x94".encode("latin-1"), "old.txt")
    assert doc.text == "Café résumé \u201cquoted\u201d\n" and doc.encoding == "Windows-1252"
    assert doc.summary == "text, Windows-1252"
    doc = read_bytes(b"na\xefve \x81", "odd.txt")  # 0x81 is undefined in Windows-1252
    assert doc.encoding == "Latin-1" and doc.text.startswith("naïve")


def test_markdown_is_named_and_read_as_is():
    raw = b"# Jane Doe\n\n## Skills\n\n- Python\n- **PyTorch**\n- [MLflow](https://mlflow.org)\n"
    doc = read_bytes(raw, "cv.md")
    assert doc.kind == "Markdown" and "- **PyTorch**" in doc.text


def test_bullet_glyphs_and_ligatures_normalised():
    doc = read_bytes("• Python\n\u25cf ﬁne-tuning\u00a0LLMs\n\uf0b7 SQL\n".encode(), "r.txt")
    assert doc.text == "- Python\n- fine-tuning LLMs\n- SQL\n"


def test_pdf_bullets_without_unicode_mapping_become_dashes():
    """A bullet glyph with no Unicode mapping (U+007F from some readers) must read as a list item, not vanish."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    out = io.BytesIO()
    style = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(out).build([Paragraph("Shipped vLLM serving", style, bulletText="•")])
    assert "- Shipped vLLM serving" in read_bytes(out.getvalue(), "cv.pdf").text.splitlines()


def test_eval_resumes_read_the_same_from_text_pdf_and_docx(tmp_path):
    """benchmarks/eval/make_files.py's PDF and DOCX resumes give the same words as the .txt originals."""
    import importlib.util
    import re
    from collections import Counter
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "eval" / "make_files.py"
    spec = importlib.util.spec_from_file_location("make_files", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.make_files(tmp_path)
    assert len(written) == 10

    def words(text: str) -> Counter:
        return Counter(re.findall(r"[\w+#./&-]+", text))

    for made in written:
        original = read_document(module.RESUMES / (made.stem + ".txt"))
        doc = read_document(made)
        assert doc.kind == made.suffix[1:].upper()
        assert words(doc.text) == words(original.text), made.name


# ----- refusals ---------------------------------------------------------------------------------------------------


def test_random_bytes_are_binary():
    data = random.Random(7).randbytes(4096)
    assert "binary" in refused(data, "blob.dat")


def test_image_is_named():
    assert "PNG image" in refused(b"\x89PNG\r\n\x1a\n" + bytes(100), "photo.png")


def test_empty_file():
    assert "empty" in refused(b"  \n", "blank.txt")


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Python " * 2000)
    with pytest.raises(UnreadableFile, match=r"^big\.txt is larger than 1000 bytes; "):
        read_document(path, max_bytes=1000)
    assert read_document(path).kind == "text"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(UnreadableFile, match="does not exist"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(UnreadableFile, match="is a folder"):
        read_document(tmp_path)


def test_standard_input(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Python\n")))
    doc = read_document("-")
    assert doc == Document(text="Python\n", kind="text", name="standard input", encoding="UTF-8")


def test_importing_readers_loads_no_pdf_or_docx_library():
    code = "import sys, aicareer.readers as r; r.read_bytes(b'Python', 'x'); print(sorted(m for m in sys.modules if m.split('.')[0] in ('pypdf', 'pypdfium2', 'pypdfium2_raw', 'docx', 'lxml')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}, check=True)
    assert out.stdout.strip() == "[]"


def _normalise_step_by_step(text: str) -> str:
    """The plain definition of normalise(), every step on the whole text: the oracle for its fast paths."""
    import re

    from aicareer.readers import plain

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.translate(plain._LIGATURES).translate(plain._INVISIBLE)
    text = plain._SPACES.sub(" ", text)
    text = plain._BULLET.sub("- ", text)
    text = plain._CONTROLS.sub("", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).rstrip(" \t")
    return text.strip("\n") + "\n" if text.strip() else ""


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\f\x00\x07\x7f\x1b-•\u00a0\ufb01\u200b\ufeffé\u3000\u25cf\uf0b7")),
               max_size=40))
def test_normalise_fast_paths_match_the_plain_definition(text):
    from aicareer.readers.plain import normalise

    assert normalise(text) == _normalise_step_by_step(text)
