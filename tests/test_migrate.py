"""`chc migrate`: last year's answers carried to the provisions they map to, flagged for review.

The 2022 round uses tests/golden/hos2022-migration/submission.yaml (itself a golden evaluation
case); its expected output is `migrated-hos-2024.yaml` beside it (rewrite with CHC_WRITE_GOLDEN=1
and review the diff). The 2020 round uses the bundled hos-2020 example.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.assess import assess
from checker.cli import cli
from checker.codes import load_code
from checker.intake.migrate import counterparts, migrate, parse_period
from checker.intake.submission import load_submission

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "tests" / "golden" / "hos2022-migration"
SOURCE_2022 = CASE / "submission.yaml"
EXPECTED_2022 = CASE / "migrated-hos-2024.yaml"
SOURCE_2020 = ROOT / "evidence" / "examples" / "ashcombe-2020-21" / "submission.yaml"

CARRIED_2022 = {
    "1.2": (["1.2"], "yes"), "1.3": (["1.3", "1.6"], "yes"), "1.4": (["1.4"], "yes"), "1.5": (["1.4", "1.6"], "yes"),
    "1.6": (["1.5"], "no"), "2.1": (["1.7"], "yes"), "2.2": (["1.8"], "yes"), "2.3": (["1.8"], "yes"), "2.4": (["1.9"], "yes"),
    "3.1": (["2.1"], "yes"), "3.2": (["2.2"], "yes"), "3.4": (["2.3", "2.4"], "yes"),
    "4.1": (["3.1"], "yes"), "4.2": (["3.3"], "yes"), "4.3": (["3.2", "3.3"], "yes"),
    "5.2": (["4.1"], "yes"), "5.6": (["4.2", "5.10"], "yes"), "5.8": (["3.2", "4.6", "4.7"], "yes"), "5.11": (["5.9"], "no"),
    "6.1": (["1.6"], "yes"), "6.2": (["4.1"], "yes"), "6.3": (["5.1"], "no"), "6.4": (["5.1"], "no"), "6.6": (["5.5"], "yes"),
    "6.7": (["5.6"], "yes"), "6.9": (["5.8"], "yes"), "6.10": (["5.9", "5.11"], "no"), "6.11": (["5.10"], "yes"),
    "6.12": (["5.11"], "yes"), "6.13": (["5.12"], "yes"),
    "7.1": (["6.1"], "yes"), "7.2": (["6.2"], "yes"), "7.3": (["6.5"], "yes"), "7.4": (["6.6"], "yes"),
    "8.1": (["7.2"], "yes"), "9.1": (["6.3"], "yes"), "9.3": (["7.2"], "yes"), "9.4": (["7.5"], "yes"),
    "9.5": (["7.3"], "yes"), "9.6": (["7.3"], "yes"), "9.7": (["7.4"], "yes"),
}
UNANSWERED_2022 = [
    "2.5", "3.3", "3.5", "3.6", "3.7", "5.1", "5.3", "5.4", "5.5", "5.7", "5.9", "5.10", "5.12", "5.13", "5.14", "5.15",
    "6.5", "6.8", "6.14", "6.15", "6.16", "6.17", "6.18", "6.19", "6.20", "8.2", "8.3", "8.4", "8.5", "9.2", "9.8",
]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def round_2022(tmp_path):
    shutil.copy(CASE / "policy.md", tmp_path / "policy.md")
    out, report = tmp_path / "new.yaml", tmp_path / "report.json"
    result = run("migrate", SOURCE_2022, "--to", "hos-2024", "-o", out, "--period", "2024-25", "--report", report)
    assert result.exit_code == 0, result.output
    return out, json.loads(report.read_text(encoding="utf-8"))


def test_2022_round_report_says_what_was_carried_and_what_was_not(round_2022):
    _, report = round_2022
    assert report["from"]["code"] == "hos-2022" and report["from"]["period"] == "2023-24"
    assert report["to"] == {"code": "hos-2024", "period": "2024-25"}
    assert {c["provision"]: (c["from"], c["answer"]) for c in report["carried"]} == CARRIED_2022
    assert report["no_source"] == UNANSWERED_2022
    assert report["no_target"] == []
    assert report["summary"] == {"carried": 41, "carried_with_answer": 41, "no_target": 0, "no_source": 31}
    notes = {c["provision"]: c["notes"] for c in report["carried"] if c["notes"]}
    assert notes == {
        "6.3": ["'partial' became 'no' (hos-2024 has no partial answer); the explanation is kept"],
        "6.4": ["'partial' became 'no' (hos-2024 has no partial answer); the explanation is kept"],
        "6.10": ["the sources disagree (5.9 no, 5.11 yes); carried as 'no'"],
    }
    assert [item["key"] for item in report["left_out"]] == [
        "metrics", "prepared", "governance.governing_body.reviewed", "governance.governing_body.approved",
        "governance.governing_body.response", "governance.publication_url", "governance.annual_report_url",
    ]
    assert report["files_to_check"] == []


def test_2022_round_output_loads_and_every_carried_answer_needs_review(round_2022):
    out, _ = round_2022
    sub = load_submission(out)
    assert sub.code.id == "hos-2024"
    assert (sub.period_start.isoformat(), sub.period_end.isoformat(), sub.period_label) == ("2024-04-01", "2025-03-31", "2024-25")
    assert sub.landlord_name == "Golden Homes (hos-2022)"
    assert sub.policy["complaint_window_months"] == 6 and sub.governance["mrc"]["name"] == "Alex Reid"
    assert "approved" not in sub.governance["governing_body"] and not sub.stated_metrics
    carried = {pid: a for pid, a in sub.answers.items() if a.given}
    assert set(carried) == set(CARRIED_2022)
    for pid, answer in carried.items():
        assert answer.needs_review, pid
        assert answer.carried_from == tuple(f"hos-2022 {s}" for s in CARRIED_2022[pid][0]), pid
        assert answer.comply == CARRIED_2022[pid][1], pid
    for pid in UNANSWERED_2022:
        assert not sub.answers[pid].given
    partial = sub.answers["6.3"]
    assert partial.explanation == "Extensions are agreed by phone but not always confirmed in writing."
    assert partial.action.what == "Confirm every extension in writing within one working day."
    assert partial.action.target_date.isoformat() == "2024-07-31"
    assert partial.evidence[0].path == "policy.md" and partial.evidence[0].section == "3"
    assert partial.commentary == "Replies are mostly on time."
    disagree = sub.answers["6.10"]
    assert disagree.explanation == "From hos-2022 5.9: Requests to escalate made by phone are not always logged."
    assert disagree.commentary == "From hos-2022 5.11: Our policy and practice meet this provision."


def test_2022_round_needs_review_warns_on_every_carried_row(round_2022):
    out, _ = round_2022
    evaluation = assess(out)
    flagged = sorted((f.provision for f in evaluation.all_findings if f.rule == "needs-review"), key=lambda p: tuple(map(int, p.split("."))))
    assert flagged == sorted(CARRIED_2022, key=lambda p: tuple(map(int, p.split("."))))
    first = next(f for f in evaluation.all_findings if f.rule == "needs-review" and f.provision == "6.10")
    assert first.severity == "warning"
    assert first.message == ("6.10 was carried over from an earlier Code version (hos-2022 5.9, hos-2022 5.11) and has not been "
                             "reviewed (remove needs_review once checked)")
    verdicts = evaluation.verdict_counts()
    assert verdicts["unanswered"] == 31 and verdicts["not-met"] == 5


def test_2022_round_is_readable_deterministic_yaml(round_2022, tmp_path):
    out, _ = round_2022
    text = out.read_text(encoding="utf-8")
    if os.environ.get("CHC_WRITE_GOLDEN"):
        EXPECTED_2022.write_text(text, encoding="utf-8")
    assert text == EXPECTED_2022.read_text(encoding="utf-8")
    assert '  "6.10":\n    comply: no\n    needs_review: true\n    carried_from: [hos-2022 5.9, hos-2022 5.11]\n' in text
    assert '  # 6.14: no answered counterpart in hos-2022\n  "6.14": {}\n' in text
    again = tmp_path / "again.yaml"
    assert run("migrate", SOURCE_2022, "--to", "hos-2024", "-o", again, "--period", "2024-25").exit_code == 0
    assert again.read_bytes() == out.read_bytes()


def test_2022_round_text_report_on_stderr(tmp_path):
    result = CliRunner().invoke(cli, ["migrate", str(SOURCE_2022), "--to", "hos-2024", "-o", str(tmp_path / "n.yaml")])
    assert result.exit_code == 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "migrated submission.yaml (hos-2022, 2023-24) to hos-2024 (2023-24)"
    assert lines[1] == "  carried to 41 rows (41 with an answer); each is marked needs_review"
    assert "  6.10 (from 5.9, 5.11): the sources disagree (5.9 no, 5.11 yes); carried as 'no'" in lines
    assert "  evidence file not found beside the new submission: policy.md" in lines
    assert lines[-1] == f"wrote {tmp_path / 'n.yaml'}"
    # the period is kept, so the year's figures and approval stay
    sub = load_submission(tmp_path / "n.yaml")
    assert sub.period_label == "2023-24" and sub.stated_metrics["stage1"]["pct_in_time"] == 96.0
    assert sub.governance["governing_body"]["approved"].isoformat() == "2024-06-18"


def test_links_are_read_from_both_sides():
    links = counterparts(load_code("hos-2022"), load_code("hos-2024"))
    assert links["1.6"] == ("1.3", "1.5", "6.1")  # 6.1 is declared only on the 2024 side
    assert links["5.11"] == ("6.10", "6.12")  # 6.10 is declared only on the 2022 side


def test_2020_round_figures_and_words_are_kept_but_not_turned_into_yes(tmp_path):
    out = tmp_path / "new.yaml"
    report_file = tmp_path / "r.json"
    assert run("migrate", SOURCE_2020, "--to", "hos-2024", "-o", out, "--period", "2021-22", "--report", report_file).exit_code == 0
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert [(i["provision"], i["answer"]) for i in report["no_target"]] == [
        ("3.4", "n/a"), ("3.5", "n/a"), ("5.1", "yes"), ("5.2", "yes"), ("6.2", "yes"), ("8.3", "yes")]
    assert report["summary"] == {"carried": 29, "carried_with_answer": 25, "no_target": 6, "no_source": 43}
    sub = load_submission(out)
    refused = sub.answers["2.4"]  # from 6.3 (a count, 0) and 6.4 (n/a): no yes/no to carry
    assert refused.comply == "" and refused.needs_review
    assert [(e.figure, e.value) for e in refused.evidence if e.figure] == [("hos-2020 6.3", 0.0)]
    assert "hos-2020 6.4 was not applicable: No escalation was refused in 2020/21 (6.3 is 0)." in refused.commentary
    learning = sub.answers["9.1"]  # from 8.1, a written answer
    assert learning.comply == "" and learning.commentary.startswith("hos-2020 8.1 (written answer):\n\n- Service reviews")
    report_row = sub.answers["8.1"]  # from 3.8, 4.5-4.7, 4.10, 6.3, 8.1, 8.2 (figures, a choice, words and a yes)
    assert report_row.comply == "yes"
    assert [(e.figure, e.value, e.unit) for e in report_row.evidence if e.figure] == [
        ("hos-2020 4.5", 81.0, "%"), ("hos-2020 4.6", 19.0, "%"), ("hos-2020 4.7 (a)", 89.0, "%"), ("hos-2020 4.7 (c)", 80.0, "%"),
        ("hos-2020 6.3", 0.0, "")]


@pytest.mark.parametrize("args, message", [
    (["--to", "hos-2022"], "error: the submission is already assessed against hos-2022 [same-code]"),
    (["--to", "spso-2021"], "error: spso-2021 applies in scotland, not england [wrong-jurisdiction]"),
    (["--to", "hos-2099"], "hos-2099: error: unknown Code version 'hos-2099'; known: hos-2020, hos-2022, hos-2024, spso-2021 [unknown-code]"),
])
def test_unusable_targets_exit_2_and_write_nothing(tmp_path, args, message):
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(cli, ["migrate", str(SOURCE_2022), "-o", str(out), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not out.exists()


def test_no_mapping_between_versions(tmp_path):
    result = CliRunner().invoke(cli, ["migrate", str(SOURCE_2020), "--to", "hos-2022", "-o", str(tmp_path / "n.yaml")])
    assert result.exit_code == 2
    assert "error: no provision of hos-2020 maps to hos-2022, or the other way round; there is nothing to carry [no-mapping]" in result.stderr


def test_bad_period_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["migrate", str(SOURCE_2022), "--to", "hos-2024", "-o", str(tmp_path / "n.yaml"), "--period", "2025-27"])
    assert result.exit_code == 2
    assert "'2025-27' is not a year like 2025-26 (April to March)" in result.stderr


def test_parse_period():
    assert [d.isoformat() for d in parse_period("2025-26")] == ["2025-04-01", "2026-03-31"]
    assert [d.isoformat() for d in parse_period("1999-00")] == ["1999-04-01", "2000-03-31"]


def test_library_call_matches_the_command():
    data, report = migrate(load_submission(SOURCE_2022), load_code("hos-2024"), period="2024-25")
    assert list(data) == ["code", "landlord", "period", "governance", "policy", "answers"]
    assert list(data["answers"]) == [p.id for p in load_code("hos-2024").form_rows]
    assert len(report.carried) == 41
