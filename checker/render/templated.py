"""Markdown and HTML outputs, rendered from the canonical result through Jinja2 templates.

HTML is autoescaped everywhere; narrative text (commentary, explanations) is Markdown rendered
by markdown-it-py with raw HTML disabled, so a landlord's text can never inject markup.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from ..resources import data_dir

VERDICT_LABELS = {
    "met": "Met",
    "not-met": "Not met (declared)",
    "contradicted": "Contradicted",
    "unsupported": "Unsupported",
    "unanswered": "Unanswered",
    "not-applicable": "Not applicable",
}
ANSWER_LABELS = {"yes": "Yes", "no": "No", "partial": "Partial", "n/a": "N/A", None: "Not answered"}

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")


def markdown_html(text: str | None) -> Markup:
    """Narrative Markdown to safe HTML (raw HTML in the input is shown as text)."""
    if not text:
        return Markup("")
    rendered = _md.render(text)
    rendered = re.sub(r'href="(?!https?://|mailto:|#)[^"]*"', 'href="#"', rendered)
    return Markup(rendered)


def md_cell(text) -> str:
    """Text made safe for one cell of a Markdown table: no pipes, no line breaks, no raw HTML."""
    if text is None:
        return ""
    text = html.escape(str(text), quote=False)
    text = text.replace("|", "\\|")
    parts = [line.strip() for line in text.strip().splitlines()]
    return "<br>".join(p for p in parts if p)


def md_text(text) -> str:
    """Narrative Markdown kept as Markdown, with raw HTML made inert (shown as text, never run)."""
    if not text:
        return ""
    return html.escape(str(text).strip(), quote=False)


def answer_label(value) -> str:
    return ANSWER_LABELS.get(value, str(value))


def answer_cell(p: dict) -> str:
    """The answer of one result row as plain text: a choice, a figure or figures, or comply."""
    parts = []
    if p.get("choice"):
        parts.append(p["choice"][:1].upper() + p["choice"][1:])
    if p.get("value") is not None:
        parts.append(number(p["value"]))
    if p.get("values"):
        parts.append("; ".join(f"({k}) {number(v)}" for k, v in p["values"].items()))
    if not parts:
        written = str(p.get("answer_as_written") or "").strip()
        if written and written.rstrip(".").lower() != str(p.get("answer") or "").lower():
            return written  # the landlord's own words ("Yes - see below", "Partially"); a bare "yes" reads as "Yes"
        parts.append(answer_label(p.get("answer")))
    return ", ".join(parts)


# Tokens that must never break across lines: case references, dates, money, figures, percentages, provision ids.
_UNBREAKABLE = re.compile(r"\b[A-Z][A-Z0-9]*-[A-Z0-9-]*\d[A-Z0-9]*\b|\d{4}-\d{2}(?:-\d{2})?|£?\d[\d,]*(?:\.\d+)*%?")


def nowrap(text) -> Markup:
    """Escaped text with each date, figure and provision id in a `<span class="nw">` (never broken)."""
    if text is None:
        return Markup("")
    text, out, last = str(text), [], 0
    for m in _UNBREAKABLE.finditer(text):
        out.append(Markup.escape(text[last:m.start()]) + Markup('<span class="nw">%s</span>') % m.group(0))
        last = m.end()
    out.append(Markup.escape(text[last:]))
    return Markup("").join(out)


def css_string(text) -> Markup:
    """Text as a quoted CSS string (for a running header in @page), safe inside <style>."""
    plain = text.unescape() if isinstance(text, Markup) else str(text or "")
    plain = " ".join(plain.split())
    out = "".join(ch if ch.isalnum() or ch in " .,:;()-_/'" else f"\\{ord(ch):x} " for ch in plain)
    return Markup(f'"{out}"')


def number(value, places: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{places}f}"


def pct(value) -> str:
    return "-" if value is None else f"{value:.1f}%"


def figure(value, unit: str = "") -> str:
    """A figure that may be missing: 'not available' rather than a dash or 0."""
    from .figures import fmt

    return fmt(value, unit)


def signed(value, unit: str = "") -> str:
    """A change with its sign: +2.5 points, -40."""
    if value is None:
        return "not available"
    suffix = " points" if unit == "%" else unit
    return (f"{value:+,.1f}" if isinstance(value, float) else f"{value:+,}") + suffix


@lru_cache(maxsize=None)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "svg.j2"), default_for_string=False),
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(markdown=markdown_html, md_cell=md_cell, md_text=md_text, answer=answer_label, number=number, pct=pct,
                       figure=figure, signed=signed, nw=nowrap, css_string=css_string, verdict=lambda v: VERDICT_LABELS.get(v, v), answer_cell=answer_cell)
    env.globals.update(VERDICT_LABELS=VERDICT_LABELS)
    return env


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


def sections_with_rows(result: dict) -> list[dict]:
    """The result's provisions grouped as the Code's form groups them (by section, or by must/should)."""
    code = result["code"]
    titles = {s["id"]: s["title"] for s in result["summary"]["sections"]}
    groups: list[dict] = []
    for p in result["provisions"]:
        if code.get("group_by") == "modality":
            key = ("must" if p["modality"] in ("must", "prohibition") else "should", p["section"])
            title = f"{p['section']}. {titles.get(p['section'], '')}: {'mandatory (must)' if key[0] == 'must' else 'best practice (should)'}"
        else:
            key = (p["section"],)
            title = f"{p['section']}. {titles.get(p['section'], '')}"
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "title": title, "rows": []})
        groups[-1]["rows"].append(p)
    return groups


def render_self_assessment(result: dict, fmt: str, with_findings: bool = False) -> str:
    """The published self-assessment table, as Markdown or HTML: the landlord's words, and chc's
    verdicts and findings only `with_findings`. File names are relative to the submission's folder."""
    from .paths import relative_paths

    template = {"md": "self-assessment.md.j2", "html": "self-assessment.html.j2"}[fmt]
    result = relative_paths(result)
    return render(template, r=result, groups=sections_with_rows(result), with_findings=with_findings)
