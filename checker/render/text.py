"""The terminal summary of `chc check`: a table by section, then the findings, then the outcome."""

from __future__ import annotations

import click

from ..judge.evaluate import VERDICTS
from ..textsafe import terminal_line

HEAD = {"met": "Met", "not-met": "Not met", "contradicted": "Contra.", "unsupported": "Unsupp.",
        "unanswered": "Unansw.", "not-applicable": "N/A"}
COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(result: dict, *, colour: bool = False, verbose: bool = False) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if colour else text

    sub, code, summary = result["submission"], result["code"], result["summary"]
    lines = [
        style(f"{sub['landlord']['name']}: self-assessment {sub['period']['label']} against {code['short_name']}", bold=True),
        f"{sub['file']}",
        "",
    ]
    width = max([len(f"{s['id']} {s['title']}") for s in summary["sections"]] + [5])
    width = min(width, 52)
    header = f"{'Section':<{width}}" + "".join(f"{HEAD[v]:>9}" for v in VERDICTS)
    lines.append(style(header, bold=True))
    for s in summary["sections"]:
        name = f"{s['id']} {s['title']}"
        if len(name) > width:
            name = name[: width - 1] + "…"
        lines.append(f"{name:<{width}}" + "".join(f"{s['verdicts'][v]:>9}" for v in VERDICTS))
    lines.append(style(f"{'Total':<{width}}" + "".join(f"{summary['verdicts'][v]:>9}" for v in VERDICTS), bold=True))
    lines.append("")
    metrics = result.get("metrics")
    if metrics:
        lines.extend(_metric_lines(metrics))
        lines.append("")
    findings = _all_findings(result)
    shown = [f for f in findings if verbose or f["severity"] != "info"]
    counts = summary["findings"]
    lines.append(style(f"Findings: {counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes", bold=True))
    if not shown:
        lines.append("  none")
    for f in shown:
        loc = f["location"]
        where = f"{loc['file']}:{loc['line']}:{loc['column']}" if loc.get("line") else loc["file"]
        label = style(f"{f['severity']:<7}", fg=COLOURS[f["severity"]])
        pid = f["provision"] or "-"
        lines.append(f"  {label} {pid:<5} {terminal_line(f['message'])} [{f['rule']}]")
        lines.append(f"          {'':<5} at {where}")
    lines.append("")
    if summary["passed"]:
        lines.append(style("Result: PASS: no finding fails the submission", fg="green", bold=True))
    else:
        n = summary["failing"]
        lines.append(style(f"Result: FAIL: {n} finding{'s' if n != 1 else ''} fail{'s' if n == 1 else ''} the submission", fg="red", bold=True))
    return "\n".join(lines) + "\n"


def _all_findings(result: dict) -> list[dict]:
    order = {"error": 0, "warning": 1, "info": 2}
    out = list(result["findings"])
    for p in result["provisions"]:
        out.extend(p["findings"])
    return sorted(out, key=lambda f: (order[f["severity"]], _key(f["provision"]), f["rule"], f["message"]))


def _key(pid):
    if not pid:
        return (0, 0)
    a, _, b = pid.partition(".")
    return (int(a), int(b or 0))


def _metric_lines(metrics: dict) -> list[str]:
    lines = ["Figures from the case log (working days)"]
    lines.append(f"  {'':<8}{'received':>10}{'responded':>11}{'ack in time':>13}{'in time':>10}{'mean days':>11}")
    for stage in ("stage1", "stage2"):
        m = metrics.get(stage) or {}
        lines.append(
            f"  {('Stage ' + stage[-1]):<8}{_n(m.get('received')):>10}{_n(m.get('responded')):>11}"
            f"{_pct(m.get('pct_acknowledged_in_time')):>13}{_pct(m.get('pct_in_time')):>10}{_n(m.get('mean_working_days')):>11}"
        )
    return lines


def _n(value) -> str:
    return "-" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))


def _pct(value) -> str:
    return "-" if value is None else f"{value:.1f}%"
