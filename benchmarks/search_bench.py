"""Benchmark of knowledge.search against difflib and rapidfuzz WRatio baselines (one run).

Run: .venv/bin/python -m benchmarks.search_bench [--queries 1000] [--records 10000]
"""

from __future__ import annotations

import argparse
import difflib
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from knowledge import KnowledgeBase, LoadError, load
from knowledge.generate import generate_base, typo_queries
from knowledge.search import SearchIndex


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


def _time(fn: Callable[[str], object], queries: list[str]) -> tuple[list[float], list[object]]:
    times: list[float] = []
    results: list[object] = []
    for q in queries:
        t0 = time.perf_counter_ns()
        r = fn(q)
        times.append((time.perf_counter_ns() - t0) / 1e6)
        results.append(r)
    return times, results


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _aliases(kb: KnowledgeBase) -> tuple[list[str], list[str]]:
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


def bench_base(label: str, kb: KnowledgeBase, n_queries: int, difflib_n: int) -> list[Row]:
    """All measurements on one base."""
    rows: list[Row] = []
    t0 = time.perf_counter()
    index = SearchIndex.build(kb)
    build_s = time.perf_counter() - t0
    pairs = typo_queries(kb, n_queries, seed=1)
    if not pairs:
        print(f"{label}: no records to query, skipped", file=sys.stderr)
        return rows
    queries = [q for q, _ in pairs]
    expected = [rid for _, rid in pairs]
    texts, owners = _aliases(kb)
    owner_of = dict(enumerate(owners))
    print(
        f"{label}: {len(index)} records, {len(texts)} names+aliases, index built in "
        f"{build_s * 1000:.0f} ms, {len(pairs)} typo'd queries",
        file=sys.stderr,
    )
    gc.collect()
    gc.freeze()

    def top1(ids: list[str | None], want: list[str]) -> float:
        return sum(a == b for a, b in zip(ids, want, strict=True)) / len(want)

    # This module: search.
    times, results = _time(index.search, queries)
    ids: list[str | None] = []
    confident = wrong = 0
    for r, want in zip(results, expected, strict=True):
        matches = getattr(r, "matches", ())
        ids.append(matches[0].record_id if matches else None)
        best = getattr(r, "best", None)
        if best is not None:
            confident += 1
            wrong += best.record_id != want
    n = len(queries)
    rows.append(
        Row(
            label,
            "SearchIndex.search",
            n,
            statistics.median(times),
            _p99(times),
            top1(ids, expected),
            f"confident {confident / n:.1%}, confident-and-wrong {wrong / n:.2%}",
        )
    )

    # This module: autocomplete on the same typo'd strings, and on prefixes as typed.
    times, results = _time(index.autocomplete, queries)
    firsts: list[str | None] = []
    within = 0
    for r, want in zip(results, expected, strict=True):
        choices = r if isinstance(r, list) else []
        firsts.append(choices[0].value if choices else None)
        within += any(c.value == want for c in choices)
    rows.append(
        Row(
            label,
            "SearchIndex.autocomplete (typo'd)",
            n,
            statistics.median(times),
            _p99(times),
            top1(firsts, expected),
            f"expected id among the ≤25 choices: {within / n:.1%}",
        )
    )
    rng = random.Random(2)
    prefixes = []
    for q, _ in pairs:
        prefixes.append(q[: rng.randint(1, max(1, len(q)))])
    times, _ = _time(index.autocomplete, prefixes)
    rows.append(
        Row(
            label,
            "SearchIndex.autocomplete (prefixes)",
            n,
            statistics.median(times),
            _p99(times),
            None,
            "random-length prefixes of the queries, as typed",
        )
    )

    # This module: find_mentions in a 20-word message.
    messages = [
        f"hey capcom when does the {q} launch and what will it carry up to the station "
        "this year please"
        for q in queries
    ]
    times, results = _time(index.find_mentions, messages)
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
            _p99(times),
            hit / n,
            "accuracy: the typo'd record is among the mentions found",
        )
    )

    # Baseline: rapidfuzz WRatio over every alias, as the issue describes it (no processor).
    def wratio(q: str) -> object:
        return process.extractOne(q, texts, scorer=fuzz.WRatio)

    times, results = _time(wratio, queries)
    ids = [owner_of[r[2]] if r else None for r in results]  # type: ignore[index]
    rows.append(
        Row(
            label,
            "baseline extractOne WRatio",
            n,
            statistics.median(times),
            _p99(times),
            top1(ids, expected),
            "over all aliases, no processor",
        )
    )

    sub = min(n, max(difflib_n, 1))

    # The same with rapidfuzz's default_process (case folding), on a subsample.
    def wratio_fold(q: str) -> object:
        return process.extractOne(q, texts, scorer=fuzz.WRatio, processor=default_process)

    times, results = _time(wratio_fold, queries[: sub * 2])
    ids = [owner_of[r[2]] if r else None for r in results]  # type: ignore[index]
    rows.append(
        Row(
            label,
            "baseline extractOne WRatio + default_process",
            len(times),
            statistics.median(times),
            _p99(times),
            top1(ids, expected[: len(times)]),
            f"subsample: first {len(times)} queries",
        )
    )

    # Baseline: difflib over every alias (slow: a subsample of the queries).
    def close(q: str) -> object:
        return difflib.get_close_matches(q, texts, n=1, cutoff=0.0)

    owner_by_text: dict[str, str] = {}
    for t, o in zip(texts, owners, strict=True):
        owner_by_text.setdefault(t, o)
    times, results = _time(close, queries[:sub])
    ids = [owner_by_text.get(r[0]) if r else None for r in results]  # type: ignore[index]
    rows.append(
        Row(
            label,
            "baseline difflib.get_close_matches",
            len(times),
            statistics.median(times),
            _p99(times),
            top1(ids, expected[:sub]),
            f"subsample: first {len(times)} queries",
        )
    )
    gc.unfreeze()
    return rows


def render(rows: list[Row]) -> str:
    """The markdown table, then speed ratios against the baselines."""
    out = [
        "| base | method | queries | median ms | p99 ms | top-1 accuracy | notes |",
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
        for name in (
            "baseline extractOne WRatio",
            "baseline extractOne WRatio + default_process",
            "baseline difflib.get_close_matches",
        ):
            b = mine.get(name)
            if b is None:
                continue
            what = name.removeprefix("baseline ")
            out.append(
                f"- {base}: search is {b.median_ms / search.median_ms:,.0f}× faster (median) and "
                f"{b.p99_ms / search.p99_ms:,.0f}× faster (p99) than {what}"
                f"; top-1 {search.top1 or 0:.1%} vs {b.top1 or 0:.1%}"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark on the curated base and on a generated one; print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--difflib", type=int, default=100, help="queries timed for difflib")
    parser.add_argument("--knowledge", type=Path, default=None, help="curated base folder")
    args = parser.parse_args(argv)

    rows: list[Row] = []
    try:
        curated = load(args.knowledge)
    except LoadError as exc:
        print(
            f"curated base does not load ({len(exc.problems)} problems): skipped", file=sys.stderr
        )
    else:
        rows += bench_base(
            f"curated ({len(curated.kinds) - len(curated.sources)} records)",
            curated,
            args.queries,
            args.difflib,
        )
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        folder = generate_base(Path(tmp) / "generated", args.records, seed=0)
        t1 = time.perf_counter()
        generated = load(folder)
        t2 = time.perf_counter()
        print(
            f"generated base: written in {t1 - t0:.1f} s, loaded in {t2 - t1:.1f} s",
            file=sys.stderr,
        )
        rows += bench_base(f"generated {args.records:,}", generated, args.queries, args.difflib)
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
