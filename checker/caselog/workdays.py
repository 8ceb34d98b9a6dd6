"""Working days: weekdays less the bank holidays of the landlord's nation and its own closure days.

Every Code deadline is in working days, and the metrics count them on up to a million rows, so a
calendar precomputes, once, a cumulative count of working days by date ordinal over the years it
covers; after that each question is a couple of list look-ups (O(1)), and a whole column of dates
is one polars gather (`day_number_arrays`). The tables are built once per process for each nation,
closure list and span, and shared by every calendar that asks (a batch of submissions builds one).
Bank holidays come from the `holidays` package's United Kingdom module alone, not its 240 others.

Counting convention (the Code does not define one; see docs/metrics.md):
- the day of receipt (or whatever starts the clock) is day 0; the deadline is the Nth working day
  after it, so a reply on the next working day took 1 working day;
- a clock that starts on a non-working day starts, by default, on the next working day
  (`count_from_non_working_day="next-working-day"`): a Saturday receipt answered on the Monday
  took 0 working days, on the Tuesday 1. With `"same"` the non-working day itself is day 0, so
  the Monday reply took 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Iterable

#: Our nation names and the `holidays` package's UK subdivision codes. England and Wales share
#: bank holidays; Scotland has 2 January and St Andrew's Day but no Easter Monday; Northern
#: Ireland adds St Patrick's Day and 12 July.
NATIONS: dict[str, str] = {
    "england": "ENG",
    "wales": "WLS",
    "scotland": "SCT",
    "northern-ireland": "NIR",
}

COUNT_FROM_CHOICES = ("next-working-day", "same")

DEFAULT_FIRST_YEAR = 2015
DEFAULT_LAST_YEAR = 2035


@dataclass(frozen=True)
class _Table:
    """The precomputed index: `cum[i]` working days in [base, base + i]; `days[k]` the k-th working day."""

    base: int
    cum: list[int]
    days: list[int]
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days are working days for one landlord, and arithmetic on them.

    `closures` are extra days the landlord is closed (e.g. the days between Christmas and New
    Year); `first_year`..`last_year` is the span precomputed (use `covering` to widen it).
    """

    nation: str = "england"
    closures: frozenset[dt.date] = field(default_factory=frozenset)
    count_from_non_working_day: str = "next-working-day"
    first_year: int = DEFAULT_FIRST_YEAR
    last_year: int = DEFAULT_LAST_YEAR

    def __post_init__(self) -> None:
        if self.nation not in NATIONS:
            raise ValueError(f"unknown nation '{self.nation}'; expected one of: {', '.join(NATIONS)}")
        if self.count_from_non_working_day not in COUNT_FROM_CHOICES:
            raise ValueError(
                f"count_from_non_working_day must be one of {', '.join(COUNT_FROM_CHOICES)}, "
                f"not '{self.count_from_non_working_day}'"
            )
        if self.first_year > self.last_year:
            raise ValueError(f"first_year {self.first_year} is after last_year {self.last_year}")
        object.__setattr__(self, "closures", frozenset(self.closures))

    # -- construction ---------------------------------------------------------------------------

    def covering(self, first: dt.date, last: dt.date) -> "WorkingCalendar":
        """This calendar, widened if needed to cover `first`..`last` with a year to spare each side.

        The spare year lets a due date or extension run past the last date seen.
        """
        lo = min(self.first_year, first.year - 1)
        hi = max(self.last_year, last.year + 1)
        if (lo, hi) == (self.first_year, self.last_year):
            return self
        return replace(self, first_year=lo, last_year=hi)

    @property
    def bank_holidays(self) -> dict[dt.date, str]:
        """Bank holidays of the nation over the span, with their names (weekend ones included)."""
        return dict(_bank_holidays(self.nation, self.first_year, self.last_year))

    @property
    def _table(self) -> _Table:
        return _build_table(self.nation, self.closures, self.first_year, self.last_year)

    def day_number_arrays(self):
        """`day_numbers` for every date of the span, as polars Int32 Series indexed by days since the
        span's first day: (up_to, start, first day as days since 1970-01-01), for gathering whole
        columns."""
        return _day_number_arrays(self.nation, self.closures, self.first_year, self.last_year, self.count_from_non_working_day)

    # -- questions ------------------------------------------------------------------------------

    def _index(self, d: dt.date) -> int:
        table = self._table
        i = d.toordinal() - table.base
        if i < 0 or i >= len(table.cum):
            raise ValueError(
                f"{d.isoformat()} is outside the working-day calendar "
                f"({table.first.isoformat()} to {table.last.isoformat()}); use WorkingCalendar.covering()"
            )
        return i

    def is_working_day(self, d: dt.date) -> bool:
        """Monday to Friday, not a bank holiday of the nation, not a listed closure day."""
        i = self._index(d)
        cum = self._table.cum
        return cum[i] != (cum[i - 1] if i else 0)

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (`start` is day 0).

        With "next-working-day", a non-working `start` counts from the next working day, so an
        `end` on that day (or before it) gives 0. An `end` before `start` gives a negative count.
        """
        table = self._table
        cum = table.cum
        i = self._index(start)
        j = self._index(end)
        n = cum[j] - cum[i]
        if j < i:
            return n
        if self.count_from_non_working_day == "next-working-day" and cum[i] == (cum[i - 1] if i else 0):
            n -= 1
            if n < 0:
                n = 0
        return n

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The due date: the `n`th working day after `start` (day 0), under the same convention.

        `working_days_between(start, d) <= n` exactly when `d <= add_working_days(start, n)`.
        """
        if n < 0:
            raise ValueError("n must be 0 or more")
        table = self._table
        i = self._index(start)
        before = table.cum[i - 1] if i else 0
        k = table.cum[i]  # working days up to and including start
        start_working = k != before
        if start_working:
            pos = k - 1 + n
        elif self.count_from_non_working_day == "next-working-day":
            pos = k + n
        elif n == 0:
            return start
        else:
            pos = k - 1 + n
        if pos >= len(table.days):
            raise ValueError(
                f"{n} working days after {start.isoformat()} is beyond the calendar's last year "
                f"{self.last_year}; use WorkingCalendar.covering()"
            )
        return dt.date.fromordinal(table.days[pos])

    def day_numbers(self, d: dt.date) -> tuple[int, int]:
        """Building blocks for bulk counting: (working days up to and including `d`, the same
        number for a clock starting on `d`).

        `working_days_between(s, e) == max(day_numbers(e)[0] - day_numbers(s)[1], 0)` for `e >= s`:
        callers that count a million rows memoise this per distinct date and subtract.
        """
        i = self._index(d)
        cum = self._table.cum
        up_to = cum[i]
        if up_to == (cum[i - 1] if i else 0) and self.count_from_non_working_day == "next-working-day":
            return up_to, up_to + 1
        return up_to, up_to

    @cached_property
    def day_numbers_by_date(self) -> dict[dt.date, tuple[int, int]]:
        """`day_numbers` for every date of the span, for the fastest bulk look-ups (a dict subscript)."""
        table = self._table
        return {dt.date.fromordinal(table.base + i): self.day_numbers(dt.date.fromordinal(table.base + i))
                for i in range(len(table.cum))}

    def describe(self) -> str:
        """The rules in one line, for reports."""
        nation = {"england": "England and Wales", "wales": "England and Wales", "scotland": "Scotland",
                  "northern-ireland": "Northern Ireland"}[self.nation]
        extra = f" and {len(self.closures)} closure day(s)" if self.closures else ""
        return f"Monday to Friday less the bank holidays of {nation}{extra}"


_EPOCH = dt.date(1970, 1, 1).toordinal()


def _uk_holidays_class():
    """The `holidays` package's United Kingdom class, loaded from its own module file: importing
    `holidays.countries` (or asking `holidays.UK`) imports every country, a fifth of a second."""
    import importlib.util
    import sys
    from pathlib import Path

    import holidays

    name = "holidays.countries.united_kingdom"
    module = sys.modules.get(name)
    if module is None:
        path = Path(holidays.__file__).parent / "countries" / "united_kingdom.py"
        spec = importlib.util.spec_from_file_location(name, path)
        if spec is None or spec.loader is None or not path.is_file():  # another layout: the ordinary way
            return holidays.UK
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module.UnitedKingdom


@lru_cache(maxsize=32)
def _bank_holidays(nation: str, first_year: int, last_year: int) -> tuple[tuple[dt.date, str], ...]:
    uk = _uk_holidays_class()
    found = uk(subdiv=NATIONS[nation], years=range(first_year, last_year + 1), categories=("public",))
    return tuple(sorted(found.items()))


@lru_cache(maxsize=32)
def _build_table(nation: str, closures: frozenset, first_year: int, last_year: int) -> _Table:
    first = dt.date(first_year, 1, 1)
    last = dt.date(last_year, 12, 31)
    base = first.toordinal()
    closed = {d.toordinal() for d, _ in _bank_holidays(nation, first_year, last_year)} | {d.toordinal() for d in closures}
    cum: list[int] = []
    days: list[int] = []
    n = 0
    weekday = first.weekday()
    for ordinal in range(base, last.toordinal() + 1):
        if weekday < 5 and ordinal not in closed:
            n += 1
            days.append(ordinal)
        cum.append(n)
        weekday = (weekday + 1) % 7
    return _Table(base, cum, days, first, last)


@lru_cache(maxsize=32)
def _day_number_arrays(nation: str, closures: frozenset, first_year: int, last_year: int, count_from: str):
    import polars as pl

    table = _build_table(nation, closures, first_year, last_year)
    up = pl.Series(table.cum, dtype=pl.Int32)  # working days since the span's start: small numbers
    start = up
    if count_from == "next-working-day":  # a day that adds no working day starts its clock on the next
        start = up + (up == up.shift(1, fill_value=0)).cast(pl.Int32)
    return up, start, table.base - _EPOCH


def make_calendar(nation: str = "england", closures: Iterable[dt.date] = (),
                  count_from_non_working_day: str = "next-working-day") -> WorkingCalendar:
    """A calendar spanning the default years; widen it with `covering` for the dates in hand."""
    return WorkingCalendar(nation, frozenset(closures), count_from_non_working_day)
