"""Property tests: whatever a person or a complaints system produces, chc ends in a result or an
InputError whose problems are located, never another exception.

Targets, 500 generated examples each, derandomized and without an example database so that CI
runs the same examples every time:
- YAML text (random structure, odd scalars and unicode, deep-ish nesting, duplicate keys,
  anchors and aliases, tabs, stray punctuation) -> `load_yaml_text`;
- submission-shaped documents with random mutations -> `load_submission` (through `assess`)
  and, when that succeeds, the whole evaluation and every report format;
- CSV case logs (random headers, delimiters, encodings and cells: dates in many forms, serial
  numbers, garbage) -> `read_caselog` + `compute_metrics`, whose figures must be valid JSON;
- XLSX case logs (typed cells: dates, datetimes, numbers, booleans, times, text) -> the same.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from checker.caselog.reader import COLUMNS, read_caselog
from checker.codes import load_code
from checker.caselog.metrics import compute_metrics
from checker.problems import InputError
from checker.caselog.workdays import WorkingCalendar
from checker.yamlsource import load_yaml_text

PROFILE = settings(max_examples=500, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])


def located(exc: InputError, name: str, *, lines: bool = True) -> None:
    """Every problem names the file, and (for text inputs) a line and column within it."""
    assert exc.problems
    for problem in exc.problems:
        assert problem.location.file.startswith(name), problem
        assert problem.message and problem.rule, problem
        if lines:
            assert problem.location.line >= 1 and problem.location.column >= 1, problem
        str(problem)  # renders


# -- YAML text ------------------------------------------------------------------------------------

odd_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(list("\u202e\u2066\u200b\ufeff\u00a0\t\x85\u2028é—ü€")),
    max_size=20,
)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=True),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), odd_text,
    st.sampled_from(["yes", "no", "n/a", "2025-02-31", "2024-02-29", "31/02/2025", "0x1F", "1e400", "~", "null",
                     ".nan", "-.inf", "6.10", "=HYPERLINK(\"x\")", "<script>", "@SUM", "+1", "-2+3", "''", '"']),
)
keys = st.one_of(st.sampled_from(["code", "landlord", "answers", "1.2", "6.3", "<<", "x-a", "a", "a"]), odd_text)
trees = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25)


def _dump(tree) -> str:
    try:
        return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, default_flow_style=None, width=60)
    except yaml.YAMLError:
        return repr(tree)


@st.composite
def yaml_texts(draw) -> str:
    text = _dump(draw(trees))
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["dup", "anchor", "tab", "junk", "cut", "indent", "nest"]))
        at = draw(st.integers(0, len(lines)))
        if kind == "dup" and lines:  # repeat a line: duplicate keys, mostly
            lines.insert(at, lines[min(at, len(lines) - 1)])
        elif kind == "anchor":
            lines.insert(at, draw(st.sampled_from(["a: &x [1, 2]", "b: *x", "c: *missing", "<<: *x", "d: &x {k: v}", "e: [*x, *x, *x]"])))
        elif kind == "tab" and lines:
            lines[min(at, len(lines) - 1)] = "\t" + lines[min(at, len(lines) - 1)]
        elif kind == "junk":
            lines.insert(at, draw(st.text(st.sampled_from(list(":-[]{},&*!|>'\"#%@` \t?\\") + ["a", "1", "\u0007", "\x00"]), max_size=12)))
        elif kind == "cut":
            text = "\n".join(lines)
            lines = text[: draw(st.integers(0, len(text)))].splitlines()
        elif kind == "indent" and lines:
            lines[min(at, len(lines) - 1)] = " " * draw(st.integers(1, 5)) + lines[min(at, len(lines) - 1)]
        elif kind == "nest":
            depth = draw(st.integers(1, 80))
            lines.insert(at, "n: " + "[" * depth + "]" * depth)
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\n---\n", "\n...\n"]))


@PROFILE
@given(yaml_texts())
def test_any_yaml_text_loads_or_is_refused_with_located_problems(text):
    try:
        doc = load_yaml_text(text, "gen.yaml")
    except InputError as exc:
        event("refused: " + exc.problems[0].rule)
        located(exc, "gen.yaml")
        return
    event("loaded")
    json.dumps(doc.data, default=str, allow_nan=False)  # plain values only, no NaN


# -- submissions ----------------------------------------------------------------------------------

BASE = {
    "code": "hos-2024",
    "landlord": {"name": "Test Homes", "nation": "england", "homes": {"lcra": 1000, "lcho": 100}},
    "period": {"start": dt.date(2024, 4, 1), "end": dt.date(2025, 3, 31)},
    "governance": {"governing_body": {"name": "Board", "reviewed": dt.date(2025, 5, 20), "approved": dt.date(2025, 6, 17)}},
    "policy": {"stages": 2, "stage1": {"acknowledge_working_days": 5, "respond_working_days": 10}},
    "metrics": {"stage1": {"received": 10, "responded": 9, "pct_in_time": 90.0}},
    "case_log": {"path": "caselog.csv"},
    "answers": {"1.2": {"comply": "yes", "evidence": ["Policy"]}, "6.3": {"comply": "no", "explanation": "x",
                                                                       "action": {"what": "y", "target_date": dt.date(2025, 9, 1)}}},
}
texts = odd_text | st.sampled_from(["<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\u202egpj.exe", "a" * 300, "**bold** <b>x</b>"])
dates = st.dates(dt.date(2015, 1, 1), dt.date(2035, 12, 31))
counts = st.integers(-3, 10**7)
pcts = st.floats(-5, 105, allow_nan=False) | st.integers(0, 100)
# Where a submission can be changed, and values of the right kind there (odd, but mostly valid).
PATHS = {
    ("code",): st.sampled_from(["hos-2024", "hos-2022", "hos-2020", "spso-2021", "hos-2019"]),
    ("landlord", "name"): texts,
    ("landlord", "nation"): st.sampled_from(["england", "wales", "scotland", "northern-ireland"]),
    ("landlord", "homes", "lcra"): counts,
    ("landlord", "homes", "lcho"): counts,
    ("period", "start"): dates,
    ("period", "end"): dates,
    ("governance", "governing_body", "approved"): dates,
    ("governance", "governing_body", "response"): texts,
    ("governance", "mrc"): st.fixed_dictionaries({"name": texts}),
    ("policy", "stages"): st.integers(0, 4),
    ("policy", "definition"): texts,
    ("policy", "stage1", "respond_working_days"): st.integers(0, 40),
    ("policy", "stage2", "extension_cap_working_days"): st.integers(0, 40),
    ("metrics", "stage1", "received"): counts,
    ("metrics", "stage1", "responded"): counts,
    ("metrics", "stage1", "pct_in_time"): pcts,
    ("metrics", "escalation_rate_pct"): pcts,
    ("case_log", "path"): st.sampled_from(["caselog.csv", "../../etc/passwd", "/etc/passwd", "missing.csv", "caselog.csv"]),
    ("case_log", "columns"): st.dictionaries(st.sampled_from(["id", "received", "stage", "tenure", "colour"]), st.sampled_from(["id", "Date", "stage", ""]), max_size=2),
    ("case_log", "closures"): st.lists(dates, max_size=3),
    ("settings", "timeliness_tolerance_pct"): pcts,
    ("answers", "1.2", "comply"): st.sampled_from(["yes", "no", "partial", "n/a"]),
    ("answers", "1.2", "evidence"): st.lists(texts | st.fixed_dictionaries({"document": texts}, optional={
        "path": st.sampled_from(["caselog.csv", "../x", "/etc/passwd", "nope.md", "."]), "url": st.sampled_from(["https://x.example/<b>", "http://a"]),
        "section": texts, "page": st.integers(-1, 10**6)}) | st.fixed_dictionaries({"figure": st.sampled_from(["stage1.pct_in_time", "stage2.received", "x"]),
                                                                                  "value": pcts}), max_size=3),
    ("answers", "1.2", "commentary"): texts,
    ("answers", "6.3", "action", "target_date"): dates,
    ("answers", "6.3", "comply"): st.sampled_from(["yes", "no", "partial", "n/a"]),
    ("answers", "4.5"): st.fixed_dictionaries({}, optional={"value": pcts, "comply": st.sampled_from(["yes", "n/a"])}),
    ("answers", "4.6"): st.fixed_dictionaries({"value": pcts}),
    ("answers", "6.99"): st.fixed_dictionaries({"comply": st.just("yes")}),
}
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.sampled_from(["1.2", "6.3", "x", "id"]), scalars, max_size=3),
)


def _set(tree: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        if not isinstance(tree.get(key), dict):
            tree[key] = {}
        tree = tree[key]
    tree[path[-1]] = value


@st.composite
def submissions(draw) -> str:
    import copy

    tree = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(0, 5))):
        path = draw(st.sampled_from(sorted(PATHS)))
        if draw(st.booleans()) and len(path) > 1:
            parent = tree
            for key in path[:-1]:
                parent = parent.get(key) if isinstance(parent, dict) else None
            if isinstance(parent, dict):
                parent.pop(path[-1], None)
                continue
        _set(tree, path, draw(values if draw(st.integers(0, 5)) == 0 else PATHS[path]))
    text = _dump(tree)
    if draw(st.integers(0, 9)) == 0:  # sometimes break the text too
        text = text.replace("answers:", draw(st.sampled_from(["answers:\n\t", "answers: &a", "answers: *a\nx:", "answers:\nanswers:"])), 1)
    return text


CASELOG = "id,stage,received,acknowledged,responded\nC1,1,01/04/2024,02/04/2024,12/04/2024\nC2,2,2024-05-01,,\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("props")
    (path / "caselog.csv").write_text(CASELOG, encoding="utf-8")
    return path


@PROFILE
@given(text=submissions())
def test_any_submission_loads_and_evaluates_or_is_refused(folder, text):
    from checker.assess import assess
    from checker.cli.check import render_report
    from checker.render.text import render_text
    from checker.result import build_result

    path = folder / "submission.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        evaluation = assess(path)
    except InputError as exc:
        event("refused: " + exc.problems[0].rule)
        located(exc, str(folder), lines=False)  # the submission, or its case log beside it
        return
    event("evaluated")
    result = build_result(evaluation)
    json.dumps(result, allow_nan=False)
    render_text(result)
    for fmt in ("md", "html", "json"):
        assert render_report(result, fmt)


# -- case logs ------------------------------------------------------------------------------------

date_cells = st.one_of(
    st.dates(dt.date(1985, 1, 1), dt.date(2105, 12, 31)).flatmap(lambda d: st.sampled_from([
        d.isoformat(), d.strftime("%d/%m/%Y"), d.strftime("%d/%m/%y"), d.strftime("%d-%b-%Y"), d.strftime("%d %B %Y"),
        d.strftime("%d.%m.%Y"), d.strftime("%m/%d/%Y"), d.isoformat() + "T10:30:00Z", d.strftime("%d/%m/%Y %H:%M"),
        str((d - dt.date(1899, 12, 30)).days), f"{(d - dt.date(1899, 12, 30)).days}.75", d.strftime("%A %d %B %Y"),
    ])),
    st.sampled_from(["", " ", "31/02/2024", "2024-02-30", "00/00/0000", "99999", "-1", "1e9", "N/A", "TBC", "#VALUE!", "yesterday",
                     "12:30", "2024-13-01", "1/1/1", "31 Foo 2024", "0", "45000.5", "2024/04/01", "٢٠٢٤-٠٤-٠١"]),
)
other_cells = st.one_of(odd_text, st.sampled_from(["1", "2", "Stage 1", "S2", "3", "", "LCRA", "lcho", "council", "yes", "No", "withdrawn",
                                                   "Upheld", "Partly upheld", "=HYPERLINK(\"x\")", "@SUM(A1)", "+1", "-2+3"]))


@st.composite
def caselog_tables(draw):
    spelled = st.sampled_from(COLUMNS).flatmap(lambda c: st.sampled_from([c, c.upper(), c.replace("_", " ").title(), f" {c} ", c.replace("_", "-")]))
    names = draw(st.lists(spelled | st.sampled_from(["junk", "", "Received"]), max_size=9))
    if draw(st.integers(0, 5)):  # mostly a usable header: the required columns, somewhere
        for required in ("id", "stage", "received"):
            if required not in [n.strip().casefold().replace(" ", "_").replace("-", "_") for n in names]:
                names.insert(draw(st.integers(0, len(names))), required)
    rows = []
    for _ in range(draw(st.integers(0, 15))):
        row = []
        for name in names:
            base = name.strip().casefold().replace(" ", "_").replace("-", "_")
            row.append(draw(date_cells if base in ("received", "acknowledged", "responded", "extension_notified", "extended_due",
                                                   "escalation_requested") else other_cells))
        rows.append(row[: draw(st.integers(0, len(row)))] if draw(st.integers(0, 9)) == 0 else row)
    return names, rows


@st.composite
def caselog_bytes(draw) -> bytes:
    names, rows = draw(caselog_tables())
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"])))
    writer.writerow(names)
    for row in rows:
        writer.writerow(row)
        if draw(st.integers(0, 7)) == 0:
            out.write(draw(st.sampled_from(["\n", ",,,\n", '"unclosed,\n', "\x00\n", "a" * 50 + "\n"])))
    text = out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "utf-8"]))
    return text.encode(encoding, errors="replace")


HOS = load_code("hos-2024").timescales
SPSO = load_code("spso-2021").timescales


def _figures(log, nation: str, spso: bool) -> None:
    metrics = compute_metrics(log, WorkingCalendar(nation), SPSO if spso else HOS, homes_lcra=1000, homes_lcho=10,
                              period_start=dt.date(2024, 4, 1))
    figures = metrics.as_dict()
    json.dumps(figures, allow_nan=False)
    source = figures["source"]
    assert source["rows_read"] == source["included"] + source["excluded"] + source["blank_rows"]
    for p in log.problems:
        assert p.location.line >= 2, p  # a data row, below the header


@PROFILE
@given(data=caselog_bytes(), nation=st.sampled_from(["england", "wales", "scotland", "northern-ireland"]), spso=st.booleans())
def test_any_csv_case_log_gives_figures_or_located_problems(folder, data, nation, spso):
    path = folder / "log.csv"
    path.write_bytes(data)
    try:
        log = read_caselog(path, display="log.csv")
    except InputError as exc:
        event("refused: " + exc.problems[0].rule)
        located(exc, "log.csv", lines=False)
        return
    event("figures" + (" with rows left out" if log.problems else ""))
    _figures(log, nation, spso)


xlsx_cells = st.one_of(
    st.none(), st.dates(dt.date(1900, 3, 1), dt.date(2150, 1, 1)), st.datetimes(dt.datetime(1900, 3, 1), dt.datetime(2150, 1, 1)),
    st.integers(-10**6, 10**6), st.floats(-1e6, 1e7, allow_nan=False), st.booleans(), st.times(), date_cells, other_cells,
)


@PROFILE
@given(extra=st.lists(st.sampled_from(list(COLUMNS) + ["junk"]), max_size=6, unique=True), order=st.randoms(use_true_random=False),
       rows=st.lists(st.lists(xlsx_cells, max_size=9), max_size=8), merge=st.booleans())
def test_any_xlsx_case_log_gives_figures_or_located_problems(folder, extra, order, rows, merge):
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    names = list(dict.fromkeys(["id", "stage", "received"] + extra))
    order.shuffle(names)

    wb = openpyxl.Workbook()
    ws = wb.active
    try:
        ws.append(names)
        for row in rows:
            ws.append(row)
    except (IllegalCharacterError, ValueError):
        return  # a value openpyxl cannot write; not an input a workbook can hold
    if merge and rows:
        ws.merge_cells(start_row=2, start_column=1, end_row=min(3, len(rows) + 1), end_column=min(2, len(names)))
    path = folder / "log.xlsx"
    wb.save(path)
    try:
        log = read_caselog(path, display="log.xlsx")
    except InputError as exc:
        event("refused: " + exc.problems[0].rule)
        located(exc, "log.xlsx", lines=False)
        return
    event("figures" + (" with rows left out" if log.problems else ""))
    _figures(log, "england", False)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(st.lists(xlsx_cells, max_size=7), min_size=2, max_size=24), gap=st.integers(0, 3))
def test_any_xlsx_sheet_reads_alike_in_halves_and_in_one_piece(folder, rows, gap):
    """A sheet parsed in two halves (each on its own core, as a big one is) gives the table the
    sheet parsed in one piece gives, or the same problems: whatever its cells, wherever the cut."""
    import openpyxl
    from openpyxl.utils.exceptions import IllegalCharacterError

    from checker.caselog import table as T
    from checker.caselog import xlsx_halves as H
    from checker.caselog import xlsx_table as X

    wb = openpyxl.Workbook()
    ws = wb.active
    try:
        for _ in range(gap):
            ws.append([])
        ws.append(["id", "stage", "received", "outcome"])
        for row in rows:
            ws.append(row)
    except (IllegalCharacterError, ValueError):
        return
    path = folder / "halves.xlsx"
    wb.save(path)
    results = []
    for halves in (False, True):
        with pytest.MonkeyPatch.context() as m:
            if halves:
                m.setattr(H, "SPLIT_MIN_BYTES", 0)
                m.setattr(X, "SCAN_CHUNK", 1024)
                m.setattr(X.pl, "thread_pool_size", lambda: 2)  # halves wherever the tests run
            try:
                t = T.read_table(path, display="log.xlsx", known_names=["id", "stage", "received"])
                results.append((t.header, t.header_row, t.rows_read, t.blank_rows, t.frame.rows(), t.rows.to_list(),
                                t.cell_problems, t.notes, [T.is_categorical(t.frame[c]) or t.frame[c].dtype for c in t.frame.columns]))
            except InputError as exc:
                results.append(exc.problems)
    assert results[0] == results[1]
