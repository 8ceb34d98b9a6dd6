"""The self-assessment as CSV: one row per provision, for other systems and spreadsheets.

UTF-8 with a byte-order mark (so Excel reads the accents right), CRLF line ends (RFC 4180), and every
cell that a spreadsheet would run as a formula prefixed with an apostrophe, so it stays text.
"""

from __future__ import annotations

import csv
import io

from .cells import (
    answer_value,
    commentary_text,
    evidence_text,
    findings_text,
    is_formula_like,
    requirement_text,
    verdict_text,
)

HEADERS = ("Section", "Provision", "Requirement", "Comply", "Evidence", "Commentary / explanation",
           "Action", "Owner", "Target date")
FINDING_HEADERS = ("chc verdict", "chc findings")


def inert(value) -> str:
    """Text as a spreadsheet will show it and never run it."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else f"{value:g}" if isinstance(value, float) else str(value)
    return "'" + text if is_formula_like(text) else text


def render_csv(result: dict, with_findings: bool = False) -> str:
    """The landlord's table; chc's verdict and findings as two more columns only `with_findings`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS + (FINDING_HEADERS if with_findings else ()))
    for p in result["provisions"]:
        action = p.get("action") or {}
        row = [p["section"], p["id"], requirement_text(p), answer_value(p), evidence_text(p), commentary_text(p),
               action.get("what"), action.get("owner"), action.get("target_date")]
        if with_findings:
            row += [verdict_text(p), findings_text(p)]
        writer.writerow(inert(v) for v in row)
    return "\ufeff" + out.getvalue()
