"""A CSV case log into a RawTable (table.py says what a RawTable holds).

polars reads every column as text; a column whose texts repeat in the first rows (dates, stages,
tenures) as categorical text, each distinct text stored once. Line numbers stay exact: when no
record spans lines, row i is line header+1+i; otherwise (a quoted cell with a line break, a quote
polars refuses) Python's csv module re-reads the text and records the line each record starts on.
A CSV over 1 MiB is never held whole as text: one pass checks it (NUL, UTF-8, lines) while a
thread hashes it, its head gives the header, polars reads the file. A quote left open is a located
problem, never a lost tail.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import itertools
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


import polars as pl

from ..problems import InputError, Location, Problem
from ..textsafe import printable
from ..yamlsource import decode_text
from .table import (RawTable, ReadLimits, _nul, _find_header, _title_note, _schema,
                    _check_cells, _cells_problem, _drop_blank)

DELIMITERS = (",", ";", "\t", "|")
#: A CSV larger than this is not held in memory as text: its header is found in this much of its
#: start, and polars reads the rest from the file.
HEAD_BYTES = 1 << 20

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


def read_csv(p: Path, name: str, header_row: int | None, known: frozenset[str], limits: ReadLimits, progress) -> RawTable:
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
