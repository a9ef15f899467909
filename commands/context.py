"""The loaded knowledge every command works on: the base and the indexes built once for it."""

from __future__ import annotations

from dataclasses import dataclass

from commands.topics import TopicMatcher
from commands.understand.lexicon import Lexicon
from knowledge.base import KnowledgeBase
from knowledge.search import SearchIndex


@dataclass(frozen=True)
class Context:
    """A fact base with the indexes built once for it; swapped whole on reload."""

    kb: KnowledgeBase
    index: SearchIndex
    topics: TopicMatcher
    lexicon: Lexicon

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Context:
        """Build the search index, topic matcher and lexicon for kb."""
        return cls(
            kb=kb,
            index=SearchIndex.build(kb),
            topics=TopicMatcher.build(kb),
            lexicon=Lexicon.build(kb),
        )
