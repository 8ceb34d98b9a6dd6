"""`chc submission-form`: the Ombudsman's annual return, and its deadline at 999, 1,000 and 1,001 homes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.render.submission_form import add_months, deadline

EXAMPLES = Path(__file__).parent.parent / "evidence" / "examples"
NORTHMOOR = EXAMPLES / "northmoor-2024-25"
MARCH = dt.date(2025, 3, 31)
DECEMBER = dt.date(2024, 12, 31)


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.mark.parametrize("homes, year_end, due", [
    (999, MARCH, dt.date(2025, 9, 30)),        # 6 months after 31 March is also 30 September
    (1000, MARCH, dt.date(2025, 9, 30)),
    (1001, MARCH, dt.date(2025, 9, 30)),
    (999, DECEMBER, dt.date(2025, 6, 30)),     # fewer than 1,000: within 6 months of the year end
    (1000, DECEMBER, dt.date(2025, 9, 30)),    # exactly 1,000 counts as '1,000 or more'
    (1001, DECEMBER, dt.date(2025, 9, 30)),
    (999, dt.date(2024, 8, 31), dt.date(2025, 2, 28)),   # a month end stays a month end
    (999, dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
    (5000, dt.date(2025, 9, 30), dt.date(2026, 9, 30)),  # the first 30 September after the year end
    (5000, dt.date(2025, 10, 31), dt.date(2026, 9, 30)),
])
def test_deadline(homes, year_end, due):
    assert deadline(year_end, homes).date == due


def test_deadline_rules_are_stated():
    assert deadline(DECEMBER, 999).rule == "999 homes (fewer than 1,000): within 6 months of the year end (2024-12-31)"
    assert deadline(DECEMBER, 1000).rule == "1,000 homes (1,000 or more): by the first 30 September after the year end (2024-12-31)"
    assert deadline(DECEMBER, None).date is None
    assert add_months(dt.date(2024, 12, 15), 6) == dt.date(2025, 6, 15)


def _example_with(tmp_path: Path, edit) -> Path:
    for f in NORTHMOOR.iterdir():
        if f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    path = tmp_path / "submission.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


@pytest.mark.parametrize("lcra, lcho, due", [(900, 99, "2025-09-30"), (900, 100, "2025-09-30"), (900, 101, "2025-09-30")])
def test_homes_are_lcra_and_lcho_together(tmp_path, lcra, lcho, due):
    path = _example_with(tmp_path, lambda t: t.replace("    lcra: 8412\n    lcho: 603\n", f"    lcra: {lcra}\n    lcho: {lcho}\n")
                         .replace("period:\n  start: 2024-04-01\n  end: 2025-03-31", "period:\n  start: 2024-04-01\n  end: 2025-03-31"))
    form = json.loads(run("submission-form", path, "--format", "json").stdout)
    assert form["deadline"]["homes"] == lcra + lcho
    assert form["deadline"]["date"] == due
    assert form["deadline"]["rule"].startswith(f"{lcra + lcho:,} homes (")


def test_the_bundled_example_as_json():
    result = run("submission-form", NORTHMOOR / "submission.yaml", "--format", "json")
    assert result.exit_code == 0
    form = json.loads(result.stdout)
    assert form["organisation"] | {} == {
        "name": "Northmoor Homes", "type": "housing association", "registration": "L9876 (fictional)", "nation": "england",
        "website": "https://www.northmoorhomes.example/", "homes_lcra": 8412, "homes_lcho": 603, "homes_total": 9015,
        "year_start": "2024-04-01", "year_end": "2025-03-31",
        "member_responsible_for_complaints": "Helen Marsh, Non-executive Board member and Member Responsible for Complaints",
        "governing_body": "Board", "governing_body_approved": "2025-06-17",
    }
    assert [(x["key"], x["url"]) for x in form["links"]] == [
        ("self_assessment", "https://www.northmoorhomes.example/complaints/self-assessment-2024-25"),
        ("annual_report", "https://www.northmoorhomes.example/complaints/annual-report-2024-25"),
        ("governing_body_response", "https://www.northmoorhomes.example/complaints/annual-report-2024-25#board-response"),
    ]
    assert form["deadline"]["date"] == "2025-09-30"
    assert "exactly 1,000 homes is counted with the larger landlords" in form["deadline"]["assumption"]
    provisions = form["provisions"]
    assert len(provisions) == 72
    assert {p["comply"] for p in provisions} == {"Yes", "No"}
    # the answers as given: 6.3 is answered yes (chc finds it contradicted; the form is not chc's verdict)
    assert next(p for p in provisions if p["id"] == "6.3")["comply"] == "Yes"
    assert sorted(p["id"] for p in provisions if p["comply"] == "No") == ["3.5", "5.10", "9.8"]
    assert form["findings"] == []


def test_csv_rows(tmp_path):
    out = tmp_path / "form.csv"
    result = run("submission-form", NORTHMOOR / "submission.yaml", "--format", "csv", "-o", out)
    assert result.exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith("\ufeffPart,Key,Label,Value\r\n".encode("utf-8"))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[1] == ["Organisation", "name", "Landlord name", "Northmoor Homes"]
    assert ["Link", "annual_report", "Annual complaints performance and service improvement report",
            "https://www.northmoorhomes.example/complaints/annual-report-2024-25"] in rows
    assert ["Deadline", "date", "Submit the form by", "2025-09-30"] in rows
    provisions = [r for r in rows if r[0] == "Provision"]
    assert len(provisions) == 72 and provisions[0][1] == "1.2"
    assert [r[3] for r in provisions if r[1] == "5.10"] == ["No"]


def test_a_missing_link_is_a_finding_and_the_file_is_still_written(tmp_path):
    path = _example_with(tmp_path, lambda t: "\n".join(x for x in t.splitlines() if not x.startswith("  annual_report_url:")) + "\n")
    out = tmp_path / "form.json"
    result = run("submission-form", path, "--format", "json", "-o", out)
    assert result.exit_code == 1
    assert ("error: the form asks for a link to the annual complaints performance and service improvement report, "
            "and the submission gives none (governance.annual_report_url) [link-missing]") in result.stderr
    form = json.loads(out.read_text(encoding="utf-8"))
    assert [f["rule"] for f in form["findings"]] == ["link-missing"]
    assert [x["url"] for x in form["links"]][1] == ""


def test_missing_homes_leave_the_deadline_unknown(tmp_path):
    path = _example_with(tmp_path, lambda t: t.replace("  homes:\n    lcra: 8412\n    lcho: 603\n", ""))
    result = run("submission-form", path, "--format", "json")
    assert result.exit_code == 1
    form = json.loads(result.stdout)
    assert form["deadline"]["date"] is None and form["organisation"]["homes_total"] is None
    assert [f["rule"] for f in form["findings"]] == ["homes-missing"]


def test_a_scottish_landlord_is_refused():
    result = run("submission-form", EXAMPLES / "strathkinnell-2024-25" / "submission.yaml")
    assert result.exit_code == 2
    assert "spso-2021 is not a Housing Ombudsman Code [wrong-code]" in result.stderr


def test_byte_identical_runs(tmp_path):
    for fmt in ("csv", "json"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert run("submission-form", NORTHMOOR / "submission.yaml", "--format", fmt, "-o", a).exit_code == 0
        assert run("submission-form", NORTHMOOR / "submission.yaml", "--format", fmt, "-o", b).exit_code == 0
        assert a.read_bytes() == b.read_bytes()


def test_an_older_codes_figure_rows_count_as_answered():
    form = json.loads(run("submission-form", EXAMPLES / "ashcombe-2020-21" / "submission.yaml", "--format", "json").stdout)
    assert {p["comply"] for p in form["provisions"]} == {"Yes", "Not applicable", "Answered with a figure or text"}
    assert sorted(p["id"] for p in form["provisions"] if p["comply"] == "Answered with a figure or text") == ["3.8", "4.10", "4.5", "4.6", "4.7", "6.3", "8.1"]
    assert [f["rule"] for f in form["findings"]] == ["link-missing"]
    assert form["deadline"]["date"] == "2021-09-30"
