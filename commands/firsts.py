"""A rank of a kind asked of a pad or vehicle ("the first crewed launch from SLC-40", "the last
cargo flight from 39A"): the kind read from the question, the record's own sentence stating
that rank, else the recorded flights of that kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from commands.format import outcome_date
from commands.understand.prefilter import phrases
from commands.understand.types import Question
from commands.understand.vocabulary import RANK_LIMITS
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.names import names_of
from knowledge.schema import Event, Fact, Mission, Pad, Record, Vehicle
from knowledge.text import fold_tokens, sentences

# The ranks asked: "first crewed launch", "the last cargo flight", "most recent Cygnus launch".
FIRST = phrases(r"\b(?:first|earliest|maiden)\b", re.I)
LAST = phrases(r"\b(?:last|latest|final|most recent)\b", re.I)
# Words that ask a crewed or a cargo kind ("launch people", "uncrewed"); names are blanked first
# ("Crew Dragon" is a name, not a kind).
CREWED = phrases(
    r"\b(?:crew(?:ed|s)?|manned|humans?|people|persons?|astronauts?|cosmonauts?|passengers?)\b",
    re.I,
)
CARGO = phrases(r"\b(?:cargo|uncrewed|unmanned|supply|resupply|freighters?)\b", re.I)
# The noun a rank ranks in a sentence ("the first crewed launch from ..."): the rank's words stop
# there.
_RANKED_NOUN = phrases(
    r"\b(?:launch\w*|flights?|flew|missions?|dock\w*|berth\w*|visits?|ships?)\b", re.I
)
# Words between a rank and its noun that narrow nothing ("the first ever crewed launch").
_NEUTRAL = frozenset(("the", "a", "an", "ever", "one", "single", "of", "its", "pad's", "s"))


@dataclass(frozen=True)
class Kind:
    """The kind a rank is asked of: crewed (True), cargo (False) or either (None), and the
    vehicles and pads named beside the subject."""

    crewed: bool | None
    vehicles: tuple[Vehicle, ...]
    pads: tuple[Pad, ...]

    def said(self) -> str:
        """The kind in words, before the ranked noun: "crewed", "Cygnus", "cargo Cygnus"."""
        adj = {True: ["crewed"], False: ["cargo"], None: []}[self.crewed]
        craft = [v.name for v in self.vehicles if v.kind != "launch-vehicle"]
        return " ".join([*adj, *craft])

    def where(self) -> str:
        """The rockets and pads the kind names, after the ranked noun: " on Falcon 9"."""
        rockets = [v.name for v in self.vehicles if v.kind == "launch-vehicle"]
        on = f" on {' and '.join(rockets)}" if rockets else ""
        return on + "".join(f" from {p.name}" for p in self.pads)

    def fits(self, m: Mission) -> bool:
        """Whether a recorded flight is of this kind."""
        if self.crewed is not None and m.kind != ("crew" if self.crewed else "cargo"):
            return False
        if not all(v.id in (m.vehicle, m.launcher) for v in self.vehicles):
            return False
        return all(p.id == m.pad for p in self.pads)


@dataclass(frozen=True)
class Said:
    """A sentence of the record's own that speaks of the rank, with its date when dated."""

    date: FuzzyDate | None
    text: str
    sources: tuple[str, ...]


def _blank_names(text: str, recs: Sequence[Record]) -> str:
    """The text without the names of the records it names ("crew dragon" is no kind word)."""
    for rec in recs:
        for n in sorted(names_of(rec), key=len, reverse=True):
            toks = fold_tokens(n)
            if toks:
                pattern = r"\b" + r"[\W_]*".join(re.escape(t) for t in toks) + r"\b"
                text = re.sub(pattern, " ", text, flags=re.I)
    return text


def asked_kind(kb: KnowledgeBase, q: Question, subject: Record) -> Kind | None:
    """The kind of flight a rank question narrows to, or None when it asks of any flight (a
    kind the subject itself is, "the first crewed Crew Dragon flight", narrows nothing)."""
    named = [r for rid in q.record_ids if (r := kb.get(rid)) is not None]
    rest = _blank_names(q.text, named)
    crewed = True if CREWED.search(rest) else False if CARGO.search(rest) else None
    vehicles = tuple(r for r in named if isinstance(r, Vehicle) and r.id != subject.id)
    pads = tuple(r for r in named if isinstance(r, Pad) and r.id != subject.id)
    own = {True: "crew-spacecraft", False: "cargo-spacecraft", None: ""}[crewed]
    if isinstance(subject, Vehicle) and subject.kind == own:
        crewed = None  # its own kind
    if crewed is None and not vehicles and not pads:
        return None
    return Kind(crewed, vehicles, pads)


def _narrower(span: str, asked: set[str]) -> bool:
    """Whether the words between a rank and its noun narrow it beyond what was asked ("the
    first Cygnus XL" is not the first Cygnus)."""
    for w in fold_tokens(span):
        if w in asked or w in _NEUTRAL or CREWED.fullmatch(w) or CARGO.fullmatch(w):
            continue
        return True
    return False


def _has_kind(span: str, kind: Kind) -> bool:
    """Whether the rank's words name the asked kind."""
    if kind.crewed is True and not CREWED.search(span):
        return False
    if kind.crewed is False and not CARGO.search(span):
        return False
    folded = " ".join(fold_tokens(span))
    for v in kind.vehicles:
        if not any(" ".join(fold_tokens(n)) in folded for n in names_of(v) if fold_tokens(n)):
            return False
    return True


def own_sentences(rec: Record) -> list[Said]:
    """The record's dated history (or events) and its facts, sentence by sentence."""
    out: list[Said] = []
    dated: Sequence[Event] = rec.history if isinstance(rec, Pad) else getattr(rec, "events", ())
    for e in sorted(dated, key=lambda e: e.date.start):
        out += [Said(e.date, s, tuple(e.sources)) for s in sentences(e.what)]
    facts: Sequence[Fact] = getattr(rec, "facts", ())
    for f in facts:
        out += [Said(None, s, tuple(f.sources)) for s in sentences(f.text)]
    return out


def stated(rec: Record, kind: Kind, q: Question, last: bool) -> tuple[Said | None, Said | None]:
    """The record's own sentence stating the asked rank of the asked kind, and else one that
    states it only with a limit the question lacks ("the first crewed launch from the pad since
    its repair"), to be said as what is recorded."""
    rank = LAST if last else FIRST
    asked = set(fold_tokens(q.text))
    limited_q = RANK_LIMITS.search(q.text) is not None
    found: Said | None = None
    limited: Said | None = None
    for said in own_sentences(rec):
        for at in rank.finditer(said.text):
            noun = _RANKED_NOUN.search(said.text, at.end())
            if noun is None or len(said.text[at.end() : noun.start()].split()) > 4:
                continue
            span = said.text[at.end() : noun.start()]
            if not _has_kind(span, kind) or _narrower(span, asked):
                continue
            limit = RANK_LIMITS.search(said.text, noun.end())
            if limit is not None and not limited_q:
                limited = limited or said
                continue
            found = found or said
    return found, limited


def flights(kb: KnowledgeBase, subject: Record, kind: Kind, last: bool) -> list[Mission]:
    """The recorded flights (launched) of the asked kind from the pad or of the vehicle, in the
    asked order (the earliest first, or the latest first)."""
    of = [
        m
        for m in kb.missions.values()
        if (m.pad == subject.id or subject.id in (m.vehicle, m.launcher))
        and kind.fits(m)
        and outcome_date(m) is not None
    ]
    return sorted(of, key=_launched, reverse=last)


def _launched(m: Mission) -> tuple[int, int, int]:
    day = outcome_date(m)
    assert day is not None
    return (day.start.year, day.start.month, day.start.day)
