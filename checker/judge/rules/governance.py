"""Governance duties (complaints officer, senior lead, MRC, publication) need names and links, not just 'yes'."""

from __future__ import annotations

from ..findings import UNSUPPORTS, Finding
from ...intake.placeholders import is_placeholder
from .policy import lookup

LABELS = {
    "complaints_officer": "complaints officer",
    "senior_lead": "senior lead for complaints",
    "mrc": "Member Responsible for Complaints",
    "publication_url": "publication address of the self-assessment",
    "annual_report_url": "address of the published annual complaints report",
    "governing_body.response": "governing body's response",
    "governing_body.approved": "date the governing body approved the self-assessment",
}


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for chk in provision.checks:
        if chk.kind != "governance":
            continue
        field = chk.get("field")
        value = lookup(ctx.submission.governance, field)
        if value in (None, "", {}) or is_placeholder(value):
            label = LABELS.get(field, field)
            yield Finding(
                "governance-missing", ctx.severity(provision),
                f"{provision.id} is answered yes, but the submission gives no {label} (governance.{field})",
                answer.location, effect=UNSUPPORTS,
            )
