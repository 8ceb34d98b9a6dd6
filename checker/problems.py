"""Input problems: what is wrong with a file, and where.

Every loader collects problems instead of raising on the first one, so a user sees all
of them in one run; `InputError` carries the whole list to the command line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Location:
    """A place in an input file. Line and column are 1-based; 0 means unknown.

    Spreadsheets use `sheet` and put the row in `line` and the column letter in `cell`.
    Tables of a Word document or web page use `table` (1-based) and put the row in `line`.
    """

    file: str
    line: int = 0
    column: int = 0
    sheet: str = ""
    cell: str = ""
    table: int = 0

    def __str__(self) -> str:
        if self.table:
            return f"{self.file}: table {self.table}" + (f" row {self.line}" if self.line else "")
        if self.sheet:
            where = f"{self.file}[{self.sheet}]"
            if self.cell:
                return f"{where}!{self.cell}"
            return f"{where}:row {self.line}" if self.line else where
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file

    def as_dict(self) -> dict:
        out: dict = {"file": self.file, "line": self.line, "column": self.column}
        if self.sheet:
            out["sheet"] = self.sheet
        if self.cell:
            out["cell"] = self.cell
        if self.table:
            out["table"] = self.table
        return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, in words a compliance officer can act on."""

    location: Location
    message: str
    rule: str = "invalid"

    def __str__(self) -> str:
        from .textsafe import terminal_line

        return terminal_line(f"{self.location}: error: {self.message} [{self.rule}]")

    def as_dict(self) -> dict:
        return {"location": self.location.as_dict(), "message": self.message, "rule": self.rule}


class InputError(Exception):
    """Raised when inputs cannot be used; holds every problem found, sorted by place."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))
