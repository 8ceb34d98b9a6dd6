"""A 'yes' whose evidence or commentary describes a plan ('will introduce', 'due to launch',
'a review is planned') claims a practice that does not exist yet. The landlord's own ongoing
duties ('we will always acknowledge within 5 days') are commitments, not plans."""

from __future__ import annotations

from ..findings import UNSUPPORTS
from ..phrases import find
from .text import evidence_texts, phrase_finding, prose_texts, quote


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for text in evidence_texts(ctx, answer) + prose_texts(ctx, answer, ("commentary",)):
        hits = find("plan", text.text)
        if hits:
            yield phrase_finding(
                ctx, "evidence-plan", ctx.severity(provision),
                f"{provision.id} is answered yes, but its {text.field.split()[0]} describes a plan, not a practice: {quote(text, hits[0])}",
                text, hits[0], effect=UNSUPPORTS,
            )
            return
