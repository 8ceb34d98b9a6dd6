"""An XLSX case log into a RawTable (table.py says what a RawTable holds).

First one streaming pass over the zip and the sheet's XML finds what the cell reader does not
say: merged cells, formulas with no saved value, error cells (#REF!), hidden rows and sheets; and
the limits (bytes, cells, cell length, uncompressed size, compression ratio, and the grid the
reader will build) are checked on the way, so a decompression bomb is refused before any grid is
built (the XML is unpacked by ISA-L when installed, with zipfile's checks, and by zipfile wherever
anything is odd). Then fastexcel gives the sheet as text columns, respelled as `cell_text` spells
each kind (dates ISO, TRUE/FALSE, numbers as Python writes them); a sheet of 4 MiB of XML or more
is parsed in two halves, on two cores, from the XML the scan unpacked (xlsx_halves.py). Where a
respelling could be wrong (text spelled like a date or a boolean, the 1904 date system,
durations, times at the day's edge), python-calamine reads the sheet cell by cell instead.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Sequence

import polars as pl

try:
    from isal import isal_zlib  # ISA-L: unpacks a sheet's XML twice as fast as zlib
except ImportError:  # zipfile's zlib does the same, slower
    isal_zlib = None

from ..problems import InputError, Location, Problem
from ..textsafe import printable
from . import xlsx_halves
from .table import (HEADER_SEARCH, SHOWN_NAMES, CellProblem,
                    RawTable, ReadLimits, _where, column_letter, shown_names, normalise_name, _number_text,
                    cell_text, _find_header, _title_note, _schema, _check_cells, _cells_problem,
                    _drop_blank)

#: Merged or formula-without-value ranges kept; a workbook with more is refused whole.
MAX_UNREADABLE = 100_000
#: The sheet's XML is scanned in pieces of this size (512 KiB: a piece and its copies stay in
#: the core's cache; 0.060 s against 0.081 s for 1 MiB, medians of 40 scans of 100,000 rows).
SCAN_CHUNK = 1 << 19
#: XLSX members smaller than this are not held to the compression-ratio limit.
RATIO_FLOOR = 1 << 20

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


def _drain(zf: zipfile.ZipFile, member: str, name: str, limits: ReadLimits, keep: list[bytes] | None = None) -> str:
    """Unpack a part (its chunks appended to `keep`, if given): its real size is held to the limit
    whatever its header says. Returns why fastexcel's columns would not be exact for this workbook
    ('' when they are): text that reads like a date or a boolean, rich text, the 1904 date system,
    durations."""
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
            if keep is not None:
                keep.append(chunk)
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
_COL_TAG = re.compile(rb"<(?:\w+:)?col\s([^>]*)>")  # in <cols>: a range of columns' width, and whether hidden
_COL_RANGE = re.compile(rb'\bmin="([0-9]+)"[^>]*?\bmax="([0-9]+)"|\bmax="([0-9]+)"[^>]*?\bmin="([0-9]+)"')
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
    tags = _any_of(tokens)
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


@lru_cache(maxsize=8)
def _any_of(tokens: tuple[bytes, ...]) -> str:
    """A Rust regex for any of `tokens`, as literals (built once for each set: the scan asks per piece)."""
    return "|".join("".join("\\" + ch if ch in "\\.+*?()|[]{}^$#&-~" else ch for ch in t.decode()) for t in tokens)


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
    (zlib lets go of the GIL) while the scan looks at the last one, and handed to `also` there
    too, if given. An error in reading is raised where its chunk would have been read, so the
    scan's problems keep their order."""

    def __init__(self, source, also=None):
        import queue
        import threading

        self.source, self.also = source, also
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="chc-unpack", daemon=True)

    def _run(self) -> None:
        import queue

        while not self.stop.is_set():
            try:
                item = (self.source.read(SCAN_CHUNK), None)
                if item[0] and self.also is not None:
                    self.also(item[0])
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
            pieces = []  # each at most what is still wanted: usually one, handed on without a copy
            got = 0
            try:
                while got < n and not self.ended:
                    piece = self._more(n - got)
                    pieces.append(piece)
                    got += len(piece)
            except Exception:  # noqa: BLE001 - zipfile reads on from the last byte delivered, and raises its own error if there is one
                self._fall_back()
            else:
                chunk = pieces[0] if len(pieces) == 1 else b"".join(pieces)
                self.delivered += len(chunk)
                return chunk
        return self.fallback.read(n)

    def _more(self, want: int) -> bytes:
        data = self.inflater.unconsumed_tail
        if not data and self.left:
            data = self.file.read(min(self.BLOCK, self.left))
            if not data:
                raise EOFError("the member is cut short")
            self.left -= len(data)
        out = self.inflater.decompress(data, want)
        self.crc = isal_zlib.crc32(out, self.crc)
        self.inflated += len(out)
        self.ended = self.inflater.eof or (not self.left and not self.inflater.unconsumed_tail)
        if self.inflated > self.info.file_size or (self.ended and (self.inflated != self.info.file_size or self.crc != self.info.CRC)):
            raise ValueError("not as declared")
        return out

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
    hidden_columns: tuple = ()  # (first, last), 1-based, of the ranges of columns hidden in the sheet


def _scan_sheet(zf: zipfile.ZipFile, member: str, name: str, title: str, limits: ReadLimits,
                split: xlsx_halves.SplitRead | None = None) -> _Scan:
    """One pass over the sheet's XML, in chunks, for what calamine does not report, holding the
    limits as it goes. Time is linear: what is carried to the next chunk is at most one cell.
    `split` is handed each chunk as unpacked (by the unpacking thread), and told how far the XML
    has been checked."""
    unreadable: list = []
    hidden: list[int] = []
    hidden_columns: list[tuple[int, int]] = []
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
    with _open_member(zf, member) as source, _Unpacked(source, split and split.add) as chunks:
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
            if b"hidden" in present:  # rare: look at every column and row tag
                for m in _COL_TAG.finditer(part):
                    span = _COL_RANGE.search(m[1]) if _HIDDEN.search(m[1]) else None
                    if span:
                        first, last = (span[1], span[2]) if span[1] else (span[4], span[3])
                        hidden_columns.append((int(first), int(last)))
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
            if split is not None and not exact_only:
                split.checked(unpacked - len(carry), prefix, max(tallest, last_row) * widest, limits.max_cells)
            if not chunk:
                break
    if not re.search(rb"</(?:\w+:)?worksheet>\s*$", tail):
        row = last_row if not row_closed else last_row + 1
        raise InputError([Problem(Location(name, max(row, 1), sheet=title), "the sheet cannot be read from this row on (ParseError: its XML ends before </worksheet>: the file was cut short); open the workbook in Excel and save it again, or export CSV", "not-a-caselog")])
    # calamine holds the sheet as a dense grid from A1: two cells far apart would take all memory.
    tallest = max(tallest, last_row)
    if tallest * widest > limits.max_cells:
        raise InputError([Problem(Location(name, sheet=title), f"the sheet's cells reach row {tallest:,} and column {column_letter(widest)}, a grid of {tallest * widest:,} cells, over the limit of {limits.max_cells:,} (read limit max_cells); delete the stray cells far below or to the right of the case log", "too-many-cells")])
    return _Scan(unreadable, hidden, filtered, cells, numbers, exact_only, tuple(hidden_columns))


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


def _halves_worth_it(zf: zipfile.ZipFile, member: str) -> bool:
    """Whether the sheet is big enough to be worth parsing in two halves, and this process has two
    cores for them (not a batch worker, nor a machine of one)."""
    size = zf.getinfo(member).file_size
    return xlsx_halves.SPLIT_MIN_BYTES <= size <= xlsx_halves.SPLIT_MAX_BYTES and pl.thread_pool_size() >= 2


def _split_read(zf: zipfile.ZipFile, member: str, parts: list[tuple[str, bytes]], title: str) -> xlsx_halves.SplitRead:
    """The sheet to be parsed in two halves; the workbook's other `parts` go into each half's workbook."""
    categories = pl.Categories.random()  # one for both halves, so that their columns join
    return xlsx_halves.SplitRead(zf.getinfo(member).file_size, member, parts,
                                 lambda source, from_first: _sheet_columns(source, title, from_first),
                                 lambda raw: _respelled(raw, categories))

def read_xlsx(p: Path, name: str, sha256: str, sheet: str | None, header_row: int | None, known: frozenset[str],
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
            halves = _halves_worth_it(zf, chosen.member)
            parts = []  # kept for the halves' workbooks
            for member in zf.namelist():
                if member.endswith((".rels", ".xml")) and not member.startswith(("xl/worksheets/", "xl/chartsheets/")):
                    chunks: list[bytes] | None = [] if halves else None
                    exact_only = _drain(zf, member, name, limits, chunks) or exact_only
                    if chunks is not None:
                        parts.append((member, b"".join(chunks)))
            exact_only = exact_only or (_known_clash(known) if known else "")
            halves = halves and not exact_only and sum(len(data) for _, data in parts) <= xlsx_halves.SPLIT_MAX_BYTES
            split = _split_read(zf, chosen.member, parts, title) if halves else None
            try:
                scan = _scan_sheet(zf, chosen.member, name, title, limits, split)
            except BaseException:
                if split is not None:
                    split.abandon()
                raise
        except InputError:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError, RuntimeError, NotImplementedError, zlib.error) as exc:
            raise _unreadable(name, exc, title) from None
    exact_only = exact_only or scan.exact_only
    if split is not None and exact_only:
        split.abandon()
    grid = None if exact_only else _ColumnGrid.load(p, title, scan.numbers, split)
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
    columns = sorted({c for first, last in scan.hidden_columns for c in range(max(first, 1), min(last, width) + 1)})
    if columns:
        many = len(columns) > 1
        shown = ", ".join(column_letter(c) for c in columns[:SHOWN_NAMES]) + (f" and {len(columns) - SHOWN_NAMES:,} more" if len(columns) > SHOWN_NAMES else "")
        notes.append(Problem(Location(name, h_row, sheet=title), f"{len(columns):,} column{'s' if many else ''} hidden in the sheet {'were' if many else 'was'} read like the others (column{'s' if many else ''} {shown}); unhide {'them' if many else 'it'} in Excel to see what was read", "hidden-columns"))
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
    def load(cls, p: Path, title: str, numbers: list, split: xlsx_halves.SplitRead | None = None) -> "_ColumnGrid | None":
        """`split`: the sheet parsed in two halves (in one piece when they cannot be put together)."""
        joined = split.finish() if split is not None else None
        if joined is None:
            raw = _sheet_columns(str(p), title)
            text = None if raw is None or numbers else _respelled(raw)
        else:
            raw, text = joined
        if raw is None:
            return None
        if numbers:  # respelled first by their row in the whole sheet, then as any other cell
            raw = _respell_numbers(raw, numbers)
            text = None if raw is None else _respelled(raw)
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


def _sheet_columns(source: str | bytes, title: str, from_first: bool = False) -> pl.DataFrame | None:
    """The sheet as fastexcel's text columns c0, c1, ... from column A, and from row 1 (or,
    `from_first`, from the first row with a value); None: cannot be read so, and the cell reader
    says what is wrong, as before."""
    import fastexcel

    try:
        sheet = fastexcel.read_excel(source).load_sheet(title, header_row=None, skip_rows=None if from_first else 0, dtypes="string")
        picked = sheet.selected_columns
        raw = sheet.to_polars()
    except Exception:  # noqa: BLE001 - a damaged or empty sheet
        return None
    if raw.width == 0 or raw.height == 0:
        return None
    first = picked[0].absolute_index
    if [c.absolute_index for c in picked] != list(range(first, first + raw.width)):
        return None
    return pl.DataFrame(
        [pl.Series(f"c{i}", [None] * raw.height, pl.String) for i in range(first)]
        + [raw.get_column(c).alias(f"c{first + i}") for i, c in enumerate(raw.columns)])


def _respelled(raw: pl.DataFrame, categories: pl.Categories | None = None) -> pl.DataFrame | None:
    """fastexcel's text columns as cell_text spells each kind, or None when a date there is not
    told apart from a time or a number by its spelling (read such a sheet cell by cell). Columns
    holding dates or booleans come back categorical, in `categories` (shared by a sheet's halves):
    each distinct text is respelled once, and the reader types them through their categories."""
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
    flagged = [n for n in raw.columns if flags[f"{n}_date"] or flags[f"{n}_bool"]]
    if not flagged:
        return raw.fill_null("")
    # Each distinct text once (a column of dates holds a few hundred), then gathered to the rows.
    categories = categories or pl.Categories.random()
    coded = [raw.get_column(n).cast(pl.Categorical(categories)) for n in flagged]
    texts = categories.to_series()  # by code: these columns' texts (and any the other half added)
    spelled = pl.DataFrame({"u": texts}).select(*_SPELLED)
    if spelled.get_column("early").any():
        return None
    respelled = spelled.get_column("v").cast(pl.Categorical(categories))
    return raw.with_columns([respelled.gather(c.to_physical()).alias(n) for n, c in zip(flagged, coded)]).fill_null("")


def _spelled_expressions() -> tuple[pl.Expr, ...]:
    """For each distinct text `u` of fastexcel's: `v`, as cell_text spells it, and `early`, whether
    it is a date python-calamine would give otherwise (see _respelled)."""
    c = pl.col("u")
    is_date = c.str.contains(_DATE_SPELLING)
    return (
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
    )


_SPELLED = _spelled_expressions()


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
