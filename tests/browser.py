"""Headless Chromium for the tests: screenshots, the page's text, and an axe-core accessibility run.

No Python dependency beyond the standard library: Chromium is driven by its command line
(`--screenshot`, `--dump-dom` with a virtual-time budget so asynchronous scripts finish), and
axe-core (pinned in tests/browser/package.json, installed with `npm ci --prefix tests/browser`)
is inlined into a copy of the page, which writes its results into the DOM for `--dump-dom`.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
NPM_DIR = HERE / "browser"
AXE = NPM_DIR / "node_modules" / "axe-core" / "axe.min.js"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio")
MARK = "chc-axe-results"


def find_chromium() -> str | None:
    """The Chromium binary: $CHROMIUM, then /usr/bin/chromium, then the usual names on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit and Path(explicit).is_file():
        return explicit
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def ensure_axe() -> Path | None:
    """axe.min.js, installed from the lock file with `npm ci` if it is not there yet; None without npm."""
    if AXE.is_file():
        return AXE
    npm = shutil.which("npm")
    if not npm:
        return None
    subprocess.run([npm, "ci", "--prefix", str(NPM_DIR), "--no-audit", "--no-fund"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
    return AXE if AXE.is_file() else None


def _run(chromium: str, args: list[str], timeout: int = 120) -> str:
    with tempfile.TemporaryDirectory(prefix="chc-chromium-") as profile:
        proc = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise RuntimeError(f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}")
    return proc.stdout


def screenshot(chromium: str, page: Path, png: Path, width: int = 1280, height: int = 2400) -> Path:
    _run(chromium, [f"--screenshot={png}", f"--window-size={width},{height}", page.resolve().as_uri()])
    return png


def dump_dom(chromium: str, page: Path, budget_ms: int = 5000) -> str:
    return _run(chromium, ["--dump-dom", f"--virtual-time-budget={budget_ms}", page.resolve().as_uri()])


class _Text(HTMLParser):
    SKIP = {"script", "style", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        elif tag in ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "caption", "br", "section", "figcaption", "dt", "dd"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self._skip -= 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(dom: str) -> str:
    """The text a reader sees (scripts and styles left out), whitespace collapsed within lines."""
    parser = _Text()
    parser.feed(dom)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def axe_violations(chromium: str, page: Path, axe: Path, workdir: Path) -> list[dict]:
    """Run axe-core in Chromium on a copy of `page` and return its violations (axe's own JSON)."""
    source = page.read_text(encoding="utf-8")
    runner = (
        "<script>" + axe.read_text(encoding="utf-8").replace("</script", "<\\/script") + "</script>\n"
        "<script>axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        f"var out = document.createElement('pre'); out.id = '{MARK}';"
        "out.textContent = JSON.stringify(r.violations); document.body.appendChild(out);"
        "}, function (e) {"
        f"var out = document.createElement('pre'); out.id = '{MARK}';"
        "out.textContent = JSON.stringify({error: String(e)}); document.body.appendChild(out);});</script>\n"
    )
    marker = source.rfind("</body>")
    checked = source[:marker] + runner + source[marker:] if marker >= 0 else source + runner
    copy = workdir / ("axe-" + page.name)
    copy.write_text(checked, encoding="utf-8")
    dom = dump_dom(chromium, copy, budget_ms=30000)
    start = dom.find(f'<pre id="{MARK}">')
    if start < 0:
        raise RuntimeError("axe-core did not report (no results element in the dumped DOM)")
    start += len(f'<pre id="{MARK}">')
    data = json.loads(html.unescape(dom[start:dom.index("</pre>", start)]))
    if isinstance(data, dict) and "error" in data:
        raise RuntimeError(f"axe-core failed: {data['error']}")
    return data


def summarise(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(n.get("target", [])) if isinstance(n.get("target"), list) else str(n.get("target")) for n in v.get("nodes", [])[:3])
        lines.append(f"{v.get('impact')}: {v.get('id')}: {v.get('help')} ({len(v.get('nodes', []))} nodes, e.g. {targets})")
    return "\n".join(lines)
