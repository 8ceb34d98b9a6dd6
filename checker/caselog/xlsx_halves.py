"""A big sheet parsed on two cores: its rows cut in two at a row boundary, each half a workbook of
its own in memory, parsed by fastexcel in a thread of its own (its parse lets go of the GIL).

fastexcel parses a sheet on one core, and at 100,000 rows that parse was most of the time
`chc metrics` took on an XLSX log. So:

- The XML the safety scan unpacks is written, as it is unpacked, into the halves' workbooks
  (zips stored without compression, in memory): nothing is unpacked twice.
- Once the scan has checked the XML past its middle, the sheet is cut at the next row tag and the
  top half is parsed while the scan goes on; the bottom half is parsed once the whole sheet has
  been checked, so nothing unchecked is parsed.
- Each half keeps the sheet's own row numbers (`r="..."`), and the two frames are put back
  together by row number. A half holding a row of the other (rows out of order) is not put
  together at all: the sheet is parsed in one piece instead (see xlsx_table._ColumnGrid.load),
  as it is when it cannot be cut (rows without numbers) or a half cannot be read.

tests/test_xlsx_cells.py and tests/test_properties.py read sheets both ways and compare them.
"""

from __future__ import annotations

import io
import os
import re
import struct
import threading
import zlib
from typing import Callable, Sequence

import polars as pl

try:
    from isal import isal_zlib as _crc  # ISA-L's crc32: several times zlib's speed
except ImportError:
    _crc = zlib

#: Sheets whose XML is smaller than this are parsed in one piece (a thread costs more than it saves).
SPLIT_MIN_BYTES = 4 << 20
#: ... and larger than this too: the halves would hold the whole sheet's XML in memory once more.
SPLIT_MAX_BYTES = 256 << 20

_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\s*>")
_ROW_NUMBER = re.compile(rb'\sr="([0-9]+)"')


def _local_header(name: bytes, crc: int, size: int) -> bytes:
    # version 2.0, flag 0x800 (UTF-8 names), stored, a fixed time (1980-01-01 00:00)
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 0, 0, 0x21, crc, size, size, len(name), 0) + name


class StoredBook:
    """A workbook written as a zip stored without compression, its first part (the sheet) written
    as it comes and the others after it: what fastexcel reads without unpacking anything. On Linux
    it is a file in memory (a memfd) that fastexcel reads by its /proc path as it parses; elsewhere
    it is handed over as bytes, which fastexcel copies whole first (about a fifth of a half's parse,
    at 100,000 rows)."""

    def __init__(self, member: str):
        self.name = member.encode("utf-8")
        self.crc = self.size = 0
        self.fd = -1
        try:
            self.fd = os.memfd_create("chc-xlsx-half", os.MFD_CLOEXEC)
            self.file = io.FileIO(self.fd, "r+", closefd=False)
        except (AttributeError, OSError):  # no memfd here (not Linux), or no room for it
            self.fd = -1
            self.file = io.BytesIO()
        self.file.write(_local_header(self.name, 0, 0))  # written again when the part is whole

    def write(self, data: bytes | memoryview) -> None:
        """More of the sheet's XML."""
        self._raw(data)
        self.crc = _crc.crc32(data, self.crc)
        self.size += len(data)

    def cut_back(self, size: int, crc: int) -> None:
        """Keep only the first `size` bytes of the sheet's XML (whose crc32 is `crc`)."""
        self.file.truncate(30 + len(self.name) + size)
        self.file.seek(0, io.SEEK_END)
        self.size, self.crc = size, crc

    def source(self, parts: Sequence[tuple[str, bytes]]) -> str | bytes:
        """The workbook, with `parts` after the sheet, as fastexcel takes it (a path, or bytes)."""
        # (no zip64 needed: a sheet split, and the parts put beside it, are each at most SPLIT_MAX_BYTES)
        entries = [(self.name, self.crc, self.size, 0)]
        offset = 30 + len(self.name) + self.size
        for member, data in parts:
            name = member.encode("utf-8")
            crc = _crc.crc32(data)
            self.file.write(_local_header(name, crc, len(data)))
            self._raw(data)
            entries.append((name, crc, len(data), offset))
            offset += 30 + len(name) + len(data)
        listing = b"".join(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 0, 0, 0x21, crc, size, size,
                                       len(name), 0, 0, 0, 0, 0, at) + name for name, crc, size, at in entries)
        self._raw(listing + struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(listing), offset, 0))
        self.file.seek(0)
        self.file.write(_local_header(self.name, self.crc, self.size))
        if self.fd >= 0:
            path = f"/proc/self/fd/{self.fd}"
            if os.path.exists(path):
                return path
        self.file.seek(0)
        return self.file.read() if self.fd >= 0 else self.file.getvalue()

    def _raw(self, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            view = view[self.file.write(view):]

    def close(self) -> None:
        self.file.close()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class SplitRead:
    """The sheet's XML, written as the scan unpacks it, parsed in two halves. Once the scan has
    checked the XML past its middle, it is cut at the next row tag, and the top half is parsed in
    a thread while the scan goes on; `finish` parses the bottom half once the whole sheet has been
    checked. Only the last few chunks are held: the rest is in the halves' workbooks.

    `read(source, from_first)` gives a workbook's sheet as text columns c0, c1, ... from column A,
    and from row 1 (or, `from_first`, from the first row with a value); None when it cannot.
    `respell` turns those into the text chc reads (None: not exact)."""

    #: Chunks held for finding the cut: the unpacking runs ahead of the scan by at most the two
    #: chunks queued, the one being queued, and the one being scanned with the cell carried from
    #: the one before (if the chunk to cut is gone even so, the sheet is parsed in one piece).
    HELD = 6

    def __init__(self, size: int, member: str, parts: Sequence[tuple[str, bytes]],
                 read: Callable[[str | bytes, bool], pl.DataFrame | None],
                 respell: Callable[[pl.DataFrame], pl.DataFrame | None]):
        self.middle = size // 2  # (cutting at 42% or 58% of the XML was no faster)
        self.member, self.parts, self.read, self.respell = member, parts, read, respell
        self.held: list[tuple[int, int, bytes]] = []  # (offset, crc32 of the XML before it, chunk)
        self.unpacked = 0
        self.searched = 0  # where the search for a row tag goes on from
        self.head = b""  # the XML up to <sheetData>, which begins the bottom half too
        self.top = StoredBook(member)
        self.bottom: StoredBook | None = None
        self.row = 0  # the first row of the bottom half, once cut
        self.results: list = [None, None]
        self.error: BaseException | None = None  # raised in the top half's thread: raised again by finish
        self.worker: threading.Thread | None = None
        self.lock = threading.Lock()  # add is called by the thread unpacking the XML, the rest by the scan's
        self.one_piece = False  # the sheet cannot be cut (or a chunk could not be written): parse it whole

    def add(self, chunk: bytes) -> None:
        """The next chunk of the sheet's XML, as unpacked (not yet checked)."""
        with self.lock:
            if self.one_piece:
                return
            if not self.unpacked:
                opening = _SHEET_DATA.search(chunk)
                if opening is None:  # no plain <sheetData> to begin the bottom half with
                    self.one_piece = True
                    return
                self.head = bytes(chunk[:opening.end()])
                self.searched = max(self.middle, opening.end())
            book = self.bottom or self.top
            self.held = [*self.held[1 - self.HELD:], (self.unpacked, self.top.crc, chunk)] if self.bottom is None else []
            try:
                book.write(chunk)
            except OSError:  # no room in memory for it
                self.one_piece = True
            self.unpacked += len(chunk)

    def checked(self, upto: int, prefix: bytes, grid: int, max_cells: int) -> None:
        """The scan has checked the XML up to byte `upto`, within every limit so far (`grid`:
        the cells of the grid the rows and columns seen so far make)."""
        with self.lock:
            if self.bottom is None and not self.one_piece and upto > self.middle and grid <= max_cells:
                self._search(upto, prefix)

    def _search(self, upto: int, prefix: bytes) -> None:
        tag = b"<" + prefix + b"row "
        for offset, crc, chunk in self.held:
            end = offset + len(chunk)
            if end > self.searched:
                if self.searched < offset:  # the search would begin in a chunk no longer held
                    self.one_piece = True
                    return
                stop = min(len(chunk), upto - offset)
                at = chunk.find(tag, self.searched - offset, stop)
                close = chunk.find(b">", at, stop) if at >= 0 else -1
                if close >= 0:
                    self._cut(offset, crc, chunk, at, close, prefix)
                    return
                if at >= 0 and stop < len(chunk):
                    self.searched = offset + at  # its end is not checked yet: look again next time
                    return
                # a tag across two chunks is passed over (the next row's will do)
                self.searched = offset + (at + 1 if at >= 0 else max(stop - len(tag), self.searched - offset))
            if end >= upto:
                return

    def _cut(self, offset: int, crc: int, chunk: bytes, at: int, close: int, prefix: bytes) -> None:
        """Cut before the row tag at chunk[at:close] (the chunk at `offset` of the XML), and start
        parsing the top half."""
        number = _ROW_NUMBER.search(chunk, at, close)
        if number is None:  # rows without numbers: the halves could not be put together
            self.one_piece = True
            return
        self.row = int(number[1])
        if self.row < 2:
            self.one_piece = True
            return
        self.bottom = StoredBook(self.member)
        self.bottom.write(self.head)
        self.bottom.write(_marker_row(prefix, self.row - 1))
        for later, _, piece in self.held:  # what of the cut chunk, and those after it, is below the cut
            if later >= offset:
                self.bottom.write(memoryview(piece)[at:] if later == offset else piece)
        self.held = []
        view = memoryview(chunk)[:at]
        self.top.cut_back(offset + at, _crc.crc32(view, crc))
        self.top.write(b"</" + prefix + b"sheetData></" + prefix + b"worksheet>")
        self.worker = threading.Thread(target=self._top, name="chc-xlsx-half", daemon=True)
        self.worker.start()

    def finish(self) -> tuple[pl.DataFrame, pl.DataFrame | None] | None:
        """The whole sheet, checked: the bottom half parsed here, and the halves put together
        (raw, and respelled or None when not exact). None: parse the sheet in one piece."""
        if self.bottom is None or self.one_piece:
            self.abandon()
            return None
        try:
            self._work(1)
        finally:
            self.worker.join()
        if self.error is not None:
            raise self.error
        if self.results[0] is None or self.results[1] is None:
            return None
        (top_raw, top_text), (bottom_raw, bottom_text) = self.results
        raw = join_halves(top_raw, bottom_raw, self.row, None)
        if top_text is None or bottom_text is None:
            return raw, None
        return raw, join_halves(top_text, bottom_text, self.row, "")

    def abandon(self) -> None:
        """The sheet is not to be read so (a problem, or not exact): the top half's parse is waited for and dropped."""
        if self.worker is not None:
            self.worker.join()
        self._close()
        self.results = [None, None]

    def _close(self) -> None:
        """Parse the sheet in one piece (never called while the top half is being parsed)."""
        self.one_piece = True
        self.held = []
        for book in (self.top, self.bottom):
            if book is not None:
                book.close()

    def _top(self) -> None:
        try:
            self._work(0)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread, which raises it
            self.error = exc

    def _work(self, i: int) -> None:
        book = (self.top, self.bottom)[i]
        try:
            raw = self.read(book.source(self.parts), i == 1)
        finally:
            book.close()
        if raw is not None and _in_place(raw, self.row, top=i == 0):
            if i == 1:
                raw = raw.slice(1)  # the rows from the cut on, without the marker
            self.results[i] = (raw, self.respell(raw))


#: The text of the marker cell that begins the bottom half's rows (see _marker_row).
MARKER = "chc: the cut"


def _marker_row(prefix: bytes, row: int) -> bytes:
    """A row of one cell, A`row`, holding MARKER: put just above the bottom half's rows, so that
    fastexcel, told to begin at the first row with a value, begins there, and not at row 1 with
    as many empty rows as the top half has (an eighth of the half's parse, at 100,000 rows)."""
    p = prefix
    return (b'<%srow r="%d"><%sc r="A%d" t="inlineStr"><%sis><%st>%s</%st></%sis></%sc></%srow>'
            % (p, row, p, row, p, p, MARKER.encode(), p, p, p, p))


def _in_place(frame: pl.DataFrame, row: int, top: bool) -> bool:
    """Whether a half's frame holds values only in its own rows: above `row` (the top half, read
    from row 1), or from it on (the bottom one, read from its first row with a value, which is the
    marker row just above `row` unless a row of the top half's is in it, or in the marker's row)."""
    if top:
        return frame.height < row
    if frame.height == 0 or frame.item(0, 0) != MARKER:
        return False
    first = frame.head(1)
    return first.null_count().sum_horizontal().item() == first.width - 1


def join_halves(top: pl.DataFrame, bottom: pl.DataFrame, row: int, empty: str | None) -> pl.DataFrame:
    """The top half's frame (rows from the sheet's first) and the bottom half's (rows from `row`
    on) as the whole sheet parsed in one piece gives it; rows between that the top half does not
    reach are `empty`, as are columns a half does not reach."""
    above = row - 1
    width = max(top.width, bottom.width)
    top, bottom = _widened(top, width, empty), _widened(bottom, width, empty)
    # a column categorical in one half only (dates in it, say) is made so in the other (its categories are shared)
    top = top.with_columns([top[c].cast(bottom[c].dtype) for c in top.columns if top[c].dtype == pl.String != bottom[c].dtype])
    bottom = bottom.with_columns([bottom[c].cast(top[c].dtype) for c in bottom.columns if bottom[c].dtype == pl.String != top[c].dtype])
    if bottom.height == 0:
        return top  # nothing at or below the cut: the sheet ends in the top half
    if top.height < above:
        gap = pl.DataFrame({c: pl.Series(c, [empty] * (above - top.height), pl.String).cast(top[c].dtype) for c in top.columns})
        top = pl.concat([top, gap])
    return pl.concat([top, bottom])


def _widened(frame: pl.DataFrame, width: int, empty: str | None) -> pl.DataFrame:
    if frame.width == width:
        return frame
    return frame.with_columns([pl.lit(empty, pl.String).alias(f"c{i}") for i in range(frame.width, width)])
