"""chc diff: what changed between two years, matched by provision (or through maps_to)."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.codes import load_code
from checker.diff import diff_results, figures, render_diff_text
from publish_data import CURRENT, PREVIOUS, ROOT, check_golden, rel, result_of, with_metrics


@pytest.fixture(scope="module")
def old():
    return result_of(PREVIOUS)


@pytest.fixture(scope="module")
def new():
    return result_of(CURRENT)


@pytest.fixture(scope="module")
def diff(old, new):
    return diff_results(old, new)


def test_changed_provisions_exactly(diff):
    assert diff["comparable"] and diff["matching"] == "same Code version"
    assert [c["id"] for c in diff["provisions"]] == ["1.2", "3.5", "5.10", "6.3", "6.14", "7.1", "7.2", "8.3", "9.6", "9.7", "9.8"]
    assert diff["counts"] == {"changed": 11, "new": 0, "removed": 0, "unchanged": 61}


def test_answers_verdicts_evidence_and_actions(diff):
    by_id = {c["id"]: c for c in diff["provisions"]}
    c = by_id["5.10"]
    assert c["changes"] == ["answer", "verdict", "evidence", "commentary", "action"]
    assert c["answer"] == {"old": "yes", "new": "no"} and c["verdict"] == {"old": "met", "new": "not-met"}
    assert c["action"]["old"] is None
    assert c["action"]["new"] == {"what": "Add review dates to the adjustments register", "owner": "Head of Customer Experience", "target_date": "2025-02-28"}
    assert by_id["9.6"]["verdict"] == {"old": "not-met", "new": "met"}
    assert by_id["6.3"]["changes"] == ["verdict", "evidence", "commentary"]
    assert by_id["6.3"]["evidence"] == {"added": ["Stage 1 responded to in time: 61.5%"], "removed": []}
    assert by_id["9.7"]["answer"] == {"old": "yes", "new": None}
    assert by_id["3.5"]["changes"] == ["commentary", "action"]
    assert by_id["3.5"]["action"]["old"]["target_date"] == "2024-12-31"


def test_verdict_counts_and_figures(diff):
    assert diff["verdicts"]["met"] == {"old": 70, "new": 67, "change": -3}
    assert diff["verdicts"]["contradicted"] == {"old": 0, "new": 1, "change": 1}
    figs = {f["key"]: f for f in diff["figures"]}
    assert figs["stage1.pct_in_time"]["old"] == 97.2 and figs["stage1.pct_in_time"]["new"] == 61.5
    assert figs["stage1.pct_in_time"]["change"] == -35.7
    assert figs["stage1.received"]["change"] == 40
    assert figs["escalation_rate.pct"]["change"] == 2.2
    assert figs["stage2.received"]["change"] == 0
    assert figs["stage1.pct_in_time"]["source"] == {"old": "stated", "new": "stated"}


def test_figures_prefer_the_case_log(new):
    computed = figures(with_metrics(new))
    assert computed["stage1.pct_in_time"] == {"label": "Stage 1 responded in time", "value": 48.6, "unit": "%", "source": "case log"}
    assert computed["ch01.lcra.stage1"]["value"] == 47.3
    assert figures(new)["stage1.pct_in_time"]["source"] == "stated"


def test_text_rendering(diff):
    text = render_diff_text(diff)
    assert "  5.10: answer yes -> no; verdict met -> not-met" in text
    assert "      action: none -> Add review dates to the adjustments register; owner Head of Customer Experience; by 2025-02-28" in text
    assert "  9.7: answer yes -> not answered; verdict met -> unanswered" in text
    assert "  Stage 1 responded in time: 97.2% -> 61.5% (-35.7 points)" in text
    assert "Provisions: 11 changed, 0 new, 0 removed, 61 unchanged (same Code version)" in text
    check_golden("diff-ashdown.txt", text)


def renamed(result: dict, code_id: str, mapping: dict[str, str]) -> dict:
    out = copy.deepcopy(result)
    out["code"]["id"] = code_id
    for p in out["provisions"]:
        p["id"] = mapping.get(p["id"], p["id"])
    return out


def test_versions_matched_through_maps_to(old, new):
    code = load_code("hos-2024")
    assert list(code.provision("1.5").maps_to["hos-2022"]) == ["1.4", "1.6"]
    # last year under the 2022 numbering: each 2022 provision carries the answer of the first
    # 2024 provision that maps to it
    old_2022 = copy.deepcopy(old)
    old_2022["code"]["id"] = "hos-2022"
    old_2022["provisions"] = []
    seen = set()
    for p in copy.deepcopy(old["provisions"]):
        for target in code.provision(p["id"]).maps_to.get("hos-2022", ()):
            if target not in seen:
                seen.add(target)
                old_2022["provisions"].append({**copy.deepcopy(p), "id": target})
    d = diff_results(old_2022, new)
    assert d["comparable"]
    assert d["matching"] == "matched through the maps_to lists of the Code files (hos-2022 to hos-2024)"
    by_id = {c["id"]: c for c in d["provisions"] if c["id"]}
    assert by_id["9.8"]["old_ids"] == ["7.6"]
    assert by_id["9.8"]["answer"] == {"old": "yes", "new": "no"}
    assert by_id["5.10"]["status"] == "new" and by_id["5.10"]["old_ids"] == []  # no 2022 counterpart in the Code file
    assert "1.5" not in by_id  # same answer through 1.4 and 1.6: unchanged
    text = render_diff_text(d)
    assert "  9.8 (was 7.6): answer yes -> no; verdict met -> not-met" in text
    assert "  5.10: no counterpart in hos-2022; answer no, verdict not-met" in text


def test_not_comparable_without_a_mapping(old, new):
    d = diff_results(renamed(old, "spso-2021", {}), new)
    assert d["comparable"] is False
    assert d["provisions"] == [] and d["matching"] == "no mapping between spso-2021 and hos-2024 in the Code files"
    text = render_diff_text(d)
    assert "Provisions: not comparable (no mapping between spso-2021 and hos-2024 in the Code files)" in text
    assert "Stage 1 responded in time: 97.2% -> 61.5%" in text


def test_cli_text_json_and_saved_results(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    runner = CliRunner()
    res = runner.invoke(cli, ["diff", rel(PREVIOUS), rel(CURRENT)])
    assert res.exit_code == 0, res.output
    assert res.output == render_diff_text(diff_results(result_of(PREVIOUS), result_of(CURRENT)))
    res = runner.invoke(cli, ["diff", rel(PREVIOUS), rel(CURRENT), "--format", "json"])
    assert res.exit_code == 0
    data = json.loads(res.output)
    assert data["diff_version"] == "1.0" and data["counts"]["changed"] == 11
    saved = tmp_path / "old.json"
    assert runner.invoke(cli, ["check", rel(PREVIOUS), "--format", "json", ], catch_exceptions=False).exit_code == 0
    saved.write_text(runner.invoke(cli, ["check", rel(PREVIOUS), "--format", "json"]).output, encoding="utf-8")
    res = runner.invoke(cli, ["diff", str(saved), rel(CURRENT), "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["provisions"] == data["provisions"]
    out = tmp_path / "d.txt"
    assert runner.invoke(cli, ["diff", rel(PREVIOUS), rel(CURRENT), "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == render_diff_text(diff_results(result_of(PREVIOUS), result_of(CURRENT)))


def test_cli_bad_input_exit_2_with_locations(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("code: hos-2024\nlandlord: [\n", encoding="utf-8")
    notjson = tmp_path / "x.json"
    notjson.write_text("{\n  \"a\": 1,\n}\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["diff", str(broken), str(notjson)])
    assert res.exit_code == 2
    assert f"{broken}:" in res.output and f"{notjson}:3:1: error: not valid JSON" in res.output
    assert "Traceback" not in res.output
    notresult = tmp_path / "y.json"
    notresult.write_text("[]", encoding="utf-8")
    res = CliRunner().invoke(cli, ["diff", str(notresult), str(CURRENT)])
    assert res.exit_code == 2 and "not a chc result" in res.output
