"""Carry last year's self-assessment to another Code version, through the mappings in the Code files.

Each answered provision of the old version goes to the provisions it maps to: a link may be
declared on either side (`maps_to: {hos-2024: [...]}` on the old provision, or
`maps_to: {hos-2022: [...]}` on the new one); both are used. Every carried answer is marked
`needs_review: true` (the `needs-review` rule warns until someone removes it) and names its source
in `carried_from`. Evidence, commentary, explanations and action plans are kept.

Conservative combination, since a carried answer is a draft, never a verdict:
- several sources: any 'no' (or 'partial') makes the new answer 'no'; 'yes' only when all say yes;
- 'partial' becomes 'no' where the new version has no 'partial', the explanation kept;
- 'n/a' is carried only where the new row allows it; otherwise the row is left unanswered with the
  reason kept in the commentary;
- a figure, a choice or a written answer cannot become a yes or no: figures are kept as evidence
  items, words in the commentary, and the row is left for an answer.
Old provisions with no counterpart, and new rows with no answered source, are reported.

Landlord, governance, policy and settings are carried. With a new period (`period="2025-26"`), the
figures, the case log, the annual report content, the preparation details and the governing
body's dated decisions belong to the old year and are left out (and reported); with the period
kept, they are carried too. The output is deterministic YAML: provision keys quoted, long text in
block scalars, no timestamps.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..codes import Code, Provision, provision_sort_key
from ..problems import InputError, Problem
from .submission import Answer, Submission, period_label
from ..yamlsource import _Resolver

#: What a new period leaves behind, and why (key path in the submission, reason).
YEAR_BOUND = (
    (("metrics",), "last year's figures: state this year's, or give a case log"),
    (("case_log",), "last year's case log: point case_log at this year's export"),
    (("annual_report",), "last year's annual report content"),
    (("prepared",), "who prepared last year's self-assessment, and when"),
    (("governance", "governing_body", "reviewed"), "the governing body's review of last year's self-assessment"),
    (("governance", "governing_body", "approved"), "the governing body's approval of last year's self-assessment"),
    (("governance", "governing_body", "response"), "the governing body's response to last year's report"),
    (("governance", "governing_body", "response_url"), "the governing body's response to last year's report"),
    (("governance", "publication_url"), "where last year's self-assessment was published"),
    (("governance", "annual_report_url"), "where last year's annual complaints report was published"),
)
CARRIED_KEYS = ("landlord", "period", "prepared", "governance", "policy", "settings", "case_log", "metrics", "annual_report")
ANSWER_ORDER = ("comply", "value", "values", "text", "choice", "needs_review", "carried_from", "evidence",
                "commentary", "explanation", "reason", "action")
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass
class Carried:
    """One row of the new version that received something from the old submission."""

    provision: str
    sources: tuple[str, ...]
    answer: str | None
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"provision": self.provision, "from": list(self.sources), "answer": self.answer, "notes": list(self.notes)}


@dataclass
class MigrationReport:
    """What was carried, what has no counterpart, and what was left behind."""

    source_code: str
    target_code: str
    source_file: str
    source_sha256: str
    source_period: str
    target_period: str
    carried: list[Carried] = field(default_factory=list)
    no_target: list[dict] = field(default_factory=list)
    no_source: list[str] = field(default_factory=list)
    left_out: list[dict] = field(default_factory=list)
    files_to_check: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "from": {"code": self.source_code, "file": self.source_file, "sha256": self.source_sha256, "period": self.source_period},
            "to": {"code": self.target_code, "period": self.target_period},
            "summary": {
                "carried": len(self.carried),
                "carried_with_answer": sum(1 for c in self.carried if c.answer),
                "no_target": len(self.no_target),
                "no_source": len(self.no_source),
            },
            "carried": [c.as_dict() for c in self.carried],
            "no_target": list(self.no_target),
            "no_source": list(self.no_source),
            "left_out": list(self.left_out),
            "files_to_check": list(self.files_to_check),
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), indent=2, ensure_ascii=False) + "\n"

    def to_text(self) -> str:
        lines = [
            f"migrated {self.source_file} ({self.source_code}, {self.source_period}) to {self.target_code} ({self.target_period})",
            f"  carried to {len(self.carried)} rows ({sum(1 for c in self.carried if c.answer)} with an answer); "
            f"each is marked needs_review",
        ]
        for c in self.carried:
            for note in c.notes:
                lines.append(f"  {c.provision} (from {', '.join(c.sources)}): {note}")
        if self.no_target:
            lines.append(f"  no counterpart in {self.target_code}, not carried ({len(self.no_target)}): "
                         + ", ".join(item["provision"] for item in self.no_target))
        if self.no_source:
            lines.append(f"  rows of {self.target_code} with no answered counterpart, left unanswered ({len(self.no_source)}): "
                         + ", ".join(self.no_source))
        for item in self.left_out:
            lines.append(f"  left out: {item['key']} ({item['why']})")
        for path in self.files_to_check:
            lines.append(f"  evidence file not found beside the new submission: {path}")
        return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- mapping


def counterparts(old: Code, new: Code) -> dict[str, tuple[str, ...]]:
    """For each provision of `old`, the form rows of `new` it maps to (links declared on either side)."""
    links: dict[str, set[str]] = {p.id: set(p.maps_to.get(new.id, ())) for p in old.provisions}
    for q in new.provisions:
        for pid in q.maps_to.get(old.id, ()):
            if pid in links:
                links[pid].add(q.id)
    rows = {p.id for p in new.form_rows}
    return {pid: tuple(sorted((t for t in targets if t in rows), key=provision_sort_key)) for pid, targets in links.items()}


def has_mapping(old: Code, new: Code) -> bool:
    return any(p.maps_to.get(new.id) for p in old.provisions) or any(q.maps_to.get(old.id) for q in new.provisions)


def parse_period(text: str) -> tuple[dt.date, dt.date]:
    """'2025-26' -> 1 April 2025 to 31 March 2026."""
    m = _PERIOD.match(text.strip())
    if not m or (int(m[1]) + 1) % 100 != int(m[2]):
        raise ValueError(f"'{text}' is not a year like 2025-26 (April to March)")
    first = int(m[1])
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


# ---------------------------------------------------------------------------------------------- migration


def migrate(submission: Submission, target: Code, *, period: str | None = None, output_folder: Path | None = None) -> tuple[dict, MigrationReport]:
    """The new submission's data (plain values in a fixed order) and the report of what happened."""
    old = submission.code
    where = submission.where("code")
    if old.id == target.id:
        raise InputError([Problem(where, f"the submission is already assessed against {target.id}", "same-code")])
    if submission.nation not in target.jurisdiction:
        raise InputError([Problem(submission.where("landlord", "nation"),
                                  f"{target.id} applies in {', '.join(target.jurisdiction)}, not {submission.nation}", "wrong-jurisdiction")])
    if not has_mapping(old, target):
        raise InputError([Problem(where, f"no provision of {old.id} maps to {target.id}, or the other way round; there is nothing to carry", "no-mapping")])
    raw = submission.document.data
    if period is not None:
        start, end = parse_period(period)
        new_period = {"start": start, "end": end}
    else:
        start, end = submission.period_start, submission.period_end
        new_period = dict(raw["period"]) if isinstance(raw["period"], dict) else {"start": start, "end": end, "label": str(raw["period"])}
    report = MigrationReport(
        source_code=old.id, target_code=target.id, source_file=Path(submission.path).name, source_sha256=submission.sha256,
        source_period=submission.period_label, target_period=new_period.get("label") or period_label(start, end),
    )

    data: dict[str, Any] = {"code": target.id}
    for key in CARRIED_KEYS:
        if key == "period":
            data["period"] = new_period
        elif key in raw:
            data[key] = _copy(raw[key])
    if period is not None:
        for path, why in YEAR_BOUND:
            if _pop(data, path):
                report.left_out.append({"key": ".".join(path), "why": why})
        if data.get("governance", {}).get("governing_body") == {}:
            del data["governance"]["governing_body"]

    links = counterparts(old, target)
    given = {pid: a for pid, a in submission.answers.items() if a.given}
    sources_of: dict[str, list[str]] = {}
    for pid in sorted(given, key=provision_sort_key):
        targets = links.get(pid, ())
        if not targets:
            mapped = old.provision(pid).maps_to.get(target.id, ())
            why = (f"maps only to {', '.join(mapped)}, not rows of the {target.id} form" if mapped
                   else f"no counterpart in {target.id}")
            report.no_target.append({"provision": pid, "answer": _answer_word(given[pid]), "why": why})
        for t in targets:
            sources_of.setdefault(t, []).append(pid)

    answers: dict[str, dict] = {}
    for row in target.form_rows:
        pids = sources_of.get(row.id)
        if not pids:
            report.no_source.append(row.id)
            answers[row.id] = {}
            continue
        answer, carried = _carry(old, target, row, [(pid, old.provision(pid), given[pid], raw["answers"][pid]) for pid in pids])
        answers[row.id] = answer
        report.carried.append(carried)
    data["answers"] = answers

    if output_folder is not None:
        report.files_to_check = _missing_files(data, output_folder)
    return data, report


def _carry(old: Code, new: Code, row: Provision, sources: list[tuple[str, Provision, Answer, dict]]) -> tuple[dict, Carried]:
    names = tuple(f"{old.id} {pid}" for pid, *_ in sources)
    carried = Carried(row.id, tuple(pid for pid, *_ in sources), None)
    out: dict[str, Any] = {}
    several = len(sources) > 1

    def label(pid: str, text: str) -> str:
        return _labelled(f"From {old.id} {pid}", text) if several else text

    complies = [(pid, a.comply) for pid, _, a, _ in sources if a.comply in ("yes", "no", "partial")]
    not_applicable = [(pid, a) for pid, _, a, _ in sources if a.comply == "n/a"]
    others = [(pid, p, a) for pid, p, a, _ in sources if not a.comply]
    commentary: list[str] = []
    explanation: list[str] = []
    actions = []
    evidence: list = []
    seen: set[str] = set()

    for pid, _, a, raw in sources:
        for item in raw.get("evidence") or ():
            key = json.dumps(item, sort_keys=True, default=str)
            if key not in seen:
                seen.add(key)
                evidence.append(_copy(item))
        if a.commentary:
            commentary.append(label(pid, a.commentary))

    if row.answer_type == "yes-no":
        if complies:
            words = {c for _, c in complies}
            if "no" in words:
                comply = "no"
            elif "partial" in words:
                comply = "partial" if "partial" in new.answers else "no"
                if comply == "no":
                    carried.notes.append(f"'partial' became 'no' ({new.id} has no partial answer); the explanation is kept")
            else:
                comply = "yes"
            if len(words) > 1:
                shown = ", ".join(f"{pid} {c}" for pid, c in complies)
                carried.notes.append(f"the sources disagree ({shown}); carried as '{comply}'")
            out["comply"] = comply
            if comply != "yes":
                for pid, _, a, _ in sources:
                    if a.comply in ("no", "partial"):
                        if a.explanation:
                            explanation.append(label(pid, a.explanation))
                        if a.action is not None:
                            actions.append(a.action)
        elif not_applicable and not others and row.allows_not_applicable and "n/a" in new.answers:
            out["comply"] = "n/a"
            out["reason"] = " ".join(label(pid, a.reason) for pid, a in not_applicable if a.reason) or None
        if out.get("comply") != "n/a":
            for pid, a in not_applicable:
                if a.reason:
                    commentary.append(f"{old.id} {pid} was not applicable: {a.reason}")
            if not_applicable and not complies:
                shown = ", ".join(pid for pid, _ in not_applicable)
                carried.notes.append(f"{shown} answered n/a, which {new.id} {row.id} does not allow; answer it")
        for pid, p, a in others:
            _keep_as_words(old, pid, p, a, evidence, commentary)
        if others and "comply" not in out:
            carried.notes.append(f"{', '.join(pid for pid, _, _ in others)} gave {_kinds(others)}, not a yes or no; answer it")
    else:
        same = [(pid, p, a) for pid, p, a, _ in sources if p.answer_type == row.answer_type and {i.id for i in p.items} == {i.id for i in row.items}]
        if len(sources) == 1 and same:
            pid, p, a = same[0]
            if a.value is not None:
                out["value"] = _number(a.value)
            if a.values:
                out["values"] = {k: _number(v) for k, v in a.values.items()}
            if a.text:
                out["text"] = a.text
            if a.choice and row.choices and a.choice in row.choices:
                out["choice"] = a.choice
            if a.comply == "n/a" and row.allows_not_applicable:
                out["comply"] = "n/a"
                out["reason"] = a.reason or None
        else:
            for pid, p, a, _ in sources:
                _keep_as_words(old, pid, p, a, evidence, commentary)
                if a.comply:
                    commentary.append(f"{old.id} {pid} was answered '{a.comply}'.")
            carried.notes.append(f"{row.id} asks for a {row.answer_type} answer, which could not be carried; answer it")

    carried.answer = out.get("comply") or ("figure" if "value" in out or "values" in out else "text" if "text" in out else None)
    out["needs_review"] = True
    out["carried_from"] = _Flow(names)
    if evidence:
        out["evidence"] = evidence
    if commentary:
        out["commentary"] = "\n\n".join(commentary)
    if explanation:
        out["explanation"] = "\n\n".join(explanation)
    if actions:
        out["action"] = _merge_actions(actions)
    return {k: out[k] for k in ANSWER_ORDER if out.get(k) is not None}, carried


def _keep_as_words(old: Code, pid: str, p: Provision, a: Answer, evidence: list, commentary: list) -> None:
    """A figure becomes an evidence item; a choice or written answer goes into the commentary."""
    unit = "%" if p.answer_type == "percent" else ""
    if a.value is not None:
        evidence.append({"figure": f"{old.id} {pid}", "value": _number(a.value), **({"unit": unit} if unit else {})})
    for item, value in a.values.items():
        evidence.append({"figure": f"{old.id} {pid} ({item})", "value": _number(value), **({"unit": unit} if unit else {})})
    if a.choice:
        commentary.append(f"{old.id} {pid}: {a.choice}.")
    if a.text:
        commentary.append(_labelled(f"{old.id} {pid} (written answer)", a.text))


def _labelled(prefix: str, text: str) -> str:
    """'prefix: text', or the prefix on a line of its own when the text is a list or has paragraphs."""
    if "\n" in text or _STRUCTURED.match(text):
        return f"{prefix}:\n\n{text}"
    return f"{prefix}: {text}"


def _kinds(others) -> str:
    kinds = []
    for _, _, a in others:
        if a.value is not None or a.values:
            kinds.append("a figure")
        if a.choice:
            kinds.append("a choice")
        if a.text:
            kinds.append("a written answer")
    return " and ".join(dict.fromkeys(kinds)) or "no yes or no"


def _merge_actions(actions) -> dict:
    if len(actions) == 1:
        a = actions[0]
        return {k: v for k, v in (("what", a.what), ("owner", a.owner or None), ("target_date", a.target_date)) if v}
    owners = [a.owner for a in actions if a.owner]
    dates = [a.target_date for a in actions if a.target_date]
    out = {"what": " ".join(dict.fromkeys(a.what for a in actions))}
    if owners:
        out["owner"] = "; ".join(dict.fromkeys(owners))
    if dates:
        out["target_date"] = max(dates)
    return out


def _answer_word(a: Answer) -> str:
    if a.comply:
        return a.comply
    if a.value is not None or a.values:
        return "figure"
    return "choice" if a.choice else "text"


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _pop(data: dict, path: tuple[str, ...]) -> bool:
    for key in path[:-1]:
        data = data.get(key)
        if not isinstance(data, dict):
            return False
    return data.pop(path[-1], None) is not None


def _missing_files(data: dict, folder: Path) -> list[str]:
    """Evidence paths (relative to the new file) that do not exist there: copy or update them."""
    paths = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("path"), str):
                paths.add(value["path"])
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk({k: v for k, v in data.items() if k in ("policy", "answers", "case_log")})
    return sorted(p for p in paths if not (folder / p).is_file())


# ---------------------------------------------------------------------------------------------- YAML


class _Key(str):
    """A provision id used as a mapping key: always quoted, so '6.10' stays text in every YAML reader."""


class _Dumper(yaml.SafeDumper):
    """Safe dumping with chc's reading of YAML: only true/false are booleans, so 'yes' stays plain."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


_Dumper.yaml_implicit_resolvers = {k: list(v) for k, v in _Resolver.yaml_implicit_resolvers.items()}

LONG_TEXT = 72


_STRUCTURED = re.compile(r"^(?:[ \t]|[-*+>#|]|\d+[.)])", re.MULTILINE)


def _represent_str(dumper: yaml.SafeDumper, text: str):
    """Long prose folded (>), text with lists or indentation literal (|), short text plain."""
    if text != text.strip() or any("  " in line or line != line.rstrip() for line in text.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)
    if "\n" in text and _STRUCTURED.search(text):
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|")
    if "\n" in text or len(text) > LONG_TEXT:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", text)


class _Flow(list):
    """A short list written on one line: carried_from: [hos-2022 5.1, hos-2022 5.9]."""


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Key, lambda d, k: d.represent_scalar("tag:yaml.org,2002:str", str(k), style='"'))
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", list(v), flow_style=True))


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=96, indent=2)


def to_yaml(data: dict, report: MigrationReport) -> str:
    """The migrated submission as readable YAML, with a header saying where it came from."""
    header = [
        f"# Carried by chc migrate from {report.source_file} ({report.source_code}, {report.source_period},",
        f"# SHA-256 {report.source_sha256[:12]}) to {report.target_code} for {report.target_period}.",
        "# Every carried answer has needs_review: true and names its source in carried_from: check it",
        "# against this year's evidence, then delete needs_review. Empty rows ({}) are to be answered.",
        "",
    ]
    parts = ["\n".join(header)]
    top = {k: v for k, v in data.items() if k != "answers"}
    for key, value in top.items():
        parts.append(_dump({key: value}))
    lines = ["answers:"]
    carried = {c.provision: c for c in report.carried}
    for pid, answer in data["answers"].items():
        if pid not in carried:
            lines.append(f"  # {pid}: no answered counterpart in {report.source_code}")
        block = _dump({_Key(pid): answer}).rstrip("\n")
        lines.extend(("  " + line) if line else "" for line in block.splitlines())
    parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)
