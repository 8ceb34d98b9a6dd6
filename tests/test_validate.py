"""`chc validate`: exit codes for every case, folder discovery, and every input problem reported."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checker.cli import cli
from tests.ci_cases import make_case, make_cases

FAIL_LINES = [
    "fail/submission.yaml:50:3: error: 3.5: 3.5 is answered 'no' without an explanation of why it is not met [no-explanation]",
    "fail/submission.yaml:60:13: error: 4.3: the action for 4.3 has no target date by which it will comply [no-target-date]",
    "fail/submission.yaml:104:13: error: 7.3: the target date for 7.3 (2025-02-28) had passed by the end of the period assessed (2025-03-31) [target-date-passed]",
    "fail/submission.yaml:118:3: error: 9.8: 9.8 is answered 'no' without an action plan (what will be done, by whom, by when) [no-action]",
    "fail/submission.yaml:60:13: warning: 4.3: the action for 4.3 names no owner [no-owner]",
    "fail/submission.yaml: FAIL: 4 failing findings (4 errors, 1 warning, 0 notes); 67 met, 5 not-met, 0 contradicted, 0 unsupported, 0 unanswered, 0 not-applicable",
]
WARNING = ("warn/submission.yaml:13:5: {level}: the governing body's approval of this self-assessment is not recorded "
           "(governance.governing_body.approved) [not-approved]")
VERDICTS_ALL_MET = "72 met, 0 not-met, 0 contradicted, 0 unsupported, 0 unanswered, 0 not-applicable"


@pytest.fixture
def cases(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return make_cases(tmp_path)


def run(*args):
    result = CliRunner().invoke(cli, ["validate", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_clean_submission_exits_0(cases):
    assert run("pass/submission.yaml") == (0, [f"pass/submission.yaml: PASS: 0 failing findings (0 errors, 0 warnings, 0 notes); {VERDICTS_ALL_MET}"], "")


def test_failing_findings_exit_1_each_at_line_and_column(cases):
    assert run("fail/submission.yaml") == (1, FAIL_LINES, "")


def test_a_warning_passes_but_fails_with_strict(cases):
    assert run("warn/submission.yaml") == (0, [
        WARNING.format(level="warning"),
        f"warn/submission.yaml: PASS: 0 failing findings (0 errors, 1 warning, 0 notes); {VERDICTS_ALL_MET}",
    ], "")
    assert run("--strict", "warn/submission.yaml") == (1, [
        WARNING.format(level="error"),
        f"warn/submission.yaml: FAIL: 1 failing finding (0 errors, 1 warning, 0 notes); {VERDICTS_ALL_MET}",
    ], "")


def test_invalid_input_exits_2_with_the_problem(cases):
    assert run("invalid/submission.yaml") == (2, [
        'invalid/submission.yaml:5:19: error: \'Yess\' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]',
        "invalid/submission.yaml: INVALID: 1 input problem",
    ], "")


def test_tolerance_changes_the_verdict(tmp_path, monkeypatch):
    import shutil
    from tests.ci_cases import GOLDEN

    monkeypatch.chdir(tmp_path)
    shutil.copytree(GOLDEN / "contradicted-figures", "figures")
    code, lines, _ = run("figures/submission.yaml")
    assert code == 1
    assert "below the 95.0% tolerance [timeliness-below-tolerance]" in lines[0]
    code, lines, _ = run("--tolerance", "40", "figures/submission.yaml")
    assert (code, lines[-1].split(":")[1]) == (0, " PASS")


@pytest.mark.parametrize("names, expected", [
    (("pass", "warn"), 0),
    (("pass", "fail"), 1),
    (("pass", "fail", "invalid"), 2),
    (("invalid", "pass"), 2),
])
def test_batch_exit_code_is_the_worst_file(tmp_path, monkeypatch, names, expected):
    monkeypatch.chdir(tmp_path)
    for name in names:
        make_case(tmp_path / "subs", name)
    code, lines, _ = run("subs")
    assert code == expected
    assert lines[0].split() == ["File", "Landlord", "Period", "Code", "Met", "Not", "met", "Contra.", "Unsupp.",
                                "Unansw.", "N/A", "Failing", "Status"]
    assert [line.split()[0] for line in lines[1:1 + len(names)]] == [f"subs/{n}/submission.yaml" for n in sorted(names)]


def test_batch_table_and_totals(cases):
    code, lines, _ = run(".")
    assert code == 2
    assert lines == [
        "File                     Landlord                    Period   Code      Met  Not met  Contra.  Unsupp.  Unansw.  N/A  Failing  Status",
        "fail/submission.yaml     Golden Homes (declared-no)  2024-25  hos-2024   67        5        0        0        0    0        4  FAIL",
        "invalid/submission.yaml  -                           -        -           -        -        -        -        -    -        -  INVALID",
        "pass/submission.yaml     Golden Homes (all-met)      2024-25  hos-2024   72        0        0        0        0    0        0  PASS",
        "warn/submission.yaml     Golden Homes (all-met)      2024-25  hos-2024   72        0        0        0        0    0        0  PASS",
        "",
        'invalid/submission.yaml:5:19: error: \'Yess\' is not an answer chc can read; 6.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]',
        "",
        "4 files: 2 pass, 1 fail, 1 invalid; 4 failing findings, 1 input problem",
    ]


def test_verbose_batch_lists_every_finding(cases):
    code, lines, _ = run("-v", "fail", "warn")
    assert code == 1
    assert lines[4:] == FAIL_LINES[:-1] + [WARNING.format(level="warning"), "", "2 files: 1 pass, 1 fail, 0 invalid; 4 failing findings, 0 input problems"]


def test_folder_search_rule(tmp_path, monkeypatch):
    """*.yaml and *.yml with a top-level code: key, recursively, hidden files and folders skipped."""
    monkeypatch.chdir(tmp_path)
    found = make_case(tmp_path / "repo" / "2024-25", "pass")
    found.rename(found.with_suffix(".yml"))
    make_case(tmp_path / "repo" / ".github", "invalid")
    (tmp_path / "repo" / "workflow.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (tmp_path / "repo" / "mapping.yml").write_text("columns:\n  code: Case Ref\n", encoding="utf-8")  # code: not at the top level
    (tmp_path / "repo" / ".hidden.yaml").write_text("code: hos-2024\n", encoding="utf-8")
    code, lines, _ = run("repo")
    assert (code, lines[-1]) == (0, "repo/2024-25/pass/submission.yml: PASS: 0 failing findings (0 errors, 0 warnings, 0 notes); " + VERDICTS_ALL_MET)


def test_a_file_named_explicitly_is_always_validated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "workflow.yaml").write_text("on: push\n", encoding="utf-8")
    code, lines, _ = run("workflow.yaml")
    assert code == 2
    assert lines == [
        "workflow.yaml:1:1: error: the document: missing required key 'code' [schema]",
        "workflow.yaml:1:1: error: the document: unknown key 'on'; expected one of: code, landlord, period, prepared, governance, policy, case_log, settings, metrics, annual_report, answers [unknown-key]",
        "workflow.yaml: INVALID: 2 input problems",
    ]


def test_missing_paths_and_empty_folders_are_invalid(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    make_case(tmp_path, "pass")
    assert run("nowhere.yaml", "empty", "pass/submission.yaml") == (2, [
        "File                  Landlord                Period   Code      Met  Not met  Contra.  Unsupp.  Unansw.  N/A  Failing  Status",
        "nowhere.yaml          -                       -        -           -        -        -        -        -    -        -  INVALID",
        "empty                 -                       -        -           -        -        -        -        -    -        -  INVALID",
        "pass/submission.yaml  Golden Homes (all-met)  2024-25  hos-2024   72        0        0        0        0    0        0  PASS",
        "",
        "nowhere.yaml: error: no such file or folder [not-found]",
        "empty: error: no submission found in this folder (a *.yaml or *.yml file with a top-level 'code:' key) [no-submissions]",
        "",
        "3 files: 1 pass, 0 fail, 2 invalid; 0 failing findings, 2 input problems",
    ], "")


def test_a_file_given_twice_is_validated_once(cases):
    code, lines, _ = run("pass/submission.yaml", "pass", "./pass/submission.yaml")
    assert (code, len(lines)) == (0, 1)


def test_characters_yaml_forbids_and_bad_merge_keys_are_input_problems(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bell.yaml").write_text('code: hos-2024\nlandlord: {name: "A\x07B"}\n', encoding="utf-8")
    (tmp_path / "merge.yaml").write_text("code: hos-2024\nx-a: &a 1\nx-b: {<<: *a}\n", encoding="utf-8")
    code, lines, _ = run("bell.yaml", "merge.yaml")
    assert code == 2
    assert lines[-4:-1] == [
        "bell.yaml:2:20: error: the character U+0007 (a control character or other non-printable one) is not allowed in YAML; delete it or retype the text around it [encoding]",
        "merge.yaml:2:6: error: a merge key (<<) must be followed by an alias of a mapping (<<: *name) or a list of them [bad-merge]",
        "",
    ]


@pytest.mark.parametrize("args", [[], ["--format", "xml", "x.yaml"], ["--jobs", "-1", "x.yaml"], ["--tolerance", "101", "x.yaml"]])
def test_usage_errors_exit_2(args):
    result = CliRunner().invoke(cli, ["validate", *args])
    assert result.exit_code == 2
    assert "Usage: chc validate" in result.stderr or "Usage:" in result.output


def test_output_file_holds_the_report_and_the_exit_code_still_tells(cases):
    result = CliRunner().invoke(cli, ["validate", "fail/submission.yaml", "--format", "json", "-o", "out/report.json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "wrote out/report.json\n"
    import json
    from pathlib import Path

    assert json.loads(Path("out/report.json").read_text(encoding="utf-8"))["summary"]["failed"] == 1


def test_no_progress_bar_when_not_on_a_terminal(cases):
    result = CliRunner().invoke(cli, ["validate", "."])
    assert result.stderr == ""


def test_findings_name_the_file_as_given_even_for_the_bundled_example():
    from checker.assess import example_path

    given = str(example_path())
    code, lines, _ = run(given)
    assert code == 1
    assert all(line.startswith(given + ":") for line in lines)
