"""`chc import` (Word forms, web pages, spreadsheets to a submission) and `chc report --format docx`.

The golden fixtures in tests/data/import/ are made by make_fixtures.py (invented words only); each
has its expected submission, compared byte for byte.
"""

from __future__ import annotations

import io
import os
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from checker.intake.importer import import_files
from checker.intake.importer.evidence_cells import evidence_items, reference, split_merged
from checker.intake.importer.tables import header_role, provision_number, read_header
from checker.yamlsource import load_yaml_file

DATA = Path(__file__).parent / "data" / "import"
sys.path.insert(0, str(DATA))
import make_fixtures  # noqa: E402

COUNCIL = [f"council/section-{n}.html" for n in range(1, 10)]
GOLDEN = [
    (["word-form.docx"], "word-form.expected.yaml"),
    (COUNCIL, "council.expected.yaml"),
    (["sheet-form.xlsx"], "sheet-form.expected.yaml"),
    (["csv-form.csv"], "csv-form.expected.yaml"),
]


def run(args, folder=None, monkeypatch=None):
    if folder is not None:
        monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result


# ------------------------------------------------------------------------------ golden fixtures

@pytest.mark.parametrize("files,expected", GOLDEN, ids=[g[1].split(".")[0] for g in GOLDEN])
def test_golden_import(files, expected, tmp_path, monkeypatch):
    out = tmp_path / "submission.yaml"
    result = run(["import", *files, "-o", out], DATA, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert "warning:" not in result.stderr  # every row placed
    if os.environ.get("CHC_REGENERATE_IMPORT"):  # after a change to the shared YAML writer: review the diff
        (DATA / expected).write_bytes(out.read_bytes())
    assert out.read_bytes() == (DATA / expected).read_bytes()


def test_golden_summaries(tmp_path, monkeypatch):
    result = run(["import", *COUNCIL, "-o", tmp_path / "s.yaml"], DATA, monkeypatch)
    assert result.stderr.splitlines() == [
        f"wrote {tmp_path / 's.yaml'}: 72 of the 72 rows of hos-2024 from 9 files (10 tables)",
        "  no answer given: 2.2, 2.4",
        "  Code version hos-2024: its form has 72 of the 72 provision numbers found",
        "  period 2024-25: from the headings (give --period to set another)",
        "  no landlord name given: give --landlord NAME or fill in landlord: name: in the file",
        f"next: chc check {tmp_path / 's.yaml'}",
    ]
    result = run(["import", "csv-form.csv", "-o", tmp_path / "c.yaml", "--landlord", "Harbourfield Homes", "--period", "2025-26"], DATA, monkeypatch)
    lines = result.stderr.splitlines()
    assert lines[0] == f"wrote {tmp_path / 'c.yaml'}: 16 of the 72 rows of hos-2024 from 1 file (1 table)"
    assert lines[1] == "  not in the files (left unanswered): 3.7, 4.1, 4.2, 4.3, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8 and 44 more"
    data = load_yaml_file(tmp_path / "c.yaml").data
    assert data["landlord"] == {"name": "Harbourfield Homes", "nation": "england"}
    assert str(data["period"]["start"]) == "2025-04-01" and str(data["period"]["end"]) == "2026-03-31"


def test_fixtures_are_what_the_script_makes(tmp_path):
    """The committed web pages and CSV are the script's output (so they can be remade and reviewed)."""
    (tmp_path / "council").mkdir()
    make_fixtures.council_pages(tmp_path / "council")
    make_fixtures.csv_form(tmp_path / "csv-form.csv")
    for name in [*COUNCIL, "csv-form.csv"]:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


STRUCTURE = {"section", "page", "pages", "s", "p"}  # "(section 2.1)" is written `section: "2.1"`


def _words(*texts) -> list[str]:
    """The words and numbers of some texts, without the words that become an item's keys."""
    return sorted(w for t in texts for w in re.findall(r"[A-Za-z0-9#'’–]+", str(t or "")) if w.lower() not in STRUCTURE)


def _item_words(item) -> list[str]:
    return [item] if isinstance(item, str) else [str(v) for v in item.values()]


@pytest.mark.parametrize("files,expected", GOLDEN[:2] + GOLDEN[3:], ids=["word", "council", "csv"])
def test_every_word_is_kept(files, expected):
    """Every word of every row's answer, evidence and commentary is in the submission."""
    answers = load_yaml_file(DATA / expected).data["answers"]
    source = make_fixtures.rows()[:16] if files == ["csv-form.csv"] else make_fixtures.rows()
    for pid, _, _, _, comply, evidence, commentary in source:
        got = answers[pid]
        given = [got.get("comply")] + [w for item in got.get("evidence") or () for w in _item_words(item)] + [got.get("commentary")]
        written = [comply] + evidence + [commentary]
        if files == COUNCIL and pid.startswith("2.") and not got.get("comply"):
            written[0] = ""  # the flattened page leaves some Comply cells empty
        if files == COUNCIL and pid.startswith("4."):
            written[0] = "No" if comply == "No" else "Yes"  # a tick under Yes or No
        assert _words(*given) == _words(*written), pid


def test_comment_marks_are_quoted_and_read_back_whole():
    text = (DATA / "word-form.expected.yaml").read_text(encoding="utf-8")
    assert "    commentary: 'See complaint #2207 for a worked example of this step.'\n" in text
    answers = load_yaml_file(DATA / "word-form.expected.yaml").data["answers"]
    assert answers["1.5"]["commentary"] == "See complaint #2207 for a worked example of this step."


# ------------------------------------------------------------------------------ reading the parts

@pytest.mark.parametrize("text,number", [
    ("6.3", "6.3"), ("6.3.", "6.3"), ("Provision 6.3", "6.3"), ("Code provision 6.3", "6.3"), ("provision 6.10", "6.10"),
    ("Q6.3", "6.3"), ("6.3 A stage 1 reply within 10 days", "6.3"), ("Section 5.14:", "5.14"),
    ("6", ""), ("Section 6", ""), ("2024-25", ""), ("1. Definition of a complaint", ""), ("Yes", ""), ("16.30pm", ""),
])
def test_provision_numbers(text, number):
    assert provision_number(text) == number


@pytest.mark.parametrize("text,role", [
    ("Code provision", "provision"), ("Provision", "provision"), ("Section", "provision"), ("Ref", "provision"),
    ("Code requirement", "requirement"), ("What the Code requires", "requirement"), ("REQUIREMENT", "requirement"),
    ("Comply: Yes / No", "comply"), ("Do we comply?", "comply"), ("Code requirement met?", "comply"), ("Compliant?", "comply"),
    ("Evidence", "evidence"), ("Commentary / explanation", "commentary"), ("Notes", "commentary"),
    ("Evidence, commentary and any explanations", "evidence+commentary"), ("Evidence relied upon and commentary", "evidence+commentary"),
    ("Yes", "tick:Yes"), ("NO", "tick:NO"), ("N/A", "tick:N/A"), ("Partially", "tick:Partially"),
    ("Date", None), ("", None), ("Owner", None),
])
def test_header_words(text, role):
    assert header_role(text) == role


def test_a_header_row_needs_a_place_and_an_answer():
    assert read_header(("Provision", "Requirement", "Comply", "Evidence", "Commentary")).roles == \
        {"provision": 0, "requirement": 1, "comply": 2, "evidence": 3, "commentary": 4}
    assert read_header(("comply", "EVIDENCE", "provision")).roles == {"comply": 0, "evidence": 1, "provision": 2}
    assert read_header(("Contact us", "Accessibility", "Privacy")) is None
    assert read_header(("Provision", "Requirement")) is None  # nothing answered
    assert read_header(("Comply", "Evidence")) is None  # nothing to place rows by


@pytest.mark.parametrize("line,item", [
    ("Complaints Policy (section 7.4)", {"document": "Complaints Policy", "section": "7.4"}),
    ("policy s.2.1", {"document": "policy", "section": "2.1"}),
    ("Annual report page 5", {"document": "Annual report", "page": 5}),
    ("Annual report, pages 4-6", {"document": "Annual report", "page": "4-6"}),
    ("Policy (p. 4)", {"document": "Policy", "page": 4}),
    ("Complaints Policy v4.0, section 6.1, 6.3", {"document": "Complaints Policy v4.0", "section": "6.1, 6.3"}),
    ("Business plan, section Appendix C", {"document": "Business plan", "section": "Appendix C"}),
    ("Doc, section 3, page 12", {"document": "Doc", "section": "3", "page": 12}),
    ("https://www.example.org/complaints", {"url": "https://www.example.org/complaints"}),
    ("Complaints page: https://www.example.org/c", {"url": "https://www.example.org/c", "title": "Complaints page"}),
    ("Complaints page (https://www.example.org/c)", {"url": "https://www.example.org/c", "title": "Complaints page"}),
    ("Stage 1 responded to in time: 48.6%", {"figure": "stage1.pct_in_time", "value": 48.6, "unit": "%"}),
    ("Stage 2 received: 120", {"figure": "stage2.received", "value": 120}),
    # what must stay text
    ("page 5", None), ("We comply with section 3", None), ("See the report, page 4", None),
    ("Our policy is reviewed every year.", None), ("Board minutes, 14 March 2024", None), ("Self-assessment 2024-25", None),
    ("Read https://a.example/x and https://b.example/y", None), ("Stage 3 received: 4", None), ("Stage 1 received: many", None),
])
def test_evidence_references(line, item):
    assert reference(line) == item


def test_evidence_cells_and_merged_cells():
    assert evidence_items("• Complaints Policy (section 7.4)\n\n- Leaflet\nhttps://x.example/a") == [
        {"document": "Complaints Policy", "section": "7.4"}, "Leaflet", {"url": "https://x.example/a"}]
    items, rest = split_merged("Complaints Policy (section 2)\nWe meet this in full.\n\nSee also the leaflet.")
    assert items == [{"document": "Complaints Policy", "section": "2"}]
    assert rest == "We meet this in full.\n\nSee also the leaflet."


# ------------------------------------------------------------------------------ what could not be placed

def _docx(path: Path, tables, before=("Complaint Handling Code 2024 self-assessment",)) -> None:
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=0, cols=max(len(r) for r in rows))
        for cells in rows:
            row = table.add_row().cells
            for cell, text in zip(row, cells):
                cell.text = text
        document.add_paragraph("")
    document.save(path)


HEAD = ("Provision", "Requirement", "Comply", "Evidence", "Commentary")


def test_rows_that_continue_the_row_above_are_joined_to_it(tmp_path, monkeypatch):
    """Items (a), (b)... given a row each, and a row broken across a page, belong to the numbered
    row above: their words are kept there. A row with an answer of its own is never joined."""
    (tmp_path / "form.html").write_text(
        "<table><tr><td><strong>Code provision</strong></td><td><strong>Code requirement</strong></td>"
        "<td><strong>Comply</strong></td><td><strong>Evidence, commentary and any explanations</strong></td></tr>"
        "<tr><th scope='row'>6.9</th><td>Stage 1 letters must confirm:</td><td>Yes</td><td>Letter template v3</td></tr>"
        "<tr><td></td><td>a. the stage</td><td></td><td></td></tr>"
        "<tr><td></td><td>(b) the definition</td><td></td><td>Box 2 of the letter</td></tr>"
        "<tr><td></td><td></td><td></td><td>Checked by the quality team each month.</td></tr>"
        "<tr><td></td><td>Handlers are named</td><td>Yes</td><td>Own answer, no number</td></tr>"
        "</table>", encoding="utf-8")
    result = run(["import", "form.html", "-o", "s.yaml", "--code", "hos-2024"], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if ": warning: " in line] == [
        "form.html: table 1 row 6: warning: a row with no provision number: "
        "'Handlers are named | Yes | Own answer, no number' [not-placed]",
    ]
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["6.9"] == {
        "comply": "Yes",
        "evidence": ["Letter template v3", "Box 2 of the letter", "Checked by the quality team each month."]}


def test_a_merged_column_with_no_reference_evidences_a_yes_and_explains_a_no(tmp_path, monkeypatch):
    """In a merged 'Evidence, commentary and any explanations' column, a 'yes' row whose words
    name no section, page or address is evidenced by those words (not left with no evidence); a
    'no' row's words stay commentary, where its explanation and plan are read; a row with a
    reference keeps the reference as evidence and the rest as commentary."""
    (tmp_path / "form.html").write_text(
        "<table><tr><th>Code provision</th><th>Code requirement</th><th>Comply</th>"
        "<th>Evidence, commentary and any explanations</th></tr>"
        "<tr><td>1.3</td><td>r</td><td>Yes</td><td><p>Staff training and call scripts.</p></td></tr>"
        "<tr><td>1.4</td><td>r</td><td>No</td><td><p>Not yet in the policy; we will add it by March 2026.</p></td></tr>"
        "<tr><td>1.5</td><td>r</td><td>Yes</td><td><p>Complaints Policy (section 3.2)</p><p>Reviewed in 2024.</p></td></tr>"
        "</table>", encoding="utf-8")
    result = run(["import", "form.html", "-o", "s.yaml", "--code", "hos-2024"], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["1.3"] == {"comply": "Yes", "evidence": ["Staff training and call scripts."]}
    assert answers["1.4"] == {"comply": "No", "commentary": "Not yet in the policy; we will add it by March 2026."}
    assert answers["1.5"] == {"comply": "Yes", "evidence": [{"document": "Complaints Policy", "section": "3.2"}],
                              "commentary": "Reviewed in 2024."}


def test_rows_that_cannot_be_placed_are_reported_with_their_place(tmp_path, monkeypatch):
    _docx(tmp_path / "form.docx", [
        [HEAD, ("6.3", "r", "Yes", "Policy (section 7)", "Fine."),
         ("", "r", "Yes", "", "A row someone forgot to number"),
         ("6.25", "r", "No", "", "Not a provision of 2024"),
         ("6.3", "r", "No", "", "Given again"),
         ("1.1", "r", "Yes", "", "1.1 is a provision but not a form row")],
        [HEAD],
    ])
    (tmp_path / "ticks.html").write_text(
        "<table><tr><th>Provision</th><th>Yes</th><th>No</th><th>Evidence</th></tr>"
        "<tr><td>6.4</td><td>✓</td><td>✓</td><td>Letters</td></tr>"
        "<tr><td>6.5</td><td>x</td><td>see note</td><td></td></tr></table>", encoding="utf-8")
    result = run(["import", "form.docx", "ticks.html", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warnings == [
        "form.docx: table 1 row 3: warning: a row with no provision number: 'r | Yes | A row someone forgot to number' [not-placed]",
        "form.docx: table 1 row 4: warning: '6.25' is not a provision of hos-2024; this row was not imported: '6.25 | r | No | Not a provision of 2024' [not-placed]",
        "form.docx: table 1 row 5: warning: provision 6.3 is given twice (first at form.docx: table 1 row 2); this row was not imported: '6.3 | r | No | Given again' [duplicate]",
        "form.docx: table 1 row 6: warning: provision 1.1 of hos-2024 is not a row of its self-assessment form; this row was not imported: '1.1 | r | Yes | 1.1 is a provision but not a form row' [not-placed]",
        "form.docx: table 2: warning: this table has a header row but no rows [empty-table]",
        "ticks.html: table 1 row 2: warning: provision 6.4 has ticks under Yes and No; its answer is left empty [two-answers]",
    ]
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["6.3"] == {"comply": "Yes", "evidence": [{"document": "Policy", "section": "7"}], "commentary": "Fine."}
    assert answers["6.4"] == {"comply": None, "evidence": ["Letters"]}
    assert answers["6.5"] == {"comply": "Yes", "commentary": "see note"}  # words in a tick column are kept
    assert "  not imported, or not clear: 6 (each listed above with its place)" in result.stderr


def test_nothing_usable_is_exit_2_and_writes_nothing(tmp_path, monkeypatch):
    _docx(tmp_path / "letter.docx", [[("Dear resident", "Thank you")]])
    (tmp_path / "page.html").write_text("<nav><table><tr><td>Home</td></tr></table></nav><p>No tables here</p>", encoding="utf-8")
    result = run(["import", "letter.docx", "page.html", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "letter.docx: error: no self-assessment table found: no table has a header row naming the provision (or requirement) "
        "and the comply, evidence or commentary columns [no-table]",
        "page.html: error: no self-assessment table found: no table has a header row naming the provision (or requirement) "
        "and the comply, evidence or commentary columns [no-table]",
        "chc: 2 input problems; nothing was written",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx", "page.html"]


def test_a_refused_file_does_not_stop_the_others(tmp_path, monkeypatch):
    (tmp_path / "broken.docx").write_text("this is not a Word document", encoding="utf-8")
    result = run(["import", "broken.docx", DATA / "csv-form.csv", "-o", "s.yaml", "--period", "2024-25"], tmp_path, monkeypatch)
    assert result.exit_code == 0
    assert "broken.docx: warning: is not a Word document (.docx): it is text, not a zip package [wrong-format]" in result.stderr
    assert "16 of the 72 rows" in result.stderr


@pytest.mark.parametrize("name,make,message", [
    ("a.docx", lambda p: p.write_text("hello"), "a.docx: error: is not a Word document (.docx): it is text, not a zip package [wrong-format]"),
    ("a.docx", lambda p: p.write_bytes((DATA / "sheet-form.xlsx").read_bytes()),
     "a.docx: error: is not a Word document (.docx): it is an Excel workbook; rename it .xlsx [wrong-format]"),
    ("a.xlsx", lambda p: p.write_bytes((DATA / "word-form.docx").read_bytes()),
     "a.xlsx: error: is not an Excel workbook (.xlsx): it is a Word document; rename it .docx [wrong-format]"),
    ("a.html", lambda p: p.write_bytes((DATA / "word-form.docx").read_bytes()),
     "a.html: error: is not a web page (.html): it is a zip package, not text [wrong-format]"),
    ("a.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600),
     "a.docx: error: is not a Word document (.docx): it is an old-style Office file (.doc or .xls); open it and save it as .docx or .xlsx [wrong-format]"),
    ("a.pdf", lambda p: p.write_bytes(b"%PDF-1.4"),
     "a.pdf: error: chc import reads .docx, .html, .htm, .xlsx and .csv files, not '.pdf'; save the form in one of those formats [unsupported-format]"),
    ("a.html", lambda p: p.write_text("   "), "a.html: error: is empty [empty]"),
])
def test_files_that_are_not_what_they_say(name, make, message, tmp_path, monkeypatch):
    make(tmp_path / name)
    result = run(["import", name, "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == message
    assert not (tmp_path / "s.yaml").exists()


def test_the_code_version_is_found_or_asked_for(tmp_path, monkeypatch):
    rows = "Provision,Comply,Evidence\n1.2,Yes,Policy\n1.3,No,\n"
    (tmp_path / "a.csv").write_text(rows, encoding="utf-8")
    result = run(["import", "a.csv", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "a.csv: error: cannot tell which Code version this form follows: its provision numbers fit hos-2020, hos-2022, "
        "hos-2024, spso-2021 equally and the headings do not say; give --code (see `chc codes`) [ambiguous-code]")
    assert run(["import", "a.csv", "-o", "s.yaml", "--code", "hos-2022"], tmp_path, monkeypatch).exit_code == 0
    assert load_yaml_file(tmp_path / "s.yaml").data["code"] == "hos-2022"
    _docx(tmp_path / "b.docx", [[HEAD, ("1.2", "", "Yes", "", ""), ("1.3", "", "No", "", "")]],
          before=("Our self-assessment against the Complaint Handling Code 2022",))
    result = run(["import", "b.docx", "-o", "b.yaml"], tmp_path, monkeypatch)
    assert "  Code version hos-2022: the headings name the 2022 Code" in result.stderr.splitlines()
    result = run(["import", "a.csv", "-o", "s.yaml", "--force", "--code", "hos-1999"], tmp_path, monkeypatch)
    assert result.exit_code == 2 and "unknown Code version 'hos-1999'" in result.stderr


def test_refuses_to_overwrite_without_force(tmp_path, monkeypatch):
    (tmp_path / "s.yaml").write_text("mine", encoding="utf-8")
    result = run(["import", DATA / "csv-form.csv", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 2 and "already exists; use --force" in result.stderr
    assert (tmp_path / "s.yaml").read_text() == "mine"


def test_chc_workbook_is_read_as_the_workbook_import_reads_it(tmp_path, monkeypatch):
    from checker.intake.workbook import import_to_yaml

    example = Path(__file__).parent.parent / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"
    assert run(["workbook", "export", example, "-o", tmp_path / "wb.xlsx"]).exit_code == 0
    result = run(["import", "wb.xlsx", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    imported = yaml.safe_load((tmp_path / "s.yaml").read_text(encoding="utf-8"))
    direct = yaml.safe_load(import_to_yaml(tmp_path / "wb.xlsx"))
    assert imported["answers"] == direct["answers"] and imported["landlord"] == direct["landlord"]


# ------------------------------------------------------------------------------ chc report --format docx

EXAMPLE = Path(__file__).parent.parent / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory) -> tuple[Path, dict]:
    from checker.assess import assess
    from checker.result import build_result

    folder = tmp_path_factory.mktemp("report")
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--format", "docx", "-o", str(folder / "r.docx")])
    assert result.exit_code in (0, 1), result.stderr
    return folder / "r.docx", build_result(assess(EXAMPLE))


def test_docx_report_layout(example_docx):
    path, result = example_docx
    document = docx.Document(path)
    assert document.paragraphs[0].text == "Northmoor Homes: Complaint Handling Code self-assessment 2024-25"
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert len(document.tables) == 9  # one a section
    for table in document.tables:
        assert [c.text for c in table.rows[0].cells] == ["Code provision", "Code requirement", "Comply: Yes / No", "Evidence",
                                                         "Commentary / explanation"]
        header = table.rows[0]._tr.trPr
        assert header.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
        for row in table.rows:
            assert row._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
    text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for verdict in ("Contradicted", "Unsupported", "chc verdict", "Finding"):  # the landlord's words only
        assert verdict not in text


def test_docx_report_is_deterministic(example_docx, tmp_path):
    path, _ = example_docx
    assert CliRunner().invoke(cli, ["report", str(EXAMPLE), "--format", "docx", "-o", str(tmp_path / "again.docx")]).exit_code in (0, 1)
    assert (tmp_path / "again.docx").read_bytes() == path.read_bytes()
    with zipfile.ZipFile(path) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in z.read("docProps/core.xml")


def test_docx_report_needs_a_file():
    result = CliRunner().invoke(cli, ["report", str(EXAMPLE), "--format", "docx"])
    assert result.exit_code == 2 and "--format docx writes a Word document: give the file with -o FILE" in result.stderr


def test_docx_round_trip_gives_back_the_answers_evidence_and_commentary(example_docx, tmp_path):
    """Every row comes back: the answer as the document shows it, the evidence items as published
    (a local file path is not published) and the commentary column exactly."""
    from checker.render.docx import comply_text, last_column

    path, result = example_docx
    imported = import_files([path])
    answers = imported.data["answers"]
    assert imported.code.id == "hos-2024" and not imported.warnings
    assert imported.data["landlord"]["name"] == "Northmoor Homes"
    assert len(result["provisions"]) == len(answers) == 72
    for p in result["provisions"]:
        got = answers[p["id"]]
        assert got.get("comply") == comply_text(p), p["id"]
        published = []
        for e in p["evidence"]:
            item = {k: v for k, v in e.items() if k not in ("label", "path")}
            if list(item) == ["document"]:
                published.append(item["document"])
            else:
                published.append({k: int(v) if k == "page" and str(v).isdigit() else v for k, v in item.items()})
        assert got.get("evidence", []) == published, p["id"]
        assert got.get("commentary", "") == last_column(p), p["id"]


def test_imported_word_form_checks_as_the_hand_written_submission(tmp_path):
    """The Word fixture imported, and the same content written by hand with plain yes/no answers,
    get the same verdict on every row."""
    from checker.assess import assess
    from checker.result import build_result

    imported = tmp_path / "imported.yaml"
    imported.write_bytes((DATA / "word-form.expected.yaml").read_bytes())
    text = imported.read_text(encoding="utf-8")
    plain = {"Yes": "yes", "Yes – we comply": "yes", "Yes.": "yes", "YES": "yes", "Y": "yes", "Yes, see evidence": "yes", "No": "no"}
    hand = re.sub(r"^(    comply: )(.+)$", lambda m: m.group(1) + plain[m.group(2)], text, flags=re.M)
    assert hand != text
    (tmp_path / "hand.yaml").write_text(hand, encoding="utf-8")
    got = build_result(assess(imported))
    want = build_result(assess(tmp_path / "hand.yaml"))
    assert [(p["id"], p["verdict"]) for p in got["provisions"]] == [(p["id"], p["verdict"]) for p in want["provisions"]]


def test_spreadsheet_places_are_sheet_and_cell(tmp_path, monkeypatch):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Form"
    ws.append(["Section", "Provision", "Requirement", "Comply", "Evidence"])  # 'Provision' wins over 'Section'
    ws.append(["6 Complaints stages", "6.3", "r", "✓", "Policy, page 4"])
    ws.append(["6 Complaints stages", "", "r", "x", "no number"])
    ws.append(["6 Complaints stages", "6.4", "r", "x", ""])
    wb.save(tmp_path / "form.xlsx")
    result = run(["import", "form.xlsx", "-o", "s.yaml", "--code", "hos-2024"], tmp_path, monkeypatch)
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if "warning" in line] == [
        "form.xlsx[Form]!A3: warning: a row with no provision number: '6 Complaints stages | r | x | no number' [not-placed]"]
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["6.3"] == {"comply": "Yes", "evidence": [{"document": "Policy", "page": 4}]}  # a check mark is yes
    assert answers["6.4"] == {"comply": "x"}  # a cross could mean either: kept as written


def test_word_tick_columns_under_a_merged_comply_heading(tmp_path, monkeypatch):
    document = docx.Document()
    document.add_paragraph("Complaint Handling Code 2024")
    table = document.add_table(rows=4, cols=5)
    head, sub = table.rows[0].cells, table.rows[1].cells
    for n, text in enumerate(("Code provision", "Code requirement", "Comply", "Comply", "Commentary")):
        head[n].text = text
    head[2].merge(head[3])
    sub[2].text, sub[3].text = "Yes", "No"
    for row, values in zip(table.rows[2:], (("5.1", "r", "X", "", "Done."), ("5.2", "r", "", "✔", "Not yet: by October 2025."))):
        for cell, text in zip(row.cells, values):
            cell.text = text
    document.save(tmp_path / "ticks.docx")
    result = run(["import", "ticks.docx", "-o", "s.yaml"], tmp_path, monkeypatch)
    assert result.exit_code == 0, result.stderr
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["5.1"] == {"comply": "Yes", "commentary": "Done."}
    assert answers["5.2"] == {"comply": "No", "commentary": "Not yet: by October 2025."}


def test_word_links_tracked_insertions_and_content_controls_are_read(tmp_path, monkeypatch):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Complaint Handling Code 2024")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Provision", "Comply", "Evidence", "Commentary")):
        cell.text = text
    row = table.rows[1].cells
    row[0].text, row[1].text = "3.1", "Yes"
    rid = document.part.relate_to("https://www.example.org/complaints", RT.HYPERLINK, is_external=True)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    row[2].paragraphs[0]._p.append(parse_xml(f'<w:hyperlink {w} r:id="{rid}"><w:r><w:t>Complaints page</w:t></w:r></w:hyperlink>'))
    row[3].paragraphs[0]._p.append(parse_xml(f'<w:r {w}><w:t xml:space="preserve">Kept </w:t></w:r>'))
    row[3].paragraphs[0]._p.append(parse_xml(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>'))
    row[3].paragraphs[0]._p.append(parse_xml(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>'))
    row[3].paragraphs[0]._p.append(parse_xml(f'<w:sdt {w}><w:sdtContent><w:r><w:t> and controlled</w:t></w:r></w:sdtContent></w:sdt>'))
    document.save(tmp_path / "links.docx")
    assert run(["import", "links.docx", "-o", "s.yaml"], tmp_path, monkeypatch).exit_code == 0
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    assert answers["3.1"] == {"comply": "Yes", "evidence": [{"url": "https://www.example.org/complaints", "title": "Complaints page"}],
                              "commentary": "Kept inserted and controlled"}


TRICKY = [
    "See complaint #4411 for the details", "Policy: section 3", "- starts like a list", "* starts like an alias", "&anchor",
    "!tag", "%directive", "@at", "`tick`", "'single' and \"double\" quotes", "yes", "No", "null", "~", "6.10", "1e3",
    "true", "Line one\n  indented line two\nline three #3", "trailing spaces   \nnext", "tab\there", "café – naïve ✓",
    "{not: a mapping}", "[not, a list]", "x" * 300, "ends with a colon:", "=SUM(A1:A2)", "a\n\n\nb",
]


def test_any_text_survives_the_yaml_writer(tmp_path, monkeypatch):
    """Every commentary comes back from the written YAML exactly as the cell held it (no comment cuts it)."""
    import csv

    from checker.codes import load_code

    pids = [p.id for p in load_code("hos-2024").form_rows][:len(TRICKY)]
    with (tmp_path / "t.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Provision", "Comply", "Commentary"])
        for pid, text in zip(pids, TRICKY):
            writer.writerow([pid, "Yes", text])
    assert run(["import", "t.csv", "-o", "s.yaml", "--code", "hos-2024"], tmp_path, monkeypatch).exit_code == 0
    answers = load_yaml_file(tmp_path / "s.yaml").data["answers"]
    for pid, text in zip(pids, TRICKY):
        assert answers[pid]["commentary"] == text.strip(), pid


def test_csv_with_semicolons(tmp_path, monkeypatch):
    (tmp_path / "s.csv").write_text("Provision;Comply;Evidence\n6.3;Yes;Policy, page 4\n", encoding="cp1252")
    assert run(["import", "s.csv", "-o", "s.yaml", "--code", "hos-2024"], tmp_path, monkeypatch).exit_code == 0
    assert load_yaml_file(tmp_path / "s.yaml").data["answers"]["6.3"] == {"comply": "Yes", "evidence": [{"document": "Policy", "page": 4}]}


def test_docx_findings_only_when_asked(example_docx):
    from checker.render.docx import render_docx

    _, result = example_docx
    plain = docx.Document(io.BytesIO(render_docx(result)))
    with_findings = docx.Document(io.BytesIO(render_docx(result, with_findings=True)))
    assert len(plain.tables[5].columns) == 5 and len(with_findings.tables[5].columns) == 6
    row_63 = next(r for r in with_findings.tables[5].rows if r.cells[0].text == "6.3")
    assert row_63.cells[5].text.startswith("Contradicted\n")
    assert "Contradicted" not in "\n".join(c.text for r in plain.tables[5].rows for c in r.cells)
