"""Conversation memory: the last exchange per conversation, expiring, bounded, per key."""

from __future__ import annotations

from commands.conversation import Conversation, Conversations
from commands.understand.types import Ask, Question


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


Q = Question(text="crs-35", ask=Ask.DESCRIBE)


def test_remembers_the_last_subject_until_it_expires() -> None:
    clock = Clock()
    conv = Conversation(clock, ttl=60)
    assert conv.recall() is None
    conv.remember(Q, ("crs-35",))
    clock.now = 59
    turn = conv.recall()
    assert turn is not None
    assert turn.subjects == ("crs-35",)
    clock.now = 61
    assert conv.recall() is None


def test_an_answer_with_no_subject_keeps_the_last_one() -> None:
    conv = Conversation(Clock(), ttl=60)
    conv.remember(Q, ("crs-35",))
    conv.remember(Q, ())
    turn = conv.recall()
    assert turn is not None
    assert turn.subjects == ("crs-35",)


def test_conversations_are_per_key_and_bounded() -> None:
    clock = Clock()
    store = Conversations(clock, ttl=60, limit=3)
    store.get(("alice", 1)).remember(Q, ("crs-35",))
    assert store.get(("bob", 1)).recall() is None
    assert store.get(("alice", 2)).recall() is None
    for i in range(10):
        store.get(("user", i)).remember(Q, ("ng-24",))
    assert len(store) <= 3
    assert store.get(("alice", 1)).recall() is None  # the oldest went first


def test_expired_conversations_are_dropped() -> None:
    clock = Clock()
    store = Conversations(clock, ttl=60, limit=100)
    for i in range(5):
        store.get(i).remember(Q, ("crs-35",))
    clock.now = 120
    store.get("new")
    assert len(store) == 1
