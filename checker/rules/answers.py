"""An answer must be complete: a 'no' needs an explanation, an action, an owner and a future date."""

from __future__ import annotations

from ..evaluate import is_overdue
from ..findings import Finding, details


def check(ctx, provision, answer):
    sub = ctx.submission
    if answer is None or (not answer.comply and answer.value is None):
        where = answer.location if answer else sub.where("answers")
        yield Finding("unanswered", ctx.severity(provision), f"{provision.id} has no answer; every row of the form must be answered", where)
        return
    severity = ctx.severity(provision)
    if answer.needs_review:
        yield Finding("needs-review", "warning", f"{provision.id} was carried over from an earlier Code version and has not been reviewed (remove needs_review once checked)", answer.location)
    if answer.comply == "n/a":
        if not answer.reason:
            yield Finding("no-reason", severity, f"{provision.id} is answered n/a without a reason", answer.location)
        return
    if answer.comply not in ("no", "partial"):
        return
    if not answer.explanation:
        yield Finding("no-explanation", severity, f"{provision.id} is answered '{answer.comply}' without an explanation of why it is not met", answer.location)
    if answer.action is None:
        yield Finding("no-action", severity, f"{provision.id} is answered '{answer.comply}' without an action plan (what will be done, by whom, by when)", answer.location)
        return
    action = answer.action
    if not action.owner:
        yield Finding("no-owner", "warning", f"the action for {provision.id} names no owner", action.location)
    if action.target_date is None:
        yield Finding("no-target-date", severity, f"the action for {provision.id} has no target date by which it will comply", action.location)
    elif is_overdue(action.target_date, sub.period_end):
        yield Finding(
            "target-date-passed", severity,
            f"the target date for {provision.id} ({action.target_date.isoformat()}) had passed by the end of the period assessed ({sub.period_end.isoformat()})",
            action.location, details=details(target_date=action.target_date.isoformat(), period_end=sub.period_end.isoformat()),
        )
