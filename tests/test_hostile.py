"""The hostile-input corpus (tests/hostile/cases.yaml and cases-*.yaml) run through the command line.

Every case runs in a fresh temporary folder (the working directory, so messages name files as
`submission.yaml:6:3`), through each command its kind lists, and must:
- exit with the expected code, printing the expected problems (all of them, exactly) with no
  traceback anywhere;
- on failure (exit 2), leave the folder exactly as it was: no output, no temporary file;
- on success, write only the output the command was asked for.

Cases marked `isolate` run in a subprocess under a time limit and an address-space limit, which
is how "bounded memory and time" is checked. Set HOSTILE_SHOW=1 to print what each run gave.
"""

from __future__ import annotations

import os
import re
import resource
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner

from checker.cli import cli
from tests.hostile import generators, sheets

HERE = Path(__file__).parent / "hostile"
ROOT = Path(__file__).parent.parent


def load_manifest() -> dict:
    """cases.yaml (commands and cases) plus the cases of every cases-*.yaml beside it, so that
    work on different commands adds cases in files of its own."""
    manifest = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))
    for extra in sorted(HERE.glob("cases-*.yaml")):
        more = yaml.safe_load(extra.read_text(encoding="utf-8")) or {}
        manifest["cases"].extend(more.get("cases") or [])
        for kind, commands in (more.get("commands") or {}).items():
            manifest["commands"].setdefault(kind, commands)
    return manifest


MANIFEST = load_manifest()
PROBLEM_LINE = re.compile(r"^(?P<at>.+?): (?P<level>error|warning): (?P<message>.*) \[(?P<rule>[a-z0-9-]+)\]$")


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def missing(command: str) -> str:
    """Why `command` cannot run on this branch ('' if it can): an unknown verb, or an option
    value its choices do not have (e.g. `report --format xlsx` before XLSX output lands)."""
    words = shlex.split(command)
    cmd = cli.get_command(click.Context(cli), words[0])
    if cmd is None:
        return f"chc {words[0]} is not on this branch yet"
    options = {opt: p for p in cmd.params if isinstance(p, click.Option) for opt in p.opts}
    for flag, value in zip(words[1:], words[2:]):
        param = options.get(flag)
        if param is not None and isinstance(param.type, click.Choice) and value not in param.type.choices:
            return f"chc {words[0]} {flag} {value} is not on this branch yet"
    return ""


def unmet(requires: str | None) -> str:
    """Why a case's `requires: module:name` (code another branch brings) is not on this branch ('' if it is)."""
    if not requires:
        return ""
    import importlib
    import inspect

    module, name = requires.split(":")
    mod = importlib.import_module(module)
    if hasattr(mod, name) or name in inspect.getsource(mod):
        return ""
    return f"{module} does not use {name} on this branch yet"


def input_name(case: dict) -> str:
    if "as" in case:
        return case["as"]
    if case["kind"] == "submission":
        return "submission.yaml"
    source = case.get("input") or case["make"].get("source", "") or ".csv"
    return "caselog" + (Path(source).suffix or ".csv")


def params():
    out = []
    for case in MANIFEST["cases"]:
        for command in case.get("run") or MANIFEST["commands"][case["kind"]]:
            words = shlex.split(command)
            if "-o" in words:
                del words[words.index("-o"):words.index("-o") + 2]
            verb = "-".join(w for w in words if not w.startswith(("{", "--")))
            marks = []
            why = missing(command.replace("{input}", "x")) or unmet(case.get("requires"))
            if why:
                marks.append(pytest.mark.skip(reason=case.get("missing_reason", why)))
            out.append(pytest.param(case, command, id=f"{case['id']}[{verb}]", marks=marks))
    return out


def test_manifest_is_well_formed():
    ids = [c["id"] for c in MANIFEST["cases"]]
    assert len(ids) == len(set(ids)), "case ids repeat"
    assert len(ids) >= 40
    for case in MANIFEST["cases"]:
        assert case["kind"] in MANIFEST["commands"], case["id"]
        assert ("input" in case) != ("make" in case), f"{case['id']}: give input or make"
        if "input" in case:
            assert (HERE / "inputs" / case["input"]).is_file(), case["id"]
        assert case["exit"] in (0, 1, 2), case["id"]
        if case["exit"] == 2:
            assert case.get("problems"), f"{case['id']}: a refused input must say what is wrong"
    used = {c.get("input") for c in MANIFEST["cases"]} | {c.get("make", {}).get("source") for c in MANIFEST["cases"]}
    unused = sorted(p.name for p in (HERE / "inputs").iterdir() if p.name not in used)
    assert not unused, f"input files no case uses: {unused}"


def prepare(case: dict, folder: Path) -> str:
    name = input_name(case)
    if "input" in case:
        shutil.copyfile(HERE / "inputs" / case["input"], folder / name)
    else:
        generators.make(folder, name, case["make"])
    for target, source in (case.get("files") or {}).items():
        shutil.copyfile(HERE / "inputs" / source, folder / target)
    return name


def run_in_process(args: list[str], folder: Path, monkeypatch) -> Run:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, args, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        import traceback

        tb = "".join(traceback.format_exception(result.exception))
        pytest.fail(f"chc {' '.join(args)} raised instead of reporting:\n{tb}")
    return Run(result.exit_code, result.stdout, result.stderr)


def run_isolated(args: list[str], folder: Path, timeout: float, memory_mb: int) -> Run:
    def limit():  # in the child: an address-space cap, so a memory blow-up fails instead of swapping
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))

    env = dict(os.environ, PYTHONPATH=str(ROOT), CI="true")
    try:
        done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=folder, env=env, capture_output=True,
                              text=True, timeout=timeout, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chc {' '.join(args)} took more than {timeout} s")
    return Run(done.returncode, done.stdout, done.stderr)


def listing(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): (p.lstat().st_size if not p.is_dir() else -1) for p in sorted(folder.rglob("*"))}


def expected_line(problem: dict, level: str) -> str:
    return f"{problem['at']}: {level}: {problem['message']} [{problem['rule']}]"


def matches(line: str, problem: dict, level: str) -> bool:
    if "message" in problem:
        return line == expected_line(problem, level)
    m = PROBLEM_LINE.match(line)
    return bool(m and m["at"] == problem["at"] and m["level"] == level and m["rule"] == problem["rule"]
                and problem["contains"] in m["message"])


@pytest.mark.parametrize("case,command", params())
def test_hostile_case(case, command, tmp_path, monkeypatch):
    folder = tmp_path / "case"
    folder.mkdir()
    name = prepare(case, folder)
    before = listing(folder)
    args = shlex.split(command.replace("{input}", name))
    if case.get("isolate"):
        iso = case["isolate"]
        run = run_isolated(args, folder, iso.get("timeout", 30), iso.get("memory_mb", 1024))
    else:
        run = run_in_process(args, folder, monkeypatch)
    if os.environ.get("HOSTILE_SHOW"):
        print(f"\n=== {case['id']} [{command}] exit {run.exit_code}\n--- stderr\n{run.stderr}--- stdout (head)\n{run.stdout[:1500]}")

    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream
    assert run.exit_code == case["exit"], f"exit {run.exit_code}; stderr:\n{run.stderr}"

    level = case.get("level", "error")
    # Problems go to stderr; `validate` prints its report on stdout, input problems included.
    streams = run.stderr + (run.stdout if run.exit_code == 2 else "")
    reported = [line for line in streams.splitlines() if PROBLEM_LINE.match(line)]
    expected = case.get("problems") or []
    unmatched = [p for p in expected if not any(matches(line, p, level) for line in reported)]
    assert not unmatched, "not reported: " + "\n".join(map(str, unmatched)) + "\nreported:\n" + "\n".join(reported)
    if not case.get("more_problems"):
        extra = [line for line in reported if not any(matches(line, p, level) for p in expected)]
        assert not extra, "reported but not expected:\n" + "\n".join(extra)
    if args[0] == "check":  # the terminal summary; other commands print reports of their own shape
        for text in case.get("stdout") or []:
            assert text in run.stdout, f"{text!r} not in the output"

    after = listing(folder)
    assert not [f for f in after if f.endswith(".tmp")], f"temporary files left: {after}"
    if run.exit_code == 2:
        assert after == before, "a refused run changed the folder"
        if args[0] in ("check", "report"):
            assert "nothing was written" in run.stderr
        return
    written = set(after) - set(before)
    wanted = {args[args.index("-o") + 1]} if "-o" in args else set()
    assert written == wanted
    out = case.get("output") or {}
    for target in wanted:
        path = folder / target
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        if target.endswith((".html", ".md", ".json")) and args[0] == "report":
            for needle in out.get(Path(target).suffix[1:], {}).get("contains", []):
                assert needle in text, f"{needle!r} not in {target}"
            for needle in out.get(Path(target).suffix[1:], {}).get("absent", []):
                assert needle not in text, f"{needle!r} found in {target}"
        if target.endswith(".xlsx"):
            sheets.assert_xlsx_text_is_text(path, out.get("xlsx", {}).get("texts", []))
        if target.endswith(".csv"):
            sheets.assert_csv_text_is_inert(path, out.get("csv", {}).get("texts", []))


def test_troubleshooting_shows_real_messages():
    """Every problem line docs/troubleshooting.md shows is one the corpus expects, word for word."""
    doc = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    expected = set()
    for case in MANIFEST["cases"]:
        for problem in case.get("problems") or []:
            if "message" in problem:
                expected.add(expected_line(problem, case.get("level", "error")))
        for text in case.get("stdout") or []:
            expected.add(text)
    shown = [line for line in doc.splitlines() if PROBLEM_LINE.match(line) or re.match(r"^  (error|warning) ", line)]
    assert len(shown) >= 20
    stale = [line for line in shown if line not in expected and not any(line.strip().endswith(t) for t in expected)]
    assert not stale, "shown in the troubleshooting guide but not produced by any corpus case:\n" + "\n".join(stale)
