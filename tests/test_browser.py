"""The HTML outputs in a real browser: rendered (screenshot, page text) and checked with axe-core.

Needs Chromium (Debian package `chromium`) and node/npm (axe-core is pinned in
tests/browser/package-lock.json and installed with `npm ci --prefix tests/browser` if missing).
Skipped, with the reason, only when no Chromium or no npm is found.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

import browser
from checker.diff import diff_results
from checker.render.publish import render_annual_report, render_review_pack
from checker.render.templated import render_self_assessment
from publish_data import CURRENT, PREVIOUS, result_of, with_metrics

QUARTERLY_ENGLISH = Path(__file__).parent / "data" / "quarterly-english" / "submission.yaml"

CHROMIUM = browser.find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found (install the Debian package 'chromium' or set CHROMIUM)")


@pytest.fixture(scope="module")
def axe():
    if not (browser.AXE.is_file() or shutil.which("npm")):
        pytest.skip("axe-core is not installed and npm is not available to install it (npm ci --prefix tests/browser)")
    path = browser.ensure_axe()
    assert path is not None and path.is_file(), "npm ci did not install axe-core"
    return path


def pages() -> dict:
    current = with_metrics(result_of(CURRENT))
    diff = diff_results(result_of(PREVIOUS), current)
    out = {
        "self-assessment": (render_self_assessment(current, "html"),
                            ["Ashdown Vale Housing: Complaint Handling Code self-assessment 2024-25", "6. Complaints stages", "Target date: 2025-10-31"]),
        "self-assessment-with-findings": (render_self_assessment(current, "html", with_findings=True),
                                          ["Checked by chc", "6. Complaints stages", "Contradicted"]),
        "review-pack": (render_review_pack(current, diff),
                        ["1. Summary by section", "3. Claims beside the figures", "48.6%", "61.5%", "Overdue", "5. What changed since last year",
                         "97.2%", "7. Sign-off", "Approve with changes"]),
        "annual-report": (render_annual_report(current, "html"),
                          ["Part 1. Our self-assessment against the Code", "Part 2. How we handled complaints", "Complaints received by quarter and stage",
                           "Part 3. Ombudsman findings of non-compliance with the Code", "Part 6. Other Ombudsman reports about us",
                           "The governing body's response", "47.3", "39.5%", "£41,275.50"]),
        # the bundled example as `chc annual-report` writes it: charts, timeliness by quarter, determinations
        "annual-report-example": (cli_output("annual-report"),
                                  ["Northmoor Homes", "Timeliness by quarter", "Average working days", "NMH-C021944", "48.6%"]),
        "quarterly-english": (cli_output("quarterly", str(QUARTERLY_ENGLISH), "--quarter", "Q1", "--format", "html"),
                              ["Complaints by stage", "Tenant Satisfaction Measures for the quarter"]),
    }
    return out


def cli_output(*args: str) -> str:
    from click.testing import CliRunner

    from checker.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False).stdout


PAGES = pages()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_renders_in_chromium_with_expected_text(name, tmp_path):
    source, expected = PAGES[name]
    page = tmp_path / f"{name}.html"
    page.write_text(source, encoding="utf-8")
    png = browser.screenshot(CHROMIUM, page, tmp_path / f"{name}.png", height=1600)
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page is a few kB
    text = browser.page_text(browser.dump_dom(CHROMIUM, page))
    for phrase in expected:
        assert phrase in text, f"{name}: {phrase!r} not in the rendered page"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_or_critical_accessibility_violations(name, tmp_path, axe):
    source, _ = PAGES[name]
    page = tmp_path / f"{name}.html"
    page.write_text(source, encoding="utf-8")
    violations = browser.axe_violations(CHROMIUM, page, axe, tmp_path)
    assert not violations, browser.summarise(violations)  # none at all, even minor


# Each element that holds a figure, a date or a provision id (the `nw` spans the templates put
# around them, provision ids, and number and date cells), and whether its text sits on one line.
MEASURE = """<script>
window.addEventListener('load', function () {
  var broken = [];
  document.querySelectorAll('.nw, .pid, td.num, th.num, td.date > .nw').forEach(function (el) {
    var range = document.createRange(); range.selectNodeContents(el);
    var tops = {};
    Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.width > 0) tops[Math.round(r.top)] = 1; });
    if (Object.keys(tops).length > 1 || el.getClientRects().length > 1) broken.push(el.textContent);
  });
  var out = document.createElement('pre'); out.id = 'chc-layout';
  out.textContent = JSON.stringify({width: window.innerWidth, scroll: document.documentElement.scrollWidth,
    measured: document.querySelectorAll('.nw, .pid, td.num, th.num').length, broken: broken,
    regions: Array.prototype.map.call(document.querySelectorAll('.table-wrap'), function (d) {
      return [d.getAttribute('role'), d.getAttribute('tabindex'), d.getAttribute('aria-label'), d.scrollWidth > d.clientWidth]; })});
  window.parent.document.body.appendChild(out);
});
</script>"""
LAYOUT_PAGES = ("self-assessment", "self-assessment-with-findings", "review-pack", "annual-report", "annual-report-example", "quarterly-english")
FEW_FIGURES = {"quarterly-english": 40}  # a one-page summary marks fewer figures than the reports


def measure(page: Path, width: int) -> dict:
    """Lay the page out in a frame exactly `width` px wide (headless Chromium will not open a window
    narrower than 500 px) and read what MEASURE found."""
    import html as html_lib
    import json

    host = page.with_name("host-" + page.name)
    host.write_text('<!DOCTYPE html><html lang="en"><head><title>host</title><style>body{margin:0}iframe{border:0;display:block}</style></head>'
                    f'<body><iframe title="page" width="{width}" height="900" srcdoc="{html_lib.escape(page.read_text(encoding="utf-8"))}"></iframe></body></html>',
                    encoding="utf-8")
    dom = browser._run(CHROMIUM, [f"--window-size={max(width, 500) + 40},1000", "--dump-dom", "--virtual-time-budget=3000", host.resolve().as_uri()])
    start = dom.index('<pre id="chc-layout">') + len('<pre id="chc-layout">')
    return json.loads(html_lib.unescape(dom[start:dom.index("</pre>", start)]))


@pytest.mark.parametrize("width", [1280, 768, 390])
@pytest.mark.parametrize("name", LAYOUT_PAGES)
def test_no_figure_date_or_id_breaks_and_the_page_fits_the_window(name, width, tmp_path):
    source, _ = PAGES[name]
    page = tmp_path / f"{name}.html"
    page.write_text(source.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
    m = measure(page, width)
    assert m["width"] == width
    assert m["measured"] > FEW_FIGURES.get(name, 50), "the page should mark its figures, dates and ids"
    assert m["broken"] == [], f"{name} at {width} px breaks: {m['broken'][:10]}"
    assert m["scroll"] <= width, f"{name} at {width} px is {m['scroll']} px wide"
    for role, tabindex, label, _ in m["regions"]:
        assert (role, tabindex) == ("region", "0") and label
    if width == 390 and name != "quarterly-english":  # the wide tables scroll inside their own region, not the page
        assert any(scrolls for *_, scrolls in m["regions"])
    if width == 1280:
        assert not any(scrolls for *_, scrolls in m["regions"])


def test_the_measure_sees_a_broken_figure(tmp_path):
    """The layout check is live: a figure squeezed into a narrow cell is reported, a page too wide is too."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
                    '<p style="width:3ch;overflow-wrap:anywhere"><span class="nw">96.1%</span></p>'
                    '<div style="width:2000px">wide</div>' + MEASURE + "</body></html>", encoding="utf-8")
    m = measure(page, 390)
    assert m["broken"] == ["96.1%"] and m["scroll"] > 390


def test_axe_does_find_problems(tmp_path, axe):
    """The check is live: a page with known faults is reported."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><img src="x.png">'
                    '<p style="color:#ccc">faint</p></body></html>', encoding="utf-8")
    ids = {v["id"] for v in browser.axe_violations(CHROMIUM, page, axe, tmp_path)}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= ids


@pytest.mark.skipif(importlib.util.find_spec("checker.caselog.reader") is None, reason="case-log metrics (checker.caselog.reader) are not on this branch yet")
def test_bundled_example_pages(tmp_path, axe):
    from checker.assess import assess, example_path
    from checker.result import build_result

    result = build_result(assess(example_path()))
    for name, source in (("example-review", render_review_pack(result)), ("example-annual", render_annual_report(result, "html"))):
        page = tmp_path / f"{name}.html"
        page.write_text(source, encoding="utf-8")
        text = browser.page_text(browser.dump_dom(CHROMIUM, page))
        assert "Northmoor Homes" in text and "48.6%" in text
        bad = [v for v in browser.axe_violations(CHROMIUM, page, axe, tmp_path) if v.get("impact") in ("serious", "critical")]
        assert not bad, browser.summarise(bad)
