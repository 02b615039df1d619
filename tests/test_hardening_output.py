"""What reaches the terminal, the exports and -o targets (issue 17)."""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

import pytest
from conftest import bundled_text
from hardening_util import cli

EVIL = r'"Machine \e]0;PWNED\a\e[2J\x9b31m Learning\u202e Engineer"'
SE = ("background: software-engineer\nexperience_years: 6\nskills: [python]\ninterests: [build-models]\n"
      "location: sf\nhours_per_week: 10\n")
ESCAPES = ("\x1b]", "\x1b[2J", "\x07", "\x9b", "\u202e")
#: rich's own terminal hyperlinks (OSC 8, for source addresses) are the one escape it may write
HYPERLINK = re.compile(r"\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")


def evil_roles(overlay) -> Path:
    roles = bundled_text("roles.yaml")
    return overlay({"roles.yaml": roles.replace("name: Machine Learning Engineer", f"name: {EVIL}", 1)})


@pytest.mark.parametrize("args", [["compare"], ["role", "mle"], ["roles"], ["gap", "mle", "--skills", "python"],
                                  ["roadmap", "-t", "mle", "--no-save"]])
@pytest.mark.parametrize("colour", [{}, {"FORCE_COLOR": "1", "TERM": "xterm-256color"}])
def test_escape_sequences_in_data_never_reach_the_terminal(run, overlay, args, colour):
    folder = evil_roles(overlay)
    r = run(*args, "--data-dir", str(folder), env=colour)
    assert r.exit_code == 0, r.stderr
    shown = HYPERLINK.sub("", r.stdout + r.stderr)
    assert not [e for e in ESCAPES if e in shown], repr(shown[:400])
    if args[0] == "role":
        assert "PWNED" in r.stdout  # the text is still shown, escaped


def test_rich_keeps_its_own_colours(run):
    r = run("compare", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert r.exit_code == 0 and "\x1b[" in r.stdout


def test_escape_sequences_in_a_hand_edited_progress_file(run, tmp_path):
    assert run("roadmap", "--track", "mle").exit_code == 0
    path = Path(os.environ["AICAREER_HOME"]) / "progress.json"
    data = json.loads(path.read_text())
    data["plan"]["tasks"][0]["title"] = "Learn \x1b]0;PWNED\x07\x1b[2J Python"
    data["plan"]["track_name"] = "MLE \x1b[2J"
    path.write_text(json.dumps(data))
    for args in (["progress"], ["progress", "done", data["plan"]["tasks"][0]["id"]]):
        r = run(*args, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
        assert r.exit_code == 0, r.stderr
        assert not [e for e in ESCAPES if e in r.stdout + r.stderr], repr(r.stdout[:300])


def test_escape_sequences_in_file_names_and_options_are_escaped(run, tmp_path):
    evil = str(tmp_path / "cv\x1b]0;PWNED\x07.txt")
    r = run("gap", "mle", "--resume", evil)
    assert r.exit_code == 2 and "\x1b" not in r.stderr and "PWNED" in r.stderr
    answers = tmp_path / "a.yaml"
    answers.write_text(SE)
    r = run("report", "--answers", str(answers), "--name", "Sam\x1b[2J\x1b]0;x\x07", "-o",
            str(tmp_path / "r\x1b[2J.html"))
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout + r.stderr and "\x07" not in r.stderr


def test_markdown_export_escapes_markup_from_data(run, overlay, tmp_path):
    roles = bundled_text("roles.yaml")
    folder = overlay({"roles.yaml": roles.replace(
        "name: Machine Learning Engineer",
        r'name: "ML\n# INJECTED\n- [x] fake <script>alert(1)</script>"', 1)})
    out = tmp_path / "plan.md"
    r = run("roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", str(out), "--data-dir", str(folder))
    assert r.exit_code == 0, r.stderr
    lines = out.read_text().splitlines()
    assert not [line for line in lines if line.startswith(("# INJECTED", "- [x] fake"))], lines[:3]
    assert "<script>" not in out.read_text()
    assert lines[0].startswith("# 12-month plan at 8 h a week: ML")


def test_markdown_escape_helper():
    from aicareer.render.roadmap_export import md_inline

    assert md_inline("a\n# b") == "a # b"
    assert md_inline("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert md_inline("[x](javascript:1)") == "[x\\](javascript:1)"
    assert md_inline("[aws-mla]") == "[aws-mla]"  # citations stay as they were


def test_html_report_escapes_data(run, overlay, tmp_path):
    roles = bundled_text("roles.yaml")
    folder = overlay({"roles.yaml": roles.replace("name: Machine Learning Engineer",
                                                  'name: "ML <script>alert(1)</script>"', 1)})
    out = tmp_path / "r.html"
    answers = tmp_path / "a.yaml"
    answers.write_text(SE)
    r = run("report", "--answers", str(answers), "--name", "<img src=x onerror=alert(1)>", "-o", str(out),
            "--data-dir", str(folder))
    assert r.exit_code == 0, r.stderr
    html = out.read_text()
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_output_to_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    r = cli(tmp_path, "roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", str(fifo), timeout=20)
    assert r.returncode == 2 and b"not a regular file" in r.stderr, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
@pytest.mark.parametrize("device,code", [((1, 3), 0), ((1, 7), 1)])  # a copy of /dev/null, of /dev/full
def test_output_to_a_device_never_replaces_it(tmp_path, device, code):
    node = tmp_path / "dev"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(*device))
    r = cli(tmp_path, "roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", str(node), timeout=20)
    assert r.returncode in (code, 2) and b"internal error" not in r.stderr, r.stderr
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_atomic_write_never_renames_over_a_special_file(tmp_path):
    from aicareer.core.atomic import atomic_write
    from aicareer.core.errors import AicareerError

    fifo = tmp_path / "state.json"
    os.mkfifo(fifo)
    with pytest.raises(AicareerError, match="not a regular file"):
        atomic_write(fifo, "{}")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and [p.name for p in tmp_path.iterdir()] == ["state.json"]


def test_json_output_escapes_c1_and_surrogates():
    import io

    from aicareer.cli import app as cli_app

    buf = io.StringIO()
    old, sys.stdout = sys.stdout, buf
    try:
        cli_app.print_json({"a": "x\x9b2J\u202e", "b": "caf\udce9"})
    finally:
        sys.stdout = old
    text = buf.getvalue()
    assert "\x9b" not in text and "\u202e" not in text and "\udce9" not in text
    assert json.loads(text) == {"a": "x\x9b2J\u202e", "b": "caf\udce9"}


def test_printable_escapes_controls_and_keeps_text():
    from aicareer.core.safe_text import message, printable

    assert printable("a\x1b]0;t\x07b\x9b2J\u202e") == "a\\x1b]0;t\\x07b\\x9b2J\\u202e"
    assert printable("caf\udce9") == "caf\\xe9"  # an undecodable file-name byte
    assert printable("line 1\nline 2\ttab é 💥") == "line 1\nline 2\ttab é 💥"
    assert printable("a\nb", one_line=True) == "a b"
    assert len(message("x" * 100_000)) < 1100
