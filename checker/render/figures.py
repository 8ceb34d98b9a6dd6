"""How a figure reads in every output: thousands separators, one decimal place, 'not available'
when missing. Kept free of heavy imports so that text outputs (such as `chc diff`) can use it."""

from __future__ import annotations

from typing import Any

NA = "not available"


def fmt(value: Any, unit: str = "", places: int = 1) -> str:
    if value is None or value == "":
        return NA
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    if isinstance(value, float):
        return f"{value:,.{places}f}{unit}"
    return f"{value}{unit}"
