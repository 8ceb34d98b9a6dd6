"""Timescale claims are held to the landlord's own policy and to its figures.

A 'yes' to an acknowledgement or response provision is contradicted when the policy allows
more working days than the Code, or when the share handled in time is below the tolerance.
"""

from __future__ import annotations

from ..findings import CONTRADICTS, Finding, details

FIGURE = {"acknowledge": "pct_acknowledged_in_time", "respond": "pct_in_time"}
EVENT_WORDS = {"acknowledge": "acknowledge", "respond": "respond to"}
# A clock started at acknowledgement runs later than one started at receipt or escalation.
CLOCK_RANK = {"received": 0, "logged": 0, "escalation_requested": 0, "acknowledged": 1}


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for chk in provision.checks:
        if chk.kind == "timescale":
            yield from _timescale(ctx, provision, answer, chk.get("stage"), chk.get("event"))
        elif chk.kind == "extension":
            yield from _extension(ctx, provision, answer, chk.get("stage"))


def _timescale(ctx, provision, answer, stage, event):
    code_stage = ctx.code.timescales.stage(stage)
    code_days = code_stage.acknowledge_working_days if event == "acknowledge" else code_stage.respond_working_days
    policy_stage = ctx.submission.policy.get(f"stage{stage}") or {}
    policy_days = policy_stage.get(f"{event}_working_days")
    if code_days is not None and policy_days is not None and policy_days > code_days:
        yield Finding(
            "policy-exceeds-code", ctx.severity(provision),
            f"{provision.id} is answered yes, but the policy gives {policy_days} working days to {EVENT_WORDS[event]} a stage {stage} complaint where {ctx.code.id} gives {code_days}",
            ctx.submission.where("policy", f"stage{stage}", f"{event}_working_days"), effect=CONTRADICTS,
            details=details(policy_working_days=policy_days, code_working_days=code_days),
        )
    policy_from = policy_stage.get("respond_from")
    if event == "respond" and policy_from and CLOCK_RANK.get(policy_from, 0) > CLOCK_RANK.get(code_stage.respond_from, 0):
        yield Finding(
            "policy-exceeds-code", ctx.severity(provision),
            f"{provision.id} is answered yes, but the policy starts the stage {stage} response clock at '{policy_from}' where {ctx.code.id} starts it at '{code_stage.respond_from}'",
            ctx.submission.where("policy", f"stage{stage}", "respond_from"), effect=CONTRADICTS,
        )
    figure, source = ctx.figure(stage, FIGURE[event])
    tolerance = ctx.settings.timeliness_tolerance_pct
    if figure is None or figure >= tolerance:
        return
    stage_metrics = {}
    if source == "case-log":
        stage_metrics = ctx.metrics.get(f"stage{stage}") or {}
    what = "acknowledged" if event == "acknowledge" else "responded to"
    extra = ""
    late = None
    examples = ()
    if source == "case-log" and event == "respond":
        late = stage_metrics.get("late")
        examples = tuple(stage_metrics.get("late_examples") or ())
        extra = f"; {late} of {stage_metrics.get('responded')} replies were late"
        if examples:
            extra += f" (e.g. {', '.join(str(e) for e in examples[:5])})"
    elif source == "case-log":
        counted = stage_metrics.get("acknowledged") or stage_metrics.get("received")
        in_time = stage_metrics.get("acknowledged_in_time")
        if counted is not None and in_time is not None:
            late = counted - in_time
            extra = f"; {late} of {counted} acknowledgements were late"
    origin = "the case log shows" if source == "case-log" else "the submission states"
    location = answer.location if source == "case-log" else ctx.submission.where("metrics", f"stage{stage}", FIGURE[event])
    yield Finding(
        "timeliness-below-tolerance", ctx.severity(provision),
        f"{provision.id} is answered yes, but {origin} {_pct(figure)} of stage {stage} complaints {what} in time, below the {_pct(tolerance)} tolerance{extra}",
        location, effect=CONTRADICTS,
        details=details(figure_pct=figure, tolerance_pct=tolerance, source=source, late=late, late_examples=list(examples[:5]) or None),
    )


def _extension(ctx, provision, answer, stage):
    cap = ctx.code.timescales.stage(stage).extension_cap_working_days
    policy_cap = (ctx.submission.policy.get(f"stage{stage}") or {}).get("extension_cap_working_days")
    if cap is not None and policy_cap is not None and policy_cap > cap:
        yield Finding(
            "policy-exceeds-code", ctx.severity(provision),
            f"{provision.id} is answered yes, but the policy allows stage {stage} extensions of up to {policy_cap} working days where {ctx.code.id} caps them at {cap}",
            ctx.submission.where("policy", f"stage{stage}", "extension_cap_working_days"), effect=CONTRADICTS,
            details=details(policy_working_days=policy_cap, code_working_days=cap),
        )
    if ctx.metrics is None or cap is None:
        return
    figures = ctx.metrics.get(f"stage{stage}") or {}
    yield from _over_cap(ctx, provision, answer, stage, cap, figures)
    share = figures.get("pct_extensions_valid")
    tolerance = ctx.settings.timeliness_tolerance_pct
    if share is None or share >= tolerance:
        return
    invalid = figures["extensions"] - figures["extensions_valid"]
    examples = list(figures.get("invalid_extension_examples") or ())
    example_text = f" (e.g. {', '.join(examples)})" if examples else ""
    yield Finding(
        "extensions-below-tolerance", ctx.severity(provision),
        f"{provision.id} is answered yes, but the case log shows {_pct(share)} of stage {stage} extensions were valid "
        f"(notified by the first due date and within {cap} working days), below the {_pct(tolerance)} tolerance; "
        f"{invalid} of {figures['extensions']} were not{example_text}",
        answer.location, effect=CONTRADICTS,
        details=details(figure_pct=share, tolerance_pct=tolerance, source="case-log", invalid=invalid, invalid_examples=examples or None),
    )


def _over_cap(ctx, provision, answer, stage, cap, figures):
    """The Code allows an extension beyond its cap only with good reason: one with a reason recorded
    (the case log's mapped extension_reason column) is valid, one without is not. Read from the
    metrics' extensions_over_cap_with_reason / _without_reason counts when the case log gives them."""
    if not ctx.code.timescales.stage(stage).extension_beyond_cap_with_reason:
        return
    without = figures.get("extensions_over_cap_without_reason") or 0
    with_reason = figures.get("extensions_over_cap_with_reason") or 0
    if without:
        yield Finding(
            "extension-over-cap-no-reason", ctx.severity(provision),
            f"{provision.id} is answered yes, but the case log shows {without} stage {stage} extension{'s' if without != 1 else ''} beyond the {cap} working-day cap with no reason recorded; "
            "the Code allows a longer extension only with good reason",
            answer.location, effect=CONTRADICTS, details=details(over_cap_without_reason=without, over_cap_with_reason=with_reason, cap_working_days=cap),
        )
    elif with_reason:
        yield Finding(
            "extension-over-cap-with-reason", "info",
            f"{provision.id}: {with_reason} stage {stage} extension{'s' if with_reason != 1 else ''} went beyond the {cap} working-day cap with a reason recorded, which the Code allows",
            answer.location, details=details(over_cap_with_reason=with_reason, cap_working_days=cap),
        )


def _pct(value: float) -> str:
    return f"{value:.1f}%"
