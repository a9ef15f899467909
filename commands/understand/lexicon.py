"""What the base's own texts say, indexed for reading questions: name words and passages."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from commands.understand.thresholds import CLIPPED_MIN, NAME_WORD_RECORDS_MAX
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.names import names_of
from knowledge.schema import CrewMember, Record, Topic, Vehicle
from knowledge.text import NOT_A_NAME, fold, fold_tokens, sentences, words

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Passage:
    """One sentence of a record's texts (summary, facts, events, disputes), with its sources."""

    record_id: str
    text: str
    words: frozenset[str]
    sources: tuple[str, ...]
    date: FuzzyDate | None = None


@dataclass(frozen=True)
class Lexicon:
    """Name words of records and the passages of their texts, built once per base."""

    name_words: dict[str, tuple[str, ...]]  # folded word of a primary name -> record ids
    passages: dict[str, tuple[Passage, ...]]  # record id -> its passages
    idf: dict[str, float]  # over all passages
    designators: frozenset[str]  # folded "word number" pairs the base's texts use ("crs2")
    common: frozenset[str]  # words the base's texts also use in lower case ("progress", "vast")
    names: frozenset[str]  # every folded name of every record ("soyuzms29")
    one_word: frozenset[str] = frozenset()  # folded names of one word of letters ("progress")

    @classmethod
    def build(cls, kb: KnowledgeBase) -> Lexicon:
        """Index every record's name words and split its texts into passages."""
        named: dict[str, list[str]] = {}
        passages: dict[str, tuple[Passage, ...]] = {}
        designators: set[str] = set()
        for kind, rec in kb.records():
            designators.update(_designators(rec))
            if kind not in ("topic", "crew"):  # a first name alone names nobody for sure
                for w in dict.fromkeys(fold_tokens(rec.name)):
                    if len(w) >= 4 and w not in NOT_A_NAME and not w.isdigit():
                        named.setdefault(w, []).append(rec.id)
            passages[rec.id] = tuple(_passages(rec))
        df: Counter[str] = Counter(w for ps in passages.values() for p in ps for w in p.words)
        n = max(1, sum(len(ps) for ps in passages.values()))
        idf = {w: math.log(1 + n / c) for w, c in df.items()}
        name_words = {
            w: tuple(ids)
            for w, ids in named.items()
            if len(ids) <= NAME_WORD_RECORDS_MAX and len({kb.kind_of(i) for i in ids}) == 1
        }
        lower = {
            t.lower()
            for ps in passages.values()
            for p in ps
            for t in _WORD.findall(p.text)
            if t.islower()
        }
        names = {fold(n) for _, rec in kb.records() for n in names_of(rec)}
        one_word = {
            fold(n) for _, rec in kb.records() for n in names_of(rec) if n.strip().isalpha()
        }
        return cls(
            name_words,
            passages,
            idf,
            frozenset(designators),
            frozenset(lower),
            frozenset(names),
            frozenset(one_word),
        )

    def unclip(self, text: str) -> str:
        """Text with each clipped name written out ("next prog flight": "next progress
        flight"): a word of at least CLIPPED_MIN letters that no text of the base uses and
        that starts one name of one word (every longer one it starts begins with that one; "jane"
        is no clip of "Jane Doe")."""
        out = text
        for m in reversed(list(_WORD.finditer(text))):
            word = m.group().lower()
            if len(word) < CLIPPED_MIN or word in NOT_A_NAME or fold(word) in self.names:
                continue
            if word in self.common or any(w in self.idf for w in words(word)):
                continue  # a word the base's texts use ("cargo")
            found = sorted((n for n in self.one_word if n.startswith(word)), key=len)
            if (
                found
                and len(found[0]) >= len(word) + 2
                and all(n.startswith(found[0]) for n in found)
            ):
                out = out[: m.start()] + found[0] + out[m.end() :]
        return out

    def weight(self, word: str) -> float:
        """How telling a word is (idf over every passage; unseen words weigh the most)."""
        return self.idf.get(word, max(self.idf.values(), default=1.0))

    def best_passages(
        self, record_ids: tuple[str, ...], question: frozenset[str], limit: int = 2
    ) -> list[tuple[float, Passage]]:
        """The passages of these records sharing the most of the question's words (0-1)."""
        if not question:
            return []
        total = sum(self.weight(w) for w in question)
        scored: list[tuple[float, Passage]] = []
        for rid in record_ids:
            for p in self.passages.get(rid, ()):
                common = question & p.words
                if common:
                    scored.append((sum(self.weight(w) for w in common) / total, p))
        scored.sort(key=lambda sp: (-sp[0], len(sp[1].text)))
        return scored[:limit]

    def passages_with(self, word: str, limit: int = 2) -> list[Passage]:
        """Passages anywhere in the base that use this word (what the base says of it)."""
        found = [p for ps in self.passages.values() for p in ps if word in p.words]
        found.sort(key=lambda p: len(p.text))
        return found[:limit]


_DESIGNATOR = re.compile(r"([^\W\d_]{1,10})[- ]?(\d{1,3})(?!\d)")


def _designators(rec: Record) -> set[str]:
    """Folded "word number" pairs in every text of a record ("CRS-2 contract" -> "crs2")."""
    texts = [*names_of(rec), rec.summary, *(f.text for f in rec.facts)]
    texts += [e.what for e in getattr(rec, "events", ()) + getattr(rec, "history", ())]
    if isinstance(rec, Topic):
        texts += [rec.answer, *rec.questions]
    return {fold(m.group(0)) for t in texts for m in _DESIGNATOR.finditer(t)}


def _passages(rec: Record) -> list[Passage]:
    out: list[Passage] = []

    def add(text: str, sources: tuple[str, ...], date: FuzzyDate | None = None) -> None:
        text = " ".join(text.split())
        if text:
            out.append(Passage(rec.id, text, frozenset(words(text)), sources, date))

    body = rec.answer if isinstance(rec, Topic) else rec.summary
    for sentence in sentences(body.strip()):
        add(sentence, rec.sources)
    for f in rec.facts:
        add(f.text, f.sources)
    for ev in getattr(rec, "events", ()) + getattr(rec, "history", ()):
        what = ev.what.rstrip(".")
        if isinstance(rec, CrewMember):  # "Jessica Meir: launched as Crew-12 commander (...)."
            add(
                f"{rec.name}: {what[:1].lower()}{what[1:]} ({ev.date.text()}).", ev.sources, ev.date
            )
        else:
            add(f"{ev.date.text()}: {what}.", ev.sources, ev.date)
    for d in rec.disputes:
        claims = "; ".join(c.says for c in d.claims)
        add(f"{d.about}: {claims}", tuple(s for c in d.claims for s in c.sources))
    if isinstance(rec, Vehicle) and rec.reboost_note:
        add(rec.reboost_note, rec.sources)
    return out
