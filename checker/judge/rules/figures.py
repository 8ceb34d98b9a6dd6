"""Stated figures as support for an answer: a figure measured against the landlord's own timescales
(or against nobody knows what) cannot support a 'yes'; and a figure row of the 2020 questionnaire
(share of responses within the Code's timescales) is held to the timeliness tolerance."""

from __future__ import annotations

from ..findings import CONTRADICTS, UNSUPPORTS, Finding, details
from .timescale import FIGURE

NOT_THE_CODE = {"own-timescales": "the landlord's own timescales", "unknown": "an unknown basis"}
# hos-2020 Q4.7: item per stage on time, and on time within an extension.
STAGE_ITEMS = {1: ("a", "b"), 2: ("c", "d")}


def check(ctx, provision, answer):
    if answer is None:
        return
    if answer.comply == "yes":
        yield from _evidence_basis(ctx, provision, answer)
        yield from _stated_basis(ctx, provision, answer)
    if answer.values and any(c.kind == "timescale" and c.get("event") == "respond" for c in provision.checks):
        yield from _figure_rows(ctx, provision, answer)


def _scope(scope: str) -> str:
    return f" (covering: {scope})" if scope else ""


def _evidence_basis(ctx, provision, answer):
    for item in answer.evidence:
        if item.figure and item.basis in NOT_THE_CODE:
            yield Finding(
                "figure-basis-not-code", ctx.severity(provision),
                f"{provision.id} is answered yes, but its figure '{item.label}' was measured against {NOT_THE_CODE[item.basis]}{_scope(item.scope)}, "
                "not the Code's timescales, so it cannot show the Code is met",
                item.location, effect=UNSUPPORTS, details=details(figure=item.figure, value=item.value, basis=item.basis, scope=item.scope or None),
            )


def _stated_basis(ctx, provision, answer):
    """A timescale 'yes' whose only figures are stated ones on another basis has nothing to stand on."""
    if ctx.metrics is not None:
        return
    for stage, event in sorted({(c.get("stage"), c.get("event")) for c in provision.checks if c.kind == "timescale"}):
        stated = ctx.submission.stated_metrics.get(f"stage{stage}") or {}
        basis = stated.get("basis")
        if basis in NOT_THE_CODE and FIGURE[event] in stated:
            yield Finding(
                "figure-basis-not-code", ctx.severity(provision),
                f"{provision.id} is answered yes, but the stated stage {stage} figure (metrics.stage{stage}.{FIGURE[event]}) was measured against {NOT_THE_CODE[basis]}"
                f"{_scope(stated.get('scope', ''))}, not the Code's timescales, so it cannot show the Code is met",
                ctx.submission.where("metrics", f"stage{stage}", "basis"), effect=UNSUPPORTS,
                details=details(basis=basis, scope=stated.get("scope") or None),
            )


def _figure_rows(ctx, provision, answer):
    tolerance = ctx.settings.timeliness_tolerance_pct
    for stage in sorted({c.get("stage") for c in provision.checks if c.kind == "timescale"}):
        on_time, extended = STAGE_ITEMS[stage]
        if on_time not in answer.values:
            continue
        share = answer.values[on_time]
        counted = f"({on_time})"
        if ctx.settings.count_extensions_in_time and extended in answer.values:
            share += answer.values[extended]
            counted = f"({on_time}) + ({extended})"
        if share >= tolerance:
            continue
        yield Finding(
            "timeliness-below-tolerance", ctx.severity(provision),
            f"{provision.id} gives {share:.1f}% of stage {stage} responses within the Code's timescales {counted}, below the {tolerance:.1f}% tolerance",
            ctx.submission.where("answers", provision.id, "values", on_time), effect=CONTRADICTS,
            details=details(figure_pct=share, tolerance_pct=tolerance, source="stated", items=counted),
        )
