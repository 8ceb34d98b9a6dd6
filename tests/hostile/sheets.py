"""Checks that spreadsheets chc writes carry no text a spreadsheet program would run as a formula.

A landlord's text reaches published CSV and XLSX files. Excel, LibreOffice and Google Sheets run a
cell as a formula when it starts with = + - @ (and, in CSV, after a leading tab or carriage
return), so `=HYPERLINK("http://evil.example","click")` or `=cmd|' /C calc'!A0` typed as
commentary could become a live link or worse ("CSV injection"). The rules checked here:

- XLSX: no cell is a formula (openpyxl `data_type == "f"`); each hostile text is stored as text
  (`data_type == "s"`), so Excel shows it as typed.
- CSV: no cell starts with = @ TAB CR, nor with + or - unless it is a plain number chc wrote; each
  hostile text appears defused (commonly prefixed with an apostrophe, `'=HYPERLINK(...)`).

Used by tests/test_hostile.py for every CSV or XLSX output the corpus produces, and tested
itself in tests/test_hostile_sheets.py.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def runs_as_formula(text: str) -> bool:
    """Would a spreadsheet opening this CSV cell run it as a formula (or a number it was not)?"""
    return bool(text) and text.startswith(TRIGGERS)


def csv_problems(data: str | bytes, texts: list[str] = ()) -> list[str]:
    """Every cell of a CSV that a spreadsheet would run; and hostile `texts` left live."""
    if isinstance(data, bytes):
        data = data.decode("utf-8-sig")
    problems = []
    cells = []
    for r, row in enumerate(csv.reader(io.StringIO(data, newline="")), start=1):
        for c, cell in enumerate(row, start=1):
            cells.append(cell)
            if cell.startswith(("=", "@", "\t", "\r")) or (cell.startswith(("+", "-")) and not _is_number(cell)):
                problems.append(f"row {r}, column {c}: {cell!r} would run as a formula")
    for text in texts:
        holders = [cell for cell in cells if text in cell]
        if not holders:
            problems.append(f"{text!r} is missing from the CSV")
        problems.extend(f"{text!r} is left live in the cell {cell!r}" for cell in holders if runs_as_formula(cell))
    return problems


def assert_csv_text_is_inert(path: str | Path, texts: list[str] = ()) -> None:
    problems = csv_problems(Path(path).read_bytes(), texts)
    assert not problems, "\n".join(problems)


def xlsx_problems(path: str | Path, texts: list[str] = ()) -> list[str]:
    """Every formula cell of a workbook; and hostile `texts` not stored as plain text."""
    import openpyxl

    wb = openpyxl.load_workbook(path, data_only=False)
    problems = []
    found: dict[str, list[str]] = {t: [] for t in texts}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    problems.append(f"{ws.title}!{cell.coordinate}: {cell.value!r} is a formula")
                if isinstance(cell.value, str):
                    for text in texts:
                        if text in cell.value:
                            found[text].append(cell.data_type)
    for text, kinds in found.items():
        if not kinds:
            problems.append(f"{text!r} is missing from the workbook")
        elif any(kind != "s" for kind in kinds):
            problems.append(f"{text!r} is not stored as text (cell types {kinds})")
    return problems


def assert_xlsx_text_is_text(path: str | Path, texts: list[str] = ()) -> None:
    problems = xlsx_problems(path, texts)
    assert not problems, "\n".join(problems)
