"""A Word document's tables, read with python-docx.

The body is read in order, so each table knows the heading above it. A cell's text is its
paragraphs, one a line (an empty paragraph between two is kept as an empty line); a hyperlink
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
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise refuse(name, f"is a damaged Word document ({type(exc).__name__}); open it in Word and save it again", "wrong-format") from None
    body = document.element.body
    check_counts(name, sum(1 for _ in body.iter(qn("w:tbl"))), sum(1 for _ in body.iter(qn("w:tr"))))
    parent = document._body
    W_P, W_TBL, W_SDT, W_TR, W_TC = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:tr"), qn("w:tc")

    def paragraph_text(p) -> str:
        out = []
        for item in Paragraph(p, parent).iter_inner_content():
            text = item.text
            url = getattr(item, "url", "")
            if url and url.startswith(("http://", "https://")) and text.strip() and url not in text:
                text = f"{text} ({url})"
            out.append(text)
        return "".join(out)

    def cell_text(tc) -> str:
        lines = [paragraph_text(p) for p in tc.iter(W_P)]
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        return "\n".join(line.rstrip() for line in lines)

    def table_rows(tbl) -> tuple:
        rows = []
        for tr in tbl.iterchildren(W_TR):
            cells: list[str] = []
            for tc in tr.iterchildren(W_TC):
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
