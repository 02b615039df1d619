"""Plans that fit real time (issue 16): personas, honest months, task kinds, events, the tracker
that knows today, re-pacing, and the calendar file parsed back."""

from __future__ import annotations

import datetime
import json
import math

import pytest
from icalendar import Calendar

from aicareer.core import months as cal
from aicareer.core.errors import InputError
from aicareer.domain.progress import plan_record, replan, standing, summarise
from aicareer.domain.roadmap import WEEKS_PER_MONTH, Plan, build_plan

JAN = datetime.date(2027, 1, 1)
SENIOR_SKILLS = ["python", "numpy", "pandas", "scikit-learn", "pytorch", "llm-apis", "api-pricing", "rag",
                 "langchain", "vector-databases", "docker", "kubernetes", "mlflow", "ci-cd-ml", "aws",
                 "prometheus", "grafana", "system-design", "fine-tuning"]


def assert_honest(plan: Plan, hours_per_week: int) -> None:
    """None of issue 16's contradictions: spans exact and back to back, no empty month, the
    headline's length is the months the cards cover, no card holds more than its months allow."""
    per_month = hours_per_week * 52 / 12
    covered = [n for m in plan.months for n in range(m.number, m.last + 1)]
    assert covered == list(range(1, len(covered) + 1))
    assert plan.pacing.headline == f"{len(covered)}-month plan at {hours_per_week} h a week"
    assert plan.months[0].start == plan.start
    for before, after in zip(plan.months, plan.months[1:], strict=False):
        assert after.start == before.end + datetime.timedelta(days=1)  # no overlap, no gap
        assert before.label != after.label
    for m in plan.months:
        assert m.start is not None and m.end is not None
        assert m.start.day == 1 and (m.end + datetime.timedelta(days=1)).day == 1  # whole calendar months
        assert (m.end.year - m.start.year) * 12 + m.end.month - m.start.month + 1 == m.count
        assert m.hours > 0, f"{m.numbers} has no work"
        assert m.hours <= m.count * per_month + 1.0, f"{m.numbers}: {m.hours} h in {m.count} month(s)"
    for m in plan.months[:-1]:  # balanced: every month but the last is a full month at the pace
        assert m.hours >= m.count * per_month - 1.0, f"{m.numbers}: only {m.hours:.1f} h"
    # the total is the work of the tasks, and it takes the headline's months at this pace
    assert sum(m.hours for m in plan.months) == pytest.approx(plan.pacing.total_hours)
    assert len(covered) - 1 < plan.pacing.total_hours / per_month <= len(covered) + 0.05
    pieces = [p for m in plan.months for p in m.pieces]
    for t in plan.tasks:
        mine = [p for p in pieces if p.task.id == t.id]
        assert [p.part for p in mine] == list(range(1, len(mine) + 1)) and {p.parts for p in mine} <= {len(mine)}
        assert sum(p.hours for p in mine) == pytest.approx(t.hours if t.active else 0)
        if t.kind != "learn":
            assert t.status != "known", f"{t.id} ({t.kind}) must never be skipped"


@pytest.mark.parametrize("track,background,hours,known", [
    ("mle", "software-engineer", 8, SENIOR_SKILLS),  # a senior engineer who knows most skills
    ("aipm", "product-manager", 6, ["ab-testing", "stakeholder-management", "model-cards"]),  # an AI PM
    ("mle", "student", 2, []),  # a student with 2 h a week
    ("mle", "student", 20, []),  # the same student with 20 h a week
    ("ai-engineer", "software-engineer", 10, ["python", "docker"]),
])
def test_personas_get_honest_plans(cat, track, background, hours, known):
    assert_honest(build_plan(cat, track, background, known=known, hours_per_week=hours, start=JAN), hours)


def test_the_senior_engineer_skips_learning_but_keeps_practice_and_exams(cat):
    plan = build_plan(cat, "mle", "software-engineer", known=SENIOR_SKILLS, start=JAN)
    tasks = {t.id: t for t in plan.tasks}
    assert tasks["se-pytorch"].status == "known" and tasks["se-rag"].status == "known"
    study = tasks["cert-study"]  # an exam task: a known AWS shortens it, never skips it
    assert study.status == "todo" and study.hours == 15 and "shortened from 30 h: you know AWS" in study.reason
    assert tasks["cert-exam"].status == "todo"
    assert tasks["mle-k8s"].status == "todo" and tasks["mle-k8s"].hours < 15
    emptied = [s for s in plan.stages if s.deliverable is None]
    assert [s.number for s in emptied] == [1, 2]  # every foundation task in months 1-2 is known


def test_student_at_2_and_20_hours_a_week(cat):
    slow = build_plan(cat, "mle", "student", hours_per_week=2, start=JAN)
    fast = build_plan(cat, "mle", "student", hours_per_week=20, start=JAN)
    assert slow.pacing.total_hours == fast.pacing.total_hours
    total = slow.pacing.total_hours
    assert slow.pacing.months == math.ceil(total / (2 * 52 / 12) - 0.05) > 12
    assert fast.pacing.months == math.ceil(total / (20 * 52 / 12) - 0.05) < 12
    from aicareer.render.roadmap_text import month_heading, month_pace, pacing_text

    assert "would fit it in the article's 12 months" in pacing_text(slow.pacing)
    assert "shorter than the article's 12 months" in pacing_text(fast.pacing)
    long_cards = [m for m in slow.months if m.count > 1]
    assert long_cards, "a 40-hour task at 2 h a week spans several months on one card"
    said = month_pace(long_cards[0])
    months_said = float(said.split("≈")[1].split(" months")[0])
    assert months_said <= long_cards[0].count + 0.05 and " at 2 h a week" in said
    assert len(month_heading(long_cards[0])) < 76  # fits a card title at 80 columns


def test_the_ai_pm_keeps_the_ab_test_and_the_review(cat):
    plan = build_plan(cat, "aipm", "product-manager", known=["ab-testing", "stakeholder-management"],
                      hours_per_week=6, start=JAN)
    for tid in ("aipm-ab", "aipm-review", "pm-ab"):
        task = next(t for t in plan.tasks if t.id == tid)
        assert task.status == "todo" and task.shortened and task.reason.startswith("shortened from")
    assert all(s.deliverable for s in plan.stages)


# --- the tracker that knows today -------------------------------------------------------------

def _expected_marks(record, upto_hours):
    """Mark tasks done in the plan's order until at least `upto_hours` are done."""
    marks, done = {}, 0
    for t in record["tasks"]:
        if t["status"] == "known":
            continue
        if done >= upto_hours:
            break
        marks[t["id"]] = "done"
        done += t["hours"]
    return marks


def test_three_months_in_with_nothing_marked_is_behind(cat):
    record = plan_record(build_plan(cat, "mle", hours_per_week=8, start=JAN), "2027-01-01T00:00:00+00:00")
    today = datetime.date(2027, 4, 2)  # 13 weeks after the start
    s = standing(record, {}, today)
    assert s.state == "behind" and s.month == 4 and s.month_label == "Apr 2027"
    assert s.expected_hours == pytest.approx(8 * 91 / 7) and s.done_hours == 0
    assert s.difference == pytest.approx(-104) and s.weeks == pytest.approx(13)
    assert s.this_week[0].id == "se-python" and sum(t.hours for t in s.this_week) == 8


def test_three_months_in_with_the_expected_work_marked_is_on_track(cat):
    record = plan_record(build_plan(cat, "mle", hours_per_week=8, start=JAN), "2027-01-01T00:00:00+00:00")
    today = datetime.date(2027, 4, 2)
    marks = _expected_marks(record, 8 * 91 / 7 - 4)
    s = standing(record, marks, today)
    assert s.state == "on track", (s.done_hours, s.expected_hours)
    assert s.this_week and all(marks.get(t.id) != "done" for t in s.this_week)
    ahead = standing(record, _expected_marks(record, 8 * 91 / 7 + 20), today)
    assert ahead.state == "ahead" and ahead.difference > 8


def test_before_the_start_nothing_is_expected(cat):
    record = plan_record(build_plan(cat, "mle", hours_per_week=8, start=JAN), "2026-11-01T00:00:00+00:00")
    s = standing(record, {}, datetime.date(2026, 12, 1))
    assert s.state == "not started" and s.expected_hours == 0 and s.month is None


def test_replan_repaces_from_today_and_keeps_every_mark(cat):
    record = plan_record(build_plan(cat, "mle", hours_per_week=8, start=JAN), "2027-01-01T00:00:00+00:00")
    marks = {"se-python": "done", "se-sklearn": "done", "net-conference": "skipped"}
    today = datetime.date(2027, 4, 16)
    new = replan(record, marks, today, hours_per_week=10)
    assert new["start"] == "2027-04-01" and new["paced_from"] == "2027-04-16" and new["hours_per_week"] == 10
    assert {t["id"] for t in new["tasks"]} == {t["id"] for t in record["tasks"]}  # every task, every mark
    assert all(t["month"] == 0 for t in new["tasks"] if t["id"] in marks)
    assert all(t["month"] >= 1 for t in new["tasks"] if t["id"] not in marks and t["status"] != "known")
    assert [m["label"] for m in new["months"]][:2] == ["Apr 2027", "May 2027"]
    remaining = sum(t["hours"] for t in new["tasks"] if t["month"] >= 1)
    per_month = 10 * WEEKS_PER_MONTH
    left_in_april = per_month * (1 - cal.elapsed(datetime.date(2027, 4, 1), today))
    assert len(new["months"]) == 1 + math.ceil((remaining - left_in_april) / per_month - 0.05)
    s = standing(new, marks, today)
    assert s.state == "on track" and s.expected_hours == 42 and s.month == 1
    assert summarise(new, marks).done_hours == 42


def test_progress_and_replan_through_the_cli_with_a_fixed_clock(run):
    assert run("roadmap", "-t", "mle", "--start", "2027-01", "-w", "8").exit_code == 0
    clock = {"AICAREER_TODAY": "2027-04-02", "COLUMNS": "80"}
    r = run("progress", env=clock)
    assert r.exit_code == 0, r.output
    assert "Today, 2 April 2027: month 4 of" in r.stdout and "Behind by 104 h: ≈13.0 weeks at 8 h a week" in r.stdout
    assert "This week (8 h)" in r.stdout and "aicareer progress replan" in r.stdout
    data = json.loads(run("progress", "--json", env=clock).stdout)
    assert data["today"]["state"] == "behind" and data["today"]["month"] == 4
    r = run("progress", "replan", env=clock)
    assert r.exit_code == 0 and "re-paced" in r.stderr
    data = json.loads(run("progress", "--json", env=clock).stdout)
    assert data["today"]["state"] == "on track" and data["plan"]["start"] == "2027-04-01"
    bad = run("progress", env={"AICAREER_TODAY": "April"})
    assert bad.exit_code == 2 and "AICAREER_TODAY" in bad.stderr


# --- the calendar -------------------------------------------------------------------------

def _ics(run, tmp_path, *args):
    target = tmp_path / f"plan{len(list(tmp_path.iterdir()))}.ics"
    r = run("roadmap", "-t", "mle", "-f", "ics", "-o", str(target), "--no-save", *args)
    assert r.exit_code == 0, r.output
    return Calendar.from_ical(target.read_bytes())


def test_ics_has_weekly_study_blocks_alarms_and_short_month_events(run, tmp_path):
    parsed = _ics(run, tmp_path, "--start", "2027-01", "-w", "10", "--study-day", "sun", "--study-time", "18:30",
                  "--reminder", "15")
    events = list(parsed.walk("VEVENT"))
    study = [e for e in events if "-study-" in str(e["UID"])]
    assert len(study) == 3  # 10 h a week: more than 4 h, spread over Sunday, Monday, Tuesday
    minutes = sum((e.decoded("DTEND") - e.decoded("DTSTART")).total_seconds() / 60 for e in study)
    assert minutes == 10 * 60
    first = study[0]
    assert first.decoded("DTSTART") == datetime.datetime(2027, 1, 3, 18, 30)  # the first Sunday
    rule = first["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["SU"]
    months = [e for e in events if "-month-" in str(e["UID"])]
    last_end = max(e.decoded("DTSTART") for e in months)
    assert rule["UNTIL"][0].date() >= last_end
    for e in months:
        assert e.decoded("DTEND") - e.decoded("DTSTART") == datetime.timedelta(days=1)
        assert "Goal:" in str(e["DESCRIPTION"]) and "[ ]" in str(e["DESCRIPTION"])
    assert any("https://" in str(e["DESCRIPTION"]) for e in months)  # resources with addresses
    alarms = [a for e in study + months for a in e.walk("VALARM")]
    assert len(alarms) == len(study) + len(months)
    assert all(a.decoded("TRIGGER") == datetime.timedelta(minutes=-15) for a in alarms)


def test_ics_without_reminders(run, tmp_path):
    parsed = _ics(run, tmp_path, "--start", "2027-01", "--reminder", "0")
    assert not list(parsed.walk("VALARM"))


def test_ics_uids_are_stable_across_start_months(run, tmp_path):
    uids = lambda c: sorted(str(e["UID"]) for e in c.walk("VEVENT") if "-month-" in str(e["UID"])  # noqa: E731
                            or "-study-" in str(e["UID"]) or "cert-exam" in str(e["UID"]))
    jan = _ics(run, tmp_path, "--start", "2027-01", "-w", "8")
    again = _ics(run, tmp_path, "--start", "2027-01", "-w", "8")
    march = _ics(run, tmp_path, "--start", "2027-03", "-w", "8")
    assert uids(jan) == uids(again) == uids(march) and uids(jan)
    starts = lambda c: {str(e["UID"]): e.decoded("DTSTART") for e in c.walk("VEVENT")}  # noqa: E731
    assert starts(jan)["mle-software-engineer-month-1@aicareer"] == datetime.date(2027, 1, 1)
    assert starts(march)["mle-software-engineer-month-1@aicareer"] == datetime.date(2027, 3, 1)


def test_ics_conference_with_cited_dates_is_a_short_event(run, tmp_path):
    parsed = _ics(run, tmp_path, "--start", "2026-04", "-w", "8")
    neurips = [e for e in parsed.walk("VEVENT") if str(e["UID"]).endswith("-neurips@aicareer")]
    assert len(neurips) == 1
    assert neurips[0].decoded("DTSTART") == datetime.date(2026, 12, 6)
    assert neurips[0].decoded("DTEND") == datetime.date(2026, 12, 13)


@pytest.mark.parametrize("args,needle", [
    (["--study-day", "someday"], "bad study day"),
    (["--study-day", "t"], "bad study day"),
    (["--study-time", "25:00"], "bad study time"),
    (["--reminder", "-5"], "bad reminder"),
])
def test_ics_bad_options(run, args, needle):
    r = run("roadmap", "-t", "mle", "-f", "ics", "--no-save", *args)
    assert r.exit_code == 2 and needle in r.stderr


# --- months in one place -------------------------------------------------------------------

def test_month_arithmetic():
    assert cal.add(datetime.date(2027, 11, 15), 3) == datetime.date(2028, 2, 1)
    assert cal.add(datetime.date(2027, 1, 1), -1) == datetime.date(2026, 12, 1)
    assert cal.span(datetime.date(2027, 12, 1), 2, 2) == (datetime.date(2028, 1, 1), datetime.date(2028, 2, 29))
    assert cal.between(datetime.date(2027, 11, 1), datetime.date(2028, 2, 20)) == 3
    assert cal.label(datetime.date(2027, 12, 1), datetime.date(2028, 1, 31)) == "Dec 2027–Jan 2028"
    assert cal.elapsed(datetime.date(2027, 4, 1), datetime.date(2027, 4, 16)) == pytest.approx(0.5)
    assert cal.today({"AICAREER_TODAY": "2027-04-02"}) == datetime.date(2027, 4, 2)
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        cal.today({"AICAREER_TODAY": "soon"})


def test_plan_request_defaults(cat):
    from aicareer.domain.roadmap import plan_request

    req = plan_request(track=None, background=None, hours_per_week=None, start=None,
                       profile={"background": "student", "hours_per_week": 5}, top=["nlp"], needs_dates=True,
                       today=datetime.date(2027, 12, 10))
    assert (req.track, req.background, req.hours_per_week, req.start) == ("nlp", "student", 5,
                                                                         datetime.date(2028, 1, 1))
    assert any("January 2028" in n for n in req.notes)
    with pytest.raises(InputError, match="--track"):
        plan_request(track=None, background=None, hours_per_week=None, start=None, profile={}, top=[],
                     needs_dates=False, today=datetime.date(2027, 1, 1))


def test_progress_months_hold_the_hours_their_cards_show(cat):
    plan = build_plan(cat, "mle", hours_per_week=8, start=JAN)
    record = plan_record(plan, "2027-01-01T00:00:00+00:00")
    summary = summarise(record, {"se-python": "done"})
    assert [round(m.total_hours) for m in summary.months] == [round(m.hours) for m in plan.months]
    assert summary.months[0].done_hours == 30 and summary.done_hours == 30
    assert summary.total_hours == plan.pacing.total_hours
