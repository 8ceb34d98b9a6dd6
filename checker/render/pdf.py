"""PDF on A4 from chc's HTML outputs, printed by headless Chromium.

Why Chromium: it is the browser the HTML outputs are tested in, so print and screen share one
layout engine; it supports the CSS the templates use (@page size and margin boxes for the running
header and page numbers, repeated table headers, break-inside/after); and it adds nothing to
chc's own install (WeasyPrint would need Pango and about 20 MB of Python packages for every user,
for a format most never ask for). It is optional: without it `--format pdf` stops with a message
saying how to get it.

Determinism: Chromium stamps the print time as /CreationDate and /ModDate; both are overwritten
with a fixed date of the same length, so the xref offsets stay valid and the same HTML printed by
the same Chromium gives the same bytes. /Creator names the Chromium version, so a different
Chromium may give different bytes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..output import write_atomic

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--mute-audio", "--no-pdf-header-footer",
         "--run-all-compositor-stages-before-draw")
FIXED_DATE = b"D:19800101000000+00'00'"
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]{0,8}\)")
HOW_TO_GET = ("PDF output is printed by Chromium, which was not found. Install it (Debian/Ubuntu: "
              "`sudo apt-get install chromium`; macOS: install Google Chrome), or set CHROMIUM to its path; "
              "or write HTML (--format html) and print that to PDF from a browser.")


class PdfEngineMissing(RuntimeError):
    """No Chromium to print with."""


class PdfFailed(RuntimeError):
    """Chromium ran but produced no PDF."""


def find_chromium() -> str | None:
    """$CHROMIUM if set (empty means: none), else the usual names on PATH, else /usr/bin/chromium."""
    explicit = os.environ.get("CHROMIUM")
    if explicit is not None:
        return explicit if explicit and Path(explicit).is_file() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


def render_pdf(html_text: str, *, chromium: str | None = None, timeout: int = 120) -> bytes:
    """The HTML printed to PDF (A4 and margins come from the page's own @page rules)."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise PdfEngineMissing(HOW_TO_GET)
    with tempfile.TemporaryDirectory(prefix="chc-pdf-") as tmp:
        page, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        write_atomic(page, html_text)  # a scratch copy for Chromium to open
        proc = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", page.as_uri()],
            capture_output=True, text=True, timeout=timeout)
        if not out.is_file() or out.stat().st_size == 0:
            raise PdfFailed(f"Chromium ({chromium}) did not print a PDF (exit {proc.returncode}): {proc.stderr.strip()[-500:]}")
        return fix_dates(out.read_bytes())


def fix_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates fixed, byte lengths kept (xref stays valid)."""
    def same_length(m: re.Match) -> bytes:
        original = m.group(0)
        fixed = b"/" + m.group(1) + b" (" + FIXED_DATE + b")"
        if len(fixed) > len(original):
            fixed = b"/" + m.group(1) + b" (" + FIXED_DATE[: len(FIXED_DATE) - (len(fixed) - len(original))] + b")"
        return fixed + b" " * (len(original) - len(fixed))
    return _DATE.sub(same_length, pdf)
