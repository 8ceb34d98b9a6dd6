"""Benchmark the file-reading layer (checker/caselog/table.py): a case log to a table of text.

Times read_table on the same rows as CSV and as XLSX (issue 11's target, XLSX at most 2x CSV, is
for the whole `chc metrics`, which bench_metrics.py measures; this is the reading part), beside
what a user would otherwise run: pandas.read_csv with every column as text, and openpyxl's
read-only iteration (what chc used before). Each measurement runs in a fresh process (imports
included), and reports the median of --repeat runs and that process's peak memory. It also checks
that the XLSX cells read as text agree, cell for cell, with the values openpyxl reads.

    python benchmarks/bench_table.py                  # 100k rows, 3 runs each
    python benchmarks/bench_table.py --rows 10000 --repeat 5
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"

RUNS = {
    "table": """
from checker.caselog.table import read_table, ReadLimits
t = read_table(path, limits=ReadLimits(max_bytes=2**34, max_uncompressed=2**34))
rows = t.frame.height
""",
    "pandas-csv": """
import pandas as pd
rows = len(pd.read_csv(path, dtype=str, keep_default_na=False))
""",
    "openpyxl": """
import openpyxl
wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
rows = sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True)) - 1
""",
}

WRAPPER = """
import json, resource, sys, time
t0 = time.perf_counter()
path = sys.argv[1]
{body}
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": time.perf_counter() - t0, "rows": rows, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""

CHECK = """
import datetime as dt, sys
import openpyxl
from checker.caselog.table import read_table
from checker.caselog.reader import parse_date_text, parse_date_value, _cell_text
t = read_table(sys.argv[1])
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = list(wb.worksheets[0].iter_rows(values_only=True))[1:]
mine = t.frame.rows()
assert len(rows) == len(mine), (len(rows), len(mine))
differ = 0
for old, new in zip(rows, mine):
    for o, n in zip(old, new):
        n = n or ""
        if isinstance(o, (dt.date, dt.datetime)):
            same = parse_date_value(o) == parse_date_text(n)
        else:
            same = _cell_text(o) == n.strip()
        differ += not same
print(differ)
"""


def ensure(kind: str, rows: int) -> Path:
    path = DATA / f"caselog_{rows}.{kind}"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_caselog.py"), str(rows), "-o", str(path), "--seed", "1"], check=True)
    return path


def measure(what: str, path: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", WRAPPER.format(body=RUNS[what]), str(path)], cwd=ROOT,
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout))
    return {"seconds": statistics.median(r["seconds"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "maxrss_mb": max(r["maxrss_mb"] for r in runs),
            "rows": runs[0]["rows"]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    csv_path, xlsx_path = ensure("csv", args.rows), ensure("xlsx", args.rows)
    results = {
        "table csv": measure("table", csv_path, args.repeat),
        "table xlsx": measure("table", xlsx_path, args.repeat),
        "pandas.read_csv (text)": measure("pandas-csv", csv_path, args.repeat),
        "openpyxl read-only": measure("openpyxl", xlsx_path, args.repeat),
    }
    print(f"{args.rows:,} rows, median of {args.repeat} runs, each in a fresh process (imports included)")
    for name, r in results.items():
        print(f"  {name:<24} {r['seconds']:7.2f} s wall  {r['cpu']:7.2f} s cpu  {r['maxrss_mb']:7.0f} MB  ({r['rows']:,} rows)")
    t_csv, t_xlsx = results["table csv"]["seconds"], results["table xlsx"]["seconds"]
    print(f"  xlsx / csv (table)       {t_xlsx / t_csv:7.2f}x wall, {results['table xlsx']['cpu'] / results['table csv']['cpu']:.2f}x cpu")
    print(f"  table csv / pandas       {t_csv / results['pandas.read_csv (text)']['seconds']:7.2f}x")
    print(f"  openpyxl / table xlsx    {results['openpyxl read-only']['seconds'] / t_xlsx:7.2f}x")
    out = subprocess.run([sys.executable, "-c", CHECK, str(xlsx_path)], cwd=ROOT, check=True, capture_output=True, text=True)
    print(f"  xlsx cells differing from openpyxl's values: {out.stdout.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
