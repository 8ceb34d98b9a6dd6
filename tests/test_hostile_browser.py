"""The published HTML, full of hostile text, opened in real headless Chromium: no script runs,
the text is shown as text, and very long words do not widen the page.

tests/hostile/inputs/hostile-text.yaml puts script tags, onerror/onload/onmouseover attributes,
javascript: and data: links, raw HTML in Markdown, unicode bidi overrides, formula-looking text
and a 130-letter word into every text field a landlord fills in. Each script, if it ran, would
set the title to PWNED, add <p id="pwned"> or set data-pwned on the body.

Two looks: the report's own DOM after load (`--dump-dom`), and a harness page that loads the
report in a frame and reads, from JavaScript, what a reader would see (title, text, widths).
Skipped only when Chromium is absent. To check a new HTML output, add its command to HTML.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"),
                             shutil.which("google-chrome")) if p and Path(p).exists()), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (looked for /usr/bin/chromium)")

HOSTILE = Path(__file__).parent / "hostile" / "inputs" / "hostile-text.yaml"
#: Commands that write HTML a reader opens; {input} is the submission, {output} the file.
HTML = [
    "report {input} --format html -o {output}",
    "review {input} -o {output}",
    "annual-report {input} -o {output}",
    "annual-report {input} --with-findings -o {output}",
]
MARKERS = ('<p id="pwned">', 'data-pwned="1"', "<title>PWNED</title>")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1280,900"]

HARNESS = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>harness</title><script>
function inspect(frame) {
  var out = {};
  try {
    var d = frame.contentDocument;
    out.title = d.title;
    out.pwned = !!d.getElementById("pwned") || d.body.hasAttribute("data-pwned");
    out.scripts = d.getElementsByTagName("script").length;
    out.text = d.body.textContent;
    out.scrollWidth = d.documentElement.scrollWidth;
    out.clientWidth = d.documentElement.clientWidth;
  } catch (e) { out.error = String(e); }
  document.getElementById("results").textContent = JSON.stringify(out);
}
</script></head><body><pre id="results">not run</pre>
<iframe src="REPORT" style="width:1000px;height:700px" onload="inspect(this)"></iframe></body></html>
"""


def chromium(url: str, profile: Path, *extra: str) -> str:
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, "--dump-dom", url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def render(command: str, submission: Path, folder: Path, monkeypatch) -> Path:
    out = folder / "report.html"
    monkeypatch.chdir(folder)
    args = command.format(input=str(submission), output=str(out)).split()
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    return out


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.hrefs.append(value)
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}={value!r}>")


@pytest.mark.parametrize("command", HTML, ids=lambda c: c.split()[0])
def test_hostile_text_runs_nothing_and_reads_as_text(command, tmp_path, monkeypatch):
    report = render(command, HOSTILE, tmp_path, monkeypatch)
    dom = chromium(report.as_uri(), tmp_path / "profile")
    assert "</html>" in dom, "Chromium printed no DOM"

    for marker in MARKERS:
        assert marker not in dom, f"a hostile script ran: {marker} is in the DOM"
    parsed = Links()
    parsed.feed(dom)
    assert not {"script", "iframe", "img", "svg", "object", "embed", "form", "base"} & parsed.tags
    assert not parsed.handlers, parsed.handlers
    assert all(re.match(r"(https?://|mailto:|#)", h) for h in parsed.hrefs), parsed.hrefs
    title = re.search(r"<title>(.*?)</title>", dom, re.S)[1]
    assert html.unescape(title).startswith("<script>document.title='PWNED'</script>Hostile Homes")

    harness = tmp_path / "harness.html"
    harness.write_text(HARNESS.replace("REPORT", report.name), encoding="utf-8")
    seen = chromium(harness.as_uri(), tmp_path / "profile2", "--allow-file-access-from-files")
    results = json.loads(html.unescape(re.search(r'<pre id="results">(.*?)</pre>', seen, re.S)[1]))
    assert "error" not in results, results
    assert results["title"].startswith("<script>document.title='PWNED'</script>Hostile Homes")  # the title is text, unchanged
    assert not results["pwned"] and results["scripts"] == 0
    text = results["text"]
    hostile = ("<script>document.body.insertAdjacentHTML(", "<img src=x onerror=", "<style>body{display:none}</style>",
               "[click](javascript:alert(1))", "=HYPERLINK(\"http://evil.example\",\"Complaints policy\")",
               "\u202egpj.exe\u202d", "Averyvery")
    # The table shows every field; the review pack and the annual report show fewer of them, so
    # each of those must show as text every hostile string its HTML carries (the title always is).
    source = html.unescape(report.read_text(encoding="utf-8"))
    carried = [s for s in hostile if s in source] if not command.startswith("report") else list(hostile)
    assert carried, "the page carries none of the hostile texts: the test would prove nothing"
    for shown in carried:
        assert shown in text, f"{shown!r} is not shown as text"
    assert results["scrollWidth"] <= results["clientWidth"], (
        f"the page is {results['scrollWidth']}px wide in a {results['clientWidth']}px frame: a long word or address does not wrap")


def test_the_bundled_example_fits_its_frame(tmp_path, monkeypatch):
    """The ordinary report, for comparison: the checks above are not failing on every page."""
    from checker.assess import example_path

    report = render(HTML[0], example_path(), tmp_path, monkeypatch)
    harness = tmp_path / "harness.html"
    harness.write_text(HARNESS.replace("REPORT", report.name), encoding="utf-8")
    seen = chromium(harness.as_uri(), tmp_path / "profile", "--allow-file-access-from-files")
    results = json.loads(html.unescape(re.search(r'<pre id="results">(.*?)</pre>', seen, re.S)[1]))
    assert results["title"].startswith("Northmoor Homes")
    assert results["scrollWidth"] <= results["clientWidth"]


def test_the_browser_runs_scripts_so_the_checks_mean_something(tmp_path):
    """A page that does run the hostile script shows every marker: the check is not vacuous."""
    page = tmp_path / "unsafe.html"
    page.write_text("<!DOCTYPE html><html><head><title>x</title></head><body><script>document.title='PWNED';"
                    "document.body.setAttribute('data-pwned','1');"
                    "document.body.insertAdjacentHTML('beforeend','<p id=pwned>PWNED</p>')</script></body></html>", encoding="utf-8")
    dom = chromium(page.as_uri(), tmp_path / "profile")
    assert all(marker in dom for marker in MARKERS), dom
