"""The spreadsheet-safety helper (tests/hostile/sheets.py) catches live formulas and passes defused ones."""

from __future__ import annotations

import pytest

from tests.hostile import sheets

HOSTILE = ['=HYPERLINK("http://evil.example","click")', "@SUM(A1:A9)", "+1", "-2+3", "=cmd|' /C calc'!A0"]


def test_csv_with_live_formulas_is_caught(tmp_path):
    naive = "id,commentary\n" + "".join(f'{i},"{t.replace(chr(34), chr(34) * 2)}"\n' for i, t in enumerate(HOSTILE))
    problems = sheets.csv_problems(naive, HOSTILE)
    for text in HOSTILE:
        assert any(repr(text) in p and "left live" in p for p in problems), text
    path = tmp_path / "out.csv"
    path.write_text(naive, encoding="utf-8")
    with pytest.raises(AssertionError):
        sheets.assert_csv_text_is_inert(path, HOSTILE)


def test_csv_defused_with_an_apostrophe_passes_and_numbers_stay_numbers(tmp_path):
    safe = "id,commentary,pct\n" + "".join(f"""{i},"'{t.replace(chr(34), chr(34) * 2)}",-2.5\n""" for i, t in enumerate(HOSTILE))
    path = tmp_path / "out.csv"
    path.write_text(safe, encoding="utf-8")
    sheets.assert_csv_text_is_inert(path, HOSTILE)
    assert sheets.csv_problems("a\n\t=1\n") == ["row 2, column 1: '\\t=1' would run as a formula"]
    assert sheets.csv_problems("a\nx\n", ["+1"]) == ["'+1' is missing from the CSV"]


def test_xlsx_formula_cells_are_caught_and_text_cells_pass(tmp_path):
    import openpyxl

    naive, safe = openpyxl.Workbook(), openpyxl.Workbook()
    for i, text in enumerate(HOSTILE, start=1):
        naive.active.cell(i, 1, text)  # openpyxl makes '=...' a formula
        cell = safe.active.cell(i, 1, text)
        cell.data_type = "s"  # what a writer must do: store the text as text
    naive.save(tmp_path / "naive.xlsx")
    safe.save(tmp_path / "safe.xlsx")
    problems = sheets.xlsx_problems(tmp_path / "naive.xlsx", HOSTILE)
    assert "Sheet!A1: '=HYPERLINK(\"http://evil.example\",\"click\")' is a formula" in problems
    assert any("not stored as text" in p for p in problems)
    with pytest.raises(AssertionError):
        sheets.assert_xlsx_text_is_text(tmp_path / "naive.xlsx", HOSTILE)
    sheets.assert_xlsx_text_is_text(tmp_path / "safe.xlsx", HOSTILE)
