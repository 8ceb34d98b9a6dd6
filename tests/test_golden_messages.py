"""Golden cases that also fix their findings' exact words: each folder under tests/golden with a
messages.yaml lists every finding as "severity provision rule: message". To write one for a new
case, run with CHC_WRITE_GOLDEN=1 and review it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from checker.assess import assess

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "messages.yaml").is_file())


@pytest.mark.parametrize("case", CASES)
def test_messages(case):
    evaluation = assess(GOLDEN / case / "submission.yaml")
    got = [f"{f.severity} {f.provision or '-'} {f.rule}: {f.message}" for f in evaluation.all_findings]
    target = GOLDEN / case / "messages.yaml"
    if os.environ.get("CHC_WRITE_GOLDEN"):
        target.write_text(yaml.safe_dump(got, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    assert got == yaml.safe_load(target.read_text(encoding="utf-8"))


def test_cases_with_messages_exist():
    assert len(CASES) >= 7
