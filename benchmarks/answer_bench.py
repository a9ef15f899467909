"""Answer time and reply length per question on the curated base: the router against the
first release's (benchmarks/baseline_router.py, with its own topic matcher) in the same run.

Times are CPU time of this thread (what an answer costs) and wall time (what a user waits,
with whatever else the machine runs); the 5 ms p99 goal is on CPU time, because on a shared
machine the wall-time p99 mostly measures the neighbours.

Run: .venv/bin/python -m benchmarks.answer_bench [--rounds 5]

Questions: benchmarks/data/questions.yaml (by category), the dev and more question sets and
the topic paraphrases. Times are per question, in-process, after one warm-up round; the
goal is p99 <= 5 ms. Lengths are of the reply as plain text (title, text, fields, footer).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from benchmarks import baseline_router
from benchmarks.baseline_topics import TopicMatcher as BaselineTopics
from commands.context import Context
from commands.reply import Reply
from commands.router import answer, clean, is_whatif
from knowledge import load

NOW = dt.date(2026, 11, 30)
ROOT = Path(__file__).resolve().parents[1]
GOAL_P99_MS = 5.0


def questions() -> dict[str, list[str]]:
    """Every question by category."""
    data = ROOT / "tests" / "commands" / "data"
    cats: dict[str, list[str]] = yaml.safe_load(
        (ROOT / "benchmarks" / "data" / "questions.yaml").read_text(encoding="utf-8")
    )
    for name in ("dev-questions", "more-questions", "paraphrases"):
        cases = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
        cats[name] = [c["ask"] for c in cases if c["ask"]]
    # What-ifs run the resupply model (commands/whatif): timed apart from the questions.
    whatifs = [q for qs in cats.values() for q in qs if is_whatif(clean(q))]
    cats = {cat: [q for q in qs if q not in whatifs] for cat, qs in cats.items()}
    cats["what-if"] = whatifs
    return cats


def _p99(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


Times = dict[str, list[float]]


def run(
    ask: Callable[[str], Reply], cats: dict[str, list[str]], rounds: int
) -> tuple[Times, Times, dict[str, list[int]]]:
    """Per-question CPU and wall times (ms, all rounds) and reply lengths, by category."""
    for qs in cats.values():  # warm-up: caches, lazy imports
        for q in qs:
            ask(q)
    cpu: Times = {cat: [] for cat in cats}
    wall: Times = {cat: [] for cat in cats}
    gc.collect()
    for _ in range(rounds):
        for cat, qs in cats.items():
            for q in qs:
                c0, w0 = time.thread_time_ns(), time.perf_counter_ns()
                ask(q)
                cpu[cat].append((time.thread_time_ns() - c0) / 1e6)
                wall[cat].append((time.perf_counter_ns() - w0) / 1e6)
    lengths = {cat: [len(ask(q).plain()) for q in qs] for cat, qs in cats.items()}
    return cpu, wall, lengths


def _row(label: str, t: list[float]) -> str:
    return f"{label:24} {statistics.median(t):10.3f} {_p99(t):8.3f} {max(t):8.3f}"


def _pick(times: Times, whatifs: bool) -> list[float]:
    return [x for cat, t in times.items() if (cat == "what-if") == whatifs for x in t]


def main() -> None:
    """Print the comparison tables: time (CPU and wall) and reply length."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    kb = load()
    ctx = Context.build(kb)
    base_ctx = dataclasses.replace(ctx, topics=BaselineTopics.build(kb))  # type: ignore[arg-type]
    cats = questions()
    n = sum(len(v) for v in cats.values())
    print(f"{n} questions x {args.rounds} rounds on the curated base (as of {kb.as_of})\n")
    new_cpu, new_wall, new_len = run(lambda q: answer(ctx, q, NOW), cats, args.rounds)
    old_cpu, old_wall, old_len = run(
        lambda q: baseline_router.answer(base_ctx, q, NOW),
        cats,
        args.rounds,
    )
    goal = 0.0
    for clock, new_t, old_t in (("cpu", new_cpu, old_cpu), ("wall", new_wall, old_wall)):
        print(f"{clock + ' time':24} {'median ms':>10} {'p99 ms':>8} {'max ms':>8}")
        for label, whatifs in (("questions", False), ("what-ifs", True)):
            old, new = _pick(old_t, whatifs), _pick(new_t, whatifs)
            print(_row(f"baseline, {label}", old))
            print(_row(f"new, {label}", new))
            ratio = statistics.median(new) / statistics.median(old)
            print(f"{'  ratio new/baseline':24} {ratio:10.2f} {_p99(new) / _p99(old):8.2f}")
            if clock == "cpu" and not whatifs:
                goal = _p99(new)
        print()
    verdict = "met" if goal <= GOAL_P99_MS else "NOT met"
    print(f"goal, CPU p99 <= {GOAL_P99_MS} ms per question: {verdict} ({goal:.3f} ms)\n")
    print(f"{'reply length':16} {'n':>4} {'baseline median':>16} {'new median':>11} {'new max':>8}")
    for cat in cats:
        o, w = old_len[cat], new_len[cat]
        mo, mw = statistics.median(o), statistics.median(w)
        print(f"{cat:16} {len(w):4} {mo:16.0f} {mw:11.0f} {max(w):8}")
    print("\nreply length = characters of the reply as plain text (title, text, fields, footer)")


if __name__ == "__main__":
    main()
