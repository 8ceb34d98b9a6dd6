"""A 'yes' whose only evidence is a placeholder ('n/a', '-', 'TBC', 'See above', 'None') has none."""

from __future__ import annotations

from ..findings import UNSUPPORTS
from ..phrases import first
from .text import evidence_texts, phrase_finding, quote


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes" or not answer.evidence:
        return
    texts = evidence_texts(ctx, answer)
    if len(texts) != len(answer.evidence) or not all(t.pointer_only for t in texts):
        return
    hits = [(t, first("placeholder", t.text)) for t in texts]
    if not all(h for _, h in hits):
        return
    text, hit = hits[0]
    yield phrase_finding(
        ctx, "evidence-placeholder", ctx.severity(provision),
        f"{provision.id} is answered yes, but its evidence is a placeholder, not evidence: {quote(text, hit)}",
        text, hit, effect=UNSUPPORTS,
    )
