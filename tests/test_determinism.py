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
