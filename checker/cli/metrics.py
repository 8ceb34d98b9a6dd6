"""`chc metrics`: a case log in, the complaint figures out, with the rules that produced them.

A thin click layer over `caselog`, `workdays` and `metrics`; the main `chc` group adds this
command. Exit codes: 0 figures produced (rows left out are warnings on stderr), 2 unusable input
or usage.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Callable

import click

from ..caselog.reader import (
    COLUMNS,
    REQUIRED,
    CaseLog,
    check_value_maps,
    header_names,
    mapping_block,
    normalise_name,
    read_caselog,
    suggest_columns,
)
from ..codes import StageTimescale, Timescales
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the metrics library imports polars: only when figures are computed
    from ..caselog.metrics import Metrics, StageMetrics
from ..problems import InputError, Location, Problem
from ..textsafe import terminal_text
from ..caselog.workdays import COUNT_FROM_CHOICES, NATIONS, WorkingCalendar


def timescales_for_code(code_id: str) -> Timescales:
    """The timescales of a Code version, from its Code file."""
    from ..codes import load_code

    return load_code(code_id).timescales


def _parse_columns(pairs: tuple[str, ...]) -> tuple[dict[str, str], list[Problem]]:
    mapping, problems = {}, []
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            problems.append(Problem(Location("--column"), f"'{pair}' is not OURS=THEIRS (e.g. received=\"Date Logged\")", "usage"))
        else:
            mapping[ours.strip()] = theirs.strip()
    return mapping, problems


def _parse_dates(values: tuple[str, ...], option: str) -> tuple[list[dt.date], list[Problem]]:
    dates, problems = [], []
    for value in values:
        try:
            dates.append(dt.date.fromisoformat(value.strip()))
        except ValueError:
            problems.append(Problem(Location(option), f"'{value}' is not a date in the form YYYY-MM-DD", "usage"))
    return dates, problems


def _want_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def _progress_bar():
    """A progress callback and its bar (a terminal only; quiet in CI), or (None, None)."""
    if not _want_progress():
        return None, None
    bar = click.progressbar(length=1000, label="Reading case log", file=sys.stderr)

    def progress(fraction: float) -> None:
        target = min(int(fraction * 1000), 1000)
        if target > bar.pos:
            bar.update(target - bar.pos)
    return progress, bar


def _read(path: Path, columns: dict, sheet: str | None, values: dict | None = None,
          header_row: int | None = None, suggest: bool = False) -> CaseLog:
    """Read the log; with `suggest` (no mapping given), a header we cannot use gets a mapping to paste."""
    progress, bar = _progress_bar()
    try:
        if bar is None:
            return read_caselog(path, columns, values=values, sheet=sheet, header_row=header_row)
        with bar:
            return read_caselog(path, columns, values=values, sheet=sheet, header_row=header_row, progress=progress)
    except InputError as exc:
        if suggest and any(p.rule == "missing-column" for p in exc.problems):
            _echo_problems(exc.problems)
            _suggest_mapping(path, sheet, header_row)
            raise SystemExit(2)
        raise


def _suggest_mapping(path: Path, sheet: str | None, header_row: int | None) -> None:
    """Print a `case_log.columns` block guessed from the header, ready to paste into a submission."""
    from ..caselog.table import read_table

    try:
        table = read_table(path, sheet=sheet, header_row=header_row, known_names=header_names())
    except InputError:
        return
    guess = suggest_columns(table.header)
    if not guess:
        click.echo("No column of this file looks like one of ours; map them in a submission's case_log.columns "
                   f"or with --column OURS=THEIRS (ours: {', '.join(COLUMNS)}).", err=True)
        return
    missing = [c for c in REQUIRED if c not in guess]
    click.echo("A mapping guessed from the header, to check and paste into the submission "
               "(then run chc metrics --submission SUBMISSION):", err=True)
    click.echo(mapping_block(guess), err=True)
    flags = " ".join(f'--column {ours}="{theirs}"' for ours, theirs in guess.items() if normalise_name(theirs) != ours)
    if flags:
        click.echo(f"or on the command line: {flags}", err=True)
    if missing:
        click.echo(f"Still to map by hand: {', '.join(missing)}.", err=True)


def make_metrics_command(timescales_for: Callable[[str], Timescales] = timescales_for_code) -> click.Command:
    """The `metrics` command; `timescales_for` maps a Code id to its timescales."""

    @click.command("metrics")
    @click.argument("caselog", type=click.Path(path_type=Path), required=False)
    @click.option("--submission", "submission_path", type=click.Path(path_type=Path),
                  help="Take the case log, its column and value maps, nation, homes, closures, period and Code from a submission.")
    @click.option("--nation", type=click.Choice(list(NATIONS)), default=None,
                  help="Whose bank holidays are not working days (England and Wales share theirs). [default: england]")
    @click.option("--homes-lcra", type=click.IntRange(min=1), help="Low-cost rental homes owned (for CH01).")
    @click.option("--homes-lcho", type=click.IntRange(min=1), help="Low-cost home ownership homes owned (for CH01).")
    @click.option("--code", "code_id", default=None,
                  help="Code version whose timescales apply (hos-2024, spso-2021, ...). [default: hos-2024]")
    @click.option("--column", "column_pairs", multiple=True, metavar="OURS=THEIRS",
                  help="Map one of our column names to the file's, e.g. --column received=\"Date Logged\". Repeatable.")
    @click.option("--sheet", help="XLSX sheet to read (default: the active sheet).")
    @click.option("--header-row", type=click.IntRange(min=1), help="The header's line (CSV) or row (XLSX) when a title sits above it.")
    @click.option("--closure", "closures", multiple=True, metavar="YYYY-MM-DD",
                  help="A day the landlord was closed, besides bank holidays. Repeatable.")
    @click.option("--period-start", metavar="YYYY-MM-DD", help="First day of the reporting year: adds counts by quarter.")
    @click.option("--no-extensions-in-time", is_flag=True,
                  help="CH02 counts only responses within the first timescale (not those within a valid extension).")
    @click.option("--count-from", type=click.Choice(COUNT_FROM_CHOICES), default="next-working-day", show_default=True,
                  help="Where a clock starting on a non-working day starts.")
    @click.option("--max-excluded-pct", type=click.FloatRange(0, 100), default=None,
                  help="Refuse the log when more than this share of rows (and more than 5) cannot be used. [default: 2]")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    def metrics(caselog: Path | None, submission_path: Path | None, nation: str | None, homes_lcra: int | None,
                homes_lcho: int | None, code_id: str | None, column_pairs: tuple[str, ...], sheet: str | None,
                header_row: int | None, closures: tuple[str, ...], period_start: str | None, no_extensions_in_time: bool,
                count_from: str, max_excluded_pct: float | None, fmt: str) -> None:
        """Compute the complaint figures (TSM CH01, CH02, timeliness, escalation rate) from CASELOG (CSV or XLSX).

        Without a submission, CASELOG's columns are read by our names (id, stage, received, ...);
        --column maps others, and a header chc cannot use gets a mapping to paste. With
        --submission, everything the submission says about its case log is used; options given
        as well override it.
        """
        columns, problems = _parse_columns(column_pairs)
        closure_dates, more = _parse_dates(closures, "--closure")
        problems += more
        start_dates, more = _parse_dates((period_start,) if period_start else (), "--period-start")
        problems += more
        values: dict = {}
        excluded_pct = None
        extensions_in_time = not no_extensions_in_time
        if submission_path is not None:
            from ..assess import _plain
            from ..intake.submission import load_submission
            from ..yamlsource import as_date

            try:
                sub = load_submission(submission_path, str(submission_path))
            except InputError as exc:
                _fail(exc.problems)
            spec = sub.case_log or {}
            if not spec and caselog is None:
                _fail([Problem(Location(str(submission_path)), "the submission gives no case log (case_log.path); name one, or give CASELOG", "no-case-log")])
            if caselog is None:
                from ..judge.rules.evidence import path_problem

                trouble = path_problem(sub.folder, spec["path"])
                if trouble:
                    _fail([Problem(sub.where("case_log", "path"), f"case log '{spec['path']}' {trouble}", "case-log-not-found")])
                caselog = submission_path.parent / spec["path"]
            columns = {**dict(spec.get("columns") or {}), **columns}
            values, more = check_value_maps(_plain(spec.get("values") or {}), lambda *keys: sub.where("case_log", "values", *keys))
            problems += more
            sheet = sheet or spec.get("sheet")
            header_row = header_row or spec.get("header_row")
            closure_dates = [as_date(d) for d in spec.get("closures") or ()] + closure_dates
            nation = nation or sub.nation
            homes = sub.landlord.get("homes") or {}
            homes_lcra = homes_lcra or homes.get("lcra") or None
            homes_lcho = homes_lcho or homes.get("lcho") or None
            code_id = code_id or sub.code.id
            if not start_dates:
                start_dates = [sub.period_start]
            excluded_pct = spec.get("max_excluded_pct")
            if (sub.settings or {}).get("count_extensions_in_time") is False:
                extensions_in_time = False
        elif caselog is None:
            problems.append(Problem(Location("chc metrics"), "give a case log (CSV or XLSX), or --submission SUBMISSION", "usage"))
        code_id = code_id or "hos-2024"
        nation = nation or "england"
        try:
            timescales = timescales_for(code_id)
        except InputError as exc:
            problems += exc.problems
        if problems:
            _fail(problems)
        try:
            log = _read(caselog, columns, sheet, values, header_row, suggest=submission_path is None and not columns)
        except InputError as exc:
            _fail(exc.problems)
        from ..caselog.metrics import MetricSettings, check_excluded, compute_metrics

        settings = MetricSettings(count_extensions_in_time=extensions_in_time, count_from_non_working_day=count_from)
        pct_allowed = max_excluded_pct if max_excluded_pct is not None else excluded_pct
        if pct_allowed is not None:
            settings = replace(settings, max_excluded_pct=float(pct_allowed))
        try:  # a log refused for its left-out rows: the refusal names the reasons (and each unmapped value)
            check_excluded(log, settings)
        except InputError as exc:
            _fail(exc.problems)
        for p in (*log.notes, *log.problems):
            click.echo(f"{p.location}: warning: {p.message} [{p.rule}]", err=True)
        if log.excluded_total:
            reasons = ", ".join(f"{rule} {n:,}" for rule, n in log.excluded.items())
            click.echo(f"warning: {log.excluded_total:,} of {log.rows_read:,} rows left out ({reasons})", err=True)
        calendar = WorkingCalendar(nation, frozenset(closure_dates), count_from)
        result = compute_metrics(log, calendar, timescales, homes_lcra, homes_lcho, settings,
                                 period_start=start_dates[0] if start_dates else None)
        if fmt == "json":
            click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(terminal_text(render_text(result, code_id)))

    return metrics


def _echo_problems(problems) -> None:
    for p in sorted(set(problems)):
        click.echo(str(p), err=True)


def _fail(problems) -> None:
    _echo_problems(problems)
    raise SystemExit(2)


# -- text rendering -------------------------------------------------------------------------------

def _n(value) -> str:
    return "n/a" if value is None else f"{value:,}"


def _p(value) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def _d(value) -> str:
    return "n/a" if value is None else f"{value:.1f}"


def _table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = []
    for j, r in enumerate([header, *rows]):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        out.append("  ".join(cells).rstrip())
        if j == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def _clock(name: str | None) -> str:
    return {"received": "receipt", "logged": "logging (taken as receipt)", "acknowledged": "acknowledgement",
            "escalation_requested": "the escalation request"}.get(name or "", name or "")


def _stage_rule(number: int, ts: StageTimescale) -> str:
    parts = []
    if ts.acknowledge_working_days is not None:
        ack_from = _clock(ts.acknowledge_from)
        if ts.acknowledge_from == "escalation_requested":
            ack_from += " (receipt when not given)"
        parts.append(f"acknowledge within {ts.acknowledge_working_days} working days of {ack_from}")
    respond = f"respond within {ts.respond_working_days} working days of {_clock(ts.respond_from)}"
    if ts.respond_from == "acknowledged":
        respond += " (of receipt when no acknowledgement date)"
    parts.append(respond)
    if ts.extension_uncapped:
        parts.append("a valid extension is notified by the first due date; the Code sets no cap on its length")
    elif ts.extension_cap_working_days is None:
        parts.append("no extension recognised")
    elif ts.extension_total:
        parts.append(f"a valid extension is notified by the first due date and ends within {ts.extension_cap_working_days} working days in total"
                     + (", or later with a reason recorded" if ts.extension_beyond_cap_with_reason else ""))
    else:
        parts.append(f"a valid extension is notified by the first due date and adds at most {ts.extension_cap_working_days} working days"
                     + (", or more with a reason recorded" if ts.extension_beyond_cap_with_reason else ""))
    return f"Stage {number}: " + "; ".join(parts) + "."


def render_text(m: Metrics, code_id: str = "") -> str:
    """The figures as aligned tables an analyst can read, with the rules underneath."""
    from ..caselog.metrics import KNOWN_OUTCOMES

    src = m.source
    s1, s2 = m.stage1, m.stage2
    ts = m.rules["timescales"]
    lines = [f"Complaint metrics: {src['file']}" + (f" [{src['sheet']}]" if src.get("sheet") else "")]
    lines.append(f"sha256 {src['sha256']}")
    reasons = ", ".join(f"{k} {v:,}" for k, v in src["excluded_by_reason"].items())
    lines.append(f"Rows: {src['rows_read']:,} read, {src['included']:,} used, {src['excluded']:,} left out"
                 + (f" ({reasons})" if reasons else "") + f", {src['blank_rows']:,} blank")
    for kind, n in (src.get("left_out_by_value_map") or {}).items():
        lines.append(f"Left out by the value map ({kind}: exclude): {n:,} rows")
    if src.get("columns_found_by_name"):
        lines.append("Columns used because their names are ours (not in the mapping): "
                     + ", ".join(f"{ours} ('{theirs}')" for ours, theirs in src["columns_found_by_name"].items()))
    lines.append("")

    def ack_label(stage: dict) -> str:
        days = stage.get("acknowledge_working_days")
        return f"  within {days} working days" if days else "  within time (no rule)"

    def resp(stage: StageMetrics, attr: str) -> str:
        return _n(getattr(stage, attr))

    rows = [
        ("Received", _n(s1.received), _n(s2.received)),
        ("Withdrawn", _n(s1.withdrawn), _n(s2.withdrawn)),
        ("Acknowledged", _n(s1.acknowledged), _n(s2.acknowledged)),
        ("  in time (" + ", ".join(f"S{i} {t.get('acknowledge_working_days', '-')} wd" for i, t in ((1, ts["stage1"]), (2, ts["stage2"]))) + ")",
         _n(s1.acknowledged_in_time), _n(s2.acknowledged_in_time)),
        ("  % acknowledged in time", _p(s1.pct_acknowledged_in_time), _p(s2.pct_acknowledged_in_time)),
        ("Responded", _n(s1.responded), _n(s2.responded)),
        (f"  on time (S1 {ts['stage1']['respond_working_days']} wd, S2 {ts['stage2']['respond_working_days']} wd)", resp(s1, "on_time"), resp(s2, "on_time")),
        ("  on time within a valid extension", resp(s1, "on_time_with_extension"), resp(s2, "on_time_with_extension")),
        ("  late", resp(s1, "late"), resp(s2, "late")),
        ("% responded in time (TSM CH02)", _p(s1.pct_in_time), _p(s2.pct_in_time)),
        ("Mean working days to respond", _d(s1.mean_working_days), _d(s2.mean_working_days)),
        ("Median working days to respond", _d(s1.median_working_days), _d(s2.median_working_days)),
        ("Open (no response yet)", _n(s1.open), _n(s2.open)),
    ]
    lines += _table(rows, ("", "Stage 1", "Stage 2"))
    lines.append("")

    er = m.escalation_rate
    lines.append(f"Escalation rate: {_p(er.pct)} ({er.numerator:,} stage 2 received / {er.denominator:,} stage 1 received)")
    lines.append("")
    homes = m.rules["homes"]
    tsm_rows = []
    for tenure in ("lcra", "lcho"):
        tsm_rows.append((tenure.upper(), _n(homes[tenure]), _d(m.ch01[tenure]["stage1"]), _d(m.ch01[tenure]["stage2"]),
                         _p(m.ch02_by_tenure[tenure]["stage1"]), _p(m.ch02_by_tenure[tenure]["stage2"])))
    tsm_rows.append(("All", "", "", "", _p(m.ch02["stage1"]), _p(m.ch02["stage2"])))
    lines.append("TSM by tenure: CH01 complaints received per 1,000 homes; CH02 % responded in time")
    lines += _table(tsm_rows, ("Tenure", "Homes", "CH01 S1", "CH01 S2", "CH02 S1", "CH02 S2"))
    if homes["lcra"] is None and homes["lcho"] is None:
        lines.append("(give --homes-lcra and --homes-lcho to compute CH01)")
    lines.append("")

    outcome_names = list(KNOWN_OUTCOMES) + sorted(
        {k for k in (*s1.outcomes, *s2.outcomes) if k not in KNOWN_OUTCOMES}, key=lambda k: (k == "not recorded", k.casefold()))
    lines.append("Outcomes (responded complaints)")
    lines += _table([(k, _n(s1.outcomes.get(k, 0)), _n(s2.outcomes.get(k, 0))) for k in outcome_names], ("Outcome", "Stage 1", "Stage 2"))
    lines.append("")
    cats = sorted({*s1.categories, *s2.categories}, key=lambda k: (-(s1.categories.get(k, 0) + s2.categories.get(k, 0)), k.casefold()))
    lines.append("Categories (complaints received)")
    lines += _table([(k, _n(s1.categories.get(k, 0)), _n(s2.categories.get(k, 0))) for k in cats], ("Category", "Stage 1", "Stage 2"))
    if m.by_quarter is not None:
        lines.append("")
        lines.append(f"Complaints received by quarter (year from {m.rules['period_start']})")
        lines += _table([(q.replace("_", " "), _n(v["stage1"]), _n(v["stage2"])) for q, v in m.by_quarter.items()], ("Quarter", "Stage 1", "Stage 2"))
    if s1.late_examples or s2.late_examples:
        lines.append("")
        lines.append("Late responses, first by id: "
                     + "; ".join(f"stage {i}: {', '.join(s.late_examples)}" for i, s in ((1, s1), (2, s2)) if s.late_examples))

    over = [(i, s) for i, s in ((1, s1), (2, s2)) if s.extensions_over_cap_with_reason or s.extensions_over_cap_without_reason]
    if over:
        lines.append("")
        lines.append("Extensions beyond the cap: " + "; ".join(
            f"stage {i}: {s.extensions_over_cap_with_reason:,} with a reason recorded (valid), {s.extensions_over_cap_without_reason:,} without (not valid)"
            for i, s in over))
    st = m.rules["settings"]
    lines.append("")
    lines.append("Rules" + (f" ({code_id} timescales)" if code_id else ""))
    closures = m.rules["closures"]
    lines.append(f"- Working days: {m.rules['working_days']}" + (f" ({', '.join(closures)})" if closures else "") + ".")
    lines.append("- The day that starts a clock (e.g. the day of receipt) is day 0; a deadline of N working days is the Nth working day after it.")
    if st["count_from_non_working_day"] == "next-working-day":
        lines.append("- A clock that starts on a non-working day starts on the next working day.")
    else:
        lines.append("- A clock that starts on a non-working day starts on that day.")
    lines.append("- " + _stage_rule(1, _ts(ts["stage1"])))
    lines.append("- " + _stage_rule(2, _ts(ts["stage2"])))
    lines.append("- CH02 counts responses within a valid extension as in time." if st["count_extensions_in_time"]
                 else "- CH02 counts only responses within the first timescale; those within an extension count as not in time.")
    lines.append("- Withdrawn complaints count as received but are left out of the timeliness figures." if st["exclude_withdrawn"]
                 else "- Withdrawn complaints are counted like any other.")
    blank = {"lcra": "as LCRA", "lcho": "as LCHO", "exclude": "in neither"}[st["blank_tenure"]]
    lines.append(f"- CH01 counts complaints with a blank tenure {blank}; the escalation rate divides stage 2 received by stage 1 received.")
    return "\n".join(lines)


def _ts(d: dict) -> StageTimescale:
    return StageTimescale(**d)


metrics = make_metrics_command()
