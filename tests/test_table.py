"""Reading a case-log file into a raw table: text cells, exact line and row numbers, notes and limits."""

import datetime as dt
import zipfile

import openpyxl
import pytest

from checker.caselog.table import CellProblem, ReadLimits, cell_text, read_table
from checker.problems import InputError, Location
from checker.textsafe import printable

KNOWN = ("id", "stage", "received", "responded")


def write(tmp_path, text, name="log.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def cells(table):
    return [tuple(v or "" for v in row) for row in table.frame.rows()]


def problems(exc):
    return [str(p) for p in exc.value.problems]


# -- CSV ------------------------------------------------------------------------------------------

def test_csv_plain_rows_are_lines(tmp_path):
    t = read_table(write(tmp_path, "id,stage,received\nA,1,01/04/2024\nB,2, 02/04/2024 \n"))
    assert t.header == ("id", "stage", "received")
    assert t.header_row == 1 and t.sheet == ""
    assert cells(t) == [("A", "1", "01/04/2024"), ("B", "2", " 02/04/2024 ")]
    assert t.rows.to_list() == [2, 3]
    assert (t.rows_read, t.blank_rows, t.notes, t.cell_problems) == (2, 0, (), ())
    assert list(t.frame.columns) == ["c0", "c1", "c2"]
    assert str(t.location(1, 2)) == f"{tmp_path / 'log.csv'}:3:3"


def test_csv_line_numbers_after_a_multiline_cell_and_blank_lines(tmp_path):
    text = 'id,stage,note\nA,1,"two\nlines"\n\nB,2,x\n  ,  ,\nC,1,"a ""quoted"" word"\n'
    t = read_table(write(tmp_path, text), display="log.csv")
    assert cells(t) == [("A", "1", "two\nlines"), ("B", "2", "x"), ("C", "1", 'a "quoted" word')]
    assert t.rows.to_list() == [2, 5, 7]
    assert (t.rows_read, t.blank_rows) == (5, 2)
    assert str(t.location(2, 0)) == "log.csv:7:1"


def test_csv_blank_lines_only_keep_line_numbers(tmp_path):
    t = read_table(write(tmp_path, "\n\nid;stage;received\nA;1;03/03/2025\n\nB;1;04/03/2025"), display="x.csv")
    assert t.header_row == 3
    assert t.rows.to_list() == [4, 6]
    assert (t.rows_read, t.blank_rows) == (3, 1)


def test_csv_short_and_long_rows(tmp_path):
    t = read_table(write(tmp_path, "id,stage,received\nA,1\nB,2,x,extra\n"))
    assert cells(t) == [("A", "1", ""), ("B", "2", "x")]


def test_csv_utf16_and_bom(tmp_path):
    t = read_table(write(tmp_path, "id,stage\nÉ,1\n", encoding="utf-16"))
    assert t.header == ("id", "stage") and cells(t) == [("É", "1")]
    t = read_table(write(tmp_path, "\ufeffid,stage\nÉ,1\n"))
    assert t.header == ("id", "stage") and cells(t) == [("É", "1")] and t.rows.to_list() == [2]


def test_csv_sep_line(tmp_path):
    t = read_table(write(tmp_path, "sep=;\nid;stage;received\nA;1;x\n"), display="l.csv")
    assert t.header == ("id", "stage", "received") and t.header_row == 2
    assert t.rows.to_list() == [3]
    assert [str(n) for n in t.notes] == ["l.csv:1:1: error: the first line 'sep=;' (written by Excel) names the delimiter; it was not read as data [sep-line]"]


def test_csv_title_rows_found_by_known_names(tmp_path):
    text = "Complaints export,,\nRun 01/04/2025,,\n,,\nRef,Status,Logged\nID,stage,received\nA,1,x\n"
    t = read_table(write(tmp_path, text), display="l.csv", known_names=KNOWN)
    assert t.header_row == 5 and t.rows.to_list() == [6]
    assert [str(n) for n in t.notes] == ["l.csv:5:1: error: the header is on line 5; lines 1, 2, 4 above it ('Complaints export', ...) were taken as titles and not read; set the header row if that is wrong [title-rows]"]
    # Without known names the first line that is not blank is the header, as before.
    assert read_table(write(tmp_path, text)).header_row == 1


def test_csv_header_row_setting(tmp_path):
    text = "Complaints export\nid,stage\nA,1\n"
    t = read_table(write(tmp_path, text), header_row=2)
    assert t.header == ("id", "stage") and t.rows.to_list() == [3] and t.notes == ()
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, text), display="l.csv", header_row=9)
    assert problems(exc) == ["l.csv:9:1: error: the header row is set to 9, but the file ends before it [header-row]"]


def test_csv_unclosed_quote_to_the_end(tmp_path):
    rows = "".join(f"C{i},1,02/04/2024,Repairs\n" for i in range(3, 50))
    text = 'id,stage,received,category\nC1,1,01/04/2024,Noise\nC2,1,02/04/2024,"Repairs - 5 pipe\n' + rows
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, text), display="l.csv")
    assert problems(exc) == ["l.csv:3:17: error: a quote opened here is never closed, so the rest of the file (48 lines) would be read as one cell; close the quote or remove it [unclosed-quote]"]


def test_csv_quoted_cell_over_the_line_limit(tmp_path):
    text = 'id,stage,note\nA,1,"' + "line\n" * 30 + '"\nB,1,x\n'
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, text), display="l.csv", limits=ReadLimits(max_field_lines=10))
    assert problems(exc) == ["l.csv:2:5: error: a quoted cell opened here runs on for 31 lines (to line 32), over the limit of 10 (read limit max_field_lines); is a closing quote missing? [unclosed-quote]"]
    t = read_table(write(tmp_path, text), display="l.csv")
    assert t.rows.to_list() == [2, 33]


def test_csv_nul_anywhere_is_located(tmp_path):
    text = "id,stage\n" + "A,1\n" * 30000 + "B,\x002\n"
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, text), display="l.csv")
    assert problems(exc) == ["l.csv:30002:3: error: holds a NUL byte (binary data), not CSV text; export the case log as CSV (UTF-8) or XLSX [not-a-caselog]"]


def test_csv_size_and_cell_limits(tmp_path):
    path = write(tmp_path, "id,stage\nA,1\nB," + "x" * 50 + "\n")
    with pytest.raises(InputError) as exc:
        read_table(path, display="l.csv", limits=ReadLimits(max_bytes=10))
    assert problems(exc) == ["l.csv: error: the file is 66 bytes, over the limit of 10 (read limit max_bytes); split the case log by period, or raise the limit [too-large]"]
    with pytest.raises(InputError) as exc:
        read_table(path, display="l.csv", limits=ReadLimits(max_cell_chars=20))
    assert problems(exc) == ["l.csv:3:2: error: a cell of 50 characters is over the limit of 20 (read limit max_cell_chars) [cell-too-long]"]
    with pytest.raises(InputError) as exc:
        read_table(path, display="l.csv", limits=ReadLimits(max_cells=3))
    assert problems(exc) == ["l.csv: error: the table has 4 cells, over the limit of 3 (read limit max_cells); split the case log, or raise the limit [too-many-cells]"]


def test_password_protected_workbook_is_named(tmp_path):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, ole, "log.xlsx"), display="log.xlsx")
    assert [p.rule for p in exc.value.problems] == ["encrypted"]
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 300, "log.xls"), display="log.xls")
    assert [p.rule for p in exc.value.problems] == ["not-a-caselog"]
    assert "old binary Excel" in exc.value.problems[0].message


# -- XLSX -----------------------------------------------------------------------------------------

def workbook(tmp_path, build, name="log.xlsx"):
    wb = openpyxl.Workbook()
    build(wb)
    path = tmp_path / name
    wb.save(path)
    return path


def test_xlsx_values_as_text(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received", "flag", "when"])
        ws.append(["C1", 1, dt.date(2024, 4, 1), True, dt.datetime(2024, 4, 1, 9, 30)])
        ws.append([None, None, None, None, None])
        ws.append(["C2", 2.5, dt.datetime(2024, 4, 2), False, 45383])
    t = read_table(workbook(tmp_path, build), display="log.xlsx")
    assert t.sheet == "Cases" and t.header == ("id", "stage", "received", "flag", "when")
    assert cells(t) == [("C1", "1", "2024-04-01", "TRUE", "2024-04-01T09:30:00"), ("C2", "2.5", "2024-04-02", "FALSE", "45383")]
    assert t.rows.to_list() == [2, 4]
    assert (t.rows_read, t.blank_rows) == (3, 1)
    assert str(t.location(1, 2)) == "log.xlsx[Cases]!C4"
    assert t.location(1, 2) == Location("log.xlsx", 4, 3, sheet="Cases", cell="C4")
    assert str(t.location(0)) == "log.xlsx[Cases]:row 2"


def test_cell_text_matches_the_old_number_forms():
    assert [cell_text(v) for v in (1.0, 2.5, 45383, 1e20, None, dt.time(9, 5))] == ["1", "2.5", "45383", "100000000000000000000", "", "09:05:00"]


def test_xlsx_active_visible_sheet_is_the_default(tmp_path):
    def build(wb):
        old = wb.active
        old.title = "Last year"
        old.append(["id", "stage", "received"])
        old.append(["OLD", 1, "x"])
        old.sheet_state = "hidden"
        ws = wb.create_sheet("Cases")
        ws.append(["id", "stage", "received"])
        ws.append(["NEW", 1, "x"])
        wb.active = 1
    path = workbook(tmp_path, build)
    t = read_table(path, display="log.xlsx")
    assert t.sheet == "Cases" and cells(t) == [("NEW", "1", "x")]
    assert [str(n) for n in t.notes] == ["log.xlsx[Cases]: error: the workbook has hidden sheets ('Last year'), which were not read; this sheet was read, as the active sheet (choose another with --sheet) [hidden-sheet]"]
    t = read_table(path, display="log.xlsx", sheet="Last year")
    assert cells(t) == [("OLD", "1", "x")]
    assert [n.rule for n in t.notes] == ["hidden-sheet"]


def test_xlsx_hidden_rows_are_read_with_a_note(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received"])
        for i in range(1, 6):
            ws.append([f"C{i}", 1, "x"])
        ws.row_dimensions[3].hidden = True
        ws.row_dimensions[5].hidden = True
        ws.auto_filter.ref = "A1:C6"
    t = read_table(workbook(tmp_path, build), display="log.xlsx")
    assert len(cells(t)) == 5
    assert [str(n) for n in t.notes] == ["log.xlsx[Cases]: error: 2 rows hidden by the sheet's filter were read and counted like the others (rows 3, 5); delete any that must not be counted [hidden-rows]"]


def test_xlsx_merged_formula_and_error_cells(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received"])
        ws.append(["C1", 1, "=A1"])
        ws.append(["C2", 1, "x"])
        ws.append(["C3", 1, "y"])
        ws.merge_cells("B3:C4")
    path = workbook(tmp_path, build)
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<c r="A4" t="inlineStr"><is><t>C3</t></is></c>', b'<c r="A4" t="e"><f>Old!A1</f><v>#REF!</v></c>')
            z.writestr(info, data)
    t = read_table(path, display="log.xlsx")
    assert t.cell_problems == (
        CellProblem(0, 2, "cell C2 holds a formula (=A1) with no saved result, so it reads as blank; open the workbook in Excel and save it, or paste the values", "formula-without-value"),
        CellProblem(1, 2, "cell C3 is inside the merged cells B3:C4, so it reads as blank; unmerge them and type the value in every cell", "merged-cells"),
        CellProblem(2, 0, "cell A4 holds the error value #REF! (a formula that failed in Excel), not a value; correct it in Excel, or type the value", "error-value"),
        CellProblem(2, 1, "cell B4 is inside the merged cells B3:C4, so it reads as blank; unmerge them and type the value in every cell", "merged-cells"),
        CellProblem(2, 2, "cell C4 is inside the merged cells B3:C4, so it reads as blank; unmerge them and type the value in every cell", "merged-cells"),
    )
    assert cells(t)[2][0] == ""  # the error cell reads as blank, never as the text "#REF!"


def test_xlsx_summary_sheet_first_names_the_case_sheet(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Summary"
        ws.append(["Complaints 2024/25"])
        ws.append(["Total", 120])
        cases = wb.create_sheet("Cases")
        cases.append(["id", "stage", "received"])
        cases.append(["C1", 1, "x"])
    with pytest.raises(InputError) as exc:
        read_table(workbook(tmp_path, build), display="log.xlsx", known_names=KNOWN)
    assert problems(exc) == ["log.xlsx[Summary]: error: this sheet has no header row with the case log's columns; the sheet 'Cases' looks like the case log: choose it with --sheet [missing-header]"]


def test_xlsx_title_rows(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["Complaints export"])
        ws.append([])
        ws.append(["ID", "Stage", "Received"])
        ws.append(["C1", 1, "x"])
    t = read_table(workbook(tmp_path, build), display="log.xlsx", known_names=KNOWN)
    assert t.header_row == 3 and t.rows.to_list() == [4]
    assert [str(n) for n in t.notes] == ["log.xlsx[Cases]:row 3: error: the header is on row 3; row 1 above it ('Complaints export') was taken as a title and not read; set the header row if that is wrong [title-rows]"]


def test_xlsx_compression_ratio_and_size_limits(tmp_path):
    def build(wb):
        ws = wb.active
        ws.append(["id", "stage", "received"])
        for i in range(30000):
            ws.append(["C", 1, "x"])
    path = workbook(tmp_path, build)
    with pytest.raises(InputError) as exc:
        read_table(path, display="log.xlsx", limits=ReadLimits(max_ratio=2))
    assert [p.rule for p in exc.value.problems] == ["zip-bomb"]
    with pytest.raises(InputError) as exc:
        read_table(path, display="log.xlsx", limits=ReadLimits(max_uncompressed=100_000))
    assert [p.rule for p in exc.value.problems] == ["too-large"]
    with pytest.raises(InputError) as exc:
        read_table(path, display="log.xlsx", limits=ReadLimits(max_cells=1000))
    assert [p.rule for p in exc.value.problems] == ["too-many-cells"]


# -- printable ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, shown", [
    ("plain id", "plain id"),
    ("bell\x07", "bell\\x07"),
    ("\x1b[31mred", "\\x1b[31mred"),
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("received ", "received\\x20"),
    (" id", "\\x20id"),
    ("cafe\u0301", "cafe\\u0301"),
    ("café", "café"),
    ("back\\slash", "back\\\\slash"),
    ("line\nbreak", "line\\nbreak"),
    ("\ud800", "\\ud800"),
])
def test_printable(text, shown):
    assert printable(text) == shown


def test_xlsx_stray_far_cell_is_refused_before_calamine(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received"])
        ws["XFD1048576"] = "x"
    with pytest.raises(InputError) as exc:
        read_table(workbook(tmp_path, build), display="log.xlsx")
    assert problems(exc) == ["log.xlsx[Cases]: error: the sheet's cells reach row 1,048,576 and column XFD, a grid of 17,179,869,184 cells, over the limit of 100,000,000 (read limit max_cells); delete the stray cells far below or to the right of the case log [too-many-cells]"]


def test_xlsx_sheet_cut_short(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received"])
        for i in range(1, 5):
            ws.append([f"C{i}", 1, "x"])
    path = workbook(tmp_path, build)
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[:data.index(b'<row r="4"') + 30]
            z.writestr(info, data)
    with pytest.raises(InputError) as exc:
        read_table(path, display="log.xlsx")
    assert problems(exc) == ["log.xlsx[Cases]:row 4: error: the sheet cannot be read from this row on (ParseError: its XML ends before </worksheet>: the file was cut short); open the workbook in Excel and save it again, or export CSV [not-a-caselog]"]


def test_xlsx_cell_over_the_limit(tmp_path):
    def build(size):
        def inner(wb):
            ws = wb.active
            ws.title = "Cases"
            ws.append(["id", "stage", "note"])
            ws.append(["C1", 1, "y" * size])
        return inner
    with pytest.raises(InputError) as exc:
        read_table(workbook(tmp_path, build(3000)), display="log.xlsx", limits=ReadLimits(max_cell_chars=100))
    assert problems(exc) == ["log.xlsx[Cases]!C2: error: a cell of 3,000 characters is over the limit of 100 (read limit max_cell_chars) [cell-too-long]"]
    # A cell longer than the chunks the sheet is read in is stopped while streaming, before calamine
    # (written into the XML here: openpyxl cuts text at Excel's 32,767).
    path = workbook(tmp_path, build(10))
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"y" * 10, b"y" * 3_000_000)
            z.writestr(info, data)
    with pytest.raises(InputError) as exc:
        read_table(path, display="log.xlsx", limits=ReadLimits(max_cell_chars=100, max_ratio=10_000))
    assert problems(exc) == ["log.xlsx[Cases]!C2: error: a cell holds more than 100 characters (read limit max_cell_chars) [cell-too-long]"]


# -- a CSV larger than its head streams: polars reads the file, the text is never held whole -------

BIG_ROWS = 60_000  # about 1.2 MB, past HEAD_BYTES


def big_csv(tmp_path, middle="", tail="", title=""):
    rows = [f"C{i},1,01/04/2024\n" for i in range(BIG_ROWS)]
    rows[BIG_ROWS // 2] = middle or rows[BIG_ROWS // 2]
    return write(tmp_path, title + "id,stage,received\n" + "".join(rows) + tail, "big.csv")


def test_big_csv_streams_with_exact_lines(tmp_path, monkeypatch):
    import checker.caselog.csv_table as csv_table

    path = big_csv(tmp_path, title="Complaints export\n\n")
    assert path.stat().st_size > csv_table.HEAD_BYTES
    monkeypatch.setattr(csv_table, "_csv_python", None)  # the csv module must not be needed
    t = read_table(path, display="big.csv", known_names=KNOWN)
    assert t.header_row == 3 and t.frame.height == BIG_ROWS
    assert t.rows[0] == 4 and t.rows[-1] == BIG_ROWS + 3
    assert cells(t)[-1] == (f"C{BIG_ROWS - 1}", "1", "01/04/2024")
    import hashlib
    assert t.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [n.rule for n in t.notes] == ["title-rows"]


def test_big_csv_with_a_multiline_cell_is_read_whole(tmp_path):
    t = read_table(big_csv(tmp_path, middle='M,1,"two\nlines"\n'), display="big.csv")
    assert t.frame.height == BIG_ROWS
    k = BIG_ROWS // 2
    assert t.rows[k] == k + 2 and t.rows[k + 1] == k + 4 and t.rows[-1] == BIG_ROWS + 2


def test_big_csv_nul_and_bad_byte_are_located(tmp_path):
    k = BIG_ROWS // 2
    with pytest.raises(InputError) as exc:
        read_table(big_csv(tmp_path, middle="C,1\x00,x\n"), display="big.csv")
    assert problems(exc) == [f"big.csv:{k + 2}:4: error: holds a NUL byte (binary data), not CSV text; export the case log as CSV (UTF-8) or XLSX [not-a-caselog]"]
    path = big_csv(tmp_path)
    path.write_bytes(path.read_bytes() + b"C,1,caf\xe9\n")
    with pytest.raises(InputError) as exc:
        read_table(path, display="big.csv")
    assert problems(exc) == [f"big.csv:{BIG_ROWS + 2}:8: error: byte 0xe9 is not UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8 [encoding]"]


def test_big_csv_unclosed_quote_on_the_last_line(tmp_path):
    with pytest.raises(InputError) as exc:
        read_table(big_csv(tmp_path, tail='Z,1,"open\n'), display="big.csv")
    assert problems(exc) == [f"big.csv:{BIG_ROWS + 2}:5: error: a quote opened here is never closed, so the rest of the file (1 line) would be read as one cell; close the quote or remove it [unclosed-quote]"]


def test_csv_unclosed_quote_closed_by_a_later_quote(tmp_path):
    # The quote opened on line 3 runs on to the quote before Damp on line 6: three rows would vanish.
    text = ('id,stage,received,category\nC1,1,01/04/2024,Noise\nC2,1,02/04/2024,"Repairs - 5 pipe\n'
            'C3,1,03/04/2024,Repairs\nC4,1,04/04/2024,Repairs\nC5,1,05/04/2024,"Damp"\nC6,1,06/04/2024,Noise\n')
    with pytest.raises(InputError) as exc:
        read_table(write(tmp_path, text), display="l.csv")
    assert problems(exc) == ["l.csv:3:17: error: a quoted cell opened here runs on to line 6, where a quote is followed by more text, so 4 lines were read as one cell; is a closing quote missing? [unclosed-quote]"]


def test_xlsx_active_chart_sheet_falls_back_to_the_first_visible_sheet(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage"])
        ws.append(["C1", 1])
        wb.create_chartsheet("Chart")
        wb.active = 1
    t = read_table(workbook(tmp_path, build), display="log.xlsx")
    assert t.sheet == "Cases" and cells(t) == [("C1", "1")] and t.notes == ()


def test_xlsx_header_row_setting(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["Exported 01/04/2025", "by", "someone"])
        ws.append(["id", "stage", "received"])
        ws.append(["C1", 1, "x"])
    t = read_table(workbook(tmp_path, build), display="log.xlsx", header_row=2)
    assert t.header == ("id", "stage", "received") and t.rows.to_list() == [3] and t.notes == ()


def test_ten_thousand_columns(tmp_path):
    header = ",".join(f"col{i}" for i in range(10_000))
    t = read_table(write(tmp_path, header + "\n" + ",".join("x" * 10_000) + "\n"))
    assert len(t.header) == 10_000 and t.frame.width == 10_000 and t.rows.to_list() == [2]
    from checker.caselog.table import shown_names
    assert shown_names(t.header) == "'col0', 'col1', 'col2', 'col3', 'col4', 'col5', 'col6', 'col7', 'col8', 'col9' and 9,990 more"
    assert shown_names(["id\u200b", "id "]) == "'id\\u200b', 'id\\x20'"


def test_a_summary_sheet_check_skips_a_far_cell_sheet(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Summary"
        ws.append(["Complaints"])
        far = wb.create_sheet("Junk")
        far.append(["id", "stage", "received"])
        far["XFD1048576"] = "x"
        cases = wb.create_sheet("Cases")
        cases.append(["id", "stage", "received"])
    with pytest.raises(InputError) as exc:
        read_table(workbook(tmp_path, build), display="log.xlsx", known_names=KNOWN)
    assert problems(exc) == ["log.xlsx[Summary]: error: this sheet has no header row with the case log's columns; the sheet 'Cases' looks like the case log: choose it with --sheet [missing-header]"]


def test_csv_delimiter_sniffed_past_a_title_line(tmp_path):
    t = read_table(write(tmp_path, "Complaints export, April\nid;stage;received\nA;1;x\nB;2;y\n"), display="l.csv", known_names=KNOWN)
    assert t.header == ("id", "stage", "received") and t.header_row == 2 and cells(t) == [("A", "1", "x"), ("B", "2", "y")]


def test_xlsx_long_column_definitions_are_not_a_long_cell(tmp_path, monkeypatch):
    # 16,000 column widths make a <cols> section of 900 KB, with no cell in it, read in 16 KB pieces.
    import checker.caselog.xlsx_table as xlsx_table

    monkeypatch.setattr(xlsx_table, "SCAN_CHUNK", 16384)
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage"])
        ws.append(["C1", 1])
        for i in range(1, 16_001):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width = 12 + i % 3
    t = read_table(workbook(tmp_path, build), display="log.xlsx", limits=ReadLimits(max_cell_chars=1000))
    assert cells(t) == [("C1", "1")]


def test_big_csv_over_the_cell_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    import checker.caselog.table as table

    monkeypatch.setattr(table.pl, "read_csv", None)  # polars must not be reached
    with pytest.raises(InputError) as exc:
        read_table(big_csv(tmp_path), display="big.csv", limits=ReadLimits(max_cells=100_000))
    assert problems(exc) == [f"big.csv: error: the table has {BIG_ROWS * 3:,} cells, over the limit of 100,000 (read limit max_cells); split the case log, or raise the limit [too-many-cells]"]


def test_xlsx_part_larger_than_its_header_says_is_refused(tmp_path):
    from tests.hostile import generators

    parts = generators._xlsx_parts(generators._small_log)
    import zlib

    out = []
    for name, data in parts.items():
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        packed = c.compress(data) + c.flush()
        if name == "xl/styles.xml":  # 8 MB of comment in a part that claims its old size
            big = data.replace(b"</styleSheet>", b"<!--" + b"x" * (8 << 20) + b"--></styleSheet>")
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = c.compress(big) + c.flush()
        out.append((name, packed, len(data), zlib.crc32(data)))
    generators._write_zip(tmp_path / "log.xlsx", out)
    with pytest.raises(InputError) as exc:
        read_table(tmp_path / "log.xlsx", display="log.xlsx")
    assert problems(exc) == ["log.xlsx[Cases]: error: is not a readable XLSX workbook (BadZipFile: Bad CRC-32 for file 'xl/styles.xml'); open it in Excel and save it again, or export CSV [not-a-caselog]"]


def test_xlsx_hidden_columns_are_read_with_a_note(tmp_path):
    def build(wb):
        ws = wb.active
        ws.title = "Cases"
        ws.append(["id", "stage", "received", "outcome", "notes"])
        for i in range(1, 4):
            ws.append([f"C{i}", 1, "x", "Upheld", "n"])
        ws.column_dimensions["B"].hidden = True
        ws.column_dimensions.group("D", "E", hidden=True)  # one <col> for a range of two
        ws.column_dimensions["H"].hidden = True  # right of the header's last column: not read, no note
    t = read_table(workbook(tmp_path, build), display="log.xlsx")
    assert t.frame.rows() == [("C1", "1", "x", "Upheld", "n"), ("C2", "1", "x", "Upheld", "n"), ("C3", "1", "x", "Upheld", "n")]
    assert [str(n) for n in t.notes] == ["log.xlsx[Cases]:row 1: error: 3 columns hidden in the sheet were read like the others (columns B, D, E); unhide them in Excel to see what was read [hidden-columns]"]


def test_xlsx_columns_given_a_width_but_not_hidden_get_no_note(tmp_path):
    def build(wb):
        ws = wb.active
        ws.append(["id", "stage", "received"])
        ws.append(["C1", 1, "x"])
        ws.column_dimensions["A"].width = 30
    assert read_table(workbook(tmp_path, build), display="log.xlsx").notes == ()
