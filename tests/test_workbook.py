"""The fill-in workbook: export, import back, bad cells reported at sheet, row and column."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.assess import example_path
from checker.cli import cli
from checker.codes import load_code
from checker.intake.submission import Answer, load_submission
from checker.intake.workbook import evidence_line, parse_evidence_line
from tests.ci_cases import GOLDEN

EXAMPLE = example_path()


def chc(*args: str):
    return CliRunner().invoke(cli, list(args))


def answered(submission) -> dict:
    """The rows with something in them (an import lists every row; unanswered ones are empty)."""
    return {pid: a for pid, a in submission.answers.items() if a != Answer(provision=pid)}


def same_submission(a, b) -> None:
    assert answered(a) == answered(b)  # comply, figures, words, choice, evidence, commentary, explanation, reason, action
    for field in ("landlord", "governance", "policy", "case_log", "settings", "stated_metrics", "annual_report",
                  "prepared", "period_start", "period_end", "period_label"):
        assert getattr(a, field) == getattr(b, field), field


EXAMPLES = EXAMPLE.parent.parent


@pytest.mark.parametrize("source", [
    EXAMPLE,                                                  # hos-2024, every row, action plans
    GOLDEN / "declared-no" / "submission.yaml",               # incomplete plans
    EXAMPLES / "ashcombe-2020-21" / "submission.yaml",        # hos-2020: figures, figures per item, words, choices, n/a
    EXAMPLES / "strathkinnell-2024-25" / "submission.yaml",   # spso-2021
    GOLDEN / "hos2022-migration" / "submission.yaml",         # migrated: needs_review, carried_from, rows left empty
])
def test_export_then_import_gives_back_an_equivalent_submission(tmp_path, source):
    book, back = tmp_path / "answers.xlsx", tmp_path / "back.yaml"
    assert chc("workbook", "export", str(source), "-o", str(book)).exit_code == 0
    result = chc("workbook", "import", str(book), "-o", str(back))
    assert result.exit_code == 0, result.output
    same_submission(load_submission(source), load_submission(back))


def test_the_imported_submission_checks_like_the_original(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(GOLDEN / "declared-no", folder)
    book = tmp_path / "answers.xlsx"
    assert chc("workbook", "export", str(folder / "submission.yaml"), "-o", str(book)).exit_code == 0
    assert chc("workbook", "import", str(book), "-o", str(folder / "back.yaml")).exit_code == 0
    original = chc("validate", "--format", "json", "--summary-only", str(folder / "submission.yaml"))
    again = chc("validate", "--format", "json", "--summary-only", str(folder / "back.yaml"))
    assert (original.exit_code, again.exit_code) == (1, 1)
    import json

    strip = lambda doc: [{k: v for k, v in f.items() if k != "file"} for f in json.loads(doc)["files"]]  # noqa: E731
    assert strip(original.stdout) == strip(again.stdout)


def test_import_output_is_deterministic_readable_yaml(tmp_path):
    book = tmp_path / "a.xlsx"
    chc("workbook", "export", str(GOLDEN / "declared-no" / "submission.yaml"), "-o", str(book))
    chc("workbook", "import", str(book), "-o", str(tmp_path / "1.yaml"))
    chc("workbook", "import", str(book), "-o", str(tmp_path / "2.yaml"))
    text = (tmp_path / "1.yaml").read_text(encoding="utf-8")
    assert text == (tmp_path / "2.yaml").read_text(encoding="utf-8")
    assert '  "5.10":\n' in text and '  "9.8":\n' in text
    block = text[text.index('  "9.8":'):]
    assert block == '  "9.8":\n    comply: no\n    explanation: Contractors have no complaint-handling objective yet.\n'


def test_export_is_byte_identical_each_time(tmp_path):
    for name in ("1.xlsx", "2.xlsx"):
        assert chc("workbook", "export", str(EXAMPLE), "-o", str(tmp_path / name)).exit_code == 0
    assert (tmp_path / "1.xlsx").read_bytes() == (tmp_path / "2.xlsx").read_bytes()


def test_the_workbook_layout(tmp_path):
    book = tmp_path / "a.xlsx"
    chc("workbook", "export", str(EXAMPLE), "-o", str(book))
    wb = load_workbook(book)
    assert wb.sheetnames == ["Answers", "Actions", "About"]
    ws = wb["Answers"]
    assert [c.value for c in ws[1]] == ["Provision", "Section", "Requirement", "Comply", "Evidence (one item a line)", "Commentary",
                                        "Explanation (if not met)", "Action (what will be done)", "Owner", "Target date"]
    assert ws.max_row == 73
    assert [ws.cell(row=r, column=1).value for r in (2, 73)] == ["1.2", "9.8"]
    assert ws.freeze_panes == "B2"
    assert ws.protection.sheet is True
    assert [c.protection.locked for c in ws[14]] == [True, True, True] + [False] * 7
    assert ws["C2"].value.startswith(load_code("hos-2024").provision("1.2").requirement)
    validations = sorted((dv.type, dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation)
    assert validations == [("date", "DATE(2000,1,1)", "J2:J73"), ("list", '"yes,no"', "D2:D73")]
    assert ws.column_dimensions["C"].width == 70
    assert ws["F2"].alignment.wrap_text is True
    row = {ws.cell(row=r, column=1).value: r for r in range(2, 74)}["5.10"]
    assert ws.cell(row=row, column=4).value == "no"
    assert ws.cell(row=row, column=10).value == dt.datetime(2025, 9, 30)
    assert ws.cell(row=row, column=10).number_format == "yyyy-mm-dd"
    assert wb["Actions"]["C2"].value.startswith('=IF(Answers!D2="","unanswered"')
    assert wb["Actions"].protection.sheet is True
    about = {r[0].value: r[1].value for r in wb["About"].iter_rows(min_row=3, max_row=7)}
    assert about == {"Landlord": "Northmoor Homes", "Nation": "england", "Period start": dt.datetime(2024, 4, 1),
                     "Period end": dt.datetime(2025, 3, 31), "Code": "hos-2024"}


def test_formula_looking_text_stays_text(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(GOLDEN / "declared-no", folder)
    text = (folder / "submission.yaml").read_text(encoding="utf-8")
    text = text.replace('"1.2": *yes', '"1.2": {comply: yes, evidence: ["=HYPERLINK(\\"http://x\\")"], commentary: "=1+2", explanation: "@SUM(A1)"}')
    (folder / "submission.yaml").write_text(text, encoding="utf-8")
    book = tmp_path / "a.xlsx"
    assert chc("workbook", "export", str(folder / "submission.yaml"), "-o", str(book)).exit_code == 0
    ws = load_workbook(book)["Answers"]
    assert [(ws[c].value, ws[c].data_type, ws[c].quotePrefix) for c in ("E2", "F2", "G2")] == [
        ('=HYPERLINK("http://x")', "s", True), ("=1+2", "s", True), ("@SUM(A1)", "s", True)]
    assert chc("workbook", "import", str(book), "-o", str(tmp_path / "back.yaml")).exit_code == 0
    back = load_submission(tmp_path / "back.yaml").answers["1.2"]
    assert (back.evidence[0].document, back.commentary, back.explanation) == ('=HYPERLINK("http://x")', "=1+2", "@SUM(A1)")


def edited(tmp_path: Path, edits: dict[tuple[str, str], object]) -> Path:
    book = tmp_path / "answers.xlsx"
    assert chc("workbook", "export", str(GOLDEN / "declared-no" / "submission.yaml"), "-o", str(book)).exit_code == 0
    wb = load_workbook(book)
    for (sheet, cell), value in edits.items():
        wb[sheet][cell] = value
    wb.save(book)
    return book


def test_a_bad_cell_is_reported_at_its_sheet_row_and_column_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    edited(tmp_path, {("Answers", "D14"): "Yess"})
    result = chc("workbook", "import", "answers.xlsx", "-o", "out.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "answers.xlsx[Answers]!D14: error: 'Yess' is not an answer chc can read; 3.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]",
        "chc: 1 input problem; nothing was written",
    ]
    assert not (tmp_path / "out.yaml").exists()


def test_every_bad_cell_is_reported_in_one_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    edited(tmp_path, {
        ("Answers", "D3"): "YES",                      # accepted: answers are not case-sensitive
        ("Answers", "D14"): "maybe",
        ("Answers", "J20"): "next spring",
        ("Answers", "E21"): "Policy | chapter 4",
        ("Answers", "F22"): "=A1+1",
        ("Answers", "I23"): "Jo Bloggs",
        ("Answers", "E24"): "figure: stage1.pct_in_time | value: lots",
        ("About", "B4"): "scotland",
        ("About", "B6"): dt.datetime(2024, 1, 1),
    })
    result = chc("workbook", "import", "answers.xlsx", "-o", "out.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "answers.xlsx[About]!B4: error: nation 'scotland': hos-2024 applies in england [wrong-jurisdiction]",
        "answers.xlsx[About]!B6: error: the period end (2024-01-01) must be after its start (2024-04-01) [bad-period]",
        "answers.xlsx[Answers]!D14: error: 'maybe' is not an answer chc can read; 3.3 takes yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case and with any words after (see docs/answers.md) [answer-not-recognised]",
        "answers.xlsx[Answers]!J20: error: target date: 'next spring' is not a date (type it as 2026-03-31 or 31/03/2026) [bad-date]",
        "answers.xlsx[Answers]!E21: error: evidence line 1: 'chapter 4' is not 'key: value' (keys: document, section, page, path, url, title, figure, value, unit, basis, scope); parts are separated by ' | ' [bad-evidence]",
        "answers.xlsx[Answers]!F22: error: a formula (=A1+1); type the value itself [formula]",
        "answers.xlsx[Answers]!H23: error: provision 5.2 has an owner or target date but no action (what will be done) [no-action]",
        "answers.xlsx[Answers]!E24: error: evidence line 1: value 'lots' is not a number [bad-evidence]",
        "chc: 8 input problems; nothing was written",
    ]
    assert not (tmp_path / "out.yaml").exists()


def test_filled_in_cells_are_read_as_answers(tmp_path):
    book = edited(tmp_path, {
        ("Answers", "D2"): "Yes ",
        ("Answers", "E2"): "Complaints policy | section: 2.1\nhttps://example.org/complaints | title: Our page\n\nfigure: stage1.pct_in_time | value: 97.5 | unit: %",
        ("Answers", "F2"): "Quoted word for word.",
        ("Answers", "J3"): "31/03/2026",
        ("Answers", "H3"): "Rewrite the leaflet",
    })
    assert chc("workbook", "import", str(book), "-o", str(tmp_path / "b.yaml")).exit_code == 0
    answers = load_submission(tmp_path / "b.yaml").answers
    first = answers["1.2"]
    assert first.comply == "yes"
    assert [e.label for e in first.evidence] == ["Complaints policy, section 2.1", "Our page", "Stage 1 responded to in time: 97.5%"]
    assert first.commentary == "Quoted word for word."
    assert (answers["1.3"].action.what, answers["1.3"].action.target_date) == ("Rewrite the leaflet", dt.date(2026, 3, 31))


def test_base_gives_the_sections_that_are_not_answers(tmp_path):
    book = edited(tmp_path, {})
    wb = load_workbook(book)
    about = wb["About"]
    marker = next(r[0].row for r in about.iter_rows() if r[0].value == "Kept from the submission (YAML):")
    for row in about.iter_rows(min_row=marker + 1):
        row[0].value = None
    wb.save(book)
    assert chc("workbook", "import", str(book), "-o", str(tmp_path / "no-base.yaml")).exit_code == 0
    assert load_submission(tmp_path / "no-base.yaml").governance == {}
    base = GOLDEN / "declared-no" / "submission.yaml"
    assert chc("workbook", "import", str(book), "--base", str(base), "-o", str(tmp_path / "with-base.yaml")).exit_code == 0
    same_submission(load_submission(base), load_submission(tmp_path / "with-base.yaml"))


def test_broken_kept_yaml_is_reported_at_its_row(tmp_path):
    book = edited(tmp_path, {})
    wb = load_workbook(book)
    about = wb["About"]
    marker = next(r[0].row for r in about.iter_rows() if r[0].value == "Kept from the submission (YAML):")
    about.cell(row=marker + 2, column=1).value = "  complaints_officer: {name: Sam"
    wb.save(book)
    result = chc("workbook", "import", str(book), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{book}[About]!A{marker + 3}: error: kept YAML: YAML syntax:")


def test_a_blank_workbook_for_a_new_year(tmp_path):
    book = tmp_path / "blank.xlsx"
    result = chc("workbook", "export", "--landlord", "Test Homes", "--period", "2025-26", "-o", str(book))
    assert result.exit_code == 0
    assert chc("workbook", "import", str(book), "-o", str(tmp_path / "s.yaml")).exit_code == 0
    submission = load_submission(tmp_path / "s.yaml")
    assert (submission.landlord_name, submission.period_label, len(submission.answers)) == ("Test Homes", "2025-26", 72)
    assert {a.comply for a in submission.answers.values()} == {""}


@pytest.mark.parametrize("args, message", [
    (["workbook", "export", "-o", "x.xlsx"], "Error: give a SUBMISSION, or --landlord and --period for a blank workbook"),
    (["workbook", "export", "--landlord", "A", "--period", "2025-2026", "-o", "x.xlsx"], "Error: Invalid value for '--period': '2025-2026' is not a year like 2025-26 (April to March)"),
])
def test_export_usage_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = chc(*args)
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (2, message)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_file_that_is_not_a_workbook(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("fake.xlsx").write_text("not a workbook", encoding="utf-8")
    result = chc("workbook", "import", "fake.xlsx", "-o", "out.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "fake.xlsx: error: is not an Excel workbook (.xlsx) that chc can read (BadZipFile) [not-a-workbook]"
    assert not Path("out.yaml").exists()


def test_an_invalid_submission_is_not_exported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("bad.yaml").write_text("code: hos-2024\n", encoding="utf-8")
    result = chc("workbook", "export", "bad.yaml", "-o", "out.xlsx")
    assert result.exit_code == 2
    assert not Path("out.xlsx").exists()


@pytest.mark.parametrize("item, line", [
    ("Complaints policy", "Complaints policy"),
    ({"document": "Policy", "section": "2.1", "path": "docs/p.md"}, "Policy | section: 2.1 | path: docs/p.md"),
    ({"url": "https://example.org/c", "title": "Page"}, "https://example.org/c | title: Page"),
    ({"figure": "stage1.pct_in_time", "value": 48.6, "unit": "%"}, "figure: stage1.pct_in_time | value: 48.6 | unit: %"),
    ({"document": "Board paper", "page": "4", "url": "https://example.org/b"}, "Board paper | page: 4 | url: https://example.org/b"),
    ("url: not a link but a name", "document: url: not a link but a name"),
])
def test_evidence_lines_both_ways(item, line):
    assert evidence_line(item) == line
    assert parse_evidence_line(line) == (item, "")


def test_evidence_lines_that_cannot_be_read():
    assert parse_evidence_line("section: 2") == (None, "an item needs a document, a URL, or a figure with its value")
    assert parse_evidence_line("Policy | url: www.example.org") == (None, "'www.example.org' is not a web address starting http:// or https://")
    assert parse_evidence_line("Policy | page: 1 | page: 2") == (None, "'page' is given twice")
    assert parse_evidence_line("a|b") == ("a|b", "")


def test_figures_per_item_are_read_and_checked(tmp_path):
    source = EXAMPLES / "ashcombe-2020-21" / "submission.yaml"
    book = tmp_path / "a.xlsx"
    assert chc("workbook", "export", str(source), "-o", str(book)).exit_code == 0
    wb = load_workbook(book)
    ws = wb["Answers"]
    heads = [c.value for c in ws[1]]
    assert heads[3:7] == ["Comply", "Value (a number; for a row with items, a line each: a: 12)", "Written answer", "Choice"]
    row = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    assert ws.cell(row=row["4.7"], column=5).value == "a: 89\nc: 80"
    ws.cell(row=row["4.7"], column=5).value = "a: 91\nz: 3\nc: 180"
    ws.cell(row=row["3.8"], column=7).value = "stage four"
    wb.save(book)
    result = chc("workbook", "import", str(book), "-o", str(tmp_path / "x.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:-1] == [
        f"{book}[Answers]!G{row['3.8']}: error: 'stage four' is not a choice of provision 3.8; use stage one or stage two or stage three [answer-not-allowed]",
        f"{book}[Answers]!E{row['4.7']}: error: 'z: 3': give one figure per item as 'a: 12' (items a, b, c, d) [bad-value]",
        f"{book}[Answers]!E{row['4.7']}: error: provision 4.7(c) asks for a percentage; 180 is outside 0 to 100 [out-of-range]",
    ]
