"""The plan as an iCalendar file (RFC 5545, written with the icalendar library).

- one short (one-day) event on the first day of each card, its goal and tasks in the description;
- weekly study blocks (RRULE FREQ=WEEKLY) matching the hours a week, from the plan's start to its
  end, on the chosen day and time (more than 4 h a week is spread over the following days);
- a reminder (VALARM) before each study block and month event, unless minutes is 0;
- the chosen conferences: their cited dates, or a reminder to check the dates in the usual month;
- UIDs built from the track, background and task or month ids, never from dates, so a calendar
  made again (another --start, another pace) updates its events instead of adding copies.
Times are floating (the calendar program's own time zone).
"""

from __future__ import annotations

import datetime
import math
import re

import msgspec

from aicareer.core.errors import InputError
from aicareer.domain.roadmap import Plan, PlanMonth

DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MOST_A_DAY = 4  # hours: a longer week is spread over more days


class CalendarOptions(msgspec.Struct, frozen=True):
    study_day: int = 5  # Monday 0 ... Sunday 6
    study_time: datetime.time = datetime.time(9, 0)
    reminder_minutes: int = 30


def calendar_options(day: str = "saturday", time: str = "09:00", reminder: int = 30) -> CalendarOptions:
    """Options from the command line; a bad day, time or reminder is an InputError."""
    name = day.strip().lower()
    found = [i for i, d in enumerate(DAYS) if len(name) >= 2 and d.startswith(name)]
    if len(found) != 1:
        raise InputError(f"bad study day {day!r}: use a weekday name, e.g. saturday or sat")
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", time)
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise InputError(f"bad study time {time!r}: use HH:MM, 24-hour, e.g. 09:00 or 18:30")
    if not 0 <= reminder <= 7 * 24 * 60:
        raise InputError(f"bad reminder {reminder}: minutes before, 0 (none) to 10080 (a week)")
    return CalendarOptions(found[0], datetime.time(int(m[1]), int(m[2])), reminder)


def study_blocks(hours_per_week: int, first_day: int) -> list[tuple[int, int]]:
    """(weekday, minutes) for each weekly block: one day up to 4 h, else spread over more days."""
    days = min(7, max(1, math.ceil(hours_per_week / MOST_A_DAY)))
    minutes = hours_per_week * 60
    base = minutes // days // 15 * 15
    blocks = [base] * days
    blocks[0] += minutes - base * days  # the rest on the first day; the week adds up exactly
    return [((first_day + i) % 7, b) for i, b in enumerate(blocks)]


def calendar(plan: Plan, now: datetime.datetime, options: CalendarOptions) -> bytes:
    from icalendar import Alarm, Calendar, Event, vRecur

    assert plan.start is not None and plan.months[-1].end is not None, "an iCalendar plan needs a start month"
    cal = Calendar()
    cal.add("prodid", "-//aicareer//roadmap//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"aicareer: {plan.track.short_name} plan")
    base = f"{plan.track.id}-{plan.background}"
    end = plan.months[-1].end

    def event(uid: str, summary: str, description: str, start: datetime.date | datetime.datetime,
              finish: datetime.date | datetime.datetime, alarm: bool) -> Event:
        e = Event()
        e.add("uid", f"{base}-{uid}@aicareer")
        e.add("dtstamp", now)
        e.add("summary", summary)
        e.add("dtstart", start)
        e.add("dtend", finish)
        e.add("description", description)
        if alarm and options.reminder_minutes:
            a = Alarm()
            a.add("action", "DISPLAY")
            a.add("description", summary)
            a.add("trigger", datetime.timedelta(minutes=-options.reminder_minutes))
            e.add_component(a)
        cal.add_component(e)
        return e

    for m in plan.months:
        assert m.start is not None
        event(f"month-{m.number}", f"{plan.track.short_name} plan, {m.numbers.lower()}: {m.goal}",
              _month_description(plan, m), m.start, m.start + datetime.timedelta(days=1), True)

    first = plan.start + datetime.timedelta(days=(options.study_day - plan.start.weekday()) % 7)
    until = datetime.datetime.combine(end, datetime.time(23, 59))
    blocks = study_blocks(plan.pacing.hours_per_week, options.study_day)
    for k, (weekday, minutes) in enumerate(blocks, start=1):
        day = first + datetime.timedelta(days=(weekday - options.study_day) % 7)
        begin = datetime.datetime.combine(day, options.study_time)
        e = event(f"study-{k}", f"Study: {plan.track.short_name} plan ({minutes / 60:g} h)",
                  f"Weekly study block {k} of {len(blocks)}: {plan.pacing.hours_per_week} h a week in all. "
                  "What to do this week: aicareer progress", begin, begin + datetime.timedelta(minutes=minutes),
                  True)
        e.add("rrule", vRecur({"FREQ": "WEEKLY", "BYDAY": BYDAY[weekday], "UNTIL": until}))

    for m in plan.months:
        for o in m.events:
            if o.edition:
                event(o.event.id, f"{o.event.name} {o.year}", o.text(), o.edition.start,
                      o.edition.end + datetime.timedelta(days=1), False)
            else:
                day = datetime.date(o.year, o.month, 1)
                event(o.event.id, f"Check the dates of {o.event.name} {o.year}", o.text(), day,
                      day + datetime.timedelta(days=1), True)
        if any(p.task.id == "cert-exam" and p.part == p.parts for p in m.pieces):
            assert m.end is not None
            event("cert-exam", "Target: take your certification exam", f"Planned in {m.numbers.lower()} "
                  f"({m.label}) of your aicareer plan.", m.end, m.end + datetime.timedelta(days=1), True)
    return bytes(cal.to_ical())


def _month_description(plan: Plan, m: PlanMonth) -> str:
    from aicareer.render.roadmap_text import piece_hours, task_details

    lines = [f"Goal: {m.goal}", ""]
    for p in m.pieces:
        lines.append(f"[ ] {p.task.id}: {p.task.title} ({piece_hours(p)})")
        if p.part == 1:
            lines += [f"    {line}" for line in task_details(plan, p.task)]
    if m.deliverable:
        lines += ["", f"Deliverable: {m.deliverable}"]
    return "\n".join(lines)
