"""The bundled example, as `chc check` and `chc report` show it: the 6.3 claim is held to the case log."""

from __future__ import annotations

from click.testing import CliRunner

from checker.assess import assess, example_path
from checker.cli import cli
from checker.result import build_result


def test_example_6_3_is_contradicted_by_its_case_log():
    result = build_result(assess(example_path()))
    row = next(p for p in result["provisions"] if p["id"] == "6.3")
    assert (row["answer"], row["verdict"]) == ("yes", "contradicted")
    (finding,) = row["findings"]
    assert finding["details"] == {
        "figure_pct": 48.6, "tolerance_pct": 95.0, "source": "case-log", "late": 208,
        "late_examples": ["NMH-C024313", "NMH-C024316", "NMH-C024318", "NMH-C024320", "NMH-C024322"],
    }
    assert result["summary"]["verdicts"] == {"met": 67, "not-met": 3, "contradicted": 2, "unsupported": 0, "unanswered": 0, "not-applicable": 0}
    assert {p["id"] for p in result["provisions"] if p["verdict"] == "not-met"} == {"3.5", "5.10", "9.8"}
    s1, s2 = result["metrics"]["stage1"], result["metrics"]["stage2"]
    assert (s1["received"], s1["responded"], s1["pct_in_time"], s1["mean_working_days"]) == (420, 405, 48.6, 16.6)
    assert (s2["received"], s2["responded"], s2["pct_in_time"], s2["mean_working_days"]) == (60, 56, 87.5, 19.6)
    assert result["metrics"]["case_log"]["excluded"] == 0


def test_check_with_no_argument_uses_the_example_and_fails_on_its_contradictions():
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert "Northmoor Homes: self-assessment 2024-25 against HOS Code 2024" in result.output
    assert "6.3 is answered yes, but the case log shows 48.6% of stage 1 complaints responded to in time, below the 95.0% tolerance; 208 of 405 replies were late" in result.output
    assert "Result: FAIL: 2 findings fail the submission" in result.output


def test_report_shows_the_figure_beside_the_claim():
    result = CliRunner().invoke(cli, ["report", "--format", "md", "--with-findings"])
    assert result.exit_code == 1
    line = next(l for l in result.output.splitlines() if l.startswith("| 6.3 |"))
    assert "| Yes |" in line
    assert "Contradicted<br>6.3 is answered yes, but the case log shows 48.6% of stage 1 complaints responded to in time" in line


def test_closure_dates_count_the_same_quoted_or_not(tmp_path):
    import shutil

    from checker.assess import assess

    folder = tmp_path / "ex"
    shutil.copytree(example_path().parent, folder)
    original = (folder / "submission.yaml").read_text(encoding="utf-8")
    assert "closures" not in original
    results = []
    for closures in ("[2024-12-27, 2024-12-30]", '["2024-12-27", "2024-12-30"]'):
        text = original.replace("case_log:\n", f"case_log:\n  closures: {closures}\n", 1)
        (folder / "submission.yaml").write_text(text, encoding="utf-8")
        results.append(assess(folder / "submission.yaml").metrics)
    assert results[0] == results[1]
    plain = assess(example_path()).metrics
    assert results[0]["stage1"]["pct_in_time"] != plain["stage1"]["pct_in_time"] or results[0]["stage1"]["mean_working_days"] != plain["stage1"]["mean_working_days"]


def test_extension_claim_is_held_to_the_case_log():
    """6.4 'yes': 79 of the example's 82 stage 1 extensions were valid (96.3%): met at the default 95%
    tolerance, contradicted at 97%."""
    from checker.assess import assess

    met = next(r for r in assess(example_path()).provisions if r.provision.id == "6.4")
    assert (met.verdict, met.findings) == ("met", ())
    strict = next(r for r in assess(example_path(), timeliness_tolerance_pct=97).provisions if r.provision.id == "6.4")
    assert strict.verdict == "contradicted"
    (finding,) = strict.findings
    assert finding.rule == "extensions-below-tolerance"
    assert finding.message == (
        "6.4 is answered yes, but the case log shows 96.3% of stage 1 extensions were valid (notified by the first due "
        "date and within 10 working days), below the 97.0% tolerance; 3 of 82 were not (e.g. NMH-C024482, NMH-C024598, NMH-C024882)"
    )
