"""The format-neutral table: rows of cell texts read from a Word document, a web page or a sheet,
and the reading of a self-assessment table out of it.

A table is a self-assessment table when one of its first rows names the form's columns (in any
order, any case): provision (or section), requirement, comply, evidence, commentary; an
"Evidence, commentary and explanation" column is one merged column; Yes and No columns holding
a tick are answer columns. A table with no header row that follows one with the same number of
columns is its continuation (a table split across pages). Rows are placed by their provision
number; a row that only names a section is a heading.

The header words are data (`HEADER_WORDS`), so a new spelling is one word in a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...problems import Location

# What each column is called on the forms landlords publish. Checked in this order, so
# "Evidence, commentary and explanation" is one merged column, and "Code requirement met?" is comply.
HEADER_WORDS = (
    ("comply", ("comply", "complies", "compliance", "compliant", "met", "meet", "meets", "answer", "achieved")),
    ("provision", ("provision", "provisions", "section", "clause", "question", "ref", "reference", "paragraph", "para", "no", "number")),
    ("requirement", ("requirement", "requirements", "requires", "required", "standard", "code")),
)
EVIDENCE_WORDS = ("evidence",)
COMMENTARY_WORDS = ("commentary", "comment", "comments", "explanation", "explanations", "notes", "narrative")
# A column headed by an answer alone holds ticks: a tick there is that answer.
TICK_HEADERS = ("yes", "no", "partial", "partially", "n/a", "na", "not applicable", "y", "n")
TICKS = ("✓", "✔", "☑", "✅", "√", "x", "✗", "✘", "☒", "●", "•", "■", "yes", "y", "true", "tick", "ticked")
CHECK_MARKS = ("✓", "✔", "☑", "✅", "√")
# How far down a table its header row may be (a title row or two may come first).
HEADER_SEARCH_ROWS = 6

PROVISION_NUMBER = re.compile(
    r"^\s*(?:code\s+)?(?:provision|section|clause|paragraph|para\.?|question|q\.?|ref\.?)?\s*"
    r"(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?(?=$|[\s:)\-–—,;])",
    re.I,
)
_WORD = re.compile(r"[a-z/]+")


@dataclass(frozen=True)
class RawTable:
    """One table as read from a file: cell texts by row, and where each row is."""

    file: str
    number: int  # 1-based table number in a Word document or web page; 0 for a sheet
    rows: tuple[tuple[str, ...], ...]
    heading: str = ""  # the text just above the table (a section heading, a page title)
    sheet: str = ""
    row_numbers: tuple[int, ...] = ()  # for sheets: the sheet's row numbers
    csv: bool = False

    def where(self, index: int, column: int | None = None) -> Location:
        """The place of row `index` (0-based), and of one of its cells for a sheet."""
        row = self.row_numbers[index] if self.row_numbers else index + 1
        if self.number:
            return Location(self.file, row, table=self.number)
        if self.csv:
            return Location(self.file, row, (column or 0) + 1)
        from openpyxl.utils import get_column_letter

        return Location(self.file, row, sheet=self.sheet, cell=f"{get_column_letter((column or 0) + 1)}{row}")

    def place(self) -> Location:
        if self.number:
            return Location(self.file, table=self.number)
        return Location(self.file, sheet=self.sheet)


@dataclass(frozen=True)
class Columns:
    """Which column holds what: role -> column index; ticks are (column, the answer as headed)."""

    roles: dict = field(default_factory=dict)
    ticks: tuple[tuple[int, str], ...] = ()
    width: int = 0

    def get(self, role: str) -> int | None:
        return self.roles.get(role)


@dataclass(frozen=True)
class Row:
    """One data row of a self-assessment table."""

    table: RawTable
    index: int
    provision: str  # '' when the row names none
    comply: str
    evidence: str
    commentary: str
    merged: str  # the text of a merged evidence-and-commentary column
    ticked: tuple[str, ...]  # the answers whose tick column is ticked
    tick_text: str  # words written in a tick column that are not a tick
    text: str  # the whole row, for messages

    @property
    def location(self) -> Location:
        return self.table.where(self.index)


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").split())


def _words(text: str) -> set[str]:
    return set(w.strip("/") for w in _WORD.findall(normalise(text).replace("/", " / ")))


def header_role(text: str) -> str | None:
    """The role of one header cell: comply, provision, requirement, evidence, commentary,
    evidence+commentary, or tick:<answer as written>."""
    norm = normalise(text).strip(" :?.*")
    if not norm:
        return None
    if norm in TICK_HEADERS:
        return "tick:" + text.strip().strip(":?.* ")
    words = _words(text)
    evidence = any(w in words for w in EVIDENCE_WORDS)
    commentary = any(w in words for w in COMMENTARY_WORDS)
    if evidence and commentary:
        return "evidence+commentary"
    if evidence:
        return "evidence"
    if commentary:
        return "commentary"
    for role, names in HEADER_WORDS:
        if any(n in words for n in names):
            return role
    return None


def read_header(cells: tuple[str, ...]) -> Columns | None:
    """The columns named by a header row, or None if the row is not a self-assessment header."""
    roles: dict[str, int] = {}
    ticks: list[tuple[int, str]] = []
    for i, text in enumerate(cells):
        role = header_role(text)
        if role is None:
            continue
        if role.startswith("tick:"):
            if not any(t[1].lower() == role[5:].lower() for t in ticks):
                ticks.append((i, role[5:]))
        elif role == "provision" and "provision" in roles and "provision" in _words(text) and "provision" not in _words(cells[roles["provision"]]):
            roles["provision"] = i  # a 'Provision' column wins over a 'Section' one
        else:
            roles.setdefault(role, i)
    placed = "provision" in roles or "requirement" in roles
    answered = bool({"comply", "evidence", "commentary", "evidence+commentary"} & set(roles)) or len(ticks) >= 2
    if not (placed and answered and len(roles) + (1 if ticks else 0) >= 2):
        return None
    return Columns(roles, tuple(ticks), len(cells))


def _tick_row(cells: tuple[str, ...], above: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    """A second header row of answer columns under a merged 'Comply' heading (Yes | No)."""
    ticks = []
    for i, text in enumerate(cells):
        role = header_role(text) if text.strip() else None
        if role and role.startswith("tick:"):
            ticks.append((i, role[5:]))
        elif text.strip() and (i >= len(above) or text.strip() != above[i].strip()):
            return ()
    return tuple(ticks) if len(ticks) >= 2 else ()


def provision_number(text: str) -> str:
    match = PROVISION_NUMBER.match(text)
    return match.group(1) if match else ""


def is_tick(text: str) -> bool:
    return normalise(text).strip(" .") in TICKS


@dataclass
class TableReading:
    """What one table gave: its rows, its section headings, and what could not be read."""

    rows: list[Row] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    columns: Columns | None = None
    empty: bool = False
    unplaced: list[tuple[Location, str]] = field(default_factory=list)


def read_table(table: RawTable, previous: Columns | None) -> TableReading:
    """The self-assessment rows of `table`; `previous` is the last header seen in the same file,
    used when the table is a continuation without a header of its own."""
    reading = TableReading()
    start = 0
    columns = None
    for i, cells in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        columns = read_header(cells)
        if columns:
            start = i + 1
            if start < len(table.rows):
                ticks = _tick_row(table.rows[start], cells)
                if ticks:
                    roles = {k: v for k, v in columns.roles.items() if v not in {c for c, _ in ticks}}
                    columns = Columns(roles, ticks, columns.width)
                    start += 1
            break
    if columns is None:
        width = max((len(r) for r in table.rows), default=0)
        if previous is None or width != previous.width or not any(_row_number(r, previous) for r in table.rows):
            return reading
        columns = previous
    reading.columns = columns
    reading.headings.extend(" ".join(c.split()) for r in table.rows[:max(start - 1, 0)] for c in dict.fromkeys(r) if c.strip())
    header_texts = [normalise(c) for c in table.rows[start - 1]] if start else None
    for index in range(start, len(table.rows)):
        cells = table.rows[index]
        if not any(c.strip() for c in cells):
            continue
        if header_texts is not None and [normalise(c) for c in cells] == header_texts:
            continue  # the header repeated (a table split across pages)
        pid = _row_number(cells, columns)
        if not pid:
            distinct = {c.strip() for c in cells if c.strip()}
            if len(distinct) == 1 and (cells[0].strip() or all(c.strip() for c in cells)) and len(next(iter(distinct))) <= 200:
                reading.headings.append(next(iter(distinct)))
                continue
            if read_header(cells) or (columns.ticks and _tick_row(cells, ())):
                continue  # a header row repeated further down
            if reading.rows and _continues(cells, columns):
                reading.rows[-1] = _joined(reading.rows[-1], _row(table, index, cells, columns, reading.rows[-1].provision))
                continue
            reading.unplaced.append((table.where(index), f"a row with no provision number: '{_snippet(cells)}'"))
            continue
        reading.rows.append(_row(table, index, cells, columns, pid))
    reading.empty = not reading.rows and not reading.unplaced
    return reading


def _cell(cells: tuple[str, ...], column: int | None) -> str:
    if column is None or column >= len(cells):
        return ""
    return cells[column].strip()


def _row_number(cells: tuple[str, ...], columns: Columns) -> str:
    """The provision number of a row: in its provision column, else at the start of the requirement
    (a flattened table), else in its first cell."""
    for role in ("provision", "requirement"):
        pid = provision_number(_cell(cells, columns.get(role)))
        if pid:
            return pid
    return provision_number(cells[0]) if cells else ""


def _row(table: RawTable, index: int, cells: tuple[str, ...], columns: Columns, pid: str) -> Row:
    ticked, other = [], []
    for column, answer in columns.ticks:
        text = _cell(cells, column)
        if not text:
            continue
        if is_tick(text):
            ticked.append(answer)
        else:
            other.append(text)
    comply = _cell(cells, columns.get("comply"))
    if comply in CHECK_MARKS:
        comply = "Yes"  # a check mark in the Comply column (a cross could mean either, so it stays as written)
    return Row(
        table=table,
        index=index,
        provision=pid,
        comply=comply,
        evidence=_cell(cells, columns.get("evidence")),
        commentary=_cell(cells, columns.get("commentary")),
        merged=_cell(cells, columns.get("evidence+commentary")),
        ticked=tuple(ticked),
        tick_text="\n".join(other),
        text=_snippet(cells),
    )


# An item of a list that runs on from the row above: "a.", "(b)", "c)", "iv.", a bullet or a dash.
ITEM_MARKER = re.compile(r"^\s*(?:\(?[a-z]\)|[a-z]\.|\(?[ivx]{1,4}\)|[ivx]{1,4}\.|[•·▪\-–—])(?:\s|$)", re.I)


def _continues(cells: tuple[str, ...], columns: Columns) -> bool:
    """A row with no provision number of its own continues the row above when it has no answer
    of its own and its requirement cell is empty or an item of a list (a form that gives items
    (a) to (g) a row each, or a row broken across a page)."""
    if _cell(cells, columns.get("provision")) or _cell(cells, columns.get("comply")):
        return False  # a row with an answer of its own is a provision someone forgot to number
    if any(_cell(cells, column) for column, _ in columns.ticks):
        return False
    requirement = _cell(cells, columns.get("requirement"))
    return not requirement or bool(ITEM_MARKER.match(requirement))


def _joined(above: Row, below: Row) -> Row:
    """The row above with the words of a continuation row added to each of its cells, so that
    no word of the landlord's is lost."""
    def join(a: str, b: str) -> str:
        return f"{a}\n{b}" if a and b else a or b

    return replace(
        above,
        comply=above.comply or below.comply,
        evidence=join(above.evidence, below.evidence),
        commentary=join(above.commentary, below.commentary),
        merged=join(above.merged, below.merged),
        ticked=above.ticked or below.ticked,
        tick_text=join(above.tick_text, below.tick_text),
    )


def _snippet(cells: tuple[str, ...], limit: int = 60) -> str:
    text = " | ".join(" ".join(c.split()) for c in cells if c.strip())
    return text if len(text) <= limit else text[: limit - 3] + "..."
