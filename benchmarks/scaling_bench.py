"""How the indexes built for a base grow with its size: linear, or worse?

Builds the search index, the topic matcher and the lexicon (what Context.build makes) for bases
with a growing number of topics (the first release's search index grew quadratically with
them: 10k topics 1.6 s, 20k 7.5 s, 40k 30 s) and a growing number of records, and prints each
build's CPU time and its growth exponent: the slope of log(time) over log(size), 1.0 for
linear, 2.0 for quadratic.

Run: .venv/bin/python -m benchmarks.scaling_bench [--topics 5000 10000 20000 40000]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from commands.topics import TopicMatcher
from commands.understand.lexicon import Lexicon
from knowledge import KnowledgeBase, load
from knowledge.generate import generate_base
from knowledge.limits import Limits
from knowledge.search import SearchIndex

BUILDS: dict[str, Callable[[KnowledgeBase], object]] = {
    "SearchIndex": SearchIndex.build,
    "TopicMatcher": TopicMatcher.build,
    "Lexicon": Lexicon.build,
}
CLEARLY_SUPERLINEAR = 1.5  # n log n reads about 1.1 over these sizes; quadratic 2.0
BIG = Limits(max_file_mb=1024, max_total_mb=4096, max_records_per_file=10_000_000)
_WORDS = "soyuz progress dragon cargo pad damage repair station crew launch supply water".split()


def with_topics(folder: Path, n: int) -> Path:
    """A small generated base plus n topics worded alike (as a grown topics.yaml would be)."""
    generate_base(folder, n_records=100, seed=0)
    rng = random.Random(1)
    topics = []
    for i in range(n):
        a, b = rng.sample(_WORDS, 2)
        topics.append(
            {
                "id": f"topic-{i}",
                "name": f"Why does the {a} need {b} {i}",
                "questions": [f"why does {a} need {b} {i}?", f"what is {a} {b} {i}"],
                "answer": f"Because {a} and {b} {i} are synthetic.",
                "related": ["vehicle-0"],
                "sources": ["gen-source-0"],
            }
        )
    (folder / "topics.yaml").write_text(yaml.safe_dump(topics, sort_keys=False), "utf-8")
    return folder


def cpu_seconds(build: Callable[[KnowledgeBase], object], kb: KnowledgeBase) -> float:
    """CPU time of one build (a busy machine slows wall time, not this)."""
    start = time.process_time()
    build(kb)
    return time.process_time() - start


def slope(points: list[tuple[int, float]]) -> float:
    """Least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(s, 1e-6)) for _, s in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den if den else 0.0


def series(label: str, sizes: list[int], make: Callable[[Path, int], Path]) -> bool:
    """Time every build at every size; print a table; True when all grow about linearly."""
    times: dict[str, list[tuple[int, float]]] = {name: [] for name in BUILDS}
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            kb = load(make(Path(tmp) / "kb", n), BIG)
            for name, build in BUILDS.items():
                times[name].append((n, cpu_seconds(build, kb)))
        print(f"  {label} {n:,}: " + ", ".join(f"{k} {v[-1][1]:.2f} s" for k, v in times.items()))
    ok = True
    for name, points in times.items():
        exponent = slope(points)
        ok = ok and exponent < CLEARLY_SUPERLINEAR
        print(
            f"| {label} | {name} | "
            + " | ".join(f"{s:.2f}" for _, s in points)
            + f" | {exponent:.2f} |"
        )
    return ok


def main(argv: list[str] | None = None) -> int:
    """Print CPU seconds per size and the growth exponent; exit 1 if one is clearly superlinear."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--topics", type=int, nargs="*", default=[5000, 10000, 20000, 40000])
    parser.add_argument("--records", type=int, nargs="*", default=[5000, 10000, 20000, 40000])
    args = parser.parse_args(argv)
    print("| grows with | build | CPU s at each size | exponent (1 = linear) |")
    print("|---|---|---|---:|")
    ok = series("topics", args.topics, with_topics)
    ok = series("records", args.records, lambda f, n: generate_base(f, n, seed=0)) and ok
    print(f"sizes: topics {args.topics}, records {args.records}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
