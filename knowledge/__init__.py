"""The facts and everything that reads them: schema, loader, search. Never imports discord."""

from knowledge.base import KnowledgeBase
from knowledge.loader import DEFAULT_DATA, LoadError, check, load
from knowledge.yamlfile import Problem

__all__ = ["DEFAULT_DATA", "KnowledgeBase", "LoadError", "Problem", "check", "load"]
