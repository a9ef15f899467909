"""Validate request bodies against Discord's OpenAPI spec and the limits Discord enforces."""

from __future__ import annotations

import copy
import functools
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_ENV = "DISCORD_OPENAPI_SPEC"
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SPEC_PATH = REPO_ROOT.parent / "shared" / "discord-api-spec" / "openapi.json"
SPEC_URI = "urn:discord-openapi"

CONTENT_LIMIT = 2000
EMBEDS_LIMIT = 10
EMBED_TOTAL_LIMIT = 6000
CHOICES_LIMIT = 25
CHOICE_TEXT_LIMIT = 100

ErrorTree = dict[str, Any]


def spec_path() -> Path:
    """Return where the spec is read from: $DISCORD_OPENAPI_SPEC, else ../shared/."""
    env = os.environ.get(SPEC_ENV)
    return Path(env) if env else DEFAULT_SPEC_PATH


def skip_reason() -> str:
    """Return the message used to skip tests when the spec is absent."""
    return f"Discord OpenAPI spec not found at {spec_path()}; set {SPEC_ENV}"


@functools.cache
def load_spec(path: Path | None = None) -> dict[str, Any] | None:
    """Load the spec (cached), patched to accept what Discord accepts; None when absent."""
    path = path or spec_path()
    if not path.is_file():
        return None
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    _patch_spec(spec)
    return spec


def _patch_spec(spec: dict[str, Any]) -> None:
    """Loosen types Discord accepts in two forms (ids and permission bitsets as int or str)."""
    schemas = spec["components"]["schemas"]
    snowflake = copy.deepcopy(schemas["SnowflakeType"])
    schemas["SnowflakeType"] = {"anyOf": [snowflake, {"type": "integer", "minimum": 0}]}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                for name, prop in props.items():
                    if "permissions" in name and isinstance(prop, dict) and "type" in prop:
                        props[name] = {"anyOf": [prop, {"type": "string", "pattern": "^[0-9]+$"}]}
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)


@dataclass(frozen=True)
class Operation:
    """One (method, path template) of the spec with its request-body and query validators."""

    method: str
    template: str
    operation_id: str
    validator: Any | None
    query: dict[str, Any]  # query parameter name -> validator of its value


def _pointer(*parts: str) -> str:
    escaped = (p.replace("~", "~0").replace("/", "~1") for p in parts)
    return f"{SPEC_URI}#/" + "/".join(escaped)


class RequestValidator:
    """Match a request to its spec operation and validate its body (validators cached)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self._spec = spec
        resource = Resource.from_contents(spec, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self._templates: list[tuple[re.Pattern[str], str, int]] = []
        for template in spec["paths"]:
            pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template))
            self._templates.append((re.compile(f"^{pattern}$"), template, template.count("{")))
        self._templates.sort(key=lambda entry: entry[2])
        self._cache: dict[tuple[str, str], Operation | None] = {}

    def operation(self, method: str, path: str) -> Operation | None:
        """Return the operation for a path relative to the API base (None if not in the spec)."""
        method = method.lower()
        for regex, template, _ in self._templates:
            if regex.match(path) and method in self._spec["paths"][template]:
                return self._operation(method, template)
        return None

    def _operation(self, method: str, template: str) -> Operation | None:
        key = (method, template)
        if key not in self._cache:
            op = self._spec["paths"][template][method]
            body = op.get("requestBody", {}).get("content", {})
            validator = None
            if "application/json" in body:
                ref = _pointer(
                    "paths", template, method, "requestBody", "content", "application/json"
                )
                schema = {"$ref": f"{ref}/schema"}
                validator = Draft202012Validator(schema, registry=self._registry)
            query = {}
            for i, param in enumerate(op.get("parameters", [])):
                if param.get("in") == "query":
                    ref = _pointer("paths", template, method, "parameters", str(i), "schema")
                    query[param["name"]] = Draft202012Validator(
                        {"$ref": ref}, registry=self._registry
                    )
            self._cache[key] = Operation(
                method, template, op.get("operationId", ""), validator, query
            )
        return self._cache[key]

    def validate_query(self, method: str, path: str, query: dict[str, str]) -> ErrorTree:
        """Return Discord-style `errors` for query parameters the spec does not accept."""
        op = self.operation(method, path)
        if op is None or not query:
            return {}
        tree: ErrorTree = {}
        for name, raw in query.items():
            validator = op.query.get(name)
            if validator is None:
                _add_error(tree, [name], "UNKNOWN_QUERY_PARAMETER", f"{name} is not a parameter")
                continue
            errors: list[ValidationError] = []
            for value in _query_values(raw):  # the first reading the spec accepts wins
                errors = list(validator.iter_errors(value))
                if not errors:
                    break
            for error in _leaves(errors):
                _add_error(tree, [name], _code(error), error.message)
        return tree

    def validate(self, method: str, path: str, body: Any) -> ErrorTree:
        """Return Discord-style `errors` for a body (empty when valid or not covered)."""
        op = self.operation(method, path)
        if op is None or op.validator is None or body is None:
            return {}
        tree: ErrorTree = {}
        for error in _leaves(op.validator.iter_errors(body)):
            _add_error(tree, list(error.absolute_path), _code(error), error.message)
        return tree


def _query_values(raw: str) -> list[Any]:
    """The readings Discord gives a query string value: number, boolean, or the string."""
    out: list[Any] = []
    if re.fullmatch(r"-?[0-9]+", raw):
        out.append(int(raw))
    if raw.lower() in ("true", "false", "1", "0"):
        out.append(raw.lower() in ("true", "1"))
    return [*out, raw]


def _leaves(errors: Iterable[ValidationError]) -> list[ValidationError]:
    """Flatten anyOf/oneOf errors to the leaf errors of the most plausible branch."""
    out: list[ValidationError] = []
    for error in errors:
        if error.validator not in ("anyOf", "oneOf") or not error.context:
            out.append(error)
            continue
        branches: dict[Any, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        plausible = [b for b in branches.values() if not any(_discriminates(e, error) for e in b)]
        if not plausible:
            out.append(error)
            continue
        best = min(plausible, key=len)
        out.extend(_leaves(best))
    return out


def _discriminates(sub: ValidationError, parent: ValidationError) -> bool:
    """Tell whether an error only says "this is another variant" (type or tag mismatch)."""
    depth = len(sub.absolute_path) - len(parent.absolute_path)
    if sub.validator == "type" and depth == 0:
        return True
    tag = depth == 1 and sub.absolute_path and sub.absolute_path[-1] == "type"
    return bool(tag and sub.validator in ("enum", "const"))


def _code(error: ValidationError) -> str:
    codes = {
        "maxLength": "BASE_TYPE_MAX_LENGTH",
        "minLength": "BASE_TYPE_MIN_LENGTH",
        "maxItems": "BASE_TYPE_MAX_LENGTH",
        "minItems": "BASE_TYPE_MIN_LENGTH",
        "required": "BASE_TYPE_REQUIRED",
        "type": "BASE_TYPE_BAD_TYPE",
    }
    return codes.get(str(error.validator), "BASE_TYPE_INVALID")


def _add_error(tree: ErrorTree, path: list[Any], code: str, message: str) -> None:
    node = tree
    for part in path:
        node = node.setdefault(str(part), {})
    node.setdefault("_errors", []).append({"code": code, "message": message[:300]})


def message_payloads(method: str, path: str, body: Any) -> list[dict[str, Any]]:
    """Return the message-shaped parts of a request body (for the limit checks)."""
    if not isinstance(body, dict):
        return []
    if path.endswith("/callback"):
        data = body.get("data")
        return [data] if body.get("type") in (4, 7) and isinstance(data, dict) else []
    message_route = re.search(r"/(messages(/[^/]+)?|webhooks/[^/]+/[^/]+)$", path)
    return [body] if method in ("POST", "PATCH") and message_route else []


def check_limits(method: str, path: str, body: Any) -> ErrorTree:
    """Enforce content, embed and autocomplete limits whatever the schema says."""
    tree: ErrorTree = {}
    for msg in message_payloads(method, path, body):
        prefix = ["data"] if path.endswith("/callback") else []
        content = msg.get("content")
        if isinstance(content, str) and len(content) > CONTENT_LIMIT:
            text = f"Must be {CONTENT_LIMIT} or fewer in length."
            _add_error(tree, [*prefix, "content"], "BASE_TYPE_MAX_LENGTH", text)
        embeds = msg.get("embeds") or []
        if len(embeds) > EMBEDS_LIMIT:
            text = f"Must be {EMBEDS_LIMIT} or fewer in length."
            _add_error(tree, [*prefix, "embeds"], "BASE_TYPE_MAX_LENGTH", text)
        total = sum(embed_length(e) for e in embeds if isinstance(e, dict))
        if total > EMBED_TOTAL_LIMIT:
            text = f"Embed size exceeds maximum size of {EMBED_TOTAL_LIMIT}"
            _add_error(tree, [*prefix, "embeds"], "MAX_EMBED_SIZE_EXCEEDED", text)
    if path.endswith("/callback") and isinstance(body, dict) and body.get("type") == 8:
        choices = (body.get("data") or {}).get("choices") or []
        if len(choices) > CHOICES_LIMIT:
            text = f"Must be {CHOICES_LIMIT} or fewer in length."
            _add_error(tree, ["data", "choices"], "BASE_TYPE_MAX_LENGTH", text)
        for i, choice in enumerate(choices):
            for key in ("name", "value"):
                value = choice.get(key) if isinstance(choice, dict) else None
                if isinstance(value, str) and len(value) > CHOICE_TEXT_LIMIT:
                    text = f"Must be between 1 and {CHOICE_TEXT_LIMIT} in length."
                    _add_error(tree, ["data", "choices", i, key], "BASE_TYPE_BAD_LENGTH", text)
    return tree


def embed_length(embed: dict[str, Any]) -> int:
    """Count an embed's characters the way Discord does for the 6000 total."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for field in embed.get("fields") or []:
        total += len(field.get("name") or "") + len(field.get("value") or "")
    return total


def merge_errors(*trees: ErrorTree) -> ErrorTree:
    """Merge error trees into one."""
    out: ErrorTree = {}
    for tree in trees:
        for key, value in tree.items():
            if key == "_errors":
                out.setdefault("_errors", []).extend(value)
            else:
                out[key] = merge_errors(out.get(key, {}), value)
    return out


@functools.cache
def default_validator() -> RequestValidator | None:
    """Return the validator for the default spec location (None when the spec is absent)."""
    spec = load_spec()
    return RequestValidator(spec) if spec is not None else None
