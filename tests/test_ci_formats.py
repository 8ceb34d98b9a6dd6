"""Each CI format of `chc validate` against its spec: JUnit XML, SARIF 2.1.0, GitHub annotations, JSON."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from checker.batch import Outcome
from checker.cli import cli
from checker.problems import Location, Problem
from checker.render import ci
from tests.ci_cases import make_cases

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("ci")
    make_cases(root)
    return root


def output(folder: Path, fmt: str, *args: str) -> tuple[int, str]:
    import os

    before = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, ["validate", "--format", fmt, *args])
    finally:
        os.chdir(before)
    return result.exit_code, result.stdout


# ------------------------------------------------------------------------ JUnit XML

def test_junit_parses_and_counts_failures(folder):
    code, text = output(folder, "junit", ".")
    assert code == 2
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["fail/submission.yaml", "invalid/submission.yaml", "pass/submission.yaml", "warn/submission.yaml"]
    counts = {name: {k: s.get(k) for k in ("tests", "failures", "errors", "skipped")} for name, s in suites.items()}
    assert counts == {
        "fail/submission.yaml": {"tests": "73", "failures": "4", "errors": "0", "skipped": "0"},
        "invalid/submission.yaml": {"tests": "1", "failures": "0", "errors": "1", "skipped": "0"},
        "pass/submission.yaml": {"tests": "73", "failures": "0", "errors": "0", "skipped": "0"},
        "warn/submission.yaml": {"tests": "73", "failures": "0", "errors": "0", "skipped": "0"},
    }
    assert {k: root.get(k) for k in ("tests", "failures", "errors", "skipped")} == {"tests": "220", "failures": "4", "errors": "1", "skipped": "0"}
    for suite in suites.values():  # the attributes agree with the elements
        cases = suite.findall("testcase")
        assert len(cases) == int(suite.get("tests"))
        assert sum(1 for c in cases if c.find("failure") is not None) == int(suite.get("failures"))
        assert sum(1 for c in cases if c.find("error") is not None) == int(suite.get("errors"))


def test_junit_failure_names_the_row_and_the_findings(folder):
    _, text = output(folder, "junit", "fail")
    suite = ET.fromstring(text).find("testsuite")
    failed = [c for c in suite.findall("testcase") if c.find("failure") is not None]
    assert [c.get("name").split()[0] for c in failed] == ["3.5", "4.3", "7.3", "9.8"]
    row = failed[1]
    assert (row.get("classname"), row.get("file"), row.get("line")) == ("fail/submission.yaml", "fail/submission.yaml", "60")
    assert row.find("failure").attrib == {"message": "the action for 4.3 has no target date by which it will comply", "type": "no-target-date"}
    assert row.find("failure").text == "error: 4.3: the action for 4.3 has no target date by which it will comply [no-target-date] at fail/submission.yaml:60:13"
    assert row.find("system-out").text == "warning: 4.3: the action for 4.3 names no owner [no-owner] at fail/submission.yaml:60:13"
    assert suite.findall("testcase")[-1].get("name") == "cross-checks"
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props == {"landlord": "Golden Homes (declared-no)", "period": "2024-25", "code": "hos-2024", "strict": "false"}


def test_junit_invalid_file_is_an_error_with_its_problems(folder):
    _, text = output(folder, "junit", "invalid")
    case = ET.fromstring(text).find("testsuite/testcase")
    assert case.get("name") == "input"
    assert case.find("error").attrib == {"message": "1 input problem: the file cannot be checked", "type": "invalid-input"}
    assert case.find("error").text == 'invalid/submission.yaml:5:19: error: \'Yess\' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]'


def test_junit_strict_turns_the_warning_into_a_failure(folder):
    _, text = output(folder, "junit", "--strict", "warn")
    root = ET.fromstring(text)
    assert root.get("failures") == "1"
    cross = root.find("testsuite").findall("testcase")[-1]
    assert (cross.get("name"), cross.find("failure").get("type")) == ("cross-checks", "not-approved")


# ------------------------------------------------------------------------ SARIF 2.1.0

def sarif_validator() -> Draft7Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def test_sarif_validates_against_the_official_schema(folder):
    code, text = output(folder, "sarif", ".")
    assert code == 2
    doc = json.loads(text)
    errors = list(sarif_validator().iter_errors(doc))
    assert errors == []
    assert (doc["version"], len(doc["runs"])) == ("2.1.0", 1)


def test_sarif_rules_results_levels_and_regions(folder):
    _, text = output(folder, "sarif", ".")
    run = json.loads(text)["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["answer-not-recognised", "no-action", "no-explanation", "no-owner", "no-target-date", "not-approved", "target-date-passed"]
    assert run["tool"]["driver"]["name"] == "chc"
    seen = [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"], r["locations"][0]["physicalLocation"]["region"]["startColumn"])
            for r in run["results"]]
    assert seen == [
        ("no-explanation", "error", "fail/submission.yaml", 50, 3),
        ("no-target-date", "error", "fail/submission.yaml", 60, 13),
        ("target-date-passed", "error", "fail/submission.yaml", 104, 13),
        ("no-action", "error", "fail/submission.yaml", 118, 3),
        ("no-owner", "warning", "fail/submission.yaml", 60, 13),
        ("answer-not-recognised", "error", "invalid/submission.yaml", 5, 19),
        ("not-approved", "warning", "warn/submission.yaml", 13, 5),
    ]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    assert run["results"][0]["properties"] == {"submission": "fail/submission.yaml", "kind": "finding", "severity": "error", "provision": "3.5"}


def test_sarif_strict_and_notes_and_locations_without_a_line():
    result = {
        "settings": {"strict": True},
        "summary": {"passed": False, "failing": 1},
        "findings": [
            {"rule": "not-approved", "severity": "warning", "provision": None, "message": "w", "location": {"file": "a b/s.yaml", "line": 3, "column": 0}},
            {"rule": "note-rule", "severity": "info", "provision": None, "message": "n", "location": {"file": "a b/s.yaml", "line": 0, "column": 0}},
        ],
        "provisions": [],
    }
    problem = Problem(Location("log.xlsx", 14, 0, sheet="Cases", cell="C14"), "bad date", "bad-date")
    doc = json.loads(ci.render_sarif([Outcome("a b/s.yaml", result), Outcome("log.xlsx", problems=(problem,))]))
    assert list(sarif_validator().iter_errors(doc)) == []
    results = doc["runs"][0]["results"]
    assert [(r["level"], r["locations"][0]["physicalLocation"]) for r in results] == [
        ("error", {"artifactLocation": {"uri": "a%20b/s.yaml"}, "region": {"startLine": 3}}),
        ("note", {"artifactLocation": {"uri": "a%20b/s.yaml"}}),
        ("error", {"artifactLocation": {"uri": "log.xlsx"}}),
    ]
    assert results[2]["message"]["text"] == "bad date (at log.xlsx[Cases]!C14)"


# ------------------------------------------------------------------------ GitHub annotations

def test_github_annotations_carry_file_line_and_column(folder):
    code, text = output(folder, "github", "fail", "invalid")
    assert code == 2
    assert text.splitlines() == [
        "::error file=fail/submission.yaml,line=50,col=3,title=chc no-explanation (3.5)::3.5 is answered 'no' without an explanation of why it is not met",
        "::error file=fail/submission.yaml,line=60,col=13,title=chc no-target-date (4.3)::the action for 4.3 has no target date by which it will comply",
        "::error file=fail/submission.yaml,line=104,col=13,title=chc target-date-passed (7.3)::the target date for 7.3 (2025-02-28) had passed by the end of the period assessed (2025-03-31)",
        "::error file=fail/submission.yaml,line=118,col=3,title=chc no-action (9.8)::9.8 is answered 'no' without an action plan (what will be done, by whom, by when)",
        "::warning file=fail/submission.yaml,line=60,col=13,title=chc no-owner (4.3)::the action for 4.3 names no owner",
        '::error file=invalid/submission.yaml,line=5,col=19,title=chc answer-not-recognised::\'Yess\' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md)',
        "fail/submission.yaml: FAIL: 4 failing findings (4 errors, 1 warning, 0 notes); 67 met, 5 not-met, 0 contradicted, 0 unsupported, 0 unanswered, 0 not-applicable",
        "invalid/submission.yaml: INVALID: 1 input problem",
        "2 files: 0 pass, 1 fail, 1 invalid; 4 failing findings, 1 input problem",
    ]


def test_github_escaping_follows_the_workflow_command_rules():
    assert ci.escape_data("48.6% in time\r\nnext: a, b") == "48.6%25 in time%0D%0Anext: a, b"
    assert ci.escape_property("a: b, 50%\nc") == "a%3A b%2C 50%25%0Ac"
    problem = Problem(Location("dir, with: colon/s.yaml", 2, 4), "50% wrong\nsecond line", "schema")
    assert ci.render_github([Outcome("dir, with: colon/s.yaml", problems=(problem,))]).splitlines()[0] == (
        "::error file=dir%2C with%3A colon/s.yaml,line=2,col=4,title=chc schema::50%25 wrong%0Asecond line")


# ------------------------------------------------------------------------ JSON and text

def test_json_has_a_summary_and_the_canonical_results(folder):
    code, text = output(folder, "json", ".")
    assert code == 2
    doc = json.loads(text)
    assert doc["summary"] == {"files": 4, "passed": 2, "failed": 1, "invalid": 1, "failing_findings": 4, "input_problems": 1, "exit_code": 2}
    assert [(f["file"], f["status"], f["failing"]) for f in doc["files"]] == [
        ("fail/submission.yaml", "fail", 4), ("invalid/submission.yaml", "invalid", None),
        ("pass/submission.yaml", "pass", 0), ("warn/submission.yaml", "pass", 0)]
    assert doc["files"][1]["problems"] == [{"location": {"file": "invalid/submission.yaml", "line": 5, "column": 19},
                                            "message": '\'Yess\' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md)', "rule": "answer-not-recognised"}]
    assert doc["files"][0]["verdicts"] == {"met": 67, "not-met": 5, "contradicted": 0, "unsupported": 0, "unanswered": 0, "not-applicable": 0}
    assert [r["submission"]["file"] for r in doc["results"]] == ["fail/submission.yaml", "pass/submission.yaml", "warn/submission.yaml"]
    assert all(r["schema_version"] for r in doc["results"])


def test_json_summary_only_leaves_out_the_results(folder):
    _, text = output(folder, "json", "--summary-only", ".")
    assert "results" not in json.loads(text)


def test_the_canonical_results_in_json_validate_against_the_result_schema(folder):
    from checker.validation import load_schema
    from jsonschema import Draft202012Validator

    _, text = output(folder, "json", ".")
    validator = Draft202012Validator(load_schema("result.schema.json"))
    for result in json.loads(text)["results"]:
        assert list(validator.iter_errors(result)) == []


def test_same_inputs_give_byte_identical_output(folder):
    for fmt in ci.FORMATS:
        assert output(folder, fmt, ".") == output(folder, fmt, ".")
