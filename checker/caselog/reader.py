"""A complaints case log, as read: columns found, cell values typed, bad rows reported and left out.

The file itself is read by `table` (CSV or XLSX to one text column per header cell). Here the
columns are found by name, case-insensitively, with a mapping from our names to the export's;
values are read through value maps (the submission's `case_log.values`, then the shipped
`value_maps.yaml`, then the built-in parsers: ISO, day-first and Excel-serial dates; "Stage 1",
"S2"); and every row that cannot be used is reported as a `Problem` at its row and column and left
out, so an analyst sees every bad row at once. A file that cannot be used at all raises
`InputError`.

Columnar, on one code path: each DISTINCT cell text is parsed once with the parsers below (a
categorical column lists them; a text column is made one), the results are gathered to the rows by
code, bad rows are found with vectorised masks, and only those rows go through the message code,
which words them exactly as a row-by-row reading would. Ids are grouped and matched by their
hashes, and what the hashes pair is checked by text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping, NamedTuple

from ..problems import InputError, Location, Problem
from ..textsafe import printable

#: Our column names, in the order of `Case`.
COLUMNS = (
    "id", "stage", "received", "acknowledged", "responded", "extension_notified", "extended_due",
    "escalation_requested", "outcome", "category", "tenure", "withdrawn", "extension_reason",
)
REQUIRED = ("id", "stage", "received")
DATE_COLUMNS = ("received", "acknowledged", "responded", "extension_notified", "extended_due",
                "escalation_requested")
VALUE_KINDS = ("stage", "tenure", "withdrawn", "outcome")

#: Dates outside these years are taken as typing errors (and keep the bank-holiday table small).
FIRST_YEAR = 1990
LAST_YEAR = 2099

#: A stage 2 receipt more than this many calendar days after the escalation request is taken as a
#: mistyped date (the Code has stage 2 logged within days of the request).
ESCALATION_GAP_DAYS = 30
#: Rows of an unknown value listed in its message.
FIRST_ROWS = 5

_ERROR_VALUE = re.compile(r"#(?:REF!|N/A|VALUE!|DIV/0!|NAME\?|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)", re.I)


class Case(NamedTuple):
    """One complaint at one stage. A named tuple, not a dataclass: a log may hold a million."""

    id: str
    stage: int
    received: dt.date
    acknowledged: dt.date | None = None
    responded: dt.date | None = None
    extension_notified: dt.date | None = None
    extended_due: dt.date | None = None
    escalation_requested: dt.date | None = None
    outcome: str = ""
    category: str = ""
    tenure: str = ""  # "LCRA", "LCHO", "" (not given) or "OTHER" (mapped to neither)
    withdrawn: bool = False
    row: int = 0  # the row as the user sees it (the header is row 1)
    extension_reason: str = ""


def _frame_schema():
    import polars as pl

    schema = {"id": pl.String, "stage": pl.Int8}
    schema.update({c: pl.Date for c in DATE_COLUMNS})
    # few distinct texts: categorical (each stored once; the figures count them by code)
    schema.update({"outcome": pl.Categorical, "category": pl.Categorical, "tenure": pl.Categorical, "withdrawn": pl.Boolean,
                   "row": pl.Int64, "extension_reason": pl.String})
    return schema


def cases_frame(cases) -> Any:
    """A polars frame (the `CaseLog.frame` layout) from `Case` tuples."""
    import polars as pl

    return pl.DataFrame([tuple(c) for c in cases], schema=_frame_schema(), orient="row")


@dataclass(frozen=True, init=False, eq=False)
class CaseLog:
    """A case log as read: the usable rows (a polars frame, one row per `Case`), the problems of
    the rest, and where it came from. `cases` gives the rows as `Case` tuples (built on first use)."""

    path: str
    sha256: str
    frame: Any
    problems: tuple[Problem, ...]
    excluded: Mapping[str, int]
    rows_read: int
    blank_rows: int
    sheet: str
    columns: Mapping[str, str]  # ours -> header found
    date_range: tuple[dt.date, dt.date] | None
    by_name: Mapping[str, str]  # ours -> header, found by name alone though a mapping was given
    mapped_out: Mapping[str, int]  # rows left out by design through the value maps (stage: exclude)
    notes: tuple[Problem, ...]  # located remarks that leave no row out

    def __init__(self, path: str, sha256: str, cases=None, problems=(), excluded=None, rows_read: int = 0,
                 blank_rows: int = 0, sheet: str = "", columns=None, date_range=None, *, frame=None,
                 by_name=None, mapped_out=None, notes=()):
        if frame is None:
            frame = cases_frame(cases or ())
        put = object.__setattr__
        put(self, "path", path)
        put(self, "sha256", sha256)
        put(self, "frame", frame)
        put(self, "problems", tuple(problems))
        put(self, "excluded", MappingProxyType(dict(excluded or {})))
        put(self, "rows_read", rows_read)
        put(self, "blank_rows", blank_rows)
        put(self, "sheet", sheet)
        put(self, "columns", MappingProxyType(dict(columns or {})))
        put(self, "date_range", date_range if date_range is not None else _date_range(frame))
        put(self, "by_name", MappingProxyType(dict(by_name or {})))
        put(self, "mapped_out", MappingProxyType(dict(mapped_out or {})))
        put(self, "notes", tuple(notes))

    @cached_property
    def cases(self) -> tuple[Case, ...]:
        return tuple(Case(*row) for row in self.frame.select(Case._fields).iter_rows())

    def with_frame(self, frame) -> "CaseLog":
        """The same log with other rows (a subset of its frame): nothing excluded, no problems."""
        return CaseLog(self.path, self.sha256, rows_read=frame.height, sheet=self.sheet, columns=self.columns,
                       frame=frame, by_name=self.by_name)

    @property
    def excluded_total(self) -> int:
        return sum(self.excluded.values())

    def summary(self) -> dict:
        """How the rows were used, JSON-ready."""
        out = {
            "file": self.path,
            "sheet": self.sheet or None,
            "sha256": self.sha256,
            "rows_read": self.rows_read,
            "blank_rows": self.blank_rows,
            "included": self.frame.height,
            "excluded": self.excluded_total,
            "excluded_by_reason": dict(sorted(self.excluded.items())),
        }
        if self.mapped_out:
            out["left_out_by_value_map"] = dict(sorted(self.mapped_out.items()))
        if self.by_name:
            out["columns_found_by_name"] = dict(self.by_name)
        return out


def _date_range(frame) -> tuple[dt.date, dt.date] | None:
    if frame.height == 0:
        return None
    import polars as pl

    row = frame.select(pl.min_horizontal([pl.col(c).min() for c in DATE_COLUMNS]).alias("lo"),
                       pl.max_horizontal([pl.col(c).max() for c in DATE_COLUMNS]).alias("hi")).row(0)
    return None if row[0] is None else (row[0], row[1])


# -- cell parsing ---------------------------------------------------------------------------------

_MONTHS = {
    name: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})")
_D_MON_Y = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([A-Za-z]{3,9})\.?,?[\s\-/.]+(\d{4}|\d{2})")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_TIME = re.compile(
    r"(?:[T\s]+|,\s*)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|BST)?",
    re.IGNORECASE,
)
_EXCEL_1900 = dt.date(1899, 12, 30)
_EXCEL_1904 = dt.date(1904, 1, 1)
_SERIAL_MIN = (dt.date(FIRST_YEAR, 1, 1) - _EXCEL_1900).days
_SERIAL_MAX = (dt.date(LAST_YEAR, 12, 31) - _EXCEL_1900).days


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


def _checked(year: int, month: int, day: int, text: str) -> dt.date | str:
    try:
        d = dt.date(year, month, day)
    except ValueError as exc:
        hint = " (dates are read day first, DD/MM/YYYY)" if month > 12 and day <= 12 else ""
        return f"'{text}' is not a real date: {exc}{hint}"
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        return f"'{text}' is outside the years {FIRST_YEAR}-{LAST_YEAR}; is it mistyped?"
    return d


def parse_date_text(text: str) -> dt.date | None | str:
    """A date from cell text: the date, None when blank, or a message saying why not.

    Accepts ISO (2025-01-31, with or without a time), day-first (31/01/2025, 31-01-2025,
    31.01.25), 31 Jan 2025 / 31-Jan-2025 / 31 January 2025, and Excel serial numbers (45688).
    A time of day is ignored: the date is the date as written (UK local time assumed).
    """
    s = text.strip()
    if not s:
        return None
    if ":" in s:
        s = _TIME.sub("", s, count=1).strip()
    m = _ISO.fullmatch(s)
    if m:
        return _checked(int(m[1]), int(m[2]), int(m[3]), text.strip())
    m = _DMY.fullmatch(s)
    if m:
        return _checked(_year(m[3]), int(m[2]), int(m[1]), text.strip())
    m = _D_MON_Y.fullmatch(s)
    if m:
        month = _MONTHS.get(m[2].casefold())
        if month is None:
            return f"'{text.strip()}': '{m[2]}' is not a month name"
        return _checked(_year(m[3]), month, int(m[1]), text.strip())
    if _SERIAL.fullmatch(s):
        return _serial(float(s), _EXCEL_1900, text.strip())
    return f"'{text.strip()}' is not a date; expected e.g. 2025-01-31, 31/01/2025 or 31 Jan 2025"


def _serial(value: float, epoch: dt.date, text: str) -> dt.date | str:
    """An Excel serial day number (the fraction is the time of day, dropped)."""
    days = int(value)
    if epoch == _EXCEL_1900 and not _SERIAL_MIN <= days <= _SERIAL_MAX:
        return f"the number {text} is not a date (as an Excel date serial it falls outside {FIRST_YEAR}-{LAST_YEAR})"
    d = epoch + dt.timedelta(days=days)
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        return f"the number {text} is not a date (as an Excel date serial it falls outside {FIRST_YEAR}-{LAST_YEAR})"
    return d


def parse_date_value(value: Any, epoch: dt.date = _EXCEL_1900) -> dt.date | None | str:
    """A date from any cell value (text, spreadsheet date or date-time, serial number)."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_date_text(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            return f"{value.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}; is it mistyped?"
        return value
    if isinstance(value, bool):
        return f"'{value}' is not a date"
    if isinstance(value, (int, float)):
        return _serial(float(value), epoch, _number_text(value))
    if isinstance(value, dt.time):
        return f"the cell holds a time of day ({value.isoformat()}), not a date"
    return f"'{value}' is not a date"


_STAGE = re.compile(r"(?:stage|s)?[\s_\-]*(1|2|one|two)(?:\.0+)?")


def parse_stage(value: Any) -> int | str:
    """1 or 2 from 1, 2, 1.0 (a number, or text), "stage 1", "Stage 2", "S1", "stage one"; else a message."""
    text = _number_text(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value or "").strip()
    m = _STAGE.fullmatch(text.casefold())
    if m:
        return 1 if m[1] in ("1", "one") else 2
    if not text:
        return "the stage is blank; expected 1 or 2 (or 'Stage 1', 'S2')"
    return f"unknown stage '{text}'; expected 1 or 2 (or 'Stage 1', 'S2')"


def parse_tenure(value: Any) -> str:
    """'LCRA', 'LCHO' or '' (blank); anything else comes back as a message starting with '!'."""
    text = str(value or "").strip()
    upper = text.upper()
    if upper in ("LCRA", "LCHO", ""):
        return upper
    return f"!unknown tenure '{text}'; expected LCRA (low-cost rental) or LCHO (low-cost home ownership), or blank"


_TRUE = frozenset(("yes", "y", "true", "t", "1", "withdrawn"))
_FALSE = frozenset(("no", "n", "false", "f", "0", ""))


def parse_withdrawn(value: Any) -> bool | str:
    """Yes/no/true/false/1/0/blank to a bool; else a message."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = _number_text(value) if isinstance(value, (int, float)) else str(value).strip()
    folded = text.casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return f"withdrawn '{text}' is not yes or no; expected yes/no, true/false, 1/0 or blank"


def _number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell_text(value: Any) -> str:
    """A spreadsheet value as text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


# -- value maps -----------------------------------------------------------------------------------

#: The rule of a value no map knows, by kind: reported once per distinct value (its count, its rows).
VALUE_RULES = {"stage": "unknown-stage", "tenure": "bad-tenure", "withdrawn": "bad-withdrawn"}
#: What such a value can be mapped to, as the message says it (blank tenure is left unsaid: rare).
MAP_TARGETS = {"stage": "1, 2 or exclude", "tenure": "lcra, lcho or exclude", "withdrawn": "yes or no"}


def value_key(text: Any) -> str:
    """How value-map keys compare: case-insensitive, ends trimmed, runs of space/-/_ as one space."""
    return re.sub(r"[\s_\-]+", " ", str(text if text is not None else "").strip().casefold())


@lru_cache(maxsize=1)
def default_value_maps() -> Mapping[str, Any]:
    """The shipped spellings (value_maps.yaml), keys normalised."""
    from ..resources import load_data_yaml

    data = load_data_yaml(Path(__file__).with_name("value_maps.yaml"))
    out: dict[str, Any] = {}
    for kind in VALUE_KINDS:
        out[kind] = MappingProxyType({value_key(k): v for k, v in (data.get(kind) or {}).items()})
    out["no_date"] = frozenset(value_key(v) for v in data.get("no_date") or ())
    out["columns"] = MappingProxyType({k: tuple(v) for k, v in (data.get("columns") or {}).items()})
    return MappingProxyType(out)


_TARGETS = {
    "stage": {"1": 1, "2": 2, "one": 1, "two": 2, "exclude": "exclude"},
    "tenure": {"lcra": "LCRA", "lcho": "LCHO", "exclude": "OTHER", "blank": ""},
    "withdrawn": {"yes": True, "no": False, "true": True, "false": False},
}


def check_value_maps(values: Mapping[str, Any] | None, where: Callable[..., Location]) -> tuple[dict[str, dict], list[Problem]]:
    """The submission's `case_log.values`, checked and normalised: kind -> {key: our value}.

    `where(*path)` locates a key of the mapping in the file that gave it."""
    out: dict[str, dict] = {}
    problems: list[Problem] = []
    for kind, mapping in (values or {}).items():
        if kind not in VALUE_KINDS:
            problems.append(Problem(where(kind), f"case_log.values names '{kind}'; expected one of: {', '.join(VALUE_KINDS)}", "unknown-value-kind"))
            continue
        if not isinstance(mapping, Mapping):
            problems.append(Problem(where(kind), f"case_log.values.{kind} must map the export's values to ours, e.g. {{General needs: lcra}}", "schema"))
            continue
        norm: dict[str, Any] = {}
        for theirs, ours in mapping.items():
            text = "" if ours is None else (str(int(ours)) if isinstance(ours, (int, float)) and not isinstance(ours, bool) else str(ours))
            if isinstance(ours, bool):
                text = "yes" if ours else "no"
            if kind == "outcome":
                if not text.strip():
                    problems.append(Problem(where(kind, theirs), f"case_log.values.outcome gives no outcome for '{theirs}'", "bad-value-map"))
                    continue
                norm[value_key(theirs)] = text.strip()
                continue
            target = _TARGETS[kind].get(value_key(text))
            if target is None:
                allowed = {"stage": "1, 2 or exclude", "tenure": "lcra, lcho or exclude", "withdrawn": "yes or no"}[kind]
                problems.append(Problem(where(kind, theirs), f"case_log.values.{kind} maps '{theirs}' to '{text}'; expected {allowed}", "bad-value-map"))
                continue
            norm[value_key(theirs)] = target
        out[kind] = norm
    return out, problems


class _Values:
    """Parsing of one kind of value through the user's map, the defaults, then the built-in parser,
    memoised per distinct cell text."""

    def __init__(self, kind: str, user: Mapping[str, Any] | None):
        self.kind = kind
        self.user = user or {}
        defaults = default_value_maps()[kind]
        if kind == "stage":
            self.defaults = {k: v for k, v in defaults.items()}
        elif kind == "tenure":
            self.defaults = {k: _TARGETS["tenure"][v] for k, v in defaults.items()}
        elif kind == "withdrawn":
            self.defaults = {k: _TARGETS["withdrawn"][v] for k, v in defaults.items()}
        else:
            self.defaults = dict(defaults)

    def __call__(self, text: str) -> Any:
        key = value_key(text)
        if key in self.user:
            return self.user[key]
        if self.kind == "stage":
            parsed = parse_stage(text)
            if isinstance(parsed, int):
                return parsed
            if key in self.defaults:
                return self.defaults[key]
            return parsed + self._hint()
        if self.kind == "tenure":
            if key in self.defaults:
                return self.defaults[key]
            parsed = parse_tenure(text)
            return parsed + self._hint() if parsed[:1] == "!" else parsed
        if self.kind == "withdrawn":
            if not key:
                return False
            if key in self.defaults:
                return self.defaults[key]
            return parse_withdrawn(text) + self._hint()
        return self.defaults.get(key, text.strip())

    def _hint(self) -> str:
        return ""  # the hint goes with the count, on values seen more than once


# -- columns --------------------------------------------------------------------------------------

def normalise_name(name: Any) -> str:
    """Column names compare case-insensitively, ignoring surrounding spaces; inner spaces, hyphens
    and underscores are the same ("Escalation requested" is escalation_requested)."""
    return re.sub(r"[\s_\-]+", "_", str(name if name is not None else "").strip().casefold())


def check_mapping(columns: Mapping[str, str], name: str) -> dict[str, str]:
    """Our name -> the export's, checked: unknown names of ours and empty names raise."""
    problems = []
    out = {}
    for ours, theirs in columns.items():
        key = normalise_name(ours)
        if key not in COLUMNS:
            problems.append(Problem(Location(name), f"the column mapping names '{ours}', which is not one of ours: {', '.join(COLUMNS)}", "unknown-column"))
        elif not str(theirs or "").strip():
            problems.append(Problem(Location(name), f"the column mapping gives no file column for '{ours}'", "unknown-column"))
        else:
            out[key] = str(theirs)
    if problems:
        raise InputError(problems)
    return out


def header_names() -> tuple[str, ...]:
    """Our column names and their common spellings in exports: what marks the header row of a
    file that has title rows above it."""
    synonyms = default_value_maps()["columns"]
    return COLUMNS + tuple(s for ours in COLUMNS for s in synonyms.get(ours, ()))


def suggest_columns(header: tuple[str, ...]) -> dict[str, str]:
    """A `case_log.columns` mapping guessed from the export's header: for each of our columns, the
    header cell that is our name or a common spelling of it (only when one cell fits)."""
    synonyms = default_value_maps()["columns"]
    cells = {}
    for cell in header:
        cells.setdefault(value_key(cell), []).append(cell)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for ours in COLUMNS:
        names = (value_key(ours.replace("_", " ")), *(value_key(s) for s in synonyms.get(ours, ())))
        for n in names:
            hits = cells.get(n, [])
            if len(hits) == 1 and hits[0] not in taken:
                out[ours] = hits[0]
                taken.add(hits[0])
                break
    return out


def mapping_block(mapping: Mapping[str, str]) -> str:
    """A ready-to-paste `case_log.columns` YAML block."""
    import json

    lines = ["case_log:", "  columns:"]
    for ours, theirs in mapping.items():
        text = theirs if re.fullmatch(r"[A-Za-z][A-Za-z0-9 _()/.-]*[A-Za-z0-9)]", theirs) and ": " not in theirs else json.dumps(theirs, ensure_ascii=False)
        lines.append(f"    {ours}: {text}")
    return "\n".join(lines)


def _resolve_columns(table, mapping: dict) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """Our column name -> index in the header; missing, unknown and ambiguous columns raise.

    Also returns the header cells found, and those found by name alone although a mapping was
    given (the result says so); a name match on a column the mapping already uses is not taken."""
    header = table.header
    positions: dict[str, list[int]] = {}
    for i, cell in enumerate(header):
        key = normalise_name(cell)
        if key:
            positions.setdefault(key, []).append(i)
    problems = []
    index: dict[str, int] = {}
    found: dict[str, str] = {}
    shown = ", ".join(f"'{c.strip()}'" for c in header if c and c.strip())
    mapped_at = {h for ours, theirs in mapping.items() for h in positions.get(normalise_name(theirs), [])}
    by_name: dict[str, str] = {}
    for ours in COLUMNS:
        theirs = mapping.get(ours, ours)
        hits = positions.get(normalise_name(theirs), [])
        if len(hits) > 1:
            problems.append(Problem(_at_header(table, hits[1]), f"the column '{theirs}' appears more than once in the header (columns {', '.join(str(h + 1) for h in hits)}); rename one", "duplicate-column"))
            continue
        if not hits:
            if ours in mapping:
                problems.append(Problem(_header_at(table), f"the column '{theirs}' (mapped to our '{ours}') is not in the header; the header has: {shown}", "missing-column"))
            elif ours in REQUIRED:
                problems.append(Problem(_header_at(table), f"the required column '{ours}' is not in the header; map it to one of the file's columns ({shown})", "missing-column"))
            continue
        if ours not in mapping and mapping:
            if hits[0] in mapped_at:  # the mapping gives this column to another of ours
                if ours in REQUIRED:
                    other = next(o for o, t in mapping.items() if hits[0] in positions.get(normalise_name(t), []))
                    problems.append(Problem(_header_at(table), f"the required column '{ours}' is not mapped, and the column named '{header[hits[0]].strip()}' is mapped to our '{other}'; map '{ours}' to one of the file's columns ({shown})", "missing-column"))
                continue
            by_name[ours] = header[hits[0]].strip()
        index[ours] = hits[0]
        found[ours] = header[hits[0]].strip()
    if problems:
        raise InputError(problems)
    return index, found, by_name


def _header_at(table) -> Location:
    return _at_header(table, None)


def _at_header(table, column: int | None) -> Location:
    """A place in the header row (column: 0-based index, or None for the row)."""
    return table.location(-1, column)


# -- reading --------------------------------------------------------------------------------------

def read_caselog(
    path: str | Path,
    columns: Mapping[str, str] | None = None,
    *,
    values: Mapping[str, Mapping[str, Any]] | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    display: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> CaseLog:
    """Read a CSV or XLSX case log.

    `columns` maps our names to the file's (only those that differ); `values` maps the export's
    spellings to ours, by kind (checked with `check_value_maps` first); `sheet` picks an XLSX sheet
    by name; `display` is the name used in messages; `progress` is called now and then with the
    fraction read so far.
    """
    from .table import read_table

    name = display or str(path)
    mapping = check_mapping(columns or {}, name)
    known = tuple(mapping.values()) + header_names()
    kwargs: dict[str, Any] = {"display": name, "sheet": sheet, "progress": progress, "known_names": known}
    if header_row is not None:
        kwargs["header_row"] = header_row
    table = read_table(path, **kwargs)
    return caselog_from_table(table, mapping, values or {})


def caselog_from_table(table, mapping: Mapping[str, str], values: Mapping[str, Mapping[str, Any]]) -> CaseLog:
    """Type, validate and keep the usable rows of a table read from a case-log export."""
    import polars as pl

    index, found, by_name = _resolve_columns(table, dict(mapping))
    frame = table.frame
    n = frame.height
    maps = default_value_maps()
    no_date = maps["no_date"]

    def raw(ours: str) -> pl.Series | None:
        i = index.get(ours)
        return None if i is None else frame.get_column(f"c{i}")

    # Each distinct cell text parsed once; the results gathered to the rows.
    parsed: dict[str, dict[str, Any]] = {}
    typed: dict[str, pl.Series] = {}
    bad: dict[str, pl.Series] = {}
    zeros = pl.repeat(False, n, dtype=pl.Boolean, eager=True) if n else pl.Series([], dtype=pl.Boolean)
    mapped_out = zeros
    dates: dict[str, Any] = {}  # the date columns share most of their texts
    for ours in DATE_COLUMNS:
        if ours not in index:
            continue
        texts, at = _distinct(raw(ours))
        memo = {}
        for text in texts:
            if text not in dates:
                key = value_key(text)
                dates[text] = None if (not key or key in no_date) else parse_date_text(text)
            memo[text] = dates[text]
        parsed[ours] = memo
        results = [memo[t] for t in texts]
        typed[ours] = _gather([v if isinstance(v, dt.date) else None for v in results], pl.Date, at)
        if any(isinstance(v, str) for v in results):
            bad[ours] = _gather([isinstance(v, str) for v in results], pl.Boolean, at)
    value_parsers = {kind: _Values(kind, values.get(kind)) for kind in VALUE_KINDS}
    for kind, dtype in (("stage", pl.Int8), ("tenure", pl.Categorical), ("withdrawn", pl.Boolean)):
        if kind not in index:
            continue
        parse = value_parsers[kind]
        texts, at = _distinct(raw(kind))
        memo = {text: parse(text) for text in texts}
        parsed[kind] = memo
        results = [memo[t] for t in texts]
        flags = [isinstance(v, str) and (kind != "tenure" or v[:1] == "!") for v in results]
        typed[kind] = _gather([None if f or (isinstance(v, str) and v == "exclude") else v for f, v in zip(flags, results)], dtype, at)
        if any(flags):
            bad[kind] = _gather(flags, pl.Boolean, at)
        if kind == "stage":
            out_flags = [isinstance(v, str) and v == "exclude" for v in results]
            if any(out_flags):
                mapped_out = _gather(out_flags, pl.Boolean, at)

    ids = raw("id").cast(pl.String).fill_null("").str.strip_chars()
    null_date = pl.repeat(None, n, dtype=pl.Date, eager=True)
    d = {c: typed.get(c, null_date) for c in DATE_COLUMNS}
    stage = typed["stage"]
    rec, ack, resp, extn, extd, esc = (d[c] for c in DATE_COLUMNS)

    # Stage 1 responses by id (the first stage 1 row of each id), for stage 2 escalation checks.
    ids_hash = ids.hash()
    stage1_resp = _stage1_responses(ids, ids_hash, stage, resp, esc)

    rows_frame = pl.DataFrame({"id": ids, "stage": stage, **d, "stage1_responded": stage1_resp})
    order = _order_violations(rows_frame)
    badmask = ids == ""
    hashed = ids.str.starts_with("#")
    if hashed.any():
        badmask = badmask | (hashed & ids.str.contains(_ERROR_VALUE.pattern.join(("(?i)^", "$"))))
    for s in bad.values():
        if s is not None:
            badmask = badmask | s
    rec_bad = bad.get("received")
    badmask = badmask | (rec.is_null() & ~(zeros if rec_bad is None else rec_bad))
    badmask = badmask | order
    unreadable: dict[int, list] = {}
    used = set(index.values())
    seen_ranges: set[tuple[int, str]] = set()
    for cp in table.cell_problems:
        if cp.column in used:
            # a merged range is one problem, at its first cell we use
            key = (cp.row, re.sub(r"^cell \S+ ", "", cp.message)) if cp.rule == "merged-cells" else None
            if key is not None:
                if key in seen_ranges:
                    continue
                seen_ranges.add(key)
            unreadable.setdefault(cp.row, []).append(cp)
    if unreadable:
        badmask = badmask | zeros.clone().scatter(list(unreadable), True)
    badmask = badmask & ~mapped_out
    # Duplicates: a (stage, id) seen before among the otherwise good rows. The rows whose hashed
    # (stage, id) repeats are found by sorting the hashes; only those (few) are compared exactly
    # and paired with their first row here.
    good = ~badmask & ~mapped_out
    dup_first: dict[int, int] = {}
    keys = ids_hash ^ stage.cast(pl.UInt64).fill_null(0)
    ordered = keys.filter(good).sort()
    again = ordered.filter(ordered == ordered.shift(1))  # the first has no predecessor: null, not kept
    if again.len():
        at = (good & keys.is_in(again.unique().implode())).arg_true()
        first: dict[tuple[int, str], int] = {}
        for i, key in zip(at.to_list(), zip(stage.gather(at).to_list(), ids.gather(at).to_list())):
            if key in first:
                dup_first[i] = first[key]
            else:
                first[key] = i
    if dup_first:
        badmask = badmask | zeros.clone().scatter(sorted(dup_first), True)

    problems, excluded = _row_messages(table, index, parsed, rows_frame, order, badmask, unreadable, dup_first, ids)
    keep = ~badmask & ~mapped_out
    out = pl.DataFrame({
        "id": ids,
        "stage": stage,
        **d,
        "outcome": _text(raw("outcome"), n, values.get("outcome"), pl.Categorical),
        "category": _text(raw("category"), n, dtype=pl.Categorical),
        "tenure": typed["tenure"].fill_null("") if "tenure" in typed else _text(None, n),
        "withdrawn": typed.get("withdrawn", zeros).fill_null(False),
        "row": table.rows,
        "extension_reason": _text(raw("extension_reason"), n),
    }, schema=_frame_schema())
    if not keep.all():
        out = out.filter(keep)
    left_out = int(mapped_out.sum()) if n else 0
    return CaseLog(
        path=table.path,
        sha256=table.sha256,
        frame=out,
        problems=tuple(problems),
        excluded=dict(sorted(excluded.items())),
        rows_read=table.rows_read,
        blank_rows=table.blank_rows,
        sheet=table.sheet,
        columns=found,
        date_range=_all_dates_range(parsed),
        by_name=by_name,
        mapped_out={"stage": left_out} if left_out else {},
        notes=tuple(getattr(table, "notes", ())),
    )


def _all_dates_range(parsed: Mapping[str, Mapping[str, Any]]) -> tuple[dt.date, dt.date] | None:
    """The first and last good date anywhere in the log (bad rows too): the calendar must cover them."""
    good = [v for c in DATE_COLUMNS for v in parsed.get(c, {}).values() if isinstance(v, dt.date)]
    return (min(good), max(good)) if good else None


def _distinct(column) -> tuple[list[str], Any]:
    """The distinct texts of a column (a missing cell is the empty text), and for each row the
    position of its text among them: each text is parsed once and the result gathered to the rows.
    A categorical column (CSV reads repeating columns so) has them at hand; text is made one.
    The codes in use are marked in a table indexed by code (no hashing, no sort): their running
    count gives each code its position, in code order, a missing cell's last."""
    import polars as pl

    from .table import is_categorical

    if not is_categorical(column):
        column = column.cast(pl.Categorical(pl.Categories.random()))
    physical = column.to_physical()
    categories = _categories(column.dtype.categories)  # the file's, shared by its columns
    if (physical.max() or 0) >= categories.len():  # grown since they were listed
        categories = column.dtype.categories.to_series()
    top = categories.len()  # a missing cell's code
    codes = physical.fill_null(top)
    used = pl.repeat(False, top + 1, dtype=pl.Boolean, eager=True).scatter(codes, True)
    present = used.arg_true()
    texts = categories.gather(present.filter(present < top)).fill_null("").to_list() + ([""] if used[top] else [])
    return texts, used.cast(pl.UInt32).cum_sum().gather(codes) - 1  # each code gathered is used: >= 1


@lru_cache(maxsize=4)
def _categories(categories) -> Any:
    """A file's categorical texts, by code (built once for all its columns)."""
    return categories.to_series()


def _gather(results: list, dtype, at) -> Any:
    """One result per distinct text, gathered to the rows."""
    import polars as pl

    return pl.Series(results, dtype=dtype).gather(at)


def _text(series, n: int, user_map=None, dtype=None):
    """A text column with its ends trimmed (and the user's outcome map applied); a categorical
    one is trimmed through its distinct texts, and given as `dtype` (default: text)."""
    import polars as pl

    from .table import is_categorical

    if series is None:
        return pl.repeat("", n, dtype=pl.String, eager=True) if n else pl.Series([], dtype=pl.String)
    if is_categorical(series):
        texts, at = _distinct(series)
        stripped = [t.strip() for t in texts]
        if user_map:
            stripped = [user_map.get(value_key(t), t) for t in stripped]
        return _gather(stripped, dtype or pl.String, at)
    stripped = series.fill_null("").str.strip_chars()
    if not user_map:
        return stripped
    keys = stripped.unique().to_list()
    mapped = {k: user_map[value_key(k)] for k in keys if value_key(k) in user_map}
    if not mapped:
        return stripped
    return stripped.replace(list(mapped), list(mapped.values()))


def _stage1_responses(ids, ids_hash, stage, resp, esc):
    """For each stage 2 row with an escalation date, the response of the first stage 1 row of its id
    (null elsewhere): the escalation is held to it. Rows are matched by the ids' hashes (numbers,
    cheap to group and join); a match whose id differs (two ids with one hash) is redone by text."""
    import polars as pl

    n = ids.len()
    out = pl.repeat(None, n, dtype=pl.Date, eager=True).alias("stage1_responded")
    wanted = ((stage == 2) & esc.is_not_null()).arg_true()
    if wanted.len() == 0:
        return out
    hashes = ids_hash.gather(wanted)
    ones = ((stage == 1) & ids_hash.is_in(hashes.implode())).arg_true()
    first = pl.DataFrame({"h": ids_hash.gather(ones), "row": ones}).group_by("h").agg(pl.col("row").min())
    row = pl.DataFrame({"h": hashes}).join(first, on="h", how="left", maintain_order="left").get_column("row")
    other = (ids.gather(row) != ids.gather(wanted)).fill_null(False)
    if other.any():
        row = row.scatter(other.arg_true(), _first_rows(ids, ids.gather(wanted.filter(other)), ones))
    return out.scatter(wanted, resp.gather(row))


def _first_rows(ids, texts, rows) -> list[int | None]:
    """For each of `texts`, the first of `rows` whose id it is (None if none)."""
    at = rows.filter(ids.gather(rows).is_in(texts.implode()))
    first: dict[str, int] = {}
    for i, text in zip(at.to_list(), ids.gather(at).to_list()):
        first.setdefault(text, i)
    return [first.get(t) for t in texts.to_list()]


#: Each date-order rule: the column it points at, and its words ({column} stands for that date).
ORDER_MESSAGES = {
    "acknowledged-before-received": ("acknowledged", "acknowledged {acknowledged} is before received {received}"),
    "responded-before-received": ("responded", "responded {responded} is before received {received}"),
    "responded-before-acknowledged": ("responded", "responded {responded} is before acknowledged {acknowledged}"),
    "extension-before-received": ("extension_notified", "extension notified {extension_notified} is before received {received}; "
                                  "the extension is not counted as valid"),
    "extended-due-before-received": ("extended_due", "extended due date {extended_due} is before received {received}"),
    "extended-due-before-notified": ("extended_due", "extended due date {extended_due} is before the extension was notified "
                                     "({extension_notified})"),
    "escalation-before-stage1-response": ("escalation_requested", "escalation requested {escalation_requested} is before "
                                          "the stage 1 response ({stage1_responded})"),
    "escalation-after-response": ("escalation_requested", "escalation requested {escalation_requested} is after the stage 2 "
                                  "response ({responded})"),
    "escalation-long-before-received": ("escalation_requested", "escalation requested {escalation_requested} is more than "
                                       f"{ESCALATION_GAP_DAYS} days before the stage 2 receipt ({{received}}); is either date mistyped?"),
}
_ORDER_RULES = tuple(ORDER_MESSAGES)


def _order_exprs():
    import polars as pl

    rec, ack, resp = pl.col("received"), pl.col("acknowledged"), pl.col("responded")
    extn, extd, esc, r1 = pl.col("extension_notified"), pl.col("extended_due"), pl.col("escalation_requested"), pl.col("stage1_responded")
    stage = pl.col("stage")
    ack_ok = ack.is_null() | (ack >= rec)
    resp_ok = resp.is_null() | (resp >= rec)
    return {
        "acknowledged-before-received": ack < rec,
        "responded-before-received": resp < rec,
        "responded-before-acknowledged": ack_ok & resp_ok & (resp < ack),
        "extension-before-received": extn < rec,
        "extended-due-before-received": extd < rec,
        "extended-due-before-notified": (extn >= rec) & (extd >= rec) & (extd < extn),
        # escalation at stage 1 recorded on the stage 1 row: not before that row's response
        "escalation-before-stage1-response": ((stage == 1) & resp_ok & (esc < resp)) | ((stage == 2) & (esc < r1)),
        "escalation-after-response": (stage == 2) & resp_ok & (esc > resp),
        "escalation-long-before-received": (stage == 2) & ((rec - esc).dt.total_days() > ESCALATION_GAP_DAYS),
    }


def _order_violations(rows_frame):
    import polars as pl

    return rows_frame.select(pl.any_horizontal([e.fill_null(False) for e in _order_exprs().values()])).to_series()


def _row_messages(table, index, parsed, rows_frame, order, badmask, unreadable, dup_first, ids):
    """The problems of the bad rows, worded and ordered as a row-by-row reading gives them; each row
    counts once, under its first problem. An unknown value is reported once, at its first row, with
    how many rows hold it."""
    import polars as pl

    where = table.location
    bad_idx = pl.Series(range(badmask.len()), dtype=pl.Int64).filter(badmask)
    if bad_idx.len() == 0:
        return [], {}
    rf = rows_frame.filter(badmask)
    exprs = _order_exprs()
    flags = rf.select([e.fill_null(False).alias(k) for k, e in exprs.items()])
    raw_cols = {ours: table.frame.get_column(f"c{i}").gather(bad_idx).cast(pl.String).fill_null("").to_list() for ours, i in index.items()}
    row_numbers = table.rows.gather(bad_idx).to_list()
    flag_rows = flags.rows()
    typed_rows = rf.select(list(DATE_COLUMNS)).rows()
    value_counts: dict[tuple[str, str], list[int]] = {}
    for kind in ("stage", "tenure", "withdrawn"):
        if kind in raw_cols:
            memo = parsed[kind]
            for j, text in enumerate(raw_cols[kind]):
                v = memo[text]
                if isinstance(v, str) and (kind != "tenure" or v[:1] == "!"):
                    value_counts.setdefault((kind, text), []).append(row_numbers[j])
    # counts over the whole column, not only the bad rows shown here (every row with the value is bad)
    reported: set[tuple[str, str]] = set()
    problems: list[Problem] = []
    excluded: dict[str, int] = {}
    i_id = index["id"]

    def value_problem(kind: str, text: str, j: int, message: str) -> Problem | None:
        key = (kind, text)
        if key in reported:
            return None
        reported.add(key)
        rows = value_counts.get(key, [])
        if len(rows) > 1:
            shown = ", ".join(str(r) for r in rows[:FIRST_ROWS])
            more = f" and {len(rows) - FIRST_ROWS:,} more" if len(rows) > FIRST_ROWS else ""
            message += f" ({len(rows):,} rows: {shown}{more})"
        if text.strip():  # a blank cell is missing, not a spelling to map
            message += f"; map the value under case_log.values.{kind} (to {MAP_TARGETS[kind]})"
        return Problem(where(bad_rows[j], index[kind]), message, VALUE_RULES[kind])

    bad_rows = bad_idx.to_list()
    r1s = rf["stage1_responded"].to_list()
    stages = rf["stage"].to_list()
    for j, i in enumerate(bad_rows):
        rules: list[str] = []
        row_problems: list[Problem] = []

        def add(problem: Problem | None, rule: str) -> None:
            rules.append(rule)
            if problem is not None:  # cell text in a message: control and invisible characters escaped
                row_problems.append(Problem(problem.location, printable(problem.message), problem.rule))

        for cp in unreadable.get(i, ()):
            add(Problem(where(i, cp.column), cp.message, cp.rule), cp.rule)
        v_id = raw_cols["id"][j].strip()
        if not v_id and any(cp.column == i_id for cp in unreadable.get(i, ())):
            pass  # the id cell is there but unreadable (an error value, a merged cell): said above
        elif not v_id:
            rules.clear()
            row_problems.clear()
            add(Problem(where(i, i_id), "the complaint id is blank", "missing-id"), "missing-id")
        elif _ERROR_VALUE.fullmatch(v_id):
            add(Problem(where(i, i_id), f"the complaint id is the spreadsheet error {v_id.upper()} (a broken formula or reference), not an id; fix the cell in the export", "error-value"), "error-value")
        text = raw_cols["stage"][j]
        st = parsed["stage"][text]
        if isinstance(st, str) and st != "exclude":
            add(value_problem("stage", text, j, st), "unknown-stage")
        received_bad = False
        for k, col in enumerate(DATE_COLUMNS):
            if col not in raw_cols:
                continue
            v = parsed[col][raw_cols[col][j]]
            if isinstance(v, str):
                add(Problem(where(i, index[col]), f"{col}: {v}", "bad-date"), "bad-date")
                received_bad = received_bad or k == 0
        if typed_rows[j][0] is None and not received_bad:
            given = raw_cols["received"][j].strip()
            message = "the date received is blank" if not given else f"the date received is '{given}', which gives no date; every complaint needs one"
            add(Problem(where(i, index["received"]), message, "missing-received"), "missing-received")
        for kind in ("tenure", "withdrawn"):
            if kind in raw_cols:
                text = raw_cols[kind][j]
                v = parsed[kind][text]
                if isinstance(v, str) and (kind != "tenure" or v[:1] == "!"):
                    add(value_problem(kind, text, j, v[1:] if kind == "tenure" else v), VALUE_RULES[kind])
        flagged = dict(zip(exprs, flag_rows[j]))
        if any(flagged.values()):
            dates = dict(zip(DATE_COLUMNS, typed_rows[j]))
            for rule, hit in flagged.items():
                if hit:
                    col, message = _order_message(rule, dates, r1s[j] if stages[j] == 2 else dates["responded"])
                    add(Problem(where(i, index[col]), message, rule), rule)
        if not rules and i in dup_first:
            first_row = int(table.rows[dup_first[i]])
            add(Problem(where(i, i_id), f"complaint {v_id} at stage {stages[j]} is listed twice (first at row {first_row}); the second is left out", "duplicate-case"), "duplicate-case")
        problems.extend(row_problems)
        if rules:
            excluded[rules[0]] = excluded.get(rules[0], 0) + 1
    return problems, excluded


def _order_message(rule: str, d: Mapping[str, dt.date | None], stage1_responded: dt.date | None) -> tuple[str, str]:
    """The column and the words of a date-order problem; `stage1_responded` is the stage 1 response
    the escalation is held to (the row's own at stage 1)."""
    column, words = ORDER_MESSAGES[rule]
    dates = {c: v.isoformat() for c, v in d.items() if v is not None}
    if stage1_responded is not None:
        dates["stage1_responded"] = stage1_responded.isoformat()
    return column, words.format(**dates)
