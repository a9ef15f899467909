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
from typing import Any, Protocol, TypeVar

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from benchmarks import baseline_search
from knowledge import KnowledgeBase, LoadError, load
from knowledge.generate import generate_base, typo_queries
from knowledge.limits import Limits
from knowledge.search import SearchIndex, fold

T = TypeVar("T")
BIG = Limits(max_file_mb=1024, max_total_mb=4096, max_records_per_file=10_000_000)  # 100k records

# Goals by base size, checked against the SearchIndex rows' figures (each at most this).
GOALS: dict[int, dict[str, float]] = {
    10_000: {
        "search p99 ms": 1.0,
        "autocomplete p99 ms (worst length)": 1.0,
        "confident-and-wrong": 0,
    },
    100_000: {
        "search p99 ms": 3.0,
        "bytes per record": 2048,
        "build CPU s": 5.0,  # CPU time: the machine the benchmark runs on may be shared
        "confident-and-wrong": 0,
    },
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
    fn: Callable[[str], T], queries: Sequence[str], repeat: int
) -> tuple[list[float], list[T]]:
    """Per query: the median of `repeat` timings (ms), and the result."""
    times: list[float] = []
    results: list[T] = []
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


class Index(Protocol):
    """What both indexes (this one and the first release's) answer."""

    def __len__(self) -> int: ...
    def search(self, query: str) -> Any: ...
    def autocomplete(self, partial: str) -> Any: ...
    def find_mentions(self, text: str) -> Any: ...


def build_index(
    build: Callable[[KnowledgeBase], Index], kb: KnowledgeBase, memory: bool
) -> tuple[Index, float, float, float | None]:
    """The index, its build time (wall and CPU s) and, if asked, its bytes per record."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    index = build(kb)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    per_record = None
    if memory:  # a second build, traced (tracing slows it down several times)
        del index
        gc.collect()
        tracemalloc.start()
        index = build(kb)
        gc.collect()
        per_record = tracemalloc.get_traced_memory()[0] / max(1, len(index))
        tracemalloc.stop()
    return index, seconds, cpu, per_record


def top1(ids: Sequence[str | None], want: Sequence[str]) -> float:
    """The share of ids that are the expected ones."""
    return sum(a == b for a, b in zip(ids, want, strict=False)) / max(1, len(ids))


@dataclass
class Searched:
    """One index's search over the queries: its first match and confident pick per query."""

    firsts: list[str | None]
    bests: list[str | None]
    matched: list[str | None]  # the folded text of the first match


def measure_index(
    label: str,
    who: str,
    build: Callable[[KnowledgeBase], Index],
    kb: KnowledgeBase,
    pairs: list[tuple[str, str]],
    args: argparse.Namespace,
    memory: bool,
) -> tuple[list[Row], Searched]:
    """Build, search, autocomplete and find mentions with one index."""
    index, build_s, build_cpu, per_record = build_index(build, kb, memory)
    note = f"CPU {build_cpu:.2f} s" + (
        f"; {per_record:,.0f} bytes per record" if per_record else ""
    )
    print(f"{label}: {who} built in {build_s:.2f} s ({note})", file=sys.stderr, flush=True)
    rows = [
        Row(label, f"{who}: build", 1, build_s * 1000, build_s * 1000, None, note,
            {"build CPU s": build_cpu} | ({"bytes per record": per_record} if per_record else {}))
    ]  # fmt: skip
    queries = [q for q, _ in pairs]
    expected = [rid for _, rid in pairs]
    n = len(queries)
    gc.collect()
    gc.freeze()
    times, results = timed(index.search, queries, args.repeat)
    searched = Searched(
        [r.matches[0].record_id if r.matches else None for r in results],
        [r.best.record_id if r.best else None for r in results],
        [fold(r.matches[0].matched_text) if r.matches else None for r in results],
    )
    confident = sum(b is not None for b in searched.bests)
    wrong = sum(b is not None and b != w for b, w in zip(searched.bests, expected, strict=True))
    rows.append(
        Row(label, f"{who}: search", n, statistics.median(times), p99(times),
            top1(searched.firsts, expected),
            f"confident {confident / n:.1%}, confident-and-wrong {wrong}",
            {"search p99 ms": p99(times), "confident-and-wrong": wrong})
    )  # fmt: skip
    times, results = timed(index.autocomplete, queries, args.repeat)
    within = sum(any(c.value == w for c in r) for r, w in zip(results, expected, strict=True))
    rows.append(
        Row(label, f"{who}: autocomplete (typo'd)", n, statistics.median(times), p99(times),
            top1([r[0].value if r else None for r in results], expected),
            f"expected among the choices: {within / n:.1%}")
    )  # fmt: skip
    rng = random.Random(2)
    prefixes = [q[: rng.randint(1, max(1, len(q)))] for q in queries]
    times, _ = timed(index.autocomplete, prefixes, args.repeat)
    by_length: dict[int, list[float]] = {}
    for p, t in zip(prefixes, times, strict=True):
        by_length.setdefault(min(len(p), 12), []).append(t)
    worst = max(by_length, key=lambda k: p99(by_length[k]))
    rows.append(
        Row(label, f"{who}: autocomplete (prefixes)", n, statistics.median(times), p99(times),
            None, f"as typed; worst prefix length {worst}: p99 {p99(by_length[worst]):.3f} ms",
            {"autocomplete p99 ms (worst length)": p99(by_length[worst])})
    )  # fmt: skip
    messages = [
        f"hey capcom when does the {q} launch and what will it carry up to the station "
        "this year please"
        for q in queries
    ]
    times, results = timed(index.find_mentions, messages, args.repeat)
    hit = sum(any(m.record_id == w for m in r) for r, w in zip(results, expected, strict=True))
    rows.append(
        Row(label, f"{who}: find_mentions (20 words)", n, statistics.median(times), p99(times),
            hit / n, "the typo'd record among the mentions found")
    )  # fmt: skip
    gc.unfreeze()
    return rows, searched


def nearer(kb: KnowledgeBase, query: str, answered: str | None, want: str) -> bool:
    """Whether the name answered is fewer typos from the query than every name of the record
    the query was made from (then the query reads as the other record: a typo model cannot
    tell, and a person would read it so too)."""
    rec = kb.get(want)
    if answered is None or rec is None:
        return False
    key = fold(query)
    own = min(Levenshtein.distance(key, fold(t)) for t in [rec.name, *rec.aliases])
    return Levenshtein.distance(key, answered) < own


def bench_base(label: str, kb: KnowledgeBase, args: argparse.Namespace) -> list[Row]:
    """All measurements on one base."""
    pairs = typo_queries(kb, args.queries, seed=1)
    if not pairs:
        print(f"{label}: no records to query, skipped", file=sys.stderr)
        return []
    queries = [q for q, _ in pairs]
    expected = [rid for _, rid in pairs]
    texts, owners = names_of(kb)
    print(f"{label}: {len(texts)} names+aliases, {len(pairs)} typo'd queries", file=sys.stderr)
    rows, mine = measure_index(
        label, "SearchIndex", SearchIndex.build, kb, pairs, args, args.memory
    )
    for i, (q, want) in enumerate(pairs):
        if mine.bests[i] is not None and mine.bests[i] != want:
            why = "nearer name" if nearer(kb, q, mine.matched[i], want) else "WRONG"
            print(f"  confident-and-wrong: {q!r} -> {mine.bests[i]} (made from {want}): {why}")
    if args.first_release:
        old_rows, _ = measure_index(
            label, "first release", baseline_search.SearchIndex.build, kb, pairs, args,
            args.memory and len(texts) <= 50_000,
        )  # fmt: skip
        rows += old_rows
    n = len(queries)
    exact: dict[str, str] = {}
    for text, owner in zip(texts, owners, strict=True):
        exact.setdefault(fold(text), owner)
    times, results = timed(lambda q: exact.get(fold(q)), queries, args.repeat)
    rows.append(
        Row(label, "floor: dict of folded names", n, statistics.median(times), p99(times),
            top1([r if isinstance(r, str) else None for r in results], expected),
            "finds only case/space/dash changes")
    )  # fmt: skip
    processed = [default_process(t) for t in texts]
    sample = max(1, min(n, args.sample if len(texts) > 100_000 else n))
    for name, scorer in (("ratio", fuzz.ratio), ("WRatio", fuzz.WRatio)):
        take = sample if name == "ratio" else max(1, sample // 3)

        def extract(q: str, scorer: Callable[..., float] = scorer) -> list[tuple[str, float, int]]:
            return process.extract(
                default_process(q), processed, scorer=scorer, processor=None, limit=5
            )

        times, extracted = timed(extract, queries[:take], 1)
        ids = [owners[r[0][2]] if r else None for r in extracted]
        rows.append(
            Row(label, f"baseline: rapidfuzz extract {name}, case-folded, limit 5", take,
                statistics.median(times), p99(times), top1(ids, expected[:take]),
                f"SearchIndex on the same queries: {top1(mine.firsts[:take], expected):.1%}")
        )  # fmt: skip
    folded = [t.casefold() for t in texts]
    owner_of = dict(zip(folded, owners, strict=True))
    take = max(1, min(n, args.difflib))
    times, close = timed(
        lambda q: difflib.get_close_matches(q.casefold(), folded, n=5, cutoff=0.6),
        queries[:take],
        1,
    )
    ids = [owner_of[r[0]] if r else None for r in close]
    rows.append(
        Row(label, "baseline: difflib.get_close_matches, cutoff 0.6, case-folded", take,
            statistics.median(times), p99(times), top1(ids, expected[:take]),
            f"SearchIndex on the same queries: {top1(mine.firsts[:take], expected):.1%}")
    )  # fmt: skip
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
        search = mine.get("SearchIndex: search")
        if search is None:
            continue
        for name, b in mine.items():
            if not (name.startswith("baseline") or name == "first release: search"):
                continue
            out.append(
                f"- {base}: search {b.median_ms / search.median_ms:,.0f}× faster at the median, "
                f"{b.p99_ms / search.p99_ms:,.0f}× at p99 than {name.removeprefix('baseline: ')}"
                f"; top-1 {b.top1 or 0:.1%} for it ({b.note or 'same queries'})"
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
    parser.add_argument(
        "--no-first-release", dest="first_release", action="store_false",
        help="skip the first release's index (benchmarks/baseline_search.py)",
    )  # fmt: skip
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
            generated = load(folder, BIG)
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
            figure = next(
                (
                    r.figures[goal]
                    for r in found
                    if r.method.startswith("SearchIndex") and r.figures and goal in r.figures
                ),
                None,
            )
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
