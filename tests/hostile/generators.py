"""Inputs too large, too binary or too tied to the file system to commit: made at test time.

Each generator writes one input into the case's temporary folder. `tests/hostile/cases.yaml`
names it under `make:` (`fn` plus keyword arguments), e.g.

    make: {fn: encoded, source: valid.yaml, encoding: utf-16-le, bom: true}
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
import shutil
import zipfile
from pathlib import Path

INPUTS = Path(__file__).parent / "inputs"

BOMS = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}


def encoded(folder: Path, target: str, source: str, encoding: str = "utf-8", bom: bool = False,
            replace: dict | None = None) -> None:
    """An input file re-encoded (UTF-16, Latin-1...), with or without a byte-order mark, after
    replacing marker text (e.g. a control character that would be invisible in a committed file)."""
    text = (INPUTS / source).read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    data = text.encode(encoding)
    (folder / target).write_bytes((BOMS[encoding] if bom else b"") + data)


def alias_bomb(folder: Path, target: str, levels: int = 9, width: int = 9) -> None:
    """'Billion laughs': ten lines that expand to width**levels values (387,420,489 by default)."""
    lines = ["code: hos-2024", f"x-l0: &l0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels + 1):
        lines.append(f"x-l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * width)}]")
    (folder / target).write_text("\n".join(lines) + "\n", encoding="utf-8")


def deep_flow(folder: Path, target: str, depth: int = 10_000) -> None:
    """A flow sequence nested `depth` deep on one line: [[[[...]]]]."""
    (folder / target).write_text("code: hos-2024\nx-deep: " + "[" * depth + "]" * depth + "\n", encoding="utf-8")


def deep_block(folder: Path, target: str, depth: int = 200) -> None:
    """Block mappings nested `depth` deep, two spaces per level."""
    lines = ["code: hos-2024", "x-deep:"] + [("  " * (i + 1)) + f"k{i}:" for i in range(depth)]
    (folder / target).write_text("\n".join(lines) + "\n" + "  " * (depth + 1) + "end\n", encoding="utf-8")


def many_values(folder: Path, target: str, lines: int = 10_000, per_line: int = 30) -> None:
    """A file under the size limit whose values are too many (each line a flow list)."""
    row = "[" + ", ".join(str(i) for i in range(per_line)) + "]"
    body = "".join(f"x-{i}: {row}\n" for i in range(lines))
    (folder / target).write_text("code: hos-2024\n" + body, encoding="utf-8")


def sparse(folder: Path, target: str, size: int) -> None:
    """A file of `size` bytes that takes no disk space (a sparse file; it reads as NUL bytes)."""
    with open(folder / target, "wb") as out:
        out.truncate(size)


def copy_with_links(folder: Path, target: str, source: str, links: dict[str, str]) -> None:
    """An input plus symbolic links beside it: `links` maps a link name to what it points at
    (a file made in the folder when the name has no slash, else a path outside)."""
    shutil.copyfile(INPUTS / source, folder / target)
    for name, to in links.items():
        if "/" not in to:
            (folder / to).write_text("a file inside the folder\n", encoding="utf-8")
        os.symlink(to, folder / name)


def fifo(folder: Path, target: str) -> None:
    """A named pipe where a file is expected: reading it would wait for ever (like /dev/zero, for ever)."""
    os.mkfifo(folder / target)


# -- XLSX case logs -------------------------------------------------------------------------------

HEADER = ["id", "stage", "received", "acknowledged", "responded", "category"]


def xlsx_log(folder: Path, target: str, variant: str) -> None:
    """A small XLSX case log (sheet 'Cases') with one kind of spreadsheet trouble:

    - merged: category merged over two rows (F2:F3), and a title merged across a row (A5:F5);
    - formulas: dates as formulas never calculated (a workbook written by a program);
    - formulas-saved: the same formulas with the results Excel saves beside them;
    - text: dates and numbers stored as text, in the forms exports use;
    """
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cases"
    ws.append(HEADER)
    d = dt.date
    if variant == "merged":
        ws.append(["C1", 1, d(2024, 4, 1), d(2024, 4, 2), d(2024, 4, 10), "Repairs"])
        ws.append(["C2", 1, d(2024, 4, 3), d(2024, 4, 4), d(2024, 4, 12), None])
        ws.append(["C3", 1, d(2024, 4, 5), d(2024, 4, 8), d(2024, 4, 15), "Noise"])
        ws.append(["Totals for April", None, None, None, None, None])
        ws.merge_cells("F2:F3")
        ws.merge_cells("A5:F5")
    elif variant in ("formulas", "formulas-saved"):
        ws.append(["C1", 1, d(2024, 4, 1), "=C2+1", "=D2+7", "Repairs"])
        ws.append(["C2", 1, d(2024, 4, 3), d(2024, 4, 4), d(2024, 4, 12), "=UPPER(\"noise\")"])
        for row in (2, 3):
            for col in "CDE":
                ws[f"{col}{row}"].number_format = "yyyy-mm-dd"
    elif variant == "text":
        ws.append(["C1", "1", "01/04/2024", "2024-04-02", "10 Apr 2024", "Repairs"])
        ws.append(["C2", "1.0", "3-Apr-2024", "04.04.2024", "45394", "Noise"])
        ws.append(["C3", " 2 ", "05/04/2024 09:30", "2024-04-08T10:00:00", "15/04/24", "Noise"])
        ws.append(["C4", "Stage 1", "31/02/2024", "", "", "Repairs"])
    else:  # pragma: no cover - a typo in cases.yaml
        raise ValueError(variant)
    path = folder / target
    wb.save(path)
    if variant == "formulas-saved":
        _save_results(path, {"D2": "45384", "E2": "45391", "F3": "NOISE"})


def _save_results(path: Path, results: dict[str, str]) -> None:
    """Give formula cells the saved results Excel would write (openpyxl writes none)."""
    member = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    out = path.with_suffix(".tmp")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == member:
                xml = data.decode("utf-8")
                for ref, value in results.items():
                    kind = ' t="str"' if not value.isdigit() else ""
                    xml, n = re.subn(rf'<c r="{ref}"([^>]*)>(<f>.*?</f>)(?:<v\s*/>|<v></v>)', rf'<c r="{ref}"\1{kind}>\2<v>{value}</v>', xml)
                    assert n == 1, ref
                data = xml.encode("utf-8")
            z.writestr(info, data)
    out.replace(path)


def damaged_xlsx(folder: Path, target: str, how: str) -> None:
    """A workbook broken on the way: the file cut in half ("truncated-file"), the sheet's XML cut
    in half inside a sound zip ("truncated-sheet"), or a zip that holds no workbook ("not-a-workbook")."""
    path = folder / target
    if how == "not-a-workbook":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "not a workbook")
        return
    xlsx_log(folder, target, "text")
    data = path.read_bytes()
    if how == "truncated-file":
        path.write_bytes(data[: len(data) // 2])
        return
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, member in items:
            z.writestr(info, member[: len(member) * 2 // 3] if info.filename == "xl/worksheets/sheet1.xml" else member)


def zip_named_csv(folder: Path, target: str) -> None:
    """An XLSX workbook saved under a .csv name."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.save(folder / target)


def long_field(folder: Path, target: str, size: int = 200_000) -> None:
    """A CSV whose fourth line has a cell longer than Python's csv field limit (131,072)."""
    (folder / target).write_text("id,stage,received\nC1,1,01/04/2024\nC2,1,02/04/2024\nC3,1," + "x" * size + "\n", encoding="utf-8")


GENERATORS = {f.__name__: f for f in (encoded, alias_bomb, deep_flow, deep_block, many_values, sparse,
                                       copy_with_links, fifo, xlsx_log, damaged_xlsx, zip_named_csv,
                                       long_field)}


def make(folder: Path, target: str, spec: dict) -> None:
    spec = dict(spec)
    GENERATORS[spec.pop("fn")](folder, target, **spec)


# -- case-log reading (helper caselogread): bombs, hidden sheets and rows, odd CSV ------------------

def _deflate_repeated(prefix: bytes, chunk: bytes, count: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + chunk * count + suffix, made by compressing the chunk once and
    repeating it (each piece ends on a full flush, so none refers back): a large part, quickly.
    Returns (compressed, uncompressed size, CRC-32)."""
    import zlib

    def piece(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)

    body = piece(chunk)
    crc = zlib.crc32(prefix)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    end = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = piece(prefix) + body * count + end.compress(suffix) + end.flush()
    return data, len(prefix) + len(chunk) * count + len(suffix), crc


def _write_zip(path: Path, parts: list[tuple[str, bytes, int, int]]) -> None:
    """A zip of already-deflated parts (name, raw deflate, size, CRC-32), no zip64: sizes < 4 GiB."""
    import struct

    out = bytearray()
    central = bytearray()
    for name, data, size, crc in parts:
        fname = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(fname), 0) + fname + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                               len(fname), 0, 0, 0, 0, 0, offset) + fname
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), len(out), 0)
    path.write_bytes(bytes(out))


def _xlsx_parts(build) -> dict[str, bytes]:
    """The parts of a workbook made with openpyxl by `build(wb)`."""
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    build(wb)
    buffer = io.BytesIO()
    wb.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return {name: z.read(name) for name in z.namelist()}


def _small_log(wb) -> None:
    ws = wb.active
    ws.title = "Cases"
    ws.append(HEADER)
    ws.append(["C1", 1, dt.date(2024, 4, 1), dt.date(2024, 4, 2), dt.date(2024, 4, 10), "Repairs"])


def xlsx_bomb(folder: Path, target: str, part: str, megabytes: int) -> None:
    """A small workbook with one part that unpacks to `megabytes` MB: xl/sharedStrings.xml holding
    one cell of that size (the cell A2 reads it), or xl/styles.xml padded with a comment."""
    import zlib

    parts = _xlsx_parts(_small_log)
    if part == "xl/sharedStrings.xml":
        sheet = parts["xl/worksheets/sheet1.xml"].replace(b'<c r="A2" t="inlineStr"><is><t>C1</t></is></c>', b'<c r="A2" t="s"><v>0</v></c>')
        assert sheet != parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet
        prefix = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'
        suffix = b"</t></si></sst>"
        types = parts["[Content_Types].xml"]
        if b"sharedStrings" not in types:
            parts["[Content_Types].xml"] = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            rels = parts["xl/_rels/workbook.xml.rels"]
            parts["xl/_rels/workbook.xml.rels"] = rels.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    elif part == "xl/styles.xml":
        styles = parts["xl/styles.xml"]
        cut = styles.rindex(b"</styleSheet>")
        prefix, suffix = styles[:cut] + b"<!--", b"-->" + styles[cut:]
    else:  # pragma: no cover - a typo in the cases
        raise ValueError(part)
    big = _deflate_repeated(prefix, b"x" * (1 << 20), megabytes, suffix)
    out = []
    for name, data in parts.items():
        if name == part:
            out.append((name, *big))
            continue
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        out.append((name, c.compress(data) + c.flush(), len(data), zlib.crc32(data)))
    if part not in parts:
        out.append((part, *big))
    _write_zip(folder / target, out)


def xlsx_shaped(folder: Path, target: str, variant: str) -> None:
    """A workbook shaped as exports and people leave them:

    - hidden-first-sheet: last year's rows on a hidden first sheet, this year's on the active one;
    - filtered-rows: two test rows hidden by the sheet's filter;
    - error-id: an id cell holding #REF! (its formula pointed at a deleted sheet);
    - title-rows: a report title and a blank row above the header;
    - summary-first: a summary sheet first, the cases on the second sheet.
    """
    d = dt.date

    def rows(ws, first=1):
        ws.append(HEADER)
        ws.append([f"C{first}", 1, d(2024, 4, 1), d(2024, 4, 2), d(2024, 4, 10), "Repairs"])
        ws.append([f"C{first + 1}", 1, d(2024, 4, 3), d(2024, 4, 4), d(2024, 4, 12), "Noise"])

    wb = __import__("openpyxl").Workbook()
    ws = wb.active
    ws.title = "Cases"
    if variant == "hidden-first-sheet":
        ws.title = "2023-24"
        rows(ws, 100)
        ws.sheet_state = "hidden"
        cases = wb.create_sheet("Cases")
        rows(cases)
        wb.active = 1
    elif variant == "filtered-rows":
        rows(ws)
        ws.append(["TEST - do not count", 1, d(2024, 4, 5), d(2024, 4, 5), d(2024, 4, 6), "Repairs"])
        ws.append(["C3", 1, d(2024, 4, 8), d(2024, 4, 9), d(2024, 4, 15), "Repairs"])
        ws.append(["TEST 2 - do not count", 1, d(2024, 4, 8), d(2024, 4, 9), d(2024, 4, 10), "Noise"])
        ws.auto_filter.ref = "A1:F6"
        ws.row_dimensions[4].hidden = True
        ws.row_dimensions[6].hidden = True
    elif variant == "error-id":
        rows(ws)
        ws.append(["#ERR", 1, d(2024, 4, 5), d(2024, 4, 8), d(2024, 4, 15), "Repairs"])
        for i in range(3, 61):  # enough good rows that one left out stays under any share limit
            ws.append([f"C{i}", 1, d(2024, 5, 1), d(2024, 5, 2), d(2024, 5, 10), "Repairs"])
    elif variant == "title-rows":
        ws.append(["Complaints export - Riverside Homes"])
        ws.append([])
        rows(ws)
    elif variant == "summary-first":
        ws.title = "Summary"
        ws.append(["Complaints 2024-25"])
        ws.append(["Stage 1 received", 2])
        rows(wb.create_sheet("Cases"))
    else:  # pragma: no cover - a typo in the cases
        raise ValueError(variant)
    path = folder / target
    wb.save(path)
    if variant == "error-id":
        with zipfile.ZipFile(path) as z:
            items = [(i, z.read(i.filename)) for i in z.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in items:
                if info.filename == "xl/worksheets/sheet1.xml":
                    new = data.replace(b'<c r="A4" t="inlineStr"><is><t>#ERR</t></is></c>', b'<c r="A4" t="e"><f>Old!A4</f><v>#REF!</v></c>')
                    assert new != data
                    data = new
                z.writestr(info, data)


def csv_shaped(folder: Path, target: str, variant: str) -> None:
    """A CSV case log with one kind of trouble:

    - sep-line: Excel's 'sep=;' first line, then a ';' header;
    - nul-late: a NUL byte on a line past the first 64 KiB;
    - long-quoted-cell: a quoted cell opened on line 3 that runs on for 300 lines;
    """
    header = "id,stage,received,acknowledged,responded,category\n"
    row = "C{0},1,01/04/2024,02/04/2024,10/04/2024,Repairs\n"
    if variant == "sep-line":
        text = "sep=;\n" + header.replace(",", ";") + "C1;1;01/04/2024;02/04/2024;10/04/2024;Repairs\n"
    elif variant == "nul-late":
        text = header + "".join(row.format(i) for i in range(1, 2001)) + "C2001,1,01/04/2024,02/04/2024,10/04/2024,Rep\x00airs\n"
    elif variant == "long-quoted-cell":
        text = header + row.format(1) + 'C2,1,01/04/2024,02/04/2024,10/04/2024,"Repairs\n' + "more words\n" * 299 + 'end"\n' + row.format(3)
    else:  # pragma: no cover - a typo in the cases
        raise ValueError(variant)
    (folder / target).write_text(text, encoding="utf-8")


def encrypted_xlsx(folder: Path, target: str) -> None:
    """What Excel writes for a workbook with a password: an OLE2 compound file (the old .xls
    container) whose directory holds EncryptionInfo and EncryptedPackage streams."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 32)
    entries = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64) for name in ("Root Entry", "EncryptionInfo", "EncryptedPackage"))
    (folder / target).write_bytes(header + entries + bytes(4096))


GENERATORS.update({f.__name__: f for f in (xlsx_bomb, xlsx_shaped, csv_shaped, encrypted_xlsx)})


def xlsx_far_cell(folder: Path, target: str) -> None:
    """A small case log plus one stray cell at XFD1048576, the sheet's far corner: a reader that
    holds the sheet as a grid from A1 would need 17 billion cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    _small_log(wb)
    wb.active["XFD1048576"] = "x"
    wb.save(folder / target)


GENERATORS.update({f.__name__: f for f in (xlsx_far_cell,)})


# ------------------------------------------------------------------------------ chc import inputs

def _docx_with_body(path: Path, body_xml: str) -> None:
    """A Word document (python-docx's own template) whose body is `body_xml`."""
    import io as _io

    import docx

    buffer = _io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(_io.BytesIO(buffer.getvalue())) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                start, end = text.index("<w:body>") + len("<w:body>"), text.index("</w:body>")
                data = (text[:start] + body_xml + text[end:]).encode("utf-8")
            out.writestr(info, data)


def _w_table(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"

    return "<w:tbl>" + "".join("<w:tr>" + "".join(cell(t) for t in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def docx_many_tables(folder: Path, target: str, tables: int = 10_000) -> None:
    """A Word document with `tables` small self-assessment tables."""
    one = _w_table([["Provision", "Comply", "Evidence"], ["6.3", "Yes", "Policy"]]) + "<w:p/>"
    _docx_with_body(folder / target, one * tables)


def docx_zip_bomb(folder: Path, target: str, megabytes: int = 300) -> None:
    """A .docx of a few hundred KB whose document part unpacks to `megabytes` MB of spaces."""
    import io as _io

    import docx

    buffer = _io.BytesIO()
    docx.Document().save(buffer)
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(_io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(folder / target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                with out.open("word/document.xml", "w", force_zip64=True) as part:
                    part.write(source.read(info.filename)[:-len(b"</w:document>")])
                    for _ in range(megabytes):
                        part.write(chunk)
                    part.write(b"</w:document>")
            else:
                out.writestr(info, source.read(info.filename))


def html_hostile(folder: Path, target: str, depth: int = 3_000) -> None:
    """A page whose scripts write tables, whose form has tables nested in its cells, and which ends
    in tables nested `depth` deep."""
    rows = "".join(f"<tr><td>6.{n}</td><td>Yes</td><td>Policy (section {n})</td>"
                   f"<td>Fine<table><tr><th>Provision</th><th>Comply</th></tr><tr><td>9.9</td><td>No</td></tr></table></td></tr>"
                   for n in range(1, 6))
    script = '<script>var t = "<table><tr><th>Provision</th><th>Comply</th></tr><tr><td>1.2</td><td>No</td></tr></table>";' \
             "document.write(t);</script>"
    page = (f"<html><head><title>Self-assessment</title>{script}</head><body>{script}"
            "<h1>Complaint Handling Code 2024 self-assessment</h1>"
            f"<table><tr><th>Provision</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr>{rows}</table>"
            + "<table><tr><td>" * depth + "deep" + "</td></tr></table>" * depth + f"{script}</body></html>")
    (folder / target).write_text(page, encoding="utf-8")


def big_page(folder: Path, target: str, megabytes: int = 50) -> None:
    """A web page of `megabytes` MB (a table of many rows)."""
    row = "<tr><td>6.3</td><td>Yes</td><td>" + "x" * 1000 + "</td></tr>\n"
    with (folder / target).open("w", encoding="utf-8") as out:
        out.write("<html><body><table><tr><th>Provision</th><th>Comply</th><th>Evidence</th></tr>\n")
        for _ in range(megabytes * 1024 * 1024 // len(row) + 1):
            out.write(row)
        out.write("</table></body></html>\n")


GENERATORS.update({f.__name__: f for f in (docx_many_tables, docx_zip_bomb, html_hostile, big_page)})
