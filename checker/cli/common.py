"""What every command shares: turning input problems into a clean exit 2, a bug into exit 3, the
output-path guard, and terminal detection.

Every option of type `OutputPath` (`-o`, `--report`...) is checked before the command runs, by
`reports_input_errors`: `-o -` is standard output, a folder gets a default name inside it, and a
path that is one of the command's inputs (any path argument or option, the bundled example, and
every file a YAML input names with `path:`), protected, or not a regular file is refused, exit 2.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Callable, Iterator

import click

from ..problems import InputError, Location, Problem

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_BUG = 0, 1, 2, 3
REPORT_TO = "the chc issue tracker, with the command you ran and the output of CHC_DEBUG=1"


class OutputPath(click.Path):
    """A file chc writes. `default_name(params)` names the file written into a folder; `stdout`
    says whether `-` (standard output) is allowed."""

    def __init__(self, default_name: str | Callable[[dict], str], stdout: bool = True):
        super().__init__(allow_dash=False)  # the text as typed: a trailing '/' means a folder
        self.default_name = default_name
        self.stdout = stdout

    def name_for(self, params: dict) -> str:
        return self.default_name(params) if callable(self.default_name) else self.default_name


def _guard_outputs(kwargs: dict) -> None:
    """Turn each output option into the path to write (or None for standard output), and refuse
    one that would replace an input, a protected file or a device."""
    from ..output import check_output, output_path

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return
    outputs = []
    for param in ctx.command.params:
        if isinstance(param.type, OutputPath) and kwargs.get(param.name) is not None:
            given = kwargs[param.name]
            where = output_path(given, param.type.name_for(kwargs))
            if where is None and not param.type.stdout:
                raise InputError([Problem(Location("-"), f"{param.opts[-1]} -: this command writes a file, not standard output; give a file name", "usage")])
            kwargs[param.name] = where
            if where is not None:
                outputs.append((param, where))
    if not outputs:
        return
    for i, (param, where) in enumerate(outputs):
        others = [(p2, w2) for p2, w2 in outputs[:i]]
        for other_param, other in others:
            from ..output import same_file

            if str(other) == str(where) or same_file(other, where):
                raise InputError([Problem(Location(str(where)), f"is also given to {other_param.opts[-1]}; give each output its own file", "unsafe-output")])
        check_output(where, _inputs(ctx, kwargs, Path(os.path.realpath(where))))


def _inputs(ctx: click.Context, kwargs: dict, near: Path) -> Iterator[tuple[Path, str]]:
    """Every file the command reads that could be `near` (the output's real path): its path
    arguments and options, and what the YAML inputs name. A submission names only files inside its
    own folder, so only submissions in a folder holding the output are read for their names."""
    for param in ctx.command.params:
        if isinstance(param.type, OutputPath) or not isinstance(param.type, click.Path):
            continue
        value = kwargs.get(param.name)
        values = value if isinstance(value, (tuple, list)) else [value]
        if value is None and param.name == "submission":
            from ..assess import example_path

            values = [example_path()]
        for v in values:
            if v is None:
                continue
            role = f"one of this command's inputs ({v})"
            yield Path(v), role
            yield from _named_by(Path(v), near)


def _named_by(path: Path, near: Path) -> Iterator[tuple[Path, str]]:
    """The files a YAML input names (case log, evidence documents), or those of every submission in
    a folder, as far as they could be `near`."""
    real = Path(os.path.realpath(path))
    if path.is_dir():
        if not near.is_relative_to(real):
            return
        from ..batch import discover

        for target in discover([path]):
            if target.problem is None:
                yield Path(target.path), f"one of this command's inputs ({target.path})"
                yield from _named_by(Path(target.path), near)
        return
    if path.suffix.lower() not in (".yaml", ".yml") or not near.is_relative_to(real.parent):
        return
    from ..yamlsource import load_yaml_file

    try:
        data = load_yaml_file(path).data
    except (InputError, Exception):  # an unreadable input is reported by the command itself
        return
    folder = path.resolve().parent
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key == "path" and isinstance(value, str) and value and "\0" not in value:
                    yield folder / value, f"a file {path.name} names ({value})"
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)


def reports_input_errors(func):
    """Check the output paths, then run; print every input problem as file:line:col and exit 2,
    with no traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            _guard_outputs(kwargs)
            return func(*args, **kwargs)
        except InputError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            n = len(exc.problems)
            click.echo(f"chc: {n} input problem{'s' if n != 1 else ''}; nothing was written", err=True)
            sys.exit(EXIT_INVALID)

    wrapper.guards_outputs = True  # tests/test_hostile_round2.py checks every command with an output has it
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


def use_safe_streams() -> None:
    """Standard output and error never fail on a character their encoding lacks (cp1252 and a
    Cyrillic landlord name): it is written as a backslash escape instead."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if hasattr(stream, "reconfigure") and encoding not in ("utf8", "utf_8"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot change
                pass


def report_bug(exc: BaseException) -> int:
    """An unexpected exception: one line saying it is a bug in chc (exit 3), never exit 1, which
    means 'findings fail the submission'. A full disk or a closed pipe on standard output is not
    a bug but a place that cannot be written to (exit 2). CHC_DEBUG=1 shows the traceback."""
    import errno

    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EFBIG):
        _silence_stdout()
        sys.stderr.write(f"chc: cannot write the output: {exc.strerror or exc}; nothing more was written\n")
        return EXIT_INVALID
    if os.environ.get("CHC_DEBUG") == "1":
        import traceback

        traceback.print_exception(exc)
    what = f"{type(exc).__name__}: {exc}".splitlines()[0][:200] if str(exc) else type(exc).__name__
    sys.stderr.write(f"chc: internal error ({what}); this is a bug in chc, not a problem with your files: "
                     f"please report it on {REPORT_TO}\n")
    return EXIT_BUG


def _silence_stdout() -> None:
    """After a failed write to standard output, drop what is still buffered so that Python does
    not fail again (and print a traceback) when it flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
