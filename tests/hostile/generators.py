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
