"""Governance duties (complaints officer, senior lead, MRC, publication) need names and links, not just 'yes'."""

from __future__ import annotations

from ..findings import UNSUPPORTS, Finding, details
from ...intake.placeholders import is_placeholder
from ..phrases import first
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
    yield from _mrc_role(ctx, provision, answer)
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


def _mrc_role(ctx, provision, answer):
    """The Member Responsible for Complaints is a member of the governing body: a role that shows
    it (board or committee member, councillor, non-executive, trustee...; phrases.yaml mrc_member),
    not an officer's job title."""
    if answer is not None and answer.comply in ("no", "partial", "n/a"):
        return
    if not any(chk.kind == "governance" and chk.get("field") == "mrc" for chk in provision.checks):
        return
    mrc = ctx.submission.governance.get("mrc") or {}
    if not mrc:
        return  # governance-missing says so on a 'yes'
    role = (mrc.get("role") or "").strip()
    if is_placeholder(mrc.get("name")) or is_placeholder(role):
        return  # the placeholder rule names the key still to fill in
    body = ((ctx.submission.governance.get("governing_body") or {}).get("name") or "").strip()
    if role and (first("mrc_member", role) or (body and body.lower() in role.lower() and "member" in role.lower())):
        return
    shown = f"the role '{role}'" if role else "no role"
    where = ctx.submission.where("governance", "mrc", "role") if role else ctx.submission.where("governance", "mrc")
    yield Finding(
        "mrc-not-member", ctx.severity(provision),
        f"{provision.id}: the Member Responsible for Complaints (governance.mrc) is given {shown}, which does not show membership of the governing body; "
        "the MRC must be a board or committee member, councillor, non-executive or trustee, not an officer",
        where, effect=UNSUPPORTS, details=details(role=role or None, governing_body=body or None),
    )
