"""The Code versions as values: sections, provisions and their machine-checkable parameters.

Code files live in `code_requirements/<id>.yaml` and are validated against
`schemas/code.schema.json` on load, so a broken Code file is reported like any user input.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .problems import InputError, Location, Problem
from .resources import data_dir
from .validation import validate
from .yamlsource import YamlDocument, as_date, load_yaml_file


@dataclass(frozen=True)
class StageTimescale:
    """The time limits of one stage, in working days, and what starts each clock."""

    respond_working_days: int
    respond_from: str
    acknowledge_working_days: int | None = None
    acknowledge_from: str | None = None
    extension_cap_working_days: int | None = None
    extension_total: bool = False
    extension_uncapped: bool = False  # an extension of any length is allowed (SPSO stage 2)
    extension_beyond_cap_with_reason: bool = False  # beyond the cap only with a recorded good reason (HOS)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()
                if v is not None and not (k in ("extension_uncapped", "extension_beyond_cap_with_reason") and v is False)}


@dataclass(frozen=True)
class Timescales:
    stage1: StageTimescale
    stage2: StageTimescale
    complaint_window_months: int | None = None

    def stage(self, number: int) -> StageTimescale:
        return self.stage1 if number == 1 else self.stage2


@dataclass(frozen=True)
class Item:
    id: str
    text: str


@dataclass(frozen=True)
class Check:
    """A machine-checkable parameter of a provision; `params` holds the kind-specific fields."""

    kind: str
    params: Mapping = field(default_factory=lambda: MappingProxyType({}))

    def get(self, name: str, default=None):
        return self.params.get(name, default)


@dataclass(frozen=True)
class Provision:
    id: str
    section: str
    modality: str
    form_row: bool
    requirement: str
    subheading: str = ""
    answer_type: str = "yes-no"
    allows_not_applicable: bool = False
    applies_if: str = ""
    items: tuple[Item, ...] = ()
    choices: tuple[str, ...] = ()
    guidance: str = ""
    evidence_needed: bool = True
    checks: tuple[Check, ...] = ()
    maps_to: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    verified: str = ""
    line: int = 0

    @property
    def binding(self) -> bool:
        """Whether failing it fails the submission (must and prohibition); 'should' fails only with --strict."""
        return self.modality in ("must", "prohibition")

    @property
    def sort_key(self) -> tuple[int, int]:
        return provision_sort_key(self.id)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Code:
    id: str
    name: str
    publisher: str
    jurisdiction: tuple[str, ...]
    in_force_from: dt.date
    source_url: str
    answers: tuple[str, ...]
    form_columns: tuple[str, ...]
    form_roles: tuple[str, ...]
    group_by: str
    timescales: Timescales
    sections: tuple[Section, ...]
    provisions: tuple[Provision, ...]
    short_name: str = ""
    status: str = ""
    superseded_from: dt.date | None = None
    notes: str = ""
    path: str = ""
    sha256: str = ""
    unread: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # id -> why its wording is not known

    by_id: Mapping[str, Provision] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", MappingProxyType({p.id: p for p in self.provisions}))

    def provision(self, provision_id: str) -> Provision | None:
        return self.by_id.get(provision_id)

    @property
    def form_rows(self) -> tuple[Provision, ...]:
        return tuple(p for p in self.provisions if p.form_row)

    def section(self, section_id: str) -> Section:
        return next(s for s in self.sections if s.id == section_id)

    def provisions_in(self, section_id: str) -> tuple[Provision, ...]:
        return tuple(p for p in self.provisions if p.section == section_id)


DEFAULT_ROLES = ("provision", "requirement", "answer", "evidence", "commentary")


def provision_sort_key(provision_id: str) -> tuple[int, int]:
    """'6.10' sorts after '6.9'."""
    major, _, minor = provision_id.partition(".")
    try:
        return int(major), int(minor or 0)
    except ValueError:
        return 10**6, 0


def code_dir() -> Path:
    return data_dir("code_requirements")


def available_codes() -> tuple[str, ...]:
    """Ids of the Code versions shipped, in a stable order."""
    return tuple(sorted(p.stem for p in code_dir().glob("*.yaml")))


@lru_cache(maxsize=None)
def load_code(code_id: str) -> Code:
    """Load and validate a shipped Code version by id."""
    if code_id not in available_codes():  # a name from the catalogue only, never a path to any YAML file
        known = ", ".join(available_codes()) or "none"
        shown = code_id if len(code_id) <= 60 else code_id[:57] + "..."
        raise InputError([Problem(Location(shown), f"unknown Code version '{shown}'; known: {known}", "unknown-code")])
    return load_code_file(code_dir() / f"{code_id}.yaml", shipped=True)


def load_code_file(path: Path | str, shipped: bool = False) -> Code:
    """A Code file, validated. A `shipped` one (the package's own, which the tests hold to the
    schema) is built without the schema pass, saving jsonschema's start-up on every command; if it
    cannot be built, it is validated as any other file, for the located messages."""
    doc = load_yaml_file(path)
    if shipped:
        try:
            if not _cross_check(doc):
                return _build(doc)
        except Exception:  # noqa: BLE001 - a broken shipped file: the full check below says where
            pass
    problems = validate(doc, "code.schema.json")
    problems += _cross_check(doc)
    if problems:
        raise InputError(problems)
    return _build(doc)


def _cross_check(doc: YamlDocument) -> list[Problem]:
    """What the schema cannot say: unique ids, known sections, file name matches the id."""
    data = doc.data
    problems = []
    section_ids = {s["id"] for s in data["sections"]}
    seen: dict[str, int] = {}
    for i, prov in enumerate(data["provisions"]):
        pid = prov["id"]
        if pid in seen:
            problems.append(Problem(doc.where(("provisions", i, "id")), f"provision {pid} is declared twice (first as item {seen[pid] + 1})", "duplicate-provision"))
        seen.setdefault(pid, i)
        if prov["section"] not in section_ids:
            problems.append(Problem(doc.where(("provisions", i, "section")), f"section '{prov['section']}' is not among the sections declared", "unknown-section"))
        elif pid.split(".")[0] != prov["section"]:
            problems.append(Problem(doc.where(("provisions", i, "section")), f"provision {pid} is numbered outside section {prov['section']}", "unknown-section"))
    for i, unread in enumerate(data.get("unread", ())):
        if unread["id"] in seen:
            problems.append(Problem(doc.where(("unread", i, "id")), f"provision {unread['id']} is listed as unread but is also declared", "duplicate-provision"))
        if unread["section"] not in section_ids or unread["id"].split(".")[0] != unread["section"]:
            problems.append(Problem(doc.where(("unread", i, "section")), f"unread provision {unread['id']} is not in a declared section '{unread['section']}'", "unknown-section"))
    problems += _cross_check_figures(doc)
    form = data["form"]
    roles = form.get("roles", DEFAULT_ROLES)
    if len(roles) != len(form["columns"]):
        problems.append(Problem(doc.where(("form", "roles") if "roles" in form else ("form", "columns")), f"form.roles names {len(roles)} columns but form.columns has {len(form['columns'])}", "invalid"))
    stem = Path(doc.path).stem
    if data["id"] != stem:
        problems.append(Problem(doc.where(("id",)), f"id '{data['id']}' differs from the file name '{stem}'", "invalid"))
    return problems


def _cross_check_figures(doc: YamlDocument) -> list[Problem]:
    """Checks between rows must name percent rows of this file, and choices the row offers."""
    provisions = doc.data["provisions"]
    by_id = {p["id"]: p for p in provisions}
    problems = []
    for i, prov in enumerate(provisions):
        for j, chk in enumerate(prov.get("checks", ())):
            if chk["kind"] == "shares":
                targets = [(("provisions", i, "checks", j, "provisions", k), t) for k, t in enumerate(chk["provisions"])]
            elif chk["kind"] == "largest-share":
                targets = [(("provisions", i, "checks", j, "shares", c), t) for c, t in chk["shares"].items()]
                for choice in chk["shares"]:
                    if choice not in prov.get("choices", ()):
                        problems.append(Problem(doc.where(("provisions", i, "checks", j, "shares", choice), key=True),
                                                f"'{choice}' is not among the choices of provision {prov['id']}", "invalid"))
            else:
                continue
            for path, target in targets:
                if by_id.get(target, {}).get("answer_type") != "percent":
                    problems.append(Problem(doc.where(path), f"{chk['kind']} check of {prov['id']} names {target}, which is not a percent row of this file", "invalid"))
    return problems



def _stage(data: Mapping) -> StageTimescale:
    return StageTimescale(**data)


def _build(doc: YamlDocument) -> Code:
    data = doc.data
    ts = data["timescales"]
    provisions = tuple(
        Provision(
            id=p["id"],
            section=p["section"],
            modality=p["modality"],
            form_row=p["form_row"],
            requirement=p["requirement"].strip(),
            subheading=p.get("subheading", ""),
            answer_type=p.get("answer_type", "yes-no"),
            allows_not_applicable=p.get("allows_not_applicable", False),
            applies_if=p.get("applies_if", ""),
            items=tuple(Item(i["id"], i["text"].strip()) for i in p.get("items", ())),
            choices=tuple(p.get("choices", ())),
            guidance=p.get("guidance", "").strip(),
            evidence_needed=p.get("evidence_needed", True),
            checks=tuple(Check(c["kind"], MappingProxyType({k: v for k, v in c.items() if k != "kind"})) for c in p.get("checks", ())),
            maps_to=MappingProxyType({k: tuple(v) for k, v in p.get("maps_to", {}).items()}),
            verified=p.get("verified", ""),
            line=doc.where(("provisions", i)).line,
        )
        for i, p in enumerate(data["provisions"])
    )
    return Code(
        id=data["id"],
        name=data["name"],
        short_name=data.get("short_name", data["name"]),
        publisher=data["publisher"],
        status=data.get("status", ""),
        jurisdiction=tuple(data["jurisdiction"]),
        in_force_from=as_date(data["in_force_from"]),
        superseded_from=as_date(data["superseded_from"]) if data.get("superseded_from") else None,
        source_url=data["source_url"],
        notes=data.get("notes", "").strip(),
        answers=tuple(data["answers"]),
        form_columns=tuple(data["form"]["columns"]),
        form_roles=tuple(data["form"].get("roles", DEFAULT_ROLES)),
        group_by=data["form"].get("group_by", "section"),
        timescales=Timescales(_stage(ts["stage1"]), _stage(ts["stage2"]), ts.get("complaint_window_months")),
        sections=tuple(Section(s["id"], s["title"], s.get("summary", "").strip()) for s in data["sections"]),
        provisions=provisions,
        unread=MappingProxyType({u["id"]: u["why"] for u in data.get("unread", ())}),
        path=doc.path,
        sha256=doc.sha256,
    )
