"""Writes the import fixtures beside this script: a Word form in the Ombudsman's layout, a council's
web pages (one section a page), a spreadsheet and a CSV. Every answer, evidence line and comment
is invented for these tests (no landlord's text); requirements are chc's own wording of the Code.

    python tests/data/import/make_fixtures.py        # then review and commit the files

The expected submissions (*.expected.yaml) are what `chc import` gives for them, checked by eye
once and compared byte for byte by tests/test_import.py. When the shared YAML writer changes
(its placeholders, its styles), remake them and review the diff:

    CHC_REGENERATE_IMPORT=1 python -m pytest tests/test_import.py -k golden_import && git diff tests/data/import
"""

from __future__ import annotations

import html
import io
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent.parent))

from checker.codes import load_code  # noqa: E402

ANSWERS = ("Yes", "Yes – we comply", "Yes.", "YES", "Y", "Yes, see evidence")
EVIDENCE = (
    ("Resident complaints policy (section {s})",),
    ("policy s.{s}", "Staff guide to complaints, page {p}"),
    ("Complaints web page: https://www.harbourfield.example/complaints",),
    ("Annual complaints review page {p}", "Board minutes, 14 March 2024"),
    ("Complaint handling training log", "https://www.harbourfield.example/complaints/policy"),
    ("Case management system screens",),
)
COMMENTARY = (
    "Our handlers follow this in every case; spot checks each quarter found no gaps.",
    "Set out in the policy and in the letters we send.",
    "The Head of Customer Experience reviews this monthly.\n\nThe board's complaints champion sees a summary each quarter.",
    "See complaint #2207 for a worked example of this step.",
    "",
    "Checked in our internal audit (rated substantial assurance).",
)
NO_ROWS = {"5.8": "We do not yet record every contact attempt. A new case screen goes live by October 2025.",
           "6.13": "Our stage 2 panel still includes a manager from the service complained about. "
                   "We will change the panel make-up by the end of March 2026."}


def rows(code_id: str = "hos-2024"):
    """(provision, requirement, comply, evidence lines, commentary) for every form row."""
    code = load_code(code_id)
    out = []
    for n, p in enumerate(code.form_rows):
        if p.id in NO_ROWS:
            comply, commentary = "No", NO_ROWS[p.id]
        else:
            comply, commentary = ANSWERS[n % len(ANSWERS)], COMMENTARY[n % len(COMMENTARY)]
        evidence = [e.format(s=f"{int(p.section) + 1}.{n % 7 + 1}", p=n % 40 + 3) for e in EVIDENCE[n % len(EVIDENCE)]]
        out.append((p.id, p.section, code.section(p.section).title, p.requirement, comply, evidence, commentary))
    return out


# ------------------------------------------------------------------------------ Word

def word_form(path: Path) -> None:
    """The Ombudsman's layout: a heading a section and a five-column table; section 6 runs over two
    tables (the second without a header row, as when a table is split across pages)."""
    import docx
    from docx.shared import Cm

    from checker.render.docx import _fixed_zip, FIXED_TIME

    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = FIXED_TIME
    document.core_properties.author = document.core_properties.last_modified_by = "fixture"
    document.add_heading("Harbourfield Homes: Complaint Handling Code self-assessment 2024-25", 1)
    document.add_paragraph("This is our assessment against the Housing Ombudsman's Complaint Handling Code 2024.")
    header = ("Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation")
    by_section: dict[str, list] = {}
    for row in rows():
        by_section.setdefault(row[1], []).append(row)
    for section, items in by_section.items():
        document.add_heading(f"Section {section}: {items[0][2]}", 2)
        parts = [items[:10], items[10:]] if section == "6" else [items]
        for k, part in enumerate(parts):
            if k:
                document.add_paragraph("Section 6 continued")
            table = document.add_table(rows=0, cols=5)
            table.style = "Table Grid"
            if k == 0:
                cells = table.add_row().cells
                for cell, text in zip(cells, header):
                    cell.text = text
            for pid, _, _, requirement, comply, evidence, commentary in part:
                cells = table.add_row().cells
                cells[0].text = pid
                cells[1].text = requirement
                cells[2].text = comply
                _lines(cells[3], evidence)
                _lines(cells[4], commentary.split("\n"))
            for row in table.rows:
                for cell, width in zip(row.cells, (1.8, 7, 2, 5, 7)):
                    cell.width = Cm(width)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip(buffer.getvalue()))


def _lines(cell, lines) -> None:
    lines = [line for line in lines] or [""]
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


# ------------------------------------------------------------------------------ web pages

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Self-assessment 2024-25: section {section} | Riverside Borough Council</title>
<script>window.dataLayer = []; document.write("<table><tr><th>Provision</th><th>Comply</th></tr><tr><td>1.2</td><td>No</td></tr></table>");</script>
<style>table {{ border-collapse: collapse; }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to make this site work. <button>Accept all cookies</button></p></div>
<header><a href="/">Riverside Borough Council</a></header>
<nav aria-label="Main"><ul><li><a href="/housing">Housing</a></li><li><a href="/bins">Bins</a></li>
<li><table><tr><td>Council tax</td><td>Parking</td></tr></table></li></ul></nav>
<main>
<h1>Complaint Handling Code self-assessment 2024-25</h1>
<p>How we meet the Housing Ombudsman's Complaint Handling Code 2024, section by section.</p>
{body}
</main>
<footer><table><tr><td>Contact us</td><td>Accessibility</td><td>Privacy</td></tr></table><p>&copy; Riverside Borough Council 2025</p></footer>
<script src="/js/site.js"></script>
</body></html>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _ev_html(lines) -> str:
    """Evidence lines as a list; a URL line written as a link with words."""
    out = []
    for line in lines:
        if ": https://" in line:
            words, url = line.split(": ", 1)
            out.append(f'<li><a href="{_e(url)}">{_e(words)}</a></li>')
        elif line.startswith("https://"):
            out.append(f'<li><a href="{_e(line)}">{_e(line)}</a></li>')
        else:
            out.append(f"<li>{_e(line)}</li>")
    return "<ul>" + "".join(out) + "</ul>"


def _comm_html(text: str) -> str:
    return "".join(f"<p>{_e(part)}</p>" for part in text.split("\n\n") if part)


def council_pages(folder: Path) -> list[Path]:
    by_section: dict[str, list] = {}
    for row in rows():
        by_section.setdefault(row[1], []).append(row)
    written = []
    for section, items in by_section.items():
        title = f"Section {section}: {items[0][2]}"
        body = PAGE_BODIES.get(section, _standard)(title, items)
        path = folder / f"section-{section}.html"
        path.write_text(PAGE.format(section=section, body=body), encoding="utf-8")
        written.append(path)
    return written


def _standard(title, items, *, links=True) -> str:
    head = "<tr><th>Provision</th><th>Requirement</th><th>Comply</th><th>Evidence</th><th>Commentary / explanation</th></tr>"
    body = "".join(f"<tr><td>{pid}</td><td>{_e(req)}</td><td>{_e(comply)}</td><td>{_ev_html(ev)}</td><td>{_comm_html(comm)}</td></tr>"
                   for pid, _, _, req, comply, ev, comm in items)
    return f"<h2>{_e(title)}</h2>\n<table><thead>{head}</thead><tbody>{body}</tbody></table>"


def _flattened(title, items) -> str:
    """No provision column: the number starts the requirement; some Comply cells empty."""
    head = "<tr><td><strong>Code requirement</strong></td><td><strong>Do we comply?</strong></td><td><strong>Evidence</strong></td><td><strong>Comments</strong></td></tr>"
    body = "".join(f"<tr><td>{pid} {_e(req)}</td><td>{'' if n % 2 else _e(comply)}</td><td>{_ev_html(ev)}</td><td>{_comm_html(comm)}</td></tr>"
                   for n, (pid, _, _, req, comply, ev, comm) in enumerate(items))
    return f"<h2>{_e(title)}</h2>\n<table>{head}{body}</table>"


def _merged(title, items) -> str:
    """Four columns: evidence and commentary in one."""
    head = "<tr><th>Code provision</th><th>Code requirement</th><th>Comply (yes/no)</th><th>Evidence, commentary and any explanations</th></tr>"
    body = "".join(f"<tr><td>Provision {pid}</td><td>{_e(req)}</td><td>{_e(comply)}</td><td>{_ev_html(ev)}{_comm_html(comm)}</td></tr>"
                   for pid, _, _, req, comply, ev, comm in items)
    return f"<h2>{_e(title)}</h2>\n<table>{head}{body}</table>"


def _ticks(title, items) -> str:
    """Yes and No columns under a merged Comply heading; a tick in one of them."""
    head = ('<tr><th rowspan="2">Section</th><th rowspan="2">Requirement</th><th colspan="2">Comply</th>'
            '<th rowspan="2">Evidence</th><th rowspan="2">Commentary</th></tr><tr><th>Yes</th><th>No</th></tr>')
    body = "".join(f"<tr><td>{pid}.</td><td>{_e(req)}</td><td>{'✓' if comply != 'No' else ''}</td><td>{'✓' if comply == 'No' else ''}</td>"
                   f"<td>{_ev_html(ev)}</td><td>{_comm_html(comm)}</td></tr>"
                   for pid, _, _, req, comply, ev, comm in items)
    return f"<h2>{_e(title)}</h2>\n<table>{head}{body}</table>"


def _heading_row(title, items) -> str:
    """The section's heading as a row inside the table, and the header repeated half-way."""
    head = "<tr><th>Code provision</th><th>Code requirement</th><th>Comply</th><th>Evidence</th><th>Commentary</th></tr>"
    half = len(items) // 2
    body = f'<tr><td colspan="5"><strong>{_e(title)}</strong></td></tr>'
    for n, (pid, _, _, req, comply, ev, comm) in enumerate(items):
        if n == half:
            body += head
        body += f"<tr><td>Code provision {pid}</td><td>{_e(req)}</td><td>{_e(comply)}</td><td>{_ev_html(ev)}</td><td>{_comm_html(comm)}</td></tr>"
    return f"<table>{head}{body}</table>"


def _split(title, items) -> str:
    """One table split in two: the second part has no header row."""
    first = _standard(title, items[:9])
    rest = "".join(f"<tr><td>{pid}</td><td>{_e(req)}</td><td>{_e(comply)}</td><td>{_ev_html(ev)}</td><td>{_comm_html(comm)}</td></tr>"
                   for pid, _, _, req, comply, ev, comm in items[9:])
    return first + f"\n<p>Continued on the next page.</p>\n<table><tbody>{rest}</tbody></table>"


PAGE_BODIES = {"2": _flattened, "3": _merged, "4": _ticks, "5": _heading_row, "6": _split}


# ------------------------------------------------------------------------------ spreadsheet and CSV

def spreadsheet(path: Path) -> None:
    """A 2022 Code form as a landlord's own sheet: a title, a header, heading rows between sections."""
    import openpyxl

    from checker.intake.workbook import _without_timestamps

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Code 2022"
    ws.append(["Westbrook Housing Trust: self-assessment against the Complaint Handling Code 2022"])
    ws.append([])
    ws.append(["Provision", "What the Code requires", "Do we comply?", "Evidence, commentary and explanations"])
    section = None
    for n, (pid, sec, title, req, comply, ev, comm) in enumerate(rows("hos-2022")):
        if sec != section:
            section = sec
            ws.append([f"{sec}. {title}"])
        answer = ("Yes", "Partially", "No", "yes")[n % 4]
        ws.append([pid, req, answer, "\n".join(ev + ([comm] if comm else []))])
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_without_timestamps(buffer.getvalue()))


def csv_form(path: Path) -> None:
    import csv

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["Ref", "Requirement", "Compliant?", "Evidence", "Notes"])
        for pid, _, _, req, comply, ev, comm in rows()[:16]:
            writer.writerow([pid, req, comply, "\n".join(ev), comm])


if __name__ == "__main__":
    word_form(HERE / "word-form.docx")
    (HERE / "council").mkdir(exist_ok=True)
    council_pages(HERE / "council")
    spreadsheet(HERE / "sheet-form.xlsx")
    csv_form(HERE / "csv-form.csv")
    print("wrote the fixtures; now make the expected submissions with chc import and review them")
