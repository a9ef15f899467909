"""The sentence that gives a why-question's reason, from the topic and the records asked about."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from commands.context import Context
from commands.understand import vocabulary as vocab
from commands.understand.thresholds import REASON_SHARE
from commands.understand.types import Question
from knowledge.text import sentences, words

WEAK_KINDS = ("organization", "station")  # their sentences rarely give a flight's reason
STRONG = 2  # "because", "due to", "moved up after …": the sentence says why in so many words
EVENT = 1  # "damaged in transit", "failed", or (asked why not) "cannot", "only", "never"
# Words of a name that say what kind of thing it is, not which ("Cargo Dragon", "Site 31/6").
_KIND_WORDS = vocab.GENERIC_NOUNS | frozenset(words("cargo crew launch site complex space station"))


@dataclass(frozen=True)
class Reason:
    """A sentence that gives the reason, and where it was read."""

    text: str
    record_id: str  # the record (or the topic) whose text holds it
    sources: tuple[str, ...]


def strength(sentence: str, *, relation: bool = False) -> int:
    """How plainly a sentence gives a reason: STRONG for a causal word or a change "after"
    something, EVENT for what went wrong (or, for a why-not, what only one thing does, or
    cannot be done), else 0; never a report the sentence calls an error."""
    if vocab.RETRACTED.search(sentence):
        return 0
    if vocab.REASON_STRONG.search(sentence) or vocab.REASON_AFTER.search(sentence):
        return STRONG
    if vocab.REASON_EVENT.search(sentence):
        return EVENT
    return EVENT if relation and vocab.RELATION_SAID.search(sentence) else 0


def gives_reason(sentence: str) -> bool:
    """Whether a sentence states a reason ("moved up after the pad damage", "accused")."""
    return strength(sentence) > 0


def asks_why_not(q: Question) -> bool:
    """Whether a why-question asks why something is not, cannot or must be ("why isn't it
    used", "why can't X just …", "why does it need …"): a limit is then its reason."""
    return bool(
        vocab.NEGATION.search(q.text)
        or vocab.RELATION_ASK.search(q.text)
        or vocab.NEED_ASK.search(q.text)
    )


@dataclass(frozen=True)
class _Said:
    text: str
    record_id: str
    sources: tuple[str, ...]
    group: int  # 0: the text answered from; 1: the records asked about or linked to it


def reason_for(ctx: Context, q: Question, own_id: str, body: str | None = None) -> Reason | None:
    """The sentence that carries the reason for what the question asks, ranked by the asked
    words it shares, then the asked records it names, then its own text before a linked
    record's, then how plainly it says why: the first sentence of body (a topic's answer;
    else the record's own texts) when it already gives a reason, else any of body, the named
    records' and (for a topic) its related records' texts, their recorded schedule notes
    included. None when no sentence sharing enough of the asked words gives a reason."""
    relation = asks_why_not(q)
    asked = frozenset(q.words)
    weight = ctx.lexicon.weight
    subjects = [s.record_id for s in q.subjects if s.kind not in WEAK_KINDS and s.kind != "topic"]
    named_by = {rid: _name_words(ctx, rid) for rid in dict.fromkeys(subjects)}

    def share(text: str) -> float:
        return sum(weight(w) for w in asked & _word_set(text))

    def naming(said: _Said) -> tuple[int, int]:
        """The asked records a sentence names: the rank of the one it names first (the first
        asked scores most), then how many."""
        order = list(words(said.text))
        at = {
            rid: 0 if rid == said.record_id else min(order.index(w) for w in own & set(order))
            for rid, own in named_by.items()
            if rid == said.record_id or own & set(order)
        }
        if not at:
            return (0, 0)
        lead = min(at, key=lambda rid: at[rid])
        return (len(named_by) - list(named_by).index(lead), len(at))

    changes = [said for asked_as, said in vocab.CHANGE_KINDS if asked_as.search(q.text)]

    def fits(text: str) -> bool:
        return any(c.search(text) for c in changes)

    own = list(_own(ctx, own_id, body))
    if not own:
        return None
    top = max(share(s.text) for s in own)
    first = own[0]
    if strength(first.text, relation=relation) and share(first.text) >= top * REASON_SHARE:
        return Reason(first.text, first.record_id, first.sources)
    linked = [*dict.fromkeys(subjects), *sorted(ctx.topics.related.get(own_id, ()))]
    best: tuple[tuple[float, bool, tuple[int, int], int, int, int], _Said] | None = None
    for i, said in enumerate([*own, *_linked(ctx, own_id, linked)]):
        plain = strength(said.text, relation=relation)
        if not plain:
            continue
        s = share(said.text)
        names = naming(said)
        if said.group and (s < top * REASON_SHARE or not (s or names[0])):
            continue  # a linked record's sentence must share asked words or name a record
        key = (s, fits(said.text), names, -said.group, plain, -i)
        if best is None or key > best[0]:
            best = (key, said)
    if best is None:
        return None
    said = best[1]
    return Reason(said.text, said.record_id, said.sources)


@functools.lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    """A sentence's words, kept: the base's sentences are weighed again for every why."""
    return frozenset(words(text))


def _name_words(ctx: Context, rid: str) -> frozenset[str]:
    """The words of a record's names that say which record it is ("endurance", "crs")."""
    rec = ctx.kb.get(rid)
    if rec is None:
        return frozenset()
    return frozenset(w for w in words(rec.name) if len(w) > 2 and w not in _KIND_WORDS)


def _own(ctx: Context, own_id: str, body: str | None) -> Iterator[_Said]:
    """The sentences answered from: body's, else the record's own texts and schedule notes."""
    if body is not None:
        for part in sentences(body):
            yield _Said(part, own_id, (), 0)
        return
    for p in ctx.lexicon.passages.get(own_id, ()):
        yield _Said(p.text, own_id, p.sources, 0)
    yield from _schedule_notes(ctx, own_id, 0)


def _linked(ctx: Context, own_id: str, ids: Iterable[str]) -> Iterator[_Said]:
    """The texts of the records asked about and linked to the answer, never its own."""
    for rid in dict.fromkeys(ids):
        if rid == own_id or ctx.kb.kind_of(rid) in (*WEAK_KINDS, "topic"):
            continue
        for p in ctx.lexicon.passages.get(rid, ()):
            yield _Said(p.text, rid, p.sources, 1)
        yield from _schedule_notes(ctx, rid, 1)


def _schedule_notes(ctx: Context, rid: str, group: int) -> Iterator[_Said]:
    """A flight's recorded schedule changes with their notes, as sentences ("Crew-12: moved
    up after the Crew-11 medical evacuation (planned 11 February 2026).")."""
    m = ctx.kb.missions.get(rid)
    if m is None:
        return
    for e in m.schedule:
        if e.note:
            text = f"{m.name}: {e.note.rstrip('.')} (planned {e.planned.text()})."
            yield _Said(text, rid, e.sources, group)
