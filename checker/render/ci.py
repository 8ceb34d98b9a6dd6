"""CI formats of `chc validate`: pure functions from a list of per-file outcomes to text.

Every format reports both kinds of trouble: the findings of each valid submission, and the input
problems of each invalid file (always errors, at file, line and column). A finding *fails* when
it is an error, or a warning under --strict (the result's `settings.strict`); failing findings
are errors in every format, other warnings stay warnings and notes stay notes.

- text: one file: every error and warning as `file:line:col: level: message [rule]`, then a
  summary line; several files: one table row per file, then the input problems, then totals.
- json: `{schema_version, generator, summary, files: [...], results: [canonical result, ...]}`.
- junit: one <testsuite> per file, one <testcase> per form row plus one for the cross-checks.
- sarif: SARIF 2.1.0, one run, rules from the rule ids, one result per finding or problem.
- github: workflow commands `::error file=F,line=L,col=C,title=T::message` (notes only with -v).
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Sequence
from urllib.parse import quote

from .. import __version__
from ..batch import FAIL, INVALID, PASS, Outcome, exit_code
from ..judge.evaluate import VERDICTS
from ..textsafe import terminal_line
from .text import HEAD, _all_findings

FORMATS = ("text", "json", "junit", "sarif", "github")
SUMMARY_VERSION = "1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
STATUS_WORD = {PASS: "PASS", FAIL: "FAIL", INVALID: "INVALID"}

# Short descriptions for SARIF rules; a rule not listed here is described by its id.
RULES = {
    "unanswered": "A row of the self-assessment form has no answer",
    "no-explanation": "An unmet requirement has no explanation",
    "no-action": "An unmet requirement has no action plan",
    "no-owner": "An action plan names no owner",
    "no-target-date": "An action plan has no target date",
    "target-date-passed": "An action plan's target date had passed by the end of the period",
    "no-reason": "A provision answered n/a gives no reason",
    "answer-in-words": "A yes/no question is answered in words (kept as commentary); the row is unanswered",
    "commentary-read": "A 'no' row's commentary was read as its explanation, action plan and target date",
    "date-read": "A target date given as a month or quarter was read as its last day",
    "period-read": "A period given as a financial year (2024-25) was read as 1 April to 31 March",
    "role-not-name": "A person the Code needs by name is given by role alone",
    "text-cut-by-comment": "Unquoted text is cut short by ' #' (YAML reads the rest as a comment)",
    "needs-review": "An answer carried over from an earlier Code version has not been reviewed",
    "no-evidence": "A provision answered yes has no evidence",
    "evidence-not-found": "Evidence names a file that does not exist inside the submission's folder",
    "evidence-outside-folder": "Evidence names a file outside the submission's folder (absolute path, '..' or a symbolic link)",
    "shares-do-not-add-up": "Figures that should add up to a whole do not",
    "timeliness-below-tolerance": "A timescale provision is answered yes while the figures show too few complaints handled in time",
    "policy-exceeds-code": "A provision is answered yes while the policy allows more time than the Code",
    "policy-conflicts": "A provision is answered yes while the policy conflicts with the Code",
    "definition-differs": "The policy's definition of a complaint is narrower than the Code's",
    "governance-missing": "A governance provision is answered yes without the person, link or response it needs",
    "stated-figure-differs": "A stated figure disagrees with the case log",
    "figures-inconsistent": "Stated figures contradict each other",
    "not-approved": "The governing body's approval of the self-assessment is not recorded",
    "date-outside-period": "A date falls outside the period assessed",
    "date-order": "Governance dates are out of order",
    "case-log-rows-excluded": "Case-log rows could not be used for the figures",
    "case-log-column-by-name": "A case-log column was used because of its name, not the mapping",
    "placeholder": "A text still holds the placeholder chc init wrote (never published)",
    "link-missing": "A link the Ombudsman's annual submission form asks for is not recorded",
    "syntax": "Input: the file is not valid YAML",
    "schema": "Input: a value does not match the submission schema",
    "unknown-key": "Input: a key the submission schema does not know",
    "duplicate-key": "Input: a key is given twice",
    "encoding": "Input: the file is not UTF-8 text",
    "not-found": "Input: a file or folder does not exist",
    "no-submissions": "Input: a folder holds no submission",
    "unknown-code": "Input: an unknown Code version",
    "unknown-provision": "Input: a provision the Code does not have",
    "not-a-form-row": "Input: an answer to a provision that is not a row of the form",
    "answer-not-allowed": "Input: an answer the Code version does not allow",
    "answer-not-recognised": "Input: a comply answer chc cannot read (TBC, In progress)",
    "wrong-answer-type": "Input: the wrong kind of answer for the provision",
    "bad-period": "Input: an impossible period",
    "bad-date": "Input: a date that does not exist",
    "wrong-jurisdiction": "Input: the Code version does not apply in the landlord's nation",
    "internal-error": "chc could not check the file (a defect in chc)",
}


# ---------------------------------------------------------------------------- shared helpers

def findings(result: dict) -> list[dict]:
    """Every finding of a canonical result, most serious first."""
    return _all_findings(result)


def fails(finding: dict, strict: bool) -> bool:
    return finding["severity"] == "error" or (strict and finding["severity"] == "warning")


def level(finding: dict, strict: bool) -> str:
    """error (fails the submission), warning, or note."""
    if fails(finding, strict):
        return "error"
    return "warning" if finding["severity"] == "warning" else "note"


def _strict(result: dict) -> bool:
    return bool(result["settings"]["strict"])


def _where(location: dict) -> str:
    if location.get("sheet"):
        where = f"{location['file']}[{location['sheet']}]"
        if location.get("cell"):
            return f"{where}!{location['cell']}"
        return f"{where}:row {location['line']}" if location.get("line") else where
    if location.get("line"):
        return f"{location['file']}:{location['line']}:{location.get('column') or 1}"
    return location["file"]


def summary_row(outcome: Outcome) -> dict:
    """One file in a batch: who, when, against what, verdict counts, failing findings, status."""
    row: dict = {"file": outcome.file, "status": outcome.status}
    result = outcome.result
    if result is None:
        row.update(landlord=None, period=None, code=None, verdicts=None, findings=None, failing=None,
                   problems=len(outcome.problems))
        return row
    sub, summary = result["submission"], result["summary"]
    row.update(
        landlord=sub["landlord"]["name"],
        period=sub["period"]["label"],
        code=result["code"]["id"],
        verdicts=dict(summary["verdicts"]),
        findings=dict(summary["findings"]),
        failing=summary["failing"],
        problems=0,
    )
    return row


def totals(outcomes: Sequence[Outcome]) -> dict:
    statuses = [o.status for o in outcomes]
    return {
        "files": len(outcomes),
        "passed": statuses.count(PASS),
        "failed": statuses.count(FAIL),
        "invalid": statuses.count(INVALID),
        "failing_findings": sum(o.result["summary"]["failing"] for o in outcomes if o.result),
        "input_problems": sum(len(o.problems) for o in outcomes),
        "exit_code": exit_code(outcomes),
    }


def render(fmt: str, outcomes: Sequence[Outcome], *, verbose: bool = False, summary_only: bool = False) -> str:
    if fmt == "text":
        return render_text(outcomes, verbose=verbose)
    if fmt == "json":
        return render_json(outcomes, summary_only=summary_only)
    if fmt == "junit":
        return render_junit(outcomes)
    if fmt == "sarif":
        return render_sarif(outcomes)
    if fmt == "github":
        return render_github(outcomes, verbose=verbose)
    raise ValueError(f"unknown format {fmt!r}")


# ---------------------------------------------------------------------------- text

def _diagnostics(outcome: Outcome, verbose: bool) -> list[str]:
    lines = [str(p) for p in outcome.problems]
    if outcome.result:
        strict = _strict(outcome.result)
        for f in findings(outcome.result):
            lvl = level(f, strict)
            if lvl == "note" and not verbose:
                continue
            pid = f"{f['provision']}: " if f["provision"] else ""
            lines.append(terminal_line(f"{_where(f['location'])}: {lvl}: {pid}{f['message']} [{f['rule']}]"))
    return lines


def _file_summary(outcome: Outcome) -> str:
    if outcome.status == INVALID:
        return f"{outcome.file}: INVALID: {_count(len(outcome.problems), 'input problem')}"
    summary = outcome.result["summary"]
    counts = summary["findings"]
    verdicts = ", ".join(f"{summary['verdicts'][v]} {v}" for v in VERDICTS)
    return (f"{outcome.file}: {STATUS_WORD[outcome.status]}: {_count(summary['failing'], 'failing finding')} "
            f"({_count(counts['error'], 'error')}, {_count(counts['warning'], 'warning')}, {_count(counts['info'], 'note')}); {verdicts}")


def _totals_line(outcomes: Sequence[Outcome]) -> str:
    t = totals(outcomes)
    return (f"{_count(t['files'], 'file')}: {t['passed']} pass, {t['failed']} fail, {t['invalid']} invalid; "
            f"{_count(t['failing_findings'], 'failing finding')}, {_count(t['input_problems'], 'input problem')}")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(outcomes: Sequence[Outcome]) -> list[str]:
    """The batch table: one row per file."""
    head = ["File", "Landlord", "Period", "Code"] + [HEAD[v] for v in VERDICTS] + ["Failing", "Status"]
    rows = []
    for o in outcomes:
        r = summary_row(o)
        if r["verdicts"] is None:
            rows.append([o.file, "-", "-", "-"] + ["-"] * len(VERDICTS) + ["-", STATUS_WORD[o.status]])
        else:
            rows.append([o.file, _cut(r["landlord"], 32), r["period"], r["code"]]
                        + [str(r["verdicts"][v]) for v in VERDICTS] + [str(r["failing"]), STATUS_WORD[o.status]])
    widths = [max(len(row[i]) for row in rows + [head]) for i in range(len(head))]
    left = 4  # file, landlord, period and code are left-aligned; the counts right-aligned
    out = []
    for row in [head] + rows:
        cells = [c.ljust(w) if i < left or i == len(head) - 1 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))]
        out.append("  ".join(cells).rstrip())
    return out


def render_text(outcomes: Sequence[Outcome], *, verbose: bool = False) -> str:
    lines: list[str] = []
    if len(outcomes) == 1:
        lines.extend(_diagnostics(outcomes[0], verbose))
        lines.append(_file_summary(outcomes[0]))
        return "\n".join(lines) + "\n"
    lines.extend(render_table(outcomes))
    shown = [o for o in outcomes if o.problems or (verbose and o.result)]
    if shown:
        lines.append("")
    for o in shown:
        lines.extend(_diagnostics(o, verbose))
    lines.append("")
    lines.append(_totals_line(outcomes))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- json

def render_json(outcomes: Sequence[Outcome], *, summary_only: bool = False) -> str:
    files = []
    for o in outcomes:
        row = summary_row(o)
        row["problems"] = [p.as_dict() for p in o.problems]
        files.append(row)
    doc: dict = {
        "schema_version": SUMMARY_VERSION,
        "generator": {"name": "chc", "version": __version__},
        "summary": totals(outcomes),
        "files": files,
    }
    if not summary_only:
        doc["results"] = [o.result for o in outcomes if o.result is not None]
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------- junit

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: object) -> str:
    """Text safe for XML 1.0 (characters it cannot hold are dropped)."""
    return _XML_BAD.sub("", str(text))


def _finding_line(f: dict, lvl: str) -> str:
    pid = f"{f['provision']}: " if f["provision"] else ""
    return terminal_line(f"{lvl}: {pid}{f['message']} [{f['rule']}] at {_where(f['location'])}")


def _testcase(suite, classname: str, name: str, file: str, found: list[dict], strict: bool,
              skipped: str = "") -> tuple[int, int]:
    """Add one testcase; returns (failures, skipped) it counts for."""
    import xml.etree.ElementTree as ET

    case = ET.SubElement(suite, "testcase", {"classname": _x(classname), "name": _x(name), "file": _x(file)})
    failing = [f for f in found if fails(f, strict)]
    lines = [f["location"]["line"] for f in found if f["location"].get("line")]
    if lines:
        case.set("line", str(lines[0]))
    others = [f for f in found if not fails(f, strict)]
    if failing:
        first = failing[0]
        message = first["message"] if len(failing) == 1 else f"{len(failing)} failing findings; first: {first['message']}"
        failure = ET.SubElement(case, "failure", {"message": _x(message), "type": _x(first["rule"])})
        failure.text = _x("\n".join(_finding_line(f, "error") for f in failing))
    elif skipped:
        ET.SubElement(case, "skipped", {"message": _x(skipped)})
    if others:
        out = ET.SubElement(case, "system-out")
        out.text = _x("\n".join(_finding_line(f, level(f, strict)) for f in others))
    return (1 if failing else 0), (1 if skipped and not failing else 0)


def _suite_for(outcome: Outcome):
    import xml.etree.ElementTree as ET

    suite = ET.Element("testsuite", {"name": _x(outcome.file)})
    result = outcome.result
    if result is None:
        case = ET.SubElement(suite, "testcase", {"classname": _x(outcome.file), "name": "input", "file": _x(outcome.file)})
        error = ET.SubElement(case, "error", {"message": f"{_count(len(outcome.problems), 'input problem')}: the file cannot be checked",
                                              "type": "invalid-input"})
        error.text = _x("\n".join(str(p) for p in outcome.problems))
        suite.attrib.update(tests="1", failures="0", errors="1", skipped="0")
        return suite
    sub = result["submission"]
    props = ET.SubElement(suite, "properties")
    for name, value in (("landlord", sub["landlord"]["name"]), ("period", sub["period"]["label"]),
                        ("code", result["code"]["id"]), ("strict", str(_strict(result)).lower())):
        ET.SubElement(props, "property", {"name": name, "value": _x(value)})
    strict = _strict(result)
    classname = f"{outcome.file}"
    tests = failures = skipped = 0
    for p in result["provisions"]:
        requirement = p["requirement"] if len(p["requirement"]) <= 80 else p["requirement"][:79] + "…"
        skip = f"not applicable: {p['reason']}" if p["verdict"] == "not-applicable" else ""
        f_, s_ = _testcase(suite, classname, f"{p['id']} {requirement}", outcome.file, p["findings"], strict, skip)
        tests, failures, skipped = tests + 1, failures + f_, skipped + s_
    f_, _ = _testcase(suite, classname, "cross-checks", outcome.file, result["findings"], strict)
    tests, failures = tests + 1, failures + f_
    suite.attrib.update(tests=str(tests), failures=str(failures), errors="0", skipped=str(skipped))
    return suite


def render_junit(outcomes: Sequence[Outcome]) -> str:
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", {"name": "chc validate"})
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for outcome in outcomes:
        suite = _suite_for(outcome)
        for key in counts:
            counts[key] += int(suite.get(key))
        root.append(suite)
    root.attrib.update({k: str(v) for k, v in counts.items()})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------------------- sarif

def _uri(file: str) -> str:
    path = PurePath(file)
    return path.as_uri() if path.is_absolute() else quote(path.as_posix(), safe="/")


def _sarif_location(location: dict) -> dict:
    physical: dict = {"artifactLocation": {"uri": _uri(location["file"])}}
    if location.get("line") and not location.get("sheet"):
        region = {"startLine": location["line"]}
        if location.get("column"):
            region["startColumn"] = location["column"]
        physical["region"] = region
    return {"physicalLocation": physical}


def _sarif_message(text: str, location: dict) -> str:
    if location.get("sheet"):
        return f"{text} (at {_where(location)})"
    return text


def render_sarif(outcomes: Sequence[Outcome]) -> str:
    rule_ids: dict[str, str] = {}  # id -> kind (finding or input)
    results = []

    def add(rule: str, lvl: str, message: str, location: dict, kind: str, properties: dict) -> None:
        rule_ids.setdefault(rule, kind)
        results.append({
            "ruleId": rule,
            "level": lvl,
            "message": {"text": _sarif_message(message, location)},
            "locations": [_sarif_location(location)],
            "properties": properties,
        })

    for o in outcomes:
        for p in o.problems:
            add(p.rule, "error", p.message, p.location.as_dict(), "input", {"submission": o.file, "kind": "input-problem"})
        if o.result:
            strict = _strict(o.result)
            for f in findings(o.result):
                props = {"submission": o.file, "kind": "finding", "severity": f["severity"]}
                if f["provision"]:
                    props["provision"] = f["provision"]
                add(f["rule"], level(f, strict), f["message"], f["location"], "finding", props)
    rules = sorted(rule_ids)
    index = {r: i for i, r in enumerate(rules)}
    for r in results:
        r["ruleIndex"] = index[r["ruleId"]]
    run = {
        "tool": {"driver": {
            "name": "chc",
            "version": __version__,
            "rules": [{
                "id": r,
                "shortDescription": {"text": RULES.get(r, f"chc rule {r}")},
                "properties": {"tags": ["input" if rule_ids[r] == "input" else "complaint-handling-code"]},
            } for r in rules],
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------- github

def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as data, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "note": "notice"}


def _annotation(lvl: str, location: dict, title: str, message: str) -> str:
    props = [f"file={escape_property(location['file'])}"]
    if location.get("line"):
        props.append(f"line={location['line']}")
        if location.get("column"):
            props.append(f"col={location['column']}")
    props.append(f"title={escape_property(title)}")
    return f"::{_GITHUB_LEVEL[lvl]} {','.join(props)}::{escape_data(_sarif_message(message, location))}"


def render_github(outcomes: Sequence[Outcome], *, verbose: bool = False) -> str:
    lines: list[str] = []
    for o in outcomes:
        for p in o.problems:
            lines.append(_annotation("error", p.location.as_dict(), f"chc {p.rule}", p.message))
        if o.result:
            strict = _strict(o.result)
            for f in findings(o.result):
                if level(f, strict) == "note" and not verbose:
                    continue
                title = f"chc {f['rule']}" + (f" ({f['provision']})" if f["provision"] else "")
                lines.append(_annotation(level(f, strict), f["location"], title, f["message"]))
    lines.extend(_file_summary(o) for o in outcomes)
    if len(outcomes) > 1:
        lines.append(_totals_line(outcomes))
    return "\n".join(lines) + "\n"
