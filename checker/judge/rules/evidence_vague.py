"""A 'yes' whose only evidence is a bare pointer ('As per our policy', 'See policy') points at
nothing a reader can check: no section, page, address, quotation or figure. A warning: it fails
the submission only with --strict."""

from __future__ import annotations

import re

from ..findings import UNSUPPORTS
from ..phrases import first
from .text import evidence_texts, phrase_finding, quote

# A quotation or a figure in the commentary gives the reader something to check.
SPECIFIC = re.compile(r"[\"“”‘’]|'\w[^']{8,}'|\d")


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes" or not answer.evidence:
        return
    texts = evidence_texts(ctx, answer)
    if len(texts) != len(answer.evidence) or not all(t.pointer_only for t in texts):
        return
    if any(first("placeholder", t.text) for t in texts):
        if all(first("placeholder", t.text) for t in texts):
            return  # evidence-placeholder says so
    pointers = [(t, first("pointer", t.text)) for t in texts if not first("placeholder", t.text)]
    if not pointers or not all(h for _, h in pointers) or SPECIFIC.search(answer.commentary or ""):
        return
    text, hit = pointers[0]
    yield phrase_finding(
        ctx, "evidence-vague", "warning",
        f"{provision.id} is answered yes, but its only evidence is a bare pointer with no section, page, address, quotation or figure: {quote(text, hit)}",
        text, hit, effect=UNSUPPORTS,
    )
