"""Benchmark `chc metrics` against the pandas + numpy script an analyst would write
(bench_pandas.py), in the same run: medians of wall time and peak memory, and their ratio.

Each measurement is a fresh Python process (imports included, as a user pays them), timed from
outside; peak memory is that process's maximum resident set size. Case logs are generated once
(seeded) into benchmarks/data/ (git-ignored) by generate_caselog.py. Before timing, the figures
of both are compared at 100,000 rows: a benchmark of different answers would mean nothing.

    python benchmarks/bench_metrics.py               # 10k, 100k, 1M CSV and 100k XLSX (a few minutes)
    python benchmarks/bench_metrics.py --big         # and 5M CSV (generating it takes minutes)
    python benchmarks/bench_metrics.py --quick       # 10k and 100k only, 3 runs

Targets (issue 11): chc / pandas <= 0.5 at 1M rows CSV; 100k XLSX <= 2x the same rows as CSV;
peak memory at 1M rows <= 1 GB; time linear in rows.
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
CHC = "from checker.cli.metrics import metrics; metrics()"
HOMES = ["--homes-lcra", "40000", "--homes-lcho", "3000"]
COUNTS = ("received", "acknowledged", "acknowledged_in_time", "responded", "on_time", "on_time_with_extension",
          "late", "open", "median_working_days")


def ensure(kind: str, rows: int) -> Path:
    path = DATA / f"caselog_{rows}.{kind}"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_caselog.py"), str(rows), "-o", str(path), "--seed", "1"], check=True)
    return path


def _env() -> dict:
    """The environment of each run: CI (no progress bar), and bytecode cached as an installed
    package has it (pip compiles it at install; pandas' is), even where PYTHONDONTWRITEBYTECODE is
    set: otherwise every chc run would compile its own modules from source."""
    env = dict(os.environ, CI="true")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def timed(args: list[str]) -> dict:
    """Run a fresh process; its wall time and peak resident memory."""
    env = _env()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed ({code}): {proc.stderr.read().decode()[-2000:]}")
    proc.stderr.close()
    return {"s": elapsed, "mb": usage.ru_maxrss / 1024}


def chc(path: Path) -> dict:
    return timed(["-c", CHC, str(path), *HOMES, "--format", "json"])


def pandas(path: Path) -> dict:
    return timed([str(ROOT / "benchmarks" / "bench_pandas.py"), str(path)])


def agree(path: Path) -> list[str]:
    """The counts where chc and the pandas script differ (none expected)."""
    ours = json.loads(subprocess.run([sys.executable, "-c", CHC, str(path), "--format", "json"], cwd=ROOT, check=True,
                                     capture_output=True, text=True, env=_env()).stdout)
    theirs = json.loads(subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_pandas.py"), str(path)], cwd=ROOT,
                                       check=True, capture_output=True, text=True, env=_env()).stdout)
    return [f"stage{n}.{k}: chc {ours[f'stage{n}'][k]} pandas {theirs[f'stage{n}'][k]}"
            for n in (1, 2) for k in COUNTS if ours[f"stage{n}"][k] != theirs[f"stage{n}"][k]]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Benchmark chc metrics against pandas + numpy")
    ap.add_argument("--quick", action="store_true", help="10k and 100k rows only, 3 runs")
    ap.add_argument("--big", action="store_true", help="add 5,000,000 rows (CSV)")
    ap.add_argument("--runs", type=int, help="runs per case (default 5; 3 at a million rows and more; --xlsx: 11)")
    ap.add_argument("--xlsx", action="store_true", help="only the 100k XLSX against the same rows as CSV (11 runs unless --runs)")
    args = ap.parse_args(argv)
    if args.xlsx:
        return xlsx_only(args.runs or 11)
    sizes = [10_000, 100_000] + ([] if args.quick else [1_000_000]) + ([5_000_000] if args.big else [])
    runs = 3 if args.quick else args.runs or 5
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians of {runs} runs (3 at 1M rows and more); "
          "fresh process each, imports included; peak = maximum resident set size")
    differ = agree(ensure("csv", 100_000))
    print("figures at 100,000 rows: " + ("chc and pandas agree on every count" if not differ else "DIFFER: " + "; ".join(differ)))
    header = f"{'input':<24}{'rows':>11}{'chc s':>8}{'chc MB':>8}{'pandas s':>10}{'pandas MB':>10}{'chc/pandas':>11}{'chc µs/row':>11}"
    print(header)
    print("-" * len(header))
    med = {}
    for kind, rows in [("csv", n) for n in sizes] + [("xlsx", 100_000)]:
        path = ensure(kind, rows)
        n = 3 if rows >= 1_000_000 else max(runs, 11) if kind == "xlsx" else runs  # the XLSX ratio is noisier
        ours, theirs = [], []
        for _ in range(n):  # alternated, so that a change in the machine's load falls on both
            ours.append(chc(path))
            # the XLSX against chc on the same rows as CSV, the CSV against pandas
            theirs.append(pandas(path) if kind == "csv" else chc(ensure("csv", rows)))
        s = statistics.median(x["s"] for x in ours)
        mb = max(x["mb"] for x in ours)
        if kind == "csv":
            ps = statistics.median(x["s"] for x in theirs)
            pmb = max(x["mb"] for x in theirs)
            cols = f"{ps:>10.2f}{pmb:>10.0f}{s / ps:>11.2f}"
        else:
            cols = f"{'-':>10}{'-':>10}{'-':>11}"
            ps = statistics.median(x["s"] for x in theirs)  # chc on the CSV, in the same minutes
        med[(kind, rows)] = (s, mb, ps)
        print(f"{path.name:<24}{rows:>11,}{s:>8.2f}{mb:>8.0f}{cols}{s / rows * 1e6:>11.2f}", flush=True)
    print()
    if ("csv", 1_000_000) in med:
        s, mb, ps = med[("csv", 1_000_000)]
        print(f"target chc/pandas at 1M rows <= 0.50: {s / ps:.2f} {'met' if s / ps <= 0.5 else 'NOT met'}")
        print(f"target peak memory at 1M rows <= 1024 MB: {mb:.0f} MB {'met' if mb <= 1024 else 'NOT met'}")
    xs, _, csv_s = med[("xlsx", 100_000)]
    print(f"target 100k XLSX <= 2x 100k CSV: {xs:.3f} s / {csv_s:.3f} s = {xs / csv_s:.2f}x {'met' if xs / csv_s <= 2 else 'NOT met'}"
          " (each XLSX run followed by one of the CSV)")
    big = sorted(r for k, r in med if k == "csv" and r >= 100_000)
    if len(big) >= 2:
        (a, b) = big[0], big[-1]
        marginal = (med[("csv", b)][0] - med[("csv", a)][0]) / (b - a) * 1e6
        print(f"growth: {marginal:.2f} µs per extra row from {a:,} to {b:,} rows (start-up excluded)")
    return 0


def xlsx_only(runs: int) -> int:
    """The XLSX target alone: 100k rows as XLSX and as CSV, one run of each in turn."""
    xlsx, csv = ensure("xlsx", 100_000), ensure("csv", 100_000)
    xs, cs = [], []
    for _ in range(runs):
        xs.append(chc(xlsx)["s"])
        cs.append(chc(csv)["s"])
    x, c = statistics.median(xs), statistics.median(cs)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; medians of {runs} runs each, alternated; fresh process each")
    print(f"100k XLSX {x:.3f} s, the same rows as CSV {c:.3f} s: {x / c:.2f}x (target <= 2: {'met' if x / c <= 2 else 'NOT met'})")
    print("each run: " + ", ".join(f"{a / b:.2f}" for a, b in zip(xs, cs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
