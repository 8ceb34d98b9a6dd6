"""Answers, periods and dates as landlords write them, read into chc's values.

Published self-assessments say "Yes.", "Partially", "N/A", "2024/25", "by October 2025" and put
the reason and the plan for a 'no' in one commentary column. This module reads those forms; the
spellings and phrases are data (answer-spellings.yaml, commentary-phrases.yaml beside it), read
once. Everything here is pure: the loaders decide what is a problem and what is a note.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..resources import load_data_yaml

_HERE = Path(__file__).resolve().parent
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


@lru_cache(maxsize=None)
def _data(name: str) -> dict:
    return load_data_yaml(_HERE / name)


def spellings() -> dict:
    return _data("answer-spellings.yaml")


def phrases() -> dict:
    return _data("commentary-phrases.yaml")


def _plain(text: str) -> str:
    """Lower case, one kind of dash and single spaces: how spellings are compared."""
    for d in DASHES:
        text = text.replace(d, "-")
    return " ".join(text.replace("\u00a0", " ").split()).lower()


# ---------------------------------------------------------------- comply answers


@dataclass(frozen=True)
class ReadAnswer:
    """A comply cell read: `value` (yes, no, partial, n/a, or '' if none), what kind of text it was
    (answer, words: an answer in prose, unknown, empty) and the text as written."""

    value: str
    kind: str
    as_written: str


@lru_cache(maxsize=None)
def _comply_table() -> tuple[tuple[str, str], ...]:
    pairs = [(_plain(s), value) for value, spelled in spellings()["comply"].items() for s in spelled]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


@lru_cache(maxsize=None)
def _exact() -> dict[str, str]:
    """Whole answers by their plain spelling; '?' marks the not-yet ones ("TBC")."""
    out = {spelled: value for spelled, value in _comply_table()}
    out.update({_plain(s).rstrip(".!"): "?" for s in spellings()["not_yet"]})
    return out


def accepted_spellings(allowed: tuple[str, ...] | list[str]) -> str:
    """The allowed answers with their commonest spellings, for messages:
    'yes (Yes, Y, We comply, true) or no (No, N, Not met, false), in any case ...'."""
    out = []
    for value in allowed:
        shown = [s[0].upper() + s[1:] for s in spellings()["comply"].get(value, [])[:3]]
        shown += {"yes": ["true"], "no": ["false"]}.get(value, [])
        out.append(f"{value} ({', '.join(shown)})")
    listed = ", ".join(out[:-1]) + " or " + out[-1] if len(out) > 1 else out[0]
    return f"{listed}, in any case and with any words after (see docs/answers.md)"


def read_comply(raw) -> ReadAnswer:
    """Read a comply answer: YAML booleans, and the spellings of the data file in any case, with
    trailing punctuation or words ("Yes - see below"). Nothing is decided about what is allowed."""
    if raw is None:
        return ReadAnswer("", "empty", "")
    if isinstance(raw, bool):
        return ReadAnswer("yes" if raw else "no", "answer", "")
    written = str(raw).strip()
    text = _plain(written)
    if not text:
        return ReadAnswer("", "empty", "")
    exact = _exact().get(text.rstrip(".!"))  # the common case ("Yes", "No."), in one look-up
    if exact is not None:
        return ReadAnswer("", "unknown", written) if exact == "?" else ReadAnswer(exact, "answer", written)
    for spelled, value in _comply_table():
        if text.startswith(spelled) and (len(text) == len(spelled) or not text[len(spelled)].isalnum()):
            if spelled in ("n", "y") and text[len(spelled):len(spelled) + 1] in ("'", "/"):
                continue  # "n'" or "y/..." are not answers
            return ReadAnswer(value, "answer", written)
    if len(re.findall(r"[a-z0-9']+", text)) >= spellings()["words_from"]:
        return ReadAnswer("", "words", written)
    return ReadAnswer("", "unknown", written)


def comply_or_explain(code_id: str) -> bool:
    return code_id in spellings()["comply_or_explain"]


def named_person_needed() -> tuple[str, ...]:
    return tuple(spellings()["named_person_needed"])


@lru_cache(maxsize=None)
def _role_rx() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(spellings()["role_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def looks_like_role(text: str) -> bool:
    """'Complaints Manager' or 'Chair of the Board' is a role; 'Jane Smith' a name."""
    return bool(_role_rx().search(text))


# ---------------------------------------------------------------- periods

_PERIOD = re.compile(r"^(?:fy|financial year|year)?\s*(\d{4})\s*(?:-|/|to)\s*(\d{2}|\d{4})$")


def read_period_label(label) -> tuple[dt.date, dt.date] | None:
    """'2024-25', '2024/25', '2024-2025', 'FY 2024/25': the UK financial year, 1 April to 31 March."""
    match = _PERIOD.match(_plain(str(label)))
    if not match:
        return None
    first, second = int(match.group(1)), match.group(2)
    follows = int(second) == first + 1 if len(second) == 4 else second == f"{(first + 1) % 100:02d}"
    if not follows:
        return None
    return dt.date(first, 4, 1), dt.date(first + 1, 3, 31)


# ---------------------------------------------------------------- dates

MONTHS = {name: i for i, name in enumerate(calendar.month_name) if name} | {
    name: i for i, name in enumerate(calendar.month_abbr) if name} | {"Sept": 9}
MONTHS = {k.lower(): v for k, v in MONTHS.items()}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_FY = r"(?:19|20)\d\d\s*[-/]\s*(?:\d\d|(?:19|20)\d\d)"

# (form, regex) tried in this order at each place; the form says how the match is read.
_FORMS = (
    ("iso-day", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"),
    ("uk-day", rf"(?P<d>[0-3]?\d)/(?P<m>[01]?\d)/(?P<y>{_YEAR})"),
    ("day-month", rf"(?P<d>{_DAY})\s+(?:of\s+)?(?P<mn>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("month-day", rf"(?P<mn>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})"),
    ("fy-quarter", rf"(?:q|quarter\s*)(?P<q>[1-4])\s*(?:of\s+)?(?:fy\s*)?(?P<fy>{_FY})"),
    ("quarter", rf"(?:q|quarter\s*)(?P<q>[1-4])\s*(?:of\s+)?(?P<y>{_YEAR})"),
    ("month", rf"(?P<mn>{_MONTH}),?\s+(?P<y>{_YEAR})"),
    ("iso-month", rf"(?P<y>{_YEAR})-(?P<m>[01]\d)"),
    ("uk-month", rf"(?P<m>[01]?\d)/(?P<y>{_YEAR})"),
)
# Any of the forms, to find a date inside prose (names removed: a group name may appear once only).
_ANY_DATE = re.compile("|".join(re.sub(r"\(\?P<\w+>", "(?:", rx) for _, rx in _FORMS), re.IGNORECASE)
_FORM_RX = tuple((form, re.compile(rx + r"$", re.IGNORECASE)) for form, rx in _FORMS)

READ_AS = {"iso-day": "", "uk-day": "", "day-month": "", "month-day": "", "fy-quarter": "quarter",
           "quarter": "quarter", "month": "month", "iso-month": "month", "uk-month": "month"}


# A commentary is read for a plan and a date in its first this many characters (a page or two of
# prose); a longer one still counts as the explanation. Keeps a hostile 20 MB file to seconds.
READ_CHARS = 10_000


@dataclass(frozen=True)
class ReadDate:
    """A date read from text: the date, how (''. a day given; 'month' or 'quarter': its last day)
    and the words it came from."""

    date: dt.date
    read_as: str
    phrase: str


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date_of(form: str, m: re.Match) -> dt.date | None:
    g = m.groupdict()
    try:
        if form == "fy-quarter":
            start = int(re.match(r"\d{4}", g["fy"]).group())
            end_of = {1: (start, 6), 2: (start, 9), 3: (start, 12), 4: (start + 1, 3)}[int(g["q"])]
            second = re.split(r"\s*[-/]\s*", g["fy"])[1]
            if (int(second) if len(second) == 4 else int(second) + start // 100 * 100) != start + 1 and second != f"{(start + 1) % 100:02d}":
                return None
            return _last_day(*end_of)
        year = int(g["y"])
        if form == "quarter":
            return _last_day(year, 3 * int(g["q"]))
        month = int(g["m"]) if g.get("m") else MONTHS[g["mn"].rstrip(".").lower()]
        if READ_AS[form] == "month":
            return _last_day(year, month)
        return dt.date(year, month, int(re.match(r"\d+", g["d"]).group()))
    except (ValueError, KeyError, AttributeError):
        return None


def read_date(value) -> ReadDate | None:
    """A whole value as a date: 2025-10-31, 31/10/2025, 31 October 2025, 2025-10, October 2025,
    Oct 2025, 10/2025, Q3 2025/26 (financial year: Q1 is April to June), Q3 2025 (calendar)."""
    if isinstance(value, dt.datetime):
        return ReadDate(value.date(), "", str(value))
    if isinstance(value, dt.date):
        return ReadDate(value, "", value.isoformat())
    text = " ".join(str(value).split())
    core = re.sub(r"^(?:by\s+)?(?:the\s+)?(?:end\s+of\s+)?", "", text, flags=re.IGNORECASE).rstrip(".")
    for form, rx in _FORM_RX:
        m = rx.match(core)
        if m:
            date = _date_of(form, m)
            return ReadDate(date, READ_AS[form], text) if date else None
    return None


@lru_cache(maxsize=None)
def _lead_ins() -> tuple[re.Pattern, re.Pattern]:
    def rx(words):
        alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"(?:^|\W)(?P<lead>{alt})\s*:?\s+(?:the\s+)?$", re.IGNORECASE)
    lead = phrases()["lead_ins"]
    return rx(lead["strong"]), rx(lead["weak"])


def find_target_date(text: str, after: dt.date | None = None) -> ReadDate | None:
    """The target date a commentary gives: the first date after a strong lead-in ('by October
    2025', 'by the end of March 2026', 'before 31/10/2025'), else the first after a weak one ('in
    Q3 2025/26') that falls after `after` (the end of the period). The phrase keeps the lead-in."""
    strong, weak = _lead_ins()
    fallback = None
    text = text[:READ_CHARS]
    for m in _ANY_DATE.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        if m.end() < len(text) and (text[m.end()].isalnum() or text[m.end()] in "/-" and text[m.end() + 1:m.end() + 2].isdigit()):
            continue
        read = read_date(m.group())
        if read is None:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        for rx, is_strong in ((strong, True), (weak, False)):
            lead = rx.search(before)
            if lead:
                phrase = (before[lead.start("lead"):] + m.group()).strip()
                found = ReadDate(read.date, read.read_as, " ".join(phrase.split()))
                if is_strong:
                    return found
                if fallback is None and (after is None or read.date > after):
                    fallback = found
                break
    return fallback


@lru_cache(maxsize=None)
def _action_rx() -> tuple[re.Pattern, re.Pattern]:
    data = phrases()["action"]

    def alt(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    found = rf"(?<![\w'])(?:{alt(data['phrases'])}|(?:{alt(data['verb_after'])})\s+(?:{alt(data['verbs'])}))(?![\w'])"
    return re.compile(found, re.IGNORECASE), re.compile(rf"\s+(?:{alt(data['not_before'])})\b", re.IGNORECASE)


def find_action(text: str) -> str:
    """The words that show the text says what will be done ('we will', 'is being', 'to update'), or ''."""
    found, blocked = _action_rx()
    text = text[:READ_CHARS].replace("\u2019", "'")
    for m in found.finditer(text):
        if not blocked.match(text, m.end()):
            return " ".join(m.group().split())
    return ""
