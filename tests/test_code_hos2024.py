"""Exact facts about code_requirements/hos-2024.yaml (the statutory 2024 Complaint Handling Code)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.yamlsource import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
CODE_FILE = ROOT / "code_requirements" / "hos-2024.yaml"
SCHEMA_FILE = ROOT / "checker" / "schemas" / "code.schema.json"

SECTION_COUNTS = {"1": 6, "2": 5, "3": 7, "4": 3, "5": 15, "6": 20, "7": 4, "8": 5, "9": 8}


@pytest.fixture(scope="module")
def code() -> dict:
    return load_yaml_file(CODE_FILE).data


@pytest.fixture(scope="module")
def provisions(code) -> dict:
    return {p["id"]: p for p in code["provisions"]}


def expected_ids() -> list[str]:
    return [f"{section}.{n}" for section, count in SECTION_COUNTS.items() for n in range(1, count + 1)]


def test_valid_against_schema(code):
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(code), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)


def test_metadata(code):
    assert code["id"] == "hos-2024"
    assert code["publisher"] == "Housing Ombudsman Service"
    assert code["status"] == "statutory"
    assert code["jurisdiction"] == ["england"]  # Welsh landlords come under the Welsh ombudsman
    assert code["in_force_from"] == "2024-04-01"
    assert code["source_url"].startswith("https://www.housing-ombudsman.org.uk/")
    assert code["answers"] == ["yes", "no"]
    assert code["form"]["group_by"] == "section"
    assert len(code["form"]["columns"]) == 5


def test_timescales(code):
    t = code["timescales"]
    assert t["stage1"] == {
        "acknowledge_working_days": 5, "acknowledge_from": "received",
        "respond_working_days": 10, "respond_from": "acknowledged",
        "extension_cap_working_days": 10, "extension_beyond_cap_with_reason": True,
    }
    assert t["stage2"] == {
        "acknowledge_working_days": 5, "acknowledge_from": "escalation_requested",
        "respond_working_days": 20, "respond_from": "acknowledged",
        "extension_cap_working_days": 20, "extension_beyond_cap_with_reason": True,
    }
    assert t["complaint_window_months"] == 12


def test_sections(code):
    sections = code["sections"]
    assert [s["id"] for s in sections] == [str(n) for n in range(1, 10)]
    titles = {s["id"]: s["title"] for s in sections}
    assert titles["1"] == "Definition of a complaint"
    assert titles["6"] == "Complaints stages"
    assert titles["9"] == "Scrutiny & oversight: continuous learning and improvement"
    assert all(s.get("summary") for s in sections)


def test_73_provisions_in_order_with_unique_text_ids(code):
    ids = [p["id"] for p in code["provisions"]]
    assert len(ids) == 73
    assert all(isinstance(i, str) for i in ids)
    assert len(set(ids)) == 73
    assert ids == expected_ids()
    assert "6.10" in ids and "9.8" in ids


def test_section_counts_and_membership(code):
    counts = Counter(p["section"] for p in code["provisions"])
    assert dict(counts) == SECTION_COUNTS
    for p in code["provisions"]:
        assert p["id"].split(".")[0] == p["section"]


def test_form_rows(code, provisions):
    rows = [p["id"] for p in code["provisions"] if p["form_row"]]
    assert len(rows) == 72
    assert provisions["1.1"]["form_row"] is False
    assert rows[0] == "1.2" and rows[-1] == "9.8"


def test_evidence_needed_only_off_for_the_statement(code, provisions):
    off = [p["id"] for p in code["provisions"] if p.get("evidence_needed", True) is False]
    assert off == ["1.1"]


def test_modalities(code, provisions):
    assert provisions["1.1"]["modality"] == "statement"
    assert provisions["5.2"]["modality"] == "prohibition"
    assert provisions["5.3"]["modality"] == "prohibition"
    assert provisions["8.4"]["modality"] == "may"
    assert [p["id"] for p in code["provisions"] if p["modality"] == "statement"] == ["1.1"]
    assert [p["id"] for p in code["provisions"] if p["modality"] == "may"] == ["8.4"]
    assert not [p["id"] for p in code["provisions"] if p["modality"] == "should"]


def test_stage_subheadings(code):
    for p in code["provisions"]:
        if p["section"] != "6":
            assert "subheading" not in p, p["id"]
            continue
        n = int(p["id"].split(".")[1])
        assert p["subheading"] == ("Stage 1" if n <= 9 else "Stage 2"), p["id"]


@pytest.mark.parametrize("pid, count", [
    ("5.8", 4), ("6.9", 7), ("6.19", 7), ("7.1", 8), ("8.1", 6), ("9.7", 4), ("9.8", 3),
])
def test_item_counts(provisions, pid, count):
    items = provisions[pid]["items"]
    assert len(items) == count
    assert [i["id"] for i in items] == list("abcdefgh"[:count])


def test_only_lettered_provisions_have_items(code):
    with_items = [p["id"] for p in code["provisions"] if "items" in p]
    assert with_items == ["5.8", "6.9", "6.19", "7.1", "8.1", "9.7", "9.8"]


def test_final_letter_items_say_where_to_go_next(provisions):
    assert "stage 2" in provisions["6.9"]["items"][6]["text"]
    assert "Ombudsman" in provisions["6.19"]["items"][6]["text"]


def _checks(provisions, pid):
    return provisions[pid].get("checks", [])


def test_timescale_and_extension_checks(code, provisions):
    assert _checks(provisions, "6.2") == [{"kind": "timescale", "stage": 1, "event": "acknowledge"}]
    assert _checks(provisions, "6.3") == [{"kind": "timescale", "stage": 1, "event": "respond"}]
    assert _checks(provisions, "6.11") == [{"kind": "timescale", "stage": 2, "event": "acknowledge"}]
    assert _checks(provisions, "6.14") == [{"kind": "timescale", "stage": 2, "event": "respond"}]
    assert _checks(provisions, "6.4") == [{"kind": "extension", "stage": 1}]
    assert _checks(provisions, "6.15") == [{"kind": "extension", "stage": 2}]
    timed = sorted(p["id"] for p in code["provisions"]
                   for c in p.get("checks", []) if c["kind"] in ("timescale", "extension"))
    assert timed == sorted(["6.2", "6.3", "6.4", "6.11", "6.14", "6.15"])


def _policy(provisions, pid):
    return {(c["field"], c["op"], c["value"]) for c in _checks(provisions, pid) if c["kind"] == "policy"}


def test_policy_checks(provisions):
    assert _policy(provisions, "2.3") == {("complaint_window_months", "ge", 12)}
    assert _policy(provisions, "5.1") == {("single_policy", "is", True)}
    assert _policy(provisions, "5.2") == {("pre_stage", "is", False), ("stages", "eq", 2)}
    assert _policy(provisions, "5.3") == {("stages", "eq", 2)}
    assert _policy(provisions, "6.12") == {("escalation_reason_required", "is", False)}
    for pid in ("2.3", "5.1", "5.2", "5.3", "6.12"):
        assert all(c.get("explain") for c in _checks(provisions, pid) if c["kind"] == "policy"), pid


def test_governance_checks(provisions):
    def fields(pid):
        return {c["field"] for c in _checks(provisions, pid) if c["kind"] == "governance"}
    assert fields("4.1") == {"complaints_officer"}
    assert fields("9.4") == {"senior_lead"}
    assert fields("9.5") == {"mrc"}
    assert fields("8.1") == {"annual_report_url"}
    assert fields("8.2") == {"publication_url", "governing_body.response"}


CODE_DEFINITION = (
    "an expression of dissatisfaction, however made, about the standard of service, actions or "
    "lack of action by the landlord, its own staff, or those acting on its behalf, affecting a "
    "resident or group of residents"
)


def _definition_terms(provisions):
    (check,) = [c for c in _checks(provisions, "1.2") if c["kind"] == "definition"]
    return check["key_terms"]


def _matches(text, terms):
    low = text.lower()
    return [any(alt.lower() in low for alt in alternatives) for alternatives in terms]


def test_definition_key_terms(provisions):
    terms = _definition_terms(provisions)
    assert len(terms) == 6
    assert all(alt == alt.strip() and alt for alternatives in terms for alt in alternatives)
    # the Code's own definition, and a typical first-person paraphrase, contain every idea
    assert all(_matches(CODE_DEFINITION, terms))
    paraphrase = ("any expression of dissatisfaction, however it is made, about the standard of our "
                  "service, or our inaction or that of anyone acting on our behalf, affecting a tenant "
                  "or group of tenants")
    assert all(_matches(paraphrase, terms))
    # a narrowed definition misses ideas
    narrowed = "the concern or dissatisfaction of a customer regarding the service provided by the council"
    assert not all(_matches(narrowed, terms))


def test_maps_to_hos_2022(code, provisions):
    for p in code["provisions"]:
        for version, ids in p.get("maps_to", {}).items():
            assert version == "hos-2022"
            assert ids and all(re.fullmatch(r"[0-9]+\.[0-9]+", i) for i in ids), p["id"]
    assert provisions["1.2"]["maps_to"] == {"hos-2022": ["1.2"]}
    assert provisions["6.9"]["maps_to"] == {"hos-2022": ["5.8"]}
    assert provisions["9.8"]["maps_to"] == {"hos-2022": ["7.6"]}
    assert "maps_to" not in provisions["2.5"]


def test_every_provision_is_documented(code):
    for p in code["provisions"]:
        assert len(p["requirement"]) >= 10, p["id"]
        assert p.get("guidance"), p["id"]
        assert p.get("verified"), p["id"]


def test_stage_sections_settled_by_seed_003(code):
    for p in code["provisions"]:
        if p["section"] == "6":
            assert "seed 003" in p["verified"], p["id"]
