"""`chc check` (terminal summary) and `chc report` (the published self-assessment table)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..assess import assess
from ..output import write_atomic
from ..result import build_result, dumps
from .common import (
    EXIT_FINDINGS,
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


@click.command("report")
@submission_argument
@settings_options
@click.option("--format", "fmt", type=click.Choice(["md", "html", "xlsx", "docx", "csv", "json"]), default="html", show_default=True)
@click.option("-o", "--output", type=OutputPath(lambda p: f"report.{p.get('fmt') or 'html'}"),
              help="File to write, or a folder to write report.FORMAT in (default, or -: standard output; xlsx and docx need a file).")
@reports_input_errors
def report_command(submission, fmt, output, **overrides):
    """Write the published self-assessment table for SUBMISSION (default: the bundled example).

    The exit code says whether the submission passes (0) or has failing findings (1); the
    report is written either way, with every verdict shown.
    """
    if fmt in ("xlsx", "docx") and not output:
        raise click.UsageError(f"--format {fmt} writes a {'workbook' if fmt == 'xlsx' else 'Word document'}: give the file with -o FILE")
    evaluation = _evaluate(submission, **overrides)
    result = build_result(evaluation)
    text = render_report(result, fmt)
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(EXIT_OK if result["summary"]["passed"] else EXIT_FINDINGS)


def render_report(result: dict, fmt: str) -> str | bytes:
    if fmt == "json":
        return dumps(result)
    if fmt == "xlsx":
        from ..render.xlsx import render_xlsx

        return render_xlsx(result)
    if fmt == "docx":
        from ..render.docx import render_docx

        return render_docx(result)
    if fmt == "csv":
        from ..render.csv_table import render_csv

        return render_csv(result)
    from ..render.templated import render_self_assessment

    return render_self_assessment(result, fmt)
