"""`chc init`, `chc schema` and `chc workbook`: for the people who write the submission."""

from __future__ import annotations

from pathlib import Path

import click

from .common import OutputPath, reports_input_errors

NATIONS = ("england", "wales", "scotland", "northern-ireland")
SCHEMAS = {"submission": "submission.schema.json", "code": "code.schema.json", "result": "result.schema.json"}


def _code(code_id: str):
    from ..codes import available_codes, load_code

    if code_id not in available_codes():
        raise click.BadParameter(f"unknown Code version '{code_id}'; known: {', '.join(available_codes())}", param_hint="--code")
    return load_code(code_id)


def _check_period(ctx, param, value):
    if value is None:
        return value
    from ..intake.scaffold import parse_period

    try:
        parse_period(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def _check_nation(code, nation: str) -> None:
    if nation not in code.jurisdiction:
        raise click.BadParameter(f"{code.id} applies in {', '.join(code.jurisdiction)}, not {nation}", param_hint="--nation")


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise click.UsageError(f"{path} already exists; use --force to replace it")


code_option = click.option("--code", "code_id", default="hos-2024", show_default=True, help="Code version (see `chc codes`).")
landlord_option = click.option("--landlord", help="The landlord's name.")
period_option = click.option("--period", callback=_check_period, help="The year assessed, April to March, e.g. 2025-26.")
nation_option = click.option("--nation", type=click.Choice(NATIONS), default="england", show_default=True)


@click.command("init")
@code_option
@click.option("--landlord", required=True, help="The landlord's name.")
@click.option("--period", required=True, callback=_check_period, help="The year assessed, April to March, e.g. 2025-26.")
@nation_option
@click.option("-o", "--output", required=True, type=OutputPath("submission.yaml", stdout=False), help="The submission file to write (or a folder to write it in).")
@click.option("--schema-ref", help="What the `# yaml-language-server: $schema=` line points at (a URL or a path "
                                   "relative to the file); default: submission.schema.json, written beside the file.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@reports_input_errors
def init_command(code_id, landlord, period, nation, output, schema_ref, force):
    """Write a submission scaffold: every form row of the Code, each under its requirement and
    guidance, unanswered (`comply:` empty), with the optional sections as commented placeholders.

    Unless --schema-ref is given, submission.schema.json is written beside OUTPUT (if it is not
    there already), so that editors using the YAML language server offer completion and checks.
    """
    from ..output import write_atomic
    from ..resources import schema_path
    from ..intake.scaffold import scaffold_text

    code = _code(code_id)
    _check_nation(code, nation)
    _refuse_overwrite(output, force)
    text = scaffold_text(code, landlord, period, nation, schema_ref=schema_ref or "submission.schema.json", file_name=output.name)
    write_atomic(output, text)
    click.echo(f"wrote {output} ({len(code.form_rows)} rows of {code.id} to answer)", err=True)
    if not schema_ref:
        beside = output.parent / "submission.schema.json"
        if not beside.exists():
            write_atomic(beside, schema_path("submission.schema.json").read_bytes())
            click.echo(f"wrote {beside}", err=True)


@click.command("schema")
@click.argument("which", type=click.Choice(list(SCHEMAS)), default="submission")
@click.option("-o", "--output", type=OutputPath(lambda p: SCHEMAS[p.get("which") or "submission"]), help="File to write (default, or -: standard output).")
@reports_input_errors
def schema_command(which, output):
    """Write the JSON Schema of a submission, a Code file or a result, for editors and other tools."""
    from ..resources import schema_path

    data = schema_path(SCHEMAS[which]).read_bytes()
    if output:
        from ..output import write_atomic

        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(data.decode("utf-8"), nl=False)


@click.group("workbook")
def workbook_group():
    """Fill in the self-assessment in Excel: export a workbook, import it back as a submission."""


@workbook_group.command("export")
@click.argument("submission", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=OutputPath("self-assessment.xlsx", stdout=False), help="The .xlsx file to write (or a folder to write it in).")
@code_option
@landlord_option
@period_option
@nation_option
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@reports_input_errors
def workbook_export_command(submission, output, code_id, landlord, period, nation, force):
    """Write a fill-in workbook (.xlsx) for SUBMISSION, or a blank one for --landlord and --period.

    Sheets: Answers (one row per form row; comply is a drop-down, requirement columns are
    locked), Actions (the action plans and what they still lack, read only) and About (landlord,
    period, Code, instructions, and the rest of the submission, kept for the import).
    """
    from ..output import write_atomic
    from ..intake.workbook import export_workbook

    if submission is not None:
        from ..intake.submission import load_submission

        loaded = load_submission(submission)
        data, code, where = loaded.document.data, loaded.code, loaded.document.where
    else:
        if not landlord or not period:
            raise click.UsageError("give a SUBMISSION, or --landlord and --period for a blank workbook")
        from ..intake.scaffold import scaffold_data

        code = _code(code_id)
        _check_nation(code, nation)
        data, where = scaffold_data(code, landlord, period, nation), None
    _refuse_overwrite(output, force)
    write_atomic(output, export_workbook(data, code, where))
    click.echo(f"wrote {output} ({len(code.form_rows)} rows of {code.id})", err=True)


@workbook_group.command("import")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=OutputPath("submission.yaml", stdout=False), help="The submission (.yaml) to write (or a folder to write it in).")
@click.option("--base", type=click.Path(dir_okay=False, path_type=Path),
              help="Take everything but the answers (governance, policy, figures...) from this submission instead of the About sheet.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@reports_input_errors
def workbook_import_command(workbook, output, base, force):
    """Read a filled-in workbook back as a submission (YAML).

    Every bad cell is reported as FILE[Sheet]!CELL; then nothing is written and the exit code is 2.
    """
    from ..output import write_atomic
    from ..intake.workbook import import_to_yaml

    _refuse_overwrite(output, force)
    text = import_to_yaml(workbook, base=base)
    kept = _keep_commented(output, text)
    write_atomic(output, text)
    if kept:
        click.echo(f"kept the file it replaces as {kept}: it holds YAML comments a workbook does not carry", err=True)
    click.echo(f"wrote {output}; next: chc validate {output}", err=True)


def _keep_commented(output: Path, text: str) -> Path | None:
    """Before --force replaces a submission whose own comments the import loses, keep a copy of it
    beside (NAME.before-import.yaml) so that nothing the user wrote is lost."""
    from ..intake.workbook import lost_comments
    from ..output import write_atomic

    try:
        old = output.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not lost_comments(old, text):
        return None
    keep, n = output.with_name(f"{output.stem}.before-import{output.suffix}"), 1
    while keep.exists():  # an earlier copy is kept too
        n += 1
        keep = output.with_name(f"{output.stem}.before-import-{n}{output.suffix}")
    write_atomic(keep, old)
    return keep
