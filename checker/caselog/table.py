"""Read a case-log file (CSV or XLSX) into a raw table of text, and nothing more.

What a case log means (which column is which, dates, stages) is reader.py's business; this module
only turns a file into header + cells as text, with the line or row each cell came from, so that
every later message can point at `file:line:col` or `file[Sheet]!C7`.

- CSV is read by polars, every column as text; a column whose texts repeat in the first rows
  (dates, stages, tenures) as categorical text, each distinct text stored once. Line numbers stay
  exact: when no record spans lines, row i is line header+1+i; otherwise (a quoted cell with a
  line break, a quote polars refuses) Python's csv module re-reads the text and records the line
  each record starts on. A CSV over 1 MiB is never held whole as text: one pass checks it (NUL,
  UTF-8, lines) while a thread hashes it, its head gives the header, polars reads the file. A
  quote left open is a located problem, never a lost tail.
- XLSX is read by calamine (Rust): first one streaming pass over the zip and the sheet's XML
  finds what calamine does not say: merged cells, formulas with no saved value, error cells
  (#REF!), hidden rows and sheets; and the limits (bytes, cells, cell length, uncompressed size,
  compression ratio, and the grid calamine will build) are checked on the way, so a
  decompression bomb is refused before calamine sees it (the XML is unpacked by ISA-L when
  installed, with zipfile's checks, and by zipfile wherever anything is odd). Then fastexcel
  gives the sheet as text columns, respelled as `cell_text` spells each kind (dates ISO,
  TRUE/FALSE, numbers as Python writes them). Where a respelling could be wrong (text spelled like a date or a boolean, the
  1904 date system, durations, times at the day's edge), python-calamine reads the sheet cell
  by cell instead, as before.
- The default sheet is the active one if visible, else the first visible one; hidden sheets are
  named in a note. The header is the first row holding two `known_names` (title rows above it,
  and Excel's `sep=;` line, are said in notes), or the row `header_row` says.

Hidden rows (by a filter or by hand) are read and counted like the others, with a note naming
them: leaving out rows a user cannot see would lose data silently, which is worse.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import gc
import hashlib
import html
import io
import itertools
import re
import threading
import zipfile
import zlib
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
from ..yamlsource import decode_text, utf16_without_bom

# The objects of the modules loaded by now (polars is most of them) live as long as the
# process: frozen, Python's cyclic collector no longer walks them on each full collection while a
# log is read, nor at exit (about a tenth of the time of `chc metrics` on a million rows).
gc.freeze()

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (",", ";", "\t", "|")
#: How many records from the top are searched for the header row (title rows above it).
HEADER_SEARCH = 50
#: Merged or formula-without-value ranges kept; a workbook with more is refused whole.
MAX_UNREADABLE = 100_000
#: How many names a message lists before "and N more".
SHOWN_NAMES = 10
#: The sheet's XML is scanned in pieces of this size.
SCAN_CHUNK = 1 << 20
#: XLSX members smaller than this are not held to the compression-ratio limit.
RATIO_FLOOR = 1 << 20


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
            return _read_xlsx(p, name, sha256, sheet, header_row, known, limits, progress)
        return _read_csv(p, name, header_row, known, limits, progress)
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


# -- CSV --------------------------------------------------------------------------------------------

_SEP_LINE = re.compile(r"sep=(.)\r?\n?", re.IGNORECASE)


def _sniff_delimiter(first_line: str) -> str:
    """The delimiter is the commonest of , ; TAB | in the header line, outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = [(unquoted.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


def _decode(raw: bytes, name: str) -> tuple[str, bool]:
    """The text, and whether `raw` (less a UTF-8 BOM) is already that text in UTF-8."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(raw, name), False
    text = decode_text(raw, name)  # raises, located, for bytes that are not UTF-8
    return text, True


def _lines(text: str, start: int) -> Iterator[str]:
    """The lines of text[start:], ends kept, without copying the whole text."""
    n = len(text)
    i = start
    find = text.find
    while i < n:
        j = find("\n", i)
        if j < 0:
            yield text[i:]
            return
        yield text[i:j + 1]
        i = j + 1


def _line_offset(text: str, line: int) -> int:
    """Offset of the start of 1-based `line`."""
    at = 0
    for _ in range(line - 1):
        j = text.find("\n", at)
        if j < 0:
            return len(text)
        at = j + 1
    return at


def _blank(cells: Sequence[Any]) -> bool:
    return not any(c is not None and str(c).strip() for c in cells)


def _records(text: str, first_line: int, delimiter: str, limit: int, spans: list | None = None) -> Iterator[tuple[int, int, list[str]]]:
    """(start line, end line, cells) for each CSV record from `first_line` on (Python's csv module).
    With `spans`, the (start, end) offsets in `text` of each record's lines are put there (only the last)."""
    csv.field_size_limit(max(limit, 1))
    begin = _line_offset(text, first_line)
    pos = [begin]

    def lines() -> Iterator[str]:
        for line in _lines(text, begin):
            pos[0] += len(line)
            yield line

    reader = csv.reader(lines(), delimiter=delimiter, strict=False)
    last = first_line - 1
    at = begin
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvError(last + 1, reader.line_num + first_line - 1, str(exc)) from None
        end = reader.line_num + first_line - 1
        if spans is not None:
            spans[:] = [(at, pos[0])]
            at = pos[0]
        yield last + 1, end, cells
        last = end


class _CsvError(Exception):
    def __init__(self, start: int, line: int, message: str):
        super().__init__(message)
        self.start, self.line, self.message = start, line, message


def _quote_opened(text: str, start_line: int) -> tuple[int, int]:
    """Line and column of the quote that opened a record running from `start_line` across lines:
    the first line at which the record's count of quotes turns odd, at its last quote."""
    count = 0
    for k, line in enumerate(_lines(text, _line_offset(text, start_line))):
        count += line.count('"')
        if count % 2:
            return start_line + k, line.rfind('"') + 1
        if k > 100_000:
            break
    return start_line, 1


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


#: A CSV larger than this is not held in memory as text: its header is found in this much of its
#: start, and polars reads the rest from the file.
HEAD_BYTES = 1 << 20


class _NeedWhole(Exception):
    """The head of the file was not enough (a record spans lines, a header far down): read it whole."""


@dataclass(frozen=True)
class _CsvFile:
    """What one streaming pass over a UTF-8 CSV learnt: its line count, and whether polars can read it."""

    path: Path
    lines: int
    lone_cr: bool
    last_line_quotes: int


def _scan_csv(p: Path, name: str) -> _CsvFile:
    """One pass over the file in chunks: NUL bytes and bad UTF-8 (located), line count. The chunks
    are read into one buffer (no new memory for each); the hash is `_FileDigest`'s."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    newlines = crs = crlfs = 0
    offset = 0
    last_nl = -1  # offset of the last newline seen
    blank = True
    prev_cr = False
    last = b""
    buffer = bytearray(1 << 22)
    view = memoryview(buffer)
    with p.open("rb", buffering=0) as f:
        while True:
            size = f.readinto(buffer)
            if not size:
                break
            chunk = buffer if size == len(buffer) else view[:size].tobytes()
            at = chunk.find(b"\x00")
            if at >= 0:
                nl = chunk.rfind(b"\n", 0, at)
                line = newlines + chunk.count(b"\n", 0, at) + 1
                column = at - nl if nl >= 0 else offset + at - last_nl
                raise InputError([Problem(Location(name, line, column), "holds a NUL byte (binary data), not CSV text; export the case log as CSV (UTF-8) or XLSX", "not-a-caselog")])
            if not chunk.isascii():
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    decode_text(p.read_bytes(), name)  # raises, with the line and column of the bad byte
                    raise
            if blank and chunk.strip():
                blank = False
            n = chunk.count(b"\n")
            if n:
                last_nl = offset + chunk.rfind(b"\n")
                newlines += n
            if b"\r" in chunk:
                crs += chunk.count(b"\r")
                crlfs += chunk.count(b"\r\n") + (1 if prev_cr and chunk.startswith(b"\n") else 0)
            prev_cr = chunk.endswith(b"\r")
            cut = chunk.rfind(b"\n", 0, len(chunk) - 1)
            last = bytes(chunk[cut + 1:]) if cut >= 0 else (last + chunk)[-(1 << 20):]
            offset += size
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        decode_text(p.read_bytes(), name)
        raise
    if blank:
        raise InputError([Problem(Location(name), "the file is empty: expected a header row and one row per complaint", "empty")])
    lines = newlines + (0 if offset and last_nl == offset - 1 else 1)
    return _CsvFile(p, lines, crs != crlfs, last.count(b'"'))


class _FileDigest:
    """A file's sha256, computed in a thread while the file is scanned and read (hashlib lets go
    of the GIL): the hash was a third of the scan's time."""

    def __init__(self, p: Path):
        self._result: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(p,), daemon=True)
        self._thread.start()

    def _run(self, p: Path) -> None:
        try:
            with p.open("rb") as f:
                self._result = hashlib.file_digest(f, "sha256").hexdigest()
        except BaseException as exc:  # raised where the hash is asked for
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def hexdigest(self) -> str:
        self.wait()
        if self._error is not None:
            raise self._error
        return self._result or ""


def _read_csv(p: Path, name: str, header_row: int | None, known: frozenset[str], limits: ReadLimits, progress) -> RawTable:
    """A small CSV (or UTF-16) is read as text; a large UTF-8 one streams: its head for the
    header, polars over the file for the rows, never the whole file as text."""
    with p.open("rb") as f:
        start = f.read(HEAD_BYTES + 1)
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or len(start) <= HEAD_BYTES:
        raw = p.read_bytes()
        return _read_csv_text(raw, name, hashlib.sha256(raw).hexdigest(), header_row, known, limits, progress)
    digest = _FileDigest(p)
    try:
        info = _scan_csv(p, name)
        head = codecs.getincrementaldecoder("utf-8-sig")().decode(start[:HEAD_BYTES])
        try:
            table = _read_csv_text(b"", name, "", header_row, known, limits, progress, head=head, file=info)
        except _NeedWhole:
            table = _read_csv_text(p.read_bytes(), name, "", header_row, known, limits, progress)
    except BaseException:
        digest.wait()
        raise
    return dataclasses.replace(table, sha256=digest.hexdigest())


def _read_csv_text(raw: bytes, name: str, sha256: str, header_row: int | None, known: frozenset[str],
                   limits: ReadLimits, progress, head: str = "", file: _CsvFile | None = None) -> RawTable:
    if file is None:
        text, utf8 = _decode(raw, name)
        at = text.find("\x00")
        if at >= 0:
            _nul(text, at, name)
    else:  # only the head is here as text: the header must end before its last, maybe cut, line
        text, utf8 = head, True
    notes: list[Problem] = []
    where = lambda line: Location(name, line, 1)  # noqa: E731

    first_line = 1
    delimiter = None
    m = _SEP_LINE.match(text)
    if m and (len(text) == m.end() or text[m.end() - 1] == "\n"):
        delimiter = m[1]
        first_line = 2
        notes.append(Problem(Location(name, 1, 1), f"the first line 'sep={printable(delimiter)}' (written by Excel) names the delimiter; it was not read as data", "sep-line"))
    if delimiter is None:
        if header_row is not None:
            head = next(iter(_lines(text, _line_offset(text, header_row))), "")
        else:  # the first lines that are not blank: a title line above the header may have no delimiter
            head = "".join(itertools.islice((ln for ln in _lines(text, 0) if ln.strip()), 20))
        delimiter = _sniff_delimiter(head)

    try:
        records = _records(text, first_line, delimiter, limits.max_cell_chars)
        (h_start, h_end, header_cells), titles = _find_header(records, header_row, known, name, where)
    except _CsvError as exc:
        if file is not None:
            raise _NeedWhole from None
        raise _csv_problem(exc, name, limits) from None
    except InputError:
        if file is not None:
            raise _NeedWhole from None
        raise
    if file is not None and h_end >= text.count("\n"):
        raise _NeedWhole
    if header_row is None and titles:
        notes.extend(_title_note(name, "", titles, h_start, where))
    header = tuple(header_cells)
    width = len(header)
    if width * 1 > limits.max_cells:
        raise _cells_problem(name, "", width, limits)

    frame = rows = None
    if file is not None:
        if (file.lines - h_end) * max(width, 1) > limits.max_cells:  # before polars holds them
            raise _cells_problem(name, "", (file.lines - h_end) * max(width, 1), limits)
        frame, rows = _csv_fast_file(file, h_end, width, delimiter, text[_line_offset(text, h_end + 1):].encode("utf-8"))
        if frame is None:
            raise _NeedWhole
    elif utf8:
        frame, rows = _csv_fast(raw, text, _line_offset(text, h_end + 1), h_end, width, delimiter)
    if frame is None:
        frame, rows = _csv_python(text, h_end + 1, width, delimiter, name, limits, progress)
    rows_read = frame.height
    _check_cells(frame, rows, name, "", limits, width)
    frame, rows = _drop_blank(frame, rows)
    if progress is not None:
        progress(1.0)
    return RawTable(path=name, sha256=sha256, sheet="", header=header, header_row=h_start, frame=frame, rows=rows,
                    rows_read=rows_read, blank_rows=rows_read - frame.height, cell_problems=(), notes=tuple(notes))


#: How much of a CSV's body tells which of its columns repeat (a few thousand rows).
SAMPLE_BYTES = 1 << 18


def _schema(width: int, repeated: frozenset[int] = frozenset()) -> dict[str, Any]:
    """All columns text; those in `repeated` categorical (each distinct text stored once, in
    categories of this file alone)."""
    cat = pl.Categorical(pl.Categories.random()) if repeated else None
    return {f"c{i}": cat if i in repeated else pl.String for i in range(width)}


def is_categorical(column: pl.Series) -> bool:
    return isinstance(column.dtype, pl.Categorical)


def _repeated_columns(sample: bytes, width: int, delimiter: str) -> frozenset[int]:
    """The columns whose texts repeat in the file's first rows (fewer distinct texts than half the
    rows: dates, stages, tenures, outcomes), read as categorical. Only speed and memory depend on
    it: the reader types a column through its distinct texts either way."""
    sample = sample[:SAMPLE_BYTES]
    sample = sample[:sample.rfind(b"\n") + 1]
    if not sample:
        return frozenset()
    try:
        head = pl.read_csv(io.BytesIO(sample), has_header=False, schema=_schema(width), separator=delimiter,
                           quote_char='"', truncate_ragged_lines=True, raise_if_empty=False)
    except pl.exceptions.PolarsError:
        return frozenset()
    if head.height < 2:
        return frozenset()
    counts = head.select(pl.all().n_unique()).row(0)
    return frozenset(i for i, n in enumerate(counts) if n * 2 <= head.height)


def _csv_fast(raw: bytes, text: str, body_start: int, header_end: int, width: int, delimiter: str):
    """polars over the body, when it numbers rows as lines: (frame, rows), or (None, None) to fall back."""
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    offset = bom + (body_start if text.isascii() else len(text[:body_start].encode("utf-8"))) if body_start else bom
    body = raw[offset:]
    if not body:
        return pl.DataFrame(schema=_schema(width)), pl.Series("row", [], dtype=pl.Int64)
    if b"\r" in body and body.count(b"\r") != body.count(b"\r\n"):
        return None, None  # lone CR line ends: polars and the csv module disagree
    last = body[body.rfind(b"\n", 0, len(body) - 1) + 1:]
    if last.count(b'"') % 2:
        return None, None  # a quote left open on the last line
    lines = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
    try:
        frame = pl.read_csv(io.BytesIO(body), has_header=False, schema=_schema(width, _repeated_columns(body, width, delimiter)),
                            separator=delimiter, quote_char='"', truncate_ragged_lines=True, raise_if_empty=False)
    except pl.exceptions.PolarsError:  # quotes polars refuses (e.g. "ab"cd): the csv module reads them
        return None, None
    if frame.height != lines:
        return None, None  # a record spans lines: number them one by one
    first = header_end + 1
    return frame, pl.int_range(first, first + lines, dtype=pl.Int64, eager=True).alias("row")


def _csv_fast_file(file: _CsvFile, header_end: int, width: int, delimiter: str, sample: bytes):
    """polars over the file past the header's line, when it numbers rows as lines; else (None, None).
    `sample` is the start of the body (which columns repeat)."""
    lines = file.lines - header_end
    if file.lone_cr or file.last_line_quotes % 2 or lines <= 0:
        return None, None
    schema = _schema(width, _repeated_columns(sample, width, delimiter))
    try:
        frame = pl.read_csv(file.path, has_header=False, skip_lines=header_end, schema=schema, separator=delimiter,
                            quote_char='"', truncate_ragged_lines=True, raise_if_empty=False)
    except pl.exceptions.PolarsError:
        return None, None
    if frame.height != lines:
        return None, None
    first = header_end + 1
    return frame, pl.int_range(first, first + lines, dtype=pl.Int64, eager=True).alias("row")


def _csv_python(text: str, first_line: int, width: int, delimiter: str, name: str, limits: ReadLimits, progress):
    """The csv module over the body, recording the line each record starts on."""
    starts: list[int] = []
    columns: list[list[str | None]] = [[] for _ in range(width)]
    total = max(text.count("\n"), 1)
    last_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    try:
        spans: list = []
        for n, (start, end, cells) in enumerate(_records(text, first_line, delimiter, limits.max_cell_chars, spans)):
            if end > start and not _strictly_closed(text[spans[0][0]:spans[0][1]], delimiter) and end < last_line:
                line, column = _quote_opened(text, start)
                raise InputError([Problem(Location(name, line, column), f"a quoted cell opened here runs on to line {end:,}, where a quote is followed by more text, so {end - line + 1:,} lines were read as one cell; is a closing quote missing?", "unclosed-quote")])
            if end - start >= limits.max_field_lines:
                line, column = _quote_opened(text, start)
                raise InputError([Problem(Location(name, line, column), f"a quoted cell opened here runs on for {end - start + 1:,} lines (to line {end:,}), over the limit of {limits.max_field_lines:,} (read limit max_field_lines); is a closing quote missing?", "unclosed-quote")])
            if end >= last_line and _unclosed_at_end(text, start, delimiter):
                line, column = _quote_opened(text, start)
                n = end - line + 1
                raise InputError([Problem(Location(name, line, column), f"a quote opened here is never closed, so the rest of the file ({n:,} line{'s' if n != 1 else ''}) would be read as one cell; close the quote or remove it", "unclosed-quote")])
            starts.append(start)
            k = len(cells)
            for i in range(width):
                columns[i].append(cells[i] if i < k else None)
            if progress is not None and n % 16384 == 0:
                progress(min(start / total, 1.0))
    except _CsvError as exc:
        raise _csv_problem(exc, name, limits) from None
    frame = pl.DataFrame({f"c{i}": col for i, col in enumerate(columns)}, schema=_schema(width))
    return frame, pl.Series("row", starts, dtype=pl.Int64)


def _strictly_closed(record: str, delimiter: str) -> bool:
    """Whether a record that spans lines parses as CSV strictly (every quoted cell closed by a
    quote that the delimiter or the line end follows): a lone quote runs on into later rows."""
    try:
        for _ in csv.reader(io.StringIO(record), delimiter=delimiter, strict=True):
            pass
    except csv.Error:
        return False
    return True


def _unclosed_at_end(text: str, start: int, delimiter: str) -> bool:
    """Whether the record from line `start` to the end of the file ends inside a quoted cell."""
    rest = text[_line_offset(text, start):]
    try:
        for _ in csv.reader(io.StringIO(rest), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


def _csv_problem(exc: _CsvError, name: str, limits: ReadLimits) -> InputError:
    if "field larger than field limit" in exc.message:
        return InputError([Problem(Location(name, exc.line, 1), f"a cell is longer than the limit of {limits.max_cell_chars:,} characters (read limit max_cell_chars); is a closing quote missing?", "cell-too-long")])
    return InputError([Problem(Location(name, max(exc.line, 1), 1), f"cannot be read as CSV: {exc.message}", "syntax")])


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


# -- XLSX -------------------------------------------------------------------------------------------

def _unreadable(name: str, exc: BaseException, sheet: str = "") -> InputError:
    return InputError([Problem(Location(name, sheet=sheet), f"is not a readable XLSX workbook ({exc.__class__.__name__}: {exc}); open it in Excel and save it again, or export CSV", "not-a-caselog")])


@dataclass(frozen=True)
class _Sheet:
    name: str
    state: str  # visible, hidden, veryHidden
    member: str  # path in the zip


def _workbook_sheets(zf: zipfile.ZipFile) -> tuple[list[_Sheet], int]:
    """The worksheets in workbook order, and the index of the active one."""
    zf.getinfo("[Content_Types].xml")  # KeyError for a zip that is not a workbook
    rels = zf.read("_rels/.rels").decode("utf-8", "replace")
    m = re.search(r'<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*>', rels)
    book = "xl/workbook.xml"
    if m:
        t = re.search(r'Target="([^"]+)"', m[0])
        if t:
            book = t[1].lstrip("/")
    base = book.rsplit("/", 1)[0] + "/" if "/" in book else ""
    xml = zf.read(book).decode("utf-8", "replace")
    book_rels = zf.read(f"{base}_rels/{book.rsplit('/', 1)[-1]}.rels").decode("utf-8", "replace")
    targets = {}
    for rel in re.finditer(r"<Relationship\b[^>]*>", book_rels):
        i = re.search(r'\bId="([^"]+)"', rel[0])
        t = re.search(r'\bTarget="([^"]+)"', rel[0])
        if i and t:
            target = t[1]
            targets[i[1]] = target.lstrip("/") if target.startswith("/") else base + target
    sheets = []
    for tag in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", xml):
        attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', tag[0]))
        rid = next((v for k, v in attrs.items() if k.endswith(":id")), "")
        sheets.append(_Sheet(html.unescape(attrs.get("name", "")), attrs.get("state", "visible"), targets.get(rid, "")))
    found = re.search(r'\bactiveTab="(\d+)"', xml)
    active = int(found[1]) if found else 0
    # Chart sheets hold no cells: left out, and the active one, if a chart, stands for none.
    charts = {i for i, s in enumerate(sheets) if "worksheets/" not in s.member}
    if charts:
        active = -1 if active in charts else active - sum(1 for i in charts if i < active)
        sheets = [s for i, s in enumerate(sheets) if i not in charts]
    return sheets, active


def _check_zip(zf: zipfile.ZipFile, name: str, limits: ReadLimits) -> None:
    """Declared sizes and ratios, before anything is unpacked."""
    total = 0
    for info in zf.infolist():
        if not info.filename.endswith((".xml", ".rels", ".vml")):
            continue
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError([Problem(Location(name), f"the part {printable(info.filename)} unpacks from {info.compress_size:,} to {info.file_size:,} bytes, {ratio:,} times its size; the limit is {limits.max_ratio:,} times (read limit max_ratio): a decompression bomb, or a sheet of empty formatted rows (delete them in Excel)", "zip-bomb")])
    if total > limits.max_uncompressed:
        raise InputError([Problem(Location(name), f"the workbook unpacks to {total:,} bytes, over the limit of {limits.max_uncompressed:,} (read limit max_uncompressed); delete unused sheets and empty formatted rows, or export CSV", "too-large")])


def _drain(zf: zipfile.ZipFile, member: str, name: str, limits: ReadLimits) -> str:
    """Unpack a part without keeping it: its real size is held to the limit whatever its header says.
    Returns why fastexcel's columns would not be exact for this workbook ('' when they are):
    text that reads like a date or a boolean, rich text, the 1904 date system, durations."""
    seen = 0
    strings = member.endswith("sharedStrings.xml")
    styles = member.endswith("styles.xml")
    book = member.endswith("workbook.xml")
    since = 0  # bytes since the last shared string began
    cell_bytes = limits.max_cell_chars * 4 + 65536
    why = ""
    tail = b""
    with zf.open(member) as f:
        while True:
            chunk = f.read(1 << 20)
            if not chunk:
                return why
            seen += len(chunk)
            if strings:
                start = max(chunk.rfind(b"<si>"), chunk.rfind(b"<si "), chunk.rfind(b":si>"))
                since = len(chunk) - start if start >= 0 else since + len(chunk)
                if since > cell_bytes:
                    raise InputError([Problem(Location(name), f"a text in the workbook holds more than {limits.max_cell_chars:,} characters (read limit max_cell_chars)", "cell-too-long")])
            if seen > limits.max_uncompressed:
                raise InputError([Problem(Location(name), f"the part {printable(member)} unpacks to more than {limits.max_uncompressed:,} bytes (read limit max_uncompressed)", "too-large")])
            if not why and (strings or styles or book):
                window = tail + chunk
                tail = chunk[-256:]
                if strings:
                    why = _text_not_plain(window)
                elif styles and (_DURATION_FORMAT.search(window) or b'numFmtId="46"' in window):
                    why = "a duration format"
                elif book and _DATE1904.search(window):
                    why = "the 1904 date system"


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')
# A formula cell with no saved result: no <v>, or an empty one (<c r="D4"><f>C4+1</f><v/></c>,
# as openpyxl writes them); an empty <v> of a text formula (t="str") is a real empty result.
_FORMULA_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\s([^>]*?r="([A-Z]+[0-9]+)"[^>]*)>\s*<((?:\w+:)?f)\b[^>]*?(?:/>|>([^<]*)</\3>)'
    rb'\s*(<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>')
_ERROR_CELL = re.compile(rb'<(?:\w+:)?c\s([^>]*?\bt="e"[^>]*)>(.*?)</(?:\w+:)?c>', re.S)
_REF = re.compile(rb'\br="([A-Z]+)([0-9]+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_ROW_TAG = re.compile(rb'<(?:\w+:)?row\b([^>]*)>')
_ROW_R = re.compile(rb'\br="([0-9]+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_CELL_COLUMN = re.compile(rb' r="([A-Z]+)[0-9]')
_CELL_START = re.compile(rb"<(?:\w+:)?c[\s>]")
_CELL_END = re.compile(rb"</(?:\w+:)?c>|</(?:\w+:)?row>|<(?:\w+:)?c\s[^>]*/>")
# fastexcel spells a date cell "2025-02-06 00:00:00" and a boolean "true": text spelled so
# (or rich text, or a character reference, which could spell it) is told apart only cell by cell.
# (Searched from a literal: the ':' of the minutes, then the whole spelling just before it.)
_TIME_TAIL = re.compile(rb":[0-9][0-9]:[0-9][0-9][.<]")
_PLAIN_DATE = re.compile(rb">[0-9]{4}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9](?:\.[0-9]+)?<")
# A character reference to an ASCII character (&#116; is 't') could spell such a text.
_ASCII_REFERENCE = re.compile(rb"&#([xX]0*[0-7]?[0-9a-fA-F]|0*(?:[0-9]{1,2}|1[01][0-9]|12[0-7]));")
_CLASH_CHARACTERS = frozenset("0123456789+-.: truefals")
_DURATION_FORMAT = re.compile(rb'formatCode="[^"]*\[(?:[hms]|HH?|MM?|SS?)', re.I)
_DATE1904 = re.compile(rb'date1904="(?:1|true)"')
# A saved number fastexcel may spell otherwise than Python (a fraction, an exponent, a sign, 7+ digits):
# its cells are noted and their text made from the saved value.
_ODD_NUMBER = re.compile(rb"<v>(?:[0-9]*[^0-9<]|[0-9]{7})")
_VALUE_CELL = re.compile(
    rb"<(?:\w+:)?c\s([^>]*)>\s*(?:<(?:\w+:)?f\b[^>]*/>\s*|<(?:\w+:)?f\b[^>]*>[^<]*</(?:\w+:)?f>\s*)?"
    rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_TYPE = re.compile(rb'\bt="([^"]*)"')
#: Noted numbers kept at most; a sheet with more is read cell by cell.
MAX_NOTED_NUMBERS = 300_000


#: What makes a sheet's text unsafe to respell from fastexcel's columns (see _text_not_plain).
_CLASH_TOKENS = (b">true<", b">false<", b"<r>", b":r>", b"&#", b't="d"')


def _present(xml: bytes, tokens: tuple[bytes, ...]) -> frozenset[bytes]:
    """Which of `tokens` occur in `xml`."""
    return _piece_facts(xml, tokens, None, count=False).found


#: The cell references the scan counts: each match is at least 6 bytes, so a part of n bytes holds
#: at most n // 6 (the count is skipped for a sheet that cannot reach the cell limit).
_COUNTED_REF = ' r="[A-Z]+[0-9]'
MIN_REF_BYTES = 6


@dataclass(frozen=True)
class _Facts:
    found: frozenset[bytes]  # which tokens occur
    odd: bool  # whether the odd-number pattern matches
    count: int  # cell references (0 when not counted)
    letters: set[bytes]  # their column letters, when one is right of the widest seen
    rare: bool  # anything rare may be here: a token, an odd number, a wider cell, a time's spelling


def _piece_facts(xml: bytes, tokens: tuple[bytes, ...], odd_number: re.Pattern | None, widest: int = 0, count: bool = True) -> _Facts:
    """For one piece of a sheet's XML: which of `tokens` occur, whether `odd_number` matches, how many
    cell references there are (when `count`), and their column letters when one is right of column
    `widest`. Polars' Rust regexes, in one query that settles most pieces (one search for anything
    rare), instead of a pass of Python's per token; Python's own for a piece that is not UTF-8."""
    try:
        text = xml.decode("utf-8")
    except UnicodeDecodeError:
        letters = _CELL_COLUMN.findall(xml)
        return _Facts(frozenset(t for t in tokens if t in xml), bool(odd_number and odd_number.search(xml)), len(letters) if count else 0, set(letters), True)
    x = pl.col("x")
    frame = pl.DataFrame({"x": [text]})
    odd = odd_number.pattern.decode() if odd_number else "$^"
    tags = "|".join(_rust_literal(t.decode()) for t in tokens)
    n, *rare = frame.select(  # side by side: the count, and searches for anything rare (a time apart: in one regex it is slow)
        x.str.count_matches(_COUNTED_REF).alias("n") if count else pl.lit(0).alias("n"),
        x.str.contains(tags).alias("t"), x.str.contains(_TIME_TAIL.pattern.decode()).alias("m"),
        x.str.contains(odd).alias("o"), x.str.contains(_wider_than(widest)).alias("w"),
    ).row(0)
    if not any(rare):
        return _Facts(frozenset(), False, int(n or 0), set(), False)
    found, odd, letters = frame.select(
        x.str.extract_many([t.decode() for t in tokens], overlapping=True),
        x.str.contains(odd).alias("odd"),
        x.str.extract_all(_COUNTED_REF).list.unique().alias("refs"),
    ).row(0)
    return _Facts(frozenset(t.encode() for t in found or ()), bool(odd), int(n or 0), {r[4:-1].encode() for r in letters or ()}, True)


def _rust_literal(text: str) -> str:
    return "".join("\\" + ch if ch in "\\.+*?()|[]{}^$#&-~" else ch for ch in text)


def _wider_than(widest: int) -> str:
    """A regex for a cell reference right of column `widest` (any, past column Z)."""
    if widest == 0 or widest > 26:
        return ' r="'
    if widest == 26:
        return ' r="[A-Z][A-Z]'
    return f' r="(?:[{chr(65 + widest)}-Z][0-9]|[A-Z][A-Z])'


def _text_not_plain(xml: bytes, present: frozenset[bytes] | None = None) -> str:
    """Why text in this XML could be mistaken for a date or a boolean by spelling ('' if it cannot)."""
    if present is None:
        present = _present(xml, _CLASH_TOKENS)
    if b">true<" in present or b">false<" in present:
        return "text spelled like a boolean"
    for m in _TIME_TAIL.finditer(xml):
        if _PLAIN_DATE.search(xml, max(m.start() - 16, 0), m.end() + 64):
            return "text spelled like a date"
    if b"<r>" in present or b":r>" in present:  # runs of rich text, which are joined into one text
        return "rich text"
    if b't="d"' in present:
        return "ISO date cells"
    if b"&#" in present:
        for m in _ASCII_REFERENCE.finditer(xml):
            code = m[1].decode()
            if chr(int(code[1:], 16) if code[0] in "xX" else int(code)) in _CLASH_CHARACTERS:
                return "a character reference"
    return ""


class _Unpacked:
    """A zip member in chunks of SCAN_CHUNK bytes, unpacked by a thread up to two chunks ahead
    (zlib lets go of the GIL) while the scan looks at the last one. An error in reading is
    raised where its chunk would have been read, so the scan's problems keep their order."""

    def __init__(self, source):
        import queue
        import threading

        self.source = source
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="chc-unpack", daemon=True)

    def _run(self) -> None:
        import queue

        while not self.stop.is_set():
            try:
                item = (self.source.read(SCAN_CHUNK), None)
            except BaseException as exc:  # noqa: BLE001 - handed to the scan, which raises it in turn
                item = (b"", exc)
            while not self.stop.is_set():
                try:
                    self.queue.put(item, timeout=0.05)
                    break
                except queue.Full:
                    continue
            if not item[0]:
                return

    def __enter__(self) -> "_Unpacked":
        self.thread.start()
        return self

    def next(self) -> bytes:
        import queue

        while True:
            try:
                chunk, error = self.queue.get(timeout=1)
                break
            except queue.Empty:
                if not self.thread.is_alive() and self.queue.empty():
                    raise RuntimeError("the sheet's XML stopped unpacking") from None
        if error is not None:
            raise error
        return chunk

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()


def _open_member(zf: zipfile.ZipFile, member: str):
    """The member unpacked by ISA-L (twice zlib's speed) when it is plainly deflated; else by zipfile."""
    info = zf.getinfo(member)
    if isal_zlib is None or info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1 or not info.file_size or not isinstance(zf.filename, str):
        return zf.open(member)
    try:
        return _Inflated(zf, info)
    except OSError:  # the file cannot be opened again: zipfile's handle still reads it
        return zf.open(member)


class _Inflated:
    """A deflated zip member read with zipfile's checks (at most the declared size, the CRC). At
    anything odd (a stream ISA-L refuses, a size or CRC not as declared, a local header not as
    zipfile expects) zipfile reads on from the same byte, and says what is wrong as it did before."""

    BLOCK = 1 << 18

    def __init__(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo):
        self.zf, self.info = zf, info
        self.file = open(zf.filename, "rb")
        self.inflater = isal_zlib.decompressobj(-15)
        self.buffer = bytearray()
        self.left = info.compress_size  # compressed bytes not yet read
        self.inflated = self.delivered = self.crc = 0
        self.ended = False
        self.fallback = None
        self.file.seek(info.header_offset)
        head = self.file.read(30)
        if len(head) < 30 or head[:4] != b"PK\x03\x04" or self.file.read(int.from_bytes(head[26:28], "little")) != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace"):
            self._fall_back()
        else:
            self.file.seek(int.from_bytes(head[28:30], "little"), 1)

    def read(self, n: int) -> bytes:
        if self.fallback is None:
            try:
                while len(self.buffer) < n and not self.ended:
                    self._more(n - len(self.buffer))
            except Exception:  # noqa: BLE001 - zipfile reads on, and raises its own error if there is one
                self._fall_back()
        if self.fallback is not None:
            return self.fallback.read(n)
        chunk = bytes(self.buffer[:n])
        del self.buffer[:n]
        self.delivered += len(chunk)
        return chunk

    def _more(self, want: int) -> None:
        data = self.inflater.unconsumed_tail
        if not data and self.left:
            data = self.file.read(min(self.BLOCK, self.left))
            if not data:
                raise EOFError("the member is cut short")
            self.left -= len(data)
        out = self.inflater.decompress(data, want)
        self.crc = isal_zlib.crc32(out, self.crc)
        self.inflated += len(out)
        self.buffer += out
        self.ended = self.inflater.eof or (not self.left and not self.inflater.unconsumed_tail)
        if self.inflated > self.info.file_size or (self.ended and (self.inflated != self.info.file_size or self.crc != self.info.CRC)):
            raise ValueError("not as declared")

    def _fall_back(self) -> None:
        self.file.close()
        self.fallback = self.zf.open(self.info)
        skip = self.delivered
        while skip > 0:
            got = len(self.fallback.read(min(skip, 1 << 20)))
            if not got:
                break
            skip -= got

    def __enter__(self) -> "_Inflated":
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()
        if self.fallback is not None:
            self.fallback.close()


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


@dataclass
class _Scan:
    unreadable: list  # (row, first col 0-based, last col 0-based, message with {cell}, rule)
    hidden_rows: list
    filtered: bool
    cells: int
    numbers: list = None  # (row, col 0-based, saved value) of numbers fastexcel may spell otherwise
    exact_only: str = ""  # why fastexcel's columns would not be exact ('' when they are)


def _scan_sheet(zf: zipfile.ZipFile, member: str, name: str, title: str, limits: ReadLimits) -> _Scan:
    """One pass over the sheet's XML, in chunks, for what calamine does not report, holding the
    limits as it goes. Time is linear: what is carried to the next chunk is at most one cell."""
    unreadable: list = []
    hidden: list[int] = []
    cells = 0
    unpacked = 0
    filtered = False
    last_row = 0
    row_closed = True
    tail = b""
    carry = b""
    prefix = row_open = formula_open = None
    widest = tallest = 0  # the rightmost column with a cell, the lowest row
    cell_bytes = limits.max_cell_chars * 4 + 65536  # a cell whose XML is longer holds too long a text
    numbers: list = []
    exact_only = ""

    def add(row: int, first: int, last: int, message: str, rule: str) -> None:
        unreadable.append((row, first, last, message, rule))
        if len(unreadable) > MAX_UNREADABLE:
            raise InputError([Problem(Location(name, sheet=title), f"more than {MAX_UNREADABLE:,} cells are merged, hold errors or formulas with no saved result; open the workbook in Excel, fix them, save it and export again", "unreadable-cells")])

    # Python's zip reader stops at the declared size: a sheet too small to reach the limit is not counted.
    counted = zf.getinfo(member).file_size // MIN_REF_BYTES > limits.max_cells
    with _open_member(zf, member) as source, _Unpacked(source) as chunks:
        while True:
            chunk = chunks.next()
            unpacked += len(chunk)
            if unpacked > limits.max_uncompressed:
                raise InputError([Problem(Location(name, sheet=title), f"the sheet unpacks to more than {limits.max_uncompressed:,} bytes (read limit max_uncompressed)", "too-large")])
            buffer = carry + chunk if carry else chunk
            if chunk:  # keep what follows the last complete cell or row for the next round
                end = None
                for end in _last_matches(_CELL_END, buffer):
                    pass
                cut = end if end is not None else 0
                if not _CELL_START.search(buffer, cut):  # no cell open after it: any whole tag ends a piece
                    cut = max(cut, buffer.rfind(b">") + 1)
                merge = buffer.rfind(b"mergeCell", cut)  # only after the cut (searching all the chunk cost more than the rest)
                if merge > cut:
                    close = buffer.find(b">", merge)
                    cut = close + 1 if close >= 0 else buffer.rfind(b"<", 0, merge)
                part, carry = buffer[:cut], buffer[cut:]
                if len(carry) > cell_bytes:
                    ref = _REF.search(carry)
                    row = int(ref[2]) if ref else last_row
                    column = _col_index(ref[1]) - 1 if ref else None
                    raise InputError([Problem(_where(name, title, row, column), f"a cell holds more than {limits.max_cell_chars:,} characters (read limit max_cell_chars)", "cell-too-long")])
            else:
                part, carry = buffer, b""
            if prefix is None:
                found = re.search(rb"<(\w+:)?worksheet\b", part)
                prefix = (found[1] or b"") if found else b""
                row_open, formula_open = b"<" + prefix + b"row", b"<" + prefix + b"f"
                odd_number = re.compile(b"<" + re.escape(prefix) + _ODD_NUMBER.pattern[1:])
            tail = (tail + part[-64:])[-64:]
            facts = _piece_facts(part, (b"hidden", formula_open, b't="e"') + _CLASH_TOKENS, odd_number, widest, counted)
            present, letters = facts.found, facts.letters
            cells += facts.count
            if cells > limits.max_cells:
                raise _cells_problem(name, title, cells, limits)
            if letters:
                widest = max(widest, max(map(_col_index, letters)))
            if b"hidden" in present:  # rare: look at every row tag
                for m in _ROW_TAG.finditer(part):
                    r = _ROW_R.search(m[1])
                    tallest = max(tallest, last_row)
                    last_row = int(r[1]) if r else last_row + 1
                    if _HIDDEN.search(m[1]):
                        hidden.append(last_row)
            else:  # only the last row's number matters
                at = part.rfind(row_open + b" ")
                at = max(at, part.rfind(row_open + b">", max(at, 0)))  # after the last "<row ": not the whole piece again
                if at >= 0:
                    r = _ROW_R.search(part, at, part.find(b">", at) + 1)
                    if r:
                        tallest = max(tallest, last_row)
                        last_row = int(r[1])
                    else:  # rows without numbers: count them
                        last_row += part.count(row_open + b" ") + part.count(row_open + b">")
            if part:
                row_closed = part.rfind(b"row>") > part.rfind(row_open) if b"row" in part else row_closed
            if formula_open in present:
                for m in _FORMULA_NO_VALUE.finditer(part):
                    if m[5] and b't="str"' in m[1]:
                        continue
                    ref = m[2].decode()
                    col, row = _split_ref(ref)
                    formula = html.unescape((m[4] or b"").decode("utf-8", "replace")).strip()
                    shown = f" (={printable(formula[:40])}{'...' if len(formula) > 40 else ''})" if formula else ""
                    add(row, col - 1, col - 1, f"cell {ref} holds a formula{shown} with no saved result, so it reads as blank; open the workbook in Excel and save it, or paste the values", "formula-without-value")
            if not exact_only and facts.rare:
                exact_only = _text_not_plain(part, present)
                if not exact_only and facts.odd:
                    exact_only = _note_numbers(part, numbers)
            if b't="e"' in present:
                for m in _ERROR_CELL.finditer(part):
                    ref = _REF.search(m[1])
                    if not ref:
                        continue
                    value = _VALUE.search(m[2])
                    error = html.unescape(value[1].decode("utf-8", "replace")).strip() if value else "an error"
                    row, col = int(ref[2]), _col_index(ref[1])
                    add(row, col - 1, col - 1, f"cell {{cell}} holds the error value {printable(error)} (a formula that failed in Excel), not a value; correct it in Excel, or type the value", "error-value")
            # Merged cells and the filter are written after the rows: look past the last row only.
            after = part[max(part.rfind(b"row>"), 0):]
            if b"mergeCell" in after:
                for m in _MERGE.finditer(after):
                    ref = f"{m[1].decode()}:{m[2].decode()}"
                    c1, r1 = _split_ref(m[1].decode())
                    c2, r2 = _split_ref(m[2].decode())
                    for row in range(r1, r2 + 1):
                        first = c1 + 1 if row == r1 else c1
                        if first <= c2:
                            add(row, first - 1, c2 - 1, f"cell {{cell}} is inside the merged cells {ref}, so it reads as blank; unmerge them and type the value in every cell", "merged-cells")
            if b"autoFilter" in after:
                filtered = True
            if not chunk:
                break
    if not re.search(rb"</(?:\w+:)?worksheet>\s*$", tail):
        row = last_row if not row_closed else last_row + 1
        raise InputError([Problem(Location(name, max(row, 1), sheet=title), "the sheet cannot be read from this row on (ParseError: its XML ends before </worksheet>: the file was cut short); open the workbook in Excel and save it again, or export CSV", "not-a-caselog")])
    # calamine holds the sheet as a dense grid from A1: two cells far apart would take all memory.
    tallest = max(tallest, last_row)
    if tallest * widest > limits.max_cells:
        raise InputError([Problem(Location(name, sheet=title), f"the sheet's cells reach row {tallest:,} and column {column_letter(widest)}, a grid of {tallest * widest:,} cells, over the limit of {limits.max_cells:,} (read limit max_cells); delete the stray cells far below or to the right of the case log", "too-many-cells")])
    return _Scan(unreadable, hidden, filtered, cells, numbers, exact_only)


def _note_numbers(part: bytes, numbers: list) -> str:
    """Note the numeric cells of `part` whose saved value is not a plain integer of up to 6 digits
    (polars' regexes over the piece; a piece that is not UTF-8 is read cell by cell)."""
    try:
        text = part.decode("utf-8")
    except UnicodeDecodeError:
        return "a sheet that is not UTF-8"
    cells = pl.DataFrame({"x": [text]}).select(pl.col("x").str.extract_all(_VALUE_CELL.pattern.decode()).explode().alias("c"))
    c = pl.col("c")
    cells = cells.drop_nulls().select(
        c.str.extract(r'\sr="([A-Z]+)[0-9]+"', 1).alias("letters"),
        c.str.extract(r'\sr="[A-Z]+([0-9]+)"', 1).alias("row"),
        c.str.extract(r'\st="([^"]*)"', 1).alias("t"),
        c.str.extract(r"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>$", 1).alias("v"),
    ).filter(
        (pl.col("t").is_null() | (pl.col("t") == "n")) & pl.col("v").str.contains(r"^(?:[0-9]*[^0-9<]|[0-9]{7})")
    )
    if cells.height == 0:
        return ""
    if cells.get_column("letters").null_count():
        return "cells without a reference"
    if len(numbers) + cells.height > MAX_NOTED_NUMBERS:
        return "many numbers with fractions"
    for letters, row, value in cells.select("letters", "row", "v").iter_rows():
        numbers.append((int(row), _col_index(letters.encode()) - 1, value))
    return ""


def _last_matches(pattern: re.Pattern, buffer: bytes) -> Iterator[int]:
    """End of the last match of `pattern`, searched from the buffer's end backwards in steps."""
    size = len(buffer)
    step = 4096
    start = max(size - step, 0)
    while True:
        found = None
        for m in pattern.finditer(buffer, start):
            found = m.end()
        if found is not None:
            yield found
            return
        if start == 0:
            return
        step *= 4
        start = max(size - step, 0)


def _split_ref(ref: str) -> tuple[int, int]:
    """'C7' -> (3, 7)."""
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    return _col_index(m[1].encode()), int(m[2])


def _looks_like_cases(rows: list, known: frozenset[str]) -> bool:
    return any(sum(1 for c in row if normalise_name(cell_text(c)) in known) >= 2 for row in rows[:HEADER_SEARCH])


def _read_xlsx(p: Path, name: str, sha256: str, sheet: str | None, header_row: int | None, known: frozenset[str],
               limits: ReadLimits, progress) -> RawTable:
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _unreadable(name, exc) from None
    with zf:
        _check_zip(zf, name, limits)
        try:
            sheets, active = _workbook_sheets(zf)
        except KeyError as exc:
            raise _unreadable(name, exc) from None
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError) as exc:
            raise _unreadable(name, exc) from None
        if not sheets:
            raise InputError([Problem(Location(name), "the workbook has no worksheets; export the case log again as .xlsx or CSV", "not-a-caselog")])
        names = [s.name for s in sheets]
        notes: list[Problem] = []
        hidden_sheets = [s.name for s in sheets if s.state != "visible"]
        if sheet is not None:
            chosen = next((s for s in sheets if s.name == sheet), None)
            if chosen is None:
                raise InputError([Problem(Location(name, sheet=sheet), f"no sheet named '{printable(sheet)}'; the workbook has: {', '.join(printable(n) for n in names[:SHOWN_NAMES])}{f' and {len(names) - SHOWN_NAMES} more' if len(names) > SHOWN_NAMES else ''}", "missing-sheet")])
            if chosen.state != "visible":
                notes.append(Problem(Location(name, sheet=chosen.name), "this sheet is hidden in the workbook; it was read because it was asked for", "hidden-sheet"))
        else:
            visible = [s for s in sheets if s.state == "visible"] or sheets
            chosen = sheets[active] if 0 <= active < len(sheets) and sheets[active].state == "visible" else visible[0]
        if hidden_sheets and sheet is None:
            notes.append(Problem(Location(name, sheet=chosen.name), f"the workbook has hidden sheets ({shown_names(hidden_sheets)}), which were not read; this sheet was read, as the {'active' if sheets.index(chosen) == active else 'first visible'} sheet (choose another with --sheet)", "hidden-sheet"))
        title = chosen.name
        # Every part calamine will read is unpacked once here, so that its real size is held to the limit.
        try:
            exact_only = ""
            for member in zf.namelist():
                if member.endswith((".rels", ".xml")) and not member.startswith(("xl/worksheets/", "xl/chartsheets/")):
                    exact_only = _drain(zf, member, name, limits) or exact_only
            scan = _scan_sheet(zf, chosen.member, name, title, limits)
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError, NotImplementedError, zlib.error) as exc:
            raise _unreadable(name, exc, title) from None
    exact_only = exact_only or scan.exact_only or (_known_clash(known) if known else "")
    grid = None if exact_only else _ColumnGrid.load(p, title, scan.numbers)
    while True:
        if grid is None:
            grid = _CellGrid.load(p, name, title)
        try:
            table = _xlsx_table(grid, p, name, sha256, title, sheets, chosen, header_row, known, limits, scan, notes)
        except _NotExact:
            grid = None
            continue
        break
    if progress is not None:
        progress(1.0)
    return table


class _NotExact(Exception):
    """fastexcel's columns cannot give this sheet's text exactly as the cells say: read it cell by cell."""


def _xlsx_table(grid, p: Path, name: str, sha256: str, title: str, sheets: list, chosen, header_row: int | None,
                known: frozenset[str], limits: ReadLimits, scan: _Scan, notes: list[Problem]) -> RawTable:
    notes = list(notes)
    where = lambda row: Location(name, row, sheet=title)  # noqa: E731
    records = ((i + 1, i + 1, row) for i, row in enumerate(grid.rows()))
    try:
        (h_row, _, header_values), titles = _find_header(records, header_row, known, name, where)
    except InputError as exc:
        if exc.problems and exc.problems[0].rule == "empty":
            raise InputError([Problem(Location(name, 1, sheet=title), "the sheet is empty: expected a header row and one row per complaint" + _other_sheets(p, sheets, chosen, known, limits), "empty")]) from None
        raise
    if known and header_row is None and not _looks_like_cases([header_values], known):
        others = _other_sheets(p, sheets, chosen, known, limits)
        if others:
            raise InputError([Problem(Location(name, sheet=title), "this sheet has no header row with the case log's columns" + others, "missing-header")])
    if header_row is None and titles:
        grid.check_title(titles[0])
        notes.extend(_title_note(name, title, titles, h_row, where))
    texts = [cell_text(v) for v in header_values]
    width = len(texts)
    while width and not texts[width - 1].strip():
        width -= 1
    header = tuple(texts[:width])
    rows_read = max(grid.height - h_row, 0)
    beyond = grid.beyond(h_row, width)
    if beyond:
        notes.append(Problem(Location(name, h_row, sheet=title), f"{beyond:,} cell{'s' if beyond > 1 else ''} to the right of the header's last column ({column_letter(width) if width else 'A'}) have no column name and were not read; give their column a name if they matter", "cells-outside-header"))
    frame = grid.body(h_row, width)
    rows = pl.int_range(h_row + 1, h_row + 1 + rows_read, dtype=pl.Int64, eager=True).alias("row")
    _check_cells(frame, rows, name, title, limits, width)
    frame, rows = _drop_blank(frame, rows, {r for r, first, _, _, _ in scan.unreadable if first < width})

    index = {r: i for i, r in enumerate(rows.to_list())} if scan.unreadable else {}
    problems = []
    for row, first, last, message, rule in scan.unreadable:
        i = index.get(row)
        if i is None:
            continue
        for col in range(first, min(last, width - 1) + 1):
            problems.append(CellProblem(i, col, message.replace("{cell}", f"{column_letter(col + 1)}{row}"), rule))
    problems.sort(key=lambda c: (c.row, c.column))
    hidden = [r for r in scan.hidden_rows if r > h_row]
    if hidden:
        how = "by the sheet's filter" if scan.filtered else "in the sheet"
        shown = ", ".join(str(r) for r in hidden[:SHOWN_NAMES]) + (f" and {len(hidden) - SHOWN_NAMES:,} more" if len(hidden) > SHOWN_NAMES else "")
        notes.append(Problem(Location(name, sheet=title), f"{len(hidden):,} row{'s' if len(hidden) > 1 else ''} hidden {how} {'were' if len(hidden) > 1 else 'was'} read and counted like the others (row{'s' if len(hidden) > 1 else ''} {shown}); delete any that must not be counted", "hidden-rows"))
    return RawTable(path=name, sha256=sha256, sheet=title, header=header, header_row=h_row, frame=frame, rows=rows,
                    rows_read=rows_read, blank_rows=rows_read - frame.height, cell_problems=tuple(problems), notes=tuple(notes))


def _known_clash(known: frozenset[str]) -> str:
    """A column name a number or a date could be taken for (python-calamine's values are matched as str(value))."""
    return "a column name like a number or a date" if any(_NUMERIC_NAME.fullmatch(k) for k in known) else ""


_NUMERIC_NAME = re.compile(r"[0-9_.:e+t]*[0-9][0-9_.:e+t]*|_?inf|nan")


class _CellGrid:
    """The sheet as python-calamine's cell values: exact for every kind of cell, and slower."""

    def __init__(self, data: list):
        self.data = data
        self.height = len(data)

    @classmethod
    def load(cls, p: Path, name: str, title: str) -> "_CellGrid":
        from python_calamine import CalamineWorkbook

        try:
            return cls(CalamineWorkbook.from_path(str(p)).get_sheet_by_name(title).to_python(skip_empty_area=False))
        except Exception as exc:  # noqa: BLE001 - calamine fails in its own ways on a damaged file
            raise _unreadable(name, exc, title) from None

    def rows(self) -> Iterator[list]:
        return iter(self.data)

    def check_title(self, record) -> None:
        pass

    def beyond(self, h_row: int, width: int) -> int:
        body = self.data[h_row:]
        columns = list(zip(*body)) if body else []
        return sum(sum(1 for v in col if v != "" and v is not None) for col in columns[width:] if set(col) - {"", None})

    def body(self, h_row: int, width: int) -> pl.DataFrame:
        body = self.data[h_row:]
        full = len(self.data[0]) if self.data else 0  # calamine pads every row to the sheet's width
        columns = list(zip(*body)) if body else [() for _ in range(full)]
        return pl.DataFrame({f"c{i}": _column_text(col) for i, col in enumerate(columns[:width])}, schema=_schema(width))


# fastexcel's spelling of a date cell, which cell_text writes ISO, with the time only when there is one.
_DATE_SPELLING = r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?$"
_DATE_LIKE = r"^[+-]?[0-9]+-[0-9]{2}-[0-9]{2} [0-9]{2}:"
_NUMBER_SPELLING = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _excel_float_text(x: float) -> str:
    """fastexcel's text of a number: nine decimals, trailing zeros dropped."""
    return f"{x:.9f}".rstrip("0").rstrip(".")


class _ColumnGrid:
    """The sheet as fastexcel's text columns (the same Rust calamine, without a Python object per
    cell), respelled as cell_text spells each kind. Used only when the scan found nothing that
    could make a respelling ambiguous; `load` returns None (read cell by cell) otherwise."""

    def __init__(self, raw: pl.DataFrame, text: pl.DataFrame):
        self.raw = raw  # as fastexcel spelled the cells (nulls for empty and error cells)
        self.text = text  # as cell_text spells them
        self.height = raw.height

    @classmethod
    def load(cls, p: Path, title: str, numbers: list) -> "_ColumnGrid | None":
        import fastexcel

        try:
            sheet = fastexcel.read_excel(str(p)).load_sheet(title, header_row=None, skip_rows=0, dtypes="string")
            picked = sheet.selected_columns
            raw = sheet.to_polars()
        except Exception:  # noqa: BLE001 - a damaged or empty sheet: the cell reader says what is wrong, as before
            return None
        if raw.width == 0 or raw.height == 0:
            return None
        first = picked[0].absolute_index
        if [c.absolute_index for c in picked] != list(range(first, first + raw.width)):
            return None
        raw = pl.DataFrame(
            [pl.Series(f"c{i}", [None] * raw.height, pl.String) for i in range(first)]
            + [raw.get_column(c).alias(f"c{first + i}") for i, c in enumerate(raw.columns)])
        if numbers:
            raw = _respell_numbers(raw, numbers)
            if raw is None:
                return None
        text = _respelled(raw)
        return None if text is None else cls(raw, text)

    def rows(self) -> Iterator[list]:
        """The rows, from the top, as python-calamine's values (a date as a date, a boolean as a bool);
        a number stays its text, which cell_text, normalise_name and the header search treat alike."""
        for start in range(0, self.height, 64):
            for row in self.raw.slice(start, 64).rows():
                yield [_head_value(v) for v in row]

    def check_title(self, record) -> None:
        """A title row's first cell is quoted as str(value): a number's str() is not known from its text."""
        first = next((c for c in record[2] if c is not None and str(c).strip()), "")
        if isinstance(first, str) and _NUMBER_SPELLING.fullmatch(first):
            raise _NotExact()

    def beyond(self, h_row: int, width: int) -> int:
        if width >= self.text.width:
            return 0
        rest = self.text.slice(h_row).select(self.text.columns[width:])
        return int(rest.select(pl.sum_horizontal((pl.all() != "").cast(pl.Int64)).sum()).item() or 0)

    def body(self, h_row: int, width: int) -> pl.DataFrame:
        frame = self.text.slice(h_row).select(self.text.columns[:width])
        if frame.width < width:  # columns past the sheet's last cell: empty, as calamine pads them
            frame = frame.with_columns([pl.lit("", pl.String).alias(f"c{i}") for i in range(frame.width, width)])
        return frame


def _respelled(raw: pl.DataFrame) -> pl.DataFrame | None:
    """fastexcel's text columns as cell_text spells each kind, or None when a date there is not
    told apart from a time or a number by its spelling (read such a sheet cell by cell)."""
    c = pl.all()
    flags = raw.select(
        c.str.len_bytes().is_in([19, 23, 26, 29]).any().name.suffix("_date"),  # "2025-02-06 00:00:00[.250]"
        ((c == "true") | (c == "false")).any().name.suffix("_bool"),
        (c.str.starts_with("+") | c.str.starts_with("-")).any().name.suffix("_signed"),
    ).row(0, named=True)
    # A date past 9999 (a number, to python-calamine) or before year 1, which fastexcel signs.
    signed = [n for n in raw.columns if flags[f"{n}_signed"]]
    if signed:
        e = pl.col(signed)
        if any(raw.select(((e.str.starts_with("+") | e.str.starts_with("-")) & e.str.contains(_DATE_LIKE)).fill_null(False).any()).row(0)):
            return None
    changed = []
    for n in raw.columns:
        if not (flags[f"{n}_date"] or flags[f"{n}_bool"]):
            continue
        # Each distinct text once (a column of dates holds a few hundred), then mapped back.
        distinct = raw.get_column(n).unique().drop_nulls()
        c = pl.col("u")
        is_date = c.str.contains(_DATE_SPELLING)
        spelled = pl.DataFrame({"u": distinct}).select(
            c,
            pl.when(is_date).then(
                pl.when(c.str.starts_with("1899-12-31 ")).then(c.str.slice(11, 8))  # a time alone (a value under 1)
                .when(c.str.slice(11) == "00:00:00").then(c.str.slice(0, 10))
                .otherwise(c.str.slice(0, 10) + "T" + c.str.slice(11, 8))
            ).when(c == "true").then(pl.lit("TRUE")).when(c == "false").then(pl.lit("FALSE"))
            .otherwise(c).alias("v"),
            # Before 1900-01-01 (a time or a date before 1900, to python-calamine) or 1900-01-01
            # 00:00:00, which fastexcel's rounding to milliseconds may have carried a time to.
            (is_date & (c < "1900-01-01 00:00:01") & ~c.str.starts_with("1899-12-31 ")).alias("early"),
        ).filter((pl.col("u") != pl.col("v")) | pl.col("early"))
        if spelled.height == 0:
            continue
        if spelled.get_column("early").any():
            return None
        changed.append(raw.get_column(n).replace(spelled.get_column("u"), spelled.get_column("v")))
    return (raw.with_columns(changed) if changed else raw).fill_null("")


def _head_value(v: str | None) -> Any:
    if v is None:
        return ""
    if v == "true" or v == "false":
        return v == "true"
    if len(v) >= 19 and v[4] == "-" and v[10] == " " and re.fullmatch(_DATE_SPELLING, v):
        moment = dt.datetime.fromisoformat(v)
        if v.startswith("1899-12-31 "):
            return moment.time()
        if v[11:] == "00:00:00":
            return moment.date()
        return moment
    return v


def _respell_numbers(raw: pl.DataFrame, numbers: list) -> pl.DataFrame | None:
    """Numbers fastexcel spells with nine decimals at most (1/3 as 0.333333333, 1e-07 as 0.0000001)
    get cell_text's spelling from the saved value; a date cell keeps its date. None: not exact."""
    by_column: dict[int, list] = {}
    for row, col, value in numbers:
        by_column.setdefault(col, []).append((row - 1, value))
    for col, cells in by_column.items():
        if col >= raw.width or max(i for i, _ in cells) >= raw.height:
            return None
        index = pl.Series([i for i, _ in cells], dtype=pl.UInt32)
        spelled = raw.get_column(f"c{col}").gather(index)
        if spelled.null_count():
            return None  # a value calamine could not read, or a date past any date: as python-calamine says
        dates = spelled.str.contains(_DATE_SPELLING)
        values = raw.get_column(f"c{col}").to_list()
        for (i, saved), text, is_date in zip(cells, spelled.to_list(), dates.to_list()):
            if is_date:
                continue  # a date cell
            try:
                x = float(saved)
            except ValueError:
                return None
            if not text.startswith("+") and text != _excel_float_text(x):
                return None
            values[i] = _number_text(x)
        raw = raw.with_columns(pl.Series(f"c{col}", values, pl.String))
    return raw


def _column_text(column: Sequence[Any]) -> Sequence[str]:
    """A column of cell values as text, converting each distinct value once (a log of 100,000
    rows holds a few hundred distinct dates)."""
    kinds = set(map(type, column))
    if kinds <= {str}:
        return column
    if bool in kinds and kinds & {int, float}:  # True == 1 == 1.0 would share one entry
        return [cell_text(v) for v in column]
    memo = {v: cell_text(v) for v in set(column)}
    return list(map(memo.__getitem__, column))


def _other_sheets(p: Path, sheets: list[_Sheet], chosen: _Sheet, known: frozenset[str], limits: ReadLimits) -> str:
    """'; the sheets 'Cases' look like the case log: choose one with --sheet' when other sheets hold known columns."""
    if not known:
        return ""
    from python_calamine import CalamineWorkbook

    book = None
    found = []
    for s in sheets:
        if s is chosen:
            continue
        try:
            with zipfile.ZipFile(p) as zf:  # held to the limits before calamine builds its grid
                _scan_sheet(zf, s.member, str(p), s.name, limits)
            book = book or CalamineWorkbook.from_path(str(p))
            rows = book.get_sheet_by_name(s.name).to_python(nrows=HEADER_SEARCH)
        except Exception:  # noqa: BLE001 - a sheet that cannot be read is not a candidate
            continue
        if _looks_like_cases(rows, known):
            found.append(s.name)
    if not found:
        return ""
    return f"; {'the sheet' if len(found) == 1 else 'the sheets'} {shown_names(found)} {'looks' if len(found) == 1 else 'look'} like the case log: choose {'it' if len(found) == 1 else 'one'} with --sheet"
