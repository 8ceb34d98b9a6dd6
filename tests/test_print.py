"""Print: A4 PDFs of the published table and the review pack, printed by headless Chromium.

Pages are read back with poppler (pdfinfo, pdftotext), installed with the Debian package
`poppler-utils`. Skipped, with the reason, when Chromium or poppler is missing; the message for a
missing Chromium is tested everywhere.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.render import pdf
from checker.render.publish import render_review_pack
from checker.render.templated import render_self_assessment
from publish_data import CURRENT, PREVIOUS, result_of, with_metrics

CHROMIUM = pdf.find_chromium()
POPPLER = shutil.which("pdfinfo") and shutil.which("pdftotext")
needs_engine = pytest.mark.skipif(not (CHROMIUM and POPPLER), reason="needs Chromium (package 'chromium') and poppler-utils")


def info(path: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def pages_text(path: Path) -> list[str]:
    n = int(info(path)["Pages"])
    return [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), str(path), "-"], capture_output=True, text=True, check=True).stdout
            for i in range(1, n + 1)]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def current():
    return with_metrics(result_of(CURRENT))


def marked(result: dict) -> dict:
    """The result with each row's commentary long and fenced by unique words: Rn-start ... Rn-end."""
    out = copy.deepcopy(result)
    filler = " ".join(["the landlord explains its practice in its own words"] * 6)
    for n, p in enumerate(out["provisions"], start=1):
        p["commentary"] = f"R{n}-start {filler} R{n}-end"
    return out


@needs_engine
def test_no_row_is_split_and_headers_repeat_and_stay_with_their_table(tmp_path, current):
    result = marked(current)
    path = write(tmp_path, "table.pdf", pdf.render_pdf(render_self_assessment(result, "html")))
    pages = pages_text(path)
    assert len(pages) >= 10  # long enough that rows must fall across page ends
    n = len(result["provisions"])
    for i in range(1, n + 1):
        start = [k for k, t in enumerate(pages) if re.search(rf"\bR{i}-start\b", t)]
        end = [k for k, t in enumerate(pages) if re.search(rf"\bR{i}-end\b", t)]
        assert len(start) == 1 and start == end, f"row {i} split: starts on page {start}, ends on page {end}"
    for k, text in enumerate(pages):
        if re.search(r"\bR\d+-start\b", text):  # a page with rows repeats the header row
            assert "Commentary / explanation" in text, f"page {k + 1} has rows but no header"
    # each section heading sits on the page of its first row
    first_row = {}
    for i, p in enumerate(result["provisions"], start=1):
        first_row.setdefault(p["section"], i)
    for section, i in first_row.items():
        page_of_row = next(k for k, t in enumerate(pages) if f"R{i}-start" in t)
        heading = re.compile(rf"^{section}\. ", re.M)
        assert heading.search(pages[page_of_row]), f"heading of section {section} is not on the page of its first row"


@needs_engine
def test_a4_running_header_page_numbers_and_page_counts(tmp_path, current):
    diff = __import__("checker.diff", fromlist=["diff_results"]).diff_results(result_of(PREVIOUS), current)
    for name, html_text, most in (("table.pdf", render_self_assessment(current, "html"), 16),
                                  ("review.pdf", render_review_pack(current, diff), 8)):
        path = write(tmp_path, name, pdf.render_pdf(html_text))
        meta = info(path)
        assert meta["Page size"].split("(")[-1].strip() == "A4)"
        pages = pages_text(path)
        assert 2 <= len(pages) <= most, f"{name}: {len(pages)} pages"  # were 29 and 10 on US Letter
        for k, text in enumerate(pages, start=1):
            assert f"Page {k} of {len(pages)}" in text, f"{name} page {k} has no page number"
            assert "Ashdown Vale Housing: self-assessment 2024-25" in text, f"{name} page {k} has no running header"
        for k, text in enumerate(pages[:-1], start=1):  # no page is left mostly empty before a page break
            lines = [line for line in text.splitlines() if line.strip()]
            assert len(lines) >= 15, f"{name} page {k} is nearly empty ({len(lines)} lines)"


@needs_engine
def test_pdf_is_deterministic_and_carries_no_print_time(tmp_path, current):
    html_text = render_self_assessment(current, "html")
    first, second = pdf.render_pdf(html_text), pdf.render_pdf(html_text)
    assert first == second
    assert b"/CreationDate (D:19800101000000+00'00')" in first and b"/ModDate (D:19800101000000+00'00')" in first
    assert info(write(tmp_path, "a.pdf", first))["Pages"] == info(write(tmp_path, "b.pdf", second))["Pages"]


def test_fixed_dates_keep_the_byte_length():
    raw = b"<</Producer (Skia/PDF m156)\n/CreationDate (D:20261130002922+00'00')\n/ModDate (D:20261130002922+00'00')>>"
    fixed = pdf.fix_dates(raw)
    assert len(fixed) == len(raw)
    assert fixed == raw.replace(b"20261130002922", b"19800101000000")


@needs_engine
def test_cli_writes_pdf_for_report_and_review(tmp_path):
    runner = CliRunner()
    out = tmp_path / "table.pdf"
    run = runner.invoke(cli, ["report", str(CURRENT), "--format", "pdf", "-o", str(out)])
    assert run.exit_code == 1, run.output  # the Ashdown fixture has failing findings
    assert out.read_bytes()[:5] == b"%PDF-"
    assert f"wrote {out}" in run.stderr
    review = tmp_path / "review.pdf"
    run = runner.invoke(cli, ["review", str(CURRENT), "--previous", str(PREVIOUS), "--format", "pdf", "-o", str(review)])
    assert run.exit_code == 1, run.output
    assert "7. Sign-off" in "".join(pages_text(review))


@pytest.mark.parametrize("command", [["report", "--format", "pdf"], ["review", "--format", "pdf"], ["annual-report", "--format", "pdf"]])
def test_without_chromium_pdf_is_a_clear_exit_2_and_nothing_is_written(tmp_path, monkeypatch, command):
    monkeypatch.setenv("CHROMIUM", "")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    out = tmp_path / "out.pdf"
    run = CliRunner().invoke(cli, [command[0], str(CURRENT), *command[1:], "-o", str(out)])
    assert run.exit_code == 2
    assert "PDF output is printed by Chromium, which was not found" in run.stderr
    assert "apt-get install chromium" in run.stderr and "nothing was written" in run.stderr
    assert not out.exists() and "Traceback" not in run.output


@pytest.mark.parametrize("command", ["report", "review", "annual-report"])
def test_pdf_needs_an_output_file(command):
    run = CliRunner().invoke(cli, [command, str(CURRENT), "--format", "pdf"])
    assert run.exit_code == 2 and "give the file with -o FILE" in run.output


def headings_of(page_html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", page_html)]


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not re.fullmatch(r"Page \d+ of \d+", line.strip())]
    return lines[-1] if lines else ""


@needs_engine
def test_annual_report_of_the_bundled_example_on_a4(tmp_path):
    """`chc annual-report --format pdf`: A4, at most 17 pages (21 before the print layout was tuned; ten are the form in full),
    the running header and page number on every page, no heading left alone at a page foot."""
    out = tmp_path / "annual-report.pdf"
    run = CliRunner().invoke(cli, ["annual-report", "--format", "pdf", "-o", str(out)])
    assert run.exit_code == 1, run.output  # the example has failing findings, listed after "wrote FILE"
    assert run.stderr.splitlines()[-3:][0] == "chc: 2 findings fail the submission:"
    assert info(out)["Page size"].split("(")[-1].strip() == "A4)"
    pages = pages_text(out)
    assert 8 <= len(pages) <= 17, f"{len(pages)} pages"
    for k, text in enumerate(pages, start=1):
        assert f"Page {k} of {len(pages)}" in text, f"page {k} has no page number"
        assert "Northmoor Homes: annual complaints report 2024-25" in text, f"page {k} has no running header"
    html_text = CliRunner().invoke(cli, ["annual-report"]).stdout
    headings = set(headings_of(html_text)) - {"Contents"}
    assert "Timeliness by quarter" in headings
    for k, text in enumerate(pages[:-1], start=1):
        assert last_line(text) not in headings, f"page {k} ends with the heading {last_line(text)!r}"
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) >= 30, f"page {k} is half empty ({len(lines)} lines)"
    text = "".join(pages)
    assert text.index("Part 1. Our self-assessment") < text.index("Part 6. Other Ombudsman reports") < text.index("Appendix. The self-assessment in full")


@needs_engine
def test_annual_report_rows_never_split(tmp_path, current):
    from checker.render.publish import render_annual_report

    result = marked(current)
    pages = pages_text(write(tmp_path, "annual.pdf", pdf.render_pdf(render_annual_report(result, "html"))))
    for i in range(1, len(result["provisions"]) + 1):  # the appendix: the self-assessment in full
        start = [k for k, t in enumerate(pages) if re.search(rf"\bR{i}-start\b", t)]
        end = [k for k, t in enumerate(pages) if re.search(rf"\bR{i}-end\b", t)]
        assert len(start) == 1 and start == end, f"row {i} split: starts on page {start}, ends on page {end}"
    for k, text in enumerate(pages):
        if re.search(r"\bR\d+-start\b", text):  # the header row repeats on each page of the appendix
            assert "Commentary / explanation" in text, f"page {k + 1} has rows but no header"
