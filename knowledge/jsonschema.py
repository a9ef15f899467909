"""JSON Schema of each fact-base file, for completion and validation in curators' editors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from knowledge.schema import KIND_FILES, KIND_MODELS, RecordKind


def file_schema(kind: RecordKind) -> dict[str, Any]:
    """The JSON Schema of one `<kind>.yaml` file: a list of records (or a single one)."""
    model = KIND_MODELS[kind]
    item = TypeAdapter(model).json_schema(mode="validation")
    defs = item.pop("$defs", {})
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"capcom fact base: {KIND_FILES[kind]}.yaml",
        "oneOf": [
            {"type": "array", "items": {"$ref": "#/$defs/Record"}},
            {"$ref": "#/$defs/Record"},
        ],
        "$defs": {**defs, "Record": item},
    }
    return schema


def write_schemas(out: Path) -> list[Path]:
    """Write `<file>.schema.json` for every kind into out; return the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, stem in KIND_FILES.items():
        path = out / f"{stem}.schema.json"
        path.write_text(json.dumps(file_schema(kind), indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
