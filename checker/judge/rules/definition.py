"""The policy's definition of a complaint must carry every idea of the Code's definition."""

from __future__ import annotations

import re

from ..findings import CONTRADICTS, Finding, details


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("’", "'"))


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for chk in provision.checks:
        if chk.kind != "definition":
            continue
        definition = ctx.submission.policy.get("definition")
        if not definition:
            continue
        text = _normal(definition)
        missing = [terms[0] for terms in chk.get("key_terms") if not any(_normal(t) in text for t in terms)]
        if missing:
            yield Finding(
                "definition-differs", ctx.severity(provision),
                f"{provision.id} is answered yes, but the policy's definition of a complaint lacks: {'; '.join(repr(m) for m in missing)}",
                ctx.submission.where("policy", "definition"), effect=CONTRADICTS,
                details=details(missing=list(missing)),
            )
