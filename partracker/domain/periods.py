"""Reporting periods and filings (Kỳ báo cáo): what a report file's name says, and their order.

A progress report is filed for a period of a plan year — ``2017-q1`` … ``2017-q4`` (quarter),
``2017-h1`` (six months) or ``2017-year`` (annual) — in a file named after it. A later filing for
the same period, to correct or complete it, is a supplement ``<period>-<n>`` with n = 2, 3, ….
"Earlier" means an earlier filing in :func:`filing_key` order: by the period's last day, then
quarter < six months < year, then the supplement number.
"""

from __future__ import annotations

import datetime as dt
import re

PERIOD = r"[0-9]{4}-(?:q[1-4]|h1|year)"
"""A reporting period, as a regular expression without anchors."""
SUPPLEMENT = r"(?:[2-9]|[1-9][0-9]+)"
"""The number of a supplementary filing (2, 3, …), without anchors."""
FILING_RE = re.compile(rf"^(?P<period>{PERIOD})(?:-(?P<seq>{SUPPLEMENT}))?$")
"""A filing name: a period, optionally followed by ``-<n>``."""

PERIOD_KINDS: tuple[str, ...] = ("q1", "q2", "q3", "q4", "h1", "year")
"""The periods of a plan year, in the order forms offer them."""

ROMAN_QUARTERS = ("I", "II", "III", "IV")
"""Quarters as Vietnamese documents number them."""


def period_year(period: str) -> int:
    """The year of a period such as ``2017-q1``."""
    return int(period.split("-", 1)[0])


def period_kind(period: str) -> str:
    """The kind of a period: ``q1`` … ``q4``, ``h1`` or ``year``."""
    return period.split("-", 1)[1]


def quarter_end(year: int, quarter: int) -> dt.date:
    """Last day of ``quarter`` of ``year``."""
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarter_of(day: dt.date) -> int:
    """Calendar quarter (1–4) of a date."""
    return (day.month - 1) // 3 + 1


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """First and last day of a reporting period (``2017-q2`` → 2017-04-01, 2017-06-30)."""
    year, kind = period_year(period), period_kind(period)
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "h1":
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    quarter = int(kind[1])
    return dt.date(year, 3 * quarter - 2, 1), quarter_end(year, quarter)


def filing_period(filing: str) -> str:
    """The period of a filing name (``2017-q1-2`` → ``2017-q1``)."""
    m = FILING_RE.match(filing)
    if not m:
        raise ValueError(f"Expected a filing name such as '2017-q1' or '2017-q1-2' but received: {filing!r}")
    return m.group("period")


def filing_key(filing: str) -> tuple[dt.date, int, int]:
    """Order of filings: by the period's last day, then quarter < six months < year, then supplement number."""
    m = FILING_RE.match(filing)
    if not m:
        raise ValueError(f"Expected a filing name such as '2017-q1' or '2017-q1-2' but received: {filing!r}")
    period = m.group("period")
    kind = period_kind(period)
    rank = 0 if kind.startswith("q") else 1 if kind == "h1" else 2
    return period_bounds(period)[1], rank, int(m.group("seq") or 1)
