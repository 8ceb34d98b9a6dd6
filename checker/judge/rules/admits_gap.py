"""An answer's own words that admit the requirement is not met ('does not yet include', 'will
need updating', 'we do not have ... at present'): on a 'yes' they contradict it; on a blank row
they say what the gap is. Negations of what the Code forbids ('we do not have a stage 0',
'residents are never asked why') are not admissions."""

from __future__ import annotations

from ..findings import CONTRADICTS
from ..phrases import find
from .text import evidence_texts, phrase_finding, prose_texts, quote


def check(ctx, provision, answer):
    if answer is None or answer.comply in ("no", "partial", "n/a"):
        return
    answered = answer.given
    if answered and answer.comply != "yes":
        return
    for text in prose_texts(ctx, answer) + evidence_texts(ctx, answer):
        hits = find("gap", text.text)
        if not hits:
            continue
        if answered:
            yield phrase_finding(
                ctx, "admits-gap", ctx.severity(provision),
                f"{provision.id} is answered yes, but its {text.field.split()[0]} admits the requirement is not met: {quote(text, hits[0])}",
                text, hits[0], effect=CONTRADICTS,
            )
        else:
            yield phrase_finding(
                ctx, "admits-gap", "warning",
                f"{provision.id} has no answer, and its {text.field.split()[0]} admits the requirement is not met: {quote(text, hits[0])}; answer it 'no' with an explanation and an action plan",
                text, hits[0],
            )
        return
