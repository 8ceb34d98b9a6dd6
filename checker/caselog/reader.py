"""Read a complaints case-log export (CSV or XLSX) into rows the metrics can count.

Complaints systems name and format their columns differently, so: columns are found by name,
case-insensitively, with a mapping from our names to theirs; dates are read in the forms UK
exports use (ISO, day-first text, Excel dates and serial numbers). A row that cannot be used is
reported as a `Problem` at its row and column and left out, and the run goes on, so an analyst
sees every bad row at once; a file that cannot be used at all raises `InputError`.

Parsing is memoised per distinct cell text (a log of a million rows holds a few thousand distinct
dates), and rows are plain named tuples, which keeps a million-row log within seconds.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping, NamedTuple, Sequence

from ..problems import InputError, Location, Problem
from ..yamlsource import decode_text, utf16_without_bom

#: Our column names, in the order of `Case`.
COLUMNS = (
    "id", "stage", "received", "acknowledged", "responded", "extension_notified", "extended_due",
    "escalation_requested", "outcome", "category", "tenure", "withdrawn",
)
REQUIRED = ("id", "stage", "received")
DATE_COLUMNS = ("received", "acknowledged", "responded", "extension_notified", "extended_due",
                "escalation_requested")

#: Dates outside these years are taken as typing errors (and keep the bank-holiday table small).
FIRST_YEAR = 1990
LAST_YEAR = 2099

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (",", ";", "\t", "|")
PROGRESS_EVERY = 16384


class Case(NamedTuple):
    """One complaint at one stage. A named tuple, not a dataclass: a log may hold a million."""

    id: str
    stage: int
    received: dt.date
    acknowledged: dt.date | None = None
    responded: dt.date | None = None
    extension_notified: dt.date | None = None
    extended_due: dt.date | None = None
    escalation_requested: dt.date | None = None
    outcome: str = ""
    category: str = ""
    tenure: str = ""  # "LCRA", "LCHO" or "" (not given)
    withdrawn: bool = False
    row: int = 0  # the row as the user sees it (the header is row 1)


@dataclass(frozen=True)
class CaseLog:
    """A case log as read: the usable rows, the problems of the rest, and where it came from."""

    path: str
    sha256: str
    cases: tuple[Case, ...]
    problems: tuple[Problem, ...] = ()
    excluded: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    rows_read: int = 0  # data rows below the header, blank ones included
    blank_rows: int = 0
    sheet: str = ""
    columns: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # ours -> header found
    date_range: tuple[dt.date, dt.date] | None = None

    @property
    def excluded_total(self) -> int:
        return sum(self.excluded.values())

    def summary(self) -> dict:
        """How the rows were used, JSON-ready."""
        return {
            "file": self.path,
            "sheet": self.sheet or None,
            "sha256": self.sha256,
            "rows_read": self.rows_read,
            "blank_rows": self.blank_rows,
            "included": len(self.cases),
            "excluded": self.excluded_total,
            "excluded_by_reason": dict(sorted(self.excluded.items())),
        }


# -- cell parsing ---------------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_D_MON_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,9})\.?,?[\s\-/.]+(\d{4}|\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_TIME = re.compile(
    r"(?:[T\s]+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|BST)?",
    re.IGNORECASE,
)
_EXCEL_1900 = dt.date(1899, 12, 30)
_EXCEL_1904 = dt.date(1904, 1, 1)
_SERIAL_MIN = (dt.date(FIRST_YEAR, 1, 1) - _EXCEL_1900).days
_SERIAL_MAX = (dt.date(LAST_YEAR, 12, 31) - _EXCEL_1900).days


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _checked(year: int, month: int, day: int, text: str) -> dt.date | str:
    try:
        d = dt.date(year, month, day)
    except ValueError as exc:
        hint = " (dates are read day first, DD/MM/YYYY)" if month > 12 and day <= 12 else ""
        return f"'{text}' is not a real date: {exc}{hint}"
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        return f"'{text}' is outside the years {FIRST_YEAR}-{LAST_YEAR}; is it mistyped?"
    return d


def parse_date_text(text: str) -> dt.date | None | str:
    """A date from cell text: the date, None when blank, or a message saying why not.

    Accepts ISO (2025-01-31, with or without a time), day-first (31/01/2025, 31-01-2025,
    31.01.25), 31 Jan 2025 / 31-Jan-2025 / 31 January 2025, and Excel serial numbers (45688).
    A time of day is ignored: the date is the date as written (UK local time assumed).
    """
    s = text.strip()
    if not s:
        return None
    if ":" in s:
        s = _TIME.sub("", s, count=1).strip()
    m = _ISO.fullmatch(s)
    if m:
        return _checked(int(m[1]), int(m[2]), int(m[3]), text.strip())
    m = _DMY.fullmatch(s)
    if m:
        return _checked(_year(m[3]), int(m[2]), int(m[1]), text.strip())
    m = _D_MON_Y.fullmatch(s)
    if m:
        month = _MONTHS.get(m[2].casefold())
        if month is None:
            return f"'{text.strip()}': '{m[2]}' is not a month name"
        return _checked(_year(m[3]), month, int(m[1]), text.strip())
    if _SERIAL.fullmatch(s):
        return _serial(float(s), _EXCEL_1900, text.strip())
    return f"'{text.strip()}' is not a date; expected e.g. 2025-01-31, 31/01/2025 or 31 Jan 2025"


def _serial(value: float, epoch: dt.date, text: str) -> dt.date | str:
    """An Excel serial day number (the fraction is the time of day, dropped)."""
    days = int(value)
    if epoch == _EXCEL_1900 and not _SERIAL_MIN <= days <= _SERIAL_MAX:
        return f"the number {text} is not a date (as an Excel date serial it falls outside {FIRST_YEAR}-{LAST_YEAR})"
    d = epoch + dt.timedelta(days=days)
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        return f"the number {text} is not a date (as an Excel date serial it falls outside {FIRST_YEAR}-{LAST_YEAR})"
    return d


def parse_date_value(value: Any, epoch: dt.date = _EXCEL_1900) -> dt.date | None | str:
    """A date from any cell value (text, spreadsheet date or date-time, serial number)."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_date_text(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            return f"{value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}; is it mistyped?"
        return value
    if isinstance(value, bool):
        return f"'{value}' is not a date"
    if isinstance(value, (int, float)):
        return _serial(float(value), epoch, _number_text(value))
    if isinstance(value, dt.time):
        return f"the cell holds a time of day ({value.isoformat()}), not a date"
    return f"'{value}' is not a date"


_STAGE = re.compile(r"(?:stage|s)?[\s_\-]*(1|2|one|two)(?:\.0+)?")


def parse_stage(value: Any) -> int | str:
    """1 or 2 from 1, 2, 1.0 (a number, or text), "stage 1", "Stage 2", "S1", "stage one"; else a message."""
    text = _number_text(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value or "").strip()
    m = _STAGE.fullmatch(text.casefold())
    if m:
        return 1 if m[1] in ("1", "one") else 2
    if not text:
        return "the stage is blank; expected 1 or 2 (or 'Stage 1', 'S2')"
    return f"unknown stage '{text}'; expected 1 or 2 (or 'Stage 1', 'S2')"


def parse_tenure(value: Any) -> str:
    """'LCRA', 'LCHO' or '' (blank); anything else comes back as a message starting with '!'."""
    text = str(value or "").strip()
    upper = text.upper()
    if upper in ("LCRA", "LCHO", ""):
        return upper
    return f"!unknown tenure '{text}'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank"


_TRUE = frozenset(("yes", "y", "true", "t", "1", "withdrawn"))
_FALSE = frozenset(("no", "n", "false", "f", "0", ""))


def parse_withdrawn(value: Any) -> bool | str:
    """Yes/no/true/false/1/0/blank to a bool; else a message."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = _number_text(value) if isinstance(value, (int, float)) else str(value).strip()
    folded = text.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return f"withdrawn '{text}' is not yes or no; expected yes/no, true/false, 1/0 or blank"


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell_text(value: Any) -> str:
    """A spreadsheet value as text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


# -- reading --------------------------------------------------------------------------------------

def normalise_name(name: Any) -> str:
    """Column names compare case-insensitively, ignoring surrounding spaces; inner spaces, hyphens
    and underscores are the same ("Escalation requested" is escalation_requested)."""
    return re.sub(r"[\s_\-]+", "_", str(name if name is not None else "").strip().casefold())


def read_caselog(
    path: str | Path,
    columns: Mapping[str, str] | None = None,
    *,
    sheet: str | None = None,
    display: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> CaseLog:
    """Read a CSV or XLSX case log.

    `columns` maps our names to the file's (only those that differ); `sheet` picks an XLSX
    sheet by name (default: the first); `display` is the name used in messages; `progress` is
    called now and then with the fraction read so far.
    """
    name = display or str(path)
    mapping = _check_mapping(columns or {}, name)
    p = Path(path)
    try:
        if p.exists() and not p.is_dir() and not p.is_file():  # a device or a pipe would be read for ever
            raise InputError([Problem(Location(name), "is not a regular file (a device or a pipe?); give a CSV or XLSX file", "not-found")])
        raw = p.read_bytes()
    except IsADirectoryError:
        raise InputError([Problem(Location(name), "is a folder, not a case log (CSV or XLSX)", "not-found")]) from None
    except FileNotFoundError:
        raise InputError([Problem(Location(name), "no such file", "not-found")]) from None
    except OSError as exc:
        raise InputError([Problem(Location(name), f"cannot be read: {exc.strerror}", "not-found")]) from None
    sha256 = hashlib.sha256(raw).hexdigest()
    kind = _kind(p, raw, name)
    if not raw.strip():
        raise InputError([Problem(Location(name), "the file is empty: expected a header row and one row per complaint", "empty")])
    if kind == "xlsx":
        del raw
        return _read_xlsx(p, name, sha256, mapping, sheet, progress)
    return _read_csv(raw, name, sha256, mapping, progress)


def _check_mapping(columns: Mapping[str, str], name: str) -> dict[str, str]:
    problems = []
    out = {}
    for ours, theirs in columns.items():
        key = normalise_name(ours)
        if key not in COLUMNS:
            problems.append(Problem(Location(name), f"the column mapping names '{ours}', which is not one of ours: {', '.join(COLUMNS)}", "unknown-column"))
        elif not str(theirs or "").strip():
            problems.append(Problem(Location(name), f"the column mapping gives no file column for '{ours}'", "unknown-column"))
        else:
            out[key] = str(theirs)
    if problems:
        raise InputError(problems)
    return out


def _kind(p: Path, raw: bytes, name: str) -> str:
    suffix = p.suffix.casefold()
    head = raw[:8]
    if head.startswith(b"PK\x03\x04"):
        if suffix in CSV_SUFFIXES:
            raise InputError([Problem(Location(name), "is named like a CSV file but is a zip archive (an XLSX workbook?); rename it .xlsx", "not-a-caselog")])
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError([Problem(Location(name), "is an old binary Excel (.xls) workbook; save it as .xlsx or CSV", "not-a-caselog")])
    if suffix in XLSX_SUFFIXES and raw:
        raise InputError([Problem(Location(name), "is named .xlsx but is not an Excel workbook; export it again as .xlsx or CSV", "not-a-caselog")])
    sample = raw[:65536]
    if suffix not in CSV_SUFFIXES and suffix:
        if head.startswith(b"%PDF") or not _looks_like_text(sample):
            raise InputError([Problem(Location(name), f"is not a CSV or XLSX case log (a '{suffix}' file)", "not-a-caselog")])
    if not _looks_like_text(sample):
        if utf16_without_bom(sample):
            raise InputError([Problem(Location(name), "looks like UTF-16 text without a byte-order mark; save it as CSV UTF-8", "encoding")])
        at = sample.find(b"\x00")
        line = sample.count(b"\n", 0, at) + 1
        column = at - (sample.rfind(b"\n", 0, at) + 1) + 1
        raise InputError([Problem(Location(name, line, column), "holds a NUL byte (binary data), not CSV text; export the case log as CSV (UTF-8) or XLSX", "not-a-caselog")])
    return "csv"


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return b"\x00" not in sample


def _sniff_delimiter(first_line: str) -> str:
    """The delimiter is the commonest of , ; TAB | in the header line, outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = [(unquoted.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


def _read_csv(raw: bytes, name: str, sha256: str, mapping: dict, progress) -> CaseLog:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    buffer = io.BytesIO(raw)
    stream = io.TextIOWrapper(buffer, encoding=encoding, newline="")
    total = max(len(raw), 1)

    def rows() -> Iterator[Sequence[str]]:
        reader = csv.reader(stream, delimiter=delimiter, strict=False)
        try:
            yield from reader
        except csv.Error as exc:
            raise InputError([Problem(Location(name, max(reader.line_num, 1), 1), f"cannot be read as CSV: {exc}", "syntax")]) from None
        except UnicodeDecodeError:
            decode_text(raw, name)  # raises with the line and column of the bad byte
            raise InputError([Problem(Location(name), "the file is not valid text in its encoding; save it as UTF-8", "encoding")]) from None

    try:
        first_line = ""
        for _ in range(100):  # the header is the first line that is not blank
            first_line = stream.readline()
            if first_line.strip() or not first_line:
                break
        stream.seek(0)
    except UnicodeDecodeError:
        decode_text(raw, name)
        raise InputError([Problem(Location(name), "the file is not valid text; save it as UTF-8", "encoding")]) from None
    delimiter = _sniff_delimiter(first_line)
    position = (lambda: buffer.tell() / total) if progress else None
    return _read_rows(rows(), name, sha256, mapping, "", _EXCEL_1900, progress, position)


def _read_xlsx(p: Path, name: str, sha256: str, mapping: dict, sheet: str | None, progress) -> CaseLog:
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl parses what it is given and can fail in any way on a damaged file
        raise InputError([Problem(Location(name), f"is not a readable XLSX workbook ({exc.__class__.__name__}: {exc}); open it in Excel and save it again, or export CSV", "not-a-caselog")]) from None
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise InputError([Problem(Location(name, sheet=sheet), f"no sheet named '{sheet}'; the workbook has: {', '.join(wb.sheetnames)}", "missing-sheet")])
            ws = wb[sheet]
        else:
            ws = wb.worksheets[0]
        title = ws.title
        epoch = _EXCEL_1904 if getattr(wb, "epoch", None) and wb.epoch.year == 1904 else _EXCEL_1900
        # max_row may scan the whole sheet when the workbook has no dimension record: progress only.
        max_row = (ws.max_row or 0) if progress else 0
        counter = [0]

        def rows() -> Iterator[Sequence[Any]]:
            try:
                for row in ws.iter_rows(min_row=1, values_only=True):
                    counter[0] += 1
                    yield row
            except Exception as exc:  # damaged sheet XML: the parser can fail in any way
                raise InputError([Problem(Location(name, counter[0] + 1, sheet=title), f"the sheet cannot be read from this row on ({exc.__class__.__name__}: {exc}); open the workbook in Excel and save it again, or export CSV", "not-a-caselog")]) from None

        position = (lambda: counter[0] / max_row if max_row else 0.0) if progress else None
        try:
            cells = _unreadable_cells(ws, name)
        except InputError:
            raise
        except Exception as exc:  # a damaged archive member
            raise InputError([Problem(Location(name, sheet=title), f"is not a readable XLSX workbook ({exc.__class__.__name__}: {exc}); open it in Excel and save it again, or export CSV", "not-a-caselog")]) from None
        return _read_rows(rows(), name, sha256, mapping, title, epoch, progress, position, cells)
    finally:
        wb.close()


#: Formula cells without a saved result kept per run; a workbook with more is refused whole.
MAX_UNREADABLE = 100_000
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')
# A formula cell with no saved result: no <v>, or an empty one (<c r="D4"><f>C4+1</f><v/></c>,
# as openpyxl writes them); an empty <v> of a text formula (t="str") is a real empty result.
_FORMULA_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\s([^>]*?r="([A-Z]+[0-9]+)"[^>]*)>\s*<((?:\w+:)?f)\b[^>]*?(?:/>|>([^<]*)</\3>)'
    rb'\s*(<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')


def _unreadable_cells(ws, name: str) -> dict[int, list[tuple[int, int, str, str]]]:
    """Cells that read as blank though the person sees something: inside merged cells, or formulas
    never calculated (a workbook written by a program, not saved by Excel). Found by one pass over
    the sheet's XML (openpyxl's read-only mode reports neither); row -> [(first column, last
    column (0-based), message, rule)]."""
    import html

    from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

    try:
        source = ws._get_source()
    except (AttributeError, KeyError, OSError):  # pragma: no cover - not openpyxl's read-only sheet
        return {}
    out: dict[int, list[tuple[int, int, str, str]]] = {}
    count = 0

    def add(row: int, first: int, last: int, message: str, rule: str) -> None:
        nonlocal count
        count += 1
        if count > MAX_UNREADABLE:
            raise InputError([Problem(Location(name, sheet=ws.title), f"more than {MAX_UNREADABLE:,} cells are merged or hold formulas with no saved result; open the workbook in Excel, unmerge the cells, save it and export again", "unreadable-cells")])
        out.setdefault(row, []).append((first, last, message, rule))

    carry = b""
    with source:
        while True:
            chunk = source.read(1 << 20)
            buffer = carry + chunk
            if chunk:  # keep an element that may be cut at the chunk's end for the next round
                cut = buffer.rfind(b"row>") + 4 if b"row>" in buffer else 0
                merge = buffer.rfind(b"mergeCell ")
                if merge > 0:
                    cut = max(cut, buffer.rfind(b"<", 0, merge))
                part, carry = buffer[:cut], buffer[cut:]
            else:
                part, carry = buffer, b""
            if b"f" in part and (b"<f" in part or b":f" in part):
                for m in _FORMULA_NO_VALUE.finditer(part):
                    if m[5] and b't="str"' in m[1]:
                        continue
                    ref = m[2].decode()
                    row, col = coordinate_to_tuple(ref)
                    formula = html.unescape((m[4] or b"").decode("utf-8", "replace")).strip()
                    shown = f" (={formula[:40]}{'...' if len(formula) > 40 else ''})" if formula else ""
                    add(row, col - 1, col - 1, f"cell {ref} holds a formula{shown} with no saved result, so it reads as blank; open the workbook in Excel and save it, or paste the values", "formula-without-value")
            if b"mergeCell" in part:
                for m in _MERGE.finditer(part):
                    ref = f"{m[1].decode()}:{m[2].decode()}"
                    min_col, min_row, max_col, max_row = range_boundaries(ref)
                    for row in range(min_row, max_row + 1):
                        first = min_col + 1 if row == min_row else min_col
                        if first <= max_col:
                            add(row, first - 1, max_col - 1, f"cell {{cell}} is inside the merged cells {ref}, so it reads as blank; unmerge them and type the value in every cell", "merged-cells")
            if not chunk:
                break
    return out


def _cell_ref(column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"


def _read_rows(
    rows: Iterator[Sequence[Any]],
    name: str,
    sha256: str,
    mapping: dict,
    sheet: str,
    epoch: dt.date,
    progress: Callable[[float], None] | None,
    position: Callable[[], float] | None,
    unreadable: dict[int, list[tuple[int, int, str, str]]] | None = None,
) -> CaseLog:
    """The shared loop over rows of cells (text for CSV; typed values for XLSX).

    `unreadable` lists, by row, cells that read as blank though they are not (merged cells,
    formulas never calculated): a row with one in a column we use is left out, with the reason.
    """

    def where(row: int, column: int) -> Location:
        if sheet:
            return Location(name, row, column, sheet=sheet, cell=_cell_ref(column, row) if column else "")
        return Location(name, row, column)

    # The header is the first row that is not blank.
    rowno = 0
    header = None
    for row in rows:
        rowno += 1
        if any(_cell_text(v) for v in row):
            header = row
            break
    if header is None:
        raise InputError([Problem(where(1, 0) if sheet else Location(name), "the file is empty: expected a header row and one row per complaint", "empty")])
    header_row = rowno
    index, found = _resolve_columns(header, header_row, mapping, where, name)

    width = len(header)
    used = sorted(index.values())
    idx = [index.get(c, -1) for c in COLUMNS]
    (i_id, i_stage, i_received, i_ack, i_resp, i_extn, i_extd, i_esc, i_out, i_cat, i_ten, i_wd) = idx
    date_idx = (i_received, i_ack, i_resp, i_extn, i_extd, i_esc)

    missing = object()
    dates: dict[Any, Any] = {None: None, "": None}  # cell value -> date or None (blank); good ones only
    bad_dates: dict[Any, str] = {}
    dates_get = dates.get
    present_dates = [(k, i) for k, i in enumerate(date_idx) if i >= 0]
    all_dates = len(present_dates) == 6
    missing_n = [missing] * len(present_dates)
    if len(present_dates) == 1:
        only = present_dates[0][1]
        pick_dates = lambda row: (row[only],)  # noqa: E731
    else:
        pick_dates = operator.itemgetter(*(i for _, i in present_dates))
    stages: dict[Any, Any] = {}
    tenures: dict[Any, str] = {}
    withdrawns: dict[Any, Any] = {}
    texts: dict[Any, str] = {}
    seen: tuple[dict, dict, dict] = ({}, {}, {})  # per stage: id -> first row
    unmemoised: set[dt.date] = set()
    cases: list[Case] = []
    problems: list[Problem] = []
    excluded: dict[str, int] = {}
    blank = 0
    rows_read = 0
    parse_value = parse_date_value

    for row in rows:
        rowno += 1
        rows_read += 1
        if progress is not None and rows_read % PROGRESS_EVERY == 0:
            progress(position())
        n = len(row)
        if n < width:
            row = list(row) + [None] * (width - n)
        # Blank row: every cell empty (checked cheaply on the id and received cells first).
        v_id = row[i_id]
        if v_id.__class__ is not str:
            v_id = _cell_text(v_id)
        else:
            v_id = v_id.strip()
        v_rec = row[i_received]
        if not v_id and (v_rec is None or (v_rec.__class__ is str and not v_rec.strip())):
            if not any(_cell_text(v) for v in row):
                blank += 1
                continue

        row_problems: list[Problem] | None = None
        if unreadable and rowno in unreadable:
            for first, last, message, rule in unreadable.pop(rowno):
                hit = next((c for c in used if first <= c <= last), None)
                if hit is not None:
                    row_problems = row_problems or []
                    row_problems.append(Problem(where(rowno, hit + 1), message.replace("{cell}", _cell_ref(hit + 1, rowno)), rule))
        if not v_id:
            row_problems = [Problem(where(rowno, i_id + 1), "the complaint id is blank", "missing-id")]

        raw_stage = row[i_stage]
        stage = stages.get(raw_stage, missing)
        if stage is missing:
            stage = stages[raw_stage] = parse_stage(raw_stage)
        if stage.__class__ is str:
            row_problems = row_problems or []
            row_problems.append(Problem(where(rowno, i_stage + 1), stage, "unknown-stage"))

        # Fast path: every date cell already seen and valid (the memo holds only good dates).
        parsed = list(map(dates_get, pick_dates(row), missing_n))
        received_bad = False
        if missing in parsed:
            for j, (k, i) in enumerate(present_dates):
                d = parsed[j]
                if d is not missing:
                    continue
                v = row[i]
                d = bad_dates.get(v, missing)
                if d is missing:
                    d = parse_value(v, epoch)
                    if d.__class__ is str:
                        bad_dates[v] = d
                    elif v.__class__ is not str or ":" not in v:
                        dates[v] = d
                    else:  # date-times are not memoised whole: too many distinct ones
                        unmemoised.add(d)
                if d.__class__ is str:
                    row_problems = row_problems or []
                    row_problems.append(Problem(where(rowno, i + 1), f"{DATE_COLUMNS[k]}: {d}", "bad-date"))
                    d = None
                    received_bad = received_bad or k == 0
                parsed[j] = d
        if not all_dates:
            slots = [None] * 6
            for (k, _), d in zip(present_dates, parsed):
                slots[k] = d
            parsed = slots
        received, acknowledged, responded, ext_notified, ext_due, escalation = parsed
        if received is None and not received_bad:
            row_problems = row_problems or []
            row_problems.append(Problem(where(rowno, i_received + 1), "the date received is blank", "missing-received"))

        tenure = ""
        if i_ten >= 0:
            v = row[i_ten]
            tenure = tenures.get(v, missing)
            if tenure is missing:
                tenure = tenures[v] = parse_tenure(v)
            if tenure[:1] == "!":
                row_problems = row_problems or []
                row_problems.append(Problem(where(rowno, i_ten + 1), tenure[1:], "bad-tenure"))

        withdrawn = False
        if i_wd >= 0:
            v = row[i_wd]
            withdrawn = withdrawns.get(v, missing)
            if withdrawn is missing:
                withdrawn = withdrawns[v] = parse_withdrawn(v)
            if withdrawn.__class__ is str:
                row_problems = row_problems or []
                row_problems.append(Problem(where(rowno, i_wd + 1), withdrawn, "bad-withdrawn"))

        if received is not None:
            if acknowledged is not None and acknowledged < received:
                row_problems = row_problems or []
                row_problems.append(Problem(where(rowno, i_ack + 1), f"acknowledged {acknowledged.isoformat()} is before received {received.isoformat()}", "acknowledged-before-received"))
            if responded is not None and responded < received:
                row_problems = row_problems or []
                row_problems.append(Problem(where(rowno, i_resp + 1), f"responded {responded.isoformat()} is before received {received.isoformat()}", "responded-before-received"))

        if row_problems is None and stage.__class__ is int:
            ids = seen[stage]
            first = ids.get(v_id)
            if first is not None:
                row_problems = [Problem(where(rowno, i_id + 1), f"complaint {v_id} at stage {stage} is listed twice (first at row {first}); the second is left out", "duplicate-case")]
            else:
                ids[v_id] = rowno

        if row_problems is not None:
            problems.extend(row_problems)
            rule = row_problems[0].rule
            excluded[rule] = excluded.get(rule, 0) + 1
            continue

        outcome = category = ""
        if i_out >= 0:
            v = row[i_out]
            outcome = texts.get(v, missing)
            if outcome is missing:
                outcome = texts[v] = _cell_text(v)
        if i_cat >= 0:
            v = row[i_cat]
            category = texts.get(v, missing)
            if category is missing:
                category = texts[v] = _cell_text(v)
        cases.append(Case(v_id, stage, received, acknowledged, responded, ext_notified, ext_due,
                          escalation, outcome, category, tenure, withdrawn, rowno))

    if progress is not None:
        progress(1.0)
    good = unmemoised.union(d for d in dates.values() if d is not None)
    date_range = (min(good), max(good)) if good else None
    return CaseLog(
        path=name,
        sha256=sha256,
        cases=tuple(cases),
        problems=tuple(problems),
        excluded=MappingProxyType(dict(sorted(excluded.items()))),
        rows_read=rows_read,
        blank_rows=blank,
        sheet=sheet,
        columns=MappingProxyType(found),
        date_range=date_range,
    )


def _resolve_columns(header: Sequence[Any], header_row: int, mapping: dict, where, name: str) -> tuple[dict[str, int], dict[str, str]]:
    """Our column name -> index in the header; missing, unknown and ambiguous columns raise."""
    positions: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        key = normalise_name(cell)
        if key:
            positions.setdefault(key, []).append(i)
    problems = []
    index: dict[str, int] = {}
    found: dict[str, str] = {}
    shown = ", ".join(f"'{_cell_text(c)}'" for c in header if _cell_text(c))
    for ours in COLUMNS:
        theirs = mapping.get(ours, ours)
        hits = positions.get(normalise_name(theirs), [])
        if len(hits) > 1:
            problems.append(Problem(where(header_row, hits[1] + 1), f"the column '{theirs}' appears more than once in the header (columns {', '.join(str(h + 1) for h in hits)}); rename one", "duplicate-column"))
            continue
        if not hits:
            if ours in mapping:
                problems.append(Problem(where(header_row, 0), f"the column '{theirs}' (mapped to our '{ours}') is not in the header; the header has: {shown}", "missing-column"))
            elif ours in REQUIRED:
                problems.append(Problem(where(header_row, 0), f"the required column '{ours}' is not in the header; map it to one of the file's columns ({shown})", "missing-column"))
            continue
        index[ours] = hits[0]
        found[ours] = _cell_text(header[hits[0]])
    if problems:
        raise InputError(problems)
    return index, found
