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
import datetime as dt
import hashlib
import math
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError, Location, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
# Values and keys, counting every expansion of an alias. The largest real file (a Code) has
# about 2,000; the limit keeps a hostile file's cost to a few seconds and a few hundred MB.
MAX_NODES = 200_000

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


class _Refused(Exception):
    """The document is refused while it is composed (too deep, or too many values)."""

    def __init__(self, mark, message: str, rule: str):
        super().__init__(message)
        self.mark, self.message, self.rule = mark, message, rule


class _Composer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                yaml.composer.Composer, yaml.constructor.SafeConstructor, _Resolver):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)
        self._depth = 0
        self._nodes = 0
        self._sizes: dict[int, int] = {}  # id of an anchored node -> values it expands to

    def compose_node(self, parent, index):
        """PyYAML's composer is recursive and keeps every node: refuse deep nesting and alias
        bombs here, before either costs a stack overflow or gigabytes."""
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            node = yaml.composer.Composer.compose_node(self, parent, index)
            self._count(self._sizes.get(id(node), 1), event.start_mark, alias=True)
            return node
        if self._depth > MAX_DEPTH:
            raise _Refused(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels; refused", "too-deep")
        before = self._nodes
        self._count(1, event.start_mark)
        self._depth += 1
        node = yaml.composer.Composer.compose_node(self, parent, index)
        self._depth -= 1
        if event.anchor is not None:
            self._sizes[id(node)] = self._nodes - before
        return node

    def _count(self, n: int, mark, alias: bool = False) -> None:
        self._nodes += n
        if self._nodes > MAX_NODES:
            if alias:
                raise _Refused(mark, f"aliases (*name) expand the document to more than {MAX_NODES:,} values (an alias bomb?); refused", "too-large")
            raise _Refused(mark, f"the document has more than {MAX_NODES:,} values; refused (a submission has a few thousand)", "too-large")


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
    comment_cuts: tuple = field(default=(), compare=False, repr=False)
    text: str = field(default="", compare=False, repr=False)  # the source, to place a phrase inside a value

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


def utf16_without_bom(raw: bytes) -> bool:
    """True if the bytes look like UTF-16 text saved without a byte-order mark (every other byte 0)."""
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    return max(sample[0::2].count(0), sample[1::2].count(0)) > len(sample) // 4


def as_date(value) -> dt.date:
    """A schema-checked date as a value: YAML gives a date for `2025-03-31` and text for `"2025-03-31"`."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def decode_text(raw: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is a problem."""
    if utf16_without_bom(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF8)):
        raise InputError([Problem(Location(name, 1, 1), "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8", "encoding")])
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
    fast = loader is not None
    if not fast:
        loader, node = _compose(text, name)
    if node is None:
        raise InputError([Problem(Location(name, 1, 1), "the file is empty: expected a YAML mapping", "empty")])
    builder = _Builder(name, loader, text)
    data = builder.build(node, (), 0)
    if fast and builder.stopped:  # too deep or too large: let the guarded composer say so, as it always does
        _compose(text, name)
    if builder.problems:
        raise InputError(builder.problems)
    return YamlDocument(name, data, sha256, builder.positions, builder.key_positions, tuple(builder.comment_cuts), text)


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser as _CParser

    class _FastComposer(_CParser, yaml.constructor.SafeConstructor, _Resolver):
        """The same composition on libyaml's parser: about three times faster on a submission."""

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _FastComposer = None

# libyaml composes recursively in C, with no depth limit of its own. A node's depth is at most its
# column plus the flow brackets open around it, so text with short lines and few brackets cannot
# nest deep enough to matter; anything else goes through the guarded Python composer.
FAST_MAX_CHARS = 2_000_000
FAST_MAX_LINE = 2_000
FAST_MAX_BRACKETS = 2_000


def _fast_compose(text: str):
    """(loader, node) from libyaml for plainly shaped text; (None, None) to use the Python composer,
    which also gives the familiar, tested account of what is wrong with broken text."""
    if (
        _FastComposer is None
        or len(text) > FAST_MAX_CHARS
        or ("&" in text and "*" in text)  # anchors and aliases: the Python composer counts their expansion
        or "\t" in text  # libyaml takes a tab as a separator where PyYAML refuses it: keep one account of tabs
        or text.count("[") + text.count("{") > FAST_MAX_BRACKETS
        or max(map(len, text.splitlines()), default=0) > FAST_MAX_LINE
    ):
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
    except yaml.reader.ReaderError as exc:
        raise InputError([_character_problem(text, exc, name)]) from None
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise InputError([Problem(Location(name, exc.mark.line + 1, exc.mark.column + 1), exc.message, exc.rule)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(exc, name)]) from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly all errors
        raise InputError([Problem(Location(name, 1, 1), f"not valid YAML: {exc}", "syntax")]) from None
    finally:
        loader.dispose()
    return loader, node


def load_yaml_file(path: str | Path, display: str | None = None) -> YamlDocument:
    """Read and parse a YAML file; `display` is the name used in messages (defaults to the path)."""
    name = display or str(path)
    try:
        info = Path(path).stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a device or a pipe would be read for ever
            raise InputError([Problem(Location(name), "is not a regular file (a device or a pipe?); give a YAML file", "not-found")])
        size = info.st_size
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


def _character_problem(text: str, exc: yaml.reader.ReaderError, name: str) -> Problem:
    """A character YAML does not allow (a control character, often pasted from another program)."""
    pos = exc.position
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    what = unicodedata.name(chr(code), "a control character or other non-printable one").lower()
    return Problem(Location(name, line, column), f"the character U+{code:04X} ({what}) is not allowed in YAML; delete it or retype the text around it", "encoding")


def _line_before(mark) -> str:
    """The text of the mark's line before the mark ('' if PyYAML kept no buffer)."""
    buffer = getattr(mark, "buffer", None)
    if not isinstance(buffer, str):
        return ""
    return buffer[buffer.rfind("\n", 0, mark.pointer) + 1: mark.pointer]


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "not valid YAML"
    context = exc.context or ""
    if "'\\t'" in what or "\\t" in what:
        what = "a tab character is used for indentation or separation; YAML needs spaces"
    elif context == "expected a single document in the stream":
        what = "a second YAML document starts here; a file holds one document (remove the '---' line or split the file)"
        return Problem(Location(name, mark.line + 1, mark.column + 1), what, "syntax")
    elif what.endswith("but got ':'") and exc.context_mark and exc.context_mark.line != mark.line and ":" not in _line_before(mark):
        opened = exc.context_mark
        what = f"the list or mapping opened at line {opened.line + 1}, column {opened.column + 1} ('[' or '{{') is not closed before this line; add the closing bracket"
    elif what == "mapping values are not allowed here" or what.endswith("but got ':'"):
        what = "a colon and a space inside text that is not in quotes; put the text in double quotes"
    elif what.startswith("expected <block end>, but found") and not what.endswith("'<scalar>'"):
        what = "this line is indented differently from the lines above it; items of the same list or mapping must start in the same column"
    elif what == "expected <block end>, but found '<scalar>'":
        what = ("more text follows a closing quote; check the quotes here and on the lines above (a quote left open "
                "runs on to the next quote; write an apostrophe inside '...' as '')")
    elif "end of stream" in what and "quoted scalar" in context and exc.context_mark:
        mark = exc.context_mark
        what = "the quoted text that starts here is never closed; add the closing quote"
    elif what.startswith("found undefined alias"):
        alias = what.rsplit(" ", 1)[-1].strip("'")
        what = f"*{alias} refers to an anchor &{alias} that is not defined above it"
    elif context.startswith("found duplicate anchor"):
        anchor = context.split("'")[1] if "'" in context else ""
        what = f"the anchor &{anchor} is defined twice; give each anchor its own name"
    elif context:
        what = f"{what} ({context})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return Problem(Location(name, line, column), f"YAML syntax: {what}", "syntax")


@dataclass(frozen=True)
class CommentCut:
    """Plain text followed on its line by ' #...': YAML keeps the text before and drops the rest
    as a comment, which is rarely what a person typing '#4411' meant."""

    path: tuple
    line: int
    column: int  # of the '#'
    kept: str
    comment: str


def _comment_cut(lines: list[str], node: yaml.ScalarNode, path: tuple) -> CommentCut | None:
    """The comment after an unquoted text value on the value's last line, if there is one."""
    end = node.end_mark
    if end.line >= len(lines) or not isinstance(node.value, str) or not node.value:
        return None
    rest = lines[end.line][end.column:]
    stripped = rest.lstrip(" \t")
    if not stripped.startswith("#") or stripped == rest:
        return None
    column = end.column + len(rest) - len(stripped) + 1
    return CommentCut(path, end.line + 1, column, node.value, stripped[1:].strip())


class _Builder:
    """Turns composed nodes into Python values, recording positions and refusing unsafe shapes."""

    def __init__(self, name: str, constructor: yaml.constructor.SafeConstructor, text: str = ""):
        self.name = name
        self.lines = text.split("\n") if " #" in text or "\t#" in text else None  # comment cuts only
        self.comment_cuts: list[CommentCut] = []
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
        if self.lines is not None and isinstance(node, yaml.ScalarNode) and not node.style:  # plain (libyaml says "")
            cut = _comment_cut(self.lines, node, path)
            if cut:
                self.comment_cuts.append(cut)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                self._problem(node, f"unsupported tag {node.tag}; only plain YAML values are accepted", "unsafe-tag")
                return []
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: tuple, depth: int) -> dict:
        if node.tag not in ("tag:yaml.org,2002:map",):
            self._problem(node, f"unsupported tag {node.tag}", "unsafe-tag")
            return {}
        try:
            self.constructor.flatten_mapping(node)
        except yaml.constructor.ConstructorError as exc:
            mark = exc.problem_mark or node.start_mark
            self.problems.append(Problem(Location(self.name, mark.line + 1, mark.column + 1),
                                         "a merge key (<<) must be followed by an alias of a mapping (<<: *name) or a list of them", "bad-merge"))
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
        if isinstance(value, float) and not math.isfinite(value):
            self._problem(node, f"'{node.value}' is not a number chc can use; write a number (or leave the key out)", "bad-value")
            return None
        return value
