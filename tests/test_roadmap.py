"""Roadmap plans: structure, personalisation, pacing, exports, and progress round trips."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from aicareer.core.errors import InputError
from aicareer.domain.progress import apply, carry_marks, plan_record, summarise
from aicareer.domain.roadmap import build_plan, event_months, parse_start

FIX = Path(__file__).parent / "fixtures"
TRACKS = ["mle", "prompt", "aipm", "nlp", "ai-engineer", "data-scientist", "mlops", "research-scientist",
          "data-engineer", "cv-engineer", "solutions-architect"]
BACKGROUNDS = ["software-engineer", "product-manager", "data-scientist", "student", "other"]


@pytest.mark.parametrize("track", TRACKS)
@pytest.mark.parametrize("background", BACKGROUNDS)
def test_every_track_and_background_covers_twelve_stages_in_months_without_gaps(cat, track, background):
    plan = build_plan(cat, track, background, start=datetime.date(2027, 1, 1))
    assert [s.number for s in plan.stages] == list(range(1, 13))
    assert [s.phase.id for s in plan.stages] == ["foundation"] * 3 + ["specialization"] * 3 + \
        ["certification"] * 3 + ["job-search"] * 3
    covered = [n for m in plan.months for n in range(m.number, m.last + 1)]
    assert covered == list(range(1, plan.pacing.months + 1))  # every month once, none empty
    for m in plan.months:
        assert m.hours > 0 and m.goal
    for before, after in zip(plan.months, plan.months[1:], strict=False):
        assert after.start == before.end + datetime.timedelta(days=1)
    ids = [t.id for t in plan.tasks]
    assert len(ids) == len(set(ids))
    assert plan.retired_certifications and plan.retired_certifications[0].id == "aws-mls"
    later = {t.id for t in plan.tasks if t.stage >= 7}
    assert len([i for i in later if i.startswith("cert-choose")]) == 1, "one certification choice per track"
    assert len([t for t in plan.tasks if t.stage == 11 and t.kind == "practice"]) >= 1, "interview practice"


def test_article_items_are_all_there(cat):
    text = lambda plan: " ".join(t.title for t in plan.tasks).lower()  # noqa: E731
    se = text(build_plan(cat, "mle", "software-engineer"))
    assert "pytorch basics" in se and "langchain and chromadb" in se and "llama 3" in se
    pm = text(build_plan(cat, "aipm", "product-manager"))
    assert "ai for everyone" in pm and "model cards" in pm and "pricing" in pm and "product spec" in pm
    ds = text(build_plan(cat, "mle", "data-scientist"))
    assert "kubernetes" in ds and "mlflow" in ds
    assert "langsmith" in text(build_plan(cat, "prompt", "other"))
    nlp = text(build_plan(cat, "nlp", "student"))
    assert "whisper" in nlp and "summarizes" in nlp
    for plan_text in (se, pm):
        assert "30-50 roles" in plan_text and "aicareer gap --job" in plan_text
        assert "finance, healthcare and tech" in plan_text
    assert "system design" in se and "case-study" in pm
    certs = {c.id: c for t in build_plan(cat, "mle").tasks for c in t.certifications}
    assert certs["aws-mls"].status == "retired" and certs["aws-mls"].retired_on == datetime.date(2026, 3, 31)
    assert certs["aws-mla"].price_usd == 150 and certs["gcp-pmle"].price_usd == 200


def test_known_skills_are_skipped_and_freed_time_goes_to_missing_skills(cat):
    base = build_plan(cat, "mle", "software-engineer")
    plan = build_plan(cat, "mle", "software-engineer", known=["pytorch", "python", "numpy", "pandas"])
    status = {t.id: t for t in plan.tasks}
    assert status["se-pytorch"].status == "known" and "you know PyTorch" in status["se-pytorch"].reason
    assert status["se-python"].status == "known"
    assert status["se-rag"].status == "todo"
    added = [t for t in plan.tasks if t.status == "added"]
    assert added, "freed time should go to a missing skill"
    freed = sum(t.hours for t in plan.tasks if t.status == "known")
    assert sum(t.hours for t in added) <= freed
    assert plan.pacing.total_hours < base.pacing.total_hours + 1


def test_missing_must_haves_are_added_for_a_long_move(cat):
    plan = build_plan(cat, "mle", "product-manager")
    added = {t.skills[0] for t in plan.tasks if t.status == "added"}
    assert {"python", "pytorch", "rag", "docker"} <= added
    assert all(t.id.startswith("learn-") for t in plan.tasks if t.status == "added")
    assert all(t.stage <= 6 for t in plan.tasks if t.status == "added")


def test_posting_gaps_go_into_the_specialization_months(cat):
    plan = build_plan(cat, "mle", "software-engineer", job_skills={"wandb": 2.0, "llamaindex": 2.0, "python": 3.0})
    from_posting = [(t.stage, t) for t in plan.tasks if t.status == "posting"]
    assert {t.skills[0] for _, t in from_posting} == {"wandb", "llamaindex"}  # python is already taught
    assert all(4 <= n <= 6 for n, _ in from_posting)


def test_the_plan_is_as_long_as_its_work_at_the_pace(cat):
    slow = build_plan(cat, "mle", "product-manager", hours_per_week=4, start=datetime.date(2027, 1, 1))
    per_month = 4 * 52 / 12  # hours a month at 4 h a week
    assert slow.pacing.months > 12 and not slow.pacing.fits
    assert slow.pacing.months - 1 < slow.pacing.total_hours / per_month <= slow.pacing.months + 0.05
    last = slow.months[-1].end
    assert (last.year - 2027) * 12 + last.month == slow.pacing.months  # ends in the plan's last month
    fast = build_plan(cat, "aipm", "product-manager", hours_per_week=20, start=datetime.date(2027, 1, 1))
    assert fast.pacing.months < 12 and fast.pacing.headline.startswith(f"{fast.pacing.months}-month plan")
    assert [m.label for m in fast.months][:2] == ["Jan 2027", "Feb 2027"]


def test_a_conference_task_lands_in_the_month_of_its_event(cat):
    plan = build_plan(cat, "mle", hours_per_week=8, start=datetime.date(2027, 1, 1))
    month = plan.month_of("net-conference")
    assert month is not None and month.events
    event = month.events[0]
    assert (month.start.year, month.start.month) == (event.year, event.month)
    assert "check the dates" in event.text() and "2027" in event.text()  # no cited 2027 edition
    early = build_plan(cat, "mle", hours_per_week=8, start=datetime.date(2026, 4, 1))
    cited = early.months[[m.number for m in early.months].index(early.month_of("net-conference").number)].events[0]
    assert cited.edition is not None and cited.year == 2026 and cited.edition.start.year == 2026
    assert cited.text().startswith("NeurIPS 2026: 6–12 December 2026, Sydney") and "[neurips-2026]" in cited.text()
    assert event_months(build_plan(cat, "mle")) == {}
    from aicareer.domain.roadmap import event_occurrence

    others = [p.task.id for p in month.pieces if p.task.id != "net-conference" and p.part == 1]
    assert others and all(event_occurrence(plan, tid) is None for tid in others)


def test_no_past_edition_is_shown_as_current(cat):
    from aicareer.render.roadmap_text import task_details

    plan = build_plan(cat, "mle", hours_per_week=8, start=datetime.date(2027, 1, 1))
    task = next(t for t in plan.tasks if t.id == "net-conference")
    text = " ".join(task_details(plan, task))
    assert "2025" not in text and "2026" not in text.replace("icml-2026", "").replace("neurips-2026", "")


@pytest.mark.parametrize("text", ["2027-13", "2027-00", "27-01", "January", ""])
def test_bad_start_months(text):
    with pytest.raises(InputError, match="YYYY-MM"):
        parse_start(text)


def test_bad_track_background_and_hours(cat):
    with pytest.raises(InputError, match="did you mean mle"):
        build_plan(cat, "mlle")
    with pytest.raises(InputError, match="--background: unknown value 'astronaut'"):
        build_plan(cat, "mle", "astronaut")
    assert build_plan(cat, "aipm", "PM").background == "product-manager"  # synonyms, any case
    with pytest.raises(InputError, match="hours per week"):
        build_plan(cat, "mle", hours_per_week=0)


def test_progress_marks_round_trip(cat):
    plan = build_plan(cat, "mle")
    record = plan_record(plan, "now")
    marks = apply({}, record, "done", ["se-python", "se-sklearn"])
    marks = apply(marks, record, "skip", ["net-conference"])
    s = summarise(record, marks)
    assert s.done_hours == 42 and s.done_tasks == 2 and s.skipped_tasks == 1
    assert s.total_hours == plan.pacing.total_hours - 12  # the skipped conference no longer counts
    assert s.months[0].share == 1.0
    assert apply(marks, record, "undo", ["se-python"]).get("se-python") is None
    with pytest.raises(InputError, match="did you mean se-python"):
        apply(marks, record, "done", ["se-pythn"])


def test_marks_survive_regeneration_where_ids_remain(cat):
    old = plan_record(build_plan(cat, "mle", "software-engineer"), "t0")
    marks = apply({}, old, "done", ["se-python", "mle-serving", "js-apply-10"])
    new = plan_record(build_plan(cat, "prompt", "software-engineer"), "t1")
    kept, dropped = carry_marks(marks, new)
    assert kept == {"se-python": "done", "js-apply-10": "done"} and dropped == ["mle-serving"]


# --- through the CLI ----------------------------------------------------------------------


def test_roadmap_table(run):
    r = run("roadmap", "--track", "aipm", "--background", "product-manager", "--start", "2027-01",
            "--hours-per-week", "8", env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    out = r.stdout
    for needle in ("-month plan at 8 h a week: AI Product Manager", "Foundation", "Job Search", "Jan 2027",
                   "pm-ai-course", "RETIRED 31 March 2026", "AWS Certified AI Practitioner", "h of work:",
                   "Deliverable", "<https://www.coursera.org/learn/ai-for-everyone>"):
        assert needle in out, needle
    assert max(len(line) for line in out.splitlines()) <= 80


def test_roadmap_markdown_file(run, tmp_path):
    target = tmp_path / "plan.md"
    r = run("roadmap", "--track", "mle", "--skills", "Python, PyTorch", "--job", str(FIX / "posting_mle.txt"),
            "--format", "markdown", "-o", str(target))
    assert r.exit_code == 0, r.output
    text = target.read_text()
    assert text.startswith("# ") and "-month plan at 8 h a week: Machine Learning Engineer" in text.splitlines()[0]
    assert "~~PyTorch basics" in text and "you know PyTorch" in text
    assert "*(from posting)*" in text
    assert "## Certification & Networking" in text
    assert "[PyTorch: Learn the Basics](https://docs.pytorch.org/tutorials/beginner/basics/intro.html)" in text


def test_roadmap_json(run):
    data = json.loads(run("roadmap", "-t", "nlp", "-f", "json", "--start", "2027-03").stdout)
    assert data["track"]["id"] == "nlp" and data["headline"] == f"{data['pacing']['months']}-month plan at 8 h a week"
    assert sum(m["count"] for m in data["months"]) == data["pacing"]["months"]
    assert {t["kind"] for t in data["tasks"]} <= {"learn", "practice", "project", "exam", "network", "apply"}
    assert all(t["kind"] for m in data["months"] for t in m["tasks"])
    assert data["months"][0]["name"] == "Mar 2027"
    assert data["pacing"]["hours_are"] == "editorial estimates"


def test_roadmap_ics_parses_back(run, tmp_path):
    target = tmp_path / "plan.ics"
    r = run("roadmap", "--track", "nlp", "--format", "ics", "--start", "2027-01", "-w", "8", "-o", str(target))
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(target.read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    months = [e for e in events if "-month-" in str(e["UID"])]
    assert months[0].decoded("DTSTART") == datetime.date(2027, 1, 1)
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(days=1) for e in months)
    summaries = " ".join(str(e["SUMMARY"]) for e in events)
    assert "certification exam" in summaries and "Study:" in summaries
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))


def test_roadmap_saves_the_plan_and_progress_marks(run):
    assert run("roadmap", "-t", "mle").exit_code == 0
    r = run("progress", "done", "se-python", "se-sklearn")
    assert r.exit_code == 0 and "marked done" in r.stderr
    data = json.loads(run("progress", "--json").stdout)
    assert data["done_hours"] == 42 and {m["id"]: m["mark"] for m in data["marks"]} == {"se-python": "done", "se-sklearn": "done"}
    assert run("roadmap", "-t", "mle", "--start", "2027-01").exit_code == 0  # regenerate: marks stay
    assert json.loads(run("progress", "--json").stdout)["done_hours"] == 42
    out = run("progress", env={"COLUMNS": "80"}).stdout
    assert "Overall" in out and "This week" in out


def test_no_save_leaves_progress_alone(run):
    from aicareer.state.progress_store import progress_path

    assert run("roadmap", "-t", "mle", "--no-save").exit_code == 0
    assert not progress_path().exists()
    r = run("progress")
    assert r.exit_code == 1 and "no saved plan" in r.stderr  # a state problem (exit 1), not bad input


@pytest.mark.parametrize("args,needle", [
    (["roadmap", "-t", "mlx"], "did you mean mle"),
    (["roadmap", "-t", "mle", "--background", "pilot"], "--background: unknown value 'pilot'"),
    (["roadmap", "-t", "mle", "--start", "2027-13"], "YYYY-MM"),
    (["roadmap", "-t", "mle", "-w", "0"], "hours per week"),
    (["roadmap", "-t", "mle", "-w", "-3"], "hours per week"),
    (["roadmap", "-t", "mle", "-f", "markdown", "-o", "NOFOLDER/plan.md"], "does not exist"),
    (["roadmap", "-t", "mle", "-f", "markdown", "-o", "FOLDER"], "is a folder"),
    (["roadmap"], "--track"),
])
def test_roadmap_bad_input(run, tmp_path, args, needle):
    subst = {"NOFOLDER/plan.md": str(tmp_path / "no" / "plan.md"), "FOLDER": str(tmp_path)}
    r = run(*[subst.get(a, a) for a in args])
    assert r.exit_code == 2, r.output
    assert needle in r.stderr
    assert not (tmp_path / "no").exists()


def test_progress_unknown_task_changes_nothing(run):
    from aicareer.state.progress_store import progress_path

    run("roadmap", "-t", "mle")
    before = progress_path().read_bytes()
    r = run("progress", "done", "se-python", "no-such-task")
    assert r.exit_code == 2 and "unknown task id 'no-such-task'" in r.stderr
    assert progress_path().read_bytes() == before


def test_damaged_progress_file_is_moved_aside(run):
    from aicareer.state.progress_store import progress_path

    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"version": 1, "plan": 3}')
    r = run("progress")
    assert r.exit_code == 1 and "damaged" in r.stderr
    assert list(path.parent.glob("progress.json.corrupt-*"))


def test_the_suggested_pace_really_fits(cat):
    slow = build_plan(cat, "mle", "software-engineer", hours_per_week=6)
    assert not slow.pacing.fits
    enough = build_plan(cat, "mle", "software-engineer", hours_per_week=slow.pacing.hours_per_week_to_fit)
    assert enough.pacing.fits
    less = build_plan(cat, "mle", "software-engineer", hours_per_week=slow.pacing.hours_per_week_to_fit - 1)
    assert not less.pacing.fits


def test_a_stage_whose_learning_you_all_know_drops_its_deliverable(run):
    r = run("roadmap", "-t", "mle", "--background", "software-engineer", "--skills",
            "PyTorch, LLM APIs, API pricing", "-f", "markdown")
    assert r.exit_code == 0, r.output
    assert "You know everything “PyTorch basics” teaches" in r.stdout
    assert "A small PyTorch model trained end to end" not in r.stdout
    assert "· 0 h" not in r.stdout


def test_practice_is_shortened_not_skipped_by_a_known_skill(cat):
    plan = build_plan(cat, "aipm", "product-manager", known=["ab-testing", "stakeholder-management"])
    tasks = {t.id: t for t in plan.tasks}
    assert tasks["aipm-ab"].status == "todo" and tasks["aipm-ab"].hours == 6 and tasks["aipm-ab"].full_hours == 12
    assert "shortened from 12 h" in tasks["aipm-ab"].reason
    assert tasks["aipm-review"].status == "todo" and tasks["aipm-review"].hours < 8
    month6 = next(s for s in plan.stages if s.number == 6)
    assert month6.deliverable and month6.hours > 0


@pytest.mark.parametrize("months,expected", [
    (11, "279 h of work: 11 months at 6 h a week, shorter than the article's 12 months."),
    (12, "414 h of work: 12 months at 8 h a week, the article's 12 months."),
    (52, "443 h of work: 52 months at 2 h a week; 9 h a week would fit it in the article's 12 months."),
])
def test_pacing_text_names_the_real_length(months, expected):
    from aicareer.domain.roadmap import Pacing
    from aicareer.render.roadmap_text import pacing_text

    total, hours = int(expected.split(" h")[0]), int(expected.split(" at ")[1].split(" h")[0])
    assert pacing_text(Pacing(hours_per_week=hours, total_hours=total, months=months)) == expected
