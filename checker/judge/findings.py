"""Findings: what evaluation says about a provision or the submission, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from ..problems import Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}

# What a finding does to the verdict of a provision answered 'yes'.
CONTRADICTS = "contradicted"
UNSUPPORTS = "unsupported"


@dataclass(frozen=True)
class Finding:
    """One reasoned observation: the rule that made it, how serious, where, and the figures used."""

    rule: str
    severity: str
    message: str
    location: Location
    provision: str = ""
    effect: str = ""
    details: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def sort_key(self) -> tuple:
        from ..codes import provision_sort_key

        return (SEVERITY_RANK[self.severity], provision_sort_key(self.provision) if self.provision else (0, 0), self.rule, self.message)

    def as_dict(self) -> dict:
        out = {
            "rule": self.rule,
            "severity": self.severity,
            "provision": self.provision or None,
            "message": self.message,
            "location": self.location.as_dict(),
        }
        if self.effect:
            out["effect"] = self.effect
        if self.details:
            out["details"] = _plain(self.details)
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def details(**values: Any) -> Mapping[str, Any]:
    return MappingProxyType({k: v for k, v in values.items() if v is not None})
