"""Complaint figures from a case log: timeliness per stage, TSM CH01 and CH02, escalation rate.

The figures a data analyst publishes, computed in working days under stated rules, so that the
same log and settings always give the same numbers and anyone can re-derive them. The counting
rules are in docs/metrics.md; the debatable ones are `MetricSettings` with documented defaults.

Columnar: the rows are a polars frame; each date column is turned into working-day numbers by
one look-up in the calendar's per-date table, and every count is a vectorised mask over polars
Series, so the result is exact and a million rows take well under a second. numpy is never
imported: polars needs none, and its import would cost every run about 40 ms.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from math import floor
from types import MappingProxyType
from typing import Mapping

import polars as pl

from .reader import FIRST_ROWS, VALUE_RULES, CaseLog, default_value_maps, value_key
from ..problems import InputError, Location, Problem
from ..codes import StageTimescale, Timescales
from .workdays import COUNT_FROM_CHOICES, WorkingCalendar

BLANK_TENURE_CHOICES = ("lcra", "lcho", "exclude")
KNOWN_OUTCOMES = ("upheld", "partly upheld", "not upheld")
NOT_RECORDED = "not recorded"
LATE_EXAMPLES = 5


@dataclass(frozen=True)
class MetricSettings:
    """The debatable counting rules, with their defaults (see docs/metrics.md).

    - `count_extensions_in_time`: CH02 counts a response inside a valid extension as in time
      (the Code treats a properly notified extension as compliant; RSH wording unconfirmed).
    - `exclude_withdrawn`: withdrawn complaints leave the timeliness figures (acknowledged,
      responded, on time, late, open, days, outcomes); they still count as received.
    - `count_from_non_working_day`: a clock starting on a non-working day starts on the next
      working day ("next-working-day") or on that day ("same"); overrides the calendar's.
    - `blank_tenure`: what CH01 does with rows whose tenure is blank: count them as LCRA
      (default: most social homes are LCRA), as LCHO, or leave them out ("exclude").
    - `respond_clock_at_ack_deadline`: when the response clock runs from the acknowledgement and
      the acknowledgement was late, start it at the acknowledgement deadline instead (stricter
      than the Code's words; off by default, since late acknowledgements are reported anyway).
    - `max_excluded_pct`, `max_excluded_rows`: a log with more rows left out than this share of
      its rows AND more than this many rows is an input problem: no figures (default 2% and 5).
    """

    count_extensions_in_time: bool = True
    exclude_withdrawn: bool = True
    count_from_non_working_day: str = "next-working-day"
    blank_tenure: str = "lcra"
    respond_clock_at_ack_deadline: bool = False
    max_excluded_pct: float = 2.0
    max_excluded_rows: int = 5

    def __post_init__(self) -> None:
        if not 0 <= self.max_excluded_pct <= 100:
            raise ValueError("max_excluded_pct must be between 0 and 100")
        if self.count_from_non_working_day not in COUNT_FROM_CHOICES:
            raise ValueError(f"count_from_non_working_day must be one of {', '.join(COUNT_FROM_CHOICES)}")
        if self.blank_tenure not in BLANK_TENURE_CHOICES:
            raise ValueError(f"blank_tenure must be one of {', '.join(BLANK_TENURE_CHOICES)}")

    def as_dict(self) -> dict:
        return {
            "count_extensions_in_time": self.count_extensions_in_time,
            "exclude_withdrawn": self.exclude_withdrawn,
            "count_from_non_working_day": self.count_from_non_working_day,
            "blank_tenure": self.blank_tenure,
            "respond_clock_at_ack_deadline": self.respond_clock_at_ack_deadline,
            "max_excluded_pct": self.max_excluded_pct,
            "max_excluded_rows": self.max_excluded_rows,
        }


@dataclass(frozen=True)
class Rate:
    """A ratio stated with its parts, so a reader can see what was divided by what."""

    numerator: int
    denominator: int
    pct: float | None

    def as_dict(self) -> dict:
        return {"numerator": self.numerator, "denominator": self.denominator, "pct": self.pct}


@dataclass(frozen=True)
class StageMetrics:
    """The figures of one stage. Percentages are rounded half up to one decimal place."""

    stage: int
    received: int
    withdrawn: int
    acknowledged: int
    acknowledged_in_time: int | None
    pct_acknowledged_in_time: float | None
    responded: int
    on_time: int
    on_time_with_extension: int
    late: int
    pct_in_time: float | None
    mean_working_days: float | None
    median_working_days: float | None
    open: int
    outcomes: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    categories: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    late_examples: tuple[str, ...] = ()
    extensions: int = 0
    extensions_valid: int = 0
    pct_extensions_valid: float | None = None
    invalid_extension_examples: tuple[str, ...] = ()
    extensions_over_cap_with_reason: int | None = None  # None: the log has no extension_reason column
    extensions_over_cap_without_reason: int | None = None

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "withdrawn": self.withdrawn,
            "acknowledged": self.acknowledged,
            "acknowledged_in_time": self.acknowledged_in_time,
            "pct_acknowledged_in_time": self.pct_acknowledged_in_time,
            "responded": self.responded,
            "on_time": self.on_time,
            "on_time_with_extension": self.on_time_with_extension,
            "late": self.late,
            "pct_in_time": self.pct_in_time,
            "mean_working_days": self.mean_working_days,
            "median_working_days": self.median_working_days,
            "open": self.open,
            "outcomes": dict(self.outcomes),
            "categories": dict(self.categories),
            "late_examples": list(self.late_examples),
            "extensions": self.extensions,
            "extensions_valid": self.extensions_valid,
            "pct_extensions_valid": self.pct_extensions_valid,
            "invalid_extension_examples": list(self.invalid_extension_examples),
            "extensions_over_cap_with_reason": self.extensions_over_cap_with_reason,
            "extensions_over_cap_without_reason": self.extensions_over_cap_without_reason,
        }


@dataclass(frozen=True)
class Metrics:
    """Everything computed from one case log, with the rules that produced it."""

    stage1: StageMetrics
    stage2: StageMetrics
    escalation_rate: Rate
    ch01: Mapping[str, Mapping[str, float | None]]
    ch02: Mapping[str, float | None]
    ch02_by_tenure: Mapping[str, Mapping[str, float | None]]
    by_quarter: Mapping[str, Mapping[str, int]] | None
    source: Mapping[str, object]
    rules: Mapping[str, object]

    def stage(self, number: int) -> StageMetrics:
        return self.stage1 if number == 1 else self.stage2

    def as_dict(self) -> dict:
        """JSON-ready, in a fixed key order, floats to one decimal place."""
        return {
            "source": dict(self.source),
            "rules": _plain(self.rules),
            "stage1": self.stage1.as_dict(),
            "stage2": self.stage2.as_dict(),
            "escalation_rate": self.escalation_rate.as_dict(),
            "ch01": {k: dict(v) for k, v in self.ch01.items()},
            "ch02": dict(self.ch02),
            "ch02_by_tenure": {k: dict(v) for k, v in self.ch02_by_tenure.items()},
            "by_quarter": None if self.by_quarter is None else {k: dict(v) for k, v in self.by_quarter.items()},
        }


def _plain(value):
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def round1(value: Fraction | int | None) -> float | None:
    """Round half up to one decimal place, exactly (no binary floating-point surprises)."""
    if value is None:
        return None
    return floor(Fraction(value) * 10 + Fraction(1, 2)) / 10


def pct(numerator: int, denominator: int, per: int = 100) -> float | None:
    """numerator / denominator * per, rounded half up to 1 dp; None when the denominator is 0."""
    if not denominator:
        return None
    return round1(Fraction(numerator * per, denominator))




def normalise_outcome(text: str) -> str:
    """'Partially Upheld' -> 'partly upheld'; unknown outcomes keep the text as given."""
    return default_value_maps()["outcome"].get(value_key(text), text.strip())


def compute_metrics(
    caselog: CaseLog,
    calendar: WorkingCalendar,
    timescales: Timescales,
    homes_lcra: int | None = None,
    homes_lcho: int | None = None,
    settings: MetricSettings = MetricSettings(),
    period_start: dt.date | None = None,
) -> Metrics:
    """Compute every figure of the case log under `timescales` and `settings`.

    `homes_lcra` / `homes_lcho` (homes owned, for CH01) must be positive when given;
    `period_start` (the first day of the reporting year) adds received counts by quarter.
    Callers that publish or judge the figures call `check_excluded` first: figures are never
    computed from what is left of a log dropped in bulk.
    """
    for label, homes in (("homes_lcra", homes_lcra), ("homes_lcho", homes_lcho)):
        if homes is not None and homes <= 0:
            raise ValueError(f"{label} must be a positive number of homes, not {homes}")
    if calendar.count_from_non_working_day != settings.count_from_non_working_day:
        calendar = replace(calendar, count_from_non_working_day=settings.count_from_non_working_day)
    if caselog.date_range is not None:
        calendar = calendar.covering(*caselog.date_range)
    if period_start is not None:
        calendar = calendar.covering(period_start, period_start)

    frame = caselog.frame
    has_reasons = "extension_reason" in caselog.columns  # without the column, whether a reason was recorded is unknown
    stages = {}
    for n in (1, 2):
        part = frame.filter(pl.col("stage") == n)  # one stage's rows: every figure is a mask over them
        days = _DayNumbers(calendar, part)
        withdrawn = part["withdrawn"].fill_null(False)
        responded_any = days.get("responded")[2]
        if settings.exclude_withdrawn:
            responded_any = responded_any & ~withdrawn
        stages[n] = _stage_figures(n, part, days, withdrawn, _tenure_codes(part["tenure"]),
                                   timescales.stage(n), settings, _counts(part["category"]),
                                   _counts(part["outcome"].filter(responded_any)), has_reasons)
    s1, s2 = stages[1][0], stages[2][0]
    by_quarter = None
    if period_start is not None:
        by_quarter = _by_quarter(frame, period_start)
    ch01 = {}
    for name, homes in (("lcra", homes_lcra), ("lcho", homes_lcho)):
        ch01[name] = MappingProxyType({
            f"stage{n}": None if homes is None else pct(_tenure_count(stages[n][1], name, settings.blank_tenure), homes, 1000)
            for n in (1, 2)
        })
    ch02_by_tenure = {
        name: MappingProxyType({f"stage{n}": _tenure_ch02(stages[n][2], name, settings) for n in (1, 2)})
        for name in ("lcra", "lcho")
    }
    rules = {
        "working_days": calendar.describe(),
        "nation": calendar.nation,
        "closures": [d.isoformat() for d in sorted(calendar.closures)],
        "day_zero": "the day that starts the clock is day 0; the deadline is the Nth working day after it",
        "count_from_non_working_day": settings.count_from_non_working_day,
        "timescales": {"stage1": timescales.stage1.as_dict(), "stage2": timescales.stage2.as_dict()},
        "settings": settings.as_dict(),
        "homes": {"lcra": homes_lcra, "lcho": homes_lcho},
        "period_start": period_start.isoformat() if period_start else None,
    }
    return Metrics(
        stage1=s1,
        stage2=s2,
        escalation_rate=Rate(s2.received, s1.received, pct(s2.received, s1.received)),
        ch01=MappingProxyType(ch01),
        ch02=MappingProxyType({"stage1": s1.pct_in_time, "stage2": s2.pct_in_time}),
        ch02_by_tenure=MappingProxyType(ch02_by_tenure),
        by_quarter=None if by_quarter is None else MappingProxyType({
            q: MappingProxyType({"stage1": v[1], "stage2": v[2]}) for q, v in by_quarter.items()
        }),
        source=MappingProxyType(caselog.summary()),
        rules=MappingProxyType(rules),
    )


#: Values not in a map listed with a refusal (each is one problem, for all its rows).
MAX_VALUES_SHOWN = 20


def check_excluded(caselog: CaseLog, settings: MetricSettings = MetricSettings()) -> None:
    """Raise InputError when the rows left out are more than `max_excluded_pct` of the rows and
    more than `max_excluded_rows`: the problem is the log, not the complaints, and figures from what
    is left would mislead. The error lists the commonest reasons with counts and example rows."""
    excluded = caselog.excluded_total
    rows = caselog.rows_read - caselog.blank_rows
    if not excluded or excluded <= settings.max_excluded_rows:
        return
    if Fraction(excluded * 100, max(rows, 1)) <= Fraction(settings.max_excluded_pct).limit_denominator(10**6):
        return
    by_rule: dict[str, list[Problem]] = {}
    for p in caselog.problems:
        by_rule.setdefault(p.rule, []).append(p)
    reasons = sorted(caselog.excluded.items(), key=lambda kv: (-kv[1], kv[0]))
    value_rules = frozenset(VALUE_RULES.values())
    parts = []
    for rule, count in reasons[:3]:
        found = by_rule.get(rule, [])
        if rule in value_rules:
            each = "each reported with its rows" if len(found) <= MAX_VALUES_SHOWN else f"the first {MAX_VALUES_SHOWN} reported with their rows"
            shown = f" ({len(found)} value{'s' if len(found) != 1 else ''} not in the map, {each})" if found else ""
        else:
            lines = sorted({p.location.line for p in found if p.location.line})
            listed = ", ".join(str(r) for r in lines[:FIRST_ROWS]) + (f" and {count - FIRST_ROWS:,} more" if count > FIRST_ROWS else "")
            shown = f" (rows {listed}; e.g. {found[0].location}: {found[0].message.split(';')[0]})" if found else ""
        parts.append(f"{rule} {count:,}{shown}")
    more = f"; {len(reasons) - 3} other reason(s)" if len(reasons) > 3 else ""
    share = pct(excluded, max(rows, 1))
    where = Location(caselog.path, sheet=caselog.sheet)
    message = (f"{excluded:,} of {rows:,} rows ({share}%) cannot be used, more than the "
               f"{_pct_text(settings.max_excluded_pct)}% allowed (setting max_excluded_pct), so no figures were computed. "
               f"Top reasons: " + "; ".join(parts) + more
               + ". Fix the export, or map its columns and values (case_log.columns, case_log.values)")
    # A value not in the map is one problem for all its rows (its count and first rows).
    values = [p for rule, _ in reasons[:3] if rule in value_rules for p in by_rule.get(rule, [])[:MAX_VALUES_SHOWN]]
    raise InputError([Problem(where, message, "case-log-rows-excluded"), *values])


def _pct_text(value: float) -> str:
    return f"{value:g}"


class _DayNumbers:
    """Working-day numbers of a frame's date columns, looked up in the calendar's table (one entry
    per calendar date) and gathered to the rows: `up_to` counts working days up to and including the
    date, `start` the same for a clock starting that day. Every Series is null-free (a missing date
    reads 0, with `present` False), so masks and counts need no null rules."""

    def __init__(self, calendar: WorkingCalendar, frame) -> None:
        self.up_table, self.start_table, self.base_days = calendar.day_number_arrays()
        self.frame = frame
        self._cache: dict[str, tuple] = {}

    def reasons(self) -> pl.Series:
        """Whether each row records a reason for its extension."""
        hit = self._cache.get("reasons")
        if hit is None:
            hit = self._cache["reasons"] = self.frame["extension_reason"].cast(pl.String).str.len_bytes().fill_null(0) > 0
        return hit

    def get(self, column: str):
        """(up_to, start, present) Series for a date column (0 where the date is missing)."""
        hit = self._cache.get(column)
        if hit is None:
            phys = self.frame[column].to_physical()
            present = phys.is_not_null()
            idx = phys.fill_null(self.base_days) - self.base_days
            hit = self._cache[column] = (self.up_table.gather(idx), self.start_table.gather(idx), present)
        return hit


_TENURES = ("LCRA", "LCHO", "", "OTHER")


def _tenure_codes(series) -> pl.Series:
    """Each row's tenure as its place in _TENURES (3 for any other text), through the distinct texts."""
    texts = series.unique()
    if texts.len() == 0:
        return pl.Series([], dtype=pl.Int8)
    codes = [_TENURES.index(t) if t in _TENURES else 3 for t in texts.cast(pl.String).to_list()]
    return series.replace_strict(texts, pl.Series(codes, dtype=pl.Int8), return_dtype=pl.Int8)


def _by_tenure(tenure: pl.Series, mask: pl.Series | None = None) -> list[int]:
    """How many rows (of `mask`) hold each tenure code: a count per place in _TENURES."""
    counts = [0] * len(_TENURES)
    for code, n in (tenure if mask is None else tenure.filter(mask)).value_counts().iter_rows():
        counts[code] = n
    return counts


def _stage_figures(number: int, frame, days: _DayNumbers, withdrawn: pl.Series, tenure: pl.Series,
                   ts: StageTimescale, settings: MetricSettings, categories: Mapping[str, int], outcomes: Mapping[str, int],
                   has_reasons: bool = False):
    """The figures of one stage (`frame` holds its rows), with its received counts by tenure and
    CH02 counts by tenure."""
    plan = _Plan(ts)
    received = frame.height
    tenure_received = _by_tenure(tenure)
    n_withdrawn = int(withdrawn.sum())
    active = ~withdrawn if settings.exclude_withdrawn else pl.repeat(True, received, dtype=pl.Boolean, eager=True)
    rec_up, rec_start, _ = days.get("received")
    ack_up, ack_start_n, has_ack = days.get("acknowledged")
    resp_up, _, has_resp = days.get("responded")
    esc_up, esc_start, has_esc = days.get("escalation_requested")

    acknowledged = active & has_ack
    ack_in_time = 0
    clock_start = None
    if plan.ack_days is not None:
        clock_start = esc_start.zip_with(has_esc, rec_start) if plan.ack_from_escalation else rec_start
        ack_in_time = int((acknowledged & (ack_up - clock_start <= plan.ack_days)).sum())

    responded = active & has_resp
    n_open = int((active & ~has_resp).sum())
    if plan.respond_from == "acknowledged":
        start_n = ack_start_n.zip_with(has_ack, rec_start)
        if settings.respond_clock_at_ack_deadline and clock_start is not None:
            deadline = clock_start + plan.ack_days
            start_n = deadline.zip_with(has_ack & (start_n > deadline), start_n)
    elif plan.respond_from == "escalation_requested":
        start_n = esc_start.zip_with(has_esc, rec_start)
    else:
        start_n = rec_start
    taken = (resp_up - start_n).clip(lower_bound=0)
    waited_from = esc_start.zip_with(has_esc, rec_start) if number == 2 else rec_start
    waited = (resp_up - waited_from).clip(lower_bound=0).filter(responded)

    on_time = responded & (taken <= plan.respond_days)
    over = responded & ~on_time
    due_up, _, has_due = days.get("extended_due")
    note_up, _, has_note = days.get("extension_notified")
    extended = over & has_due
    notified_in_time = has_due & has_note & (note_up - start_n <= plan.respond_days)
    reason = days.reasons()
    over_cap_with = over_cap_without = 0
    if plan.uncapped:
        valid = notified_in_time
    elif plan.cap is None:
        valid = pl.repeat(False, received, dtype=pl.Boolean, eager=True)
    else:
        cap_limit = plan.cap if plan.cap_total else plan.respond_days + plan.cap
        beyond = due_up - start_n > cap_limit
        over_cap_with = int((extended & notified_in_time & beyond & reason).sum())
        over_cap_without = int((extended & notified_in_time & beyond & ~reason).sum())
        valid = notified_in_time & ((~beyond | reason) if plan.beyond_with_reason else ~beyond)
    ext_valid = extended & valid
    on_time_ext = over & valid & has_due & (resp_up <= due_up)
    late = over & ~on_time_ext

    ids = frame["id"]
    n_resp = int(responded.sum())
    in_counts = {}
    for key, mask in (("on", on_time), ("ext", on_time_ext)):
        in_counts[key] = int(mask.sum())
    by_tenure = (_by_tenure(tenure, responded), _by_tenure(tenure, on_time), _by_tenure(tenure, on_time_ext))
    in_time = in_counts["on"] + (in_counts["ext"] if settings.count_extensions_in_time else 0)
    has_ack_rule = ts.acknowledge_working_days is not None
    stage_metrics = StageMetrics(
        stage=number,
        received=received,
        withdrawn=n_withdrawn,
        acknowledged=int(acknowledged.sum()),
        acknowledged_in_time=ack_in_time if has_ack_rule else None,
        pct_acknowledged_in_time=pct(ack_in_time, int(acknowledged.sum())) if has_ack_rule else None,
        responded=n_resp,
        on_time=in_counts["on"],
        on_time_with_extension=in_counts["ext"],
        late=int(late.sum()),
        pct_in_time=pct(in_time, n_resp),
        mean_working_days=round1(Fraction(int(waited.cast(pl.Int64).sum()), n_resp)) if n_resp else None,
        median_working_days=_median(waited),
        open=n_open,
        outcomes=MappingProxyType(_ordered_outcomes(_outcomes(outcomes))),
        categories=MappingProxyType(_categories(categories)),
        late_examples=first_by_id(ids.filter(late)),
        extensions=int(extended.sum()),
        extensions_valid=int(ext_valid.sum()),
        pct_extensions_valid=pct(int(ext_valid.sum()), int(extended.sum())),
        invalid_extension_examples=first_by_id(ids.filter(extended & ~valid)),
        extensions_over_cap_with_reason=over_cap_with if has_reasons else None,
        extensions_over_cap_without_reason=over_cap_without if has_reasons else None,
    )
    return stage_metrics, tenure_received, by_tenure


def _counts(texts) -> dict[str, int]:
    """How many rows hold each text."""
    return dict(texts.value_counts().iter_rows())


def _outcomes(texts: Mapping[str, int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text, n in texts.items():
        name = normalise_outcome(text) if text and text.strip() else NOT_RECORDED
        counts[name] = counts.get(name, 0) + n
    return counts


def _categories(texts: Mapping[str, int]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text, n in texts.items():
        name = text or NOT_RECORDED
        counts[name] = counts.get(name, 0) + n
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0])))


def _by_quarter(frame, start: dt.date) -> dict[str, list[int]]:
    out = {q: [0, 0, 0] for q in ("Q1", "Q2", "Q3", "Q4", "outside_period")}
    rec = pl.col("received")
    months = ((rec.dt.year().cast(pl.Int32) - start.year) * 12 + rec.dt.month().cast(pl.Int32) - start.month
              - (rec.dt.day().cast(pl.Int32) < start.day).cast(pl.Int32))
    q = (pl.when((rec < start) | (months >= 12)).then(pl.lit("outside_period"))
         .otherwise(pl.lit("Q") + (months // 3 + 1).cast(pl.String)))
    counts = frame.select(q.alias("q"), pl.col("stage")).group_by(["q", "stage"]).len()
    for quarter, stage, n in counts.iter_rows():
        out[quarter][stage] += n
    return out


@dataclass(frozen=True)
class _Plan:
    """A stage's timescale, unpacked."""

    respond_days: int
    respond_from: str
    ack_days: int | None
    ack_from_escalation: bool
    cap: int | None
    cap_total: bool
    uncapped: bool
    beyond_with_reason: bool

    def __init__(self, ts: StageTimescale):
        object.__setattr__(self, "respond_days", ts.respond_working_days)
        object.__setattr__(self, "respond_from", ts.respond_from)
        object.__setattr__(self, "ack_days", ts.acknowledge_working_days)
        object.__setattr__(self, "ack_from_escalation", ts.acknowledge_from == "escalation_requested")
        # An uncapped extension (SPSO stage 2) is valid at any length once notified in time.
        object.__setattr__(self, "cap", 10**6 if getattr(ts, "extension_uncapped", False) else ts.extension_cap_working_days)
        object.__setattr__(self, "cap_total", bool(ts.extension_total))
        object.__setattr__(self, "uncapped", bool(ts.extension_uncapped))
        object.__setattr__(self, "beyond_with_reason", bool(ts.extension_beyond_cap_with_reason))


def _tenure_count(received: list[int], tenure: str, blank: str) -> int:
    """Received at a stage for one tenure (CH01); blank tenure per `blank_tenure`."""
    n = received[_TENURES.index(tenure.upper())]
    if blank == tenure:
        n += received[2]
    return n


def _tenure_ch02(by_tenure: tuple[list[int], ...], tenure: str, settings: MetricSettings) -> float | None:
    """CH02 for one tenure (the RSH reports LCRA and LCHO apart); blank tenure per `blank_tenure`.
    `by_tenure` is the (responded, on time, on time with extension) counts per tenure code."""
    col = _TENURES.index(tenure.upper())
    blank = settings.blank_tenure == tenure
    responded, on_time, extended = (row[col] + (row[2] if blank else 0) for row in by_tenure)
    return pct(on_time + (extended if settings.count_extensions_in_time else 0), responded)


def _natural_key(text: str) -> tuple:
    """'C2' sorts before 'C10'."""
    return tuple((0, int(part), "") if part.isdecimal() else (1, 0, part) for part in re.findall(r"\d+|\D+", text))


def first_by_id(ids, n: int = LATE_EXAMPLES) -> tuple[str, ...]:
    """The first `n` ids in natural order ('C2' before 'C10'), ties in row order.

    A long list is narrowed first, in polars, by the first two parts of the natural key (a prefix
    of the full key, so nothing that could be among the first `n` is dropped); only the few
    candidates left are sorted by the full key."""
    if ids.len() <= 2000:
        return tuple(heapq.nsmallest(n, ids.to_list(), key=_natural_key))
    ids = _first_by_shape(ids, n)
    if ids.len() <= 2000:
        return tuple(heapq.nsmallest(n, ids.to_list(), key=_natural_key))
    part = r"(\d+|\D+)"
    df = pl.DataFrame({"id": ids}).with_row_index("i").with_columns(
        pl.col("id").str.extract("^" + part, 1).alias("p0"),
        pl.col("id").str.extract("^(?:\\d+|\\D+)" + part, 1).alias("p1"),
    )
    keys = []
    for p in ("p0", "p1"):
        digits = pl.col(p).str.contains(r"^\d")
        stripped = pl.col(p).str.strip_chars_start("0")
        keys += [
            pl.when(pl.col(p).is_null()).then(-1).when(digits).then(0).otherwise(1).alias(p + "k"),
            pl.when(digits).then(stripped.str.len_bytes()).otherwise(0).alias(p + "n"),
            pl.when(digits).then(stripped).otherwise(pl.col(p)).fill_null("").alias(p + "s"),
        ]
    df = df.with_columns(keys)
    cols = ["p0k", "p0n", "p0s", "p1k", "p1n", "p1s"]
    top = df.sort(cols, maintain_order=True).head(n)
    if top.height == 0:
        return ()
    last = top.row(top.height - 1, named=True)
    cond = pl.lit(False)
    equal = pl.lit(True)
    for c in cols:  # lexicographic "key <= last"
        cond = cond | (equal & (pl.col(c) < last[c]))
        equal = equal & (pl.col(c) == last[c])
    candidates = df.filter(cond | equal).sort("i")["id"].to_list()
    return tuple(heapq.nsmallest(n, candidates, key=_natural_key))


def _first_by_shape(ids, n: int):
    """The ids that can be among the first `n` in natural order, in row order: the first `n` of
    each group of ids that differ only in trailing ASCII digits of one length ("C0000017" and
    "C0000102"). Within a group the natural order is the plain order, and ties are equal ids."""
    df = pl.DataFrame({"id": ids, "stem": ids.str.strip_chars_end("0123456789"), "len": ids.str.len_bytes()})
    keep = (df.with_row_index("i").group_by("stem", "len").agg(pl.col("i").bottom_k_by(["id", "i"], n))
            .get_column("i").explode().sort())
    return ids.gather(keep)


def _median(values: pl.Series) -> float | None:
    """The exact median of whole numbers: the mean of the two middle values, as a Fraction."""
    n = values.len()
    if not n:
        return None
    ordered = values.sort()
    return round1(Fraction(int(ordered[(n - 1) // 2]) + int(ordered[n // 2]), 2))


def _ordered_outcomes(counts: dict[str, int]) -> dict[str, int]:
    known = {k: counts[k] for k in KNOWN_OUTCOMES if k in counts}
    others = sorted((k for k in counts if k not in KNOWN_OUTCOMES and k != NOT_RECORDED), key=str.casefold)
    out = known | {k: counts[k] for k in others}
    if NOT_RECORDED in counts:
        out[NOT_RECORDED] = counts[NOT_RECORDED]
    return out
