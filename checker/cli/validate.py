"""`chc validate`: submissions checked for CI and in batches, in text, JSON, JUnit, SARIF or GitHub form."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..render.ci import FORMATS
from .check import settings_options
from .common import OutputPath, ProgressBar, reports_input_errors

DEFAULT_NAMES = {"text": "validate.txt", "json": "validate.json", "junit": "junit.xml", "sarif": "chc.sarif", "github": "validate.txt"}


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@settings_options
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=None,
              help="Worker processes; 0: one per CPU [default: one per CPU from 16 files, else 1].")
@click.option("-o", "--output", type=OutputPath(lambda p: DEFAULT_NAMES[p.get("fmt") or "text"]),
              help="Write the output to this file (or into this folder) instead of standard output.")
@click.option("--summary-only", is_flag=True, help="json: leave out the full canonical results (one summary row per file).")
@click.option("-v", "--verbose", is_flag=True, help="text and github: show notes too; text, several files: every finding.")
@reports_input_errors
def validate_command(paths, fmt, jobs, output, summary_only, verbose, **overrides):
    """Validate submission files and folders (for CI and batches).

    Each PATH is a submission file or a folder, searched recursively (hidden files and folders
    skipped) for *.yaml and *.yml files with a top-level `code:` key. Every file is loaded,
    checked against the schema and its Code, cross-checked and evaluated; one bad file does not
    stop the others, and its input problems are reported in every format.

    Exit codes: 0 every file passes; 1 a file has failing findings (errors; with --strict,
    warnings too); 2 a file is invalid (its input problems are reported), or bad usage.
    In a batch: 2 if any file is invalid, else 1 if any fails, else 0.
    """
    from ..batch import AUTO_JOBS_FROM, default_jobs, discover, exit_code, validate_all
    from ..render.ci import render

    targets = discover(paths)
    bar = ProgressBar(f"validating {len(targets)} files") if len(targets) > 1 else None
    try:
        if jobs is None:
            jobs = default_jobs() if len(targets) >= AUTO_JOBS_FROM else 1
        outcomes = validate_all(targets, jobs=jobs or default_jobs(), overrides=overrides, progress=bar)
    finally:
        if bar:
            bar.close()
    text = render(fmt, outcomes, verbose=verbose, summary_only=summary_only)
    if output:
        from ..output import write_atomic

        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    sys.exit(exit_code(outcomes))
