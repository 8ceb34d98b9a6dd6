"""`chc submission-form`: what the landlord enters on the Housing Ombudsman's annual submission form."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..output import write_atomic
from ..problems import InputError, Location, Problem
from .common import EXIT_FINDINGS, EXIT_OK, reports_input_errors, submission_or_example

file_type = click.Path(dir_okay=False, path_type=Path)


@click.command("submission-form")
@click.argument("submission", required=False, type=file_type)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("-o", "--output", type=file_type, help="File to write (default: standard output).")
@reports_input_errors
def submission_form_command(submission, fmt, output):
    """Write what goes on the Ombudsman's annual submission form, as CSV or JSON.

    The organisation's details, links to the published self-assessment, the annual complaints
    performance and service improvement report and the governing body's response, a yes or no for
    each provision (the answers as given), and the deadline: 30 September after the year end with
    1,000 homes or more (exactly 1,000 counts as 'or more'), otherwise within 6 months of the year
    end. SUBMISSION (a submission, or a result saved with `chc check --format json`) defaults to the
    bundled example. Written either way; exit 1 when a link, the homes or an answer is missing.
    """
    from ..render.submission_form import render_csv, render_json, submission_form
    from .publish import load_result

    path = submission_or_example(submission)
    result = load_result(path)
    from ..codes import load_code

    if "england" not in load_code(result["code"]["id"]).jurisdiction:
        raise InputError([Problem(Location(str(path)), f"the annual submission form is the Housing Ombudsman's, for landlords in England; {result['code']['id']} is not a Housing Ombudsman Code", "wrong-code")])
    form = submission_form(result)
    text = render_json(form) if fmt == "json" else render_csv(form)
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    for f in form["findings"]:
        click.echo(f"{form['source']['file']}: {f['severity']}: {f['message']} [{f['rule']}]", err=True)
    sys.exit(EXIT_FINDINGS if form["findings"] else EXIT_OK)
