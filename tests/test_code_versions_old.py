"""The three earlier Code versions (HOS 2022, HOS 2020 questionnaire, SPSO model procedure):
each file validates against the Code schema and holds the exact facts it was written from."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.yamlsource import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
CODES = ROOT / "code_requirements"
SCHEMA = json.loads((ROOT / "checker" / "schemas" / "code.schema.json").read_text(encoding="utf-8"))
VERSIONS = ("hos-2022", "hos-2020", "spso-2021")

# Every provision id of the 2024 statutory Code: 1.1-1.6, 2.1-2.5, 3.1-3.7, 4.1-4.3, 5.1-5.15,
# 6.1-6.20, 7.1-7.4, 8.1-8.5, 9.1-9.8 (73 in all).
HOS_2024_IDS = frozenset(
    f"{section}.{n}"
    for section, last in {1: 6, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}.items()
    for n in range(1, last + 1)
)


def _load(version: str) -> dict:
    return load_yaml_file(CODES / f"{version}.yaml").data


@pytest.fixture(scope="module", params=VERSIONS)
def code(request) -> dict:
    return _load(request.param)


def _by_id(data: dict) -> dict:
    return {p["id"]: p for p in data["provisions"]}


def _per_section(data: dict) -> dict:
    counts = Counter(p["section"] for p in data["provisions"])
    return {s["id"]: counts.get(s["id"], 0) for s in data["sections"]}


def _checks(provision: dict, kind: str) -> list[dict]:
    return [c for c in provision.get("checks", ()) if c["kind"] == kind]


# ---------------------------------------------------------------- common to every file


def test_valid_against_the_code_schema(code):
    validator = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(code), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_ids_are_text_unique_and_inside_their_section(code):
    ids = [p["id"] for p in code["provisions"]]
    assert all(isinstance(i, str) for i in ids)
    assert len(ids) == len(set(ids))
    section_ids = {s["id"] for s in code["sections"]}
    for p in code["provisions"]:
        assert p["section"] in section_ids
        assert p["id"].split(".")[0] == p["section"], p["id"]


def test_provisions_are_in_numeric_order(code):
    keys = [tuple(int(x) for x in p["id"].split(".")) for p in code["provisions"]]
    assert keys == sorted(keys)


def test_file_name_matches_id(code):
    assert (CODES / f"{code['id']}.yaml").is_file()


def test_every_provision_says_how_it_was_checked(code):
    for p in code["provisions"]:
        assert p.get("verified"), p["id"]
        assert p.get("guidance"), p["id"]


def test_shares_checks_name_existing_percent_provisions(code):
    by_id = _by_id(code)
    for p in code["provisions"]:
        for check in _checks(p, "shares"):
            for target in check["provisions"]:
                assert by_id[target].get("answer_type") == "percent", target


def test_maps_to_targets_are_2024_provision_ids(code):
    for p in code["provisions"]:
        for version, targets in p.get("maps_to", {}).items():
            assert version == "hos-2024", p["id"]
            assert targets, p["id"]
            for target in targets:
                assert re.fullmatch(r"[0-9]+\.[0-9]+", target)
                assert target in HOS_2024_IDS, f"{code['id']} {p['id']} -> {target}"


def test_not_applicable_only_where_the_version_allows_it(code):
    if "n/a" not in code["answers"]:
        assert not any(p.get("allows_not_applicable") for p in code["provisions"])


# ---------------------------------------------------------------- HOS 2022


def test_hos_2022_metadata_and_form():
    data = _load("hos-2022")
    assert data["in_force_from"] == "2022-04-01"
    assert data["superseded_from"] == "2024-04-01"
    assert data["jurisdiction"] == ["england"]
    assert data["answers"] == ["yes", "no", "partial"]
    assert data["form"]["group_by"] == "modality"
    assert data["form"]["columns"][-1] == "Evidence, commentary and explanations"
    assert sum("evidence" in c.lower() for c in data["form"]["columns"]) == 1
    assert [s["id"] for s in data["sections"]] == [str(n) for n in range(1, 9)]


def test_hos_2022_timescales():
    ts = _load("hos-2022")["timescales"]
    assert ts["stage1"] == {
        "acknowledge_working_days": 5, "acknowledge_from": "received",
        "respond_working_days": 10, "respond_from": "logged", "extension_cap_working_days": 10,
        "extension_beyond_cap_with_reason": True,
    }
    assert ts["stage2"] == {
        "acknowledge_working_days": 5, "acknowledge_from": "escalation_requested",
        "respond_working_days": 20, "respond_from": "escalation_requested", "extension_cap_working_days": 10,
        "extension_beyond_cap_with_reason": True,
    }
    assert ts["complaint_window_months"] == 6


def test_hos_2022_provision_list():
    data = _load("hos-2022")
    assert _per_section(data) == {"1": 8, "2": 4, "3": 3, "4": 4, "5": 8, "6": 5, "7": 5, "8": 0}
    assert list(_by_id(data)) == [
        "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9",
        "2.1", "2.2", "2.3", "2.4",
        "3.1", "3.2", "3.3",
        "4.1", "4.2", "4.6", "4.7",
        "5.1", "5.5", "5.6", "5.8", "5.9", "5.10", "5.11", "5.12",
        "6.1", "6.2", "6.3", "6.5", "6.6",
        "7.2", "7.3", "7.4", "7.5", "7.6",
    ]
    assert all(p["form_row"] for p in data["provisions"])


def test_hos_2022_must_should_split():
    data = _load("hos-2022")
    assert {p["modality"] for p in data["provisions"]} == {"must", "should"}
    should = sorted((p["id"] for p in data["provisions"] if p["modality"] == "should"), key=lambda i: tuple(map(int, i.split("."))))
    assert should == ["1.4", "1.5", "2.2", "3.3", "6.3", "7.3", "7.4", "7.5", "7.6"]


def test_hos_2022_unestablished_numbers_are_left_out_and_explained():
    data = _load("hos-2022")
    by_id = _by_id(data)
    for missing in ("1.1", "2.5", "4.3", "4.4", "4.5", "5.2", "5.3", "5.4", "5.7", "5.13", "6.4", "7.1", "8.1"):
        assert missing not in by_id
    assert "NOT established" in data["notes"]


def test_hos_2022_machine_checks():
    by_id = _by_id(_load("hos-2022"))
    assert _checks(by_id["4.1"], "timescale") == [{"kind": "timescale", "stage": 1, "event": "acknowledge"}]
    assert _checks(by_id["4.1"], "policy")[0]["field"] == "pre_stage"
    assert _checks(by_id["5.1"], "timescale") == [{"kind": "timescale", "stage": 1, "event": "respond"}]
    assert _checks(by_id["5.1"], "extension") == [{"kind": "extension", "stage": 1}]
    window = _checks(by_id["1.8"], "policy")[0]
    assert (window["field"], window["op"], window["value"]) == ("complaint_window_months", "ge", 6)
    assert _checks(by_id["1.2"], "definition")
    assert _checks(by_id["3.1"], "governance")[0]["field"] == "complaints_officer"
    assert len(by_id["5.8"]["items"]) == 6
    assert len(by_id["4.7"]["items"]) == 5
    assert len(by_id["7.4"]["items"]) == 5


def test_hos_2022_mapping_to_2024():
    by_id = _by_id(_load("hos-2022"))
    expected = {
        "1.2": ["1.2"], "1.7": ["2.1"], "1.9": ["2.4"], "2.1": ["3.1"], "3.1": ["4.1"],
        "4.1": ["5.2", "6.2"], "4.2": ["5.6"], "5.1": ["6.3", "6.4"], "5.5": ["6.6"], "5.6": ["6.7"],
        "5.8": ["6.9"], "5.12": ["6.13"], "6.1": ["7.1"], "6.2": ["7.2"], "6.3": ["9.1"], "6.5": ["7.3"],
        "6.6": ["7.4"], "7.4": ["9.7"], "7.5": ["9.4"], "7.6": ["9.8"],
    }
    for old, new in expected.items():
        assert by_id[old]["maps_to"]["hos-2024"] == new, old
    assert all("maps_to" in p for p in by_id.values())


# ---------------------------------------------------------------- HOS 2020 questionnaire


def test_hos_2020_has_35_questions_in_8_sections():
    data = _load("hos-2020")
    assert [s["id"] for s in data["sections"]] == [str(n) for n in range(1, 9)]
    assert [s["title"] for s in data["sections"]] == [
        "Definition of a complaint", "Accessibility", "Complaints team and process", "Communication",
        "Cooperation with the Housing Ombudsman Service", "Fairness in complaint handling",
        "Outcomes and remedies", "Continuous learning and improvement",
    ]
    assert len(data["provisions"]) == 35
    assert _per_section(data) == {"1": 3, "2": 4, "3": 8, "4": 10, "5": 2, "6": 4, "7": 1, "8": 3}
    expected_ids = [f"{s}.{n}" for s, count in zip(range(1, 9), (3, 4, 8, 10, 2, 4, 1, 3)) for n in range(1, count + 1)]
    assert [p["id"] for p in data["provisions"]] == expected_ids
    assert all(p["form_row"] for p in data["provisions"])


def test_hos_2020_answers_and_timescales():
    data = _load("hos-2020")
    assert data["answers"] == ["yes", "no", "n/a"]
    assert data["in_force_from"] == "2020-07-01" and data["superseded_from"] == "2022-04-01"
    ts = data["timescales"]
    assert ts["stage1"]["respond_working_days"] == 10
    assert ts["stage1"]["acknowledge_working_days"] == 5
    assert ts["stage2"]["respond_working_days"] == 20
    assert ts["stage2"]["acknowledge_working_days"] == 5
    assert ts["complaint_window_months"] == 6


def test_hos_2020_numeric_questions():
    data = _load("hos-2020")
    numeric = {p["id"]: p["answer_type"] for p in data["provisions"] if p.get("answer_type", "yes-no") in ("percent", "count")}
    assert numeric == {"3.8": "percent", "4.5": "percent", "4.6": "percent", "4.7": "percent", "4.10": "percent", "6.3": "count"}
    assert [p["id"] for p in data["provisions"] if p.get("answer_type") == "text"] == ["8.1"]
    by_id = _by_id(data)
    assert [i["id"] for i in by_id["4.7"]["items"]] == ["a", "b", "c", "d"]
    for pid in numeric:
        assert by_id[pid]["modality"] == "statement", pid


def test_hos_2020_stage_shares_add_up_to_100():
    by_id = _by_id(_load("hos-2020"))
    shares = [c for p in by_id.values() for c in _checks(p, "shares")]
    assert shares == [{"kind": "shares", "provisions": ["4.5", "4.6"], "total": 100}]
    assert _checks(by_id["4.5"], "shares") == shares


def test_hos_2020_not_applicable_only_on_conditional_questions():
    data = _load("hos-2020")
    allowed = {p["id"] for p in data["provisions"] if p.get("allows_not_applicable")}
    assert allowed == {"3.4", "3.5", "4.8", "4.9", "5.2", "6.4"}


def test_hos_2020_machine_checks():
    by_id = _by_id(_load("hos-2020"))
    assert _checks(by_id["1.1"], "definition")
    assert {(c["stage"], c["event"]) for c in _checks(by_id["4.3"], "timescale")} == {(1, "acknowledge"), (2, "acknowledge")}
    assert {(c["stage"], c["event"]) for c in _checks(by_id["4.7"], "timescale")} == {(1, "respond"), (2, "respond")}
    assert {c["stage"] for c in _checks(by_id["4.9"], "extension")} == {1, 2}
    assert _checks(by_id["3.1"], "governance")[0]["field"] == "complaints_officer"
    assert "15 days" in by_id["5.1"]["requirement"]


def test_hos_2020_third_stage_questions_have_no_2024_counterpart():
    by_id = _by_id(_load("hos-2020"))
    assert "maps_to" not in by_id["3.4"] and "maps_to" not in by_id["3.5"]
    assert by_id["1.1"]["maps_to"] == {"hos-2024": ["1.2"]}
    assert by_id["4.3"]["maps_to"] == {"hos-2024": ["6.2", "6.11"]}
    assert by_id["6.1"]["maps_to"] == {"hos-2024": ["3.6"]}


# ---------------------------------------------------------------- SPSO model procedure


def test_spso_metadata():
    data = _load("spso-2021")
    assert data["jurisdiction"] == ["scotland"]
    assert data["status"] == "model-procedure"
    assert data["answers"] == ["yes", "no"]
    assert data["in_force_from"] == "2021-04-01"
    assert [s["id"] for s in data["sections"]] == ["1", "2", "3", "4", "5"]
    assert _per_section(data) == {"1": 5, "2": 4, "3": 6, "4": 5, "5": 9}
    assert len(data["provisions"]) == 29


def test_spso_timescales_5_10_3_20():
    ts = _load("spso-2021")["timescales"]
    assert ts["stage1"] == {
        "respond_working_days": 5, "respond_from": "received",
        "extension_cap_working_days": 10, "extension_total": True,
    }
    assert ts["stage2"] == {
        "acknowledge_working_days": 3, "acknowledge_from": "received",
        "respond_working_days": 20, "respond_from": "received", "extension_uncapped": True,  # the SPSO sets no stage 2 cap
    }
    assert ts["complaint_window_months"] == 6


def test_spso_timescale_and_extension_checks_sit_on_the_stage_rows():
    data = _load("spso-2021")
    placed = {
        (c["kind"], c["stage"], c.get("event")): p["id"]
        for p in data["provisions"]
        for c in p.get("checks", ())
        if c["kind"] in ("timescale", "extension")
    }
    assert placed == {
        ("timescale", 1, "respond"): "2.2",
        ("extension", 1, None): "2.3",
        ("timescale", 2, "acknowledge"): "3.2",
        ("timescale", 2, "respond"): "3.4",
        ("extension", 2, None): "3.5",
    }
    by_id = _by_id(data)
    assert "5 working days" in by_id["2.2"]["requirement"]
    assert "3 working days" in by_id["3.2"]["requirement"]
    assert "20 working days" in by_id["3.4"]["requirement"]
    assert "10 working days in total" in by_id["2.3"]["requirement"]


def test_spso_performance_indicators():
    by_id = _by_id(_load("spso-2021"))
    indicators = [p for pid, p in by_id.items() if p["section"] == "5"]
    assert len(indicators) == 9
    text = " ".join(p["requirement"].lower() for p in indicators)
    for phrase in ("learning from complaints", "complaint process experience", "staff awareness and training",
                   "per 1,000", "closed complaints", "5 working days", "20 working days", "average",
                   "upheld", "extensions"):
        assert phrase in text, phrase
    assert {p["id"] for p in indicators if p["modality"] == "must"} == {"5.1", "5.4", "5.6", "5.7", "5.8"}


def test_spso_has_no_2024_mapping():
    assert not any("maps_to" in p for p in _load("spso-2021")["provisions"])
