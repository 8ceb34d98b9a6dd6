"""Outputs are written atomically: a failed run leaves an earlier report intact and no temporary
file behind; every file chc writes goes through `checker.output.write_atomic`."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import output
from checker.cli import cli
from checker.output import write_atomic
from checker.problems import InputError

CHECKER = Path(__file__).parent.parent / "checker"
HOSTILE = Path(__file__).parent / "hostile" / "inputs"
FORMATS = ("html", "md", "json")


def run(folder: Path, monkeypatch, *args: str):
    monkeypatch.chdir(folder)
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "good.yaml").write_bytes((HOSTILE / "valid.yaml").read_bytes())
    (tmp_path / "bad.yaml").write_bytes((HOSTILE / "duplicate-key.yaml").read_bytes())
    return tmp_path


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_bad_input_leaves_the_earlier_report_intact(folder, monkeypatch, fmt):
    target = f"report.{fmt}"
    first = run(folder, monkeypatch, "report", "good.yaml", "--format", fmt, "-o", target)
    assert first.exit_code == 1 and (folder / target).stat().st_size > 0
    before = files(folder)
    again = run(folder, monkeypatch, "report", "bad.yaml", "--format", fmt, "-o", target)
    assert again.exit_code == 2
    assert "nothing was written" in again.stderr
    assert files(folder) == before  # the earlier report, byte for byte, and nothing else


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_renderer_failing_midway_leaves_the_earlier_report_intact(folder, monkeypatch, fmt):
    import checker.cli.check as check_module

    target = f"report.{fmt}"
    run(folder, monkeypatch, "report", "good.yaml", "--format", fmt, "-o", target)
    before = files(folder)

    def broken(result, fmt, **options):
        raise RuntimeError("renderer failed half-way")

    monkeypatch.setattr(check_module, "render_report", broken)
    result = run(folder, monkeypatch, "report", "good.yaml", "--format", fmt, "-o", target)
    assert result.exit_code == 3 and "this is a bug in chc" in result.stderr  # a defect, reported as one
    assert files(folder) == before


@pytest.mark.parametrize("fail_at", ["write", "fsync", "replace", "interrupt"])
def test_a_write_failing_midway_leaves_the_target_intact_and_no_temporary_file(tmp_path, monkeypatch, fail_at):
    target = tmp_path / "report.html"
    target.write_text("the earlier report", encoding="utf-8")
    real_fdopen = os.fdopen

    class HalfWriter:  # writes half of the data, then fails
        def __init__(self, fd, mode):
            self.f = real_fdopen(fd, mode)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

        def write(self, data):
            self.f.write(data[: len(data) // 2])
            self.f.flush()
            if fail_at == "interrupt":
                raise KeyboardInterrupt
            raise OSError(28, "No space left on device")

        def flush(self):
            self.f.flush()

        def fileno(self):
            return self.f.fileno()

    def fail(*args, **kwargs):
        raise OSError(5, "Input/output error")

    if fail_at in ("write", "interrupt"):
        monkeypatch.setattr(output.os, "fdopen", HalfWriter)
    else:
        monkeypatch.setattr(output.os, fail_at, fail)
    with pytest.raises(KeyboardInterrupt if fail_at == "interrupt" else InputError) as caught:
        write_atomic(target, "<html>" + "x" * 10_000)
    if fail_at != "interrupt":
        (problem,) = caught.value.problems
        assert problem.rule == "cannot-write" and problem.message.startswith("cannot be written: ")
    assert target.read_text(encoding="utf-8") == "the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_written_reports_are_readable_like_any_file_and_keep_the_mode_they_had(tmp_path):
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.html", "x")
        assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o644  # not the 0600 of a temporary file
        old = tmp_path / "old.html"
        old.write_text("y", encoding="utf-8")
        old.chmod(0o640)
        write_atomic(old, "z")
        assert stat.S_IMODE(old.stat().st_mode) == 0o640 and old.read_text(encoding="utf-8") == "z"
    finally:
        os.umask(umask)


def test_an_output_that_cannot_be_written_is_an_input_problem(folder, monkeypatch):
    (folder / "reports").write_text("a file where a folder is expected", encoding="utf-8")
    before = files(folder)
    result = run(folder, monkeypatch, "report", "good.yaml", "--format", "html", "-o", "reports/out.html")
    assert result.exit_code == 2
    assert "reports/out.html: error: cannot be written: reports is a file, not a folder [cannot-write]" in result.stderr
    assert files(folder) == before


def test_the_report_cannot_overwrite_its_submission(folder, monkeypatch):
    before = files(folder)
    result = run(folder, monkeypatch, "report", "good.yaml", "--format", "md", "-o", "./good.yaml")
    assert result.exit_code == 2
    assert ("good.yaml: error: is one of this command's inputs (good.yaml); chc never writes over what it reads: "
            "write the output to another file [unsafe-output]") in result.stderr
    assert files(folder) == before


# -- every write goes through write_atomic ------------------------------------------------------

#: Calls that write files. Only checker/output.py may make them; add a justified exception here.
WRITERS = {"write_text", "write_bytes", "save", "dump", "replace", "rename", "copy", "copyfile", "copy2", "move",
           "mkstemp", "NamedTemporaryFile", "fdopen"}
ALLOWED: dict[str, set[str]] = {
    "output.py": {"mkstemp", "fdopen", "replace"},  # write_atomic itself
    "render/xlsx.py": {"save"},  # ExcelWriter saves into an in-memory zip archive
    "render/docx.py": {"save"},  # python-docx saves into a BytesIO
    "intake/workbook.py": {"save", "write_text"},  # saves into a BytesIO; a probe copy in a private temporary folder is loaded back
}


def _writes(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name == "open":  # open(path, "w"), path.open("a"), open(..., mode="wb")
            modes = [a.value for a in node.args[1:2] if isinstance(a, ast.Constant)]
            modes += [k.value.value for k in node.keywords if k.arg == "mode" and isinstance(k.value, ast.Constant)]
            if isinstance(func, ast.Attribute) and node.args[:1] and isinstance(node.args[0], ast.Constant):
                modes.append(node.args[0].value)  # Path.open("w")
            if any(isinstance(m, str) and set(m) & set("wax+") for m in modes):
                found.append((node.lineno, "open"))
        elif name in WRITERS:
            if name == "dump" and not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("json", "yaml", "pickle")):
                continue
            if name == "dump" and len(node.args) < 2 and not any(k.arg == "stream" for k in node.keywords):
                continue  # yaml.dump(value) with no stream returns text
            if name == "replace" and not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("os", "shutil")):
                continue  # str.replace
            if name == "save" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self",):
                continue
            found.append((node.lineno, name))
    return sorted(found)


def test_every_file_chc_writes_goes_through_write_atomic():
    offenders = []
    for path in sorted(CHECKER.rglob("*.py")):
        allowed = ALLOWED.get(str(path.relative_to(CHECKER)), set())
        for line, name in _writes(ast.parse(path.read_text(encoding="utf-8"))):
            if name not in allowed:
                offenders.append(f"checker/{path.relative_to(CHECKER)}:{line}: {name}(...) writes a file; use checker.output.write_atomic")
    assert not offenders, "\n".join(offenders)


def test_the_write_check_catches_the_writes_it_is_meant_to():
    sample = '''
import json, shutil
from pathlib import Path
open("x", "w").write("a")
Path("x").write_text("a")
Path("x").open("wb")
json.dump({}, open("y", mode="a"))
wb.save("book.xlsx")
shutil.copyfile("a", "b")
text = "a".replace("a", "b")
open("read-only.txt").read()
'''
    names = [name for _, name in _writes(ast.parse(sample))]
    assert names == ["open", "write_text", "open", "dump", "open", "save", "copyfile"]
