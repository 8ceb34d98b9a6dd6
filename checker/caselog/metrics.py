"""Complaint figures from a case log: timeliness per stage, TSM CH01 and CH02, escalation rate.

The figures a data analyst publishes, computed in working days under stated rules, so that the
same log and settings always give the same numbers and anyone can re-derive them. The counting
rules are in docs/metrics.md; the debatable ones are `MetricSettings` with documented defaults.

One pass over the cases; working-day counts come from a per-date memo of the calendar's
cumulative index, so a million rows take a second or two.
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

from .reader import CaseLog
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
    """

    count_extensions_in_time: bool = True
    exclude_withdrawn: bool = True
    count_from_non_working_day: str = "next-working-day"
    blank_tenure: str = "lcra"
    respond_clock_at_ack_deadline: bool = False

    def __post_init__(self) -> None:
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


_OUTCOME_WORDS = {
    "upheld": "upheld", "fully upheld": "upheld", "upheld in full": "upheld", "uphold": "upheld",
    "partly upheld": "partly upheld", "partially upheld": "partly upheld", "part upheld": "partly upheld",
    "upheld in part": "partly upheld", "partly": "partly upheld", "partially": "partly upheld",
    "partial": "partly upheld",
    "not upheld": "not upheld", "notupheld": "not upheld", "not uphold": "not upheld",
}


def normalise_outcome(text: str) -> str:
    """'Partially Upheld' -> 'partly upheld'; unknown outcomes keep the text as given."""
    key = re.sub(r"[\s_\-]+", " ", text.strip().casefold())
    return _OUTCOME_WORDS.get(key, text.strip())


class _Acc:
    """Running counts of one stage (mutable, private to one computation)."""

    __slots__ = ("received", "withdrawn", "acknowledged", "ack_in_time", "responded", "on_time",
                 "on_time_ext", "late", "open", "days", "outcomes", "categories", "late_ids", "tenure",
                 "by_tenure", "extended", "ext_valid", "bad_ext_ids")

    def __init__(self) -> None:
        self.received = self.withdrawn = self.acknowledged = self.ack_in_time = 0
        self.responded = self.on_time = self.on_time_ext = self.late = self.open = 0
        self.days: dict[int, int] = {}
        self.outcomes: dict[str, int] = {}
        self.categories: dict[str, int] = {}
        self.late_ids: list[str] = []
        self.extended = self.ext_valid = 0  # replies past the first due date with an extension recorded; valid ones
        self.bad_ext_ids: list[str] = []
        self.tenure = {"LCRA": 0, "LCHO": 0, "": 0}  # received
        self.by_tenure = {"LCRA": [0, 0, 0], "LCHO": [0, 0, 0], "": [0, 0, 0]}  # responded, on time, in extension


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

    num = calendar.day_numbers_by_date.__getitem__  # every date of the log is in the span

    accs = (None, _Acc(), _Acc())
    plans = (None, _Plan(timescales.stage1), _Plan(timescales.stage2))
    exclude_withdrawn = settings.exclude_withdrawn
    at_deadline = settings.respond_clock_at_ack_deadline
    outcome_names: dict[str, str] = {}
    quarters: dict[dt.date, str] = {}
    by_quarter = None
    if period_start is not None:
        by_quarter = {q: [0, 0, 0] for q in ("Q1", "Q2", "Q3", "Q4", "outside_period")}

    for c in caselog.cases:
        stage = c.stage
        acc = accs[stage]
        plan = plans[stage]
        acc.received += 1
        acc.tenure[c.tenure] += 1
        cat = c.category or NOT_RECORDED
        acc.categories[cat] = acc.categories.get(cat, 0) + 1
        if by_quarter is not None:
            q = quarters.get(c.received)
            if q is None:
                q = quarters[c.received] = _quarter(c.received, period_start)
            by_quarter[q][stage] += 1
        if c.withdrawn:
            acc.withdrawn += 1
            if exclude_withdrawn:
                continue

        received = c.received
        ack_start = None
        ack = c.acknowledged
        if plan.ack_days is not None:
            ack_start = c.escalation_requested if plan.ack_from_escalation and c.escalation_requested else received
        if ack is not None:
            acc.acknowledged += 1
            if ack_start is not None and num(ack)[0] - num(ack_start)[1] <= plan.ack_days:
                acc.ack_in_time += 1

        responded = c.responded
        if responded is None:
            acc.open += 1
            continue
        acc.responded += 1
        outcome = c.outcome
        if outcome:
            name = outcome_names.get(outcome)
            if name is None:
                name = outcome_names[outcome] = normalise_outcome(outcome)
        else:
            name = NOT_RECORDED
        acc.outcomes[name] = acc.outcomes.get(name, 0) + 1

        # What starts the response clock.
        frm = plan.respond_from
        if frm == "acknowledged":
            if ack is None:
                start_n = num(received)[1]  # no acknowledgement date: conservatively from receipt
            else:
                start_n = num(ack)[1]
                if at_deadline and ack_start is not None:
                    deadline_n = num(ack_start)[1] + plan.ack_days
                    if start_n > deadline_n:
                        start_n = deadline_n
        elif frm == "escalation_requested" and c.escalation_requested is not None:
            start_n = num(c.escalation_requested)[1]
        else:  # received, logged (no logged date is kept: receipt is the earliest it can be)
            start_n = num(received)[1]

        days = num(responded)[0] - start_n
        if days < 0:
            days = 0
        # How long the resident waited: from receipt (stage 2: the escalation request), whatever starts the Code's clock.
        waited = num(responded)[0] - num(c.escalation_requested if stage == 2 and c.escalation_requested else received)[1]
        waited = waited if waited > 0 else 0
        acc.days[waited] = acc.days.get(waited, 0) + 1
        tenure_counts = acc.by_tenure[c.tenure]
        tenure_counts[0] += 1
        limit = plan.respond_days
        if days <= limit:
            acc.on_time += 1
            tenure_counts[1] += 1
            continue
        ext_due = c.extended_due
        notified = c.extension_notified
        # An extension counts when it was notified by the first due date and stays within the cap.
        valid_extension = (
            plan.cap is not None
            and ext_due is not None
            and notified is not None
            and num(notified)[0] - start_n <= limit
            and num(ext_due)[0] - start_n <= (plan.cap if plan.cap_total else limit + plan.cap)
        )
        if ext_due is not None:
            acc.extended += 1
            if valid_extension:
                acc.ext_valid += 1
            else:
                acc.bad_ext_ids.append(c.id)
        if valid_extension and responded <= ext_due:
            acc.on_time_ext += 1
            tenure_counts[2] += 1
        else:
            acc.late += 1
            acc.late_ids.append(c.id)

    s1 = _stage_metrics(1, accs[1], timescales.stage1, settings)
    s2 = _stage_metrics(2, accs[2], timescales.stage2, settings)
    ch01 = {}
    for tenure, homes in (("lcra", homes_lcra), ("lcho", homes_lcho)):
        ch01[tenure] = MappingProxyType({
            f"stage{n}": None if homes is None else pct(_tenure_count(accs[n], tenure, settings.blank_tenure), homes, 1000)
            for n in (1, 2)
        })
    ch02_by_tenure = {
        tenure: MappingProxyType({f"stage{n}": _tenure_ch02(accs[n], tenure, settings) for n in (1, 2)})
        for tenure in ("lcra", "lcho")
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


@dataclass(frozen=True)
class _Plan:
    """A stage's timescale, unpacked for the loop."""

    respond_days: int
    respond_from: str
    ack_days: int | None
    ack_from_escalation: bool
    cap: int | None
    cap_total: bool

    def __init__(self, ts: StageTimescale):
        object.__setattr__(self, "respond_days", ts.respond_working_days)
        object.__setattr__(self, "respond_from", ts.respond_from)
        object.__setattr__(self, "ack_days", ts.acknowledge_working_days)
        object.__setattr__(self, "ack_from_escalation", ts.acknowledge_from == "escalation_requested")
        # An uncapped extension (SPSO stage 2) is valid at any length once notified in time.
        object.__setattr__(self, "cap", 10**6 if getattr(ts, "extension_uncapped", False) else ts.extension_cap_working_days)
        object.__setattr__(self, "cap_total", bool(ts.extension_total))


def _quarter(d: dt.date, start: dt.date) -> str:
    months = (d.year - start.year) * 12 + d.month - start.month - (1 if d.day < start.day else 0)
    if d < start or months >= 12:
        return "outside_period"
    return f"Q{months // 3 + 1}"


def _tenure_count(acc: _Acc, tenure: str, blank: str) -> int:
    n = acc.tenure[tenure.upper()]
    if blank == tenure:
        n += acc.tenure[""]
    return n


def _tenure_ch02(acc: _Acc, tenure: str, settings: MetricSettings) -> float | None:
    """CH02 for one tenure (the RSH reports LCRA and LCHO apart); blank tenure per `blank_tenure`."""
    counts = list(acc.by_tenure[tenure.upper()])
    if settings.blank_tenure == tenure:
        counts = [a + b for a, b in zip(counts, acc.by_tenure[""])]
    responded, on_time, extended = counts
    return pct(on_time + (extended if settings.count_extensions_in_time else 0), responded)


def _natural_key(text: str) -> tuple:
    """'C2' sorts before 'C10'."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.findall(r"\d+|\D+", text))


def _median(counts: dict[int, int], n: int) -> float | None:
    if not n:
        return None
    lo_rank, hi_rank = (n - 1) // 2, n // 2
    seen = 0
    lo = hi = None
    for value in sorted(counts):
        seen += counts[value]
        if lo is None and seen > lo_rank:
            lo = value
        if seen > hi_rank:
            hi = value
            break
    return round1(Fraction(lo + hi, 2))


def _ordered_outcomes(counts: dict[str, int]) -> dict[str, int]:
    known = {k: counts[k] for k in KNOWN_OUTCOMES if k in counts}
    others = sorted((k for k in counts if k not in KNOWN_OUTCOMES and k != NOT_RECORDED), key=str.casefold)
    out = known | {k: counts[k] for k in others}
    if NOT_RECORDED in counts:
        out[NOT_RECORDED] = counts[NOT_RECORDED]
    return out


def _stage_metrics(stage: int, acc: _Acc, ts: StageTimescale, settings: MetricSettings) -> StageMetrics:
    responded = acc.responded
    in_time = acc.on_time + (acc.on_time_ext if settings.count_extensions_in_time else 0)
    total_days = sum(d * k for d, k in acc.days.items())
    has_ack_rule = ts.acknowledge_working_days is not None
    late_examples = tuple(heapq.nsmallest(LATE_EXAMPLES, acc.late_ids, key=_natural_key))
    return StageMetrics(
        stage=stage,
        received=acc.received,
        withdrawn=acc.withdrawn,
        acknowledged=acc.acknowledged,
        acknowledged_in_time=acc.ack_in_time if has_ack_rule else None,
        pct_acknowledged_in_time=pct(acc.ack_in_time, acc.acknowledged) if has_ack_rule else None,
        responded=responded,
        on_time=acc.on_time,
        on_time_with_extension=acc.on_time_ext,
        late=acc.late,
        pct_in_time=pct(in_time, responded),
        mean_working_days=round1(Fraction(total_days, responded)) if responded else None,
        median_working_days=_median(acc.days, responded),
        open=acc.open,
        outcomes=MappingProxyType(_ordered_outcomes(acc.outcomes)),
        categories=MappingProxyType(dict(sorted(acc.categories.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0])))),
        late_examples=late_examples,
        extensions=acc.extended,
        extensions_valid=acc.ext_valid,
        pct_extensions_valid=pct(acc.ext_valid, acc.extended),
        invalid_extension_examples=tuple(heapq.nsmallest(LATE_EXAMPLES, acc.bad_ext_ids, key=_natural_key)),
    )
