"""The `chc` command line: a thin layer over the library. One module per group of commands.

Exit codes: 0 no failing findings; 1 findings that fail the submission; 2 invalid input or usage.
"""

from __future__ import annotations

import click

from .. import __version__
from .author import init_command, schema_command, workbook_group
from .browse import codes_command, show_command
from .check import check_command, report_command
from .metrics import metrics as metrics_command
from .publish import annual_report_command, diff_command, review_command
from .validate import validate_command
from .versions import migrate_command, quarterly_command


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="chc")
def cli() -> None:
    """Check complaint handling against the Housing Ombudsman's Complaint Handling Code.

    Run `chc check` to see the whole job on the bundled example submission.
    """


for command in (
    check_command, report_command, review_command, annual_report_command, metrics_command,
    diff_command, migrate_command, quarterly_command, validate_command, init_command, schema_command,
    workbook_group, codes_command, show_command,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="chc")
