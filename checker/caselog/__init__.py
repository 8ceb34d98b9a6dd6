"""The case log and its figures: reading exports, working days, metrics, quarterly summaries."""

import os as _os

# numpy (the figures) needs no BLAS; OpenBLAS would start a thread per core on import.
_os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
