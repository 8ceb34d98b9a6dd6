"""Every kind of XLSX cell gets the same text from fastexcel's columns as from python-calamine's
cell values (xlsx_table._ColumnGrid against xlsx_table._CellGrid), and the exact text cell_text gives.

Each workbook is read twice: as chc reads it (fastexcel's text columns, respelled), and with the
column reader switched off (python-calamine, cell by cell, as chc read every workbook before).
The test also says which of the two chc used, so that a fast path that quietly falls back to the
cell reader, or a cell reader that quietly stops being used where it must, fails here."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from checker.caselog import xlsx_halves as H
from checker.caselog import xlsx_table as X
from checker.caselog import table as T
from checker.problems import InputError

KNOWN = ["id", "received", "stage"]


def _save(wb: openpyxl.Workbook, path: Path, edit=None) -> Path:
    """Save `wb`; `edit(xml) -> xml` rewrites the first sheet's XML (for what openpyxl cannot write)."""
    wb.save(path)
    if edit is not None:
        with zipfile.ZipFile(path) as zf:
            parts = {i.filename: zf.read(i.filename) for i in zf.infolist()}
        parts["xl/worksheets/sheet1.xml"] = edit(parts["xl/worksheets/sheet1.xml"])
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
        path.write_bytes(buffer.getvalue())
    return path


def _read(path: Path, monkeypatch, *, columns: bool, halves: bool = False, **kw):
    """(RawTable, which reader made it: 'columns', 'halves' or 'cells'); columns=False switches
    fastexcel off; halves=True has every sheet parsed in two halves (xlsx_halves), however small."""
    used = []
    column_load, cell_load = X._ColumnGrid.load, X._CellGrid.load
    finish = H.SplitRead.finish

    def columns_load(*a):
        grid = column_load(*a) if columns else None
        used.append("columns" if grid is not None else "cells?")
        return grid

    def cells_load(*a):
        used.append("cells")
        return cell_load(*a)

    def finish_halves(self):
        joined = finish(self)
        used.append("halves" if joined is not None else "whole")
        return joined

    with monkeypatch.context() as m:
        m.setattr(X._ColumnGrid, "load", staticmethod(columns_load))
        m.setattr(X._CellGrid, "load", staticmethod(cells_load))
        m.setattr(H.SplitRead, "finish", finish_halves)
        if halves:  # and unpacked in small chunks, as a big sheet is: the top half begins before the scan ends
            m.setattr(H, "SPLIT_MIN_BYTES", 0)
            m.setattr(X, "SCAN_CHUNK", 4096)
            if X.pl.thread_pool_size() < 2:  # as on a machine of two cores or more, wherever the tests run
                m.setattr(X.pl, "thread_pool_size", lambda: 2)
        table = T.read_table(path, display="log.xlsx", known_names=KNOWN, **kw)
    return table, ("cells" if "cells" in used else "halves" if "halves" in used else "columns")


def _same(path: Path, monkeypatch, expect_reader: str | None, **kw) -> T.RawTable | None:
    """Both readers give the same RawTable (or refuse the file with the same problems)."""
    try:
        fast, reader = _read(path, monkeypatch, columns=True, **kw)
    except InputError as exc:
        with pytest.raises(InputError) as slow_exc:
            _read(path, monkeypatch, columns=False, **kw)
        assert exc.problems == slow_exc.value.problems
        with pytest.raises(InputError) as halved_exc:
            _read(path, monkeypatch, columns=True, halves=True, **kw)
        assert exc.problems == halved_exc.value.problems
        return None
    slow, slow_reader = _read(path, monkeypatch, columns=False, **kw)
    assert slow_reader == "cells"
    assert expect_reader is None or reader == expect_reader
    _alike(fast, slow)
    # and parsed in two halves, each on its own core, as a big sheet is
    halved, halved_reader = _read(path, monkeypatch, columns=True, halves=True, **kw)
    _alike(halved, slow)
    assert halved_reader == ("cells" if reader == "cells" else halved_reader)
    return fast


def _text_schema(frame) -> list[str]:
    """Every column is text: plain, or categorical (as the column reader gives dates and booleans)."""
    return [("String" if T.is_categorical(frame[c]) else str(frame[c].dtype)) for c in frame.columns]


def _alike(table: T.RawTable, other: T.RawTable) -> None:
    assert (table.header, table.header_row, table.rows_read, table.blank_rows, table.sheet) == \
        (other.header, other.header_row, other.rows_read, other.blank_rows, other.sheet)
    assert table.frame.rows() == other.frame.rows()
    assert _text_schema(table.frame) == _text_schema(other.frame)
    assert table.rows.to_list() == other.rows.to_list()
    assert table.cell_problems == other.cell_problems
    assert table.notes == other.notes


def _kinds_workbook(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(["id", "received", "stage", "mixed", "number", "time", "text", "flag", "last"])
    rows = [
        ["C1", dt.date(2025, 2, 6), 1, "a", 1.0, dt.time(13, 5, 7), "2025-02-06", True, "x"],
        ["C2", dt.datetime(2025, 2, 6, 0, 0), 2, 2, 1.5, dt.time(0, 0), "1.0", False, None],
        ["C3", dt.datetime(2025, 2, 6, 13, 30, 1), 1, 2.5, 1 / 3, dt.time(23, 59, 59, 500000), "TRUE", None, "y"],
        ["C4", dt.datetime(2025, 2, 6, 13, 30, 1, 250000), 2, True, 1e-7, None, "007", True],
        ["C5", dt.date(1900, 3, 1), 1, dt.date(2024, 1, 1), -0.0, None, "é ü 中 \U0001F600", None, None],
        ["C6", dt.datetime(2025, 2, 6, 0, 0, 0, 250000), 1, None, 1e20, None, "  ", None],
        ["C7", None, None, "=1+1", 123456789.125, None, "1e5", None, None],
        ["C8"],  # a short row
        [None, None, None, None, None, None, None, None, None],  # blank
        ["C9", dt.date(2030, 12, 31), 2, "#N/A", 0.1 + 0.2, None, "true story", None, "z"],
        ["C10", dt.date(2025, 1, 1), 1, "#DIV/0!", 45694.5, None, "tru", None],
    ]
    for row in rows:
        ws.append(row)
    for ref in ("D10", "D11"):
        ws[ref].data_type = "e"
    ws["E11"].number_format = "0.00"
    return _save(wb, tmp_path / "kinds.xlsx", lambda xml: xml.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
                 .replace(b"<f>1+1</f><v/>", b"<f>1+1</f><v>2</v>"))


def test_every_kind_of_cell_reads_alike_through_the_columns(tmp_path, monkeypatch):
    table = _same(_kinds_workbook(tmp_path), monkeypatch, "columns")
    rows = table.frame.rows()
    assert table.header == ("id", "received", "stage", "mixed", "number", "time", "text", "flag", "last")
    assert rows[0] == ("C1", "2025-02-06", "1", "a", "1", "13:05:07", "2025-02-06", "TRUE", "x")
    assert rows[1] == ("C2", "2025-02-06", "2", "2", "1.5", "00:00:00", "1.0", "FALSE", "")
    assert rows[2] == ("C3", "2025-02-06T13:30:01", "1", "2.5", "0.3333333333333333", "23:59:59", "TRUE", "", "y")
    assert rows[3] == ("C4", "2025-02-06T13:30:01", "2", "TRUE", "1e-07", "", "007", "TRUE", "")
    assert rows[4] == ("C5", "1900-03-01", "1", "2024-01-01", "0", "", "é ü 中 \U0001F600", "", "")
    assert rows[5] == ("C6", "2025-02-06T00:00:00", "1", "", "100000000000000000000", "", "  ", "", "")
    assert rows[6] == ("C7", "", "", "2", "123456789.125", "", "1e5", "", "")
    assert rows[7] == ("C8", "", "", "", "", "", "", "", "")
    assert rows[8] == ("C9", "2030-12-31", "2", "", "0.3", "", "true story", "", "z")  # openpyxl saves 0.1 + 0.2 as 0.3
    assert rows[9] == ("C10", "2025-01-01", "1", "", "45694.5", "", "tru", "", "")
    assert table.rows_read == 11 and table.blank_rows == 1
    assert table.rows.to_list() == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12]
    assert [(c.row, c.column, c.rule) for c in table.cell_problems] == [(8, 3, "error-value"), (9, 3, "error-value")]


def test_a_formula_without_a_saved_value_reads_blank_alike(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), "=1+1"])
    ws.append(["C2", dt.date(2025, 1, 3), 2])
    table = _same(_save(wb, tmp_path / "f.xlsx"), monkeypatch, "columns")
    assert table.frame.rows() == [("C1", "2025-01-02", ""), ("C2", "2025-01-03", "2")]
    assert [(c.row, c.column, c.rule) for c in table.cell_problems] == [(0, 2, "formula-without-value")]


@pytest.mark.parametrize("text", ["true", "false", "2025-02-06 00:00:00", "2025-02-06 13:30:01.250", "1899-12-31 10:00:00"])
def test_text_spelled_as_fastexcel_spells_a_date_or_boolean_stays_as_written(tmp_path, monkeypatch, text):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), text])
    ws.append(["C2", dt.date(2025, 1, 3), True])
    table = _same(_save(wb, tmp_path / "t.xlsx"), monkeypatch, "cells")
    assert table.frame.rows() == [("C1", "2025-01-02", text), ("C2", "2025-01-03", "TRUE")]


def test_text_spelled_so_in_shared_strings_or_rich_text_is_read_cell_by_cell(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), "x"])
    path = _save(wb, tmp_path / "s.xlsx", lambda xml: xml.replace(b"<t>x</t>", b"<t>&#116;rue</t>"))
    table = _same(path, monkeypatch, "cells")
    assert table.frame.rows() == [("C1", "2025-01-02", "true")]


def test_numbers_fastexcel_rounds_are_spelled_from_the_saved_value(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    values = [1 / 3, 2 / 3 * 1e6, 1e-5, 0.000123, 1234567890123.3, 2.0**53 + 2, -1.5, -7, 12345678, 1e300, 5e-324, 1e10]
    for i, v in enumerate(values):
        ws.append([f"C{i}", dt.date(2025, 1, 2), v])
    table = _same(_save(wb, tmp_path / "n.xlsx"), monkeypatch, "columns")
    assert table.frame.get_column("c2").to_list() == [T.cell_text(v) for v in values]
    assert table.frame.get_column("c2").to_list()[:4] == ["0.3333333333333333", "666666.6666666666", "1e-05", "0.000123"]


@pytest.mark.parametrize("saved", [b" 5", b"5 ", b"1E3", b"+5", b"007", b"-0", b"1.50", b"nan", b"inf", b"0x10", b""])
def test_a_saved_number_however_written_reads_alike(tmp_path, monkeypatch, saved):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), 424242])
    ws.append(["C2", dt.date(2025, 1, 3), 1])
    _same(_save(wb, tmp_path / "v.xlsx", lambda xml: xml.replace(b"<v>424242</v>", b"<v>" + saved + b"</v>")), monkeypatch, None)


@pytest.mark.parametrize("value, fmt, reader", [
    (0.5, "hh:mm", "columns"),  # a time alone
    (0.999999999, "hh:mm:ss", "cells"),  # rounds to 1900-01-01 00:00 in fastexcel, a time in python-calamine
    (1.0, "yyyy-mm-dd", "cells"),  # 1900-01-01: the day such a time would be taken for
    (-1.5, "yyyy-mm-dd hh:mm", "cells"),  # before 1900
    (45694.99999999, "yyyy-mm-dd hh:mm:ss", "columns"),
    (2958466, "yyyy-mm-dd", "columns"),  # past 9999: a number to python-calamine
    (1e10, "yyyy-mm-dd", "cells"),  # past any date: a number
    (1.25, "[h]:mm:ss", "cells"),  # a duration
])
def test_dates_at_the_edges_read_alike(tmp_path, monkeypatch, value, fmt, reader):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), value])
    ws["C2"].number_format = fmt
    _same(_save(wb, tmp_path / "d.xlsx"), monkeypatch, reader)


def test_a_log_away_from_a1_with_titles_and_stray_cells_reads_alike(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["C2"] = "Complaints 2025"
    ws["C4"], ws["D4"], ws["E4"] = "id", "received", "stage"
    ws["C5"], ws["D5"], ws["E5"] = "C1", dt.date(2025, 1, 2), 1
    ws["C6"], ws["D6"], ws["E6"], ws["G6"] = "C2", dt.datetime(2025, 1, 3, 9, 30), 2, dt.date(2025, 5, 5)
    table = _same(_save(wb, tmp_path / "o.xlsx"), monkeypatch, "columns")
    assert table.header == ("", "", "id", "received", "stage")
    assert table.frame.rows() == [("", "", "C1", "2025-01-02", "1"), ("", "", "C2", "2025-01-03T09:30:00", "2")]
    assert [n.rule for n in table.notes] == ["title-rows", "cells-outside-header"]


@pytest.mark.parametrize("title, reader", [("2025", "cells"), (2025, "cells"), (dt.date(2025, 4, 1), "columns"),
                                           (dt.datetime(2025, 4, 1, 9, 0), "columns"), (True, "columns")])
def test_a_title_is_quoted_alike_whatever_its_kind(tmp_path, monkeypatch, title, reader):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(["id", "received", "stage"])
    ws.append(["C1", dt.date(2025, 1, 2), 1])
    table = _same(_save(wb, tmp_path / "title.xlsx"), monkeypatch, reader)
    assert [n.rule for n in table.notes] == ["title-rows"]


def test_a_column_of_only_dates_and_a_header_row_given(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["notes"])
    ws.append(["received", "responded"])
    for d in range(1, 29):
        ws.append([dt.date(2025, 1, d), dt.datetime(2025, 2, d, d % 24, d)])
    table = _same(_save(wb, tmp_path / "h.xlsx"), monkeypatch, "columns", header_row=2)
    assert table.frame.row(0) == ("2025-01-01", "2025-02-01T01:01:00")


def test_python_calamine_spellings_are_the_reference(tmp_path):
    """cell_text, which both readers must agree with, on python-calamine's kinds of value."""
    assert [T.cell_text(v) for v in [None, "", "x", True, False, 1.0, -0.0, 1.5, 1e-7, 1e20, 3]] == \
        ["", "", "x", "TRUE", "FALSE", "1", "0", "1.5", "1e-07", "100000000000000000000", "3"]
    assert T.cell_text(dt.datetime(2025, 2, 6, 0, 0, 0, 250000)) == "2025-02-06T00:00:00"
    assert T.cell_text(dt.date(2025, 2, 6)) == "2025-02-06"
    assert T.cell_text(dt.time(9, 5, 7, 999000)) == "09:05:07"


def test_many_times_and_fractions_are_noted_and_read_through_the_columns(tmp_path, monkeypatch):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "responded", "stage", "amount"])
    for i in range(300):
        received = dt.datetime(2025, 1, 1, 9, 0) + dt.timedelta(minutes=37 * i, seconds=i % 7)
        ws.append([f"C{i}", received, received + dt.timedelta(days=3, minutes=17), 1 + i % 2, i / 7])
    table = _same(_save(wb, tmp_path / "times.xlsx"), monkeypatch, "columns")
    assert table.frame.row(1) == ("C1", "2025-01-01T09:37:01", "2025-01-04T09:54:01", "2", "0.1428571428571428")  # as openpyxl saved 1/7


def test_the_scan_counts_cells_only_when_the_sheet_could_reach_the_limit(tmp_path, monkeypatch):
    """The scan's count (header included, as it stood when the limit was passed) names the cells when
    the limit is low; with the default limit a sheet of this size is not counted at all."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    for i in range(100):
        ws.append([f"C{i}", dt.date(2025, 1, 2), 1])
    path = _save(wb, tmp_path / "log.xlsx")
    with pytest.raises(InputError) as exc:
        T.read_table(path, display="log.xlsx", known_names=KNOWN, limits=T.ReadLimits(max_cells=200))
    assert [p.message for p in exc.value.problems] == ["the table has 303 cells, over the limit of 200 (read limit max_cells); split the case log, or raise the limit"]
    counts = []
    facts = X._piece_facts
    monkeypatch.setattr(X, "_piece_facts", lambda *a, **kw: counts.append(facts(*a, **kw).count) or facts(*a, **kw))
    assert T.read_table(path, display="log.xlsx", known_names=KNOWN).frame.height == 100
    assert counts and set(counts) == {0}
    counts.clear()
    T.read_table(path, display="log.xlsx", known_names=KNOWN, limits=T.ReadLimits(max_cells=1000))
    assert sum(counts) == 303


def _sheet_zip(tmp_path: Path, rows: int = 2000) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "received", "stage"])
    for i in range(rows):
        ws.append([f"C{i}", dt.date(2025, 1, 2) + dt.timedelta(days=i % 300), 1 + i % 2])
    return _save(wb, tmp_path / "log.xlsx")


def _patched(path: Path, tmp_path: Path, patch) -> Path:
    """A copy of the workbook with bytes of its central directory or data changed by `patch(data, info)`."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        patch(data, zf.getinfo("xl/worksheets/sheet1.xml"))
    out = tmp_path / "patched.xlsx"
    out.write_bytes(bytes(data))
    return out


def test_the_sheet_is_unpacked_by_isa_l_to_the_same_bytes(tmp_path):
    path = _sheet_zip(tmp_path)
    with zipfile.ZipFile(path) as zf:
        whole = zf.read("xl/worksheets/sheet1.xml")
        with X._open_member(zf, "xl/worksheets/sheet1.xml") as source:
            assert isinstance(source, X._Inflated)
            chunks = [source.read(n) for n in (1, 7, 4096, 1 << 20, 1 << 20)]
            assert source.fallback is None
    assert b"".join(chunks) == whole and chunks[-1] == b""


def _corrupt_data(data: bytearray, info: zipfile.ZipInfo) -> None:
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2: start + info.compress_size // 2 + 64] = b"\xff" * 64


def _wrong_crc(data: bytearray, info: zipfile.ZipInfo) -> None:
    at = data.find(b"PK\x01\x02")  # the central directory: find the sheet's entry
    while data[at + 46: at + 46 + len(info.filename)] != info.filename.encode():
        at = data.find(b"PK\x01\x02", at + 4)
    data[at + 16: at + 20] = (info.CRC ^ 1).to_bytes(4, "little")


@pytest.mark.parametrize("patch", [_corrupt_data, _wrong_crc])
def test_a_damaged_sheet_reads_as_zipfile_says_it_is_damaged(tmp_path, monkeypatch, patch):
    """The ISA-L reader hands a damaged member to zipfile, which raises its own error, as before."""
    path = _patched(_sheet_zip(tmp_path), tmp_path, patch)
    with pytest.raises(InputError) as fast:
        T.read_table(path, display="log.xlsx", known_names=KNOWN)
    monkeypatch.setattr(X, "isal_zlib", None)
    with pytest.raises(InputError) as slow:
        T.read_table(path, display="log.xlsx", known_names=KNOWN)
    assert [p.message for p in fast.value.problems] == [p.message for p in slow.value.problems]
    assert fast.value.problems[0].rule == "not-a-caselog" and "is not a readable XLSX workbook" in fast.value.problems[0].message


# -- a big sheet parsed in two halves (xlsx_halves) -----------------------------------------------

def _big_log(tmp_path: Path, edit=None, rows: int = 1200) -> Path:
    """A log with titles above its header, every kind of cell, blank and short rows, and a last
    column filled only near the end (so the top half is narrower than the bottom one)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(["Complaints export"])
    ws.append([])
    ws.append(["id", "received", "stage", "outcome", "amount", "flag", "last"])
    for i in range(rows):
        if i % 97 == 5:
            ws.append([])
            continue
        if i % 89 == 7:
            ws.append([f"C{i}"])
            continue
        ws.append([f"C{i}", dt.date(2025, 1, 2) + dt.timedelta(days=i % 300), 1 + i % 2, ["Upheld", "Not upheld", " "][i % 3],
                   [i, i + 0.5, -i, None][i % 4], [True, False, None][i % 3], "x" if i > rows - 50 else None])
    return _save(wb, tmp_path / "big.xlsx", edit)


def test_a_sheet_parsed_in_halves_reads_as_parsed_in_one_piece(tmp_path, monkeypatch):
    path = _big_log(tmp_path)
    table = _same(path, monkeypatch, "columns")
    assert _read(path, monkeypatch, columns=True, halves=True)[1] == "halves"
    assert table.header_row == 3 and table.rows_read == 1200 and table.blank_rows == 13
    assert table.frame.row(0) == ("C0", "2025-01-02", "1", "Upheld", "0", "TRUE", "")
    assert table.frame.row(table.frame.height - 1) == ("C1199", "2025-10-28", "2", " ", "", "", "x")
    assert [n.rule for n in table.notes] == ["title-rows"]


def _top_halves_started(monkeypatch) -> list[bool]:
    """Filled, as sheets are read, with whether each cut started parsing its top half."""
    started = []
    cut = H.SplitRead._cut

    def recorded(self, *a):
        cut(self, *a)
        started.append(self.worker is not None)

    monkeypatch.setattr(H.SplitRead, "_cut", recorded)
    return started


def _move_row(xml: bytes, number: int, to_front: bool) -> bytes:
    """The sheet's row `number` moved to the start or the end of its rows (rows out of order)."""
    import re

    row = re.search(rb'<row r="%d".*?</row>' % number, xml, re.S)[0]
    xml = xml.replace(row, b"")
    return xml.replace(b"<sheetData>", b"<sheetData>" + row) if to_front else xml.replace(b"</sheetData>", row + b"</sheetData>")


@pytest.mark.parametrize("number, to_front", [(1200, True), (4, False)])
def test_rows_out_of_order_are_parsed_in_one_piece(tmp_path, monkeypatch, number, to_front):
    """A half holding a row of the other is not put together: the sheet is parsed whole."""
    path = _big_log(tmp_path, lambda xml: _move_row(xml, number, to_front))
    _same(path, monkeypatch, "columns")
    assert _read(path, monkeypatch, columns=True, halves=True)[1] == "columns"


def test_rows_without_numbers_are_parsed_in_one_piece(tmp_path, monkeypatch):
    import re

    path = _big_log(tmp_path, lambda xml: re.sub(rb'<row r="[0-9]+"', b"<row ", xml))
    _same(path, monkeypatch, "columns")
    assert _read(path, monkeypatch, columns=True, halves=True)[1] == "columns"


def test_text_spelled_like_a_date_past_the_middle_is_read_cell_by_cell(tmp_path, monkeypatch):
    """Found by the scan after the top half was started: that half is dropped, and cells are read one by one."""
    path = _big_log(tmp_path, lambda xml: xml.replace(b"<is><t>x</t></is>", b"<is><t>2025-02-06 00:00:00</t></is>", 1))
    started = _top_halves_started(monkeypatch)
    table = _same(path, monkeypatch, "cells")
    assert started == [True]
    assert table.frame.get_column("c6").to_list().count("2025-02-06 00:00:00") == 1


@pytest.mark.parametrize("edit, rule", [
    (lambda xml: xml.replace(b"</worksheet>", b""), "not-a-caselog"),  # cut short: found at its end
    (lambda xml: xml.replace(b"</row></sheetData>", b'<c r="ZZ1200" t="inlineStr"><is><t>stray</t></is></c></row></sheetData>'), "too-many-cells"),
])
def test_a_problem_found_past_the_middle_is_said_as_in_one_piece(tmp_path, monkeypatch, edit, rule):
    """The top half's parse is waited for, and the problem is the one the sheet read whole gives."""
    import threading

    path = _big_log(tmp_path, edit)
    limits = T.ReadLimits(max_cells=500_000)
    with pytest.raises(InputError) as whole:
        _read(path, monkeypatch, columns=True, limits=limits)
    started = _top_halves_started(monkeypatch)
    with pytest.raises(InputError) as halved:
        _read(path, monkeypatch, columns=True, halves=True, limits=limits)
    assert started == [True]
    assert halved.value.problems == whole.value.problems
    assert [p.rule for p in halved.value.problems] == [rule]
    assert not [t for t in threading.enumerate() if t.name == "chc-xlsx-half"]


def test_halves_read_from_bytes_where_there_is_no_memfd(tmp_path, monkeypatch):
    path = _big_log(tmp_path)
    sources = []
    source = H.StoredBook.source

    def recorded(self, parts):
        made = source(self, parts)
        sources.append(type(made))
        return made

    monkeypatch.delattr(H.os, "memfd_create")
    monkeypatch.setattr(H.StoredBook, "source", recorded)
    table, reader = _read(path, monkeypatch, columns=True, halves=True)
    assert reader == "halves" and sources == [bytes, bytes]
    _alike(table, _read(path, monkeypatch, columns=False)[0])


@pytest.mark.parametrize("memfd", [True, False])
def test_a_stored_book_is_a_zip_any_reader_takes(monkeypatch, memfd):
    if not memfd:
        monkeypatch.delattr(H.os, "memfd_create")
    book = H.StoredBook("xl/worksheets/sheet1.xml")
    book.write(b"<a>12345")
    book.write(memoryview(b"6789</a>")[:4])
    book.cut_back(5, zipfile.crc32(b"<a>12"))
    book.write(b"</a>")
    source = book.source([("d/é.rels", b""), ("x.xml", b"<x/>")])
    data = Path(source).read_bytes() if memfd else source
    book.close()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert [(i.filename, i.compress_type, i.file_size) for i in zf.infolist()] == \
            [("xl/worksheets/sheet1.xml", 0, 9), ("d/é.rels", 0, 0), ("x.xml", 0, 4)]
        assert zf.read("xl/worksheets/sheet1.xml") == b"<a>12</a>"


def test_halves_are_put_together_by_row_number():
    import polars as pl

    top = pl.DataFrame({"c0": ["h", "a"]})  # rows 1-2; the bottom half begins at row 5
    assert H._in_place(top, 5, top=True) and not H._in_place(top, 2, top=True)
    bottom = pl.DataFrame({"c0": [H.MARKER, "b", "c"], "c1": [None, None, "d"]})  # from the marker's row, 4
    assert H._in_place(bottom, 5, top=False)
    assert not H._in_place(bottom.slice(1), 5, top=False)  # a row of the top half's came before the marker
    assert not H._in_place(bottom.with_columns(pl.Series("c1", ["x", None, "d"])), 5, top=False)  # a cell in its row
    assert not H._in_place(bottom.with_columns(pl.Series("c0", ["A4", "b", "c"])), 5, top=False)  # a cell in its place
    joined = H.join_halves(top, bottom.slice(1), 5, "")
    assert joined.rows() == [("h", ""), ("a", ""), ("", ""), ("", ""), ("b", None), ("c", "d")]
    assert H.join_halves(top, pl.DataFrame({"c0": []}, schema={"c0": pl.String}), 5, None).rows() == [("h",), ("a",)]  # nothing from the cut on
    dates = pl.Categorical(pl.Categories.random())  # a column of dates in the top half only, and rows between empty
    joined = H.join_halves(top.with_columns(pl.col("c0").cast(dates)), pl.DataFrame({"c0": ["b"]}), 5, "")
    assert joined.rows() == [("h",), ("a",), ("",), ("",), ("b",)] and joined.schema == {"c0": dates}


def test_an_error_in_the_top_half_is_raised_where_the_sheet_is_read(tmp_path, monkeypatch):
    """Not printed by a dying thread and lost: raised by read_table, as any error of the main thread."""
    path = _big_log(tmp_path)
    work = H.SplitRead._work

    def failing(self, i):
        if i == 0:
            raise RuntimeError("top half failed")
        work(self, i)

    monkeypatch.setattr(H.SplitRead, "_work", failing)
    with pytest.raises(RuntimeError, match="top half failed"):
        _read(path, monkeypatch, columns=True, halves=True)


def _prefixed(xml: bytes) -> bytes:
    """The sheet's XML with its elements in a named namespace (<x:row>), as some exporters write it."""
    import re

    xml = xml.replace(b'<worksheet xmlns="', b'<worksheet xmlns:x="', 1)
    return re.sub(rb"<(/?)(?![?!])([A-Za-z]+)", rb"<\1x:\2", xml)


def test_a_sheet_with_prefixed_elements_is_cut_and_read_alike(tmp_path, monkeypatch):
    path = _big_log(tmp_path, _prefixed)
    with zipfile.ZipFile(path) as zf:
        assert b"<x:row " in zf.read("xl/worksheets/sheet1.xml")
    table = _same(path, monkeypatch, "columns")
    assert _read(path, monkeypatch, columns=True, halves=True)[1] == "halves"
    assert table.frame.height == 1187 and table.frame.row(0) == ("C0", "2025-01-02", "1", "Upheld", "0", "TRUE", "")


def test_a_process_with_one_core_parses_the_sheet_in_one_piece(tmp_path, monkeypatch):
    """A batch worker (polars on one thread) or a machine of one core: two halves would only contend."""
    import polars as pl

    path = _big_log(tmp_path)
    monkeypatch.setattr(H, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(pl, "thread_pool_size", lambda: 2)
    assert _read(path, monkeypatch, columns=True)[1] == "halves"
    monkeypatch.setattr(pl, "thread_pool_size", lambda: 1)
    assert _read(path, monkeypatch, columns=True)[1] == "columns"
