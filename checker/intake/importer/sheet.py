"""A spreadsheet's tables: each sheet of an .xlsx, or a .csv, read as one table with its row numbers,
so that a row is reported as `file[Sheet]!C7` (or `file:7:3` for a CSV).

chc's own fill-in workbook (sheets Answers and About) is not read here: `build` hands it to
`intake.workbook`, which knows its columns exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from .sources import Source, check_counts, not_what_it_says, open_zip, refuse, sniff
from .tables import RawTable

CHC_WORKBOOK_SHEETS = {"Answers", "About"}


def is_chc_workbook(data: bytes, name: str) -> bool:
    import openpyxl

    from ...problems import InputError

    try:
        open_zip(data, name, "xlsx")
    except InputError:
        return False  # read_xlsx reports why
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    except Exception:
        return False
    try:
        return CHC_WORKBOOK_SHEETS <= set(wb.sheetnames)
    finally:
        wb.close()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def read_xlsx(data: bytes, name: str) -> Source:
    open_zip(data, name, "xlsx")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise refuse(name, f"is a damaged workbook ({type(exc).__name__}); open it in Excel and save it again", "wrong-format") from None
    source = Source(name, "xlsx")
    total = 0
    try:
        for ws in wb.worksheets:
            rows, numbers = [], []
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = tuple(_text(v) for v in row)
                if any(c.strip() for c in cells):
                    rows.append(cells)
                    numbers.append(number)
                    total += 1
                    check_counts(name, 0, total)
            source.texts.append(ws.title)
            source.tables.append(RawTable(name, 0, tuple(rows), heading=ws.title, sheet=ws.title, row_numbers=tuple(numbers)))
    finally:
        wb.close()
    return source


def read_csv(data: bytes, name: str) -> Source:
    found = sniff(data)
    if found != "text" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise not_what_it_says(name, "csv", found)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)  # the header line says: Excel writes ; where , is the decimal mark
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    rows, numbers = [], []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
            if any(c.strip() for c in row):
                rows.append(tuple(c.replace("\r\n", "\n") for c in row))
                numbers.append(number)
                check_counts(name, 0, len(rows))
    except csv.Error as exc:
        raise refuse(name, f"is not a CSV file chc can read ({exc})", "wrong-format") from None
    return Source(name, "csv", [RawTable(name, 0, tuple(rows), row_numbers=tuple(numbers), csv=True)], [])
