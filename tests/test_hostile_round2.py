"""Hostile input, second round (issue 14): the cases tests/hostile/cases-hostile.yaml cannot express
(pipes, /dev/full, environment variables, protected files, workbooks), and the guarantees that
hold for every command by construction (output paths, exit 3, the help table)."""

from __future__ import annotations

import importlib
import json
import os
import resource
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checker.cli import COMMANDS, cli
from checker.cli.common import OutputPath
from checker.problems import InputError

ROOT = Path(__file__).parent.parent
INPUTS = Path(__file__).parent / "hostile" / "inputs"
EXAMPLE = ROOT / "evidence" / "examples" / "northmoor-2024-25"


def run(folder: Path, monkeypatch, *args: str):
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, list(args))
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
    return result


def run_process(args: list[str], folder: Path, *, timeout: float = 60, memory_mb: int = 1024, env: dict | None = None,
                shell_stdout: str | None = None) -> subprocess.CompletedProcess:
    """chc in a subprocess, under a time and an address-space limit (a hang or a blow-up fails)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    full_env = dict(os.environ, PYTHONPATH=str(ROOT), CI="true", **(env or {}))
    stdout = open(shell_stdout, "wb") if shell_stdout else subprocess.PIPE
    try:
        done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder, env=full_env, stdout=stdout,
                              stderr=subprocess.PIPE, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chc {' '.join(args)} took more than {timeout} s")
    finally:
        if shell_stdout:
            stdout.close()
    assert b"Traceback" not in done.stderr and b"Traceback" not in (done.stdout or b"")
    return done


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def case(tmp_path) -> Path:
    """A submission with a case log and an evidence document beside it."""
    shutil.copyfile(INPUTS / "outputs-onto-inputs.yaml", tmp_path / "submission.yaml")
    shutil.copyfile(INPUTS / "caselog-dates-as-text.csv", tmp_path / "caselog.csv")
    shutil.copyfile(INPUTS / "policy.md", tmp_path / "policy.md")
    return tmp_path


# ------------------------------------------------------------------------------ the help table

def command(name: str) -> click.Command:
    module, attribute = COMMANDS[name][:2]
    return getattr(importlib.import_module(module, "checker.cli"), attribute)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_help_table_says_what_each_command_says_of_itself(name):
    entry = COMMANDS[name]
    assert len(entry) == 3, f"{name}: give its short help in COMMANDS, so that `chc --help` need not import it"
    for width in (45, 80, 300):
        assert click.Command(name, help=entry[2]).get_short_help_str(width) == command(name).get_short_help_str(width)


def test_help_lists_every_command_without_importing_one(tmp_path):
    code = ("import sys; from click.testing import CliRunner; from checker.cli import cli; "
            "r = CliRunner().invoke(cli, ['--help']); print(r.output); "
            "print(sorted(m for m in sys.modules if m.startswith('checker')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in COMMANDS:
        assert f"\n  {name} " in done.stdout
    loaded = eval(done.stdout.strip().splitlines()[-1])
    assert set(loaded) <= {"checker", "checker.cli", "checker.cli.common", "checker.problems"}, loaded
    assert "jsonschema" not in done.stdout and "holidays" not in done.stdout


# ------------------------------------------------------------------------------ output paths

def output_commands() -> dict[str, click.Command]:
    """Every command (and workbook subcommand) that has an output option, by its words."""
    found = {}
    for name in COMMANDS:
        cmd = command(name)
        subs = cmd.commands.items() if isinstance(cmd, click.Group) else [("", cmd)]
        for sub, c in subs:
            if any(isinstance(p.type, OutputPath) for p in c.params):
                found[f"{name} {sub}".strip()] = c
    return found


# Each command with -o, aimed at one of its inputs. A new command with an output option must be added.
AIMED_AT_AN_INPUT = {
    "report": ["report", "submission.yaml", "--format", "md", "-o", "policy.md"],
    "review": ["review", "submission.yaml", "-o", "submission.yaml"],
    "annual-report": ["annual-report", "submission.yaml", "-o", "caselog.csv"],
    "diff": ["diff", "submission.yaml", "old.json", "-o", "old.json"],
    "migrate": ["migrate", "submission.yaml", "--to", "hos-2024", "-o", "new.yaml", "--report", "submission.yaml"],
    "quarterly": ["quarterly", "submission.yaml", "--quarter", "Q1", "-o", "caselog.csv"],
    "validate": ["validate", ".", "--format", "junit", "-o", "caselog.csv"],
    "init": ["init", "--landlord", "X", "--period", "2024-25", "-o", "/dev/null", "--force"],
    "schema": ["schema", "-o", "/dev/null"],
    "workbook export": ["workbook", "export", "submission.yaml", "-o", "submission.yaml", "--force"],
    "workbook import": ["workbook", "import", "w.xlsx", "-o", "w.xlsx", "--force"],
    "submission-form": ["submission-form", "submission.yaml", "-o", "caselog.csv"],
    "import": ["import", "policy.md", "-o", "policy.md", "--force"],
}


def test_every_output_option_is_guarded():
    """Every option that names a file chc writes is an OutputPath (so reports_input_errors checks it),
    and every command that has one is tried below."""
    for name in COMMANDS:
        cmd = command(name)
        for c in (cmd.commands.values() if isinstance(cmd, click.Group) else [cmd]):
            for p in c.params:
                if isinstance(p, click.Option) and ("-o" in p.opts or p.name in ("output", "report_file")):
                    assert isinstance(p.type, OutputPath), f"{c.name} {p.opts}: use OutputPath"
                    assert getattr(c.callback, "guards_outputs", False), f"{c.name}: decorate it with @reports_input_errors"
    assert sorted(output_commands()) == sorted(AIMED_AT_AN_INPUT)


@pytest.mark.parametrize("name", sorted(AIMED_AT_AN_INPUT))
def test_no_command_writes_over_what_it_reads(name, case, monkeypatch):
    shutil.copyfile(ROOT / "tests" / "hostile" / "inputs" / "valid.yaml", case / "old.yaml")
    (case / "old.json").write_text("{}", encoding="utf-8")
    (case / "w.xlsx").write_bytes(b"PK not really a workbook")
    before = files(case)
    result = run(case, monkeypatch, *AIMED_AT_AN_INPUT[name])
    assert result.exit_code == 2, result.output
    assert "[unsafe-output]" in result.stderr
    assert files(case) == before


def test_dash_is_standard_output_and_a_folder_gets_a_default_name(case, monkeypatch):
    result = run(case, monkeypatch, "report", "submission.yaml", "--format", "md", "-o", "-")
    assert result.exit_code == 1 and result.stdout.startswith("# Test Homes")
    assert not (case / "-").exists()
    for args, written in [
        (["report", "submission.yaml", "--format", "md", "-o", "new/"], "new/report.md"),
        (["review", "submission.yaml", "-o", "new"], "new/review.html"),  # an existing folder
        (["validate", "submission.yaml", "--format", "junit", "-o", "new/"], "new/junit.xml"),
        (["diff", "submission.yaml", "submission.yaml", "--format", "json", "-o", "new/"], "new/diff.json"),
    ]:
        result = run(case, monkeypatch, *args)
        assert result.exit_code in (0, 1), result.output
        assert (case / written).is_file() and f"wrote {written}" in result.stderr
    assert sorted(p.name for p in (case / "new").iterdir()) == ["diff.json", "junit.xml", "report.md", "review.html"]


def test_a_protected_file_is_not_replaced(case, monkeypatch):
    target = case / "report.html"
    target.write_text("last year's published report", encoding="utf-8")
    target.chmod(0o444)
    result = run(case, monkeypatch, "report", "submission.yaml", "-o", "report.html")
    assert result.exit_code == 2
    assert ("report.html: error: is write-protected; chc does not replace a protected file (make it writable, "
            "or write to another file) [unsafe-output]") in result.stderr
    assert target.read_text(encoding="utf-8") == "last year's published report"


def test_a_pipe_is_not_an_output(case, monkeypatch):
    os.mkfifo(case / "pipe.html")
    result = run(case, monkeypatch, "review", "submission.yaml", "-o", "pipe.html")
    assert result.exit_code == 2
    assert ("pipe.html: error: is not a regular file (a device or a pipe); give a file name (or -o - for standard "
            "output) [unsafe-output]") in result.stderr
    assert stat.S_ISFIFO(os.lstat(case / "pipe.html").st_mode)


def test_a_link_is_written_through_not_replaced(case, monkeypatch):
    (case / "published").mkdir()
    (case / "published" / "report.md").write_text("old", encoding="utf-8")
    os.symlink("published/report.md", case / "latest.md")
    result = run(case, monkeypatch, "report", "submission.yaml", "--format", "md", "-o", "latest.md")
    assert result.exit_code == 1
    assert os.path.islink(case / "latest.md")
    assert (case / "published" / "report.md").read_text(encoding="utf-8").startswith("# Test Homes")


# ------------------------------------------------------------------------------ exit 3, streams

def test_a_bug_in_chc_exits_3_with_one_line(case, monkeypatch):
    import checker.cli.check as check_module

    def broken(result, fmt, **options):
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(check_module, "render_report", broken)
    result = run(case, monkeypatch, "report", "submission.yaml", "-o", "out.html")
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        "chc: internal error (RuntimeError: renderer failed); this is a bug in chc, not a problem with your files: "
        "please report it on the chc issue tracker, with the command you ran and the output of CHC_DEBUG=1"]
    assert not (case / "out.html").exists()


def test_chc_debug_shows_the_traceback(case, monkeypatch):
    import checker.cli.check as check_module

    monkeypatch.setattr(check_module, "render_report", lambda result, fmt, **options: 1 / 0)
    monkeypatch.setenv("CHC_DEBUG", "1")
    monkeypatch.chdir(case)
    result = CliRunner().invoke(cli, ["report", "submission.yaml", "-o", "out.html"])
    assert result.exit_code == 3
    assert "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr


def test_standard_output_on_a_full_disk(tmp_path):
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "submission.yaml")
    done = run_process(["check", "submission.yaml"], tmp_path, shell_stdout="/dev/full")
    assert done.returncode == 2
    assert done.stderr.decode() == "chc: cannot write the output: No space left on device; nothing more was written\n"


def test_a_terminal_encoding_without_the_landlords_letters(tmp_path):
    text = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace("Test Homes", "Тест Homes")
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    done = run_process(["check", "submission.yaml"], tmp_path, env={"PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 1
    assert done.stdout.decode("cp1252").startswith("\\u0422\\u0435\\u0441\\u0442 Homes: self-assessment 2024-25")


# ------------------------------------------------------------------------------ pipes and sizes

def test_last_years_result_as_a_pipe(tmp_path):
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "submission.yaml")
    os.mkfifo(tmp_path / "prev.json")
    done = run_process(["review", "submission.yaml", "--previous", "prev.json", "-o", "r.html"], tmp_path, timeout=30)
    assert done.returncode == 2
    assert b"prev.json: error: is not a regular file (a device or a pipe?); give a result JSON file [not-found]" in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_validate_a_folder_holding_a_pipe_and_a_huge_yaml(tmp_path):
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "a.yaml")
    os.mkfifo(tmp_path / "b.yaml")
    with open(tmp_path / "workflow.yaml", "wb") as out:  # 1.2 GB that takes no disk (sparse)
        out.truncate(1_200_000_000)
    done = run_process(["validate", ".", "--format", "json", "--summary-only"], tmp_path, timeout=30, memory_mb=800)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert [f["file"] for f in report["files"]] == ["a.yaml"]


def test_a_huge_submission_in_a_folder_is_refused_by_its_size(tmp_path):
    with open(tmp_path / "big.yaml", "wb") as out:
        out.write(b"code: hos-2024\n")
        out.truncate(30_000_000)
    done = run_process(["validate", "."], tmp_path, timeout=30, memory_mb=800)
    assert done.returncode == 2
    assert (b"big.yaml: error: the file is 30,000,000 bytes; the limit is 20,971,520 (CHC_MAX_YAML_BYTES raises it) "
            b"[too-large]") in done.stdout


# ------------------------------------------------------------------------------ saved results

def saved_result(folder: Path, monkeypatch) -> dict:
    result = run(folder, monkeypatch, "check", "submission.yaml", "--format", "json")
    return json.loads(result.stdout)


@pytest.mark.parametrize("mutate,message", [
    (lambda d: '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}",
     "prev.json: error: the JSON is nested too deep to be a chc result; refused [too-deep]"),
    (lambda d: json.dumps(d | {"provisions": "none"}),
     "prev.json: error: not a chc result as this version writes it: provisions: expected a list, found \"none\" [not-a-result]"),
    (lambda d: json.dumps(d | {"summary": d["summary"] | {"verdicts": [1]}}),
     "prev.json: error: not a chc result as this version writes it: summary.verdicts: expected a mapping (key: value lines), found [1] [not-a-result]"),
    (lambda d: json.dumps(d).replace('"Test Homes"', '"Test \\ud800 Homes"'),
     "prev.json: error: the text holds a lone surrogate escape (such as \\uD800), which is not a character; save the result "
     "again with chc check --format json [encoding]"),
])
def test_a_saved_result_that_is_not_one(case, monkeypatch, mutate, message):
    (case / "prev.json").write_text(mutate(saved_result(case, monkeypatch)), encoding="utf-8")
    before = files(case)
    for args in (["review", "submission.yaml", "--previous", "prev.json", "-o", "r.html"], ["diff", "prev.json", "submission.yaml"]):
        result = run(case, monkeypatch, *args)
        assert result.exit_code == 2
        assert message in result.stderr.splitlines()
    assert files(case) == before


# ------------------------------------------------------------------------------ XLSX texts

def cell_texts(path: Path, sheet: str) -> list[list]:
    from openpyxl import load_workbook

    return [[c.value for c in row] for row in load_workbook(path)[sheet].iter_rows()]


def test_a_control_character_in_a_case_id_reaches_the_xlsx_report_escaped(tmp_path, monkeypatch):
    shutil.copyfile(INPUTS / "with-caselog.yaml", tmp_path / "submission.yaml")
    (tmp_path / "caselog.csv").write_bytes(
        b"id,stage,received,acknowledged,responded\n"
        b"C1\x07,1,01/04/2024,02/04/2024,30/05/2024\nC2\x1b[31m,1,01/04/2024,02/04/2024,30/05/2024\n"
        b"C3,1,01/04/2024,02/04/2024,03/04/2024\n")
    result = run(tmp_path, monkeypatch, "report", "submission.yaml", "--format", "xlsx", "-o", "r.xlsx", "--with-findings")
    assert result.exit_code == 1
    found = [v for row in cell_texts(tmp_path / "r.xlsx", "Findings") for v in row if isinstance(v, str) and "e.g." in v]
    assert len(found) == 1 and found[0].endswith("2 of 3 replies were late (e.g. C1\\x07, C2\\x1b[31m)")


def test_a_long_evidence_list_is_split_into_marked_rows_never_cut(tmp_path, monkeypatch):
    from checker.render.xlsx import CONTINUED, CONTINUES

    items = [f"Board paper {i:03d}, " + "section " * 30 for i in range(160)]  # about 40,000 characters
    text = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace(
        'evidence: ["Complaints policy, section 2"]', "evidence: " + json.dumps(items))
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    result = run(tmp_path, monkeypatch, "report", "submission.yaml", "--format", "xlsx", "-o", "r.xlsx")
    assert result.exit_code == 1
    rows = cell_texts(tmp_path / "r.xlsx", "Self-assessment")
    first = next(i for i, r in enumerate(rows) if r[0] == "1.2")
    assert rows[first + 1][0] == "1.2 (continued)"
    parts = [rows[first][3], rows[first + 1][3]]
    assert all(len(p) <= 32_767 for p in parts)
    assert parts[0].endswith(CONTINUES) and parts[1].startswith(CONTINUED)
    joined = parts[0][: -len(CONTINUES)] + "\n" + parts[1][len(CONTINUED):]
    assert all(item.strip() in joined for item in items)
    assert joined.count("Board paper") == 160  # nothing cut, nothing doubled


# ------------------------------------------------------------------------------ the workbook round trip

def export(folder: Path, monkeypatch, source: str = "submission.yaml", target: str = "w.xlsx"):
    return run(folder, monkeypatch, "workbook", "export", source, "-o", target)


def test_a_text_longer_than_a_cell_is_refused_at_export_not_cut(tmp_path, monkeypatch):
    text = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace("Résumé of the policy — as adopted.", "x" * 40_000)
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    result = export(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert ("submission.yaml:6:80: error: answers.1.2.commentary is 40,000 characters; an Excel cell holds at most 32,767, "
            "so the workbook cannot carry it: shorten it, or edit this part in the YAML [excel-cell]") in result.stderr
    assert not (tmp_path / "w.xlsx").exists()


def test_an_evidence_document_with_a_bar_comes_back(tmp_path, monkeypatch):
    text = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace(
        'evidence: ["Complaints policy, section 2"]',
        'evidence: ["Policy | Procedure, 2024", {document: "Board | Committee minutes", section: "4 | 5", page: "12"}]')
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    assert export(tmp_path, monkeypatch).exit_code == 0
    result = run(tmp_path, monkeypatch, "workbook", "import", "w.xlsx", "-o", "back.yaml")
    assert result.exit_code == 0, result.stderr
    from checker.yamlsource import load_yaml_file

    answer = load_yaml_file(tmp_path / "back.yaml").data["answers"]["1.2"]
    assert answer["evidence"] == ["Policy | Procedure, 2024",
                                  {"document": "Board | Committee minutes", "section": "4 | 5", "page": "12"}]


def test_import_force_keeps_a_submission_whose_comments_it_would_lose(tmp_path, monkeypatch):
    original = "# Our notes: ask the MRC about 5.8 before May.\n" + (INPUTS / "valid.yaml").read_text(encoding="utf-8")
    (tmp_path / "submission.yaml").write_text(original, encoding="utf-8")
    assert export(tmp_path, monkeypatch).exit_code == 0
    result = run(tmp_path, monkeypatch, "workbook", "import", "w.xlsx", "-o", "submission.yaml", "--force")
    assert result.exit_code == 0
    assert "kept the file it replaces as submission.before-import.yaml" in result.stderr
    assert (tmp_path / "submission.before-import.yaml").read_text(encoding="utf-8") == original
    again = run(tmp_path, monkeypatch, "workbook", "import", "w.xlsx", "-o", "submission.yaml", "--force")
    assert "kept" not in again.stderr  # the imported file has no comments of the user's to lose
    assert (tmp_path / "submission.before-import.yaml").read_text(encoding="utf-8") == original


def test_kept_yaml_and_base_with_a_landlord_that_is_not_a_mapping(tmp_path, monkeypatch):
    shutil.copyfile(EXAMPLE / "submission.yaml", tmp_path / "submission.yaml")
    assert export(tmp_path, monkeypatch).exit_code == 0
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "w.xlsx")
    about = wb["About"]
    rows = [c for (c,) in about.iter_rows(min_col=1, max_col=1)]
    start = next(c.row for c in rows if isinstance(c.value, str) and c.value.startswith("landlord:"))
    about.cell(row=start, column=1).value = "landlord: [1, 2]"
    for c in rows[start:]:
        if not (isinstance(c.value, str) and c.value.startswith(" ")):
            break
        c.value = None
    wb.save(tmp_path / "w2.xlsx")
    result = run(tmp_path, monkeypatch, "workbook", "import", "w2.xlsx", "-o", "back.yaml")
    assert result.exit_code == 2
    assert (f"w2.xlsx[About]!A{start}: error: kept YAML: landlord must be a mapping (key: value lines), not a list "
            "[schema]") in result.stderr
    base = (tmp_path / "submission.yaml").read_text(encoding="utf-8").replace("\nlandlord:\n", "\nlandlord: Northmoor\nx-landlord:\n", 1)
    (tmp_path / "base.yaml").write_text(base, encoding="utf-8")
    line = base.splitlines().index("landlord: Northmoor") + 1
    result = run(tmp_path, monkeypatch, "workbook", "import", "w.xlsx", "-o", "back.yaml", "--base", "base.yaml")
    assert result.exit_code == 2
    assert f"base.yaml:{line}:11: error: landlord must be a mapping (key: value lines), not text [schema]" in result.stderr
    assert not (tmp_path / "back.yaml").exists()


def test_a_workbook_with_a_million_formatted_empty_rows(tmp_path, monkeypatch):
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "submission.yaml")
    assert export(tmp_path, monkeypatch).exit_code == 0
    with zipfile.ZipFile(tmp_path / "w.xlsx") as src, zipfile.ZipFile(tmp_path / "big.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                dst.writestr(info, data)
                continue
            head, tail = data.split(b"</sheetData>")
            with dst.open(info.filename, "w", force_zip64=True) as out:
                out.write(head)
                for r in range(100, 1_000_100):
                    out.write(b'<row r="%d" s="3" customFormat="1"><c r="D%d" s="3"/><c r="E%d" s="3"/></row>' % (r, r, r))
                out.write(b"</sheetData>" + tail)
    assert (tmp_path / "big.xlsx").stat().st_size < 10_000_000
    done = run_process(["workbook", "import", "big.xlsx", "-o", "back.yaml"], tmp_path, timeout=90, memory_mb=1500)
    assert done.returncode == 0, done.stderr
    run(tmp_path, monkeypatch, "workbook", "import", "w.xlsx", "-o", "small.yaml")
    assert (tmp_path / "back.yaml").read_bytes() == (tmp_path / "small.yaml").read_bytes()


def test_a_file_name_that_is_not_utf8(tmp_path, monkeypatch):
    (tmp_path / "in").mkdir()
    name = os.fsdecode(b"r\xe9sum\xe9.yaml")  # Latin-1 bytes: Python keeps them as lone surrogates
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "in" / name)
    result = run(tmp_path, monkeypatch, "validate", "in", "--format", "json", "-o", "out.json")
    assert result.exit_code == 1
    report = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [f["file"] for f in report["files"]] == ["in/r?sum?.yaml"]


def test_each_schema_validator_is_built_once_per_process(tmp_path, monkeypatch):
    """A valid submission never builds jsonschema's validator (the shipped compiled check says it is
    valid); one that fails its schema builds it once, however many such files a process reads."""
    from checker import validation
    from checker.assess import assess

    validation._validator.cache_clear()
    shutil.copyfile(INPUTS / "valid.yaml", tmp_path / "a.yaml")
    broken = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace("name: Test Homes", "name: 7", 1)
    (tmp_path / "b.yaml").write_text(broken, encoding="utf-8")
    for _ in range(3):
        assess(tmp_path / "a.yaml")
        assess(EXAMPLE / "submission.yaml")
    assert validation._validator.cache_info().currsize == 0
    for _ in range(3):
        with pytest.raises(InputError):
            assess(tmp_path / "b.yaml")
    info = validation._validator.cache_info()
    assert (info.misses, info.hits) == (1, 2)


def test_control_characters_in_the_landlords_name(tmp_path, monkeypatch):
    text = (INPUTS / "valid.yaml").read_text(encoding="utf-8").replace("name: Test Homes", 'name: "Test\\a Homes"')
    (tmp_path / "submission.yaml").write_text(text, encoding="utf-8")
    result = run(tmp_path, monkeypatch, "report", "submission.yaml", "--format", "xlsx", "-o", "r.xlsx")
    assert result.exit_code == 1
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "r.xlsx")
    assert wb.properties.title == wb["Self-assessment"]["A1"].value == "Test\\x07 Homes: Complaint Handling Code self-assessment 2024-25"
    result = export(tmp_path, monkeypatch)
    assert result.exit_code == 2
    assert ("submission.yaml:3:18: error: landlord.name holds the control character U+0007, which an Excel cell cannot "
            "hold; delete it [excel-cell]") in result.stderr
    assert not (tmp_path / "w.xlsx").exists()
