"""`chc import`: last year's self-assessment (a Word form, web pages, a spreadsheet) to a submission.

tables (the format-neutral table and its header), docx / html / sheet (the readers), sources
(opening files safely), evidence_cells (an Evidence cell as items), build (the submission).
"""

from .build import Imported, import_files

__all__ = ["Imported", "import_files"]
