"""A saved web page's tables, read with lxml's HTML parser (never patterns over markup).

The site's furniture goes first: scripts, styles, navigation, footers, asides and cookie
banners (an element whose id or class names cookies or consent, unless it holds a table). Each
table knows the heading above it (h1-h6 or its caption). A cell's text is its words with one line
a list item or line break and an empty line between paragraphs; a link to a web address keeps its words and gains the
address in brackets when the words do not show it. Cells spanning columns are read into each
column; cells spanning rows are empty in the rows below. A table inside a self-assessment table's
cell is part of that cell's text, not a table of its own.
"""

from __future__ import annotations

import re

from ...problems import InputError, Location, Problem
from .sources import Source, check_counts, refuse, sniff, not_what_it_says
from .tables import HEADER_SEARCH_ROWS, RawTable, read_header

BLOCKS = ("div", "li", "ul", "ol", "tr", "td", "th", "table", "dd", "dt", "caption", "pre", "address", "section", "article")
PARAGRAPH_MARK = "\u2029"  # Unicode's paragraph separator, put where paragraphs start and end
PARAGRAPHS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")  # kept apart by an empty line
FURNITURE = ("//script", "//style", "//noscript", "//template", "//nav", "//footer", "//aside", "//iframe", "//svg",
             "//*[@role='navigation' or @role='contentinfo' or @role='search' or @role='banner']")
_BANNER = re.compile(r"cookie|consent|gdpr", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
MAX_SPAN = 50


def read_html(data: bytes, name: str) -> Source:
    found = sniff(data)
    if found not in ("text",) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise not_what_it_says(name, "html", found)
    import lxml.etree
    import lxml.html

    try:
        data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        encoding = None  # lxml reads the page's own <meta charset>
    try:
        parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True, huge_tree=True)
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise refuse(name, f"is not a web page chc can read ({exc})", "wrong-format") from None
    fatal = next((e for e in parser.error_log if e.level_name == "FATAL"), None)
    if fatal is not None:  # the parser stopped here: what follows would be lost without a word
        raise InputError([Problem(Location(name, fatal.line, fatal.column + 1),
                                  f"the page cannot be read past this point ({fatal.message.split(',')[0].strip()}); "
                                  "chc reads all of a page or none of it", "too-deep")])
    for element in root.xpath("|".join(FURNITURE)):
        element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        marks = f"{element.get('id', '')} {element.get('class', '')}"
        if _BANNER.search(marks) and element.getparent() is not None and not element.xpath(".//table"):
            element.drop_tree()
    tables = root.xpath("//table")
    check_counts(name, len(tables), len(root.xpath("//tr")))
    _mark_text(root)

    source = Source(name, "html")
    title = root.findtext(".//title")
    if title and title.strip():
        source.texts.append(" ".join(title.split()))
    form_tables: set = set()
    heading = ""
    number = 0
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = " ".join(element.text_content().split())
            if text:
                heading = text
                source.texts.append(text)
        elif tag == "table":
            if any(a in form_tables for a in element.iterancestors("table")):
                continue
            number += 1
            caption = element.find("caption")
            above = " ".join(caption.text_content().split()) if caption is not None else ""
            if above:
                source.texts.append(above)
            rows = _rows(element)
            if any(read_header(r) for r in rows[:HEADER_SEARCH_ROWS]):
                form_tables.add(element)
            source.tables.append(RawTable(name, number, rows, heading=above or heading))
    return source


def _mark_text(root) -> None:
    """Line breaks where blocks and <br> are, and link addresses beside their words."""
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for tags, mark in ((BLOCKS, "\n"), (PARAGRAPHS, PARAGRAPH_MARK)):
        for element in root.iter(*tags):
            element.text = mark + (element.text or "")
            element.tail = mark + (element.tail or "")
    for element in root.iter("a"):
        href = (element.get("href") or "").strip()
        words = " ".join(element.text_content().split())
        if href.startswith(("http://", "https://")) and words and href not in words:
            element.tail = f" ({href})" + (element.tail or "")


def _cell_text(cell) -> str:
    """The cell's lines; paragraphs apart by one empty line, no other empty lines."""
    paragraphs = []
    for part in cell.text_content().split(PARAGRAPH_MARK):
        lines = (_SPACE.sub(" ", line).strip() for line in part.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _rows(table) -> tuple:
    rows = []
    carried: dict[int, int] = {}  # column -> rows still covered by a cell spanning rows above
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        cells: list[str] = []
        column = 0

        def fill_carried():
            nonlocal column
            while carried.get(column, 0) > 0:
                carried[column] -= 1
                cells.append("")
                column += 1

        for cell in tr.xpath("./td|./th"):
            fill_carried()
            text = _cell_text(cell)
            span = _span(cell.get("colspan"))
            down = _span(cell.get("rowspan"))
            for _ in range(span):
                cells.append(text)
                if down > 1:
                    carried[column] = down - 1
                column += 1
        fill_carried()
        rows.append(tuple(cells))
    return tuple(rows)


def _span(value) -> int:
    try:
        return max(1, min(int(str(value).strip()), MAX_SPAN))
    except (TypeError, ValueError):
        return 1
