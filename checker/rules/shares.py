"""Shares that must add up (2020 questionnaire: resolved at stage one, two, three = 100%)."""

from __future__ import annotations

from ..findings import CONTRADICTS, Finding, details

TOLERANCE = 0.5


def check(ctx, provision, answer):
    for chk in provision.checks:
        if chk.kind != "shares":
            continue
        ids = list(chk.get("provisions"))
        values = {pid: ctx.submission.answers[pid].value for pid in ids if pid in ctx.submission.answers and ctx.submission.answers[pid].value is not None}
        if len(values) < 2:
            continue
        total = sum(values.values())
        if abs(total - chk.get("total")) > TOLERANCE:
            parts = " + ".join(f"{values[p]:g} ({p})" for p in ids if p in values)
            yield Finding(
                "shares-do-not-add-up", ctx.severity(provision),
                f"the shares {parts} add up to {total:g}, not {chk.get('total'):g}",
                (answer.location if answer else ctx.submission.where("answers")), effect=CONTRADICTS,
                details=details(values=values, total=total, expected=chk.get("total")),
            )
