"""The published self-assessment as an Excel workbook, rendered from the canonical result.

Layout: one sheet, "Self-assessment", holding the whole form in the Code's order with a heading
row for each section (and each sub-heading). One sheet rather than one per section because the
people who use it work across sections: they filter the whole form by verdict or by owner, search
it once, sort the actions by target date, and print it as one document with one repeated header
row. Two small sheets follow: the verdict counts by section ("Summary") and every finding
("Findings").

Safety: every text cell is written as a string (never a formula) and, when it starts with a
character Excel would read as the start of a formula (= + - @, tab, carriage return), it also
carries the "quote prefix" style, the file-format equivalent of typing an apostrophe first, so it
stays text even after someone edits the cell.

Length: an Excel cell holds at most 32,767 characters (openpyxl cuts the rest silently). A longer
text is never cut: it is split at an item boundary (a line) where it can be, the part that ends
says "[continued in the next row]", and the rest goes in continuation rows below, each starting
"[continued]". Control characters, which a cell cannot hold, are shown as backslash-x escapes (\\x07).

Determinism: the document properties carry fixed dates and creator, and the zip entries a fixed
date, so the same result always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.writer.excel import ExcelWriter

from ..codes import DEFAULT_ROLES
from .cells import (
    answer_value,
    commentary_text,
    evidence_text,
    findings_text,
    is_formula_like,
    requirement_text,
)
from .publish import all_findings
from .sheet_layout import fit_row_heights
from .templated import VERDICT_LABELS, sections_with_rows

FIXED_TIME = dt.datetime(1980, 1, 1, 0, 0, 0)
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CREATOR = "chc"

EXTRA_COLUMNS = ("Action", "Owner", "Target date", "chc verdict", "chc findings")
WIDTHS = (10, 60, 12, 40, 50, 40, 22, 13, 16, 50)

THIN = Side(style="thin", color="B1B4B6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
SECTION_FILL = PatternFill("solid", fgColor="1D4F91")
SUBHEADING_FILL = PatternFill("solid", fgColor="EAF1F8")
VERDICT_FILLS = {
    "met": "E8F5EC", "not-met": "FFF3E0", "contradicted": "FDECEA",
    "unsupported": "FBE9F0", "unanswered": "EEEEEE", "not-applicable": "EAF1F8",
}
WRAP = Alignment(wrap_text=True, vertical="top")
CELL_LIMIT = 32_767  # characters an Excel cell holds
CONTINUES, CONTINUED = "\n[continued in the next row]", "[continued] "


def split_cell_text(text: str, limit: int = CELL_LIMIT) -> list[str]:
    """A text as cell-sized parts: every part but the last ends with CONTINUES, every part but the
    first starts with CONTINUED; split at the last line break that fits, else at the limit."""
    parts: list[str] = []
    rest = text
    while len(rest) > limit - (len(CONTINUED) if parts else 0):
        room = limit - len(CONTINUES) - (len(CONTINUED) if parts else 0)
        cut = rest.rfind("\n", 0, room)
        if cut <= room // 2:  # no line break in the second half: cut at the limit
            cut = room
        parts.append((CONTINUED if parts else "") + rest[:cut] + CONTINUES)
        rest = rest[cut:].lstrip("\n")
    parts.append((CONTINUED if parts else "") + rest)
    return parts


def _visible_everywhere(value):
    if isinstance(value, str):
        return _visible(value)
    if isinstance(value, dict):
        return {k: _visible_everywhere(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_visible_everywhere(v) for v in value]
    return value


def _visible(text: str) -> str:
    """Control characters a cell cannot hold (BEL, ESC...) as visible escapes (BEL as \\x07)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def put(ws, row: int, column: int, value, *, bold: bool = False):
    """Write one cell; text is always text, however it starts."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":
        return cell
    if isinstance(value, str):
        value = _visible(value)
        if len(value) > CELL_LIMIT:  # the form sheet splits long texts into rows first; elsewhere, say what is left out
            more = f" [... {len(value) - CELL_LIMIT + 80:,} more characters: see the JSON result]"
            value = value[: CELL_LIMIT - 80] + more
        cell.value = value
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    if bold:
        cell.font = Font(bold=True)
    return cell


def _date(value: str | None):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return value


def render_xlsx(result: dict, with_findings: bool = False) -> bytes:
    """The self-assessment workbook, as bytes (the same result always gives the same bytes).

    The landlord's table; chc's verdict and findings columns, and the Summary and Findings sheets,
    only `with_findings`. Files are named relative to the submission's folder."""
    from .paths import relative_paths

    result = _visible_everywhere(relative_paths(result))  # titles, headers and properties too, not only cells
    sub = result["submission"]
    landlord, period = sub["landlord"]["name"], sub["period"]["label"]
    title = f"{landlord}: Complaint Handling Code self-assessment {period}"

    wb = Workbook()
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.title = title
    ws = wb.active
    ws.title = "Self-assessment"
    _form_sheet(ws, result, title, with_findings)
    if with_findings:
        _summary_sheet(wb.create_sheet("Summary"), result, title)
        _findings_sheet(wb.create_sheet("Findings"), result, title)
    return _deterministic_bytes(wb)


def _print_setup(ws, header_row: int, landlord: str, period: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    # '&' starts a header code; a landlord named 'A & B' must print as written.
    safe = f"{landlord}".replace("&", "&&")
    ws.oddHeader.left.text = safe
    ws.oddHeader.right.text = f"Period {period}".replace("&", "&&")
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "Page &P of &N"


def _title(ws, result: dict, title: str, width: int) -> None:
    sub, code = result["submission"], result["code"]
    put(ws, 1, 1, title).font = Font(bold=True, size=14)
    meta = (f"Assessed against the {code['name']} ({code['publisher']}). "
            f"Period {sub['period']['start']} to {sub['period']['end']}. "
            f"Generated by chc {result['generator']['version']} from {sub['file']}.")
    put(ws, 2, 1, meta).font = Font(italic=True, color="4A4A4A")


STANDARD_HEADERS = ("Provision", "Requirement", "Comply", "Evidence", "Commentary / explanation")


def _form_headers(code: dict) -> list[str]:
    """The sheet always has the five standard columns (one fact per column, for filtering); a Code
    whose form has those five keeps its own headings."""
    if list(code.get("form_roles") or DEFAULT_ROLES) == list(DEFAULT_ROLES):
        return list(code["form_columns"])
    return list(STANDARD_HEADERS)


def _form_sheet(ws, result: dict, title: str, with_findings: bool = True) -> None:
    sub = result["submission"]
    headers = _form_headers(result["code"]) + list(EXTRA_COLUMNS if with_findings else EXTRA_COLUMNS[:3])
    ncols = len(headers)
    _title(ws, result, title, ncols)
    header_row = 4
    for c, name in enumerate(headers, start=1):
        cell = put(ws, header_row, c, name, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.border = BORDER
    for c, width in enumerate(WIDTHS[:ncols], start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    row = header_row
    for group in sections_with_rows(result):
        row += 1
        cell = put(ws, row, 1, group["title"], bold=True)
        cell.font = Font(bold=True, color="FFFFFF")
        for c in range(1, ncols + 1):
            ws.cell(row=row, column=c).fill = SECTION_FILL
        subheading = ""
        for p in group["rows"]:
            if p.get("subheading") and p["subheading"] != subheading:
                subheading = p["subheading"]
                row += 1
                put(ws, row, 1, subheading).font = Font(bold=True)
                for c in range(1, ncols + 1):
                    ws.cell(row=row, column=c).fill = SUBHEADING_FILL
            row += 1
            action = p.get("action") or {}
            values: list = [
                p["id"],
                requirement_text(p),
                answer_value(p),
                evidence_text(p),
                commentary_text(p),
                action.get("what"),
                action.get("owner"),
                _date(action.get("target_date")),
                VERDICT_LABELS.get(p["verdict"], p["verdict"]),
                findings_text(p),
            ][:ncols]
            parts = [split_cell_text(_visible(v)) if isinstance(v, str) else [v] for v in values]
            height = max(map(len, parts))
            for extra in range(height):
                for c, value in enumerate(parts, start=1):
                    if extra == 0:
                        text = value[0]
                    elif c == 1:
                        text = f"{p['id']} (continued)"
                    else:
                        text = value[extra] if extra < len(value) else None
                    cell = put(ws, row + extra, c, text)
                    cell.alignment = WRAP
                    cell.border = BORDER
            first = row
            row += height - 1
            ws.cell(row=first, column=1).font = Font(bold=True)
            target = ws.cell(row=first, column=8)
            if isinstance(target.value, dt.date):
                target.number_format = "yyyy-mm-dd"
            if with_findings:
                verdict = ws.cell(row=first, column=9)
                verdict.fill = PatternFill("solid", fgColor=VERDICT_FILLS.get(p["verdict"], "FFFFFF"))
                verdict.font = Font(bold=True)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(ncols)}{row}"
    _print_setup(ws, header_row, sub["landlord"]["name"], sub["period"]["label"])


def _summary_sheet(ws, result: dict, title: str) -> None:
    sub = result["submission"]
    _title(ws, result, title, 2 + len(VERDICT_LABELS))
    header_row = 4
    headers = ["Section", *VERDICT_LABELS.values(), "Total"]
    for c, name in enumerate(headers, start=1):
        cell = put(ws, header_row, c, name, bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
        cell.border = BORDER
    row = header_row
    for s in result["summary"]["sections"]:
        row += 1
        put(ws, row, 1, f"{s['id']}. {s['title']}").border = BORDER
        for c, v in enumerate(VERDICT_LABELS, start=2):
            put(ws, row, c, s["verdicts"][v]).border = BORDER
        put(ws, row, len(headers), sum(s["verdicts"].values())).border = BORDER
    row += 1
    put(ws, row, 1, "All provisions", bold=True).border = BORDER
    for c, v in enumerate(VERDICT_LABELS, start=2):
        put(ws, row, c, result["summary"]["verdicts"][v], bold=True).border = BORDER
    put(ws, row, len(headers), sum(result["summary"]["verdicts"].values()), bold=True).border = BORDER
    ws.column_dimensions["A"].width = 52
    for c in range(2, len(headers) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 14
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    _print_setup(ws, header_row, sub["landlord"]["name"], sub["period"]["label"])


def _findings_sheet(ws, result: dict, title: str) -> None:
    sub = result["submission"]
    _title(ws, result, title, 5)
    header_row = 4
    headers = ["Severity", "Provision", "Finding", "Rule", "Where"]
    for c, name in enumerate(headers, start=1):
        cell = put(ws, header_row, c, name, bold=True)
        cell.fill = HEADER_FILL
        cell.border = BORDER
    row = header_row
    for f in all_findings(result):
        row += 1
        loc = f["location"]
        where = f"{loc['file']}:{loc['line']}:{loc['column']}" if loc.get("line") else loc["file"]
        for c, value in enumerate((f["severity"], f.get("provision") or "", f["message"], f["rule"], where), start=1):
            cell = put(ws, row, c, value)
            cell.alignment = WRAP
            cell.border = BORDER
    for c, width in enumerate((10, 11, 80, 26, 40), start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if row > header_row:
        ws.auto_filter.ref = f"A{header_row}:E{row}"
    _print_setup(ws, header_row, sub["landlord"]["name"], sub["period"]["label"])


def _deterministic_bytes(wb: Workbook) -> bytes:
    """Save through openpyxl's writer (which, unlike save_workbook, keeps our 'modified' date),
    then copy the archive with every entry dated FIXED_ZIP_TIME."""
    for ws in wb.worksheets:
        fit_row_heights(ws)
    raw = io.BytesIO()
    archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
