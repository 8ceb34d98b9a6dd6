"""The policy's definition of a complaint is compared with the Code's, element by element
(dissatisfaction; however made; about the standard of service, actions or lack of action; by the
landlord, its staff or those acting for it; affecting a resident or a group). Only an element
missing or narrowed is a finding: wider wording ('any individual or group', 'citizens') is not.
The elements' phrases are data (phrases.yaml, definition_elements)."""

from __future__ import annotations

import re

from ..findings import CONTRADICTS, Finding, details
from ...intake.placeholders import is_placeholder
from ..phrases import definition_elements

# The elements each version's definition carries, where its Code file does not list them.
DEFAULT_ELEMENTS = ("dissatisfaction", "however-made", "standard-of-service", "actions", "lack-of-action", "acting-for", "resident-or-group")


def compare(definition: str, wanted) -> list[tuple[str, str, str]]:
    """(element, 'missing' | 'narrowed', narrowing words) for each element not carried in full."""
    elements, _ = definition_elements()
    text = re.sub(r"\s+", " ", definition.replace("’", "'"))
    out = []
    for key in wanted:
        state, words = elements[key].state(text)
        if state != "present":
            out.append((key, state, words))
    return out


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for chk in provision.checks:
        if chk.kind != "definition":
            continue
        definition = ctx.submission.policy.get("definition")
        if not definition or is_placeholder(definition):
            continue  # nothing to compare (the placeholder rule names an unfilled one)
        gaps = compare(definition, chk.get("elements") or DEFAULT_ELEMENTS)
        if gaps:
            elements, _ = definition_elements()
            said = "; ".join(f"{elements[k].what} ({state}{': ' + repr(words) if words else ''})" for k, state, words in gaps)
            yield Finding(
                "definition-differs", ctx.severity(provision),
                f"{provision.id} is answered yes, but the policy's definition of a complaint does not carry the Code's: {said}",
                ctx.submission.where("policy", "definition"), effect=CONTRADICTS,
                details=details(missing=[k for k, s, _ in gaps if s == "missing"] or None,
                                narrowed={k: w for k, s, w in gaps if s == "narrowed"} or None),
            )
