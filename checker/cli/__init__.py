"""The `chc` command line: a thin layer over the library. One module per group of commands.

Exit codes: 0 no failing findings; 1 findings that fail the submission; 2 invalid input or usage.

A command's module is imported only when that command runs (or `chc --help` lists them all), so
each command starts with only what it needs: `chc validate` does not load the case-log, metrics,
HTML or workbook code.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

# command name: (module, attribute), in the order `chc --help` lists them
COMMANDS = {
    "check": (".check", "check_command"),
    "report": (".check", "report_command"),
    "review": (".publish", "review_command"),
    "annual-report": (".publish", "annual_report_command"),
    "metrics": (".metrics", "metrics"),
    "diff": (".publish", "diff_command"),
    "migrate": (".versions", "migrate_command"),
    "quarterly": (".versions", "quarterly_command"),
    "submission-form": (".returns", "submission_form_command"),
    "validate": (".validate", "validate_command"),
    "init": (".author", "init_command"),
    "schema": (".author", "schema_command"),
    "workbook": (".author", "workbook_group"),
    "import": (".importing", "import_command"),
    "codes": (".browse", "codes_command"),
    "show": (".browse", "show_command"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name]
        return getattr(importlib.import_module(module, __package__), attribute)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="chc")
def cli() -> None:
    """Check complaint handling against the Housing Ombudsman's Complaint Handling Code.

    Run `chc check` to see the whole job on the bundled example submission.
    """


def main() -> None:
    cli(prog_name="chc")
