"""Bad input gives exact messages at file:line:column, exit 2, no traceback and no output file."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.problems import InputError
from checker.intake.submission import load_submission
from checker.yamlsource import load_yaml_text

HEAD = """\
code: hos-2024
landlord: {name: Test Homes, nation: england}
period: {start: 2024-04-01, end: 2025-03-31}
"""


def problems_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "submission.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_submission(path, "submission.yaml")
    return [str(p) for p in caught.value.problems]


def test_broken_yaml_points_at_the_line(tmp_path):
    assert problems_of(tmp_path, HEAD + "answers:\n  \"1.2\": {comply: yes\n") == [
        "submission.yaml:6:1: error: YAML syntax: expected ',' or '}', but got '<stream end>' (while parsing a flow mapping) [syntax]"
    ]


def test_duplicate_keys_are_refused_with_both_places(tmp_path):
    text = HEAD + 'answers:\n  "6.3": {comply: yes}\n  "6.3": {comply: no}\n'
    assert problems_of(tmp_path, text) == [
        "submission.yaml:6:3: error: duplicate key '6.3' (first given at line 5, column 3) [duplicate-key]"
    ]


def test_tabs_are_explained(tmp_path):
    assert problems_of(tmp_path, HEAD + "answers:\n\t\"1.2\": {comply: yes}\n") == [
        "submission.yaml:5:1: error: YAML syntax: a tab character is used for indentation or separation; YAML needs spaces [syntax]"
    ]


def test_wrong_types_each_reported_where_they_are(tmp_path):
    text = """\
    code: hos-2024
    landlord: {name: Test Homes, nation: england, homes: {lcra: many}}
    period: {start: 2024-04-01, end: 31/03/2025}
    answers:
      "6.3": {comply: yess, evidence: "policy"}
      "6.4": {comply: yes, colour: blue}
    """
    assert problems_of(tmp_path, text) == [
        "submission.yaml:2:61: error: landlord.homes.lcra: expected a whole number, found \"many\" [schema]",
        "submission.yaml:3:34: error: period.end: expected a real date written YYYY-MM-DD; found \"31/03/2025\" [schema]",
        "submission.yaml:5:19: error: 'yess' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]",
        "submission.yaml:5:35: error: answers.6.3.evidence: expected a list, found \"policy\" [schema]",
        "submission.yaml:6:24: error: answers.6.4: unknown key 'colour'; expected one of: comply, value, values, text, choice, evidence, commentary, explanation, reason, action, needs_review, carried_from, reviewed [unknown-key]",
    ]


def test_impossible_date(tmp_path):
    text = HEAD.replace("2025-03-31", "2025-02-31") + "answers: {}\n"
    assert problems_of(tmp_path, text) == [
        "submission.yaml:3:34: error: '2025-02-31' is not a real date (day is out of range for month) [bad-date]"
    ]


def test_unknown_provisions_and_answers_the_code_does_not_allow(tmp_path):
    text = HEAD + 'answers:\n  "6.21": {comply: yes}\n  "1.1": {comply: yes}\n  "6.3": {comply: partial}\n  "2.2": {comply: n/a}\n'
    assert problems_of(tmp_path, text) == [
        "submission.yaml:5:3: error: provision 6.21 does not exist in hos-2024; section 6 runs 6.1 to 6.20 (sections 1, 2, 3, 4, 5, 6, 7, 8, 9) [unknown-provision]",
        "submission.yaml:6:3: error: provision 1.1 is not a row of the hos-2024 self-assessment form, so it takes no answer [not-a-form-row]",
        "submission.yaml:7:19: error: 'partial' is not an answer hos-2024 allows; hos-2024 allows yes or no; a requirement met in part is answered no, with an explanation and an action plan [answer-not-allowed]",
        "submission.yaml:8:19: error: 'n/a' is not an answer hos-2024 allows; hos-2024 allows yes or no [answer-not-allowed]",
    ]


def test_unknown_code_version(tmp_path):
    text = HEAD.replace("hos-2024", "hos-2019") + "answers: {}\n"
    (message,) = problems_of(tmp_path, text)
    assert message.startswith("submission.yaml:1:7: error: unknown Code version 'hos-2019'; known: ")
    assert "hos-2024" in message


def test_period_must_run_forwards(tmp_path):
    text = HEAD.replace("end: 2025-03-31", "end: 2024-03-31") + "answers: {}\n"
    assert problems_of(tmp_path, text) == [
        "submission.yaml:3:34: error: period.end (2024-03-31) must be after period.start (2024-04-01) [bad-period]"
    ]


def test_yes_and_no_stay_text_and_provision_keys_stay_as_written():
    doc = load_yaml_text('"6.10": yes\n6.20: no\nflag: true\n', "x.yaml")
    assert doc.data == {"6.10": "yes", "6.20": "no", "flag": True}


def test_cli_exits_2_without_traceback_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(HEAD + 'answers:\n  "6.3": {comply: yes}\n  "6.3": {comply: no}\n', encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", str(bad), "--format", "html", "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{bad}:6:3: error: duplicate key '6.3' (first given at line 5, column 3) [duplicate-key]" in result.output
    assert "chc: 1 input problem; nothing was written" in result.output
    assert not out.exists()


def test_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nope.yaml'}: error: no such file [not-found]" in result.output
