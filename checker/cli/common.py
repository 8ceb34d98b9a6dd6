"""What every command shares: turning input problems into a clean exit 2, and terminal detection."""

from __future__ import annotations

import functools
import os
import sys

import click

from ..problems import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def reports_input_errors(func):
    """Print every input problem as file:line:col and exit 2, with no traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            n = len(exc.problems)
            click.echo(f"chc: {n} input problem{'s' if n != 1 else ''}; nothing was written", err=True)
            sys.exit(EXIT_INVALID)

    return wrapper


def interactive() -> bool:
    """True on a person's terminal; CI (CI set, or no terminal) gets no colour and no progress bar."""
    return sys.stderr.isatty() and not os.environ.get("CI") and not os.environ.get("NO_COLOR")


class ProgressBar:
    """A one-line progress bar on stderr for a person at a terminal; silent otherwise (CI, pipes)."""

    def __init__(self, label: str):
        self.label = label
        self.shown = -1
        self.active = interactive()

    def __call__(self, fraction: float) -> None:
        if not self.active:
            return
        step = int(max(0.0, min(1.0, fraction)) * 40)
        if step != self.shown:
            self.shown = step
            sys.stderr.write(f"\r{self.label} [{'#' * step}{'.' * (40 - step)}] {step * 100 // 40:3d}%")
            sys.stderr.flush()

    def close(self) -> None:
        if self.active and self.shown >= 0:
            sys.stderr.write("\r" + " " * (len(self.label) + 50) + "\r")
            sys.stderr.flush()


def submission_or_example(path):
    """The submission given, or the bundled example, saying where it is so that a new user can open it."""
    if path is not None:
        return path
    from ..assess import example_path

    example = example_path()
    click.echo(f"chc: no submission given, so using the bundled example: {example}", err=True)
    return example
