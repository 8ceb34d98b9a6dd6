"""Opening an input file safely: is it what its extension says, and is it of a sane size?

Refused files are input problems at the file's name (never a traceback): a .docx that is not a
Word document, a zip that would unpack to far more than a form could hold (a zip bomb), a file
or a document larger than any self-assessment. The limits are far above real forms (a 72-row
form is tens of kilobytes; a saved web page with its scripts a few megabytes) and far below what
would take minutes or gigabytes to read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ...problems import InputError, Location, Problem
from .tables import RawTable

MB = 1024 * 1024
MAX_FILE = {"docx": 50 * MB, "xlsx": 50 * MB, "html": 20 * MB, "csv": 20 * MB}
MAX_UNZIPPED = 200 * MB  # all the parts of a .docx or .xlsx, unpacked
MAX_PART_RATIO = 200  # a part unpacking to more than 200 times its packed size (and over 10 MB) is a bomb
MAX_ZIP_ENTRIES = 5_000
MAX_TABLES = 1_000  # a form has one table per section, a page or two more
MAX_ROWS = 20_000
KINDS = {".docx": "docx", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".xlsm": "xlsx", ".csv": "csv"}
WHAT = {"docx": "a Word document (.docx)", "html": "a web page (.html)", "xlsx": "an Excel workbook (.xlsx)", "csv": "a CSV file"}


@dataclass
class Source:
    """What one file gave: its tables in order, and the headings and title around them."""

    name: str
    kind: str
    tables: list[RawTable] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def refuse(name: str, message: str, rule: str = "not-readable") -> InputError:
    return InputError([Problem(Location(name), message, rule)])


def kind_of(path: Path, name: str) -> str:
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise refuse(name, f"chc import reads .docx, .html, .htm, .xlsx and .csv files, not '{path.suffix or 'no extension'}'; "
                           "save the form in one of those formats", "unsupported-format")
    return kind


def read_bytes(path: Path, name: str, kind: str) -> bytes:
    """The file's bytes, after checking that it is a regular file of a sane size."""
    try:
        if not path.is_file():
            raise refuse(name, "is not a file" if path.exists() else "does not exist", "not-found")
        size = path.stat().st_size
        if size > MAX_FILE[kind]:
            raise refuse(name, f"is {size / MB:.1f} MB; chc reads {WHAT[kind]} of up to {MAX_FILE[kind] // MB} MB "
                               "(a self-assessment form is far smaller)", "too-large")
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(name, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise refuse(name, "is empty", "empty")
    return data


def sniff(data: bytes) -> str:
    """What the bytes are, whatever the extension says."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    if data.startswith(b"%PDF"):
        return "pdf"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def not_what_it_says(name: str, kind: str, found: str, inside: str = "") -> InputError:
    what = {
        "ole": "an old-style Office file (.doc or .xls); open it and save it as .docx or .xlsx",
        "pdf": "a PDF; chc cannot read tables from PDFs: open the form it came from (Word or the web page)",
        "binary": "binary data, not text",
        "text": "text, not a zip package",
        "zip": "a zip package, not text",
    }.get(found, found)
    if inside:
        what = inside
    return refuse(name, f"is not {WHAT[kind]}: it is {what}", "wrong-format")


def open_zip(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """The .docx or .xlsx package, after the checks against zip bombs."""
    import io

    found = sniff(data)
    if found != "zip":
        raise not_what_it_says(name, kind, found)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise refuse(name, f"is a damaged zip package ({exc}); open it and save it again", "wrong-format") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise refuse(name, f"holds {len(entries)} parts; a {kind} form has a few dozen", "too-large")
    total = sum(e.file_size for e in entries)
    if total > MAX_UNZIPPED:
        raise refuse(name, f"would unpack to {total / MB:.0f} MB (a zip bomb?); chc unpacks at most {MAX_UNZIPPED // MB} MB", "too-large")
    for entry in entries:
        if entry.file_size > 10 * MB and entry.file_size > MAX_PART_RATIO * max(entry.compress_size, 1):
            raise refuse(name, f"part {entry.filename} would unpack to {entry.file_size / MB:.0f} MB from "
                               f"{entry.compress_size / 1024:.0f} KB (a zip bomb?)", "too-large")
    names = {e.filename for e in entries}
    want = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}[kind]
    if want not in names:
        other = "a Word document; rename it .docx" if "word/document.xml" in names else \
            "an Excel workbook; rename it .xlsx" if "xl/workbook.xml" in names else \
            "a zip package with no " + ("document" if kind == "docx" else "workbook") + " in it"
        raise not_what_it_says(name, kind, "zip", other)
    return package


def check_counts(name: str, tables: int, rows: int) -> None:
    if tables > MAX_TABLES:
        raise refuse(name, f"has {tables:,} tables; chc reads at most {MAX_TABLES:,} (a self-assessment has one a section)", "too-large")
    if rows > MAX_ROWS:
        raise refuse(name, f"has {rows:,} table rows; chc reads at most {MAX_ROWS:,} (a self-assessment has about 80)", "too-large")


def read_source(path: Path, name: str) -> Source:
    """Every table of one file, with the text around them; InputError if the file is refused."""
    kind = kind_of(path, name)
    data = read_bytes(path, name, kind)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data, name)
    if kind == "html":
        from .html import read_html

        return read_html(data, name)
    from .sheet import read_csv, read_xlsx

    return read_xlsx(data, name) if kind == "xlsx" else read_csv(data, name)
