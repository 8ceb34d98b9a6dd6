"""Golden submissions: each folder under tests/golden holds a submission and its expected result.

expected.yaml lists the exit code, the verdict counts, every provision whose verdict is not
'met', every finding as "severity provision rule line:column", and the case log's headline figures
when there is one; for a submission refused as input (exit 2), every problem as "place rule:
message", places relative to the case folder. New folders are picked up automatically. To write expected.yaml for a new case, run with CHC_WRITE_GOLDEN=1 and review it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from checker.assess import assess
from checker.problems import InputError
from checker.result import build_result

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "submission.yaml").is_file())


def observed(case: str) -> dict:
    folder = GOLDEN / case
    try:
        evaluation = assess(folder / "submission.yaml")
    except InputError as exc:
        return {"exit": 2, "problems": [f"{p.location} {p.rule}: {p.message}".replace(f"{folder}/", "") for p in exc.problems]}
    result = build_result(evaluation)
    findings = []
    for f in evaluation.all_findings:
        findings.append(f"{f.severity} {f.provision or '-'} {f.rule} {f.location.line}:{f.location.column}")
    return {
        "exit": 0 if result["summary"]["passed"] else 1,
        "verdicts": result["summary"]["verdicts"],
        "not_met": {p["id"]: p["verdict"] for p in result["provisions"] if p["verdict"] != "met"},
        "findings": findings,
        **({"figures": figures(evaluation.metrics)} if evaluation.metrics else {}),
    }


def figures(metrics) -> dict:
    """The counts each stage's verdicts rest on, CH01 and CH02, and how many rows were used."""
    keys = ("received", "responded", "open", "on_time", "late", "pct_acknowledged_in_time", "pct_in_time")
    return {
        "stage1": {k: metrics["stage1"][k] for k in keys},
        "stage2": {k: metrics["stage2"][k] for k in keys},
        "ch01": metrics["ch01"],
        "ch02": metrics["ch02"],
        "rows": {k: metrics["source"][k] for k in ("included", "excluded")},
    }


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    expected_file = GOLDEN / case / "expected.yaml"
    got = observed(case)
    if os.environ.get("CHC_WRITE_GOLDEN"):
        expected_file.write_text(yaml.safe_dump(got, sort_keys=False, allow_unicode=True), encoding="utf-8")
    expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    assert got == expected


def test_every_case_has_expectations():
    assert CASES, "no golden cases found"
    for case in CASES:
        assert (GOLDEN / case / "expected.yaml").is_file(), case
