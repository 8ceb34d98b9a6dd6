"""What chc prints to a terminal never carries a control character from the user's files."""

from __future__ import annotations

from click.testing import CliRunner

from checker.cli import cli
from checker.problems import Location, Problem
from checker.textsafe import terminal_line, terminal_text


def test_control_characters_are_escaped_and_backslashes_kept():
    assert terminal_line("a\x07b\x1b[31mc") == "a\\x07b\\x1b[31mc"
    assert terminal_line("documents\\policy.md") == "documents\\policy.md"
    assert terminal_line("two\nlines") == "two\\nlines"
    assert terminal_line("\u202eevil") == "\\u202eevil"
    assert terminal_line("Café – £5") == "Café – £5"
    assert terminal_text("a\x07\nb") == "a\\x07\nb"


def test_a_problem_is_one_safe_line():
    problem = Problem(Location("s.yaml", 3, 5), "found \"\x1b]0;pwned\x07\"", "schema")
    assert str(problem) == 's.yaml:3:5: error: found "\\x1b]0;pwned\\x07" [schema]'


def test_check_escapes_a_bell_in_a_landlords_text(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.yaml").write_text(
        "code: hos-2024\nlandlord: {name: \"Bell\\a Homes\", nation: england}\nperiod: 2024-25\nanswers:\n"
        "  '6.3': {comply: \"maybe\\e[31m\"}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "s.yaml"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "maybe\\x1b[31m" in result.output
