"""Where the data shipped with chc lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent
_NAMES = {"code_requirements": "code_requirements", "templates": "templates", "examples": "evidence/examples"}


def data_dir(name: str) -> Path:
    """The folder holding `name` (code_requirements, templates or examples)."""
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _REPO / _NAMES[name]


def schema_path(name: str) -> Path:
    """A JSON Schema shipped with the package, by file name."""
    return _PACKAGE / "schemas" / name


def load_data_yaml(path: Path) -> object:
    """One of chc's own data files (phrase lists, spellings, value maps), read with libyaml's
    parser when PyYAML has it: these files are ours and trusted, and the C parser reads them about
    ten times faster, which is most of a single command's own time. Same safe constructor and
    resolver either way, so the values are the same."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
