"""The XLSX self-assessment: every row of the result, text that stays text, the same bytes each time."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from checker.assess import assess
from checker.cli import cli
from checker.render.templated import ANSWER_LABELS, VERDICT_LABELS
from checker.render.cells import FORMULA_STARTS
from checker.render.xlsx import render_xlsx
from checker.result import build_result

DATA = Path(__file__).parent / "data" / "publish"
CURRENT = DATA / "ashdown-2024-25" / "submission.yaml"


@pytest.fixture(scope="module")
def result():
    return build_result(assess(CURRENT))


@pytest.fixture(scope="module")
def book(result):
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(result, with_findings=True)))


def rows_by_provision(ws):
    return {row[0].value: row for row in ws.iter_rows(min_row=5) if row[0].value and row[2].value is not None}


def test_every_provision_of_the_result_is_a_row_with_its_answer_verdict_and_action(result, book):
    ws = book["Self-assessment"]
    assert [c.value for c in ws[4]] == list(result["code"]["form_columns"]) + ["Action", "Owner", "Target date", "chc verdict", "chc findings"]
    rows = rows_by_provision(ws)
    assert list(rows) == [p["id"] for p in result["provisions"]]
    assert len(rows) == 72
    for p in result["provisions"]:
        row = [c.value for c in rows[p["id"]]]
        assert row[1].split("\n")[0] == p["requirement"]
        assert row[2] == ANSWER_LABELS[p["answer"]]
        assert row[8] == VERDICT_LABELS[p["verdict"]]
        assert (row[3] or "").split("\n") == ([e["label"] for e in p["evidence"]] or [""])
        if p["action"]:
            assert row[5] == p["action"]["what"] and row[6] == p["action"]["owner"]
            assert row[7].date() == dt.date.fromisoformat(p["action"]["target_date"])
        else:
            assert row[5] is None and row[7] is None
        assert (row[9] or "") == "\n".join(f"{f['severity'].capitalize()}: {f['message']}" for f in p["findings"])


def test_exact_values_of_known_rows(book):
    rows = rows_by_provision(book["Self-assessment"])
    assert [c.value for c in rows["5.10"]][2:9] == [
        "No", None, "The adjustments register has no review dates.", "Add review dates to the adjustments register",
        "Head of Customer Experience", dt.datetime(2025, 2, 28), "Not met (declared)"]
    assert rows["6.3"][8].value == "Contradicted"
    assert "61.5% of stage 1 complaints responded to in time, below the 95.0% tolerance" in rows["6.3"][9].value
    assert rows["9.7"][2].value == "Not answered" and rows["9.7"][8].value == "Unanswered"
    assert rows["6.3"][3].value == "Complaints policy, section 4\nStage 1 responded to in time: 61.5%"


def test_section_and_subheading_rows_in_the_codes_order(book):
    ws = book["Self-assessment"]
    headings = [r[0].value for r in ws.iter_rows(min_row=5) if r[0].value and r[2].value is None]
    sections = [h for h in headings if h[0].isdigit()]
    assert sections[0] == "1. Definition of a complaint" and len(sections) == 9
    assert "Stage 1" in headings and "Stage 2" in headings
    assert headings.index("Stage 1") < headings.index("Stage 2")


def test_formula_looking_text_stays_text(book):
    ws = book["Self-assessment"]
    rows = rows_by_provision(ws)
    cases = {
        ("6.3", 4): '=HYPERLINK("http://evil.example","click") is how one report described our timeliness.',
        ("6.14", 4): "+44 20 7946 0000 is the complaints line.",
        ("7.1", 4): "- remedies are recorded in the case file\n- and checked monthly",
        ("7.2", 3): "@remedies guidance, page 3",
    }
    for (pid, col), text in cases.items():
        cell = rows[pid][col]
        assert cell.value == text
        assert cell.data_type == "s", (pid, cell.data_type)
        assert cell.quotePrefix, pid
    # nothing anywhere in the workbook is a formula
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)


def test_no_formula_element_in_the_file(result):
    with zipfile.ZipFile(io.BytesIO(render_xlsx(result, with_findings=True))) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_layout_frozen_header_print_setup_and_page_header(book, result):
    ws = book["Self-assessment"]
    assert ws["A1"].value == "Ashdown Vale Housing: Complaint Handling Code self-assessment 2024-25"
    assert ws.freeze_panes == "A5"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$4:$4"
    assert ws.oddHeader.left.text == "Ashdown Vale Housing" and ws.oddHeader.right.text == "Period 2024-25"
    assert ws.column_dimensions["B"].width == 60
    assert rows_by_provision(ws)["1.2"][1].alignment.wrap_text
    assert ws.auto_filter.ref.startswith("A4:J")


def test_summary_and_findings_sheets(book, result):
    summary = book["Summary"]
    total = [c.value for c in summary[5 + len(result["summary"]["sections"])]]
    assert total == ["All provisions", 67, 3, 1, 0, 1, 0, 72]
    findings = book["Findings"]
    got = [(r[0].value, r[1].value) for r in findings.iter_rows(min_row=5)]
    assert got == [("error", "5.10"), ("error", "6.3"), ("error", "9.7")]


def test_two_renders_are_byte_identical_with_fixed_dates(result):
    first, second = render_xlsx(result, with_findings=True), render_xlsx(result, with_findings=True)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    # openpyxl writes namespace prefixes differently with and without lxml installed
    assert re.search(r"<(\w+:)?creator[^>]*>chc</(\w+:)?creator>", core) and "1980-01-01T00:00:00Z" in core


def test_landlord_name_with_ampersand_prints_as_written(result):
    changed = {**result, "submission": {**result["submission"], "landlord": {**result["submission"]["landlord"], "name": "A & B Homes"}}}
    ws = openpyxl.load_workbook(io.BytesIO(render_xlsx(changed, with_findings=True)))["Self-assessment"]
    assert ws.oddHeader.left.text == "A && B Homes"


def test_cli_xlsx_needs_an_output_file(tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["report", str(CURRENT), "--format", "xlsx"])
    assert res.exit_code == 2 and "-o FILE" in res.output
    out = tmp_path / "sa.xlsx"
    res = runner.invoke(cli, ["report", str(CURRENT), "--format", "xlsx", "-o", str(out)])
    assert res.exit_code == 1  # the fixture has failing findings; the workbook is written anyway
    assert out.read_bytes() == render_xlsx(build_result(assess(CURRENT)))
    assert list(tmp_path.iterdir()) == [out]


def test_bundled_example_workbook_reproduces_the_result():
    from checker.assess import example_path

    result = build_result(assess(example_path()))
    rows = rows_by_provision(openpyxl.load_workbook(io.BytesIO(render_xlsx(result, with_findings=True)))["Self-assessment"])
    assert [(pid, row[8].value) for pid, row in rows.items()] == [(p["id"], VERDICT_LABELS[p["verdict"]]) for p in result["provisions"]]
    assert rows["6.3"][8].value == "Contradicted" and "48.6%" in rows["6.3"][9].value


def test_rows_are_tall_enough_for_their_wrapped_text():
    """Spreadsheets keep a row one line high unless told; every row with long text is given its height."""
    import io

    from openpyxl import load_workbook

    from checker.assess import assess, example_path
    from checker.render.sheet_layout import LINE_POINTS, lines_needed
    from checker.result import build_result

    wb = load_workbook(io.BytesIO(render_xlsx(build_result(assess(example_path())), with_findings=True)))
    ws = wb["Self-assessment"]
    row = next(r for r in ws.iter_rows(min_row=5) if r[0].value == "6.3")
    findings = row[9].value
    assert findings.startswith("Error: 6.3 is answered yes, but the case log shows 48.6%")
    assert (len(findings), lines_needed(findings, 50)) == (227, 5)  # a column 50 wide holds 54 to a line
    widths = {c.column_letter: ws.column_dimensions[c.column_letter].width for c in row}
    tallest = max(lines_needed(c.value, widths[c.column_letter]) for c in row if isinstance(c.value, str))
    assert tallest >= 5
    assert ws.row_dimensions[row[0].row].height == tallest * LINE_POINTS
    assert lines_needed("a" * 54 + "\n" + "b", 50) == 2
