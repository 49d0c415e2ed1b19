"""The as-of date (Ngày tính): the one policy every command and the site build follow.

Statuses, the check that no report is dated in the future, and the "data as of" line all use one
date, resolved here and nowhere else — the model never reads the clock:

1. the date given explicitly (``--as-of YYYY-MM-DD``);
2. else ``SOURCE_DATE_EPOCH`` (Unix seconds), the reproducible-builds convention: the deploy
   workflow sets it to the time of the commit it publishes, so a commit always builds the same site;
3. else today.

Seconds and "today" are read as dates in the plan's time zone (``plan.yaml``: ``timezone``).
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from partracker.reading.errors import Problem


class AsOfError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of Unix seconds; carries the problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def resolve_as_of(explicit: dt.date | None, timezone: str, *, environ: dict[str, str] | None = None, now: dt.datetime | None = None) -> dt.date:
    """The as-of date by the policy above; ``environ`` and ``now`` are for tests."""
    if explicit is not None:
        return explicit
    env = os.environ if environ is None else environ
    zone = ZoneInfo(timezone)
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), zone).date()
        except (ValueError, OverflowError, OSError):
            raise AsOfError(Problem("SOURCE_DATE_EPOCH", 1, 1, "SOURCE_DATE_EPOCH", "as_of.epoch_invalid", {"got": epoch})) from None
    return (now or dt.datetime.now(zone)).astimezone(zone).date()


def epoch_of(day: dt.date, timezone: str) -> int:
    """Unix seconds of midnight starting ``day`` in the plan's time zone (for tools that date output from SOURCE_DATE_EPOCH)."""
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(timezone)).timestamp())
