"""The same inputs give byte-identical outputs."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import cli
from pathlib import Path

CASE = str(Path(__file__).parent / "golden" / "declared-no" / "submission.yaml")


def test_reports_are_byte_identical(tmp_path):
    runner = CliRunner()
    for fmt in ("md", "html", "json"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for out in (first, second):
            result = runner.invoke(cli, ["report", CASE, "--format", fmt, "-o", str(out)])
            assert result.exit_code == 1, result.output
        assert first.read_bytes() == second.read_bytes()
        assert first.stat().st_size > 1000


def test_csv_is_byte_identical_and_inert(tmp_path):
    import csv
    import io

    runner = CliRunner()
    outs = []
    for name in ("a.csv", "b.csv"):
        result = runner.invoke(cli, ["report", CASE, "--format", "csv", "--with-findings", "-o", str(tmp_path / name)])
        assert result.exit_code == 1, result.output
        outs.append((tmp_path / name).read_bytes())
    assert outs[0] == outs[1]
    text = outs[0].decode("utf-8")
    assert text.startswith("\ufeffSection,Provision,Requirement,Comply,")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert len(rows) == 73
    row = next(r for r in rows if r[1] == "7.3")
    assert (row[3], row[6], row[7], row[8], row[9]) == ("No", "Track every remedy to completion", "Complaints Manager", "2025-02-28", "Not met (declared)")
