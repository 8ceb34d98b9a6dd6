"""An answer must be complete: a 'no' needs an explanation, an action, an owner and a future date.

Answers are taken as landlords write them (see checker/intake/written.py): one commentary column
on a 'no' row is read as the explanation and, where it says what will be done and by when, as the
action plan; what was read, and from which words, is said in a note.
"""

from __future__ import annotations

from ...intake import written
from ...intake.submission import Action
from ..dates import is_overdue
from ..findings import UNSUPPORTS, Finding, details

READ_AS = {"month": "the last day of that month", "quarter": "the last day of that quarter"}


def check(ctx, provision, answer):
    sub = ctx.submission
    if answer is None or not answer.given:
        where = answer.location if answer else sub.where("answers")
        if answer is not None and answer.words:
            yield Finding(
                "answer-in-words", ctx.severity(provision),
                f"{provision.id} is answered in words, not {' or '.join(a for a in sub.code.answers if a != 'n/a')}: "
                f"\"{_quote(answer.words)}\" (kept as commentary); give the answer in comply and the words in commentary",
                sub.where("answers", provision.id, "comply"), details=details(as_written=answer.words),
            )
            return
        yield Finding("unanswered", ctx.severity(provision), f"{provision.id} has no answer; every row of the form must be answered", where)
        return
    severity = ctx.severity(provision)
    if answer.needs_review:
        source = f" ({', '.join(answer.carried_from)})" if answer.carried_from else ""
        yield Finding("needs-review", "warning", f"{provision.id} was carried over from an earlier Code version{source} and has not been reviewed (remove needs_review once checked)", answer.location)
    yield from _figures(ctx, provision, answer)
    if answer.comply == "n/a":
        if not answer.reason and not provision.applies_if:  # a conditional question's n/a says why by itself
            yield Finding("no-reason", severity, f"{provision.id} is answered n/a without a reason", answer.location)
        return
    if answer.comply not in ("no", "partial"):
        return
    reading = answer.reading
    if reading is not None:
        yield _reading_note(provision, answer)
    if not answer.explanation and not (reading and reading.explains):
        yield Finding("no-explanation", severity, f"{provision.id} is answered '{answer.comply}' without an explanation of why it is not met", answer.location)
    action = answer.action
    if action is None and reading is not None and reading.action_phrase:
        target = reading.target
        action = Action(reading.text, "", target.date if target else None, answer.location,
                        date_as_written=target.phrase if target else "", date_read_as=target.read_as if target else "")
    if action is None:
        explained = bool(answer.explanation or (reading and reading.explains))
        if explained and written.comply_or_explain(sub.code.id):
            yield Finding("no-action", "warning",
                          f"{provision.id} is answered '{answer.comply}' with an explanation and no action plan; {sub.code.id} is comply-or-explain, "
                          "so an explained alternative approach is a warning (give an action plan if the requirement is to be met)", answer.location)
            return
        if reading is not None and reading.explains:
            message = f"{provision.id} is answered '{answer.comply}' and its commentary says why, but not what will be done (an action plan: what, by whom, by when)"
        else:
            message = f"{provision.id} is answered '{answer.comply}' without an action plan (what will be done, by whom, by when)"
        yield Finding("no-action", severity, message, answer.location)
        return
    if not action.owner:
        yield Finding("no-owner", "warning", f"the action for {provision.id} names no owner", action.location)
    if action.target_date is None:
        if answer.action is None:  # the plan read from the commentary
            message = f"the commentary of {provision.id} says what will be done ('{reading.action_phrase}') but gives no date by which it will comply"
        else:
            message = f"the action for {provision.id} has no target date by which it will comply"
        yield Finding("no-target-date", severity, message, action.location)
        return
    if action.date_read_as and answer.action is not None:
        yield Finding("date-read", "info",
                      f"the target date for {provision.id}, '{_quote(action.date_as_written, 60)}', is read as {action.target_date.isoformat()} ({READ_AS[action.date_read_as]})",
                      sub.where("answers", provision.id, "action", "target_date"),
                      details=details(as_written=action.date_as_written, read_as=action.target_date.isoformat()))
    if is_overdue(action.target_date, sub.period_end):
        yield Finding(
            "target-date-passed", severity,
            f"the target date for {provision.id} ({action.target_date.isoformat()}) had passed by the end of the period assessed ({sub.period_end.isoformat()})",
            action.location, details=details(target_date=action.target_date.isoformat(), period_end=sub.period_end.isoformat()),
        )


def _reading_note(provision, answer) -> Finding:
    """Say how the commentary was read, quoting the words each part came from."""
    reading = answer.reading
    read_as = ["the explanation"] if reading.explains else []
    if reading.action_phrase:
        read_as.append(f"the action plan ('{reading.action_phrase}')")
    message = f"{provision.id}: the commentary is read as " + ", as ".join(read_as)
    if reading.target:
        how = f", {READ_AS[reading.target.read_as]}" if reading.target.read_as else ""
        message += f", with target date {reading.target.date.isoformat()} (from '{reading.target.phrase}'{how})"
    return Finding("commentary-read", "info", message, answer.location,
                   details=details(action_phrase=reading.action_phrase or None,
                                   date_phrase=reading.target.phrase if reading.target else None,
                                   target_date=reading.target.date.isoformat() if reading.target else None))


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


TEXT_KEYS = frozenset(("commentary", "explanation", "reason", "what", "owner", "text", "document", "section", "title",
                       "name", "role", "response", "definition", "label", "scope"))


def check_written(ctx):
    """Submission-wide notes and warnings about how the text was read: a period label, a person
    given by role where a name is needed, and text cut short by a YAML comment."""
    sub = ctx.submission
    for note in sub.notes:
        yield Finding(note.rule, "info", note.message, note.location)
    for cut in sub.document.comment_cuts:
        if not _is_text(cut.path, sub.document.data):
            continue
        shown = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in cut.path).lstrip(".")  # as schema messages name it
        yield Finding(
            "text-cut-by-comment", "warning",
            f"{shown}: the text stops at ' #' (YAML reads the rest of the line as a comment), so only \"{_quote(cut.kept, 60)}\" is kept "
            f"and \"#{_quote(cut.comment, 40)}\" is lost; put the whole text in double quotes: \"{_quote(cut.kept, 40)} #{_quote(cut.comment, 40)}\"",
            _at(sub, cut), details=details(kept=cut.kept, cut=cut.comment),
        )
    for role in written.named_person_needed():
        person = sub.governance.get(role)
        if person and not person.get("name") and person.get("role") and role in _governance_fields(sub.code):
            yield Finding("role-not-name", "warning",
                          f"governance.{role} gives a role ('{_quote(person['role'], 60)}') but no name; {sub.code.id} needs a named person here (add name:)",
                          sub.where("governance", role))


def _governance_fields(code) -> set:
    return {chk.get("field") for p in code.form_rows for chk in p.checks if chk.kind == "governance"}


def _at(sub, cut):
    from ...problems import Location

    return Location(sub.path, cut.line, cut.column)


def _is_text(path: tuple, data) -> bool:
    """A value people write prose in: a text key, an evidence line, or anything in annual_report."""
    if not path:
        return False
    value = data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return False
    if not isinstance(value, str):
        return False
    last = path[-1]
    return last in TEXT_KEYS or path[0] == "annual_report" or (isinstance(last, int) and "evidence" in path)


def _figures(ctx, provision, answer):
    """A figure question answered in words has no figure; a multi-figure answer may lack items."""
    if provision.answer_type not in ("percent", "count") or answer.comply == "n/a":
        return
    if answer.text and answer.value is None and not answer.values:
        yield Finding(
            "no-figure", ctx.severity(provision),
            f"{provision.id} asks for a {'percentage' if provision.answer_type == 'percent' else 'count'} and is answered in words, with no figure",
            answer.location, effect=UNSUPPORTS,
        )
    elif provision.items and answer.values:
        missing = [i for i in provision.items if i.id not in answer.values]
        if missing:
            listed = "; ".join(f"({i.id}) {i.text}" for i in missing)
            yield Finding("figures-missing", "info", f"{provision.id} gives no figure for {listed}", answer.location,
                          details=details(missing=[i.id for i in missing]))
    elif provision.choices and answer.choice and answer.value is None:
        yield Finding("figures-missing", "info", f"{provision.id} names {answer.choice} but gives no share for it", answer.location)
