"""Checks of the submission as a whole: stated figures against the case log and each other,
governance dates against the period, and rows the case log could not use."""

from __future__ import annotations

from ..findings import Finding, details
from ...yamlsource import as_date

PERCENT_KEYS = ("pct_acknowledged_in_time", "pct_in_time")
COUNT_KEYS = ("received", "responded")
DAY_TOLERANCE = 0.5


def check_stated_figures(ctx):
    sub = ctx.submission
    stated = sub.stated_metrics
    for stage in ("stage1", "stage2"):
        figures = stated.get(stage) or {}
        received, responded = figures.get("received"), figures.get("responded")
        if received is not None and responded is not None and responded > received:
            yield Finding("figures-inconsistent", "error", f"metrics.{stage}: {responded} responded is more than the {received} received",
                          sub.where("metrics", stage, "responded"))
        computed = (ctx.metrics or {}).get(stage) if ctx.metrics is not None else None
        if not computed:
            continue
        for key, value in figures.items():
            actual = computed.get(key)
            if actual is None:
                continue
            if key in COUNT_KEYS:
                off = value != actual
            elif key in PERCENT_KEYS:
                off = abs(value - actual) > ctx.settings.figure_tolerance_points
            else:
                off = abs(value - actual) > DAY_TOLERANCE
            if off:
                yield Finding(
                    "stated-figure-differs", "error",
                    f"metrics.{stage}.{key} states {value:g} but the case log gives {actual:g}",
                    sub.where("metrics", stage, key), details=details(stated=value, computed=actual),
                )
    rate = stated.get("escalation_rate_pct")
    computed_rate = ((ctx.metrics or {}).get("escalation_rate") or {}).get("pct") if ctx.metrics else None
    if rate is not None and computed_rate is not None and abs(rate - computed_rate) > ctx.settings.figure_tolerance_points:
        yield Finding("stated-figure-differs", "error", f"metrics.escalation_rate_pct states {rate:g} but the case log gives {computed_rate:g}",
                      sub.where("metrics", "escalation_rate_pct"), details=details(stated=rate, computed=computed_rate))
    yield from _evidence_figures(ctx)


def _evidence_figures(ctx):
    """Figures quoted as evidence (figure: stage1.pct_in_time) must agree with the computed ones."""
    if ctx.metrics is None:
        return
    for answer in ctx.submission.answers.values():
        for item in answer.evidence:
            if not item.figure or item.value is None or "." not in item.figure:
                continue
            group, _, key = item.figure.partition(".")
            computed = (ctx.metrics.get(group) or {}).get(key) if isinstance(ctx.metrics.get(group), dict) else None
            if computed is None or not isinstance(computed, (int, float)):
                continue
            limit = ctx.settings.figure_tolerance_points if key.startswith("pct") else (0 if key in COUNT_KEYS else DAY_TOLERANCE)
            if abs(item.value - computed) > limit:
                yield Finding(
                    "stated-figure-differs", "error",
                    f"{answer.provision}: evidence quotes {item.figure} as {item.value:g} but the case log gives {computed:g}",
                    item.location, provision=answer.provision, details=details(stated=item.value, computed=computed),
                )


def check_governance(ctx):
    sub = ctx.submission
    body = sub.governance.get("governing_body") or {}
    reviewed, approved = body.get("reviewed"), body.get("approved")
    if not approved:
        yield Finding("not-approved", "warning", "the governing body's approval of this self-assessment is not recorded (governance.governing_body.approved)",
                      sub.where("governance", "governing_body") if body else sub.where("governance"))
    for key, value in (("reviewed", reviewed), ("approved", approved)):
        if value and as_date(value) < sub.period_start:
            yield Finding("date-outside-period", "warning", f"governance.governing_body.{key} ({value}) is before the period assessed begins ({sub.period_start})",
                          sub.where("governance", "governing_body", key))
    if reviewed and approved and as_date(approved) < as_date(reviewed):
        yield Finding("date-order", "warning", f"the self-assessment was approved ({approved}) before it was reviewed ({reviewed})",
                      sub.where("governance", "governing_body", "approved"))
    prepared = sub.prepared.get("date")
    if prepared and as_date(prepared) < sub.period_start:
        yield Finding("date-outside-period", "warning", f"prepared.date ({prepared}) is before the period assessed begins ({sub.period_start})", sub.where("prepared", "date"))


def check_case_log(ctx):
    summary = ctx.metrics and (ctx.metrics.get("case_log") or {})
    if not summary:
        return
    excluded = summary.get("excluded") or 0
    if excluded:
        reasons = summary.get("excluded_by_reason") or {}
        why = "; ".join(f"{reason}: {count}" for reason, count in sorted(reasons.items()))
        yield Finding("case-log-rows-excluded", "warning", f"{excluded} case-log rows could not be used and were left out of the figures ({why})",
                      ctx.submission.where("case_log", "path"), details=details(excluded=excluded, by_reason=dict(reasons)))
    by_name = summary.get("columns_found_by_name") or {}
    if by_name:
        found = ", ".join(f"{ours} ('{theirs}')" for ours, theirs in by_name.items())
        yield Finding("case-log-column-by-name", "info", f"case-log columns used because their names are ours, though case_log.columns does not map them: {found}; map them to confirm",
                      ctx.submission.where("case_log", "columns"), details=details(columns=dict(by_name)))
    outside = summary.get("received_outside_period") or 0
    if outside:
        yield Finding("date-outside-period", "warning", f"{outside} case-log rows were received outside the period assessed and are not counted",
                      ctx.submission.where("case_log", "path"), details=details(rows=outside))

