"""A 'yes' that carries an action plan is met with work still outstanding: a note, so the reader
sees both the claim and the work."""

from __future__ import annotations

from ..findings import Finding, details


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes" or answer.action is None:
        return
    action = answer.action
    when = f", by {action.target_date.isoformat()}" if action.target_date else ""
    who = f" ({action.owner})" if action.owner else ""
    yield Finding(
        "open-action", "info",
        f"{provision.id} is answered yes, with work outstanding: {action.what.strip()}{who}{when}",
        action.location, details=details(target_date=action.target_date.isoformat() if action.target_date else None),
    )
