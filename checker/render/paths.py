"""File names as a published output shows them: relative to the submission's folder.

A report is read far from the machine that made it, and a path such as /home/jo/evidence/... says
nothing to a reader while it leaks who made it and where. The CI formats and `chc check` keep
paths as given (a CI runner resolves them from the repository); every publishable output and the
review pack pass their result through `relative_paths` first.
"""

from __future__ import annotations

import copy
import os
import posixpath
from pathlib import PurePath

MAX_UP = 2  # '../../x' still reads as a neighbour; further away, only the file name is shown


def relative_to(path: str, folder: str) -> str:
    """`path` relative to `folder` (both as given, relative to the working directory or absolute)."""
    if not path:
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        return PurePath(path).name
    rel = PurePath(rel).as_posix()
    parts = rel.split("/")
    if parts.count("..") > MAX_UP or os.path.isabs(rel):
        return PurePath(path).name
    return posixpath.normpath(rel)


def relative_paths(result: dict, folder: str | None = None) -> dict:
    """A copy of the result in which every file name (each "file" key, wherever it is: the
    submission, finding locations, the case log) is relative to the submission's folder."""
    out = copy.deepcopy(result)
    folder = folder if folder is not None else os.path.dirname(out["submission"].get("file") or "") or "."

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "file" and isinstance(value, str):
                    node[key] = relative_to(value, folder)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(out)
    return out


def relative_diff(diff: dict | None, folder: str) -> dict | None:
    """The year-on-year diff with both submissions named relative to the current one's folder."""
    if not diff:
        return diff
    out = copy.deepcopy(diff)
    for side in ("old", "new"):
        if isinstance(out.get(side), dict) and out[side].get("file"):
            out[side]["file"] = relative_to(out[side]["file"], folder)
    return out
