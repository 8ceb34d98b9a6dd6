"""Quarterly complaints summaries: the one a Scottish social landlord publishes under the SPSO model
procedure, and the one an English landlord's board sees (see `english_summary` below).

The SPSO summary: complaints received by stage, average working days to resolve stage 1, stage 2 and
escalated complaints, outcomes per stage, and "you said, we did".

Figures come from the submission's case log through the metrics library (`caselog`, `workdays`,
`metrics`), with the landlord's nation's bank holidays and closure days. Counting rules:
- a complaint is *received* in the quarter of its receipt date (at stage 2: the day it reached
  stage 2, i.e. the escalation request for an escalated complaint);
- it is *resolved* in the quarter of its response date; withdrawn complaints are left out of
  the resolved figures (the metrics library's default);
- "stage 2" means complaints taken straight to stage 2, "escalated" those that went through
  stage 1 first (a stage 2 row with an escalation request date);
- average working days: how long the customer waited, from receipt (at stage 2, the escalation
  request) to the response, day 0 being the day of receipt, over the complaints resolved in the
  quarter. The metrics library rounds averages to one decimal place; the summary shows two,
  counted with the same calendar and the same starting day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from fractions import Fraction
from typing import Any

from ..problems import InputError, Problem
from ..intake.submission import Submission

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
ROUTES = (("stage1", "Stage 1"), ("stage2", "Stage 2"), ("escalated", "Escalated"))
OUTCOME_LABELS = {"upheld": "Upheld", "partly upheld": "Partially upheld", "not upheld": "Not upheld", "not recorded": "Not recorded"}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def quarter_dates(period_start: dt.date, quarter: str) -> tuple[dt.date, dt.date]:
    """First and last day of quarter Q1-Q4 of the year that starts on `period_start`."""
    index = QUARTERS.index(quarter)
    first = _add_months(period_start, 3 * index)
    return first, _add_months(period_start, 3 * (index + 1)) - dt.timedelta(days=1)


def _add_months(d: dt.date, months: int) -> dt.date:
    month = d.month - 1 + months
    return d.replace(year=d.year + month // 12, month=month % 12 + 1)


def quarter_label(first: dt.date, last: dt.date) -> str:
    """'July - September 2024' (or 'December 2024 - February 2025' across a year end)."""
    if first.year == last.year:
        return f"{MONTHS[first.month - 1]} - {MONTHS[last.month - 1]} {last.year}"
    return f"{MONTHS[first.month - 1]} {first.year} - {MONTHS[last.month - 1]} {last.year}"


def quarterly_summary(submission: Submission, quarter: str) -> dict[str, Any]:
    """The quarter's figures and "you said, we did", as one JSON-ready mapping."""
    from .metrics import MetricSettings, compute_metrics

    code = submission.code
    if "scotland" not in code.jurisdiction:
        return english_summary(submission, quarter)
    first, last = _quarter_of(submission, quarter)

    from ..assess import read_submission_case_log

    log, calendar = read_submission_case_log(submission)
    settings = MetricSettings(count_extensions_in_time=True)
    timescales = code.timescales

    def route(case) -> str:
        if case.stage == 1:
            return "stage1"
        return "escalated" if case.escalation_requested is not None else "stage2"

    received = {key: 0 for key, _ in ROUTES}
    resolved: dict[str, list] = {key: [] for key, _ in ROUTES}
    for case in log.cases:
        if first <= case.received <= last:
            received[route(case)] += 1
        if case.responded is not None and first <= case.responded <= last and not (settings.exclude_withdrawn and case.withdrawn):
            resolved[route(case)].append(case)

    routes = []
    for key, label in ROUTES:
        cases = resolved[key]
        sub_log = subset(log, cases)
        figures = compute_metrics(sub_log, calendar, timescales, settings=settings)
        stage = figures.stage(1 if key == "stage1" else 2)
        ts = timescales.stage(1 if key == "stage1" else 2)
        total_days = sum(_working_days(calendar, case) for case in cases)
        mean_2dp = _round2(Fraction(total_days, len(cases))) if cases else None
        routes.append({
            "key": key,
            "label": label,
            "resolved": stage.responded,
            "working_days_total": total_days,
            "mean_working_days": mean_2dp,
            "mean_working_days_1dp": stage.mean_working_days,
            "mean_working_days_text": _days_text(mean_2dp),
            "timescale_working_days": ts.respond_working_days,
            "within_timescale": stage.on_time,
            "within_timescale_pct": _pct(stage.on_time, stage.responded),
            "within_extension": stage.on_time_with_extension,
            "late": stage.late,
            "outcomes": [{"outcome": name, "label": OUTCOME_LABELS.get(name, name[:1].upper() + name[1:]), "count": n}
                         for name, n in stage.outcomes.items()],
        })

    return {
        "kind": "spso",
        "landlord": {"name": submission.landlord_name, "nation": submission.nation, "website": submission.landlord.get("website")},
        "code": {"id": code.id, "name": code.name, "short_name": code.short_name, "publisher": code.publisher},
        "period": {"start": submission.period_start.isoformat(), "end": submission.period_end.isoformat(), "label": submission.period_label},
        "quarter": {"id": quarter, "start": first.isoformat(), "end": last.isoformat(), "label": quarter_label(first, last)},
        "received": {**received, "total": sum(received.values())},
        "routes": routes,
        "outcomes": _outcome_table(routes),
        "you_said_we_did": _you_said_we_did(submission, quarter),
        "rules": {
            "working_days": calendar.describe(),
            "received": "counted in the quarter of the receipt date (stage 2: the day the complaint reached stage 2)",
            "resolved": "counted in the quarter of the response date; withdrawn complaints left out",
            "average": "working days from receipt (at stage 2, the escalation request) to the response, over the complaints resolved in the quarter",
            "timescales": {"stage1": timescales.stage1.as_dict(), "stage2": timescales.stage2.as_dict()},
        },
        "case_log": {"file": log.path, "sha256": log.sha256, "rows": len(log.cases), "excluded": log.excluded_total},
    }


def subset(log, cases):
    """The case log with only `cases` (and nothing excluded), for the metrics library to count.

    The one place that builds a log: a columnar log (one with `with_frame`) is rebuilt from a
    frame of the cases; the tuple-of-cases log of before, by replacing its cases."""
    if hasattr(log, "with_frame"):
        from .reader import cases_frame

        return log.with_frame(cases_frame(tuple(cases)))
    return replace(log, cases=tuple(cases), problems=(), excluded={})


def _quarter_of(submission: Submission, quarter: str) -> tuple[dt.date, dt.date]:
    if not submission.case_log:
        raise InputError([Problem(submission.where(), "the quarterly summary is computed from a case log; the submission gives none (case_log.path)", "no-case-log")])
    first, last = quarter_dates(submission.period_start, quarter)
    if first > submission.period_end:
        raise InputError([Problem(submission.where("period", "end"), f"{quarter} ({first} to {last}) starts after the period assessed ends ({submission.period_end})", "bad-quarter")])
    return first, last


# ---------------------------------------------------------------- English landlords (Housing Ombudsman Code)
#
# What a board sees each quarter: by stage, complaints received, responded to and in time (with an
# agreed extension and late apart); TSM CH01 and CH02 for the quarter; average working days to
# respond; outcomes and categories. Counting rules:
# - *received*: the receipt date falls in the quarter (a stage 2 row: the day it reached stage 2);
#   CH01 for the quarter is those complaints per 1,000 homes (not annualised);
# - *responded*, *in time*, CH02, average working days and outcomes: the response date falls in the
#   quarter (withdrawn complaints left out), with the same clocks, extensions and calendar as the
#   annual figures (the metrics library's public API, over the quarter's complaints).

ENGLISH_STAGES = (("stage1", "Stage 1"), ("stage2", "Stage 2"))


def english_summary(submission: Submission, quarter: str) -> dict[str, Any]:
    """One quarter's figures for an English landlord, as one JSON-ready mapping."""
    first, last = _quarter_of(submission, quarter)
    from ..assess import read_submission_case_log

    log, calendar = read_submission_case_log(submission)
    out = english_quarter(submission, log, calendar, quarter)
    out.update({
        "kind": "english",
        "you_said_we_did": _you_said_we_did(submission, quarter),
        "landlord": {"name": submission.landlord_name, "nation": submission.nation, "website": submission.landlord.get("website")},
        "code": {"id": submission.code.id, "name": submission.code.name, "short_name": submission.code.short_name, "publisher": submission.code.publisher},
        "period": {"start": submission.period_start.isoformat(), "end": submission.period_end.isoformat(), "label": submission.period_label},
        "case_log": {"file": log.path, "sha256": log.sha256, "rows": len(log.cases), "excluded": log.excluded_total},
    })
    return out


def english_year(submission: Submission) -> list[dict[str, Any]]:
    """The four quarters of the submission's year (those that start inside it), reading the case log once."""
    from ..assess import read_submission_case_log

    log, calendar = read_submission_case_log(submission)
    return [english_quarter(submission, log, calendar, q) for q in QUARTERS
            if quarter_dates(submission.period_start, q)[0] <= submission.period_end]


def english_quarter(submission: Submission, log, calendar, quarter: str) -> dict[str, Any]:
    """Quarter `quarter` of an English landlord's case log: see the counting rules above."""
    from .metrics import MetricSettings, compute_metrics

    first, last = quarter_dates(submission.period_start, quarter)
    settings = MetricSettings(count_extensions_in_time=bool((submission.settings or {}).get("count_extensions_in_time", True)))
    homes = submission.landlord.get("homes") or {}
    lcra, lcho = homes.get("lcra") or None, homes.get("lcho") or None
    timescales = submission.code.timescales

    def figures(cases):
        return compute_metrics(subset(log, cases), calendar, timescales,
                               homes_lcra=lcra, homes_lcho=lcho, settings=settings)

    received = figures(c for c in log.cases if first <= c.received <= last)
    responded = figures(c for c in log.cases if c.responded is not None and first <= c.responded <= last
                        and not (settings.exclude_withdrawn and c.withdrawn))
    stages = []
    for key, label in ENGLISH_STAGES:
        n = 1 if key == "stage1" else 2
        got, done = received.stage(n), responded.stage(n)
        stages.append({
            "key": key, "label": label,
            "received": got.received, "withdrawn": got.withdrawn,
            "acknowledged_in_time": got.acknowledged_in_time, "pct_acknowledged_in_time": got.pct_acknowledged_in_time,
            "responded": done.responded, "on_time": done.on_time, "on_time_with_extension": done.on_time_with_extension,
            "late": done.late, "pct_in_time": done.pct_in_time,
            "mean_working_days": done.mean_working_days, "median_working_days": done.median_working_days,
            "timescale_working_days": timescales.stage(n).respond_working_days,
            "outcomes": dict(done.outcomes), "categories": dict(got.categories),
        })
    return {
        "quarter": {"id": quarter, "start": first.isoformat(), "end": last.isoformat(), "label": quarter_label(first, last)},
        "stages": stages,
        "ch01": {t: dict(v) for t, v in received.ch01.items()},
        "ch02": dict(responded.ch02),
        "homes": {"lcra": homes.get("lcra"), "lcho": homes.get("lcho")},
        "outcomes": _rows(stages, "outcomes", ("upheld", "partly upheld", "not upheld")),
        "categories": _rows(stages, "categories"),
        "rules": {
            "working_days": calendar.describe(),
            "received": "counted in the quarter of the receipt date (stage 2: the day the complaint reached stage 2); CH01 is those complaints per 1,000 homes, not annualised",
            "responded": "counted in the quarter of the response date; withdrawn complaints left out; CH02 is the share of those responses within the Code's timescales" +
                         (", a valid extension included" if settings.count_extensions_in_time else ", extensions not counted as in time"),
            "average": "working days from receipt (at stage 2, the escalation request) to the response, over the responses sent in the quarter",
            "timescales": {"stage1": timescales.stage1.as_dict(), "stage2": timescales.stage2.as_dict()},
        },
    }


def _rows(stages: list[dict], key: str, first: tuple[str, ...] = ()) -> list[dict]:
    """[{'label': 'Repairs', 'counts': [stage 1, stage 2]}], known names first, then by total (largest first)."""
    names = list(dict.fromkeys(n for s in stages for n in s[key]))
    rank = {n: i for i, n in enumerate(first)}
    names.sort(key=lambda n: (rank.get(n, len(rank)), -sum(s[key].get(n, 0) for s in stages), n))
    return [{"label": n[:1].upper() + n[1:], "counts": [s[key].get(n, 0) for s in stages]} for n in names]


def _outcome_table(routes: list[dict]) -> list[dict]:
    """Outcomes as rows, one count per route: [{'label': 'Upheld', 'counts': [6, 0, 1]}, ...]."""
    labels: dict[str, str] = {}
    for r in routes:
        for o in r["outcomes"]:
            labels.setdefault(o["outcome"], o["label"])
    return [
        {"outcome": name, "label": label,
         "counts": [next((o["count"] for o in r["outcomes"] if o["outcome"] == name), 0) for r in routes]}
        for name, label in labels.items()
    ]


def _working_days(calendar, case) -> int:
    """How long the customer waited, as the metrics library counts it for its average: from receipt
    (at stage 2, the escalation request where there is one) to the response, day 0 excluded."""
    start = case.escalation_requested if case.stage == 2 and case.escalation_requested else case.received
    calendar = calendar.covering(min(start, case.responded), max(start, case.responded))
    return max(calendar.working_days_between(start, case.responded), 0)


def _round2(value: Fraction) -> float:
    """Half up to two decimal places, exactly."""
    from math import floor

    return floor(value * 100 + Fraction(1, 2)) / 100


def _days_text(value: float | None) -> str:
    """1.04 -> '1.04', 7.5 -> '7.5', 2.0 -> '2'; none resolved -> '-'."""
    if value is None:
        return "-"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _pct(part: int, whole: int) -> float | None:
    from .metrics import pct

    return pct(part, whole)


def _you_said_we_did(submission: Submission, quarter: str) -> list[dict]:
    """Entries of annual_report.you_said_we_did for the quarter (entries with no quarter appear in every quarter)."""
    items = (submission.annual_report or {}).get("you_said_we_did")
    if items is None:
        return []
    base = ("annual_report", "you_said_we_did")
    problems = []
    out = []
    if not isinstance(items, (list, tuple)):
        raise InputError([Problem(submission.where(*base), "annual_report.you_said_we_did must be a list of entries with you_said and we_did", "schema")])
    for i, item in enumerate(items):
        if not hasattr(item, "get") or not isinstance(item.get("you_said"), str) or not isinstance(item.get("we_did"), str):
            problems.append(Problem(submission.where(*base, i), "each you_said_we_did entry needs you_said and we_did (text)", "schema"))
            continue
        q = item.get("quarter")
        if q is not None and q not in QUARTERS:
            problems.append(Problem(submission.where(*base, i, "quarter"), f"quarter must be one of {', '.join(QUARTERS)}, not '{q}'", "schema"))
            continue
        if q in (None, quarter):
            out.append({"you_said": item["you_said"].strip(), "we_did": item["we_did"].strip()})
    if problems:
        raise InputError(problems)
    return out
