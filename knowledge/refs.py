"""Where a fact-base model refers to other records: discovered once per model class."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from knowledge.schema import RefTo

if TYPE_CHECKING:  # yaml is not needed to read a cached base
    from knowledge.yamlfile import PathKey


def refs(model: BaseModel, loc: PathKey) -> Iterator[tuple[PathKey, RefTo, str]]:
    """Every reference in a validated record: (path, marker, referenced id)."""
    for name, plan in _plan(type(model)):
        value = getattr(model, name)
        yield from _walk_value(value, plan, loc + (name,))


_Plan = tuple[RefTo | None, bool]  # (reference marker, whether nested models may appear)
_PLANS: dict[type[BaseModel], list[tuple[str, _Plan]]] = {}


def _plan(cls: type[BaseModel]) -> list[tuple[str, _Plan]]:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = []
        for name, info in cls.model_fields.items():
            ref = ref_of(info)
            nested = _has_model(info.annotation)
            if ref or nested:
                plan.append((name, (ref, nested)))
        _PLANS[cls] = plan
    return plan


def ref_of(info: FieldInfo) -> RefTo | None:
    """The reference marker of a model field, if the field holds ids of records."""
    return _find_ref(info.metadata) or _find_ref_in(info.annotation)


def _find_ref(metadata: list[Any] | tuple[Any, ...]) -> RefTo | None:
    for m in metadata:
        if isinstance(m, RefTo):
            return m
    return None


def _find_ref_in(annotation: Any) -> RefTo | None:
    if typing.get_origin(annotation) is typing.Annotated:
        found = _find_ref(annotation.__metadata__)
        if found:
            return found
    for arg in typing.get_args(annotation):
        found = _find_ref_in(arg)
        if found:
            return found
    return None


def _has_model(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _has_model(typing.get_args(annotation)[0])
    if origin in (tuple, list, dict, typing.Union, types.UnionType):
        return any(_has_model(a) for a in typing.get_args(annotation))
    return False


def _walk_value(value: Any, plan: _Plan, loc: PathKey) -> Iterator[tuple[PathKey, RefTo, str]]:
    ref, nested = plan
    if value is None:
        return
    if isinstance(value, str):
        if ref is not None:
            yield loc, ref, value
    elif isinstance(value, BaseModel):
        if nested:
            yield from refs(value, loc)
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _walk_value(item, plan, loc + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_value(item, plan, loc + (str(key),))


def raw_refs(
    cls: type[BaseModel], item: dict[str, Any], loc: PathKey
) -> Iterator[tuple[PathKey, RefTo, str]]:
    """The references in a record that failed validation, read from its raw data."""
    for name, (ref, nested) in _plan(cls):
        value = item.get(name)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, v in values:
            here = loc + (name,) if i is None else loc + (name, i)
            if ref is not None and isinstance(v, str):
                yield here, ref, v
            elif nested and isinstance(v, dict):
                sub = model_in(cls.model_fields[name].annotation)
                if sub is None:
                    continue
                if set(v) & set(sub.model_fields) or not v:
                    yield from raw_refs(sub, v, here)
                else:  # dict[key, Model]
                    for key, inner in v.items():
                        if isinstance(inner, dict):
                            yield from raw_refs(sub, inner, here + (str(key),))


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The (first) model class inside an annotation: tuple[X, ...], X | None, dict[K, X]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None
