"""Policy facts judged on their own, for every Code version and whatever the answers: a policy that
asks for reasons to escalate, has an informal stage or too many stages, limits the time to escalate,
counts calendar days, or starts a response clock later than the Code. Each finding points at the
policy key and names the provisions it breaks. The facts are data (policy_facts.yaml)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...resources import load_data_yaml
from ..findings import Finding, details
from .timescale import CLOCK_RANK

FACTS = Path(__file__).resolve().parent.parent / "policy_facts.yaml"
CURRENT = "hos-2024"


@lru_cache(maxsize=None)
def facts() -> tuple[dict, ...]:
    return tuple(load_data_yaml(FACTS)["facts"])


def _breaks(fact: dict, code_id: str, value) -> bool:
    when = fact["when"]
    if "is" in when:
        return value == when["is"] and type(value) is type(when["is"])
    limit = (when.get("above") or when.get("below") or {}).get(code_id)
    if limit is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return value > limit if "above" in when else value < limit


def check(ctx):
    sub = ctx.submission
    for fact in facts():
        value = sub.policy.get(fact["key"])
        if value is None or not _breaks(fact, ctx.code.id, value):
            continue
        own = list(fact["provisions"].get(ctx.code.id) or ())
        yield from _finding(ctx, fact["id"], fact["key"], value, own, list(fact["provisions"].get(CURRENT) or ()),
                            fact["why"], fact.get("severity"), fact.get("covered_by_rows", False))
    yield from _clocks(ctx)


def _clocks(ctx):
    """A response clock that starts at a later event than the Code's (acknowledgement, not receipt)."""
    rows = {"hos-2024": {1: ["6.3"], 2: ["6.14"]}, "hos-2022": {1: ["5.1"], 2: []}, "hos-2020": {1: ["4.7"], 2: ["4.7"]},
            "spso-2021": {1: ["2.2"], 2: ["3.4"]}}
    for stage in (1, 2):
        policy_from = (ctx.submission.policy.get(f"stage{stage}") or {}).get("respond_from")
        code_from = ctx.code.timescales.stage(stage).respond_from
        if not policy_from or CLOCK_RANK.get(policy_from, 0) <= CLOCK_RANK.get(code_from, 0):
            continue
        own = rows.get(ctx.code.id, {}).get(stage, [])
        why = f"the stage {stage} response clock starts at '{policy_from}' where {ctx.code.id} starts it at '{code_from}', so every reply may be later than the Code allows"
        yield from _finding(ctx, "clock-starts-later", f"stage{stage}.respond_from", policy_from, own, [], why, None,
                            covered=True)


def _finding(ctx, fact_id, key, value, own, current, why, severity, covered):
    sub = ctx.submission
    where = sub.where("policy", *key.split("."))
    shown = "true" if value is True else str(value)
    if own:
        rows = [pid for pid in own if ctx.code.provision(pid) is not None]
        answers = {pid: _state(sub.answers.get(pid)) for pid in rows}
        open_rows = [pid for pid in rows if not (covered and answers[pid] == "yes")]
        if not open_rows:
            return  # every row is answered 'yes' and carries the same finding already
        declared = all(answers[pid] in ("no", "partial") for pid in open_rows)
        binding = any(ctx.code.provision(pid).binding for pid in open_rows)
        level = severity or ("info" if declared else "error" if binding else "warning")
        named = ", ".join(f"{pid} ({_answered(answers[pid])})" for pid in open_rows)
        message = f"the policy's {key} is {shown}: this breaks {ctx.code.id} {named}; {why}"
        provisions = open_rows
    else:
        level = "warning"
        named = ", ".join(current)
        message = f"the policy's {key} is {shown}: {ctx.code.id} has no row for this, but it breaks the current Code ({CURRENT} {named}); {why}" if current \
            else f"the policy's {key} is {shown}; {why}"
        provisions = []
    yield Finding("policy-breaks-code", level, message, where,
                  details=details(fact=fact_id, field=f"policy.{key}", value=value, provisions=provisions or None,
                                  current_code_provisions=(current or None) if not own else None))


def _state(answer) -> str:
    if answer is None or not answer.given:
        return ""
    return answer.comply or "figures"


def _answered(comply: str) -> str:
    return {"yes": "answered yes", "no": "declared not met", "partial": "declared partly met", "n/a": "answered n/a", "figures": "answered with figures"}.get(comply, "unanswered")
