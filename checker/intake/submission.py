"""A landlord's submission: loaded, validated against the schema and its Code, made into values.

Everything that makes the file unusable (syntax, schema, unknown provisions, answers the Code
version does not allow, impossible periods) is an input problem, reported all at once.
Everything that makes the self-assessment weak (no evidence, no action plan) is a *finding*,
and belongs to evaluation, not here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from ..codes import Code, available_codes, load_code, provision_sort_key
from ..problems import InputError, Location, Problem
from ..validation import validate
from ..yamlsource import YamlDocument, as_date, load_yaml_file
from . import written

FIGURE_LABELS = {
    "received": "received",
    "responded": "responded to",
    "pct_acknowledged_in_time": "acknowledged in time",
    "pct_in_time": "responded to in time",
    "mean_working_days": "average working days to respond",
}


def figure_label(name: str) -> str:
    """'stage1.pct_in_time' reads 'Stage 1 responded to in time'; other labels are kept as written."""
    group, _, key = name.partition(".")
    if group in ("stage1", "stage2") and key in FIGURE_LABELS:
        return f"Stage {group[-1]} {FIGURE_LABELS[key]}"
    return name


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence: a document (with section or page), a file, a URL, or a figure."""

    document: str = ""
    section: str = ""
    page: str = ""
    path: str = ""
    url: str = ""
    title: str = ""
    figure: str = ""
    value: float | None = None
    unit: str = ""
    basis: str = ""  # code-timescales | own-timescales | unknown: what a figure was measured against
    scope: str = ""  # what a figure covers
    location: Location = field(default=Location(""), compare=False)

    @property
    def label(self) -> str:
        """How the item reads in a published table."""
        if self.figure:
            unit = self.unit or ""
            return f"{figure_label(self.figure)}: {_number(self.value)}{unit}"
        parts = [self.document or self.title or self.url or self.path]
        if self.section:
            parts.append(f"section {self.section}")
        if self.page:
            parts.append(f"page {self.page}")
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Action:
    what: str
    owner: str = ""
    target_date: dt.date | None = None
    location: Location = field(default=Location(""), compare=False)
    date_as_written: str = ""  # "October 2025", "Q3 2025/26", "by October 2025": what the date was read from
    date_read_as: str = ""  # "month" or "quarter" (its last day), or "" for a day given


@dataclass(frozen=True)
class CommentaryReading:
    """What one commentary column says on a 'no' or 'partial' row with no explanation or no action:
    it is the explanation (if none is written); `action_phrase` shows it says what will be done
    ('we will') where no action is written, and `target` is the date it gives ('by October 2025')."""

    text: str
    action_phrase: str = ""
    target: written.ReadDate | None = None
    explains: bool = True  # False where an explanation is written: the commentary gives the plan only


@dataclass(frozen=True)
class Note:
    """How chc read something written loosely (a period label): said in the result, never silent."""

    rule: str
    message: str
    location: Location


@dataclass(frozen=True)
class Reviewed:
    """A finding a person has looked at and accepted: the rule, who, when and why."""

    rule: str
    by: str
    on: dt.date
    why: str
    location: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True)
class Answer:
    provision: str
    comply: str = ""
    value: float | None = None
    evidence: tuple[EvidenceItem, ...] = ()
    commentary: str = ""
    explanation: str = ""
    reason: str = ""
    action: Action | None = None
    needs_review: bool = False
    values: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    text: str = ""
    choice: str = ""
    carried_from: tuple[str, ...] = ()
    reviewed: tuple[Reviewed, ...] = ()
    location: Location = field(default=Location(""), compare=False)
    answer_as_written: str = ""  # the comply answer as the landlord wrote it ("Yes - see below")
    words: str = ""  # an answer in words to a yes/no question: kept (in commentary too), row unanswered
    reading: CommentaryReading | None = None

    @property
    def given(self) -> bool:
        """Whether the row holds an answer of any kind (comply, figure(s), words or a choice)."""
        return bool(self.comply or self.value is not None or self.values or self.text or self.choice)

    @property
    def substantive(self) -> bool:
        """An answer that claims something, so needs evidence: 'yes', a figure, words or a choice."""
        return self.comply == "yes" or (self.comply not in ("no", "partial", "n/a") and self.given)


@dataclass(frozen=True)
class Submission:
    """One landlord's self-assessment for one period, against one Code version."""

    path: str
    folder: Path
    sha256: str
    code: Code
    landlord: Mapping[str, Any]
    period_start: dt.date
    period_end: dt.date
    period_label: str
    answers: Mapping[str, Answer]
    governance: Mapping[str, Any]
    policy: Mapping[str, Any]
    case_log: Mapping[str, Any]
    settings: Mapping[str, Any]
    stated_metrics: Mapping[str, Any]
    annual_report: Mapping[str, Any]
    prepared: Mapping[str, Any]
    document: YamlDocument = field(compare=False, repr=False)
    notes: tuple[Note, ...] = ()

    @property
    def landlord_name(self) -> str:
        return self.landlord["name"]

    @property
    def nation(self) -> str:
        return self.landlord["nation"]

    def where(self, *path) -> Location:
        return self.document.where(path)


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value



def period_label(start: dt.date, end: dt.date) -> str:
    """'2024-25' for an April-to-March year; otherwise the two dates."""
    if start.month == 4 and start.day == 1 and end == dt.date(start.year + 1, 3, 31):
        return f"{start.year}-{str(start.year + 1)[2:]}"
    return f"{start.isoformat()} to {end.isoformat()}"


def load_submission(path: str | Path, display: str | None = None) -> Submission:
    """Load a submission file, or raise InputError listing every problem in it."""
    return submission_from_document(load_yaml_file(path, display), Path(path).resolve().parent)


def submission_from_document(doc: YamlDocument, folder: Path) -> Submission:
    """Validate a parsed submission (its evidence paths relative to `folder`), or raise InputError."""
    if not isinstance(doc.data, dict):
        raise InputError([Problem(doc.where(()), "a submission must be a YAML mapping (key: value lines), not a list or a single value", "schema")])
    problems = validate(doc, "submission.schema.json")
    if problems:
        raise InputError(problems + _unreadable_answers(doc))
    code_id = doc.data["code"]
    if code_id not in available_codes():
        raise InputError([Problem(doc.where(("code",)), f"unknown Code version '{code_id}'; known: {', '.join(available_codes())}", "unknown-code")])
    code = load_code(code_id)
    problems = _cross_check(doc, code)
    if problems:
        raise InputError(problems)
    return _build(doc, code, folder)


def _unreadable_answers(doc: YamlDocument) -> list[Problem]:
    """Comply answers chc cannot read, reported with the schema's problems (all problems in one run)."""
    code_id = doc.data.get("code")
    if code_id not in available_codes() or not isinstance(doc.data.get("answers"), dict):
        return []
    code = load_code(code_id)
    problems = []
    for pid, answer in doc.data["answers"].items():
        provision = code.provision(pid)
        if provision is None or not isinstance(answer, dict) or not isinstance(answer.get("comply"), str):
            continue
        if written.read_comply(answer["comply"]).kind == "unknown":
            problems.append(Problem(doc.where(("answers", pid, "comply")), f"'{_short(answer['comply'].strip())}' is not an answer chc can read; {pid} takes {_answer_words(code, provision)}", "answer-not-recognised"))
    return problems


def _cross_check(doc: YamlDocument, code: Code) -> list[Problem]:
    """What the schema cannot know: the Code's provisions and answers, and the calendar."""
    data = doc.data
    problems: list[Problem] = []
    period, problem = _period(doc)
    start, end, _ = period or (None, None, "")
    if problem:
        problems.append(problem)
    elif end <= start:
        problems.append(Problem(doc.where(("period", "end")), f"period.end ({end}) must be after period.start ({start})", "bad-period"))
    elif (end - start).days > 400:
        problems.append(Problem(doc.where(("period", "end")), f"the period runs {(end - start).days} days; a self-assessment covers one year at most", "bad-period"))
    known = ", ".join(f"{s.id}" for s in code.sections)
    for pid, answer in data["answers"].items():
        here = doc.where(("answers", pid), key=True)
        provision = code.provision(pid)
        if provision is None and pid in code.unread:
            problems.append(Problem(here, f"provision {pid} exists in {code.id} but chc has not read its wording ({code.unread[pid]}), so it cannot be judged; move the answer into commentary of a neighbouring row, or leave it out", "unread-provision"))
            continue
        if provision is None:
            near = _nearest(pid, code)
            problems.append(Problem(here, f"provision {pid} does not exist in {code.id}{near} (sections {known})", "unknown-provision"))
            continue
        if not provision.form_row:
            problems.append(Problem(here, f"provision {pid} is not a row of the {code.id} self-assessment form, so it takes no answer", "not-a-form-row"))
            continue
        problems.extend(_check_answer(doc, code, provision, answer))
        problems.extend(_target_problem(doc, ("answers", pid, "action"), (answer or {}).get("action")))
    for role in PEOPLE:
        person = (data.get("governance") or {}).get(role)
        if isinstance(person, dict) and not (str(person.get("name") or "").strip() or str(person.get("role") or "").strip()):
            problems.append(Problem(doc.where(("governance", role)), f"governance.{role}: give a name or a role (or both)", "schema"))
    nation = data["landlord"]["nation"]
    if nation not in code.jurisdiction:
        problems.append(Problem(doc.where(("landlord", "nation")), f"{code.id} applies in {', '.join(code.jurisdiction)}, not {nation}", "wrong-jurisdiction"))
    return problems


ANSWER_FIELDS = ("comply", "value", "values", "text", "choice")
PEOPLE = ("complaints_officer", "senior_lead", "mrc")
DATE_FORMS = "2025-10-31, 31/10/2025, 31 October 2025, or a month or quarter: 2025-10, October 2025, Q3 2025/26"


def _period(doc: YamlDocument) -> tuple[tuple[dt.date, dt.date, str] | None, Problem | None]:
    """(start, end, label as written) from `period: {start, end}`, `period: 2024-25` or
    `period: {label: 2024/25}` (a UK financial year), or the problem with it."""
    raw = doc.data["period"]
    where = doc.where(("period",))
    if isinstance(raw, dict) and "start" in raw and "end" in raw:
        return (as_date(raw["start"]), as_date(raw["end"]), str(raw.get("label") or "")), None
    if isinstance(raw, dict) and ("start" in raw or "end" in raw):
        given, missing = ("start", "end") if "start" in raw else ("end", "start")
        return None, Problem(where, f"period gives {given} but not {missing}; give both dates, or a financial year such as 2024-25", "bad-period")
    label = raw.get("label") if isinstance(raw, dict) else raw
    if label is None or not str(label).strip():
        return None, Problem(where, "period needs start and end dates, or a financial year such as 2024-25", "bad-period")
    years = written.read_period_label(label)
    if years is None:
        at = doc.where(("period", "label")) if isinstance(raw, dict) else where
        return None, Problem(at, f"'{_short(str(label))}' is not a period chc can read; write a UK financial year (2024-25 or 2024/25, read as 1 April to 31 March), or give start: and end: dates", "bad-period")
    return (years[0], years[1], str(label).strip()), None


def _check_answer(doc: YamlDocument, code: Code, provision, answer: Mapping) -> list[Problem]:
    """The answer has the shape the row asks for: a comply answer, figure(s), words or a choice."""
    pid = provision.id
    kind = provision.answer_type
    problems: list[Problem] = []

    def at(name: str, key: bool = False, *more) -> Location:
        return doc.where(("answers", pid, name) + more, key=key)

    numeric = kind in ("percent", "count")
    allowed = {"comply"} if kind == "yes-no" else {"text"} if kind == "text" else {"value", "values", "text"}
    if numeric:
        allowed.discard("values" if not provision.items else "value")
    if provision.choices:
        allowed.add("choice")
    expects = {
        "yes-no": f"a comply answer ({'/'.join(code.answers)})",
        "percent": "a percentage in 'values' (one per item)" if provision.items else "a percentage in 'value'",
        "count": "a count in 'values' (one per item)" if provision.items else "a count in 'value'",
        "text": "a written answer in 'text'",
    }[kind]
    if provision.choices:
        expects += f" and a choice in 'choice' ({' / '.join(provision.choices)})"
    read = written.read_comply(answer.get("comply"))
    comply = read.value or None
    for name in ANSWER_FIELDS:
        if name in answer and name not in allowed and not (name == "comply" and (comply == "n/a" or read.kind == "empty")):
            problems.append(Problem(at(name, True), f"provision {pid} takes {expects}, not '{name}'", "wrong-answer-type"))
    if read.kind == "unknown" and (kind == "yes-no" or "comply" in allowed):
        problems.append(Problem(at("comply"), f"'{_short(read.as_written)}' is not an answer chc can read; {pid} takes {_answer_words(code, provision)}", "answer-not-recognised"))
    if comply is not None and (kind == "yes-no" or comply == "n/a"):
        shown = f"'{_short(read.as_written)}' ({comply})" if read.as_written and read.as_written != comply else f"'{comply}'"
        if comply not in code.answers and not (comply == "n/a" and provision.allows_not_applicable):
            partly = "; a requirement met in part is answered no, with an explanation and an action plan" if comply == "partial" else ""
            problems.append(Problem(at("comply"), f"{shown} is not an answer {code.id} allows; {code.id} allows {' or '.join(a for a in code.answers if a != 'n/a')}" + _na_where(code) + partly, "answer-not-allowed"))
        elif comply == "n/a" and not provision.allows_not_applicable:
            problems.append(Problem(at("comply"), f"provision {pid} cannot be answered n/a in {code.id}; answer {' or '.join(a for a in code.answers if a != 'n/a')}" + _na_where(code), "answer-not-allowed"))
        elif comply == "n/a" and any(name in answer and name in allowed for name in ANSWER_FIELDS[1:]):
            given = ", ".join(n for n in ANSWER_FIELDS[1:] if n in answer and n in allowed)
            problems.append(Problem(at("comply"), f"provision {pid} is answered n/a and also given {given}; give one or the other", "wrong-answer-type"))
    if numeric and "text" in answer and ("value" in answer or "values" in answer):
        problems.append(Problem(at("text", True), f"provision {pid} is given a figure and 'text'; 'text' is for a row with no figure to give (put remarks in 'commentary')", "wrong-answer-type"))
    figures = []
    if numeric and "value" in answer and answer["value"] is not None and "value" in allowed:
        figures.append((at("value"), pid, answer["value"]))
    if numeric and isinstance(answer.get("values"), dict) and "values" in allowed:
        item_ids = [i.id for i in provision.items]
        for item, value in answer["values"].items():
            if item not in item_ids:
                problems.append(Problem(at("values", True, item), f"provision {pid} has no item '{item}'; its items are {', '.join(item_ids)}", "unknown-item"))
            else:
                figures.append((at("values", False, item), f"{pid}({item})", value))
    for where, label, value in figures:
        if kind == "percent" and not 0 <= value <= 100:
            problems.append(Problem(where, f"provision {label} asks for a percentage; {value} is outside 0 to 100", "out-of-range"))
        if kind == "count" and (value < 0 or value != int(value)):
            problems.append(Problem(where, f"provision {label} asks for a count; {value} is not a whole number of 0 or more", "out-of-range"))
    choice = answer.get("choice")
    if choice is not None and provision.choices and choice not in provision.choices:
        problems.append(Problem(at("choice"), f"'{choice}' is not a choice of provision {pid}; use {' or '.join(provision.choices)}", "answer-not-allowed"))
    return problems


def _short(text: str, limit: int = 60) -> str:
    """Written text quoted in a message: one line, and a long one cut (a pasted page is not repeated)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _answer_words(code: Code, provision) -> str:
    """What a comply answer may be here, with the spellings chc reads."""
    allowed = [a for a in code.answers if a != "n/a"]
    if provision.allows_not_applicable:
        allowed.append("n/a")
    return written.accepted_spellings(allowed)


def _na_where(code: Code) -> str:
    rows = [p.id for p in code.form_rows if p.allows_not_applicable]
    return f" (n/a only on {', '.join(rows)})" if rows else ""


def _target_problem(doc: YamlDocument, path: tuple, action: Any) -> list[Problem]:
    if not isinstance(action, dict) or action.get("target_date") in (None, ""):
        return []
    if written.read_date(action["target_date"]) is None:
        return [Problem(doc.where(path + ("target_date",)), f"'{_short(str(action['target_date']))}' is not a date chc can read; write {DATE_FORMS} (a month or quarter is read as its last day; Q1 of 2025/26 is April to June 2025)", "bad-date")]
    return []


def _nearest(pid: str, code: Code) -> str:
    section = pid.split(".")[0]
    ids = [p.id for p in code.provisions_in(section) if p.form_row]
    if ids:
        return f"; section {section} runs {ids[0]} to {ids[-1]}"
    return ""


def _evidence(doc: YamlDocument, path: tuple, raw: Any) -> EvidenceItem:
    where = doc.where(path)
    if isinstance(raw, str):
        return EvidenceItem(document=raw, location=where)
    value = raw.get("value")
    return EvidenceItem(
        document=raw.get("document", ""),
        section=str(raw.get("section", "")),
        page=str(raw.get("page", "")),
        path=raw.get("path", ""),
        url=raw.get("url", ""),
        title=raw.get("title", ""),
        figure=raw.get("figure", ""),
        value=float(value) if value is not None else None,
        unit=raw.get("unit", ""),
        basis=raw.get("basis", ""),
        scope=raw.get("scope", ""),
        location=where,
    )


def _build(doc: YamlDocument, code: Code, folder: Path) -> Submission:
    data = doc.data
    (start, end, label), _ = _period(doc)
    notes = []
    if not (isinstance(data["period"], dict) and "start" in data["period"]):
        notes.append(Note("period-read", f"the period '{label}' is read as the UK financial year, 1 April {start.year} to 31 March {end.year}", doc.where(("period",))))
    answers = {}
    for pid in sorted(data["answers"], key=provision_sort_key):
        raw = data["answers"][pid] or {}
        base = ("answers", pid)
        action = None
        if raw.get("action"):
            a = raw["action"]
            target = written.read_date(a["target_date"]) if a.get("target_date") not in (None, "") else None
            action = Action(a["what"], a.get("owner", ""), target.date if target else None, doc.where(base + ("action",)),
                            date_as_written="" if target is None or isinstance(a["target_date"], dt.date) else target.phrase,
                            date_read_as=target.read_as if target else "")
        value = raw.get("value")
        read = written.read_comply(raw.get("comply"))  # an empty `comply:` is unanswered
        commentary = (raw.get("commentary") or "").strip()
        words = read.as_written if read.kind == "words" else ""
        if words:  # an answer in words is kept, as commentary: nothing the landlord wrote is dropped
            commentary = f"{words}\n\n{commentary}" if commentary else words
        explanation = (raw.get("explanation") or "").strip()
        reading = None
        if read.value in ("no", "partial") and commentary and (not explanation or action is None):
            phrase = written.find_action(commentary) if action is None else ""
            target = written.find_target_date(commentary, end) if phrase else None
            if not explanation or phrase:
                reading = CommentaryReading(commentary, phrase, target, explains=not explanation)
        answers[pid] = Answer(
            provision=pid,
            comply=read.value,
            answer_as_written=read.as_written if read.kind == "answer" else "",
            words=words,
            reading=reading,
            value=float(value) if value is not None else None,
            evidence=tuple(_evidence(doc, base + ("evidence", i), item) for i, item in enumerate(raw.get("evidence") or ())),
            commentary=commentary,
            explanation=explanation,
            reason=(raw.get("reason") or "").strip(),
            action=action,
            needs_review=bool(raw.get("needs_review", False)),
            values=MappingProxyType({k: float(v) for k, v in sorted((raw.get("values") or {}).items())}),
            text=(raw.get("text") or "").strip(),
            choice=raw.get("choice") or "",
            carried_from=tuple(raw.get("carried_from") or ()),
            reviewed=tuple(Reviewed(r["rule"], r["by"], as_date(r["on"]), r["why"], doc.where(base + ("reviewed", i)))
                           for i, r in enumerate(raw.get("reviewed") or ())),
            location=doc.where(base, key=True),
        )
    return Submission(
        path=doc.path,
        folder=folder,
        sha256=doc.sha256,
        code=code,
        landlord=_freeze(data["landlord"]),
        period_start=start,
        period_end=end,
        period_label=label or period_label(start, end),
        answers=MappingProxyType(answers),
        governance=_freeze(_people(data.get("governance", {}))),
        policy=_freeze(data.get("policy", {})),
        case_log=_freeze(data.get("case_log", {})),
        settings=_freeze(data.get("settings", {})),
        stated_metrics=_freeze(data.get("metrics", {})),
        annual_report=_freeze(data.get("annual_report", {})),
        prepared=_freeze(data.get("prepared", {})),
        document=doc,
        notes=tuple(notes),
    )


def _people(governance: Mapping) -> dict:
    """Governance people as mappings: `mrc: Cllr Jane Smith` is a name, `complaints_officer:
    Complaints Manager` a role (it holds a word of a job title), so rules and pages read one shape."""
    out = dict(governance)
    for role in PEOPLE:
        person = out.get(role)
        if isinstance(person, str):
            key = "role" if written.looks_like_role(person) else "name"
            out[role] = {key: person.strip()}
    return out
