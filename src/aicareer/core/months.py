"""Calendar months: the one place for month arithmetic (add, span, parse YYYY-MM, labels)."""

from __future__ import annotations

import datetime
import re

from aicareer.core.errors import InputError

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")


def first_of(day: datetime.date) -> datetime.date:
    """The first day of `day`'s month."""
    return day.replace(day=1)


def add(day: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` calendar months after `day`'s (negative goes back)."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def span(start: datetime.date, first: int, count: int = 1) -> tuple[datetime.date, datetime.date]:
    """Month `first` of a plan starting in `start`'s month (1-based) and `count` months on:
    (its first day, its last day). Spans of consecutive months never overlap."""
    begin = add(start, first - 1)
    return begin, add(begin, count) - datetime.timedelta(days=1)


def between(start: datetime.date, day: datetime.date) -> int:
    """Whole calendar months from `start`'s month to `day`'s (same month: 0)."""
    return (day.year - start.year) * 12 + day.month - start.month


def elapsed(start: datetime.date, day: datetime.date) -> float:
    """Months from the first of `start`'s month to `day`, with the part of `day`'s month done."""
    begin = add(start, between(start, day))
    length = (add(begin, 1) - begin).days
    return between(start, day) + (day - begin).days / length


def parse(text: str | None) -> datetime.date | None:
    """'2027-01' -> 1 January 2027; None stays None; anything else is an InputError."""
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})-(\d{1,2})\s*", text)
    if not m or not 1 <= int(m[2]) <= 12 or not 1900 < int(m[1]) < 3000:
        raise InputError(f"bad start month {text!r}: use YYYY-MM, e.g. 2027-01")
    return datetime.date(int(m[1]), int(m[2]), 1)


def parse_day(text: str, what: str = "date") -> datetime.date:
    """'2027-03-15' -> that day; anything else is an InputError naming `what`."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"bad {what} {text!r}: use YYYY-MM-DD, e.g. 2027-03-15") from None


def label(first: datetime.date, last: datetime.date) -> str:
    """'Mar 2027', 'Mar–Apr 2027' or 'Dec 2027–Jan 2028' for whole months first..last."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%b %Y}"
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y}–{last:%b %Y}"


def next_month(today: datetime.date) -> datetime.date:
    """The first day of the month after `today`'s."""
    return add(today, 1)


def today(environ: dict[str, str] | None = None) -> datetime.date:
    """Today's date, or AICAREER_TODAY=YYYY-MM-DD when set (a fixed clock for tests and demos).
    Only the command line calls this; domain functions take `today` as an argument."""
    import os

    fixed = (environ if environ is not None else dict(os.environ)).get("AICAREER_TODAY")
    if fixed:
        return parse_day(fixed, "AICAREER_TODAY")
    return datetime.date.today()
