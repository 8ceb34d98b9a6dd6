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
from pathlib import Path
from typing import Callable

import click

from ..caselog.reader import CaseLog, read_caselog
from ..codes import StageTimescale, Timescales
from ..caselog.metrics import (
    KNOWN_OUTCOMES,
    Metrics,
    MetricSettings,
    StageMetrics,
    compute_metrics,
)
from ..problems import InputError, Location, Problem
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


def _read(path: Path, columns: dict, sheet: str | None) -> CaseLog:
    if not _want_progress():
        return read_caselog(path, columns, sheet=sheet)
    with click.progressbar(length=1000, label="Reading case log", file=sys.stderr) as bar:
        def progress(fraction: float) -> None:
            target = min(int(fraction * 1000), 1000)
            if target > bar.pos:
                bar.update(target - bar.pos)
        return read_caselog(path, columns, sheet=sheet, progress=progress)


def make_metrics_command(timescales_for: Callable[[str], Timescales] = timescales_for_code) -> click.Command:
    """The `metrics` command; `timescales_for` maps a Code id to its timescales."""

    @click.command("metrics")
    @click.argument("caselog", type=click.Path(path_type=Path))
    @click.option("--nation", type=click.Choice(list(NATIONS)), default="england", show_default=True,
                  help="Whose bank holidays are not working days (England and Wales share theirs).")
    @click.option("--homes-lcra", type=click.IntRange(min=1), help="Low-cost rental homes owned (for CH01).")
    @click.option("--homes-lcho", type=click.IntRange(min=1), help="Low-cost home ownership homes owned (for CH01).")
    @click.option("--code", "code_id", default="hos-2024", show_default=True,
                  help="Code version whose timescales apply (hos-2024, spso-2021, ...).")
    @click.option("--column", "column_pairs", multiple=True, metavar="OURS=THEIRS",
                  help="Map one of our column names to the file's, e.g. --column received=\"Date Logged\". Repeatable.")
    @click.option("--sheet", help="XLSX sheet to read (default: the first).")
    @click.option("--closure", "closures", multiple=True, metavar="YYYY-MM-DD",
                  help="A day the landlord was closed, besides bank holidays. Repeatable.")
    @click.option("--period-start", metavar="YYYY-MM-DD", help="First day of the reporting year: adds counts by quarter.")
    @click.option("--no-extensions-in-time", is_flag=True,
                  help="CH02 counts only responses within the first timescale (not those within a valid extension).")
    @click.option("--count-from", type=click.Choice(COUNT_FROM_CHOICES), default="next-working-day", show_default=True,
                  help="Where a clock starting on a non-working day starts.")
    @click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
    def metrics(caselog: Path, nation: str, homes_lcra: int | None, homes_lcho: int | None, code_id: str,
                column_pairs: tuple[str, ...], sheet: str | None, closures: tuple[str, ...],
                period_start: str | None, no_extensions_in_time: bool, count_from: str, fmt: str) -> None:
        """Compute the complaint figures (TSM CH01, CH02, timeliness, escalation rate) from CASELOG (CSV or XLSX)."""
        columns, problems = _parse_columns(column_pairs)
        closure_dates, more = _parse_dates(closures, "--closure")
        problems += more
        start_dates, more = _parse_dates((period_start,) if period_start else (), "--period-start")
        problems += more
        try:
            timescales = timescales_for(code_id)
        except InputError as exc:
            problems += exc.problems
        if problems:
            _fail(problems)
        try:
            log = _read(caselog, columns, sheet)
        except InputError as exc:
            _fail(exc.problems)
        for p in log.problems:
            click.echo(f"{p.location}: warning: {p.message} [{p.rule}]", err=True)
        if log.excluded_total:
            reasons = ", ".join(f"{rule} {n:,}" for rule, n in log.excluded.items())
            click.echo(f"warning: {log.excluded_total:,} of {log.rows_read:,} rows left out ({reasons})", err=True)
        settings = MetricSettings(count_extensions_in_time=not no_extensions_in_time, count_from_non_working_day=count_from)
        calendar = WorkingCalendar(nation, frozenset(closure_dates), count_from)
        result = compute_metrics(log, calendar, timescales, homes_lcra, homes_lcho, settings,
                                 period_start=start_dates[0] if start_dates else None)
        if fmt == "json":
            click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        else:
            click.echo(render_text(result, code_id))

    return metrics


def _fail(problems) -> None:
    for p in sorted(set(problems)):
        click.echo(str(p), err=True)
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
    if ts.extension_cap_working_days is None:
        parts.append("no extension recognised")
    elif ts.extension_total:
        parts.append(f"a valid extension is notified by the first due date and ends within {ts.extension_cap_working_days} working days in total")
    else:
        parts.append(f"a valid extension is notified by the first due date and adds at most {ts.extension_cap_working_days} working days")
    return f"Stage {number}: " + "; ".join(parts) + "."


def render_text(m: Metrics, code_id: str = "") -> str:
    """The figures as aligned tables an analyst can read, with the rules underneath."""
    src = m.source
    s1, s2 = m.stage1, m.stage2
    ts = m.rules["timescales"]
    lines = [f"Complaint metrics: {src['file']}" + (f" [{src['sheet']}]" if src.get("sheet") else "")]
    lines.append(f"sha256 {src['sha256']}")
    reasons = ", ".join(f"{k} {v:,}" for k, v in src["excluded_by_reason"].items())
    lines.append(f"Rows: {src['rows_read']:,} read, {src['included']:,} used, {src['excluded']:,} left out"
                 + (f" ({reasons})" if reasons else "") + f", {src['blank_rows']:,} blank")
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
