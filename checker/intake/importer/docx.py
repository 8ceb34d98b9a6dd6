"""A Word document's tables, read with python-docx.

The body is read in order, so each table knows the heading above it. A cell's text is its
paragraphs, one a line (an empty paragraph between two is kept as an empty line), with every
word however it is wrapped (tracked insertions, content controls, fields); a hyperlink
keeps its words and gains its address in brackets when the words do not show it, so that a
linked "Complaints policy" becomes a url item. A cell spanning columns is read into each column
it spans; a cell continuing a vertical merge is empty. Tables inside cells are part of the cell's
text. Numbering is by top-level table, counted from 1 in document order.
"""

from __future__ import annotations

import io

from .sources import Source, check_counts, open_zip, refuse
from .tables import RawTable


def read_docx(data: bytes, name: str) -> Source:
    open_zip(data, name, "docx")
    import docx
    import lxml.etree
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise refuse(name, f"is a damaged Word document ({type(exc).__name__}); open it in Word and save it again", "wrong-format") from None
    body = document.element.body
    check_counts(name, sum(1 for _ in body.iter(qn("w:tbl"))), sum(1 for _ in body.iter(qn("w:tr"))))
    rels = document.part.rels
    W_P, W_TBL, W_SDT, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")
    W_T, W_TAB, W_BR, W_CR, W_LINK, W_MOVED = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:hyperlink"), qn("w:moveFrom")
    R_ID = qn("r:id")

    def paragraph_text(p) -> str:
        """Every w:t of the paragraph, whatever wraps it (a tracked insertion, a content control,
        a smart tag, a field's result), in order; text deleted or moved away is not read."""
        out: list[str] = []
        moved = 0
        for event, element in lxml.etree.iterwalk(p, events=("start", "end")):
            tag = element.tag
            if tag == W_MOVED:
                moved += 1 if event == "start" else -1
            elif event == "start" and not moved:
                if tag == W_T:
                    out.append(element.text or "")
                elif tag == W_TAB:
                    out.append("\t")
                elif tag in (W_BR, W_CR):
                    out.append("\n")
            elif event == "end" and tag == W_LINK:
                url = _link(element)
                words = "".join(t.text or "" for t in element.iter(W_T))
                if url and words.strip() and url not in words:
                    out.append(f" ({url})")
        return "".join(out)

    def _link(element) -> str:
        rid = element.get(R_ID)
        rel = rels.get(rid) if rid else None
        url = rel.target_ref if rel is not None and rel.is_external else ""
        return url if url.startswith(("http://", "https://")) else ""

    def children(element, tag):
        """Direct children with `tag`, looking through content controls (w:sdt) around them."""
        for child in element.iterchildren():
            if child.tag == tag:
                yield child
            elif child.tag == W_SDT:
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from children(content, tag)

    def cell_text(tc) -> str:
        lines = [paragraph_text(p) for p in tc.iter(W_P)]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        return "\n".join(line.rstrip() for line in lines)

    def table_rows(tbl) -> tuple:
        rows = []
        for tr in children(tbl, W_TR):
            cells: list[str] = []
            for tc in children(tr, W_TC):
                pr = tc.tcPr
                span = 1
                continued = False
                if pr is not None:
                    span = max(1, min(pr.grid_span or 1, 64))
                    continued = pr.vMerge == "continue"
                text = "" if continued else cell_text(tc)
                cells.extend([text] * span)
            rows.append(tuple(cells))
        return tuple(rows)

    source = Source(name, "docx")
    heading = ""
    number = 0
    stack = list(reversed(list(body.iterchildren())))
    while stack:
        element = stack.pop()
        if element.tag == W_SDT:  # a content control: read what it holds, in order
            content = element.find(qn("w:sdtContent"))
            if content is not None:
                stack.extend(reversed(list(content.iterchildren())))
        elif element.tag == W_P:
            text = " ".join(paragraph_text(element).split())
            if text:
                heading = text
                source.texts.append(text)
        elif element.tag == W_TBL:
            number += 1
            source.tables.append(RawTable(name, number, table_rows(element), heading=heading))
    return source
