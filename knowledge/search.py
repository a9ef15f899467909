"""The fuzzy search index over record names, aliases and generated forms (rapidfuzz)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from knowledge.base import KnowledgeBase
from knowledge.names import names_of
from knowledge.schema import CrewMember, Mission, Record, RecordKind, Topic
from knowledge.text import NOT_A_NAME, fold, fold_tokens, token_spans

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


@dataclass(frozen=True, slots=True)
class _Rec:
    id: str
    kind: RecordKind
    name: str
    rank: int  # smaller is more useful (missions: newest planned date first; others: by name)
    label: str  # the autocomplete choice name


@dataclass(frozen=True, slots=True)
class _Form:
    rec: int  # index into _recs
    text: str  # as written (or generated)
    generated: bool
    words: tuple[str, ...]  # its folded words
    digits: frozenset[str]  # the numbers in its folded form ("Baikonur 1/5" -> {"15"})


ANCHORS = (0, 2, 4)  # a form is bucketed under its character pairs at these positions
SHIFTS = (0, -1, 1, -2, 2)  # a query looks each pair up this far off (inserted/deleted letters)


@dataclass
class _Fuzzy:
    """Folded forms bucketed by the character pairs at a few positions, for rapidfuzz.

    One or two typos leave at least one of a form's pairs intact (at most two places off), so
    a query only has to be scored against the forms sharing one of its pairs: a few hundred
    forms instead of every one.
    """

    buckets: dict[tuple[int, str], tuple[list[str], list[int]]] = field(default_factory=dict)

    def add(self, key: str, form: int) -> None:
        for pos in ANCHORS:
            pair = key[pos : pos + 2]
            if len(pair) < 2 and pos > 0:
                break
            keys, forms = self.buckets.setdefault((pos, pair), ([], []))
            keys.append(key)
            forms.append(form)

    def extract(self, query: str, cutoff: float, limit: int) -> dict[int, float]:
        """Best score per form among forms sharing an anchored character pair with query."""
        found: dict[int, float] = {}
        seen: set[tuple[int, str]] = set()
        for pos in ANCHORS:
            for shift in SHIFTS:
                at = pos + shift
                if at < 0 or (pos > 0 and at + 2 > len(query)):
                    continue
                slot = (pos, query[at : at + 2])
                if slot in seen:
                    continue
                seen.add(slot)
                bucket = self.buckets.get(slot)
                if bucket is None:
                    continue
                keys, forms = bucket
                for _key, score, i in process.extract(
                    query,
                    keys,
                    scorer=fuzz.ratio,
                    processor=None,
                    score_cutoff=cutoff,
                    limit=limit,
                ):
                    form = forms[i]
                    if score > found.get(form, -1.0):
                        found[form] = float(score)
        return found


@dataclass
class _Prefix:
    """Sorted word-suffix keys ("progressms33", "ms33", "33") for autocomplete prefixes."""

    keys: list[str] = field(default_factory=list)
    forms: list[int] = field(default_factory=list)
    tiers: list[int] = field(default_factory=list)  # 0: the whole form, 1: a later word


class SearchIndex:
    """The fuzzy index of one loaded base: build once, then search, find mentions, complete."""

    def __init__(self) -> None:
        self._recs: list[_Rec] = []
        self._forms: list[_Form] = []
        self._exact: dict[str, list[int]] = {}  # folded form -> form indices
        self._reordered: dict[str, list[int]] = {}  # sorted words -> form indices
        self._words: dict[str, list[int]] = {}  # folded word (len >= 4) -> record indices
        self._fuzzy: dict[frozenset[RecordKind] | None, _Fuzzy] = {}
        self._prefix: dict[RecordKind | None, _Prefix] = {}  # every word-suffix key
        self._whole: dict[RecordKind | None, _Prefix] = {}  # whole forms only
        self._defaults: dict[RecordKind | None, list[int]] = {}
        self._short_cache: dict[tuple[str, RecordKind | None, int], list[Choice]] = {}
        self._max_ngram = 1
        self._by_id: dict[str, int] = {}
        self._rec_numbers: list[frozenset[str]] = []

    # --- building ------------------------------------------------------------------------

    @classmethod
    def build(cls, kb: KnowledgeBase) -> SearchIndex:
        """Index every named record of kb (sources excluded; topics by title only)."""
        index = cls()
        records = sorted(kb.records(), key=lambda kr: (kr[0], kr[1].name.casefold(), kr[1].id))
        mission_order = _mission_order(kb)
        prefixes = {
            vid: [fold_tokens(t) for t in [v.name, *v.aliases]] for vid, v in kb.vehicles.items()
        }
        for kind, rec in records:
            rank = mission_order.get(rec.id, len(index._recs))
            label = _label(rec.name, kind)
            index._recs.append(_Rec(rec.id, kind, rec.name, rank, label))
            ri = len(index._recs) - 1
            for text, generated in _forms_of(prefixes, rec):
                index._add_form(ri, text, generated)
        index._finish()
        return index

    def _add_form(self, ri: int, text: str, generated: bool) -> None:
        words = fold_tokens(text)
        key = "".join(words)
        if not key:
            return
        for fi in self._exact.get(key, ()):
            if self._forms[fi].rec == ri:  # this record already has this form
                if self._forms[fi].generated and not generated:
                    self._forms[fi] = _Form(ri, text, False, tuple(words), _numbers(words))
                return
        self._forms.append(_Form(ri, text, generated, tuple(words), _numbers(words)))
        fi = len(self._forms) - 1
        self._exact.setdefault(key, []).append(fi)
        if len(words) > 1:
            self._reordered.setdefault(" ".join(sorted(words)), []).append(fi)
            self._max_ngram = min(MAX_NGRAM, max(self._max_ngram, len(words)))
        for w in words:
            if len(w) >= 4:
                recs = self._words.setdefault(w, [])
                if ri not in recs:
                    recs.append(ri)

    def _finish(self) -> None:
        entries: dict[RecordKind | None, list[tuple[str, int, int]]] = {None: []}
        for fi, form in enumerate(self._forms):
            rkind = self._recs[form.rec].kind
            words = form.words
            for i in range(len(words)):
                entry = ("".join(words[i:]), fi, 0 if i == 0 else 1)
                entries[None].append(entry)
                entries.setdefault(rkind, []).append(entry)
        self._by_id = {r.id: i for i, r in enumerate(self._recs)}
        numbers: list[set[str]] = [set() for _ in self._recs]
        for form in self._forms:
            numbers[form.rec] |= form.digits
        self._rec_numbers = [frozenset(n) for n in numbers]  # every number a record is known by
        for kind, items in entries.items():
            items.sort()
            self._prefix[kind] = _Prefix(
                [k for k, _, _ in items], [f for _, f, _ in items], [t for _, _, t in items]
            )
            whole = [e for e in items if e[2] == 0]
            self._whole[kind] = _Prefix(
                [k for k, _, _ in whole], [f for _, f, _ in whole], [0] * len(whole)
            )
        by_kind: dict[RecordKind | None, list[int]] = {None: []}
        for ri, rec in enumerate(self._recs):
            by_kind[None].append(ri)
            by_kind.setdefault(rec.kind, []).append(ri)
        kind_order = {k: i for i, k in enumerate(_DEFAULT_KIND_ORDER)}
        for kind, ris in by_kind.items():
            ris.sort(key=lambda r: (kind_order.get(self._recs[r].kind, 99), self._recs[r].rank))
            self._defaults[kind] = ris[:25]
        self._fuzzy_for(None)
        for one in by_kind:
            if one is not None:
                self._fuzzy_for(frozenset((one,)))

    def _fuzzy_for(self, kinds: frozenset[RecordKind] | None) -> _Fuzzy:
        fz = self._fuzzy.get(kinds)
        if fz is None:
            fz = _Fuzzy()
            for key, forms in self._exact.items():
                if len(key) <= SHORT_QUERY:
                    continue
                for fi in forms:
                    if kinds is None or self._recs[self._forms[fi].rec].kind in kinds:
                        fz.add(key, fi)
            self._fuzzy[kinds] = fz
        return fz

    # --- searching -----------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._recs)

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
            ri = self._forms[fi].rec
            if kindset is not None and self._recs[ri].kind not in kindset:
                return
            old = scores.get(ri)
            if old is None or score > old[0]:
                scores[ri] = (score, fi)

        for fi in self._exact.get(key, ()):
            offer(fi, SCORE_GENERATED if self._forms[fi].generated else SCORE_EXACT)
        if not scores and len(words) > 1:
            for fi in self._reordered.get(" ".join(sorted(words)), ()):
                offer(fi, SCORE_REORDERED - (1.0 if self._forms[fi].generated else 0.0))
        margin = CONFIDENT_MARGIN
        if not scores:
            if len(key) <= SHORT_QUERY:
                self._short_prefix(key, kindset, scores, limit)
            else:
                self._fuzzy_search(key, words, kindset, offer, limit)
                # One typo costs ~100/len points: on short words, ask rather than guess.
                margin = max(CONFIDENT_MARGIN, 50.0 / len(key))
        return self._result(query, scores, limit, margin)

    def _fuzzy_search(
        self,
        key: str,
        words: list[str],
        kindset: frozenset[RecordKind] | None,
        offer: Callable[[int, float], None],
        limit: int,
    ) -> None:
        for fi, score in self._fuzzy_for(kindset).extract(key, SUGGEST_SCORE, limit + 5).items():
            offer(fi, score)
        # A whole word of longer names ("dragon" -> "Cargo Dragon"): only ever a suggestion.
        for w in words:
            for ri in self._words.get(w, ())[: limit + 5]:
                fi = self._first_form(ri)
                offer(fi, SCORE_TOKEN)

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
        pfx = self._prefix[None]
        lo = bisect.bisect_left(pfx.keys, key)
        found: list[tuple[int, int, int, int]] = []
        for i in range(lo, min(lo + MAX_PREFIX_SCAN, len(pfx.keys))):
            k = pfx.keys[i]
            if not k.startswith(key):
                break
            form = self._forms[pfx.forms[i]]
            # The word itself must start here: "ms" matches "ms33" only as the word "ms".
            if not any(w.startswith(key) for w in form.words):
                continue
            rec = self._recs[form.rec]
            if kindset is not None and rec.kind not in kindset:
                continue
            found.append((len(rec.name), rec.rank, form.rec, pfx.forms[i]))
        found.sort()
        for _, _, ri, fi in found:
            if ri not in scores:
                scores[ri] = (SCORE_SHORT_PREFIX, fi)
            if len(scores) >= limit:
                break

    def _first_form(self, ri: int) -> int:
        key = fold(self._recs[ri].name)
        for fi in self._exact.get(key, ()):
            if self._forms[fi].rec == ri:
                return fi
        return next(i for i, f in enumerate(self._forms) if f.rec == ri)

    def _result(
        self, query: str, scores: dict[int, tuple[float, int]], limit: int, margin: float
    ) -> SearchResult:
        ranked = sorted(
            scores.items(),
            key=lambda kv: (
                -kv[1][0],
                self._forms[kv[1][1]].generated,
                len(self._recs[kv[0]].name),
                self._recs[kv[0]].rank,
            ),
        )[:limit]
        matches = tuple(self._match(ri, fi, score) for ri, (score, fi) in ranked)
        best: Match | None = None
        if matches and matches[0].score >= CONFIDENT_SCORE:
            runner = matches[1].score if len(matches) > 1 else 0.0
            key = fold(query[:MAX_QUERY_CHARS])
            typed = set(_DIGITS.findall(key))
            # A fuzzy match never changes a number: "progress ms-99" is not Progress MS-29.
            if (
                matches[0].score - runner >= margin
                and typed <= self._rec_numbers[ranked[0][0]]
                and self._few_typos(key, ranked[0][1][1], matches[0].score)
            ):
                best = matches[0]
        return SearchResult(query, matches, best)

    def _few_typos(self, key: str, fi: int, score: float) -> bool:
        """Whether a match is exact or within the typos allowed for its length."""
        if score >= SCORE_REORDERED - 1.0:
            return True  # exact, generated or reordered: no typo at all
        return Levenshtein.distance(key, "".join(self._forms[fi].words)) <= max_typos(key)

    def _match(self, ri: int, fi: int, score: float, start: int = -1, end: int = -1) -> Match:
        rec = self._recs[ri]
        text = self._forms[fi].text
        return Match(rec.id, rec.kind, rec.name, text, round(score, 1), start, end)

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
            fz = self._fuzzy_for(kindset)
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
                    hits = self._fuzzy_hits(fz, "".join(t[0] for t in toks[i : i + size]))
                    if hits and (best is None or hits[0][2] > best[0]):
                        best = (hits[0][2], size, hits)
                if best is None:
                    i += 1
                    continue
                end = i + best[1]
                if end < n and owner[end - 1] is not None and owner[end] == owner[end - 1]:
                    end = i + 1  # never split a span: keep the single-word match
                    best = (best[0], 1, self._fuzzy_hits(fz, w))
                if best[2]:
                    claim(i, end, best[2], False)
                i = end

        found: list[Match] = []
        seen: set[str] = set()
        for i, (j, hits, _weak) in sorted(spans.items()):
            for ri, fi, score in hits:
                rid = self._recs[ri].id
                if rid not in seen:
                    seen.add(rid)
                    found.append(self._match(ri, fi, score, toks[i][1], toks[j - 1][2]))
        found.sort(key=lambda m: (-m.score, m.start))
        return found

    def _exact_hits(
        self, key: str, kindset: frozenset[RecordKind] | None
    ) -> list[tuple[int, int, float]]:
        best: dict[int, tuple[int, float]] = {}
        for fi in self._exact.get(key, ()):
            form = self._forms[fi]
            if kindset is not None and self._recs[form.rec].kind not in kindset:
                continue
            score = SCORE_GENERATED if form.generated else SCORE_EXACT
            if form.rec not in best or score > best[form.rec][1]:
                best[form.rec] = (fi, score)
        if not best:
            return []
        top = max(s for _, s in best.values())
        return [(ri, fi, s) for ri, (fi, s) in best.items() if s == top]

    def _fuzzy_hits(self, fz: _Fuzzy, key: str) -> list[tuple[int, int, float]]:
        """Records fuzzy-matching key: the best, plus any within the confidence margin."""
        per_rec: dict[int, tuple[int, float]] = {}
        typed = set(_DIGITS.findall(key))
        for fi, score in fz.extract(key, CONFIDENT_SCORE, 8).items():
            if not self._forms[fi].digits <= typed:
                continue  # "baikonur" does not name "Baikonur 1/5": its number was not typed
            if not self._few_typos(key, fi, score):
                continue  # "artemis" is not a typo of "artemiev"
            ri = self._forms[fi].rec
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
        best: dict[int, tuple[int, int, int, int]] = {}
        for table in (self._whole, self._prefix):
            pfx = table.get(kind)
            if pfx is None:
                return []
            lo = bisect.bisect_left(pfx.keys, key)
            for i in range(lo, min(lo + MAX_PREFIX_SCAN, len(pfx.keys))):
                if not pfx.keys[i].startswith(key):
                    break
                form = self._forms[pfx.forms[i]]
                rec = self._recs[form.rec]
                rank = (pfx.tiers[i], int(form.generated), len(rec.name), rec.rank)
                if form.rec not in best or rank < best[form.rec]:
                    best[form.rec] = rank
            if len(best) >= limit:
                break
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
        rec = self._recs[ri]
        return Choice(rec.label, rec.id)


def max_typos(key: str) -> int:
    """How many edits a folded name of this length may carry and still be confidently it."""
    if len(key) <= SHORT_NAME_CHARS:
        return 1
    return 2 if len(key) <= LONG_NAME_CHARS else 3


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


def _forms_of(prefixes: dict[str, list[list[str]]], rec: Record) -> list[tuple[str, bool]]:
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
        forms += [(d, True) for d in _designators(prefixes.get(rec.vehicle, []), rec)]
    return forms


def _designators(prefixes: list[list[str]], mission: Mission) -> list[str]:
    """ "MS-33" for "Progress MS-33": the name without its vehicle (or first word)."""
    out: list[str] = []
    for text in [mission.name, *mission.aliases]:
        words = text.split()
        folded = [fold(w) for w in words]
        for pre in prefixes:
            cut = _strip_prefix(folded, pre)
            if cut:
                out.append(" ".join(words[cut:]))
        if len(words) > 1:
            rest = " ".join(words[1:])
            if any(c.isdigit() for c in rest) and any(c.isalpha() for c in rest):
                out.append(rest)
    return [d for d in out if len(fold(d)) >= 3]


def _strip_prefix(words: list[str], prefix: list[str]) -> int:
    """How many of words spell out prefix (0 if they do not, or nothing would remain)."""
    if not prefix:
        return 0
    target = "".join(prefix)
    acc = ""
    for i, w in enumerate(words):
        acc += w
        if acc == target:
            return i + 1 if i + 1 < len(words) else 0
        if not target.startswith(acc):
            return 0
    return 0


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
