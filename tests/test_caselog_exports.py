"""Case logs as complaints systems export them (issue 11, and issue 14's date orders and #REF! ids):
spellings read through value maps, N/A response dates read as open, a log dropped in bulk refused,
impossible date orders and error-value ids left out, extension reasons, and a mapping suggested for
a header chc cannot use. Expected outputs are exact; the figures are worked by hand in the comments."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from checker.cli.metrics import metrics as metrics_command

EXPORTS = Path(__file__).parent / "data" / "exports"

SUBMISSION = """\
code: hos-2024
landlord: {name: Test Homes, nation: england, homes: {lcra: 1000, lcho: 100}}
period: {start: 2024-04-01, end: 2025-03-31}
case_log:
  path: caselog.csv
  columns: {id: Ref, received: Received, responded: Responded, acknowledged: Acknowledged}
%s
answers:
  "6.3": {comply: yes, evidence: ["Complaints policy, section 5"]}
"""
TENURE_MAP = "  values:\n    tenure: {General needs: lcra, Supported housing: lcra, Shared ownership: lcho, Leasehold: exclude}"


def run(*args):
    return CliRunner().invoke(metrics_command, [str(a) for a in args])


def folder_with(tmp_path, log: str, values: str = "") -> Path:
    shutil.copy(EXPORTS / log, tmp_path / "caselog.csv")
    sub = tmp_path / "submission.yaml"
    sub.write_text(SUBMISSION % values, encoding="utf-8")
    return sub


def test_tenure_value_map_and_na_response_dates(tmp_path):
    # T1-T5 stage 1 (Stage 1 / Stage One / S1 / Formal stage 1 / 1), T6 stage 2; responses N/A, n/a,
    # -, TBC and blank mean open. LCRA: General needs and Supported housing (T1, T2, T5; stage 2: T6);
    # LCHO: Shared ownership (T3); Leasehold (T4) is in neither. T1: received Mon 3 Mar 2025,
    # acknowledged Tue 4 Mar, answered Mon 10 Mar: 4 working days from the acknowledgement (on time),
    # 5 from receipt (waited).
    result = run("--submission", folder_with(tmp_path, "tenure-map.csv", TENURE_MAP), "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    s1 = data["stage1"]
    assert (s1["received"], s1["responded"], s1["open"], s1["on_time"], s1["late"]) == (5, 1, 4, 1, 0)
    assert s1["mean_working_days"] == 5.0
    assert data["stage2"]["received"] == 1 and data["stage2"]["open"] == 1
    assert data["ch01"] == {"lcra": {"stage1": 3.0, "stage2": 1.0}, "lcho": {"stage1": 10.0, "stage2": 0.0}}
    assert data["ch02_by_tenure"] == {"lcra": {"stage1": 100.0, "stage2": None}, "lcho": {"stage1": None, "stage2": None}}
    assert data["source"]["excluded"] == 0 and data["source"]["included"] == 6
    # Stage and Tenure were used by their names, not by the mapping: the result says so.
    assert data["source"]["columns_found_by_name"] == {"stage": "Stage", "tenure": "Tenure"}


def test_the_same_log_without_the_map_reports_each_spelling_once(tmp_path):
    # Five of six rows left out: within the allowance of 5 rows, so figures with warnings.
    result = run("--submission", folder_with(tmp_path, "tenure-map.csv"))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"{tmp_path}/caselog.csv:2:6: warning: unknown tenure 'General needs'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank (3 rows: 2, 6, 7); map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]",
        f"{tmp_path}/caselog.csv:3:6: warning: unknown tenure 'Supported housing'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank; map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]",
        f"{tmp_path}/caselog.csv:5:6: warning: unknown tenure 'Leasehold'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank; map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]",
        "warning: 5 of 6 rows left out (bad-tenure 5)",
    ]


def test_a_log_mostly_left_out_is_refused_with_no_figures(tmp_path):
    # 119 of 120 rows hold "General needs" or "Supported housing" and the submission maps neither.
    result = run("--submission", folder_with(tmp_path, "mostly-excluded.csv"))
    assert result.exit_code == 2
    assert result.stdout == ""
    log = f"{tmp_path}/caselog.csv"
    # Refused: the summary, then each value not in the map once, with its count and first rows.
    assert result.stderr.splitlines() == [
        f"{log}: error: 119 of 120 rows (99.2%) cannot be used, more than the 2% allowed (setting max_excluded_pct), so no figures were computed. "
        "Top reasons: bad-tenure 119 (2 values not in the map, each reported with its rows). "
        "Fix the export, or map its columns and values (case_log.columns, case_log.values) [case-log-rows-excluded]",
        f"{log}:2:6: error: unknown tenure 'General needs'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank (80 rows: 2, 3, 5, 6, 8 and 75 more); map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]",
        f"{log}:4:6: error: unknown tenure 'Supported housing'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank (39 rows: 4, 7, 10, 13, 16 and 34 more); map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]",
    ]
    # Mapped, the same log gives figures: nothing left out.
    mapped = run("--submission", folder_with(tmp_path, "mostly-excluded.csv", TENURE_MAP), "--format", "json")
    assert mapped.exit_code == 0
    assert json.loads(mapped.stdout)["stage1"]["received"] == 120
    # A higher allowance is a setting.
    allowed = run("--submission", folder_with(tmp_path, "mostly-excluded.csv"), "--max-excluded-pct", "100", "--format", "json")
    assert allowed.exit_code == 0 and json.loads(allowed.stdout)["stage1"]["received"] == 1


def test_check_refuses_the_mostly_excluded_log_as_an_input_problem(tmp_path):
    from checker.cli import cli

    sub = folder_with(tmp_path, "mostly-excluded.csv")
    result = CliRunner().invoke(cli, ["check", str(sub)])
    assert result.exit_code == 2
    assert "[case-log-rows-excluded]" in result.stderr and "Traceback" not in result.output



def test_a_refusal_with_many_unmapped_values_says_which_it_shows(tmp_path):
    # 25 tenures no map knows, one row each: the refusal lists the first 20 and says so.
    rows = "".join(f"U{i:02d},1,03/03/2025,04/03/2025,10/03/2025,Scheme {i:02d}\n" for i in range(25))
    (tmp_path / "caselog.csv").write_text("Ref,Stage,Received,Acknowledged,Responded,Tenure\n" + rows, encoding="utf-8")
    (tmp_path / "submission.yaml").write_text(SUBMISSION % "", encoding="utf-8")
    result = run("--submission", tmp_path / "submission.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 21
    assert "Top reasons: bad-tenure 25 (25 values not in the map, the first 20 reported with their rows)." in lines[0]
    assert lines[1] == (f"{tmp_path}/caselog.csv:2:6: error: unknown tenure 'Scheme 00'; expected LCRA (low-cost rental) or LCHO "
                        "(low-cost home ownership), or blank; map the value under case_log.values.tenure (to lcra, lcho or exclude) [bad-tenure]")
    assert "'Scheme 19'" in lines[20] and "Scheme 20" not in result.stderr

def test_impossible_date_orders_and_error_ids_are_bad_rows():
    # D1's extension (notified 1 Jan, due 1 Feb) is before its receipt (10 Apr): a bad row, never a
    # valid extension. D2's stage 2 row: escalation a year before its receipt, and before the stage 1
    # response. D3 answered before it was acknowledged. #REF! is a broken cell, not an id.
    result = run(EXPORTS / "date-orders.csv", "--format", "json")
    assert result.exit_code == 0
    name = str(EXPORTS / "date-orders.csv")
    assert result.stderr.splitlines() == [
        f"{name}:2:6: warning: extension notified 2024-01-01 is before received 2024-04-10; the extension is not counted as valid [extension-before-received]",
        f"{name}:2:7: warning: extended due date 2024-02-01 is before received 2024-04-10 [extended-due-before-received]",
        f"{name}:4:8: warning: escalation requested 2024-04-10 is before the stage 1 response (2024-04-19) [escalation-before-stage1-response]",
        f"{name}:4:8: warning: escalation requested 2024-04-10 is more than 30 days before the stage 2 receipt (2025-04-10); is either date mistyped? [escalation-long-before-received]",
        f"{name}:5:5: warning: responded 2024-04-11 is before acknowledged 2024-04-12 [responded-before-acknowledged]",
        f"{name}:7:1: warning: the complaint id is the spreadsheet error #REF! (a broken formula or reference), not an id; fix the cell in the export [error-value]",
        "warning: 4 of 6 rows left out (error-value 1, escalation-before-stage1-response 1, extension-before-received 1, responded-before-acknowledged 1)",
    ]
    data = json.loads(result.stdout)
    assert (data["stage1"]["received"], data["stage1"]["extensions"], data["stage2"]["received"]) == (2, 0, 0)


def test_extension_beyond_the_cap_is_valid_only_with_a_reason():
    # Received Mon 3 Mar 2025, acknowledged Tue 4 Mar: due Tue 18 Mar; the 10-day cap ends Tue 1 Apr.
    # R1 and R2 run to 8 Apr (beyond the cap), R1 with a reason recorded; R3 ends within the cap.
    result = run(EXPORTS / "extension-reasons.csv", "--format", "json")
    assert result.exit_code == 0
    s1 = json.loads(result.stdout)["stage1"]
    assert (s1["extensions"], s1["extensions_valid"], s1["on_time_with_extension"], s1["late"]) == (3, 2, 2, 1)
    assert (s1["extensions_over_cap_with_reason"], s1["extensions_over_cap_without_reason"]) == (1, 1)
    assert s1["invalid_extension_examples"] == ["R2"]
    text = run(EXPORTS / "extension-reasons.csv")
    assert "Extensions beyond the cap: stage 1: 1 with a reason recorded (valid), 1 without (not valid)" in text.stdout


def test_unknown_columns_get_a_mapping_to_paste(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("Case Ref,Stage,Date Logged,Date Closed,Service Area,Notes\nC1,1,03/03/2025,10/03/2025,Repairs,x\n", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[2:] == [
        "A mapping guessed from the header, to check and paste into the submission (then run chc metrics --submission SUBMISSION):",
        "case_log:",
        "  columns:",
        "    id: Case Ref",
        "    stage: Stage",
        "    received: Date Logged",
        "    responded: Date Closed",
        "    category: Service Area",
        'or on the command line: --column id="Case Ref" --column received="Date Logged" --column responded="Date Closed" --column category="Service Area"',
    ]
    pasted = run(path, "--column", "id=Case Ref", "--column", "received=Date Logged", "--column", "responded=Date Closed")
    assert pasted.exit_code == 0


def test_the_bundled_example_from_its_submission():
    example = Path(__file__).parent.parent / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"
    result = run("--submission", example, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["ch02"]["stage1"], data["ch02"]["stage2"]) == (48.6, 87.5)
    assert data["escalation_rate"] == {"numerator": 60, "denominator": 420, "pct": 14.3}


def test_bad_value_maps_are_located(tmp_path):
    sub = folder_with(tmp_path, "tenure-map.csv", "  values:\n    tenure: {General needs: social}\n    colour: {Red: lcra}")
    result = run("--submission", sub)
    assert result.exit_code == 2
    assert "[schema]" in result.stderr and "Traceback" not in result.output


def test_a_case_log_shared_by_submissions_is_read_once_per_process(tmp_path, monkeypatch):
    from checker import assess as assess_module
    from checker.caselog import reader

    calls = []
    real = reader.read_caselog
    monkeypatch.setattr(reader, "read_caselog", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    monkeypatch.setattr(assess_module, "_CASE_LOGS", type(assess_module._CASE_LOGS)())
    sub = folder_with(tmp_path, "tenure-map.csv", TENURE_MAP)
    twin = tmp_path / "twin.yaml"
    twin.write_text(sub.read_text(encoding="utf-8").replace("Test Homes", "Twin Homes"), encoding="utf-8")
    first = assess_module.assess(sub)
    second = assess_module.assess(twin)
    assert len(calls) == 1  # the same bytes and the same maps: read once
    assert first.metrics["stage1"] == second.metrics["stage1"]
    (tmp_path / "caselog.csv").write_text((EXPORTS / "tenure-map.csv").read_text(encoding="utf-8") + "T7,1,04/03/2025,,,General needs\n", encoding="utf-8")
    assert assess_module.assess(sub).metrics["stage1"]["received"] == 6 and len(calls) == 2  # changed bytes: read again


def test_a_mapping_is_suggested_for_an_export_with_a_title_row(tmp_path):
    """Exports often put a title line above the header; the header is still found by its column
    names (ours and their common spellings), and the suggested mapping comes from it."""
    path = tmp_path / "export.csv"
    path.write_text(
        "Complaints report - exported 05/04/2025 08:12\n"
        "Reference,Complaint Stage,Date Received,Date Responded,Tenure Type\n"
        "CMP-1,Stage One,01/04/2024,15/04/2024,LCRA\n", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[0] == (f"{path}:2:1: error: the required column 'id' is not in the header; map it to one of the file's "
                        "columns ('Reference', 'Complaint Stage', 'Date Received', 'Date Responded', 'Tenure Type') [missing-column]")
    start = lines.index("case_log:")
    assert lines[start:start + 7] == [
        "case_log:",
        "  columns:",
        "    id: Reference",
        "    stage: Complaint Stage",
        "    received: Date Received",
        "    responded: Date Responded",
        "    tenure: Tenure Type",
    ]


def test_every_date_order_rule_names_its_column_and_both_dates():
    import datetime as dt

    from checker.caselog.reader import ORDER_MESSAGES, _order_message

    d = {"received": dt.date(2024, 4, 10), "acknowledged": dt.date(2024, 4, 9), "responded": dt.date(2024, 4, 8),
         "extension_notified": dt.date(2024, 4, 7), "extended_due": dt.date(2024, 4, 6),
         "escalation_requested": dt.date(2024, 4, 5)}
    got = {rule: _order_message(rule, d, dt.date(2024, 4, 20)) for rule in ORDER_MESSAGES}
    assert got == {
        "acknowledged-before-received": ("acknowledged", "acknowledged 2024-04-09 is before received 2024-04-10"),
        "responded-before-received": ("responded", "responded 2024-04-08 is before received 2024-04-10"),
        "responded-before-acknowledged": ("responded", "responded 2024-04-08 is before acknowledged 2024-04-09"),
        "extension-before-received": ("extension_notified", "extension notified 2024-04-07 is before received 2024-04-10; "
                                                            "the extension is not counted as valid"),
        "extended-due-before-received": ("extended_due", "extended due date 2024-04-06 is before received 2024-04-10"),
        "extended-due-before-notified": ("extended_due", "extended due date 2024-04-06 is before the extension was notified (2024-04-07)"),
        "escalation-before-stage1-response": ("escalation_requested", "escalation requested 2024-04-05 is before the stage 1 response (2024-04-20)"),
        "escalation-after-response": ("escalation_requested", "escalation requested 2024-04-05 is after the stage 2 response (2024-04-08)"),
        "escalation-long-before-received": ("escalation_requested", "escalation requested 2024-04-05 is more than 30 days before "
                                                                    "the stage 2 receipt (2024-04-10); is either date mistyped?"),
    }
