"""A 'yes' needs evidence, and evidence must point at something that exists inside the submission."""

from __future__ import annotations

import os
import stat
from functools import lru_cache
from pathlib import Path

from ..findings import UNSUPPORTS, Finding


def check(ctx, provision, answer):
    if answer is None:
        return
    for item in answer.evidence:
        if item.path:
            problem = path_problem(ctx.submission.folder, item.path)
            if problem:
                rule = "evidence-not-found" if problem.startswith(MISSING) else "evidence-outside-folder"
                yield Finding(rule, ctx.severity(provision), f"{provision.id}: evidence file '{item.path}' {problem}", item.location, effect=UNSUPPORTS)
    if answer.substantive and provision.evidence_needed and not answer.evidence:
        what = "yes" if answer.comply == "yes" else "with a figure" if (answer.value is not None or answer.values) else "with a choice" if answer.choice and not answer.text else "in words"
        yield Finding("no-evidence", ctx.severity(provision), f"{provision.id} is answered {what} with no evidence", answer.location, effect=UNSUPPORTS)


MISSING = ("does not exist", "is not a file", "cannot be used as a file name")


def path_problem(folder: Path, relative: str) -> str:
    """Why an evidence path cannot be used, or '' if it names a real file inside the folder."""
    if os.path.isabs(relative) or relative.startswith(("~", "\\")) or ":" in relative[:3]:
        return "must be a path relative to the submission's folder"
    if "\0" in relative or any(len(part.encode("utf-8", "surrogateescape")) > 255 for part in relative.split("/")):
        return "cannot be used as a file name (it holds a NUL character, or a name longer than 255 bytes)"
    target = folder / relative
    try:
        resolved = target.resolve(strict=False)
    except (OSError, RuntimeError, ValueError):
        return "cannot be resolved"
    if not resolved.is_relative_to(_resolved(folder)):
        return "points outside the submission's folder"
    probe, info = folder, None
    try:
        for part in Path(relative).parts:  # one lstat a part: a link anywhere is refused, the last says what it is
            probe = probe / part
            info = os.lstat(probe)
            if stat.S_ISLNK(info.st_mode):
                return "is (or passes through) a symbolic link, which is not accepted"
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except (OSError, ValueError):
        return "cannot be used as a file name"
    if info is None:
        if "\\" in relative:
            return "does not exist; separate folders with '/' (documents/policy.md), not '\\'"
        return "does not exist"
    if not stat.S_ISREG(info.st_mode):
        return "is not a file"
    return ""


@lru_cache(maxsize=256)
def _resolved(folder: Path) -> Path:
    """A submission folder's real path, once per process (a batch checks thousands of evidence paths)."""
    return folder.resolve()
