"""Stated figures checked against each other, with or without a case log: an escalation rate
against the counts it comes from, complaints per 1,000 homes against counts and homes, and an
average that 100% on time makes impossible. Within the figure tolerance setting.

A rate that disagrees with its counts is a warning (it may use another denominator, which the
landlord should then state); an impossible average is an error."""

from __future__ import annotations

from ..findings import Finding, details


def check(ctx):
    sub = ctx.submission
    stated = sub.stated_metrics
    tol = ctx.settings.figure_tolerance_points
    s1, s2 = stated.get("stage1") or {}, stated.get("stage2") or {}
    rate = stated.get("escalation_rate_pct")
    if rate is not None and s1.get("received") and s2.get("received") is not None:
        expected = 100.0 * s2["received"] / s1["received"]
        if abs(rate - expected) > tol:
            yield Finding(
                "figures-inconsistent", "warning",
                f"metrics.escalation_rate_pct states {rate:.1f}%, but {s2['received']} stage 2 of {s1['received']} stage 1 complaints received is {expected:.1f}% "
                f"(tolerance {tol:g} points); correct it, or say which other denominator it uses",
                sub.where("metrics", "escalation_rate_pct"), details=details(stated=rate, computed=round(expected, 2), tolerance_points=tol),
            )
    per_1000 = stated.get("complaints_per_1000_homes")
    homes = sub.landlord.get("homes") or {}
    total = sum(v for v in (homes.get("lcra"), homes.get("lcho")) if isinstance(v, (int, float)))
    if per_1000 is not None and total and s1.get("received") is not None:
        expected = 1000.0 * s1["received"] / total
        if abs(per_1000 - expected) > tol:
            yield Finding(
                "figures-inconsistent", "warning",
                f"metrics.complaints_per_1000_homes states {per_1000:.1f}, but {s1['received']} stage 1 complaints over {total:,} homes is {expected:.1f} per 1,000 "
                f"(tolerance {tol:g}); correct it, or say which homes it counts",
                sub.where("metrics", "complaints_per_1000_homes"), details=details(stated=per_1000, computed=round(expected, 2), tolerance=tol),
            )
    for stage, figures in ((1, s1), (2, s2)):
        mean, pct = figures.get("mean_working_days"), figures.get("pct_in_time")
        limit = _latest_on_time(ctx, stage)
        if mean is not None and pct is not None and pct >= 100 and limit is not None and mean > limit:
            yield Finding(
                "figures-inconsistent", "error",
                f"metrics.stage{stage} states every response in time (100%) but an average of {mean:g} working days, more than the {limit} a reply in time can take",
                sub.where("metrics", f"stage{stage}", "mean_working_days"), details=details(mean_working_days=mean, limit_working_days=limit),
            )


def _latest_on_time(ctx, stage):
    ts = ctx.code.timescales.stage(stage)
    if ts.extension_cap_working_days is None:
        return None
    if ts.extension_total:
        return ts.extension_cap_working_days
    return ts.respond_working_days + ts.extension_cap_working_days + ((ts.acknowledge_working_days or 0) if ts.respond_from == "acknowledged" else 0)
