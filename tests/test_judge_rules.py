"""The judge's rules that golden cases cannot reach on their own: extensions beyond the cap (read
from metrics the case log will give), the SPSO's uncapped stage 2 extension, unread provisions of
hos-2022, reviewed exceptions in the result, and policy facts on every version."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.caselog.metrics import _Plan
from checker.codes import load_code
from checker.intake.submission import load_submission
from checker.judge.evaluate import evaluate
from checker.problems import InputError
from checker.result import build_result

GOLDEN = Path(__file__).parent / "golden"


def _metrics(stage1: dict) -> dict:
    base = {"received": 100, "responded": 100, "pct_in_time": 100.0, "pct_acknowledged_in_time": 100.0,
            "extensions": 10, "extensions_valid": 10, "pct_extensions_valid": 100.0}
    return {"stage1": {**base, **stage1}, "stage2": base}


def _findings(metrics, pid="6.4"):
    sub = load_submission(GOLDEN / "all-met" / "submission.yaml")
    ev = evaluate(sub, metrics)
    row = next(r for r in ev.provisions if r.provision.id == pid)
    return row, [(f.severity, f.rule, f.message) for f in row.findings]


def test_extension_beyond_cap_without_reason_contradicts():
    row, found = _findings(_metrics({"extensions_over_cap_without_reason": 2, "extensions_over_cap_with_reason": 1}))
    assert row.verdict == "contradicted"
    assert found == [("error", "extension-over-cap-no-reason",
                      "6.4 is answered yes, but the case log shows 2 stage 1 extensions beyond the 10 working-day cap with no reason recorded; "
                      "the Code allows a longer extension only with good reason")]


def test_extension_beyond_cap_with_reason_is_a_note_only():
    row, found = _findings(_metrics({"extensions_over_cap_without_reason": 0, "extensions_over_cap_with_reason": 3}))
    assert row.verdict == "met"
    assert found == [("info", "extension-over-cap-with-reason",
                      "6.4: 3 stage 1 extensions went beyond the 10 working-day cap with a reason recorded, which the Code allows")]


def test_no_over_cap_counts_no_finding():
    row, found = _findings(_metrics({}))
    assert (row.verdict, found) == ("met", [])


def test_spso_stage2_extension_has_no_cap():
    ts = load_code("spso-2021").timescales
    assert ts.stage2.extension_cap_working_days is None and ts.stage2.extension_uncapped
    assert _Plan(ts.stage2).cap >= 10**6  # 'no cap' is no cap, not 'no extension allowed'
    assert _Plan(ts.stage1).cap == 10 and _Plan(ts.stage1).cap_total


def test_hos2024_is_england_only_and_5_14_has_no_guidance_note_element():
    code = load_code("hos-2024")
    assert code.jurisdiction == ("england",)
    assert "review" not in code.provision("5.14").requirement and "reasons" not in code.provision("5.14").requirement
    assert "orders" in code.provision("9.7").items[0].text


def test_hos2022_unread_numbers_are_listed_and_refused_by_name(tmp_path):
    code = load_code("hos-2022")
    assert {"1.1", "4.3", "4.4", "4.5", "5.2", "5.3", "5.4", "5.7", "5.13", "6.4", "7.1"} <= set(code.unread)
    assert not set(code.unread) & {p.id for p in code.provisions}
    (tmp_path / "s.yaml").write_text(
        "code: hos-2022\nlandlord: {name: X, nation: england}\nperiod: {start: 2022-04-01, end: 2023-03-31}\n"
        "answers:\n  \"5.2\": {comply: yes}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_submission(tmp_path / "s.yaml")
    [problem] = err.value.problems
    assert problem.rule == "unread-provision"
    assert str(problem.location).endswith("s.yaml:5:3")
    assert "exists in hos-2022 but chc has not read its wording" in problem.message


def test_reviewed_exception_is_in_the_result_and_never_silent():
    from checker.assess import assess

    result = build_result(assess(GOLDEN / "text-evidence" / "submission.yaml"))
    row = next(p for p in result["provisions"] if p["id"] == "1.5")
    assert row["verdict"] == "met"
    assert row["reviewed"] == [{"rule": "evidence-vague", "by": "Complaints Manager", "on": "2025-05-01",
                                "why": "the policy is two pages long and this is its only subject"}]
    [finding] = row["findings"]
    assert finding["severity"] == "info" and "effect" not in finding
    assert finding["details"]["reviewed"] == {"by": "Complaints Manager", "on": "2025-05-01",
                                              "why": "the policy is two pages long and this is its only subject",
                                              "severity": "warning", "effect": "unsupported"}
    assert next(p for p in result["provisions"] if p["id"] == "1.4")["reviewed"] is None


def test_review_pack_mentions_the_reviewed_exception(tmp_path):
    from click.testing import CliRunner

    from checker.cli import cli

    out = tmp_path / "review.html"
    run = CliRunner().invoke(cli, ["review", str(GOLDEN / "text-evidence" / "submission.yaml"), "-o", str(out)])
    assert run.exit_code in (0, 1), run.output
    html = out.read_text(encoding="utf-8")
    assert "Findings accepted on review" in html
    assert "1.5, rule evidence-vague: accepted by Complaints Manager on 2025-05-01, because the policy is two pages long" in html


@pytest.mark.parametrize("code_id,nation,expected", [
    ("hos-2020", "england", ["warning", "warning"]),
    ("hos-2022", "england", ["error", "error"]),
    ("spso-2021", "scotland", ["warning", "error"]),
])
def test_policy_facts_run_on_every_version(tmp_path, code_id, nation, expected):
    (tmp_path / "s.yaml").write_text(
        f"code: {code_id}\nlandlord: {{name: X, nation: {nation}}}\nperiod: {{start: 2023-04-01, end: 2024-03-31}}\n"
        "policy: {escalation_reason_required: true, pre_stage: true}\nanswers: {}\n", encoding="utf-8")
    ev = evaluate(load_submission(tmp_path / "s.yaml"))
    facts = sorted((f for f in ev.findings if f.rule == "policy-breaks-code"), key=lambda f: f.details["fact"])
    assert [f.details["fact"] for f in facts] == ["escalation-reasons-required", "informal-stage"]
    assert [f.severity for f in facts] == expected
    assert all(f.location.line == 4 for f in facts)


def test_workbook_round_trip_keeps_reviewed_entries_and_figure_basis(tmp_path):
    """A reviewed exception and a figure's basis and scope survive export to XLSX and import back."""
    from click.testing import CliRunner

    from checker.cli import cli

    src = tmp_path / "submission.yaml"
    text = (GOLDEN / "text-evidence" / "submission.yaml").read_text(encoding="utf-8")
    text = text.replace('''    evidence: [TBC]''', '''    evidence:
      - {figure: Stage 1 replies within our own target, value: 91, unit: "%", basis: own-timescales, scope: in-house only}''')
    src.write_text(text, encoding="utf-8")
    (tmp_path / "policy.md").write_text("policy", encoding="utf-8")
    book = tmp_path / "answers.xlsx"
    back = tmp_path / "back.yaml"
    runner = CliRunner()
    exported = runner.invoke(cli, ["workbook", "export", str(src), "-o", str(book)])
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(cli, ["workbook", "import", str(book), "-o", str(back), "--base", str(src)])
    assert imported.exit_code == 0, imported.output
    before, after = load_submission(src), load_submission(back)
    assert after.answers["1.5"].reviewed == before.answers["1.5"].reviewed
    assert [(r.rule, r.by, r.on.isoformat(), r.why) for r in after.answers["4.2"].reviewed] == [("evidence-placeholder", "Complaints Manager", "2025-05-01", "kept from a draft")]
    [item] = after.answers["1.3"].evidence
    assert (item.basis, item.scope, item.value) == ("own-timescales", "in-house only", 91.0)
