"""Text from a user's file made safe to print: control and invisible characters shown escaped.

A case log or a header can hold a BEL, an ESC colour code, a zero-width space or a trailing
space; printed raw they ring the terminal, recolour it, or make two different names look alike.
"""

from __future__ import annotations

import unicodedata

#: Invisible or look-alike characters shown as \\u escapes though they are printable.
_INVISIBLE = frozenset(
    "\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
    "\u3164\ufeff\uffa0"
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\\": "\\\\"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _unsafe(ch: str) -> bool:
    if ch in _INVISIBLE or ch == "\\":
        return True
    category = unicodedata.category(ch)
    # Cc control (BEL, ESC, DEL, C1), Cf format (bidi marks), Cs lone surrogates, Co/Cn private/unassigned,
    # Zl/Zp line and paragraph separators.
    return category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def printable(text: str) -> str:
    """`text` with control, format and invisible characters escaped (\\x07, \\u200b, \\\\), and
    spaces at either end shown as \\x20, so that what is printed is what the file holds.

    Letters written in decomposed form (NFD, e.g. e + combining accent) are shown escaped too,
    since they print exactly like the composed letter.
    """
    if text.isascii() and text.isprintable() and "\\" not in text and text == text.strip(" "):
        return text
    nfc_same = unicodedata.is_normalized("NFC", text)
    out = []
    for ch in text:
        if _unsafe(ch) or (not nfc_same and unicodedata.combining(ch)):
            out.append(_escape(ch))
        else:
            out.append(ch)
    body = "".join(out)
    stripped = body.lstrip(" ")
    lead = len(body) - len(stripped)
    core = stripped.rstrip(" ")
    trail = len(stripped) - len(core)
    return "\\x20" * lead + core + "\\x20" * trail


#: Characters a terminal acts on rather than shows: bidi overrides and isolates reorder a line.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def terminal_line(text: str) -> str:
    """One line of a message, safe for a terminal: control characters (BEL, ESC colour codes, a
    newline that would start a line of its own), lone surrogates, line separators and bidi
    overrides are shown escaped; everything else, backslashes included, is left as written."""
    if text.isprintable():
        return text
    return "".join(
        _escape(ch) if (unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI) else ch
        for ch in text
    )


def terminal_text(text: str) -> str:
    """A block of lines for a terminal: each line made safe as `terminal_line` does."""
    return "\n".join(terminal_line(line) for line in text.split("\n"))
