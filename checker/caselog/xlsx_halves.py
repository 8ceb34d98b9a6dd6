"""A big sheet parsed on two cores: its rows cut in two at a row boundary, each half a workbook of
its own in memory, parsed by fastexcel in a thread of its own (its parse lets go of the GIL).

fastexcel parses one sheet on one core, and at 100,000 rows that parse is most of the time
`chc metrics` takes on an XLSX log. The halves are made from the XML the safety scan has already
unpacked and held to the limits, so nothing is unpacked twice and nothing unchecked is parsed.
Each half keeps the sheet's own row numbers (`r="..."`), so the two frames are put back together
by row number; a half holding a row of the other (rows out of order) is not put together at all,
and the sheet is parsed in one piece instead (see xlsx_table._ColumnGrid.load).
"""

from __future__ import annotations

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


def stored_workbook(members: Sequence[tuple[str, Sequence[bytes | memoryview]]]) -> list[bytes | memoryview]:
    """A zip of `members` (name, and its bytes in pieces), stored without compression, as pieces
    to write one after the other: what fastexcel reads without unpacking anything."""
    out: list[bytes | memoryview] = []
    directory: list[bytes] = []
    offset = 0
    for name, pieces in members:
        encoded = name.encode("utf-8")
        size = sum(len(p) for p in pieces)
        crc = 0
        for piece in pieces:
            crc = _crc.crc32(piece, crc)
        if size >= 0xFFFFFFFF or offset >= 0xFFFFFFFF:
            raise ValueError("a part too large for a plain zip")
        # version 2.0, flag 0x800 (UTF-8 names), stored, a fixed time (1980-01-01 00:00)
        out.append(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 0, 0, 0x21, crc, size, size, len(encoded), 0) + encoded)
        out.extend(pieces)
        directory.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 0, 0, 0x21, crc, size, size,
                                     len(encoded), 0, 0, 0, 0, 0, offset) + encoded)
        offset += 30 + len(encoded) + size
    listing = b"".join(directory)
    out.append(listing)
    out.append(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(listing), offset, 0))
    return out


class _Book:
    """A workbook made of pieces, as fastexcel takes it: on Linux a file in memory (memfd) named
    by its /proc path, which fastexcel reads as it parses; elsewhere one bytes object, which it
    copies whole first (about a fifth of a half's parse, at 100,000 rows)."""

    def __init__(self, pieces: list[bytes | memoryview]):
        self.fd = -1
        self.source: str | bytes = b""
        try:
            self.fd = os.memfd_create("chc-xlsx-half", os.MFD_CLOEXEC)
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(self.fd, view):]
            path = f"/proc/self/fd/{self.fd}"
            if os.path.exists(path):
                self.source = path
                return
        except (AttributeError, OSError):  # no memfd here (not Linux), or no room for it
            pass
        self.close()
        self.source = b"".join(pieces)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class SplitRead:
    """The sheet's XML, kept as the scan unpacks it, parsed in two halves. Once the scan has checked
    the XML past its middle, it is cut at the next row tag, and the top half is parsed in a thread
    while the scan goes on; `finish` parses the bottom half once the whole sheet has been checked.

    `read` gives a workbook's sheet as text columns c0, c1, ... from column A and row 1 (None: it
    cannot), and `respell` turns those into the text chc reads (None: not exact)."""

    def __init__(self, size: int, member: str, parts: Sequence[tuple[str, bytes]],
                 read: Callable[[str | bytes], pl.DataFrame | None],
                 respell: Callable[[pl.DataFrame], pl.DataFrame | None]):
        self.middle = size // 2
        self.member, self.parts, self.read, self.respell = member, parts, read, respell
        self.chunks: list[bytes] = []
        self.searched = 0  # where the search for a row tag goes on from
        self.given_up = False  # the sheet cannot be cut so: it is parsed in one piece
        self.head: memoryview | None = None
        self.cut: tuple[int, int, int] | None = None  # (chunk, offset in it, row number)
        self.results: list = [None, None]
        self.worker: threading.Thread | None = None

    def add(self, chunk: bytes) -> None:
        """The next chunk of the sheet's XML, as unpacked (not yet checked)."""
        self.chunks.append(chunk)

    def checked(self, upto: int, prefix: bytes, grid: int, max_cells: int) -> None:
        """The scan has checked the XML up to byte `upto`, within every limit so far (`grid`:
        the cells of the grid the rows and columns seen so far make)."""
        if self.cut is not None or self.given_up or upto <= self.middle or grid > max_cells:
            return
        if self.head is None:
            opening = _SHEET_DATA.search(self.chunks[0])
            if opening is None:  # no plain <sheetData> to begin the bottom half with
                self.given_up = True
                return
            self.head = memoryview(self.chunks[0])[:opening.end()]
            self.searched = max(self.middle, opening.end())
        tag = b"<" + prefix + b"row "
        offset = 0
        for k, chunk in enumerate(self.chunks):
            end = offset + len(chunk)
            if end > self.searched:
                stop = min(len(chunk), upto - offset)
                at = chunk.find(tag, self.searched - offset, stop)
                close = chunk.find(b">", at, stop) if at >= 0 else -1
                if close >= 0:
                    self._cut(k, at, close, prefix)
                    return
                if at >= 0 and stop < len(chunk):
                    self.searched = offset + at  # its end is not checked yet: look again next time
                    return
                # a tag across two chunks is passed over (the next row's will do)
                self.searched = offset + (at + 1 if at >= 0 else max(stop - len(tag), self.searched - offset))
            if end >= upto:
                return
            offset = end

    def _cut(self, k: int, at: int, close: int, prefix: bytes) -> None:
        """Cut before the row tag at chunks[k][at:close], and start parsing the top half."""
        number = _ROW_NUMBER.search(self.chunks[k], at, close)
        if number is None:  # rows without numbers: the halves could not be put together
            self.given_up = True
            return
        self.cut = (k, at, int(number[1]))
        closing = b"</" + prefix + b"sheetData></" + prefix + b"worksheet>"
        top = (*self.chunks[:k], memoryview(self.chunks[k])[:at], closing)
        self.worker = threading.Thread(target=self._work, args=(0, top), name="chc-xlsx-half", daemon=True)
        self.worker.start()

    def finish(self) -> tuple[pl.DataFrame, pl.DataFrame | None] | None:
        """The whole sheet, checked: the bottom half parsed here, and the halves put together
        (raw, and respelled or None when not exact). None: parse the sheet in one piece."""
        if self.cut is None:
            return None
        k, at, row = self.cut
        bottom = (self.head, memoryview(self.chunks[k])[at:], *self.chunks[k + 1:])
        self.chunks = []
        self._work(1, bottom)
        self.worker.join()
        if self.results[0] is None or self.results[1] is None:
            return None
        (top_raw, top_text), (bottom_raw, bottom_text) = self.results
        raw = join_halves(top_raw, bottom_raw, row, None)
        if top_text is None or bottom_text is None:
            return raw, None
        return raw, join_halves(top_text, bottom_text, row, "")

    def abandon(self) -> None:
        """The sheet is not to be read so (a problem, or not exact): the top half's parse is waited for and dropped."""
        self.chunks = []
        if self.worker is not None:
            self.worker.join()
        self.results = [None, None]

    def _work(self, i: int, xml: tuple) -> None:
        book = _Book(stored_workbook([*((n, (b,)) for n, b in self.parts), (self.member, xml)]))
        try:
            raw = self.read(book.source)
        finally:
            book.close()
        if raw is not None and _in_place(raw, self.cut[2], top=i == 0):
            self.results[i] = (raw, self.respell(raw))


def _in_place(frame: pl.DataFrame, row: int, top: bool) -> bool:
    """Whether a half's frame holds values only in its own rows: above `row` (the top half), or
    from it on (the bottom one; fastexcel numbers the rows from the sheet's first)."""
    if top:
        return frame.height < row
    above = frame.head(row - 1)
    return not above.height or above.null_count().sum_horizontal().item() == above.height * above.width


def join_halves(top: pl.DataFrame, bottom: pl.DataFrame, row: int, empty: str | None) -> pl.DataFrame:
    """The halves' frames as the whole sheet parsed in one piece gives it; rows the top half does
    not reach are `empty`, as are columns a half does not reach."""
    above = row - 1
    width = max(top.width, bottom.width)
    top, bottom = _widened(top, width, empty), _widened(bottom, width, empty)
    if bottom.height <= above:
        return top  # nothing at or below the cut: the sheet ends in the top half
    if top.height < above:
        top = pl.concat([top, pl.DataFrame({c: pl.Series(c, [empty] * (above - top.height), pl.String) for c in top.columns})])
    return pl.concat([top, bottom.slice(above)])


def _widened(frame: pl.DataFrame, width: int, empty: str | None) -> pl.DataFrame:
    if frame.width == width:
        return frame
    return frame.with_columns([pl.lit(empty, pl.String).alias(f"c{i}") for i in range(frame.width, width)])
