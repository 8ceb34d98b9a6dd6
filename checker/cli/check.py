"""`chc check` (terminal summary) and `chc report` (the published self-assessment table)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from ..assess import assess
from ..output import write_atomic
from ..result import build_result, dumps
from .common import (
    EXIT_FINDINGS,
    EXIT_INVALID,
    EXIT_OK,
    OutputPath,
    ProgressBar,
    interactive,
    reports_input_errors,
    submission_or_example,
)

submission_argument = click.argument("submission", required=False, type=click.Path(dir_okay=False, path_type=Path))


def settings_options(func):
    func = click.option("--strict", is_flag=True, default=None, help="Make 'should' findings and warnings fail too.")(func)
    func = click.option("--tolerance", "timeliness_tolerance_pct", type=click.FloatRange(0, 100), default=None,
                        help="Share in time (%) below which a 'yes' to a timescale provision is contradicted [default: 95, or the submission's setting].")(func)
    return func


def _evaluate(submission: Path | None, **overrides):
    path = submission_or_example(submission)
    bar = ProgressBar("reading the case log")
    try:
        return assess(path, progress=bar, **overrides)
    finally:
        bar.close()


@click.command("check")
@submission_argument
@settings_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-v", "--verbose", is_flag=True, help="Show notes (info findings) too.")
@reports_input_errors
def check_command(submission, fmt, verbose, **overrides):
    """Evaluate SUBMISSION (default: the bundled example) and print a summary by section and every finding."""
    from ..render.text import render_text

    evaluation = _evaluate(submission, **overrides)
    result = build_result(evaluation)
    if fmt == "json":
        click.echo(dumps(result), nl=False)
    else:
        click.echo(render_text(result, colour=interactive() and sys.stdout.isatty(), verbose=verbose), nl=False)
    sys.exit(EXIT_OK if result["summary"]["passed"] else EXIT_FINDINGS)


with_findings_option = click.option(
    "--with-findings", is_flag=True,
    help="Add chc's verdicts and findings to the publication (by default it carries only the landlord's own words).")


@click.command("report")
@submission_argument
@settings_options
@click.option("--format", "fmt", type=click.Choice(["md", "html", "xlsx", "docx", "csv", "json", "pdf"]), default="html", show_default=True)
@click.option("-o", "--output", type=OutputPath(lambda p: f"report.{p.get('fmt') or 'html'}"),
              help="File to write, or a folder to write report.FORMAT in (default, or -: standard output; xlsx, docx and pdf need a file).")
@with_findings_option
@reports_input_errors
def report_command(submission, fmt, output, with_findings, **overrides):
    """Write the published self-assessment table for SUBMISSION (default: the bundled example).

    The table is the landlord's: answers as given, evidence, commentary, and declared gaps with
    their action plans. chc's verdicts and findings are added only with --with-findings (the JSON
    is the canonical result and always has them). The exit code says whether the submission passes
    (0) or has failing findings (1); the report is written either way, and each failing finding
    is listed after "wrote FILE". PDF (A4) is printed by Chromium, which must be installed.
    """
    if fmt in ("xlsx", "docx", "pdf") and not output:
        kind = {"xlsx": "workbook", "docx": "Word document", "pdf": "PDF"}[fmt]
        raise click.UsageError(f"--format {fmt} writes a {kind}: give the file with -o FILE")
    if fmt == "pdf":
        require_pdf_engine()
    evaluation = _evaluate(submission, **overrides)
    result = build_result(evaluation)
    text = render_report(result, fmt, with_findings=with_findings)
    write_publication(output, text, result)
    sys.exit(EXIT_OK if result["summary"]["passed"] else EXIT_FINDINGS)


def write_publication(output: Path | None, text: str | bytes, result: dict) -> None:
    """Write (or print) an output, then list each finding that fails the submission, one per line."""
    from ..render.publish import failing_findings

    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    failing = failing_findings(result)
    if failing:
        click.echo(f"chc: {len(failing)} finding{'s' if len(failing) != 1 else ''} fail{'s' if len(failing) == 1 else ''} the submission:", err=True)
    for f in failing:
        loc = f["location"]
        where = f"{loc['file']}:{loc['line']}:{loc.get('column') or 1}" if loc.get("line") else loc["file"]
        click.echo(f"  {f['severity']} {f.get('provision') or '-'}: {f['message']} ({where}) [{f['rule']}]", err=True)


def require_pdf_engine() -> None:
    """Exit 2, before any work, when there is no Chromium to print a PDF with."""
    from ..render.pdf import HOW_TO_GET, find_chromium

    if not find_chromium():
        click.echo(f"chc: {HOW_TO_GET}", err=True)
        click.echo("chc: nothing was written", err=True)
        sys.exit(EXIT_INVALID)


def print_pdf(html_text: str) -> bytes:
    """The HTML as an A4 PDF; a Chromium that fails is a clear exit 2, never a traceback."""
    from ..render.pdf import PdfEngineMissing, PdfFailed, render_pdf

    try:
        return render_pdf(html_text)
    except (PdfEngineMissing, PdfFailed, OSError, subprocess.TimeoutExpired) as exc:
        click.echo(f"chc: {exc}", err=True)
        click.echo("chc: nothing was written", err=True)
        sys.exit(EXIT_INVALID)


def relative_paths_of(result: dict) -> dict:
    from ..render.paths import relative_paths

    return relative_paths(result)


def render_report(result: dict, fmt: str, with_findings: bool = False) -> str | bytes:
    if fmt == "json":
        from ..render.paths import relative_paths

        return dumps(relative_paths(result))
    if fmt == "xlsx":
        from ..render.xlsx import render_xlsx

        return render_xlsx(result, with_findings=with_findings)
    if fmt == "docx":
        from ..render.docx import render_docx

        return render_docx(relative_paths_of(result), with_findings=with_findings)
    if fmt == "csv":
        from ..render.csv_table import render_csv

        return render_csv(result, with_findings=with_findings)
    from ..render.templated import render_self_assessment

    if fmt == "pdf":
        return print_pdf(render_self_assessment(result, "html", with_findings=with_findings))
    return render_self_assessment(result, fmt, with_findings=with_findings)
