"""JSON Schema of each fact-base file, for completion and validation in curators' editors."""

from __future__ import annotations

import ast
import inspect
import json
import textwrap
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from knowledge.refs import model_in, ref_of
from knowledge.schema import KIND_FILES, KIND_MODELS, RecordKind

# Files that hold one record (a mapping) rather than a list of records.
SINGLE_RECORD: frozenset[RecordKind] = frozenset({"station"})
_FULL_DATE = r"^\d{4}-\d{2}-\d{2}$"


class _CuratorSchema(GenerateJsonSchema):
    """Pydantic's generator, plus minLength for text that must not be blank."""

    def function_after_schema(
        self, schema: core_schema.AfterValidatorFunctionSchema
    ) -> JsonSchemaValue:
        inner = super().function_after_schema(schema)
        func = schema["function"].get("function")
        if getattr(func, "__name__", "") == "_not_blank" and inner.get("type") == "string":
            inner = {**inner, "minLength": 1, "pattern": r"\S"}
        return inner

    def date_schema(self, schema: core_schema.DateSchema) -> JsonSchemaValue:
        return {
            "type": "string",
            "format": "date",
            "pattern": _FULL_DATE,
            "description": "A full date, YYYY-MM-DD.",
        }


def _field_comments(cls: type[BaseModel]) -> dict[str, str]:
    """Comments just above a field, or a docstring just below it, in the model's source."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    lines = source.splitlines()
    found: dict[str, str] = {}
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    for i, node in enumerate(body.body):
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        comment: list[str] = []
        row = node.lineno - 2
        while row >= 0 and lines[row].strip().startswith("#"):
            comment.insert(0, lines[row].strip().lstrip("#").strip())
            row -= 1
        after = body.body[i + 1] if i + 1 < len(body.body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            comment.append(after.value.value.strip())
        if comment:
            found[node.target.id] = " ".join(comment)
    return found


def _models(cls: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    if cls.__name__ in seen:
        return
    seen[cls.__name__] = cls
    for info in cls.model_fields.values():
        sub = model_in(info.annotation)
        if sub is not None:
            _models(sub, seen)


def _describe(schema: dict[str, Any], cls: type[BaseModel]) -> None:
    """Add descriptions from the model's comments and its references to the schema in place."""
    props = schema.get("properties", {})
    comments = _field_comments(cls)
    for name, info in cls.model_fields.items():
        prop = props.get(name)
        if prop is None:
            continue
        text = [comments[name]] if name in comments else []
        ref = ref_of(info)
        if ref is not None:
            files = " or ".join(f"{KIND_FILES[k]}.yaml" for k in ref.kinds)
            text.append(f"The id of a {' or '.join(ref.kinds)} record ({files}).")
        if text and "description" not in prop:
            prop["description"] = " ".join(text)


def file_schema(kind: RecordKind) -> dict[str, Any]:
    """The JSON Schema of one `<kind>.yaml` file: a list of records (station: one record)."""
    model = KIND_MODELS[kind]
    item = TypeAdapter(model).json_schema(mode="validation", schema_generator=_CuratorSchema)
    defs = item.pop("$defs", {})
    classes: dict[str, type[BaseModel]] = {}
    _models(model, classes)
    _describe(item, model)
    for name, sub in classes.items():
        if name in defs:
            _describe(defs[name], sub)
    top: dict[str, Any]
    if kind in SINGLE_RECORD:
        top = {"$ref": "#/$defs/Record"}
    else:
        top = {"type": "array", "items": {"$ref": "#/$defs/Record"}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"capcom fact base: {KIND_FILES[kind]}.yaml",
        **top,
        "$defs": {**defs, "Record": item},
    }


def write_schemas(out: Path) -> list[Path]:
    """Write `<file>.schema.json` for every kind into out; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, stem in KIND_FILES.items():
        path = out / f"{stem}.schema.json"
        path.write_text(json.dumps(file_schema(kind), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
