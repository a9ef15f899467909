"""What a conversation remembers between messages: the subject of its last exchange.

A `Conversation` is one session (the console, `ask --jsonl`); `Conversations` holds one per
key (a Discord user in a channel), bounded and expiring, read against a clock the caller
passes (tests pass a fake one). Nothing here knows about Discord.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from commands.understand.thresholds import CONVERSATION_TTL_SECONDS, CONVERSATIONS_MAX
from commands.understand.types import Question

Clock = Callable[[], float]  # seconds, monotonic enough for expiry


@dataclass(frozen=True)
class Turn:
    """The last exchange: what was asked and which records the answer was about."""

    question: Question
    subjects: tuple[str, ...]  # record ids, the main one first
    others: tuple[str, ...] = ()  # the other choices when the answer picked one ("the other one")
    at: float = 0.0
    named: tuple[str, ...] = ()  # records the answer's text names, in order ("that pad")


class Conversation:
    """One conversation's memory of its last exchange, forgotten after ttl seconds."""

    def __init__(self, clock: Clock = time.monotonic, ttl: float = CONVERSATION_TTL_SECONDS):
        self.clock = clock
        self.ttl = ttl
        self._last: Turn | None = None

    def recall(self) -> Turn | None:
        """The last exchange, if it is recent enough to lean on."""
        if self._last is None:
            return None
        if self.clock() - self._last.at > self.ttl:
            self._last = None
        return self._last

    def remember(
        self,
        question: Question,
        subjects: tuple[str, ...],
        others: tuple[str, ...] = (),
        named: tuple[str, ...] = (),
    ) -> None:
        """Keep this exchange as the one follow-ups refer to (nothing when it had no subject)."""
        if subjects:
            self._last = Turn(question, subjects, others, self.clock(), named)

    def forget(self) -> None:
        """Drop what was remembered."""
        self._last = None


class Conversations:
    """Conversations by key (user and channel), at most `limit`, each expiring after ttl."""

    def __init__(
        self,
        clock: Clock = time.monotonic,
        ttl: float = CONVERSATION_TTL_SECONDS,
        limit: int = CONVERSATIONS_MAX,
    ) -> None:
        self.clock = clock
        self.ttl = ttl
        self.limit = limit
        self._by_key: OrderedDict[Hashable, Conversation] = OrderedDict()

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, key: Hashable) -> Conversation:
        """The conversation for this key (a new one if none, or if it expired)."""
        self._expire()
        found = self._by_key.get(key)
        if found is None:
            found = Conversation(self.clock, self.ttl)
            self._by_key[key] = found
            while len(self._by_key) > self.limit:
                self._by_key.popitem(last=False)
        self._by_key.move_to_end(key)
        return found

    def _expire(self) -> None:
        """Drop the least recently used conversations that have nothing live to recall."""
        while self._by_key:
            key, oldest = next(iter(self._by_key.items()))
            if oldest.recall() is not None:
                break
            del self._by_key[key]
