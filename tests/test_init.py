"""`chc init` writes a scaffold that loads, with every form row under its requirement; `chc schema`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.assess import assess
from checker.cli import cli
from checker.codes import available_codes, load_code
from checker.resources import schema_path
from checker.intake.scaffold import dump_submission, parse_period, scaffold_text
from checker.intake.submission import load_submission
from checker.yamlsource import load_yaml_text


def init(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, ["init", *args, "-o", str(tmp_path / "sub" / "submission.yaml")])


def test_scaffold_loads_with_72_unanswered_rows_each_under_its_requirement(tmp_path):
    result = init(tmp_path, "--code", "hos-2024", "--landlord", "Test Homes", "--period", "2025-26")
    assert result.exit_code == 0, result.output
    path = tmp_path / "sub" / "submission.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=submission.schema.json"
    assert (tmp_path / "sub" / "submission.schema.json").read_bytes() == schema_path("submission.schema.json").read_bytes()
    submission = load_submission(path)
    code = load_code("hos-2024")
    assert (submission.period_start, submission.period_end, submission.period_label) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31), "2025-26")
    assert (submission.landlord_name, submission.nation) == ("Test Homes", "england")
    assert list(submission.answers) == [p.id for p in code.form_rows]
    assert len(submission.answers) == 72
    assert {a.comply for a in submission.answers.values()} == {""}
    for provision in code.form_rows:
        key = lines.index(f'  "{provision.id}":')
        assert lines[key + 1: key + 4] == ["    comply:", "    evidence: []", '    commentary: ""']
        above = []
        for line in reversed(lines[:key]):
            if not line.startswith("  # ") or line.startswith("  # " + provision.section + " ") and line.endswith("-"):
                break
            above.insert(0, line[4:].strip())
        comment = " ".join(above)
        assert comment.startswith(f"{provision.id} ({provision.modality}) {provision.requirement}")
        if provision.guidance:
            assert f"Evidence: {provision.guidance}" in comment
    evaluation = assess(path)
    assert evaluation.verdict_counts()["unanswered"] == 72


def test_scaffold_is_deterministic_and_wrapped():
    code = load_code("hos-2024")
    first = scaffold_text(code, "Test Homes", "2025-26")
    assert first == scaffold_text(code, "Test Homes", "2025-26")
    assert max(len(line) for line in first.splitlines()) <= 96
    assert first.count('    comply:\n') == 72


@pytest.mark.parametrize("code_id", available_codes())
def test_every_code_version_scaffolds_to_a_loadable_file(tmp_path, code_id):
    code = load_code(code_id)
    nation = code.jurisdiction[0]
    path = tmp_path / f"{code_id}.yaml"
    path.write_text(scaffold_text(code, "Test Homes", "2025-26", nation), encoding="utf-8")
    submission = load_submission(path)
    assert len(submission.answers) == len(code.form_rows)


def test_uncommenting_a_placeholder_points_at_what_to_fill_in(tmp_path):
    text = scaffold_text(load_code("hos-2024"), "Test Homes", "2025-26")
    text = text.replace("# prepared:\n#   by: \"\"\n#   role: \"\"\n#   date: YYYY-MM-DD", "prepared:\n  by: \"\"\n  role: \"\"\n  date: YYYY-MM-DD")
    path = tmp_path / "submission.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert [line.split(": error: ")[1] for line in result.stdout.splitlines()[:-1]] == [
        'prepared.date: expected a real date written YYYY-MM-DD; found "YYYY-MM-DD" [schema]']


@pytest.mark.parametrize("args, message", [
    (["--landlord", "X", "--period", "2025-27"], "Invalid value for '--period': '2025-27' is not a year like 2025-26 (April to March)"),
    (["--landlord", "X", "--period", "25-26"], "Invalid value for '--period': '25-26' is not a year like 2025-26 (April to March)"),
    (["--landlord", "X", "--period", "2025-26", "--code", "hos-1999"], "Invalid value for --code: unknown Code version 'hos-1999'; known: hos-2020, hos-2022, hos-2024, spso-2021"),
    (["--landlord", "X", "--period", "2025-26", "--nation", "scotland"], "Invalid value for --nation: hos-2024 applies in england, not scotland"),
    (["--period", "2025-26"], "Missing option '--landlord'."),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path, args, message):
    result = init(tmp_path, *args)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == f"Error: {message}"
    assert not (tmp_path / "sub").exists()


def test_an_existing_file_is_kept_unless_forced(tmp_path):
    assert init(tmp_path, "--landlord", "A", "--period", "2025-26").exit_code == 0
    again = init(tmp_path, "--landlord", "B", "--period", "2025-26")
    assert again.exit_code == 2
    assert "already exists; use --force to replace it" in again.stderr
    assert "landlord:\n  name: A\n" in (tmp_path / "sub" / "submission.yaml").read_text(encoding="utf-8")
    assert init(tmp_path, "--landlord", "B", "--period", "2025-26", "--force").exit_code == 0
    assert "landlord:\n  name: B\n" in (tmp_path / "sub" / "submission.yaml").read_text(encoding="utf-8")


def test_schema_ref_points_elsewhere_and_writes_no_schema(tmp_path):
    result = init(tmp_path, "--landlord", "A", "--period", "2024-25", "--nation", "england", "--schema-ref", "https://example.org/s.json")
    assert result.exit_code == 0
    assert (tmp_path / "sub" / "submission.yaml").read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=https://example.org/s.json"
    assert not (tmp_path / "sub" / "submission.schema.json").exists()


@pytest.mark.parametrize("which", ["submission", "code", "result"])
def test_chc_schema_writes_the_shipped_schemas(tmp_path, which):
    shipped = schema_path(f"{which}.schema.json").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["schema", which])
    assert (result.exit_code, result.stdout) == (0, shipped)
    out = tmp_path / "s.json"
    assert CliRunner().invoke(cli, ["schema", which, "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_parse_period():
    assert parse_period("2025-26") == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert parse_period("1999-00") == (dt.date(1999, 4, 1), dt.date(2000, 3, 31))
    with pytest.raises(ValueError):
        parse_period("2025/26")


# ------------------------------------------------------------------------ the YAML writer

text_values = st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\n \t\u2028\x85"), max_size=200)


@settings(max_examples=150, deadline=None)
@given(commentary=text_values, what=text_values, document=text_values.filter(lambda s: s.strip() != ""))
def test_the_writer_reads_back_exactly_what_it_was_given(commentary, what, document):
    code = load_code("hos-2024")
    data = {
        "code": "hos-2024",
        "landlord": {"name": "Test Homes", "nation": "england"},
        "period": {"start": dt.date(2025, 4, 1), "end": dt.date(2026, 3, 31)},
        "answers": {"6.10": {"comply": "no", "evidence": [{"document": document, "section": "4.10"}],
                             "commentary": commentary, "action": {"what": what, "target_date": dt.date(2026, 9, 30)}}},
    }
    text = dump_submission(data, code)
    loaded = load_yaml_text(text, "x.yaml").data
    assert loaded["answers"]["6.10"] == data["answers"]["6.10"]
    assert loaded["period"] == data["period"]
    assert re.search(r'^  "6\.10":$', text, re.M)
