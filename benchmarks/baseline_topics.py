"""BASELINE ONLY: the first release's topic matcher (commands/topics.py at a62b2b6), kept for
benchmarks/answer_bench.py and benchmarks/topics_bench.py to measure against in the same run.

Not used by the product. Do not edit its logic.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from knowledge.base import KnowledgeBase

_WORD = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")

STOPWORDS = frozenset(
    """a an the is are was were be been being am do does did doing done to of for in on at by
    and or but with this that these those it its it's as from into about than then there their
    they them he she his her him i me my we our you your us can could would should will shall
    may might must has have had having so such just also very really any some all s t re ve ll
    d m up out over again still get got tell know explain please hey hi hello capcom bot right
    now currently today if happen happens would""".split()
)

SYNONYMS = {
    "launchpad": "pad",
    "launchpads": "pad",
    "fix": "repair",
    "fixed": "repair",
    "fixing": "repair",
    "rebuild": "repair",
    "rebuilt": "repair",
    "restore": "repair",
    "restored": "repair",
    "broke": "damage",
    "break": "damage",
    "breaks": "damage",
    "breaking": "damage",
    "broken": "damage",
    "destroyed": "damage",
    "accident": "damage",
    "wrecked": "damage",
    "russian": "russia",
    "russians": "russia",
    "american": "us",
    "americans": "us",
    "usa": "us",
    "america": "us",
    "spying": "espionage",
    "spy": "espionage",
    "spied": "espionage",
    "pays": "pay",
    "paying": "pay",
    "paid": "pay",
    "funding": "pay",
    "funds": "pay",
    "refuse": "refuse",
    "decline": "refuse",
    "say no": "refuse",
    "quit": "leave",
    "leaving": "leave",
    "exit": "leave",
    "withdraw": "leave",
    "cosmonaut": "cosmonaut",
    "cosmonauts": "cosmonaut",
    "astronauts": "astronaut",
    "resupply": "supply",
    "supplies": "supply",
    "cargo": "supply",
    "crossflight": "cross-flight",
    "crossflights": "cross-flight",
    "iss": "station",
    "ros": "ros",
    "delayed": "delay",
    "postponed": "delay",
    "slip": "delay",
    "slipped": "delay",
}


def _stem(word: str) -> str:
    if len(word) <= 4 or any(c.isdigit() for c in word):
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + repl
    return word


def tokens(text: str) -> list[str]:
    """Content tokens of text: lower-cased, stop words dropped, synonyms merged, stemmed."""
    out = []
    for w in _WORD.findall(text.lower().replace("’", "'")[:2000]):
        w = SYNONYMS.get(w, w)
        if w in STOPWORDS:
            continue
        out.append(_stem(w))
    return out[:80]


@dataclass(frozen=True)
class TopicMatch:
    """A topic and how well the question matches it (0-100)."""

    topic_id: str
    title: str
    score: float


@dataclass(frozen=True)
class TopicMatcher:
    """Topic questions and answers as weighted token sets, for fast scoring."""

    idf: dict[str, float]
    phrasings: tuple[tuple[str, frozenset[str], str], ...]  # (topic id, tokens, folded text)
    answers: dict[str, frozenset[str]]
    titles: dict[str, str]
    vocabulary: tuple[str, ...]
    known_words: frozenset[str]  # every content word of every record and topic
    name_words: frozenset[str]  # the words of record names and aliases ("dragon", "progress")

    def vocabulary_of(self, topic_id: str) -> frozenset[str]:
        """The words a topic's title, questions and answer use."""
        asked = (toks for tid, toks, _ in self.phrasings if tid == topic_id)
        return frozenset().union(self.answers.get(topic_id, frozenset()), *asked)

    def knows(self, word: str) -> bool:
        """True when some record or topic uses the (tokenized) word, or one a typo away."""
        return word in self.known_words or self.near(word, self.known_words)

    @staticmethod
    def near(word: str, vocab: frozenset[str]) -> bool:
        """True when vocab holds a word within a typo of word ("downmas" ~ "down-mass")."""
        if len(word) < 5 or not vocab:
            return False
        return process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=85) is not None

    @classmethod
    def build(cls, kb: KnowledgeBase) -> TopicMatcher:
        """Index every topic's questions, title and answer."""
        docs: list[frozenset[str]] = []
        phrasings = []
        answers: dict[str, frozenset[str]] = {}
        titles: dict[str, str] = {}
        for t in kb.topics.values():
            titles[t.id] = t.name
            for q in (t.name, *t.questions):
                toks = frozenset(tokens(q))
                if toks:
                    phrasings.append((t.id, toks, " ".join(sorted(toks))))
                    docs.append(toks)
            answers[t.id] = frozenset(tokens(t.answer + " " + t.summary))
            docs.append(answers[t.id])
        df: Counter[str] = Counter(tok for d in docs for tok in d)
        n = max(1, len(docs))
        idf = {tok: math.log(1 + n / c) for tok, c in df.items()}
        vocab = tuple(sorted(idf))
        known = set(idf)
        names: set[str] = set()
        for kind, rec in kb.records():
            text = " ".join((rec.name, *rec.aliases, rec.summary, *(f.text for f in rec.facts)))
            known.update(tokens(text))
            if kind != "topic":
                for label in (rec.name, *rec.aliases):
                    names.update(tokens(label.replace("-", " ")))
        return cls(
            idf, tuple(phrasings), answers, titles, vocab, frozenset(known), frozenset(names)
        )

    def _correct(self, toks: list[str]) -> list[str]:
        out = []
        for t in toks:
            if t in self.idf or len(t) < 5 or not self.vocabulary:
                out.append(t)
                continue
            best = process.extractOne(t, self.vocabulary, scorer=fuzz.ratio, score_cutoff=85)
            out.append(best[0] if best else t)
        return out

    def match(self, text: str, limit: int = 5) -> list[TopicMatch]:
        """Topics ranked by similarity to text (score 0-100)."""
        q = set(self._correct(tokens(text)))
        if not q or not self.phrasings:
            return []
        default_idf = max(self.idf.values(), default=1.0)

        def w(tok: str) -> float:
            return self.idf.get(tok, default_idf)

        q_weight = sum(w(t) for t in q)
        best: dict[str, float] = {}
        for tid, toks, _ in self.phrasings:
            common = q & toks
            if not common:
                continue
            shared = sum(w(t) for t in common)
            p_weight = sum(w(t) for t in toks)
            score = shared / math.sqrt(q_weight * p_weight)
            if score > best.get(tid, 0.0):
                best[tid] = score
        for tid, ans in self.answers.items():
            shared = sum(w(t) for t in q & ans)
            bonus = 0.25 * shared / q_weight if q_weight else 0.0
            if tid in best or bonus > 0.2:
                best[tid] = best.get(tid, 0.0) + bonus
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [TopicMatch(tid, self.titles[tid], min(100.0, 100 * s)) for tid, s in ranked]
