"""Benchmark the case-log metrics: median wall time and peak memory, library call and command.

Each measurement runs in a fresh Python process, so the peak resident memory (ru_maxrss of that
process) is the run's own and nothing is cached between runs. Case logs are generated once
(seeded) into benchmarks/data/ (git-ignored).

    python benchmarks/bench_metrics.py                 # the full set (about 3 minutes)
    python benchmarks/bench_metrics.py --quick         # 10k and 100k only
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"

LIBRARY_RUN = """
import json, resource, sys, time
t0 = time.perf_counter()
from checker.caselog.reader import read_caselog
from checker.caselog.metrics import compute_metrics
from checker.caselog.workdays import WorkingCalendar
from checker.codes import load_code
log = read_caselog(sys.argv[1])
t1 = time.perf_counter()
m = compute_metrics(log, WorkingCalendar("england"), load_code("hos-2024").timescales, 40000, 3000)
m.as_dict()
t2 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "compute": t2 - t1, "total": t2 - t0,
                  "rows": log.rows_read, "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

COMMAND_RUN = "from checker.cli.metrics import metrics; metrics()"

CASES = [("csv", 10_000), ("csv", 100_000), ("csv", 1_000_000), ("xlsx", 10_000), ("xlsx", 100_000)]


def ensure(kind: str, rows: int) -> Path:
    path = DATA / f"caselog_{rows}.{kind}"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_caselog.py"), str(rows), "-o", str(path), "--seed", "1"], check=True)
    return path


def run_library(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", LIBRARY_RUN, str(path)], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def run_command(path: Path) -> dict:
    """`chc metrics FILE --format json`, timed from outside, with that process's peak memory."""
    env = dict(os.environ, CI="true")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", COMMAND_RUN, str(path), "--homes-lcra", "40000", "--homes-lcho", "3000", "--format", "json"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"metrics command failed ({proc.returncode}): {proc.stderr.read().decode()}")
    return {"total": elapsed, "maxrss_mb": usage.ru_maxrss / 1024}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark case-log metrics")
    ap.add_argument("--quick", action="store_true", help="10k and 100k rows only")
    ap.add_argument("--runs", type=int, default=5, help="runs per case (3 for a million rows)")
    args = ap.parse_args(argv)
    cases = [c for c in CASES if not args.quick or c[1] <= 100_000]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; median of {args.runs} runs (3 at a million rows);"
          " read includes imports; peak = max resident set size of the process")
    header = f"{'input':<21}{'rows':>11}{'read s':>9}{'compute s':>11}{'library s':>11}{'µs/row':>8}{'peak MB':>9}{'command s':>11}{'peak MB':>9}"
    print(header)
    print("-" * len(header))
    for kind, rows in cases:
        path = ensure(kind, rows)
        runs = 3 if rows >= 1_000_000 else args.runs
        lib = [run_library(path) for _ in range(runs)]
        cmd = [run_command(path) for _ in range(runs)]
        med = lambda xs, k: statistics.median(x[k] for x in xs)  # noqa: E731
        total = med(lib, "total")
        print(f"{path.name:<21}{rows:>11,}{med(lib, 'read'):>9.2f}{med(lib, 'compute'):>11.2f}{total:>11.2f}"
              f"{total / rows * 1e6:>8.2f}{max(x['maxrss_mb'] for x in lib):>9.0f}"
              f"{med(cmd, 'total'):>11.2f}{max(x['maxrss_mb'] for x in cmd):>9.0f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
