"""Row heights for wrapped text in the workbooks chc writes.

Excel and LibreOffice keep a row at one line's height when a file says nothing about it, so wrapped
text is cut off until someone resizes every row by hand. Each row is given the height its longest
cell needs, estimated from the column's width (generously, so that text is never clipped).
"""

from __future__ import annotations

import math

LINE_POINTS = 15.0  # one line of 11-point Calibri, with its leading
MAX_POINTS = 409.0  # the tallest row Excel allows
CHARS_PER_WIDTH_UNIT = 1.1  # a width unit is one '0'; ordinary text runs a little narrower
DEFAULT_WIDTH = 8.43


def lines_needed(text: str, width: float) -> int:
    per_line = max(1, int(width * CHARS_PER_WIDTH_UNIT) - 1)
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))


def fit_row_heights(ws, first_row: int = 1) -> None:
    """Set the height of every row from `first_row` whose wrapped text needs more than one line."""
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items() if dim.width}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str) and cell.alignment is not None and cell.alignment.wrap_text:
                lines = max(lines, lines_needed(cell.value, widths.get(cell.column_letter, DEFAULT_WIDTH)))
        if lines > 1:
            ws.row_dimensions[row[0].row].height = min(MAX_POINTS, lines * LINE_POINTS)
