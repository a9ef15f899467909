"""The fuzzy search index over record names, aliases and generated forms (rapidfuzz)."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.ngrams import NgramIndex
from knowledge.schema import CrewMember, Mission, Record, RecordKind, Topic
from knowledge.text import NOT_A_NAME, fold, fold_tokens, stem, token_spans

# A match at or above this score may be confident ...
CONFIDENT_SCORE = 80.0
# ... when it is at least this many points ahead of the best match for another record.
CONFIDENT_MARGIN = 5.0
# Fuzzy matches below this score are not offered at all.
SUGGEST_SCORE = 60.0
# A fuzzy match is confident only within this many typos (edits) of what was typed: one for
# names up to SHORT_NAME_CHARS folded characters ("artemis" is two edits from "artemiev"
# and is not Artemyev), two up to LONG_NAME_CHARS, three beyond.
SHORT_NAME_CHARS = 8
LONG_NAME_CHARS = 16
# Fuzzy matches within this many points of the best (at most RERANK_MAX of them) are ranked by
# the name as typed, word breaks included, rather than by the folded name alone.
RERANK_WINDOW = 10.0
RERANK_MAX = 10

# Scores of the non-fuzzy ways to match.
SCORE_EXACT = 100.0  # the folded query is a name, alias or transliteration
SCORE_GENERATED = 97.0  # ... a generated form ("ms33" for Progress MS-33, a crew surname)
SCORE_REORDERED = 96.0  # ... the same words in another order ("artemyev oleg")
SCORE_TOKEN = 70.0  # a whole word of a name ("dragon" in "Cargo Dragon"): a suggestion
SCORE_SHORT_PREFIX = 60.0  # a 2-3 character query that starts a word of a name: a suggestion

MAX_QUERY_CHARS = 200  # search and autocomplete look at this much of the input
MAX_TEXT_CHARS = 1000  # find_mentions looks at this much of a message ...
MAX_TEXT_TOKENS = 40  # ... and at most this many of its words
MAX_NGRAM = 6  # the longest name (in words) find_mentions looks for
SHORT_QUERY = 3  # folded queries this long or shorter only match exactly or as a word prefix
MIN_FUZZY_TOKEN = 5  # find_mentions only fuzzy-matches words (or word runs) this long
FUZZY_CACHE = 65_536  # word runs whose fuzzy hits find_mentions remembers per index
MAX_PREFIX_SCAN = 400  # autocomplete examines at most this many prefix entries per list
CHOICE_NAME_MAX = 100  # Discord's limit for an autocomplete choice name

_DIGITS = re.compile(r"\d+")


def _numbers(words: Sequence[str]) -> frozenset[str]:
    return frozenset(_DIGITS.findall("".join(words)))  # folded like the keys it is compared with


@dataclass(frozen=True, slots=True)
class Match:
    """One record a query (or part of a message) matched, with how well (0-100)."""

    record_id: str
    kind: RecordKind
    name: str
    matched_text: str  # the name, alias or form that matched (for find_mentions: the words)
    score: float
    start: int = -1  # find_mentions: character span of the mention in the message
    end: int = -1


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Ranked matches for a query; `best` is set only when one is clearly right."""

    query: str
    matches: tuple[Match, ...]
    best: Match | None

    @property
    def confident(self) -> bool:
        """Whether one match is good enough to act on without asking."""
        return self.best is not None

    @property
    def suggestions(self) -> tuple[Match, ...]:
        """Up to 5 choices for a "did you mean" reply."""
        return self.matches[:5]


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete choice: what the user sees, and the record id it stands for."""

    name: str
    value: str


Postings = int | list[int]  # one form, or several (most folded keys name one form)


def _post(table: dict[str, Postings], key: str, value: int) -> None:
    """Add value under key."""
    old = table.get(key)
    if old is None:
        table[key] = value
    elif isinstance(old, int):
        table[key] = [old, value]
    else:
        old.append(value)


def _posted(found: Postings | None) -> Sequence[int]:
    if found is None:
        return ()
    return (found,) if isinstance(found, int) else found


def max_typos(key: str) -> int:
    """How many edits a folded name of this length may carry and still be confidently it."""
    if len(key) <= SHORT_NAME_CHARS:
        return 1
    return 2 if len(key) <= LONG_NAME_CHARS else 3


def _few_typos(key: str, name: str, score: float) -> bool:
    """Whether a match of a folded query to a folded name is exact or within the typos
    allowed for the query's length."""
    if score >= SCORE_REORDERED - 1.0:
        return True  # exact, generated or reordered: no typo at all
    from rapidfuzz.distance import Levenshtein  # not imported by a start-up that needs none

    return Levenshtein.distance(key, name) <= max_typos(key)


def _typos_found(key: str) -> int:
    """How many typos away search's fuzzy look-up of a folded query finds every name: one
    more than it may be confident about, at least two, so that a right name a little further
    than a wrong one is never missed."""
    return max(2, max_typos(key))


def _reach(chars: int) -> int:
    """How much longer or shorter than a query a name may be and still be found by search.

    A name that merely contains a short query ("crs dragon" for "dragon", "williams" for "suni
    williams") scores as high as a typo would; such names are left to whole-word matching.
    """
    return max(_typos_found("x" * chars), 2 if chars <= SHORT_NAME_CHARS else 3)


# A word start in the autocomplete tables is one number, form << 16 | offset << 8 | width: the
# word's character offset in the form's folded key and the word's length (each at most 255).
_BYTE = 0xFF
_AFTER = "\U0010ffff"  # sorts after every text that starts with a given prefix
# Autocomplete ranks a form by one number: generated << 56 | name length << 40 | record rank,
# plus this when only a later word of it matched.
_LATER_WORD = 1 << 60
MAX_REORDERED_WORDS = 4  # "artemyev oleg": word orders tried for queries of this many words


class SearchIndex:
    """The fuzzy index of one loaded base: build once, then search, find mentions, complete.

    Records and forms (the names, aliases and generated forms a record is found by) live in
    parallel lists and arrays indexed by number rather than in an object each: a base of
    100,000 records has half a million forms.
    """

    def __init__(self) -> None:
        # Records, sorted by kind then name.
        self._rec_id: list[str] = []
        self._rec_kind: list[RecordKind] = []
        self._rec_name: list[str] = []
        self._rec_rank: array[int] = array("q")  # smaller is more useful (missions: newest)
        self._rec_forms: array[int] = array("q", [0])  # record r's forms: [r] up to [r + 1]
        self._by_id: dict[str, int] = {}
        # Forms, grouped by record.
        self._form_rec: array[int] = array("q")
        self._form_text: list[str] = []  # as written (or generated)
        self._form_key: list[str] = []  # folded
        self._form_generated = bytearray()
        self._form_order: array[int] = array("q")  # autocomplete rank, smaller first
        self._exact: dict[str, Postings] = {}  # folded key -> forms
        self._ngrams = NgramIndex(())
        self._starts: dict[RecordKind | None, array[int]] = {}  # later word starts, sorted
        self._whole: dict[RecordKind | None, array[int]] = {}  # forms sorted by folded key
        self._first_word = bytearray()  # the length of each form's first word (<= 255)
        self._defaults: dict[RecordKind | None, list[int]] = {}
        self._short_cache: dict[tuple[str, RecordKind | None, int], list[Choice]] = {}
        self._fuzzy_cache: dict[
            tuple[str, frozenset[RecordKind] | None], tuple[tuple[int, int, float], ...]
        ] = {}
        self._max_ngram = 1

    # --- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, kb: KnowledgeBase) -> SearchIndex:
        """Index every named record of kb (sources excluded; topics by title only)."""
        index = cls()
        records = sorted(kb.records(), key=lambda kr: (kr[0], kr[1].name.casefold(), kr[1].id))
        mission_order = _mission_order(kb)
        vehicles = {  # each vehicle's names and aliases, folded
            vid: frozenset(k for t in [v.name, *v.aliases] if (k := fold(t)))
            for vid, v in kb.vehicles.items()
        }
        starts: list[int] = []
        suffixes: list[str] = []
        for kind, rec in records:
            ri = len(index._rec_id)
            index._rec_id.append(rec.id)
            index._rec_kind.append(kind)
            index._rec_name.append(rec.name)
            index._rec_rank.append(mission_order.get(rec.id, ri))
            index._add_forms(ri, _forms_of(vehicles, rec), starts, suffixes)
        index._finish(starts, suffixes)
        return index

    def _add_forms(
        self, ri: int, forms: list[tuple[str, bool]], starts: list[int], suffixes: list[str]
    ) -> None:
        mine: dict[str, int] = {}  # folded key -> this record's form
        for text, generated in forms:
            words = fold_tokens(text)
            key = "".join(words)
            if not key:
                continue
            fi = mine.get(key)
            if fi is not None:  # this record already has this form
                if self._form_generated[fi] and not generated:
                    self._form_text[fi] = text
                    self._form_generated[fi] = False
                continue
            fi = mine[key] = len(self._form_text)
            self._form_rec.append(ri)
            self._form_text.append(text)
            self._form_key.append(key)
            self._form_generated.append(generated)
            _post(self._exact, key, fi)
            if len(words) > self._max_ngram:
                self._max_ngram = min(MAX_NGRAM, len(words))
            self._first_word.append(min(len(words[0]), _BYTE))
            offset = len(words[0])
            for w in words[1:]:
                if offset > _BYTE:
                    break
                starts.append(fi << 16 | offset << 8 | (len(w) if len(w) < _BYTE else _BYTE))
                suffixes.append(key[offset:])
                offset += len(w)
        self._rec_forms.append(len(self._form_text))

    def _finish(self, starts: list[int], suffixes: list[str]) -> None:
        self._by_id = {rid: i for i, rid in enumerate(self._rec_id)}
        by_record = [  # autocomplete: short names first, then (missions) the newest
            min(len(name), 0xFFFF) << 40 | min(rank, 0xFF_FFFF_FFFF)
            for name, rank in zip(self._rec_name, self._rec_rank, strict=True)
        ]
        self._form_order = array(
            "q",
            [  # ... and a record's real names before its generated forms
                by_record[ri] | generated << 56
                for ri, generated in zip(self._form_rec, self._form_generated, strict=True)
            ],
        )
        # Fuzzy look-up: the folded keys long enough to be typed with a typo.
        self._ngrams = NgramIndex(k for k in self._exact if len(k) > SHORT_QUERY)
        # Autocomplete: word starts sorted by the text from there on, and forms sorted by key,
        # for each kind and for all. Records are sorted by kind, so each kind's forms (and the
        # word starts made from them, in form order) are one run: sort each run, then all of
        # them together (merging sorted runs is cheap for the sort).
        runs: dict[RecordKind, tuple[range, range]] = {}
        ri = 0
        while ri < len(self._rec_kind):
            kind, first = self._rec_kind[ri], ri
            while ri < len(self._rec_kind) and self._rec_kind[ri] == kind:
                ri += 1
            forms = range(self._rec_forms[first], self._rec_forms[ri])
            lo = bisect.bisect_left(starts, forms.start << 16)
            runs[kind] = (forms, range(lo, bisect.bisect_left(starts, forms.stop << 16)))
        by_suffix, by_key = suffixes.__getitem__, self._form_key.__getitem__
        starts_of: dict[RecordKind | None, list[int]] = {}
        whole_of: dict[RecordKind | None, list[int]] = {}
        for kind, (forms, entries) in runs.items():
            starts_of[kind] = sorted(entries, key=by_suffix)
            whole_of[kind] = sorted(forms, key=by_key)
        starts_of[None] = sorted(itertools.chain(*starts_of.values()), key=by_suffix)
        whole_of[None] = sorted(itertools.chain(*whole_of.values()), key=by_key)
        self._starts = {k: array("q", [starts[i] for i in v]) for k, v in starts_of.items()}
        self._whole = {k: array("q", v) for k, v in whole_of.items()}
        # The choices offered before anything is typed: each kind's first 25 by rank.
        by_kind: dict[RecordKind, list[int]] = {}
        for ri, rkind in enumerate(self._rec_kind):
            by_kind.setdefault(rkind, []).append(ri)
        for rkind, ris in by_kind.items():
            self._defaults[rkind] = heapq.nsmallest(25, ris, key=self._rec_rank.__getitem__)
        kind_order = {k: i for i, k in enumerate(_DEFAULT_KIND_ORDER)}
        self._defaults[None] = sorted(
            (ri for ris in list(self._defaults.values()) for ri in ris),
            key=lambda r: (kind_order.get(self._rec_kind[r], 99), self._rec_rank[r]),
        )[:25]

    # --- tables --------------------------------------------------------------------------

    def _suffix(self, entry: int) -> str:
        """The folded text from a packed word start to the end of its form."""
        return self._form_key[entry >> 16][entry >> 8 & _BYTE :]

    def _word_starts(self, table: array[int], prefix: str) -> array[int]:
        """The packed word starts beginning with prefix, in order (MAX_PREFIX_SCAN at most)."""
        lo = bisect.bisect_left(table, prefix, key=self._suffix)
        hi = min(len(table), lo + MAX_PREFIX_SCAN)
        return table[lo : bisect.bisect_left(table, prefix + _AFTER, lo, hi, key=self._suffix)]

    def _whole_forms(self, table: array[int], prefix: str) -> array[int]:
        """The forms whose folded key begins with prefix, in order (MAX_PREFIX_SCAN at most)."""
        key = self._form_key.__getitem__
        lo = bisect.bisect_left(table, prefix, key=key)
        hi = min(len(table), lo + MAX_PREFIX_SCAN)
        return table[lo : bisect.bisect_left(table, prefix + _AFTER, lo, hi, key=key)]

    def _starting(self, prefix: str) -> Iterator[tuple[int, int]]:
        """(form, length of the word) of every word starting with prefix: first words, then
        later ones (up to MAX_PREFIX_SCAN of each looked at)."""
        for fi in self._whole_forms(self._whole[None], prefix):
            yield fi, self._first_word[fi]
        for entry in self._word_starts(self._starts[None], prefix):
            yield entry >> 16, entry & _BYTE

    def _with_word(self, word: str) -> Iterator[int]:
        """Records with a form holding word as a whole word."""
        for fi, width in self._starting(word):
            if width == len(word):
                yield self._form_rec[fi]

    def _reordered(self, words: list[str]) -> Iterator[int]:
        """Forms spelling the same words in another order ("artemyev oleg")."""
        if len(words) > MAX_REORDERED_WORDS:
            return
        for order in itertools.permutations(words):
            yield from _posted(self._exact.get("".join(order)))

    def _keep_kinds(
        self, kindset: frozenset[RecordKind] | None
    ) -> Callable[[list[str]], list[str]] | None:
        """A filter of folded keys to those naming a record of these kinds (None: all)."""
        if kindset is None:
            return None
        exact, form_rec, rec_kind = self._exact, self._form_rec, self._rec_kind

        def keep(keys: list[str]) -> list[str]:
            out = []
            for k in keys:
                forms = exact[k]
                if isinstance(forms, int):
                    if rec_kind[form_rec[forms]] in kindset:
                        out.append(k)
                elif any(rec_kind[form_rec[fi]] in kindset for fi in forms):
                    out.append(k)
            return out

        return keep

    # --- searching -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._rec_id)

    def search(
        self, query: str, kinds: Iterable[RecordKind] | None = None, limit: int = 5
    ) -> SearchResult:
        """Ranked matches for a name typed by a person; `best` only when clearly right."""
        limit = max(0, min(limit, 25))
        kindset = frozenset(kinds) if kinds is not None else None
        words = fold_tokens(query[:MAX_QUERY_CHARS])
        key = "".join(words)
        if not key or limit == 0:
            return SearchResult(query, (), None)
        scores: dict[int, tuple[float, int]] = {}  # record -> (score, form)

        def offer(fi: int, score: float) -> None:
            ri = self._form_rec[fi]
            if kindset is not None and self._rec_kind[ri] not in kindset:
                return
            old = scores.get(ri)
            if old is None or score > old[0]:
                scores[ri] = (score, fi)

        for fi in _posted(self._exact.get(key)):
            offer(fi, SCORE_GENERATED if self._form_generated[fi] else SCORE_EXACT)
        if not scores and len(words) > 1:
            for fi in self._reordered(words):
                offer(fi, SCORE_REORDERED - (1.0 if self._form_generated[fi] else 0.0))
        margin = CONFIDENT_MARGIN
        if not scores:
            if len(key) <= SHORT_QUERY:
                self._short_prefix(key, kindset, scores, limit)
            else:
                self._fuzzy_search(key, words, kindset, offer, limit)
                # One typo costs ~100/len points: on short words, ask rather than guess.
                margin = max(CONFIDENT_MARGIN, 50.0 / len(key))
        return self._result(query, words, scores, limit, margin)

    def _fuzzy_search(
        self,
        key: str,
        words: list[str],
        kindset: frozenset[RecordKind] | None,
        offer: Callable[[int, float], None],
        limit: int,
    ) -> None:
        found = self._ngrams.extract(
            key,
            _typos_found(key),
            _reach(len(key)),
            SUGGEST_SCORE,
            3 * (limit + 5),  # keys: a record may have several close ones
            self._keep_kinds(kindset),
        )
        for k, score in found:
            for fi in _posted(self._exact.get(k)):
                offer(fi, score)
        # A whole word of longer names, or its stem ("dragon", "dragons" -> "Cargo Dragon"):
        # only ever a suggestion.
        for w in words:
            for word in dict.fromkeys((w, stem(w))):
                if len(word) >= 4:
                    for ri in itertools.islice(dict.fromkeys(self._with_word(word)), limit + 5):
                        offer(self._rec_forms[ri], SCORE_TOKEN)  # the record's name

    def _short_prefix(
        self,
        key: str,
        kindset: frozenset[RecordKind] | None,
        scores: dict[int, tuple[float, int]],
        limit: int,
    ) -> None:
        """A 2-3 character query: records with a word starting with it, as suggestions."""
        if len(key) < 2:
            return
        found: list[tuple[int, int, int, int]] = []
        for fi, width in self._starting(key):
            # The word itself must start here: "ms" matches "ms33" only as the word "ms".
            if width < len(key):
                continue
            ri = self._form_rec[fi]
            if kindset is not None and self._rec_kind[ri] not in kindset:
                continue
            found.append((len(self._rec_name[ri]), self._rec_rank[ri], ri, fi))
        found.sort()
        for _, _, ri, fi in found:
            if ri not in scores:
                scores[ri] = (SCORE_SHORT_PREFIX, fi)
            if len(scores) >= limit:
                break

    def _numbers(self, ri: int) -> set[str]:
        """Every number a record is known by (in any of its names, aliases or forms)."""
        out: set[str] = set()
        for fi in range(self._rec_forms[ri], self._rec_forms[ri + 1]):
            out.update(_DIGITS.findall(self._form_key[fi]))
        return out

    def _result(
        self,
        query: str,
        words: list[str],
        scores: dict[int, tuple[float, int]],
        limit: int,
        margin: float,
    ) -> SearchResult:
        key = fold(query[:MAX_QUERY_CHARS])
        ranked = sorted(
            scores.items(),
            key=lambda kv: (
                -kv[1][0],
                self._form_generated[kv[1][1]],
                len(self._rec_name[kv[0]]),
                self._rec_rank[kv[0]],
            ),
        )
        if len(ranked) > 1 and ranked[0][1][0] < SCORE_REORDERED:
            ranked = self._as_typed(query, key, ranked)
        matches = tuple(self._match(ri, fi, score) for ri, (score, fi) in ranked[:limit])
        best: Match | None = None
        if matches and matches[0].score >= CONFIDENT_SCORE:
            runner = max((m.score for m in matches[1:]), default=0.0)
            typed = set(_DIGITS.findall(key))
            name = self._form_key[ranked[0][1][1]]
            # A fuzzy match never changes a number: "progress ms-99" is not Progress MS-29.
            if (
                matches[0].score - runner >= margin
                and typed <= self._numbers(ranked[0][0])
                and _few_typos(key, name, matches[0].score)
                and (matches[0].score >= SCORE_REORDERED - 1.0 or self._nearest(key, ranked))
            ):
                best = matches[0]
        return SearchResult(query, matches, best)

    def _as_typed(
        self, query: str, key: str, ranked: list[tuple[int, tuple[float, int]]]
    ) -> list[tuple[int, tuple[float, int]]]:
        """Fuzzy matches near the best, re-ranked by the name as typed, word breaks included
        ("h muru": "H. Muju" before "Muru"), then by the folded score, then by typos."""
        from rapidfuzz import fuzz
        from rapidfuzz.distance import OSA
        from rapidfuzz.utils import default_process

        top = ranked[0][1][0]
        near = [kv for kv in ranked[:RERANK_MAX] if kv[1][0] >= top - RERANK_WINDOW]
        typed = default_process(query)

        def order(kv: tuple[int, tuple[float, int]]) -> tuple[float, float, int]:
            fi = kv[1][1]
            as_typed = fuzz.ratio(typed, default_process(self._form_text[fi]))
            return (-as_typed, -kv[1][0], OSA.distance(key, self._form_key[fi]))

        near.sort(key=order)
        return near + ranked[len(near) :]

    def _nearest(self, key: str, ranked: list[tuple[int, tuple[float, int]]]) -> bool:
        """Whether the first match is fewer typos from key than every other record found: one
        as near is as likely what was meant ("zamrad": Zamlad or Zam Rado)."""
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        typos = Levenshtein.distance(key, self._form_key[ranked[0][1][1]])
        others = [self._form_key[fi] for _, (_, fi) in ranked[1:]]
        near = process.extractOne(key, others, scorer=Levenshtein.distance, score_cutoff=typos)
        return near is None

    def _match(self, ri: int, fi: int, score: float, start: int = -1, end: int = -1) -> Match:
        text = self._form_text[fi]
        return Match(
            self._rec_id[ri],
            self._rec_kind[ri],
            self._rec_name[ri],
            text,
            round(score, 1),
            start,
            end,
        )

    # --- mentions in free text -----------------------------------------------------------

    def find_mentions(self, text: str, kinds: Iterable[RecordKind] | None = None) -> list[Match]:
        """Records named in a message, non-overlapping, best first (ties: in text order).

        Exact word-run matches come first; then fuzzy ones for words of 5+ characters (a fuzzy
        run may swallow a following generated-form hit: "progres ms33" is Progress MS-33, not
        Progress plus MS-33). A run naming several records equally well (a shared designator
        such as "MS-28") yields every one of them, with the same start and end.
        """
        kindset = frozenset(kinds) if kinds is not None else None
        toks = token_spans(text[:MAX_TEXT_CHARS])[:MAX_TEXT_TOKENS]
        n = len(toks)
        # owner[k]: the span covering token k, as (start token, end token, hits, weak) where
        # weak spans (generated forms only) may be taken over by a longer fuzzy span.
        spans: dict[int, tuple[int, list[tuple[int, int, float]], bool]] = {}
        owner: list[int | None] = [None] * n

        def claim(i: int, j: int, hits: list[tuple[int, int, float]], weak: bool) -> None:
            for k in range(i, j):
                old = owner[k]
                if old is not None and old in spans:
                    for kk in range(old, spans[old][0]):
                        owner[kk] = None
                    del spans[old]
            spans[i] = (j, hits, weak)
            for k in range(i, j):
                owner[k] = i

        i = 0
        while i < n:
            for size in range(min(self._max_ngram, n - i), 0, -1):
                words = [t[0] for t in toks[i : i + size]]
                if size == 1 and (words[0] in NOT_A_NAME or len(words[0]) < 2):
                    continue
                hits = self._exact_hits("".join(words), kindset)
                if hits:
                    claim(i, i + size, hits, all(s < SCORE_EXACT for _, _, s in hits))
                    i += size
                    break
            else:
                i += 1

        if kindset is None or kindset:
            i = 0
            while i < n:
                w = toks[i][0]
                if owner[i] is not None or len(w) < MIN_FUZZY_TOKEN or w in NOT_A_NAME:
                    i += 1
                    continue
                best: tuple[float, int, list[tuple[int, int, float]]] | None = None
                for size in range(1, min(3, n - i) + 1):
                    last = owner[i + size - 1]
                    if size > 1 and last is not None and not spans[last][2]:
                        break
                    run = "".join(t[0] for t in toks[i : i + size])
                    hits = self._fuzzy_hits(run, kindset)
                    if hits and (best is None or hits[0][2] > best[0]):
                        best = (hits[0][2], size, hits)
                if best is None:
                    i += 1
                    continue
                end = i + best[1]
                if end < n and owner[end - 1] is not None and owner[end] == owner[end - 1]:
                    end = i + 1  # never split a span: keep the single-word match
                    best = (best[0], 1, self._fuzzy_hits(w, kindset))
                if best[2]:
                    claim(i, end, best[2], False)
                i = end

        found: list[Match] = []
        seen: set[str] = set()
        for i, (j, hits, _weak) in sorted(spans.items()):
            for ri, fi, score in hits:
                rid = self._rec_id[ri]
                if rid not in seen:
                    seen.add(rid)
                    found.append(self._match(ri, fi, score, toks[i][1], toks[j - 1][2]))
        found.sort(key=lambda m: (-m.score, m.start))
        return found

    def _exact_hits(
        self, key: str, kindset: frozenset[RecordKind] | None
    ) -> list[tuple[int, int, float]]:
        best: dict[int, tuple[int, float]] = {}
        for fi in _posted(self._exact.get(key)):
            ri = self._form_rec[fi]
            if kindset is not None and self._rec_kind[ri] not in kindset:
                continue
            score = SCORE_GENERATED if self._form_generated[fi] else SCORE_EXACT
            if ri not in best or score > best[ri][1]:
                best[ri] = (fi, score)
        if not best:
            return []
        top = max(s for _, s in best.values())
        return [(ri, fi, s) for ri, (fi, s) in best.items() if s == top]

    def _fuzzy_hits(
        self, key: str, kindset: frozenset[RecordKind] | None
    ) -> list[tuple[int, int, float]]:
        """Records fuzzy-matching key: the best, plus any within the confidence margin;
        remembered (up to FUZZY_CACHE keys), as the same words come back message after message."""
        cached = self._fuzzy_cache.get((key, kindset))
        if cached is None:
            cached = tuple(self._fuzzy_hits_of(key, kindset))
            if len(self._fuzzy_cache) < FUZZY_CACHE:
                self._fuzzy_cache[(key, kindset)] = cached
        return list(cached)

    def _fuzzy_hits_of(
        self, key: str, kindset: frozenset[RecordKind] | None
    ) -> list[tuple[int, int, float]]:
        per_rec: dict[int, tuple[int, float]] = {}
        typed = set(_DIGITS.findall(key))
        typos = max_typos(key)
        keep = self._keep_kinds(kindset)
        # Only the probes the typos need: a mention is only taken when it is a close one.
        found = self._ngrams.extract(key, typos, typos, CONFIDENT_SCORE, 8, keep, budget=0)
        for k, score in found:
            if not set(_DIGITS.findall(k)) <= typed:
                continue  # "baikonur" does not name "Baikonur 1/5": its number was not typed
            if not _few_typos(key, k, score):
                continue  # "artemis" is not a typo of "artemiev"
            for fi in _posted(self._exact.get(k)):
                ri = self._form_rec[fi]
                if kindset is not None and self._rec_kind[ri] not in kindset:
                    continue
                if ri not in per_rec or score > per_rec[ri][1]:
                    per_rec[ri] = (fi, score)
        if not per_rec:
            return []
        ranked = sorted(per_rec.items(), key=lambda kv: -kv[1][1])
        top = ranked[0][1][1]
        return [(ri, fi, s) for ri, (fi, s) in ranked[:5] if top - s < CONFIDENT_MARGIN]

    # --- autocomplete --------------------------------------------------------------------

    def autocomplete(
        self, partial: str, kind: RecordKind | None = None, limit: int = 25
    ) -> list[Choice]:
        """The best (at most 25) choices for a partial name: word prefixes first, then fuzzy."""
        limit = max(0, min(limit, 25))
        key = fold(partial[:MAX_QUERY_CHARS])
        if limit == 0:
            return []
        if not key:
            return [self._choice(ri) for ri in self._defaults.get(kind, [])[:limit]]
        if len(key) <= 2:
            cached = self._short_cache.get((key, kind, limit))
            if cached is None:
                cached = self._autocomplete(key, kind, limit)
                if len(self._short_cache) < 10_000:
                    self._short_cache[(key, kind, limit)] = cached
            return list(cached)
        return self._autocomplete(key, kind, limit)

    def _autocomplete(self, key: str, kind: RecordKind | None, limit: int) -> list[Choice]:
        whole, starts = self._whole.get(kind), self._starts.get(kind)
        if whole is None or starts is None:
            return []
        # Names starting with what was typed first, then names with a later word starting so;
        # each best first: real before generated forms, short names, then newest missions.
        order = self._form_order
        best: dict[int, int] = {}  # record -> rank of its best form
        for fi in sorted(self._whole_forms(whole, key), key=order.__getitem__):
            if len(best) >= limit:
                break
            best.setdefault(self._form_rec[fi], order[fi])
        if len(best) < limit:
            later = self._word_starts(starts, key)
            for entry in sorted(later, key=lambda e: order[e >> 16]):
                if len(best) >= limit:
                    break
                best.setdefault(self._form_rec[entry >> 16], _LATER_WORD | order[entry >> 16])
        ordered = sorted(best, key=lambda ri: best[ri])[:limit]
        if len(ordered) < limit and len(key) > SHORT_QUERY:
            kindset = frozenset((kind,)) if kind is not None else None
            result = self.search(key, kindset, limit=min(limit, 10))
            have = set(ordered)
            for m in result.matches:
                ri = self._by_id[m.record_id]
                if ri not in have:
                    ordered.append(ri)
                    have.add(ri)
        return [self._choice(ri) for ri in ordered[:limit]]

    def _choice(self, ri: int) -> Choice:
        return Choice(_label(self._rec_name[ri], self._rec_kind[ri]), self._rec_id[ri])


_DEFAULT_KIND_ORDER: tuple[RecordKind, ...] = (
    "mission",
    "vehicle",
    "crew",
    "pad",
    "station",
    "organization",
    "topic",
)


def _label(name: str, kind: RecordKind) -> str:
    text = f"{name} ({kind})"
    if len(text) <= CHOICE_NAME_MAX:
        return text
    return text[: CHOICE_NAME_MAX - 1].rstrip() + "…"


def _forms_of(vehicles: dict[str, frozenset[str]], rec: Record) -> list[tuple[str, bool]]:
    """(text, generated) pairs a record can be found by."""
    forms: list[tuple[str, bool]] = [(n, False) for n in names_of(rec)]
    if isinstance(rec, Topic):
        return forms  # topics are found by title and aliases; questions are the router's job
    if isinstance(rec, CrewMember):
        for full in [rec.name, *rec.transliterations]:
            words = full.split()
            if len(words) > 1 and len(fold(words[-1])) >= 3:
                forms.append((words[-1], True))  # the surname
    if isinstance(rec, Mission):
        forms += [(d, True) for d in _designators(vehicles.get(rec.vehicle, frozenset()), rec)]
    return forms


def _designators(vehicle: frozenset[str], mission: Mission) -> list[str]:
    """ "MS-33" for "Progress MS-33": the name without its vehicle (or first word), when what
    is left carries a number (never "first flight" for "Dream Chaser first flight")."""
    out: list[str] = []
    for text in [mission.name, *mission.aliases]:
        words = text.split()
        folded = _folded_words(text, words)
        total = left = sum(map(len, folded))  # left: folded characters after the cut
        spelt = ""
        for cut in range(1, len(words)):  # leave at least one word
            spelt += folded[cut - 1]
            left -= len(folded[cut - 1])
            rest = " ".join(words[cut:])
            # without a number the rest is plain words ("first flight", "demo"), not a name
            if left >= 3 and spelt in vehicle and _DIGITS.search(rest):
                out.append(rest)
        if len(words) > 1 and total - len(folded[0]) >= 3:
            rest = " ".join(words[1:])
            if _DIGITS.search(rest) and any(c.isalpha() for c in rest):
                out.append(rest)
    return out


_NOT_ALNUM = re.compile(r"[^\w\s]|_")


def _folded_words(text: str, words: list[str]) -> list[str]:
    """fold() of each of text's space-separated words."""
    if text.isascii():  # in one pass, unless a word is all punctuation
        folded = _NOT_ALNUM.sub("", text.lower()).split()
        if len(folded) == len(words):
            return folded
    return [fold(w) for w in words]


def _mission_order(kb: KnowledgeBase) -> dict[str, int]:
    """Missions ranked by their latest planned date, newest first."""

    def when(m: Mission) -> dt.date:
        dates = [s.planned.start for s in m.schedule]
        return max(dates) if dates else m.status_as_of

    ordered = sorted(kb.missions.values(), key=lambda m: (when(m), m.id), reverse=True)
    return {m.id: i for i, m in enumerate(ordered)}


__all__ = [
    "CONFIDENT_SCORE",
    "Choice",
    "Match",
    "SearchIndex",
    "SearchResult",
    "fold",
    "fold_tokens",
    "max_typos",
]
