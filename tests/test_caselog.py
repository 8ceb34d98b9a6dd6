"""Reading case logs: formats, dates, column mapping, and bad rows reported at their row and column."""

import datetime as dt

import openpyxl
import pytest

from checker.caselog.reader import Case, parse_date_text, parse_date_value, parse_stage, read_caselog
from checker.problems import InputError, Location

D = dt.date

HEADER = "id,stage,received,acknowledged,responded,outcome,tenure,withdrawn\n"


def write(tmp_path, text, name="log.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


@pytest.mark.parametrize("text, expected", [
    ("2025-01-31", D(2025, 1, 31)),
    ("2025-01-31T14:22:05", D(2025, 1, 31)),
    ("2025-01-31 23:59:59+00:00", D(2025, 1, 31)),
    ("31/01/2025", D(2025, 1, 31)),
    ("31/01/2025 09:15", D(2025, 1, 31)),
    ("1/2/2025", D(2025, 2, 1)),  # day first: 1 February
    ("31-01-2025", D(2025, 1, 31)),
    ("31.01.25", D(2025, 1, 31)),
    ("31 Jan 2025", D(2025, 1, 31)),
    ("31-Jan-2025", D(2025, 1, 31)),
    ("31 January 2025", D(2025, 1, 31)),
    ("3rd March 2025", D(2025, 3, 3)),
    ("45688", D(2025, 1, 31)),  # Excel serial number as text
    ("  ", None),
])
def test_date_forms(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize("text, fragment", [
    ("31/02/2025", "not a real date"),
    ("2025-02-30", "not a real date"),
    ("01/13/2025", "day first"),
    ("31 Foo 2025", "not a month name"),
    ("next week", "not a date"),
    ("12", "not a date"),
    ("31/01/1899", "outside the years"),
])
def test_impossible_dates_say_why(text, fragment):
    result = parse_date_text(text)
    assert isinstance(result, str) and fragment in result


def test_spreadsheet_values():
    assert parse_date_value(dt.datetime(2025, 1, 31, 16, 45)) == D(2025, 1, 31)
    assert parse_date_value(D(2025, 1, 31)) == D(2025, 1, 31)
    assert parse_date_value(45688) == D(2025, 1, 31)
    assert parse_date_value(45688.75) == D(2025, 1, 31)
    assert parse_date_value(None) is None
    assert isinstance(parse_date_value(12.0), str)


@pytest.mark.parametrize("value, stage", [(1, 1), (2.0, 2), ("1", 1), ("Stage 1", 1), ("stage 2", 2), ("S1", 1),
                                          ("s2", 2), ("Stage Two", 2), (" STAGE-1 ", 1)])
def test_stages(value, stage):
    assert parse_stage(value) == stage


def test_unknown_stage():
    assert "unknown stage '3'" in parse_stage("3")


def test_reads_our_column_names_case_insensitively(tmp_path):
    path = write(tmp_path, " ID , Stage,RECEIVED,Acknowledged,Responded,Outcome,Tenure,Withdrawn,Notes\n"
                           "C1,1,03/03/2025,04/03/2025,10/03/2025,Upheld,lcho,no,anything\n")
    log = read_caselog(path)
    assert log.cases == (Case("C1", 1, D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 10), outcome="Upheld",
                              tenure="LCHO", withdrawn=False, row=2),)
    assert log.rows_read == 1 and not log.problems and log.excluded_total == 0
    assert log.date_range == (D(2025, 3, 3), D(2025, 3, 10))
    assert len(log.sha256) == 64


def test_column_mapping_and_semicolons(tmp_path):
    path = write(tmp_path, "Complaint Ref;Stage;Date Logged;Date Closed;Escalation requested\n"
                           "X-1;Stage 1;31 Jan 2025;14/02/2025;\n"
                           "X-1;Stage 2;03/03/2025;;28/02/2025\n")
    log = read_caselog(path, {"id": "complaint ref", "received": "Date Logged", "responded": "DATE CLOSED"})
    assert [(c.id, c.stage, c.received, c.responded, c.escalation_requested) for c in log.cases] == [
        ("X-1", 1, D(2025, 1, 31), D(2025, 2, 14), None),
        ("X-1", 2, D(2025, 3, 3), None, D(2025, 2, 28)),
    ]
    assert log.columns["received"] == "Date Logged"


def test_semicolons_after_blank_lines(tmp_path):
    log = read_caselog(write(tmp_path, "\n\nid;stage;received\nA;1;03/03/2025\n"))
    assert [(c.id, c.row) for c in log.cases] == [("A", 4)]


def test_tab_delimited_with_bom(tmp_path):
    path = tmp_path / "log.tsv"
    path.write_bytes("\ufeffid\tstage\treceived\nA\t1\t2025-03-03\n".encode("utf-8"))
    assert read_caselog(path).cases[0].received == D(2025, 3, 3)


def test_bad_rows_are_reported_at_row_and_column_and_left_out(tmp_path):
    path = write(tmp_path, HEADER
                 + "A1,1,03/03/2025,04/03/2025,10/03/2025,Upheld,LCRA,\n"      # row 2: fine
                 + "A2,1,31/02/2025,,,,,\n"                                    # row 3: impossible date (col 3)
                 + "A3,1,03/03/2025,,28/02/2025,,,\n"                          # row 4: responded before received (col 5)
                 + ",1,03/03/2025,,,,,\n"                                      # row 5: no id (col 1)
                 + "A5,Stage 3,03/03/2025,,,,,\n"                              # row 6: unknown stage (col 2)
                 + ",,,,,,,\n"                                                 # row 7: blank, skipped
                 + "A6,1,03/03/2025,01/03/2025,,,,\n"                          # row 8: acknowledged before received (col 4)
                 + "A7,1,,,,,,\n"                                              # row 9: no received date (col 3)
                 + "A8,1,03/03/2025,,,,General needs,\n"                       # row 10: tenure (col 7)
                 + "A9,1,03/03/2025,,,,,perhaps\n"                             # row 11: withdrawn (col 8)
                 + "A1,1,04/03/2025,,,,,\n"                                    # row 12: duplicate of row 2 (col 1)
                 + "A10,2,03/03/2025,,,,,yes\n")                               # row 13: stage 2 with no stage 1: kept
    log = read_caselog(path)
    name = str(path)
    assert [(p.location, p.rule) for p in log.problems] == [
        (Location(name, 3, 3), "bad-date"),
        (Location(name, 4, 5), "responded-before-received"),
        (Location(name, 5, 1), "missing-id"),
        (Location(name, 6, 2), "unknown-stage"),
        (Location(name, 8, 4), "acknowledged-before-received"),
        (Location(name, 9, 3), "missing-received"),
        (Location(name, 10, 7), "bad-tenure"),
        (Location(name, 11, 8), "bad-withdrawn"),
        (Location(name, 12, 1), "duplicate-case"),
    ]
    assert "first at row 2" in log.problems[-1].message
    assert [c.id for c in log.cases] == ["A1", "A10"]
    assert log.cases[1].withdrawn is True and log.cases[1].row == 13
    assert dict(log.excluded) == {"acknowledged-before-received": 1, "bad-date": 1, "bad-tenure": 1, "bad-withdrawn": 1,
                                  "duplicate-case": 1, "missing-id": 1, "missing-received": 1,
                                  "responded-before-received": 1, "unknown-stage": 1}
    assert log.rows_read == 12 and log.blank_rows == 1 and log.excluded_total == 9
    summary = log.summary()
    assert (summary["included"], summary["excluded"], summary["blank_rows"]) == (2, 9, 1)


def test_row_with_two_problems_counts_once_under_the_first(tmp_path):
    log = read_caselog(write(tmp_path, HEADER + "B1,9,99/99/2025,,,,,\n"))
    assert [p.rule for p in log.problems] == ["unknown-stage", "bad-date"]
    assert dict(log.excluded) == {"unknown-stage": 1}


@pytest.mark.parametrize("text, columns, fragment", [
    ("id,stage,responded\nA,1,2025-03-03\n", None, "required column 'received'"),
    ("id,stage,received,Received\nA,1,2025-03-03,2025-03-03\n", None, "appears more than once"),
    ("id,stage,received\n", {"responded": "Closed on"}, "'Closed on' (mapped to our 'responded') is not in the header"),
    ("id,stage,received\n", {"recieved": "x"}, "not one of ours"),
    ("", None, "empty"),
    ("\n\n \n", None, "empty"),
])
def test_unusable_files_raise(tmp_path, text, columns, fragment):
    with pytest.raises(InputError) as err:
        read_caselog(write(tmp_path, text), columns)
    assert fragment in str(err.value)


def test_missing_column_points_at_the_header(tmp_path):
    with pytest.raises(InputError) as err:
        read_caselog(write(tmp_path, "\nid,stage\nA,1\n"))
    assert err.value.problems[0].location.line == 2


def test_not_a_case_log(tmp_path):
    pdf = tmp_path / "log.pdf"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    xls = tmp_path / "log.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    fake = tmp_path / "log.xlsx"
    fake.write_text("id,stage,received\n")
    for path, fragment in ((pdf, "not a CSV or XLSX"), (xls, "old binary Excel"), (fake, "not an Excel workbook"),
                           (tmp_path / "nope.csv", "no such file")):
        with pytest.raises(InputError) as err:
            read_caselog(path)
        assert fragment in str(err.value)


def test_latin1_file_is_reported_with_its_position(tmp_path):
    path = tmp_path / "log.csv"
    path.write_bytes("id,stage,received,category\nA,1,2025-03-03,Caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError) as err:
        read_caselog(path)
    assert err.value.problems[0].location == Location(str(path), 2, 19)


def _workbook(tmp_path, rows, title="Log", extra_first=False):
    wb = openpyxl.Workbook()
    ws = wb.active
    if extra_first:
        ws.title = "Notes"
        ws.append(["read me"])
        ws = wb.create_sheet(title)
    else:
        ws.title = title
    for row in rows:
        ws.append(row)
    path = tmp_path / "log.xlsx"
    wb.save(path)
    return path


def test_xlsx_real_dates_serials_and_text(tmp_path):
    path = _workbook(tmp_path, [
        ["Ref", "Stage", "Received", "Acknowledged", "Responded", "Withdrawn"],
        ["R1", 1, dt.datetime(2025, 3, 3, 9, 30), 45720, "10/03/2025", False],   # serial 45720 = 2025-03-04
        [101, "Stage 2", D(2025, 3, 3), None, None, 0],
        [None, None, None, None, None, None],
        ["R3", 1, "30/02/2025", None, None, None],
    ], extra_first=True)
    log = read_caselog(path, {"id": "ref"}, sheet="Log")
    assert log.cases == (
        Case("R1", 1, D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 10), row=2),
        Case("101", 2, D(2025, 3, 3), row=3),
    )
    assert log.sheet == "Log" and log.blank_rows == 1 and log.rows_read == 4
    [problem] = log.problems
    assert problem.location == Location(str(path), 5, 3, sheet="Log", cell="C5")
    assert str(problem.location).endswith("[Log]!C5")


def test_xlsx_first_sheet_by_default_and_unknown_sheet(tmp_path):
    path = _workbook(tmp_path, [["id", "stage", "received"], ["A", 1, D(2025, 3, 3)]])
    assert read_caselog(path).cases[0].id == "A"
    with pytest.raises(InputError) as err:
        read_caselog(path, sheet="Complaints")
    assert "no sheet named 'Complaints'; the workbook has: Log" in str(err.value)


def test_progress_is_reported(tmp_path):
    seen = []
    read_caselog(write(tmp_path, HEADER + "A,1,2025-03-03,,,,,\n"), progress=seen.append)
    assert seen[-1] == 1.0
