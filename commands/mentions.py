"""Every flight the texts name beside a designation no record is about ("capsule C209").

"Which flights did C209 fly" or "how many times has C209 flown" asks about several mentions,
not one sentence: the answer gathers every sentence of the base's texts that writes the
designation, the flights each names (a flight's record whose text it is, flight names in it,
and a list written short, "CRS-22, 24, 27 and 30"), and says the list and its count as the
count the texts mention, never as a complete log.
"""

from __future__ import annotations

import re

from commands.context import Context
from commands.format import collect_sources, source_lines
from commands.reply import Reply
from commands.said import Designation, designations, quoted
from commands.understand import vocabulary as vocab
from commands.understand.lexicon import Passage
from commands.understand.types import Ask, Fact, Question
from knowledge.base import KnowledgeBase
from knowledge.text import canonical

# Nouns a how-many question counts flights by ("how many times has C209 flown").
_FLIGHT_COUNTS = frozenset(canonical(w) for w in ("time", "flight", "mission", "trip", "launch"))
_QUOTED = 2  # sentences quoted after the list: enough to show where the flights come from


def asks_flights(q: Question) -> bool:
    """Whether the question asks which flights, or how many, rather than one fact."""
    if q.ask == Ask.HOW_MANY:
        return canonical(q.count_of) in _FLIGHT_COUNTS if q.count_of else False
    return (
        q.ask == Ask.LIST or Fact.MISSIONS in q.facts or bool(vocab.FLIGHTS_LISTED.search(q.text))
    )


def _prefixes(kb: KnowledgeBase) -> re.Pattern[str]:
    """A flight name as the texts write it, in the form of a recorded flight's name ("CRS-32",
    "Soyuz MS-28"), with a list written short after it (", 24, 27 and 30")."""
    heads = {m.name.rsplit("-", 1)[0] for m in kb.missions.values() if "-" in m.name}
    alts = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    return re.compile(
        rf"\b({alts})-(\d{{1,3}})\b(?![.\d])((?:,\s*\d{{1,3}}\b(?![.\d]))*(?:,?\s+and\s+\d{{1,3}}\b(?![.\d]))?)"
    )


def _programmes(kb: KnowledgeBase) -> set[tuple[str, int]]:
    """Flight-shaped names a flight's own names carry beside its number: the contract it flew
    under ("CRS-2" of "CRS-2 SpX-32"), never a flight."""
    found = set()
    for m in kb.missions.values():
        for alias in m.aliases:
            for n in _prefixes(kb).finditer(alias):
                if not m.name.endswith(f"-{n.group(2)}"):
                    found.add((n.group(1), int(n.group(2))))
    return found


def _named(ctx: Context, p: Passage) -> list[tuple[str, int]]:
    """The flights a sentence names: its record's when that is a flight, and every flight name
    written in it, a short list expanded ("CRS-22, 24" is CRS-22 and CRS-24)."""
    found: list[tuple[str, int]] = []
    own = ctx.kb.missions.get(p.record_id)
    if own is not None and "-" in own.name:
        head, num = own.name.rsplit("-", 1)
        if num.isdigit():
            found.append((head, int(num)))
    for m in _prefixes(ctx.kb).finditer(p.text):
        found.append((m.group(1), int(m.group(2))))
        found.extend((m.group(1), int(n)) for n in re.findall(r"\d+", m.group(3)))
    return found


def mentioned_flights(ctx: Context, q: Question) -> Reply | None:
    """Which flights (and how many) the texts name beside a designation the question types,
    when it asks which or how many; None when no text names a flight beside it."""
    if not asks_flights(q):
        return None
    for d in designations(q):
        if _prefixes(ctx.kb).fullmatch(d.name):
            continue  # a flight's own name ("NG-19"): no flights of its own to list
        reply = _gathered(ctx, d)
        if reply is not None:
            return reply
    return None


def _gathered(ctx: Context, d: Designation) -> Reply | None:
    by_passage: list[tuple[Passage, set[tuple[str, int]]]] = []
    for ps in ctx.lexicon.passages.values():
        for p in ps:
            if d.said.search(p.text):
                named = set(_named(ctx, p))
                if named:
                    by_passage.append((p, named))
    flights = sorted(set().union(*(n for _, n in by_passage)) - _programmes(ctx.kb))
    if not flights:
        return None
    written = d.said.search(by_passage[0][0].text)
    called = written.group() if written is not None else d.typed  # as the texts write it
    shown = [f"{h}-{n}" for h, n in flights]
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
    noun = "flight" if len(shown) == 1 else "flights"
    text = (
        f"The fact base's texts name {len(shown)} {noun} of {called}: {listed}. "
        "That is the count its texts mention, not a complete flight log."
    )
    # the fewest sentences that together name them all, the one naming most first
    left, quotes = set(flights), list[Passage]()
    while left and len(quotes) < _QUOTED:
        p, named = max(by_passage, key=lambda x: (len(x[1] & left), -len(x[0].text)))
        if not named & left:
            break
        quotes.append(p)
        left -= named
    text += " " + " ".join(quoted(ctx, p) for p in quotes)
    ids = collect_sources(*(p.sources for p in quotes))
    records = tuple(dict.fromkeys(p.record_id for p, _ in by_passage))
    return Reply(
        kind="answer",
        title=called,
        text=text,
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=records,
    )
