"""The fill-in workbook: a submission as an Excel workbook to answer, and back again.

Export writes three sheets:
- **Answers**: one row per form row of the Code: provision, section and requirement (locked),
  then comply (a drop-down of the answers the Code allows), evidence (one item a line),
  commentary, explanation, action, owner and target date (a date), all unlocked;
- **Actions**: a read-only view of the action plans, kept up to date by formulas, with the state
  of each unmet row (needs an action plan, needs a target date, target date has passed, planned);
- **About**: landlord, nation and period (editable), the Code (locked), instructions, and the
  rest of the submission (governance, policy, figures...) as YAML lines, put back on import.

Import reads the Answers and About sheets back into a submission. Every bad cell is reported by
sheet, row and column, and nothing is written if any is bad. Export then import without edits
gives back an equivalent submission: the same answers, evidence, commentary and action plans.

An evidence line is the item's parts separated by " | ": the document (or a URL) first, then
`key: value` parts, e.g. `Complaints Policy v4 | section: 2.1 | path: documents/policy.md`,
`https://example.org/complaints | title: Complaints page`, `figure: stage1.pct_in_time | value: 48.6 | unit: %`.

Text that looks like a formula is stored as text (never run by Excel). The file carries no
timestamps, so the same submission always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..codes import Code, available_codes, load_code
from ..problems import InputError, Location, Problem
from ..render.sheet_layout import fit_row_heights

ANSWERS, ACTIONS, ABOUT = "Answers", "Actions", "About"
KEPT_MARKER = "Kept from the submission (YAML)"
EVIDENCE_KEYS = ("document", "section", "page", "path", "url", "title", "figure", "value", "unit", "basis", "scope")
_KEY_PART = re.compile(r"^(%s):\s*(.*)$" % "|".join(EVIDENCE_KEYS), re.S)
_SPLIT = re.compile(r"\s+\|\s+")
_URL = re.compile(r"^https?://\S+$")
_FORMULA_START = ("=", "+", "-", "@")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    locked: bool = False


BASE_COLUMNS = (
    Column("provision", "Provision", 10, True),
    Column("section", "Section", 24, True),
    Column("requirement", "Requirement", 70, True),
    Column("comply", "Comply", 11),
    Column("evidence", "Evidence (one item a line)", 48),
    Column("commentary", "Commentary", 48),
    Column("explanation", "Explanation (if not met)", 40),
    Column("action", "Action (what will be done)", 40),
    Column("owner", "Owner", 20),
    Column("target_date", "Target date", 13),
)
VALUE_COLUMN = Column("value", "Value (a number; for a row with items, a line each: a: 12)", 18)
TEXT_COLUMN = Column("text", "Written answer", 40)
CHOICE_COLUMN = Column("choice", "Choice", 16)
REASON_COLUMN = Column("reason", "Reason (if n/a)", 32)
REVIEW_COLUMN = Column("needs_review", "Needs review (carried over)", 14)
CARRIED_COLUMN = Column("carried_from", "Carried from (one a line)", 22)
REVIEWED_COLUMN = Column("reviewed", "Findings accepted on review (rule | by | on | why, one a line)", 40)
OPTIONAL_COLUMNS = (VALUE_COLUMN, TEXT_COLUMN, CHOICE_COLUMN, REASON_COLUMN, REVIEW_COLUMN, CARRIED_COLUMN, REVIEWED_COLUMN)


def columns_for(code: Code, data: Mapping | None = None) -> tuple[Column, ...]:
    """The Answers sheet's columns: the base ones, plus those the Code's rows (or the answers given) need."""
    rows = code.form_rows
    answers = [a for a in ((data or {}).get("answers") or {}).values() if isinstance(a, Mapping)]
    wanted = {
        "value": any(p.answer_type in ("percent", "count") for p in rows),
        "text": any(p.answer_type != "yes-no" for p in rows),
        "choice": any(p.choices for p in rows),
        "reason": any(p.allows_not_applicable for p in rows),
        "needs_review": any(a.get("needs_review") for a in answers),
        "carried_from": any(a.get("carried_from") for a in answers),
        "reviewed": any(a.get("reviewed") for a in answers),
    }
    cols = list(BASE_COLUMNS[:4])
    cols += [c for c in OPTIONAL_COLUMNS[:3] if wanted[c.key]]
    cols += list(BASE_COLUMNS[4:7])
    cols += [c for c in OPTIONAL_COLUMNS[3:4] if wanted[c.key]]
    cols += list(BASE_COLUMNS[7:])
    cols += [c for c in OPTIONAL_COLUMNS[4:] if wanted[c.key]]
    return tuple(cols)


def allowed_answers(code: Code, provision) -> tuple[str, ...]:
    if provision.answer_type != "yes-no":
        return ("n/a",) if provision.allows_not_applicable else ()
    return tuple(a for a in code.answers if a != "n/a" or provision.allows_not_applicable)


# ------------------------------------------------------------------------------ evidence lines

def evidence_line(item: Any) -> str:
    """One evidence item as a line of the Evidence cell."""
    if isinstance(item, str):
        return _guard_first(item)
    item = dict(item)
    parts = []
    if item.get("document"):
        parts.append(_guard_first(str(item.pop("document"))))
    elif item.get("url") and not item.get("figure"):
        parts.append(str(item.pop("url")))
    for key in EVIDENCE_KEYS:
        if key in item:
            parts.append(f"{key}: {_plain(item[key])}")
    return " | ".join(parts)


def _guard_first(text: str) -> str:
    """A document whose name would read as a key part or a URL is written as `document: ...`."""
    if _KEY_PART.match(text) or _URL.match(text):
        return f"document: {text}"
    return text


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_evidence_line(line: str) -> tuple[Any, str]:
    """An Evidence cell line as an evidence item, or (None, why it cannot be read)."""
    parts = _SPLIT.split(line.strip())
    item: dict[str, Any] = {}
    for n, part in enumerate(parts):
        match = _KEY_PART.match(part)
        if match:
            key, value = match.group(1), match.group(2).strip()
        elif n == 0:
            key, value = ("url" if _URL.match(part) else "document"), part
        else:
            return None, f"'{part}' is not 'key: value' (keys: {', '.join(EVIDENCE_KEYS)}); parts are separated by ' | '"
        if key in item:
            return None, f"'{key}' is given twice"
        if not value:
            return None, f"'{key}:' has no value"
        if key == "value":
            try:
                number = float(value.replace(",", ""))
            except ValueError:
                return None, f"value '{value}' is not a number"
            item[key] = int(number) if number.is_integer() and "." not in value else number
        elif key == "url" and not _URL.match(value):
            return None, f"'{value}' is not a web address starting http:// or https://"
        else:
            item[key] = value
    if not (item.get("document") or item.get("url") or (item.get("figure") and "value" in item)):
        return None, "an item needs a document, a URL, or a figure with its value"
    if list(item) == ["document"]:
        return item["document"], ""
    return item, ""


# ------------------------------------------------------------------------------ export

def _kept(data: Mapping) -> dict:
    """What the workbook does not show as cells: every section but the answers, code, landlord name and nation, period dates."""
    kept = {k: v for k, v in data.items() if k not in ("code", "answers")}
    landlord = {k: v for k, v in (data.get("landlord") or {}).items() if k not in ("name", "nation")}
    period = {k: v for k, v in (data.get("period") or {}).items() if k not in ("start", "end")}
    kept.pop("landlord", None)
    kept.pop("period", None)
    out = {}
    if landlord:
        out["landlord"] = landlord
    if period:
        out["period"] = period
    out.update(kept)
    return out


def export_workbook(data: Mapping, code: Code) -> bytes:
    """The fill-in workbook for a submission mapping (as loaded from YAML, or a scaffold)."""
    from openpyxl import Workbook
    from openpyxl.workbook.properties import CalcProperties

    data = _period_as_dates(data)
    wb = Workbook()
    answers_ws = wb.active
    answers_ws.title = ANSWERS
    cols = columns_for(code, data)
    _write_answers(answers_ws, data, code, cols)
    _write_actions(wb.create_sheet(ACTIONS), code, cols, data)
    _write_about(wb.create_sheet(ABOUT), data, code)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    for ws in wb.worksheets:
        fit_row_heights(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return _without_timestamps(buffer.getvalue())


def _period_as_dates(data: Mapping) -> Mapping:
    """A period written as a financial year (`period: 2024-25`, or a label alone) as its dates."""
    from .written import read_period_label

    period = data.get("period")
    label = period if not isinstance(period, Mapping) else None if "start" in period else period.get("label")
    years = read_period_label(label) if label is not None else None
    if years is None:
        return data
    return {**data, "period": {"start": years[0], "end": years[1], "label": str(label)}}


def _styles():
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    return {
        "head_font": Font(bold=True),
        "head_fill": PatternFill("solid", fgColor="D9E1F2"),
        "locked_fill": PatternFill("solid", fgColor="F2F2F2"),
        "wrap": Alignment(wrap_text=True, vertical="top"),
        "unlocked": Protection(locked=False),
    }


def _set_text(cell, value: Any, style: dict, *, locked: bool) -> None:
    """Write a value; text that Excel would read as a formula stays text."""
    if isinstance(value, str):
        cell.value = value
        if value.startswith(_FORMULA_START):
            cell.data_type = "s"
            cell.quotePrefix = True
    else:
        cell.value = value
    cell.alignment = style["wrap"]
    if locked:
        cell.fill = style["locked_fill"]
    else:
        cell.protection = style["unlocked"]


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.protection.sort = False


def _header(ws, cols, style) -> None:
    from openpyxl.utils import get_column_letter

    for i, col in enumerate(cols, start=1):
        cell = ws.cell(row=1, column=i, value=col.header)
        cell.font, cell.fill, cell.alignment = style["head_font"], style["head_fill"], style["wrap"]
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.freeze_panes = "B2"


def _requirement_text(provision) -> str:
    text = provision.requirement
    if provision.items:
        text += "\n" + "\n".join(f"({i.id}) {i.text}" for i in provision.items)
    if provision.guidance:
        text += f"\n\nEvidence: {provision.guidance}"
    return text


def _drop_downs(ws, column: str, groups: Mapping[tuple[str, ...], list[int]], title: str, verb: str) -> None:
    """One drop-down list per set of options, over the runs of rows that offer that set."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for options, rows in sorted(groups.items()):
        dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True, showErrorMessage=True,
                            errorTitle=title, error=f"{verb} {' or '.join(options)}, or leave it empty.")
        for first, last_row in _runs(rows):
            dv.add(f"{column}{first}:{column}{last_row}")
        ws.add_data_validation(dv)


def _write_answers(ws, data: Mapping, code: Code, cols) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    style = _styles()
    _header(ws, cols, style)
    letter = {c.key: get_column_letter(i) for i, c in enumerate(cols, start=1)}
    answers = data.get("answers") or {}
    lists: dict[tuple[str, ...], list[int]] = {}
    choices: dict[tuple[str, ...], list[int]] = {}
    for row, provision in enumerate(code.form_rows, start=2):
        answer = answers.get(provision.id) or {}
        action = answer.get("action") or {}
        section = code.section(provision.section)
        values = {
            "provision": provision.id,
            "section": f"{section.id} {section.title}" + (f" / {provision.subheading}" if provision.subheading else ""),
            "requirement": _requirement_text(provision),
            "comply": answer.get("comply"),
            "value": _value_cell(answer),
            "text": answer.get("text") or None,
            "choice": answer.get("choice") or None,
            "needs_review": "yes" if answer.get("needs_review") else None,
            "carried_from": "\n".join(answer.get("carried_from") or ()) or None,
            "reviewed": "\n".join(f"{r.get('rule')} | {r.get('by')} | {_plain_date(r.get('on'))} | {r.get('why')}" for r in answer.get("reviewed") or ()) or None,
            "evidence": "\n".join(evidence_line(e) for e in answer.get("evidence") or ()) or None,
            "commentary": answer.get("commentary") or None,
            "explanation": answer.get("explanation") or None,
            "reason": answer.get("reason") or None,
            "action": action.get("what"),
            "owner": action.get("owner"),
            "target_date": _date_or_none(action.get("target_date")) or action.get("target_date") or None,  # "October 2025" kept as written
        }
        for i, col in enumerate(cols, start=1):
            cell = ws.cell(row=row, column=i)
            _set_text(cell, values.get(col.key), style, locked=col.locked)
            if col.key == "target_date":
                cell.number_format = "yyyy-mm-dd"
        allowed = allowed_answers(code, provision)
        if allowed:
            lists.setdefault(allowed, []).append(row)
        if provision.choices and "choice" in letter and not any("," in c for c in provision.choices):
            choices.setdefault(provision.choices, []).append(row)
    last = len(code.form_rows) + 1
    _drop_downs(ws, letter["comply"], lists, "Not an answer", "Answer")
    if "choice" in letter:
        _drop_downs(ws, letter["choice"], choices, "Not a choice", "Choose")
    dates = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)",
                           allow_blank=True, showErrorMessage=True, errorTitle="Not a date", error="Type a date, e.g. 2026-03-31.")
    dates.add(f"{letter['target_date']}2:{letter['target_date']}{last}")
    ws.add_data_validation(dates)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    _protect(ws)


def _plain_date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _value_cell(answer: Mapping) -> Any:
    """A figure as a number; a row's figures per item as lines 'a: 12'."""
    if isinstance(answer.get("values"), Mapping):
        return "\n".join(f"{k}: {_plain(v)}" for k, v in answer["values"].items()) or None
    return answer.get("value")


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


def _date_or_none(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _write_actions(ws, code: Code, cols, data: Mapping) -> None:
    """A read-only view of the action plans, by formulas over the Answers sheet."""
    from openpyxl.utils import get_column_letter

    style = _styles()
    heads = (Column("provision", "Provision", 10), Column("comply", "Comply", 10), Column("status", "Status", 26),
             Column("action", "Action", 50), Column("owner", "Owner", 20), Column("target_date", "Target date", 13))
    _header(ws, heads, style)
    ws.freeze_panes = "A2"
    src = {c.key: get_column_letter(i) for i, c in enumerate(cols, start=1)}
    end = (data.get("period") or {}).get("end")
    end = _date_or_none(end)
    passed = f"DATE({end.year},{end.month},{end.day})" if end else "TODAY()"
    for row in range(2, len(code.form_rows) + 2):
        a = lambda key: f"{ANSWERS}!{src[key]}{row}"  # noqa: E731
        mirror = lambda key: f'=IF({a(key)}="","",{a(key)})'  # noqa: E731
        no = f'OR({a("comply")}="no",{a("comply")}="partial")'
        status = (f'=IF({a("comply")}="","unanswered",IF({no},IF({a("action")}="","needs an action plan",'
                  f'IF({a("target_date")}="","needs a target date",IF({a("target_date")}<={passed},"target date has passed","planned"))),""))')
        for i, formula in enumerate((f"={a('provision')}", mirror("comply"), status, mirror("action"), mirror("owner"), mirror("target_date")), start=1):
            cell = ws.cell(row=row, column=i, value=formula)
            cell.alignment = style["wrap"]
        ws.cell(row=row, column=6).number_format = "yyyy-mm-dd"
    ws.auto_filter.ref = f"A1:F{len(code.form_rows) + 1}"
    _protect(ws)


ABOUT_FIELDS = (("name", "Landlord"), ("nation", "Nation"), ("start", "Period start"), ("end", "Period end"), ("code", "Code"))


def _write_about(ws, data: Mapping, code: Code) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    style = _styles()
    landlord, period = data.get("landlord") or {}, data.get("period") or {}
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 90
    title = ws.cell(row=1, column=1, value="Self-assessment workbook (chc)")
    title.font = style["head_font"]
    values = {"name": landlord.get("name", ""), "nation": landlord.get("nation", ""), "start": _date_or_none(period.get("start")),
              "end": _date_or_none(period.get("end")), "code": code.id}
    for row, (key, label) in enumerate(ABOUT_FIELDS, start=3):
        ws.cell(row=row, column=1, value=label).font = style["head_font"]
        cell = ws.cell(row=row, column=2)
        _set_text(cell, values[key], style, locked=key == "code")
        if key in ("start", "end"):
            cell.number_format = "yyyy-mm-dd"
    nations = DataValidation(type="list", formula1='"' + ",".join(code.jurisdiction) + '"', allow_blank=False, showErrorMessage=True)
    nations.add("B4")
    ws.add_data_validation(nations)
    info = [
        f"{code.name}, {code.publisher}; in force from {code.in_force_from.isoformat()}. {len(code.form_rows)} rows to answer.",
        "",
        "How to fill it in:",
        f"- Answers sheet, one row per provision: choose Comply ({' or '.join(code.answers)}); list the evidence, one item a line;",
        "  add commentary. For every requirement not met: the explanation, the action, its owner and its target date.",
        "- An evidence line is a document (or a web address) and then, separated by ' | ', parts such as",
        "  'section: 2.1', 'page: 4', 'path: documents/policy.pdf', 'url: https://...', 'title: ...'; a figure is",
        "  'figure: stage1.pct_in_time | value: 48.6 | unit: %'.",
        "- The Actions sheet shows each action plan and what it still lacks; it is read only.",
        "- Grey cells are locked. Landlord, nation and period above can be changed.",
        "- Then: chc workbook import THIS.xlsx -o submission.yaml, and chc validate submission.yaml.",
        "",
        "Below: the rest of the submission (governance, policy, figures, ...) as YAML, put back on import unless",
        "--base names a submission to take it from. Edit with care: two spaces per level.",
        f"{KEPT_MARKER}:",
    ]
    row = len(ABOUT_FIELDS) + 4
    for line in info:  # locked, as every cell is by default
        ws.cell(row=row, column=1, value=line or None)
        row += 1
    from .scaffold import yaml_lines

    for key, value in _kept(data).items():
        for line in yaml_lines({key: value}):
            cell = ws.cell(row=row, column=1)
            _set_text(cell, line or None, style, locked=False)
            cell.alignment = Alignment()  # one YAML line a row, unwrapped
            row += 1
    _protect(ws)


def _without_timestamps(xlsx: bytes) -> bytes:
    """The same workbook with fixed zip entry dates and no created/modified times: byte-identical output."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>", b"", data)
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    return out.getvalue()


# ------------------------------------------------------------------------------ import

class _Reader:
    """Collects the problems of one workbook, each at its sheet, row and column."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []

    def at(self, sheet: str, row: int, column: int = 0) -> Location:
        from openpyxl.utils import get_column_letter

        cell = f"{get_column_letter(column)}{row}" if column else ""
        return Location(self.name, row, column, sheet=sheet, cell=cell)

    def problem(self, sheet: str, row: int, column: int, message: str, rule: str = "bad-cell") -> None:
        self.problems.append(Problem(self.at(sheet, row, column), message, rule))


def _cell_text(reader: _Reader, sheet: str, cell) -> str | None:
    """A cell's text, or None if empty; formulas are refused (chc reads typed values only)."""
    if cell.value is None:
        return None
    if cell.data_type == "f":
        reader.problem(sheet, cell.row, cell.column, f"a formula ({str(cell.value)[:40]}); type the value itself", "formula")
        return None
    if isinstance(cell.value, (dt.datetime, dt.date)):
        value = cell.value.date() if isinstance(cell.value, dt.datetime) else cell.value
        return value.isoformat()
    if isinstance(cell.value, float) and cell.value.is_integer():
        return str(int(cell.value))
    text = str(cell.value).replace("\r\n", "\n").replace("\r", "\n")
    return text if text.strip() else None


def _cell_date(reader: _Reader, sheet: str, cell, what: str) -> dt.date | None:
    if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return None
    if cell.data_type == "f":
        reader.problem(sheet, cell.row, cell.column, f"a formula ({str(cell.value)[:40]}); type the date itself", "formula")
        return None
    if isinstance(cell.value, dt.datetime):
        return cell.value.date()
    if isinstance(cell.value, dt.date):
        return cell.value
    text = str(cell.value).strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    if what == "target date":
        from .written import read_date

        read = read_date(text)
        if read is not None:  # "October 2025", "Q3 2025/26": kept as written; the check reads it as the last day
            return read.date if not read.read_as else text
    reader.problem(sheet, cell.row, cell.column, f"{what}: '{text}' is not a date (type it as 2026-03-31 or 31/03/2026)", "bad-date")
    return None


def _open(path: Path, name: str):
    from openpyxl import load_workbook

    try:
        if not path.is_file():
            raise InputError([Problem(Location(name), "no such file" if not path.exists() else "is not a file", "not-found")])
        return load_workbook(path, data_only=False)
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise InputError([Problem(Location(name), f"is not an Excel workbook (.xlsx) that chc can read ({type(exc).__name__})", "not-a-workbook")]) from None


def _find_sheet(wb, reader: _Reader, title: str):
    if title not in wb.sheetnames:
        reader.problems.append(Problem(Location(reader.name, sheet=title), f"the workbook has no '{title}' sheet (sheets: {', '.join(wb.sheetnames)}); export a new one with chc workbook export", "bad-sheet"))
        return None
    return wb[title]


def read_about(ws, reader: _Reader) -> tuple[dict, list[tuple[int, str]]]:
    """Landlord, nation, period and Code from the About sheet, and the kept YAML lines with their rows."""
    values: dict[str, Any] = {}
    labels = {label: key for key, label in ABOUT_FIELDS}
    kept: list[tuple[int, str]] = []
    in_kept = False
    for row in ws.iter_rows(min_row=1, max_col=2):
        first, second = row[0], row[1]
        label = first.value.strip() if isinstance(first.value, str) else None
        if in_kept:
            text = _cell_text(reader, ABOUT, first)
            kept.append((first.row, text or ""))
            continue
        if label and label.startswith(KEPT_MARKER):
            in_kept = True
        elif label in labels:
            key = labels[label]
            if key in ("start", "end"):
                values[key] = (_cell_date(reader, ABOUT, second, f"the period {key}"), second)
            else:
                values[key] = (_cell_text(reader, ABOUT, second), second)
    for key, label in ABOUT_FIELDS:
        if key not in values:
            reader.problems.append(Problem(Location(reader.name, sheet=ABOUT), f"the About sheet has no '{label}' row", "bad-sheet"))
    while kept and not kept[-1][1]:
        kept.pop()
    return values, kept


def read_answers(ws, code: Code, reader: _Reader) -> dict:
    """Every answered row of the Answers sheet, as submission answers."""
    header = {}
    for cell in next(ws.iter_rows(min_row=1, max_row=1), ()):
        if isinstance(cell.value, str):
            header[cell.value.strip().lower()] = cell.column
    by_header = {c.header.lower(): c.key for c in BASE_COLUMNS + OPTIONAL_COLUMNS}
    where = {by_header[h]: col for h, col in header.items() if h in by_header}
    for needed in ("provision", "comply"):
        if needed not in where:
            reader.problems.append(Problem(Location(reader.name, 1, 0, sheet=ANSWERS), f"the Answers sheet has no '{next(c.header for c in BASE_COLUMNS if c.key == needed)}' column", "bad-sheet"))
    if "provision" not in where or "comply" not in where:
        return {}
    answers: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for row in ws.iter_rows(min_row=2):
        cells = {key: row[col - 1] for key, col in where.items() if col - 1 < len(row)}
        pid_cell = cells["provision"]
        pid = _cell_text(reader, ANSWERS, pid_cell)
        if pid is None:
            if any(c.value is not None for k, c in cells.items() if k not in ("provision", "section", "requirement")):
                reader.problem(ANSWERS, pid_cell.row, pid_cell.column, "this row has answers but no provision")
            continue
        pid = pid.strip()
        provision = code.provision(pid)
        if provision is None or not provision.form_row:
            reader.problem(ANSWERS, pid_cell.row, pid_cell.column, f"'{pid}' is not a row of the {code.id} self-assessment form")
            continue
        if pid in first_row:
            reader.problem(ANSWERS, pid_cell.row, pid_cell.column, f"provision {pid} appears twice (first in row {first_row[pid]})")
            continue
        first_row[pid] = pid_cell.row
        answer = _read_row(cells, code, provision, reader)
        if answer:
            answers[pid] = answer
    return answers


def _read_row(cells: dict, code: Code, provision, reader: _Reader) -> dict:
    def text(key: str) -> str | None:
        return _cell_text(reader, ANSWERS, cells[key]) if key in cells else None

    answer: dict[str, Any] = {}
    comply = text("comply")
    if comply is not None:
        from .written import accepted_spellings, read_comply

        read = read_comply(comply)  # the same reading as a YAML submission's: "Yes.", "Y", "Partially", "N/A"
        value = read.value
        allowed = allowed_answers(code, provision)
        cell = cells["comply"]
        if read.kind == "empty":
            pass
        elif read.kind == "words" and provision.answer_type == "yes-no":
            answer["comply"] = comply.strip()  # an answer in words: kept; the check keeps it as commentary
        elif value not in allowed:
            if provision.answer_type != "yes-no":
                reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id} is answered with a number in the Value column, not '{comply}'", "wrong-answer-type")
            elif read.kind != "answer":
                reader.problem(ANSWERS, cell.row, cell.column, f"'{comply.strip()}' is not an answer chc can read; {provision.id} takes {accepted_spellings(allowed)}", "answer-not-recognised")
            elif value in code.answers:
                reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id} cannot be answered {value} in {code.id}; use {' or '.join(allowed)}", "answer-not-allowed")
            else:
                reader.problem(ANSWERS, cell.row, cell.column, f"'{comply.strip()}' ({value}) is not an answer {code.id} allows; use {' or '.join(allowed)}", "answer-not-allowed")
        else:
            answer["comply"] = value if comply.strip().lower() == value else comply.strip()  # the words as written
    if "value" in cells and cells["value"].value is not None:
        answer.update(_read_value(cells["value"], provision, reader))
    if "text" in cells and (written := text("text")):
        if provision.answer_type == "yes-no":
            cell = cells["text"]
            reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id} takes a comply answer, not a written answer", "wrong-answer-type")
        else:
            answer["text"] = written
    if "choice" in cells and (choice := text("choice")):
        if choice.strip() not in provision.choices:
            cell = cells["choice"]
            options = " or ".join(provision.choices) if provision.choices else "nothing here (it has no choices)"
            reader.problem(ANSWERS, cell.row, cell.column, f"'{choice}' is not a choice of provision {provision.id}; use {options}", "answer-not-allowed")
        else:
            answer["choice"] = choice.strip()
    if "reason" in cells and (reason := text("reason")):
        answer["reason"] = reason
    if "needs_review" in cells and (review := text("needs_review")):
        flag = review.strip().lower()
        if flag in ("yes", "y", "true", "x"):
            answer["needs_review"] = True
        elif flag not in ("no", "n", "false"):
            cell = cells["needs_review"]
            reader.problem(ANSWERS, cell.row, cell.column, f"'{review}': write yes if the row still needs review, or leave it empty", "bad-cell")
    if "carried_from" in cells and (carried := text("carried_from")):
        answer["carried_from"] = [line.strip() for line in carried.split("\n") if line.strip()]
    if "reviewed" in cells and (reviewed := text("reviewed")):
        entries = []
        cell = cells["reviewed"]
        for n, line in enumerate(reviewed.split("\n"), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|", 3)]
            if len(parts) != 4 or not all(parts):
                reader.problem(ANSWERS, cell.row, cell.column, f"reviewed line {n}: expected 'rule | by | on | why' (the rule accepted, who, the date, the reason)", "bad-cell")
                continue
            try:
                on = dt.date.fromisoformat(parts[2]).isoformat()
            except ValueError:
                reader.problem(ANSWERS, cell.row, cell.column, f"reviewed line {n}: '{parts[2]}' is not a date such as 2025-05-01", "bad-cell")
                continue
            entries.append({"rule": parts[0], "by": parts[1], "on": on, "why": parts[3]})
        if entries:
            answer["reviewed"] = entries
    if "evidence" in cells and (lines := text("evidence")):
        items = []
        cell = cells["evidence"]
        for n, line in enumerate(lines.split("\n"), start=1):
            if not line.strip():
                continue
            item, why = parse_evidence_line(line)
            if item is None:
                reader.problem(ANSWERS, cell.row, cell.column, f"evidence line {n}: {why}", "bad-evidence")
            else:
                items.append(item)
        answer["evidence"] = items
    for key in ("commentary", "explanation"):
        if key in cells and (value := text(key)):
            answer[key] = value
    what, owner = text("action"), text("owner")
    target = _cell_date(reader, ANSWERS, cells["target_date"], "target date") if "target_date" in cells else None
    if what or owner or target:
        if not what:
            cell = cells["action"] if "action" in cells else cells["provision"]
            reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id} has an owner or target date but no action (what will be done)", "no-action")
        else:
            action: dict[str, Any] = {"what": what}
            if owner:
                action["owner"] = owner
            if target:
                action["target_date"] = target
            answer["action"] = action
    return answer


def _read_value(cell, provision, reader: _Reader) -> dict:
    if cell.data_type == "f":
        reader.problem(ANSWERS, cell.row, cell.column, "a formula; type the number itself", "formula")
        return {}
    if provision.answer_type not in ("percent", "count"):
        reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id} takes {'a comply answer' if provision.answer_type == 'yes-no' else 'a written answer'}, not a number", "wrong-answer-type")
        return {}
    if not provision.items:
        number = _number(cell, str(cell.value), provision, reader)
        return {} if number is None else {"value": number}
    item_ids = [i.id for i in provision.items]
    values: dict[str, Any] = {}
    for line in str(cell.value).replace("\r", "\n").split("\n"):
        if not line.strip():
            continue
        item, sep, figure = line.partition(":")
        item = item.strip().strip("()")
        if not sep or item not in item_ids:
            reader.problem(ANSWERS, cell.row, cell.column, f"'{line.strip()}': give one figure per item as 'a: 12' (items {', '.join(item_ids)})", "bad-value")
            continue
        number = _number(cell, figure, provision, reader, f"({item})")
        if number is not None:
            values[item] = number
    return {"values": values} if values else {}


def _number(cell, text: str, provision, reader: _Reader, label: str = "") -> Any:
    try:
        number = float(text.strip().rstrip("%").replace(",", ""))
    except ValueError:
        reader.problem(ANSWERS, cell.row, cell.column, f"'{text.strip()}' is not a number", "bad-value")
        return None
    if provision.answer_type == "percent" and not 0 <= number <= 100:
        reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id}{label} asks for a percentage; {number:g} is outside 0 to 100", "out-of-range")
        return None
    if provision.answer_type == "count" and (number < 0 or not number.is_integer()):
        reader.problem(ANSWERS, cell.row, cell.column, f"provision {provision.id}{label} asks for a count; {number:g} is not a whole number of 0 or more", "out-of-range")
        return None
    return int(number) if number.is_integer() else number


def import_workbook(path: str | Path, *, base: str | Path | None = None, display: str | None = None) -> tuple[dict, Code]:
    """A workbook read back as a submission mapping and its Code; InputError lists every bad cell."""
    from ..yamlsource import load_yaml_file, load_yaml_text

    path = Path(path)
    name = display or str(path)
    wb = _open(path, name)
    reader = _Reader(name)
    about_ws, answers_ws = _find_sheet(wb, reader, ABOUT), _find_sheet(wb, reader, ANSWERS)
    if reader.problems:
        raise InputError(reader.problems)
    about, kept_lines = read_about(about_ws, reader)
    code_text, code_cell = about.get("code", (None, None))
    if code_text is None or code_text.strip() not in available_codes():
        if code_cell is not None:
            reader.problem(ABOUT, code_cell.row, code_cell.column, f"'{code_text or ''}' is not a Code version chc knows ({', '.join(available_codes())})", "unknown-code")
        raise InputError(reader.problems)
    code = load_code(code_text.strip())
    answers = read_answers(answers_ws, code, reader)
    landlord_name, name_cell = about.get("name", (None, None))
    nation, nation_cell = about.get("nation", (None, None))
    start, start_cell = about.get("start", (None, None))
    end, end_cell = about.get("end", (None, None))
    if name_cell is not None and not landlord_name:
        reader.problem(ABOUT, name_cell.row, name_cell.column, "the landlord's name is missing", "missing")
    if nation_cell is not None and (nation or "").strip().lower() not in code.jurisdiction:
        reader.problem(ABOUT, nation_cell.row, nation_cell.column, f"nation '{nation or ''}': {code.id} applies in {', '.join(code.jurisdiction)}", "wrong-jurisdiction")
    for value, cell, what in ((start, start_cell, "start"), (end, end_cell, "end")):
        if cell is not None and value is None and not any(p.location.cell == cell.coordinate and p.location.sheet == ABOUT for p in reader.problems):
            reader.problem(ABOUT, cell.row, cell.column, f"the period {what} is missing", "missing")
    if start and end and end <= start:
        reader.problem(ABOUT, end_cell.row, end_cell.column, f"the period end ({end}) must be after its start ({start})", "bad-period")
    if base is not None:
        base_doc = load_yaml_file(base)
        if not isinstance(base_doc.data, dict):
            raise InputError(reader.problems + [Problem(base_doc.where(()), "the base submission must be a YAML mapping", "schema")])
        if base_doc.data.get("code") != code.id:
            reader.problems.append(Problem(base_doc.where(("code",)), f"the base submission is for {base_doc.data.get('code')}, the workbook for {code.id}", "unknown-code"))
        kept = _kept(base_doc.data)
    else:
        kept = {}
        text = "\n".join(line for _, line in kept_lines)
        if text.strip():
            first_row = kept_lines[0][0]
            try:
                doc = load_yaml_text(text + "\n", f"{name}[{ABOUT}]")
                if isinstance(doc.data, dict):
                    kept = doc.data
                else:
                    reader.problem(ABOUT, first_row, 1, "the kept YAML must be a mapping (key: value lines)", "schema")
            except InputError as exc:
                for p in exc.problems:
                    row = first_row + max(p.location.line, 1) - 1
                    reader.problem(ABOUT, row, 1, f"kept YAML: {p.message}", p.rule)
    if reader.problems:
        raise InputError(reader.problems)
    data: dict[str, Any] = {"code": code.id}
    data["landlord"] = {"name": landlord_name.strip(), "nation": nation.strip().lower()} | dict(kept.get("landlord") or {})
    data["period"] = {"start": start, "end": end} | dict(kept.get("period") or {})
    for key, value in kept.items():
        if key not in ("landlord", "period", "code", "answers"):
            data[key] = value
    data["answers"] = answers
    return data, code


def import_to_yaml(path: str | Path, *, base: str | Path | None = None, display: str | None = None) -> str:
    """The workbook as submission YAML, checked as chc checks any submission before it is returned."""
    import tempfile

    from .scaffold import dump_submission
    from .submission import load_submission

    data, code = import_workbook(path, base=base, display=display)
    text = dump_submission(data, code)
    with tempfile.TemporaryDirectory(prefix="chc-import-") as tmp:
        probe = Path(tmp) / "submission.yaml"
        probe.write_text(text, encoding="utf-8")
        try:
            load_submission(probe, display="(the imported submission)")
        except InputError as exc:
            name = display or str(path)
            raise InputError([Problem(Location(name), f"the submission it gives is not valid (line {p.location.line}, column {p.location.column} "
                                                      f"of the YAML): {p.message}", p.rule) for p in exc.problems]) from None
    return text
