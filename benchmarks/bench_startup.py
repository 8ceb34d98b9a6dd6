"""Benchmark chc's start-up: `chc --help` and one `chc validate` of the bundled example.

    python benchmarks/bench_startup.py            # 15 runs of each, interleaved
    python benchmarks/bench_startup.py --runs 31

Each command runs as a user or CI runs it, in a fresh process (`python -m checker ...`), and the
runs of the three commands are interleaved so that a busy machine slows them alike. It prints the
median wall time of each, the baseline `python -c pass` (the interpreter's own start-up, which no
change to chc can remove), and each command's time above that baseline. Targets (PRODUCT.md):
`chc --help` under 0.15 s, one `chc validate` under 0.3 s.

It also prints the modules `chc --help` imports beyond click, from `python -X importtime`: the
list of commands is data (checker/cli/__init__.py), so no command module should be among them.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "evidence" / "examples" / "northmoor-2024-25" / "submission.yaml"
TARGETS = {"chc --help": 0.15, "chc validate (bundled example)": 0.30}


def commands() -> dict[str, list[str]]:
    py = sys.executable
    return {
        "python -c pass (baseline)": [py, "-c", "pass"],
        "chc --help": [py, "-m", "checker", "--help"],
        "chc validate (bundled example)": [py, "-m", "checker", "validate", str(EXAMPLE)],
    }


# As installed by pip, which writes each module's bytecode (.pyc) at install time: a shell that
# sets PYTHONDONTWRITEBYTECODE would otherwise make every run compile chc's sources again.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall time, and the CPU time (user + system) the process used: the second is what a busy
    machine inflates least."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def help_imports() -> list[str]:
    """The checker modules `chc --help` imports (there should be only the package and its cli)."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", "--help"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    names = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")]
    return sorted({n for n in names if n.startswith("checker")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    cmds = commands()
    for argv in cmds.values():  # warm the file cache and the .pyc files
        timed(argv)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, argv in cmds.items():
            times[name].append(timed(argv))
    base = statistics.median(w for w, _ in times["python -c pass (baseline)"])
    base_cpu = statistics.median(c for _, c in times["python -c pass (baseline)"])
    print(f"{'command':34} {'wall':>7} {'cpu':>7} {'wall above baseline':>20}  target (wall)")
    for name, values in times.items():
        wall = statistics.median(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        target = TARGETS.get(name)
        mark = "" if target is None else (f"{target:.2f} s " + ("met" if wall <= target else "NOT met"))
        above = "" if name.startswith("python") else f"{wall - base:+.3f} s (cpu {cpu - base_cpu:+.3f})"
        print(f"{name:34} {wall:6.3f}s {cpu:6.3f}s {above:>20}  {mark}")
    print(f"({args.runs} runs each, interleaved; medians; a busy machine inflates every row alike)")
    print("checker modules imported by `chc --help`:", ", ".join(help_imports()))


if __name__ == "__main__":
    main()
