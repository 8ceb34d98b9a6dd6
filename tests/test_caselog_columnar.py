"""The columnar shortcuts of the case-log reader give exactly what a row-by-row reading gives:
matching by hashed ids (even when every id hashes alike), categorical columns or text columns."""

import datetime as dt

import polars as pl

from checker.caselog.reader import Case, read_caselog

D = dt.date
HEADER = "id,stage,received,acknowledged,responded,escalation_requested,outcome,tenure\n"


def _log_text() -> str:
    """Stage 1 and 2 rows of 40 ids, with repeated (stage, id) pairs and escalations held to the
    first stage 1 response of their id (one before it, one after)."""
    rows = []
    for k in range(1, 41):
        rows.append(f"C{k},1,03/03/2025,04/03/2025,10/03/2025,,Upheld,LCRA")
        if k % 4 == 0:
            rows.append(f"C{k},2,12/03/2025,13/03/2025,20/03/2025,11/03/2025,Not upheld,LCHO")
    rows.append("C7,1,05/03/2025,06/03/2025,11/03/2025,,Upheld,LCRA")  # repeated: left out
    rows.append("C8,2,12/03/2025,13/03/2025,20/03/2025,11/03/2025,Upheld,LCRA")  # repeated
    rows.append("C41,1,03/03/2025,04/03/2025,14/03/2025,,Upheld,LCRA")
    rows.append("C41,2,14/03/2025,17/03/2025,20/03/2025,12/03/2025,Upheld,LCRA")  # before the stage 1 response
    rows.append("C41,1,03/03/2025,04/03/2025,05/03/2025,,Upheld,LCRA")  # a later stage 1 row: not the one held to
    return HEADER + "\n".join(rows) + "\n"


def _read(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(_log_text(), encoding="utf-8")
    log = read_caselog(path, display="log.csv")
    return [str(p) for p in log.problems], dict(log.excluded), log.cases


def test_reading_the_log(tmp_path):
    problems, excluded, cases = _read(tmp_path)
    assert problems == [
        "log.csv:52:1: error: complaint C7 at stage 1 is listed twice (first at row 9); the second is left out [duplicate-case]",
        "log.csv:53:1: error: complaint C8 at stage 2 is listed twice (first at row 11); the second is left out [duplicate-case]",
        "log.csv:55:6: error: escalation requested 2025-03-12 is before the stage 1 response (2025-03-14) [escalation-before-stage1-response]",
        "log.csv:56:1: error: complaint C41 at stage 1 is listed twice (first at row 54); the second is left out [duplicate-case]",
    ]
    assert excluded == {"duplicate-case": 3, "escalation-before-stage1-response": 1}
    assert len(cases) == 51
    assert cases[0] == Case("C1", 1, D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 10), outcome="Upheld", tenure="LCRA", row=2)
    assert cases[4] == Case("C4", 2, D(2025, 3, 12), D(2025, 3, 13), D(2025, 3, 20), escalation_requested=D(2025, 3, 11),
                            outcome="Not upheld", tenure="LCHO", row=6)


def test_ids_that_hash_alike_are_told_apart(tmp_path, monkeypatch):
    """Every id given one hash (or one of two): the duplicates and the stage 1 responses found
    through the hashes are checked by text, so nothing changes."""
    expected = _read(tmp_path)
    for spread in (1, 2):
        monkeypatch.setattr(pl.Series, "hash", lambda self, *a, **k: pl.Series(
            [hash_value % spread for hash_value in range(self.len())], dtype=pl.UInt64))
        assert _read(tmp_path) == expected


def test_text_columns_read_like_categorical_ones(tmp_path, monkeypatch):
    """The CSV reader makes repeating columns categorical; read all as text, the log is the same."""
    from checker.caselog import csv_table

    expected = _read(tmp_path)
    monkeypatch.setattr(csv_table, "_repeated_columns", lambda *a: frozenset())
    assert _read(tmp_path) == expected


def test_first_ids_of_a_long_list_in_natural_order():
    """A long list is narrowed in polars before the natural-key sort; the answer is the sort's own."""
    import heapq
    import random

    from checker.caselog.metrics import _natural_key, first_by_id

    rng = random.Random(5)
    parts = ["C", "c", "X-", "", "0", "00", "1", "9", "10", "A1B", "-", "2024/", "٣"]
    for _ in range(20):
        ids = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 4))) for _ in range(5000)]
        assert first_by_id(pl.Series(ids)) == tuple(heapq.nsmallest(5, ids, key=_natural_key))
    ids = [f"C{i:07d}" for i in range(60_000, 0, -1)] + [f"C{i}" for i in range(3000)] + ["C0000000", "1"]
    assert first_by_id(pl.Series(ids)) == ("1", "C0", "C0000000", "C0000001", "C1")


def test_distinct_texts_of_categorical_columns():
    """Each row's position among its column's distinct texts, a missing cell read as the empty
    text, also when the categories the columns share have grown since they were first listed."""
    from checker.caselog.reader import _distinct

    shared = pl.Categories.random()
    first = pl.Series(["x", "y", None, "x"], dtype=pl.Categorical(shared))
    texts, at = _distinct(first)
    assert [texts[i] for i in at.to_list()] == ["x", "y", "", "x"] and sorted(texts) == ["", "x", "y"]
    later = pl.Series(["z", "x", "w"], dtype=pl.Categorical(shared))
    texts, at = _distinct(later)
    assert [texts[i] for i in at.to_list()] == ["z", "x", "w"] and sorted(texts) == ["w", "x", "z"]
    texts, at = _distinct(pl.Series(["b", None, "a", "b"]))  # a text column
    assert [texts[i] for i in at.to_list()] == ["b", "", "a", "b"] and sorted(texts) == ["", "a", "b"]
