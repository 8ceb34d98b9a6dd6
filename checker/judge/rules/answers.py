"""An answer must be complete: a 'no' needs an explanation, an action, an owner and a future date."""

from __future__ import annotations

from ..dates import is_overdue
from ..findings import UNSUPPORTS, Finding, details


def check(ctx, provision, answer):
    sub = ctx.submission
    if answer is None or not answer.given:
        where = answer.location if answer else sub.where("answers")
        yield Finding("unanswered", ctx.severity(provision), f"{provision.id} has no answer; every row of the form must be answered", where)
        return
    severity = ctx.severity(provision)
    if answer.needs_review:
        source = f" ({', '.join(answer.carried_from)})" if answer.carried_from else ""
        yield Finding("needs-review", "warning", f"{provision.id} was carried over from an earlier Code version{source} and has not been reviewed (remove needs_review once checked)", answer.location)
    yield from _figures(ctx, provision, answer)
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


def _figures(ctx, provision, answer):
    """A figure question answered in words has no figure; a multi-figure answer may lack items."""
    if provision.answer_type not in ("percent", "count") or answer.comply == "n/a":
        return
    if answer.text and answer.value is None and not answer.values:
        yield Finding(
            "no-figure", ctx.severity(provision),
            f"{provision.id} asks for a {'percentage' if provision.answer_type == 'percent' else 'count'} and is answered in words, with no figure",
            answer.location, effect=UNSUPPORTS,
        )
    elif provision.items and answer.values:
        missing = [i for i in provision.items if i.id not in answer.values]
        if missing:
            listed = "; ".join(f"({i.id}) {i.text}" for i in missing)
            yield Finding("figures-missing", "info", f"{provision.id} gives no figure for {listed}", answer.location,
                          details=details(missing=[i.id for i in missing]))
    elif provision.choices and answer.choice and answer.value is None:
        yield Finding("figures-missing", "info", f"{provision.id} names {answer.choice} but gives no share for it", answer.location)
