"""Validating one or many submissions: finding them, judging each, and what came of each file.

`chc validate` takes files and folders. A file named on the command line is always validated. A
folder is searched (recursively, in sorted order, skipping hidden files and folders) for `*.yaml`
and `*.yml` files that have a top-level `code:` key: that key is what marks a YAML file as a
submission, so other YAML in a repository (CI workflows, case-log mappings) is left alone.

Each file gives one `Outcome`: its canonical result, or the input problems that stopped it. One
bad file never stops the others. Outcomes come back in the order the files were found, whether
they were judged in this process or in a pool of worker processes.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .problems import InputError, Location, Problem

SUFFIXES = (".yaml", ".yml")
_CODE_KEY = re.compile(r"""^["']?code["']?[ \t]*:""", re.M)

PASS, FAIL, INVALID = "pass", "fail", "invalid"
AUTO_JOBS_FROM = 16  # below this many files, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Outcome:
    """What validating one file gave: a canonical result, or the problems that stopped it."""

    file: str
    result: dict | None = None
    problems: tuple[Problem, ...] = ()

    @property
    def status(self) -> str:
        if self.problems or self.result is None:
            return INVALID
        return PASS if self.result["summary"]["passed"] else FAIL


@dataclass(frozen=True)
class Target:
    """A file to validate, or a path that could not give one (with the problem saying why)."""

    path: str
    problem: Problem | None = None


def looks_like_submission(path: Path) -> bool:
    """Whether a YAML file found in a folder is a submission: a regular file (a pipe found in a folder
    would be read for ever) with a top-level `code:` key. A file over the size limit is looked at
    only in its first MiB: a huge YAML file that is not a submission is never read whole, and one
    that is gets its size refused, with the setting that raises the limit, when it is loaded."""
    import stat

    from .yamlsource import max_bytes

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return False
        with open(path, "rb") as handle:
            raw = handle.read(PREFIX_BYTES if info.st_size > max_bytes() else -1)
    except OSError:
        return True  # unreadable: let validation say why
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16", errors="replace")
    else:
        text = raw.decode("utf-8", errors="replace")
    return _CODE_KEY.search(text) is not None


PREFIX_BYTES = 1 << 20


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(SUFFIXES):
                yield Path(root) / name


def discover(paths: Iterable[str | Path]) -> list[Target]:
    """The files to validate, in order: each path as given, each folder's submissions sorted.

    A path that does not exist, or a folder holding no submission, becomes a Target with a problem,
    so that it is reported like any invalid file. A file reached twice is validated once.
    """
    targets: list[Target] = []
    seen: set[str] = set()

    def add(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            targets.append(Target(str(path)))

    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [p for p in _walk(path) if looks_like_submission(p)]
            if not found:
                targets.append(Target(str(path), Problem(
                    Location(str(path)), "no submission found in this folder (a *.yaml or *.yml file with a top-level 'code:' key)", "no-submissions")))
            for p in found:
                add(p)
        elif path.exists() or path.is_symlink():
            add(path)
        else:
            targets.append(Target(str(path), Problem(Location(str(path)), "no such file or folder", "not-found")))
    return targets


def validate_file(target: Target, overrides: dict[str, Any] | None = None) -> Outcome:
    """Load, evaluate and build the canonical result of one file; input problems make it invalid."""
    from .assess import assess
    from .result import build_result

    if target.problem is not None:
        return Outcome(target.path, problems=(target.problem,))
    try:
        evaluation = assess(target.path, display=target.path, **(overrides or {}))  # findings name the file as found
    except InputError as exc:
        return Outcome(target.path, problems=exc.problems)
    except Exception as exc:  # a defect in chc must not stop the other files of a batch
        message = f"chc could not check this file ({type(exc).__name__}: {exc}); please report this as a chc bug"
        return Outcome(target.path, problems=(Problem(Location(target.path), message, "internal-error"),))
    return Outcome(target.path, build_result(evaluation))


def validate_all(targets: Sequence[Target], *, jobs: int = 1, overrides: dict[str, Any] | None = None,
                 progress: Callable[[float], None] | None = None) -> list[Outcome]:
    """Validate every target, in order; with jobs > 1, in a pool of worker processes."""
    work = partial(validate_file, overrides=overrides or {})
    total = len(targets)
    outcomes: list[Outcome] = []
    if jobs > 1 and total > 1:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(32, total // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=min(jobs, total), initializer=_one_polars_thread) as pool:
            for outcome in pool.map(work, targets, chunksize=chunk):
                outcomes.append(outcome)
                if progress:
                    progress(len(outcomes) / total)
    else:
        for target in targets:
            outcomes.append(work(target))
            if progress:
                progress(len(outcomes) / total)
    return outcomes


def _one_polars_thread() -> None:
    """In a pool, each worker already has a core: polars' own threads (one per core each) would only
    contend with the other workers' (1,000 small case logs: 19.6 s with them, 18.3 s without).
    Read when a worker first imports polars; a user's own setting stands."""
    os.environ.setdefault("POLARS_MAX_THREADS", "1")


def exit_code(outcomes: Sequence[Outcome]) -> int:
    """3 if chc itself failed on any file (a bug, never to be read as the submission failing),
    else 2 if any file is invalid, else 1 if any fails, else 0."""
    if any(p.rule == "internal-error" for o in outcomes for p in o.problems):
        return 3
    statuses = {o.status for o in outcomes}
    if INVALID in statuses or not outcomes:
        return 2
    return 1 if FAIL in statuses else 0


def default_jobs() -> int:
    """Worker processes to use when asked for 'as many as the machine has' (--jobs 0)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
