"""Deep read-only records: every dict inside a validated (frozen) model becomes a FrozenDict."""

from __future__ import annotations

import typing
from typing import Any, NoReturn

from pydantic import BaseModel


class FrozenDict(dict[Any, Any]):
    """A dict that refuses every change: the mappings inside loaded (frozen) records."""

    def _read_only(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("the fact base is read-only: a reload builds a new one")

    __setitem__ = __delitem__ = __ior__ = _read_only
    clear = pop = popitem = setdefault = update = _read_only

    def __reduce__(self) -> tuple[type[FrozenDict], tuple[dict[Any, Any]]]:
        return (FrozenDict, (dict(self),))


_FREEZE: dict[type[BaseModel], tuple[str, ...]] = {}


def freeze(model: BaseModel) -> None:
    """Replace every dict inside a validated (frozen) model by a FrozenDict, recursively."""
    for name in _freeze_plan(type(model)):
        value = getattr(model, name)
        if isinstance(value, dict) and not isinstance(value, FrozenDict):
            object.__setattr__(model, name, FrozenDict(value))
        _freeze_value(value)


def _freeze_value(value: object) -> None:
    if isinstance(value, BaseModel):
        freeze(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _freeze_value(item)
    elif isinstance(value, dict):
        for item in value.values():
            _freeze_value(item)


def _freeze_plan(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of cls that may hold a dict, directly or inside nested models."""
    plan = _FREEZE.get(cls)
    if plan is None:
        _FREEZE[cls] = ()  # breaks recursion through self-referencing models
        plan = tuple(n for n, f in cls.model_fields.items() if _may_hold_dict(f.annotation))
        _FREEZE[cls] = plan
    return plan


def _may_hold_dict(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return bool(_freeze_plan(annotation))
    origin = typing.get_origin(annotation)
    if origin is dict:
        return True
    return any(_may_hold_dict(a) for a in typing.get_args(annotation))
