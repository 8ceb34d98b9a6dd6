"""Small date helpers the rules share (kept out of evaluate.py so rules do not import it back)."""

from __future__ import annotations

import datetime as dt


def is_overdue(target: dt.date | None, period_end: dt.date) -> bool:
    """A target date on or before the end of the period assessed is already past when the assessment is made."""
    return target is not None and target <= period_end
