"""The facts and everything that reads them: schema, loader, search. Never imports discord.

The loader (and with it yaml and rapidfuzz) is imported on first use of these names, so a
start-up that reads the validated base from the cache (knowledge/cache.py) never loads it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from knowledge.base import KnowledgeBase
    from knowledge.loader import DEFAULT_DATA, LoadError, check, load
    from knowledge.yamlfile import Problem

_HOMES = {
    "DEFAULT_DATA": "knowledge.loader",
    "KnowledgeBase": "knowledge.base",
    "LoadError": "knowledge.loader",
    "Problem": "knowledge.yamlfile",
    "check": "knowledge.loader",
    "load": "knowledge.loader",
}


def __getattr__(name: str) -> Any:
    """The re-exported names, each imported from its module when first asked for."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'knowledge' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)


__all__ = ["DEFAULT_DATA", "KnowledgeBase", "LoadError", "Problem", "check", "load"]
