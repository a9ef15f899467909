"""The sentence that gives a why-question's reason, from the topic and the records asked about."""

from __future__ import annotations

from dataclasses import dataclass

from commands.context import Context
from commands.understand import vocabulary as vocab
from commands.understand.thresholds import REASON_SHARE
from commands.understand.types import Question
from knowledge.text import sentences, words

WEAK_KINDS = ("organization", "station")  # their sentences rarely give a flight's reason


@dataclass(frozen=True)
class Reason:
    """A sentence that gives the reason, and where it was read."""

    text: str
    record_id: str  # the record (or the topic) whose text holds it
    sources: tuple[str, ...]


def gives_reason(sentence: str) -> bool:
    """Whether a sentence states a reason ("after the pad damage", "because", "accused")."""
    return vocab.REASON_SAID.search(sentence) is not None


def reason_for(ctx: Context, q: Question, topic_id: str, body: str) -> Reason | None:
    """The sentence that carries the reason when the topic's first sentence states none: one
    of the topic's own, else one of the named records' texts, sharing the most asked words."""
    parts = sentences(body)
    if not parts or gives_reason(parts[0]) or not q.words:
        return None
    asked = frozenset(q.words)
    weight = ctx.lexicon.weight

    def score(ws: frozenset[str]) -> float:
        return sum(weight(w) for w in asked & ws)

    first = score(frozenset(words(parts[0])))
    best: tuple[float, int, Reason] | None = None
    for part in parts[1:]:
        s = score(frozenset(words(part)))
        fits = s > 0 and s >= first * REASON_SHARE and gives_reason(part)
        if fits and (best is None or s > best[0]):
            best = (s, 1, Reason(part, topic_id, ()))
    ids = [s.record_id for s in q.subjects if s.kind not in WEAK_KINDS and s.kind != "topic"]
    for rid in dict.fromkeys(ids):
        for p in ctx.lexicon.passages.get(rid, ()):
            s = score(p.words)
            if s <= 0 or s < first * REASON_SHARE or not gives_reason(p.text) or p.text in body:
                continue
            if best is None or (s, 0) > best[:2]:
                best = (s, 0, Reason(p.text, rid, p.sources))
    return best[2] if best is not None else None
