"""knowledge.search against fair baselines, on the curated base and on generated 10k/100k ones.

Every query set is typo'd names and aliases (knowledge.generate.typo_queries: one or two
keyboard slips and/or a change of case, spacing or dashes). Each query is timed `--repeat`
times and its median kept, so a busy machine shows less in the percentiles; the baselines are
measured in the same run:

- the exact-dict floor: a dict from every folded name and alias to its record;
- rapidfuzz `process.extract(..., limit=5)` over every name and alias, with `fuzz.ratio` and
  with `fuzz.WRatio`, both case-folded (`default_process`, applied to the names once);
- difflib.get_close_matches with its usual cutoff of 0.6, case-folded (a sample of queries).

Run: .venv/bin/python -m benchmarks.search_bench [--records 10000 100000] [--queries 1000]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from knowledge import KnowledgeBase, LoadError, load
from knowledge.generate import generate_base, typo_queries
from knowledge.search import SearchIndex, fold

# Goals by base size: p99 ms of search and of autocomplete, index bytes per record, build s.
GOALS: dict[int, dict[str, float]] = {
    10_000: {"search p99 ms": 1.0, "autocomplete p99 ms": 1.0},
    100_000: {"search p99 ms": 3.0, "bytes per record": 2048, "build s": 5.0},
}


@dataclass
class Row:
    """One line of the results table."""

    base: str
    method: str
    queries: int
    median_ms: float
    p99_ms: float
    top1: float | None
    note: str = ""
    figures: dict[str, float] | None = None  # what the goals are checked against


def timed(
    fn: Callable[[str], object], queries: Sequence[str], repeat: int
) -> tuple[list[float], list[object]]:
    """Per query: the median of `repeat` timings (ms), and the result."""
    times: list[float] = []
    results: list[object] = []
    for q in queries:
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter_ns()
            r = fn(q)
            runs.append((time.perf_counter_ns() - t0) / 1e6)
        times.append(statistics.median(runs))
        results.append(r)
    return times, results


def p99(times: list[float]) -> float:
    """The 99th percentile."""
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def names_of(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
    """Every name, alias and transliteration as written, with the id of its record."""
    texts: list[str] = []
    owners: list[str] = []
    for kind, rec in kb.records():
        forms = [rec.name]
        if kind != "topic":
            forms += [*rec.aliases, *getattr(rec, "transliterations", ())]
        for f in forms:
            texts.append(f)
            owners.append(rec.id)
    return texts, owners


def build_index(kb: KnowledgeBase, memory: bool) -> tuple[SearchIndex, float, float | None]:
    """The index, its build time (s) and, if asked, what it holds per record (bytes)."""
    gc.collect()
    t0 = time.perf_counter()
    index = SearchIndex.build(kb)
    seconds = time.perf_counter() - t0
    per_record = None
    if memory:  # a second build, traced (tracing slows it down several times)
        del index
        gc.collect()
        tracemalloc.start()
        index = SearchIndex.build(kb)
        gc.collect()
        per_record = tracemalloc.get_traced_memory()[0] / max(1, len(index))
        tracemalloc.stop()
    return index, seconds, per_record


def bench_base(label: str, kb: KnowledgeBase, args: argparse.Namespace) -> list[Row]:
    """All measurements on one base."""
    rows: list[Row] = []
    index, build_s, per_record = build_index(kb, args.memory)
    pairs = typo_queries(kb, args.queries, seed=1)
    if not pairs:
        print(f"{label}: no records to query, skipped", file=sys.stderr)
        return rows
    queries = [q for q, _ in pairs]
    expected = [rid for _, rid in pairs]
    texts, owners = names_of(kb)
    memory = f", {per_record:,.0f} bytes per record" if per_record is not None else ""
    print(
        f"{label}: {len(index)} records, {len(texts)} names+aliases; index built in "
        f"{build_s:.2f} s{memory}; {len(pairs)} typo'd queries",
        file=sys.stderr,
        flush=True,
    )
    rows.append(
        Row(
            label,
            "SearchIndex.build",
            1,
            build_s * 1000,
            build_s * 1000,
            None,
            f"{per_record:,.0f} bytes/record" if per_record is not None else "",
        )
    )
    gc.collect()
    gc.freeze()
    n = len(queries)

    def top1(ids: list[str | None], want: list[str]) -> float:
        return sum(a == b for a, b in zip(ids, want, strict=False)) / len(ids)

    times, results = timed(index.search, queries, args.repeat)
    ids: list[str | None] = []
    confident = wrong = 0
    for r, want in zip(results, expected, strict=True):
        matches = getattr(r, "matches", ())
        ids.append(matches[0].record_id if matches else None)
        best = getattr(r, "best", None)
        if best is not None:
            confident += 1
            wrong += best.record_id != want
    rows.append(
        Row(
            label,
            "SearchIndex.search",
            n,
            statistics.median(times),
            p99(times),
            top1(ids, expected),
            f"confident {confident / n:.1%}, confident-and-wrong {wrong}",
        )
    )

    times, results = timed(index.autocomplete, queries, args.repeat)
    firsts = [r[0].value if isinstance(r, list) and r else None for r in results]
    within = sum(
        any(c.value == want for c in r)
        for r, want in zip(results, expected, strict=True)
        if isinstance(r, list)
    )
    rows.append(
        Row(
            label,
            "SearchIndex.autocomplete (typo'd)",
            n,
            statistics.median(times),
            p99(times),
            top1(firsts, expected),
            f"expected among the choices: {within / n:.1%}",
        )
    )
    rng = random.Random(2)
    prefixes = [q[: rng.randint(1, max(1, len(q)))] for q in queries]
    times, _ = timed(index.autocomplete, prefixes, args.repeat)
    by_length: dict[int, list[float]] = {}
    for p, t in zip(prefixes, times, strict=True):
        by_length.setdefault(min(len(p), 12), []).append(t)
    worst = max(by_length, key=lambda k: p99(by_length[k]))
    rows.append(
        Row(
            label,
            "SearchIndex.autocomplete (prefixes)",
            n,
            statistics.median(times),
            p99(times),
            None,
            f"as typed, 1-{max(map(len, prefixes))} chars; worst length {worst}: "
            f"p99 {p99(by_length[worst]):.3f} ms",
        )
    )
    messages = [
        f"hey capcom when does the {q} launch and what will it carry up to the station "
        "this year please"
        for q in queries
    ]
    times, results = timed(index.find_mentions, messages, args.repeat)
    hit = sum(
        any(m.record_id == want for m in r)  # type: ignore[attr-defined]
        for r, want in zip(results, expected, strict=True)
    )
    rows.append(
        Row(
            label,
            "SearchIndex.find_mentions (20 words)",
            n,
            statistics.median(times),
            p99(times),
            hit / n,
            "the typo'd record among the mentions found",
        )
    )

    # The floor: exact look-up of the folded query.
    exact: dict[str, str] = {}
    for text, owner in zip(texts, owners, strict=True):
        exact.setdefault(fold(text), owner)
    times, results = timed(lambda q: exact.get(fold(q)), queries, args.repeat)
    rows.append(
        Row(
            label,
            "floor: dict of folded names",
            n,
            statistics.median(times),
            p99(times),
            top1([r if isinstance(r, str) else None for r in results], expected),
            "finds only case/space/dash changes",
        )
    )

    processed = [default_process(t) for t in texts]
    sample = max(1, min(n, args.sample if len(texts) > 100_000 else n))
    for name, scorer in (("ratio", fuzz.ratio), ("WRatio", fuzz.WRatio)):
        take = sample if name == "ratio" else max(1, sample // 3)

        def extract(q: str, scorer: Callable[..., float] = scorer) -> object:
            return process.extract(
                default_process(q), processed, scorer=scorer, processor=None, limit=5
            )

        times, results = timed(extract, queries[:take], 1)
        ids = [owners[r[0][2]] if r else None for r in results]  # type: ignore[index]
        rows.append(
            Row(
                label,
                f"baseline: rapidfuzz extract {name}, case-folded, limit 5",
                take,
                statistics.median(times),
                p99(times),
                top1(ids, expected[:take]),
                "every name and alias" + ("" if take == n else f"; first {take} queries"),
            )
        )

    folded = [t.casefold() for t in texts]
    owner_of = dict(zip(folded, owners, strict=True))
    take = max(1, min(n, args.difflib))
    times, results = timed(
        lambda q: difflib.get_close_matches(q.casefold(), folded, n=5, cutoff=0.6),
        queries[:take],
        1,
    )
    ids = [owner_of[r[0]] if r else None for r in results]  # type: ignore[index]
    rows.append(
        Row(
            label,
            "baseline: difflib.get_close_matches, cutoff 0.6, case-folded",
            take,
            statistics.median(times),
            p99(times),
            top1(ids, expected[:take]),
            f"first {take} queries",
        )
    )
    gc.unfreeze()
    return rows


def render(rows: list[Row]) -> str:
    """The markdown table, then search against each baseline."""
    out = [
        "| base | method | queries | median ms | p99 ms | top-1 | notes |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        acc = f"{r.top1:.1%}" if r.top1 is not None else "—"
        out.append(
            f"| {r.base} | {r.method} | {r.queries} | {r.median_ms:.3f} | {r.p99_ms:.3f} "
            f"| {acc} | {r.note} |"
        )
    out.append("")
    for base in dict.fromkeys(r.base for r in rows):
        mine = {r.method: r for r in rows if r.base == base}
        search = mine.get("SearchIndex.search")
        if search is None:
            continue
        for name, b in mine.items():
            if not name.startswith("baseline"):
                continue
            out.append(
                f"- {base}: search {b.median_ms / search.median_ms:,.0f}× faster at the median, "
                f"{b.p99_ms / search.p99_ms:,.0f}× at p99 than {name.removeprefix('baseline: ')}"
                f"; top-1 {search.top1 or 0:.1%} vs {b.top1 or 0:.1%}"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run on the curated base and generated ones; print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="timings per query (median)")
    parser.add_argument("--sample", type=int, default=300, help="rapidfuzz baseline queries >100k")
    parser.add_argument("--difflib", type=int, default=50, help="queries timed for difflib")
    parser.add_argument("--no-memory", dest="memory", action="store_false")
    parser.add_argument("--knowledge", type=Path, default=None, help="curated base folder")
    args = parser.parse_args(argv)
    print(
        f"{platform.node()}: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}",
        flush=True,
    )
    rows: list[Row] = []
    goals: list[str] = []
    try:
        curated = load(args.knowledge)
    except LoadError as exc:
        print(f"curated base does not load ({len(exc.problems)} problems)", file=sys.stderr)
    else:
        rows += bench_base("curated", curated, args)
    for n in args.records:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            folder = generate_base(Path(tmp) / "generated", n, seed=0)
            t1 = time.perf_counter()
            generated = load(folder)
            print(
                f"generated {n:,}: written in {t1 - t0:.1f} s, loaded in "
                f"{time.perf_counter() - t1:.1f} s",
                file=sys.stderr,
                flush=True,
            )
            found = bench_base(f"generated {n:,}", generated, args)
            rows += found
            del generated
        for goal, limit in GOALS.get(n, {}).items():
            figure = next((r.figures[goal] for r in found if r.figures and goal in r.figures), None)
            if figure is not None:
                verdict = "ok" if figure <= limit else "MISSED"
                goals.append(
                    f"- generated {n:,}: {goal} {figure:,.3g} (goal ≤ {limit:g}): {verdict}"
                )
    print(render(rows))
    print("\n".join(goals))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
