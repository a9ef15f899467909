"""Typo-tolerant look-up of folded names: trigram postings sorted by length, scored by rapidfuzz.

Every name (a folded key such as "progressms33") is posted under each of its trigrams, padded
with "^" and "$" so that first and last letters count; each posting is sorted by name length,
so the names of the lengths a query can reach are one slice of it. A query probes only the
trigrams it needs:

- One typo (a substitution, insertion, deletion or swap of two neighbours) spoils at most
  GRAM + 1 trigrams in a row. So if a query probes k + 1 of its trigrams that are at least
  GRAM + 1 places apart, every name within k typos of it still has one of them: that name is a
  candidate. Among all such sets the probes chosen are those with the fewest names (a rare
  trigram is a selective one), picked by a small dynamic programme over trigram positions.
- A query too short for k + 1 such trigrams probes all of its trigrams instead.
- Then further trigrams, fewest names first, while the names gathered stay within
  PROBE_BUDGET: nearly every trigram on a small base, the rarest few on a big one.

Candidates are scored in C by rapidfuzz (`fuzz.ratio`), so a query costs in proportion to the
few hundred names sharing a rare trigram with it, not to the size of the base.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import chain

GRAM = 3  # trigrams
PROBE_BUDGET = 1000  # names a query may gather beyond the probes its typos need
_SPAN = GRAM + 1  # consecutive trigram positions one typo can spoil (a swap of neighbours)
_START, _END = "^", "$"  # padding; folded keys hold letters and digits only

_Slice = tuple[tuple[str, ...], int, int]  # a posting and the range of it a query reaches


def _grams(key: str) -> list[str]:
    padded = _START + key + _END
    return [padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)]


class NgramIndex:
    """Folded keys posted under their trigrams, for candidates within a number of typos."""

    def __init__(self, keys: Iterable[str]) -> None:
        """Index keys (each given once)."""
        postings: defaultdict[str, list[str]] = defaultdict(list)
        cuts: list[tuple[slice, ...]] = []  # the trigram slices of a padded key, by key length
        for key in sorted(keys, key=len):  # so every posting is sorted by length
            while len(cuts) <= len(key):
                cuts.append(tuple(slice(i, i + GRAM) for i in range(len(cuts))))
            for gram in map((_START + key + _END).__getitem__, cuts[len(key)]):
                postings[gram].append(key)  # a repeated trigram: twice
        # Tuples: no spare capacity, and candidates are gathered from them in C.
        self._postings: dict[str, tuple[str, ...]] = {g: tuple(v) for g, v in postings.items()}

    def __len__(self) -> int:
        return len(self._postings)

    def candidates(
        self, query: str, typos: int, reach: int, budget: int = PROBE_BUDGET
    ) -> list[str]:
        """Keys at most `reach` letters longer or shorter than query that may be within
        `typos` edits of it, each once: every one that is, when the query is long enough for
        typos + 1 separate probes; then more, while they number at most budget."""
        shortest = len(query) - max(typos, reach)
        longest = len(query) + max(typos, reach)
        probes: list[_Slice] = []
        for gram in _grams(query):
            posted = self._postings.get(gram, ())
            lo = bisect_left(posted, shortest, key=len)
            probes.append((posted, lo, bisect_right(posted, longest, lo, key=len)))
        sizes = [hi - lo for _, lo, hi in probes]
        chosen = None if sum(sizes) <= budget else _separated(sizes, typos + 1)
        if chosen is None:
            chosen = list(range(len(probes)))
        else:
            spent = sum(sizes[i] for i in chosen)
            for i in sorted(set(range(len(probes))) - set(chosen), key=sizes.__getitem__):
                if spent + sizes[i] > budget:
                    break
                spent += sizes[i]
                chosen.append(i)
        slices = (probes[i][0][probes[i][1] : probes[i][2]] for i in chosen)
        return list(dict.fromkeys(chain.from_iterable(slices)))

    def extract(
        self,
        query: str,
        typos: int,
        reach: int,
        cutoff: float,
        limit: int,
        keep: Callable[[list[str]], list[str]] | None = None,
        budget: int = PROBE_BUDGET,
    ) -> list[tuple[str, float]]:
        """(key, fuzz.ratio score) of the best candidates scoring at least cutoff, best first;
        keep, if given, filters the candidates first."""
        from rapidfuzz import fuzz, process  # not imported by a start-up that needs none

        found = self.candidates(query, typos, reach, budget)
        if keep is not None:
            found = keep(found)
        scored = process.extract(
            query, found, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=limit
        )
        return [(key, float(score)) for key, score, _ in scored]


def _separated(sizes: list[int], need: int) -> list[int] | None:
    """The positions of `need` probes at least _SPAN apart with the fewest names in all;
    None when the query is too short for that many."""
    if need * _SPAN > len(sizes) + _SPAN - 1:
        return None
    inf = float("inf")
    # best[i]: (cost, picks) of the cheapest set of c probes among positions < i, for the
    # current count c; a new probe at i may follow a set among positions <= i - _SPAN.
    best: list[tuple[float, tuple[int, ...]]] = [(0.0, ())] * (len(sizes) + 1)
    for _ in range(need):
        nxt: list[tuple[float, tuple[int, ...]]] = [(inf, ())] * (len(sizes) + 1)
        for i, size in enumerate(sizes):
            cost, picks = best[max(0, i - _SPAN + 1)]
            nxt[i + 1] = (cost + size, (*picks, i)) if cost + size < nxt[i][0] else nxt[i]
        best = nxt
    cost, picks = best[len(sizes)]
    return list(picks) if cost != inf else None
