"""Policy parameters the Code fixes (two stages, no stage 0, a 12-month window...) checked against the policy."""

from __future__ import annotations

from ..findings import CONTRADICTS, Finding, details

OPS = {
    "eq": (lambda a, b: a == b, "must be"),
    "is": (lambda a, b: a is b, "must be"),
    "le": (lambda a, b: a <= b, "must be at most"),
    "ge": (lambda a, b: a >= b, "must be at least"),
}


def lookup(mapping, dotted: str):
    value = mapping
    for part in dotted.split("."):
        if not hasattr(value, "get"):
            return None
        value = value.get(part)
    return value


def check(ctx, provision, answer):
    if answer is None or answer.comply != "yes":
        return
    for chk in provision.checks:
        if chk.kind != "policy":
            continue
        field, op, expected = chk.get("field"), chk.get("op"), chk.get("value")
        actual = lookup(ctx.submission.policy, field)
        if actual is None:
            continue
        test, words = OPS[op]
        if type(actual) is not type(expected) and not (isinstance(actual, (int, float)) and isinstance(expected, (int, float)) and not isinstance(actual, bool)):
            continue
        if not test(actual, expected):
            why = f" ({chk.get('explain')})" if chk.get("explain") else ""
            yield Finding(
                "policy-conflicts", ctx.severity(provision),
                f"{provision.id} is answered yes, but policy.{field} is {_show(actual)}; it {words} {_show(expected)}{why}",
                ctx.submission.where("policy", *field.split(".")), effect=CONTRADICTS,
                details=details(field=f"policy.{field}", actual=actual, expected=expected, op=op),
            )


def _show(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
