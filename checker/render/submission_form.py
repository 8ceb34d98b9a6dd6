"""What the landlord enters on the Housing Ombudsman's annual submission form, from the canonical result.

The form has two parts: the organisation (its details and links to the three documents the Code
makes it publish: the self-assessment, the annual complaints performance and service improvement
report, and the governing body's response to it), then a yes or no for each provision of the Code.
No evidence or commentary goes on the form: the Ombudsman reads those in the published
self-assessment. The answers here are the landlord's answers as given, never chc's verdicts.

The deadline: a landlord with 1,000 homes or more submits by the first 30 September after its
year end; one with fewer, within six months of its year end. The Ombudsman's own wording is
"over 1,000" and "under 1,000", which leaves exactly 1,000 open: chc counts 1,000 with the larger
landlords (30 September), as the issue that asked for this form does. Homes are those owned at
the year end, LCRA and LCHO together.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

from .csv_table import inert

LARGE_LANDLORD_HOMES = 1000
LARGE_DEADLINE = (9, 30)  # 30 September
SMALL_DEADLINE_MONTHS = 6
ASSUMPTION = ("A landlord with exactly 1,000 homes is counted with the larger landlords (deadline 30 September); "
              "the Ombudsman's wording ('over 1,000', 'under 1,000') leaves exactly 1,000 open.")
COMPLY = {"yes": "Yes", "no": "No", "partial": "No", "n/a": "Not applicable"}
FIGURE = "Answered with a figure or text"

# (key in the form, label, where the submission holds it)
LINKS = (
    ("self_assessment", "Published self-assessment against the Code", "governance.publication_url"),
    ("annual_report", "Annual complaints performance and service improvement report", "governance.annual_report_url"),
    ("governing_body_response", "Governing body's response to the annual report", "governance.governing_body.response_url"),
)


@dataclass(frozen=True)
class Deadline:
    date: dt.date | None
    homes: int | None
    rule: str


def deadline(year_end: dt.date, homes: int | None) -> Deadline:
    """When the form is due, by the number of homes owned (see the module's docstring)."""
    if homes is None:
        return Deadline(None, None, "not known: the number of homes owned is not given (landlord.homes), and the deadline depends on it")
    if homes >= LARGE_LANDLORD_HOMES:
        month, day = LARGE_DEADLINE
        due = dt.date(year_end.year, month, day)
        if due <= year_end:
            due = dt.date(year_end.year + 1, month, day)
        return Deadline(due, homes, f"{homes:,} homes (1,000 or more): by the first 30 September after the year end ({year_end.isoformat()})")
    return Deadline(add_months(year_end, SMALL_DEADLINE_MONTHS), homes,
                    f"{homes:,} homes (fewer than 1,000): within 6 months of the year end ({year_end.isoformat()})")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; a month-end stays a month-end (31 August + 6 months = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month, last if at_end else min(day.day, last))


def _get(mapping: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(part)
    return mapping


def submission_form(result: dict) -> dict:
    """The form's content, JSON-ready: organisation, links, provisions, deadline, and what is missing."""
    from ..intake.placeholders import scrub

    sub = scrub(result["submission"])
    landlord = sub.get("landlord") or {}
    gov = sub.get("governance") or {}
    homes = landlord.get("homes") or {}
    total = sum(v for v in (homes.get("lcra"), homes.get("lcho")) if isinstance(v, int)) if homes else None
    year_end = dt.date.fromisoformat(sub["period"]["end"])
    due = deadline(year_end, total)
    body = gov.get("governing_body") or {}
    mrc = gov.get("mrc") or {}
    findings = []
    links = []
    for key, label, where in LINKS:
        url = _get(sub, where) or ""
        links.append({"key": key, "label": label, "url": url, "from": where})
        if not url:
            findings.append({"rule": "link-missing", "severity": "error", "key": where,
                             "message": f"the form asks for a link to the {label[:1].lower() + label[1:]}, and the submission gives none ({where})"})
    if due.date is None:
        findings.append({"rule": "homes-missing", "severity": "error", "key": "landlord.homes",
                         "message": "the deadline depends on the number of homes owned, and the submission gives none (landlord.homes: {lcra: N, lcho: N})"})
    provisions = []
    for p in result["provisions"]:
        answer = p.get("answer")
        comply = COMPLY.get(answer, "")
        if not comply and any(p.get(k) not in (None, "", {}) for k in ("value", "values", "text", "choice")):
            comply = FIGURE  # an older Code's figure or text row: answered, though not yes or no
        provisions.append({"id": p["id"], "section": p["section"], "requirement": p["requirement"],
                           "comply": comply, "answer_as_given": answer})
    unanswered = [p["id"] for p in provisions if not p["comply"]]
    if unanswered:
        findings.append({"rule": "unanswered", "severity": "error", "key": "answers",
                         "message": f"the form needs yes or no for every provision; {len(unanswered)} have no answer: {', '.join(unanswered)}"})
    return {
        "form": "Housing Ombudsman annual submission (Complaint Handling Code)",
        "code": {"id": result["code"]["id"], "name": result["code"]["name"]},
        "organisation": {
            "name": landlord.get("name") or "",
            "type": landlord.get("type") or "",
            "registration": landlord.get("registration") or "",
            "nation": landlord.get("nation") or "",
            "website": landlord.get("website") or "",
            "homes_lcra": homes.get("lcra"),
            "homes_lcho": homes.get("lcho"),
            "homes_total": total,
            "year_start": sub["period"]["start"],
            "year_end": sub["period"]["end"],
            "member_responsible_for_complaints": ", ".join(x for x in (mrc.get("name"), mrc.get("role")) if x),
            "governing_body": body.get("name") or "",
            "governing_body_approved": body.get("approved") or "",
        },
        "links": links,
        "provisions": provisions,
        "deadline": {"date": due.date.isoformat() if due.date else None, "homes": due.homes, "rule": due.rule, "assumption": ASSUMPTION},
        "findings": findings,
        "source": {"file": result["submission"]["file"], "sha256": result["submission"]["sha256"]},
    }


ORGANISATION_LABELS = {
    "name": "Landlord name", "type": "Landlord type", "registration": "Registration number", "nation": "Nation",
    "website": "Website", "homes_lcra": "Homes owned: low-cost rental (LCRA)", "homes_lcho": "Homes owned: low-cost home ownership (LCHO)",
    "homes_total": "Homes owned: total", "year_start": "Year start", "year_end": "Year end",
    "member_responsible_for_complaints": "Member Responsible for Complaints", "governing_body": "Governing body",
    "governing_body_approved": "Governing body approved the self-assessment on",
}


def render_json(form: dict) -> str:
    return json.dumps(form, indent=2, ensure_ascii=False) + "\n"


def render_csv(form: dict) -> str:
    """One row per entry on the form: part, key, label, value (UTF-8 with BOM, CRLF, formulas kept inert)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("Part", "Key", "Label", "Value"))
    for key, value in form["organisation"].items():
        writer.writerow(inert(v) for v in ("Organisation", key, ORGANISATION_LABELS[key], value))
    for link in form["links"]:
        writer.writerow(inert(v) for v in ("Link", link["key"], link["label"], link["url"]))
    writer.writerow(inert(v) for v in ("Deadline", "date", "Submit the form by", form["deadline"]["date"] or "not known"))
    writer.writerow(inert(v) for v in ("Deadline", "rule", "How the deadline was worked out", form["deadline"]["rule"]))
    writer.writerow(inert(v) for v in ("Deadline", "assumption", "Assumption", form["deadline"]["assumption"]))
    for p in form["provisions"]:
        writer.writerow(inert(v) for v in ("Provision", p["id"], p["requirement"], p["comply"]))
    return "\ufeff" + out.getvalue()
