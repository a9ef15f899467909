"""Match a free-text question to the topics whose questions and answers it resembles."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from commands.understand.prefilter import phrases
from commands.understand.thresholds import BAG_WEIGHT, MIN_EXPAND_LEN, TYPO_SCORE
from commands.understand.vocabulary import RETRACTED
from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.text import fold_tokens, sentences, words

# Words that give a question its form, not its subject: they count in a phrasing, not a bag.
QUESTION_FORMS = frozenset("how what when where which who why whom whose".split())
NEAR_CACHE = 16_384  # (word, vocabulary) pairs TopicMatcher.near remembers


@dataclass(frozen=True)
class TopicMatch:
    """A topic and how well the question matches it (0-100; a little more with the bonus)."""

    topic_id: str
    title: str
    score: float
    phrasing: float = 0.0  # similarity to its closest listed question alone (0-100)


@dataclass(frozen=True)
class TopicMatcher:
    """Topic questions and answers as weighted word sets, for fast scoring."""

    idf: dict[str, float]
    phrasings: tuple[tuple[str, frozenset[str]], ...]  # (topic id, words of one question)
    bags: dict[str, frozenset[str]]  # topic id -> every word of its questions and answer
    covers: dict[str, frozenset[str]]  # ... and the names of the records it is about
    titles: dict[str, str]
    related: dict[str, frozenset[str]]  # topic id -> the record ids it is about
    asked: dict[str, frozenset[str]]  # topic id -> folded words of its title and questions
    vocabulary: tuple[str, ...]
    known_words: frozenset[str]  # every content word of every record and topic
    name_words: frozenset[str]  # the words of record names and aliases ("dragon", "progress")
    _expanded: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def _weights(self) -> tuple[float, ...]:
        """Each phrasing's total idf weight (the denominator of its similarity)."""
        return tuple(sum(self.idf[t] for t in toks) for _, toks in self.phrasings)

    @cached_property
    def _default_idf(self) -> float:
        """The weight of a word no topic uses (the highest idf)."""
        return max(self.idf.values(), default=1.0)

    def prepare(self) -> None:
        """Build the look-up tables now, once, rather than when the first question comes."""
        self._weights, self._phrasings_with, self._bags_with, self._default_idf  # noqa: B018

    @cached_property
    def _phrasings_with(self) -> dict[str, list[int]]:
        """Word -> the phrasings using it, so a question meets only the phrasings it shares
        a word with, not every one of them."""
        found: dict[str, list[int]] = {}
        for i, (_, toks) in enumerate(self.phrasings):
            for t in toks:
                found.setdefault(t, []).append(i)
        return found

    @cached_property
    def _bags_with(self) -> dict[str, list[str]]:
        """Word -> the topics whose bag holds it."""
        found: dict[str, list[str]] = {}
        for tid, bag in self.bags.items():
            for t in bag:
                found.setdefault(t, []).append(tid)
        return found

    def asked_words(self, topic_id: str) -> frozenset[str]:
        """The folded words of a topic's title and questions (names as typed, no stems)."""
        return self.asked.get(topic_id, frozenset())

    def vocabulary_of(self, topic_id: str) -> frozenset[str]:
        """The words a topic's title, questions, answer and related names use."""
        return self.covers.get(topic_id, frozenset())

    def knows(self, word: str) -> bool:
        """True when some record or topic uses the word (as words() gives it), or one near it."""
        return (
            word in self.known_words or bool(self.expand(word)) or self.near(word, self.known_words)
        )

    @staticmethod
    @lru_cache(maxsize=NEAR_CACHE)
    def near(word: str, vocab: frozenset[str]) -> bool:
        """True when vocab holds a word within a typo of word ("downmas" ~ "downmass");
        pure, so remembered (each call scans the whole vocabulary)."""
        if len(word) < MIN_EXPAND_LEN or not vocab:
            return False
        from rapidfuzz import fuzz, process  # not imported by a start-up that needs none

        return (
            process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE) is not None
        )

    def expand(self, word: str) -> str:
        """The topic word an unknown word stands for (a typo of it, or sharing its stem), or ""."""
        if word in self.idf:
            return word
        if len(word) < MIN_EXPAND_LEN or not word.isalpha():
            return ""
        cached = self._expanded.get(word)
        if cached is not None:
            return cached
        from rapidfuzz import fuzz, process

        found = ""
        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE)
        if best is not None:
            found = str(best[0])
        else:
            within = [
                v
                for v in self.vocabulary
                if len(v) >= MIN_EXPAND_LEN
                and (v.endswith(word) or v.startswith(word) or word.startswith(v))
            ]
            if within:
                found = min(within, key=lambda v: (abs(len(v) - len(word)), v))
        if len(self._expanded) < 10_000:
            self._expanded[word] = found
        return found

    @classmethod
    def build(cls, kb: KnowledgeBase) -> TopicMatcher:
        """Index every topic's questions, title, answer and the names of its related records."""
        docs: list[frozenset[str]] = []
        phrasings: list[tuple[str, frozenset[str]]] = []
        bags: dict[str, frozenset[str]] = {}
        covers: dict[str, frozenset[str]] = {}
        titles: dict[str, str] = {}
        related: dict[str, frozenset[str]] = {}
        asked_folded: dict[str, frozenset[str]] = {}
        for t in kb.topics.values():
            asked_folded[t.id] = frozenset(
                w for q in (t.name, *t.questions) for w in fold_tokens(q)
            )
            titles[t.id] = t.name
            asked: set[str] = set()
            for q in (t.name, *t.aliases, *t.questions):  # an alias is a name people ask by
                toks = frozenset(words(q))
                if toks:
                    phrasings.append((t.id, toks))
                    docs.append(toks)
                    asked |= toks
            answer = frozenset(words(t.answer + " " + t.summary))
            docs.append(answer)
            about: set[str] = set()
            for rid in t.related:
                rec = kb.get(rid)
                if rec is not None:
                    about.update(w for n in names_of(rec) for w in words(n))
            bags[t.id] = frozenset(w for w in answer | asked if not w.isdigit()) - QUESTION_FORMS
            covers[t.id] = frozenset(answer | asked | about)
            related[t.id] = frozenset(t.related)
        df: Counter[str] = Counter(tok for d in docs for tok in d)
        n = max(1, len(docs))
        idf = {tok: math.log(1 + n / c) for tok, c in df.items()}
        known = set(idf)
        names: set[str] = set()
        for kind, rec in kb.records():
            text = " ".join((*names_of(rec), rec.summary, *(f.text for f in rec.facts)))
            known.update(words(text))
            if kind != "topic":
                for label in names_of(rec):
                    names.update(words(label))
        matcher = cls(
            idf,
            tuple(phrasings),
            bags,
            covers,
            titles,
            related,
            asked_folded,
            tuple(sorted(idf)),
            frozenset(known),
            frozenset(names),
        )
        matcher.prepare()
        return matcher

    def read(self, text: str) -> list[str]:
        """The question's words as the topics know them (typos and stems expanded)."""
        return [self.expand(w) or w for w in words(text)]

    def match(self, text: str, limit: int = 5) -> list[TopicMatch]:
        """Topics ranked by similarity to text (score 0-100)."""
        return self.match_words(self.read(text), limit)

    def match_words(self, question: list[str], limit: int = 5) -> list[TopicMatch]:
        """Topics ranked by similarity to these words (as read() gives them)."""
        q = set(question)
        if not q or not self.phrasings:
            return []
        default_idf = self._default_idf

        def w(tok: str) -> float:
            return self.idf.get(tok, default_idf)

        q_weight = sum(w(t) for t in q)
        weight = {t: w(t) for t in q}.__getitem__  # each word's weight, looked up once
        best: dict[str, float] = {}
        weights = self._weights
        for i in sorted({i for t in q for i in self._phrasings_with.get(t, ())}):
            tid, toks = self.phrasings[i]
            shared = sum(map(weight, q & toks))
            score = shared / math.sqrt(q_weight * weights[i])
            if score > best.get(tid, 0.0):
                best[tid] = score
        closest = dict(best)
        # Only topics whose bag shares a word can gain (the others would add nothing).
        for tid in dict.fromkeys(tid for t in q for tid in self._bags_with.get(t, ())):
            bag = self.bags[tid]
            shared = sum(map(weight, q & bag))
            bonus = BAG_WEIGHT * shared / q_weight
            if tid in best or bonus > 0.2:
                best[tid] = best.get(tid, 0.0) + bonus
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
        return [
            TopicMatch(tid, self.titles[tid], 100 * s, 100 * closest.get(tid, 0.0))
            for tid, s in ranked
        ]


# An amount in a sentence: money, a mass, a share ("608.9 billion roubles", "$1.43 B", "800 kg").
AMOUNT = phrases(
    r"[$€£¥]\s?\d|(?<![A-Za-z])\d[\d,.]*\s*(?:billion|million|trillion|bn\b|roubles?|rubles?"
    r"|dollars?|usd\b|eur\b|euros?|yen\b|kg\b|tonnes?\b|tons?\b|lb\b|pounds?\b|%|per\s?cent"
    r"|m/s|km/s|km/h|mph\b|km\b|(?-i:m)\b|metres?\b|meters?\b|miles?\b|seconds?\b|minutes?\b)",
    re.IGNORECASE,
)


# A sentence that leans on the one before it ("He was replaced ...", "It ...", "This ...").
_LEANS_BACK = phrases(
    r"^\W*(?:he|she|it|its|they|their|them|this|that|these|those|later|then|also)\b", re.I
)


def lead_sentence(
    text: str, asked: frozenset[str], weight: Callable[[str], float], *, amount: bool
) -> str:
    """Text with the sentence that answers the question first: for a how-much question the
    sentence with an amount (the one sharing most of the asked words), for a why-question
    the sentence sharing most of the asked words, when the first sentence shares fewer; never
    a sentence that reports a claim only to call it an error."""
    parts = sentences(text)
    if len(parts) < 2:
        return text

    def score(sentence: str) -> float:
        return sum(weight(w) for w in asked & set(words(sentence)))

    if amount:  # the amount sentence sharing the most asked words ("oxygen ... generation")
        pool = [(i, p) for i, p in enumerate(parts) if AMOUNT.search(p)]
        if AMOUNT.search(parts[0]):
            pool = [(i, p) for i, p in pool if score(p) > score(parts[0])]
    else:
        pool = [(i, p) for i, p in enumerate(parts) if score(p) > score(parts[0])]
    pool = [(i, p) for i, p in pool if not _LEANS_BACK.match(p)]  # "He was ...": needs the first
    pool = [(i, p) for i, p in pool if not RETRACTED.search(p)]  # a report called an error
    if not pool:
        return text
    best = max(pool, key=lambda ip: (score(ip[1]), -ip[0]))[0]
    return " ".join([parts[best], *(p for i, p in enumerate(parts) if i != best)])
