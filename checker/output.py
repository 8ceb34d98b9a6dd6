"""Writing output files atomically: a temporary file beside the target, then a rename.

A run that fails half-way leaves any earlier report intact and never a half-written one. The
file gets the permissions a plain write would give it (the target's own, or 0666 less the
umask), not the owner-only ones of a temporary file, so a published report stays readable.
A place that cannot be written to is an input problem (exit 2), not a traceback.

An output never replaces something it should not: `check_output` refuses a path that is one of
the command's inputs, a write-protected file, or not a regular file (a device such as /dev/null,
a pipe, /dev/stdout); write_atomic itself refuses the last two, and writes through a symbolic
link to the file it names instead of replacing the link.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .problems import InputError, Location, Problem


STDOUT = "-"
SPECIAL_ROOTS = ("/dev/", "/proc/", "/sys/")


def write_atomic(path: str | Path, data: str | bytes) -> None:
    path = Path(path)
    if path.is_symlink():  # replace the file the link names, never the link itself
        path = Path(os.path.realpath(path))
    why = unsafe_target(path)
    if why:
        raise InputError([Problem(Location(str(path)), why, "unsafe-output")])
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError([Problem(Location(str(path)), f"cannot be written: {_why(exc, folder)}", "cannot-write")]) from None
    try:
        os.fchmod(handle, _mode(path))
        with os.fdopen(handle, "wb") as out:
            out.write(_utf8(data) if isinstance(data, str) else data)
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


def _utf8(text: str) -> bytes:
    """UTF-8; a file name that is not UTF-8 (its bytes kept by Python as lone surrogates) is shown
    with '?' for the bytes that are not, as a terminal shows it, rather than failing the write."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace")


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


def unsafe_target(path: Path) -> str:
    """Why writing `path` would damage something (a device, a pipe, a protected file), or ''."""
    real = os.path.realpath(path)
    if any(p.startswith(SPECIAL_ROOTS) and not p.startswith("/dev/shm/") for p in (str(path), real)):
        return "is a device or a special file, not a regular file; give a file name (or -o - for standard output)"
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return ""  # not there yet (or not a possible name): write_atomic says why if it cannot write
    if stat.S_ISDIR(info.st_mode):
        return ""  # write_atomic says "it is a folder"; commands turn a folder into a file inside it first
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a device or a pipe); give a file name (or -o - for standard output)"
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        return "is write-protected; chc does not replace a protected file (make it writable, or write to another file)"
    return ""


def output_path(given: str | Path, default_name: str) -> Path | None:
    """Where to write for `-o GIVEN`: None for `-` (standard output); a folder (an existing one, or a
    name ending in '/') gets `default_name` inside it."""
    text = str(given)
    if text == STDOUT:
        return None
    if text.endswith(("/", os.sep)) or Path(text).is_dir():
        return Path(text) / default_name
    return Path(text)


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links, `..` or a hard link)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except ValueError:
            return False


def check_output(path: Path, inputs, what: str = "the output") -> None:
    """Refuse (InputError, exit 2) an output that is an input of the run, protected, or not a file.

    `inputs` is an iterable of (path, role) pairs; it is only walked when `path` exists, since a
    file that does not exist yet cannot be one the command reads.
    """
    why = unsafe_target(path)
    if not why and os.path.lexists(path):
        for source, role in inputs:
            if same_file(path, Path(source)):
                why = f"is {role}; chc never writes over what it reads: write {what} to another file"
                break
    if why:
        raise InputError([Problem(Location(str(path)), why, "unsafe-output")])
