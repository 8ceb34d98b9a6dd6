"""Texts still holding chc's placeholder (written by `chc init`) are unfilled: name each key."""

from __future__ import annotations

from ..findings import Finding
from ...intake.placeholders import dotted, find


def check(ctx):
    sub = ctx.submission
    for path in find(sub.document.data):
        yield Finding(
            "placeholder", "error",
            f"{dotted(path)} still holds the scaffold's placeholder; write the real text, or remove the key",
            sub.where(*path),
        )
