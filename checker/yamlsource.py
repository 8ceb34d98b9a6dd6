"""Safe YAML loading that remembers where every value came from.

PyYAML's safe loader forgets positions and silently keeps the last of two duplicate keys.
Here the document is composed into nodes (safe tags only), then built into plain Python
values while recording the line and column of every key and value, so that later checks
can point at `file:line:column`. Duplicate keys, alias bombs and deep nesting are refused.

Two deliberate departures from YAML 1.1, both to protect what people type:
- mapping keys are always the text as written, so `6.10:` stays "6.10" (not the float 6.1);
- only true/false are booleans, so `comply: yes` is the string "yes" (no "Norway problem").
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Location, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

Path_ = tuple  # a path into the document: keys (str) and indexes (int)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 resolution, but booleans are only true/false (any case)."""


_Resolver.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                yaml.composer.Composer, yaml.constructor.SafeConstructor, _Resolver):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser as _CParser

    class _FastComposer(_CParser, yaml.constructor.SafeConstructor, _Resolver):
        """The same composer on libyaml's parser: about ten times faster on a long submission."""

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastComposer = None


_SAFE_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}


@dataclass(frozen=True)
class YamlDocument:
    """A loaded YAML file: its data, where each part of it is, and a hash of its bytes."""

    path: str
    data: Any
    sha256: str
    positions: dict = field(default_factory=dict, compare=False, repr=False)
    key_positions: dict = field(default_factory=dict, compare=False, repr=False)

    def where(self, path: Path_ = (), *, key: bool = False) -> Location:
        """The location of the value (or, with key=True, the key) at `path`, or its nearest ancestor."""
        path = tuple(path)
        if key and path in self.key_positions:
            line, col = self.key_positions[path]
            return Location(self.path, line, col)
        while True:
            if path in self.positions:
                line, col = self.positions[path]
                return Location(self.path, line, col)
            if not path:
                return Location(self.path, 1, 1)
            path = path[:-1]


def decode_text(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a problem."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError([Problem(Location(name, 1, 1), "the file starts like UTF-16 but is not valid UTF-16; save it as UTF-8", "encoding")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start]
        raise InputError([Problem(
            Location(name, line, column),
            f"byte 0x{byte:02x} is not UTF-8 (the file may be saved as Latin-1 or Windows-1252); save it as UTF-8",
            "encoding",
        )]) from None


def load_yaml_text(text: str, name: str, sha256: str = "") -> YamlDocument:
    """Parse YAML text into a YamlDocument, or raise InputError with every problem found."""
    if not sha256:
        sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    loader, node = _fast_compose(text)
    if loader is None:
        loader, node = _compose(text, name)
    if node is None:
        raise InputError([Problem(Location(name, 1, 1), "the file is empty: expected a YAML mapping", "empty")])
    builder = _Builder(name, loader)
    data = builder.build(node, (), 0)
    if builder.problems:
        raise InputError(builder.problems)
    return YamlDocument(name, data, sha256, builder.positions, builder.key_positions)


def _fast_compose(text: str):
    """Compose with libyaml when PyYAML has it; (None, None) when it has not or the text is not
    valid YAML, so that PyYAML's own parser gives its (familiar, tested) account of what is wrong."""
    if _FastComposer is None:
        return None, None
    loader = _FastComposer(text)
    try:
        return loader, loader.get_single_node()
    except yaml.YAMLError:
        return None, None
    finally:
        loader.dispose()


def _compose(text: str, name: str):
    try:
        loader = _Composer(text)
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, found before parsing starts
        raise InputError([_character_problem(exc, text, name)]) from None
    try:
        return loader, loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(exc, name)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly all errors
        raise InputError([Problem(Location(name, 1, 1), f"not valid YAML: {exc}", "syntax")]) from None
    finally:
        loader.dispose()


def load_yaml_file(path: str | Path, display: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; `display` is the name used in messages (defaults to the path)."""
    name = display or str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise InputError([Problem(Location(name), f"the file is {size:,} bytes; the limit is {MAX_BYTES:,}", "too-large")])
        raw = Path(path).read_bytes()
    except IsADirectoryError:
        raise InputError([Problem(Location(name), "is a folder, not a YAML file", "not-found")]) from None
    except FileNotFoundError:
        raise InputError([Problem(Location(name), "no such file", "not-found")]) from None
    except OSError as exc:
        raise InputError([Problem(Location(name), f"cannot be read: {exc.strerror}", "not-found")]) from None
    text = decode_text(raw, name)
    return load_yaml_text(text, name, hashlib.sha256(raw).hexdigest())


def _character_problem(exc: yaml.reader.ReaderError, text: str, name: str) -> Problem:
    at = exc.position
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return Problem(Location(name, line, column), f"character U+{exc.character:04X} is not allowed in a YAML file (a control or special character); delete it", "syntax")


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "not valid YAML"
    if "'\\t'" in what or "\\t" in what:
        what = "a tab character is used for indentation or separation; YAML needs spaces"
    elif exc.context:
        what = f"{what} ({exc.context})"
    return Problem(Location(name, line, column), f"YAML syntax: {what}", "syntax")


class _Builder:
    """Turns composed nodes into Python values, recording positions and refusing unsafe shapes."""

    def __init__(self, name: str, constructor: yaml.constructor.SafeConstructor):
        self.name = name
        self.constructor = constructor
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.stopped = False

    def _problem(self, node: yaml.Node, message: str, rule: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(Location(self.name, mark.line + 1, mark.column + 1), message, rule))

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        if self.stopped:
            return None
        self.count += 1
        if self.count > MAX_NODES:
            self._problem(node, f"the document expands to more than {MAX_NODES:,} values (an alias bomb?); refused", "too-large")
            self.stopped = True
            return None
        if depth > MAX_DEPTH:
            self._problem(node, f"nesting deeper than {MAX_DEPTH} levels; refused", "too-deep")
            self.stopped = True
            return None
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        if node.tag not in ("tag:yaml.org,2002:map",):
            self._problem(node, f"unsupported tag {node.tag}", "unsafe-tag")
            return {}
        try:
            self.constructor.flatten_mapping(node)
        except yaml.constructor.ConstructorError:
            self._problem(node, "a merge key (<<) must be followed by an alias to a mapping, or a list of them", "bad-merge")
            return {}
        out: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "a mapping key must be plain text", "bad-key")
                continue
            key = key_node.value
            here = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key in out:
                first = self.key_positions[path + (key,)]
                self._problem(key_node, f"duplicate key '{key}' (first given at line {first[0]}, column {first[1]})", "duplicate-key")
                continue
            self.key_positions[path + (key,)] = here
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SAFE_SCALAR_TAGS:
            self._problem(node, f"unsupported tag {node.tag}; only plain YAML values are accepted", "unsafe-tag")
            return None
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.constructor.ConstructorError) as exc:
            if node.tag == "tag:yaml.org,2002:timestamp":
                self._problem(node, f"'{node.value}' is not a real date ({exc})", "bad-date")
            else:
                self._problem(node, f"cannot read '{node.value}': {exc}", "bad-value")
            return None
        return value
