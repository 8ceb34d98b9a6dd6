"""The README is tested against the command line: every command is documented, and the output it
shows is what chc prints."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from checker.cli import COMMANDS, cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")

BROKEN = """\
code: hos-2024
landlord: {name: Test Homes, nation: england}
period: {start: 2024-04-01, end: 2025-03-31}
answers:
  "6.3": {comply: yess, evidence: "policy"}
  "6.4": {comply: yes, colour: blue}
"""


def test_every_command_is_in_the_readme():
    documented = set(re.findall(r"`chc ([a-z-]+)", README))
    assert set(COMMANDS) <= documented, set(COMMANDS) - documented


def test_the_two_setup_commands_come_first():
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    assert blocks[:2] == ["pip install . && chc check\n", "pip install '.[test]' && python -m pytest\n"]


def test_troubleshooting_example_is_real_output(tmp_path, monkeypatch):
    shown = re.search(r"```\n\$ chc check submission.yaml\n(.*?)```", README, flags=re.S).group(1)
    monkeypatch.chdir(tmp_path)
    Path("submission.yaml").write_text(BROKEN, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "submission.yaml"])
    assert result.exit_code == 2
    assert result.output == shown
