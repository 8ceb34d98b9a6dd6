"""Writing output files atomically: a temporary file beside the target, then a rename.

A run that fails half-way leaves any earlier report intact and never a half-written one. The
file gets the permissions a plain write would give it (the target's own, or 0666 less the
umask), not the owner-only ones of a temporary file, so a published report stays readable.
A place that cannot be written to is an input problem (exit 2), not a traceback.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .problems import InputError, Location, Problem


def write_atomic(path: str | Path, data: str | bytes) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError([Problem(Location(str(path)), f"cannot be written: {_why(exc, folder)}", "cannot-write")]) from None
    try:
        os.fchmod(handle, _mode(path))
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError([Problem(Location(str(path)), f"cannot be written: {_why(exc, folder)}", "cannot-write")]) from None
        raise


def _mode(path: Path) -> int:
    """The permissions the written file should have: those of the file it replaces, else the default."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _why(exc: OSError, folder: Path) -> str:
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        for parent in (folder, *folder.parents):
            if parent.exists() and not parent.is_dir():
                return f"{parent} is a file, not a folder"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder"
    return exc.strerror or str(exc)
