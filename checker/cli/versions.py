"""`chc migrate` (carry a submission to another Code version) and `chc quarterly` (the SPSO
quarterly complaints summary of a Scottish landlord)."""

from __future__ import annotations

from pathlib import Path

import click

from ..output import write_atomic
from ..problems import InputError, Location, Problem
from .common import reports_input_errors


@click.command("migrate")
@click.argument("submission", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "target", required=True, metavar="CODE", help="The Code version to carry the answers to, e.g. hos-2024.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The new submission file to write.")
@click.option("--period", metavar="YYYY-YY", help="Move to this April-to-March year (e.g. 2025-26); default: keep the period.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the migration report as JSON to this file (default: a text report on standard error).")
@reports_input_errors
def migrate_command(submission, target, output, period, report_file):
    """Carry SUBMISSION's answers to the provisions they map to in another Code version.

    Every carried answer is marked needs_review (the check warns until it is removed); evidence,
    commentary and action plans are kept; 'partial' becomes 'no' where the new version has no
    'partial'. The report lists old provisions with no counterpart and new rows left unanswered.
    """
    from ..codes import load_code
    from ..intake.migrate import migrate, parse_period, to_yaml
    from ..intake.submission import load_submission, submission_from_document
    from ..yamlsource import load_yaml_text

    if period is not None:
        try:
            parse_period(period)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--period") from None
    old = load_submission(submission)
    code = load_code(target)
    folder = output.resolve().parent
    data, report = migrate(old, code, period=period, output_folder=folder)
    text = to_yaml(data, report)
    # The new file must load as it is written; a failure here is chc's fault, and nothing is written.
    try:
        submission_from_document(load_yaml_text(text, str(output)), folder)
    except InputError as exc:  # pragma: no cover - guarded by the tests
        raise InputError([Problem(Location(str(output)), f"internal error: the migrated submission does not load ({p})", "internal")
                          for p in exc.problems]) from None
    write_atomic(output, text)
    if report_file is not None:
        write_atomic(report_file, report.to_json())
        click.echo(f"wrote {output} and {report_file}", err=True)
    else:
        click.echo(report.to_text(), err=True, nl=False)
        click.echo(f"wrote {output}", err=True)


@click.command("quarterly")
@click.argument("submission", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--quarter", required=True, type=click.Choice(["Q1", "Q2", "Q3", "Q4"]), help="Which quarter of the submission's year.")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: standard output).")
@reports_input_errors
def quarterly_command(submission, quarter, fmt, output):
    """Write the quarterly complaints summary of an English or a Scottish landlord.

    From SUBMISSION's case log. English landlords (Housing Ombudsman Code): by stage, complaints
    received, responded to, in time, within an extension and late; TSM CH01 and CH02 for the
    quarter; average working days; outcomes and categories. Scottish landlords (SPSO model
    procedure): complaints received by stage, average working days to resolve stage 1, stage 2 and
    escalated complaints, outcomes per stage. Both: the submission's "you said, we did" entries for
    the quarter (annual_report.you_said_we_did).
    """
    import json

    from ..assess import display_name
    from ..caselog.quarterly import quarterly_summary
    from ..intake.submission import load_submission

    summary = quarterly_summary(load_submission(submission, display_name(submission)), quarter)
    if fmt == "json":
        text = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    else:
        from ..render.templated import render

        text = render(f"quarterly.{fmt}.j2", q=summary)
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
