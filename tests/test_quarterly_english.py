"""`chc quarterly` for an English landlord: by stage, CH01 and CH02 for the quarter, outcomes, categories.

The fixture (tests/data/quarterly-english) is eight complaints worked by hand, in working days of
England and Wales (bank holidays 6 and 27 May 2024; Good Friday and Easter Monday 2024):
- Q-1 stage 1, acknowledged 9 April, answered 19 April: 8 days from acknowledgement, in time; 9 from receipt.
- Q-2 stage 1, acknowledged 16 April, answered 10 May: 17 days, late (no extension); 18 from receipt.
- Q-3 stage 1, acknowledged 2 May; extension told on 10 May (day 5) to 24 May (day 15, within 10 + 10);
  answered 23 May: within the extension; 15 from receipt.
- Q-4 stage 1, received 20 June, still open. Q-8 stage 1, received 22 April, withdrawn.
- Q-5 stage 2, escalated and acknowledged 13/14 May, answered 7 June: 17 days, in time; 18 from escalation.
- Q-6 received 25 March (last year), answered 5 April: a Q1 response, not a Q1 receipt; 7 days from receipt.
- Q-7 is in Q2 and must not appear in Q1.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli

HERE = Path(__file__).parent
SUB = HERE / "data" / "quarterly-english" / "submission.yaml"
NORTHMOOR = HERE.parent / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def summary(quarter="Q1", sub=SUB):
    result = run("quarterly", sub, "--quarter", quarter, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_q1_by_stage_exactly():
    q = summary()
    assert q["kind"] == "english"
    assert q["quarter"] == {"id": "Q1", "start": "2024-04-01", "end": "2024-06-30", "label": "April - June 2024"}
    s1, s2 = q["stages"]
    picked = ("received", "withdrawn", "responded", "on_time", "on_time_with_extension", "late", "pct_in_time", "mean_working_days", "median_working_days")
    # received: Q-1, 2, 3, 4, 8 (not Q-6, received in March; not Q-7, in July)
    # responded: Q-1, 2, 3 and Q-6; mean of 9, 18, 15, 7 waited = 12.25, shown 12.3
    assert {k: s1[k] for k in picked} == {"received": 5, "withdrawn": 1, "responded": 4, "on_time": 2, "on_time_with_extension": 1,
                                         "late": 1, "pct_in_time": 75.0, "mean_working_days": 12.3, "median_working_days": 12.0}
    assert {k: s2[k] for k in picked} == {"received": 1, "withdrawn": 0, "responded": 1, "on_time": 1, "on_time_with_extension": 0,
                                         "late": 0, "pct_in_time": 100.0, "mean_working_days": 18.0, "median_working_days": 18.0}


def test_q1_tsm_outcomes_categories():
    q = summary()
    # CH01: stage 1 LCRA Q-1, 3, 4, 8 of 1,000 homes; LCHO Q-2 of 200 homes; stage 2 LCRA Q-5
    assert q["ch01"] == {"lcra": {"stage1": 4.0, "stage2": 1.0}, "lcho": {"stage1": 5.0, "stage2": 0.0}}
    assert q["ch02"] == {"stage1": 75.0, "stage2": 100.0}
    assert q["outcomes"] == [{"label": "Upheld", "counts": [2, 0]}, {"label": "Partly upheld", "counts": [1, 0]},
                             {"label": "Not upheld", "counts": [1, 1]}]
    assert q["categories"] == [{"label": "Repairs", "counts": [3, 1]}, {"label": "Damp and mould", "counts": [1, 0]},
                               {"label": "Estate services", "counts": [1, 0]}]
    assert "Lettings" not in json.dumps(q["categories"])  # Q-6 was received last year
    assert q["you_said_we_did"] == [{"you_said": "Repair visits were booked without asking us.",
                                     "we_did": "Residents now choose a morning or afternoon slot."}]


def test_q2_holds_only_q7():
    q = summary("Q2")
    s1, s2 = q["stages"]
    assert (s1["received"], s1["responded"], s1["on_time"], s1["mean_working_days"]) == (1, 1, 1, 6.0)
    assert (s2["received"], s2["responded"], s2["mean_working_days"]) == (0, 0, None)
    assert q["ch02"] == {"stage1": 100.0, "stage2": None}
    assert q["you_said_we_did"][0]["you_said"] == "Not shown in Q1."


def test_markdown_reads_as_a_board_summary():
    result = run("quarterly", SUB, "--quarter", "Q1", "--format", "md")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# Fenbrook Housing: complaints update, Q1 (April - June 2024)\n")
    for line in ("| Received | 5 | 1 |", "| Responded to | 4 | 1 |", "| In time, no extension | 2 | 1 |",
                 "| Within an agreed extension | 1 | 0 |", "| Late | 1 | 0 |", "| Average working days to respond | 12.3 | 18.0 |",
                 "| Low-cost rental accommodation (LCRA) | 1,000 | 4.0 | 1.0 |", "| 75.0% | 100.0% |",
                 "| Not upheld | 1 | 1 |", "| **All responded to** | **4** | **1** |", "| Repairs | 3 | 1 |"):
        assert line in text, line
    assert "Housing Ombudsman" in text and "SPSO" not in text and "Escalated" not in text


def test_html_has_the_spso_summary_look(tmp_path):
    out = tmp_path / "q1.html"
    result = run("quarterly", SUB, "--quarter", "Q1", "--format", "html", "-o", out)
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<table class="summary">') == 5  # stages, CH01, CH02, outcomes, categories
    assert '<h2 id="stages">Complaints by stage</h2>' in page
    assert "CH01 needs the number of homes" not in page


def test_without_homes_ch01_says_why(tmp_path):
    text = SUB.read_text(encoding="utf-8").replace("  homes: {lcra: 1000, lcho: 200}\n", "")
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "caselog.csv").write_bytes((SUB.parent / "caselog.csv").read_bytes())
    q = summary(sub=tmp_path / "submission.yaml")
    assert q["ch01"] == {"lcra": {"stage1": None, "stage2": None}, "lcho": {"stage1": None, "stage2": None}}
    md = run("quarterly", tmp_path / "submission.yaml", "--quarter", "Q1", "--format", "md").stdout
    assert "CH01 needs the number of homes owned (landlord.homes in the submission)." in md


def test_the_bundled_example_q3():
    q = summary("Q3", NORTHMOOR)
    s1, s2 = q["stages"]
    assert (s1["received"], s1["responded"], s1["on_time"], s1["on_time_with_extension"], s1["late"]) == (105, 107, 50, 10, 47)
    assert (s2["received"], s2["responded"], s2["on_time"], s2["on_time_with_extension"], s2["late"]) == (19, 20, 15, 1, 4)
    assert q["ch02"] == {"stage1": 56.1, "stage2": 80.0}


def test_byte_identical_runs(tmp_path):
    for fmt in ("md", "html", "json"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert run("quarterly", SUB, "--quarter", "Q1", "--format", fmt, "-o", a).exit_code == 0
        assert run("quarterly", SUB, "--quarter", "Q1", "--format", fmt, "-o", b).exit_code == 0
        assert a.read_bytes() == b.read_bytes()
