"""The canonical result: its schema, and the facts it carries for a golden case."""

from __future__ import annotations

from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from checker.assess import assess
from checker.result import build_result
from checker.validation import load_schema

GOLDEN = Path(__file__).parent / "golden"


def test_result_matches_its_schema_for_every_golden_case():
    validator = Draft202012Validator(load_schema("result.schema.json"))
    checked = 0
    for case in sorted(GOLDEN.iterdir()):
        if (case / "submission.yaml").is_file():
            if yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["exit"] == 2:
                continue  # refused as input: there is no result (test_golden fixes the problems)
            result = build_result(assess(case / "submission.yaml"))
            assert list(validator.iter_errors(result)) == [], case.name
            checked += 1
    assert checked >= 20


def test_contradiction_carries_figure_and_tolerance():
    result = build_result(assess(GOLDEN / "contradicted-figures" / "submission.yaml"))
    row = next(p for p in result["provisions"] if p["id"] == "6.3")
    assert row["answer"] == "yes"
    assert row["verdict"] == "contradicted"
    (finding,) = row["findings"]
    assert finding["rule"] == "timeliness-below-tolerance"
    assert finding["details"] == {"figure_pct": 48.6, "tolerance_pct": 95.0, "source": "stated"}
    assert finding["message"] == (
        "6.3 is answered yes, but the submission states 48.6% of stage 1 complaints responded to in time, below the 95.0% tolerance"
    )
    assert len(result["provisions"]) == 72
    assert result["summary"]["verdicts"] == {"met": 70, "not-met": 0, "contradicted": 2, "unsupported": 0, "unanswered": 0, "not-applicable": 0}


def test_tolerance_is_a_setting():
    evaluation = assess(GOLDEN / "contradicted-figures" / "submission.yaml", timeliness_tolerance_pct=45)
    assert evaluation.verdict_counts()["contradicted"] == 0
    assert build_result(evaluation)["settings"]["timeliness_tolerance_pct"] == 45
