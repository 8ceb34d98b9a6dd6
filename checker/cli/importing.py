"""`chc import`: a filled-in self-assessment (Word, web pages, a spreadsheet) to a submission."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .author import _check_period, _refuse_overwrite
from .common import EXIT_OK, reports_input_errors


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The submission (.yaml) to write.")
@click.option("--code", "code_id", help="Code version of the form (see `chc codes`); default: found from its numbering and headings.")
@click.option("--landlord", help="The landlord's name.")
@click.option("--period", callback=_check_period, help="The year assessed, April to March, e.g. 2025-26; default: found in the headings.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@reports_input_errors
def import_command(files, output, code_id, landlord, period, force):
    """Read last year's self-assessment from FILE... (.docx, .html, .xlsx, .csv, or chc's own
    workbook) into one submission: every row placed by its provision number, the answers,
    evidence and commentary as written.

    Several files make one submission (a council that publishes one section a page). What
    could not be placed is listed with its place (FILE: table N row M, or FILE[Sheet]!C7). The
    exit code is 2 only when nothing usable was found.
    """
    from ..codes import available_codes
    from ..intake.importer import import_files
    from ..output import write_atomic

    if code_id and code_id not in available_codes():
        raise click.BadParameter(f"unknown Code version '{code_id}'; known: {', '.join(available_codes())}", param_hint="--code")
    if any(output.resolve() == f.resolve() for f in files):
        raise click.UsageError(f"{output} is one of the files to import; write the submission to another file")
    _refuse_overwrite(output, force)
    imported = import_files(list(files), code_id=code_id, landlord=landlord, period=period)
    text = imported.yaml()
    for problem in imported.warnings:
        click.echo(f"{problem.location}: warning: {problem.message} [{problem.rule}]", err=True)
    write_atomic(output, text)
    form = len(imported.code.form_rows)
    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    echo(f"wrote {output}: {len(imported.placed)} of the {form} rows of {imported.code.id} from "
         f"{len(imported.files)} file{'s' if len(imported.files) != 1 else ''} ({imported.tables} table{'s' if imported.tables != 1 else ''})")
    if imported.unanswered:
        echo(f"  no answer given: {_list(imported.unanswered)}")
    if imported.not_in_files:
        echo(f"  not in the files (left unanswered): {_list(imported.not_in_files)}")
    if imported.warnings:
        echo(f"  not imported, or not clear: {len(imported.warnings)} (each listed above with its place)")
    for note in imported.notes:
        echo(f"  {note}")
    echo(f"next: chc check {output}")
    sys.exit(EXIT_OK)


def _list(ids: tuple[str, ...], most: int = 12) -> str:
    shown = ", ".join(ids[:most])
    return shown + (f" and {len(ids) - most} more" if len(ids) > most else "")
