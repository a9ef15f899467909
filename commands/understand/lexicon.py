"""What the base's own texts say, indexed for reading questions: name words and passages."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from commands.understand import vocabulary as vocab
from commands.understand.prefilter import Phrases, phrases
from commands.understand.thresholds import (
    CLIPPED_MIN,
    NAME_WORD_RECORDS_MAX,
    TRANSLIT_NAME_MIN,
)
from knowledge.base import KnowledgeBase
from knowledge.dates import FuzzyDate
from knowledge.names import names_of
from knowledge.schema import CrewMember, Record, Topic, Vehicle
from knowledge.text import (
    NOT_A_NAME,
    RU_ENDINGS,
    fold,
    fold_tokens,
    fold_word,
    is_cyrillic,
    ru_bases,
    sentences,
    translit,
    words,
)

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
    name_tokens: frozenset[str] = frozenset()  # folded words of every name ("baikonur", "союз")
    by_word: dict[str, tuple[Passage, ...]] = field(default_factory=dict)  # word -> passages
    name_leads: frozenset[str] = frozenset()  # first folded words of names of several words

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
        tokens = {
            t
            for _, rec in kb.records()
            for n in names_of(rec)
            for t in fold_tokens(n)
            if len(t) >= _NAME_TOKEN_MIN and not t.isdigit() and t not in NOT_A_NAME
        }
        return cls(
            name_words,
            passages,
            idf,
            frozenset(designators),
            frozenset(lower),
            frozenset(names),
            frozenset(one_word),
            frozenset(tokens),
            _by_word(passages),
            frozenset(
                toks[0]
                for _, rec in kb.records()
                for n in names_of(rec)
                for toks in [fold_tokens(n)]
                if len(toks) > 1 and toks[0].isalpha()
            ),
        )

    def russian(self, text: str) -> str:
        """Text with Russian words written the way the tables read them: an inflected name
        as the base names it ("на Байконуре" -> "на baikonur", "Артемьева" -> "artemev",
        "Прогресса" -> "прогресс"), then question words in English (vocabulary.RUSSIAN_*),
        also when typed in Latin letters ("skolko topliva privez")."""
        latin = self._latin_russian(text)
        if text.isascii() and not latin:
            return text
        text = vocab.RUSSIAN_ORDINAL.sub("", text)
        for pattern, english in _PHRASES_LATIN if latin else _PHRASES:
            text = pattern.sub(english, text)
        out = text
        for m in reversed(list(_WORD.finditer(text))):
            folded = fold_word(m.group())
            if is_cyrillic(folded):
                word = self._russian_word(folded, m.group()[:1].isupper())
            else:  # Latin letters: read as Russian only in a message typed that way
                word = _russian_meaning(folded, latin=True) if latin else None
            if word is not None:
                out = out[: m.start()] + word + out[m.end() :]
        return re.sub(r"\s+", " ", out).strip()

    def _russian_word(self, word: str, capital: bool = False) -> str | None:
        """What one folded Cyrillic word reads as, or None to leave it as typed; a capitalised
        word may be a Latin name transliterated loosely ("Джессика" -> "jessica")."""
        if word in self.name_tokens:
            return None
        if word in vocab.RUSSIAN_WORDS:
            return vocab.RUSSIAN_WORDS[word]
        for base in ru_bases(word):
            if base in self.name_tokens:
                return base  # "прогресса" -> "прогресс"
            latin = translit(base)
            if latin in self.name_tokens and len(latin) >= _NAME_TOKEN_MIN:
                return latin  # "байконуре" -> "baikonur"
        meaning = _russian_meaning(word, latin=False)
        if meaning is None and capital and len(word) >= _LOOSE_NAME_MIN:
            from rapidfuzz import fuzz, process  # not imported by a start-up that needs none

            latin = translit(word).replace("dzh", "j")
            near = process.extractOne(
                latin, self.name_tokens, scorer=fuzz.ratio, score_cutoff=TRANSLIT_NAME_MIN
            )
            return str(near[0]) if near is not None else None
        return meaning

    def _latin_russian(self, text: str) -> bool:
        """Whether an ASCII message is Russian typed in Latin letters: at least two words
        no text of the base uses read as Russian question words ("skolko topliva")."""
        hits = 0
        tokens = _WORD.findall(text.lower())
        if tokens[:1] and tokens[0] in vocab.LATIN_RUSSIAN_OPENERS:
            return True  # "kogda crs-35?": no English question opens so
        for t in tokens:
            if t in vocab.LATIN_RUSSIAN_MARKERS:
                hits += 1
            elif len(t) >= 4 and t not in self.common and not any(w in self.idf for w in words(t)):
                hits += _russian_meaning(t, latin=True) is not None
        return hits >= _LATIN_RUSSIAN_MIN

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

    @cached_property
    def unseen_weight(self) -> float:
        """The weight of a word no passage uses (the highest idf)."""
        return max(self.idf.values(), default=1.0)

    def weight(self, word: str) -> float:
        """How telling a word is (idf over every passage; unseen words weigh the most)."""
        return self.idf.get(word, self.unseen_weight)

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
        found = list(self.by_word.get(word, ()))
        found.sort(key=lambda p: len(p.text))
        return found[:limit]


def _by_word(passages: dict[str, tuple[Passage, ...]]) -> dict[str, tuple[Passage, ...]]:
    """Every passage under each word it uses, in record order."""
    out: dict[str, list[Passage]] = {}
    for ps in passages.values():
        for p in ps:
            for w in p.words:
                out.setdefault(w, []).append(p)
    return {w: tuple(ps) for w, ps in out.items()}


_DESIGNATOR = re.compile(r"([^\W\d_]{1,10})[- ]?(\d{1,3})(?!\d)")


def _designators(rec: Record) -> set[str]:
    """Folded "word number" pairs in every text of a record ("CRS-2 contract" -> "crs2")."""
    texts = [*names_of(rec), rec.summary, *(f.text for f in rec.facts)]
    texts += [e.what for e in getattr(rec, "events", ()) + getattr(rec, "history", ())]
    if isinstance(rec, Topic):
        texts += [rec.answer, *rec.questions]
    return {fold(m.group(0)) for t in texts for m in _DESIGNATOR.finditer(t)}


def _named(rec: Record, sentence: str) -> str:
    """A sentence of a person's summary that calls them "he" or "she" names them instead, so
    it stands on its own as an answer ("In 2025 he replaced ..." -> "In 2025 Andrey Fedyaev
    replaced ...")."""
    if not isinstance(rec, CrewMember) or rec.name.split()[-1] in sentence:
        return sentence
    return re.sub(r"\b(?:he|she)\b", rec.name, sentence, count=1, flags=re.I)


def _passages(rec: Record) -> list[Passage]:
    out: list[Passage] = []

    def add(text: str, sources: tuple[str, ...], date: FuzzyDate | None = None) -> None:
        text = " ".join(text.split())
        if text:
            out.append(Passage(rec.id, text, frozenset(words(text)), sources, date))

    body = rec.answer if isinstance(rec, Topic) else rec.summary
    for sentence in sentences(body.strip()):
        add(_named(rec, sentence), rec.sources)
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


_NAME_TOKEN_MIN = 3  # shorter name words ("ms", "ng") are matched by the search index only
_LOOSE_NAME_MIN = 5  # letters of a Russian word before it may be a loosely transliterated name
_FREE_REST_MAX = 6  # letters after a long stem: a verb's suffix and ending ("старт-овала")
_LATIN_RUSSIAN_MIN = 2  # words read as Russian before a Latin-letter message is taken as Russian
_LATIN_REST_EXTRA = 2  # letters a suffix gains in Latin letters ("-овался" -> "-ovalsya")
_RU_ENDING_SET = frozenset(RU_ENDINGS)
# "y" after a vowel and before none is й typed in Latin letters; folded, й is и ("i")
_LATIN_SHORT_I = re.compile(r"(?<=[aeiouy])y(?![aeiou])")


def _russian_meaning(word: str, *, latin: bool) -> str | None:
    """The English of a folded Russian word (Cyrillic, or in Latin letters), or None."""
    short_i = _LATIN_SHORT_I.sub("i", word) if latin else word
    if short_i != word:  # "lyudey", "seychas", "sleduyushiy": й typed as "y"
        found = _russian_meaning(short_i, latin=True)
        if found is not None:
            return found
    words_, stems = (
        (_LATIN_WORDS, _LATIN_STEMS)
        if latin
        else (
            vocab.RUSSIAN_WORDS,
            vocab.RUSSIAN_STEMS,
        )
    )
    if word in words_:
        return words_[word]
    for stem in sorted((s for s in stems if word.startswith(s)), key=len, reverse=True):
        rest = word[len(stem) :]
        if not rest or rest in (_LATIN_ENDINGS if latin else _RU_ENDING_SET):
            return stems[stem]
        if len(stem) >= vocab.RUSSIAN_STEM_FREE and len(rest) <= _FREE_REST_MAX + (
            _LATIN_REST_EXTRA if latin else 0
        ):
            return stems[stem]
    return None


def _vowel_ye(word: str) -> str:
    """е after a vowel typed "ye" ("rabotayet" for "rabotaet"); built into the word tables at
    import, so no pattern to compile."""
    return "".join(
        "ye" if c == "e" and i and word[i - 1] in "aeiou" else c for i, c in enumerate(word)
    )


def _latin_spellings(word: str) -> set[str]:
    """How a Russian word is typed in Latin letters: its transliteration, with х as "h"
    as people often type it ("vyhodili" for "выходили"), and щ as "sh" or "sch"
    ("sleduyushiy" for "следующий"), and е after a vowel as "ye" ("rabotayet")."""
    latin = translit(word)
    out = {latin, latin.replace("kh", "h")}
    out |= {_vowel_ye(w) for w in out}  # "rabotayet" for "работает"
    return out | {w.replace("shch", short) for w in out for short in ("sh", "sch")}


_LATIN_WORDS = {
    w: v for k, v in vocab.RUSSIAN_WORDS.items() for w in _latin_spellings(k) if len(w) >= 3
}
_LATIN_STEMS = {w: v for k, v in vocab.RUSSIAN_STEMS.items() for w in _latin_spellings(k)}
_LATIN_ENDINGS = frozenset(translit(e) for e in RU_ENDINGS)


def _phrase_pattern(stems: tuple[str, ...], *, latin: bool) -> Phrases:
    """A Russian phrase as a pattern: each word starts with its stem (any of its Latin
    spellings, for Latin letters), the words in order."""
    parts = []
    for stem in stems:
        spellings = sorted(_latin_spellings(stem), key=len, reverse=True) if latin else [stem]
        letters = "|".join(_unfolded(re.escape(s)) for s in spellings)
        parts.append(rf"(?:{letters})[^\W\d_]*" if len(stem) > 2 else rf"(?:{letters})")
    # words apart by spaces or a comma ("правда, что")
    return phrases(r"(?<![^\W\d_])" + r",?\s+".join(parts) + r"(?![^\W\d_])", re.I)


def _unfolded(stem: str) -> str:
    """A folded stem as a pattern of the letters it was folded from (й -> и, ё -> е)."""
    return stem.replace("и", "[ий]").replace("е", "[её]")


def _phrases(*, latin: bool) -> tuple[tuple[Phrases, str], ...]:
    return tuple(
        (_phrase_pattern(stems, latin=latin), english)
        for stems, english in sorted(vocab.RUSSIAN_PHRASES, key=lambda p: -len(p[0]))
    )


_PHRASES = _phrases(latin=False)
_PHRASES_LATIN = _phrases(latin=True)
