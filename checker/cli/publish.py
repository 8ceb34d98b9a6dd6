"""`chc review` (the MRC review pack), `chc annual-report` and `chc diff` (year on year)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..assess import assess
from ..output import write_atomic
from ..problems import InputError
from ..result import build_result
from .common import (
    EXIT_FINDINGS,
    EXIT_OK,
    OutputPath,
    ProgressBar,
    reports_input_errors,
    submission_or_example,
)

file_type = click.Path(dir_okay=False, path_type=Path)


def load_result(path: Path, **overrides) -> dict:
    """A canonical result: a saved result JSON (`chc check --format json`) as it is, or a submission evaluated now."""
    if path.suffix.lower() == ".json":
        from ..diff import load_result_json

        return load_result_json(path)
    bar = ProgressBar(f"reading the case log of {path.name}")
    try:
        return build_result(assess(path, progress=bar, **overrides))
    finally:
        bar.close()


def load_results(*paths: Path, **overrides) -> list[dict]:
    """Every path's result; the problems of all of them are reported together."""
    results, problems = [], []
    for path in paths:
        try:
            results.append(load_result(path, **overrides))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return results


def _write(output: Path | None, text: str) -> None:
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command("diff")
@click.argument("old", type=file_type)
@click.argument("new", type=file_type)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=OutputPath(lambda p: f"diff.{'json' if p.get('fmt') == 'json' else 'txt'}"),
              help="File to write (default, or -: standard output).")
@reports_input_errors
def diff_command(old, new, fmt, output):
    """What changed from OLD (last year's submission) to NEW: answers, verdicts, evidence, actions, figures.

    OLD and NEW are submission files, or results saved with `chc check --format json`.
    Exit 0 whatever changed; 2 if either input cannot be used.
    """
    from ..diff import compare, dumps_diff, render_diff_text

    old_result, new_result = load_results(old, new)
    diff = compare(old_result, new_result, str(old), str(new))
    _write(output, dumps_diff(diff) if fmt == "json" else render_diff_text(diff))
    sys.exit(EXIT_OK)


@click.command("review")
@click.argument("submission", required=False, type=file_type)
@click.option("--previous", type=file_type, help="Last year's submission (or saved result JSON), to show what changed.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True,
              help="pdf prints the pack on A4 with Chromium, which must be installed.")
@click.option("-o", "--output", type=OutputPath(lambda p: f"review.{p.get('fmt') or 'html'}"),
              help="File to write, or a folder to write review.FORMAT in (default, or -: standard output; pdf needs a file).")
@reports_input_errors
def review_command(submission, previous, fmt, output):
    """Write the review pack for the Member Responsible for Complaints (HTML, printable).

    Summary by section, every finding by severity, claims beside the figures, unmet requirements
    with their action plans, changes since last year (with --previous), governance facts and a
    sign-off block. SUBMISSION defaults to the bundled example. Written either way; the exit code
    says whether the submission passes (0), has failing findings (1) or is invalid (2).
    """
    from ..diff import compare
    from ..render.publish import render_review_pack
    from .check import print_pdf, require_pdf_engine

    if fmt == "pdf":
        if not output:
            raise click.UsageError("--format pdf writes a PDF: give the file with -o FILE")
        require_pdf_engine()
    paths = [submission_or_example(submission)] + ([previous] if previous else [])
    results = load_results(*paths)
    diff = compare(results[1], results[0], str(previous), str(paths[0])) if previous else None
    html_text = render_review_pack(results[0], diff)
    _write(output, print_pdf(html_text) if fmt == "pdf" else html_text)
    sys.exit(EXIT_OK if results[0]["summary"]["passed"] else EXIT_FINDINGS)


@click.command("annual-report")
@click.argument("submission", required=False, type=file_type)
@click.option("--format", "fmt", type=click.Choice(["html", "md", "pdf"]), default="html", show_default=True,
              help="pdf prints the report on A4 with Chromium, which must be installed.")
@click.option("--previous", type=file_type, help="Last year's submission (or saved result JSON): its figures beside this year's.")
@click.option("--with-findings", is_flag=True, help="Add chc's verdicts and findings as an appendix (for review, not for publication).")
@click.option("-o", "--output", type=OutputPath(lambda p: f"annual-report.{p.get('fmt') or 'html'}"),
              help="File to write, or a folder to write annual-report.FORMAT in (default, or -: standard output; pdf needs a file).")
@reports_input_errors
def annual_report_command(submission, fmt, previous, with_findings, output):
    """Write the annual complaints performance and service improvement report (Code provision 8.1).

    Its six parts: the self-assessment; performance figures and analysis, with refused complaints;
    Ombudsman findings of non-compliance; service improvements; the Ombudsman's annual report on
    the landlord; other Ombudsman reports; then the governing body's response. Figures come from
    the case log (or the stated metrics); the rest from the submission's `annual_report:` section
    (docs/annual-report.md). The report is in the landlord's words: chc's verdicts appear only with
    --with-findings. SUBMISSION defaults to the bundled example. Written either way, and each
    failing finding is listed after "wrote FILE"; the exit code says whether the submission passes
    (0), has failing findings (1) or is invalid (2). PDF (A4) is printed by Chromium.
    """
    from ..render.publish import render_annual_report
    from .check import print_pdf, require_pdf_engine, write_publication

    if fmt == "pdf":
        if not output:
            raise click.UsageError("--format pdf writes a PDF: give the file with -o FILE")
        require_pdf_engine()
    path = submission_or_example(submission)
    results = load_results(path, *([previous] if previous else []))
    result = results[0]
    quarters = _quarters(path, result)
    text = render_annual_report(result, "html" if fmt == "pdf" else fmt, with_findings=with_findings,
                                previous=results[1] if previous else None, quarters=quarters)
    write_publication(output, print_pdf(text) if fmt == "pdf" else text, result)
    sys.exit(EXIT_OK if result["summary"]["passed"] else EXIT_FINDINGS)


def _quarters(path: Path, result: dict) -> list[dict] | None:
    """Each quarter's figures from the case log, for the timeliness-by-quarter table (English landlords with a case log)."""
    if path.suffix.lower() == ".json" or not result.get("metrics"):
        return None
    from ..assess import display_name
    from ..caselog.quarterly import english_year
    from ..intake.submission import load_submission

    submission = load_submission(path, display_name(path))
    if "scotland" in submission.code.jurisdiction or not submission.case_log:
        return None
    return english_year(submission)
