"""Shares that must agree: stage shares that add up (2020 questionnaire: resolved at stage one and
stage two = 100%), and a chosen stage that must be the one with the largest share (2020 Q3.8).

A chosen stage that is not the largest is a defect whatever the row's modality, so an error even
on 'statement' rows, as are shares adding up to more than the whole. Shares that fall short of 100
are a warning: a third stage (allowed by the 2020 Code) legitimately resolves the rest.
"""

from __future__ import annotations

from ..findings import CONTRADICTS, Finding, details

TOLERANCE = 0.5


def _value(ctx, pid):
    answer = ctx.submission.answers.get(pid)
    return answer.value if answer is not None else None


def check(ctx, provision, answer):
    for chk in provision.checks:
        if chk.kind == "shares":
            yield from _add_up(ctx, provision, answer, chk)
        elif chk.kind == "largest-share":
            yield from _largest(ctx, provision, answer, chk)


def _add_up(ctx, provision, answer, chk):
    ids = list(chk.get("provisions"))
    values = {pid: _value(ctx, pid) for pid in ids if _value(ctx, pid) is not None}
    if len(values) < 2:
        return
    total = sum(values.values())
    expected = chk.get("total")
    if abs(total - expected) > TOLERANCE:
        parts = " + ".join(f"{values[p]:g} ({p})" for p in ids if p in values)
        missing = [p for p in ids if p not in values]
        extra = f"; {', '.join(missing)} not given" if missing else ""
        short = total < expected  # a third stage may resolve the rest; more than the whole cannot be
        yield Finding(
            "shares-do-not-add-up", "warning" if short else "error",
            f"the shares {parts} add up to {total:g}, not {expected:g}{extra}" + ("; check them, unless a third stage resolves the rest" if short else ""),
            (answer.location if answer else ctx.submission.where("answers")), effect=CONTRADICTS,
            details=details(values=values, total=total, expected=expected),
        )


def _largest(ctx, provision, answer, chk):
    if answer is None or not answer.choice:
        return
    shares = {choice: _value(ctx, pid) for choice, pid in chk.get("shares").items()}
    known = {c: v for c, v in shares.items() if v is not None}
    if answer.choice not in known or len(known) < 2:
        return
    top = max(known.values())
    if known[answer.choice] < top:
        largest = next(c for c, v in known.items() if v == top)
        named = ", ".join(f"{c} {v:g}% ({chk.get('shares')[c]})" for c, v in known.items())
        yield Finding(
            "largest-share-differs", "error",
            f"{provision.id} names {answer.choice} as the stage where most complaints are resolved, but the shares given are {named}: most are resolved at {largest}",
            answer.location, effect=CONTRADICTS,
            details=details(choice=answer.choice, largest=largest, shares=known),
        )
