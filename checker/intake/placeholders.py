"""The placeholder texts chc writes for the landlord to replace, kept in one place.

`chc init` (scaffold.py) writes these texts into its commented-out examples, and the workbook
export carries whatever the scaffold wrote. A text that is still a placeholder when the submission
is checked is unfilled: the `placeholder` rule names its key, and the published outputs leave it
out (`scrub`), so a placeholder is never printed as the landlord's or the Board's words.

Keys are the dotted paths where the scaffold writes each text; a placeholder found under any other
key is recognised just the same (people copy and paste).
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

TEXTS: dict[str, str] = {
    "governance.governing_body.response": "The governing body's response to the annual complaints report.",
    "policy.definition": "The policy's definition of a complaint, word for word.",
    "annual_report.foreword.text": "A short foreword from the chair or the Member Responsible for Complaints.",
    "annual_report.introduction": "What this report covers and why it matters to residents.",
    "annual_report.self_assessment_summary": "How the governing body scrutinised the self-assessment, and what it found.",
    "annual_report.performance_commentary": "What the figures tell us, and why they changed.",
    "annual_report.categories_commentary": "What complaints were mostly about, and any trends.",
    "annual_report.tenant_satisfaction_measures.commentary": "What the satisfaction figures tell us.",
    "annual_report.refused.commentary": "How residents were told why, and where they could go next.",
    "annual_report.compensation.commentary": "What most payments were for.",
    "annual_report.improvements.you_said": "What residents told us.",
    "annual_report.improvements.learned": "What we learned from it.",
    "annual_report.improvements.we_did": "What we changed as a result.",
    "annual_report.lessons": "How we learn from complaints across the organisation.",
    "annual_report.ombudsman.annual_report.summary": "What the Ombudsman's report on us found.",
    "annual_report.ombudsman.annual_report.response": "What we did about it.",
}


def _normal(text: str) -> str:
    return " ".join(text.split()).strip().casefold()


_KNOWN = {_normal(t) for t in TEXTS.values()}


def is_placeholder(value: Any) -> bool:
    """True for a text that is still one of chc's placeholders (spacing and case aside)."""
    return isinstance(value, str) and _normal(value) in _KNOWN


def find(data: Any, path: tuple = ()) -> Iterator[tuple]:
    """The path of every placeholder text in a loaded submission (mappings and lists walked)."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            yield from find(value, path + (key,))
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from find(value, path + (i,))
    elif is_placeholder(data):
        yield path


def dotted(path: tuple) -> str:
    """('annual_report', 'improvements', 0, 'we_did') -> 'annual_report.improvements[0].we_did'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def scrub(data: Any) -> Any:
    """A copy of `data` with every placeholder text replaced by '' (read as 'not given')."""
    if isinstance(data, Mapping):
        return {k: scrub(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [scrub(v) for v in data]
    return "" if is_placeholder(data) else data

