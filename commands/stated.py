"""Counts the base's own texts state: "six ISS reboosts", "520 launches", "four flights".

A how-many question first looks for a number written beside the noun it counts in the texts
of the records it names (summary, facts, events, disputes) and of the topics about them, or,
naming none, in any text that covers its words. Counting tracked flights (commands/count.py)
is right only for flights of the missions the base tracks, and never when a record states its
own count ("Gagarin's Start: 520 launches") or the count asked is of something else
("reboosts", "missions in the contract").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from commands.context import Context
from commands.facts import has_fact
from commands.format import (
    collect_sources,
    day_text,
    dispute_sources,
    outcome_date,
    publishers,
    source_lines,
)
from commands.reply import Reply
from commands.understand import vocabulary as vocab
from commands.understand.lexicon import Passage
from commands.understand.prefilter import phrases
from commands.understand.thresholds import SENTENCE_SHARE
from commands.understand.types import Fact, Question
from knowledge.schema import Record
from knowledge.text import canonical, fold_word, words

# Nouns that count the flights the base tracks as missions: a count of them may be computed.
FLIGHT_NOUNS = frozenset(words("flight mission launch time trip run docking visit"))
# Nouns of time and units: "how many days" asks for a duration, "how many kg" an amount.
UNIT_NOUNS = frozenset(
    words(
        "day week month year hour minute second kg kgs kilo kilogram ton tonne pound lb lbs "
        "dollar usd euro rouble ruble liter litre meter metre km mile percent"
    )
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty dozen dozens hundred hundreds
    a-dozen""".split()
)
_NUMBER = phrases(r"^(?:\d[\d,.]*\+?|~\d[\d,.]*)$")
_YEAR = phrases(r"^(?:19|20)\d\d$")
_TOKEN = phrases(r"[\w'.,~+-]+")
_ASKED = phrases(r"\b(?:how many|number of)\s+((?:[\w'-]+\s*){1,4})", re.I)
_STOP = frozenset(
    """did do does is are was were have has had will would can could should the a an of in on
    at from to for by with were been be that this there left so far total""".split()
)
_VERB_ENDINGS = ("ed", "ing")
_TAKES = 3  # words allowed between a number and its noun ("12 small experimental heat-shield
# capsules", "six ISS reboosts")
COUNTED_CACHE = 65_536  # (passage text, noun) pairs remembered by _counts


@dataclass(frozen=True)
class Stated:
    """A passage that states a count of the noun asked about, and how well it fits."""

    passage: Passage
    score: float  # share of the question's words it covers, more for the named record's own
    share: float  # share of the question's words it covers


def counted_noun(q: Question) -> str:
    """The noun a how-many question counts, as words() keeps it ("reboost", "launch", "crew");
    names of the records it names are skipped ("how many Starliner flights": "flight")."""
    m = _ASKED.search(q.text)
    if m is None:
        return ""
    named = [(s.start, s.end) for s in q.subjects] + [(g[0].start, g[0].end) for g in q.ambiguous]
    tokens: list[str] = []
    for t in re.finditer(r"[\w'-]+", m.group(1)):
        start = m.start(1) + t.start()
        word = t.group().lower()
        if word in _STOP:
            break
        if any(a <= start < b for a, b in named):
            continue
        tokens.append(word)
    plural = [t for t in tokens if len(t) > 3 and t.endswith("s") and not t.endswith("ss")]
    head = plural[0] if plural else (tokens[0] if tokens else "")
    noun = canonical(fold_word(head)) if head else ""
    if noun in _CRAFT and _LAUNCHED.search(q.text[m.start(1) :]):
        return _LAUNCH  # "how many rockets launched from X": its launches
    return noun


# "rockets", "ships" counted with a verb of launching are launches.
_CRAFT = frozenset(words("rocket ship spacecraft freighter vehicle capsule booster"))
_LAUNCHED = phrases(r"\b(?:launch\w*|flew|flown|fl[yi]\w*|lifted off|went up|gone up)\b", re.I)
_LAUNCH = canonical("launch")
# Nouns that count the same thing in a record's texts: "flights from the pad", "520 launches".
_SAME_COUNT = frozenset(words("flight launch mission"))


def _nouns(noun: str) -> frozenset[str]:
    """The nouns a text may count the asked one by ("flights" from a pad: its launches)."""
    return _SAME_COUNT if noun in _SAME_COUNT else frozenset({noun})


def _count_in(passage: Passage, noun: str) -> bool:
    """Whether the passage writes a number just before the noun ("over 21 missions")."""
    return _counts(passage.text, noun)


@functools.lru_cache(maxsize=COUNTED_CACHE)
def _counts(text: str, noun: str) -> bool:
    """_count_in on a text; pure, so remembered (the base's passages are few and fixed)."""
    tokens = [t.strip(".,").lower() for t in _TOKEN.findall(text)]
    nouns = _nouns(noun)
    for i, tok in enumerate(tokens):
        if not tok or canonical(fold_word(tok)) not in nouns or tok.endswith(_VERB_ENDINGS):
            continue  # "Falcon 9 launched": a verb after a name's number counts nothing
        for back in range(1, _TAKES + 2):
            j = i - back
            if j < 0:
                break
            if _YEAR.match(tokens[j]):
                break  # "26 February 2026 for its reboost campaign": a date, not a count
            if _NUMBER.match(tokens[j]) or tokens[j] in _NUMBER_WORDS:
                return True
    return False


def stated_passages(ctx: Context, q: Question, noun: str) -> list[Stated]:
    """Passages stating a count of the noun: in the named records and the topics about them,
    or (naming none) anywhere, when they cover the question's words; best first."""
    ids = list(dict.fromkeys(q.record_ids))
    asked = frozenset(q.words)
    typed = set(re.findall(r"\d[\d.,]*\d|\d", q.text))
    pool: list[Passage] = []
    if ids:
        topics = [tid for tid, rel in ctx.topics.related.items() if rel & set(ids)]
        for rid in ids + topics:
            pool += ctx.lexicon.passages.get(rid, ())
    elif asked:  # only passages that use one of the nouns can state a count of it
        by_word = ctx.lexicon.by_word
        pool = list({id(p): p for n in _nouns(noun) for p in by_word.get(n, ())}.values())
    found: list[Stated] = []
    weight = {w: ctx.lexicon.weight(w) for w in asked}
    total = sum(weight.values()) or 1.0
    nouns = _nouns(noun)
    typed -= _numbers_of(q)  # "33" of CRS-33 is a name, not a count the text should repeat
    for p in pool:
        # (a pool drawn from by_word already uses one of the nouns)
        if (ids and not (nouns & p.words)) or not _counts(p.text, noun):
            continue
        share = sum(weight[w] for w in asked & p.words) / total if asked else 0.0
        if typed:
            share += sum(0.5 for t in typed if t in p.text)
        own = p.record_id in ids
        if not ids and share < SENTENCE_SHARE:
            continue
        if ids and asked and not own and share < SENTENCE_SHARE:
            continue  # a topic beside the record must speak to the question's words
        found.append(Stated(p, share + (0.25 if own else 0.0), share))
    found.sort(key=lambda s: (-s.score, s.passage.date is not None, len(s.passage.text)))
    return found


def _numbers_of(q: Question) -> set[str]:
    """Numbers that are part of the names the question uses ("33" of CRS-33)."""
    out: set[str] = set()
    for s in q.subjects:
        out.update(re.findall(r"\d+", q.text[s.start : s.end]))
    return out


def stated_count(ctx: Context, q: Question) -> Reply | None:
    """The reply stating a count the base's texts give for the noun asked about, when that,
    not a count of tracked flights or a field of the record, answers the question."""
    noun = counted_noun(q)
    if not noun or noun in UNIT_NOUNS:
        return None
    if any(
        has_fact(r, f) and noun in vocab.FACT_WORDS.get(f, frozenset())
        for r in _records(ctx, q)
        for f in q.facts
        if f in _FIELD_COUNTS
    ):
        return None  # "how many people does Crew Dragon seat": the record's field counts them
    if noun == _TIMES:  # "how many times did CRS-33 reboost": its reboosts
        for verb in _verbs_after(q):
            said = stated_passages(ctx, q, verb)
            if said:
                return _answer(ctx, said[0].passage, verb)
    found = stated_passages(ctx, q, noun)
    if not found:
        return None
    best = found[0]
    if noun not in FLIGHT_NOUNS:
        return _answer(ctx, best.passage, noun)
    # Flights: the tracked count answers, unless the question narrows by words the stated
    # count covers ("left in the contract"), or the record states its own lifetime count.
    if q.year is not None or _PLANNED.search(q.text):
        return None
    if q.subjects and all(s.kind in ("organization", "station") for s in q.subjects):
        return None  # "how many missions has NASA flown": who flies what is counted
    if q.words:
        return _answer(ctx, best.passage, noun) if best.share >= SENTENCE_SHARE else None
    scope = [s for s in q.subjects if s.kind in ("pad", "vehicle")]
    own = [s for s in scope if s.record_id == best.passage.record_id]
    if not own:
        return None
    tracked = tracked_flights(ctx, own[0].record_id)
    if tracked and own[0].kind != "pad":
        return None  # a vehicle's flights are the ones the base tracks
    extra = ""
    if tracked:
        first = min(tracked)
        extra = (
            f"The fact base tracks {len(tracked)} of them, the first on "
            f"{day_text(first)} (as of {day_text(ctx.kb.as_of)})."
        )
    return _answer(ctx, best.passage, noun, extra)


_TIMES = canonical("times")


def _verbs_after(q: Question) -> list[str]:
    """The content words after the names in "how many times did X reboost the station"."""
    end = min((s.end for s in q.subjects if s.kind not in ("station", "organization")), default=-1)
    if end < 0:
        return []
    return [w for w in words(q.text[end:]) if w not in FLIGHT_NOUNS]


_PLANNED = phrases(r"\b(?:planned|scheduled|upcoming|coming|future|will|next)\b", re.I)
# Facts a record's own field counts: asked of a record that has them, the field answers.
_FIELD_COUNTS = (Fact.CREW_SIZE, Fact.CREW, Fact.CAPACITY, Fact.CARGO, Fact.COST, Fact.MASS)


def _records(ctx: Context, q: Question) -> list[Record]:
    return [r for r in (ctx.kb.get(s.record_id) for s in q.subjects) if r is not None]


def tracked_flights(ctx: Context, rid: str) -> list[dt.date]:
    """Launch dates of the flights the base tracks from a pad or of a vehicle."""
    out = []
    for m in ctx.kb.missions.values():
        launched = outcome_date(m)
        if launched is not None and rid in (m.pad, m.vehicle, m.launcher):
            out.append(launched.start)
    return out


def _answer(ctx: Context, p: Passage, noun: str, extra: str = "") -> Reply:
    """The passage's reply, or, when the sources disagree on that count, all of them."""
    return _disputed(ctx, p, noun, extra) or passage_reply(ctx, p, extra)


def _disputed(ctx: Context, p: Passage, noun: str, extra: str = "") -> Reply | None:
    """A count the sources disagree on: the passage's record has a dispute about the counted
    noun (its "about" or a claim counts it), so the reply says so and gives every claim."""
    rec = ctx.kb.get(p.record_id)
    if rec is None:
        return None
    nouns = _nouns(noun)
    for d in rec.disputes:
        about = {canonical(w) for w in words(d.about)}
        if not (about & nouns or any(_counts(c.says, noun) for c in d.claims)):
            continue
        if not any(_counts(c.says, noun) for c in d.claims):
            continue  # a dispute about launches, not about how many
        claims = "; ".join(
            f"{c.says.rstrip('.')} ({publishers(ctx.kb, c.sources)})" for c in d.claims
        )
        tail = f" {d.assessment}" if d.assessment else ""
        text = f"Sources disagree on {d.about[:1].lower()}{d.about[1:]}: {claims}.{tail} {extra}"
        ids = collect_sources(dispute_sources([d]))
        return Reply(
            kind="answer",
            title=rec.name,
            text=text.strip(),
            sources=source_lines(ctx.kb, ids),
            source_ids=ids,
            as_of=ctx.kb.as_of,
            entities=(rec.id,),
            more=rec.id,
        )
    return None


def passage_reply(ctx: Context, p: Passage, extra: str = "") -> Reply:
    """A reply whose lead is one passage of a record's texts (named if it does not say whose)."""
    rec = ctx.kb.get(p.record_id)
    name = rec.name if rec is not None else p.record_id
    lead = p.text if name.split()[0].lower() in p.text.lower() else f"{name}: {p.text}"
    if not re.search(r"[.!?\"”)]$", lead):
        lead += "."
    ids = collect_sources(p.sources)
    return Reply(
        kind="answer",
        title=name,
        text=f"{lead} {extra}".strip(),
        sources=source_lines(ctx.kb, ids),
        source_ids=ids,
        as_of=ctx.kb.as_of,
        entities=(p.record_id,),
        more=p.record_id,
    )
