"""The published self-assessment as a Word document, in the Code's Appendix A layout.

One table a section under the section's heading, with the columns provision | requirement |
comply | evidence | commentary / explanation; the header row repeats on every page (w:tblHeader)
and no row splits across pages (w:cantSplit). A4 landscape with 1.5 cm margins; the landlord and
the period in the heading.

The landlord's words only: the answer as given, the evidence items, the commentary, the
explanation and the action plan of an unmet row (in the last column, as on the Ombudsman's
form). chc's verdicts and findings belong in the review pack; `with_findings=True` (for a report
asked for with them) adds them as a sixth column.

`chc import` reads this document back: one evidence item a paragraph, written as the published
tables write it ("Complaints Policy v4, section 2.1", "Complaints page (https://...)").

Determinism: fixed document properties and zip entry dates, so the same result gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from .cells import commentary_text, evidence_text, findings_text, requirement_text, verdict_text
from .templated import answer_cell, sections_with_rows

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HEADERS = ("Code provision", "Code requirement", "Comply: Yes / No", "Evidence", "Commentary / explanation")
WIDTHS_CM = (1.9, 8.0, 2.2, 6.2, 8.4)
FINDINGS_HEADER, FINDINGS_WIDTHS_CM = "chc verdict and findings", (1.7, 6.5, 1.8, 4.8, 6.2, 5.7)
HEADER_SHADE = "D9D9D9"


def comply_text(p: dict) -> str:
    """The answer as the landlord gave it (as written, when the result keeps that)."""
    return p.get("answer_as_written") or answer_cell(p)


def last_column(p: dict) -> str:
    """Commentary, explanation, and the action plan of an unmet row."""
    text = commentary_text(p)
    action = p.get("action") or {}
    if action.get("what"):
        plan = f"Action: {action['what']}"
        if action.get("owner"):
            plan += f"\nOwner: {action['owner']}"
        if action.get("target_date"):
            plan += f"\nTarget date: {action['target_date']}"
        text = f"{text}\n\n{plan}" if text else plan
    return text


def render_docx(result: dict, *, with_findings: bool = False) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    sub, code = result["submission"], result["code"]
    landlord, period = sub["landlord"]["name"], sub["period"]["label"]
    title = f"{landlord}: Complaint Handling Code self-assessment {period}"

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "chc"
    props.title = title
    props.subject = code["name"]
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.comments = props.keywords = props.category = ""

    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)
    style = document.styles["Normal"]
    style.font.size = Pt(9.5)
    style.font.name = "Arial"

    document.add_heading(title, level=1)
    document.add_paragraph(f"Assessed against the {code['name']} ({code['publisher']}), for the period "
                           f"{sub['period']['start']} to {sub['period']['end']}.")
    headers, widths = (HEADERS + (FINDINGS_HEADER,), FINDINGS_WIDTHS_CM) if with_findings else (HEADERS, WIDTHS_CM)
    for group in sections_with_rows(result):
        document.add_heading(group["title"], level=2)
        table = document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        _header_row(table.rows[0], Cm, headers, widths)
        subheading = ""
        for p in group["rows"]:
            if p.get("subheading") and p["subheading"] != subheading:
                subheading = p["subheading"]
                row = table.add_row()
                merged = row.cells[0].merge(row.cells[-1])
                _text(merged, subheading, bold=True)
                _cant_split(row)
            row = table.add_row()
            _cant_split(row)
            values = (p["id"], requirement_text(p), comply_text(p), evidence_text(p), last_column(p))
            if with_findings:
                values += ("\n".join(x for x in (verdict_text(p), findings_text(p)) if x),)
            for cell, value, width in zip(row.cells, values, widths):
                cell.width = Cm(width)
                _text(cell, value)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _header_row(row, Cm, headers, widths) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    _cant_split(row)
    for cell, name, width in zip(row.cells, headers, widths):
        cell.width = Cm(width)
        _text(cell, name, bold=True)
        shade = OxmlElement("w:shd")
        shade.set(qn("w:val"), "clear")
        shade.set(qn("w:color"), "auto")
        shade.set(qn("w:fill"), HEADER_SHADE)
        cell._tc.get_or_add_tcPr().append(shade)


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _text(cell, text: str, *, bold: bool = False) -> None:
    """The cell's text, one paragraph a line (an empty line stays an empty paragraph)."""
    lines = (text or "").split("\n")
    first = cell.paragraphs[0]
    for n, line in enumerate(lines):
        paragraph = first if n == 0 else cell.add_paragraph()
        if line:
            run = paragraph.add_run(line)
            run.bold = bold or None


def _fixed_zip(data: bytes) -> bytes:
    """The package again with every entry dated 1980-01-01, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
