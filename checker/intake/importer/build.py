"""From the tables of one or more files to one submission, and the account of what was not placed.

Rows are placed by provision number across all the files, in the order given (councils publish one
section a page). The Code version is `--code`, or the one whose form rows the numbers fit best;
when two fit equally, the headings decide ("Complaint Handling Code 2024", a section title only
one version has), and if they do not, the import stops and asks for --code.

Every row keeps its words: the answer as written (`comply: "Yes – we comply"`; a tick in a Yes
column is `comply: "Yes"`), the evidence as items (see `evidence_cells`), the commentary as
written. Reading the answers and the commentary is the loader's job, not the importer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...codes import Code, available_codes, load_code
from ...problems import InputError, Location, Problem
from .evidence_cells import evidence_items, split_merged
from .sources import Source, kind_of, read_bytes, read_source
from .tables import Columns, Row, read_table

_YEAR_NEAR_CODE = re.compile(r"complaints? handling code\D{0,30}?\b(20\d\d)\b|\b(20\d\d)\b[^.\n\d]{0,12}complaints? handling code", re.I)
_LANDLORD = re.compile(r"^(?P<name>[^:|]{2,80}?)\s*[:|–—]\s*(?:(?:the\s+)?complaints? handling code\s+)?self[- ]assessment\b", re.I)
_NOT_A_NAME = re.compile(r"^\s*(?:section|part|appendix|table|annex|our|the code)\b|^\s*\d", re.I)
_PERIOD = re.compile(r"\b(20\d\d)\s*[-/–]\s*(20\d\d|\d\d)\b")
# Words in a heading that name a Code version's family when the numbers do not tell.
FAMILY_WORDS = {"spso-2021": ("spso", "scottish public services ombudsman", "model complaints handling procedure")}


@dataclass(frozen=True)
class Imported:
    """The submission built, what went into it, and what could not be placed (with its place)."""

    data: dict
    code: Code
    files: tuple[str, ...]
    tables: int
    placed: tuple[str, ...]
    unanswered: tuple[str, ...]
    not_in_files: tuple[str, ...]
    warnings: tuple[Problem, ...]
    notes: tuple[str, ...] = ()

    def yaml(self) -> str:
        import textwrap

        from ..scaffold import WIDTH, dump_submission

        header = textwrap.wrap(f"Imported by `chc import` from {', '.join(self.files)}: {len(self.placed)} rows of {self.code.id}. "
                               "Answers, evidence and commentary are as the files give them; check it with `chc check`.",
                               WIDTH - 2, break_on_hyphens=False, break_long_words=False)
        return dump_submission(self.data, self.code, header=header)


@dataclass
class _Gathered:
    rows: list[Row] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    tables: int = 0
    problems: list[Problem] = field(default_factory=list)  # refused files: errors
    warnings: list[Problem] = field(default_factory=list)


def import_files(paths: list[str | Path], *, code_id: str | None = None, landlord: str | None = None,
                 period: str | None = None, displays: list[str] | None = None) -> Imported:
    """One submission from the files; InputError when nothing usable was found in any of them."""
    paths = [Path(p) for p in paths]
    names = displays or [str(p) for p in paths]
    own = _chc_workbook(paths, names)
    if own is not None:
        return _from_workbook(*own, landlord=landlord, period=period)
    gathered = _gather(paths, names)
    if not gathered.rows:
        raise InputError(gathered.problems + gathered.warnings)
    code, note = _choose_code(code_id, gathered)
    answers, placed, warnings = _place(gathered.rows, code)
    warnings = gathered.problems + gathered.warnings + warnings
    if not placed:
        raise InputError(warnings)
    data, notes = _submission(code, answers, gathered.texts, landlord, period)
    form = [p.id for p in code.form_rows]
    return Imported(
        data=data,
        code=code,
        files=tuple(names),
        tables=gathered.tables,
        placed=tuple(p for p in form if p in placed),
        unanswered=tuple(p for p in form if p in placed and not _answered(answers[p])),
        not_in_files=tuple(p for p in form if p not in placed),
        warnings=_in_order(warnings, names),
        notes=tuple(([note] if note else []) + notes),
    )


def _in_order(problems: list[Problem], names: list[str]) -> tuple[Problem, ...]:
    """Problems once each, by file in the order given, then table, sheet and row."""
    order = {name: n for n, name in enumerate(names)}

    def key(p: Problem):
        where = p.location
        return order.get(where.file, len(order)), where.table, where.sheet, where.line, where.column, where.cell, p.message

    return tuple(sorted(set(problems), key=key))


def _chc_workbook(paths: list[Path], names: list[str]):
    for path, name in zip(paths, names):
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file():
            from .sheet import is_chc_workbook

            try:
                data = read_bytes(path, name, kind_of(path, name))
            except InputError:
                continue  # reported when the file is read as a table
            if is_chc_workbook(data, name):
                if len(paths) > 1:
                    raise InputError([Problem(Location(name), "is a chc fill-in workbook, which holds a whole submission; "
                                                              "import it on its own", "usage")])
                return path, name
    return None


def _from_workbook(path: Path, name: str, *, landlord: str | None, period: str | None) -> Imported:
    from ..scaffold import parse_period
    from ..workbook import import_workbook

    data, code = import_workbook(path, display=name)
    if landlord:
        data["landlord"]["name"] = landlord
    if period:
        start, end = parse_period(period)
        data["period"].update(start=start, end=end)
    answers = data.get("answers") or {}
    form = [p.id for p in code.form_rows]
    return Imported(data, code, (name,), 1, tuple(p for p in form if p in answers),
                    tuple(p for p in form if p in answers and not _answered(answers[p])),
                    tuple(p for p in form if p not in answers), (), ("read as chc's own fill-in workbook",))


def _gather(paths: list[Path], names: list[str]) -> _Gathered:
    out = _Gathered()
    for path, name in zip(paths, names):
        try:
            source = read_source(path, name)
        except InputError as exc:
            out.problems.extend(exc.problems)
            continue
        _read_source(source, out)
    return out


def _read_source(source: Source, out: _Gathered) -> None:
    out.texts.extend(source.texts)
    previous: Columns | None = None
    found = 0
    for table in source.tables:
        reading = read_table(table, previous)
        if reading.columns is None:
            continue
        found += 1
        out.tables += 1
        previous = reading.columns
        out.texts.extend(reading.headings)
        if table.heading:
            out.texts.append(table.heading)
        out.rows.extend(reading.rows)
        out.warnings.extend(Problem(where, message, "not-placed") for where, message in reading.unplaced)
        if reading.empty:
            out.warnings.append(Problem(table.place(), "this table has a header row but no rows", "empty-table"))
    if not found:
        what = "table" if source.kind in ("docx", "html") else "sheet" if source.kind == "xlsx" else "header row"
        out.problems.append(Problem(Location(source.name), f"no self-assessment table found: no {what} has a header row naming "
                                                           "the provision (or requirement) and the comply, evidence or commentary columns",
                                    "no-table"))


def _choose_code(code_id: str | None, gathered: _Gathered) -> tuple[Code, str]:
    if code_id:
        return load_code(code_id), ""
    numbers = {row.provision for row in gathered.rows}
    codes = [load_code(c) for c in available_codes()]
    fit = {c.id: len(numbers & {p.id for p in c.form_rows}) for c in codes}
    best = max(fit.values())
    tops = [c for c in codes if fit[c.id] == best and best]
    if len(tops) == 1:
        return tops[0], f"Code version {tops[0].id}: its form has {best} of the {len(numbers)} provision numbers found"
    text = "\n".join(gathered.texts)
    years = {int(a or b) for a, b in _YEAR_NEAR_CODE.findall(text)}
    lowered = text.lower()
    by_name = [c for c in tops if any(w in lowered for w in FAMILY_WORDS.get(c.id, ()))]
    if len(by_name) == 1:
        return by_name[0], f"Code version {by_name[0].id}: named in the headings"
    by_year = [c for c in tops if c.in_force_from.year in years and c.id not in FAMILY_WORDS]
    if len(by_year) == 1:
        return by_year[0], f"Code version {by_year[0].id}: the headings name the {by_year[0].in_force_from.year} Code"
    titles = {c.id: sum(1 for s in c.sections if len(s.title) > 12 and s.title.lower() in lowered) for c in tops}
    most = max(titles.values(), default=0)
    by_title = [c for c in tops if titles[c.id] == most and most]
    if len(by_title) == 1:
        return by_title[0], f"Code version {by_title[0].id}: the section headings are its own"
    where = Location(gathered.rows[0].table.file)
    fits = ", ".join(c.id for c in tops) if tops else "none of " + ", ".join(available_codes())
    raise InputError([Problem(where, f"cannot tell which Code version this form follows: its provision numbers fit {fits} "
                                     "equally and the headings do not say; give --code (see `chc codes`)", "ambiguous-code")])


def _place(rows: list[Row], code: Code) -> tuple[dict, set, list[Problem]]:
    answers: dict[str, dict] = {}
    first: dict[str, Location] = {}
    warnings: list[Problem] = []
    for row in rows:
        provision = code.provision(row.provision)
        if provision is None or not provision.form_row:
            what = f"'{row.provision}' is not a provision of {code.id}" if provision is None else \
                f"provision {row.provision} of {code.id} is not a row of its self-assessment form"
            warnings.append(Problem(row.location, f"{what}; this row was not imported: '{row.text}'", "not-placed"))
            continue
        if row.provision in first:
            warnings.append(Problem(row.location, f"provision {row.provision} is given twice (first at {first[row.provision]}); "
                                                  f"this row was not imported: '{row.text}'", "duplicate"))
            continue
        first[row.provision] = row.location
        answer, problem = _answer(row, provision)
        if problem:
            warnings.append(problem)
        answers[row.provision] = answer
    return answers, set(first), warnings


def _answer(row: Row, provision) -> tuple[dict, Problem | None]:
    problem = None
    comply = row.comply
    if len(row.ticked) > 1:
        problem = Problem(row.location, f"provision {row.provision} has ticks under {' and '.join(row.ticked)}; "
                                        "its answer is left empty", "two-answers")
    elif row.ticked:
        comply = comply or row.ticked[0]
    answer: dict[str, Any] = {}
    if provision.answer_type != "yes-no" and comply:
        number = _number(comply)
        if number is not None and provision.answer_type in ("percent", "count") and not provision.items:
            answer["value"] = number
        else:
            answer["text"] = comply
    else:
        answer["comply"] = comply or None
    items = evidence_items(row.evidence)
    commentary = [row.commentary] if row.commentary else []
    if row.merged:
        more, rest = split_merged(row.merged)
        if rest and not more and not items and _reads_yes(answer.get("comply")):
            # The merged column is where the form asks for the evidence: a 'yes' whose cell names
            # no reference is evidenced by its words, kept as text items, one a line (a 'no'
            # keeps them as commentary, where its explanation and plan are read).
            items += evidence_items(rest)
        else:
            items += more
            if rest:
                commentary.append(rest)
    if row.tick_text:
        commentary.append(row.tick_text)
    if items:
        answer["evidence"] = items
    if commentary:
        answer["commentary"] = "\n\n".join(commentary)
    return answer, problem


def _reads_yes(comply) -> bool:
    from ..written import read_comply

    return read_comply(comply).value == "yes"


def _number(text: str):
    try:
        value = float(text.strip().rstrip("%").replace(",", ""))
    except ValueError:
        return None
    return int(value) if value.is_integer() else value


def _answered(answer: dict) -> bool:
    return bool(answer.get("comply") or answer.get("value") is not None or answer.get("text"))


def _submission(code: Code, answers: dict, texts: list[str], landlord: str | None, period: str | None) -> tuple[dict, list[str]]:
    from ..scaffold import parse_period

    notes = []
    start = end = None
    label = period
    if not label:
        for text in texts:
            for first, second in _PERIOD.findall(text):
                if (int(first) + 1) % 100 == int(second) % 100:
                    label = f"{first}-{int(second) % 100:02d}"
                    break
            if label:
                notes.append(f"period {label}: from the headings (give --period to set another)")
                break
    if label:
        start, end = parse_period(label)
    else:
        notes.append("no period found in the files: give --period (e.g. 2025-26) or fill in period: in the file")
    if not landlord:
        landlord = next((m.group("name").strip() for m in map(_LANDLORD.match, texts) if m and not _NOT_A_NAME.match(m.group("name"))), "")
        if landlord:
            notes.append(f"landlord {landlord}: from the headings (give --landlord to set another)")
        else:
            notes.append("no landlord name given: give --landlord NAME or fill in landlord: name: in the file")
    data = {
        "code": code.id,
        "landlord": {"name": landlord or "", "nation": code.jurisdiction[0]},
        "period": {"start": start, "end": end},
        "answers": answers,
    }
    return data, notes
