"""What the text rules read of an answer (its evidence, commentary and explanation), and how a
finding quotes a phrase with its line and column inside the text and in the file."""

from __future__ import annotations

from dataclasses import dataclass

from ...problems import Location
from ..findings import Finding, details
from ..phrases import Hit, place


@dataclass(frozen=True)
class Text:
    field: str  # 'evidence 2', 'commentary', 'explanation'
    text: str
    location: Location
    pointer_only: bool = False  # an evidence item that names a document and nothing inside it


def evidence_texts(ctx, answer) -> list[Text]:
    """The words of each evidence item (a string, or a document named with no section, page,
    address, file or figure); items that point somewhere precise are not words to read."""
    out = []
    for i, item in enumerate(answer.evidence):
        precise = item.section or item.page or item.url or item.path or item.figure
        words = item.document or item.title
        if not words:
            continue
        raw = (ctx.submission.document.data.get("answers", {}).get(answer.provision) or {}).get("evidence") or ()
        as_string = i < len(raw) and isinstance(raw[i], str)
        where = item.location if as_string else ctx.submission.where("answers", answer.provision, "evidence", i, "document" if item.document else "title")
        out.append(Text(f"evidence {i + 1}", words, where, pointer_only=not precise))
    return out


def prose_texts(ctx, answer, fields=("commentary", "explanation")) -> list[Text]:
    out = []
    for name in fields:
        value = getattr(answer, name)
        if value:
            out.append(Text(name, value, ctx.submission.where("answers", answer.provision, name)))
    return out


def quote(text: Text, hit: Hit) -> str:
    line, column = hit.line_column(text.text)
    return f"'{hit.phrase}' ({text.field}, line {line}, column {column})"


def phrase_finding(ctx, rule, severity, message, text: Text, hit: Hit, effect="") -> Finding:
    line, column = hit.line_column(text.text)
    source = getattr(ctx.submission.document, "text", "")
    return Finding(
        rule, severity, message, place(text.location, source, text.text, hit), effect=effect,
        details=details(phrase=hit.phrase, pattern=hit.pattern, field=text.field, text_line=line, text_column=column),
    )
