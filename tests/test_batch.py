"""Batch validation over a folder of generated submissions (the benchmark's generator, 20 files)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmarks.bench_validate import generate
from checker.batch import Target, discover, exit_code, validate_all, validate_file
from checker.cli import cli
from checker.render import ci

KINDS = ["clean", "declared", "contradicted", "broken", "clean"]
EXPECTED = [  # (status, failing rules or the input problem's rule), file by file
    ("pass", []), ("pass", []), ("fail", ["policy-exceeds-code"]), ("invalid", ["syntax"]), ("pass", []),
    ("pass", []), ("fail", ["target-date-passed"]), ("fail", ["policy-exceeds-code"]), ("invalid", ["answer-not-recognised"]), ("pass", []),
    ("pass", []), ("pass", []), ("fail", ["timeliness-below-tolerance"]), ("invalid", ["unknown-provision"]), ("pass", []),
    ("pass", []), ("pass", []), ("fail", ["timeliness-below-tolerance"]), ("invalid", ["bad-period"]), ("pass", []),
]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    made = generate(root, 20, kinds=KINDS)
    return root, made


def observed(outcomes):
    out = []
    for o in outcomes:
        if o.result is None:
            out.append((o.status, [p.rule for p in o.problems]))
        else:
            strict = o.result["settings"]["strict"]
            out.append((o.status, [f["rule"] for f in ci.findings(o.result) if ci.fails(f, strict)]))
    return out


def test_every_file_judged_in_order_and_one_bad_file_stops_nothing(batch):
    root, made = batch
    targets = discover([root])
    assert [t.path for t in targets] == [str(p) for p, _ in made]
    outcomes = validate_all(targets)
    assert observed(outcomes) == EXPECTED
    assert exit_code(outcomes) == 2


def test_a_pool_of_workers_gives_the_same_outcomes_in_the_same_order(batch):
    root, _ = batch
    targets = discover([root])
    one = validate_all(targets, jobs=1)
    two = validate_all(targets, jobs=2)
    assert ci.render_json(one) == ci.render_json(two)
    assert ci.render_text(one) == ci.render_text(two)


def test_progress_is_reported_after_each_file(batch):
    root, _ = batch
    seen = []
    validate_all(discover([root])[:4], progress=seen.append)
    assert seen == [0.25, 0.5, 0.75, 1.0]


def test_json_summary_of_the_batch(batch, monkeypatch):
    root, _ = batch
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["validate", ".", "--format", "json", "--summary-only", "--jobs", "2"])
    assert result.exit_code == 2
    doc = json.loads(result.stdout)
    assert doc["summary"] == {"files": 20, "passed": 11, "failed": 5, "invalid": 4, "failing_findings": 5, "input_problems": 4, "exit_code": 2}
    first = doc["files"][2]
    assert {k: first[k] for k in ("file", "status", "code", "period", "failing")} == {
        "file": "landlord-0003/submission.yaml", "status": "fail", "code": "hos-2024", "period": "2023-24", "failing": 1}
    assert first["landlord"].endswith(" 0003")


def test_summary_table_has_one_row_per_file(batch, monkeypatch):
    root, _ = batch
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["validate", "."])
    lines = result.stdout.splitlines()
    assert result.exit_code == 2
    assert [line.split()[0] for line in lines[1:21]] == [f"landlord-{i:04d}/submission.yaml" for i in range(1, 21)]
    assert [line.split()[-1] for line in lines[1:21]] == [s.upper() for s, _ in EXPECTED]
    assert lines[-1] == "20 files: 11 pass, 5 fail, 4 invalid; 5 failing findings, 4 input problems"


def test_an_unexpected_error_in_one_file_is_reported_not_raised(monkeypatch, batch):
    root, made = batch
    import checker.assess

    def boom(path, **overrides):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(checker.assess, "assess", boom)
    outcome = validate_file(Target(str(made[0][0])))
    assert outcome.status == "invalid"
    assert [(p.rule, p.message) for p in outcome.problems] == [
        ("internal-error", "chc could not check this file (ZeroDivisionError: division by zero); please report this as a chc bug")]
    assert exit_code([outcome]) == 3  # a bug in chc is exit 3, never read as an invalid or failing file


def test_code_loading_and_schema_validators_are_cached():
    from checker.codes import load_code
    from checker.validation import _validator

    assert load_code("hos-2024") is load_code("hos-2024")
    assert _validator("submission.schema.json") is _validator("submission.schema.json")
