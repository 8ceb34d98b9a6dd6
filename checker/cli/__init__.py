"""The `chc` command line: a thin layer over the library. One module per group of commands.

Exit codes: 0 no failing findings; 1 findings that fail the submission; 2 invalid input or usage;
3 a bug in chc (an unexpected error: one line, no traceback unless CHC_DEBUG=1).

A command's module is imported only when that command runs, so each command starts with only
what it needs: `chc validate` does not load the case-log, metrics, HTML or workbook code, and
`chc --help` lists the commands from the short help kept in COMMANDS, importing none of them
(tests/test_hostile_round2.py checks that it matches each command's own help).
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

# command name: (module, attribute, short help), in the order `chc --help` lists them. The short
# help is the first paragraph of the command's docstring (a line without it imports the module).
COMMANDS = {
    "check": (".check", "check_command", "Evaluate SUBMISSION (default: the bundled example) and print a summary by section and every finding."),
    "report": (".check", "report_command", "Write the published self-assessment table for SUBMISSION (default: the bundled example)."),
    "review": (".publish", "review_command", "Write the review pack for the Member Responsible for Complaints (HTML, printable)."),
    "annual-report": (".publish", "annual_report_command", "Write the annual complaints performance and service improvement report (Code provision 8.1)."),
    "metrics": (".metrics", "metrics", "Compute the complaint figures (TSM CH01, CH02, timeliness, escalation rate) from CASELOG (CSV or XLSX)."),
    "diff": (".publish", "diff_command", "What changed from OLD (last year's submission) to NEW: answers, verdicts, evidence, actions, figures."),
    "migrate": (".versions", "migrate_command", "Carry SUBMISSION's answers to the provisions they map to in another Code version."),
    "quarterly": (".versions", "quarterly_command", "Write the quarterly complaints summary of an English or a Scottish landlord."),
    "submission-form": (".returns", "submission_form_command", "Write what goes on the Ombudsman's annual submission form, as CSV or JSON."),
    "validate": (".validate", "validate_command", "Validate submission files and folders (for CI and batches)."),
    "init": (".author", "init_command", "Write a submission scaffold: every form row of the Code, each under its requirement and guidance, unanswered (`comply:` empty), with the optional sections as commented placeholders."),
    "schema": (".author", "schema_command", "Write the JSON Schema of a submission, a Code file or a result, for editors and other tools."),
    "workbook": (".author", "workbook_group", "Fill in the self-assessment in Excel: export a workbook, import it back as a submission."),
    "import": (".importing", "import_command", "Read last year's self-assessment from FILE... (.docx, .html, .xlsx, .csv, or chc's own workbook) into one submission: every row placed by its provision number, the answers, evidence and commentary as written."),
    "codes": (".browse", "codes_command", "List the Code versions chc can check against."),
    "show": (".browse", "show_command", "Show a Code version's sections, or one PROVISION with its requirement and parameters."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use, and whose help imports none of them.

    An unexpected exception in any command is a bug in chc: one line and exit 3 (see common.report_bug).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attribute = COMMANDS[name][:2]
        return getattr(importlib.import_module(module, __package__), attribute)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the table: the same text click would show, without the imports
        (a bare click.Command holding only the help shortens it exactly as the real one would)."""
        entries = [(name, entry[2] if len(entry) > 2 else None) for name, entry in COMMANDS.items()]
        limit = formatter.width - 6 - max(len(name) for name, _ in entries)
        rows = []
        for name, short in entries:
            if short is None:
                rows.append((name, self.get_command(ctx, name).get_short_help_str(limit)))
            else:
                rows.append((name, click.Command(name, help=short).get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a defect in chc: never a traceback, never exit 1
            from .common import report_bug

            ctx.exit(report_bug(exc))


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="chc")
def cli() -> None:
    """Check complaint handling against the Housing Ombudsman's Complaint Handling Code.

    Run `chc check` to see the whole job on the bundled example submission.
    """


def main() -> None:
    from .common import use_safe_streams

    use_safe_streams()
    cli(prog_name="chc")
