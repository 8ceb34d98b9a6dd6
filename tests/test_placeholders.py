"""Placeholders: every text `chc init` writes for the landlord to replace is found, named by its key,
and never published."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import cli
from checker.codes import load_code
from checker.intake.placeholders import TEXTS, dotted, find, is_placeholder, scrub
from checker.intake.scaffold import scaffold_text

EXAMPLE = Path(__file__).parent.parent / "evidence" / "examples" / "northmoor-2024-25"
RESPONSE = TEXTS["governance.governing_body.response"]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def uncommented_scaffold() -> str:
    """The `chc init` file with its governance, policy and annual_report examples uncommented, and the
    values that cannot load as they are (dates, links, counts) filled; the placeholder texts kept."""
    text = scaffold_text(load_code("hos-2024"), "Test Homes", "2025-26")
    out, on = [], False
    for line in text.splitlines():
        if line.startswith(("# governance:", "# policy:", "# annual_report:")):
            on = True
        elif not line.startswith("# "):
            on = False
        out.append(line[2:] if on else line)
    text = "\n".join(out) + "\n"
    for old, new in (("YYYY-MM-DD", "2026-05-01"), ("https://\n", "https://x.example/a\n"), ("url: https://}", "url: https://x.example/p}"),
                     ('name: ""', 'name: "A B"'), ('by: ""', 'by: "A B"'), (", count: }", ", count: 1}"), ("total:\n", "total: 1\n"),
                     ("cases:\n", "cases: 1\n"), ("ombudsman_ordered:\n", "ombudsman_ordered: 0\n"), ("{lcra: , lcho: }", "{lcra: 70, lcho: 60}")):
        text = text.replace(old, new)
    return text


def test_every_placeholder_is_written_by_init_from_the_one_list():
    text = scaffold_text(load_code("hos-2024"), "Test Homes", "2025-26")
    for key, placeholder in TEXTS.items():
        assert placeholder in text, key
    assert "<<" not in text


def test_each_unfilled_key_is_named(tmp_path):
    path = tmp_path / "submission.yaml"
    path.write_text(uncommented_scaffold(), encoding="utf-8")
    result = run("check", path, "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    found = sorted(f["message"].split(" ")[0] for f in data["findings"] if f["rule"] == "placeholder")
    expected = sorted(k.replace("annual_report.improvements.", "annual_report.improvements[0].") for k in TEXTS)
    assert found == expected
    first = next(f for f in data["findings"] if f["message"].startswith("governance.governing_body.response "))
    assert first["message"] == ("governance.governing_body.response still holds the scaffold's placeholder; "
                                "write the real text, or remove the key")
    assert first["severity"] == "error"
    line = first["location"]["line"]
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].strip() == "response: |"  # the block's first line


def test_real_text_is_not_a_placeholder():
    assert is_placeholder("  the governing body's RESPONSE to the annual\n complaints report. ")
    assert not is_placeholder(RESPONSE + " We agreed the plan.")
    assert not is_placeholder("The governing body's response")
    assert not is_placeholder(None) and not is_placeholder(12)
    result = run("check", EXAMPLE / "submission.yaml", "--format", "json")
    data = json.loads(result.stdout)
    assert [f for f in data["findings"] if f["rule"] == "placeholder"] == []


def test_find_and_scrub_walk_lists():
    data = {"a": [{"b": RESPONSE}, "kept"], "c": {"d": "kept too"}}
    assert list(find(data)) == [("a", 0, "b")]
    assert dotted(("a", 0, "b")) == "a[0].b"
    assert scrub(data) == {"a": [{"b": ""}, "kept"], "c": {"d": "kept too"}}


def _example_with_placeholder_response(tmp_path) -> Path:
    text = (EXAMPLE / "submission.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    start, end = lines.index("    response: |"), lines.index(next(x for x in lines if x.startswith("    response_url:")))
    text = "\n".join(lines[:start + 1] + ["      " + RESPONSE] + lines[end:]) + "\n"
    for f in EXAMPLE.iterdir():
        if f.name != "submission.yaml" and f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "submission.yaml"


def test_a_placeholder_response_is_unsupported_and_never_published(tmp_path):
    path = _example_with_placeholder_response(tmp_path)
    data = json.loads(run("check", path, "--format", "json").stdout)
    assert [f["message"].split(" ")[0] for f in data["findings"] if f["rule"] == "placeholder"] == ["governance.governing_body.response"]
    missing = sorted(p["id"] for p in data["provisions"] for f in p["findings"] if f["rule"] == "governance-missing")
    assert missing and all(p["verdict"] != "met" for p in data["provisions"] if p["id"] in missing)
    for fmt in ("md", "html"):
        out = tmp_path / f"annual.{fmt}"
        result = run("annual-report", path, "--format", fmt, "-o", out)
        assert result.exit_code == 1
        page = out.read_text(encoding="utf-8")
        assert "The governing body's response to the annual complaints report" not in page
        assert "Not yet recorded: the governing body's response must be published with this report." in page


def test_placeholders_survive_the_workbook_and_are_still_found(tmp_path):
    path = tmp_path / "submission.yaml"
    path.write_text(uncommented_scaffold(), encoding="utf-8")
    assert run("workbook", "export", path, "-o", tmp_path / "answers.xlsx").exit_code == 0
    back = tmp_path / "back.yaml"
    assert run("workbook", "import", tmp_path / "answers.xlsx", "-o", back).exit_code == 0
    data = json.loads(run("check", back, "--format", "json").stdout)
    assert len([f for f in data["findings"] if f["rule"] == "placeholder"]) == len(TEXTS)


def test_a_misspelt_annual_report_key_is_a_located_problem(tmp_path):
    text = (EXAMPLE / "submission.yaml").read_text(encoding="utf-8").replace("\n  compensation:\n", "\n  compensaton:\n", 1)
    for f in EXAMPLE.iterdir():
        if f.name != "submission.yaml" and f.is_file():
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    line = text.splitlines().index("  compensaton:") + 1
    result = run("validate", tmp_path / "submission.yaml")
    assert result.exit_code == 2
    assert f"submission.yaml:{line}:3: error: annual_report: unknown key 'compensaton'" in result.output
