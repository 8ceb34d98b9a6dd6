"""PDF engines: headless Chromium (what chc uses) against WeasyPrint, on the bundled example.

    python benchmarks/bench_pdf.py [--runs 3] [--weasyprint-path DIR]

Prints the median seconds to print the published table and the review pack, and the page counts.
WeasyPrint is not a chc dependency: it is timed only if importable (for example after
`pip install --target DIR weasyprint`, then pass --weasyprint-path DIR).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.assess import assess, example_path  # noqa: E402
from checker.render.pdf import render_pdf  # noqa: E402
from checker.render.publish import render_review_pack  # noqa: E402
from checker.render.templated import render_self_assessment  # noqa: E402
from checker.result import build_result  # noqa: E402


def pages(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        try:
            out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
        except FileNotFoundError:
            return "?"
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def timed(fn, runs: int) -> tuple[float, bytes]:
    times, data = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        data = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--weasyprint-path")
    args = ap.parse_args()
    if args.weasyprint_path:
        sys.path.insert(0, args.weasyprint_path)
    try:
        import weasyprint
    except ImportError:
        weasyprint = None
    result = build_result(assess(example_path()))
    docs = {"table": render_self_assessment(result, "html"), "review pack": render_review_pack(result)}
    print(f"{'document':<12} {'engine':<11} {'median s':>9} {'pages':>6}")
    for name, html_text in docs.items():
        seconds, data = timed(lambda: render_pdf(html_text), args.runs)
        print(f"{name:<12} {'chromium':<11} {seconds:>9.2f} {pages(data):>6}")
        if weasyprint:
            seconds, data = timed(lambda: weasyprint.HTML(string=html_text).write_pdf(), args.runs)
            print(f"{name:<12} {'weasyprint':<11} {seconds:>9.2f} {pages(data):>6}")


if __name__ == "__main__":
    main()
