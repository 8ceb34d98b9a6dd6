"""Time `chc validate DIR` over many submissions that each have a case log (issue 11's target:
1,000 in under 20 s on 2 cores), in a fresh process, with the default number of workers.

Each submission is a copy of the bundled example (72 rows and a 480-row case log) in a folder
of its own. With --distinct every case log differs by one row (no two share a hash, so the
per-process cache of case logs by hash cannot help); by default half of them are identical
copies, as when a group files one export for several landlords' submissions.

    python benchmarks/bench_validate_caselogs.py [--files 1000] [--runs 3] [--distinct]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "evidence" / "examples" / "northmoor-2024-25"


def make(folder: Path, files: int, distinct: bool) -> None:
    log = (EXAMPLE / "caselog.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(files):
        target = folder / f"landlord-{i:04d}"
        shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("*.py"))
        if distinct or i % 2:
            # drop a different data row, so the file (and its hash) differs from every other
            rows = log[:1] + [row for n, row in enumerate(log[1:]) if n != i % (len(log) - 1)]
            (target / "caselog.csv").write_text("".join(rows), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--distinct", action="store_true", help="no two case logs alike")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make(folder, args.files, args.distinct)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "checker", "validate", str(folder), "--format", "json",
                                   "--summary-only"], cwd=ROOT, capture_output=True)
            times.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):
                sys.exit(f"chc validate exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    kind = "distinct case logs" if args.distinct else "half the case logs identical"
    print(f"{args.files} submissions with case logs ({kind}): median {statistics.median(times):.2f} s over "
          f"{args.runs} runs (min {min(times):.2f}, max {max(times):.2f}); target under 20 s on 2 cores")


if __name__ == "__main__":
    main()
