"""Benchmark `chc import` of a 72-row Word form (target: under 1 s).

    python benchmarks/bench_import.py            # 7 runs of each
    python benchmarks/bench_import.py --runs 3

The form is tests/data/import/word-form.docx: the Ombudsman's layout, nine sections, 72 rows with
evidence and commentary. It prints the median wall time of:
- the command as a user runs it: `python -m checker import word-form.docx -o out.yaml`, in a
  fresh process (interpreter start-up and imports included);
- the library call alone (`import_files` and writing the YAML text), in this process after one
  warm-up run;
- for scale, `python -m checker --help` (the interpreter and chc starting, nothing read), and the
  least any reader of the form must do: python-docx opening the document and
  reading the text of every cell (`table.rows` / `row.cells` / `cell.text`).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / "tests" / "data" / "import" / "word-form.docx"
sys.path.insert(0, str(ROOT))


def median_time(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    import docx

    from checker.intake.importer import import_files

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.yaml"

        def command():
            subprocess.run([sys.executable, "-m", "checker", "import", str(FORM), "-o", str(out), "--force"],
                           cwd=ROOT, check=True, capture_output=True)

        def startup():
            subprocess.run([sys.executable, "-m", "checker", "--help"], cwd=ROOT, check=True, capture_output=True)

        def library():
            import_files([FORM]).yaml()

        def plain_read():
            document = docx.Document(str(FORM))
            return [cell.text for table in document.tables for row in table.rows for cell in row.cells]

        library()
        plain_read()
        rows = len(import_files([FORM]).placed)
        results = [
            ("chc import (command, fresh process)", median_time(command, args.runs)),
            ("chc --help (start-up alone)", median_time(startup, args.runs)),
            ("import_files + YAML (library)", median_time(library, args.runs)),
            ("python-docx: every cell's text", median_time(plain_read, args.runs)),
        ]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{FORM.name}: {rows} rows, median of {args.runs} runs ({os.cpu_count()} CPUs, load average {load:.1f})")
    for label, seconds in results:
        print(f"  {label:40s} {seconds:6.3f} s")
    print(f"  target: the command under 1 s: {'met' if results[0][1] < 1 else 'NOT met'}")


if __name__ == "__main__":
    main()
