"""The plain-text content of each column of a result row, shared by the spreadsheet outputs (XLSX, CSV),
and the rule that keeps text a spreadsheet would run as a formula inert."""

from __future__ import annotations

from .templated import VERDICT_LABELS, answer_cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """Would Excel or LibreOffice treat a cell starting so as a formula (or a DDE command)?"""
    return text.startswith(FORMULA_STARTS)


def answer_value(p: dict) -> str | float | None:
    """A single figure stays a number (so a spreadsheet can sum it); anything else reads as on the form."""
    if p.get("value") is not None and not p.get("choice") and not p.get("values"):
        return p["value"]
    if p.get("text"):
        return p["text"]
    return answer_cell(p)


def requirement_text(p: dict) -> str:
    lines = [p["requirement"]]
    lines.extend(f"({i['id']}) {i['text']}" for i in p.get("items") or ())
    return "\n".join(lines)


def evidence_text(p: dict) -> str:
    return "\n".join(e["label"] + (f" ({e['url']})" if e.get("url") else "") for e in p.get("evidence") or ())


def commentary_text(p: dict) -> str:
    parts = [p.get("commentary") or "", p.get("explanation") or ""]
    if p.get("reason"):
        parts.append(f"Not applicable: {p['reason']}")
    return "\n\n".join(x for x in parts if x)


def findings_text(p: dict) -> str:
    return "\n".join(f"{f['severity'].capitalize()}: {f['message']}" for f in p.get("findings") or ())


def verdict_text(p: dict) -> str:
    return VERDICT_LABELS.get(p["verdict"], p["verdict"])
