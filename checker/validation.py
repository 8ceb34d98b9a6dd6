"""JSON Schema validation whose every problem points at a line and column of the YAML.

jsonschema reports paths into the data; the YamlDocument knows where each path came from.
Messages are rewritten for people who fill in forms, not for people who write schemas.

A submission is first held to its schema compiled to Python (fastjsonschema's generated code,
shipped as checker/schemas/submission_check.py: a few milliseconds, where importing jsonschema
alone takes ten times that). A file it passes has no schema problem; a file it fails is validated
again by jsonschema, which gives the located messages. So the fast path only ever answers "valid",
and tests/test_validation_compiled.py checks that it never says so where jsonschema would not.
The generated file carries the schema's hash and is used only while it matches; regenerate it
with `python -m checker.validation` after changing the schema (a test says when).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import re
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, Callable

from .problems import Problem
from .resources import schema_path
from .yamlsource import YamlDocument

if TYPE_CHECKING:  # jsonschema is imported when a document is validated, not to load this module
    import jsonschema
    from jsonschema import Draft202012Validator


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict:
    return json.loads(schema_path(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# schema file name -> the module generated from it (checker/schemas/<module>.py)
GENERATED = {"submission.schema.json": "submission_check"}


def _is_date(text: str) -> bool:
    """The 'date' format as jsonschema checks it: YYYY-MM-DD and a real calendar date."""
    if not isinstance(text, str):
        return True
    try:
        return bool(_ISO_DATE.fullmatch(text)) and bool(dt.date.fromisoformat(text))
    except ValueError:
        return False


def schema_sha256(name: str) -> str:
    return hashlib.sha256(schema_path(name).read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def compiled_check(schema_name: str) -> Callable[[Any], Any] | None:
    """The shipped generated check of this schema, or None when there is none or it is stale."""
    module_name = GENERATED.get(schema_name)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(f"checker.schemas.{module_name}")
    except ImportError:  # pragma: no cover - fastjsonschema missing: jsonschema alone gives the same answers
        return None
    if getattr(module, "SCHEMA_SHA256", None) != schema_sha256(schema_name):
        return None
    return partial(module.validate, custom_formats={"date": _is_date})


def passes_compiled(data: Any, schema_name: str) -> bool:
    """True if the compiled schema accepts the data; False if it does not, or there is none."""
    check = compiled_check(schema_name)
    if check is None:
        return False
    try:
        check(data)
    except Exception:  # JsonSchemaValueException, or a shape it cannot judge: jsonschema decides
        return False
    return True


def generated_source(schema_name: str) -> str:
    """The text of checker/schemas/<module>.py for this schema, as fastjsonschema writes it."""
    import fastjsonschema

    schema = {k: v for k, v in load_schema(schema_name).items() if k != "$schema"}  # its keywords are all draft-07's
    code = fastjsonschema.compile_to_code(schema, formats={"date": _is_date}, use_default=False, detailed_exceptions=False)
    entry = re.search(r"^def (validate\w*)\(", code, re.MULTILINE).group(1)
    return (f"# Generated from {schema_name} by `python -m checker.validation`: do not edit.\n"
            "# It only says whether a document is valid; jsonschema explains what is wrong.\n"
            "# ruff: noqa\n"
            f"SCHEMA_SHA256 = \"{schema_sha256(schema_name)}\"\n{code}\n\nvalidate = {entry}\n")


def jsonable(value: Any) -> Any:
    """Dates become ISO text, so the schema sees what a JSON document would hold."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def validate(doc: YamlDocument, schema_name: str) -> list[Problem]:
    """Every schema problem of the document, each at the YAML position it concerns."""
    data = jsonable(doc.data)
    if passes_compiled(data, schema_name):
        return []
    validator = _validator(schema_name)
    problems = []
    for error in validator.iter_errors(data):
        error = _most_specific(error)
        path = tuple(error.absolute_path)
        location = doc.where(path)
        if "propertyNames" in error.schema_path:
            key = str(error.instance)
            what = "a provision number such as 6.3" if path == ("answers",) else "in the expected form"
            problems.append(Problem(doc.where(path + (key,), key=True), f"{_name(path)}: '{key}' is not {what}", "schema"))
            continue
        if error.validator == "additionalProperties":
            extra = _extra_keys(error)
            for key in extra:
                problems.append(Problem(doc.where(path + (key,), key=True), f"{_name(path)}: unknown key '{key}'{_allowed(error.schema)}", "unknown-key"))
            continue
        problems.append(Problem(location, _message(error, path), "schema"))
    return problems


def _most_specific(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For oneOf/anyOf/if-then, report the branch that came closest instead of 'is not valid under any'."""
    import jsonschema.exceptions

    while error.context:
        if error.validator == "anyOf" and all(e.validator == "required" for e in error.context):
            break  # "needs a or b": say so, rather than pick one of the alternatives
        # A branch of another type ("expected text" for a mapping) is the least helpful explanation.
        same_type = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
        best = jsonschema.exceptions.best_match(same_type or error.context)
        if best is None:
            break
        error = best
    return error


def _extra_keys(error: jsonschema.ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
    return sorted(k for k in error.instance if k not in allowed and not any(p.search(k) for p in patterns))


def _allowed(schema: dict) -> str:
    names = [k for k, v in schema.get("properties", {}).items() if v is not True or k != "kind"]
    if not names or len(names) > 16:
        return ""
    return "; expected one of: " + ", ".join(names)


def _name(path: tuple) -> str:
    if not path:
        return "the document"
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
               "object": "a mapping (key: value lines)", "array": "a list", "null": "nothing"}


def _message(error: jsonschema.ValidationError, path: tuple) -> str:
    where = _name(path)
    v, s, inst = error.validator, error.validator_value, error.instance
    if v in ("format", "pattern") and error.schema.get("format") == "date":
        return f"{where}: expected a real date written YYYY-MM-DD; found {_show(inst)}"
    if v == "pattern" and "http" in str(s):
        return f"{where}: expected a web address starting http:// or https://; found {_show(inst)}"
    if v == "required":
        missing = [k for k in s if isinstance(inst, dict) and k not in inst]
        return f"{where}: missing required key '{missing[0] if missing else s}'"
    if v == "anyOf" and error.context and all(e.validator == "required" for e in error.context):
        branches = []
        for e in error.context:
            keys = [f"'{k}'" for k in e.validator_value]
            if keys not in branches:
                branches.append(keys)
        return f"{where}: needs {' or '.join(' with '.join(b) for b in branches)}"
    if v == "type":
        kinds = s if isinstance(s, list) else [s]
        return f"{where}: expected {' or '.join(_TYPE_WORDS.get(k, k) for k in kinds)}, found {_show(inst)}"
    if v == "enum":
        return f"{where}: expected one of {', '.join(str(x) for x in s if x is not None)}; found {_show(inst)}"  # null: left empty
    if v == "const":
        return f"{where}: expected {_show(s)}; found {_show(inst)}"
    if v == "format":
        return f"{where}: {_show(inst)} is not a valid {s}" + (" (YYYY-MM-DD, a real calendar date)" if s == "date" else "")
    if v == "pattern":
        return f"{where}: {_show(inst)} is not in the expected form"
    if v in ("minimum", "exclusiveMinimum"):
        return f"{where}: {_show(inst)} is below the minimum of {s}"
    if v in ("maximum", "exclusiveMaximum"):
        return f"{where}: {_show(inst)} is above the maximum of {s}"
    if v == "minItems":
        return f"{where}: needs at least {s} item{'s' if s != 1 else ''}"
    if v == "minLength":
        return f"{where}: must not be empty"
    if v == "uniqueItems":
        return f"{where}: items must not repeat"
    return f"{where}: {error.message}"


if __name__ == "__main__":  # python -m checker.validation: regenerate the shipped compiled checks
    from .output import write_atomic

    for _schema, _module in GENERATED.items():
        _target = schema_path(_schema).with_name(f"{_module}.py")
        write_atomic(_target, generated_source(_schema))
        print(f"wrote {_target}")
