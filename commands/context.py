"""The loaded knowledge every command works on: the base and the indexes built once for it."""

from __future__ import annotations

from dataclasses import dataclass, field

from commands.topics import TopicMatcher
from commands.understand.lexicon import Lexicon
from knowledge.base import KnowledgeBase
from knowledge.search import SearchIndex

DEFAULT_STALE_AFTER_DAYS = 45


@dataclass(frozen=True)
class Options:
    """Operator choices that shape answers (from the settings; defaults for tests and tools)."""

    # Answers about the future say how old the base is once its as-of is older than this.
    stale_after_days: int = DEFAULT_STALE_AFTER_DAYS
    # What-ifs project routine traffic past the last recorded flight of each vehicle.
    whatif_projection: bool = True


@dataclass(frozen=True)
class Context:
    """A fact base with the indexes built once for it; swapped whole on reload."""

    kb: KnowledgeBase
    index: SearchIndex
    topics: TopicMatcher
    lexicon: Lexicon
    options: Options = field(default_factory=Options)

    @classmethod
    def build(cls, kb: KnowledgeBase, options: Options | None = None) -> Context:
        """Build the search index, topic matcher and lexicon for kb."""
        return cls(
            kb=kb,
            index=SearchIndex.build(kb),
            topics=TopicMatcher.build(kb),
            lexicon=Lexicon.build(kb),
            options=options or Options(),
        )
