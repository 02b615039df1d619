"""One consistent command line (issue 18): --json anywhere, -o and --format agreeing, data on stdout and
messages on stderr, exit codes, help that lists its values and examples, completion, one hours range."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from aicareer.cli import output
from aicareer.cli.all_commands import app
from aicareer.core.errors import InputError

PM = ("background: product-manager\nexperience_years: 7\nskills: [A/B testing, stakeholder management]\n"
      "interests: [product-strategy]\nlocation: nyc\nhours_per_week: 6\n")


def one_line(text: str) -> bool:
    return len(text.strip().splitlines()) == 1


@pytest.fixture
def plan(run):
    """A saved mle plan (the state `progress` needs)."""
    r = run("roadmap", "--track", "mle")
    assert r.exit_code == 0, r.stderr
    return r


# --- 1. --json on every command that prints data, anywhere on the line ------------------------------


def test_roadmap_json_flag_is_format_json_wherever_it_stands(run):
    after = run("roadmap", "--track", "mle", "--no-save", "--json")
    before = run("roadmap", "--json", "--no-save", "-t", "mle")
    via_format = run("roadmap", "--track", "mle", "--no-save", "--format", "json")
    assert after.exit_code == before.exit_code == via_format.exit_code == 0, after.stderr
    data = json.loads(after.stdout)
    assert data["track"]["id"] == "mle" and data["tasks"]
    assert json.loads(before.stdout) == data == json.loads(via_format.stdout)


def test_json_and_another_format_are_refused(run):
    r = run("roadmap", "-t", "mle", "--no-save", "--json", "--format", "markdown")
    assert r.exit_code == 2 and one_line(r.stderr) and "--json" in r.stderr and r.stdout == ""


@pytest.mark.parametrize("place", ["after", "before"])
@pytest.mark.parametrize("action, ids, mark", [("done", ["se-python"], "done"),
                                               ("skip", ["net-conference"], "skipped")])
def test_progress_actions_print_their_result_as_json(run, plan, place, action, ids, mark):
    args = ["progress", action, *ids, "--json"] if place == "after" else ["progress", "--json", action, *ids]
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["action"] == action and data["tasks"] == ids
    assert [(m["id"], m["mark"]) for m in data["marks"]] == [(ids[0], mark)] and data["plan"]["track"] == "mle"
    assert "Overall" in r.stderr  # the human message stays on stderr


def test_progress_undo_and_replan_as_json(run, plan):
    assert run("progress", "done", "se-python").exit_code == 0
    undo = run("progress", "undo", "se-python", "--json")
    assert undo.exit_code == 0 and json.loads(undo.stdout)["marks"] == []
    replan = run("progress", "replan", "-w", "6", "--json")
    assert replan.exit_code == 0, replan.stderr
    data = json.loads(replan.stdout)
    assert data["action"] == "replan" and data["plan"]["hours_per_week"] == 6


@pytest.mark.parametrize("args, key", [
    (["profile", "show", "--json"], "folder"),
    (["profile", "path", "--json"], "folder"),
    (["locations", "seattle", "--json"], None),
    (["offer", "--base", "185k", "--json"], None),
])
def test_other_data_commands_take_json(run, args, key):
    r = run(*args)
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data and (key is None or key in data)


@pytest.mark.parametrize("before, after", [(["profile", "--json", "show"], ["profile", "show", "--json"]),
                                           (["profile", "--json", "path"], ["profile", "path", "--json"]),
                                           (["data", "--json", "validate"], ["data", "validate", "--json"])])
def test_json_before_the_subcommand_is_the_same(run, before, after):
    first, second = run(*before), run(*after)
    assert first.exit_code == second.exit_code == 0, first.stderr
    assert json.loads(first.stdout) == json.loads(second.stdout)


def test_data_validate_json_lists_problems(run, tmp_path):
    (tmp_path / "roles.yaml").write_text("roles:\n  - id: broken\n")
    r = run("data", "validate", str(tmp_path), "--json")
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert data["ok"] is False and isinstance(data["problems"], list) and data["problems"]
    assert all(isinstance(p, str) for p in data["problems"])


# --- 2. -o infers the format; --format must agree; '-' is stdout; aliases ------------------------------


@pytest.mark.parametrize("name, check", [
    ("plan.md", lambda t: t.startswith("# ")),
    ("plan.json", lambda t: json.loads(t)["track"]["id"] == "mle"),
    ("plan.ics", lambda t: t.startswith("BEGIN:VCALENDAR")),
    ("plan.txt", lambda t: "Month 1" in t and "\x1b[" not in t and not t.startswith(("#", "{", "BEGIN"))),
    ("PLAN.MD", lambda t: t.startswith("# ")),
])
def test_output_extension_sets_the_format(run, tmp_path, name, check):
    r = run("roadmap", "-t", "mle", "--no-save", "-o", str(tmp_path / name))
    assert r.exit_code == 0, r.stderr
    assert check((tmp_path / name).read_text()), name
    assert r.stdout == "" and "wrote" in r.stderr


@pytest.mark.parametrize("args", [["-o", "plan.ics", "--format", "markdown"], ["-o", "plan.md", "-f", "json"],
                                  ["-o", "plan.json", "--format", "ics"], ["-o", "plan.txt", "--json"],
                                  ["-o", "plan.pdf"], ["-f", "xml"]])
def test_a_format_that_contradicts_the_file_is_refused(run, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    r = run("roadmap", "-t", "mle", "--no-save", *args)
    assert r.exit_code == 2 and one_line(r.stderr), r.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


@pytest.mark.parametrize("alias, start", [("md", "# "), ("MD", "# "), ("ical", "BEGIN:VCALENDAR"),
                                          ("JSON", "{"), ("Markdown", "# ")])
def test_format_aliases_in_any_case(run, alias, start):
    r = run("roadmap", "-t", "mle", "--no-save", "-f", alias)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(start)


def test_txt_alias_is_the_table(run):
    table = run("roadmap", "-t", "mle", "--no-save")
    txt = run("roadmap", "-t", "mle", "--no-save", "-f", "txt")
    assert txt.exit_code == 0 and txt.stdout == table.stdout


def test_dash_is_standard_output_not_a_file(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("roadmap", "-t", "mle", "--no-save", "-o", "-", "-f", "md")
    assert r.exit_code == 0 and r.stdout.startswith("# ")
    assert not (tmp_path / "-").exists() and "wrote" not in r.stderr


def test_report_writes_only_html(run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "me.yaml"
    answers.write_text(PM)
    pdf = run("report", "--answers", str(answers), "-o", "r.pdf")
    assert pdf.exit_code == 2 and one_line(pdf.stderr) and ".html" in pdf.stderr
    assert not (tmp_path / "r.pdf").exists()
    dash = run("report", "--answers", str(answers), "-o", "-")
    assert dash.exit_code == 0, dash.stderr
    assert dash.stdout.lstrip().lower().startswith("<!doctype html") and not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt, path, expected", [
    (None, None, ("table", None)), (None, "-", ("table", None)), ("md", None, ("markdown", None)),
    (None, "a.ICS", ("ics", "a.ICS")), ("ical", "a.ics", ("ics", "a.ics")), (None, "plan", ("table", "plan")),
    ("json", "plan", ("json", "plan")),
])
def test_target_rules(fmt, path, expected):
    t = output.target(fmt, Path(path) if path else None, ("table", "markdown", "json", "ics"), default="table")
    assert (t.fmt, str(t.path) if t.path else None) == expected


def test_target_refuses_json_where_there_is_none():
    with pytest.raises(InputError):
        output.target(None, None, ("html",), default="html", json=True)


# --- 3. data on stdout, messages on stderr; exit 1 for state, 2 for input ------------------------------


def test_roadmap_saves_with_a_message_on_stderr_only(run):
    r = run("roadmap", "--track", "mle")
    assert r.exit_code == 0
    assert "saved as your current plan" in r.stderr
    assert "saved" not in r.stdout.lower() and "aicareer:" not in r.stdout


def test_roadmap_does_not_rewrite_an_unchanged_plan(run):
    """Viewing the saved plan again writes nothing; a different plan, or a new mark, is saved."""
    import os

    path = Path(os.environ["AICAREER_HOME"]) / "progress.json"
    assert run("roadmap", "--track", "mle").exit_code == 0
    first = path.stat().st_mtime_ns, path.read_bytes()
    r = run("roadmap", "--track", "mle")
    assert r.exit_code == 0 and "saved as your current plan" in r.stderr
    assert (path.stat().st_mtime_ns, path.read_bytes()) == first
    assert run("progress", "done", "se-python").exit_code == 0
    assert run("roadmap", "--track", "mle", "-w", "5").exit_code == 0
    data = json.loads(path.read_text())
    assert data["plan"]["hours_per_week"] == 5 and data["marks"] == {"se-python": "done"}


def test_roadmap_to_a_file_leaves_stdout_empty(run, tmp_path):
    r = run("roadmap", "--track", "mle", "-o", str(tmp_path / "plan.md"))
    assert r.exit_code == 0 and r.stdout == ""
    assert "wrote" in r.stderr and "saved as your current plan" in r.stderr


def test_assess_profile_message_on_stderr(run, tmp_path):
    answers = tmp_path / "me.yaml"
    answers.write_text(PM)
    r = run("assess", "--answers", str(answers))
    assert r.exit_code == 0
    assert "profile saved to" in r.stderr and "saved to" not in r.stdout


@pytest.mark.parametrize("args, hint", [(["report"], "aicareer assess"), (["progress"], "aicareer roadmap"),
                                        (["progress", "done", "se-python"], "aicareer roadmap"),
                                        (["progress", "replan"], "aicareer roadmap")])
def test_missing_state_exits_1_saying_what_to_run(run, tmp_path, monkeypatch, args, hint):
    monkeypatch.chdir(tmp_path)
    r = run(*args)
    assert r.exit_code == 1 and one_line(r.stderr) and hint in r.stderr, r.stderr
    assert r.stdout == ""


# --- 4. help ---------------------------------------------------------------------------------------------

COMMANDS = [["compare"], ["roles"], ["role"], ["market"], ["locations"], ["assess"], ["gap"], ["roadmap"],
            ["report"], ["offer"], ["profile"], ["profile", "show"], ["profile", "path"], ["profile", "reset"],
            ["data"], ["data", "validate"], ["progress"], ["progress", "done"], ["progress", "skip"],
            ["progress", "undo"], ["progress", "replan"]]


def help_text(run, *args: str, columns: int = 80) -> str:
    r = run(*args, "--help", env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.output
    return r.stdout


def test_root_help_shows_every_summary_whole_at_80_columns(run):
    text = help_text(run)
    listing = text[text.index("Commands:"):]
    rows = [line for line in listing.splitlines()[1:] if re.match(r"  [a-z]", line)]
    assert {row.split()[0] for row in rows} >= {c[0] for c in COMMANDS}
    for row in rows:
        assert not row.rstrip().endswith("..."), row  # click's cut
        assert row.rstrip().endswith("."), row  # a whole sentence
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "--install-completion" in text and "--show-completion" in text


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_every_command_has_examples_that_fit_80_columns(run, args):
    text = help_text(run, *args)
    assert "Example" in text, args
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80, [line for line in lines if len(line) > 80]
    examples = [line.strip() for line in lines if line.strip().startswith("aicareer ")]
    assert examples, args
    for example in examples:  # whole commands: never an id broken onto the next line
        assert example.startswith("aicareer " + " ".join(args)), example
        assert not example.endswith(("-", ",")), example


def test_subgroup_summaries_are_whole(run):
    for group in ("profile", "progress", "data"):
        text = help_text(run, group)
        listing = text[text.index("Commands:"):]
        assert "..." not in listing, listing


def normalised(text: str) -> str:
    return " ".join(text.split())


def test_data_choice_lists_match_the_data(cat):
    backgrounds = [c for c, _ in cat.choices(cat.questions["background"])]
    interests = [c for c, _ in cat.choices(cat.questions["interests"])]
    industries = [i.id for i in cat.market.industries]
    tracks = [r.id for r in cat.roles.values() if r.track]
    assert list(output.BACKGROUNDS) == backgrounds
    assert list(output.INTERESTS) == interests
    assert list(output.INDUSTRIES) == industries
    assert list(output.TRACKS) == tracks
    synonyms = {c.id: c.synonyms for c in cat.questions["background"].choices}
    assert all(s in synonyms[b] for b, s in output.BACKGROUND_SHOWN_SYNONYMS.items())


def test_hours_range_is_the_questionnaires(cat):
    q = cat.questions["hours_per_week"]
    assert output.HOURS == (q.min, q.max)
    raw = yaml.safe_load((Path(__file__).resolve().parents[1] / "data" / "questions.yaml").read_text())
    q2 = next(x for x in raw["questions"] if x["id"] == "hours_per_week")
    assert output.HOURS == (q2["min"], q2["max"]) == (1, 80)


@pytest.mark.parametrize("args, values", [
    (["assess"], list(output.BACKGROUNDS) + ["build-models", "customer-facing", "big-tech", "ecommerce-startups",
                                             "1-80"]),
    (["roadmap"], list(output.BACKGROUNDS) + list(output.TRACKS)
     + ["table", "markdown (md)", "json", "ics (ical)", "saturday", "sunday", "1-80"]),
    (["compare"], ["midpoint", "low", "high", "name", "entry", "mid", "senior"]),
    (["progress", "replan"], ["1-80"]),
])
@pytest.mark.parametrize("columns", [80, 120])
def test_choice_options_list_their_values(run, args, values, columns):
    text = help_text(run, *args, columns=columns)
    words = set(re.findall(r"[a-z0-9][a-z0-9-]*[a-z0-9]", text))
    for value in values:
        if " " in value or "(" in value:
            assert value in normalised(text), value
        else:
            assert value in words, value  # whole: never 'deploy-' then 'systems'


@pytest.mark.parametrize("args", [
    ["compare", "--sort", "Midpoint"], ["compare", "--sort", "HIGH", "--level", "Senior"],
    ["roadmap", "-t", "MLE", "--background", "PM", "--no-save"],
    ["roadmap", "-t", "mle", "--background", "career-changer", "--no-save"],
    ["roadmap", "-t", "mle", "--no-save", "-f", "ICS", "--study-day", "SUN"],
])
def test_choice_values_in_any_case(run, args):
    r = run(*args)
    assert r.exit_code == 0, r.stderr


def test_unknown_choice_is_bad_input_with_the_valid_values(run):
    r = run("compare", "--sort", "middle")
    assert r.exit_code == 2 and one_line(r.stderr) and "midpoint" in r.stderr
    r = run("roadmap", "-t", "mle", "--background", "pilot", "--no-save")
    assert r.exit_code == 2 and one_line(r.stderr) and "--background: unknown value" in r.stderr


@pytest.mark.parametrize("args", [["roadmap", "-t", "mle", "--no-save", "-w", "81"],
                                  ["roadmap", "-t", "mle", "--no-save", "-w", "0"],
                                  ["assess", "--hours-per-week", "81"]])
def test_one_hours_range_everywhere(run, args):
    r = run(*args)
    assert r.exit_code == 2 and "1..80" in r.stderr and one_line(r.stderr), r.stderr


def test_hours_range_in_replan(run, plan):
    assert run("progress", "replan", "-w", "81").exit_code == 2
    assert run("roadmap", "-t", "mle", "--no-save", "-w", "80").exit_code == 0


def test_shell_completion_offers_the_values():
    # (whether --show-completion takes a SHELL or detects it depends on shellingham being importable,
    # which differs between environments: the options' presence is checked below, not their parsing)
    assert output.completer("interests")("build-models,de") == ["build-models,deploy-systems"]
    assert set(output.completer("background")("s")) == {"software-engineer", "student"}
    assert output.completer("industries")("he") == ["healthcare"]


def test_completion_through_the_shell_protocol(run):
    r = run(env={"_AICAREER_COMPLETE": "complete_bash", "COMP_WORDS": "aicareer roadmap --format ",
                 "COMP_CWORD": "3"})
    assert r.stdout.split() == ["table", "markdown", "json", "ics"]


def test_the_app_has_completion_installed():
    from typer.main import get_command

    names = {opt for p in get_command(app).params for opt in p.opts}
    assert {"--install-completion", "--show-completion"} <= names


def test_roadmap_formats_are_the_exports():
    from aicareer.cli.commands import roadmap
    from aicareer.render import roadmap_export

    assert roadmap.FORMATS == roadmap_export.FORMATS
    assert all(output.ALIASES[f] == f for f in roadmap.FORMATS)
    assert {output.EXTENSIONS[output.MAIN_EXTENSION[f]] for f in roadmap.FORMATS} == set(roadmap.FORMATS)
