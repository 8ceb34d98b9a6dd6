"""The bundled Northmoor Homes example: valid, complete, and carrying the contradiction it is meant to."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import holidays
import pytest

from checker.validation import validate
from checker.yamlsource import load_yaml_file

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "examples" / "northmoor-2024-25"

FORM_ROWS = (
    [f"1.{i}" for i in range(2, 7)] + [f"2.{i}" for i in range(1, 6)] + [f"3.{i}" for i in range(1, 8)]
    + [f"4.{i}" for i in range(1, 4)] + [f"5.{i}" for i in range(1, 16)] + [f"6.{i}" for i in range(1, 21)]
    + [f"7.{i}" for i in range(1, 5)] + [f"8.{i}" for i in range(1, 6)] + [f"9.{i}" for i in range(1, 9)]
)


@pytest.fixture(scope="module")
def doc():
    return load_yaml_file(EXAMPLE / "submission.yaml")


def test_validates_against_the_schema(doc):
    assert validate(doc, "submission.schema.json") == []


def test_answers_exactly_the_72_form_rows(doc):
    assert len(FORM_ROWS) == 72
    assert list(doc.data["answers"]) == FORM_ROWS


def test_three_declared_gaps_with_plans(doc):
    answers = doc.data["answers"]
    no = {k for k, a in answers.items() if a["comply"] == "no"}
    assert no == {"3.5", "5.10", "9.8"}
    for key in no:
        assert answers[key]["explanation"].strip()
        action = answers[key]["action"]
        assert action["what"].strip() and action["owner"].strip()
        assert action["target_date"] > doc.data["governance"]["governing_body"]["approved"]
    assert all(a["comply"] == "yes" for k, a in answers.items() if k not in no)


def test_6_3_claims_compliance_while_stating_48_6(doc):
    assert doc.data["answers"]["6.3"]["comply"] == "yes"
    assert doc.data["metrics"]["stage1"]["pct_in_time"] == 48.6
    figures = [e for e in doc.data["answers"]["6.3"]["evidence"] if isinstance(e, dict) and "figure" in e]
    assert figures == [{"figure": "stage1.pct_in_time", "value": 48.6, "unit": "%"}]


def test_evidence_paths_exist(doc):
    items = [doc.data["policy"]["document"]]
    items += [e for a in doc.data["answers"].values() for e in a.get("evidence", [])]
    paths = {e["path"] for e in items if isinstance(e, dict) and "path" in e}
    assert paths
    for p in paths | {doc.data["case_log"]["path"]}:
        assert (EXAMPLE / p).is_file(), p


def test_case_log_stage1_in_time_share_is_48_6(doc):
    """An independent recount: working days as a sorted list, deadlines by index."""
    col = doc.data["case_log"]["columns"]
    bank = holidays.UK(subdiv="ENG", years=(2024, 2025))
    days = [dt.date(2024, 1, 1) + dt.timedelta(n) for n in range(800)]
    working = [d for d in days if d.weekday() < 5 and d not in bank]
    index = {d: i for i, d in enumerate(working)}

    def deadline(start: dt.date, n: int) -> dt.date:
        while start not in index:  # a non-working day counts from the next working day
            start += dt.timedelta(1)
        return working[index[start] + n]

    def date(s: str) -> dt.date | None:
        return dt.datetime.strptime(s, "%d/%m/%Y").date() if s else None

    with (EXAMPLE / doc.data["case_log"]["path"]).open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r[col["stage"]] == "1"]
    answered = [r for r in rows if r[col["withdrawn"]] != "Yes" and r[col["responded"]]]
    in_time = 0
    for r in answered:
        due = deadline(date(r[col["acknowledged"]]), 10)
        responded = date(r[col["responded"]])
        notified, revised = date(r[col["extension_notified"]]), date(r[col["extended_due"]])
        extended = notified is not None and notified <= due and revised <= deadline(due, 10)
        in_time += responded <= due or (extended and responded <= revised)
    assert len(rows) == doc.data["metrics"]["stage1"]["received"] == 420
    assert len(answered) == doc.data["metrics"]["stage1"]["responded"] == 405
    assert round(100 * in_time / len(answered), 1) == 48.6
