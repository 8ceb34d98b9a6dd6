"""Read a case-log file (CSV or XLSX) into a raw table of text, and nothing more.

What a case log means (which column is which, dates, stages) is reader.py's business; this module
only turns a file into header + cells as text, with the line or row each cell came from, so that
every later message can point at `file:line:col` or `file[Sheet]!C7`.

- CSV is read by csv_table.py (polars, with exact line numbers and no lost tail), XLSX by
  xlsx_table.py (a safety scan of the sheet's XML, then fastexcel's columns). This module is what
  both share: the entry point, the RawTable they return, the read limits, the header search and
  the checks of cells and blank rows.
- The default sheet is the active one if visible, else the first visible one; hidden sheets are
  named in a note. The header is the first row holding two `known_names` (title rows above it,
  and Excel's `sep=;` line, are said in notes), or the row `header_row` says.

Hidden rows (by a filter or by hand) are read and counted like the others, with a note naming
them: leaving out rows a user cannot see would lose data silently, which is worse.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gc
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence


def _fewer_malloc_arenas() -> None:
    """glibc gives each polars thread a 64 MiB malloc arena of address space; two are enough, and
    keep a read of a small log within a 1 GiB address-space limit (as CI and the corpus set)."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


_fewer_malloc_arenas()

import polars as pl  # noqa: E402

try:
    from isal import isal_zlib  # ISA-L: unpacks a sheet's XML twice as fast as zlib
except ImportError:  # zipfile's zlib does the same, slower
    isal_zlib = None

from ..problems import InputError, Location, Problem
from ..textsafe import printable
from ..yamlsource import utf16_without_bom

# The objects of the modules loaded by now (polars is most of them) live as long as the
# process: frozen, Python's cyclic collector no longer walks them on each full collection while a
# log is read, nor at exit (about a tenth of the time of `chc metrics` on a million rows).
gc.freeze()

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
#: How many records from the top are searched for the header row (title rows above it).
HEADER_SEARCH = 50
#: How many names a message lists before "and N more".
SHOWN_NAMES = 10


@dataclass(frozen=True)
class ReadLimits:
    """Limits on what one case-log file may cost to read; each is a setting a user can raise.

    max_bytes         size of the file on disk (CSV or XLSX)
    max_uncompressed  XLSX: the XML inside the zip, all parts together, unpacked
    max_ratio         XLSX: unpacked / packed size of any part over 1 MiB
    max_cells         cells in the table (rows x columns)
    max_cell_chars    characters in one cell
    max_field_lines   CSV: lines one quoted cell may span (an unclosed quote swallows the rest)
    """

    max_bytes: int = 512 * 2**20
    max_uncompressed: int = 1 * 2**30
    max_ratio: int = 200
    max_cells: int = 100_000_000
    max_cell_chars: int = 131_072
    max_field_lines: int = 200


@dataclass(frozen=True)
class CellProblem:
    """A cell present in the file that cannot be read as a value (merged, an error, a formula never calculated)."""

    row: int  # index into RawTable.frame
    column: int  # index into RawTable.header
    message: str
    rule: str


@dataclass(frozen=True)
class RawTable:
    """A case-log file as text: the header, the data rows (blank ones removed) and where each came from."""

    path: str
    sha256: str
    sheet: str
    header: tuple[str, ...]
    header_row: int
    frame: pl.DataFrame
    rows: pl.Series
    rows_read: int
    blank_rows: int
    cell_problems: tuple[CellProblem, ...] = ()
    notes: tuple[Problem, ...] = ()

    def location(self, row: int, column: int | None = None) -> Location:
        """Where frame row `row` (-1: the header) and header column `column` (0-based) are, as the user sees them."""
        line = self.header_row if row < 0 else int(self.rows[row])
        return _where(self.path, self.sheet, line, column)


def _where(name: str, sheet: str, line: int, column: int | None) -> Location:
    if sheet:
        if column is None:
            return Location(name, line, sheet=sheet)
        return Location(name, line, column + 1, sheet=sheet, cell=f"{column_letter(column + 1)}{line}")
    return Location(name, line, 0 if column is None else column + 1)


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def shown_names(names: Sequence[str], limit: int = SHOWN_NAMES) -> str:
    """'a', 'b', 'c' and N more: names for a message, quoted and escaped, at most `limit` of them."""
    quoted = [f"'{printable(str(n))}'" for n in names[:limit]]
    more = len(names) - limit
    return ", ".join(quoted) + (f" and {more:,} more" if more > 0 else "")


def normalise_name(name: Any) -> str:
    """As reader.normalise_name: case-insensitive, surrounding spaces ignored, spaces/_/- alike."""
    return re.sub(r"[\s_\-]+", "_", str(name if name is not None else "").strip().casefold())


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def cell_text(value: Any) -> str:
    """A spreadsheet value as text: numbers without a trailing .0, dates ISO (a time only when there is one),
    booleans TRUE/FALSE."""
    if value is None:
        return ""
    cls = value.__class__
    if cls is str:
        return value
    if cls is bool:
        return "TRUE" if value else "FALSE"
    if cls is float or cls is int:
        return _number_text(value)
    if isinstance(value, dt.datetime):
        if value.hour or value.minute or value.second or value.microsecond:
            return value.strftime("%Y-%m-%dT%H:%M:%S")
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return str(value)


# -- the entry point ------------------------------------------------------------------------------

def read_table(
    path: str | Path,
    *,
    display: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    known_names: Iterable[str] = (),
    limits: ReadLimits = ReadLimits(),
    progress: Callable[[float], None] | None = None,
) -> RawTable:
    """Read a CSV or XLSX file into a RawTable.

    `sheet` picks an XLSX sheet by name (default: the active sheet, or the first visible one);
    `header_row` is the header's line (CSV) or row (XLSX), 1-based, when it is not found by itself;
    `known_names` are column names the caller expects: the header is the first row holding two of
    them (rows above it are title rows, said in a note); without them, the first row not blank.
    """
    name = display or str(path)
    p = Path(path)
    try:
        if p.exists() and not p.is_dir() and not p.is_file():  # a device or a pipe would be read for ever
            raise InputError([Problem(Location(name), "is not a regular file (a device or a pipe?); give a CSV or XLSX file", "not-found")])
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise InputError([Problem(Location(name), f"the file is {size:,} bytes, over the limit of {limits.max_bytes:,} (read limit max_bytes); split the case log by period, or raise the limit", "too-large")])
        with p.open("rb") as f:
            head = f.read(65536)
        if head.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE2 file (old .xls, or a workbook with a password): small, read whole
            head = p.read_bytes()
    except IsADirectoryError:
        raise InputError([Problem(Location(name), "is a folder, not a case log (CSV or XLSX)", "not-found")]) from None
    except FileNotFoundError:
        raise InputError([Problem(Location(name), "no such file", "not-found")]) from None
    except OSError as exc:
        raise InputError([Problem(Location(name), f"cannot be read: {exc.strerror}", "not-found")]) from None
    kind = _kind(p, head, name)
    known = frozenset(normalise_name(n) for n in known_names if normalise_name(n))
    try:
        if kind == "xlsx":
            with p.open("rb") as f:
                sha256 = hashlib.file_digest(f, "sha256").hexdigest()
            from .xlsx_table import read_xlsx

            return read_xlsx(p, name, sha256, sheet, header_row, known, limits, progress)
        from .csv_table import read_csv

        return read_csv(p, name, header_row, known, limits, progress)
    except FileNotFoundError:  # gone while we read
        raise InputError([Problem(Location(name), "no such file", "not-found")]) from None
    except OSError as exc:
        raise InputError([Problem(Location(name), f"cannot be read: {exc.strerror}", "not-found")]) from None


def _kind(p: Path, raw: bytes, name: str) -> str:
    suffix = p.suffix.casefold()
    head = raw[:8]
    if head.startswith(b"PK\x03\x04"):
        if suffix in CSV_SUFFIXES:
            raise InputError([Problem(Location(name), "is named like a CSV file but is a zip archive (an XLSX workbook?); rename it .xlsx", "not-a-caselog")])
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
            raise InputError([Problem(Location(name), "is an XLSX workbook protected by a password; open it in Excel, remove the password (File > Info > Protect Workbook), save it, or export CSV", "encrypted")])
        raise InputError([Problem(Location(name), "is an old binary Excel (.xls) workbook; save it as .xlsx or CSV", "not-a-caselog")])
    if suffix in XLSX_SUFFIXES and raw:
        raise InputError([Problem(Location(name), "is named .xlsx but is not an Excel workbook; export it again as .xlsx or CSV", "not-a-caselog")])
    sample = raw[:65536]
    if suffix not in CSV_SUFFIXES and suffix:
        if head.startswith(b"%PDF") or not _looks_like_text(sample):
            raise InputError([Problem(Location(name), f"is not a CSV or XLSX case log (a '{printable(suffix)}' file)", "not-a-caselog")])
    if not _looks_like_text(sample):
        if utf16_without_bom(sample):
            raise InputError([Problem(Location(name), "looks like UTF-16 text without a byte-order mark; save it as CSV UTF-8", "encoding")])
        _nul(raw, 0, name)
    return "csv"


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return b"\x00" not in sample


def _nul(data: bytes | str, at: int, name: str) -> None:
    """Raise for the NUL at `at` of `data` (bytes or decoded text), located by line and column."""
    nl = b"\n" if isinstance(data, bytes) else "\n"
    at = data.find(b"\x00" if isinstance(data, bytes) else "\x00", at)
    line = data.count(nl, 0, at) + 1
    column = at - (data.rfind(nl, 0, at) + 1) + 1
    raise InputError([Problem(Location(name, line, column), "holds a NUL byte (binary data), not CSV text; export the case log as CSV (UTF-8) or XLSX", "not-a-caselog")])


def _blank(cells: Sequence[Any]) -> bool:
    return not any(c is not None and str(c).strip() for c in cells)


def _find_header(records: Iterator[tuple[int, int, list[str]]], header_row: int | None, known: frozenset[str],
                 name: str, where) -> tuple[tuple[int, int, list[str]], list[tuple[int, int, list[str]]]]:
    """The header record, and the records above it that are not blank (title rows)."""
    seen: list[tuple[int, int, list[str]]] = []
    first = None
    for n, rec in enumerate(records):
        start, _end, cells = rec
        if header_row is not None:
            if start == header_row:
                if _blank(cells):
                    raise InputError([Problem(where(header_row), f"the header row is set to {header_row}, which is blank", "header-row")])
                return rec, [r for r in seen if not _blank(r[2])]
            if start > header_row:
                raise InputError([Problem(where(header_row), f"the header row is set to {header_row}, which is inside a quoted cell that starts on line {start}", "header-row")])
            seen.append(rec)
            continue
        if _blank(cells):
            continue
        if first is None:
            first = rec
            if not known:
                return rec, []
        if sum(1 for c in cells if normalise_name(c) in known) >= 2:
            return rec, [r for r in seen if not _blank(r[2])]
        seen.append(rec)
        if n >= HEADER_SEARCH:
            break
    if header_row is not None:
        raise InputError([Problem(where(header_row), f"the header row is set to {header_row}, but the file ends before it", "header-row")])
    if first is None:
        raise InputError([Problem(Location(name), "the file is empty: expected a header row and one row per complaint", "empty")])
    return first, []


def _title_note(name: str, sheet: str, titles: list, header_line: int, where) -> list[Problem]:
    if not titles:
        return []
    lines = [t[0] for t in titles]
    text = next((c for c in titles[0][2] if c is not None and str(c).strip()), "")
    unit = "row" if sheet else "line"
    shown = ", ".join(str(x) for x in lines[:SHOWN_NAMES]) + (f" and {len(lines) - SHOWN_NAMES} more" if len(lines) > SHOWN_NAMES else "")
    many = len(lines) > 1
    return [Problem(where(header_line), f"the header is on {unit} {header_line}; {unit}{'s' if many else ''} {shown} above it ('{printable(str(text)[:60])}'{', ...' if many else ''}) {'were' if many else 'was'} taken as {'titles' if many else 'a title'} and not read; set the header row if that is wrong", "title-rows")]





def _schema(width: int, repeated: frozenset[int] = frozenset()) -> dict[str, Any]:
    """All columns text; those in `repeated` categorical (each distinct text stored once, in
    categories of this file alone)."""
    cat = pl.Categorical(pl.Categories.random()) if repeated else None
    return {f"c{i}": cat if i in repeated else pl.String for i in range(width)}


def is_categorical(column: pl.Series) -> bool:
    return isinstance(column.dtype, pl.Categorical)




def _check_cells(frame: pl.DataFrame, rows: pl.Series, name: str, sheet: str, limits: ReadLimits, width: int) -> None:
    cells = frame.height * max(width, 1)
    if cells > limits.max_cells:
        raise _cells_problem(name, sheet, cells, limits)
    if frame.height == 0 or width == 0:
        return
    texts = [pl.col(c).str.len_bytes().max() for c in frame.columns if not is_categorical(frame[c])]
    longest = max([n or 0 for n in frame.select(texts).row(0)] if texts else [0])
    # a categorical column's texts are among its categories (one set for the file's columns)
    categories = {frame[c].dtype.categories for c in frame.columns if is_categorical(frame[c])}
    longest = max([longest] + [c.to_series().str.len_bytes().max() or 0 for c in categories])
    if longest <= limits.max_cell_chars:
        return  # a cell has no more characters than bytes: none can be over the limit
    lengths = frame.select(pl.max_horizontal(pl.all().cast(pl.String).str.len_chars().fill_null(0)).alias("n"))["n"]
    worst = lengths.arg_max()
    if worst is not None and lengths[worst] > limits.max_cell_chars:
        row = frame.row(worst)
        column = max(range(width), key=lambda i: len(row[i] or ""))
        raise InputError([Problem(_where(name, sheet, int(rows[worst]), column), f"a cell of {lengths[worst]:,} characters is over the limit of {limits.max_cell_chars:,} (read limit max_cell_chars)", "cell-too-long")])


def _cells_problem(name: str, sheet: str, cells: int, limits: ReadLimits) -> InputError:
    return InputError([Problem(_where(name, sheet, 0, None) if sheet else Location(name), f"the table has {cells:,} cells, over the limit of {limits.max_cells:,} (read limit max_cells); split the case log, or raise the limit", "too-many-cells")])


def _drop_blank(frame: pl.DataFrame, rows: pl.Series, keep_rows: Iterable[int] = ()) -> tuple[pl.DataFrame, pl.Series]:
    """Without the rows whose cells are all empty or spaces (a row with an unreadable cell, in `keep_rows`, stays)."""
    if frame.width == 0 or frame.height == 0:
        return frame, rows
    blank = lambda cols: pl.any_horizontal([pl.col(c).cast(pl.String).str.strip_chars().fill_null("") != "" for c in cols])  # noqa: E731
    # the first column alone settles most rows (a categorical one through its distinct texts);
    # only the rest are looked at cell by cell
    first = frame.get_column(frame.columns[0])
    if is_categorical(first):
        texts = first.unique().drop_nulls()
        keep = first.is_in(texts.filter(texts.cast(pl.String).str.strip_chars() != "").implode()).fill_null(False)
    else:
        keep = frame.select(blank(frame.columns[:1]).alias("k"))["k"]
    if frame.width > 1 and not keep.all():
        rest = (~keep).arg_true()
        keep = keep.scatter(rest, frame[rest].select(blank(frame.columns[1:]).alias("k"))["k"])
    keep_rows = list(keep_rows)
    if keep_rows:
        keep = keep | rows.is_in(keep_rows)
    if keep.all():
        return frame, rows
    return frame.filter(keep), rows.filter(keep)


